"""A bare noun or pronoun that names an earlier source again: "kildene", "avisen", "departementet", "han"."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.nlp.claims.context import StoryContext, capitalised_run
from service.nlp.claims.source_words import ARTICLES
from service.nlp.claims.sources.decisions import Resolver
from service.nlp.claims.sources.institutions import institution_head
from service.nlp.claims.sources.noun_phrases import phrase_text
from service.nlp.lang.places import country_of_adjective, country_of_name
from service.nlp.rules import Decided, first_decision


def recent_speaker(story: StoryContext, pronoun: Token) -> str | None:
    """The person who made the last claim, if that was in this sentence or the one before."""
    previous = story.previous_claimant()
    if previous is None or previous.get("type") != "person" or previous.get("start") is None:
        return None
    sent = pronoun.sent
    earliest = story.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return previous["canonical"] if earliest <= previous["start"] < pronoun.idx else None


@dataclass(frozen=True)
class _BackReference:
    """A one-word definite noun ("kildene", "avisen", "departementet") and the story before it."""

    story: StoryContext
    word: str  # lower-cased
    earlier: Span  # the story's tokens before the phrase
    resolve: Resolver


#: A back-reference rule: its answer (a claimant, or None for no one; no later rule is tried),
#: or None when it does not apply.
_BackReferenceRule = Callable[[_BackReference], Decided[dict] | None]


def referring_back(story: StoryContext, body: list[Token], start: int, resolve: Resolver) -> dict | None:
    """A bare definite noun that names an earlier source again: "ifølge kildene" after
    "sier to sikkerhetskilder", "Ifølge etterretningstjenesten" after "den ukrainske
    militære etterretningstjenesten" -> that earlier source, resolved."""
    if len(body) != 1:
        return None
    reference = _BackReference(story, body[0].lower_, story.tokens_before(start), resolve)
    decided = first_decision(BACK_REFERENCE_RULES, reference)
    return decided.answer if decided is not None else None


def _anonymous_sources_quoted_before(reference: _BackReference) -> Decided[dict] | None:
    """"to vestlige diplomater i N'Djamena … Ifølge kildene" -> the last anonymous claimant."""
    if reference.word not in ("kildene", "kilden"):
        return None
    anonymous = next((c for c in reversed(reference.story.claimants) if c.get("type") == "anonymous"), None)
    return Decided({"canonical": anonymous["canonical"], "type": "anonymous"}) if anonymous is not None else None


def _sources_mentioned_before(reference: _BackReference) -> Decided[dict] | None:
    """"tre lokale kilder … ifølge kildene" -> "lokale kilder"; with none, the sources are no one."""
    if reference.word not in ("kildene", "kilden"):
        return None
    doc = reference.story.doc
    for token in reversed(reference.earlier):
        if token.lower_.endswith(("kilder", "kilde")):
            k = token.i
            while k > token.sent.start and doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower:
                k -= 1  # "tre lokale kilder" -> "lokale kilder"
            return Decided({"canonical": phrase_text(list(doc[k:token.i + 1])), "type": "anonymous"})
    return Decided(None)


def _a_claimant_by_its_noun(reference: _BackReference) -> Decided[dict] | None:
    """"Ifølge avisen" after "skriver den franske avisen Le Monde" -> Le Monde."""
    named = _earlier_claimant_by_noun(reference.story, reference.word)
    return Decided(named) if named is not None else None


def _an_institution_named_before(reference: _BackReference) -> Decided[dict] | None:
    """"Ifølge departementet" after "Mexicos forsvarsdepartement" -> that institution, resolved."""
    word = reference.word
    institution = institution_head(word)
    if institution is None or not word.endswith(("en", "et", "ene")):
        return None
    for token in reversed(reference.earlier):
        earlier_head = institution_head(token.lower_)
        # "departementet" names "Mexicos forsvarsdepartement" again: same head, any prefix
        if (token.lower_.endswith(word) or (earlier_head or "").endswith(institution)) and token.i > 0:
            np = _phrase_naming_institution(reference.story.doc, token)
            resolved = reference.resolve(reference.story, np) if np else None
            if resolved is not None and resolved["canonical"].lower() != word:
                return Decided(resolved)
    return None


def _phrase_naming_institution(doc: Doc, token: Token) -> list[Token]:
    """The words that name the institution ``token`` heads: "det russiske forsvarsdepartementet",
    "Mexicos forsvarsdepartement", "forsvarsdepartementet i Taipei"; empty when none does."""
    np = [t for t in doc[max(token.sent.start, token.i - 4):token.i + 1] if not t.is_punct]
    while np and not (country_of_adjective(np[0].text) or np[0].lower_ in ARTICLES
                      or (np[0].text.endswith("s") and country_of_name(np[0].text))):
        np = np[1:]  # from where the phrase naming the institution starts
    if not np and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "i" \
            and doc[token.i + 2].text[:1].isupper():
        # "forsvarsdepartementet i Taipei": the capital names whose it is
        np = [token, doc[token.i + 1], *capitalised_run(doc[token.i + 2])]
    return np


#: The rules that find the earlier source a bare definite noun names again, tried in this
#: order: sources are anonymous sources, then a claimant whose words hold the noun, then an
#: institution with the same head.
BACK_REFERENCE_RULES: tuple[_BackReferenceRule, ...] = (
    _anonymous_sources_quoted_before,
    _sources_mentioned_before,
    _a_claimant_by_its_noun,
    _an_institution_named_before,
)


_DEFINITE_ENDINGS = ("ene", "en", "et", "a")


def _noun_stem(word: str) -> str:
    """"offiserene" -> "offiser", "avisen" -> "avis", "byrået" -> "byrå"."""
    for ending in _DEFINITE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _earlier_claimant_by_noun(story: StoryContext, word: str) -> dict | None:
    """"Ifølge avisen" after "skriver den franske avisen Le Monde", "ifølge offiserene"
    after "sier to nigerianske offiserer", "Ifølge byrået" after "nyhetsbyrået Reuters":
    the latest earlier claimant whose own words hold that noun."""
    if not word.endswith(_DEFINITE_ENDINGS) or word in ("han", "hun", "den", "det", "de"):
        return None
    stem = _noun_stem(word)
    for claimant in reversed(story.claimants):
        if claimant.get("type") in ("agency", None):
            continue
        for other in (claimant.get("text") or "").lower().split():
            other = other.strip(",.«»()")
            if other == word or other.endswith(word) or (len(stem) >= 4 and (
                    _noun_stem(other).endswith(stem) or other.removesuffix("er").endswith(stem))):
                return {"canonical": claimant["canonical"], "type": claimant["type"]}
    return None
