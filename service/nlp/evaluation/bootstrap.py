"""How sure an entity F score is: bootstrap over documents.

NorNE's dev and test splits have 26 Bokmål documents each (123 and 103 stories here), and
names cluster by story: one review can hold twenty mentions of one product. So a score
moves a good deal with which stories happen to be in a split. Resampling whole stories
with replacement gives an interval for one model's F and for the difference between two
models scored on the same stories::

    counts = entity_counts(examples)            # (tp, fp, fn) per story
    low, high = f_interval(counts)              # 95 % interval of micro F, in percent
    low, high = difference_interval(counts_a, counts_b)   # F(a) - F(b), paired

Mentions are compared by character offsets and label; spaCy's scorer aligns tokens first,
which differs only where its tokenizer and the gold disagree (about 0.1 % of tokens).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy
from spacy.training import Example

ROUNDS = 2000
SEED = 0
Counts = tuple[int, int, int]


def entity_counts(examples: Iterable[Example]) -> list[Counts]:
    """True positives, false positives and false negatives of ``doc.ents``, per example."""
    counts = []
    for eg in examples:
        gold = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents}
        predicted = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents}
        counts.append((len(gold & predicted), len(predicted - gold), len(gold - predicted)))
    return counts


def _f(sums: numpy.ndarray) -> numpy.ndarray:
    tp, fp, fn = sums[..., 0], sums[..., 1], sums[..., 2]
    denominator = 2 * tp + fp + fn
    return numpy.where(denominator > 0, 200.0 * tp / numpy.maximum(denominator, 1), 0.0)


def _resampled_sums(counts: Sequence[Counts], indices: numpy.ndarray) -> numpy.ndarray:
    return numpy.asarray(counts, dtype=numpy.int64)[indices].sum(axis=1)


def _indices(n: int, rounds: int, seed: int) -> numpy.ndarray:
    if n == 0:
        raise ValueError("no documents to resample")
    return numpy.random.default_rng(seed).integers(0, n, size=(rounds, n))


def _central(values: numpy.ndarray, level: float) -> tuple[float, float]:
    """The central ``level`` share of ``values``, as (low, high) rounded to 0.01."""
    tail = (1 - level) / 2 * 100
    low, high = numpy.percentile(values, [tail, 100 - tail])
    return round(float(low), 2), round(float(high), 2)


def micro_f(counts: Sequence[Counts]) -> float:
    """Micro F in percent over all ``counts``."""
    return float(_f(numpy.asarray(counts, dtype=numpy.int64).sum(axis=0)))


def f_interval(counts: Sequence[Counts], *, level: float = 0.95, rounds: int = ROUNDS,
               seed: int = SEED) -> tuple[float, float]:
    """The central ``level`` interval of micro F (percent) over resampled documents."""
    return _central(_f(_resampled_sums(counts, _indices(len(counts), rounds, seed))), level)


def difference_interval(counts_a: Sequence[Counts], counts_b: Sequence[Counts], *, level: float = 0.95,
                        rounds: int = ROUNDS, seed: int = SEED) -> tuple[float, float]:
    """The interval of F(a) − F(b) when both are scored on the same resampled documents;
    an interval that holds 0 means the data cannot tell the two apart."""
    if len(counts_a) != len(counts_b):
        raise ValueError(f"paired counts differ in length: {len(counts_a)} and {len(counts_b)}")
    indices = _indices(len(counts_a), rounds, seed)
    return _central(_f(_resampled_sums(counts_a, indices)) - _f(_resampled_sums(counts_b, indices)), level)
