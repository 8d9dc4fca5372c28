"""The sender's own tagging (:class:`~service.article.Tag`) in the event, and our entities
linked to it.

NTB tags a story with people, organisations, places and subjects, each with its own
identifier (Wikidata or iMatrics URIs in NTB's ninjs, QCodes in NewsML-G2). Those go into
the event as sent, in ninjs's shape (``{"name", "uri", "literal", "rel"}`` under
``people``/``organisations``/``places``/``subjects``/``events``/``objects``), and an entity
we found takes the sender's ``uri`` when its canonical name names the same thing.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from service.article import TAG_PROPERTIES, Tag

#: NorNE label → the tag kinds an entity of that label may be linked to.
LINKABLE: Mapping[str, tuple[str, ...]] = {
    "PER": ("person",),
    "ORG": ("organisation",),
    "GPE_ORG": ("organisation", "place"),  # "Norge" the state: NTB tags it as a place
    "GPE_LOC": ("place",),
    "LOC": ("place",),
    "EVT": ("event",),
}


def tag_items(tags: Iterable[Tag]) -> dict[str, list[dict[str, str]]]:
    """The event's ``tags`` object: every ninjs property, each tag with the fields it has."""
    buckets: dict[str, list[dict[str, str]]] = {bucket: [] for bucket in TAG_PROPERTIES.values()}
    for tag in tags:
        item = {key: value for key in ("name", "uri", "literal", "rel")
                if (value := getattr(tag, key)) is not None}
        buckets[TAG_PROPERTIES[tag.kind]].append(item)
    return buckets


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _same_person(short: str, full: str) -> bool:
    """"Støre" names "Jonas Gahr Støre": a surname alone stands for the full name."""
    short_words, full_words = short.split(), full.split()
    return len(short_words) < len(full_words) and full_words[-len(short_words):] == short_words


def matching_tag(label: str, canonical: str, tags: Iterable[Tag]) -> Tag | None:
    """The one sender's tag with an identifier that names the same thing as an entity, if any.

    Names match when equal (case and spacing aside); a person's surname alone matches a
    full name when exactly one tagged person has that surname. Ambiguity links nothing.
    """
    kinds = LINKABLE.get(label, ())
    candidates = [t for t in tags if t.kind in kinds and t.uri and t.name]
    key = _key(canonical)
    exact = [t for t in candidates if _key(t.name or "") == key]
    if exact:
        return exact[0] if len({t.uri for t in exact}) == 1 else None
    if label == "PER":
        by_surname = [t for t in candidates if _same_person(key, _key(t.name or ""))]
        if len(by_surname) == 1:
            return by_surname[0]
    return None


def link_entities(entities: list[dict[str, Any]], tags: Iterable[Tag]) -> list[dict[str, Any]]:
    """Each entity with ``uri``: the sender's identifier of what it names, else None."""
    tags = tuple(tags)
    for entity in entities:
        found = matching_tag(entity["label"], entity["canonical"], tags) if tags else None
        entity["uri"] = found.uri if found else None
    return entities
