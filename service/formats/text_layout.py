"""Layout rules shared by the plain-text wire formats and plain text inside XML.

Hard-wrapped agency text marks a paragraph with a blank line or with an indented
first line; a dateline (``Geneva (dpa) -``)
opens the story and names the place it was filed from.
"""
from __future__ import annotations

import html
import re

from service.nlp.lang.vocabulary import word_list

#: News agencies: on NTB's agency line (``NTB-Reuters``), in brackets in a dateline
#: (``Oslo (NTB) -``, ``Genf (dpa) -``), after a byline (``Von Christian Hollmann, dpa``).
#: The list is the NLP vocabulary's (``service/nlp/lang/data/agencies.txt``), which needs no spaCy.
AGENCIES = frozenset(name.lower() for name in word_list("agencies.txt"))
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_]+(?:[ .,'’-]{1,2}[^\W\d_]+)*\.?)\s+\((?P<agency>[^()]{2,20})\)\s*(?:[-–—_:]|\.-)"
)
_PLACE_MAX = 40
_DATELINE_SPAN = 120
#: a blank line (spaces, tabs and no-break spaces only) and the whitespace after it
BLANK_LINE = re.compile(r"\n[ \t\u00a0\u202f]*\n\s*")
_INDENTED = re.compile(r"[ \t]+\S")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HAS_TEXT = re.compile(r"[^\W_]")


def plain_paragraphs(text: str) -> list[str]:
    """Paragraphs of hard-wrapped text: blank lines separate them, and so does an
    indented line in a block whose other lines are not indented (typewriter style)."""
    paragraphs: list[str] = []
    for block in BLANK_LINE.split(text):
        lines = [line for line in block.split("\n") if line.strip()]
        flush = any(not _INDENTED.match(line) for line in lines[1:])
        current: list[str] = []
        for line in lines:
            if current and flush and _INDENTED.match(line):
                paragraphs.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


def has_text(paragraph: str) -> bool:
    """False for rules and ornaments (``_____``, ``* * *``): no letter or digit."""
    return bool(_HAS_TEXT.search(paragraph))


def unescape_entities(text: str) -> str:
    """Decode character references left in text that was escaped twice (``&amp;quot;``)."""
    return _ENTITY.sub(lambda match: html.unescape(match.group()), text) if "&" in text else text


def dateline_place(paragraph: str) -> str | None:
    """The place of a dateline opening the first paragraph: ``Geneva (dpa) - …`` → ``Geneva``.

    Only a bracketed agency name counts, so an ordinary sentence never yields a place,
    and a place has no digits, so a date never does.
    """
    match = _DATELINE.match(paragraph[:_DATELINE_SPAN])
    if not match or match.group("agency").strip().lower() not in AGENCIES:
        return None
    place = match.group("place").strip(" ,")
    return place if len(place) <= _PLACE_MAX else None
