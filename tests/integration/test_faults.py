"""Nothing lost, nothing let in: real worker processes and the real broker under faults."""
from __future__ import annotations

import asyncio
import base64
import random
import signal
import time
import uuid
from collections import defaultdict
from dataclasses import replace

import pytest

from service.broker import EmbeddedBroker
from service.demo import start_worker, stop_worker
from service.formats import parse
from service.replay import iter_archive
from service.samples import SAMPLE_ARCHIVE
from service.settings import Settings
from service.stream.collect import collect, collect_to_end
from tests.integration.support import CuttableProxy, drain_with_worker, drained, free_port, produce

pytestmark = pytest.mark.broker

MALFORMED_KINDS = [
    b'{"uri": "ntb:trunc-%d", "bodies": [',
    b"<nitf><body><body.content><p>uavsluttet %d",
    b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'a%d'>]><nitf>&a;</nitf>",
    b'{"uri": "ntb:badversion-%d", "version": "x", "bodies": []}',
    b"NTB\n\nTittel %d\n\nUgyldig \xc3\x28 UTF-8.",
]


def wire_messages(n: int, malformed_share: float = 0.1) -> tuple[list[bytes], list[bytes]]:
    """``n`` distinct plain-text stories built from the sample bodies, and malformed ones."""
    bodies = []
    for message in iter_archive(SAMPLE_ARCHIVE):
        article = parse(message.payload)
        if article.pubstatus == "usable":
            bodies.append(article.body_text)
    n_bad = int(n * malformed_share)
    good = [f"NTB\n\nMelding {i}\n\n{bodies[i % len(bodies)]}".encode() for i in range(n - n_bad)]
    bad = [MALFORMED_KINDS[i % len(MALFORMED_KINDS)].replace(b"%d", str(i).encode()) for i in range(n_bad)]
    return good, bad


@pytest.fixture
def settings(broker: str, unique_topics) -> Settings:
    return replace(Settings(), broker=broker, topics=unique_topics.topics(),
                   app_id=f"test-{uuid.uuid4().hex[:8]}", batch_within=0.2, tansu_compat=True)


def outputs(settings: Settings) -> dict[str, list[dict]]:
    t = settings.topics
    return asyncio.run(collect_to_end(settings, [t.enriched, t.dlq]))


def wait_for_enriched(settings: Settings, count: int, timeout: float = 180.0) -> None:
    t = settings.topics
    seen = asyncio.run(collect(settings, [t.enriched], lambda s: len(s[t.enriched]) >= count, timeout=timeout))
    assert len(seen[t.enriched]) >= count, f"only {len(seen[t.enriched])} enriched events"


def test_sigkill_twice_mid_stream_loses_nothing(settings, tmp_path):
    good, bad = wire_messages(2000)
    payloads = good + bad
    random.Random(7).shuffle(payloads)
    asyncio.run(produce(settings, payloads))
    log = str(tmp_path / "worker.log")
    for kill_after in (300, 1000):
        worker = start_worker(settings, log)
        wait_for_enriched(settings, kill_after)
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    drain_with_worker(settings, log)
    seen = outputs(settings)
    t = settings.topics
    expected = {parse(m).uri for m in good}
    by_version: dict[tuple[str, int], set[str]] = defaultdict(set)
    for event in seen[t.enriched]:
        by_version[(event["uri"], event["version"])].add(event["event_id"])
    missing = expected - {uri for uri, _ in by_version}
    dead_by_uri = {e["uri"]: e["reason"] for e in seen[t.dlq] if e.get("uri")}
    assert not missing, f"{len(missing)} enriched events missing; dead letters for them: " \
                        f"{[dead_by_uri.get(u) for u in sorted(missing)][:5]}"
    assert {uri for uri, _ in by_version} == expected
    # A crash may repeat an event, but a repeat always carries the identical event_id.
    assert all(len(ids) == 1 for ids in by_version.values())
    dead = {base64.b64decode(e["original_base64"]) for e in seen[t.dlq]}
    assert dead == set(bad), "a malformed message is missing from the dead-letter topic"
    print(f"sent {len(good) + len(bad)}, enriched events {len(seen[t.enriched])} for "
          f"{len(by_version)} versions, dead letters {len(seen[t.dlq])} for {len(bad)} inputs")


def test_broker_outage_is_survived_without_a_traceback_storm(tmp_path):
    broker_port, proxy_port = free_port(), free_port()
    with CuttableProxy(proxy_port, broker_port) as proxy, \
            EmbeddedBroker(port=broker_port, advertised_port=proxy_port):
        settings = replace(Settings(), broker=f"127.0.0.1:{proxy_port}", app_id=f"test-{uuid.uuid4().hex[:8]}",
                           batch_within=0.2, tansu_compat=True)
        good, _ = wire_messages(60, malformed_share=0)
        log = tmp_path / "worker.log"
        worker = start_worker(settings, str(log))
        try:
            asyncio.run(produce(settings, good[:30]))
            wait_for_enriched(settings, 30)
            proxy.cut()
            time.sleep(10)
            assert worker.poll() is None, "the worker exited during the outage"
            proxy.restore()
            asyncio.run(produce(settings, good[30:]))
            wait_for_enriched(settings, 60)
            asyncio.run(drained(settings))
        finally:
            assert stop_worker(worker) == 0
        text = log.read_text(errors="replace")
        assert "Traceback" not in text, text[-4000:]
        assert text.count("Kafka broker unreachable") == 1, text[-4000:]
        # aiokafka's own per-retry lines are summarised, not printed (the summary quotes the first).
        storm = [line for line in text.splitlines()
                 if "[ERROR]" in line and "Kafka broker unreachable" not in line]
        assert len(storm) <= 3, "\n".join(storm[:20])


def test_worker_waits_for_a_broker_that_is_not_there_yet(tmp_path):
    port = free_port()
    settings = replace(Settings(), broker=f"127.0.0.1:{port}", app_id=f"test-{uuid.uuid4().hex[:8]}",
                       tansu_compat=True)
    log = tmp_path / "worker.log"
    worker = start_worker(settings, str(log))
    try:
        time.sleep(6)
        assert worker.poll() is None, log.read_text()
        with EmbeddedBroker(port=port):
            good, _ = wire_messages(5, malformed_share=0)
            asyncio.run(produce(settings, good))
            wait_for_enriched(settings, 5, timeout=120)
            assert stop_worker(worker) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
    text = log.read_text()
    assert "not ready" in text and "retrying" in text
    assert "Traceback" not in text


def test_sigterm_stops_within_ten_seconds_and_commits(settings, tmp_path):
    good, _ = wire_messages(400, malformed_share=0)
    asyncio.run(produce(settings, good))
    worker = start_worker(settings, str(tmp_path / "worker.log"))
    wait_for_enriched(settings, 50)
    started = time.monotonic()
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(15) == 0
    assert time.monotonic() - started < 10.0
    # What the stopped worker committed it had published: a fresh worker finishes the rest.
    drain_with_worker(settings, str(tmp_path / "worker2.log"))
    seen = outputs(settings)
    assert {e["uri"] for e in seen[settings.topics.enriched]} == {parse(m).uri for m in good}


def test_a_runaway_body_is_dead_lettered_without_stalling_or_rebalancing(settings, tmp_path):
    good, _ = wire_messages(40, malformed_share=0)
    huge = ("NTB\n\nEndeløs\n\n" + "soldater ved grensen " * 66_667).encode()  # 200,000 words
    assert len(huge) < settings.max_message_bytes
    log = tmp_path / "worker.log"
    worker = start_worker(settings, str(log))
    try:
        asyncio.run(produce(settings, good[:20] + [huge] + good[20:]))
        asyncio.run(drained(settings))
    finally:
        assert stop_worker(worker) == 0
    seen = outputs(settings)
    t = settings.topics
    assert {e["uri"] for e in seen[t.enriched]} == {parse(m).uri for m in good}
    [dead] = seen[t.dlq]
    assert dead["error_type"] == "OversizeBody" and base64.b64decode(dead["original_base64"]) == huge
    # Partitions assigned once at start: no rebalance afterwards.
    assert log.read_text().count("Executing _on_partitions_assigned") == 1


def test_slow_or_failing_nlp_dead_letters_only_that_message(settings, tmp_path):
    settings = replace(settings, batch_size=1, nlp_timeout=1.0, max_body_chars=2_000_000)
    good, _ = wire_messages(10, malformed_share=0)
    slow = ("NTB\n\nSakte\n\n" + "Soldatene står ved grensen i nord. " * 4_000).encode()  # ~24,000 words
    failing = ("NTB\n\nFeiler\n\n" + "x" * 1_200_000).encode()  # over spaCy's max_length: it raises
    log = tmp_path / "worker.log"
    worker = start_worker(settings, str(log))
    try:
        asyncio.run(produce(settings, good[:5] + [slow, failing] + good[5:]))
        asyncio.run(drained(settings, timeout=240))
    finally:
        assert stop_worker(worker) == 0
    seen = outputs(settings)
    t = settings.topics
    assert {e["uri"] for e in seen[t.enriched]} == {parse(m).uri for m in good}
    dead = {base64.b64decode(e["original_base64"]): e for e in seen[t.dlq]}
    assert set(dead) == {slow, failing}
    assert dead[slow]["error_type"] == "EnrichmentError" and "did not finish within 1 s" in dead[slow]["reason"]
    assert dead[failing]["error_type"] == "EnrichmentError" and "NLP failed" in dead[failing]["reason"]
    assert log.read_text().count("Executing _on_partitions_assigned") == 1  # no rebalance
