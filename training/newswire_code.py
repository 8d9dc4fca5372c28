"""``spacy train ... --code training/newswire_code.py``: what newswire's training needs
registered, in the one code file ``spacy train`` takes.

- numpy's BLAS for matrix products (``service/nlp/blas_ops.py``): registering the ops
  under thinc's "numpy" name makes ``spacy train`` pick them for the CPU; about 1.2×
  faster, same training;
- newswire's layers (``service/nlp/architectures.py``), for configs that name them;
- the entity-swap augmenter (``service/nlp/training/augment.py``), for ``--augment`` runs.
"""
from thinc.api import registry

from service.nlp import architectures  # noqa: F401
from service.nlp.training import augment  # noqa: F401  (importing them registers them)
from service.nlp.blas_ops import BlasOps

registry.ops("BlasOps")(BlasOps)
