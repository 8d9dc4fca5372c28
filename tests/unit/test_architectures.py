"""newswire's registered model layers (service/nlp/architectures.py)."""
from __future__ import annotations

import numpy
import spacy
from spacy.training import Example

from service.nlp.architectures import char_multi_hash_embed
from service.nlp.pipeline import load_model

ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
EMBED = {"@architectures": "newswire.CharMultiHashEmbed.v1", "width": 32, "attrs": ATTRS,
         "rows": [100, 50, 50, 20], "include_static_vectors": False, "nM": 8, "nC": 4}


def test_one_vector_per_token_and_spelling_matters() -> None:
    nlp = spacy.blank("nb")
    model = char_multi_hash_embed(32, ATTRS, [100, 50, 50, 20], False, nM=8, nC=4)
    docs = [nlp("Fiskeridepartementet svarte"), nlp("Fiskeridirektoratet")]
    model.initialize(X=docs)
    vectors = model.predict(docs)
    assert [v.shape for v in vectors] == [(2, 32), (1, 32)]
    # same NORM hash rows differ only in the bytes embedded from the word's two ends
    assert not numpy.allclose(vectors[0][0], vectors[1][0])


def test_a_pipeline_naming_it_saves_and_loads_through_load_model(tmp_path) -> None:
    nlp = spacy.blank("nb")
    nlp.add_pipe("tok2vec", config={"model": {"@architectures": "spacy.Tok2Vec.v2", "embed": EMBED,
                                              "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2",
                                                         "width": 32, "depth": 1, "window_size": 1,
                                                         "maxout_pieces": 2}}})
    ner = nlp.add_pipe("ner")
    ner.add_label("PER")
    doc = nlp.make_doc("Kari Nordmann kom")
    examples = [Example.from_dict(doc, {"entities": [(0, 13, "PER")]})]
    nlp.initialize(lambda: examples)
    for _ in range(3):
        nlp.update(examples)
    nlp.to_disk(tmp_path / "model")
    loaded = load_model(tmp_path / "model")
    assert loaded.config["components"]["tok2vec"]["model"]["embed"]["@architectures"] == EMBED["@architectures"]
    text = "Ola Nordmann gikk"
    assert numpy.allclose(loaded.get_pipe("tok2vec").predict([loaded.make_doc(text)])[0],
                          nlp.get_pipe("tok2vec").predict([nlp.make_doc(text)])[0], atol=1e-4)  # BLAS vs BLIS
