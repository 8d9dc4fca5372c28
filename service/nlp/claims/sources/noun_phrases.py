"""A claimant noun phrase's wording: its text, offsets, articles and head.

Where the phrase ends is read by the shared reader with its claimant rules
(``phrase_after(tokens, i, CLAIMANT_AFTER_A_CUE)`` in :mod:`service.nlp.mentions.noun_phrase`).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from service.nlp.claims.source_words import ARTICLES, FIXED_NAMES


def span_of(tokens: list[Token]) -> dict:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return {"text": doc.text[start:end], "start": start, "end": end}


def without_articles(tokens: list[Token]) -> list[Token]:
    if " ".join(t.lower_ for t in tokens[:3]) in FIXED_NAMES:
        return tokens
    k = 0
    while k < len(tokens) - 1 and tokens[k].lower_ in ARTICLES and tokens[k + 1].lower_ != "av":
        k += 1
    return tokens[k:]


def phrase_text(tokens: list[Token]) -> str:
    text = " ".join(t.text for t in tokens)
    text = re.sub(r"\s+([,.])", r"\1", text)
    first = tokens[0].text if tokens else ""
    if first[:1].isupper() and not is_proper(tokens[0]):
        text = text[:1].lower() + text[1:]
    return text


def is_proper(token: Token) -> bool:
    return (token.pos_ == "PROPN" or token.ent_type_ != "" or token.text.isupper()
            or (token.text[:1].isupper() and token.i > token.sent.start))


def head_before_preposition(tokens: list[Token]) -> tuple[Token, list[Token]]:
    """The NP head (last token before a preposition) and the tokens after it."""
    for k, token in enumerate(tokens):
        if k and token.lower_ in ("i", "for", "fra", "ved", "hos", "av"):
            if tokens[k - 1].lower_ in ("en", "ei", "et", "to", "flere", "noen") and token.lower_ == "av":
                return tokens[-1], []  # "en av Diarras livvakter"
            return tokens[k - 1], tokens[k + 1:]
    return tokens[-1], []
