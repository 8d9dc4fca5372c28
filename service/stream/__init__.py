"""The Faust edge: topics, agents, dead letters. Everything it calls is pure core."""
