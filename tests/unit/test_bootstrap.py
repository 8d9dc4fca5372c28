"""Bootstrap intervals over documents (service/nlp/evaluation/bootstrap.py)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from service.nlp.evaluation.bootstrap import difference_interval, entity_counts, f_interval, micro_f

NLP = spacy.blank("nb")


def test_counts_compare_offsets_and_labels() -> None:
    words = ["Erna", "Solberg", "besøkte", "Bergen", "og", "NRK"]
    gold = Doc(NLP.vocab, words=words, ents=["B-PER", "I-PER", "O", "B-GPE_LOC", "O", "B-ORG"])
    predicted = Doc(NLP.vocab, words=words, ents=["O", "B-PER", "O", "B-GPE_LOC", "O", "B-PROD"])
    assert entity_counts([Example(predicted, gold)]) == [(1, 2, 2)]  # Bergen right; Solberg, NRK wrong


def test_micro_f_pools_the_counts() -> None:
    assert micro_f([(8, 2, 2), (0, 0, 0)]) == pytest.approx(80.0)
    assert micro_f([(1, 1, 0), (1, 0, 1)]) == pytest.approx(200 * 2 / (4 + 1 + 1))
    assert micro_f([(0, 0, 0)]) == 0.0


def test_the_interval_holds_the_score_and_narrows_with_more_documents() -> None:
    stories = [(9, 1, 1), (5, 5, 5), (10, 0, 2), (3, 4, 1)] * 5
    low, high = f_interval(stories)
    assert low < micro_f(stories) < high
    wide = high - low
    low, high = f_interval(stories * 8)
    assert high - low < wide / 2


def test_identical_stories_leave_no_doubt() -> None:
    assert f_interval([(8, 2, 2)] * 30) == (80.0, 80.0)


def test_the_difference_is_paired() -> None:
    # b misses one mention more than a in every story: the stories vary a lot, the gap does not
    a = [(9, 1, 1), (2, 8, 8), (10, 0, 0), (4, 3, 6)] * 6
    b = [(tp - 1, fp, fn + 1) for tp, fp, fn in a]
    low, high = difference_interval(a, b)
    assert 0 < low <= micro_f(a) - micro_f(b) <= high
    assert high - low < (f_interval(a)[1] - f_interval(a)[0]) / 2
    assert difference_interval(a, a) == (0.0, 0.0)
    with pytest.raises(ValueError):
        difference_interval(a, b[:-1])
    with pytest.raises(ValueError):
        f_interval([])
