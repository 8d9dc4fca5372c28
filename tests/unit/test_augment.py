"""Entity-swap augmentation for training (service/nlp/training/augment.py) on hand-annotated docs."""
from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from service.nlp.training.augment import entity_swap_augmenter, genitive, mention_inventory, swap_entities

NLP = spacy.blank("nb")


def gold(words: list[str], ents: list[str], morphs: list[str] | None = None) -> Doc:
    n = len(words)
    return Doc(NLP.vocab, words=words, ents=ents, tags=[f"t{i}" for i in range(n)],
               pos=["PROPN"] * n, morphs=morphs or [""] * n, heads=[0] + [i - 1 for i in range(1, n)],
               deps=[f"d{i}" for i in range(n)], lemmas=[w.lower() for w in words])


def source() -> Doc:
    return gold(["Jonas", "Gahr", "Støre", "besøkte", "Bergen", "og", "Kiev", "med", "Høyre", "og", "Russlands",
                 "norske", "venner"],
                ["B-PER", "I-PER", "I-PER", "O", "B-GPE_LOC", "O", "B-GPE_LOC", "O", "B-ORG", "O", "B-GPE_ORG",
                 "B-DRV", "O"],
                morphs=[""] * 10 + ["Case=Gen", "", ""])


def test_the_inventory_groups_plain_mentions_by_label_and_length() -> None:
    inventory = mention_inventory([source()])
    assert inventory[("PER", 3)] == [("Jonas", "Gahr", "Støre")]
    assert inventory[("GPE_LOC", 1)] == [("Bergen",), ("Kiev",)]
    assert ("GPE_ORG", 1) not in inventory  # only a genitive, which would carry its -s along
    assert not any(label == "DRV" for label, _ in inventory)


def test_a_swap_changes_only_entity_words_and_keeps_every_annotation() -> None:
    inventory = {("PER", 3): [("Erna", "Solberg", "Hansen")], ("GPE_LOC", 1): [("Oslo",)],
                 ("ORG", 1): [("NTB",)], ("GPE_ORG", 1): [("Norge",)]}
    doc = source()
    swapped = swap_entities(doc, inventory, random.Random(0), rate=1.0)
    assert [t.text for t in swapped] == ["Erna", "Solberg", "Hansen", "besøkte", "Oslo", "og", "Oslo", "med", "NTB",
                                         "og", "Norges", "norske", "venner"]
    assert [(e.start, e.end, e.label_) for e in swapped.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    for attr in ("tag_", "pos_", "dep_", "whitespace_"):
        assert [getattr(t, attr) for t in swapped] == [getattr(t, attr) for t in doc]
    assert [t.head.i for t in swapped] == [t.head.i for t in doc]
    assert [str(t.morph) for t in swapped] == [str(t.morph) for t in doc]
    assert swapped[0].lemma_ == "Erna" and swapped[3].lemma_ == "besøkte"


def test_a_name_repeated_in_the_story_gets_one_replacement() -> None:
    doc = gold(["Kiev", "og", "Kiev", "og", "Bergen"], ["B-GPE_LOC", "O", "B-GPE_LOC", "O", "B-GPE_LOC"])
    inventory = {("GPE_LOC", 1): [(f"By{i}",) for i in range(50)]}
    for seed in range(20):
        swapped = swap_entities(doc, inventory, random.Random(seed), rate=1.0)
        assert swapped[0].text == swapped[2].text
        assert swapped[0].text.startswith("By")


def test_no_swap_at_rate_zero_or_without_a_mention_of_that_length() -> None:
    doc = source()
    assert swap_entities(doc, mention_inventory([doc]), random.Random(0), rate=0.0).text == doc.text
    assert swap_entities(doc, {("PER", 2): [("Erna", "Solberg")]}, random.Random(0), rate=1.0).text == doc.text


def test_genitive_endings() -> None:
    assert [genitive(w) for w in ("Biden", "Paris", "Felix", "NRK")] == ["Bidens", "Paris'", "Felix'", "NRKs"]


def test_the_augmenter_yields_aligned_examples_from_the_corpus(tmp_path) -> None:
    from spacy.tokens import DocBin

    path = tmp_path / "train.spacy"
    DocBin(docs=[source(), gold(["Ola", "Nordmann", "kom"], ["B-PER", "I-PER", "O"])]).to_disk(path)
    example = Example(NLP.make_doc(source().text), source())
    random.seed(3)
    always = entity_swap_augmenter(path, level=1.0, rate=1.0)
    outputs = [out for _ in range(10) for out in always(NLP, example)]
    assert len(outputs) == 10
    assert all(out.reference.ents[0].label_ == "PER" for out in outputs)
    assert all(out.predicted.text == out.reference.text for out in outputs)
    never = entity_swap_augmenter(path, level=0.0, rate=1.0)
    assert [out.reference.text for out in never(NLP, example)] == [source().text]


def test_the_training_config_takes_the_augmenter_override(tmp_path) -> None:
    """What ``newswire model train --augment`` passes to ``spacy train`` resolves, with
    training/newswire_code.py loaded, to a corpus that yields swapped stories."""
    import importlib.util

    from spacy.tokens import DocBin
    from spacy.util import load_config, registry

    from service.nlp.training.train import CONFIG, TRAINING, entity_swap_override

    spec = importlib.util.spec_from_file_location("newswire_training_code", TRAINING / "newswire_code.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    path = tmp_path / "train.spacy"
    stories = [gold(["Ola", "Hansen", "kom"], ["B-PER", "I-PER", "O"]),
               gold(["Kari", "Olsen", "gikk"], ["B-PER", "I-PER", "O"])]
    DocBin(docs=stories).to_disk(path)
    overrides = {"paths.train": str(path), "paths.dev": str(path)}

    def corpus_texts(overrides: dict) -> set[str]:
        config = load_config(CONFIG, overrides=overrides, interpolate=True)
        corpus = registry.resolve(config["corpora"])["train"]
        random.seed(0)
        return {example.reference.text.strip() for _ in range(60) for example in corpus(NLP)}

    plain = {"Ola Hansen kom", "Kari Olsen gikk"}
    assert corpus_texts(overrides) == plain
    swapped = corpus_texts({**overrides, "corpora.train.augmenter": entity_swap_override(path)})
    assert swapped == plain | {"Kari Olsen kom", "Ola Hansen gikk"}
