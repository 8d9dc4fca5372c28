"""How the extractors' named rules answer: a rule sequence is tried in order and the first
rule that answers wins.

A rule returns None when it does not apply, so the next rule is tried. A rule that must be
able to stop the sequence with "nothing here" returns ``Decided(None)``: that is an answer,
and no later rule is tried.

>>> rules = (lambda n: None if n < 0 else Decided(None if n == 0 else n * 2), lambda n: Decided(-n))
>>> first_decision(rules, 3), first_decision(rules, 0), first_decision(rules, -4)
(Decided(answer=6), Decided(answer=None), Decided(answer=4))
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Decided", "first_decision"]

T = TypeVar("T")
S = TypeVar("S")
A = TypeVar("A")


@dataclass(frozen=True)
class Decided(Generic[T]):
    """A rule's answer: what it found, or None when it decided there is nothing (no later rule is tried)."""

    answer: T | None


def first_decision(rules: Iterable[Callable[[S], A | None]], subject: S) -> A | None:
    """What the first of ``rules`` that answers for ``subject`` answers, or None when none does."""
    for rule in rules:
        answer = rule(subject)
        if answer is not None:
            return answer
    return None
