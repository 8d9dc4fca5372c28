"""numpy's BLAS in place of thinc's BLIS: the same products, the same annotations."""
from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import NumpyOps, get_current_ops

from service.nlp.blas_ops import BlasOps, blas_ops
from service.nlp.pipeline import MODEL_DIR, load_model


@pytest.mark.parametrize("trans1", [False, True])
@pytest.mark.parametrize("trans2", [False, True])
def test_gemm_matches_thinc(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(7)
    x = rng.random((5, 7), dtype="float32")
    y = rng.random((7, 3), dtype="float32")
    x = numpy.ascontiguousarray(x.T) if trans1 else x
    y = numpy.ascontiguousarray(y.T) if trans2 else y
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)

    assert numpy.allclose(BlasOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5)
    out = numpy.zeros((5, 3), dtype="float32")
    returned = BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    assert returned is out
    assert numpy.allclose(out, expected, rtol=1e-5)


def test_the_context_restores_the_previous_ops() -> None:
    before = get_current_ops()
    with blas_ops() as ops:
        assert get_current_ops() is ops
    assert get_current_ops() is before


@pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="no trained model installed")
def test_the_shipped_model_annotates_alike_with_either_ops() -> None:
    texts = ["Utenriksminister Espen Barth Eide (Ap) møtte Antony Blinken i Washington tirsdag.",
             "– Vi har sett nesten 100.000 russiske soldater ved grensen, sier Jens Stoltenberg til NTB."]
    fast = load_model(MODEL_DIR)
    assert any(isinstance(node.ops, BlasOps) for node in fast.get_pipe("tok2vec").model.walk())
    plain = spacy.load(MODEL_DIR)
    for a, b in zip(fast.pipe(texts), plain.pipe(texts)):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == \
               [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b]
