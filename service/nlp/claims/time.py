"""Time phrases in Norwegian news sentences ("nå", "i januar", "siden februar 2022").

>>> [m.text for m in time_phrases("I fjor hadde de 900 soldater, og nå har de 1200 innen 2026.")]
['I fjor', 'nå', 'innen 2026']
>>> nearest_time("Det står nå 100.000 soldater der, sa han tirsdag.", 12, 28).text
'nå'
>>> is_future("innen 2026"), is_future("siden februar")
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TimePhrase", "is_calendar", "is_future", "nearest_time", "time_phrases"]

_MONTHS = ("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november"
           "|desember")
_SEASONS = "våren|sommeren|høsten|vinteren|helgen|jula|julen|påsken|nyåret|vinterferien"
_DAYS = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
_UNITS = "uken|uka|ukene|måneden|månedene|året|årene|dagene|døgnet|tiden|timene|helgen"
_LEAD = (r"i\s+løpet\s+av|i\s+begynnelsen\s+av|i\s+slutten\s+av|ved\s+utgangen\s+av"
         r"|fram\s+til|frem\s+til|i|på|siden|innen|før|etter|fra|til|gjennom|medio|ultimo|primo")
_NUMBER_WORD = r"(?:\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|tolv|femten|tjue)"

_PATTERNS: tuple[str, ...] = (
    rf"(?:{_LEAD})\s+(?:{_MONTHS})(?:\s+(?:1[89]|20)\d\d)?",
    rf"(?:{_LEAD})\s+(?:{_SEASONS})(?:\s+(?:1[89]|20)\d\d)?",
    r"innen\s+utgangen\s+av\s+(?:året|måneden|uken|(?:1[89]|20)\d\d)",
    rf"innen\s+{_NUMBER_WORD}\s+(?:dager|uker|måneder|år)",
    rf"(?:i\s+løpet\s+av\s+)?(?:de|den|det)\s+(?:siste|neste|kommende)\s+(?:{_NUMBER_WORD}\s+)?"
    rf"(?:{_UNITS})",
    rf"(?:denne|neste|forrige|sist)\s+(?:{_UNITS}|uke|måned|år|vinter|sommer|vår|høst|{_DAYS})",
    r"neste\s+(?:år|uke|måned|vinter|sommer|vår|høst)",
    rf"(?:siden\s+|fram\s+til\s+|innen\s+)?(?:natt\s+til\s+|sist\s+|på\s+)?(?:{_DAYS})"
    rf"(?:\s*(?:kveld|morgen|ettermiddag|formiddag))?",
    r"(?:siden\s+)?i\s+fjor\s+(?:høst|sommer|vinter|vår)",
    r"i\s+løpet\s+av\s+(?:natten|dagen|kvelden|helgen|døgnet|et\s+døgn|kort\s+tid|få\s+dager)",
    r"(?:i|innen|siden|før|etter|fra|fram\s+til|til)\s+(?:1[89]|20)\d\d",
    r"i\s+(?:dag|går|morgen|kveld|natt|fjor|år|vinter|sommer|høst|vår|helgen)",
    r"(?:siden|ved|etter|før|innen|til)\s+(?:nyttår|jul|påske|invasjonen|fullskalainvasjonen"
    r"|krigen\s+startet|krigen\s+brøt\s+ut|angrepet)",
    r"på\s+nyåret",
    r"nå|for\s+tiden|nylig",
)
_TIME_RE = re.compile(r"(?<!\w)(?:" + "|".join(_PATTERNS) + r")(?!\w)", re.IGNORECASE)
_FUTURE_RE = re.compile(
    r"^(?:innen|neste|de\s+neste|den\s+neste|det\s+neste|i\s+løpet\s+av\s+de\s+neste"
    r"|i\s+løpet\s+av\s+den\s+neste|i\s+morgen|på\s+nyåret|fram\s+til|frem\s+til)",
    re.IGNORECASE,
)


_CALENDAR_RE = re.compile(
    rf"^(?:i\s+løpet\s+av|i\s+begynnelsen\s+av|i\s+slutten\s+av|i|på|til)\s+(?:{_MONTHS}|{_SEASONS})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase with offsets into the text it was found in."""

    text: str
    start: int
    end: int


def time_phrases(text: str, offset: int = 0) -> list[TimePhrase]:
    """All time phrases in ``text``, left to right; offsets shifted by ``offset``."""
    return [TimePhrase(m.group(), m.start() + offset, m.end() + offset)
            for m in _TIME_RE.finditer(text)]


def nearest_time(text: str, start: int, end: int, offset: int = 0) -> TimePhrase | None:
    """The time phrase in ``text`` nearest to ``text[start:end]`` and outside it."""
    best: tuple[int, TimePhrase] | None = None
    for phrase in time_phrases(text):
        if phrase.start < end and start < phrase.end:
            continue
        distance = start - phrase.end if phrase.end <= start else phrase.start - end
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best is None:
        return None
    found = best[1]
    return TimePhrase(found.text, found.start + offset, found.end + offset)


def is_future(phrase: str) -> bool:
    """True for phrases that point ahead ("innen 2026", "neste år", "de neste ukene")."""
    return _FUTURE_RE.match(phrase.strip()) is not None


def is_calendar(phrase: str) -> bool:
    """A month or season with no year ("i mars", "i løpet av høsten"): ahead of a verb in
    the present tense ("sender ... i løpet av høsten"), behind one in the past."""
    return _CALENDAR_RE.match(phrase.strip()) is not None
