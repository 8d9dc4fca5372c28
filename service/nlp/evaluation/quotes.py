"""Score the quote extractor against the gold set and print a JSON report.

    python -m service.nlp.evaluation.quotes                 # all splits, JSON on stdout
    python -m service.nlp.evaluation.quotes --errors dev    # also list the dev mistakes on stderr

Gold lives in ``tests/quality``: ``quotes_gold.jsonl`` holds written NTB-style
passages with character offsets; ``quotes_norne_refs.jsonl`` holds references
to NorNE train/dev sentences (file + sentence indexes grouped in paragraphs)
with token-index spans, because NorNE's texts may not be copied: the text is
rebuilt here from the corpus with ``read_sentences`` and ``spaces_for``.
Every item carries ``split``: ``dev`` (rules may be tuned on it) or
``heldout`` (only looked at to report).

Span conventions of the gold: a direct or partial quote is the text inside the
marks; a dash quote runs from after the dash to the comma before the
attribution, or to the paragraph's end; an indirect quote is the reported
clause without its complementizer ("at", "om") and final punctuation, or,
inverted, the sentence up to the comma before the cue; an according_to quote
is the sentence without the "ifølge X" phrase when that phrase opens or closes
it, else the whole sentence. A quote never crosses a paragraph.

Matching: gold and predicted quotes of the same kind are paired one-to-one,
best overlap first. *overlap*: the shared words cover at least half of both
spans. *exact*: the same text once surrounding spaces, punctuation and quote
marks are stripped. ``overall`` is the micro average over all kinds but
``scare`` (scare quotes are negatives: reporting them as "scare" or not at all
is both fine, so they are scored on their own). Speaker accuracy counts, over
overlap-matched quotes with a gold speaker, the predictions whose canonical
name equals the gold one (case-insensitive).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from service.nlp.evaluation.norne import default_norne, read_sentences, spaces_for

GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "quality"
WRITTEN_GOLD = GOLD_DIR / "quotes_gold.jsonl"
NORNE_GOLD = GOLD_DIR / "quotes_norne_refs.jsonl"
QUOTE_KINDS = ("direct", "dash", "partial", "indirect", "according_to")
ALL_KINDS = (*QUOTE_KINDS, "scare")
SPLITS = ("dev", "heldout")
_WORD = re.compile(r"\w+")
_STRIP = " \t\n.,;:!?«»\"“”‹›'’–—-"


@dataclass(frozen=True)
class QuoteRecord:
    """A quote as scored: kind, span and speaker, for gold and predictions alike."""

    kind: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str | None


GoldQuote = QuoteRecord
Prediction = QuoteRecord


@dataclass
class GoldItem:
    """One gold passage: its text, its split and its quotes."""

    id: str
    split: str
    source: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)


# ------------------------------------------------------------------ loading


def load_gold(norne: Path | None = None, *, written: Path = WRITTEN_GOLD,
              norne_refs: Path = NORNE_GOLD) -> list[GoldItem]:
    """All gold items; the NorNE ones need the corpus (``default_norne()`` if not given)."""
    items = [_written_item(json.loads(line)) for line in _lines(written)]
    refs = [json.loads(line) for line in _lines(norne_refs)]
    if refs:
        corpus = norne if norne is not None else default_norne()
        if not (corpus / "splits.tsv").is_file() or not (corpus / "ndt" / "nob").is_dir():
            raise FileNotFoundError(f"NorNE not found at {corpus}: the NorNE gold items are stored by "
                                    "reference; set NEWSWIRE_NORNE to the directory holding splits.tsv")
        items += [_norne_item(ref, corpus) for ref in refs]
    return items


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _written_item(raw: dict[str, Any]) -> GoldItem:
    quotes = [GoldQuote(q["kind"], q["start"], q["end"], q.get("speaker_canonical"), q.get("speaker_type"))
              for q in raw["quotes"]]
    return GoldItem(raw["id"], raw["split"], "written", raw["text"], quotes)


def norne_passage(norne: Path, file: str, paragraphs: Sequence[Sequence[int]]) -> tuple[str, list[tuple[int, int]]]:
    """Text of NorNE sentences grouped in paragraphs, and each word's character range."""
    sentences = read_sentences(norne / "ndt" / "nob" / file)
    text = ""
    offsets: list[tuple[int, int]] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            text = text.rstrip(" ") + "\n\n"
        for index in paragraph:
            words = sentences[index].words
            for word, space in zip(words, spaces_for(words)):
                offsets.append((len(text), len(text) + len(word)))
                text += word + (" " if space else "")
    return text.rstrip(" "), offsets


def _norne_item(raw: dict[str, Any], norne: Path) -> GoldItem:
    ref = raw["norne_ref"]
    text, offsets = norne_passage(norne, ref["file"], ref["paragraphs"])
    quotes = []
    for q in raw["quotes"]:
        first, last = q["tokens"]
        speaker = None
        if q.get("speaker_tokens"):
            s_first, s_last = q["speaker_tokens"]
            speaker = text[offsets[s_first][0]:offsets[s_last - 1][1]]
        quotes.append(GoldQuote(q["kind"], offsets[first][0], offsets[last - 1][1], speaker, q.get("speaker_type")))
    return GoldItem(raw["id"], raw["split"], "norne", text, quotes)


# ------------------------------------------------------------------ scoring


@dataclass
class Tally:
    """Counts for one split under one matching."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def report(self, kinds: Iterable[str]) -> dict[str, Any]:
        out: dict[str, Any] = {kind: _prf(self.tp[kind], self.fp[kind], self.fn[kind]) for kind in kinds}
        out["overall"] = _prf(*(sum(c[k] for k in QUOTE_KINDS) for c in (self.tp, self.fp, self.fn)))
        return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def _words(text: str, start: int, end: int) -> set[int]:
    return {m.start() for m in _WORD.finditer(text, start, end)}


def _normal(text: str) -> str:
    return " ".join(text.strip(_STRIP).split())


def _overlaps(text: str, gold: GoldQuote, pred: Prediction) -> int:
    g, p = _words(text, gold.start, gold.end), _words(text, pred.start, pred.end)
    shared = len(g & p)
    return shared if g and p and shared * 2 >= len(g) and shared * 2 >= len(p) else 0


def _exact(text: str, gold: GoldQuote, pred: Prediction) -> int:
    same = _normal(text[gold.start:gold.end]) == _normal(text[pred.start:pred.end])
    return len(_words(text, gold.start, gold.end)) + 1 if same else 0


def match(text: str, gold: Sequence[GoldQuote], predicted: Sequence[Prediction], score, *,
          by_kind: bool = True) -> list[tuple[GoldQuote, Prediction]]:
    """One-to-one pairs of same-kind quotes, best score first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if by_kind and g.kind != p.kind:
                continue
            value = score(text, g, p)
            if value:
                candidates.append((value, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((gold[i], predicted[j]))
    return pairs


def predictions(doc_quotes: Iterable[dict[str, Any]]) -> list[Prediction]:
    out = []
    for q in doc_quotes:
        speaker = q.get("speaker") or {}
        out.append(Prediction(q["kind"], q["start"], q["end"], speaker.get("canonical"), q.get("speaker_type")))
    return out


@dataclass
class SplitScore:
    overlap: Tally = field(default_factory=Tally)
    exact: Tally = field(default_factory=Tally)
    any_kind: Counter = field(default_factory=Counter)
    speaker_total: int = 0
    speaker_correct: int = 0
    type_total: int = 0
    type_correct: int = 0
    gold_counts: Counter = field(default_factory=Counter)
    items: int = 0

    def report(self) -> dict[str, Any]:
        overlap = self.overlap.report(ALL_KINDS)
        return {
            "items": self.items,
            "gold_quotes": dict(self.gold_counts),
            "overlap": overlap,
            "exact": self.exact.report(ALL_KINDS),
            "overall_any_kind": _prf(self.any_kind["tp"], self.any_kind["fp"], self.any_kind["fn"]),
            "speaker_accuracy": round(self.speaker_correct / self.speaker_total, 3) if self.speaker_total else None,
            "speaker_n": self.speaker_total,
            "speaker_type_accuracy": round(self.type_correct / self.type_total, 3) if self.type_total else None,
        }


def score_item(item: GoldItem, predicted: list[Prediction], split: SplitScore,
               errors: list[str] | None = None) -> None:
    """Add one passage's counts to ``split``; describe mistakes in ``errors``."""
    text = item.text
    split.items += 1
    split.gold_counts.update(q.kind for q in item.quotes)
    overlap_pairs = match(text, item.quotes, predicted, _overlaps)
    _count(split.overlap, item.quotes, predicted, overlap_pairs)
    _count(split.exact, item.quotes, predicted, match(text, item.quotes, predicted, _exact))
    gold_quotes = [q for q in item.quotes if q.kind != "scare"]
    pred_quotes = [p for p in predicted if p.kind != "scare"]
    any_pairs = match(text, gold_quotes, pred_quotes, _overlaps, by_kind=False)
    split.any_kind.update(tp=len(any_pairs), fp=len(pred_quotes) - len(any_pairs),
                          fn=len(gold_quotes) - len(any_pairs))
    for gold, pred in overlap_pairs:
        if gold.kind == "scare" or gold.speaker is None:
            continue
        split.speaker_total += 1
        right = pred.speaker is not None and _normal(pred.speaker).casefold() == _normal(gold.speaker).casefold()
        split.speaker_correct += right
        if gold.speaker_type:
            split.type_total += 1
            split.type_correct += pred.speaker_type == gold.speaker_type
            if pred.speaker_type != gold.speaker_type and errors is not None:
                errors.append(f"{item.id} TYPE {gold.speaker!r}: gold {gold.speaker_type} "
                              f"got {pred.speaker_type} ({pred.speaker!r})")
        if not right and errors is not None:
            errors.append(f"{item.id} SPEAKER {gold.kind} {text[gold.start:gold.end][:60]!r}: "
                          f"gold {gold.speaker!r} got {pred.speaker!r}")
    if errors is not None:
        matched_gold = {id(g) for g, _ in overlap_pairs}
        matched_pred = {id(p) for _, p in overlap_pairs}
        for g in item.quotes:
            if id(g) not in matched_gold:
                errors.append(f"{item.id} MISS {g.kind} {text[g.start:g.end][:80]!r}")
        for p in predicted:
            if id(p) not in matched_pred:
                errors.append(f"{item.id} EXTRA {p.kind} {text[p.start:p.end][:80]!r} ({p.speaker})")
        exact_pairs = {(id(g), id(p)) for g, p in match(text, item.quotes, predicted, _exact)}
        for g, p in overlap_pairs:
            if (id(g), id(p)) not in exact_pairs:
                errors.append(f"{item.id} INEXACT {g.kind} gold {text[g.start:g.end][:70]!r} "
                              f"got {text[p.start:p.end][:70]!r}")


def _count(tally: Tally, gold: Sequence[GoldQuote], predicted: Sequence[Prediction],
           pairs: list[tuple[GoldQuote, Prediction]]) -> None:
    for g, _ in pairs:
        tally.tp[g.kind] += 1
    matched_gold = Counter(g.kind for g, _ in pairs)
    for kind, n in Counter(g.kind for g in gold).items():
        tally.fn[kind] += n - matched_gold[kind]
    for kind, n in Counter(p.kind for p in predicted).items():
        tally.fp[kind] += n - matched_gold[kind]


def evaluate(nlp: Language, items: Sequence[GoldItem], *,
             error_splits: Sequence[str] = ()) -> tuple[dict[str, Any], list[str]]:
    """(report, mistakes): scores per split ("dev", "heldout", "all") and per source."""
    scores: dict[str, SplitScore] = {}
    errors: list[str] = []
    docs = nlp.pipe(item.text for item in items)
    for item, doc in zip(items, docs):
        predicted = predictions(doc._.quotes or [])
        sink = errors if item.split in error_splits else None
        for key in (item.split, "all", f"{item.split}/{item.source}"):
            score_item(item, predicted, scores.setdefault(key, SplitScore()), sink if key == item.split else None)
    order = [*SPLITS, "all", *(f"{s}/{src}" for s in SPLITS for src in ("written", "norne"))]
    report = {key: scores[key].report() for key in order if key in scores}
    return {"model": nlp.meta.get("name"), "version": nlp.meta.get("version"), "splits": report}, errors


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--norne", type=Path, default=None, help="NorNE directory (default: discovered)")
    parser.add_argument("--errors", nargs="*", default=[], choices=[*SPLITS], help="list mistakes of these splits")
    args = parser.parse_args(argv)
    from service.nlp.pipeline import load_pipeline

    report, errors = evaluate(load_pipeline(), load_gold(args.norne), error_splits=args.errors)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    for line in errors:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
