"""Who asserts a troop number: "ifølge X", "X anslår at", "…, opplyser X", a quote's speaker.

:func:`attribute` returns the claimant as a span object
``{text, start, end, canonical, type}`` (type: person, organisation, country,
media, anonymous, agency) and the cue (``{text, start, end}`` or None). An
unattributed claim is the agency's own: canonical "NTB", type "agency", with
a zero-width span at the claim's start.

Canonical names: people and named organisations as :mod:`service.nlp.mentions.canonical`
resolves them (fullest name, genitive stripped); a national institution
described by an adjective or a pronoun becomes "<Country>s <institution>"
("det russiske forsvarsdepartementet" -> "Russlands forsvarsdepartement",
"landets regjering" after a sentence about Ukraina -> "Ukrainas regjering");
anonymous sources keep their wording without the article ("en tyrkisk
tjenestemann" -> "tyrkisk tjenestemann").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.nlp.claims.context import StoryContext, capitalised_run, is_verb, sentence_of
from service.nlp.lang.places import (
    GROUP_BACK_REFERENCES,
    GROUP_HEADS,
    SIDE_NAMES,
    affiliation_country,
    capital_country,
    country_of_adjective,
    country_of_name,
    genitive,
    side_of_word,
)
from service.nlp.mentions.canonical import CanonicalEntity
from service.nlp.claims.source_words import (
    AFFILIATION_PREPS,
    AGENCY,
    ANONYMOUS_HEADS,
    ARTICLES,
    CHAIN_RE,
    COUNT_OPENERS,
    DOCUMENT_HEADS,
    FIXED_NAMES,
    INSTITUTION_ENDINGS,
    MEDIA,
    MEDIA_DESCRIPTORS,
    MEDIA_DESCRIPTOR_ENDINGS,
    MEDIA_HEADS,
    MEDIA_RE,
    NP_STOP_PUNCT,
    NP_STOP_WORDS,
    ORG_DESCRIPTOR_ENDINGS,
    OWN_WORDS,
    REPORTING_FORMS,
)
from service.nlp.mentions.canonical import is_role_word, resolve_role_mention

__all__ = ["AGENCY", "Attribution", "REPORTING_FORMS", "attribute", "claimant_country"]



@dataclass(frozen=True)
class Attribution:
    """The claimant and the cue of one claim."""

    claimant: dict
    cue: dict | None
    cue_lemma: str | None


# ------------------------------------------------------------------ noun phrases


@dataclass(frozen=True)
class _NextWord:
    """The word a claimant noun phrase may take next, and the phrase so far."""

    tokens: list[Token]
    j: int  # the word's index in ``tokens``
    taken: list[Token]  # the phrase so far
    stop: int | None  # the document index the phrase ends before, if any

    @property
    def token(self) -> Token:
        return self.tokens[self.j]


#: What a noun-phrase rule decides about the next word: it ends the phrase, or is taken into it.
ENDS, TAKEN = "ends", "taken"

#: A noun-phrase rule: ENDS or TAKEN, or None when it does not apply and the next rule is tried.
_WordRule = Callable[[_NextWord], str | None]


def _np_after(tokens: list[Token], i: int, limit: int = 14, stop: int | None = None) -> list[Token]:
    """The claimant noun phrase starting at ``tokens[i]`` (ending before token ``stop``)."""
    out: list[Token] = []
    for j in range(i, len(tokens)):
        if len(out) >= limit:
            break
        word = _NextWord(tokens, j, out, stop)
        verdict = next((v for rule in NOUN_PHRASE_RULES if (v := rule(word)) is not None), TAKEN)
        if verdict == ENDS:
            break
        out.append(tokens[j])
    return out


def _the_claim_begins(word: _NextWord) -> str | None:
    """"Russland har ifølge Pentagon 40.000 …": the phrase ends where the claim starts."""
    return ENDS if word.stop is not None and word.token.i >= word.stop and word.taken else None


def _a_name_goes_on(word: _NextWord) -> str | None:
    """"Institute for the Study of War", "personell- og vernepliktssenter": one name goes on."""
    token, taken = word.token, word.taken
    if not taken or token.text in NP_STOP_PUNCT:
        return None
    if (token.ent_iob_ == "I" and taken[-1].ent_type_) \
            or (token.lower_ in ("og", "eller") and taken[-1].text.endswith("-")):
        return TAKEN
    return None


def _punctuation_ends_it(word: _NextWord) -> str | None:
    """"opplyser Forsvaret, og …": punctuation ends the phrase."""
    return ENDS if word.token.text in NP_STOP_PUNCT else None


def _a_stop_word_ends_it(word: _NextWord) -> str | None:
    """"sier Jonson til NTB": a word that cannot be part of a source ends the phrase."""
    return ENDS if word.token.lower_ in NP_STOP_WORDS and word.taken else None


def _a_count_ends_it(word: _NextWord) -> str | None:
    """"ifølge Pentagon rundt 500 …": a count begins, so the phrase ends."""
    return ENDS if word.taken and _starts_count(word.tokens, word.j) else None


def _a_preposition_of_no_affiliation_ends_it(word: _NextWord) -> str | None:
    """"en offiser i den ukrainske hæren" goes on; "Forsvaret i går" ends at the preposition."""
    if word.token.lower_ not in AFFILIATION_PREPS or not word.taken:
        return None
    following = word.j + 1 < len(word.tokens)
    return ENDS if not following or not _affiliation_start(word.tokens, word.j + 1) else None


def _a_verb_ends_it(word: _NextWord) -> str | None:
    """"ifølge Forsvaret står det …": a verb ends the phrase (not an adjective tagged as one)."""
    token = word.token
    if word.taken and is_verb(token) and token.pos_ != "ADJ" and token.tag_ != "adj" \
            and not token.text[:1].isupper():
        return ENDS
    return None


def _a_participle_ends_it(word: _NextWord) -> str | None:
    """"har ifølge ukrainsk etterretning utplassert …": a participle ends it, whatever its tag."""
    token = word.token
    participle = "Part" in token.morph.get("VerbForm", None) or token.dep_ == "INFV"
    return ENDS if word.taken and participle and not token.text[:1].isupper() else None


#: The rules that decide whether a claimant noun phrase takes its next word, tried in this
#: order; a word no rule ends is taken. A name going on is taken before any stop is looked at.
NOUN_PHRASE_RULES: tuple[_WordRule, ...] = (
    _the_claim_begins,
    _a_name_goes_on,
    _punctuation_ends_it,
    _a_stop_word_ends_it,
    _a_count_ends_it,
    _a_preposition_of_no_affiliation_ends_it,
    _a_verb_ends_it,
    _a_participle_ends_it,
)


def _starts_count(tokens: list[Token], j: int) -> bool:
    """A count begins at ``tokens[j]``: "40.000", "mellom 40.000", "rundt 500" (not "TV 2")."""
    token = tokens[j]
    if token.like_num and any(c.isdigit() for c in token.text):
        return len(token.text) >= 3 or not tokens[j - 1].text.isupper()
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    return (token.lower_ in COUNT_OPENERS and following is not None
            and following.like_num and any(c.isdigit() for c in following.text))


def _affiliation_start(tokens: list[Token], k: int) -> bool:
    """After "i"/"for": a name or a national institution ("i den ukrainske hæren")."""
    token = tokens[k]
    if token.text[:1].isupper():
        return True
    if token.lower_ in ("den", "det", "de") and k + 1 < len(tokens):
        return country_of_adjective(tokens[k + 1].text) is not None
    if token.is_lower and token.lower_.endswith(("et", "en")) and k + 2 < len(tokens) \
            and tokens[k + 1].lower_ == "i" and tokens[k + 2].text[:1].isupper():
        return True  # "en rådgiver i presidentpalasset i Abidjan"
    return country_of_adjective(token.text) is not None


def _span_of(tokens: list[Token]) -> dict:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return {"text": doc.text[start:end], "start": start, "end": end}


def _without_articles(tokens: list[Token]) -> list[Token]:
    if " ".join(t.lower_ for t in tokens[:3]) in FIXED_NAMES:
        return tokens
    k = 0
    while k < len(tokens) - 1 and tokens[k].lower_ in ARTICLES and tokens[k + 1].lower_ != "av":
        k += 1
    return tokens[k:]


def _phrase(tokens: list[Token]) -> str:
    text = " ".join(t.text for t in tokens)
    text = re.sub(r"\s+([,.])", r"\1", text)
    first = tokens[0].text if tokens else ""
    if first[:1].isupper() and not _is_proper(tokens[0]):
        text = text[:1].lower() + text[1:]
    return text


def _is_proper(token: Token) -> bool:
    return (token.pos_ == "PROPN" or token.ent_type_ != "" or token.text.isupper()
            or (token.text[:1].isupper() and token.i > token.sent.start))


def _head_before_preposition(tokens: list[Token]) -> tuple[Token, list[Token]]:
    """The NP head (last token before a preposition) and the tokens after it."""
    for k, token in enumerate(tokens):
        if k and token.lower_ in ("i", "for", "fra", "ved", "hos", "av"):
            if tokens[k - 1].lower_ in ("en", "ei", "et", "to", "flere", "noen") and token.lower_ == "av":
                return tokens[-1], []  # "en av Diarras livvakter"
            return tokens[k - 1], tokens[k + 1:]
    return tokens[-1], []


def _institution_head(word: str) -> str | None:
    low = word.lower()
    for ending, indefinite in INSTITUTION_ENDINGS.items():
        if low.endswith(ending):
            return low[: len(low) - len(ending)] + indefinite
    return None


def _claimant(tokens: list[Token], canonical: str, kind: str) -> dict:
    return {**_span_of(tokens), "canonical": canonical, "type": kind}


def resolve_np(story: StoryContext, tokens: list[Token]) -> dict | None:
    """Claimant object for a noun phrase, or None when it names no one."""
    tokens = [t for t in tokens if not t.is_space]
    return _by_acronym(_resolve_np(story, tokens), tokens) if tokens else None


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
        body = _without_articles(tokens)
        head, after_head = _head_before_preposition(body)
        return cls(story, tokens, body, head, after_head,
                   tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def claimant(self, canonical: str, kind: str) -> Decided:
        return Decided(_claimant(self.tokens, canonical, kind))

    def as_resolved(self, resolved: dict) -> Decided:
        """This phrase's span standing for a claimant resolved elsewhere."""
        return Decided({**_span_of(self.tokens), "canonical": resolved["canonical"], "type": resolved["type"]})


@dataclass(frozen=True)
class Decided:
    """A rule's answer: the claimant, or None when the phrase names no one (no later rule is tried)."""

    claimant: dict | None


#: A resolution rule: its answer, or None when it does not apply and the next rule is tried.
_Rule = Callable[[_NounPhrase], Decided | None]


def _resolve_np(story: StoryContext, tokens: list[Token]) -> dict | None:
    np = _NounPhrase.of(story, tokens)
    for rule in RESOLUTION_RULES:
        decided = rule(np)
        if decided is not None:
            return decided.claimant
    raise AssertionError("the last resolution rule always decides")


# ------------------------------------------------------------------ resolution rules, in order


def _what_a_document_cites(np: _NounPhrase) -> Decided | None:
    """"ifølge en rapport fra FN" -> FN: a document names its author after the preposition."""
    if np.head.lower_ in DOCUMENT_HEADS and np.after_head:
        inner = resolve_np(np.story, np.after_head)
        if inner is not None:
            return Decided(inner)
    return None


def _a_document_named_before(np: _NounPhrase) -> Decided | None:
    """"Ifølge rapporten" after "MIVD la fram sin rapport" -> MIVD: its issuer, or the last claimant."""
    if len(np.body) == 1 and _is_document(np.head.lower_):
        author = _author_before(np.story, np.start, resolve_np) or np.story.previous_claimant()
        if author is not None:
            return np.as_resolved(author)
    return None


def _a_personal_pronoun(np: _NounPhrase) -> Decided | None:
    """"…, sier Oleksandr Syrskyj. Han anslår …" -> the last speaker, else the last person named."""
    if not (len(np.body) == 1 and np.body[0].lower_ in ("han", "hun", "ham", "henne")):
        return None
    speaker = _recent_speaker(np.story, np.body[0])
    if speaker is not None:
        return np.claimant(speaker, "person")
    person = np.story.person_before(np.start)
    return np.claimant(person.canonical, "person") if person else Decided(None)


def _the_agency_itself(np: _NounPhrase) -> Decided | None:
    """"opplyser NTB" -> the agency."""
    if len(np.body) == 1 and np.body[0].text == AGENCY:
        return np.claimant(AGENCY, "agency")
    return None


def _a_capital_city(np: _NounPhrase) -> Decided | None:
    """"ifølge Kyiv" -> Ukraina; "Addis Abeba" too (the parse may give only "Addis"), not "Kyiv Independent"."""
    body = np.body
    if len(body) <= 2 and all(t.text[:1].isupper() for t in body):
        country = capital_country(" ".join(t.text for t in capitalised_run(body[0])))
        if country is not None:
            return np.claimant(country, "country")
    return None


def _a_movement_by_its_compound(np: _NounPhrase) -> Decided | None:
    """"Houthi-bevegelsen" -> the side it names (or the word itself), an organisation."""
    word = np.body[0]
    if len(np.body) == 1 and "-" in word.text and word.text[:1].isupper() and word.lower_.endswith(GROUP_HEADS):
        return np.claimant(side_of_word(word.text) or word.text, "organisation")
    return None


def _a_documents_named_author(np: _NounPhrase) -> Decided | None:
    """"ifølge FN-rapporten" -> FN: the name in a document compound."""
    author = _document_author(np.body)
    return np.claimant(author, "organisation") if author is not None else None


def _one_of_a_group(np: _NounPhrase) -> Decided | None:
    """"en av Diarras livvakter": one unnamed member of a group, anonymous."""
    body = np.body
    if len(body) > 2 and body[0].lower_ in ARTICLES and body[1].lower_ == "av":
        return np.claimant(_phrase(body), "anonymous")
    return None


def _a_member_of_a_body(np: _NounPhrase) -> Decided | None:
    """"et medlem av forsvarskomiteen": an unnamed member, anonymous."""
    body = np.body
    if len(body) > 2 and body[0].lower_ in ("medlem", "medlemmer") and body[1].lower_ == "av":
        return np.claimant(_phrase(body), "anonymous")
    return None


def _a_name_after_its_descriptor(np: _NounPhrase) -> Decided | None:
    """"den tyrkiske avisen Hürriyet" (media), "tankesmien Sanaa Center" (organisation)."""
    described = _described_name(np.body)
    return np.claimant(*described) if described is not None else None


def _the_alliance_or_union(np: _NounPhrase) -> Decided | None:
    """"NATO skal sende …, opplyser alliansen" -> NATO; "unionen" -> EU."""
    if len(np.body) == 1 and np.body[0].lower_ in ("alliansen", "unionen"):
        return np.claimant(side_of_word(np.body[0].text) or "EU", "organisation")
    return None


def _a_source_named_before(np: _NounPhrase) -> Decided | None:
    """"Ifølge regjeringen" after "Malis regjering avviser" -> that earlier source again."""
    referred = _referring_back(np.story, np.body, np.start, resolve_np)
    return np.as_resolved(referred) if referred is not None else None


def _a_named_person(np: _NounPhrase) -> Decided | None:
    """"sier Pål Jonson" -> the person NER finds, unless the name is an institution's, a medium's
    or an armed group's ("Al-Shabaab hevder")."""
    story = np.story
    people = [p for p in story.entities_in(np.start, np.end, ("PER",))
              if not _institution_name(p.text) and p.text.strip().lower() not in MEDIA
              and not _names_an_institution(story, p.start)
              and p.text.strip().lower() not in SIDE_NAMES]
    return np.claimant(people[0].canonical, "person") if people else None


def _a_named_medium(np: _NounPhrase) -> Decided | None:
    """"melder AFP" -> the medium by its own name (not "en Reuters-kilde", an anonymous source)."""
    media = MEDIA_RE.search(" ".join(t.text for t in np.body))
    if media is not None and np.head.lower_ not in ANONYMOUS_HEADS:
        return np.claimant(MEDIA[media.group(1).lower()], "media")
    return None


def _a_medium_by_its_kind(np: _NounPhrase) -> Decided | None:
    """"ifølge sørkoreanske medier" -> a medium, in its own words."""
    return np.claimant(_phrase(np.body), "media") if np.head.lower_ in MEDIA_HEADS else None


def _an_anonymous_source(np: _NounPhrase) -> Decided | None:
    """"ifølge israelske kilder", "en tyrkisk tjenestemann" -> anonymous, without the article."""
    if any(np.head.lower_.endswith(h) for h in ANONYMOUS_HEADS):
        return np.claimant(_phrase(np.body), "anonymous")
    return None


def _a_countrys_institution(np: _NounPhrase) -> Decided | None:
    """"forsvarsdepartementet i Brussel" -> "Belgias forsvarsdepartement": a country's institution."""
    national = _national_institution(np.story, np.body, np.start)
    return np.claimant(*national) if national is not None else None


def _the_country_named_before(np: _NounPhrase) -> Decided | None:
    """"landet" -> the country the story spoke of last; no one when there is none."""
    if np.body[0].lower_ == "landet" and len(np.body) == 1:
        country = np.story.country_before(np.start)
        return np.claimant(country, "country") if country else Decided(None)
    return None


def _the_group_named_before(np: _NounPhrase) -> Decided | None:
    """"Hamas har …, men gruppen selv hevder" -> Hamas: the armed group named before."""
    if np.body[0].lower_ in GROUP_BACK_REFERENCES:
        name = np.story.group_named_before(np.start)
        if name is not None:
            return np.claimant(name, "organisation")
    return None


def _a_person_by_role(np: _NounPhrase) -> Decided | None:
    """"Ministeren sier" after "Forsvarsminister Pål Jonson" -> the person the story named in that role."""
    role = _role_person(np.story, np.body, np.start)
    return np.claimant(role, "person") if role is not None else None


def _a_named_owners_unit(np: _NounPhrase) -> Decided | None:
    """"Forsvarets operative hovedkvarter", "Stortingets utredningsseksjon": a named owner's unit, kept whole."""
    owned = _owned_unit(np.body)
    return np.claimant(owned, "organisation") if owned is not None else None


def _a_named_organisation_or_place(np: _NounPhrase) -> Decided | None:
    """"opplyser Innlandet politidistrikt" -> the organisation NER finds; a country's name is the country."""
    orgs = np.story.entities_in(np.start, np.end, ("ORG", "GPE_ORG", "GPE_LOC", "LOC"))
    if not orgs:
        return None
    name = orgs[0].canonical
    country = country_of_name(name)
    if country:
        return np.claimant(country, "country")
    return np.claimant(name, "person" if _titled(np.body, orgs[0].start) else "organisation")


def _a_capitalised_name(np: _NounPhrase) -> Decided | None:
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
    name = _phrase(run) if len(run) > 1 else run[0].text
    earlier = next((e for e in reversed(story.entities) if e.label == "PER" and e.end <= np.start
                    and e.canonical.split()[-1] == name and " " in e.canonical), None)
    if earlier is not None:
        return np.claimant(earlier.canonical, "person")
    country = country_of_name(name)
    if country is not None:
        return np.claimant(country, "country")
    titled = _titled(body, names[0].idx) and len(run) > 1
    return np.claimant(story.names.get(name.lower(), name), "person" if titled else "organisation")


def _anything_else_is_an_organisation(np: _NounPhrase) -> Decided:
    """"opplyser politiet", "sier hærsjefen": what no rule above placed is an organisation, in its own words."""
    return np.claimant(_phrase(np.body), "organisation")


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


def _recent_speaker(story: StoryContext, pronoun: Token) -> str | None:
    """The person who made the last claim, if that was in this sentence or the one before."""
    previous = story.previous_claimant()
    if previous is None or previous.get("type") != "person" or previous.get("start") is None:
        return None
    sent = pronoun.sent
    earliest = story.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    return previous["canonical"] if earliest <= previous["start"] < pronoun.idx else None


def _document_author(body: list[Token]) -> str | None:
    """"FN-rapporten", "NATO-tallene": the named author of a document compound."""
    last = body[-1]
    if "-" not in last.text or any(t.text[:1].isupper() for t in body[:-1]):
        return None
    name, _, rest = last.text.partition("-")
    if not name[:1].isupper() or rest.lower() not in DOCUMENT_HEADS:
        return None
    return country_of_name(name) or MEDIA.get(name.lower()) or name


def _owned_unit(body: list[Token]) -> str | None:
    """"Stortingets utredningsseksjon", "Kongressens forskningstjeneste": a named owner in
    the genitive and the unit of it that speaks, kept whole (not a country's institution)."""
    if len(body) < 2 or not _a_named_owner(body[0]):
        return None
    unit, tail = _split_at_preposition(body[1:])
    if tail and not (len(tail) >= 2 and all(t.text[:1].isupper() for t in tail[1:])):
        return None  # after the preposition only a name ("for Jemen", "i Brussel")
    if not all(_a_common_word(t) for t in unit) or _role_base(unit[-1].lower_) is not None:
        return None
    # what it is for belongs to the name ("FNs ekspertpanel for Jemen"); where it sits does not
    return _phrase(body if tail and tail[0].lower_ == "for" else body[:1 + len(unit)])


def _a_named_owner(token: Token) -> bool:
    """"Stortingets", "FNs": a name in the genitive that is not a country's ("Russlands", "landets")."""
    return token.text.endswith("s") and _is_proper(token) and token.lower_ != "landets" \
        and not country_of_name(token.text)


def _split_at_preposition(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """The words before the first "for", "i" or "på" after the first word, and the rest."""
    cut = next((k for k, t in enumerate(words) if k and t.lower_ in ("for", "i", "på")), len(words))
    return words[:cut], words[cut:]


def _a_common_word(token: Token) -> bool:
    """A lower-case word of a unit's name; "personell-" in "personell- og vernepliktssenter" is one."""
    return not token.text[:1].isupper() and (token.is_alpha or token.text[:-1].isalpha() and token.text[-1] == "-")


def _reports(token: Token) -> bool:
    """A reporting verb in use ("hevder", "viser"), not "som viser til" (a source chain)."""
    if token.lower_ not in REPORTING_FORMS or not is_verb(token):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (REPORTING_FORMS[token.lower_] == "vise" and following is not None and following.lower_ == "til")


#: Small words inside foreign names ("The Globe and Mail", "Institute for the Study of War").
NAME_LINKS: frozenset[str] = frozenset({"and", "of", "the", "for", "de", "du", "la", "el", "al", "og"})


def _described_name(body: list[Token]) -> tuple[str, str] | None:
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


#: Resolves a noun phrase to a claimant: passed to the rules that look back at earlier sources.
Resolver = Callable[[StoryContext, list[Token]], dict | None]


@dataclass(frozen=True)
class _BackReference:
    """A one-word definite noun ("kildene", "avisen", "departementet") and the story before it."""

    story: StoryContext
    word: str  # lower-cased
    earlier: Span  # the story's tokens before the phrase
    resolve: Resolver


#: A back-reference rule: its answer (a claimant, or None for no one; no later rule is tried),
#: or None when it does not apply.
_BackReferenceRule = Callable[[_BackReference], Decided | None]


def _referring_back(story: StoryContext, body: list[Token], start: int, resolve: Resolver) -> dict | None:
    """A bare definite noun that names an earlier source again: "ifølge kildene" after
    "sier to sikkerhetskilder", "Ifølge etterretningstjenesten" after "den ukrainske
    militære etterretningstjenesten" -> that earlier source, resolved."""
    if len(body) != 1:
        return None
    reference = _BackReference(story, body[0].lower_, story.tokens_before(start), resolve)
    for rule in BACK_REFERENCE_RULES:
        decided = rule(reference)
        if decided is not None:
            return decided.claimant
    return None


def _anonymous_sources_quoted_before(reference: _BackReference) -> Decided | None:
    """"to vestlige diplomater i N'Djamena … Ifølge kildene" -> the last anonymous claimant."""
    if reference.word not in ("kildene", "kilden"):
        return None
    anonymous = next((c for c in reversed(reference.story.claimants) if c.get("type") == "anonymous"), None)
    return Decided({"canonical": anonymous["canonical"], "type": "anonymous"}) if anonymous is not None else None


def _sources_mentioned_before(reference: _BackReference) -> Decided | None:
    """"tre lokale kilder … ifølge kildene" -> "lokale kilder"; with none, the sources are no one."""
    if reference.word not in ("kildene", "kilden"):
        return None
    doc = reference.story.doc
    for token in reversed(reference.earlier):
        if token.lower_.endswith(("kilder", "kilde")):
            k = token.i
            while k > token.sent.start and doc[k - 1].pos_ == "ADJ" and doc[k - 1].is_lower:
                k -= 1  # "tre lokale kilder" -> "lokale kilder"
            return Decided({"canonical": _phrase(list(doc[k:token.i + 1])), "type": "anonymous"})
    return Decided(None)


def _a_claimant_by_its_noun(reference: _BackReference) -> Decided | None:
    """"Ifølge avisen" after "skriver den franske avisen Le Monde" -> Le Monde."""
    named = _earlier_claimant_by_noun(reference.story, reference.word)
    return Decided(named) if named is not None else None


def _an_institution_named_before(reference: _BackReference) -> Decided | None:
    """"Ifølge departementet" after "Mexicos forsvarsdepartement" -> that institution, resolved."""
    word = reference.word
    institution = _institution_head(word)
    if institution is None or not word.endswith(("en", "et", "ene")):
        return None
    for token in reversed(reference.earlier):
        earlier_head = _institution_head(token.lower_)
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


def _is_document(word: str) -> bool:
    """"rapporten", "etterretningsrapporten", "analysen": a document, not an author."""
    return any(word.endswith(head) for head in DOCUMENT_HEADS if len(head) > 5)


def _author_before(story: StoryContext, offset: int, resolve: Resolver) -> dict | None:
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
        if _is_document(token.lower_) and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "fra":
            np = _np_after(list(doc), token.i + 2)
            resolved = resolve(story, np) if np else None
            if resolved is not None:
                return resolved
    return None


def _the_institution_presenting_it(story: StoryContext, offset: int, resolve: Resolver) -> dict | None:
    """"MIVD la fram sin rapport. Rapporten …" -> MIVD: an institution that is an earlier sentence's subject."""
    for sent in reversed([s for s in story.doc.sents if s.end_char <= offset]):
        for np in _subject_candidates(sent):
            if not any(_institution_head(t.text) for t in np if not t.text[:1].isupper()):
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


def _names_an_institution(story: StoryContext, start: int) -> bool:
    """A name right after an institution noun is that institution's name, not a person's
    ("etterretningstjenesten Must", "forsvarsdepartementet Pentagon")."""
    before = story.tokens_before(start)
    return len(before) > 0 and before[-1].is_lower and _institution_head(before[-1].text) is not None


def _institution_name(text: str) -> bool:
    """One-word names NER may take for people: "Hæren", "Pentagon", "Reuters"."""
    word = text.strip()
    return " " not in word and (affiliation_country(word) is not None or word.lower() in MEDIA
                                or country_of_name(word) is not None or _institution_head(word) is not None)


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
        head, after = _head_before_preposition(body)
        if head.text[:1].isupper() and head is not body[0] \
                and _institution_head(body[body.index(head) - 1].text) is not None:
            head = body[body.index(head) - 1]  # an appositive name: "etterretningstjenesten MIVD"
        institution, role = _institution_head(head.text), _role_base(head.lower_)
        if institution is None and role is None:
            return None
        first = body[0]
        owner = first if first is not head and first.lower_ != "landets" and (
            _is_proper(first) or first.lower_ in ("alliansens", "unionens")) else None
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


def _national_institution(story: StoryContext, body: list[Token], start: int) -> tuple[str, str] | None:
    """"det russiske forsvarsdepartementet", "landets regjering", "myndighetene i Kyiv"."""
    phrase = _InstitutionPhrase.of(story, body, start)
    if phrase is None:
        return None
    for rule in INSTITUTION_RULES:
        found = rule(phrase)
        if found is not None:
            return found
    return None


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
    return _phrase(phrase.body), "organisation"


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


_ROLE_SUFFIXES = ("minister", "president", "sjef", "leder", "talsperson", "talsmann",
                  "talskvinne", "general", "admiral", "kommanderende")


def _is_role(word: str) -> bool:
    return any(word.endswith(s) for s in _ROLE_SUFFIXES)


def _role_base(word: str) -> str | None:
    """"forsvarsministeren" -> "forsvarsminister"; None when ``word`` is no role."""
    for form in (word, word.removesuffix("en"), word.removesuffix("n")):
        if _is_role(form):
            return form
    return None


def _titled(body: list[Token], name_start: int) -> bool:
    """A role word stands before the name ("den russiske forsvarsministeren Andrej Belousov")."""
    return any(_is_role(t.lower_.removesuffix("en")) for t in body if t.idx < name_start)


def _role_person(story: StoryContext, body: list[Token], start: int) -> str | None:
    """"Ministeren", "talspersonen", "statsministeren" -> the person holding that role."""
    text = " ".join(t.text for t in body)
    found = resolve_role_mention(text, story.roles)
    if found:
        return found
    if len(body) == 1 and any(body[0].lower_.rstrip("n").rstrip("e").endswith(s) for s in _ROLE_SUFFIXES):
        person = story.person_with_role(body[0].text, start)
        return person.canonical if person else None
    return None


def claimant_country(claimant: dict | None, story: StoryContext | None = None) -> str | None:
    """The country a claimant speaks for ("Russlands regjering" -> "Russland")."""
    if not claimant or claimant.get("type") == "agency":
        return None
    canonical = claimant.get("canonical") or ""
    if claimant.get("type") == "country":
        return canonical
    # the canonical name first: "regjeringen i Mogadishu" is "Somalias regjering", not Norway's
    words = canonical.split() + (claimant.get("text") or "").split()
    if story is not None and claimant.get("type") == "person" and claimant.get("end") is not None:
        # a person's employer right after the name: "Felix Kulayigye i den ugandiske hæren"
        following = story.doc.text[claimant["end"]:claimant["end"] + 40].split()
        if following[:1] == ["i"]:
            words += following[1:4]
    for word in words:
        clean = word.strip(",.«»")
        country = (country_of_adjective(clean) or affiliation_country(clean)
                   or (country_of_name(clean) if clean[:1].isupper() else None))
        if country is not None:
            return country
    return None


# ------------------------------------------------------------------ attribution


def _chain(np: list[Token], sent_tokens: list[Token]) -> list[Token] | None:
    """"X, som viser til Y" / "X med henvisning til Y": the original source Y."""
    if not np:
        return None
    doc = np[0].doc
    end = np[-1].idx + len(np[-1].text)
    match = CHAIN_RE.match(doc.text, end)
    if match is None:
        return None
    target = match.end()
    for k, token in enumerate(sent_tokens):
        if token.idx == target:
            return _np_after(sent_tokens, k)
    return None


def _agency(span_start: int) -> dict:
    return {"text": "", "start": span_start, "end": span_start, "canonical": AGENCY, "type": "agency"}


def _cue(token: Token) -> dict:
    return {"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}


def _apposition(story: StoryContext, np: list[Token]) -> dict | None:
    """", Halyna Bondar," after a role phrase ("lederen for forsvarskomiteen i Verkhovna
    Rada, Halyna Bondar,"): the person it names."""
    if not any(_role_base(t.lower_) or t.lower_.startswith(("leder", "sjef")) for t in np):
        return None
    comma = _comma_after_role(np)
    person = _person_after_comma(story, np[0].doc, comma) if comma is not None else None
    if person is None:
        return None
    # the span runs from the role to the name, so what it says of a country is kept
    # ("Libanons hærsjef, general Rodolphe Haykal")
    start = np[0].idx
    return {"text": np[0].doc.text[start:person.end], "start": start, "end": person.end,
            "canonical": person.canonical, "type": "person"}


def _comma_after_role(np: list[Token]) -> int | None:
    """The comma that closes a role phrase within eight words ("lederen for forsvarskomiteen i
    Verkhovna Rada,"); None when a verb or other punctuation comes first."""
    doc = np[0].doc
    k = np[-1].i + 1
    while k < len(doc) and k - np[-1].i <= 8 and doc[k].text != ",":
        if is_verb(doc[k]) or doc[k].text in NP_STOP_PUNCT:
            return None
        k += 1
    return k if k + 1 < len(doc) and doc[k].text == "," else None


def _person_after_comma(story: StoryContext, doc: Doc, comma: int) -> CanonicalEntity | None:
    """The person named right after the comma, past any title words (", generalmajor Eirik Sandvold")."""
    first = comma + 1
    while first < min(len(doc), comma + 4) and doc[first].is_lower and is_role_word(doc[first].text):
        first += 1
    if first >= len(doc):
        return None
    start = doc[first].idx
    if first > comma + 1:  # after a title word the name is a person's whatever label NER gave it
        return next((e for e in story.entities_in(start, start + 1, None) if e.start == start), None)
    person = next((e for e in story.entities_in(start, start + 1, ("PER",)) if e.start == start), None)
    if person is None:
        # a bare name closed off by commas after a role is the role's holder, whatever
        # label NER gave it (", Mykhailo Drapatyj,")
        person = next((e for e in story.entities_in(start, start + 1, None)
                       if e.start == start and _person_shaped(doc, e)), None)
    return person


def _person_shaped(doc: Doc, entity: CanonicalEntity) -> bool:
    """Two or three capitalised words set off by a comma or the sentence's end."""
    words = entity.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    rest = doc.text[entity.end:entity.end + 2].lstrip()
    return not rest or rest[0] in ",.;"


def _from_np(story: StoryContext, np: list[Token], sent_tokens: list[Token]) -> dict | None:
    appositive = _apposition(story, np) if np else None
    if appositive is not None:
        return appositive
    chained = _chain(np, sent_tokens)
    if chained:
        resolved = resolve_np(story, chained)
        if resolved is not None:
            return resolved
    return resolve_np(story, np)


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


def _according_to(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    candidates = [k for k, t in enumerate(sent) if t.lower_ == "ifølge"]
    candidates.sort(key=lambda k: abs(sent[k].i - claim.start))
    for k in candidates:
        if k + 1 < len(sent) and sent[k + 1].lower_ in OWN_WORDS:
            continue
        if claim.start <= sent[k].i < claim.end:
            continue
        low, high = sorted((sent[k].i, claim.start if sent[k].i < claim.start else claim.end - 1))
        if any(_reports(t) for t in sent if low < t.i < high):
            continue  # "ifølge X ... 40.000, men bevegelsen hevder å ha over 100.000"
        np = _np_after(sent, k + 1, stop=claim.start if sent[k].i < claim.start else None)
        claimant = _from_np(story, np, sent)
        if claimant is not None:
            return Attribution(claimant, _cue(sent[k]), "ifølge")
    for k, token in enumerate(sent[:-3]):  # "etter det NTB erfarer"
        if token.lower_ == "etter" and sent[k + 1].lower_ == "det":
            verb = next((j for j in range(k + 2, min(k + 6, len(sent)))
                         if sent[j].lower_ in ("erfarer", "forstår", "kjenner")), None)
            if verb is not None:
                np = sent[k + 2:verb]
                claimant = resolve_np(story, np)
                if claimant is not None:
                    return Attribution(claimant, _cue(sent[verb]), REPORTING_FORMS.get(sent[verb].lower_, "erfare"))
    return None


def _parenthetical(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    """"…, opplyser Forsvaret." after the claim."""
    for k, token in enumerate(sent):
        if token.i < claim.end or token.lower_ not in REPORTING_FORMS:
            continue
        if k == 0 or sent[k - 1].text not in (",", "»", "”", "'", "–"):
            continue
        np = _np_after(sent, k + 1)
        claimant = _from_np(story, np, sent) if np else None
        if claimant is not None:
            return Attribution(claimant, _cue(token), REPORTING_FORMS[token.lower_])
    return None


def _preceding(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    """"X anslår at …", "X mener Russland kan ha …", "X hevder å ha …"."""
    verbs = [k for k, t in enumerate(sent) if t.i < claim.start and t.lower_ in REPORTING_FORMS]
    for k in reversed(verbs):
        verb = sent[k]
        introduces = k + 1 < len(sent) and (sent[k + 1].lower_ in ("at", "å") or sent[k + 1].i >= claim.start)
        if k > 0 and sent[k - 1].text in (",", "»") and not introduces:
            continue  # a parenthetical belonging to an earlier clause
        if verb.lower_.endswith("es") or verb.lower_ in ("anslås",):
            # passive ("Styrken anslås til ...", "det hevdes at"): the subject is what is
            # estimated; no one is named, so the claim is the agency's, with its cue
            return Attribution(_agency(claim.start_char), _cue(verb), REPORTING_FORMS[verb.lower_])
        subject = _subject_tokens(sent, k)
        claimant = resolve_np(story, subject) if subject else None
        if claimant is not None:
            return Attribution(claimant, _cue(verb), REPORTING_FORMS[verb.lower_])
    return None


def _subject_tokens(sent: list[Token], k: int) -> list[Token]:
    """The subject of the reporting verb ``sent[k]`` (of its auxiliary, for "vil ikke bekrefte")."""
    for step in SUBJECT_STEPS:
        found = step(sent, k)
        if found:
            return found
    return []


def _the_parsed_subject(sent: list[Token], k: int) -> list[Token] | None:
    """"Tyske myndigheter vil ikke bekrefte at …" -> the subject the parse gives the verb or its auxiliary."""
    verb = sent[k]
    holders = [verb] + ([verb.head] if verb.dep_ == "INFV" and verb.head.i < verb.i else [])
    for holder in holders:
        subjects = [c for c in holder.children if c.dep_ == "SUBJ" and c.i < verb.i]
        if subjects:
            tokens = [t for t in subjects[0].subtree if t.i < verb.i and t.text != ","]
            while tokens and tokens[0].text in ("–", "-", "«"):
                tokens = tokens[1:]
            if tokens:
                return tokens
    return None


def _clause_start(sent: list[Token], k: int) -> int:
    """Where the clause of the verb ``sent[k]`` starts: after a comma, a dash, "at", "men", …"""
    start = k
    while start > 0 and sent[start - 1].text not in (",", ";", ":", "–", "«", "»") \
            and sent[start - 1].lower_ not in ("at", "men", "og", "mens"):
        start -= 1
    return start


def _the_subject_after_an_adverbial(sent: list[Token], k: int) -> list[Token] | None:
    """"I trusselvurderingen skriver tjenesten at …": an adverbial first, then the verb, then its subject."""
    if sent[_clause_start(sent, k)].pos_ == "ADP" and k + 1 < len(sent) and sent[k + 1].lower_ != "at":
        return _np_after(sent, k + 1)
    return None


def _the_words_before_the_verb(sent: list[Token], k: int) -> list[Token] | None:
    """"…, men Forsvaret anslår at …" -> the clause's words before the verb (to a verb or "ikke")."""
    tokens: list[Token] = []
    for token in sent[_clause_start(sent, k):k]:
        if tokens and (is_verb(token) or token.lower_ in ("ikke", "aldri", "også")):
            break
        if token.text != ",":
            tokens.append(token)
    return tokens


#: Where the subject of a reporting verb is found, tried in this order: the parse's subject,
#: the words after the verb when the clause opens with an adverbial, the words before the verb.
SUBJECT_STEPS: tuple[Callable[[list[Token], int], list[Token] | None], ...] = (
    _the_parsed_subject,
    _the_subject_after_an_adverbial,
    _the_words_before_the_verb,
)


def _quoted(story: StoryContext, claim: Span) -> Attribution | None:
    """The speaker of the quote the claim stands in."""
    for step in QUOTE_STEPS:
        found = step(story, claim)
        if found is not None:
            return found
    return None


def _the_quotes_speaker(story: StoryContext, claim: Span) -> Attribution | None:
    """"«Vi har 300 soldater der», sier Jonson." -> the speaker the quote finder gave the quote."""
    quote = story.quote_at(claim.start_char, claim.end_char)
    speaker = quote.get("speaker") if quote else None
    if not (quote and speaker and (speaker.get("canonical") or "").strip() and speaker.get("text", "").strip()):
        return None
    claimant = {"text": speaker["text"], "start": speaker["start"], "end": speaker["end"],
                "canonical": speaker["canonical"].strip(),
                "type": quote.get("speaker_type") or "person"}
    cue = quote.get("cue") if isinstance(quote.get("cue"), dict) else None
    lemma = REPORTING_FORMS.get((cue or {}).get("text", "").lower())
    if claimant["type"] != "person":  # institutions by the claim conventions ("Finlands etterretning")
        span = claim.doc.char_span(claimant["start"], claimant["end"], alignment_mode="expand")
        resolved = resolve_np(story, list(span)) if span is not None else None
        if resolved is not None:
            claimant = {**claimant, "canonical": resolved["canonical"], "type": resolved["type"]}
    return Attribution(claimant, cue, lemma)


def _named_after_the_guillemets(story: StoryContext, claim: Span) -> Attribution | None:
    """"«… 300 soldater …», sier forsvarssjefen." -> who the reporting verb after the closing mark names."""
    bounds = story.guillemet_at(claim.start_char, claim.end_char)
    if bounds is None:
        return None
    after = [t for t in claim.doc if t.idx >= bounds[1]][:16]
    if not (after and after[0].text in (",",) and len(after) > 2 and after[1].lower_ in REPORTING_FORMS):
        return None
    np = _np_after(after, 2)
    named = resolve_np(story, np) if np else None
    return Attribution(named, _cue(after[1]), REPORTING_FORMS[after[1].lower_]) if named is not None else None


def _named_after_a_dash_quote(story: StoryContext, claim: Span) -> Attribution | None:
    """"– Vi har 300 soldater der. Det er nok, sier Jonson." -> a paragraph opened by a dash is a quote
    whose speaker a later sentence of the paragraph names."""
    if sentence_of(claim)[0].text not in ("–", "-", "—"):
        return None
    doc = claim.doc
    paragraph_end = doc.text.find("\n", claim.end_char)
    paragraph_end = len(doc.text) if paragraph_end < 0 else paragraph_end
    for sent in doc.sents:
        if sent.start_char <= claim.end_char or sent.start_char >= paragraph_end:
            continue
        found = _parenthetical(story, list(sent), sent[0:1])
        if found is not None:
            return found
    return None


#: Where the speaker of a quoted claim is found, tried in this order: the quote finder's
#: speaker, a reporting verb right after the closing guillemet, a later sentence of a
#: paragraph opened by a dash.
QUOTE_STEPS: tuple[Callable[[StoryContext, Span], Attribution | None], ...] = (
    _the_quotes_speaker,
    _named_after_the_guillemets,
    _named_after_a_dash_quote,
)


def attribute(story: StoryContext, claim: Span) -> Attribution:
    """The claimant and cue of the claim spanning ``claim`` (its quantity and unit)."""
    sent = list(sentence_of(claim))
    for finder in (_according_to, _parenthetical, _preceding):
        found = finder(story, sent, claim)
        if found is not None:
            return found
    quoted = _quoted(story, claim)
    if quoted is not None:
        return quoted
    following = _said_next(story, claim)
    if following is not None:
        return following
    return Attribution(_agency(claim.start_char), None, None)


def _said_next(story: StoryContext, claim: Span) -> Attribution | None:
    """"... har mistet over 2.000 mann. Det anslår Etterretningstjenesten i sin rapport."
    The next sentence names who said it: "Det/Dette" + reporting verb + the source."""
    doc = claim.doc
    sent = sentence_of(claim)
    if sent.end >= len(doc):
        return None
    following = [t for t in doc[sent.end:min(len(doc), sent.end + 16)] if not t.is_space]
    if len(following) < 3 or following[0].lower_ not in ("det", "dette") \
            or following[1].lower_ not in REPORTING_FORMS:
        return None
    np = _np_after(following, 2)
    claimant = _from_np(story, np, following) if np else None
    if claimant is None:
        return None
    return Attribution(claimant, _cue(following[1]), REPORTING_FORMS[following[1].lower_])
