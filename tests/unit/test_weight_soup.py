"""The weight average and the continuation config of bench/weight_soup.py."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

spec = importlib.util.spec_from_file_location("weight_soup", Path(__file__).parents[2] / "bench" / "weight_soup.py")
weight_soup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(weight_soup)


def tagger(seed: int, tags: tuple[str, ...] = ("N", "V")) -> Language:
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("nb")
    nlp.add_pipe("tagger")
    doc = nlp.make_doc("Solberg sier nei")
    examples = [Example.from_dict(doc, {"tags": [tags[i % len(tags)] for i in range(len(doc))]})]
    nlp.initialize(lambda: examples)
    return nlp


def weights(nlp: Language) -> list[numpy.ndarray]:
    return [node.get_param(name).copy() for node in nlp.get_pipe("tagger").model.walk()
            for name in node.param_names if node.has_param(name)]


def test_every_weight_becomes_the_mean_of_the_pipelines() -> None:
    a, b, c = tagger(1), tagger(2), tagger(3)
    expected = [(x + y + z) / 3 for x, y, z in zip(weights(a), weights(b), weights(c))]
    assert any(not numpy.allclose(x, y) for x, y in zip(weights(a), weights(b)))
    soup = weight_soup.averaged([a, b, c])
    assert len(expected) > 2
    for got, want in zip(weights(soup), expected):
        numpy.testing.assert_allclose(got, want, rtol=1e-6)
    assert soup("Solberg sier nei")[1].tag_ in {"N", "V"}


def test_pipelines_of_different_shape_are_refused() -> None:
    with pytest.raises(ValueError, match="differs in shape"):
        weight_soup.averaged([tagger(1), tagger(2, tags=("N", "V", "ADJ"))])


def test_the_continuation_sources_every_component_from_the_base(tmp_path: Path) -> None:
    base = tmp_path / "base"
    nlp = tagger(1)
    nlp.config["paths"]["vectors"] = None
    nlp.to_disk(base)
    config = weight_soup.continuation_config(base, Path("train.spacy"), Path("dev.spacy"), steps=500)
    assert config["components"] == {"tagger": {"source": str(base)}}
    assert config["training"]["max_steps"] == 500
    assert config["training"]["optimizer"]["learn_rate"] == 0.0003
    assert config["paths"]["train"] == "train.spacy"
    assert config["initialize"]["vectors"] == str(base)
