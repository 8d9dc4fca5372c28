"""Train the Bokmål pipeline on NorNE and install it into the package.

    newswire model train [--lexicon] [--pretrain] [--separate-ner] [--augment]

Convert NorNE, (pretrain,) train with the configs in ``training/``, install the best model
into ``service/models/nb_newswire`` and print its dev scores. Runs in the foreground; for
long runs start it with ``nohup`` (see ``make model``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin

from service.nlp.evaluation.model import evaluate
from service.nlp.evaluation.norne import convert, default_norne
from service.nlp.pipeline import MODEL_DIR
from service.nlp.training import lexicon as lexicon_table

TRAINING = Path(__file__).resolve().parents[3] / "training"
CONFIG = TRAINING / "newswire_nb.cfg"
NER_CONFIG = TRAINING / "newswire_nb_ner.cfg"
PRETRAIN_CONFIG = TRAINING / "newswire_nb_pretrain.cfg"
PRETRAIN_EPOCHS = 8
MODEL_VERSION = "0.4.0"


def train(*, norne: Path | None = None, out: Path = Path("runs/model"), separate_ner: bool = False,
          pretrain: bool = False, lexicon: bool = False, augment: bool = False) -> int:
    """Convert NorNE, train the multi-task pipeline (and, with ``separate_ner``, the NER
    with a tok2vec of its own, assembled in), install into the package, and print the
    installed pipeline's dev scores.

    With ``pretrain`` the shared tok2vec is first pretrained (``spacy pretrain``,
    characters objective) on the train text, one sentence a line, and training starts
    from those weights. With ``lexicon`` the tok2vec also reads a static table of word
    features (frequencies, places; :mod:`service.nlp.training.lexicon`, needs the ``[train]``
    extra), which ships inside the model. With ``augment`` half the training stories
    arrive with some of their names swapped for other names of the same label
    (:mod:`service.nlp.training.augment`).

    Runs in the foreground; for long runs start it with ``nohup`` (see ``make model``).
    A run that was stopped resumes: a stage whose model-best exists is not trained again.
    """
    corpus = out / "corpus"
    if not (corpus / "train.spacy").is_file():
        print(convert(norne or default_norne(), corpus))
    paths = ["--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    if lexicon:
        table = out / "lexicon"
        if not (table / "vocab").is_dir():
            try:
                print(f"{lexicon_table.write_pipeline(table)} words in the lexicon table")
            except ImportError as exc:  # the [train] extra's packages
                print(f"newswire: the lexicon needs the training extra: pip install -e '.[train]' ({exc})",
                      file=sys.stderr)
                return 2
        paths += ["--paths.vectors", str(table), "--components.tok2vec.model.embed.include_static_vectors",
                  "true"]
    if augment:
        paths += ["--corpora.train.augmenter", json.dumps(entity_swap_override(corpus / "train.spacy"))]
    if pretrain:
        weights = out / "pretrain" / f"model{PRETRAIN_EPOCHS - 1}.bin"
        if not weights.is_file():
            raw = corpus / "pretrain.jsonl"
            write_raw_text(corpus / "train.spacy", raw)
            code = subprocess.call([sys.executable, "-m", "spacy", "pretrain", str(PRETRAIN_CONFIG),
                                    str(out / "pretrain"), "--paths.raw_text", str(raw),
                                    "--pretraining.max_epochs", str(PRETRAIN_EPOCHS), *paths])
            if code:
                return code
        paths += ["--paths.init_tok2vec", str(weights)]
    # spaCy loads init_tok2vec only when the config has a [pretraining] block saying which
    # layer the weights belong to; the pretraining config is the training config plus that.
    pipeline_config = PRETRAIN_CONFIG if pretrain else CONFIG
    stages = [("pipeline", pipeline_config)] + ([("ner", NER_CONFIG)] if separate_ner else [])
    for name, config in stages:
        if (out / name / "model-best").is_dir():
            continue
        cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(out / name), *paths,
               "--code", str(TRAINING / "newswire_code.py")]  # numpy's BLAS (~1.2x faster), our layers
        # one BLAS thread, as the shipped model was trained: the same run gives the same model
        code = subprocess.call(cmd, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
        if code:
            return code
    base = out / "pipeline" / "model-best"
    install_nlp(assemble(base, out / "ner" / "model-best") if separate_ner else spacy.load(base))
    # the installed pipeline on dev, as `newswire model evaluate` prints it
    print(json.dumps(evaluate("dev", norne=norne, speed=False), ensure_ascii=False, indent=2))
    return 0


def entity_swap_override(train_corpus: Path) -> dict[str, Any]:
    """The ``corpora.train.augmenter`` block of an entity-swap run (``train(augment=True)``);
    ``service/nlp/training/augment.py`` registers the function it names."""
    return {"@augmenters": "newswire.entity_swap.v1", "corpus": str(train_corpus), "level": 0.5, "rate": 0.5}


def write_raw_text(docbin: Path, target: Path) -> int:
    """One JSON line ``{"text": sentence}`` per sentence of ``docbin``; returns the count."""
    vocab = spacy.blank("nb").vocab
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for doc in DocBin().from_disk(docbin).get_docs(vocab):
            for sentence in doc.sents:
                out.write(json.dumps({"text": sentence.text}, ensure_ascii=False) + "\n")
                count += 1
    return count


def assemble(base: Path, ner_from: Path) -> spacy.Language:
    """``base``'s tagger, morphologizer, parser and lemmatizer with the NER of ``ner_from``,
    which keeps its own tok2vec (copied into the NER so it no longer listens)."""
    nlp = spacy.load(base)
    ner_nlp = spacy.load(ner_from)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner_nlp, last=True)
    return nlp


def install(trained: Path, target: Path = MODEL_DIR, version: str = MODEL_VERSION) -> None:
    """Copy a trained pipeline to where ``load_pipeline`` finds it, named nb_newswire."""
    install_nlp(spacy.load(trained), target, version)


def prune_lemma_exceptions(nlp: spacy.Language) -> int:
    """Drop lemma exceptions the rules already produce (behaviour-preserving; the Bokmål
    exception table is the largest file of the model). Returns how many were dropped."""
    if "lemmatizer" not in nlp.pipe_names:
        return 0
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    if not lookups.has_table("lemma_exc"):
        return 0
    exceptions, rules = lookups.get_table("lemma_exc"), lookups.get_table("lemma_rules")
    pruned, dropped = {}, 0
    for pos, table in exceptions.items():
        kept = {}
        for form, lemmas in table.items():
            if lemmas and _rule_lemma(rules.get(pos) or [], form) == lemmas[0]:
                dropped += 1
            else:
                kept[form] = lemmas
        pruned[pos] = kept
    lookups.remove_table("lemma_exc")
    lookups.add_table("lemma_exc", pruned)
    return dropped


def _rule_lemma(rules: list, form: str) -> str | None:
    """The lemma spaCy's rule lemmatizer gives ``form`` without exceptions or index."""
    non_alpha: list[str] = []
    candidates: list[str] = []
    for old, new in rules:
        if form.endswith(old):
            lemma = form[: len(form) - len(old)] + new
            if lemma:
                (candidates if lemma.isalpha() else non_alpha).append(lemma)
    return next(iter(non_alpha or candidates), None)


def install_nlp(nlp: spacy.Language, target: Path = MODEL_DIR, version: str = MODEL_VERSION) -> None:
    prune_lemma_exceptions(nlp)
    labels = [label for pipe_labels in nlp.pipe_labels.values() for label in pipe_labels]
    lexicon_table.compact(nlp.vocab, keep=labels)  # a lexicon table: same lookups, a third of the size
    # training inputs are not part of the model: no paths of the training machine in it
    for key in list(nlp.config.get("paths", {})):
        nlp.config["paths"][key] = None
    # a table built from wordfreq's data is CC BY-SA: the model that carries it shares alike
    licence = ("CC-BY-SA-4.0 (lexicon table from wordfreq data; NorNE annotations CC0); see MODEL_CARD.md"
               if nlp.vocab.vectors.shape[0] else "CC0-1.0 (NorNE annotations); see MODEL_CARD.md")
    nlp.meta.update(name="newswire", version=version, license=licence)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
