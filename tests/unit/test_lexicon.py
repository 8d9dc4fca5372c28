"""The lexicon table option of model training (service/nlp/training/lexicon.py)."""
from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.training import Example
from spacy.vectors import Vectors
from spacy.attrs import ORTH

from service.nlp.training import train as training
from service.nlp.training import lexicon


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
    assert training.train(out=tmp_path, lexicon=True) == 2
    assert "pip install -e '.[train]'" in capsys.readouterr().err


def test_compacting_shares_identical_rows_and_keeps_every_lookup() -> None:
    nlp = spacy.blank("nb")
    data = numpy.array([[1, 0], [0, 1], [1, 0], [1, 0]], dtype="f")
    vectors = Vectors(strings=nlp.vocab.strings, data=data)
    words = ["Tromsø", "soldater", "Bergen", "Oslo"]
    for row, word in enumerate(words):
        vectors.add(nlp.vocab.strings.add(word), row=row)
    nlp.vocab.vectors = vectors
    nlp.vocab.strings.add("PER")  # a label, not a table word: it stays
    expected = {word: vectors[word].copy() for word in words}

    assert lexicon.compact(nlp.vocab) == (4, 2)
    table = nlp.vocab.vectors
    assert table.shape == (2, 2)
    assert "PER" in nlp.vocab.strings and not any(word in nlp.vocab.strings for word in words)
    doc = nlp("Tromsø , Bergen , Oslo og soldater")  # tokenizing adds the strings back
    for token in doc:
        if token.text in expected:
            assert numpy.array_equal(table.data[table.find(key=token.orth)], expected[token.text])
        else:
            assert table.find(key=token.orth) == -1


def test_an_installed_model_keeps_the_labels_that_are_also_table_words(tmp_path: Path) -> None:
    nlp = spacy.blank("nb")
    tagger = nlp.add_pipe("tagger")
    words = ["Russland", "sender", "soldater"]
    examples = [Example.from_dict(nlp.make_doc(" ".join(words)), {"tags": ["subst", "verb", "subst"]})]
    nlp.initialize(lambda: examples)
    # the table knows "verb" and "subst" as words: the tagger's labels must survive compacting
    data = numpy.ones((3, 2), dtype="f")
    vectors = Vectors(strings=nlp.vocab.strings, data=data)
    for row, word in enumerate(["verb", "subst", "soldater"]):
        vectors.add(nlp.vocab.strings.add(word), row=row)
    nlp.vocab.vectors = vectors
    for _ in range(20):
        nlp.update(examples)
    assert set(tagger.labels) == {"subst", "verb"}

    training.install_nlp(nlp, tmp_path / "model", "0.0.1")
    installed = spacy.load(tmp_path / "model")
    assert installed.vocab.vectors.shape == (1, 2)  # three identical rows, one kept
    assert [token.tag_ for token in installed(" ".join(words))] == ["subst", "verb", "subst"]


@pytest.mark.parametrize(("cyrillic", "ukrainian", "norwegian"), [
    ("Шойгу", False, "Sjojgu"), ("Сергей", False, "Sergej"), ("Щукин", False, "Sjtsjukin"),
    ("Зеленський", True, "Zelenskyj"), ("Олександр", True, "Oleksandr"), ("Hansen", False, "Hansen"),
])
def test_cyrillic_names_are_romanised_as_norwegian_papers_write_them(cyrillic: str, ukrainian: bool,
                                                                     norwegian: str) -> None:
    assert lexicon.romanise(cyrillic, ukrainian=ukrainian) == norwegian


def test_person_names_cover_norwegian_and_romanised_names() -> None:
    pytest.importorskip("faker")  # the [train] extra
    first, surnames = lexicon.person_names()
    assert {"Trond", "Ingrid", "Sergej"} <= first
    assert {"Solberg", "Ivanov"} <= surnames
    assert all(name.isalpha() for name in first | surnames)
