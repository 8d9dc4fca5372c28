"""The resumable NoReC pretraining driver (training/pretrain.py): where it resumes, and the
committed snapshot a fresh checkout resumes from."""
from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "training" / "pretrain.py"


@pytest.fixture
def pretrain(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("pretrain_driver", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SNAPSHOT", tmp_path / "snap" / "tok2vec.bin")
    monkeypatch.setattr(module, "SNAPSHOT_STATE", tmp_path / "snap" / "tok2vec.json")
    return module


def test_it_resumes_after_the_last_finished_step(pretrain, tmp_path) -> None:
    weights = tmp_path / "weights"
    weights.mkdir()
    assert pretrain.last_step(weights) == -1
    for name in ("model0.bin", "model1.bin", "model11.bin", "model-last.bin", "model3.temp.bin"):
        (weights / name).write_bytes(b"w")
    assert pretrain.last_step(weights) == 11


def test_paragraphs_of_five_words_or_more_are_the_text(pretrain, tmp_path) -> None:
    corpus = tmp_path / "norec.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "1", "text": "Tittel\n\nDette er et  avsnitt med\nseks ord.\n\nKort."}) + "\n")
    assert list(pretrain.norec_paragraphs(corpus)) == ["Dette er et avsnitt med seks ord."]


def test_a_fresh_checkout_resumes_from_the_committed_snapshot(pretrain, tmp_path) -> None:
    finished, fresh = tmp_path / "finished", tmp_path / "fresh"
    finished.mkdir()
    fresh.mkdir()
    (finished / "model4.bin").write_bytes(b"weights after five shards")
    assert pretrain.snapshot(finished, shards=18) == 4
    pretrain.restore(fresh, shards=18)
    assert (fresh / "model4.bin").read_bytes() == b"weights after five shards"
    other = tmp_path / "other"
    other.mkdir()
    pretrain.restore(other, shards=20)  # other shards: the snapshot's steps mean something else
    assert pretrain.last_step(other) == -1
