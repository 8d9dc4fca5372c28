"""The worker end to end against the real embedded broker, in real worker processes."""
from __future__ import annotations

import asyncio
import base64
import uuid
from collections import Counter
from dataclasses import replace

import pytest

from service.demo import start_worker, stop_worker
from service.replay import iter_archive
from service.samples import SAMPLE_ARCHIVE
from service.settings import Settings
from service.stream.collect import collect_to_end, source_of
from service.stream.replay import replay_to_broker
from tests.integration.support import drain_with_worker, drained, produce
from tests.schemas import assert_offsets, validate_event

pytestmark = pytest.mark.broker

MALFORMED = [
    b"",
    b'{"uri": "ntb:x", "bodies": [',
    b"<nitf><body><body.content><p>uavsluttet",
    b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><nitf>&b;</nitf>",
    b"NTB\n\nTittel\n\nUgyldig \xc3\x28 UTF-8 i teksten.",
    b'{"uri": "ntb:y", "version": "tre", "bodies": [{"contenttype": "text/plain", "value": "Hei."}]}',
]


@pytest.fixture
def settings(broker: str, unique_topics) -> Settings:
    return replace(Settings(), broker=broker, topics=unique_topics.topics(),
                   app_id=f"test-{uuid.uuid4().hex[:8]}", batch_within=0.2, tansu_compat=True)


def all_topics(settings: Settings) -> list[str]:
    t = settings.topics
    return [t.enriched, t.quotes, t.claims, t.dlq, t.timeline]


def test_every_message_ends_as_event_or_dead_letter(settings, tmp_path):
    samples = [m.payload for m in iter_archive(SAMPLE_ARCHIVE)]
    worker = start_worker(settings, str(tmp_path / "worker.log"))
    try:
        summary = asyncio.run(replay_to_broker([SAMPLE_ARCHIVE], settings, topic=settings.topics.raw))
        asyncio.run(produce(settings, MALFORMED))
        asyncio.run(drained(settings))
    finally:
        assert stop_worker(worker) == 0, (tmp_path / "worker.log").read_text()[-3000:]
    t = settings.topics
    seen = asyncio.run(collect_to_end(settings, all_topics(settings)))
    assert summary.sent == len(samples)
    outcomes = Counter(source_of(e) for e in seen[t.enriched] + seen[t.dlq])
    assert sum(outcomes.values()) == len(samples) + len(MALFORMED)
    assert max(outcomes.values()) == 1, "one outcome per input"
    # Every malformed input is in the dead-letter topic with its original bytes and a reason.
    dead = {base64.b64decode(e["original_base64"]): e for e in seen[t.dlq]}
    assert set(MALFORMED) <= set(dead)
    for payload in MALFORMED:
        assert dead[payload]["reason"] and dead[payload]["error_type"] in {"WireFormatError", "OversizeMessage"}
    # The sample archive has kills: each is a retraction on all three story topics.
    retractions = [e for e in seen[t.enriched] if e["schema"] == "newswire.retraction/1"]
    assert len(retractions) == 2, Counter((e["schema"], e.get("error_type"), e.get("reason", "")[:80]) for e in seen[t.enriched] + seen[t.dlq])
    for topic in (t.quotes, t.claims):
        assert sorted(e["uri"] for e in seen[topic] if e["schema"] == "newswire.retraction/1") == \
            sorted(r["uri"] for r in retractions)
    for event in seen[t.enriched] + seen[t.dlq] + seen[t.quotes] + seen[t.claims] + seen[t.timeline]:
        validate_event(event)
    enriched = [e for e in seen[t.enriched] if e["schema"] == "newswire.enriched/1"]
    for event in enriched:
        assert_offsets(event)
    # Each quote and claim of an enriched event is published once on its own topic.
    assert len([e for e in seen[t.quotes] if e["schema"] == "newswire.quote/1"]) == \
        sum(len(e["quotes"]) for e in enriched)
    claims = [e for e in seen[t.claims] if e["schema"] == "newswire.claim/1"]
    assert len(claims) == sum(len(e["claims"]) for e in enriched)
    # Every claim is folded into exactly one timeline entry.
    assert sorted((e["story"]["uri"], e["story"]["version"], e["story"]["index"]) for e in seen[t.timeline]) == \
        sorted((c["uri"], c["version"], c["index"]) for c in claims)


def test_replaying_twice_across_a_restart_emits_nothing_new(settings, tmp_path):
    t = settings.topics
    log = str(tmp_path / "worker.log")
    def replay_in_a_fresh_worker() -> dict[str, list[dict]]:
        asyncio.run(replay_to_broker([SAMPLE_ARCHIVE], settings, topic=t.raw))
        drain_with_worker(settings, log)
        return asyncio.run(collect_to_end(settings, [t.enriched, t.dlq, t.timeline]))

    first = replay_in_a_fresh_worker()
    # The second process must recover the dedupe table from its changelog.
    second = replay_in_a_fresh_worker()
    per_version = Counter((e["uri"], e["version"]) for e in second[t.enriched])
    assert per_version and max(per_version.values()) == 1
    assert len(second[t.enriched]) == len(first[t.enriched])
    assert len(second[t.dlq]) == len(first[t.dlq])
    assert len(second[t.timeline]) == len(first[t.timeline])  # a replay does not double-count


def test_an_older_version_never_overwrites_a_newer_one(settings, tmp_path):
    t = settings.topics
    v1 = b'{"uri": "ntb:stale", "version": 1, "headlines": [{"value": "Gammel"}], ' \
         b'"bodies": [{"contenttype": "text/plain", "value": "Dette er versjon en."}]}'
    v2 = v1.replace(b'"version": 1', b'"version": 2').replace(b"en.", b"to.")
    worker = start_worker(settings, str(tmp_path / "worker.log"))
    try:
        asyncio.run(produce(settings, [v2]))
        asyncio.run(drained(settings))
        asyncio.run(produce(settings, [v1]))
        asyncio.run(drained(settings))
    finally:
        assert stop_worker(worker) == 0
    seen = asyncio.run(collect_to_end(settings, [t.enriched, t.dlq]))
    assert [(e["uri"], e["version"]) for e in seen[t.enriched]] == [("ntb:stale", 2)]
    assert [(e["error_type"], e["version"]) for e in seen[t.dlq]] == [("StaleVersion", 1)]
    assert base64.b64decode(seen[t.dlq][0]["original_base64"]) == v1
