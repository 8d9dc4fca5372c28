"""The sender's own tags in the event, and our entities linked to them (service/wire_tags.py)."""
from __future__ import annotations

from service.article import Article, Tag
from service.events import Provenance, build_enriched
from service.wire_tags import link_entities, matching_tag, tag_items
from tests.schemas import validate_event

STORE = Tag("person", "Jonas Gahr Støre", uri="http://www.wikidata.org/entity/Q57658")
GJERDRUM = Tag("place", "Gjerdrum", uri="http://www.wikidata.org/entity/Q57084", literal="Q57084")
EQUINOR = Tag("organisation", "Equinor", uri="imatrics:org:equinor")
ENERGY = Tag("subject", "Olje og energi", literal="04005000")


def entity(text: str, label: str, canonical: str | None = None) -> dict:
    return {"text": text, "label": label, "start": 0, "end": len(text), "canonical": canonical or text,
            "role": None}


def test_tags_are_kept_as_sent_under_their_ninjs_property() -> None:
    items = tag_items([STORE, GJERDRUM, ENERGY])
    assert items["people"] == [{"name": "Jonas Gahr Støre", "uri": "http://www.wikidata.org/entity/Q57658"}]
    assert items["places"] == [{"name": "Gjerdrum", "uri": "http://www.wikidata.org/entity/Q57084",
                                "literal": "Q57084"}]
    assert items["subjects"] == [{"name": "Olje og energi", "literal": "04005000"}]
    assert items["organisations"] == items["events"] == items["objects"] == []


def test_an_entity_takes_the_uri_of_the_tag_with_its_name() -> None:
    linked = link_entities([entity("Gjerdrum", "GPE_LOC"), entity("equinor", "ORG", "Equinor"),
                            entity("Oslo", "GPE_LOC")], [GJERDRUM, EQUINOR])
    assert [e["uri"] for e in linked] == [GJERDRUM.uri, EQUINOR.uri, None]


def test_a_surname_links_to_the_one_tagged_person_with_it() -> None:
    assert matching_tag("PER", "Støre", [STORE]) is STORE
    other = Tag("person", "Ingrid Støre", uri="urn:other")
    assert matching_tag("PER", "Støre", [STORE, other]) is None  # two Støres: link neither


def test_labels_link_only_to_tags_of_their_kind() -> None:
    assert matching_tag("ORG", "Gjerdrum", [GJERDRUM]) is None
    assert matching_tag("GPE_ORG", "Gjerdrum", [GJERDRUM]) is GJERDRUM  # the state as a place
    assert matching_tag("LOC", "Støre", [STORE]) is None
    assert matching_tag("GPE_LOC", "Gjerdrum", [Tag("place", "Gjerdrum")]) is None  # no identifier


def test_the_enriched_event_carries_the_tags_and_the_links() -> None:
    article = Article(uri="urn:x", version=1, story_id="x", body_text="Støre besøkte Gjerdrum.",
                      tags=(STORE, GJERDRUM, ENERGY))
    event = build_enriched(article, entities=[entity("Støre", "PER"), entity("Gjerdrum", "GPE_LOC")],
                           quotes=[], claims=[], provenance=Provenance("nb_newswire", "0.4.0"))
    assert event["tags"]["people"][0]["uri"] == STORE.uri
    assert [e["uri"] for e in event["entities"]] == [STORE.uri, GJERDRUM.uri]
    assert event["people"] == [{"name": "Støre", "rel": "mentions", "literal": "Støre", "uri": STORE.uri}]
    assert event["places"][0]["uri"] == GJERDRUM.uri
    validate_event(event)


def test_only_languages_the_pipeline_reads_are_analysed() -> None:
    from service.enrich import is_analysed

    assert [is_analysed(tag) for tag in ("nb-NO", "nn", "no-NO", "da", "sv", "und")] == [True] * 6
    assert [is_analysed(tag) for tag in ("en-US", "de", "fi-FI", "it")] == [False] * 4
