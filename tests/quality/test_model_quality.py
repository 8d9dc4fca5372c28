"""The shipped Bokmål model against NorNE dev: a floor that fails the build if it drops.

Test is never used here: it is for reporting (``newswire model evaluate --split test``).
"""
import json

import pytest
import spacy
from spacy.tokens import DocBin

from service.nlp.evaluation.model import compare, evaluate
from service.nlp.training.train import write_raw_text
from service.nlp.pipeline import MODEL_DIR

pytestmark = pytest.mark.quality

# Floors a little under the shipped model's dev scores (see service/models/MODEL_CARD.md).
NER_F_FLOOR = 79.0  # the repaired entities the service uses (80.1 on dev)
MODEL_NER_F_FLOOR = 78.0  # the model alone (79.2 on dev)
SIZE_CAP_MB = 50
LAS_FLOOR = 86.5
TAG_FLOOR = 97.5


@pytest.fixture(scope="module")
def dev_scores(norne_dir) -> dict:
    assert (MODEL_DIR / "config.cfg").is_file(), f"the trained model is missing from {MODEL_DIR}"
    return evaluate("dev", norne=norne_dir, speed=False)


def test_ner_f_on_dev_stays_above_floor(dev_scores):
    assert dev_scores["ents_f"] >= NER_F_FLOOR, dev_scores
    assert dev_scores["model_ents_f"] >= MODEL_NER_F_FLOOR, dev_scores


def test_the_dev_score_comes_with_its_document_bootstrap_interval(dev_scores):
    low, high = dev_scores["ents_f_ci95"]
    assert low < dev_scores["ents_f"] < high
    assert 1.0 < high - low < 15.0  # 123 stories: a few points either way, not zero, not everything


def test_a_model_compared_with_itself_differs_by_nothing(norne_dir):
    result = compare("dev", MODEL_DIR, MODEL_DIR, norne=norne_dir)
    assert result["a"]["ents_f"] == result["b"]["ents_f"] > 0
    assert result["difference"] == 0.0 and result["difference_ci95"] == [0.0, 0.0]
    assert result["a"]["ents_f_ci95"][0] < result["a"]["ents_f"] < result["a"]["ents_f_ci95"][1]


def test_the_shipped_model_stays_under_the_size_cap():
    size = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    assert size <= SIZE_CAP_MB * 1_000_000, f"{size / 1e6:.1f} MB"


def test_every_norne_label_is_predicted(dev_scores):
    per_type = dev_scores["ents_per_type"]
    for label in ("PER", "ORG", "GPE_LOC", "GPE_ORG", "LOC", "PROD", "DRV", "EVT"):
        assert label in per_type and per_type[label]["f"] > 0, (label, per_type.get(label))


def test_parser_and_tagger_stay_above_floor(dev_scores):
    assert dev_scores["dep_las"] >= LAS_FLOOR, dev_scores
    assert dev_scores["tag_acc"] >= TAG_FLOOR, dev_scores


def test_pretraining_text_is_one_sentence_a_line(tmp_path) -> None:
    nlp = spacy.blank("nb")
    doc = nlp("Russland har 90.000 soldater ved grensen. Ukraina svarer.")
    doc[7].is_sent_start = True
    DocBin(docs=[doc]).to_disk(tmp_path / "train.spacy")
    assert write_raw_text(tmp_path / "train.spacy", tmp_path / "raw.jsonl") == 2
    lines = [json.loads(line) for line in (tmp_path / "raw.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == [{"text": "Russland har 90.000 soldater ved grensen."}, {"text": "Ukraina svarer."}]
