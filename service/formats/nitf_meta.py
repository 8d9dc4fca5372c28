"""NITF head and ``body.head`` metadata: story identity, times, byline, dateline place.

NTB's own NITF (its newsroom formatter, also for stories it distributes) is told by its
``<meta name="NTB…">`` elements or ``doc-id@regsrc="NTB"``; its offsetless local times
are Europe/Oslo time.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime

from lxml import etree

from ..errors import WireFormatError
from .bylines import writers
from .common import inline, timestamp
from .htmltext import local_name
from .xmlsafe import attr, child, children, descendants, text

FMT = "nitf"
URI_PREFIX = "urn:nitf:"
NTB_URI_PREFIX = "urn:ntb:nitf:"
NTB_ZONE = "Europe/Oslo"
#: NTB metas that state this version's time, and how they write it (no offset: Oslo time).
NTB_TIME_METAS = (("timestamp", "%Y.%m.%d %H:%M:%S"), ("ntb-dato", "%d.%m.%Y %H:%M"))
_AGENCY = re.compile(r"\s*\(\s*[A-Z][A-Z/ .&-]{0,15}\)\s*")
_EDGE_MARKS = " ,.;:-–—\t\n"


def metas(head: etree._Element | None) -> dict[str, str]:
    """``<meta name content>`` of the head, names lower-cased, first non-blank value kept."""
    found: dict[str, str] = {}
    for meta in children(head, "meta"):
        name, content = inline(attr(meta, "name")), inline(attr(meta, "content"))
        if name and content:
            found.setdefault(name.lower(), content)
    return found


def is_ntb(docdata: etree._Element | None, head_metas: dict[str, str]) -> bool:
    """NTB's NITF: NTB metas, or NTB as the doc-id's registration source."""
    regsrc = inline(attr(child(docdata, "doc-id"), "regsrc")) or ""
    return regsrc.upper() == "NTB" or any(name.startswith("ntb") for name in head_metas)


def identity(root: etree._Element, docdata: etree._Element | None, head_metas: dict[str, str],
             headline: str | None, body: str) -> tuple[str, str]:
    """``(uri, story_id)``.

    NTB's ``NTBID`` meta is its story id, which every version and the kill share (its
    ``doc-id`` carries a version suffix, ``…_47``): ``urn:ntb:nitf:<NTBID>``. Otherwise
    ``nitf@uno``, else ``doc-id@id-string`` (``urn:nitf:<id-string>``). A document with
    neither (AP sends ``<doc-id regsrc="AP"/>``) is identified by what it does carry:
    ``doc-id@regsrc``, ``date.issue@norm`` and a digest of its headline (of the text when
    there is none): ``urn:nitf:AP:20151210T191044Z:<digest>``.
    """
    if ntb_id := head_metas.get("ntbid"):
        return NTB_URI_PREFIX + ntb_id, ntb_id
    doc_id = child(docdata, "doc-id")
    id_string = inline(attr(doc_id, "id-string"))
    if uno := inline(attr(root, "uno")):
        return uno, id_string or uno
    if id_string:
        return URI_PREFIX + id_string, id_string
    regsrc = inline(attr(doc_id, "regsrc"))
    issued = inline(attr(child(docdata, "date.issue"), "norm"))
    if regsrc and issued:
        digest = hashlib.sha1((headline or body).encode("utf-8")).hexdigest()[:12]
        story_id = f"{regsrc}:{issued}:{digest}"
        return URI_PREFIX + story_id, story_id
    raise WireFormatError(
        "no document id: looked for meta NTBID, nitf@uno, doc-id@id-string, "
        "and doc-id@regsrc with date.issue@norm",
        fmt=FMT, where="head/docdata/doc-id",
    )


def _ntb_meta_time(head_metas: dict[str, str]) -> str | None:
    for name, layout in NTB_TIME_METAS:
        try:
            moment = datetime.strptime(head_metas.get(name, ""), layout)
        except ValueError:
            continue
        return timestamp(moment.isoformat(), NTB_ZONE)
    return None


def _moment(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def times(head: etree._Element | None, docdata: etree._Element | None, head_metas: dict[str, str],
          zone: str | None, version: int) -> tuple[str | None, str | None]:
    """``(firstcreated, versioncreated)``.

    This version's time is ``date.issue`` (NTB writes its version time there and in
    ``pubdata@date.publication`` and the ``timestamp``/``ntb-dato`` metas, the
    fallbacks in that order). The first creation is the earliest ``revision-history``
    time; without one it is the issue time only for a first version (no ``du-key``
    version above 1): NTB's 48th version says nothing of when the story began.
    ``date.release`` (may be published from) and ``date.expire`` are neither.
    """
    issued = (
        timestamp(attr(child(docdata, "date.issue"), "norm"), zone)
        or timestamp(attr(child(head, "pubdata"), "date.publication"), zone)
        or (_ntb_meta_time(head_metas) if zone == NTB_ZONE else None)
    )
    revisions = [
        (moment, stamp)
        for node in children(head, "revision-history")
        if (stamp := timestamp(attr(node, "norm"), zone)) and (moment := _moment(stamp))
    ]
    if revisions:
        return min(revisions)[1], issued
    return (issued if version == 1 else None), issued


def byline(body_head: etree._Element | None) -> str | None:
    """The writers: ``byline/person`` names, else the byline text without its ``byttl``
    (title) and its "By "/"Av " prefix; only a ``byttl`` → that title (an organisation
    credit); sign-off initials (EFE's ``gr/bp``) are no byline."""
    node = child(body_head, "byline")
    if node is None:
        return None
    people = [name for name in (inline(text(p)) for p in descendants(node, "person")) if name]
    if people:
        return ", ".join(people)
    if inline(_text_without(node, "byttl")) is None:
        return inline(text(child(node, "byttl")))
    return writers(_text_without(node, "byttl"))


def _text_without(node: etree._Element, skipped: str) -> str:
    parts = [node.text or ""]
    for item in node:
        if local_name(item) not in ("", skipped):
            parts.append(_text_without(item, skipped))
        parts.append(item.tail or "")
    return "".join(parts)


def _place(value: str) -> str | None:
    """A place name from dateline text: the agency "(NTB)" and date pieces dropped."""
    value = _AGENCY.sub(" ", value)
    pieces = [piece.strip(_EDGE_MARKS) for piece in value.split(",")]
    while pieces and (not pieces[-1] or any(ch.isdigit() for ch in pieces[-1])):
        pieces.pop()
    place = inline(", ".join(pieces))
    return None if place is None or any(ch.isdigit() for ch in place) else place


def located(body_head: etree._Element | None) -> str | None:
    """Where the story was written: the dateline's ``location`` (else ``city``,
    ``country``), else the dateline text without its ``story.date``; never a date."""
    dateline = child(body_head, "dateline")
    if dateline is None:
        return None
    for name in ("location", "city", "country"):
        for node in descendants(dateline, name):
            if found := _place(text(node) or ""):
                return found
    return _place(_text_without(dateline, "story.date"))
