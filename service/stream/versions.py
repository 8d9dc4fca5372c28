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
    version: int
    event_id: str
    canceled: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "event_id": self.event_id, "canceled": self.canceled}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "Published | None":
        return cls(int(data["version"]), str(data["event_id"]), bool(data.get("canceled"))) if data else None


def decide(article: Article, published: Published | None) -> Action:
    killed = article.pubstatus == "canceled"
    if published is not None:
        if killed and not published.canceled and article.version >= published.version:
            return Action.RETRACT  # a kill may reuse the killed version's number
        if article.version == published.version:
            return Action.DUPLICATE
        if article.version < published.version:
            return Action.STALE
    return Action.RETRACT if killed else Action.ENRICH
