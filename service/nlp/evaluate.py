"""Score a Bokmål pipeline on NorNE and (re)build the shipped model.

    newswire model evaluate --split dev      # JSON: NER P/R/F overall and per label,
                                             # tag/POS/morph accuracy, UAS/LAS, words/s
    newswire model train                      # convert, train, evaluate, install

Test is for reporting only: nothing here selects or tunes on it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.training import Example

from service.nlp.norne import convert, default_norne, split_docs
from service.nlp.pipeline import MODEL_DIR

CONFIG = Path(__file__).resolve().parents[2] / "training" / "newswire_nb.cfg"
SPEED_REPEATS = 3


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value * 100, 2)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def words_per_second(nlp: spacy.Language, texts: list[str]) -> float:
    """Best of a few full-pipeline passes (the first also warms caches)."""
    n_words = sum(len(nlp.make_doc(t)) for t in texts)
    best = float("inf")
    for _ in range(SPEED_REPEATS):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        best = min(best, time.perf_counter() - start)
    return n_words / best


def evaluate(split: str = "dev", *, norne: Path | None = None, model: Path | None = None,
             speed: bool = True) -> dict[str, Any]:
    """Scores in percent, as spaCy prints them, plus words/s of the whole pipeline."""
    nlp = spacy.load(model or MODEL_DIR)
    gold = split_docs(nlp.vocab, norne or default_norne(), split)
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    scores = nlp.evaluate(examples)
    keep = ["ents_p", "ents_r", "ents_f", "ents_per_type", "tag_acc", "pos_acc", "morph_acc",
            "lemma_acc", "dep_uas", "dep_las", "sents_f"]
    result = {k: _round(scores[k]) for k in keep if k in scores}
    result.update(
        split=split,
        model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        words=sum(len(d) for d in gold),
    )
    if speed:
        result["words_per_second"] = round(words_per_second(nlp, [d.text for d in gold]))
    return result


def train(*, norne: Path | None = None, out: Path = Path("runs/model"), config: Path = CONFIG) -> int:
    """Convert NorNE, train with the committed config, install model-best into the package.

    Runs in the foreground; for long runs start it with ``nohup`` (see ``make model``).
    """
    corpus = out / "corpus"
    print(convert(norne or default_norne(), corpus))
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(out),
           "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    code = subprocess.call(cmd)
    if code:
        return code
    install(out / "model-best")
    return 0


def install(trained: Path, target: Path = MODEL_DIR, version: str = "0.1.0") -> None:
    """Copy a trained pipeline to where ``load_pipeline`` finds it, named nb_newswire."""
    nlp = spacy.load(trained)
    nlp.meta.update(name="newswire", version=version,
                    license="CC0-1.0 (NorNE annotations); see MODEL_CARD.md")
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
