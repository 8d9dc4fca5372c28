"""Mentions of people, organisations and places: the model's entities repaired
(``repair``) and named canonically once per story (``canonical``).
"""
