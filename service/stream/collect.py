"""Read output topics from the beginning until a condition holds: used by ``demo`` and
by the integration tests to account for every input."""
from __future__ import annotations

import time
import uuid
from typing import Callable, Mapping

import orjson
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from service.settings import Settings, bootstrap_servers

Collected = dict[str, list[dict]]


async def collect(settings: Settings, topics: list[str], until: Callable[[Collected], bool],
                  timeout: float = 120.0) -> Collected:
    """Consume ``topics`` from the earliest offset until ``until(seen)`` or ``timeout``."""
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap_servers(settings.broker),
        group_id=f"newswire-collect-{uuid.uuid4().hex[:8]}", enable_auto_commit=False,
        auto_offset_reset="earliest", **settings.security.aiokafka_kwargs())
    seen: Collected = {t: [] for t in topics}
    await consumer.start()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and not until(seen):
            await _read_some(consumer, seen)
    finally:
        await consumer.stop()
    return seen


async def _read_some(consumer: AIOKafkaConsumer, seen: Collected) -> None:
    """One fetch, decoded into ``seen`` by topic."""
    batch = await consumer.getmany(timeout_ms=500)
    for tp, records in batch.items():
        seen[tp.topic].extend(orjson.loads(r.value) for r in records)


def source_of(event: Mapping) -> tuple[str, int, int, int | None] | None:
    """The raw message an enriched event, retraction or dead letter came from, and the
    story's position in it when it carries several."""
    src = event.get("source") if "source" in event else (event.get("provenance") or {}).get("source")
    return (src["topic"], src["partition"], src["offset"], src.get("item")) if src else None


async def collect_to_end(settings: Settings, topics: list[str], timeout: float = 120.0) -> Collected:
    """Everything on ``topics`` now: read every partition from its start to its current end."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap_servers(settings.broker), enable_auto_commit=False,
                                **settings.security.aiokafka_kwargs())
    await consumer.start()
    seen: Collected = {t: [] for t in topics}
    try:
        tps = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        if not tps:  # metadata not loaded yet for these topics
            await consumer._client.force_metadata_update()
            tps = [TopicPartition(t, p) for t in topics for p in consumer.partitions_for_topic(t) or ()]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        deadline = time.monotonic() + timeout
        while [tp for tp in tps if await consumer.position(tp) < ends[tp]]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"could not read {topics} to their end within {timeout:g} s")
            await _read_some(consumer, seen)
    finally:
        await consumer.stop()
    return seen
