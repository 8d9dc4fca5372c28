"""Resumable tok2vec pretraining on NoReC plus the NorNE train text (``make pretrain``).

    python training/pretrain.py [--out runs/pretrain] [--passes 3] [--shard-words 1000000]

The unlabelled text (``shared/data/norec/norec_nob.jsonl.gz``, one paragraph a line, and the
Bokmål NorNE train sentences) is shuffled once and cut into shards of about a million words.
One spaCy pretraining "epoch" is one shard, so a run that is stopped loses at most one shard's
work: the next start finds the last ``model{N}.bin`` and resumes from it with the next shard.
``--snapshot`` copies the last finished step into ``training/pretrained/`` (committed, so a fresh
checkout resumes from it too: the shards are rebuilt the same from the same seed).
The architecture is the shipped pipeline's (``training/newswire_nb_pretrain.cfg`` with the
lexicon table as static features), so ``spacy train --paths.init_tok2vec`` can start from it.

Never reads NorNE dev or test. The text stays under ``--out``, outside the repository.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "training" / "newswire_nb_pretrain.cfg"
CODE = ROOT / "training" / "newswire_code.py"
SHIPPED = ROOT / "service" / "models" / "nb_newswire"
WEIGHTS = re.compile(r"^model(\d+)\.bin$")
SNAPSHOT = ROOT / "training" / "pretrained" / "tok2vec-norec.bin"
SNAPSHOT_STATE = SNAPSHOT.with_suffix(".json")


def shared_data(name: str) -> Path:
    """``shared/data/<name>`` in or above the working directory (as the tests find it)."""
    here = Path.cwd().resolve()
    for base in (here, *here.parents):
        candidate = base / "shared" / "data" / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shared/data/{name} not found in or above {here}")


def norec_paragraphs(path: Path) -> Iterator[str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n\n"):
                paragraph = " ".join(paragraph.split())
                if len(paragraph.split()) >= 5:
                    yield paragraph


def norne_train_sentences(norne: Path) -> Iterator[str]:
    splits = dict(line.split("\t") for line in (norne / "splits.tsv").read_text().splitlines() if line)
    for name, split in sorted(splits.items()):
        if split.strip() != "train":
            continue
        words: list[str] = []
        for line in (norne / "ndt" / "nob" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    yield " ".join(words)
                words = []
            elif not line.startswith("#"):
                words.append(line.split("\t")[1])
        if words:
            yield " ".join(words)


def write_shards(out: Path, shard_words: int, seed: int = 0) -> list[Path]:
    shards = sorted(out.glob("shard*.jsonl"))
    if shards:
        return shards
    out.mkdir(parents=True, exist_ok=True)
    texts = list(norec_paragraphs(shared_data("norec") / "norec_nob.jsonl.gz"))
    texts += list(norne_train_sentences(shared_data("norne")))
    random.Random(seed).shuffle(texts)
    shard: list[str] = []
    words = 0
    for text in texts:
        shard.append(text)
        words += len(text.split())
        if words >= shard_words:
            shards.append(_write_shard(out, len(shards), shard))
            shard, words = [], 0
    if shard:
        shards.append(_write_shard(out, len(shards), shard))
    return shards


def _write_shard(out: Path, index: int, texts: list[str]) -> Path:
    path = out / f"shard{index:03d}.jsonl"
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for text in texts:
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    tmp.rename(path)  # a shard exists whole or not at all
    return path


def last_step(weights: Path) -> int:
    """The highest N with a saved ``model{N}.bin``, or -1."""
    steps = [int(m.group(1)) for p in weights.glob("model*.bin") if (m := WEIGHTS.match(p.name))]
    return max(steps, default=-1)


def snapshot(weights: Path, shards: int) -> int:
    """Copy the last finished step to the committed snapshot; returns that step."""
    step = last_step(weights)
    if step < 0:
        raise SystemExit("training/pretrain.py: no finished step to snapshot yet")
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(weights / f"model{step}.bin", SNAPSHOT)
    SNAPSHOT_STATE.write_text(json.dumps({"step": step, "shards": shards}) + "\n")
    return step


def restore(weights: Path, shards: int) -> None:
    """Start a fresh checkout from the committed snapshot, if it was made over the same shards."""
    if last_step(weights) >= 0 or not SNAPSHOT_STATE.is_file():
        return
    state = json.loads(SNAPSHOT_STATE.read_text())
    if state["shards"] == shards:
        shutil.copyfile(SNAPSHOT, weights / f"model{state['step']}.bin")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "runs" / "pretrain")
    parser.add_argument("--passes", type=int, default=3, help="passes over all the text")
    parser.add_argument("--shard-words", type=int, default=1_000_000)
    parser.add_argument("--snapshot", action="store_true",
                        help="copy the last finished step into training/pretrained/ and stop")
    args = parser.parse_args(argv)
    shards = write_shards(args.out / "text", args.shard_words)
    weights = args.out / "weights"
    weights.mkdir(parents=True, exist_ok=True)
    if args.snapshot:
        print(f"snapshot of step {snapshot(weights, len(shards)) + 1} of {len(shards) * args.passes}")
        return 0
    restore(weights, len(shards))
    total = len(shards) * args.passes
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    while (step := last_step(weights) + 1) < total:
        shard = shards[step % len(shards)]
        print(f"step {step + 1}/{total}: {shard.name}", flush=True)
        cmd = [sys.executable, "-m", "spacy", "pretrain", str(CONFIG), str(weights),
               "--code", str(CODE), "--paths.raw_text", str(shard), "--paths.vectors", str(SHIPPED),
               "--components.tok2vec.model.embed.include_static_vectors", "true",
               "--pretraining.max_epochs", str(step + 1)]
        if step:
            cmd += ["--resume-path", str(weights / f"model{step - 1}.bin"), "--epoch-resume", str(step)]
        code = subprocess.call(cmd, env=env)
        if code:
            return code
    print(f"done: {weights / f'model{total - 1}.bin'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
