"""NewsML-G2 (``http://iptc.org/std/nar/2006-10-01/``): a ``newsItem`` or ``packageItem``
alone, or a ``newsMessage`` whose ``itemSet`` holds several.

Each ``newsItem`` is one story (:func:`parse_newsml_items` gives one entry per item, in
message order); its text is inline NITF, XHTML or TT-NITF, or plain ``inlineData``
(:mod:`.newsml_content`). A ``packageItem`` only references other items: alone (or with
other packages only) it is an error entry of its own; beside news items it is skipped,
since the stories it arranges arrive as items themselves and it adds no text. Every
error entry names its item: guid and "item 2 of 3".
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from lxml import etree

from ..article import Article
from ..errors import WireFormatError
from .bylines import writers
from .common import body_text, inline, language, pubstatus, urgency, version
from .htmltext import local_name
from .newsml_body import clean_headline, story_paragraphs
from .newsml_content import item_content
from .newsml_meta import (
    byline,
    created,
    creator,
    declared_language,
    headline,
    inherited_language,
    located,
    signals,
    story_id,
    subject_names,
    subject_tags,
)
from .xmlsafe import attr, child, children, parse_xml, text

FMT = "newsml"
ITEMS = ("newsitem", "packageitem", "conceptitem", "planningitem", "knowledgeitem")
PACKAGE_REASON = "a package with no text (it only references other items)"


def newsml_article(item: etree._Element) -> Article:
    """Build an Article from one parsed ``newsItem``."""
    uri = inline(attr(item, "guid"))
    if uri is None:
        raise WireFormatError("newsItem has no guid", fmt=FMT, where="newsItem@guid")
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    content = item_content(item)
    declared = declared_language(item, content_meta) or inline(content.language) or inherited_language(item)
    title = clean_headline(headline(content_meta) or content.headline or text(child(item_meta, "title")))
    paragraphs, lead_byline = story_paragraphs(content.paragraphs, declared, (title, content.headline))
    lead_byline = lead_byline or content.lead_byline
    if not paragraphs:
        raise WireFormatError(
            "empty body: the content holds no text paragraphs, only rules, bylines or headline repeats",
            fmt=FMT,
            where="contentSet",
        )
    body = body_text(paragraphs, FMT)
    firstcreated, versioncreated = created(item_meta, content_meta)
    tags = subject_tags(content_meta, declared)
    return Article(
        uri=uri,
        version=version(attr(item, "version"), FMT, "newsItem@version"),
        story_id=story_id(item, uri),
        body_text=body,
        source_format="newsml",
        pubstatus=pubstatus(attr(child(item_meta, "pubStatus"), "qcode"), FMT, "itemMeta/pubStatus@qcode"),
        urgency=urgency(inline(text(child(content_meta, "urgency")))),
        language=language(declared, body),
        headline=title,
        byline=writers(byline(content_meta) or lead_byline or content.byline or creator(content_meta, declared)),
        located=located(item, content_meta, declared),
        firstcreated=firstcreated,
        versioncreated=versioncreated,
        subjects=subject_names(tags),
        signals=signals(item_meta),
        tags=tags,
    )


def _items(root: etree._Element) -> list[etree._Element]:
    name = local_name(root)
    if name in ITEMS:
        return [root]
    if name != "newsmessage":
        raise WireFormatError(
            f"root element is <{etree.QName(root).localname}>, expected <newsItem>, <packageItem> or <newsMessage>",
            fmt=FMT,
        )
    found = [item for group in children(root, "itemSet") for item in group if local_name(item) in ITEMS]
    if not found:
        raise WireFormatError("newsMessage holds no newsItem or packageItem", fmt=FMT, where="itemSet")
    return found


class Slot(NamedTuple):
    """Where an item stands in its message: ``item 2 of 3``, ``itemSet/newsItem[2]``."""

    number: int
    total: int
    path: str


def _label(item: etree._Element, slot: Slot | None) -> str:
    """``item 2 of 3 (newsItem urn:…)``; a lone item is named by its guid only."""
    guid = inline(attr(item, "guid"))
    who = f"{etree.QName(item).localname} {guid}" if guid else ""
    where = f"item {slot.number} of {slot.total}" if slot else ""
    return f"{where} ({who})" if where and who else where or who


def _failed(item: etree._Element, slot: Slot | None, exc: WireFormatError) -> WireFormatError:
    """The item's error, its reason prefixed with the item's name and position."""
    reason = exc.reason.removeprefix(f"{exc.fmt}: ")
    if exc.where:
        reason = reason.removesuffix(f" (at {exc.where})")
    label = _label(item, slot)
    inner = exc.where or ""
    if slot is None:
        where = inner or etree.QName(item).localname
    elif inner.startswith("newsItem"):  # newsItem@version → itemSet/newsItem[2]@version
        where = slot.path + inner.removeprefix("newsItem")
    else:
        where = slot.path + (f"/{inner}" if inner else "")
    return WireFormatError(f"{label}: {reason}" if label else reason, fmt=FMT, where=where)


def _entry(item: etree._Element, slot: Slot | None) -> Article | WireFormatError:
    try:
        if local_name(item) == "packageitem":
            raise WireFormatError(PACKAGE_REASON)
        if local_name(item) != "newsitem":
            raise WireFormatError(f"a {etree.QName(item).localname} carries no story text")
        return newsml_article(item)
    except WireFormatError as exc:
        return _failed(item, slot, exc)


def newsml_items(root: etree._Element) -> list[Article | WireFormatError]:
    """One entry per story of a parsed G2 document (see the module docstring)."""
    items = _items(root)
    if local_name(root) != "newsmessage":
        return [_entry(root, None)]
    has_stories = any(local_name(item) == "newsitem" for item in items)
    seen: Counter[str] = Counter()
    entries: list[Article | WireFormatError] = []
    for number, item in enumerate(items, 1):
        name = etree.QName(item).localname
        seen[name] += 1
        if local_name(item) == "newsitem" or not has_stories:
            entries.append(_entry(item, Slot(number, len(items), f"itemSet/{name}[{seen[name]}]")))
    return entries


def parse_newsml_items(raw: bytes) -> list[Article | WireFormatError]:
    """Every story of a NewsML-G2 document, in message order: an Article or the item's error."""
    return newsml_items(parse_xml(raw, FMT))


def parse_newsml(raw: bytes) -> Article:
    """Parse a NewsML-G2 document that carries one story."""
    entries = parse_newsml_items(raw)
    if len(entries) != 1:
        raise WireFormatError(f"the message holds {len(entries)} stories", fmt=FMT, where="itemSet")
    if isinstance(entries[0], WireFormatError):
        raise entries[0]
    return entries[0]
