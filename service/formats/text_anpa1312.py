"""ANPA 1312 text as AP sends it.

::

    SYN SYN SOH W2870 US asian               ← service, sequence number
    f l DC3 DC1 BC-LT--Argentina-CancerB …   ← priority, category, keyword, date, word count
    STX ^BC-LT--Argentina-Cancer Beauty,466< ← header lines start with ``^``: keyword,
    ^For Argentine chemo patients, …<          headline, photo and editors' notes,
    ^By PAUL BYRNE and ALMUDENA CALATRAVA=     byline and the byline's title
    ^Associated Press=
    TAB   BUENOS AIRES, Argentina (AP) _ …   ← a tab opens each paragraph
    ETX AP-WF-11-13-13 1509GMT<              ← filed: month-day-year, hour and minute GMT

The 7-bit character set writes quotation marks as ````…''`` (and ```…'``).
"""
from __future__ import annotations

import re

from .common import clean, inline
from .text_frame import Frame, TextStory, utc_time

_KEYWORD = re.compile(r"[A-Z]{2}-[A-Z]{2,}--")  # BC-LT--Argentina-Cancer …
_NOTE = re.compile(r"(?:AP Photos?\b|With AP Photos?\b|Eds?:|Editor'?s Note\b|Photos?:|Graphic\b)", re.I)
_FILED = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{2}) (\d{2})(\d{2}) ?GMT")
_LINE_END = "<=^ \t"


def _quotes(text: str) -> str:
    text = text.replace("'''", "'\u201d")  # a single quotation closing inside a double one
    return text.replace("``", "\u201c").replace("''", "\u201d").replace("`", "\u2018")


def _header(line: str, story: dict[str, str | None], after_byline: bool) -> bool:
    """File one ``^`` header line; True when it was the byline."""
    value = inline(line.strip(_LINE_END))
    if value is None or _KEYWORD.match(value) or _NOTE.match(value):
        return False
    if value.startswith("By "):
        story["byline"] = story["byline"] or value
        return True
    if story["headline"] is None and not after_byline:
        story["headline"] = _quotes(value)
    return False  # the byline's title (``Associated Press``) and later lines are not text


def anpa1312_story(frame: Frame) -> TextStory:
    """Header lines and tab-indented paragraphs of one ANPA 1312 message."""
    story: dict[str, str | None] = {"headline": None, "byline": None}
    paragraphs: list[str] = []
    current: list[str] | None = None
    after_byline = False
    for line in clean(frame.text).split("\n"):
        if line.startswith("^"):
            after_byline = _header(line, story, after_byline) or after_byline
            current = None
        elif not line.strip():
            current = None
        elif line.startswith("\t") or current is None:
            current = [line.strip()]
            paragraphs.append("")
        else:
            current.append(line.strip())
        if current is not None:
            paragraphs[-1] = _quotes(" ".join(current))
    filed = _FILED.search(clean(frame.trailer))
    return TextStory(
        paragraphs=paragraphs,
        headline=story["headline"],
        byline=story["byline"],
        versioncreated=utc_time(filed[3], filed[1], filed[2], filed[4], filed[5]) if filed else None,
    )
