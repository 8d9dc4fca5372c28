import base64
import dataclasses

import pytest
import spacy
from jsonschema import ValidationError

from service.article import Article
from service.enrich import Enricher
from service.events import (Source, build_deadletter, claim_events, event_id, ninjs_mentions,
                            quote_events)
from service.stream.envelope import source_from_headers, source_headers
from service.stream.versions import Action, Published, decide
from tests.schemas import SCHEMA_DIR, assert_offsets, validate_event, validator

BODY = ("«Vi har ingen planer om å trekke oss», sier forsvarsminister Kari Nilsen til NTB.\n\n"
        "Russland har samlet nesten 100.000 soldater ved grensen, ifølge Reuters.")


def article(**changes) -> Article:
    base = Article(uri="ntb:abc", version=2, story_id="NTB123", body_text=BODY, headline="Ingen planer",
                   source_format="ninjs", subjects=("Politikk",), signals=("update",),
                   versioncreated="2024-01-15T10:15:00+01:00")
    return dataclasses.replace(base, **changes)


def nlp_with_entities():
    """A blank pipeline plus an entity ruler, so events carry real entity spans."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Kari Nilsen"},
        {"label": "GPE_ORG", "pattern": "Russland"},
        {"label": "ORG", "pattern": "Reuters"},
    ])
    nlp.meta["name"] = "test"
    return nlp


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher(nlp_with_entities())


def test_schema_files_are_valid_2020_12():
    names = sorted(p.name for p in SCHEMA_DIR.glob("*.json"))
    assert names == ["claim.v1.json", "deadletter.v1.json", "enriched.v1.json", "quote.v1.json",
                     "retraction.v1.json", "timeline.v1.json"]
    for name in names:
        validator(name)


def test_enriched_event_validates_and_offsets_slice(enricher):
    event = enricher.enrich(article(), Source("ntb.wire.raw", 3, 41))
    validate_event(event)
    assert_offsets(event)
    assert [(e["text"], e["label"]) for e in event["entities"]] == [
        ("Kari Nilsen", "PER"), ("Russland", "GPE_ORG"), ("Reuters", "ORG")]
    assert event["people"] == [{"name": "Kari Nilsen", "rel": "mentions", "literal": "Kari Nilsen"}]
    assert {o["name"] for o in event["organisations"]} == {"Russland", "Reuters"}
    assert event["provenance"]["source"] == {"topic": "ntb.wire.raw", "partition": 3, "offset": 41}
    assert event["provenance"]["model"]["name"] == "nb_test"


def test_event_id_is_deterministic_across_replays(enricher):
    first = enricher.enrich(article())
    again = enricher.enrich(article())
    newer = enricher.enrich(article(version=3))
    assert first["event_id"] == again["event_id"]
    assert first["provenance"]["processed_at"].endswith("Z")
    assert newer["event_id"] != first["event_id"]
    assert first["event_id"] == event_id("ntb:abc", 2, enricher.provenance.pipeline_version)


def test_kill_builds_a_retraction(enricher):
    event = enricher.enrich(article(pubstatus="canceled", version=3))
    validate_event(event)
    assert event["schema"] == "newswire.retraction/1"
    assert event["story_id"] == "NTB123"


def test_schema_rejects_a_broken_event(enricher):
    event = enricher.enrich(article())
    event["entities"][0]["label"] = "PERSON"
    with pytest.raises(ValidationError):
        validate_event(event)
    del event["provenance"]
    with pytest.raises(ValidationError):
        validate_event(event)


def test_quote_and_claim_events_carry_parent_identity():
    parent = {"event_id": "00000000-0000-0000-0000-000000000001", "story_id": "S", "uri": "u", "version": 1,
              "versioncreated": None,
              "quotes": [{"kind": "direct", "text": "Hei", "start": 1, "end": 4, "speaker": None, "cue": None}],
              "claims": []}
    quotes = quote_events(parent)
    assert len(quotes) == 1 and claim_events(parent) == []
    validate_event(quotes[0])
    assert quotes[0]["parent_event_id"] == parent["event_id"]
    assert quotes[0]["event_id"] == quote_events(parent)[0]["event_id"] != parent["event_id"]


def test_deadletter_keeps_the_original_bytes():
    payload = b"\xff\xfe<nitf>broken"
    event = build_deadletter(payload, error_type="WireFormatError", reason="nitf: not well-formed",
                             source=Source("ntb.wire.raw", 0, 7))
    validate_event(event)
    assert base64.b64decode(event["original_base64"]) == payload
    assert event["original_size"] == len(payload)


def test_ninjs_mentions_dedupe_by_canonical():
    ents = [{"label": "PER", "canonical": "Joe Biden"}, {"label": "PER", "canonical": "Joe Biden"},
            {"label": "GPE_LOC", "canonical": "Kyiv"}, {"label": "PROD", "canonical": "iPhone"}]
    assert ninjs_mentions(ents) == {
        "people": [{"name": "Joe Biden", "rel": "mentions", "literal": "Joe Biden"}],
        "organisations": [],
        "places": [{"name": "Kyiv", "rel": "mentions", "literal": "Kyiv"}],
    }


@pytest.mark.parametrize("version,pubstatus,published,expected", [
    (1, "usable", None, Action.ENRICH),
    (1, "canceled", None, Action.RETRACT),
    (2, "usable", Published(1, "e"), Action.ENRICH),
    (2, "usable", Published(2, "e"), Action.DUPLICATE),
    (1, "usable", Published(2, "e"), Action.STALE),
    (2, "canceled", Published(2, "e"), Action.RETRACT),
    (2, "canceled", Published(2, "e", canceled=True), Action.DUPLICATE),
    (3, "canceled", Published(2, "e"), Action.RETRACT),
    (1, "usable", Published(2, "e", versions=frozenset({1, 2})), Action.DUPLICATE),
])
def test_version_rules(version, pubstatus, published, expected):
    assert decide(article(version=version, pubstatus=pubstatus), published) is expected


def test_source_survives_the_internal_topic_headers():
    source = Source("ntb.wire.raw", 1, 99)
    assert source_from_headers(source_headers(source)) == source
    assert source_from_headers(list(source_headers(source).items())) == source
    story = Source("ntb.wire.raw", 1, 99, item=2)  # the third story of a newsMessage
    assert source_from_headers(source_headers(story)) == story
    assert story.as_dict()["item"] == 2 and "item" not in source.as_dict()


def test_published_record_round_trips_and_keeps_history():
    from service.stream.versions import record
    p = record(None, 2, "e2", False)
    p = record(p, 1, "e1", False)  # an older version published late keeps the newest as current
    assert (p.version, p.event_id, sorted(p.versions)) == (2, "e2", [1, 2])
    assert Published.from_dict(p.as_dict()) == p
