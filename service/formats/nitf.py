"""NITF 3.x XML (NTB sends 3.6, often as ISO-8859-1), with or without a namespace.

Identity, times, byline and place: :mod:`.nitf_meta`; the story text: :mod:`.nitf_body`;
the sender's tagging: :mod:`.nitf_tags`.
"""
from __future__ import annotations

from lxml import etree

from ..article import Article
from ..errors import WireFormatError
from .common import body_text, inline, language, pubstatus, urgency, version
from .htmltext import local_name
from .nitf_body import explicit_line_breaks, story_paragraphs
from .nitf_meta import NTB_ZONE, byline, identity, is_ntb, located, metas, times
from .nitf_tags import nitf_tags, subject_names
from .xmlsafe import attr, child, find, parse_xml, text

FMT = "nitf"
LOOKED_AT = "body/body.content (p, hl2, li, table rows, block, bq) and body/body.head/abstract"

__all__ = ["nitf_article", "nitf_byline", "nitf_headline", "nitf_paragraphs", "parse_nitf"]


def nitf_headline(root: etree._Element) -> str | None:
    """``body.head/hedline/hl1``, else ``head/title``."""
    return inline(text(find(root, "body/body.head/hedline/hl1"))) or inline(text(find(root, "head/title")))


def nitf_paragraphs(root: etree._Element) -> list[str]:
    """The story text paragraphs of ``body/body.content`` (see :mod:`.nitf_body`)."""
    content = find(root, "body/body.content")
    return story_paragraphs(content, nitf_headline(root)) if content is not None else []


def nitf_byline(root: etree._Element) -> str | None:
    """The writers named in ``body.head/byline`` (see :func:`.nitf_meta.byline`)."""
    return byline(find(root, "body/body.head"))


def _paragraphs(root: etree._Element) -> list[str]:
    """The body's text, else the abstract's (a story sent as its summary only)."""
    paragraphs = nitf_paragraphs(root)
    abstract = find(root, "body/body.head/abstract")
    if not any(p.strip() for p in paragraphs) and abstract is not None:
        paragraphs = story_paragraphs(abstract, nitf_headline(root))
    if not any(p.strip() for p in paragraphs):
        raise WireFormatError(f"empty body: no text in {LOOKED_AT}", fmt=FMT, where="body/body.content")
    return paragraphs


def _status(docdata: etree._Element | None) -> str | None:
    node = child(docdata, "management-status")
    return attr(docdata, "management-status") or (inline(text(node)) if node is not None else None)


def nitf_article(root: etree._Element) -> Article:
    """Build an Article from a parsed ``<nitf>`` element."""
    if local_name(root) != "nitf":
        raise WireFormatError(f"root element is <{local_name(root)}>, expected <nitf>", fmt=FMT)
    head = child(root, "head")
    docdata = child(head, "docdata")
    head_metas = metas(head)
    ntb = is_ntb(docdata, head_metas)
    headline = nitf_headline(root)
    body = body_text(_paragraphs(root), FMT)
    uri, story_id = identity(root, docdata, head_metas, headline, body)
    number = version(attr(child(docdata, "du-key"), "version"), FMT, "head/docdata/du-key@version")
    firstcreated, versioncreated = times(head, docdata, head_metas, NTB_ZONE if ntb else None, number)
    tags = nitf_tags(root, ntb)
    declared = attr(root, "baselang") or attr(root, "lang")
    return Article(
        uri=uri,
        version=number,
        story_id=story_id,
        body_text=body,
        source_format="nitf",
        pubstatus=pubstatus(_status(docdata), FMT, "head/docdata@management-status"),
        urgency=urgency(attr(child(docdata, "urgency"), "ed-urg") or (head_metas.get("ntbprioritet") if ntb else None)),
        language=language(declared, body),
        headline=headline,
        byline=nitf_byline(root),
        located=located(find(root, "body/body.head")),
        firstcreated=firstcreated,
        versioncreated=versioncreated,
        subjects=subject_names(tags),
        tags=tags,
    )


def parse_nitf(raw: bytes) -> Article:
    """Parse one NITF document."""
    return nitf_article(parse_xml(explicit_line_breaks(raw), FMT))
