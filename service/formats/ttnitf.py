"""TT's own NITF dialect (``application/ttnitf+xml``), inline in NewsML-G2 or as a ninjs
rendition: upper-case tags, no namespace.

``BODY`` holds one ``TEXT`` per text block: the story first, then fact or background
boxes. In the story ``RUBRIK`` is the headline, ``DAT`` the dateline (``ORT`` place or
section, ``SOURCE`` agency), ``INGRESS`` the lead paragraphs, ``BRODTEXT`` the body:
``P``, ``CITAT`` (a quotation, printed as a dash turn "– …"), ``MELLIS`` (intertitle),
``FRAGA``/``SVAR`` (question, answer), ``UL``/``LI``, ``TABELL``/``TR``/``TD``.
``BYLINE`` is the writer, ``BILD`` a picture with its caption and credit.

A box after the story is kept as trailing paragraphs under its own ``RUBRIK``: it is
text the agency wrote for the story (a fact box), and readers see it printed with it.
"""
from __future__ import annotations

from lxml import etree

from .common import inline
from .htmltext import local_name
from .xmlsafe import text

#: elements whose content is never text
SKIP = frozenset("bild dat head bildtext bildfil bildskapare".split())
#: elements that are one paragraph each (their own tags inside are inline)
BLOCKS = frozenset("p citat mellis fraga svar li tr rubrik".split())
_QUOTE_MARKS = tuple("–—-«»“”„\"'")
ROOTS = ("BODY", "TTNITF")


def is_ttnitf(payload: etree._Element, contenttype: str) -> bool:
    """TT-NITF by its content type or by its upper-case root without a namespace."""
    return "ttnitf" in contenttype.lower() or payload.tag in ROOTS


def _paragraph(node: etree._Element) -> str | None:
    name = local_name(node)
    parts = [node.text or ""]
    for cell in node:  # inline tags keep their text; table cells get a space between them
        parts.extend((" " if local_name(cell) in ("td", "th") else "", text(cell) or "", cell.tail or ""))
    value = inline("".join(parts))
    if value and name == "citat" and not value.startswith(_QUOTE_MARKS):
        value = "– " + value
    return value


def ttnitf_story(payload: etree._Element) -> tuple[list[str], str | None, str | None]:
    """``(paragraphs, headline, byline)`` of a TT-NITF ``BODY`` (or ``TTNITF``)."""
    body = next((n for n in payload.iter() if local_name(n) == "body"), payload)
    # anywhere below BODY: an HTML parser (a ninjs rendition with HTML entities) nests the
    # TEXT parts inside TT's unclosed header elements
    texts = [n for n in body.iter() if local_name(n) == "text"] or [body]
    headline = byline = None
    paragraphs: list[str] = []
    for index, part in enumerate(texts):
        stack = list(reversed(part))
        while stack:
            node = stack.pop()
            name = local_name(node)
            if not name or name in SKIP:
                continue
            if name == "byline":
                byline = byline or inline(text(node))
            elif name == "rubrik" and index == 0:
                headline = headline or inline(text(node))
            elif name in BLOCKS or (len(node) == 0 and (node.text or "").strip()):
                if value := _paragraph(node):
                    paragraphs.append(value)
            else:
                stack.extend(reversed(node))
    return paragraphs, headline, byline
