"""Where a claimant noun phrase starts and ends ("ifølge Institute for the Study of War"), and its wording."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.nlp.claims.context import is_verb
from service.nlp.claims.source_words import (
    AFFILIATION_PREPS,
    ARTICLES,
    COUNT_OPENERS,
    FIXED_NAMES,
    NP_STOP_PUNCT,
    NP_STOP_WORDS,
)
from service.nlp.lang.places import country_of_adjective


@dataclass(frozen=True)
class _NextWord:
    """The word a claimant noun phrase may take next, and the phrase so far."""

    tokens: list[Token]
    j: int  # the word's index in ``tokens``
    taken: list[Token]  # the phrase so far
    stop: int | None  # the document index the phrase ends before, if any

    @property
    def token(self) -> Token:
        return self.tokens[self.j]


#: What a noun-phrase rule decides about the next word: it ends the phrase, or is taken into it.
ENDS, TAKEN = "ends", "taken"


#: A noun-phrase rule: ENDS or TAKEN, or None when it does not apply and the next rule is tried.
_WordRule = Callable[[_NextWord], str | None]


def noun_phrase_after(tokens: list[Token], i: int, limit: int = 14, stop: int | None = None) -> list[Token]:
    """The claimant noun phrase starting at ``tokens[i]`` (ending before token ``stop``)."""
    out: list[Token] = []
    for j in range(i, len(tokens)):
        if len(out) >= limit:
            break
        word = _NextWord(tokens, j, out, stop)
        verdict = next((v for rule in NOUN_PHRASE_RULES if (v := rule(word)) is not None), TAKEN)
        if verdict == ENDS:
            break
        out.append(tokens[j])
    return out


def _the_claim_begins(word: _NextWord) -> str | None:
    """"Russland har ifølge Pentagon 40.000 …": the phrase ends where the claim starts."""
    return ENDS if word.stop is not None and word.token.i >= word.stop and word.taken else None


def _a_name_goes_on(word: _NextWord) -> str | None:
    """"Institute for the Study of War", "personell- og vernepliktssenter": one name goes on."""
    token, taken = word.token, word.taken
    if not taken or token.text in NP_STOP_PUNCT:
        return None
    if (token.ent_iob_ == "I" and taken[-1].ent_type_) \
            or (token.lower_ in ("og", "eller") and taken[-1].text.endswith("-")):
        return TAKEN
    return None


def _punctuation_ends_it(word: _NextWord) -> str | None:
    """"opplyser Forsvaret, og …": punctuation ends the phrase."""
    return ENDS if word.token.text in NP_STOP_PUNCT else None


def _a_stop_word_ends_it(word: _NextWord) -> str | None:
    """"sier Jonson til NTB": a word that cannot be part of a source ends the phrase."""
    return ENDS if word.token.lower_ in NP_STOP_WORDS and word.taken else None


def _a_count_ends_it(word: _NextWord) -> str | None:
    """"ifølge Pentagon rundt 500 …": a count begins, so the phrase ends."""
    return ENDS if word.taken and _starts_count(word.tokens, word.j) else None


def _a_preposition_of_no_affiliation_ends_it(word: _NextWord) -> str | None:
    """"en offiser i den ukrainske hæren" goes on; "Forsvaret i går" ends at the preposition."""
    if word.token.lower_ not in AFFILIATION_PREPS or not word.taken:
        return None
    following = word.j + 1 < len(word.tokens)
    return ENDS if not following or not _affiliation_start(word.tokens, word.j + 1) else None


def _a_verb_ends_it(word: _NextWord) -> str | None:
    """"ifølge Forsvaret står det …": a verb ends the phrase (not an adjective tagged as one)."""
    token = word.token
    if word.taken and is_verb(token) and token.pos_ != "ADJ" and token.tag_ != "adj" \
            and not token.text[:1].isupper():
        return ENDS
    return None


def _a_participle_ends_it(word: _NextWord) -> str | None:
    """"har ifølge ukrainsk etterretning utplassert …": a participle ends it, whatever its tag."""
    token = word.token
    participle = "Part" in token.morph.get("VerbForm", None) or token.dep_ == "INFV"
    return ENDS if word.taken and participle and not token.text[:1].isupper() else None


#: The rules that decide whether a claimant noun phrase takes its next word, tried in this
#: order; a word no rule ends is taken. A name going on is taken before any stop is looked at.
NOUN_PHRASE_RULES: tuple[_WordRule, ...] = (
    _the_claim_begins,
    _a_name_goes_on,
    _punctuation_ends_it,
    _a_stop_word_ends_it,
    _a_count_ends_it,
    _a_preposition_of_no_affiliation_ends_it,
    _a_verb_ends_it,
    _a_participle_ends_it,
)


def _starts_count(tokens: list[Token], j: int) -> bool:
    """A count begins at ``tokens[j]``: "40.000", "mellom 40.000", "rundt 500" (not "TV 2")."""
    token = tokens[j]
    if token.like_num and any(c.isdigit() for c in token.text):
        return len(token.text) >= 3 or not tokens[j - 1].text.isupper()
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    return (token.lower_ in COUNT_OPENERS and following is not None
            and following.like_num and any(c.isdigit() for c in following.text))


def _affiliation_start(tokens: list[Token], k: int) -> bool:
    """After "i"/"for": a name or a national institution ("i den ukrainske hæren")."""
    token = tokens[k]
    if token.text[:1].isupper():
        return True
    if token.lower_ in ("den", "det", "de") and k + 1 < len(tokens):
        return country_of_adjective(tokens[k + 1].text) is not None
    if token.is_lower and token.lower_.endswith(("et", "en")) and k + 2 < len(tokens) \
            and tokens[k + 1].lower_ == "i" and tokens[k + 2].text[:1].isupper():
        return True  # "en rådgiver i presidentpalasset i Abidjan"
    return country_of_adjective(token.text) is not None


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
