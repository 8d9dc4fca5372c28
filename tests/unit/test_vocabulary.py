"""The shared Norwegian vocabulary (service.nlp.lang.vocabulary) and the extractors reading it.

The loader tests need no model; they check every data file reads, and that no list names
a word twice.
"""
from __future__ import annotations

import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

import service
from service.nlp.lang.vocabulary import reporting_verbs, word_list

DATA = files("service.nlp.lang") / "data"
WORD_LISTS = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".txt"))
TABLES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv"))
KINDS = frozenset({
    "speech", "information", "cognition", "bare_clause", "naming", "manner", "after_quote",
    "question", "document", "estimate", "denial", "projection", "evidence",
})


def test_the_data_files_ship_with_the_package() -> None:
    assert "agencies.txt" in WORD_LISTS and "reporting_verbs.tsv" in TABLES


@pytest.mark.parametrize("name", WORD_LISTS)
def test_every_word_list_reads_without_repeats(name: str) -> None:
    entries = word_list(name)
    assert entries, name
    folded = [entry.lower() for entry in entries]
    assert len(folded) == len(set(folded)), sorted({e for e in folded if folded.count(e) > 1})
    assert all(entry == entry.strip() and "\t" not in entry for entry in entries)


@pytest.mark.parametrize("name", TABLES)
def test_every_reporting_verb_table_reads(name: str) -> None:
    verbs = reporting_verbs(name=name)
    assert verbs
    lemmas = [verb.lemma for verb in verbs]
    assert len(lemmas) == len(set(lemmas)), name
    for verb in verbs:
        assert verb.forms and len(verb.forms) == len(set(verb.forms)), verb
        assert verb.kinds and verb.kinds <= KINDS, verb


def test_a_form_belongs_to_one_single_word_verb() -> None:
    seen: dict[str, str] = {}
    for verb in reporting_verbs():
        if verb.particle:
            continue
        for form in verb.forms:
            assert seen.setdefault(form, verb.lemma) == verb.lemma, form


def test_a_named_section_keeps_its_entries_out_of_the_main_list() -> None:
    assert word_list("agencies.txt", "") == word_list("agencies.txt")
    with pytest.raises(KeyError):
        word_list("agencies.txt", "no such section")


def test_reporting_verbs_select_by_kind() -> None:
    assert {verb.lemma for verb in reporting_verbs("cognition")} >= {"mene", "tro"}
    assert all("naming" in verb.kinds for verb in reporting_verbs("naming"))
    particle_verbs = {verb.lemma: verb.particle for verb in reporting_verbs() if verb.particle}
    assert particle_verbs["slå fast"] == "fast"


def test_the_wire_formats_read_the_agencies_without_spacy() -> None:
    code = ("import sys, service.formats.text_layout as t; "
            "assert 'reuters' in t.AGENCIES; assert 'spacy' not in sys.modules")
    root = Path(service.__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(root)})


# ------------------------------------------------------------ every extractor reads the same lists


def test_quotes_and_claims_know_the_same_media_unnamed_sources_and_documents() -> None:
    from service.nlp.claims import source_words
    from service.nlp.quotes import lexicon

    assert lexicon.NEWS_OUTLETS == set(source_words.MEDIA)
    assert lexicon.ANONYMOUS_NOUNS == set(source_words.ANONYMOUS_HEADS)
    assert lexicon.DOCUMENT_NOUNS == source_words.DOCUMENT_HEADS
    assert lexicon.ACCORDING_PREPOSITIONS == source_words.ACCORDING_PREPOSITIONS >= {"ifølge", "iflg."}
    assert source_words.MEDIA["klassekampen"] == "Klassekampen" and "haaretz" in lexicon.NEWS_OUTLETS


def test_the_wire_formats_know_every_agency_the_extractors_know() -> None:
    from service.formats.text_layout import AGENCIES
    from service.nlp.quotes.lexicon import NEWS_OUTLETS

    agencies = {name.lower() for name in word_list("agencies.txt")}
    assert agencies == AGENCIES and agencies <= NEWS_OUTLETS


def test_a_form_both_extractors_read_has_one_lemma() -> None:
    from service.nlp.claims.source_words import REPORTING_FORMS
    from service.nlp.quotes.lexicon import CUE_FORMS

    shared = set(CUE_FORMS) & set(REPORTING_FORMS)
    assert {"sier", "anslår", "venter", "hevdes"} <= shared
    assert all(CUE_FORMS[form] == REPORTING_FORMS[form] for form in shared)
    assert "kaller" in CUE_FORMS and "kaller" not in REPORTING_FORMS  # naming a fragment states no claim
    assert "viser" in REPORTING_FORMS and "viser" not in CUE_FORMS  # "tallene viser at": evidence, not a quote




def _claimants(nlp, text: str) -> list[tuple[str, str]]:
    return [(c["claimant"]["canonical"], c["claimant"]["type"]) for c in nlp(text)._.claims]


def test_a_claim_reported_by_a_medium_the_quotes_knew(nlp) -> None:
    text = "Russland har samlet 100.000 soldater ved grensen, melder Klassekampen."
    assert _claimants(nlp, text) == [("Klassekampen", "media")]


def test_a_quote_relayed_by_a_medium_the_claims_knew(nlp) -> None:
    (quote,) = nlp("– Vi er klare, sier Benny Gantz til Haaretz.")._.quotes
    assert [source["canonical"] for source in quote["sources"]] == ["Benny Gantz", "Haaretz"]


def test_a_quote_introduced_by_a_verb_the_claims_knew(nlp) -> None:
    (quote,) = nlp("Økonomene venter at renten stiger.")._.quotes
    assert (quote["kind"], quote["text"]) == ("indirect", "renten stiger")


def test_estimates_with_an_author_are_documents_and_without_one_unnamed_sources(nlp) -> None:
    assert _claimants(nlp, "Ifølge anslag fra FN har Russland samlet 100.000 soldater ved grensen.") \
        == [("FN", "organisation")]
    assert _claimants(nlp, "Ifølge israelske anslag har Hizbollah 40.000 soldater.") \
        == [("israelske anslag", "anonymous")]
    (quote,) = nlp("Ifølge israelske anslag har Hizbollah 40.000 soldater.")._.quotes
    assert quote["speaker_type"] == "anonymous"


def test_a_claim_according_to_an_abbreviated_ifolge(nlp) -> None:
    text = "Russland har samlet 100.000 soldater ved grensen, iflg. Reuters."
    assert _claimants(nlp, text) == [("Reuters", "media")]
