"""The worker's batch step without a broker: version rules, isolation of a failing or
slow message, and the order of publishing and remembering."""
from __future__ import annotations

import asyncio
import base64
import time

import orjson
import spacy
from spacy.language import Language

from service.article import Article
from service.enrich import Enricher
from service.events import Source
from service.stream.processor import BatchProcessor, OutputTopics, Pending


class RecordingTopic:
    def __init__(self, name: str) -> None:
        self.name = name
        self.sent: list[dict] = []

    async def send(self, key: bytes, value: bytes) -> None:
        self.sent.append(orjson.loads(value))


@Language.component("test_trouble")
def trouble(doc):  # noqa: ANN001, ANN201
    if "BOOM" in doc.text:
        raise RuntimeError("component failed")
    if "SLOW" in doc.text:
        time.sleep(1.5)
    return doc


def make_processor(timeout: float = 30.0) -> tuple[BatchProcessor, dict, list[str]]:
    nlp = spacy.blank("nb")
    nlp.add_pipe("test_trouble")
    outputs = OutputTopics(*(RecordingTopic(n) for n in ("enriched", "quotes", "claims", "dlq")))
    table: dict = {}
    calls: list[str] = []

    async def flush() -> None:
        calls.append(f"flush with {len(table)} remembered")

    return BatchProcessor(Enricher(nlp), outputs, table, timeout, flush), table, calls


def pending(uri: str, version: int, body: str = "Det regner i Bergen.", pubstatus: str = "usable",
            offset: int = 0) -> Pending:
    article = Article(uri=uri, version=version, story_id=uri.upper(), body_text=body, pubstatus=pubstatus)
    return Pending(article, f"raw {uri} {version}".encode(), Source("raw", 0, offset))


def test_versions_duplicates_and_kills_in_one_batch():
    processor, table, calls = make_processor()
    batch = [pending("a", 2), pending("a", 1), pending("b", 1), pending("b", 1), pending("c", 1),
             pending("c", 2, pubstatus="canceled")]
    asyncio.run(processor.process(batch))
    enriched = processor.outputs.enriched.sent
    assert sorted((e["uri"], e["version"], e["schema"]) for e in enriched) == [
        ("a", 1, "newswire.enriched/1"), ("a", 2, "newswire.enriched/1"), ("b", 1, "newswire.enriched/1"),
        ("c", 1, "newswire.enriched/1"), ("c", 2, "newswire.retraction/1")]
    assert [e["uri"] for e in processor.outputs.quotes.sent] == ["c"]  # the retraction
    assert processor.counters.duplicates == 1
    assert table["a"]["version"] == 2 and table["a"]["versions"] == [1, 2]
    assert table["c"]["canceled"] is True


def test_remembered_only_after_the_events_are_flushed():
    processor, table, calls = make_processor()
    asyncio.run(processor.process([pending("a", 1), pending("b", 1)]))
    assert calls == ["flush with 0 remembered"]
    assert set(table) == {"a", "b"}


def test_a_replayed_or_stale_version_emits_no_event():
    processor, table, _ = make_processor()
    asyncio.run(processor.process([pending("a", 2)]))
    asyncio.run(processor.process([pending("a", 2), pending("a", 1, offset=9)]))
    assert len(processor.outputs.enriched.sent) == 1
    [dead] = processor.outputs.dlq.sent
    assert dead["error_type"] == "StaleVersion" and dead["version"] == 1
    assert dead["source"]["offset"] == 9
    assert base64.b64decode(dead["original_base64"]) == b"raw a 1"
    # Replaying the stale version again is a duplicate, not a second dead letter.
    asyncio.run(processor.process([pending("a", 1, offset=10)]))
    assert len(processor.outputs.dlq.sent) == 1 and processor.counters.duplicates == 2


def test_a_failing_message_is_dead_lettered_alone():
    processor, table, _ = make_processor()
    batch = [pending("a", 1), pending("b", 1, body="Dette går BOOM."), pending("c", 1)]
    asyncio.run(processor.process(batch))
    assert sorted(e["uri"] for e in processor.outputs.enriched.sent) == ["a", "c"]
    [dead] = processor.outputs.dlq.sent
    assert (dead["uri"], dead["error_type"]) == ("b", "EnrichmentError")
    assert "component failed" in dead["reason"]
    assert "b" not in table


def test_a_slow_message_times_out_into_the_dead_letter_topic():
    processor, _, _ = make_processor(timeout=0.5)
    asyncio.run(processor.process([pending("slow", 1, body="SLOW tekst."), pending("fast", 1)]))
    assert [e["uri"] for e in processor.outputs.enriched.sent] == ["fast"]
    [dead] = processor.outputs.dlq.sent
    assert dead["uri"] == "slow" and "did not finish within 0.5 s" in dead["reason"]


def test_a_runaway_body_is_dead_lettered_without_analysis():
    processor, _, _ = make_processor()
    processor.enricher.max_body_chars = 1000
    huge = "ord " * 200_000  # 200,000 words
    asyncio.run(processor.process([pending("huge", 1, body=huge), pending("ok", 1)]))
    assert [e["uri"] for e in processor.outputs.enriched.sent] == ["ok"]
    [dead] = processor.outputs.dlq.sent
    assert dead["error_type"] == "OversizeBody" and "800000 characters" in dead["reason"]
