"""What a source rule answers, and the resolver the rules that look back are given."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.nlp.claims.context import StoryContext


@dataclass(frozen=True)
class Decided:
    """A rule's answer: the claimant, or None when the phrase names no one (no later rule is tried)."""

    claimant: dict | None


#: Resolves a noun phrase to a claimant: passed to the rules that look back at earlier sources.
Resolver = Callable[[StoryContext, list[Token]], dict | None]
