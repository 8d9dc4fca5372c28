"""Every attribute newswire's components set on a spaCy Doc, registered in one place.

- ``doc._.mentions``: the story's entities named canonically, a tuple of
  :class:`~service.nlp.mentions.canonical.CanonicalEntity` (``newswire_mentions``); None
  until computed, and again None once ``doc.ents`` changed since, so that no reader
  sees the names of entities the story no longer has;
- ``doc._.quotes``: the quote dicts of ``newswire_quotes``, None until it ran;
- ``doc._.claims``: the claim frames of ``newswire_claims``, ``[]`` until it ran.

>>> register(); register()   # idempotent: each component's module calls it on import
>>> from spacy.tokens import Doc
>>> all(Doc.has_extension(name) for name in (MENTIONS, QUOTES, CLAIMS))
True
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

__all__ = ["CLAIMS", "MENTIONS", "QUOTES", "SetsAttribute", "entity_key", "register"]

MENTIONS = "mentions"
QUOTES = "quotes"
CLAIMS = "claims"

# user_data keys behind the extensions that have a getter
_CLAIMS_STORE = "newswire_claims"
_MENTIONS_STORE = "newswire_mentions"


def entity_key(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """What the canonical names of a Doc depend on that a later step may change: its entities."""
    return tuple((ent.start, ent.end, ent.label_) for ent in doc.ents)


def _get_mentions(doc: Doc) -> tuple | None:
    stored = doc.user_data.get(_MENTIONS_STORE)
    if stored is None:
        return None
    key, mentions = stored
    return mentions if key == entity_key(doc) else None


def _set_mentions(doc: Doc, value: Any) -> None:
    doc.user_data[_MENTIONS_STORE] = (entity_key(doc), tuple(value))


def _get_claims(doc: Doc) -> list[dict[str, Any]]:
    return doc.user_data.get(_CLAIMS_STORE, [])


def _set_claims(doc: Doc, value: list[dict[str, Any]]) -> None:
    doc.user_data[_CLAIMS_STORE] = value


def register() -> None:
    """Register the Doc extensions that are not registered yet."""
    if not Doc.has_extension(MENTIONS):
        Doc.set_extension(MENTIONS, getter=_get_mentions, setter=_set_mentions)
    if not Doc.has_extension(QUOTES):
        Doc.set_extension(QUOTES, default=None)
    if not Doc.has_extension(CLAIMS):
        Doc.set_extension(CLAIMS, getter=_get_claims, setter=_set_claims)


@dataclass(frozen=True)
class SetsAttribute:
    """A pipeline component of newswire's: ``doc._.<attribute> = compute(doc)``."""

    attribute: str
    compute: Callable[[Doc], Any]

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(self.attribute, self.compute(doc))
        return doc
