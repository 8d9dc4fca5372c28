"""The sender's own tagging of a NITF story, as :class:`~service.article.Tag`s.

* ``tobject.subject``: a subject named by its most specific level (``detail``, else
  ``matter``, else ``type``), its ``refnum`` code as the literal; NTB's ``tobject.type``
  is its category (NTB's ninjs sends it as a subject too);
* ``person``/``org``/``location``/``event``/``object.title``/``classifier`` in the
  docdata's ``key-list`` or ``identified-content``, and ``person``/``org``/``location``
  marked up inline in ``body.content``: the element's text is the name, its
  ``value`` (``location-code``) the literal, or the uri when it is one;
* ``docdata/evloc``: where the events took place (NTB writes its place tags there:
  ``county-dist`` the place, ``state-prov`` its parent).

Keywords (``key-list/keyword``; NTB writes its slug there) and NTB's slug metas
(``NTBStikkord``, ``subject``) are not tags.
"""
from __future__ import annotations

from lxml import etree

from ..article import Tag, TagKind
from .common import inline, unique
from .htmltext import local_name
from .xmlsafe import attr, child, descendants, text

SUBJECT_LEVELS = (
    "tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type", "tobject.subject-type",
)
HEAD_ENTITIES: dict[str, TagKind] = {
    "person": "person", "org": "organisation", "location": "place",
    "event": "event", "object.title": "object", "classifier": "subject",
}
BODY_ENTITIES = ("person", "org", "location")
EVLOC_LEVELS = ("city", "county-dist", "state-prov", "region", "country", "iso-cc")
_URI_SCHEMES = ("http://", "https://", "urn:")


def _subjects(head: etree._Element | None, ntb: bool) -> list[Tag]:
    tobject = child(head, "tobject")
    tags: list[Tag] = []
    for subject in descendants(tobject, "tobject.subject"):
        name = next((found for level in SUBJECT_LEVELS if (found := inline(attr(subject, level)))), None)
        refnum = inline(attr(subject, "tobject.subject.refnum"))
        if name or refnum:
            tags.append(Tag("subject", name, literal=refnum))
    category = inline(attr(tobject, "tobject.type"))
    if ntb and category and category not in {tag.name for tag in tags}:
        tags.insert(0, Tag("subject", category, literal=category))
    return tags


def _entity(node: etree._Element, kind: TagKind) -> Tag | None:
    name = inline(text(node))
    code = inline(attr(node, "value") or attr(node, "location-code"))
    if not (name or code):
        return None
    if code and code.lower().startswith(_URI_SCHEMES):
        return Tag(kind, name, uri=code)
    return Tag(kind, name, literal=code)


def _entities(scope: etree._Element | None, kinds: dict[str, TagKind]) -> list[Tag]:
    if scope is None:
        return []
    found = (_entity(node, kinds[name]) for node in scope.iter() if (name := local_name(node)) in kinds)
    return [tag for tag in found if tag is not None]


def _event_places(docdata: etree._Element | None, ntb: bool) -> list[Tag]:
    tags: list[Tag] = []
    for evloc in descendants(docdata, "evloc"):
        name = next((found for level in EVLOC_LEVELS if (found := inline(attr(evloc, level)))), None)
        if name:
            tags.append(Tag("place", name, literal=name if ntb else None))
    return tags


def nitf_tags(root: etree._Element, ntb: bool) -> tuple[Tag, ...]:
    """Every tag the sender put on the story, in document order, duplicates dropped."""
    head = child(root, "head")
    docdata = child(head, "docdata")
    tags = _subjects(head, ntb)
    for section in ("key-list", "identified-content"):
        tags += _entities(child(docdata, section), HEAD_ENTITIES)
    tags += _event_places(docdata, ntb)
    content = child(child(root, "body"), "body.content")
    tags += _entities(content, {name: HEAD_ENTITIES[name] for name in BODY_ENTITIES})
    return tuple(dict.fromkeys(tags))


def subject_names(tags: tuple[Tag, ...]) -> tuple[str, ...]:
    """The subjects' names (the code when no name is sent)."""
    return unique([tag.name or tag.literal for tag in tags if tag.kind == "subject"])
