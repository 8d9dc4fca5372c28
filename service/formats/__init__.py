"""Wire formats in, one :class:`~service.article.Article` out.

>>> from service.formats import parse
>>> parse(b"NTB\\n\\nOverskrift\\n\\nDet regner i Bergen.").headline
'Overskrift'

``parse(raw, fmt="auto")`` detects the format (:func:`detect`): plain agency text,
ninjs JSON, NITF XML or NewsML-G2 XML. Every failure raises
:class:`~service.errors.WireFormatError` saying what is wrong and where; a message
over ``max_bytes`` raises :class:`~service.errors.OversizeMessage` unparsed.

One message may carry several stories (a NewsML-G2 ``newsMessage`` with several
``newsItem``s): :func:`parse_items` gives one entry per item, an :class:`Article` or the
:class:`WireFormatError` that item alone failed with, so one bad item loses nothing else.
A failure of the whole message (not XML, unknown format) still raises.
"""
from __future__ import annotations

from typing import Callable

from ..article import Article
from ..errors import OversizeMessage, WireFormatError
from .detect import detect
from .newsml import parse_newsml_items
from .ninjs import parse_ninjs
from .nitf import parse_nitf
from .text import parse_text

__all__ = ["FORMATS", "Item", "detect", "numbered", "parse", "parse_items"]

#: One story of a message: its article, or why that story alone could not be read.
Item = Article | WireFormatError


def _single(parser: Callable[[bytes], Article]) -> Callable[[bytes], list[Item]]:
    return lambda raw: [parser(raw)]


PARSERS: dict[str, Callable[[bytes], list[Item]]] = {
    "text": _single(parse_text),
    "ninjs": _single(parse_ninjs),
    "nitf": _single(parse_nitf),
    "newsml": parse_newsml_items,
}
FORMATS = ("auto", *PARSERS)


def parse_items(raw: bytes | str, fmt: str = "auto", *, max_bytes: int | None = None) -> list[Item]:
    """Every story of one wire message, in message order (at least one entry).

    ``fmt`` is ``"auto"``, ``"text"``, ``"ninjs"``, ``"nitf"`` or ``"newsml"``.
    ``str`` input is encoded as UTF-8 first; ``max_bytes`` applies to the bytes.
    """
    if fmt not in FORMATS:
        raise WireFormatError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}", fmt=str(fmt))
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="surrogatepass")
    if max_bytes is not None and len(raw) > max_bytes:
        raise OversizeMessage(len(raw), max_bytes)
    chosen = detect(raw) if fmt == "auto" else fmt
    try:
        return PARSERS[chosen](raw)
    except RecursionError:
        raise WireFormatError("message nested too deeply", fmt=chosen) from None


def numbered(items: list[Item]) -> list[tuple[int | None, Item]]:
    """Each story with its position, None when the message carries only one: the
    position is what tells apart the dead letters and records of one message's stories."""
    return [(index if len(items) > 1 else None, item) for index, item in enumerate(items)]


def parse(raw: bytes | str, fmt: str = "auto", *, max_bytes: int | None = None) -> Article:
    """Parse a wire message that carries one story into an :class:`Article`.

    Raises the item's :class:`WireFormatError`, or one saying how many stories a
    message with several holds (read those with :func:`parse_items`).
    """
    items = parse_items(raw, fmt, max_bytes=max_bytes)
    if len(items) > 1:
        raise WireFormatError(f"the message holds {len(items)} stories: read it with parse_items",
                              fmt=fmt if fmt != "auto" else detect(raw))
    if isinstance(items[0], WireFormatError):
        raise items[0]
    return items[0]
