"""The Norwegian word lists of every extractor, read from the data files in ``lang/data``.

One file per kind of word, so a word is listed once and every extractor sees the same list.
A word list (``*.txt``) holds one entry a line; ``#`` starts a comment. A line ``[name]``
opens a named list inside the file (``word_list("media.txt", "name")``): the place for the
entries one reader must keep apart, with a comment saying why. Reading needs no spaCy, so
the wire formats may use these lists too.

>>> "reuters" in {name.lower() for name in word_list("agencies.txt")}
True
>>> sorted(verb.lemma for verb in reporting_verbs("question"))
['spørre']
>>> next(verb for verb in reporting_verbs() if verb.particle == "til").lemma
'legge til'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = ["ReportingVerb", "forms_to_lemma", "news_media", "reporting_verbs", "word_list"]

_DATA = files(__package__) / "data"
_MAIN = ""


@dataclass(frozen=True)
class ReportingVerb:
    """One row of ``reporting_verbs.tsv``: a verb, its forms and what it can introduce."""

    verb: str
    particle: str | None
    forms: tuple[str, ...]
    kinds: frozenset[str]

    @property
    def lemma(self) -> str:
        """The verb with its particle: "legge til"."""
        return f"{self.verb} {self.particle}" if self.particle else self.verb


def _lines(name: str) -> Iterator[str]:
    """The lines of a data file without comments and blank lines."""
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].rstrip()
        if text.strip():
            yield text


@cache
def _sections(name: str) -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {_MAIN: []}
    current = sections[_MAIN]
    for line in _lines(name):
        entry = line.strip()
        if entry.startswith("[") and entry.endswith("]"):
            current = sections.setdefault(entry[1:-1].strip(), [])
        else:
            current.append(entry)
    return {section: tuple(entries) for section, entries in sections.items()}


def word_list(name: str, section: str = _MAIN) -> tuple[str, ...]:
    """The entries of a word list in file order: its main list, or the named ``section``."""
    return _sections(name)[section]


def news_media() -> tuple[str, ...]:
    """Every named news medium by its own spelling: the media, then the agencies."""
    return word_list("media.txt") + word_list("agencies.txt")


@cache
def _table(name: str) -> tuple[ReportingVerb, ...]:
    rows = []
    for line in _lines(name):
        verb, particle, forms, kinds = line.split("\t")
        rows.append(ReportingVerb(verb, particle or None, tuple(forms.split()), frozenset(kinds.split())))
    return tuple(rows)


def reporting_verbs(*kinds: str, name: str = "reporting_verbs.tsv") -> tuple[ReportingVerb, ...]:
    """The verbs that can introduce any of ``kinds`` (all verbs when none is given)."""
    wanted = frozenset(kinds)
    return tuple(verb for verb in _table(name) if not wanted or verb.kinds & wanted)


def forms_to_lemma(verbs: Iterable[ReportingVerb]) -> dict[str, str]:
    """Inflected form -> lemma; a form of two verbs goes to the first."""
    table: dict[str, str] = {}
    for verb in verbs:
        for form in verb.forms:
            table.setdefault(form, verb.lemma)
    return table
