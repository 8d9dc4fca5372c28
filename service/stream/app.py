"""The Faust app: three thin agents.

``ingest`` (on ``ntb.wire.raw``) parses each message; a bad one becomes a dead letter,
a good one is re-keyed by uri onto the internal articles topic, so every version of
a story meets the same partition and the same slice of the dedupe table.
``enrich`` (on the articles topic) batches with ``stream.take_events`` and hands the
batch to :class:`~service.stream.processor.BatchProcessor`, which also re-keys each
claim by side|theatre.
``claim_timeline`` (on those re-keyed claims) folds each claim into its timeline table
and publishes the timeline entry.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import faust
import orjson

from service.claims_timeline import next_entry
from service.enrich import Enricher
from service.events import Source, timeline_event
from service.errors import NewswireError
from service.formats import numbered, parse_items
from service.settings import Settings, broker_url, producer_batch_bytes
from service.stream.deadletter import send_deadletter
from service.stream import faust_patches
from service.stream.envelope import source_from_headers, source_headers
from service.stream.outage import OutageLog
from service.stream.processor import BatchProcessor, OutputTopics, Pending

log = logging.getLogger(__name__)

ALIVE_FILE = Path("/tmp/newswire-alive")


def create_app(settings: Settings | None = None, enricher: Enricher | None = None) -> faust.App:
    faust_patches.apply()  # a Faust recovery race that stalled commits after restarts
    settings = settings or Settings()
    topics = settings.topics
    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)  # Faust makes only the last level
    app = faust.App(
        settings.app_id,
        broker=broker_url(settings.broker),
        store="memory://",
        datadir=str(Path(settings.data_dir) / "{conf.name}"),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        # Tansu makes a JoinGroup wait half the session timeout; these also suit Kafka.
        broker_session_timeout=6.0,
        broker_heartbeat_interval=2.0,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_max_batch_size=producer_batch_bytes(settings),
        producer_max_request_size=settings.max_request_bytes,
        consumer_max_fetch_size=settings.max_request_bytes,
        web_enabled=False,
        table_cleanup_interval=3600.0,
        **settings.security.faust_kwargs(),
    )
    raw_topic = app.topic(topics.raw, key_serializer="raw", value_serializer="raw")
    # Keys are JSON strings here as in the table's changelog, so both hash a uri to the same partition.
    articles_topic = app.topic(topics.articles, key_type=str, key_serializer="json", value_serializer="raw",
                               partitions=settings.partitions)
    outputs = OutputTopics.from_app(app, topics)
    published = app.Table(
        "published", default=None, partitions=settings.partitions, key_type=str,
        # Partition by key, as the articles topic is, not by whichever event came last in a batch.
        use_partitioner=True,
    )
    timelines = app.Table("claim-timelines", default=None, partitions=settings.partitions, key_type=str,
                          use_partitioner=True)
    state: dict[str, BatchProcessor] = {}

    def processor() -> BatchProcessor:
        if "processor" not in state:
            state["processor"] = BatchProcessor(
                enricher or Enricher(max_body_chars=settings.max_body_chars), outputs, published,
                settings.nlp_timeout, app.producer.flush)
        return state["processor"]

    @app.agent(raw_topic)
    async def ingest(stream: faust.StreamT) -> None:
        async for event in stream.events():
            message = event.message
            source = Source(message.topic, message.partition, message.offset)
            payload: bytes = event.value if isinstance(event.value, bytes) else bytes(event.value or b"")
            try:
                items = parse_items(payload, max_bytes=settings.max_message_bytes)
            except NewswireError as exc:
                await send_deadletter(outputs.dlq, payload, exc, source)
                continue
            except Exception as exc:  # a parser bug still must not lose the message
                log.exception("parser failed unexpectedly at %s", source)
                await send_deadletter(outputs.dlq, payload, exc, source)
                continue
            for index, item in numbered(items):  # each story of the message on its own
                story_source = replace(source, item=index)
                if isinstance(item, NewswireError):
                    await send_deadletter(outputs.dlq, payload, item, story_source)
                else:
                    await articles_topic.send(key=item.uri, value=payload, headers=source_headers(story_source))

    @app.agent(articles_topic)
    async def enrich(stream: faust.StreamT) -> None:
        # take_events is in faust-streaming, not in its StreamT protocol
        async for events in stream.take_events(  # type: ignore[attr-defined]
                settings.batch_size, within=settings.batch_within):
            batch = [pending(e.value, e.headers) for e in events]
            await processor().process(batch)

    def pending(payload: bytes, headers: object) -> Pending:
        source = source_from_headers(headers)  # type: ignore[arg-type]
        article = parse_items(payload, max_bytes=settings.max_message_bytes)[source.item or 0]
        assert not isinstance(article, NewswireError)  # ingest sends only stories that parsed
        return Pending(article, payload, source)

    ALIVE_FILE.unlink(missing_ok=True)  # a restarted container must not look alive before it is

    timeline_topic = app.topic(topics.timeline, key_serializer="raw", value_serializer="raw")

    @app.agent(outputs.claims_by_theatre)
    async def claim_timeline(stream: faust.StreamT) -> None:
        async for key, value in stream.items():
            record = orjson.loads(value)
            entry_state, entry = next_entry(timelines.get(key), record["claim"], record["story"])
            if entry is None:  # this uri+version+claim was counted before (a replay)
                continue
            await timeline_topic.send(key=key.encode(), value=orjson.dumps(timeline_event(entry)))
            timelines[key] = entry_state

    outage = OutageLog()

    @app.task
    async def quiet_outages() -> None:
        outage.install()

    @app.timer(interval=5.0)
    async def heartbeat() -> None:
        # The container health check looks at this file's age.
        ALIVE_FILE.touch()
        outage.tick()

    from service.stream.diag import install as install_diag
    install_diag(app)

    app.newswire_processor = processor  # type: ignore[attr-defined]
    return app
