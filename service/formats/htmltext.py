"""Markup → paragraphs, for HTML strings (ninjs bodies) and parsed XML elements
(XHTML and NITF bodies), with one walker for both.

One paragraph per block element (``p``, headings, ``li``, ``blockquote``, NITF
``block``/``hl2``/``bq``…); a table gives one paragraph per row, its cells separated
by a space; inline tags are dropped, their text kept. Never read: ``script``/``style``
content, ``head``, NITF ``media`` (captions), ``note`` (editor's notes) and ``credit``.
A U+2029 PARAGRAPH SEPARATOR in the text breaks the paragraph there (the NITF reader
puts it where the sender wrote an explicit line break). Whitespace is collapsed later
by :func:`.common.body_text`.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import lxml.html
from lxml import etree

from service.errors import WireFormatError

BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr caption "
    "section article header footer aside figure figcaption address hr body html main nav "
    "hl1 hl2 block bq".split()
)
CELLS = frozenset("td th".split())
SKIP = frozenset("head script style template title noscript media note credit nitf-table-metadata".split())
#: (X)HTML elements and classes that hold metadata, captions or media, never story text
METADATA_TAGS = frozenset(
    "h1 header footer nav figure figcaption img picture video audio source track iframe object embed "
    "svg canvas map form button".split()
)
METADATA_CLASSES = frozenset("dat byline caption embed-block".split())
PARAGRAPH_SEPARATOR = "\u2029"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # libxml2 would turn them into U+FFFD


class Block(NamedTuple):
    """One paragraph's text and the block element it came from (None: loose text)."""

    text: str
    element: etree._Element | None


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._open: list[etree._Element] = []

    def data(self, text: str | None) -> None:
        if text:
            self._buffer.append(text)

    def start(self, name: str, element: etree._Element) -> None:
        if name in BLOCKS:
            self.flush()
            self._open.append(element)
        elif name in CELLS or name == "br":
            self._buffer.append(" ")

    def end(self, name: str) -> None:
        if name in BLOCKS:
            self.flush()
            self._open.pop()

    def flush(self) -> None:
        text = "".join(self._buffer)
        self._buffer.clear()
        owner = self._open[-1] if self._open else None
        for piece in text.split(PARAGRAPH_SEPARATOR):
            if piece.strip():
                self.blocks.append(Block(piece, owner))


def parse_html(markup: str, fmt: str = "html", what: str = "HTML body") -> etree._Element | None:
    """An HTML fragment or document as an element tree (None when it is empty).

    libxml2's HTML parser is forgiving and linear on hostile input; the markup is
    handed over as UTF-8 bytes so a stray ``<meta charset>`` cannot re-decode it.
    ``what`` names the markup in the error for input past the parser's limits.
    """
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(_CONTROLS.sub("", markup).encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:  # "Document is empty"
        root = None
    # libxml2 drops what is past its limits: say so rather than report an empty body.
    limits = [error.message for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if any("depth" in message.lower() for message in limits):
        raise WireFormatError(f"the {what} nests elements over the parser's limit of 256 levels", fmt=fmt)
    if limits:
        raise WireFormatError(f"a text run in the {what} is over the parser's 10 MB limit", fmt=fmt)
    return root


def html_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML fragment or document, entities decoded."""
    root = parse_html(markup)
    return element_paragraphs(root) if root is not None else []


def drop_element(node: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def prune_metadata(root: etree._Element) -> str | None:
    """Remove what an (X)HTML body holds besides story text: the title (``h1``), ``header``
    metadata (dpa's slugline list and time), figures with their captions and credits, embedded media,
    and elements whose class marks a dateline or byline. Returns the first byline's text."""
    byline = None
    for node in [n for n in root.iter() if isinstance(n.tag, str)]:
        classes = set((node.get("class") or "").lower().split())
        if "byline" in classes and byline is None:
            byline = " ".join("".join(node.itertext()).split()) or None
        if local_name(node) in METADATA_TAGS or classes & METADATA_CLASSES:
            drop_element(node)
    return byline


def local_name(node: etree._Element) -> str:
    """Tag without namespace, lower-cased; ``""`` for comments and PIs."""
    tag = node.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def element_blocks(root: etree._Element) -> list[Block]:
    """Paragraphs under an element with the block element each came from; iterative,
    so depth never matters."""
    collector = _Collector()
    collector.start(local_name(root), root)
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
        collector.start(name, child)
        collector.data(child.text)
        stack.append((child, iter(child)))
    collector.flush()
    return collector.blocks


def element_paragraphs(root: etree._Element) -> list[str]:
    """Paragraph texts under an element."""
    return [block.text for block in element_blocks(root)]
