"""The span-majority vote of bench/ner_vote.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy

spec = importlib.util.spec_from_file_location("ner_vote", Path(__file__).parents[2] / "bench" / "ner_vote.py")
ner_vote = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ner_vote)

NLP = spacy.blank("nb")


def test_a_mention_stays_when_most_pipelines_predict_it() -> None:
    doc = NLP("Erna Solberg besøkte Bergen og NRK")
    erna, solberg, bergen, nrk = (0, 12, "PER"), (5, 12, "PER"), (21, 27, "GPE_LOC"), (31, 34, "ORG")
    votes = [{erna, bergen, nrk}, {erna, (21, 27, "LOC")}, {solberg, bergen, (31, 34, "PROD")}]
    result = ner_vote.voted(doc, votes)
    assert [(e.text, e.label_) for e in result.ents] == [("Erna Solberg", "PER"), ("Bergen", "GPE_LOC")]
    assert not doc.ents  # the vote writes a copy


def test_an_even_split_keeps_nothing_and_overlaps_go_to_the_longest() -> None:
    doc = NLP("Erna Solberg besøkte Bergen")
    assert not ner_vote.voted(doc, [{(21, 27, "GPE_LOC")}, {(21, 27, "LOC")}]).ents
    both = [{(0, 12, "PER"), (5, 12, "PER")}] * 3
    assert [e.text for e in ner_vote.voted(doc, both).ents] == ["Erna Solberg"]
