"""Every real wire sample through the whole offline path (parse → NLP → events): each story
gives a valid event, and only the languages the Norwegian pipeline reads are analysed."""
from __future__ import annotations

from pathlib import Path

import pytest

from service.enrich import default_enricher, is_analysed
from service.errors import WireFormatError
from service.formats import parse_items
from tests.schemas import assert_offsets, validate_event


@pytest.fixture(scope="module")
def events(wire_samples: Path) -> dict[str, list[dict]]:
    enricher = default_enricher()
    found: dict[str, list[dict]] = {}
    for path in sorted((wire_samples / "files").iterdir()):
        stories = [s for s in parse_items(path.read_bytes()) if not isinstance(s, WireFormatError)]
        found[path.name] = [enricher.enrich(story) for story in stories]
    return found


def test_every_story_gives_a_valid_event(events: dict[str, list[dict]]) -> None:
    assert sum(len(e) for e in events.values()) >= 26
    for name, story_events in events.items():
        for event in story_events:
            validate_event(event)
            if event["schema"] == "newswire.enriched/1":
                assert_offsets(event)


def test_norwegian_stories_are_analysed_and_foreign_ones_are_not(events: dict[str, list[dict]]) -> None:
    faktisk = events["nitf-ntb_faktisk_latin1.xml"][0]
    assert faktisk["analysed"] and faktisk["language"] == "nb-NO"
    assert {"FN", "Facebook"} <= {e["canonical"] for e in faktisk["entities"]}
    assert any(q["speaker"] and "Dyrendal" in q["speaker"]["canonical"] for q in faktisk["quotes"])
    english = events["nitf-ap.xml"][0]
    assert english["language"] == "en" and not english["analysed"]
    assert english["entities"] == english["quotes"] == english["claims"] == []
    for story_events in events.values():
        for event in story_events:
            if event["schema"] == "newswire.enriched/1":
                assert event["analysed"] is is_analysed(event["language"]), (event["uri"], event["language"])
