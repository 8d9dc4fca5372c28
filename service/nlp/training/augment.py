"""Entity-swap augmentation for NER training.

A name the model has seen only in one sentence is easy to memorise with its context;
giving the same context other names of the same kind teaches the context instead.
:func:`swap_entities` replaces entities of a gold ``Doc`` by other mentions of the same
label and the same number of tokens, taken from the training corpus, so every tag, arc
and morphological feature stays where it was. A genitive keeps its genitive ending::

    inventory = mention_inventory(train_docs)
    swapped = swap_entities(doc, inventory, random.Random(0), rate=0.5)

Training-only: importing the module registers ``newswire.entity_swap.v1`` for ``spacy
train`` (``training/newswire_code.py`` does); the service never imports it.
"""
from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry

#: Labels whose mentions are swapped. DRV ("norske", "Fr.p.-gruppen") is inflected like
#: the word it derives from and MISC has too few mentions to swap among.
SWAPPED_LABELS = frozenset({"PER", "ORG", "GPE_LOC", "GPE_ORG", "LOC", "PROD", "EVT"})

Inventory = dict[tuple[str, int], list[tuple[str, ...]]]


class Chance(Protocol):
    """What a swap draws on: a ``random.Random``, or the ``random`` module spaCy seeds."""

    def random(self) -> float: ...

    def choice(self, seq: Any) -> Any: ...


def _is_genitive(span: Span) -> bool:
    return "Gen" in span[-1].morph.get("Case", None)


def mention_inventory(docs: Iterable[Doc]) -> Inventory:
    """Distinct non-genitive mentions by (label, token count), in corpus order."""
    seen: dict[tuple[str, int], dict[tuple[str, ...], None]] = defaultdict(dict)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in SWAPPED_LABELS and not _is_genitive(ent):
                seen[(ent.label_, len(ent))][tuple(token.text for token in ent)] = None
    return {key: list(mentions) for key, mentions in seen.items()}


def genitive(word: str) -> str:
    """Bokmål genitive of a name: Biden → Bidens, Paris → Paris'."""
    return word + ("'" if word[-1:].lower() in ("s", "x", "z") else "s")


def swap_entities(doc: Doc, inventory: Inventory, rng: Chance, rate: float) -> Doc:
    """A copy of gold ``doc`` with each swappable entity replaced, with probability
    ``rate``, by another mention of its label and length; all other annotation kept."""
    words = [token.text for token in doc]
    lemmas = [token.lemma_ for token in doc]
    # one replacement per name and story, so a name repeated stays one name
    replacements: dict[tuple[str, str], tuple[str, ...] | None] = {}
    for ent in doc.ents:
        choices = inventory.get((ent.label_, len(ent)))
        if ent.label_ not in SWAPPED_LABELS or not choices:
            continue
        name = (ent.label_, ent.text[:-1] if _is_genitive(ent) else ent.text)
        if name not in replacements:
            replacements[name] = rng.choice(choices) if rng.random() < rate else None
        chosen = replacements[name]
        if chosen is None:
            continue
        new = list(chosen)
        if _is_genitive(ent):
            new[-1] = genitive(new[-1])
        words[ent.start:ent.end] = new
        lemmas[ent.start:ent.end] = new
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(token.whitespace_) for token in doc],
        tags=[token.tag_ for token in doc],
        pos=[token.pos_ for token in doc],
        morphs=[str(token.morph) for token in doc],
        lemmas=lemmas,
        heads=[token.head.i for token in doc],
        deps=[token.dep_ for token in doc],
        sent_starts=[bool(token.is_sent_start) for token in doc],
        ents=[f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in ("B", "I") else "O"
              for token in doc],
    )


def entity_swap_augmenter(corpus: Path, level: float, rate: float
                          ) -> Callable[[Language, Example], Iterator[Example]]:
    """A spaCy augmenter: with probability ``level`` an example is replaced by its
    entity-swapped copy (see :func:`swap_entities`); mentions come from ``corpus``."""
    inventory: Inventory | None = None

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        nonlocal inventory
        if inventory is None:  # read once, with the vocab of the pipeline being trained
            inventory = mention_inventory(DocBin().from_disk(corpus).get_docs(nlp.vocab))
        # spaCy seeds `random` before training, so the swaps repeat from run to run
        if random.random() >= level:
            yield example
            return
        reference = swap_entities(example.reference, inventory, random, rate)
        yield Example(nlp.make_doc(reference.text), reference)

    return augment


@registry.augmenters("newswire.entity_swap.v1")
def create_entity_swap(corpus: Path, level: float = 0.5, rate: float = 0.5
                       ) -> Callable[[Language, Example], Iterator[Example]]:
    """The registered form of :func:`entity_swap_augmenter`, for a config's
    ``corpora.train.augmenter`` block."""
    return entity_swap_augmenter(Path(corpus), level, rate)
