"""Score a Bokmål pipeline on NorNE, and compare two.

    newswire model evaluate --split dev      # JSON: NER P/R/F overall and per label,
                                             # tag/POS/morph accuracy, UAS/LAS, words/s
    newswire model compare A [B]             # entity F of two pipelines, paired interval

Test is for reporting only: nothing here selects or tunes on it. Training and installing
the model is :mod:`service.nlp.training.train`.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import spacy
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from service.nlp.evaluation.bootstrap import difference_interval, entity_counts, f_interval, micro_f
from service.nlp.mentions.repair import repair_entities
from service.nlp.evaluation.norne import default_norne, split_docs
from service.nlp.pipeline import MODEL_DIR, load_model

SPEED_REPEATS = 3
# Stories per nlp.pipe call, as the worker sees them (NEWSWIRE_BATCH_SIZE; spaCy benchmark speed --batch-size 32).
BATCH = 32


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
        for _doc in nlp.pipe(texts, batch_size=BATCH):
            pass
        best = min(best, time.perf_counter() - start)
    return n_words / best


def evaluate(split: str = "dev", *, norne: Path | None = None, model: Path | None = None,
             speed: bool = True) -> dict[str, Any]:
    """Scores in percent, as spaCy prints them, plus words/s of the whole pipeline.

    The entity scores are those of the entities the service uses: the model's, then
    repaired by :mod:`service.nlp.mentions.repair`; ``model_ents_f`` is the model alone.
    """
    nlp = load_model(model or MODEL_DIR)  # as the service loads it
    gold = split_docs(nlp.vocab, norne or default_norne(), split)
    examples = annotated(nlp, gold)
    scores = Scorer(nlp).score(examples)
    interval: dict[str, list[float]] = {}  # already in percent, unlike spaCy's scores
    keep = ["ents_p", "ents_r", "ents_f", "ents_per_type", "tag_acc", "pos_acc", "morph_acc",
            "lemma_acc", "dep_uas", "dep_las", "sents_f"]
    if "ner" in nlp.pipe_names:
        keep.append("model_ents_f")
        scores["model_ents_f"] = scores["ents_f"]
        for eg in examples:
            repair_entities(eg.predicted)
        scores.update(Scorer.score_spans(examples, "ents"))
        # how far the score would move with other stories of the same kind (service.nlp.evaluation.bootstrap)
        interval["ents_f_ci95"] = list(f_interval(entity_counts(examples)))
        nlp.add_pipe("newswire_entity_repair", after="ner")  # timed as the service runs it
    result = {k: _round(scores[k]) for k in keep if k in scores}
    result.update(
        interval,
        split=split,
        model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        words=sum(len(d) for d in gold),
    )
    if speed:
        result["words_per_second"] = round(words_per_second(nlp, [d.text for d in gold]))
    return result


def annotated(nlp: spacy.Language, gold: list[Doc], *, repaired: bool = False) -> list[Example]:
    """Examples pairing each gold doc with the pipeline's annotation of its text; with
    ``repaired``, its entities mended by the entity repair, as the service sees them."""
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    for eg, doc in zip(examples, nlp.pipe(eg.predicted for eg in examples)):
        eg.predicted = repair_entities(doc) if repaired else doc
    return examples


def compare(split: str, model_a: Path, model_b: Path, *, norne: Path | None = None) -> dict[str, Any]:
    """Entity F (repaired, as the service sees it) of two pipelines on the same stories, each
    with its 95 % interval, and the paired interval of the difference F(a) − F(b)."""
    counts: list[Any] = []
    result: dict[str, Any] = {"split": split}
    for key, path in (("a", model_a), ("b", model_b)):
        nlp = load_model(path)
        examples = annotated(nlp, split_docs(nlp.vocab, norne or default_norne(), split), repaired=True)
        counts.append(entity_counts(examples))
        result[key] = {"model": str(path), "ents_f": round(micro_f(counts[-1]), 2),
                       "ents_f_ci95": list(f_interval(counts[-1]))}
    result["difference"] = round(result["a"]["ents_f"] - result["b"]["ents_f"], 2)
    result["difference_ci95"] = list(difference_interval(*counts))
    return result
