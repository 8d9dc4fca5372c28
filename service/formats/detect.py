"""Cheap format sniffing: look at the first few KB, never parse the whole message."""
from __future__ import annotations

import re

from ..errors import WireFormatError
from .common import split_bom

SNIFF_BYTES = 4096
_NAME = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)")
_JSON_ARRAY = re.compile(r"\[\s*(?:[\[{\"\]\-0-9]|true|false|null)")
_SKIP_UNTIL = (("<?", "?>"), ("<!--", "-->"), ("<![CDATA[", "]]>"))
G2_ITEMS = ("newsItem", "packageItem")  # a package is read to say it carries no text


def _head(raw: bytes, limit: int | None) -> str:
    encoding, body = split_bom(raw)
    if encoding in (None, "utf-8"):
        body = body.lstrip()
    chunk = body if limit is None else body[:limit]
    return chunk.decode(encoding or "utf-8", errors="ignore").lstrip()


def _skip_doctype(head: str, i: int) -> int:
    subset = head.find("[", i)
    close = head.find(">", i)
    if subset != -1 and (close == -1 or subset < close):
        end = head.find("]", subset)
        close = head.find(">", end) if end != -1 else -1
    return close


def root_name(head: str) -> str | None:
    """Local name of the first element, skipping declaration, PIs, comments, DOCTYPE."""
    i = 0
    while True:
        i = head.find("<", i)
        if i == -1:
            return None
        for opener, closer in _SKIP_UNTIL:
            if head.startswith(opener, i):
                end = head.find(closer, i + len(opener))
                i = -1 if end == -1 else end + len(closer)
                break
        else:
            if head.startswith("<!", i):
                end = _skip_doctype(head, i)
                i = -1 if end == -1 else end + 1
            else:
                match = _NAME.match(head, i)
                return match.group(1).rsplit(":", 1)[-1] if match else None
        if i == -1:
            return None


def _xml_format(raw: bytes, head: str) -> str:
    name = root_name(head)
    if name is None and len(raw) > SNIFF_BYTES:  # a long prolog: look at everything
        name = root_name(_head(raw, None))
    if name == "nitf":
        return "nitf"
    if name in G2_ITEMS:
        return "newsml"
    if name == "newsMessage":
        utf16 = split_bom(raw)[0] not in (None, "utf-8")
        whole = _head(raw, None) if utf16 else None
        if any((item.encode() in raw) if whole is None else (item in whole) for item in G2_ITEMS):
            return "newsml"
        raise WireFormatError("newsMessage without a newsItem or packageItem", fmt="auto", where="newsMessage")
    if name is None:
        raise WireFormatError("starts with '<' but no XML root element found", fmt="auto")
    raise WireFormatError(
        f"unsupported XML root element <{name}>: expected nitf, newsItem, packageItem or newsMessage", fmt="auto"
    )


def detect(raw: bytes | str) -> str:
    """``"text"``, ``"ninjs"``, ``"nitf"`` or ``"newsml"``; unknown XML raises WireFormatError."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="surrogatepass")
    head = _head(raw, SNIFF_BYTES)
    if head.startswith("{") or _JSON_ARRAY.match(head):
        return "ninjs"  # arrays too, so the JSON parser can say why they are not ninjs
    if head.startswith("<"):
        return _xml_format(raw, head)
    return "text"
