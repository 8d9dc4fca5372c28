"""Matrix products through numpy's BLAS instead of thinc's bundled BLIS.

thinc multiplies matrices with BLIS, which on this project's machines runs at a third of
the speed of the OpenBLAS that numpy wheels bundle (34 against 100 GFLOP/s on one core for
the tok2vec's 384×384 products). The tok2vec is two thirds of the pipeline's time, so
loading the model with these ops makes it about 1.6× faster with identical output
(``bench/model_speed.py --compare-blis``).

Usage::

    with blas_ops():
        nlp = spacy.load(path)   # every layer built here multiplies through numpy

``spacy train ... --code training/newswire_code.py`` trains with them too (that file registers
:class:`BlasOps` as thinc's "numpy" backend, which ``spacy train`` picks for the CPU;
importing this module changes no default). BLAS threads are limited to ``NEWSWIRE_BLAS_THREADS`` (default 1):
newswire scales by worker processes, and idle BLAS threads spin on the cores they share.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

__all__ = ["BlasOps", "blas_ops", "limit_blas_threads"]


class BlasOps(NumpyOps):
    """thinc's CPU ops with ``gemm`` done by ``numpy.matmul``."""

    name = "numpy"  # spaCy and thinc choose the CPU backend by this name

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # noqa: ANN001, ANN201
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def limit_blas_threads() -> None:
    """Hold numpy's BLAS to ``NEWSWIRE_BLAS_THREADS`` threads (default 1)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=int(os.environ.get("NEWSWIRE_BLAS_THREADS", "1")), user_api="blas")


@contextmanager
def blas_ops() -> Iterator[BlasOps]:
    """Models built inside the block use :class:`BlasOps`; the previous ops come back after."""
    previous = get_current_ops()
    ops = BlasOps()
    set_current_ops(ops)
    try:
        yield ops
    finally:
        set_current_ops(previous)
