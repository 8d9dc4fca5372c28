"""What to do with one article version given what was already published for its uri.

Pure, so the rules are tested without a broker; the worker keeps ``Published`` records
in a Faust table keyed by uri.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping

from service.article import Article


class Action(str, Enum):
    ENRICH = "enrich"        # a new (or newer) version: analyse and publish
    RETRACT = "retract"      # a kill of a story: publish a retraction
    DUPLICATE = "duplicate"  # this uri+version was already published: emit nothing
    STALE = "stale"          # older than what was published: dead-letter, never overwrite


@dataclass(frozen=True, slots=True)
class Published:
    """The newest published version of a uri, and every version ever published for it
    (so replaying an old version is recognised as a duplicate, not as stale)."""

    version: int
    event_id: str
    canceled: bool = False
    versions: frozenset[int] = frozenset()

    def after(self, version: int, event_id: str, canceled: bool) -> "Published":
        return Published(max(version, self.version), event_id if version >= self.version else self.event_id,
                         canceled if version >= self.version else self.canceled, self.versions | {version})

    @classmethod
    def first(cls, version: int, event_id: str, canceled: bool) -> "Published":
        return cls(version, event_id, canceled, frozenset({version}))

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "event_id": self.event_id, "canceled": self.canceled,
                "versions": sorted(self.versions | {self.version})}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Published | None":
        if not data:
            return None
        version = int(data["version"])
        return cls(version, str(data["event_id"]), bool(data.get("canceled")),
                   frozenset(int(v) for v in data.get("versions", ())) | {version})


def record(published: Published | None, version: int, event_id: str, canceled: bool) -> Published:
    """``published`` updated with one more published version."""
    if published is None:
        return Published.first(version, event_id, canceled)
    return published.after(version, event_id, canceled)


def decide(article: Article, published: Published | None) -> Action:
    killed = article.pubstatus == "canceled"
    if published is not None:
        if killed and not published.canceled and article.version >= published.version:
            return Action.RETRACT  # a kill may reuse the killed version's number
        if article.version == published.version or article.version in published.versions:
            return Action.DUPLICATE
        if article.version < published.version:
            return Action.STALE
    return Action.RETRACT if killed else Action.ENRICH
