"""newswire's own model layers, registered with spaCy so configs can name them.

``newswire.CharMultiHashEmbed.v1`` is spaCy's ``MultiHashEmbed`` (hashed NORM, PREFIX,
SUFFIX, SHAPE, optionally the static lexicon table) with the bytes of the word's first
and last letters embedded beside them, as ``CharacterEmbed`` does: spelling that the three
hashed affixes miss ("-departementet", "-fjorden", "Sjtsj-") reaches the tok2vec. A config
reads it as::

    [components.tok2vec.model.embed]
    @architectures = "newswire.CharMultiHashEmbed.v1"
    width = 160
    attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
    rows = [10000,5000,5000,2500]
    include_static_vectors = true
    nM = 16
    nC = 8

Importing this module registers it; ``load_model`` does so before loading a pipeline.
"""
from __future__ import annotations

from spacy.ml import _character_embed
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d


@registry.architectures("newswire.CharMultiHashEmbed.v1")
def char_multi_hash_embed(width: int, attrs: list[str], rows: list[int], include_static_vectors: bool,
                          nM: int, nC: int) -> Model[list[Doc], list[Floats2d]]:
    """Hashed attributes, ``nC`` UTF-8 bytes of the word (from both ends, ``nM`` wide
    each) and, optionally, static vectors, mixed to ``width`` by one maxout layer."""
    if len(rows) != len(attrs):
        raise ValueError(f"{len(attrs)} attrs but {len(rows)} rows")
    hashed: Model = chain(
        FeatureExtractor(attrs),
        list2ragged(),
        # the seeds MultiHashEmbed gives its tables, so the hashed part starts alike
        with_array(concatenate(*(HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0)
                                 for i, n in enumerate(rows)))),
    )
    parts = [hashed, chain(_character_embed.CharacterEmbed(nM=nM, nC=nC), list2ragged())]
    if include_static_vectors:
        parts.append(StaticVectors(width, dropout=0.0))
    size = width * (len(attrs) + include_static_vectors) + nM * nC
    return chain(concatenate(*parts), with_array(Maxout(width, size, nP=3, dropout=0.0, normalize=True)),
                 ragged2list())
