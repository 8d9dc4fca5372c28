"""The story's canonical entities are computed once, by ``newswire_mentions``, and read by
entities, quotes and claims alike; the components declare what they read and write."""
from __future__ import annotations

import sys

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from service.enrich import entity_items
from service.nlp import extensions
from service.nlp.mentions import canonical
from service.nlp.mentions.component import mentions_of
from service.nlp.pipeline import EXTRACTORS

STORY = ("Statsminister Jonas Gahr Støre sier at 30.000 NATO-soldater skal delta i øvelsen i Troms. "
         "– Dette er en viktig øvelse, sier Støre til NTB.\n"
         "Ifølge Forsvaret kommer soldatene fra tolv land.")
OUR_COMPONENTS = [factory for _module, factory in EXTRACTORS]




@pytest.fixture()
def canonicalize_calls(monkeypatch: pytest.MonkeyPatch) -> list[Doc]:
    """Every call of ``canonicalize``, under whatever name a module imported it."""
    calls: list[Doc] = []
    original = canonical.canonicalize

    def counting(doc: Doc) -> list[canonical.CanonicalEntity]:
        calls.append(doc)
        return original(doc)

    for module in list(sys.modules.values()):
        if (getattr(module, "__name__", "") or "").startswith("service") \
                and getattr(module, "canonicalize", None) is original:
            monkeypatch.setattr(module, "canonicalize", counting)
    return calls


def test_pipeline_names_mentions_after_the_repair_and_before_quotes_and_claims(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("newswire_entity_repair") < names.index("newswire_mentions") \
        < names.index("newswire_quotes") < names.index("newswire_claims")


def test_canonicalize_runs_once_per_story(nlp: Language, canonicalize_calls: list[Doc]) -> None:
    docs = list(nlp.pipe([STORY, STORY.replace("Støre", "Solberg")]))
    entities = [entity_items(doc) for doc in docs]
    assert all(doc._.quotes and doc._.claims for doc in docs)  # every reader had its turn
    assert all(entities)
    assert canonicalize_calls == docs


def test_stored_mentions_are_the_canonical_entities(nlp: Language) -> None:
    doc = nlp(STORY)
    assert doc._.mentions is not None
    assert list(doc._.mentions) == canonical.canonicalize(doc)
    assert "Jonas Gahr Støre" in {m.canonical for m in doc._.mentions}
    assert mentions_of(doc) is doc._.mentions


def test_a_hand_made_doc_gets_its_mentions_computed_once() -> None:
    doc = spacy.blank("nb")("Jonas Gahr Støre kom. Støre talte.")
    doc.ents = [doc.char_span(0, 16, label="PER"), doc.char_span(22, 27, label="PER")]
    assert doc._.mentions is None
    mentions = mentions_of(doc)
    assert list(mentions) == canonical.canonicalize(doc)
    assert [m.canonical for m in mentions] == ["Jonas Gahr Støre", "Jonas Gahr Støre"]
    assert mentions_of(doc) is mentions


def test_mentions_of_entities_changed_since_are_computed_anew() -> None:
    doc = spacy.blank("nb")("Jonas Gahr Støre kom. Støre talte.")
    doc.ents = [doc.char_span(22, 27, label="PER")]
    assert [m.canonical for m in mentions_of(doc)] == ["Støre"]
    doc.ents = [doc.char_span(0, 16, label="PER"), doc.char_span(22, 27, label="PER")]
    assert doc._.mentions is None  # stored for other entities: never read as these
    assert [m.canonical for m in mentions_of(doc)] == ["Jonas Gahr Støre", "Jonas Gahr Støre"]


def test_extensions_register_once_in_one_place() -> None:
    extensions.register()
    extensions.register()
    doc = spacy.blank("nb")("Ingen navn her.")
    assert (doc._.mentions, doc._.quotes, doc._.claims) == (None, None, [])


def test_our_components_declare_what_they_read_and_write(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    for name in OUR_COMPONENTS:
        assert analysis["problems"][name] == [], f"{name} reads what no earlier component writes"
        assert analysis["summary"][name]["assigns"], f"{name} declares nothing it writes"
        assert analysis["summary"][name]["requires"], f"{name} declares nothing it reads"
    assert analysis["attrs"]["doc._.mentions"] == {
        "assigns": ["newswire_mentions"], "requires": ["newswire_quotes", "newswire_claims"]}
