"""The plain article model every wire format is parsed into. No parsing here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

PubStatus = Literal["usable", "withheld", "canceled"]
SourceFormat = Literal["text", "ninjs", "nitf", "newsml"]
TagKind = Literal["person", "organisation", "place", "subject", "event", "object"]
#: Tag kind → the ninjs 2.x/3.x property its tags are listed under (ninjs 1.x names the
#: property after the kind itself: ``person``, ``organisation``…).
TAG_PROPERTIES: Mapping[TagKind, str] = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "subject": "subjects",
    "event": "events",
    "object": "objects",
}


@dataclass(frozen=True, slots=True)
class Tag:
    """A person, organisation, place or subject the sender itself tagged the story with,
    in ninjs's shape: ``uri`` is the sender's identifier (a Wikidata or iMatrics URI, a
    G2 QCode), ``literal`` a code or string form, ``rel`` the relation as sent."""

    kind: TagKind
    name: str | None
    uri: str | None = None
    literal: str | None = None
    rel: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One version of one wire story.

    ``body_text`` is the text that is analysed: paragraphs joined with ``"\\n\\n"``.
    Every character offset in an event points into it.

    >>> Article(uri="urn:x", version=1, story_id="x", body_text="Hei.").paragraphs
    ['Hei.']
    """

    uri: str
    version: int
    story_id: str
    body_text: str
    source_format: SourceFormat = "text"
    pubstatus: PubStatus = "usable"
    urgency: int | None = None
    language: str = "nb"
    headline: str | None = None
    byline: str | None = None
    located: str | None = None
    firstcreated: str | None = None  # ISO 8601 with offset, as sent
    versioncreated: str | None = None
    subjects: tuple[str, ...] = ()
    signals: tuple[str, ...] = field(default=())  # "update", "correction" (NewsML-G2 signal)
    tags: tuple[Tag, ...] = ()  # the sender's own people, organisations, places, subjects

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body_text.split("\n\n") if p]
