"""Throughput of newswire, printed as ratios from one run on this machine.

    python bench/throughput.py [--messages 400]

1. bare ``nlp.pipe`` over the body texts (the floor any enrichment pays);
2. offline enrichment: parse + pipeline + entities + events, the worker's code path;
3. end to end: raw bytes into the embedded broker → worker process → enriched topic.
"""
from __future__ import annotations

import argparse
import asyncio
import time
import uuid
from dataclasses import replace

from aiokafka import AIOKafkaProducer

from service.broker import EmbeddedBroker, ensure_topics
from service.demo import start_worker, stop_worker
from service.enrich import Enricher
from service.formats import parse
from service.nlp.pipeline import EXTRACTORS
from service.replay import iter_archive
from service.samples import SAMPLE_ARCHIVE
from service.settings import Settings
from service.stream.collect import collect


def corpus(n: int) -> list[bytes]:
    """``n`` distinct plain-text messages built from the sample archive's usable stories."""
    articles = []
    for message in iter_archive(SAMPLE_ARCHIVE):
        try:
            article = parse(message.payload)
        except Exception:
            continue
        if article.pubstatus == "usable":
            articles.append(article)
    return [f"NTB\n\n{a.headline or 'Melding'} ({i})\n\n{a.body_text}".encode()
            for i, a in ((i, articles[i % len(articles)]) for i in range(n))]


def timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


async def end_to_end(messages: list[bytes], timeout: float = 600.0) -> float:
    with EmbeddedBroker(port=0) as broker:
        settings = replace(Settings(), broker=broker.address, app_id=f"bench-{uuid.uuid4().hex[:6]}",
                           tansu_compat=True)
        t = settings.topics
        await ensure_topics(broker.address, [t.raw, t.articles, *t.outputs()], partitions=settings.partitions)
        worker = start_worker(settings, "/tmp/newswire-bench-worker.log")
        try:
            # Warm-up message: the clock starts once the worker has joined and loaded its model.
            producer = AIOKafkaProducer(bootstrap_servers=broker.address, enable_idempotence=False, linger_ms=5)
            await producer.start()
            await producer.send_and_wait(t.raw, b"NTB\n\nOppvarming\n\nDette er en oppvarming.")
            await collect(settings, [t.enriched], lambda s: len(s[t.enriched]) >= 1, timeout=timeout)
            start = time.perf_counter()
            for payload in messages:
                await producer.send(t.raw, payload)
            await producer.flush()
            await producer.stop()
            seen = await collect(settings, [t.enriched], lambda s: len(s[t.enriched]) >= len(messages) + 1,
                                 timeout=timeout)
            elapsed = time.perf_counter() - start
            assert len(seen[t.enriched]) >= len(messages) + 1, "not every message came out"
            return elapsed
        finally:
            stop_worker(worker)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--skip-broker", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="alternating offline rounds (best of each)")
    args = parser.parse_args()

    messages = corpus(args.messages)
    enricher = Enricher()
    articles = [parse(m) for m in messages]
    texts = [a.body_text for a in articles]
    words = sum(len(enricher.nlp.make_doc(t)) for t in texts)
    list(enricher.nlp.pipe(texts[:20]))  # warm up

    extractors = [name for _, name in EXTRACTORS if name in enricher.nlp.pipe_names]

    def bare_pipe() -> None:
        with enricher.nlp.select_pipes(disable=extractors):  # the trained components only
            list(enricher.nlp.pipe(texts, batch_size=32))

    def offline_enrichment() -> None:
        for i in range(0, len(messages), 32):
            enricher.enrich_many([parse(m) for m in messages[i:i + 32]])

    # alternating rounds, best of each: a machine busy with something else for a moment
    # slows one round, not the ratio
    bare, offline = float("inf"), float("inf")
    for _ in range(args.rounds):
        bare = min(bare, timed(bare_pipe))
        offline = min(offline, timed(offline_enrichment))
    name, version = enricher.provenance.model_name, enricher.provenance.model_version
    print(f"model {name} {version}; {len(messages)} messages, {words} words")
    print(f"bare nlp.pipe       {len(messages) / bare:8.1f} msg/s {words / bare:9.0f} words/s  ratio 1.00")
    print(f"offline enrichment  {len(messages) / offline:8.1f} msg/s {words / offline:9.0f} words/s  "
          f"ratio {bare / offline:.2f}")
    if not args.skip_broker:
        e2e = asyncio.run(end_to_end(messages))
        print(f"end to end (broker) {len(messages) / e2e:8.1f} msg/s {words / e2e:9.0f} words/s  "
              f"ratio {bare / e2e:.2f}")


if __name__ == "__main__":
    main()
