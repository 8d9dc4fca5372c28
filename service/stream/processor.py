"""The enrich step of the worker: one batch of parsed articles in, events out.

Decides per version (``versions.decide``), runs spaCy in an executor so the event loop
keeps heartbeating, isolates a failing or slow message so only it is dead-lettered.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, MutableMapping, Sequence

import orjson
from faust.types import TopicT

from service.article import Article
from service.enrich import Enricher
from service.errors import EnrichmentError, NewswireError, StaleVersion
from service.claims_timeline import timeline_key
from service.events import Source, claim_events, claim_story, quote_events
from service.settings import Topics
from service.stream.deadletter import send_deadletter
from service.stream.versions import Action, Published, decide, record

log = logging.getLogger(__name__)


@dataclass
class Pending:
    article: Article
    payload: bytes
    source: Source  # with the story's position when the message carries several


@dataclass
class OutputTopics:
    enriched: TopicT
    quotes: TopicT
    claims: TopicT
    dlq: TopicT
    claims_by_theatre: TopicT | None = None  # feeds the claim-timeline agent

    @classmethod
    def from_app(cls, app: Any, topics: Topics) -> "OutputTopics":
        enriched, quotes, claims, dlq = (app.topic(name, key_serializer="raw", value_serializer="raw")
                                         for name in (topics.enriched, topics.quotes, topics.claims, topics.dlq))
        by_theatre = app.topic(topics.claims_by_theatre, key_type=str, key_serializer="json",
                               value_serializer="raw")
        return cls(enriched, quotes, claims, dlq, claims_by_theatre=by_theatre)


@dataclass
class Counters:
    enriched: int = 0
    retracted: int = 0
    duplicates: int = 0
    dead_lettered: int = 0


async def _no_flush() -> None:
    return None


@dataclass
class BatchProcessor:
    enricher: Enricher
    outputs: OutputTopics
    published: MutableMapping[str, Any]  # uri → Published.as_dict(); a Faust table in the worker
    nlp_timeout: float = 30.0
    flush: Callable[[], Awaitable[None]] = _no_flush
    counters: Counters = field(default_factory=Counters)
    _executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "nlp"))

    async def process(self, batch: Sequence[Pending]) -> None:
        to_enrich: list[Pending] = []
        stale: list[Pending] = []
        # Versions of one uri inside a batch are decided in order against a local view.
        view: dict[str, Published | None] = {}
        for item in sorted(batch, key=lambda p: (p.article.uri, p.article.version)):
            uri = item.article.uri
            if uri not in view:
                view[uri] = Published.from_dict(self.published.get(uri))
            action = decide(item.article, view[uri])
            if action is Action.DUPLICATE:
                self.counters.duplicates += 1
                log.info("duplicate %s v%d: already published", uri, item.article.version)
            elif action is Action.STALE:
                assert view[uri] is not None
                await self._deadletter(item, StaleVersion(
                    f"version {item.article.version} of {uri} arrived after version "
                    f"{view[uri].version} was published; not overwriting"))  # type: ignore[union-attr]
                stale.append(item)
                view[uri] = record(view[uri], item.article.version, "", False)
            else:
                try:
                    self.enricher.check(item.article)
                except NewswireError as exc:
                    await self._deadletter(item, exc)
                    continue
                to_enrich.append(item)
                view[uri] = record(view[uri], item.article.version, "", action is Action.RETRACT)
        published = await self._enrich(to_enrich)
        for item, event in published:
            await self._publish(event)
        if published or stale:
            # Mark versions as handled only once their events are on the broker: a crash
            # in between then repeats events (same event_id) instead of losing them.
            await self.flush()
            for item, event in published:
                self._remember(item, event)
            for item in stale:  # a replayed stale version is then a duplicate, not a new dead letter
                uri = item.article.uri
                self.published[uri] = record(Published.from_dict(self.published.get(uri)),
                                             item.article.version, "", False).as_dict()

    async def _enrich(self, items: list[Pending]) -> list[tuple[Pending, dict]]:
        if not items:
            return []
        try:
            events = await self._run([i.article for i in items], [i.source for i in items])
            return list(zip(items, events))
        except Exception as exc:  # isolate the culprit: retry one by one
            if len(items) > 1:
                log.warning("batch of %d failed (%r); retrying one by one", len(items), exc)
            results = []
            for item in items:
                try:
                    results.append((item, (await self._run([item.article], [item.source]))[0]))
                except Exception as single_exc:
                    await self._deadletter(item, _as_enrichment_error(single_exc, self.nlp_timeout))
            return results

    async def _run(self, articles: list[Article], sources: list[Source]) -> list[dict]:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, self.enricher.enrich_many, articles, sources)
        try:
            return await asyncio.wait_for(future, timeout=self.nlp_timeout * len(articles))
        except asyncio.TimeoutError:
            # The thread cannot be interrupted; give later batches a fresh one.
            self._executor.shutdown(wait=False)
            self._executor = ThreadPoolExecutor(1, "nlp")
            raise

    async def _publish(self, event: dict) -> None:
        key = event["story_id"].encode()
        value = orjson.dumps(event)
        if event["schema"] == "newswire.retraction/1":
            for topic in (self.outputs.enriched, self.outputs.quotes, self.outputs.claims):
                await topic.send(key=key, value=value)
            self.counters.retracted += 1
        else:
            await self.outputs.enriched.send(key=key, value=value)
            for quote in quote_events(event):
                await self.outputs.quotes.send(key=key, value=orjson.dumps(quote))
            for claim in claim_events(event):
                await self.outputs.claims.send(key=key, value=orjson.dumps(claim))
                if self.outputs.claims_by_theatre is not None:
                    await self.outputs.claims_by_theatre.send(
                        key=timeline_key(claim["claim"]),
                        value=orjson.dumps({"claim": claim["claim"], "story": claim_story(claim)}))
            self.counters.enriched += 1

    def _remember(self, item: Pending, event: dict) -> None:
        uri = item.article.uri
        self.published[uri] = record(Published.from_dict(self.published.get(uri)), item.article.version,
                                     event["event_id"], event["schema"] == "newswire.retraction/1").as_dict()

    async def _deadletter(self, item: Pending, error: BaseException) -> None:
        self.counters.dead_lettered += 1
        await send_deadletter(self.outputs.dlq, item.payload, error, item.source,
                              uri=item.article.uri, version=item.article.version)


def _as_enrichment_error(exc: BaseException, timeout: float) -> EnrichmentError:
    if isinstance(exc, asyncio.TimeoutError):
        return EnrichmentError(f"NLP did not finish within {timeout:g} s")
    return EnrichmentError(f"NLP failed: {type(exc).__name__}: {exc}")
