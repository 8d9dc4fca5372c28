"""Milliseconds per story of each pipeline component, the model's and ours.

    OPENBLAS_NUM_THREADS=1 python bench/component_time.py [--stories N] [--repeats 3] [--json]

Runs ``load_pipeline()`` as the service does over NorNE dev stories (the text only), one
component at a time over the whole batch, and keeps the fastest of ``--repeats`` passes per
component. Only the pipeline's public entry point is used, so the same script measures an
older checkout too (``PYTHONPATH=<checkout> python bench/component_time.py``): compare the
figures of two checkouts from runs made one after the other on the same machine.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

NORNE_SPLITS = Path("shared/data/norne")
SENTENCES_PER_STORY = 20  # as the NorNE evaluation cuts documents into stories


def norne_dev_texts(limit: int) -> list[str]:
    """The raw text of NorNE dev stories: each document cut into stories of twenty sentences."""
    here = Path.cwd().resolve()
    root = next((base / NORNE_SPLITS for base in (here, *here.parents) if (base / NORNE_SPLITS).is_dir()), None)
    if root is None:
        sys.exit("bench/component_time.py: NorNE not found (shared/data/norne in or above the working directory)")
    splits = dict(line.split("\t") for line in (root / "splits.tsv").read_text().splitlines() if line)
    texts = []
    for name in sorted(n for n, s in splits.items() if s.strip() == "dev"):
        sentences, words = [], []
        for line in (root / "ndt" / "nob" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    sentences.append(" ".join(words))
                words = []
            elif not line.startswith("#"):
                words.append(line.split("\t")[1])
        if words:
            sentences.append(" ".join(words))
        texts += [" ".join(sentences[i:i + SENTENCES_PER_STORY])
                  for i in range(0, len(sentences), SENTENCES_PER_STORY)]
    return texts[:limit]


def component_times(nlp: Language, texts: list[str], repeats: int) -> dict[str, float]:
    """Best-of-``repeats`` milliseconds per story for each component, in pipeline order."""
    best: dict[str, float] = {"tokenizer": float("inf")}
    for _ in range(repeats):
        start = time.perf_counter()
        docs: list[Doc] = [nlp.make_doc(t) for t in texts]
        best["tokenizer"] = min(best["tokenizer"], time.perf_counter() - start)
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    return {name: round(seconds * 1000 / len(texts), 3) for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from service.nlp.pipeline import load_pipeline

    texts = norne_dev_texts(args.stories)
    times = component_times(load_pipeline(), texts, args.repeats)
    if args.json:
        print(json.dumps({"stories": len(texts), "ms_per_story": times}))
    else:
        print(f"{len(texts)} NorNE dev stories, best of {args.repeats}: ms per story")
        for name, ms in times.items():
            print(f"  {name:<28} {ms:8.3f}")
        print(f"  {'total':<28} {sum(times.values()):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
