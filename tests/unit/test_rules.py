"""The shared rule answer: the first rule that answers wins, and ``Decided(None)`` stops the sequence."""
from __future__ import annotations

import doctest

from service.nlp import rules
from service.nlp.rules import Decided, first_decision


def _negative(n: int) -> Decided[str] | None:
    return Decided("negative") if n < 0 else None


def _zero_is_nothing(n: int) -> Decided[str] | None:
    return Decided(None) if n == 0 else None


def _anything(n: int) -> Decided[str] | None:
    return Decided("positive")


ORDER = (_negative, _zero_is_nothing, _anything)


def test_the_first_rule_that_answers_wins() -> None:
    assert first_decision(ORDER, -1) == Decided("negative")
    assert first_decision(ORDER, 5) == Decided("positive")


def test_deciding_nothing_stops_the_later_rules() -> None:
    assert first_decision(ORDER, 0) == Decided(None)


def test_no_rule_answers() -> None:
    assert first_decision(ORDER[:2], 5) is None


def test_module_doctests() -> None:
    result = doctest.testmod(rules)
    assert result.attempted and not result.failed
