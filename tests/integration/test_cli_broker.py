"""`newswire replay --broker` and `newswire tail` against the real embedded broker."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from dataclasses import replace

import orjson
import pytest
from aiokafka import AIOKafkaConsumer

from service.samples import SAMPLE_ARCHIVE, sample_paths
from service.settings import Settings
from service.stream.replay import send_payloads

pytestmark = pytest.mark.broker


def newswire(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True,
                          timeout=120, env=env)


@pytest.fixture
def settings(broker: str, unique_topics) -> Settings:
    return replace(Settings(), broker=broker, topics=unique_topics.topics(),
                   app_id=f"test-{uuid.uuid4().hex[:8]}", tansu_compat=True)


def test_replay_sends_every_archived_message_and_summarises(settings):
    env = {**os.environ, **settings.to_env()}
    done = newswire("replay", str(SAMPLE_ARCHIVE), "--topic", settings.topics.raw, "--rate", "200", env=env)
    assert done.returncode == 0, done.stderr
    n = len(sample_paths())
    assert f"read {n}, sent {n}".encode() in done.stderr
    seen = collect_raw(settings, n)
    assert sorted(seen) == sorted(p.read_bytes() for p in sample_paths())


def collect_raw(settings: Settings, n: int) -> list[bytes]:
    async def read() -> list[bytes]:
        consumer = AIOKafkaConsumer(settings.topics.raw, bootstrap_servers=settings.broker,
                                    auto_offset_reset="earliest", enable_auto_commit=False)
        await consumer.start()
        out: list[bytes] = []
        try:
            while len(out) < n:
                batch = await asyncio.wait_for(consumer.getmany(timeout_ms=1000), 30)
                out += [r.value for records in batch.values() for r in records]
        finally:
            await consumer.stop()
        return out

    return asyncio.run(read())


def test_tail_prints_one_readable_line_per_event(settings):
    events = [{"schema": "newswire.deadletter/1", "source": {"topic": "raw", "partition": 0, "offset": i},
               "error_type": "WireFormatError", "reason": f"feil nummer {i}"} for i in range(3)]
    asyncio.run(send_payloads(settings, settings.topics.dlq, [orjson.dumps(e) for e in events]))
    env = {**os.environ, **settings.to_env()}
    done = newswire("tail", settings.topics.dlq, "--from-beginning", "--max", "3", env=env)
    assert done.returncode == 0, done.stderr
    lines = sorted(done.stdout.decode().splitlines())
    assert lines == [f"[dead letter raw/0/{i}] WireFormatError: feil nummer {i}" for i in range(3)]
