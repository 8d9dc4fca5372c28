"""Markup → paragraphs, for HTML strings (ninjs bodies) and parsed XML elements
(XHTML and NITF bodies), with one walker for both.

One paragraph per block element (``p``, headings, ``li``, ``blockquote``, NITF
``block``/``hl2``…); inline tags are dropped, their text kept; ``script``/``style``
content never appears, nor ``head`` or NITF ``media`` captions. Whitespace is
collapsed later by :func:`.common.body_text`.
"""
from __future__ import annotations

import re
from typing import Iterator

import lxml.html
from lxml import etree

from service.errors import WireFormatError

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th caption "
    "section article header footer aside figure figcaption address hr body html main nav "
    "hl1 hl2 block bq note".split()
)
SKIP = frozenset("head script style template title noscript media".split())
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # libxml2 would turn them into U+FFFD


class _Collector:
    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._buffer: list[str] = []

    def data(self, text: str | None) -> None:
        if text:
            self._buffer.append(text)

    def start(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        elif tag == "br":
            self._buffer.append(" ")

    def end(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()

    def flush(self) -> None:
        text = "".join(self._buffer)
        self._buffer.clear()
        if text.strip():
            self.paragraphs.append(text)


def html_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment or document, entities decoded.

    libxml2's HTML parser is forgiving and linear on hostile input; the markup is
    handed over as UTF-8 bytes so a stray ``<meta charset>`` cannot re-decode it.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(_CONTROLS.sub("", markup).encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:  # "Document is empty"
        root = None
    # libxml2 drops a text run past its 10 MB limit: say so rather than report an empty body.
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise WireFormatError("a text run in the HTML body is over the parser's 10 MB limit", fmt="html")
    return element_paragraphs(root) if root is not None else []


def local_name(node: etree._Element) -> str:
    """Tag without namespace, lower-cased; ``""`` for comments and PIs."""
    tag = node.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def element_paragraphs(root: etree._Element) -> list[str]:
    """Paragraph texts under an element; iterative, so depth never matters."""
    collector = _Collector()
    collector.start(local_name(root))
    collector.data(root.text)
    stack: list[tuple[etree._Element, Iterator[etree._Element]]] = [(root, iter(root))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            collector.end(local_name(node))
            if stack:
                collector.data(node.tail)
            continue
        name = local_name(child)
        if not name or name in SKIP:
            collector.data(child.tail)
            continue
        collector.start(name)
        collector.data(child.text)
        stack.append((child, iter(child)))
    collector.flush()
    return collector.paragraphs
