"""Convert NorNE's NDT files into spaCy DocBins for training and evaluation.

The split follows ``splits.tsv`` by document (never by sentence matching, which leaks).
Paragraph/heading boundary tokens (``|``) are dropped and their dependants re-attached.
Tags and relations stay in NDT's native scheme; ``pos`` and morphological features are
derived from NDT's POS and morphology so that components reading UPOS/UD features work.

    python -m service.nlp.evaluation.norne ../shared/data/norne corpus/
"""
from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

SENTENCES_PER_DOC = 20

# NDT morphology values → UD features. Values not listed carry no UD feature.
FEATURE_MAP: dict[str, tuple[str, str]] = {
    "mask": ("Gender", "Masc"), "fem": ("Gender", "Fem"), "nøyt": ("Gender", "Neut"),
    "m/f": ("Gender", "Fem,Masc"),
    "ent": ("Number", "Sing"), "eint": ("Number", "Sing"), "fl": ("Number", "Plur"),
    "be": ("Definite", "Def"), "bu": ("Definite", "Def"), "ub": ("Definite", "Ind"),
    "gen": ("Case", "Gen"), "nom": ("Case", "Nom"), "akk": ("Case", "Acc"),
    "pres": ("Tense", "Pres"), "pret": ("Tense", "Past"),
    "inf": ("VerbForm", "Inf"), "perf-part": ("VerbForm", "Part"), "imp": ("Mood", "Imp"),
    "pass": ("Voice", "Pass"),
    "pos": ("Degree", "Pos"), "komp": ("Degree", "Cmp"), "sup": ("Degree", "Sup"),
    "1": ("Person", "1"), "2": ("Person", "2"), "3": ("Person", "3"),
    "pers": ("PronType", "Prs"), "dem": ("PronType", "Dem"), "refl": ("Reflex", "Yes"),
    "poss": ("Poss", "Yes"), "fork": ("Abbr", "Yes"), "<ordenstall>": ("NumType", "Ord"),
}

AUXILIARIES = {"være", "ha", "bli", "skulle", "ville", "kunne", "måtte", "burde", "få"}
PUNCT_TAGS = {"clb", "<komma>", "<strek>", "<anf>", "<parentes-slutt>", "<parentes-beg>"}
SIMPLE_UPOS = {
    "adj": "ADJ", "adv": "ADV", "prep": "ADP", "konj": "CCONJ", "sbu": "SCONJ",
    "pron": "PRON", "inf-merke": "PART", "interj": "INTJ", "symb": "SYM", "ukjent": "X",
}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "»", "%", "...", "'"}
NO_SPACE_AFTER = {"(", "[", "«"}


def ndt_upos(tag: str, morph: set[str], lemma: str, form: str, head_tag: str | None) -> str:
    """An approximate UPOS for an NDT token (NDT has no AUX/NUM/PROPN distinction as such)."""
    if tag in PUNCT_TAGS:
        return "PUNCT"
    if tag == "subst":
        return "PROPN" if "prop" in morph else "NOUN"
    if tag == "verb":
        return "AUX" if lemma in AUXILIARIES and head_tag == "verb" else "VERB"
    if tag == "det":
        return "NUM" if "kvant" in morph and (form[:1].isdigit() or lemma not in _QUANT_DETS) else "DET"
    return SIMPLE_UPOS.get(tag, "X")


_QUANT_DETS = {"alle", "all", "mange", "mye", "noen", "få", "flere", "fleste", "ingen", "hver",
               "begge", "en", "ei", "et", "enhver", "annen", "mest", "lite", "litt", "nok",
               "nokon", "mykje", "kvar", "ingen", "fleire", "einkvar", "anna", "eit", "ein"}


def ud_features(morph: set[str]) -> str:
    """UD features of a token's NDT values; values that share a feature are joined, so
    pronoun "den" (mask|fem) is Gender=Fem,Masc, as UD writes it.

    >>> ud_features({"mask", "fem", "ent", "pers", "3"})
    'Gender=Fem,Masc|Number=Sing|Person=3|PronType=Prs'
    """
    feats: dict[str, set[str]] = {}
    for value in morph:
        if value in FEATURE_MAP:
            name, vals = FEATURE_MAP[value]
            feats.setdefault(name, set()).update(vals.split(","))
    return "|".join(f"{k}={','.join(sorted(v))}" for k, v in sorted(feats.items()))


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # absolute index within the sentence
    deps: list[str] = field(default_factory=list)
    ents: list[str] = field(default_factory=list)


def read_sentences(path: Path) -> list[Sentence]:
    raw: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if raw[-1]:
                raw.append([])
            continue
        raw[-1].append(line.split("\t"))
    return [s for s in (_build_sentence(rows) for rows in raw if rows) if s.words]


def _build_sentence(rows: list[list[str]]) -> Sentence:
    ids = [int(r[0]) for r in rows]
    heads = {int(r[0]): int(r[6]) for r in rows}
    boundary = {int(r[0]) for r in rows if r[1] == "|"}

    def resolve(head: int) -> int:
        seen = set()
        while head in boundary and head not in seen:
            seen.add(head)
            head = heads[head]
        return head

    kept = [i for i in ids if i not in boundary]
    new_index = {old: new for new, old in enumerate(kept)}
    tag_by_id = {int(r[0]): r[3] for r in rows}
    sent = Sentence()
    root_seen = False
    for r in rows:
        tid = int(r[0])
        if tid in boundary:
            continue
        form, lemma, tag = r[1], r[2].lstrip("$") or r[1], r[3]
        morph = set(r[5].split("|")) if r[5] != "_" else set()
        head = resolve(heads[tid])
        dep = r[7]
        if head == 0 or head not in new_index:
            if root_seen:  # a second root (its head was a dropped boundary): attach to the first
                head_idx = sent.heads[sent.deps.index("ROOT")] if "ROOT" in sent.deps else new_index[tid]
                dep = dep if dep != "ROOT" else "FRAG"
            else:
                head_idx, dep, root_seen = new_index[tid], "ROOT", True
        else:
            head_idx = new_index[head]
        head_tag = tag_by_id.get(heads[tid])
        sent.words.append(form)
        sent.lemmas.append(lemma)
        sent.tags.append(tag)
        sent.pos.append(ndt_upos(tag, morph, lemma, form, head_tag))
        sent.morphs.append(ud_features(morph))
        sent.heads.append(head_idx)
        sent.deps.append(dep)
        ent = r[9].split("name=", 1)[1] if "name=" in r[9] else "O"
        sent.ents.append(ent)
    _repair_ents(sent.ents)
    return sent


def _repair_ents(ents: list[str]) -> None:
    """Turn orphan I- tags (left by dropped tokens) into B- so the BIO sequence is valid."""
    prev = "O"
    for i, tag in enumerate(ents):
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            ents[i] = "B-" + tag[2:]
        prev = ents[i]


def spaces_for(words: list[str]) -> list[bool]:
    """Rebuild spacing: NDT has no SpaceAfter, so follow Norwegian typography."""
    spaces = []
    open_quote = False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None
        if word in NO_SPACE_AFTER:
            space = False
        if word == '"':
            if not open_quote:
                space = False
            open_quote = not open_quote
        if nxt is not None and nxt in NO_SPACE_BEFORE:
            space = False
        if nxt == '"' and open_quote:
            space = False
        spaces.append(space)
    if spaces:
        spaces[-1] = True
    return spaces


def sentences_to_doc(vocab, sentences: list[Sentence]) -> Doc:
    columns: list[list[Any]] = [[] for _ in range(10)]
    words, spaces, lemmas, tags, pos, morphs, heads, deps, ents, starts = columns
    for sent in sentences:
        offset = len(words)
        words += sent.words
        spaces += spaces_for(sent.words)
        lemmas += sent.lemmas
        tags += sent.tags
        pos += sent.pos
        morphs += sent.morphs
        heads += [h + offset for h in sent.heads]
        deps += sent.deps
        ents += sent.ents
        starts += [True] + [False] * (len(sent.words) - 1)
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, tags=tags, pos=pos,
               morphs=morphs, heads=heads, deps=deps, ents=ents, sent_starts=starts)


def default_norne() -> Path:
    """``$NEWSWIRE_NORNE``, else ``shared/data/norne`` beside or above the working directory."""
    env = os.environ.get("NEWSWIRE_NORNE")
    if env:
        if not (Path(env) / "splits.tsv").is_file():
            raise FileNotFoundError(f"NEWSWIRE_NORNE={env} holds no splits.tsv")
        return Path(env)
    here = Path.cwd().resolve()
    for base in (here, *here.parents):
        candidate = base / "shared" / "data" / "norne"
        if (candidate / "splits.tsv").is_file():
            return candidate
    raise FileNotFoundError("NorNE not found: set NEWSWIRE_NORNE to the directory holding splits.tsv")


def split_docs(vocab, norne: Path, split: str) -> list[Doc]:
    """The gold Docs of one Bokmål split ("train", "dev" or "test")."""
    splits = read_splits(norne)
    docs = []
    for name in sorted(n for n, s in splits.items() if s == split):
        sentences = read_sentences(norne / "ndt" / "nob" / name)
        docs += [sentences_to_doc(vocab, sentences[i:i + SENTENCES_PER_DOC])
                 for i in range(0, len(sentences), SENTENCES_PER_DOC)]
    return docs


def read_splits(norne: Path) -> dict[str, str]:
    pairs = (line.split("\t") for line in (norne / "splits.tsv").read_text().splitlines() if line)
    return {name: split.strip() for name, split in pairs}


def convert(norne: Path, out: Path) -> dict[str, int]:
    """Write train.spacy (Bokmål train + all Nynorsk), train-nob.spacy, dev.spacy, test.spacy."""
    nlp = spacy.blank("nb")
    splits = read_splits(norne)
    bins: dict[str, DocBin] = {k: DocBin(store_user_data=False) for k in
                                ("train", "train-nob", "dev", "test", "nno")}
    for name, split in sorted(splits.items()):
        sentences = read_sentences(norne / "ndt" / "nob" / name)
        for i in range(0, len(sentences), SENTENCES_PER_DOC):
            doc = sentences_to_doc(nlp.vocab, sentences[i:i + SENTENCES_PER_DOC])
            if split == "train":
                bins["train"].add(doc)
                bins["train-nob"].add(doc)
            else:
                bins[split].add(doc)
    for path in sorted((norne / "ndt" / "nno").glob("*.conll")):
        sentences = read_sentences(path)
        for i in range(0, len(sentences), SENTENCES_PER_DOC):
            doc = sentences_to_doc(nlp.vocab, sentences[i:i + SENTENCES_PER_DOC])
            bins["train"].add(doc)
            bins["nno"].add(doc)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for key, docbin in bins.items():
        docbin.to_disk(out / f"{key}.spacy")
        counts[key] = len(docbin)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("norne", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(convert(args.norne, args.out))


if __name__ == "__main__":
    main()
