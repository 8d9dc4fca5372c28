"""A claimant noun phrase resolved to a claimant by RESOLUTION_RULES, tried in order."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.nlp.claims.context import StoryContext, capitalised_run
from service.nlp.claims.source_words import (
    AGENCY,
    ANONYMOUS_HEADS,
    ARTICLES,
    DOCUMENT_HEADS,
    MEDIA,
    MEDIA_HEADS,
    MEDIA_RE,
)
from service.nlp.claims.sources.back_references import recent_speaker, referring_back
from service.nlp.claims.sources.documents import author_before, document_author, is_document
from service.nlp.claims.sources.institutions import (
    described_name,
    institution_name,
    names_an_institution,
    national_institution,
    owned_unit,
)
from service.nlp.claims.sources.noun_phrases import head_before_preposition, phrase_text, span_of, without_articles
from service.nlp.claims.sources.roles import role_person, title_before
from service.nlp.lang.places import (
    GROUP_BACK_REFERENCES,
    GROUP_HEADS,
    SIDE_NAMES,
    capital_country,
    country_of_name,
    side_of_word,
)
from service.nlp.rules import Decided, first_decision


def _claimant(tokens: list[Token], canonical: str, kind: str) -> dict:
    return {**span_of(tokens), "canonical": canonical, "type": kind}


def resolve_np(story: StoryContext, tokens: list[Token]) -> dict | None:
    """Claimant object for a noun phrase, or None when it names no one."""
    tokens = [t for t in tokens if not t.is_space]
    return _by_acronym(_resolve(story, tokens), tokens) if tokens else None


@dataclass(frozen=True)
class _NounPhrase:
    """A claimant noun phrase and what every resolution rule reads from it."""

    story: StoryContext
    tokens: list[Token]  # as written: the claimant's span
    body: list[Token]  # without leading articles ("den", "et", …)
    head: Token  # the last word before a preposition ("rapporten" in "rapporten fra FN")
    after_head: list[Token]  # what follows that preposition
    start: int
    end: int

    @classmethod
    def of(cls, story: StoryContext, tokens: list[Token]) -> _NounPhrase:
        body = without_articles(tokens)
        head, after_head = head_before_preposition(body)
        return cls(story, tokens, body, head, after_head,
                   tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def claimant(self, canonical: str, kind: str) -> Decided[dict]:
        return Decided(_claimant(self.tokens, canonical, kind))

    def as_resolved(self, resolved: dict) -> Decided[dict]:
        """This phrase's span standing for a claimant resolved elsewhere."""
        return Decided({**span_of(self.tokens), "canonical": resolved["canonical"], "type": resolved["type"]})


#: A resolution rule: its answer, or None when it does not apply and the next rule is tried.
_Rule = Callable[[_NounPhrase], Decided[dict] | None]


def _resolve(story: StoryContext, tokens: list[Token]) -> dict | None:
    np = _NounPhrase.of(story, tokens)
    decided = first_decision(RESOLUTION_RULES, np)
    if decided is None:
        raise AssertionError("the last resolution rule always decides")
    return decided.answer


def _what_a_document_cites(np: _NounPhrase) -> Decided[dict] | None:
    """"ifølge en rapport fra FN" -> FN: a document names its author after the preposition."""
    if np.head.lower_ in DOCUMENT_HEADS and np.after_head:
        inner = resolve_np(np.story, np.after_head)
        if inner is not None:
            return Decided(inner)
    return None


def _a_document_named_before(np: _NounPhrase) -> Decided[dict] | None:
    """"Ifølge rapporten" after "MIVD la fram sin rapport" -> MIVD: its issuer, or the last claimant."""
    if len(np.body) == 1 and is_document(np.head.lower_):
        author = author_before(np.story, np.start, resolve_np) or np.story.previous_claimant()
        if author is not None:
            return np.as_resolved(author)
    return None


def _a_personal_pronoun(np: _NounPhrase) -> Decided[dict] | None:
    """"…, sier Oleksandr Syrskyj. Han anslår …" -> the last speaker, else the last person named."""
    if not (len(np.body) == 1 and np.body[0].lower_ in ("han", "hun", "ham", "henne")):
        return None
    speaker = recent_speaker(np.story, np.body[0])
    if speaker is not None:
        return np.claimant(speaker, "person")
    person = np.story.person_before(np.start)
    return np.claimant(person.canonical, "person") if person else Decided(None)


def _the_agency_itself(np: _NounPhrase) -> Decided[dict] | None:
    """"opplyser NTB" -> the agency."""
    if len(np.body) == 1 and np.body[0].text == AGENCY:
        return np.claimant(AGENCY, "agency")
    return None


def _a_capital_city(np: _NounPhrase) -> Decided[dict] | None:
    """"ifølge Kyiv" -> Ukraina; "Addis Abeba" too (the parse may give only "Addis"), not "Kyiv Independent"."""
    body = np.body
    if len(body) <= 2 and all(t.text[:1].isupper() for t in body):
        country = capital_country(" ".join(t.text for t in capitalised_run(body[0])))
        if country is not None:
            return np.claimant(country, "country")
    return None


def _a_movement_by_its_compound(np: _NounPhrase) -> Decided[dict] | None:
    """"Houthi-bevegelsen" -> the side it names (or the word itself), an organisation."""
    word = np.body[0]
    if len(np.body) == 1 and "-" in word.text and word.text[:1].isupper() and word.lower_.endswith(GROUP_HEADS):
        return np.claimant(side_of_word(word.text) or word.text, "organisation")
    return None


def _a_documents_named_author(np: _NounPhrase) -> Decided[dict] | None:
    """"ifølge FN-rapporten" -> FN: the name in a document compound."""
    author = document_author(np.body)
    return np.claimant(author, "organisation") if author is not None else None


def _one_of_a_group(np: _NounPhrase) -> Decided[dict] | None:
    """"en av Diarras livvakter": one unnamed member of a group, anonymous."""
    body = np.body
    if len(body) > 2 and body[0].lower_ in ARTICLES and body[1].lower_ == "av":
        return np.claimant(phrase_text(body), "anonymous")
    return None


def _a_member_of_a_body(np: _NounPhrase) -> Decided[dict] | None:
    """"et medlem av forsvarskomiteen": an unnamed member, anonymous."""
    body = np.body
    if len(body) > 2 and body[0].lower_ in ("medlem", "medlemmer") and body[1].lower_ == "av":
        return np.claimant(phrase_text(body), "anonymous")
    return None


def _a_name_after_its_descriptor(np: _NounPhrase) -> Decided[dict] | None:
    """"den tyrkiske avisen Hürriyet" (media), "tankesmien Sanaa Center" (organisation)."""
    described = described_name(np.body)
    return np.claimant(*described) if described is not None else None


def _the_alliance_or_union(np: _NounPhrase) -> Decided[dict] | None:
    """"NATO skal sende …, opplyser alliansen" -> NATO; "unionen" -> EU."""
    if len(np.body) == 1 and np.body[0].lower_ in ("alliansen", "unionen"):
        return np.claimant(side_of_word(np.body[0].text) or "EU", "organisation")
    return None


def _a_source_named_before(np: _NounPhrase) -> Decided[dict] | None:
    """"Ifølge regjeringen" after "Malis regjering avviser" -> that earlier source again."""
    referred = referring_back(np.story, np.body, np.start, resolve_np)
    return np.as_resolved(referred) if referred is not None else None


def _a_named_person(np: _NounPhrase) -> Decided[dict] | None:
    """"sier Pål Jonson" -> the person NER finds, unless the name is an institution's, a medium's
    or an armed group's ("Al-Shabaab hevder")."""
    story = np.story
    people = [p for p in story.entities_in(np.start, np.end, ("PER",))
              if not institution_name(p.text) and p.text.strip().lower() not in MEDIA
              and not names_an_institution(story, p.start)
              and p.text.strip().lower() not in SIDE_NAMES]
    return np.claimant(people[0].canonical, "person") if people else None


def _a_named_medium(np: _NounPhrase) -> Decided[dict] | None:
    """"melder AFP" -> the medium by its own name (not "en Reuters-kilde", an anonymous source)."""
    media = MEDIA_RE.search(" ".join(t.text for t in np.body))
    if media is not None and np.head.lower_ not in ANONYMOUS_HEADS:
        return np.claimant(MEDIA[media.group(1).lower()], "media")
    return None


def _a_medium_by_its_kind(np: _NounPhrase) -> Decided[dict] | None:
    """"ifølge sørkoreanske medier" -> a medium, in its own words."""
    return np.claimant(phrase_text(np.body), "media") if np.head.lower_ in MEDIA_HEADS else None


def _an_anonymous_source(np: _NounPhrase) -> Decided[dict] | None:
    """"ifølge israelske kilder", "en tyrkisk tjenestemann" -> anonymous, without the article."""
    if any(np.head.lower_.endswith(h) for h in ANONYMOUS_HEADS):
        return np.claimant(phrase_text(np.body), "anonymous")
    return None


def _a_countrys_institution(np: _NounPhrase) -> Decided[dict] | None:
    """"forsvarsdepartementet i Brussel" -> "Belgias forsvarsdepartement": a country's institution."""
    national = national_institution(np.story, np.body, np.start)
    return np.claimant(*national) if national is not None else None


def _the_country_named_before(np: _NounPhrase) -> Decided[dict] | None:
    """"landet" -> the country the story spoke of last; no one when there is none."""
    if np.body[0].lower_ == "landet" and len(np.body) == 1:
        country = np.story.country_before(np.start)
        return np.claimant(country, "country") if country else Decided(None)
    return None


def _the_group_named_before(np: _NounPhrase) -> Decided[dict] | None:
    """"Hamas har …, men gruppen selv hevder" -> Hamas: the armed group named before."""
    if np.body[0].lower_ in GROUP_BACK_REFERENCES:
        name = np.story.group_named_before(np.start)
        if name is not None:
            return np.claimant(name, "organisation")
    return None


def _a_person_by_role(np: _NounPhrase) -> Decided[dict] | None:
    """"Ministeren sier" after "Forsvarsminister Pål Jonson" -> the person the story named in that role."""
    role = role_person(np.story, np.body, np.start)
    return np.claimant(role, "person") if role is not None else None


def _a_named_owners_unit(np: _NounPhrase) -> Decided[dict] | None:
    """"Forsvarets operative hovedkvarter", "Stortingets utredningsseksjon": a named owner's unit, kept whole."""
    owned = owned_unit(np.body)
    return np.claimant(owned, "organisation") if owned is not None else None


def _a_named_organisation_or_place(np: _NounPhrase) -> Decided[dict] | None:
    """"opplyser Innlandet politidistrikt" -> the organisation NER finds; a country's name is the country."""
    orgs = np.story.entities_in(np.start, np.end, ("ORG", "GPE_ORG", "GPE_LOC", "LOC"))
    if not orgs:
        return None
    name = orgs[0].canonical
    country = country_of_name(name)
    if country:
        return np.claimant(country, "country")
    return np.claimant(name, "person" if title_before(np.body, orgs[0].start) else "organisation")


def _a_capitalised_name(np: _NounPhrase) -> Decided[dict] | None:
    """"Hæren sier" -> Hæren; "Ifølge Brovdi" after "Robert Brovdi" -> him: the first capitalised run."""
    body, story = np.body, np.story
    names = [t for t in body if t.text[:1].isupper() and t.lower_ not in ARTICLES]
    if not names:
        return None
    first = body.index(names[0])
    run = [names[0]]
    for t in body[first + 1:]:
        if t.text[:1].isupper() or t.text == "-":
            run.append(t)
        else:
            break
    name = phrase_text(run) if len(run) > 1 else run[0].text
    earlier = next((e for e in reversed(story.entities) if e.label == "PER" and e.end <= np.start
                    and e.canonical.split()[-1] == name and " " in e.canonical), None)
    if earlier is not None:
        return np.claimant(earlier.canonical, "person")
    country = country_of_name(name)
    if country is not None:
        return np.claimant(country, "country")
    is_titled = title_before(body, names[0].idx) and len(run) > 1
    return np.claimant(story.names.get(name.lower(), name), "person" if is_titled else "organisation")


def _anything_else_is_an_organisation(np: _NounPhrase) -> Decided[dict]:
    """"opplyser politiet", "sier hærsjefen": what no rule above placed is an organisation, in its own words."""
    return np.claimant(phrase_text(np.body), "organisation")


#: The rules that turn a noun phrase into a claimant, tried in this order; the first that
#: decides wins (a rule may decide that the phrase names no one). The order matters: a
#: document before its author, names before roles, the catch-all last.
RESOLUTION_RULES: tuple[_Rule, ...] = (
    _what_a_document_cites,
    _a_document_named_before,
    _a_personal_pronoun,
    _the_agency_itself,
    _a_capital_city,
    _a_movement_by_its_compound,
    _a_documents_named_author,
    _one_of_a_group,
    _a_member_of_a_body,
    _a_name_after_its_descriptor,
    _the_alliance_or_union,
    _a_source_named_before,
    _a_named_person,
    _a_named_medium,
    _a_medium_by_its_kind,
    _an_anonymous_source,
    _a_countrys_institution,
    _the_country_named_before,
    _the_group_named_before,
    _a_person_by_role,
    _a_named_owners_unit,
    _a_named_organisation_or_place,
    _a_capitalised_name,
    _anything_else_is_an_organisation,
)


_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<short>[A-ZÆØÅ][A-ZÆØÅ0-9-]{1,9})\s*\)")


def _by_acronym(resolved: dict | None, np: list[Token]) -> dict | None:
    """An organisation written "Long Name (ACRONYM)" goes by its acronym, as wire copy
    does afterwards ("tankesmien Institute for the Study of War (ISW)" -> "ISW")."""
    if resolved is None or resolved.get("type") != "organisation" or not np:
        return resolved
    doc = np[0].doc
    match = _ACRONYM_AFTER.match(doc.text, np[-1].idx + len(np[-1].text))
    if match is None:
        return resolved
    return {**resolved, "canonical": match["short"]}
