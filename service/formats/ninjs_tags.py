"""The sender's own tagging in ninjs: people, organisations, places, subjects, events, objects.

2.x/3.x items carry ``name``, ``uri``, ``literal`` and ``rel``, kept as sent. 1.x items
(``person``, ``organisation``, ``place``, ``subject``, ``event``, ``object``) carry
``scheme`` and ``code`` instead: the code is the ``literal``, and when the scheme is an
absolute URI, scheme and code make the ``uri``, as ninjs 2.x defines it ("a complete uri
with the code": IPTC's 1.x example ``scheme`` ``http://cvx.iptc.org/iso3166-1a2/`` +
``code`` ``it`` is ``uri`` ``http://cvx.iptc.org/iso3166-1a2/it`` in its 2.x form).
"""
from __future__ import annotations

from typing import Any

from ..article import TAG_PROPERTIES, Tag, TagKind
from .common import inline
from .ninjs_names import objects, string, tag_field


def _text(value: Any) -> str | None:
    return inline(string(value))


def _uri(item: dict[str, Any], code: str | None) -> str | None:
    if uri := _text(item.get("uri")):
        return uri
    scheme = _text(item.get("scheme"))
    if scheme is None or code is None or "://" not in scheme:
        return None
    return scheme + code if scheme.endswith(("/", "#", "=", ":")) else f"{scheme}/{code}"


def _tag(kind: TagKind, item: dict[str, Any]) -> Tag | None:
    code = _text(item.get("code"))
    literal = _text(item.get("literal")) or code
    tag = Tag(
        kind=kind,
        name=_text(item.get("name")),
        uri=_uri(item, code),
        literal=literal,
        rel=_text(item.get("rel")),
    )
    return tag if tag.name or tag.uri or tag.literal else None


def tags(doc: dict[str, Any], version: int) -> tuple[Tag, ...]:
    """Every tag, in the order sent, each once."""
    found: dict[Tag, None] = {}
    for kind in TAG_PROPERTIES:
        for item in objects(tag_field(doc, kind, version)):
            if tag := _tag(kind, item):
                found.setdefault(tag, None)
    return tuple(found)


def subject_names(tags: tuple[Tag, ...]) -> tuple[str, ...]:
    """Subject names; a code or URI only where no name is sent."""
    names = [tag.name or tag.literal or tag.uri for tag in tags if tag.kind == "subject"]
    return tuple(dict.fromkeys(name for name in names if name))
