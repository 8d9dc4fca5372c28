"""Debugging aid for consumer stalls; does nothing unless ``NEWSWIRE_DIAG=1``.

Every ``NEWSWIRE_DIAG_EVERY`` seconds (5) the worker logs one WARNING ``DIAG`` block:
flow state, recovery highwaters/offsets, and per assigned partition the Faust flags
(P paused, A active, B buffered, R records waiting in aiokafka's fetcher), aiokafka's
position and highwater, Faust's read and committed offsets and the head of its acked
offsets. A partition with acked offsets but a committed offset that never moves is
the post-recovery stall that service/stream/faust_patches.py fixes.

Fault injection for reproducing it (bench/stall_repro.py):
``NEWSWIRE_DIAG_SLOW_COMMITTED=0.3`` delays each OffsetFetch of the seek to committed
offsets, as a loaded broker or machine does; ``NEWSWIRE_DIAG_UNPATCH=1`` removes the fix.
"""
from __future__ import annotations

import logging
import os

log = logging.getLogger("newswire.diag")


def _short(tp) -> str:  # noqa: ANN001
    return f"{tp.topic.rsplit('.', 1)[-1]}:{tp.partition}"


def dump(app) -> None:  # noqa: ANN001
    consumer = app.consumer
    try:
        assignment = consumer.assignment()
    except Exception as exc:  # noqa: BLE001
        log.warning("DIAG no assignment: %r", exc)
        return
    rec = app.tables.recovery
    aio = consumer._thread._consumer
    fetcher = aio._fetcher
    sub = aio._subscription.subscription
    parts = []
    for tp in sorted(assignment):
        state = sub.assignment.state_value(tp) if sub and sub.assignment else None
        pos = state.position if state is not None and state.has_valid_position else None
        hw = state.highwater if state is not None else None
        flags = ""
        if tp in consumer._paused_partitions:
            flags += "P"
        if consumer._active_partitions is not None and tp in consumer._active_partitions:
            flags += "A"
        if tp in fetcher._records:
            flags += "R"
        if tp in consumer._buffered_partitions:
            flags += "B"
        parts.append(f"{_short(tp)}[{flags}] pos={pos} hw={hw} ro={consumer._read_offset.get(tp)} "
                     f"co={consumer._committed_offset.get(tp)} acked={sorted(consumer._acked.get(tp) or [])[:2]}"
                     f"+{len(consumer._acked.get(tp) or [])} gap={bool(consumer._gap.get(tp))}")
    log.warning(
        "DIAG gen=%s flow_active=%s fc_active=%s completed=%s in_recovery=%s rebalancing=%s "
        "active_hw=%s active_off=%s recovery_start_set=%s recovery_end_set=%s in_flight=%s pending=%s\n  %s",
        app.consumer_generation_id, consumer.flow_active, app.flow_control.is_active(),
        rec.completed.is_set(), rec.in_recovery, app.rebalancing,
        {_short(k): v for k, v in rec.active_highwaters.items()},
        {_short(k): v for k, v in rec.active_offsets.items()},
        rec.signal_recovery_start.is_set(), rec.signal_recovery_end.is_set(),
        fetcher._in_flight, len(fetcher._pending_tasks),
        "\n  ".join(parts))


def install(app) -> None:  # noqa: ANN001
    if os.environ.get("NEWSWIRE_DIAG") != "1":
        return
    if os.environ.get("NEWSWIRE_DIAG_UNPATCH") == "1":  # measure without the fix
        from faust.tables.recovery import Recovery

        Recovery.on_recovery_completed = Recovery.on_recovery_completed.__wrapped__  # type: ignore
    slow = float(os.environ.get("NEWSWIRE_DIAG_SLOW_COMMITTED", "0"))
    if slow:
        # Widen the window of seek_to_committed (one OffsetFetch per partition) as a
        # loaded broker or machine would.
        import asyncio

        import aiokafka

        original = aiokafka.AIOKafkaConsumer.committed

        async def slow_committed(self, partition):  # noqa: ANN001, ANN202
            await asyncio.sleep(slow)
            return await original(self, partition)

        aiokafka.AIOKafkaConsumer.committed = slow_committed

    @app.timer(interval=float(os.environ.get("NEWSWIRE_DIAG_EVERY", "5")))
    async def diag_dump() -> None:
        dump(app)
