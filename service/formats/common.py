"""Cleaning and validation shared by every wire format.

Whitespace rules: only ASCII whitespace is collapsed. U+00A0 and U+202F are content
(``100 000``) and survive untouched.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ..article import PubStatus
from ..errors import WireFormatError

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 except \t \n, DEL, C1
_ASCII_WS = re.compile("[ \t\n\r\f\v]+")
_ASCII_WS_CHARS = " \t\n\r\f\v"
_DIGITS = re.compile(r"\d{1,18}", re.ASCII)
_COMPACT_TIME = re.compile(
    r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?", re.ASCII
)
_SPACED = re.compile(r"\d{4}-\d{2}-\d{2} \d")
_QCODE_SEPARATORS = re.compile(r"[:/]")
_PUBSTATUS: dict[str, PubStatus] = {
    "usable": "usable",
    "withheld": "withheld",
    "canceled": "canceled",
    "cancelled": "canceled",
    "embargoed": "withheld",  # not to be published yet
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def split_bom(raw: bytes) -> tuple[str | None, bytes]:
    """Return ``(encoding, rest)`` for a leading UTF-8/UTF-16 byte order mark."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, raw[len(bom):]
    return None, raw


def decode_utf8(raw: bytes, fmt: str) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16) strictly, naming the first bad byte."""
    encoding, body = split_bom(raw)
    encoding = encoding or "utf-8"
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(raw) - len(body))
        label = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise WireFormatError(f"not valid {label} at byte {offset}", fmt=fmt) from None


def clean(text: str) -> str:
    """Normalise newlines, drop control characters, compose to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


def inline(text: str | None) -> str | None:
    """One line of metadata text: cleaned, ASCII whitespace collapsed; blank → None."""
    if not text:
        return None
    text = _ASCII_WS.sub(" ", clean(text)).strip(_ASCII_WS_CHARS)
    return text if text.strip() else None


def body_text(paragraphs: list[str], fmt: str) -> str:
    """Join cleaned, non-blank paragraphs with a blank line; no paragraph → error."""
    kept = [p for p in (inline(p) for p in paragraphs) if p]
    if not kept:
        raise WireFormatError("empty body: no text paragraphs after cleaning", fmt=fmt)
    return "\n\n".join(kept)


# The commonest function words of each language the wire brings; a text is the language whose
# words make up most of its tokens. Enough to tell English from Swedish from Bokmål, not a detector.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "nb": frozenset("og i er det som på at en for med til av har ikke de et jeg den fra seg var om "
                    "vi men skal også etter kan hun han sier ble eller mot nå blir hadde".split()),
    "nn": frozenset("og i er det som på at ein for med til av har ikkje dei eit eg den frå seg var om "
                    "vi men skal òg etter kan ho han seier vart eller mot no blir hadde".split()),
    "da": frozenset("og i er det som på at en for med til af har ikke de et jeg den fra sig var om "
                    "vi men skal også efter kan hun han siger blev eller mod nu bliver havde".split()),
    "sv": frozenset("och i är det som på att en för med till av har inte de ett jag den från sig var om "
                    "vi men ska också efter kan hon han säger blev eller mot nu blir hade".split()),
    "en": frozenset("the and of to in a is that for on with as was by it at from he his be has have "
                    "are not this an but said which will were they".split()),
    "de": frozenset("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
                    "auch es an er hat aus bei sind wird nach".split()),
}
_WORD = re.compile(r"[^\W\d_]+")
_GUESS_WORDS = 400


def guess_language(text: str) -> str:
    """The language of ``text`` by its function words (``"und"`` when none stands out).

    For messages that declare no language; a declared one always wins.
    """
    words = [w.lower() for w in _WORD.findall(text[:5000])][:_GUESS_WORDS]
    if len(words) < 5:
        return "und"
    hits = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] >= max(2, len(words) // 10) else "und"


def language(declared: str | None, body: str) -> str:
    """The declared language tag as sent, else the guess from the body."""
    return inline(declared) or guess_language(body)


def primary_language(tag: str | None) -> str:
    """The primary subtag of a language tag, lower-cased: ``nb-NO`` → ``nb``; none → ``""``."""
    return (tag or "").strip().lower().split("-")[0]


def short(value: Any, limit: int = 40) -> str:
    """A repr for error messages that cannot blow up a log line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def version(value: Any, fmt: str, where: str) -> int:
    """A version number: int or digit string, >= 1. Missing → 1."""
    if value is None:
        return 1
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    if number is None:
        raise WireFormatError(f"version must be a whole number, got {short(value)}", fmt=fmt, where=where)
    if number < 1:
        raise WireFormatError(f"version must be 1 or more, got {number}", fmt=fmt, where=where)
    return number


def urgency(value: Any) -> int | None:
    """Urgency 1–9; anything else is dropped (it does not affect analysis)."""
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9:
        return value
    return None


def code(qcode: str | None) -> str:
    """The code of a QCode or IPTC URI, lower-cased: ``stat:usable`` / ``…/pubstatus/usable`` → ``usable``."""
    return _QCODE_SEPARATORS.split(qcode.strip().lower())[-1] if qcode else ""


def pubstatus(value: Any, fmt: str, where: str) -> PubStatus:
    """``usable``/``withheld``/``canceled``, also as ``stat:`` QCodes or IPTC URIs."""
    if value is None or value == "":
        return "usable"
    if isinstance(value, str):
        key = code(value)
        if key in _PUBSTATUS:
            return _PUBSTATUS[key]
    raise WireFormatError(
        f"unknown pubstatus {short(value)}: expected usable, withheld or canceled", fmt=fmt, where=where
    )


def timestamp(value: Any, local_zone: str | None = None) -> str | None:
    """ISO 8601 with an explicit offset (``2024-01-15T10:15:00+01:00``, or ``Z``).

    Accepts the extended and the basic (NITF ``20240115T101500+0100``) forms, a space
    for the ``T``, and ``+0100`` offsets. A time sent without an offset is read in
    ``local_zone`` (an IANA name: NTB's NITF stamps are Europe/Oslo time, daylight
    saving included) and gets that zone's offset at that moment; without a known zone
    it is dropped (None) rather than guessed. A date alone stays a date.
    """
    if not isinstance(value, str) or (value := inline(value)) is None:
        return None
    match = _COMPACT_TIME.fullmatch(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        if hour is None:
            return f"{year}-{month}-{day}"
        value = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone or ''}"
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1) if _SPACED.match(value) else value)
    except ValueError:
        return None
    if len(value) == 10:  # a date alone
        return moment.date().isoformat()
    if moment.tzinfo is None:
        if local_zone is None:
            return None
        moment = moment.replace(tzinfo=ZoneInfo(local_zone))
    precise = moment.microsecond % 1000
    text = moment.isoformat(timespec="microseconds" if precise else "milliseconds" if moment.microsecond else "seconds")
    if moment.utcoffset() == timedelta(0) and value.endswith(("Z", "z")):
        text = text[: -len("+00:00")] + "Z"
    return text


def unique(items: list[str | None]) -> tuple[str, ...]:
    """Cleaned, de-duplicated, order kept."""
    seen: dict[str, None] = {}
    for item in items:
        text = inline(item)
        if text:
            seen.setdefault(text, None)
    return tuple(seen)
