"""Score troop-claim extraction against the gold set.

    python -m service.nlp.evaluation.claims                 # JSON report, dev and held-out
    python -m service.nlp.evaluation.claims --errors dev    # also list the dev mistakes

Gold: ``tests/quality/claims_gold.jsonl`` (paragraphs written for this, with
offsets) and ``tests/quality/claims_norne_refs.jsonl`` (NorNE train/dev
sentences by file name and sentence index, annotated by token index; the text
is rebuilt from NorNE at run time and never stored here).

Matching
    A predicted and a gold claim *pair up* when their character spans overlap;
    pairs are formed one-to-one, largest overlap first. A pair is a *detection
    hit* when value, min and max also agree (both None, or equal within 0.5).
    Precision = hits / predicted, recall = hits / gold.

Field accuracy is over all pairs (so a wrong number still counts against
``numbers``): ``numbers`` (value, min, max), ``hedge_bound`` (bound, and the
hedge text case-insensitively), ``side``, ``claimant`` (canonical,
case-insensitive), ``modality`` and ``type``; also reported: ``unit``,
``location`` (canonical), ``claimant_type``, ``cue`` and ``time`` (texts).

Hard negatives are the quantities :func:`~service.nlp.claims.numbers.find_quantities`
finds in the gold texts outside every gold claim; ``negatives_flagged`` counts
the predicted claims that overlap one of them.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from service.nlp.evaluation.norne import default_norne, read_sentences, read_splits, spaces_for
from service.nlp.claims.numbers import find_quantities

__all__ = ["GoldStory", "evaluate", "load_gold", "load_norne_refs", "score"]

QUALITY_DIR = Path(__file__).resolve().parents[3] / "tests" / "quality"
GOLD_PATH = QUALITY_DIR / "claims_gold.jsonl"
NORNE_REFS_PATH = QUALITY_DIR / "claims_norne_refs.jsonl"
SPLITS = ("dev", "heldout")
TOLERANCE = 0.5

MAIN_FIELDS = ("numbers", "hedge_bound", "side", "claimant", "modality", "type")
EXTRA_FIELDS = ("unit", "location", "claimant_type", "cue", "time")


@dataclass
class GoldStory:
    """One gold text and its claims (gold claims use the frame's field names)."""

    id: str
    split: str
    text: str
    claims: list[dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------------- loading


def load_gold(path: Path = GOLD_PATH) -> list[GoldStory]:
    """The written gold paragraphs."""
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            stories.append(GoldStory(record["id"], record["split"], record["text"], record["claims"]))
    return stories


def _sentence_text(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    spaces = spaces_for(list(words))
    text, offsets = "", []
    for word, space in zip(words, spaces):
        offsets.append((len(text), len(text) + len(word)))
        text += word + (" " if space else "")
    return text.rstrip(" "), offsets


def _token_span(text: str, offsets: list[tuple[int, int]], tokens: list[int] | None) -> dict | None:
    if tokens is None:
        return None
    start, end = offsets[tokens[0]][0], offsets[tokens[1] - 1][1]
    return {"text": text[start:end], "start": start, "end": end}


def load_norne_refs(path: Path = NORNE_REFS_PATH, norne: Path | None = None) -> list[GoldStory]:
    """NorNE sentences named in ``path``, rebuilt from the NorNE files.

    Raises FileNotFoundError (with how to fix it) when NorNE is not available,
    and ValueError if a reference points into NorNE's test split.
    """
    root = norne or default_norne()
    splits = read_splits(root)
    cache: dict[str, list] = {}
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ref = json.loads(line)
        if splits.get(ref["file"]) not in ("train", "dev"):
            raise ValueError(f"{ref['file']} is not a NorNE train/dev document")
        if ref["file"] not in cache:
            cache[ref["file"]] = read_sentences(root / "ndt" / "nob" / ref["file"])
        text, offsets = _sentence_text(cache[ref["file"]][ref["sentence"]].words)
        claims = []
        for item in ref["claims"]:
            span = _token_span(text, offsets, item["tokens"])
            assert span is not None, item  # every gold claim has its tokens
            hedge = _token_span(text, offsets, item.get("hedge_tokens"))
            unit = _token_span(text, offsets, item["unit_tokens"])
            claims.append({
                **span, "value": item["value"], "min": item["min"], "max": item["max"],
                "bound": item["bound"], "hedge": hedge["text"] if hedge else None,
                "unit": unit["text"] if unit else None, "type": item["type"], "side": item["side"],
                "location": item["location"], "location_kind": item.get("location_kind"),
                "claimant": item["claimant"], "claimant_type": item["claimant_type"],
                "modality": item["modality"],
                "time": _token_span(text, offsets, item.get("time_tokens")),
                "cue": _token_span(text, offsets, item.get("cue_tokens")),
            })
        stories.append(GoldStory(ref["id"], ref["split"], text, claims))
    return stories


# ---------------------------------------------------------------------- scoring


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE


def _numbers_agree(pred: dict, gold: dict) -> bool:
    return all(_same_number(pred.get(k), gold.get(k)) for k in ("value", "min", "max"))


def _fold(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("canonical", value.get("text"))
    return None if value is None else " ".join(str(value).split()).casefold()


def _text_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("text")
    return None if value is None else " ".join(str(value).split()).casefold()


FIELD_CHECKS: dict[str, Callable[[dict, dict], bool]] = {
    "numbers": _numbers_agree,
    "hedge_bound": lambda p, g: p.get("bound") == g.get("bound") and _fold(p.get("hedge")) == _fold(g.get("hedge")),
    "side": lambda p, g: _fold(p.get("side")) == _fold(g.get("side")),
    "claimant": lambda p, g: _fold(p.get("claimant")) == _fold(g.get("claimant")),
    "modality": lambda p, g: p.get("modality") == g.get("modality"),
    "type": lambda p, g: p.get("type") == g.get("type"),
    "unit": lambda p, g: _fold(p.get("unit")) == _fold(g.get("unit")),
    "location": lambda p, g: _fold(p.get("location")) == _fold(g.get("location")),
    "claimant_type": lambda p, g: (p.get("claimant") or {}).get("type") == g.get("claimant_type"),
    "cue": lambda p, g: _text_of(p.get("cue")) == _text_of(g.get("cue")),
    "time": lambda p, g: _text_of(p.get("time")) == _text_of(g.get("time")),
}


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pair_up(predicted: Sequence[dict], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs of overlapping spans, largest overlap first."""
    options = sorted(((_overlap(p, g), i, j) for i, p in enumerate(predicted)
                      for j, g in enumerate(gold) if _overlap(p, g) > 0), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(pairs)


def _negatives(story: GoldStory) -> list[dict]:
    return [{"start": q.start, "end": q.end, "text": q.text} for q in find_quantities(story.text)
            if not any(_overlap({"start": q.start, "end": q.end}, g) for g in story.claims)]


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def score(stories: Iterable[GoldStory], predictions: Iterable[Sequence[dict]],
          with_errors: bool = False) -> dict[str, Any]:
    """Detection P/R/F1 and field accuracy of ``predictions`` (one list per story)."""
    hits = n_pred = n_gold = pairs_total = n_neg = flagged = 0
    correct = {name: 0 for name in FIELD_CHECKS}
    errors: list[dict] = []
    for story, predicted in zip(stories, predictions):
        predicted = list(predicted)
        n_pred += len(predicted)
        n_gold += len(story.claims)
        negatives = _negatives(story)
        n_neg += len(negatives)
        pairs = pair_up(predicted, story.claims)
        paired_p = {i for i, _ in pairs}
        paired_g = {j for _, j in pairs}
        for i, j in pairs:
            pred, gold = predicted[i], story.claims[j]
            pairs_total += 1
            hits += _numbers_agree(pred, gold)
            wrong = [name for name, check in FIELD_CHECKS.items() if not check(pred, gold)]
            for name in FIELD_CHECKS:
                correct[name] += name not in wrong
            if with_errors and wrong:
                errors.append({"id": story.id, "claim": gold["text"], "wrong": {
                    name: {"predicted": _show(pred, name), "gold": _show(gold, name)} for name in wrong}})
        for i, pred in enumerate(predicted):
            if any(_overlap(pred, n) for n in negatives):
                flagged += 1
            if with_errors and i not in paired_p:
                errors.append({"id": story.id, "false_positive": pred["text"]})
        if with_errors:
            errors += [{"id": story.id, "missed": g["text"]} for j, g in enumerate(story.claims)
                       if j not in paired_g]
    precision, recall = _ratio(hits, n_pred), _ratio(hits, n_gold)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    report: dict[str, Any] = {
        "stories": len(list(stories)) if not isinstance(stories, list) else len(stories),
        "gold_claims": n_gold, "predicted_claims": n_pred, "hard_negatives": n_neg,
        "negatives_flagged": flagged,
        "detection": {"precision": precision, "recall": recall, "f1": f1, "hits": hits},
        "pairs": pairs_total,
        "fields": {name: _ratio(correct[name], pairs_total) for name in MAIN_FIELDS},
        "extra_fields": {name: _ratio(correct[name], pairs_total) for name in EXTRA_FIELDS},
    }
    report["field_accuracy_min"] = min(report["fields"].values()) if pairs_total else 0.0
    if with_errors:
        report["errors"] = errors
    return report


def _show(claim: dict, name: str) -> Any:
    if name == "numbers":
        return [claim.get("value"), claim.get("min"), claim.get("max")]
    if name == "hedge_bound":
        return [claim.get("hedge"), claim.get("bound")]
    if name == "claimant_type":
        value = claim.get("claimant")
        return value.get("type") if isinstance(value, dict) else claim.get("claimant_type")
    value = claim.get(name)
    if isinstance(value, dict):
        return value.get("canonical", value.get("text"))
    return value


# ------------------------------------------------------------------- evaluating


def evaluate(nlp: Language, stories: Sequence[GoldStory], with_errors: bool = False) -> dict[str, Any]:
    """Run ``nlp`` over the stories and score each split."""
    docs = list(nlp.pipe(s.text for s in stories))
    predictions = [list(doc._.claims) for doc in docs]
    report: dict[str, Any] = {}
    for split in SPLITS:
        chosen = [(s, p) for s, p in zip(stories, predictions) if s.split == split]
        if chosen:
            report[split] = score([s for s, _ in chosen], [p for _, p in chosen], with_errors)
    return report


def all_stories(include_norne: bool = True) -> list[GoldStory]:
    stories = load_gold()
    if include_norne:
        stories += load_norne_refs()
    return stories


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score troop-claim extraction (JSON report).")
    parser.add_argument("--errors", choices=SPLITS, help="list the mistakes of one split")
    parser.add_argument("--skip-norne", action="store_true", help="leave out the NorNE sentences")
    args = parser.parse_args(argv)
    from service.nlp.pipeline import load_pipeline, model_identity

    try:
        stories = all_stories(include_norne=not args.skip_norne)
    except FileNotFoundError as error:
        print(f"claim_eval: {error} (or pass --skip-norne)", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    report = evaluate(nlp, stories, with_errors=args.errors is not None)
    for split in SPLITS:
        if split != args.errors and split in report:
            report[split].pop("errors", None)
    name, version = model_identity(nlp)
    print(json.dumps({"model": f"{name}-{version}", **report}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
