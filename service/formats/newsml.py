"""NewsML-G2 (``http://iptc.org/std/nar/2006-10-01/``): a ``newsItem``, alone or as
the single item of a ``newsMessage``, with the text as inline NITF or XHTML in
``contentSet/inlineXML`` (or plain ``inlineData``)."""
from __future__ import annotations

import re

from lxml import etree

from ..article import Article
from ..errors import WireFormatError
from .common import body_text, inline, pubstatus, timestamp, unique, urgency, version
from .htmltext import element_paragraphs, local_name
from .nitf import nitf_headline, nitf_paragraphs
from .xmlsafe import attr, child, children, parse_xml, text

FMT = "newsml"
SIGNALS = ("update", "correction")
STORY_ID_TYPE = "ntb-id"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _code(qcode: str | None) -> str:
    """``stat:usable`` / ``…/pubstatus/usable`` → ``usable``."""
    return re.split(r"[:/]", qcode.strip().lower())[-1] if qcode else ""


def news_item(root: etree._Element) -> etree._Element:
    """The ``newsItem`` itself, or the only one inside a ``newsMessage``."""
    name = local_name(root)
    if name == "newsitem":
        return root
    if name != "newsmessage":
        raise WireFormatError(f"root element is <{etree.QName(root).localname}>, expected <newsItem>", fmt=FMT)
    items = [item for group in children(root, "itemSet") for item in children(group, "newsItem")]
    if len(items) != 1:
        raise WireFormatError(
            f"newsMessage holds {len(items)} newsItem elements, expected exactly one", fmt=FMT, where="itemSet"
        )
    return items[0]


def _headline(meta: etree._Element | None) -> str | None:
    nodes = children(meta, "headline")
    main = [n for n in nodes if _code(attr(n, "role")) in ("", "main")] or nodes
    return next((h for h in (inline(text(n)) for n in main) if h), None)


def _story_id(item: etree._Element, uri: str) -> str:
    for section in ("itemMeta", "contentMeta"):
        for alt in children(child(item, section), "altId"):
            if _code(attr(alt, "type")) == STORY_ID_TYPE and (value := inline(text(alt))):
                return value
    return uri


def _signals(meta: etree._Element | None) -> tuple[str, ...]:
    codes = [_code(attr(node, "qcode")) for node in children(meta, "signal")]
    return tuple(code for code in SIGNALS if code in codes)


def _located(meta: etree._Element | None) -> str | None:
    located = child(meta, "located")
    return inline(text(child(located, "name"))) or inline(attr(located, "qcode"))


def _subjects(meta: etree._Element | None) -> tuple[str, ...]:
    return unique([text(child(s, "name")) or attr(s, "qcode") for s in children(meta, "subject")])


def _content(item: etree._Element) -> tuple[list[str], str | None]:
    """``(paragraphs, headline from the inline NITF)`` of the first usable content."""
    content_set = child(item, "contentSet")
    for node in content_set if content_set is not None else ():
        kind = local_name(node)
        if kind == "inlinexml":
            for payload in node:
                name = local_name(payload)
                if name == "nitf":
                    paragraphs, headline = nitf_paragraphs(payload), nitf_headline(payload)
                elif name in ("html", "body"):
                    body = child(payload, "body")
                    paragraphs, headline = element_paragraphs(payload if body is None else body), None
                else:
                    continue
                if paragraphs:
                    return paragraphs, headline
        elif kind == "inlinedata" and "html" not in (attr(node, "contenttype") or ""):
            paragraphs = _BLANK_LINE.split(text(node) or "")
            if any(p.strip() for p in paragraphs):
                return paragraphs, None
    return [], None


def newsml_article(root: etree._Element) -> Article:
    """Build an Article from a parsed ``newsItem`` or ``newsMessage``."""
    item = news_item(root)
    uri = inline(attr(item, "guid"))
    if uri is None:
        raise WireFormatError("newsItem has no guid", fmt=FMT, where="newsItem@guid")
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    paragraphs, inline_headline = _content(item)
    if not paragraphs:
        raise WireFormatError("empty body: no inline NITF, XHTML or text in contentSet", fmt=FMT, where="contentSet")
    language = attr(child(content_meta, "language"), "tag") or attr(item, "lang")
    return Article(
        uri=uri,
        version=version(attr(item, "version"), FMT, "newsItem@version"),
        story_id=_story_id(item, uri),
        body_text=body_text(paragraphs, FMT),
        source_format="newsml",
        pubstatus=pubstatus(attr(child(item_meta, "pubStatus"), "qcode"), FMT, "itemMeta/pubStatus@qcode"),
        urgency=urgency(inline(text(child(content_meta, "urgency")))),
        language=inline(language) or "nb",
        headline=_headline(content_meta) or inline_headline,
        byline=inline(text(child(content_meta, "by"))),
        located=_located(content_meta),
        firstcreated=timestamp(text(child(item_meta, "firstCreated"))),
        versioncreated=timestamp(text(child(item_meta, "versionCreated"))),
        subjects=_subjects(content_meta),
        signals=_signals(item_meta),
    )


def parse_newsml(raw: bytes) -> Article:
    """Parse one NewsML-G2 document."""
    return newsml_article(parse_xml(raw, FMT))


def parse_newsml_items(raw: bytes) -> list[Article | WireFormatError]:
    """Every newsItem of a NewsML-G2 document (TODO: one per item; today the single one)."""
    return [parse_newsml(raw)]
