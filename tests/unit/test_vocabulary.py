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
