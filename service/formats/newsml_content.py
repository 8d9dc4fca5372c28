"""The text of a NewsML-G2 ``contentSet``: the first rendition that holds text paragraphs.

``inlineXML`` may carry NITF, XHTML or TT-NITF; ``inlineData`` plain text (hard-wrapped,
sometimes with literal ``<p>`` tags in it) or HTML; ``remoteContent`` only points
elsewhere and is never fetched. What was looked at is kept, so an item without text
can say why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from ..errors import WireFormatError
from .bylines import is_byline
from .common import inline
from .htmltext import element_paragraphs, local_name, parse_html, prune_metadata
from .ttnitf import is_ttnitf, ttnitf_story
from .nitf_meta import byline as nitf_byline
from .nitf import nitf_headline, nitf_paragraphs
from .text_layout import has_text, plain_paragraphs
from .xmlsafe import attr, child, descendants, find, text

FMT = "newsml"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XHTML_ROOTS = frozenset("html body div section article".split())
_LITERAL_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote)\b[^<>]{0,200}>", re.I)
_LITERAL_INLINE = re.compile(r"</?(?:a|b|i|u|em|strong|span|font|small|sub|sup)\b[^<>]{0,200}>", re.I)
_FIELDS = {"inlinexml": "inlineXML", "inlinedata": "inlineData", "remotecontent": "remoteContent"}


@dataclass(frozen=True)
class Content:
    """One rendition's paragraphs and what its own markup says about the story."""

    paragraphs: list[str]
    headline: str | None = None
    byline: str | None = None
    language: str | None = None
    lead_byline: str | None = None  # a byline standing as the first paragraph


def _nitf(payload: etree._Element) -> Content:
    # The NITF reader drops a byline standing in the body; the first one (after a
    # headline repeat at most) is still the byline.
    texts = (inline(text(p)) for p in descendants(find(payload, "body/body.content"), "p"))
    leads = list(islice((value for value in texts if value), 2))
    return Content(
        paragraphs=nitf_paragraphs(payload),
        headline=nitf_headline(payload),
        byline=nitf_byline(find(payload, "body/body.head")),
        language=attr(payload, "lang") or attr(payload, "baselang"),
        lead_byline=next((lead for lead in leads if is_byline(lead)), None),
    )


def _xhtml(payload: etree._Element) -> Content:
    body = payload if local_name(payload) != "html" else child(payload, "body")
    if body is None:
        return Content([], language=attr(payload, "lang"))
    h1 = next((n for n in body.iter() if local_name(n) == "h1"), None)
    title = find(payload, "head/title")
    headline = inline(text(h1)) or inline(text(title))
    byline = prune_metadata(body)
    return Content(
        paragraphs=element_paragraphs(body),
        headline=headline,
        byline=byline,
        language=attr(payload, "lang"),
    )


def _ttnitf(payload: etree._Element) -> Content:
    paragraphs, headline, byline = ttnitf_story(payload)
    return Content(paragraphs, headline, byline, attr(payload, "lang"))


def _is_xhtml(payload: etree._Element, contenttype: str) -> bool:
    # Without its own xmlns an <html> inherits the G2 namespace: the content type tells then.
    namespace = etree.QName(payload).namespace
    return local_name(payload) in XHTML_ROOTS and (namespace == XHTML_NS or "html" in contenttype.lower())


def _inline_xml(node: etree._Element, contenttype: str) -> tuple[Content | None, str]:
    payloads = [n for n in node if local_name(n)]
    label = f"inlineXML {contenttype}".rstrip()
    if not payloads:
        bare = "only bare text" if (node.text or "").strip() else "only whitespace or comments"
        return None, f"{label} holds no markup, {bare}"
    for payload in payloads:
        if is_ttnitf(payload, contenttype):
            content = _ttnitf(payload)
        elif local_name(payload) == "nitf":
            content = _nitf(payload)
        elif _is_xhtml(payload, contenttype):
            content = _xhtml(payload)
        else:
            continue
        if any(has_text(p) for p in content.paragraphs):
            return content, label
    names = ", ".join(f"<{etree.QName(p).localname}>" for p in payloads)
    return None, f"{label} holds {names} without text paragraphs (read as NITF, XHTML or TT-NITF)"


def literal_markup_paragraphs(value: str) -> list[str]:
    """Plain text, split also where literal block tags (``<p>``, ``<br>``) stand in it."""
    paragraphs: list[str] = []
    for chunk in _LITERAL_BLOCK.split(value):
        paragraphs.extend(plain_paragraphs(_LITERAL_INLINE.sub("", chunk)))
    return paragraphs


def _html_paragraphs(markup: str) -> list[str]:
    root = parse_html(markup, FMT, "HTML inlineData")
    return _xhtml(root).paragraphs if root is not None else []


def _inline_data(node: etree._Element, contenttype: str) -> tuple[Content | None, str]:
    label = f"inlineData {contenttype}".rstrip()
    encoding = attr(node, "encoding")
    if encoding:
        return None, f"{label} is {encoding}-encoded (not decoded)"
    value = text(node) or ""
    if not value.strip():
        return None, f"{label} is empty"
    kind = contenttype.lower()
    if "html" in kind:
        paragraphs = _html_paragraphs(value)
    elif kind in ("", "text/plain") or kind.startswith("text/plain;"):
        paragraphs = literal_markup_paragraphs(value)
    else:
        return None, f"{label} is not text"
    return Content(paragraphs), label


def item_content(item: etree._Element) -> Content:
    """The first rendition with text paragraphs, or an error naming every field looked at."""
    content_set = child(item, "contentSet")
    if content_set is None:
        raise WireFormatError("empty body: the item has no contentSet", fmt=FMT, where="contentSet")
    looked: dict[str, list[str]] = {"inlineXML": [], "inlineData": [], "remoteContent": []}
    for node in content_set:
        field = _FIELDS.get(local_name(node))
        contenttype = inline(attr(node, "contenttype")) or ""
        if field == "inlineXML":
            content, note = _inline_xml(node, contenttype)
        elif field == "inlineData":
            content, note = _inline_data(node, contenttype)
        elif field == "remoteContent":
            content, note = None, " ".join(filter(None, ("remoteContent", contenttype, "is a reference (not fetched)")))
        else:
            continue
        if content is not None and any(has_text(p) for p in content.paragraphs):
            return content
        looked[field].append(note)
    seen = [note for notes in looked.values() for note in notes]
    missing = [f"no {field}" for field, notes in looked.items() if not notes]
    raise WireFormatError(
        "empty body: no text paragraphs in contentSet (" + "; ".join(seen + missing) + ")",
        fmt=FMT,
        where="contentSet",
    )
