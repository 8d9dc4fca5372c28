"""Institutions a phrase names: a country's ("det russiske forsvarsdepartementet"), an alliance's
("alliansens hovedkvarter"), a named owner's unit ("Stortingets utredningsseksjon"), a name after
what it is ("tankesmien Sanaa Center")."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.nlp.claims.context import StoryContext
from service.nlp.claims.source_words import (
    INSTITUTION_ENDINGS,
    MEDIA,
    MEDIA_DESCRIPTORS,
    MEDIA_DESCRIPTOR_ENDINGS,
    ORG_DESCRIPTOR_ENDINGS,
)
from service.nlp.claims.sources.noun_phrases import head_before_preposition, is_proper, phrase_text
from service.nlp.claims.sources.roles import role_base
from service.nlp.lang.places import affiliation_country, country_of_adjective, country_of_name, genitive, side_of_word
from service.nlp.rules import first_decision


def institution_head(word: str) -> str | None:
    low = word.lower()
    for ending, indefinite in INSTITUTION_ENDINGS.items():
        if low.endswith(ending):
            return low[: len(low) - len(ending)] + indefinite
    return None


def owned_unit(body: list[Token]) -> str | None:
    """"Stortingets utredningsseksjon", "Kongressens forskningstjeneste": a named owner in
    the genitive and the unit of it that speaks, kept whole (not a country's institution)."""
    if len(body) < 2 or not _a_named_owner(body[0]):
        return None
    unit, tail = _split_at_preposition(body[1:])
    if tail and not (len(tail) >= 2 and all(t.text[:1].isupper() for t in tail[1:])):
        return None  # after the preposition only a name ("for Jemen", "i Brussel")
    if not all(_a_common_word(t) for t in unit) or role_base(unit[-1].lower_) is not None:
        return None
    # what it is for belongs to the name ("FNs ekspertpanel for Jemen"); where it sits does not
    return phrase_text(body if tail and tail[0].lower_ == "for" else body[:1 + len(unit)])


def _a_named_owner(token: Token) -> bool:
    """"Stortingets", "FNs": a name in the genitive that is not a country's ("Russlands", "landets")."""
    return token.text.endswith("s") and is_proper(token) and token.lower_ != "landets" \
        and not country_of_name(token.text)


def _split_at_preposition(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """The words before the first "for", "i" or "på" after the first word, and the rest."""
    cut = next((k for k, t in enumerate(words) if k and t.lower_ in ("for", "i", "på")), len(words))
    return words[:cut], words[cut:]


def _a_common_word(token: Token) -> bool:
    """A lower-case word of a unit's name; "personell-" in "personell- og vernepliktssenter" is one."""
    return not token.text[:1].isupper() and (token.is_alpha or token.text[:-1].isalpha() and token.text[-1] == "-")


#: Small words inside foreign names ("The Globe and Mail", "Institute for the Study of War").
NAME_LINKS: frozenset[str] = frozenset({"and", "of", "the", "for", "de", "du", "la", "el", "al", "og"})


def described_name(body: list[Token]) -> tuple[str, str] | None:
    """A common noun that says what the name after it is: "den tyrkiske avisen Hürriyet"
    (media), "tankesmien Sanaa Center", "konfliktdatabasen ACLED" (organisation)."""
    for k, token in enumerate(body[:-1]):
        low = token.lower_
        kind = "media" if low in MEDIA_DESCRIPTORS or low.endswith(MEDIA_DESCRIPTOR_ENDINGS) else (
            "organisation" if low.endswith(ORG_DESCRIPTOR_ENDINGS) else None)
        if kind is None:
            continue
        named = body[k + 1:]
        if not all(t.text[:1].isupper() or t.like_num or t.text in ("-", "&")
                   or (t.lower_ in NAME_LINKS and 0 < i < len(named) - 1)  # "The Globe and Mail"
                   for i, t in enumerate(named)):
            return None
        name = " ".join(t.text for t in named).rstrip(".,;:")  # "Digi24." at a sentence's end
        if kind == "organisation" and country_of_name(name) is not None:
            return None
        return (MEDIA.get(name.lower(), name) if kind == "media" else name), kind
    return None


def names_an_institution(story: StoryContext, start: int) -> bool:
    """A name right after an institution noun is that institution's name, not a person's
    ("etterretningstjenesten Must", "forsvarsdepartementet Pentagon")."""
    before = story.tokens_before(start)
    return len(before) > 0 and before[-1].is_lower and institution_head(before[-1].text) is not None


def institution_name(text: str) -> bool:
    """One-word names NER may take for people: "Hæren", "Pentagon", "Reuters"."""
    word = text.strip()
    return " " not in word and (affiliation_country(word) is not None or word.lower() in MEDIA
                                or country_of_name(word) is not None or institution_head(word) is not None)


@dataclass(frozen=True)
class _InstitutionPhrase:
    """A phrase whose head is an institution or a role, and what the institution rules read."""

    story: StoryContext
    body: list[Token]
    start: int
    head: Token  # the institution or role word
    after: list[Token]  # what follows the preposition after the head ("i Kyiv")
    institution: str | None  # the head in its indefinite form ("forsvarsdepartement")
    role: str | None  # the head as a role ("forsvarsminister"), else None
    owner: Token | None  # a named owner in the genitive before the head ("NATOs", "Kongressens")

    @classmethod
    def of(cls, story: StoryContext, body: list[Token], start: int) -> _InstitutionPhrase | None:
        head, after = head_before_preposition(body)
        if head.text[:1].isupper() and head is not body[0] \
                and institution_head(body[body.index(head) - 1].text) is not None:
            head = body[body.index(head) - 1]  # an appositive name: "etterretningstjenesten MIVD"
        institution, role = institution_head(head.text), role_base(head.lower_)
        if institution is None and role is None:
            return None
        first = body[0]
        owner = first if first is not head and first.lower_ != "landets" and (
            is_proper(first) or first.lower_ in ("alliansens", "unionens")) else None
        if owner is not None and not owner.text.endswith("s"):
            owner = None  # only a genitive owns
        return cls(story, body, start, head, after, institution, role, owner)

    def alliance(self) -> str | None:
        """The alliance a genitive owner names ("NATOs", "alliansens"), unless it is a country."""
        if self.owner is None or self.role is not None or country_of_name(self.owner.text) is not None:
            return None
        return side_of_word(self.owner.text[:-1])

    def country(self) -> str | None:
        """The country the words before the head name ("russiske", "Ukrainas", "landets"),
        else the words after its preposition ("i Kyiv")."""
        country: str | None = None
        for token in self.body:
            if token is self.head:
                break
            if token.lower_ == "landets":
                country = self.story.country_before(self.start)
            else:
                country = country or country_of_adjective(token.text) or (
                    country_of_name(token.text) if token.text.endswith(("s", "'")) else None)
        if country is None:
            for token in self.after:
                country = country or affiliation_country(token.text) or country_of_name(token.text)
        return country


#: An institution rule: the claimant's canonical name and type, or None to try the next rule.
_InstitutionRule = Callable[[_InstitutionPhrase], tuple[str, str] | None]


def national_institution(story: StoryContext, body: list[Token], start: int) -> tuple[str, str] | None:
    """"det russiske forsvarsdepartementet", "landets regjering", "myndighetene i Kyiv"."""
    phrase = _InstitutionPhrase.of(story, body, start)
    if phrase is None:
        return None
    return first_decision(INSTITUTION_RULES, phrase)


def _an_alliance_body_by_its_acronym(phrase: _InstitutionPhrase) -> tuple[str, str] | None:
    """"alliansens militære hovedkvarter SHAPE" -> SHAPE: the body's own acronym after it."""
    last = phrase.body[-1]
    if phrase.alliance() is None or last is phrase.head:
        return None
    return (last.text, "organisation") if last.text.isupper() and last.is_alpha and len(last.text) >= 2 else None


def _an_alliance_body(phrase: _InstitutionPhrase) -> tuple[str, str] | None:
    """"NATOs hovedkvarter", "alliansens hovedkvarter" -> NATO: the alliance that owns it."""
    alliance = phrase.alliance()
    return (alliance, "organisation") if alliance is not None else None


def _a_body_of_a_named_owner(phrase: _InstitutionPhrase) -> tuple[str, str] | None:
    """"Kongressens forskningstjeneste": an owner that is no country, the phrase kept whole."""
    owner = phrase.owner
    if owner is None or phrase.role is not None or country_of_name(owner.text) is not None \
            or affiliation_country(owner.text) is not None:
        return None
    return phrase_text(phrase.body), "organisation"


def _a_countrys_office_holder(phrase: _InstitutionPhrase) -> tuple[str, str] | None:
    """"den russiske forsvarsministeren" -> "Russlands forsvarsminister", a person."""
    country = phrase.country() if phrase.role is not None else None
    return (f"{genitive(country)} {phrase.role}", "person") if country is not None else None


def _a_countrys_body(phrase: _InstitutionPhrase) -> tuple[str, str] | None:
    """"det russiske forsvarsdepartementet" -> "Russlands forsvarsdepartement"."""
    country = phrase.country() if phrase.role is None else None
    return (f"{genitive(country)} {phrase.institution}", "organisation") if country is not None else None


#: The rules that name an institution or office holder, tried in this order: an alliance's
#: or another named owner's body before a country's, found in the words around the head.
INSTITUTION_RULES: tuple[_InstitutionRule, ...] = (
    _an_alliance_body_by_its_acronym,
    _an_alliance_body,
    _a_body_of_a_named_owner,
    _a_countrys_office_holder,
    _a_countrys_body,
)
