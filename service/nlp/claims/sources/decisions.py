"""The resolver the source rules that look back are given. (A rule's answer is the shared
:class:`~service.nlp.rules.Decided`, holding a claimant dict.)"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from service.nlp.claims.context import StoryContext

__all__ = ["Resolver"]


#: Resolves a noun phrase to a claimant: passed to the rules that look back at earlier sources.
Resolver = Callable[[StoryContext, list[Token]], dict | None]
