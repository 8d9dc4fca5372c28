"""The subject of a reporting verb: who "anslår", "hevder", "opplyser" in "X anslår at …"."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from service.nlp.claims.context import is_verb
from service.nlp.mentions.noun_phrase import CLAIMANT_AFTER_A_CUE, phrase_after


def subject_of_verb(sent: list[Token], k: int) -> list[Token]:
    """The subject of the reporting verb ``sent[k]`` (of its auxiliary, for "vil ikke bekrefte")."""
    for step in SUBJECT_STEPS:
        found = step(sent, k)
        if found:
            return found
    return []


def _the_parsed_subject(sent: list[Token], k: int) -> list[Token] | None:
    """"Tyske myndigheter vil ikke bekrefte at …" -> the subject the parse gives the verb or its auxiliary."""
    verb = sent[k]
    holders = [verb] + ([verb.head] if verb.dep_ == "INFV" and verb.head.i < verb.i else [])
    for holder in holders:
        subjects = [c for c in holder.children if c.dep_ == "SUBJ" and c.i < verb.i]
        if subjects:
            tokens = [t for t in subjects[0].subtree if t.i < verb.i and t.text != ","]
            while tokens and tokens[0].text in ("–", "-", "«"):
                tokens = tokens[1:]
            if tokens:
                return tokens
    return None


def _clause_start(sent: list[Token], k: int) -> int:
    """Where the clause of the verb ``sent[k]`` starts: after a comma, a dash, "at", "men", …"""
    start = k
    while start > 0 and sent[start - 1].text not in (",", ";", ":", "–", "«", "»") \
            and sent[start - 1].lower_ not in ("at", "men", "og", "mens"):
        start -= 1
    return start


def _the_subject_after_an_adverbial(sent: list[Token], k: int) -> list[Token] | None:
    """"I trusselvurderingen skriver tjenesten at …": an adverbial first, then the verb, then its subject."""
    if sent[_clause_start(sent, k)].pos_ == "ADP" and k + 1 < len(sent) and sent[k + 1].lower_ != "at":
        return phrase_after(sent, k + 1, CLAIMANT_AFTER_A_CUE)
    return None


def _the_words_before_the_verb(sent: list[Token], k: int) -> list[Token] | None:
    """"…, men Forsvaret anslår at …" -> the clause's words before the verb (to a verb or "ikke")."""
    tokens: list[Token] = []
    for token in sent[_clause_start(sent, k):k]:
        if tokens and (is_verb(token) or token.lower_ in ("ikke", "aldri", "også")):
            break
        if token.text != ",":
            tokens.append(token)
    return tokens


#: Where the subject of a reporting verb is found, tried in this order: the parse's subject,
#: the words after the verb when the clause opens with an adverbial, the words before the verb.
SUBJECT_STEPS: tuple[Callable[[list[Token], int], list[Token] | None], ...] = (
    _the_parsed_subject,
    _the_subject_after_an_adverbial,
    _the_words_before_the_verb,
)
