"""The Faust recovery patch: nothing reaches the agents while stream partitions are
resumed and sought to their committed offsets (see service/stream/faust_patches.py)."""
from __future__ import annotations

import asyncio
from collections import defaultdict
from types import SimpleNamespace

from faust.tables.recovery import Recovery
from faust.types import TP

from service.stream import faust_patches

STREAM = TP("raw", 0)
CHANGELOG = TP("app-table-changelog", 0)


class Signal:
    async def send(self, *args: object) -> None:
        return None


class FakeConsumer:
    """Records what the flow looked like when each step of the recovery ran."""

    def __init__(self, app: "SimpleNamespace") -> None:
        self.app = app
        self.flow_active = True  # as Recovery leaves it after reading the changelogs
        self.steps: list[tuple[str, bool, bool]] = []

    def _note(self, step: str) -> None:
        self.steps.append((step, self.flow_active, self.app.flow_control.active))

    def assignment(self) -> set[TP]:
        return {STREAM, CHANGELOG}

    def stop_flow(self) -> None:
        self.flow_active = False

    def resume_flow(self) -> None:
        self.flow_active = True
        self._note("resume_flow")

    def resume_partitions(self, tps: set[TP]) -> None:
        assert tps == {STREAM}
        self._note("resume_partitions")

    async def perform_seek(self) -> None:
        await asyncio.sleep(0)  # the fetcher would run here, were the flow open
        self._note("perform_seek")


class FakeFlowControl:
    def __init__(self) -> None:
        self.active = True

    def suspend(self) -> None:
        self.active = False

    def resume(self) -> None:
        self.active = True


def fake_recovery() -> tuple[SimpleNamespace, FakeConsumer]:
    app = SimpleNamespace(flow_control=FakeFlowControl(), on_rebalance_complete=Signal(),
                          consumer_generation_id=3, on_rebalance_end=lambda: None,
                          conf=SimpleNamespace(broker_request_timeout=90.0),
                          assignor=SimpleNamespace(assigned_standbys=lambda: set()))
    app.consumer = consumer = FakeConsumer(app)

    async def maybe_start() -> None:
        return None

    app._fetcher = SimpleNamespace(maybe_start=maybe_start)

    async def wait(coro, timeout=None) -> None:  # noqa: ANN001
        await coro

    recovery = SimpleNamespace(
        app=app, log=SimpleNamespace(info=lambda *a: None, dev=lambda *a: None, warning=lambda *a: None),
        tables=SimpleNamespace(values=lambda: [], on_actives_ready=lambda: None, on_standbys_ready=lambda: None),
        actives_for_table=defaultdict(set), standbys_for_table=defaultdict(set),
        _set_recovery_ended=lambda: None, _is_changelog_tp=lambda tp: tp == CHANGELOG,
        _wait=wait, completed=asyncio.Event())
    return recovery, consumer


def run_completed(recovery: SimpleNamespace) -> None:
    asyncio.run(Recovery.on_recovery_completed(recovery, 3))


def test_unpatched_faust_lets_records_flow_while_seeking():
    """Documents the bug: without the patch the flow is open during the seek."""
    recovery, consumer = fake_recovery()
    unpatched = getattr(Recovery.on_recovery_completed, "__wrapped__", Recovery.on_recovery_completed)
    asyncio.run(unpatched(recovery, 3))
    assert ("perform_seek", True, True) in consumer.steps


def test_flow_is_stopped_until_the_seek_is_done_and_resumed_after():
    faust_patches.apply()
    faust_patches.apply()  # idempotent
    recovery, consumer = fake_recovery()
    run_completed(recovery)
    steps = {name: (flow, fc) for name, flow, fc in consumer.steps}
    assert steps["resume_partitions"] == (False, False)
    assert steps["perform_seek"] == (False, False)
    assert recovery.completed.is_set()
    assert consumer.flow_active and recovery.app.flow_control.active


def test_fetch_uses_a_snapshot_and_skips_when_nothing_is_active() -> None:
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    faust_patches.apply()
    seen: list[object] = []

    class Fetcher:
        _closed = False

        class _subscriptions:  # noqa: N801 - mirrors aiokafka's attribute
            @staticmethod
            def fetch_context():  # noqa: ANN205
                import contextlib
                return contextlib.nullcontext()

        async def fetched_records(self, partitions, timeout=None, max_records=None):  # noqa: ANN001
            seen.append(partitions)
            live.clear()  # the event loop pauses everything mid-fetch
            return {"records": len(partitions)}

    thread = SimpleNamespace(consumer=SimpleNamespace(flow_active=True))
    kafka = SimpleNamespace(_fetcher=Fetcher(), _closed=False)
    live = {STREAM}
    fetch = AIOKafkaConsumerThread._fetch_records
    assert asyncio.run(fetch(thread, kafka, live)) == {"records": 1}
    assert seen[0] is not live and seen[0] == {STREAM}  # aiokafka got a copy
    assert asyncio.run(fetch(thread, kafka, live)) == {}  # empty: no fetch, not "all partitions"
    assert len(seen) == 1
