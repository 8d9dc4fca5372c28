"""IPTC 7901 text as dpa sends it.

::

    SOH eca0003 3 i 380  dpa 0045       ← source+number, priority, category, word count
    Switzerland/migration/UN/           ← keyword line(s)
    STX REFILE                          ← heading: handling lines (upper case),
    1ST LEAD                              the headline,
    Switzerland joins list of …           and a byline; ``=`` ends a heading line
    By dpa correspondents =

    Geneva (dpa) - Switzerland is …     ← body, hard-wrapped, blank line between paragraphs
    # Notebook                          ← editors' notes, not for publication: not text
    dpa al rmo hct rmo                  ← desk sign-off
    ETX 212322 GMT Nov 18               ← filed: day, hour, minute GMT, month, year
"""
from __future__ import annotations

import re

from .common import clean, inline, urgency
from .text_frame import Frame, TextStory, utc_time
from .text_layout import plain_paragraphs

_FIRST_LINE = re.compile(r"\s*\S+\s+(?P<priority>\d)\s+\S+\s+\d+")
_HANDLING = re.compile(r"[A-Z0-9][A-Z0-9 .'/&-]*")  # REFILE, 1ST LEAD, EXTRA, CORRECTION
_BYLINE = ("By ", "Von ")
_NOTEBOOK = re.compile(r"#+\s*Notebook\b|\*(?: \*){2,}\s*$|.*\bnot (?:intended )?for publication\b", re.I)
_SIGN_OFF = re.compile(r"dpa(?: [a-z]{1,5})+")
_FILED = re.compile(r"(\d{2})(\d{2})(\d{2}) GMT ([A-Za-z]{3}) (\d{2,4})")
_HEADING_MAX_LINES = 6


def _heading(lines: list[str]) -> tuple[str | None, str | None]:
    """``(headline, byline)`` of the heading lines; handling lines are dropped."""
    headline: list[str] = []
    byline: str | None = None
    for line in lines:
        line = line.strip().rstrip("=").strip()
        if line.startswith(_BYLINE):
            byline = byline or inline(line)
        elif line and not _HANDLING.fullmatch(line):
            headline.append(line)
    return inline(" ".join(headline)), byline


def _body_lines(lines: list[str]) -> list[str]:
    """The lines before the editors' notebook."""
    for index, line in enumerate(lines):
        if _NOTEBOOK.match(line.strip()):
            return lines[:index]
    return lines


def iptc7901_story(frame: Frame) -> TextStory:
    """Heading, body and filing time of one IPTC 7901 message."""
    first = _FIRST_LINE.match(clean(frame.header).strip())
    lines = clean(frame.text).split("\n")
    blank = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    headline = byline = None
    if 0 < blank <= _HEADING_MAX_LINES and blank < len(lines):
        headline, byline = _heading(lines[:blank])
        lines = lines[blank:]
    paragraphs = plain_paragraphs("\n".join(_body_lines(lines)))
    if paragraphs and _SIGN_OFF.fullmatch(paragraphs[-1].strip()):
        paragraphs.pop()
    filed = _FILED.search(clean(frame.trailer))
    return TextStory(
        paragraphs=paragraphs,
        headline=headline,
        byline=byline,
        urgency=urgency(first.group("priority")) if first else None,
        versioncreated=utc_time(filed[5], filed[4], filed[1], filed[2], filed[3]) if filed else None,
    )
