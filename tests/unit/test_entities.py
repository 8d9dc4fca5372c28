"""Unit tests for service.nlp.mentions.canonical (entity canonicalisation)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from service.nlp.mentions.canonical import (
    CanonicalEntity,
    canonical_name_index,
    canonicalize,
    resolve_role_mention,
    role_after,
    role_before,
    role_index,
    split_role,
    strip_genitive,
)

NLP = spacy.blank("nb")


def make_doc(text: str, ents: Sequence[tuple[str, str]]) -> Doc:
    """Doc with ``ents`` given as (surface, label) pairs in text order."""
    doc = NLP(text)
    spans = []
    cursor = 0
    for surface, label in ents:
        start = text.index(surface, cursor)
        end = start + len(surface)
        span = doc.char_span(start, end, label=label)
        assert span is not None, f"{surface!r} does not align with tokens"
        spans.append(span)
        cursor = end
    doc.ents = spans
    return doc


def by_text(entities: Sequence[CanonicalEntity]) -> dict[str, list[CanonicalEntity]]:
    grouped: dict[str, list[CanonicalEntity]] = {}
    for entity in entities:
        grouped.setdefault(entity.text, []).append(entity)
    return grouped


def canonicals(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.canonical) for e in canonicalize(doc)]


def assert_offsets(doc: Doc, entities: Sequence[CanonicalEntity]) -> None:
    for entity in entities:
        assert doc.text[entity.start : entity.end] == entity.text
        assert entity.canonical


# ------------------------------------------------------------ strip_genitive


@pytest.mark.parametrize(
    ("genitive", "base"),
    [
        ("Russlands", "Russland"),
        ("Ukrainas", "Ukraina"),
        ("Norges", "Norge"),
        ("Kinas", "Kina"),
        ("Israels", "Israel"),
        ("Storbritannias", "Storbritannia"),
        ("Kremls", "Kreml"),
        ("Stortingets", "Stortinget"),
        ("Regjeringens", "Regjeringen"),
        ("Saudi-Arabias", "Saudi-Arabia"),
        ("Nord-Koreas", "Nord-Korea"),
    ],
)
def test_strip_genitive_known_base_names(genitive: str, base: str) -> None:
    assert strip_genitive(genitive) == base


@pytest.mark.parametrize(
    ("genitive", "base"),
    [("USAs", "USA"), ("NATOs", "NATO"), ("FNs", "FN"), ("EUs", "EU"), ("FFIs", "FFI")],
)
def test_strip_genitive_acronyms(genitive: str, base: str) -> None:
    assert strip_genitive(genitive) == base


@pytest.mark.parametrize(
    ("genitive", "base"),
    [
        ("Jens'", "Jens"),
        ("Paris'", "Paris"),
        ("Hellas'", "Hellas"),
        ("Hamas'", "Hamas"),
        ("Marx’", "Marx"),
        ("Det hvite hus'", "Det hvite hus"),
        ("USA's", "USA"),
    ],
)
def test_strip_genitive_apostrophe(genitive: str, base: str) -> None:
    assert strip_genitive(genitive) == base


@pytest.mark.parametrize(
    "name",
    [
        "Paris", "Hellas", "Moss", "Lars", "Hans", "Nils", "Jonas", "Marius",
        "Jens", "Andreas", "Thomas", "Belarus", "Hamas", "Texas", "Los Angeles",
        "Tromsø", "Bodø", "Oslo", "Kristiansand",
    ],
)
def test_strip_genitive_keeps_names_ending_in_s_or_not(name: str) -> None:
    assert strip_genitive(name) == name


def test_strip_genitive_apostrophe_not_after_sibilant_is_kept() -> None:
    assert strip_genitive("Kari'") == "Kari'"


def test_strip_genitive_unknown_person_needs_evidence() -> None:
    assert strip_genitive("Bidens") == "Bidens"
    assert strip_genitive("Aleksandrs") == "Aleksandrs"


def test_strip_genitive_uses_known_mentions() -> None:
    assert strip_genitive("Bidens", known=["Joe Biden"]) == "Biden"
    assert strip_genitive("Joe Bidens", known=["Biden"]) == "Joe Biden"
    assert strip_genitive("Joe Bidens", known={"Joe Biden"}) == "Joe Biden"
    assert strip_genitive("Støres", known=("Jonas Gahr Støre",)) == "Støre"
    assert strip_genitive("Aleksandrs", known=["Aleksandr Lukasjenko"]) == "Aleksandr"


def test_strip_genitive_known_is_case_insensitive() -> None:
    assert strip_genitive("Bidens", known=["JOE BIDEN"]) == "Biden"


def test_strip_genitive_known_does_not_override_never_strip() -> None:
    assert strip_genitive("Hamas", known=["Hama"]) == "Hamas"
    assert strip_genitive("Lars", known=["Lar"]) == "Lars"
    assert strip_genitive("Jens", known=["Jen"]) == "Jens"


def test_strip_genitive_morphology() -> None:
    assert strip_genitive("Bidens", is_genitive=True) == "Biden"
    assert strip_genitive("Joe Bidens", is_genitive=True) == "Joe Biden"
    assert strip_genitive("Russlands", is_genitive=False) == "Russlands"
    assert strip_genitive("Bidens", known=["Biden"], is_genitive=False) == "Bidens"


def test_strip_genitive_morphology_does_not_override_never_strip() -> None:
    assert strip_genitive("Lars", is_genitive=True) == "Lars"
    assert strip_genitive("Paris", is_genitive=True) == "Paris"


def test_strip_genitive_definite_institutions() -> None:
    assert strip_genitive("Forsvarets") == "Forsvaret"
    assert strip_genitive("Utenriksdepartementets") == "Utenriksdepartementet"
    assert strip_genitive("Biden-administrasjonens") == "Biden-administrasjonen"


def test_strip_genitive_trims_whitespace_and_handles_short_input() -> None:
    assert strip_genitive("  Russlands ") == "Russland"
    assert strip_genitive("s") == "s"
    assert strip_genitive("") == ""


# -------------------------------------------------------------- split_role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("utenriksminister Antony Blinken", ("utenriksminister", "Antony Blinken")),
        ("Russlands president Vladimir Putin", ("Russlands president", "Vladimir Putin")),
        ("Antony Blinken", (None, "Antony Blinken")),
        ("Statsminister Jonas Gahr Støre", ("Statsminister", "Jonas Gahr Støre")),
        ("tidligere statsminister Erna Solberg", ("tidligere statsminister", "Erna Solberg")),
        ("USAs tidligere president Donald Trump", ("USAs tidligere president", "Donald Trump")),
        ("Forsvarets pressetalsperson Kari Nordmann", ("Forsvarets pressetalsperson", "Kari Nordmann")),
        ("klima- og miljøminister Ola Hansen", ("klima- og miljøminister", "Ola Hansen")),
        ("administrerende direktør Eva Berg", ("administrerende direktør", "Eva Berg")),
        ("generalsekretær i NATO Mark Rutte", ("generalsekretær i NATO", "Mark Rutte")),
        ("fungerende politimester Per Dahl", ("fungerende politimester", "Per Dahl")),
        ("Ap-leder Jonas Gahr Støre", ("Ap-leder", "Jonas Gahr Støre")),
        ("Kong Harald", ("Kong", "Harald")),
        ("Vladimir Putin, Russlands president", ("Russlands president", "Vladimir Putin")),
        ("Hellas' statsminister Kostas Nikolaou", ("Hellas' statsminister", "Kostas Nikolaou")),
    ],
)
def test_split_role(text: str, expected: tuple[str | None, str]) -> None:
    assert split_role(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Jonas Gahr Støre", "Lars Andersen", "Anders Tegnell", "Hans Jensen", "statsministeren", "Paris"],
)
def test_split_role_without_role(text: str) -> None:
    assert split_role(text) == (None, text)


def test_split_role_needs_capitalised_name_after_role() -> None:
    assert split_role("statsminister sa") == (None, "statsminister sa")


# ------------------------------------------------------ role_before / after


def test_role_before_simple() -> None:
    doc = make_doc("Det sa utenriksminister Espen Barth Eide mandag.", [("Espen Barth Eide", "PER")])
    assert role_before(doc.ents[0]) == ("utenriksminister", 7, 23)


def test_role_before_with_genitive_owner() -> None:
    text = "I talen sa Russlands president Vladimir Putin at krigen fortsetter."
    doc = make_doc(text, [("Russlands", "GPE_LOC"), ("Vladimir Putin", "PER")])
    role, start, end = role_before(doc.ents[1])
    assert role == "Russlands president"
    assert text[start:end] == role


def test_role_before_with_modifier_and_owner() -> None:
    text = "Ifølge USAs tidligere president Donald Trump er avtalen dårlig."
    doc = make_doc(text, [("USAs", "GPE_LOC"), ("Donald Trump", "PER")])
    assert role_before(doc.ents[1])[0] == "USAs tidligere president"


def test_role_before_multi_token_entity_owner() -> None:
    text = "Dette sier Det hvite hus' talsperson Karen Smith til NTB."
    doc = make_doc(text, [("Det hvite hus'", "ORG"), ("Karen Smith", "PER")])
    assert role_before(doc.ents[1])[0] == "Det hvite hus' talsperson"


def test_role_before_compound_role() -> None:
    text = "Møtet ledes av klima- og miljøminister Ola Hansen i dag."
    doc = make_doc(text, [("Ola Hansen", "PER")])
    assert role_before(doc.ents[0])[0] == "klima- og miljøminister"


def test_role_before_with_organisation_complement() -> None:
    text = "Det mener leder i Norsk Folkehjelp Kari Lie."
    doc = make_doc(text, [("Norsk Folkehjelp", "ORG"), ("Kari Lie", "PER")])
    assert role_before(doc.ents[1])[0] == "leder i Norsk Folkehjelp"


def test_role_before_sentence_initial_capitalised_role() -> None:
    text = "Statsminister Jonas Gahr Støre holdt pressekonferanse."
    doc = make_doc(text, [("Jonas Gahr Støre", "PER")])
    assert role_before(doc.ents[0]) == ("Statsminister", 0, 13)


def test_role_before_does_not_cross_sentence_or_quote() -> None:
    doc = make_doc("Han er minister. Kari Lie kom.", [("Kari Lie", "PER")])
    assert role_before(doc.ents[0]) is None
    doc = make_doc("«Nei», sier forsker. «Kari Lie tar feil»", [("Kari Lie", "PER")])
    assert role_before(doc.ents[0]) is None


def test_role_before_function_word_is_not_an_owner() -> None:
    text = "Mens statsminister Jonas Gahr Støre talte, var det stille."
    doc = make_doc(text, [("Jonas Gahr Støre", "PER")])
    assert role_before(doc.ents[0])[0] == "statsminister"


def test_role_before_owner_that_is_a_person() -> None:
    text = "Det bekrefter Jonas Gahr Støres rådgiver Kari Lie."
    doc = make_doc(text, [("Jonas Gahr Støres", "PER"), ("Kari Lie", "PER")])
    assert role_before(doc.ents[1])[0] == "Jonas Gahr Støres rådgiver"


def test_role_before_none_without_role() -> None:
    doc = make_doc("I går møtte Kari Lie pressen.", [("Kari Lie", "PER")])
    assert role_before(doc.ents[0]) is None
    doc = make_doc("Kari Lie kom.", [("Kari Lie", "PER")])
    assert role_before(doc.ents[0]) is None


def test_role_after_appositive() -> None:
    text = "Vladimir Putin, Russlands president, sa at krigen fortsetter."
    doc = make_doc(text, [("Vladimir Putin", "PER"), ("Russlands", "GPE_LOC")])
    role, start, end = role_after(doc.ents[0])
    assert role == "Russlands president"
    assert text[start:end] == role


def test_role_after_at_end_and_with_organisation() -> None:
    doc = make_doc("Det sier Kari Lie, leder i Norsk Folkehjelp.", [("Kari Lie", "PER")])
    assert role_after(doc.ents[0])[0] == "leder i Norsk Folkehjelp"
    doc = make_doc("Det sier Kari Lie, forsker", [("Kari Lie", "PER")])
    assert role_after(doc.ents[0])[0] == "forsker"


def test_role_after_not_a_role() -> None:
    text = "Kari Lie, Ola Hansen og Per Dahl var til stede."
    doc = make_doc(text, [("Kari Lie", "PER"), ("Ola Hansen", "PER"), ("Per Dahl", "PER")])
    assert role_after(doc.ents[0]) is None
    doc = make_doc("Kari Lie sa ja.", [("Kari Lie", "PER")])
    assert role_after(doc.ents[0]) is None


# ------------------------------------------------------------ canonicalize


def test_canonicalize_links_surname_to_full_name() -> None:
    text = "President Joe Biden møtte Vladimir Putin. Biden sa at Putin ikke kan stoles på."
    doc = make_doc(
        text,
        [("Joe Biden", "PER"), ("Vladimir Putin", "PER"), ("Biden", "PER"), ("Putin", "PER")],
    )
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert [(e.text, e.canonical) for e in entities] == [
        ("Joe Biden", "Joe Biden"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Biden", "Joe Biden"),
        ("Putin", "Vladimir Putin"),
    ]
    assert entities[0].role == "President"


def test_canonicalize_suffix_and_chain() -> None:
    text = "Jonas Gahr Støre talte. Gahr Støre sa mer. Senere svarte Støre på spørsmål."
    doc = make_doc(text, [("Jonas Gahr Støre", "PER"), ("Gahr Støre", "PER"), ("Støre", "PER")])
    assert [c for _, c in canonicals(doc)] == ["Jonas Gahr Støre"] * 3


def test_canonicalize_first_name_links() -> None:
    doc = make_doc("Kari Nordmann vant. Kari var glad.", [("Kari Nordmann", "PER"), ("Kari", "PER")])
    assert canonicals(doc)[1] == ("Kari", "Kari Nordmann")


def test_canonicalize_short_mention_before_full_name_links_forward() -> None:
    text = "Støre var klar. Senere kom Jonas Gahr Støre og Erna Solberg."
    doc = make_doc(text, [("Støre", "PER"), ("Jonas Gahr Støre", "PER"), ("Erna Solberg", "PER")])
    assert canonicals(doc)[0] == ("Støre", "Jonas Gahr Støre")


def test_canonicalize_same_surname_prefers_most_recent_earlier() -> None:
    text = (
        "Erna Solberg talte først. Solberg var kritisk. "
        "Deretter talte Tor Solberg. Solberg var enig. Kari Lie svarte Solberg."
    )
    doc = make_doc(
        text,
        [
            ("Erna Solberg", "PER"),
            ("Solberg", "PER"),
            ("Tor Solberg", "PER"),
            ("Solberg", "PER"),
            ("Kari Lie", "PER"),
            ("Solberg", "PER"),
        ],
    )
    result = canonicals(doc)
    assert [c for t, c in result if t == "Solberg"] == ["Erna Solberg", "Tor Solberg", "Tor Solberg"]


def test_canonicalize_same_surname_first_mention_before_both_takes_first_later() -> None:
    text = "Solberg åpnet. Erna Solberg og Tor Solberg fulgte."
    doc = make_doc(text, [("Solberg", "PER"), ("Erna Solberg", "PER"), ("Tor Solberg", "PER")])
    assert canonicals(doc)[0] == ("Solberg", "Erna Solberg")


def test_canonicalize_person_not_linked_to_organisation() -> None:
    text = "Biden-administrasjonen varslet tiltak. Biden sa lite."
    doc = make_doc(text, [("Biden-administrasjonen", "ORG"), ("Biden", "PER")])
    assert canonicals(doc) == [
        ("Biden-administrasjonen", "Biden-administrasjonen"),
        ("Biden", "Biden"),
    ]


def test_canonicalize_person_not_linked_to_other_label_with_same_words() -> None:
    text = "Jonas Fjeld Band spilte. Fjeld kom senere."
    doc = make_doc(text, [("Jonas Fjeld Band", "ORG"), ("Fjeld", "PER")])
    assert canonicals(doc)[1] == ("Fjeld", "Fjeld")


def test_canonicalize_genitive_person_via_story_evidence() -> None:
    text = "Joe Biden kom til Oslo. Bidens tale ble godt mottatt."
    doc = make_doc(text, [("Joe Biden", "PER"), ("Oslo", "GPE_LOC"), ("Bidens", "PER")])
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert entities[2].canonical == "Joe Biden"


def test_canonicalize_genitive_full_name() -> None:
    text = "Jonas Gahr Støres regjering la fram budsjettet. Støre var fornøyd."
    doc = make_doc(text, [("Jonas Gahr Støres", "PER"), ("Støre", "PER")])
    assert canonicals(doc) == [
        ("Jonas Gahr Støres", "Jonas Gahr Støre"),
        ("Støre", "Jonas Gahr Støre"),
    ]


def test_canonicalize_genitive_without_evidence_is_kept() -> None:
    doc = make_doc("Kari Lies forslag falt.", [("Kari Lies", "PER")])
    assert canonicals(doc) == [("Kari Lies", "Kari Lies")]


def test_canonicalize_genitive_from_morphology() -> None:
    doc = make_doc("Kari Lies forslag falt.", [("Kari Lies", "PER")])
    doc[1].set_morph("Case=Gen")
    assert canonicals(doc) == [("Kari Lies", "Kari Lie")]


def test_canonicalize_non_genitive_morphology_blocks_stripping() -> None:
    doc = make_doc("Kari Lies forslag falt. Lie var skuffet.", [("Kari Lies", "PER"), ("Lie", "PER")])
    doc[1].set_morph("Case=Nom")
    assert canonicals(doc)[0] == ("Kari Lies", "Kari Lies")


def test_canonicalize_gpe_genitive_and_exact_matching() -> None:
    text = "Russlands angrep på Ukraina fortsetter. Russland nekter. Ukrainas forsvar holder. Paris reagerer."
    doc = make_doc(
        text,
        [
            ("Russlands", "GPE_LOC"),
            ("Ukraina", "GPE_LOC"),
            ("Russland", "GPE_ORG"),
            ("Ukrainas", "GPE_LOC"),
            ("Paris", "GPE_LOC"),
        ],
    )
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert [e.canonical for e in entities] == ["Russland", "Ukraina", "Russland", "Ukraina", "Paris"]
    assert all(e.role is None for e in entities)


def test_canonicalize_keeps_names_ending_in_s() -> None:
    text = "Lars og Hans reiste fra Moss til Hellas og Paris."
    doc = make_doc(
        text,
        [("Lars", "PER"), ("Hans", "PER"), ("Moss", "GPE_LOC"), ("Hellas", "GPE_LOC"), ("Paris", "GPE_LOC")],
    )
    assert [c for _, c in canonicals(doc)] == ["Lars", "Hans", "Moss", "Hellas", "Paris"]


def test_canonicalize_apostrophe_genitive() -> None:
    text = "Jens Hansen og Jens' bror besøkte Paris' ordfører."
    doc = make_doc(text, [("Jens Hansen", "PER"), ("Jens'", "PER"), ("Paris'", "GPE_LOC")])
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert [e.canonical for e in entities] == ["Jens Hansen", "Jens Hansen", "Paris"]


def test_canonicalize_acronym_in_parentheses() -> None:
    text = (
        "Forsvarets forskningsinstitutt (FFI) har laget en rapport. "
        "FFI mener trusselen øker. FFIs forskere er enige."
    )
    doc = make_doc(
        text,
        [
            ("Forsvarets forskningsinstitutt", "ORG"),
            ("FFI", "ORG"),
            ("FFI", "ORG"),
            ("FFIs", "ORG"),
        ],
    )
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert {e.canonical for e in entities} == {"Forsvarets forskningsinstitutt"}


def test_canonicalize_acronym_inside_entity_span() -> None:
    text = "Forsvarets forskningsinstitutt (FFI) varsler. FFI sier mer senere."
    doc = make_doc(text, [("Forsvarets forskningsinstitutt (FFI)", "ORG"), ("FFI", "ORG")])
    assert canonicals(doc) == [
        ("Forsvarets forskningsinstitutt (FFI)", "Forsvarets forskningsinstitutt"),
        ("FFI", "Forsvarets forskningsinstitutt"),
    ]


def test_canonicalize_mixed_case_party_acronym() -> None:
    text = "Arbeiderpartiet (Ap) sank på målingen. Aps nestleder var skuffet. Ap svarer ikke."
    doc = make_doc(text, [("Arbeiderpartiet", "ORG"), ("Ap", "ORG"), ("Aps", "ORG"), ("Ap", "ORG")])
    assert {c for _, c in canonicals(doc)} == {"Arbeiderpartiet"}


def test_canonicalize_acronym_not_merged_without_parentheses() -> None:
    text = "Forsvarets forskningsinstitutt har laget en rapport. FFI mener trusselen øker."
    doc = make_doc(text, [("Forsvarets forskningsinstitutt", "ORG"), ("FFI", "ORG")])
    assert canonicals(doc) == [
        ("Forsvarets forskningsinstitutt", "Forsvarets forskningsinstitutt"),
        ("FFI", "FFI"),
    ]


def test_canonicalize_dateline_parenthesis_is_not_an_acronym_link() -> None:
    text = "OSLO (NTB): Equinor varsler kutt. NTB har sett brevet."
    doc = make_doc(text, [("OSLO", "GPE_LOC"), ("Equinor", "ORG"), ("NTB", "ORG")])
    assert canonicals(doc) == [("OSLO", "OSLO"), ("Equinor", "Equinor"), ("NTB", "NTB")]


def test_canonicalize_dateline_agency_after_organisation_is_not_an_acronym() -> None:
    text = "OSLO (NTB): Politiet rykket ut. NTB fikk bekreftet saken."
    doc = make_doc(text, [("OSLO", "ORG"), ("Politiet", "ORG"), ("NTB", "ORG")])
    assert canonicals(doc)[2] == ("NTB", "NTB")


def test_every_agency_of_the_vocabulary_is_a_dateline_agency_not_an_acronym() -> None:
    # "STT" was missing from the old hand-kept list of six, so it was read as an acronym of HELSINKI
    text = "HELSINKI (STT): Nokia varsler kutt. STT har sett brevet."
    doc = make_doc(text, [("HELSINKI", "ORG"), ("Nokia", "ORG"), ("STT", "ORG")])
    assert canonicals(doc)[2] == ("STT", "STT")


def test_canonicalize_parenthesised_place_is_not_an_acronym() -> None:
    text = "Equinor (Stavanger) melder om vekst. Stavanger jubler."
    doc = make_doc(text, [("Equinor", "ORG"), ("Stavanger", "GPE_ORG")])
    assert canonicals(doc) == [("Equinor", "Equinor"), ("Stavanger", "Stavanger")]


def test_canonicalize_person_acronym_is_not_used_for_people() -> None:
    text = "Arbeiderpartiet (Ap) vant. Ap kom også inn i Bergen."
    doc = make_doc(text, [("Arbeiderpartiet", "ORG"), ("Ap", "PER"), ("Bergen", "GPE_LOC")])
    assert canonicals(doc)[1] == ("Ap", "Ap")


def test_canonicalize_acronym_genitive() -> None:
    text = "NATOs toppmøte starter. NATO samles i Haag. USAs president kommer."
    doc = make_doc(text, [("NATOs", "ORG"), ("NATO", "ORG"), ("Haag", "GPE_LOC"), ("USAs", "GPE_LOC")])
    assert [c for _, c in canonicals(doc)] == ["NATO", "NATO", "Haag", "USA"]


def test_canonicalize_trims_punctuation_and_quotes() -> None:
    text = "Avisen «Dagbladet» skriver om «Kari Lie». Lie svarer."
    doc = make_doc(text, [("«Dagbladet»", "ORG"), ("«Kari Lie»", "PER"), ("Lie", "PER")])
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    assert [e.canonical for e in entities] == ["Dagbladet", "Kari Lie", "Kari Lie"]


def test_canonicalize_canonical_never_empty() -> None:
    text = "Han ropte «» og gikk."
    doc = make_doc(text, [("«»", "MISC")])
    entities = canonicalize(doc)
    assert entities[0].canonical == "«»"


def test_canonicalize_roles_before_inside_and_after() -> None:
    text = (
        "Statsminister Jonas Gahr Støre møtte Vladimir Putin, Russlands president, i Moskva. "
        "Det bekreftet forsvarsminister Bjørn Arild Gram. Gram sa lite."
    )
    doc = make_doc(
        text,
        [
            ("Jonas Gahr Støre", "PER"),
            ("Vladimir Putin", "PER"),
            ("Russlands", "GPE_LOC"),
            ("Moskva", "GPE_LOC"),
            ("forsvarsminister Bjørn Arild Gram", "PER"),
            ("Gram", "PER"),
        ],
    )
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    roles = {e.text: (e.canonical, e.role) for e in entities}
    assert roles["Jonas Gahr Støre"] == ("Jonas Gahr Støre", "Statsminister")
    assert roles["Vladimir Putin"] == ("Vladimir Putin", "Russlands president")
    assert roles["Russlands"] == ("Russland", None)
    assert roles["forsvarsminister Bjørn Arild Gram"] == ("Bjørn Arild Gram", "forsvarsminister")
    assert roles["Gram"] == ("Bjørn Arild Gram", None)


def test_canonicalize_empty_doc_and_no_entities() -> None:
    assert canonicalize(NLP("")) == []
    assert canonicalize(NLP("Ingen navn her.")) == []


def test_canonicalize_offsets_hold_for_mixed_story() -> None:
    text = (
        "KYIV (NTB): Ukrainas president Volodymyr Zelenskyj ber om mer hjelp. "
        "«Vi trenger luftvern nå», sier Zelenskyj til NRK. "
        "Ifølge Forsvarets forskningsinstitutt (FFI) har Russland mistet mange soldater. "
        "FFIs seniorforsker Kari Lie sier at Zelenskyjs anslag er høyt."
    )
    doc = make_doc(
        text,
        [
            ("KYIV", "GPE_LOC"),
            ("Ukrainas", "GPE_LOC"),
            ("Volodymyr Zelenskyj", "PER"),
            ("Zelenskyj", "PER"),
            ("NRK", "ORG"),
            ("Forsvarets forskningsinstitutt", "ORG"),
            ("FFI", "ORG"),
            ("Russland", "GPE_LOC"),
            ("FFIs", "ORG"),
            ("Kari Lie", "PER"),
            ("Zelenskyjs", "PER"),
        ],
    )
    entities = canonicalize(doc)
    assert_offsets(doc, entities)
    grouped = by_text(entities)
    assert grouped["Volodymyr Zelenskyj"][0].role == "Ukrainas president"
    assert grouped["Zelenskyjs"][0].canonical == "Volodymyr Zelenskyj"
    assert grouped["FFIs"][0].canonical == "Forsvarets forskningsinstitutt"
    assert grouped["Kari Lie"][0].role == "FFIs seniorforsker"
    assert grouped["Ukrainas"][0].canonical == "Ukraina"


def test_canonical_entity_is_frozen() -> None:
    entity = CanonicalEntity("Biden", "PER", 0, 5, "Joe Biden", None)
    with pytest.raises(AttributeError):
        entity.canonical = "x"  # type: ignore[misc]


# ----------------------------------------------------------------- indexes


def story_entities() -> tuple[Doc, list[CanonicalEntity]]:
    text = (
        "Statsminister Jonas Gahr Støre møtte USAs president Joe Biden. "
        "Tidligere statsminister Erna Solberg var kritisk. "
        "Bidens svar kom raskt, og Støres kontor bekreftet møtet."
    )
    doc = make_doc(
        text,
        [
            ("Jonas Gahr Støre", "PER"),
            ("USAs", "GPE_LOC"),
            ("Joe Biden", "PER"),
            ("Erna Solberg", "PER"),
            ("Bidens", "PER"),
            ("Støres", "PER"),
        ],
    )
    return doc, canonicalize(doc)


def test_canonical_name_index() -> None:
    doc, entities = story_entities()
    assert_offsets(doc, entities)
    index = canonical_name_index(entities)
    assert index["jonas gahr støre"] == "Jonas Gahr Støre"
    assert index["støres"] == "Jonas Gahr Støre"
    assert index["støre"] == "Jonas Gahr Støre"
    assert index["bidens"] == "Joe Biden"
    assert index["biden"] == "Joe Biden"
    assert index["usas"] == "USA"
    assert index["usa"] == "USA"
    assert all(key == key.casefold() for key in index)


def test_canonical_name_index_includes_role_stripped_surface() -> None:
    text = "Det sa utenriksminister Espen Barth Eide."
    doc = make_doc(text, [("utenriksminister Espen Barth Eide", "PER")])
    index = canonical_name_index(canonicalize(doc))
    assert index["espen barth eide"] == "Espen Barth Eide"
    assert index["utenriksminister espen barth eide"] == "Espen Barth Eide"


def test_canonical_name_index_inline_acronym() -> None:
    text = "Forsvarets forskningsinstitutt (FFI) varsler. FFIs rapport kommer."
    doc = make_doc(text, [("Forsvarets forskningsinstitutt (FFI)", "ORG"), ("FFIs", "ORG")])
    index = canonical_name_index(canonicalize(doc))
    assert index["ffi"] == "Forsvarets forskningsinstitutt"
    assert index["ffis"] == "Forsvarets forskningsinstitutt"
    assert index["forsvarets forskningsinstitutt"] == "Forsvarets forskningsinstitutt"


def test_canonical_name_index_drops_ambiguous_keys() -> None:
    entities = [
        CanonicalEntity("Solberg", "PER", 0, 7, "Erna Solberg"),
        CanonicalEntity("Solberg", "PER", 20, 27, "Tor Solberg"),
        CanonicalEntity("Erna Solberg", "PER", 30, 42, "Erna Solberg"),
    ]
    index = canonical_name_index(entities)
    assert "solberg" not in index
    assert index["erna solberg"] == "Erna Solberg"


def test_role_index_and_resolution() -> None:
    _, entities = story_entities()
    roles = role_index(entities)
    assert roles["statsminister"] == "Jonas Gahr Støre"
    assert roles["usas president"] == "Joe Biden"
    assert roles["president"] == "Joe Biden"
    assert roles["tidligere statsminister"] == "Erna Solberg"
    assert resolve_role_mention("statsministeren", roles) == "Jonas Gahr Støre"
    assert resolve_role_mention("Statsministeren", roles) == "Jonas Gahr Støre"
    assert resolve_role_mention("presidenten", roles) == "Joe Biden"
    assert resolve_role_mention("USAs president", roles) == "Joe Biden"
    assert resolve_role_mention("den tidligere statsministeren", roles) == "Erna Solberg"
    assert resolve_role_mention("«statsministeren»,", roles) == "Jonas Gahr Støre"
    assert resolve_role_mention("utenriksministeren", roles) is None


def test_role_index_two_people_with_same_role_noun_is_ambiguous() -> None:
    text = "USAs president Joe Biden ringte Russlands president Vladimir Putin."
    doc = make_doc(
        text,
        [("USAs", "GPE_LOC"), ("Joe Biden", "PER"), ("Russlands", "GPE_LOC"), ("Vladimir Putin", "PER")],
    )
    roles = role_index(canonicalize(doc))
    assert "president" not in roles
    assert resolve_role_mention("presidenten", roles) is None
    assert resolve_role_mention("Russlands president", roles) == "Vladimir Putin"
    assert resolve_role_mention("USAs president", roles) == "Joe Biden"


def test_role_index_modifier_and_definite_forms() -> None:
    entities = [
        CanonicalEntity("Kari Lie", "PER", 0, 8, "Kari Lie", "fungerende politimester"),
        CanonicalEntity("Harald", "PER", 10, 16, "Harald", "Kong"),
        CanonicalEntity("Mette", "PER", 20, 25, "Mette", "kronprinsesse"),
        CanonicalEntity("Ola Dahl", "PER", 30, 38, "Ola Dahl", "klima- og miljøminister"),
        CanonicalEntity("Kari Lie", "ORG", 40, 48, "Kari Lie", "sjef"),
    ]
    roles = role_index(entities)
    assert resolve_role_mention("politimesteren", roles) == "Kari Lie"
    assert resolve_role_mention("den fungerende politimesteren", roles) == "Kari Lie"
    assert resolve_role_mention("kongen", roles) == "Harald"
    assert resolve_role_mention("kronprinsessen", roles) == "Mette"
    assert resolve_role_mention("klima- og miljøministeren", roles) == "Ola Dahl"
    assert resolve_role_mention("sjefen", roles) is None


def test_role_index_future_role_is_not_a_bare_role() -> None:
    entities = [
        CanonicalEntity("Kari Lie", "PER", 0, 8, "Kari Lie", "påtroppende statsminister"),
        CanonicalEntity("Ola Dahl", "PER", 10, 18, "Ola Dahl", "avtroppende statsminister"),
    ]
    roles = role_index(entities)
    assert resolve_role_mention("statsministeren", roles) == "Ola Dahl"
    assert resolve_role_mention("påtroppende statsminister", roles) == "Kari Lie"


def test_resolve_role_mention_unknown_and_empty() -> None:
    assert resolve_role_mention("", {}) is None
    assert resolve_role_mention("statsministeren", {}) is None



# ---------------------------------------------------------------- property

_PROPERTY_TEXT = (
    "Statsminister Jonas Gahr Støre møtte Russlands president Vladimir Putin, "
    "sier Forsvarets forskningsinstitutt (FFI). «Støres svar», sa Lars' bror i Paris' gater. "
    "Kari Lie, leder i Norsk Folkehjelp, og klima- og miljøminister Ola Hansen kom til Hellas."
)
_PROPERTY_TOKENS = len(NLP(_PROPERTY_TEXT))
_LABELS = ["PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC"]


@st.composite
def random_entities(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    """Non-overlapping token spans of up to five tokens with random labels."""
    cuts = sorted(draw(st.sets(st.integers(0, _PROPERTY_TOKENS), max_size=24)))
    return [
        (start, end, draw(st.sampled_from(_LABELS)))
        for start, end in zip(cuts[::2], cuts[1::2])
        if end - start <= 5
    ]


@settings(max_examples=150, deadline=None, database=None)
@given(random_entities())
def test_canonicalize_offsets_and_non_empty_for_arbitrary_entities(
    spans: list[tuple[int, int, str]],
) -> None:
    doc = NLP(_PROPERTY_TEXT)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    entities = canonicalize(doc)
    assert len(entities) == len(spans)
    assert_offsets(doc, entities)
    canonical_name_index(entities)
    role_index(entities)


def test_canonicalize_completes_a_person_cut_short() -> None:
    doc = make_doc("Det sier bloggeren Anatolij Sjarij på YouTube.", [("Anatolij", "PER"), ("YouTube", "ORG")])
    for token in doc:
        token.pos_ = "PROPN" if token.text[:1].isupper() else "NOUN"
    assert canonicals(doc) == [("Anatolij Sjarij", "Anatolij Sjarij"), ("YouTube", "YouTube")]
    doc = NLP("Svarte Ola Nordmann svarte.")
    for token in doc:
        token.pos_ = "PROPN"
        token.is_sent_start = token.i in (0, 2)
    doc.ents = [doc.char_span(7, 10, label="PER")]
    assert canonicals(doc) == [("Ola", "Ola")]  # a new sentence is no part of the name
