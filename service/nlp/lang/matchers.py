"""spaCy matchers built from the vocabulary's word lists, once per spaCy vocabulary.

The word lists stay plain data (``places``, ``vocabulary``); this module turns the ones that
name things in several words into a ``PhraseMatcher``, so a caller asks "which of these names
stand in these tokens" instead of joining token texts and trying every window.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from service.nlp.lang.places import COUNTRIES, COUNTRY_ALIASES, PLACES

__all__ = ["COUNTRY_NAME_FIRST_WORDS", "COUNTRY_OF_MANY_WORDS", "country_name_matcher"]

#: A country named in two to four words, the most a country phrase is looked up in.
_WORDS_IN_A_COUNTRY_NAME = range(2, 5)
#: What a genitive adds to a name's last word: "Sri Lankas", "De forente staters'".
_GENITIVE_ENDINGS = ("", "s", "'", "’")
COUNTRY_OF_MANY_WORDS = "COUNTRY_OF_MANY_WORDS"


def _country_names() -> Iterable[str]:
    """Every lowercased name ``country_of_name`` knows: the aliases and the gazetteer's countries."""
    yield from COUNTRY_ALIASES
    yield from (name for name, place in PLACES.items()
                if place.kind == "country" and place.canonical in COUNTRIES)


#: The lowercase first word of every name ``country_name_matcher`` matches: a phrase with none of
#: them before its last word holds no such name, and needs no matching.
COUNTRY_NAME_FIRST_WORDS: frozenset[str] = frozenset(
    name.split()[0] for name in _country_names() if len(name.split()) in _WORDS_IN_A_COUNTRY_NAME)


@cache
def country_name_matcher(vocab: Vocab) -> PhraseMatcher:
    """Matches, by lowercase words, a country name of two to four words, also in the genitive
    ("den sentralafrikanske republikk", "Sri Lankas")."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    patterns = []
    for name in sorted(set(_country_names())):
        words = name.split()
        if len(words) in _WORDS_IN_A_COUNTRY_NAME:
            patterns += [Doc(vocab, words=words[:-1] + [words[-1] + ending]) for ending in _GENITIVE_ENDINGS]
    matcher.add(COUNTRY_OF_MANY_WORDS, patterns)
    return matcher
