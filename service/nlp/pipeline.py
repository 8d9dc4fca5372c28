"""Load the shipped Bokmål pipeline once per process.

>>> nlp = load_pipeline()
>>> [s.text for s in nlp("Det regner. Det blåser.").sents]
['Det regner.', 'Det blåser.']

The trained model lives in ``service/models/nb_newswire`` (override with the
``NEWSWIRE_MODEL`` environment variable). Without it the pipeline is blank spaCy
Bokmål with a rule sentencizer, named ``blank``: no entities are ever invented.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from service.nlp import architectures  # noqa: F401  (registers the layers a config may name)
from service.nlp.blas_ops import blas_ops, limit_blas_threads

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "nb_newswire"
BLANK_NAME = "blank"
# newswire's own components: module → registered factory, added after the trained ones
# in this order: the entity repair first, then the canonical names of the repaired
# entities, which quotes and claims both read; claims also read the quotes.
EXTRACTORS = (("service.nlp.mentions.repair", "newswire_entity_repair"),
              ("service.nlp.mentions.component", "newswire_mentions"),
              ("service.nlp.quotes.component", "newswire_quotes"),
              ("service.nlp.claims.component", "newswire_claims"))


def model_path() -> Path:
    return Path(os.environ.get("NEWSWIRE_MODEL", MODEL_DIR))


@lru_cache(maxsize=None)
def load_pipeline() -> Language:
    """The pipeline every enrichment uses, cached per process."""
    path = model_path()
    if (path / "config.cfg").is_file():
        nlp = load_model(path)
    else:
        nlp = spacy.blank("nb")
        nlp.add_pipe("sentencizer")
        nlp.meta["name"] = BLANK_NAME
        nlp.meta["version"] = "0.0.0"
    keep_abbreviations(nlp)
    add_extractors(nlp)
    return nlp


def keep_abbreviations(nlp: Language) -> Language:
    """One token for each abbreviation of the vocabulary ("iflg."), so its full stop does not
    end the sentence before the source it introduces."""
    from service.nlp.lang.vocabulary import word_list

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer; its type is a plain callable
    for word in word_list("according_prepositions.txt"):
        if word.endswith("."):
            for form in (word, word[:1].upper() + word[1:]):
                tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def load_model(path: Path) -> Language:
    """``spacy.load(path)`` with matrix products through numpy's BLAS on one thread
    (:mod:`service.nlp.blas_ops`: same output, about 1.6× faster than thinc's BLIS)."""
    limit_blas_threads()
    with blas_ops():
        return spacy.load(path)


def add_extractors(nlp: Language) -> Language:
    """Append the entity repair, mention, quote and claim components (those that exist) to ``nlp``."""
    for module, factory in EXTRACTORS:
        if importlib.util.find_spec(module) is None:
            continue
        importlib.import_module(module)  # registers the factory
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)
    return nlp


def model_identity(nlp: Language) -> tuple[str, str]:
    """(name, version) as written into every event's provenance."""
    meta = nlp.meta
    name = meta.get("name", BLANK_NAME)
    if name != BLANK_NAME and not name.startswith(f"{meta.get('lang', 'nb')}_"):
        name = f"{meta.get('lang', 'nb')}_{name}"
    return name, str(meta.get("version", "0.0.0"))
