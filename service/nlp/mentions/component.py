"""The ``newswire_mentions`` component: a story's entities named canonically, once.

Entities, quote speakers and claim sources all need the same canonical names and
roles (:func:`~service.nlp.mentions.canonical.canonicalize`), which cost a pass over
every entity and its neighbourhood. The component, run after the entity repair, stores
them as ``doc._.mentions``; :func:`mentions_of` is how every reader gets them, and
computes them for a Doc that did not go through the pipeline (a test's hand-made Doc).

>>> import spacy
>>> doc = spacy.blank("nb")("Jonas Gahr Støre kom. Støre talte.")
>>> doc.ents = [doc.char_span(0, 16, label="PER"), doc.char_span(22, 27, label="PER")]
>>> [m.canonical for m in mentions_of(doc)]
['Jonas Gahr Støre', 'Jonas Gahr Støre']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from service.nlp import extensions
from service.nlp.mentions.canonical import CanonicalEntity, canonicalize

__all__ = ["make_mention_namer", "mentions_of"]

extensions.register()


def mentions_of(doc: Doc) -> tuple[CanonicalEntity, ...]:
    """The canonical entities of ``doc``: those stored for its current entities, else
    computed now and stored. Shared by every reader, hence a tuple."""
    stored = doc._.mentions
    if stored is None:
        doc._.mentions = canonicalize(doc)
        stored = doc._.mentions
    return stored


@Language.factory(
    "newswire_mentions",
    requires=["doc.ents", "token.ent_iob", "token.pos", "token.morph", "token.is_sent_start"],
    assigns=[f"doc._.{extensions.MENTIONS}"],
)
def make_mention_namer(nlp: Language, name: str) -> extensions.SetsAttribute:
    """Factory registered as ``newswire_mentions`` (added after the entity repair by ``load_pipeline``):
    ``doc._.mentions = canonicalize(doc)``."""
    return extensions.SetsAttribute(extensions.MENTIONS, _canonical_names)


def _canonical_names(doc: Doc) -> tuple[CanonicalEntity, ...]:
    """``canonicalize`` looked up when the component runs, not when it is made (one a test counts)."""
    return tuple(canonicalize(doc))
