"""Keep every partition of the worker's table changelogs non-empty.

Faust's recovery mishandles a changelog partition that holds no record (high watermark
-1; faust-streaming issue #597), and tables keyed by a few values (the claim timelines:
one key per side|theatre) leave partitions empty as a rule. Before Faust starts, newswire
creates the changelog topics itself and writes one marker record into each empty
partition; the marker key is never looked up.

This does not cure every stall after a restart: a worker restarted after a crash can
still, rarely, stop fetching some partitions once recovery is done (seen under load with
all changelog partitions non-empty). The container's restart policy covers it; the cause
is still open.
"""
from __future__ import annotations

import logging
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import TopicPartition

from service.settings import Settings, bootstrap_servers

log = logging.getLogger(__name__)

TABLES = ("published", "claim-timelines")
MARKER_KEY = b'"__newswire_partition_marker__"'  # JSON, as the tables serialise keys
MARKER_VALUE = b'{"marker": true}'


def changelog_topics(settings: Settings) -> list[str]:
    return [f"{settings.app_id}-{table}-changelog" for table in TABLES]


async def mark_empty_partitions(settings: Settings, **client_options: Any) -> int:
    """Write a marker into every empty changelog partition; return how many were written."""
    from service.topics import ensure_topics

    bootstrap = bootstrap_servers(settings.broker)
    names = changelog_topics(settings)
    compacted = {"cleanup.policy": "compact", "max.message.bytes": str(settings.max_request_bytes)}
    await ensure_topics(bootstrap, names, partitions=settings.partitions, replication=settings.replication,
                        configs={name: compacted for name in names}, **client_options)
    probe = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, **client_options)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=False,
                                max_batch_size=1 if settings.tansu_compat else 16384, **client_options)
    await probe.start()
    await producer.start()
    written = 0
    try:
        tps = [TopicPartition(name, p) for name in names for p in range(settings.partitions)]
        ends = await probe.end_offsets(tps)
        for tp in tps:
            if ends[tp] == 0:
                await producer.send_and_wait(tp.topic, MARKER_VALUE, key=MARKER_KEY, partition=tp.partition)
                written += 1
    finally:
        await producer.stop()
        await probe.stop()
    if written:
        log.info("marked %d empty changelog partition(s) so recovery resumes every partition", written)
    return written
