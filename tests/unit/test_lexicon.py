"""The lexicon table option of model training (service/nlp/lexicon.py)."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import ORTH

from service.nlp import evaluate, lexicon


def test_the_table_finds_a_word_in_lower_case_and_capitalised(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    row = numpy.arange(len(lexicon.FEATURES), dtype="f") / 10
    monkeypatch.setattr(lexicon, "build_table", lambda: {"tromsø": row, "soldater": row * 0 + 0.5})
    assert lexicon.write_pipeline(tmp_path / "table") == 2
    nlp = spacy.load(tmp_path / "table")  # as training loads it: keyed by the word as written
    vectors = nlp.vocab.vectors
    assert vectors.shape == (2, len(lexicon.FEATURES)) and vectors.attr == ORTH
    doc = nlp("Tromsø og tromsø")
    rows = [vectors.find(key=token.orth) for token in doc]
    assert rows[0] == rows[2] >= 0 and rows[1] == -1  # both spellings find the row; "og" has none
    assert numpy.allclose(vectors.data[rows[0]], row)


def test_training_with_the_lexicon_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "train.spacy").write_bytes(b"")  # conversion is not what this test is about

    def missing(out: Path) -> int:
        raise ImportError("No module named 'wordfreq'")

    monkeypatch.setattr(lexicon, "write_pipeline", missing)
    assert evaluate.train(out=tmp_path, lexicon=True) == 2
    assert "pip install -e '.[train]'" in capsys.readouterr().err
