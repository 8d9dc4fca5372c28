"""Unit tests for service.claims_timeline (pure timeline logic)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.claims_timeline import (
    UNKNOWN,
    next_entry,
    point_of,
    theatre_of,
    timeline_key,
)


def story(uri: str = "ntb:1", version: int = 1, index: int = 0, story_id: str = "s1") -> dict:
    return {"uri": uri, "version": version, "story_id": story_id,
            "versioncreated": "2024-01-15T12:30:00Z", "index": index}


def claim(value: float | None = 100_000.0, claimant: str = "Ukraina", side: str | None = "Russland",
          place: str | None = "Ukraina", **extra) -> dict:
    return {"type": "strength", "text": "x", "value": value, "min": None, "max": value,
            "hedge": None, "bound": "exact", "unit": "soldater", "side": side,
            "location": {"text": "ved grensen", "start": 0, "end": 11, "canonical": place,
                         "kind": "border"} if place else None,
            "claimant": {"text": claimant, "start": 0, "end": 0, "canonical": claimant,
                         "type": "country"},
            "modality": "asserted", "time": None, **extra}


# ----------------------------------------------------------------- keys


def test_theatre_of_groups_and_countries() -> None:
    assert theatre_of(claim(place="Estland")) == "Baltikum"
    assert theatre_of(claim(place="Baltikum")) == "Baltikum"
    assert theatre_of(claim(place="Donetsk")) == "Ukraina"
    assert theatre_of(claim(place="Avdijivka")) == "Ukraina"
    assert theatre_of(claim(place="Ukraina")) == "Ukraina"
    assert theatre_of(claim(place=None)) == UNKNOWN
    assert theatre_of({"location": {"text": "ved grensen", "canonical": None}}) == UNKNOWN
    assert theatre_of({"location": {"text": "nær Atlantis", "canonical": "atlantis"}}) == "Atlantis"
    assert theatre_of({"location": "Troms"}) == "Norge"


def test_timeline_key_normalises_side_and_theatre() -> None:
    assert timeline_key(claim(side="Russland", place="Kharkiv")) == "Russland|Ukraina"
    assert timeline_key(claim(side="  russland ", place="Donetsk-regionen")) == "Russland|Ukraina"
    assert timeline_key(claim(side="nato", place="Litauen")) == "NATO|Baltikum"
    assert timeline_key(claim(side="alliansen", place="Latvia")) == "NATO|Baltikum"
    assert timeline_key(claim(side=None, place=None)) == "unknown|unknown"
    assert timeline_key({"side": "russiske", "location": None}) == "Russland|unknown"


def test_point_of() -> None:
    assert point_of({"value": 5.0, "min": None, "max": None}) == 5.0
    assert point_of({"value": None, "min": 90_000, "max": 100_000}) == 95_000.0
    assert point_of({"value": None, "min": 300_000, "max": None}) == 300_000.0
    assert point_of({"value": None, "min": None, "max": None}) is None


# ----------------------------------------------------------------- entries


def test_first_entry_has_no_change() -> None:
    state, event = next_entry(None, claim(), story())
    assert event["previous"] is None and event["change"] is None
    assert event["disagreement"] is False and event["sequence"] == 1
    assert event["key"] == "Russland|Ukraina" and event["side"] == "Russland"
    assert event["theatre"] == "Ukraina"
    assert state["latest"]["point"] == 100_000.0 and state["entries"] == 1
    assert state["seen"] == [["ntb:1", 1, 0]]


def test_change_is_absolute_and_relative() -> None:
    state, _ = next_entry(None, claim(90_000.0), story("ntb:1"))
    state, event = next_entry(state, claim(99_000.0), story("ntb:2"))
    assert event["change"] == {"absolute": 9_000.0, "relative": 0.1}
    assert event["previous"]["point"] == 90_000.0 and event["claim"]["point"] == 99_000.0
    assert event["previous_story"]["uri"] == "ntb:1" and event["story"]["uri"] == "ntb:2"
    assert event["claimants"]["previous"]["canonical"] == "Ukraina"


def test_disagreement_needs_other_claimant_and_over_20_percent() -> None:
    state, _ = next_entry(None, claim(100_000.0, claimant="Ukraina"), story("a"))
    _, event = next_entry(state, claim(125_000.0, claimant="Russland"), story("b"))
    assert event["disagreement"] is True
    _, event = next_entry(state, claim(120_000.0, claimant="Russland"), story("b"))
    assert event["disagreement"] is False  # exactly 20 %: not more than
    _, event = next_entry(state, claim(50_000.0, claimant="NATO"), story("b"))
    assert event["disagreement"] is True  # a fall counts too
    _, event = next_entry(state, claim(200_000.0, claimant="ukraina"), story("b"))
    assert event["disagreement"] is False  # the same claimant, whatever the jump
    assert event["claimants"]["current"]["canonical"] == "ukraina"


def test_replay_of_the_same_version_does_not_count_twice() -> None:
    state, _ = next_entry(None, claim(90_000.0), story("ntb:1", 1))
    again, event = next_entry(state, claim(90_000.0), story("ntb:1", 1))
    assert event is None and again == state
    newer, event = next_entry(state, claim(95_000.0), story("ntb:1", 2))
    assert event is not None and newer["entries"] == 2
    other_claim, event = next_entry(newer, claim(95_000.0), story("ntb:1", 2, index=1))
    assert event is not None and other_claim["entries"] == 3


def test_index_falls_back_to_the_claim() -> None:
    plain = {k: v for k, v in story().items() if k != "index"}
    state, _ = next_entry(None, claim(index=3), plain)
    assert state["seen"] == [["ntb:1", 1, 3]]


def test_state_is_not_mutated() -> None:
    state, _ = next_entry(None, claim(1_000.0), story("a"))
    snapshot = repr(state)
    next_entry(state, claim(2_000.0), story("b"))
    assert repr(state) == snapshot


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 3), st.integers(1, 10**6)),
                min_size=1, max_size=12))
def test_replaying_a_stream_changes_nothing(stream: list[tuple[int, int, int]]) -> None:
    state = None
    counted = set()
    for uri, version, value in stream:
        state, event = next_entry(state, claim(float(value)), story(f"ntb:{uri}", version))
        assert (event is None) == ((uri, version) in counted)
        counted.add((uri, version))
    assert state["entries"] == len(counted)
    for uri, version, value in stream:
        replayed, event = next_entry(state, claim(float(value)), story(f"ntb:{uri}", version))
        assert event is None and replayed == state


def test_a_casualty_count_is_not_compared_with_a_strength():
    story = {"uri": "ntb:a", "version": 1, "story_id": "a", "versioncreated": None, "index": 0}
    strength = {"type": "strength", "value": 1_500_000.0, "min": None, "max": None, "bound": "exact",
                "side": "Russland", "location": {"canonical": "Ukraina"},
                "claimant": {"canonical": "Ukraina", "type": "country"}}
    losses = {**strength, "type": "casualties", "value": 300_000.0,
              "claimant": {"canonical": "NATO", "type": "organisation"}}
    state, _ = next_entry(None, strength, story)
    state, event = next_entry(state, losses, {**story, "uri": "ntb:b"})
    assert event["previous"] is None and event["change"] is None and event["disagreement"] is False
    later = {**strength, "value": 1_000_000.0, "claimant": {"canonical": "NATO", "type": "organisation"}}
    state, event = next_entry(state, later, {**story, "uri": "ntb:c"})
    assert event["previous"]["value"] == 1_500_000.0 and event["disagreement"] is True
