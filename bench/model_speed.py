"""Words per second of Bokmål pipelines on the NorNE dev texts, measured in turns.

    python bench/model_speed.py                              # the shipped model
    python bench/model_speed.py runs/a/model-best runs/b/model-best
    python bench/model_speed.py --compare-blis               # numpy's BLAS against thinc's BLIS

Each pipeline runs over the same texts in alternating rounds, so a machine that is
busy with something else slows every candidate alike; the best round of each is
reported, with its ratio to the first pipeline named. Pipelines load as the service
loads them (``load_model``: numpy's BLAS, one thread); ``--compare-blis`` adds the first
one loaded with thinc's default BLIS ops, as the baseline.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from service.nlp.evaluation.model import BATCH
from service.nlp.evaluation.norne import default_norne, split_docs
from service.nlp.pipeline import MODEL_DIR, load_model


def words_per_second(nlp: spacy.Language, texts: list[str], words: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):  # stories per call, as the worker batches them
        pass
    return words / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="*", type=Path, default=[MODEL_DIR])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare-blis", action="store_true",
                        help="also time the first pipeline with thinc's BLIS ops, as the baseline")
    args = parser.parse_args()
    pipelines = [load_model(path) for path in args.models]
    names = [str(path) for path in args.models]
    if args.compare_blis:
        pipelines.insert(0, spacy.load(args.models[0]))
        names.insert(0, f"{args.models[0]} (BLIS)")
    gold = split_docs(pipelines[0].vocab, default_norne(), "dev")
    texts = [doc.text for doc in gold]
    words = sum(len(doc) for doc in gold)
    best = [0.0] * len(pipelines)
    for nlp in pipelines:  # warm up: first calls allocate
        words_per_second(nlp, texts[:20], sum(len(d) for d in gold[:20]))
    for _ in range(args.rounds):
        for k, nlp in enumerate(pipelines):
            best[k] = max(best[k], words_per_second(nlp, texts, words))
    print(f"{'pipeline':50} {'words/s':>9} {'ratio':>6}")
    for name, wps in zip(names, best):
        print(f"{name[-50:]:50} {wps:9,.0f} {wps / best[0]:6.2f}")


if __name__ == "__main__":
    main()
