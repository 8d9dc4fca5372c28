"""``spacy train --code training/augment.py``: registers newswire's entity-swap augmenter
(``service/nlp/augment.py``) and, as ``training/blas_ops.py`` does, numpy's BLAS ops, since
``spacy train`` takes one code file."""
from pathlib import Path

from spacy.util import registry

from service.nlp.augment import entity_swap_augmenter
from service.nlp import architectures  # noqa: F401  (newswire's layers, for configs that name them)
from service.nlp.blas_ops import BlasOps

registry.ops("BlasOps")(BlasOps)


@registry.augmenters("newswire.entity_swap.v1")
def create_entity_swap(corpus: Path, level: float = 0.5, rate: float = 0.5):
    return entity_swap_augmenter(Path(corpus), level, rate)
