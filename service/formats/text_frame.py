"""Transmission framing of teletype-era wire text (IPTC 7901, ANPA 1312).

Both frame a story with control characters: a header after SOH (``\\x01``; ANPA
starts with two SYN ``\\x16`` first), the text after STX (``\\x02``), a trailer after
ETX (``\\x03``) with the filing time. Both standards are 8-bit: such a message is read
as UTF-8 when it is valid UTF-8, else as Latin-1 (Windows-1252 for 0x80–0x9F, as
Windows senders mean it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .common import decode_utf8, split_bom, timestamp

SOH, STX, ETX = "\x01", "\x02", "\x03"
Framing = Literal["anpa1312", "iptc7901"]
_FRAME_START = re.compile(rb"\x16{0,4}\x01")
_ANPA_MARKS = ("\x16", "\x1f", "\x13", "\x14")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


@dataclass(frozen=True)
class Frame:
    framing: Framing
    header: str  # between SOH and STX, control characters kept
    text: str  # between STX and ETX
    trailer: str  # after ETX


@dataclass(frozen=True)
class TextStory:
    """What a plain-text layout yields; the parser turns it into an Article."""

    paragraphs: list[str]
    headline: str | None = None
    byline: str | None = None
    urgency: int | None = None
    versioncreated: str | None = None


def is_framed(raw: bytes) -> bool:
    """SOH (after optional SYNs) first, and an STX somewhere after it."""
    start = _FRAME_START.match(raw)
    return start is not None and b"\x02" in raw[start.end():]


def decode_text(raw: bytes, fmt: str) -> str:
    """Framed 8-bit wire text falls back to Windows-1252; anything else must be UTF-8."""
    if split_bom(raw)[0] is not None or not is_framed(raw):
        return decode_utf8(raw, fmt)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined are C1 controls in Latin-1: dropped.
        return raw.decode("cp1252", errors="ignore")


def split_frame(text: str) -> Frame | None:
    """The frame's parts, or None when the text is not framed."""
    soh = text.find(SOH)
    stx = text.find(STX, soh + 1)
    if soh == -1 or stx == -1 or text[:soh].strip("\x16 \r\n"):
        return None
    etx = text.find(ETX, stx + 1)
    if etx == -1:
        etx = len(text)
    header = text[soh + 1 : stx]
    framing: Framing = "anpa1312" if any(m in text[:soh] + header for m in _ANPA_MARKS) else "iptc7901"
    return Frame(framing, header, text[stx + 1 : etx], text[etx + 1 :])


def utc_time(year: str, month: str, day: str, hour: str, minute: str) -> str | None:
    """A trailer's GMT filing time as ISO 8601; a two-digit year is 20YY; a month may be a name."""
    number = _MONTHS.get(month[:3].lower()) if not month.isdigit() else int(month)
    if number is None:
        return None
    full_year = f"20{year}" if len(year) == 2 else year
    return timestamp(f"{full_year}-{number:02d}-{int(day):02d}T{hour}:{minute}:00Z")
