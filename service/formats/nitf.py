"""NITF 3.x XML (NTB sends 3.6, often as ISO-8859-1), with or without a namespace."""
from __future__ import annotations

from lxml import etree

from ..article import Article
from ..errors import WireFormatError
from .common import body_text, inline, pubstatus, timestamp, unique, urgency, version
from .htmltext import element_paragraphs, local_name
from .xmlsafe import attr, child, children, descendants, find, parse_xml, text

FMT = "nitf"
URI_PREFIX = "urn:nitf:"


def nitf_headline(root: etree._Element) -> str | None:
    """``body.head/hedline/hl1``, else ``head/title``."""
    return inline(text(find(root, "body/body.head/hedline/hl1"))) or inline(text(find(root, "head/title")))


def nitf_paragraphs(root: etree._Element) -> list[str]:
    """Paragraphs of ``body/body.content`` (``p``, ``block``, ``hl2``…)."""
    content = find(root, "body/body.content")
    return element_paragraphs(content) if content is not None else []


def _located(dateline: etree._Element | None) -> str | None:
    for name in ("city", "location"):
        for node in descendants(dateline, name):
            if found := inline(text(node)):
                return found
    return inline(text(dateline))


def _subjects(head: etree._Element | None) -> tuple[str, ...]:
    names: list[str | None] = []
    for subject in descendants(find(head, "tobject"), "tobject.subject"):
        names.append(attr(subject, "tobject.subject.type") or attr(subject, "tobject.subject-type"))
    for keyword in children(find(head, "docdata/key-list"), "keyword"):
        names.append(attr(keyword, "key"))
    return unique(names)


def _status(docdata: etree._Element | None) -> str | None:
    node = child(docdata, "management-status")
    return attr(docdata, "management-status") or (inline(text(node)) if node is not None else None)


def nitf_article(root: etree._Element) -> Article:
    """Build an Article from a parsed ``<nitf>`` element."""
    if local_name(root) != "nitf":
        raise WireFormatError(f"root element is <{local_name(root)}>, expected <nitf>", fmt=FMT)
    head = child(root, "head")
    docdata = child(head, "docdata")
    doc_id = inline(attr(child(docdata, "doc-id"), "id-string"))
    uri = inline(attr(root, "uno")) or (URI_PREFIX + doc_id if doc_id else None)
    if uri is None:
        raise WireFormatError("no document id: doc-id@id-string is missing", fmt=FMT, where="head/docdata/doc-id")
    issued = timestamp(attr(child(docdata, "date.issue"), "norm"))
    return Article(
        uri=uri,
        version=version(attr(child(docdata, "du-key"), "version"), FMT, "head/docdata/du-key@version"),
        story_id=doc_id or uri,
        body_text=body_text(nitf_paragraphs(root), FMT),
        source_format="nitf",
        pubstatus=pubstatus(_status(docdata), FMT, "head/docdata@management-status"),
        urgency=urgency(attr(child(docdata, "urgency"), "ed-urg")),
        language=inline(attr(root, "baselang") or attr(root, "lang")) or "nb",
        headline=nitf_headline(root),
        byline=inline(text(find(root, "body/body.head/byline"))),
        located=_located(find(root, "body/body.head/dateline")),
        firstcreated=issued,
        versioncreated=issued,
        subjects=_subjects(head),
    )


def parse_nitf(raw: bytes) -> Article:
    """Parse one NITF document."""
    return nitf_article(parse_xml(raw, FMT))
