"""The broker tooling against a real Kafka-compatible broker (the session's Tansu)."""
from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from service.broker import BrokerError, BrokerUnavailable, EmbeddedBroker, run_sync, wait_for_broker
from service.topics import all_topic_names, ensure_topics, ensure_topics_sync

pytestmark = [pytest.mark.broker, pytest.mark.timeout(120)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _partition_counts(bootstrap: str, names: list[str]) -> dict[str, int]:
    async def go() -> dict[str, int]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            return {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(names)}
        finally:
            await admin.close()

    return asyncio.run(go())


def _listing(bootstrap: str) -> set[str]:
    async def go() -> set[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            return set(await admin.list_topics())
        finally:
            await admin.close()

    return asyncio.run(go())


def test_produce_consume_round_trip_with_consumer_group(broker: str, unique_topics) -> None:
    topic = unique_topics("roundtrip")
    ensure_topics_sync(broker, [topic], partitions=3)
    sent = {f"story-{i}".encode(): f"versjon {i} æøå".encode() for i in range(12)}

    async def go() -> dict[bytes, bytes]:
        producer = AIOKafkaProducer(bootstrap_servers=broker, enable_idempotence=False, acks="all")
        await producer.start()
        try:
            for key, value in sent.items():
                await producer.send_and_wait(topic, value, key=key)
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            topic, bootstrap_servers=broker, group_id=unique_topics("group"),
            auto_offset_reset="earliest", enable_auto_commit=False,
            session_timeout_ms=6000, heartbeat_interval_ms=1000,
        )
        await consumer.start()
        got: dict[bytes, bytes] = {}
        try:
            async with asyncio.timeout(45):
                while len(got) < len(sent):
                    batches = await consumer.getmany(timeout_ms=1000)
                    for records in batches.values():
                        got.update((r.key, r.value) for r in records)
            await consumer.commit()
            assert len(consumer.assignment()) == 3
        finally:
            await consumer.stop()
        return got

    assert asyncio.run(go()) == sent


def test_same_key_lands_on_same_partition(broker: str, unique_topics) -> None:
    topic = unique_topics("keyed")
    ensure_topics_sync(broker, [topic], partitions=4)

    async def go() -> set[int]:
        producer = AIOKafkaProducer(bootstrap_servers=broker, enable_idempotence=False)
        await producer.start()
        try:
            return {(await producer.send_and_wait(topic, b"v", key=b"urn:ntb:1")).partition for _ in range(5)}
        finally:
            await producer.stop()

    assert len(asyncio.run(go())) == 1


def test_ensure_topics_creates_with_partition_count_and_is_idempotent(broker: str, unique_topics) -> None:
    names = [unique_topics("a"), unique_topics("b"), unique_topics("c")]
    assert sorted(ensure_topics_sync(broker, names, partitions=6)) == sorted(names)
    assert _partition_counts(broker, names) == {n: 6 for n in names}

    # Second call: nothing created, nothing changed, no error.
    assert ensure_topics_sync(broker, names, partitions=6) == []
    assert _partition_counts(broker, names) == {n: 6 for n in names}

    # Mixed: one new, two existing; the new one gets the new count, the old keep theirs.
    extra = unique_topics("d")
    assert ensure_topics_sync(broker, [*names, extra], partitions=2) == [extra]
    assert _partition_counts(broker, [*names, extra]) == {**{n: 6 for n in names}, extra: 2}


def test_ensure_topics_async_and_concurrent_calls_race_safely(broker: str, unique_topics) -> None:
    names = [unique_topics(n) for n in ("raw", "dlq")]

    async def go() -> list[list[str]]:
        return list(await asyncio.gather(*(ensure_topics(broker, names, 5) for _ in range(3))))

    results = asyncio.run(go())
    # Each topic is created by exactly one of the racing calls; the others tolerate it.
    assert sorted(n for created in results for n in created) == sorted(names)
    assert _partition_counts(broker, names) == {n: 5 for n in names}


def test_ensure_topics_all_newswire_topics(broker: str, unique_topics) -> None:
    names = all_topic_names(unique_topics.topics())
    assert len(set(names)) == 8
    ensure_topics_sync(broker, names, partitions=4)
    assert names and set(names) <= _listing(broker)


def test_ensure_topics_rejects_bad_counts(broker: str, unique_topics) -> None:
    with pytest.raises(ValueError):
        ensure_topics_sync(broker, [unique_topics("x")], partitions=0)


def test_ensure_topics_sync_works_inside_running_loop(broker: str, unique_topics) -> None:
    name = unique_topics("inloop")

    async def go() -> list[str]:
        return ensure_topics_sync(broker, [name], partitions=1)

    assert asyncio.run(go()) == [name]


def test_wait_for_broker_succeeds_on_live_broker(broker: str, caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("test.wait")
    with caplog.at_level(logging.INFO, logger="test.wait"):
        asyncio.run(wait_for_broker(f"kafka://{broker}", timeout=10, log=log))
    assert any("is ready" in r.getMessage() for r in caplog.records)


def test_wait_for_broker_times_out_clearly_when_nothing_listens(caplog: pytest.LogCaptureFixture) -> None:
    port = _free_port()
    log = logging.getLogger("test.wait")
    started = time.monotonic()
    with caplog.at_level(logging.DEBUG), pytest.raises(BrokerUnavailable) as info:
        asyncio.run(wait_for_broker(f"127.0.0.1:{port}", timeout=2.0, log=log, initial_backoff=0.1))
    elapsed = time.monotonic() - started

    assert 1.9 <= elapsed < 6
    message = str(info.value)
    assert f"127.0.0.1:{port}" in message and "within 2s" in message
    assert "TCP connect failed" in message and "NEWSWIRE_BROKER" in message
    retries = [r for r in caplog.records if r.name == "test.wait"]
    # Exponential backoff: few attempts, one line each, no tracebacks anywhere.
    assert 2 <= len(retries) <= 6
    assert all("TCP connect failed" in r.getMessage() and "attempt" in r.getMessage() for r in retries)
    assert not any(r.exc_info for r in caplog.records)
    assert not [r for r in caplog.records if r.name.startswith("aiokafka") and r.levelno >= logging.ERROR]


def test_wait_for_broker_names_the_metadata_stage_for_a_non_kafka_listener(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.DEBUG), pytest.raises(BrokerUnavailable, match="Kafka metadata request failed"):
            asyncio.run(wait_for_broker(f"127.0.0.1:{port}", timeout=1.5))
    finally:
        stop.set()
        thread.join()
        server.close()
    assert not [r for r in caplog.records if r.name.startswith("aiokafka") and r.levelno >= logging.ERROR]


def test_wait_for_broker_sees_a_broker_that_starts_late() -> None:
    port = _free_port()
    late = EmbeddedBroker(port=port)
    timer = threading.Timer(1.0, late.start)
    timer.start()
    try:
        asyncio.run(wait_for_broker(f"127.0.0.1:{port}", timeout=30, initial_backoff=0.2))
    finally:
        timer.join()
        late.stop()


@pytest.fixture
def own_broker() -> Iterator[EmbeddedBroker]:
    embedded = EmbeddedBroker(port=0)
    try:
        yield embedded
    finally:
        embedded.stop()


def test_embedded_broker_stop_frees_the_port(own_broker: EmbeddedBroker) -> None:
    with own_broker:
        port = own_broker.port
        assert own_broker.address == f"127.0.0.1:{port}"
        assert own_broker.url == f"kafka://127.0.0.1:{port}"
        ensure_topics_sync(own_broker.address, ["probe"], partitions=1)
        assert own_broker.running
    assert not own_broker.running

    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()

    # The same port can be bound again: a fresh broker starts on it, empty.
    again = EmbeddedBroker(port=port)
    with again:
        assert again.address == f"127.0.0.1:{port}"
        assert "probe" not in _listing(again.address)
    own_broker.stop()  # idempotent


def test_embedded_broker_refuses_a_busy_port() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(BrokerError, match="already in use"):
            EmbeddedBroker(port=port, startup_timeout=5).start()


def test_embedded_broker_reports_output_when_it_dies(tmp_path) -> None:
    fake = tmp_path / "tansu"
    fake.write_text("#!/bin/sh\necho 'error: cannot bind listener' >&2\nexit 3\n")
    fake.chmod(0o755)
    with pytest.raises(BrokerError) as info:
        EmbeddedBroker(port=0, binary=str(fake), startup_timeout=5).start()
    message = str(info.value)
    assert "exited with code 3" in message and "cannot bind listener" in message


def test_embedded_broker_port_unknown_before_start() -> None:
    with pytest.raises(BrokerError, match="not been started"):
        _ = EmbeddedBroker(port=0).address
    assert EmbeddedBroker().address.endswith(":9092")


def test_embedded_broker_command_flags() -> None:
    cmd = EmbeddedBroker(port=19092, binary="/bin/tansu").command(19092)
    assert cmd == [
        "/bin/tansu", "broker",
        "--listener-url", "tcp://127.0.0.1:19092",
        "--advertised-listener-url", "tcp://127.0.0.1:19092",
        "--storage-engine", "memory://tansu/",
    ]


def test_run_sync_from_plain_and_async_code() -> None:
    async def answer() -> int:
        return 42

    async def nested() -> int:
        return run_sync(answer)

    assert run_sync(answer) == 42
    assert asyncio.run(nested()) == 42


def test_client_options_pass_through_as_the_worker_calls_them(broker: str, unique_topics) -> None:
    from service import broker as broker_module
    from service.settings import Security

    security = Security(protocol="PLAINTEXT").aiokafka_kwargs() | {"security_protocol": "PLAINTEXT"}
    name = unique_topics("secured")

    async def go() -> list[str]:
        await broker_module.wait_for_broker(broker, timeout=10, log=logging.getLogger("test"), **security)
        return await broker_module.ensure_topics(broker, [name], partitions=2, replication=1, **security)

    assert asyncio.run(go()) == [name]
    assert _partition_counts(broker, [name]) == {name: 2}
