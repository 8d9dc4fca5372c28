"""Replaying archives: to the raw topic of a broker, or offline through the same
enrichment code into a JSONL file."""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

import orjson
from aiokafka import AIOKafkaProducer
from aiokafka.errors import MessageSizeTooLargeError
from tqdm import tqdm

from service.article import Article
from service.enrich import Enricher
from service.errors import NewswireError
from service.events import build_deadletter
from service.formats import numbered, parse_items
from service.replay import Messages, Pacer, RawMessage, ReplaySummary, iter_archives
from service.settings import Settings, bootstrap_servers, producer_batch_bytes, topic_configs
from service.stream.versions import Action, Published, decide, record

log = logging.getLogger("newswire.replay")
OFFLINE_BATCH = 32


def _progress(messages: Iterable[RawMessage], what: str) -> Iterator[RawMessage]:
    """A progress bar on a terminal, with a total when the archives can be counted
    cheaply (not a compressed tar: that would mean reading it twice)."""
    if not sys.stderr.isatty():
        return iter(messages)
    total = messages.count() if isinstance(messages, Messages) else None
    return iter(tqdm(messages, desc=what, unit="msg", total=total, file=sys.stderr))


def story_key(payload: bytes) -> bytes | None:
    """The message's uri (its first story's, when it carries several) as its key, so every
    version of a story lands on one raw partition and keeps the archive's order; None when
    it does not parse (the worker dead-letters it)."""
    try:
        first = parse_items(payload)[0]
    except NewswireError:
        return None
    return first.uri.encode() if isinstance(first, Article) else None


async def replay_to_broker(paths: list[Path], settings: Settings, *, topic: str,
                           rate: float | None = None, speed: float | None = None,
                           wait: float = 0.0) -> ReplaySummary:
    """Send every archived message, unchanged, to ``topic``; the worker does the rest."""
    from service.broker import ensure_topics, wait_for_broker

    bootstrap = bootstrap_servers(settings.broker)
    security = settings.security.aiokafka_kwargs()
    if wait:
        await wait_for_broker(bootstrap, timeout=wait, log=log, **security)
    await ensure_topics(bootstrap, [topic], partitions=settings.partitions,
                        replication=settings.replication, configs=topic_configs(settings), **security)
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=False, linger_ms=5,
        max_batch_size=producer_batch_bytes(settings),
        max_request_size=settings.max_request_bytes, **security)
    summary = ReplaySummary(read=0, sent=0, enriched=0, dead_lettered=0, skipped=0)
    pacer = Pacer(rate=rate, speed=speed)
    await producer.start()
    try:
        for message in _progress(iter_archives(paths), "replay"):
            summary.read += 1
            await pacer.wait(message)
            try:
                await producer.send(topic, key=story_key(message.payload), value=message.payload)
                summary.sent += 1
            except MessageSizeTooLargeError:
                summary.skipped += 1
                log.warning("skipped %s: %d bytes is more than the broker accepts",
                            message.source, len(message.payload))
        await producer.flush()
    finally:
        await producer.stop()
    return summary


async def send_payloads(settings: Settings, topic: str, payloads: Iterable[bytes]) -> int:
    """Send raw payloads as they are (used by the demo and tests to inject bad input)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers(settings.broker), acks="all",
                                enable_idempotence=False, max_batch_size=producer_batch_bytes(settings),
                                max_request_size=settings.max_request_bytes,
                                **settings.security.aiokafka_kwargs())
    await producer.start()
    sent = 0
    try:
        for payload in payloads:
            await producer.send(topic, value=payload)
            sent += 1
        await producer.flush()
    finally:
        await producer.stop()
    return sent


class OfflineRun:
    """Enrich archived messages without a broker, with the worker's version rules."""

    def __init__(self, out: IO[bytes], settings: Settings, enricher: Enricher | None = None) -> None:
        self.out = out
        self.settings = settings
        self.enricher = enricher or Enricher(max_body_chars=settings.max_body_chars)
        self.published: dict[str, Published] = {}
        # Stories waiting for one batched nlp.pipe, and dead letters in their input order, so the
        # output keeps the archive's order.
        self.pending: list[Article | dict] = []
        self.summary = ReplaySummary(read=0, sent=0, enriched=0, dead_lettered=0, skipped=0)

    def add(self, message: RawMessage) -> None:
        self.summary.read += 1
        items: list[tuple[int | None, Article | NewswireError]]
        try:
            items = list(numbered(parse_items(message.payload, max_bytes=self.settings.max_message_bytes)))
        except NewswireError as exc:
            items = [(None, exc)]
        for index, item in items:
            self._add_story(message, index, item)

    def _add_story(self, message: RawMessage, index: int | None, item: Article | NewswireError) -> None:
        try:
            if isinstance(item, NewswireError):
                raise item
            article = item
            self.enricher.check(article)
        except NewswireError as exc:
            self._dead_letter(build_deadletter(message.payload, error_type=exc.error_type, item=index,
                                               reason=f"{exc.reason} [{message.source}]", source=None))
            return
        action = decide(article, self.published.get(article.uri))
        if action is Action.DUPLICATE:
            self.summary.skipped += 1
            return
        if action is Action.STALE:
            self._dead_letter(build_deadletter(
                message.payload, error_type="StaleVersion", source=None, uri=article.uri, item=index,
                version=article.version, reason=f"version {article.version} of {article.uri} arrived after "
                f"version {self.published[article.uri].version} [{message.source}]"))
            return
        self.published[article.uri] = record(self.published.get(article.uri), article.version, "",
                                             action is Action.RETRACT)
        self.pending.append(article)
        if len(self.pending) >= OFFLINE_BATCH:
            self.flush()

    def _dead_letter(self, letter: dict) -> None:
        self.pending.append(letter)
        self.summary.dead_lettered += 1

    def flush(self) -> None:
        events = iter(self.enricher.enrich_many([p for p in self.pending if isinstance(p, Article)]))
        for entry in self.pending:
            self._write(next(events) if isinstance(entry, Article) else entry)
            self.summary.enriched += isinstance(entry, Article)
        self.pending.clear()

    def _write(self, event: dict) -> None:
        self.out.write(orjson.dumps(event) + b"\n")


def replay_offline(paths: list[Path], out: Path, *, settings: Settings | None = None,
                   enricher: Enricher | None = None) -> ReplaySummary:
    """Enrich every archived message into ``out`` (JSONL: events and dead letters)."""
    with open(out, "wb") as handle:
        run = OfflineRun(handle, settings or Settings(), enricher)
        for message in _progress(iter_archives(paths), "enrich"):
            run.add(message)
        run.flush()
    return run.summary
