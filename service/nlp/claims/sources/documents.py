"""Documents as sources: "FN-rapporten" names its author, a bare "Rapporten" refers to an earlier one."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from service.nlp.claims.context import StoryContext, is_verb
from service.nlp.claims.source_words import DOCUMENT_HEADS, MEDIA
from service.nlp.claims.sources.decisions import Resolver
from service.nlp.claims.sources.institutions import institution_head
from service.nlp.mentions.noun_phrase import CLAIMANT_AFTER_A_CUE, phrase_after
from service.nlp.lang.places import country_of_name


def document_author(body: list[Token]) -> str | None:
    """"FN-rapporten", "NATO-tallene": the named author of a document compound."""
    last = body[-1]
    if "-" not in last.text or any(t.text[:1].isupper() for t in body[:-1]):
        return None
    name, _, rest = last.text.partition("-")
    if not name[:1].isupper() or rest.lower() not in DOCUMENT_HEADS:
        return None
    return country_of_name(name) or MEDIA.get(name.lower()) or name


def is_document(word: str) -> bool:
    """"rapporten", "etterretningsrapporten", "analysen": a document, not an author."""
    return any(word.endswith(head) for head in DOCUMENT_HEADS if len(head) > 5)


def author_before(story: StoryContext, offset: int, resolve: Resolver) -> dict | None:
    """The institution that issued the document a bare "Rapporten" refers to, named before ``offset``."""
    for step in AUTHOR_STEPS:
        found = step(story, offset, resolve)
        if found is not None:
            return found
    return None


def _a_document_from_someone(story: StoryContext, offset: int, resolve: Resolver) -> dict | None:
    """"en ny rapport fra Pentagon … Rapporten" -> Pentagon: who an earlier document is from."""
    doc = story.doc
    for token in reversed(story.tokens_before(offset)):
        if is_document(token.lower_) and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "fra":
            np = phrase_after(list(doc), token.i + 2, CLAIMANT_AFTER_A_CUE)
            resolved = resolve(story, np) if np else None
            if resolved is not None:
                return resolved
    return None


def _the_institution_presenting_it(story: StoryContext, offset: int, resolve: Resolver) -> dict | None:
    """"MIVD la fram sin rapport. Rapporten …" -> MIVD: an institution that is an earlier sentence's subject."""
    for sent in reversed([s for s in story.doc.sents if s.end_char <= offset]):
        for np in _subject_candidates(sent):
            if not any(institution_head(t.text) for t in np if not t.text[:1].isupper()):
                continue
            resolved = resolve(story, np)
            if resolved is not None and resolved["type"] in ("organisation", "country"):
                return resolved
    return None


def _subject_candidates(sent: Span) -> list[list[Token]]:
    """The subjects the parse gives the sentence's root, then the words before its first verb."""
    subjects = [[t for t in subject.subtree if not t.is_punct]
                for subject in sent if subject.dep_ == "SUBJ" and subject.head.dep_ == "ROOT"]
    opening = next((k for k, t in enumerate(sent) if k and is_verb(t) and not t.text[:1].isupper()), 0)
    subjects.append(list(sent[:opening]))  # the parse may have missed the subject
    return subjects


#: Where the author of a document referred to again is found, tried in this order: a
#: document "fra" someone, then an institution that is the subject of an earlier sentence.
AUTHOR_STEPS: tuple[Callable[[StoryContext, int, Resolver], dict | None], ...] = (
    _a_document_from_someone,
    _the_institution_presenting_it,
)
