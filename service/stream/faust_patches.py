"""A fix for a Faust race that left a restarted worker with partitions that never commit.

The bug (faust-streaming 0.15.3; faust-streaming PR #217 of 2021 still describes the
seek *before* ``resume_partitions``, so the order below came later):

When a table changelog has something to restore, ``Recovery._restart_recovery``
starts the Fetcher and resumes the flow so the changelogs can be read
(faust/tables/recovery.py, around line 447-453). When the restore is done,
``Recovery.on_recovery_completed`` (recovery.py:624) does, in this order:

1. ``consumer.resume_partitions(<all stream partitions>)``         (recovery.py:649)
2. ``await consumer.perform_seek()``                                 (recovery.py:653)
   -> aiokafka ``seek_to_committed``: one OffsetFetch per partition, in turn,
      seeking each partition as its answer arrives;
   -> then ``_read_offset`` and ``_committed_offset`` are set to the committed
      offsets read at the start (faust/transport/consumer.py:565-580);
3. ``app.flow_control.resume()``                                     (recovery.py:659)
   -> mode's ``FlowControlEvent.resume()`` *clears* every agent queue
      (mode/utils/queues.py:97-108, queues made with ``clear_on_resume=True``).

The fetcher and the flow are already running during step 2, so as soon as step 1
has resumed the stream partitions, their records are fetched and handed to the
agents while the seek is still walking through the partitions (a partition sought
early in the walk is then read on from its committed offset). Two things then go
wrong for such a partition:

* the agents process and ack those records and the commit timer commits them
  (Faust drops committed offsets from its acked list), after which the end of
  step 2 puts ``_committed_offset`` *back* to the offset it read for that
  partition before that commit. The next acked offset is then far above that stale value, and
  ``Consumer._new_offset`` refuses to commit across a hole at the head of the
  acked offsets (consumer.py:1140, ``min(acked) - committed_offset > 1``);
* step 3 throws away whatever was delivered but not yet taken by an agent: never
  acked, and aiokafka's position is already past it, so it is never fetched again
  (a hole at the head again, or, if the read offset jump is recorded as a gap, a
  silent loss).

Either way that partition's committed offset stays put for the life of the
process: the worker is alive, keeps working, logs nothing, and a fresh worker
re-reads from the committed offset (so nothing is lost, only stuck). Seen with
the diagnostics (service/stream/diag.py): ``articles:2 pos=91 co=24 acked=[51..90]``
while the broker had 51 committed.

Only the path that restores something runs the fetcher during the seek; with
empty changelogs the fetcher is started after the seek. That is why it showed up
after restarts (changelogs hold data) and at once when marker records were
written into every changelog partition, and why a slow broker or a loaded
machine (slower OffsetFetch round trips = a wider window) made it likelier.

The fix: stop the consumer's flow (as ``App._on_partitions_revoked`` does at the
start of every rebalance) before ``on_recovery_completed`` resumes the stream
partitions. Nothing is then delivered until the seek is done; Faust's own code
resumes the flow right after it (recovery.py:659-660), and a later rebalance or
recovery round resumes it on every path if this one is abandoned.
"""
from __future__ import annotations

import functools

_APPLIED = "_newswire_seek_before_flow"


def apply() -> None:
    """Install the patches once per process."""
    _seek_before_flow()
    _fetch_from_a_snapshot()


def _fetch_from_a_snapshot() -> None:
    """Fetch from a copy of the active partitions, and from none when none is active.

    Faust hands its live set of active partitions to aiokafka's fetcher on the consumer
    thread while the event loop thread changes it (pause/resume during rebalances and
    recovery). aiokafka's ``fetched_records`` takes an *empty* set to mean "every
    partition" (aiokafka/consumer/fetcher.py, ``fetched_records``), so a set emptied
    mid-call can drain records of paused partitions that Faust then drops. A snapshot,
    and no fetch at all for an empty one, closes that window.
    """
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    original = AIOKafkaConsumerThread._fetch_records
    if getattr(original, _APPLIED, False):
        return

    @functools.wraps(original)
    async def _fetch_records(self, consumer, active_partitions, timeout=None, max_records=None):  # noqa: ANN001
        snapshot = set(active_partitions)
        if not snapshot:
            return {}
        return await original(self, consumer, snapshot, timeout=timeout, max_records=max_records)

    setattr(_fetch_records, _APPLIED, True)
    AIOKafkaConsumerThread._fetch_records = _fetch_records  # type: ignore[method-assign]  # the patch


def _seek_before_flow() -> None:
    """Stop the flow while Recovery seeks stream partitions (see the module docstring)."""
    from faust.tables.recovery import Recovery

    original = Recovery.on_recovery_completed
    if getattr(original, _APPLIED, False):
        return

    @functools.wraps(original)
    async def on_recovery_completed(self, generation_id: int = 0) -> None:  # noqa: ANN001
        # Nothing may reach the agents between resuming the stream partitions and
        # the end of the seek to committed offsets (see the module docstring).
        self.app.consumer.stop_flow()
        self.app.flow_control.suspend()
        await original(self, generation_id)

    setattr(on_recovery_completed, _APPLIED, True)
    Recovery.on_recovery_completed = on_recovery_completed  # type: ignore[method-assign]  # the patch
