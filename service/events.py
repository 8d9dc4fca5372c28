"""Event builders: Article + analysed Doc → the JSON events on every output topic.

Pure functions; the shapes match ``schemas/*.json``. Every ``start``/``end`` is a
character offset into ``body_text``: ``body_text[start:end] == text``.

``event_id`` is derived from uri + version + pipeline version, so a replayed
message yields the same id and consumers can dedupe on it.
"""
from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping

from service import __version__
from service.article import Article
from service.wire_tags import link_entities, tag_items

ENRICHED_SCHEMA = "newswire.enriched/1"
QUOTE_SCHEMA = "newswire.quote/1"
CLAIM_SCHEMA = "newswire.claim/1"
RETRACTION_SCHEMA = "newswire.retraction/1"
DEADLETTER_SCHEMA = "newswire.deadletter/1"
TIMELINE_SCHEMA = "newswire.timeline/1"

_ID_NAMESPACE = uuid.UUID("6f1b2d5c-64a4-4e0e-9a3e-2b7f0b9d3c11")

# NorNE labels → ninjs 2.x property the entity is listed under.
NINJS_BUCKETS: Mapping[str, str] = {
    "PER": "people",
    "ORG": "organisations",
    "GPE_ORG": "organisations",
    "GPE_LOC": "places",
    "LOC": "places",
}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a consumed message came from (absent for offline enrichment)."""

    topic: str
    partition: int
    offset: int
    item: int | None = None  # the story's position in a message that carries several

    def as_dict(self) -> dict[str, Any]:
        found = {"topic": self.topic, "partition": self.partition, "offset": self.offset}
        if self.item is not None:
            found["item"] = self.item
        return found


@dataclass(frozen=True, slots=True)
class Provenance:
    model_name: str
    model_version: str

    @property
    def pipeline_version(self) -> str:
        return f"{__version__}+{self.model_name}-{self.model_version}"

    def as_dict(self, source: Source | None, processed_at: str) -> dict[str, Any]:
        return {
            "pipeline_version": self.pipeline_version,
            "model": {"name": self.model_name, "version": self.model_version},
            "processed_at": processed_at,
            "source": source.as_dict() if source else None,
        }


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def event_id(uri: str, version: int, pipeline_version: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, f"{uri}\x1f{version}\x1f{pipeline_version}"))


def child_id(parent_id: str, kind: str, index: int) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, f"{parent_id}\x1f{kind}\x1f{index}"))


def _article_fields(article: Article) -> dict[str, Any]:
    return {
        "uri": article.uri,
        "version": article.version,
        "story_id": article.story_id,
        "pubstatus": article.pubstatus,
        "urgency": article.urgency,
        "language": article.language,
        "headline": article.headline,
        "byline": article.byline,
        "located": article.located,
        "firstcreated": article.firstcreated,
        "versioncreated": article.versioncreated,
        "subjects": list(article.subjects),
        "signals": list(article.signals),
        "source_format": article.source_format,
    }


def ninjs_mentions(entities: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, str]]]:
    """ninjs ``people``/``organisations``/``places``, one per distinct canonical name, with
    the sender's ``uri`` where the entity is linked to the sender's tag."""
    buckets: dict[str, list[dict[str, str]]] = {"people": [], "organisations": [], "places": []}
    seen: set[tuple[str, str]] = set()
    for ent in entities:
        bucket = NINJS_BUCKETS.get(ent["label"])
        if bucket is None or (bucket, ent["canonical"]) in seen:
            continue
        seen.add((bucket, ent["canonical"]))
        item = {"name": ent["canonical"], "rel": "mentions", "literal": ent["canonical"]}
        if ent.get("uri"):
            item["uri"] = ent["uri"]
        buckets[bucket].append(item)
    return buckets


def build_enriched(
    article: Article,
    *,
    entities: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    provenance: Provenance,
    source: Source | None = None,
    processed_at: str | None = None,
    analysed: bool = True,
) -> dict[str, Any]:
    """The enriched event for one article version (topic ``ntb.wire.enriched``).

    ``analysed`` is False for a story in a language the pipeline does not read: its
    entities, quotes and claims are then empty because nothing looked, not because
    nothing was there."""
    entities = link_entities(entities, article.tags)
    return {
        "schema": ENRICHED_SCHEMA,
        "event_id": event_id(article.uri, article.version, provenance.pipeline_version),
        **_article_fields(article),
        "body_text": article.body_text,
        "analysed": analysed,
        "entities": entities,
        "quotes": quotes,
        "claims": claims,
        **ninjs_mentions(entities),
        "tags": tag_items(article.tags),
        "provenance": provenance.as_dict(source, processed_at or utc_now()),
    }


def _item_events(enriched: Mapping[str, Any], kind: str, schema: str) -> list[dict[str, Any]]:
    plural = f"{kind}s"
    return [
        {
            "schema": schema,
            "event_id": child_id(enriched["event_id"], kind, index),
            "parent_event_id": enriched["event_id"],
            "story_id": enriched["story_id"],
            "uri": enriched["uri"],
            "version": enriched["version"],
            "versioncreated": enriched.get("versioncreated"),
            "index": index,
            kind: item,
        }
        for index, item in enumerate(enriched[plural])
    ]


def quote_events(enriched: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One event per quote (topic ``ntb.wire.quotes``)."""
    return _item_events(enriched, "quote", QUOTE_SCHEMA)


def claim_events(enriched: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One event per claim (topic ``ntb.wire.claims``)."""
    return _item_events(enriched, "claim", CLAIM_SCHEMA)


def build_retraction(
    article: Article, *, provenance: Provenance, source: Source | None = None, processed_at: str | None = None
) -> dict[str, Any]:
    """A kill: consumers must withdraw every earlier version of ``story_id``/``uri``."""
    return {
        "schema": RETRACTION_SCHEMA,
        "event_id": event_id(article.uri, article.version, provenance.pipeline_version),
        "uri": article.uri,
        "version": article.version,
        "story_id": article.story_id,
        "pubstatus": article.pubstatus,
        "headline": article.headline,
        "versioncreated": article.versioncreated,
        "provenance": provenance.as_dict(source, processed_at or utc_now()),
    }


def build_deadletter(
    payload: bytes,
    *,
    error_type: str,
    reason: str,
    source: Source | None,
    uri: str | None = None,
    version: int | None = None,
    item: int | None = None,
    time: str | None = None,
) -> dict[str, Any]:
    """A dead letter carrying the original bytes so nothing is lost.

    ``item`` is the story's position in a message that carries several (NewsML-G2
    newsItems), so each failed story of one message is its own dead letter.
    """
    digest = hashlib.sha256(payload).hexdigest()
    where = f"{source.topic}/{source.partition}/{source.offset}" if source else "offline"
    if item is not None:
        where += f"#{item}"
    return {
        "schema": DEADLETTER_SCHEMA,
        "event_id": str(uuid.uuid5(_ID_NAMESPACE, f"dlq\x1f{where}\x1f{digest}")),
        "error_type": error_type,
        "reason": reason,
        "uri": uri,
        "version": version,
        "item": item,
        "original_base64": base64.b64encode(payload).decode("ascii"),
        "original_sha256": digest,
        "original_size": len(payload),
        "source": source.as_dict() if source else None,
        "time": time or utc_now(),
    }


def claim_story(event: Mapping[str, Any]) -> dict[str, Any]:
    """What a claim timeline needs to know of the story a claim event came from."""
    return {"uri": event["uri"], "version": event["version"], "story_id": event["story_id"],
            "versioncreated": event.get("versioncreated"), "index": event["index"]}


def timeline_event(entry: Mapping[str, Any]) -> dict[str, Any]:
    """A claim-timeline entry as published on ``ntb.claims.timeline``; replays keep the id."""
    story = entry["story"]
    return {
        "schema": TIMELINE_SCHEMA,
        "event_id": str(uuid.uuid5(_ID_NAMESPACE, f"timeline\x1f{entry['key']}\x1f{story['uri']}"
                                                  f"\x1f{story['version']}\x1f{story['index']}")),
        **entry,
    }
