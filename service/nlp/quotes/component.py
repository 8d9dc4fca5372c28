"""The ``newswire_quotes`` pipeline component: every quote of a story, with its speaker.

Sets ``doc._.quotes`` to a fresh list of JSON-ready dicts (see
``schemas/quote.v1.json``), one per quote, in text order::

    {"kind": "dash", "text": "Dette er alvorlig", "start": 2, "end": 19,
     "speaker": {"text": "forsvarsminister Kari Nilsen", "start": 26, "end": 54,
                 "canonical": "Kari Nilsen"},
     "cue": {"text": "sier", "start": 21, "end": 25},
     "role": "forsvarsminister", "speaker_type": "person",
     "sources": [{"text": "forsvarsminister Kari Nilsen", ...}]}

Kinds: ``direct`` («...» or "..."), ``dash`` (a paragraph opening with a dash),
``partial`` (a quoted fragment inside reported speech), ``indirect`` (a reported
clause, or an unmarked "..., sier X"), ``according_to`` ("ifølge X", "...,
opplyser X", "Det opplyser X"), and ``scare`` for quoted titles, names and
terms, which never get a speaker. ``doc.text[start:end] == text`` always.

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> [q["kind"] for q in nlp("«Vi trekker oss», skriver departementet.")._.quotes]  # doctest: +SKIP
['direct']
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from service.nlp import extensions
from service.nlp.quotes.builder import KINDS, Quote, extract_quotes

__all__ = ["KINDS", "Quote", "extract_quotes", "make_quote_extractor", "quote_dicts"]

extensions.register()


def quote_dicts(doc: Doc) -> list[dict[str, Any]]:
    """The quotes of ``doc`` as the dicts ``doc._.quotes`` holds."""
    text = doc.text
    return [quote.as_dict(text) for quote in extract_quotes(doc)]


@Language.factory(
    "newswire_quotes",
    requires=["doc.sents", "token.is_sent_start", "token.tag", "token.pos", "token.morph", "token.dep", "token.head",
              "token.ent_iob", "token.ent_type", f"doc._.{extensions.MENTIONS}"],
    assigns=[f"doc._.{extensions.QUOTES}"],
)
def make_quote_extractor(nlp: Language, name: str) -> extensions.SetsAttribute:
    """Factory registered as ``newswire_quotes`` (added after ``newswire_mentions`` by ``load_pipeline``):
    ``doc._.quotes = quote_dicts(doc)``."""
    return extensions.SetsAttribute(extensions.QUOTES, quote_dicts)
