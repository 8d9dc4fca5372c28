"""Real wire samples through a real worker on the embedded broker: every story of every
message ends as one event or one dead letter, a multi-story newsMessage is split, and an
NTB NITF story's versions and kill follow the version rules under one identity."""
from __future__ import annotations

import asyncio
import base64
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from service.demo import start_worker, stop_worker
from service.formats import parse, parse_items
from service.settings import Settings
from service.stream.collect import collect_to_end, source_of
from tests.integration.support import drained, produce
from tests.schemas import assert_offsets, validate_event

pytestmark = pytest.mark.broker

FAKTISK = "files/nitf-ntb_faktisk_latin1.xml"  # NTB's NITF, version 48
FAKTISK_NEXT = "repro/nitf_ntb_faktisk_next_version.xml"  # version 49
FAKTISK_KILL = "repro/nitf_ntb_faktisk_next_version_killed.xml"  # version 49, canceled


@pytest.fixture
def settings(broker: str, unique_topics) -> Settings:
    return replace(Settings(), broker=broker, topics=unique_topics.topics(),
                   app_id=f"test-{uuid.uuid4().hex[:8]}", batch_within=0.2, tansu_compat=True)


def sample_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "files").iterdir() if p.is_file())


def test_every_story_of_every_real_sample_ends_once(settings, wire_samples: Path, tmp_path) -> None:
    payloads = [p.read_bytes() for p in sample_files(wire_samples)]
    stories = [story for p in payloads for story in parse_items(p)]
    # IPTC's examples repeat a story (ninjs 2.1 and 3.0 of NTB's, 1.4 and 2.2 of IPTC's) under
    # one uri and version: the second is a duplicate and emits nothing, by the version rules.
    failed = sum(isinstance(s, Exception) for s in stories)
    expected = failed + len({(s.uri, s.version) for s in stories if not isinstance(s, Exception)})
    worker = start_worker(settings, str(tmp_path / "worker.log"))
    try:
        asyncio.run(produce(settings, payloads))
        asyncio.run(drained(settings))
    finally:
        assert stop_worker(worker) == 0, (tmp_path / "worker.log").read_text()[-3000:]
    t = settings.topics
    seen = asyncio.run(collect_to_end(settings, [t.enriched, t.dlq]))
    outcomes = Counter(source_of(e) for e in seen[t.enriched] + seen[t.dlq])
    assert sum(outcomes.values()) == expected and max(outcomes.values()) == 1
    for event in seen[t.enriched] + seen[t.dlq]:
        validate_event(event)
        if event["schema"] == "newswire.enriched/1":
            assert_offsets(event)
    # The AP newsMessage via NTB carries three stories: three events from one record.
    multi = (wire_samples / "files" / "g2-ntb_fixture_ap_multi_item.xml").read_bytes()
    headlines = {story.headline for story in parse_items(multi) if not isinstance(story, Exception)}
    from_multi = [e for e in seen[t.enriched] if e["headline"] in headlines]
    assert sorted(e["provenance"]["source"]["item"] for e in from_multi) == [0, 1, 2]
    # Dead letters keep the original bytes and say why.
    for letter in seen[t.dlq]:
        assert base64.b64decode(letter["original_base64"]) in payloads and letter["reason"]


def test_an_ntb_nitf_story_keeps_one_identity_across_versions_and_its_kill(
        settings, wire_samples: Path, tmp_path) -> None:
    original, newer, kill = (wire_samples / name for name in (FAKTISK, FAKTISK_NEXT, FAKTISK_KILL))
    uri = parse(original.read_bytes()).uri
    assert parse(newer.read_bytes()).uri == parse(kill.read_bytes()).uri == uri
    worker = start_worker(settings, str(tmp_path / "worker.log"))
    try:
        for path in (newer, original, kill):  # the older version 48 arrives late
            asyncio.run(produce(settings, [path.read_bytes()]))
            asyncio.run(drained(settings))
    finally:
        assert stop_worker(worker) == 0, (tmp_path / "worker.log").read_text()[-3000:]
    t = settings.topics
    seen = asyncio.run(collect_to_end(settings, [t.enriched, t.dlq, t.quotes]))
    assert [(e["schema"], e["uri"], e["version"]) for e in seen[t.enriched]] == [
        ("newswire.enriched/1", uri, 49), ("newswire.retraction/1", uri, 49)]
    assert [(e["error_type"], e["uri"], e["version"]) for e in seen[t.dlq]] == [("StaleVersion", uri, 48)]
    assert base64.b64decode(seen[t.dlq][0]["original_base64"]) == original.read_bytes()
    # The retraction reaches the quote topic under the same story id, so consumers withdraw it.
    retracted = [e for e in seen[t.quotes] if e["schema"] == "newswire.retraction/1"]
    assert [e["story_id"] for e in retracted] == [seen[t.enriched][0]["story_id"]]
