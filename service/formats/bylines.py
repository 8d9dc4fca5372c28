"""Bylines, one rule for every format: the writers' names as sent, without the "By"/"Av"
that opens them, so one byline reads alike whether it came as ninjs ``by``, a NITF
``byline``, a G2 ``by`` or a first paragraph of plain text."""
from __future__ import annotations

import re

from .common import inline
from .text_layout import AGENCIES

_OPENERS = ("By ", "BY ", "Von ", "Av ", "AV ", "Af ", "Par ", "Por ")
_PREFIX = re.compile(r"^(?:by|av|af|von|por|par)\s+(?=\S)", re.IGNORECASE)
_JOINERS = frozenset("and og och und et y & / - –".split())
_LOWER_CASE_WORDS = _JOINERS | AGENCIES  # may stand in a byline's names: "og", "dpa"
_NAME_SEPARATORS = re.compile(r"[\s,]+")
_SIGN_OFF_INITIALS = re.compile(r"[a-zæøå]{1,4}(?:/[a-zæøå]{1,4})+")  # EFE's "gr/bp": editors, not writers
_EDGE_MARKS = " ,.;:-–—\t\n"
_MAX = 80


def is_byline(paragraph: str) -> bool:
    """``By Jonathan Underhill``, ``Von Christian Hollmann, dpa``: an opener and names,
    as a line of its own in a body."""
    if len(paragraph) > _MAX or not paragraph.startswith(_OPENERS):
        return False
    words = [w for w in _NAME_SEPARATORS.split(paragraph.split(" ", 1)[1]) if w]
    return bool(words) and all(w[:1].isupper() or w.lower() in _LOWER_CASE_WORDS for w in words)


def writers(byline: str | None) -> str | None:
    """The byline without its opening "By"/"Av"/"Von" and edge marks; sign-off initials
    are no byline."""
    found = inline(_PREFIX.sub("", inline(byline) or "").strip(_EDGE_MARKS))
    return None if found is None or _SIGN_OFF_INITIALS.fullmatch(found) else found
