"""Fields of a NewsML-G2 item's ``itemMeta`` and ``contentMeta``."""
from __future__ import annotations

from lxml import etree

from ..article import Tag, TagKind
from .common import code, inline, primary_language, timestamp, unique
from .xmlsafe import attr, child, children, text

SIGNALS = ("update", "correction")
STORY_ID_TYPE = "ntb-id"
#: concept types (``cpnat:…``, also sports ``spcpnat:team``) → tag kind; other types are subjects
CONCEPT_KINDS: dict[str, TagKind] = {
    "person": "person",
    "organisation": "organisation",
    "organization": "organisation",
    "team": "organisation",
    "geoarea": "place",
    "poi": "place",
    "event": "event",
    "object": "object",
    "abstract": "subject",
}
#: QCode schemes that name the kind when a subject has no type
SCHEME_KINDS: dict[str, TagKind] = {"person": "person", "org": "organisation", "geo": "place", "city": "place"}
_DISPLAY_ROLES = ("", "display")


def concept_name(node: etree._Element | None, language: str | None = None) -> str | None:
    """A concept's ``name``: a display name (no role, or ``nrol:display``) in the item's
    language first, then any other; mnemonics only when nothing else is sent."""
    names = [(n, value) for n in children(node, "name") if (value := inline(text(n)))]
    if not names:
        return None
    wanted = primary_language(language)

    def rank(pair: tuple[etree._Element, str]) -> tuple[bool, bool]:
        lang = primary_language(attr(pair[0], "lang"))
        return code(attr(pair[0], "role")) not in _DISPLAY_ROLES, bool(lang) and lang != wanted

    return min(names, key=rank)[1]


def headline(content_meta: etree._Element | None) -> str | None:
    nodes = children(content_meta, "headline")
    main = [n for n in nodes if code(attr(n, "role")) in ("", "main")] or nodes
    return next((h for h in (inline(text(n)) for n in main) if h), None)


def story_id(item: etree._Element, uri: str) -> str:
    for section in ("itemMeta", "contentMeta"):
        for alt in children(child(item, section), "altId"):
            if code(attr(alt, "type")) == STORY_ID_TYPE and (value := inline(text(alt))):
                return value
    return uri


def signals(item_meta: etree._Element | None) -> tuple[str, ...]:
    codes = [code(attr(node, "qcode")) for node in children(item_meta, "signal")]
    return tuple(name for name in SIGNALS if name in codes)


def _named_elsewhere(item: etree._Element, qcode: str, language: str | None) -> str | None:
    """The name the item itself gives a QCode in another place (a subject, a broader concept)."""
    for node in item.iter():
        if isinstance(node.tag, str) and attr(node, "qcode") == qcode and (name := concept_name(node, language)):
            return name
    return None


def located(item: etree._Element, content_meta: etree._Element | None, language: str | None) -> str | None:
    """The place's name (or literal), else a broader place's; a bare QCode is no name."""
    node = child(content_meta, "located")
    if node is None:
        return None
    name = concept_name(node, language) or inline(attr(node, "literal"))
    qcode = inline(attr(node, "qcode"))
    if name is None and qcode:
        name = _named_elsewhere(item, qcode, language)
    for broader in children(node, "broader"):
        name = name or concept_name(broader, language) or inline(attr(broader, "literal"))
    return name


def byline(content_meta: etree._Element | None) -> str | None:
    """``by``: the byline as the sender writes it."""
    return inline(text(child(content_meta, "by")))


def creator(content_meta: etree._Element | None, language: str | None) -> str | None:
    node = child(content_meta, "creator")
    return concept_name(node, language) or inline(attr(node, "literal"))


def declared_language(item: etree._Element, content_meta: etree._Element | None) -> str | None:
    """``contentMeta/language@tag``, else the item's ``xml:lang``."""
    return inline(attr(child(content_meta, "language"), "tag")) or inline(attr(item, "lang"))


def inherited_language(item: etree._Element) -> str | None:
    """A language declared on the message around the item."""
    for ancestor in item.iterancestors():
        if value := inline(attr(ancestor, "lang")):
            return value
    return None


def created(item_meta: etree._Element | None, content_meta: etree._Element | None) -> tuple[str | None, str | None]:
    """``(firstcreated, versioncreated)``: ``firstCreated`` else ``contentCreated``; ``versionCreated``."""
    first = timestamp(text(child(item_meta, "firstCreated"))) or timestamp(text(child(content_meta, "contentCreated")))
    return first, timestamp(text(child(item_meta, "versionCreated")))


def _kind(subject: etree._Element) -> TagKind:
    concept_type = code(attr(subject, "type"))
    if concept_type in CONCEPT_KINDS:
        return CONCEPT_KINDS[concept_type]
    scheme = (attr(subject, "qcode") or "").split(":", 1)[0].strip().lower()
    return SCHEME_KINDS.get(scheme, "subject")


def subject_tags(content_meta: etree._Element | None, language: str | None) -> tuple[Tag, ...]:
    """Every ``contentMeta/subject`` as sent: kind by its concept type, QCode as ``uri``,
    ``rel`` from ``@rel`` (else ``@why``: direct or inherited from a narrower subject)."""
    tags: dict[Tag, None] = {}
    for subject in children(content_meta, "subject"):
        tag = Tag(
            kind=_kind(subject),
            name=concept_name(subject, language),
            uri=inline(attr(subject, "qcode")) or inline(attr(subject, "uri")),
            literal=inline(attr(subject, "literal")),
            rel=inline(attr(subject, "rel")) or inline(attr(subject, "why")),
        )
        if tag.name or tag.uri or tag.literal:
            tags.setdefault(tag, None)
    return tuple(tags)


def subject_names(tags: tuple[Tag, ...]) -> tuple[str, ...]:
    """Names, a code only for a subject sent without a name."""
    return unique([tag.name or tag.uri or tag.literal for tag in tags])
