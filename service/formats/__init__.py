"""Wire formats in, one :class:`~service.article.Article` out.

>>> from service.formats import parse
>>> parse(b"NTB\\n\\nOverskrift\\n\\nDet regner i Bergen.").headline
'Overskrift'

``parse(raw, fmt="auto")`` detects the format (:func:`detect`): plain agency text,
ninjs JSON, NITF XML or NewsML-G2 XML. Every failure raises
:class:`~service.errors.WireFormatError` saying what is wrong and where; a message
over ``max_bytes`` raises :class:`~service.errors.OversizeMessage` unparsed.
"""
from __future__ import annotations

from typing import Callable

from ..article import Article
from ..errors import OversizeMessage, WireFormatError
from .detect import detect
from .newsml import parse_newsml
from .ninjs import parse_ninjs
from .nitf import parse_nitf
from .text import parse_text

__all__ = ["FORMATS", "detect", "parse"]

PARSERS: dict[str, Callable[[bytes], Article]] = {
    "text": parse_text,
    "ninjs": parse_ninjs,
    "nitf": parse_nitf,
    "newsml": parse_newsml,
}
FORMATS = ("auto", *PARSERS)


def parse(raw: bytes | str, fmt: str = "auto", *, max_bytes: int | None = None) -> Article:
    """Parse one wire message into an :class:`Article`.

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
