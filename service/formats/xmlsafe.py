"""Safe XML parsing with lxml, plus namespace-agnostic lookups.

Bytes are decoded here, not by libxml2, so every encoding problem gets a precise
reason: the declared encoding is honoured, bytes invalid in it are an error, and a
document that declares ISO-8859-1 while its bytes are UTF-8 is an error too (the
declaration is wrong and the text would be mojibake). ISO-8859-1 bytes 0x80–0x9F are
read as Windows-1252 (``–``, ``«`` typed on Windows), as browsers do.

Any DOCTYPE that declares entities is rejected before parsing (billion laughs, XXE).
"""
from __future__ import annotations

import codecs
import re

from lxml import etree

from ..errors import WireFormatError
from .common import split_bom
from .htmltext import local_name

_DECLARATION = re.compile(rb"""\s*<\?xml\s[^>]*?\?>""")
_ENCODING = re.compile(r"""(\sencoding\s*=\s*)(["'])([^"']*)\2""")
_TEXT_DECLARATION = re.compile(r"""\s*<\?xml\s[^>]*?\?>""")
_LINE_COLUMN = re.compile(r",\s*line \d+,\s*column \d+\s*$")
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9._-]{0,39}")
_LEGACY = {"iso8859-1", "cp1252", "iso8859-15"}


def _parser() -> etree.XMLParser:
    # A parser is not thread-safe; one per document is cheap.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )


def _declared_encoding(raw: bytes, fmt: str) -> tuple[str | None, str | None]:
    """``(label, codec name)`` from the XML declaration, or ``(None, None)``."""
    match = _DECLARATION.match(raw)
    if not match:
        return None, None
    found = _ENCODING.search(match.group().decode("ascii", "replace"))
    if not found:
        return None, None
    label = found.group(3).strip()
    try:
        if not _LABEL.fullmatch(label):
            raise LookupError(label)
        return label, codecs.lookup(label).name
    except LookupError:
        raise WireFormatError(f"unknown encoding {label!r} in the XML declaration", fmt=fmt) from None


def decode(raw: bytes, fmt: str) -> str:
    """Decode an XML document by its BOM or declaration (default UTF-8), strictly."""
    bom, body = split_bom(raw)
    label, encoding = _declared_encoding(body, fmt)
    declared = encoding is not None and not bom
    if bom:
        label, encoding = bom.upper(), bom
    elif encoding is None:
        label, encoding = "UTF-8 (no encoding declared)", "utf-8"
    elif encoding.startswith(("utf-16", "utf-32")):
        raise WireFormatError(
            f"declared encoding {label!r} is wrong: the document is 8-bit", fmt=fmt
        )
    if encoding in _LEGACY and not body.isascii() and _is_utf8(body):
        raise WireFormatError(
            f"declared encoding {label!r} is wrong: the bytes are UTF-8 (would read 'Tromsø' as 'TromsÃ¸')",
            fmt=fmt,
        )
    if encoding == "iso8859-1":
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:
            return body.decode("iso8859-1")
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(raw) - len(body)
        bad = body[exc.start : exc.start + 1].hex().upper()
        hint = " (is the declared encoding wrong?)" if declared else ""
        raise WireFormatError(
            f"bytes invalid in encoding {label}: byte 0x{bad} at offset {offset}{hint}",
            fmt=fmt,
            where=f"byte {offset}",
        ) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def reject_entities(text: str, fmt: str) -> None:
    """Refuse a DOCTYPE that declares entities.

    ``<!ENTITY`` can only appear literally in a DTD, a comment or CDATA, so looking
    at the whole document is safe and cannot be dodged by a comment in the prolog.
    """
    lowered = text.lower()
    if "<!doctype" in lowered and "<!entity" in lowered:
        raise WireFormatError(
            "DOCTYPE declares entities (<!ENTITY>); refused to avoid entity expansion and external entities",
            fmt=fmt,
            where="DOCTYPE",
        )


def parse_xml(raw: bytes, fmt: str) -> etree._Element:
    """Parse untrusted XML bytes to the root element, or raise WireFormatError."""
    text = decode(raw, fmt).lstrip("\ufeff")
    reject_entities(text, fmt)
    declaration = _TEXT_DECLARATION.match(text)
    if declaration:  # the text is re-encoded as UTF-8 below; say so
        fixed = _ENCODING.sub(r"\1\2UTF-8\2", declaration.group(), count=1)
        text = fixed + text[declaration.end() :]
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as exc:
        message = _LINE_COLUMN.sub("", exc.msg or "syntax error")
        line, column = exc.position
        raise WireFormatError(
            f"XML syntax error: {message}", fmt=fmt, where=f"line {line}, column {column}"
        ) from None
    if root is None:
        raise WireFormatError("XML document has no root element", fmt=fmt)
    return root


def child(node: etree._Element | None, name: str) -> etree._Element | None:
    """First child element with local name ``name`` (namespaces ignored)."""
    if node is None:
        return None
    name = name.lower()
    for item in node:
        if local_name(item) == name:
            return item
    return None


def children(node: etree._Element | None, name: str) -> list[etree._Element]:
    """All child elements with local name ``name``."""
    if node is None:
        return []
    name = name.lower()
    return [item for item in node if local_name(item) == name]


def find(node: etree._Element | None, path: str) -> etree._Element | None:
    """Follow a ``a/b/c`` path of local names, first match at each step."""
    for name in path.split("/"):
        node = child(node, name)
    return node


def descendants(node: etree._Element | None, name: str) -> list[etree._Element]:
    """All descendant elements with local name ``name``, document order."""
    if node is None:
        return []
    name = name.lower()
    return [item for item in node.iter() if local_name(item) == name]


def text(node: etree._Element | None) -> str | None:
    """All text inside an element, or None."""
    if node is None:
        return None
    return "".join(node.itertext()) or None


def attr(node: etree._Element | None, name: str) -> str | None:
    """Attribute by local name (``xml:lang`` is ``lang``), namespaces ignored."""
    if node is None:
        return None
    for key, value in node.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None
