"""``newswire demo``: the whole service on this machine with no external services.

Starts the embedded broker and a worker process, replays the bundled sample archive,
prints what came out on each topic, and stops everything.
"""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace

from service.settings import Settings
from service.stream.collect import collect, source_of
from service.stream.tail import describe

WORKER_STOP_TIMEOUT = 20.0
# Two messages no parser accepts, to show the dead-letter topic at work.
BROKEN_MESSAGES = [
    b'{"uri": "ntb:avkuttet", "version": 1, "bodies": [{"contenttype": "text/html", "value": "<p>Avkut',
    b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]><nitf>&b;</nitf>',
]


def start_worker(settings: Settings, log_path: str) -> subprocess.Popen:
    env = {**os.environ, **settings.to_env()}
    log = open(log_path, "wb")
    return subprocess.Popen([sys.executable, "-m", "service.cli", "worker"], env=env,
                            stdout=log, stderr=subprocess.STDOUT)


def stop_worker(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(WORKER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def run_demo(timeout: float = 240.0) -> int:
    from service.broker import EmbeddedBroker
    from service.samples import SAMPLE_ARCHIVE
    from service.stream.replay import replay_to_broker, send_payloads

    with EmbeddedBroker(port=0) as broker, tempfile.TemporaryDirectory() as tmp:
        # The worker's scratch directory goes with the demo: nothing is left behind in $TMPDIR.
        settings = replace(Settings(), broker=broker.address, app_id=f"newswire-demo-{uuid.uuid4().hex[:6]}",
                           tansu_compat=True, data_dir=f"{tmp}/data")
        broken = 0
        print(f"embedded broker on {broker.address}")
        worker = start_worker(settings, f"{tmp}/worker.log")
        try:
            summary = asyncio.run(replay_to_broker([SAMPLE_ARCHIVE], settings, topic=settings.topics.raw,
                                                   wait=120.0))
            print(f"replayed the sample archive: {summary.line()}")
            broken = asyncio.run(send_payloads(settings, settings.topics.raw, BROKEN_MESSAGES))
            print(f"sent {broken} malformed messages (a truncated ninjs document, an XML entity bomb)")
            t = settings.topics
            wanted = [t.enriched, t.quotes, t.claims, t.timeline, t.dlq]

            def accounted(seen: dict[str, list[dict]]) -> bool:
                sources = {source_of(e) for e in seen[t.enriched] + seen[t.dlq]}
                # Timeline entries follow their claims through one more topic.
                claims = sum(e["schema"] == "newswire.claim/1" for e in seen[t.claims])
                return len(sources - {None}) >= summary.sent + broken and len(seen[t.timeline]) >= claims

            started = time.monotonic()
            seen = asyncio.run(collect(settings, wanted, accounted, timeout=timeout))
            for topic in wanted:
                print(f"\n== {topic}: {len(seen[topic])} events")
                for event in seen[topic][:12]:
                    print("  " + describe(event))
                if len(seen[topic]) > 12:
                    print(f"  … and {len(seen[topic]) - 12} more")
            ok = accounted(seen)
            print(f"\n{'every' if ok else 'NOT every'} message accounted for "
                  f"in {time.monotonic() - started:.1f} s")
            return 0 if ok else 1
        finally:
            code = stop_worker(worker)
            if code not in (0, -signal.SIGTERM):
                print(open(f"{tmp}/worker.log", errors="replace").read()[-4000:], file=sys.stderr)
