"""Reproduction loop for the post-recovery stall: kill/restart a worker against the
embedded broker and count the runs where the last worker leaves lag uncommitted.

    NEWSWIRE_DIAG=1 NEWSWIRE_DIAG_SLOW_COMMITTED=0.3 \
        python bench/stall_repro.py --runs 10 --messages 400 --timeout 60
    (add NEWSWIRE_DIAG_UNPATCH=1 to run without the fix; see service/stream/diag.py)

Each run: fresh topics and group, produce the messages, start a worker and SIGKILL it
after some enriched events (``--kills`` times), then start a final worker and wait
until the group has committed everything. A run whose final worker does not drain
within ``--timeout`` seconds is a stall (and a run missing enriched events is a loss);
its worker logs are kept in ``--keep``.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import uuid
from dataclasses import replace

sys.path.insert(0, os.getcwd())

from service.broker import EmbeddedBroker  # noqa: E402
from service.demo import start_worker, stop_worker  # noqa: E402
from service.formats import parse  # noqa: E402
from service.settings import Settings  # noqa: E402
from service.stream.collect import collect_to_end  # noqa: E402
from tests.conftest import TopicNamer  # noqa: E402
from tests.integration.support import committed_behind, produce  # noqa: E402
from tests.integration.test_faults import wait_for_enriched, wire_messages  # noqa: E402


async def drained_within(settings: Settings, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    behind = await committed_behind(settings)
    while behind and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        behind = await committed_behind(settings)
    return behind


def one_run(broker: str, args: argparse.Namespace, run: int, tmp: str) -> tuple[bool, str, float, dict]:
    topics = TopicNamer(f"r{uuid.uuid4().hex[:8]}.repro").topics()
    settings = replace(Settings(), broker=broker, topics=topics, app_id=f"repro-{uuid.uuid4().hex[:8]}",
                       batch_within=0.2, tansu_compat=True)
    good, bad = wire_messages(args.messages)
    payloads = good + bad
    random.Random(run).shuffle(payloads)
    asyncio.run(produce(settings, payloads))
    log = os.path.join(tmp, f"run{run}.log")
    started = time.monotonic()
    for i in range(args.kills):
        worker = start_worker(settings, log + f".{i}")
        wait_for_enriched(settings, int(args.messages * (i + 1) / (args.kills + 2)))
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    worker = start_worker(settings, log)
    try:
        behind = asyncio.run(drained_within(settings, args.timeout))
    finally:
        stop_worker(worker)
    t = settings.topics
    seen = asyncio.run(collect_to_end(settings, [t.enriched]))
    missing = {parse(m).uri for m in good} - {e["uri"] for e in seen[t.enriched]}
    if missing:
        behind = {**behind, "MISSING": len(missing)}
    return (not behind), log, time.monotonic() - started, behind


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("--keep", default="/tmp/stall-logs")
    parser.add_argument("--keep-all", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.keep, exist_ok=True)
    stalls = 0
    with EmbeddedBroker(port=0) as broker, tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            ok, log, took, behind = one_run(broker.address, args, run, tmp)
            if not ok:
                stalls += 1
            if not ok or args.keep_all:
                for suffix in ["", *[f".{i}" for i in range(args.kills)]]:
                    if os.path.exists(log + suffix):
                        kept = f"{'ok' if ok else 'stall'}-{os.getpid()}-{run}.log{suffix}"
                        shutil.copy(log + suffix, os.path.join(args.keep, kept))
            stuck = {(tp if isinstance(tp, str) else f"{tp.topic[-12:]}:{tp.partition}"): n for tp, n in behind.items()}
            print(f"run {run}: {'ok' if ok else f'STALL {stuck}'} ({took:.0f} s)", flush=True)
    print(f"RESULT stalls {stalls}/{args.runs}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
