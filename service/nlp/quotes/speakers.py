"""Speaker mentions: their extent, type and the person or organisation they refer to.

Given the head token of a speaker (the subject of a reporting verb, the object
of "ifølge"), :class:`SpeakerResolver` returns a :class:`Speaker`: the mention
as written, its canonical name, the role kept apart, and its type:

* ``person`` — a named person ("forsvarsminister Kari Nilsen" -> "Kari Nilsen"),
  a pronoun resolved to the nearest compatible person before it ("Hun"), a
  surname or a title resolved to the fullest name in the story ("Støre",
  "statsministeren"), or a definite person noun ("pappaen");
* ``organisation`` — an institution, named or not ("Kreml", "Politiet",
  "departementet" -> "Finansdepartementet" when that was named before);
* ``anonymous`` — an unnamed source ("en ikke navngitt kilde i Det hvite hus"
  -> canonical "kilde i Det hvite hus"); a later "kilden" refers back to it.

>>> resolver = SpeakerResolver(doc)            # doctest: +SKIP
>>> resolver.speaker_for(doc[7]).canonical     # doctest: +SKIP
'Kari Nilsen'

The mention's extent is found around its head by the one noun-phrase module
(``mentions/noun_phrase.py``: :func:`phrase_around` with ``SPEAKER_MENTION``), given the
story's names through :meth:`SpeakerResolver.name_at`.

Speakers must be requested in document order: pronouns and definite
descriptions resolve against what came before.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from service.nlp.lang.places import INSTITUTION_COUNTRIES, STATE_NAMES
from service.nlp.lang.vocabulary import reporting_verbs
from service.nlp.mentions.component import mentions_of
from service.nlp.mentions.noun_phrase import SPEAKER_MENTION, PhraseAround, label_at, phrase_around
from service.nlp.mentions.repair import is_capital_acronym, pair_continues
from service.nlp.mentions.canonical import (
    CanonicalEntity,
    is_role_word,
    resolve_role_mention,
    role_index,
    split_role,
    strip_genitive,
)
from service.nlp.quotes.lexicon import (
    ACCORDING_PREPOSITIONS,
    AGE_NOUN_SUFFIXES,
    ANONYMITY_MARKERS,
    DOCUMENT_NOUNS,
    ANONYMOUS_NOUNS,
    FEMALE_NAMES,
    GENERIC_ORGANISATION_NOUNS,
    MALE_NAMES,
    NEWS_OUTLETS,
    ORGANISATION_NOUN_STEMS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    SPEAKER_DROP_PHRASES,
    SPEAKER_DROP_WORDS,
)
from service.nlp.rules import first_decision

PERSON, ORGANISATION, ANONYMOUS = "person", "organisation", "anonymous"
_ORG_LABELS = frozenset({"ORG", "GPE_ORG", "GPE_LOC", "LOC"})
#: "X i Equinor", "X ved Universitetet i Oslo", "X hos Amnesty": the person works there.
EMPLOYER_PREPOSITIONS = frozenset({"i", "ved", "hos", "fra"})
_RECOVERABLE_LABELS = frozenset({"PROD", "MISC", "DRV", "EVT"})
_COMPANY_NOUNS = frozenset({"selskapet", "bedriften", "konsernet", "rederiet", "firmaet", "virksomheten"})
#: Dependants before a speaker's head that belong to its mention ("den", "ikke navngitt", "Kremls").
_INDEFINITE = frozenset({"en", "ei", "et"})
_DEFINITE_ENDINGS = ("en", "et", "a", "ene", "ne")
_PRONOUN_WINDOW = 8  # sentence units searched back for a pronoun's antecedent
_PUNCT = ",.;:!?«»\"“”()–—-"


@dataclass(frozen=True)
class Speaker:
    """A speaker mention: ``text`` as written at ``[start, end)``, and what it refers to."""

    text: str
    start: int
    end: int
    canonical: str
    role: str | None = None
    kind: str | None = None
    gender: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The schema's speaker object: text, offsets and canonical name."""
        return {"text": self.text, "start": self.start, "end": self.end, "canonical": self.canonical}


@dataclass(frozen=True)
class _Mention:
    """A person or speaker seen earlier, as an antecedent candidate."""

    position: int
    unit: int
    canonical: str
    kind: str | None
    head: str
    is_subject: bool
    gender: str | None


class SpeakerResolver:
    """Resolves speaker heads of one Doc, in document order."""

    def __init__(self, doc: Doc, unit_of: Callable[[int], int] | None = None,
                 is_quoted: Callable[[int], bool] | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self._unit_of = unit_of or (lambda char: 0)
        self._is_quoted = is_quoted or (lambda char: False)
        # the story's shared names, with the persons the NER took for products recovered
        self.entities = [_recover_person(entity) for entity in mentions_of(doc)]
        self._entity_at: dict[int, tuple[int, int, CanonicalEntity]] = {}
        for entity in self.entities:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self._entity_at[token.i] = (span.start, span.end, entity)
        self.roles = role_index(self.entities)
        self._person_names = _person_name_index(self.entities)
        self._genders: dict[str, str] = {}
        self._mentions: list[_Mention] = self._person_mentions()
        self._speakers: list[_Mention] = []

    # ------------------------------------------------------------ public API

    def speaker_for(self, head: Token) -> Speaker | None:
        """The speaker whose mention has ``head`` as its head token, or None."""
        head = real_token(head)
        head = self._person_before_employer(head) or head
        start, end, relative = self.noun_phrase(head)
        speaker = self._classify(head, start, end, relative)
        if speaker is not None:
            self.remember(speaker, head)
        return speaker

    def _person_before_employer(self, head: Token) -> Token | None:
        """The person when the parse made their employer the head: "Sjeføkonom Frode Sætre
        i Sparebank 1 Østlandet sier", with "Østlandet" as the subject."""
        doc = self.doc
        if not (head.is_title or head.is_upper) or self._label(head) == "PER":
            return None
        i = head.i
        while i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].like_num) \
                and self._label(doc[i - 1]) != "PER":
            i -= 1
        if i >= 2 and doc[i - 1].lower_ in EMPLOYER_PREPOSITIONS and self._label(doc[i - 2]) == "PER":
            return doc[i - 2]
        return None

    def remember(self, speaker: Speaker, head: Token) -> None:
        """Record a resolved speaker as an antecedent for later pronouns and descriptions."""
        self._speakers.append(_Mention(
            speaker.start, self._unit_of(speaker.start), speaker.canonical, speaker.kind,
            head.lower_, True, speaker.gender or self.gender_of(speaker.canonical),
        ))

    def gender_of(self, canonical: str) -> str | None:
        """'m', 'f' or None from the first name, morphology or earlier pronouns."""
        if canonical in self._genders:
            return self._genders[canonical]
        first = canonical.split()[0].casefold() if canonical.split() else ""
        if first in FEMALE_NAMES:
            return "f"
        if first in MALE_NAMES:
            return "m"
        return None

    # ----------------------------------------------------------- noun phrase

    def noun_phrase(self, head: Token) -> PhraseAround:
        """Token range of the mention headed by ``head`` and where a relative clause starts."""
        return phrase_around(head, SPEAKER_MENTION, self.name_at)

    def name_at(self, i: int) -> tuple[int, int, str] | None:
        """The story's name ``doc[i]`` is part of: its token range and label."""
        found = self._entity_at.get(i)
        return (found[0], found[1], found[2].label) if found else None

    # --------------------------------------------------------- classification

    def _classify(self, head: Token, start: int, end: int, relative: int | None) -> Speaker | None:
        """The speaker the mention ``doc[start:end]`` headed by ``head`` names: the first of
        SPEAKER_RULES that applies, or None when none does."""
        phrase = _SpeakerPhrase.of(self, head, start, end, relative)
        return first_decision(SPEAKER_RULES, phrase)

    def _role_speaker(self, tokens, head: Token, text: str, start: int, end: int,
                      anonymous_clause: bool) -> Speaker:
        """"statsministeren" -> the person named with that title earlier, else the title."""
        lower = head.lower_
        resolved = None
        if not _is_indefinite(tokens):
            resolved = resolve_role_mention(text, self.roles) or resolve_role_mention(head.text, self.roles)
        if resolved is not None:
            return Speaker(text, start, end, resolved, _strip_definite(lower), PERSON, self.gender_of(resolved))
        kind = ANONYMOUS if _is_indefinite(tokens) or anonymous_clause else PERSON
        return Speaker(text, start, end, _unnamed_canonical(tokens), None, kind)

    def _apposed_organisation(self, head: Token) -> str | None:
        """"nyhetsbyrået AFP", "bransjeorganisasjonen Forsvarsindustrilaget": the name after the noun."""
        found = self._entity_at.get(head.i + 1)
        if found is not None and found[0] == head.i + 1 and found[2].label in _ORG_LABELS:
            return found[2].canonical
        return None

    def _label(self, token: Token) -> str | None:
        return label_at(self.name_at, token.i)

    def _person_in(self, tokens, head: Token) -> tuple[str, str | None, str | None] | None:
        """(canonical, role, gender) of the person named in the mention, if any.

        A name holding the head wins; otherwise the last person named in the
        mention ("Kremls talsmann Dmitrij Peskov"). Genitive owners ("Diarras
        livvakter") and names the NER mislabelled but that match a person
        named elsewhere in the story ("Ifølge Eliassen") are handled.
        """
        candidates: list[tuple[bool, int, CanonicalEntity]] = []
        seen: set[int] = set()
        for token in tokens:
            found = self._entity_at.get(token.i)
            if found is None or found[0] in seen:
                continue
            seen.add(found[0])
            start, end, entity = found
            holds_head = start <= head.i < end
            linked = self._person_names.get(_fold(entity.canonical))
            if not holds_head and _is_possessor(entity, self.doc, end):
                continue
            if entity.label == "PER" or (linked is not None and holds_head):
                candidates.append((holds_head, start, entity))
        if not candidates:
            return None
        candidates.sort(key=lambda c: (not c[0], -c[1]))
        _, start, entity = candidates[0]
        canonical = self._person_names.get(_fold(entity.canonical), entity.canonical)
        role = entity.role or _role_words_before(tokens, self.doc[start])
        gender = self.gender_of(canonical) or _morph_gender(self.doc, entity)
        return canonical, role, gender

    def _named_organisation(self, head: Token) -> str | None:
        found = self._entity_at.get(head.i)
        if found is None or found[2].label not in _ORG_LABELS:
            return None
        return _speaker_name(found[2], self.doc, found[1])

    def _bare_name(self, head: Token, tokens, text: str, start: int, end: int) -> Speaker:
        """A capitalised name the NER missed: a known person, an acronym (organisation), else a person."""
        low, high = head.i, head.i + 1
        while low - 1 >= tokens.start and _is_name_word(self.doc[low - 1]):
            low -= 1
        while high < tokens.end and _is_name_word(self.doc[high]):
            high += 1
        if pair_continues(self.doc, high, tokens.end):  # "Bryggeri- og drikkevareforeningen"
            high += 2
        name = " ".join(t.text for t in self.doc[low:high]) or head.text
        name = strip_genitive(name, is_genitive=False)  # a speaker is never a possessor
        linked = self._person_names.get(_fold(name))
        if linked is not None:
            return Speaker(text, start, end, linked, None, PERSON, self.gender_of(linked))
        described = any(t.i < low and t.text[:1].islower() and _is_organisation_noun(t.lower_) for t in tokens)
        if name.isupper() or described or _is_organisation_noun(name.split()[-1]):
            return Speaker(text, start, end, name, None, ORGANISATION)
        return Speaker(text, start, end, name, None, PERSON, self.gender_of(name))

    # --------------------------------------------------------------- pronouns

    def _pronoun(self, head: Token, text: str, start: int, end: int) -> Speaker:
        lower = head.lower_
        if lower == "de":
            antecedent = self._nearest_group(head.idx)
            if antecedent is not None:
                return Speaker(text, start, end, antecedent.canonical, None, antecedent.kind)
            return Speaker(text, start, end, text, None, None)
        gender = PRONOUN_GENDER[lower]
        antecedent = self._nearest_person(head.idx, gender)
        if antecedent is None:
            return Speaker(text, start, end, text, None, PERSON, gender)
        if gender and antecedent.canonical not in self._genders:
            self._genders[antecedent.canonical] = gender
        return Speaker(text, start, end, antecedent.canonical, None, PERSON, gender)

    def _candidates(self, position: int) -> list[_Mention]:
        return [m for m in self._mentions + self._speakers if m.position < position]

    def _nearest_person(self, position: int, gender: str | None) -> _Mention | None:
        """Nearest earlier person compatible with ``gender``, subjects first within a sentence."""
        unit = self._unit_of(position)
        people = [m for m in self._candidates(position) if m.kind == PERSON and not self._is_quoted(m.position)]
        for distance in range(_PRONOUN_WINDOW):
            in_unit = [m for m in people if m.unit == unit - distance]
            in_unit.sort(key=lambda m: (not m.is_subject, -m.position))
            for mention in in_unit:
                known = self._genders.get(mention.canonical) or mention.gender
                if gender is None or known is None or known == gender:
                    return mention
        return None

    def _nearest_group(self, position: int) -> _Mention | None:
        """Nearest earlier organisation or unnamed group for "de"."""
        unit = self._unit_of(position)
        for mention in sorted(self._speakers, key=lambda m: -m.position):
            if (mention.position < position and unit - mention.unit < _PRONOUN_WINDOW
                    and mention.kind in (ORGANISATION, ANONYMOUS)):
                return mention
        return None

    def _person_mentions(self) -> list[_Mention]:
        mentions = []
        seen: set[int] = set()
        for start, end, entity in self._entity_at.values():
            if entity.label != "PER" or start in seen:
                continue
            seen.add(start)
            root = self.doc[start:end].root
            canonical = self._person_names.get(_fold(entity.canonical), entity.canonical)
            mentions.append(_Mention(
                entity.start, self._unit_of(entity.start), canonical, PERSON, root.lower_,
                _is_subject(root), self.gender_of(canonical) or _morph_gender(self.doc, entity),
            ))
        return mentions

    # ----------------------------------------------------- unnamed speakers

    def _anonymous_canonical(self, tokens, head: Token) -> str:
        """An unnamed source, linked back when definite: "diplomaten" -> "NATO-diplomat"."""
        if _is_definite_singular(head) and not _is_indefinite(tokens) and len(tokens) <= 2:
            for mention in sorted(self._speakers, key=lambda m: -m.position):
                if mention.kind == ANONYMOUS and mention.position < head.idx and _same_noun(mention.head, head.lower_):
                    return mention.canonical
        return _unnamed_canonical(tokens)

    def _reported(self, entity) -> bool:
        """An organisation introduced as the one reporting: "skriver Politiken", "ifølge Dawn"."""
        before = self.text[max(0, entity.start - 40):entity.start].rstrip().rsplit(None, 1)
        return bool(before) and before[-1].casefold() in _REPORTING_WORDS

    def _organisation_canonical(self, tokens, head: Token) -> str:
        """A bare institution noun ("Selskapet", "avisen") linked to the organisation named before
        it by the first of ORGANISATION_LINK_RULES that finds one, else the noun as written."""
        bare = len(tokens) <= 2 and all(t.i == head.i or t.lower_ in ("det", "den", "de") for t in tokens)
        if bare and _is_definite_singular(head):
            linked = first_decision(ORGANISATION_LINK_RULES, _InstitutionNoun.of(self, head))
            if linked is not None:
                return linked
        return _unnamed_canonical(tokens)


# ------------------------------------------------ which organisation a bare noun stands for


@dataclass(frozen=True)
class _InstitutionNoun:
    """A bare definite institution noun ("Selskapet") and the organisations named before it."""

    resolver: SpeakerResolver
    lower: str
    earlier: list[CanonicalEntity]  # organisations and places named before it, the nearest first

    @classmethod
    def of(cls, resolver: SpeakerResolver, head: Token) -> _InstitutionNoun:
        earlier = sorted((e for e in resolver.entities if e.start < head.idx and e.label in _ORG_LABELS),
                         key=lambda e: -e.start)
        return cls(resolver, head.lower_, earlier)


def _the_outlet_that_reported(noun: _InstitutionNoun) -> str | None:
    """"skriver Politiken. Ifølge avisen …" -> Politiken: the nearest news outlet, or one introduced as reporting."""
    if noun.lower not in OUTLET_NOUNS:
        return None
    return next((e.canonical for e in noun.earlier
                 if _fold(e.canonical) in NEWS_OUTLETS or noun.resolver._reported(e)), None)


def _the_organisation_named_before(noun: _InstitutionNoun) -> str | None:
    """"Aker BP har funnet olje i Nordsjøen. Selskapet anslår" -> Aker BP: the nearest organisation,
    which wins over a nearer place; a company noun takes a place when no organisation was named."""
    if noun.lower not in GENERIC_ORGANISATION_NOUNS:
        return None
    labels = ("ORG", "LOC") if noun.lower in _COMPANY_NOUNS else ("ORG",)
    for label in labels:
        for entity in noun.earlier:
            if entity.label == label and _fold(entity.canonical) not in NEWS_OUTLETS:
                return entity.canonical
    return None


def _the_organisation_its_noun_names(noun: _InstitutionNoun) -> str | None:
    """"Retten mener" after "Hordaland tingrett" -> the nearest organisation whose name holds the noun."""
    if noun.lower in OUTLET_NOUNS or noun.lower in GENERIC_ORGANISATION_NOUNS:
        return None  # the rules above link those nouns, or nothing does
    stem = _noun_stem(noun.lower)
    if not stem:
        return None
    return next((e.canonical for e in noun.earlier if stem in _fold(e.canonical).replace(" ", "")), None)


#: The rules that link a bare institution noun to an organisation named before it, tried in
#: this order; each reads its own kind of noun, so at most one applies.
ORGANISATION_LINK_RULES: tuple[Callable[[_InstitutionNoun], str | None], ...] = (
    _the_outlet_that_reported,
    _the_organisation_named_before,
    _the_organisation_its_noun_names,
)


# ------------------------------------------------------------ what a mention names


@dataclass(frozen=True)
class _SpeakerPhrase:
    """A speaker mention and what every rule deciding what it names reads from it."""

    resolver: SpeakerResolver
    head: Token  # the noun after "av" in "en av Diarras livvakter", else the mention's head
    tokens: Span  # the mention as written
    text: str
    start: int  # character offsets of ``text``
    end: int
    bracket: int | None  # where a closing "(ACRONYM)" opens
    anonymous_clause: bool  # a relative clause on it says the source is unnamed ("som ikke vil navngis")

    @classmethod
    def of(cls, resolver: SpeakerResolver, head: Token, start: int, end: int,
           relative: int | None) -> _SpeakerPhrase:
        tokens = resolver.doc[start:end]
        text_start, text_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        anonymous_clause = relative is not None and _has_anonymity_marker(resolver.doc, relative)
        return cls(resolver, _partitive_head(head), tokens, resolver.text[text_start:text_end],
                   text_start, text_end, _acronym_bracket(tokens), anonymous_clause)

    @property
    def lower(self) -> str:
        return self.head.lower_

    def speaker(self, canonical: str, kind: str | None, role: str | None = None,
                gender: str | None = None) -> Speaker:
        """This mention as a speaker with ``canonical`` as its name."""
        return Speaker(self.text, self.start, self.end, canonical, role, kind, gender)


def _who_stands_behind_a_document(phrase: _SpeakerPhrase) -> Speaker | None:
    """"heter det i en uttalelse fra Forsvarsdepartementet" -> the department: a document's source."""
    source = _source_of_document(phrase.head)
    if source is None:
        return None
    inner = phrase.resolver._classify(source, *phrase.resolver.noun_phrase(source))
    if inner is None:
        return None
    return phrase.speaker(inner.canonical, inner.kind, inner.role, inner.gender)


def _a_personal_pronoun(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Hun påpeker at …" -> the nearest person before her that may be a "hun"."""
    if phrase.lower in PRONOUN_GENDER and len(phrase.tokens) == 1:
        return phrase.resolver._pronoun(phrase.head, phrase.text, phrase.start, phrase.end)
    return None


def _a_named_person(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Forfatter Tove Nesheim sier" -> Tove Nesheim, the title kept apart as her role."""
    person = phrase.resolver._person_in(phrase.tokens, phrase.head)
    if person is None:
        return None
    canonical, role, gender = person
    return phrase.speaker(canonical, PERSON, role, gender)


def _an_unnamed_source(phrase: _SpeakerPhrase) -> Speaker | None:
    """"En ikke navngitt kilde i Det hvite hus sier" -> anonymous "kilde i Det hvite hus"."""
    if _is_anonymous_noun(phrase.lower):
        return phrase.speaker(phrase.resolver._anonymous_canonical(phrase.tokens, phrase.head), ANONYMOUS)
    return None


def _a_name_before_its_acronym(phrase: _SpeakerPhrase) -> Speaker | None:
    """"FNs høykommissær for flyktninger (UNHCR)" parsed with the acronym as head: the name before it."""
    if phrase.bracket is not None and phrase.head.i > phrase.bracket:
        return phrase.speaker(_unnamed_canonical(phrase.tokens), ORGANISATION)
    return None


def _a_named_organisation(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Equinor opplyser" -> Equinor: an organisation or place the NER names."""
    named = phrase.resolver._named_organisation(phrase.head)
    return phrase.speaker(named, ORGANISATION) if named is not None else None


def _a_state_speaking(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Teheran avviser", "Det hvite hus opplyser": a state, capital or seat of government."""
    if _speaks_for_a_state(phrase.tokens.text):
        return phrase.speaker(phrase.tokens.text, ORGANISATION)
    return None


def _a_title(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Statsministeren sa" after "Statsminister Jonas Berg" -> Jonas Berg; else the title itself."""
    lower = phrase.lower
    if is_role_word(lower) or is_role_word(_strip_definite(lower)):
        return phrase.resolver._role_speaker(phrase.tokens, phrase.head, phrase.text, phrase.start, phrase.end,
                                             phrase.anonymous_clause)
    return None


def _a_person_by_age(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Kari Holm ble pågrepet. 40-åringen forklarer" -> Kari Holm: the nearest person named before."""
    if not phrase.lower.endswith(AGE_NOUN_SUFFIXES):
        return None
    antecedent = phrase.resolver._nearest_person(phrase.head.idx, None)
    return phrase.speaker(antecedent.canonical, PERSON, gender=antecedent.gender) if antecedent else None


def _an_organisation_noun(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Selskapet anslår" after "Aker BP" -> Aker BP; "nyhetsbyrået AFP" -> AFP; else the noun."""
    head = phrase.head
    if not _is_organisation_noun(phrase.lower) or _is_capitalised_name(head):
        return None
    resolver = phrase.resolver
    apposed = resolver._apposed_organisation(head)
    return phrase.speaker(apposed or resolver._organisation_canonical(phrase.tokens, head), ORGANISATION)


def _a_person_noun(phrase: _SpeakerPhrase) -> Speaker | None:
    """"pappaen forteller": a person known by what they are to someone."""
    if phrase.lower in PERSON_NOUNS:
        return phrase.speaker(_unnamed_canonical(phrase.tokens), PERSON)
    return None


def _a_name_the_ner_missed(phrase: _SpeakerPhrase) -> Speaker | None:
    """"Tekstil- og skotøyforbundet sier": a capitalised name the NER missed; a person of that
    name before, an acronym or a name ending in an organisation's word, else a person."""
    head = phrase.head
    if head.pos_ == "PROPN" or _is_capitalised_name(head) or _looks_proper(head):
        return phrase.resolver._bare_name(head, phrase.tokens, phrase.text, phrase.start, phrase.end)
    return None


def _an_agency_by_its_acronym(phrase: _SpeakerPhrase) -> Speaker | None:
    """"FNs høykommissær for flyktninger (UNHCR)": a mention closing with an acronym is an agency."""
    if phrase.bracket is not None:
        return phrase.speaker(_unnamed_canonical(phrase.tokens), ORGANISATION)
    return None


def _any_other_noun(phrase: _SpeakerPhrase) -> Speaker | None:
    """"sier innbyggerne": a noun no rule above placed, of no known type (anonymous when a
    relative clause says it will not be named)."""
    head = phrase.head
    if head.pos_ in ("NOUN", "X") or head.tag_ == "subst":
        return phrase.speaker(_unnamed_canonical(phrase.tokens), ANONYMOUS if phrase.anonymous_clause else None)
    return None


#: A rule deciding what a mention names: the speaker, or None when it does not apply and the
#: next rule is tried.
_SpeakerRule = Callable[[_SpeakerPhrase], Speaker | None]

#: The rules that decide what a speaker mention names, tried in this order; the first that
#: applies wins, and a mention no rule applies to names no speaker. The order matters: a
#: document's source before the document, names before nouns, the bare noun last.
SPEAKER_RULES: tuple[_SpeakerRule, ...] = (
    _who_stands_behind_a_document,
    _a_personal_pronoun,
    _a_named_person,
    _an_unnamed_source,
    _a_name_before_its_acronym,
    _a_named_organisation,
    _a_state_speaking,
    _a_title,
    _a_person_by_age,
    _an_organisation_noun,
    _a_person_noun,
    _a_name_the_ner_missed,
    _an_agency_by_its_acronym,
    _any_other_noun,
)


# ---------------------------------------------------------------- helpers


def real_token(token: Token) -> Token:
    """A word instead of a whitespace token the parser used as a head.

    The parser sometimes hangs a sentence's first words on the paragraph break
    ("\\n\\n" as SUBJ with the name as FLAT): take its nominal dependant, else the
    first noun, name or pronoun after it.
    """
    if not token.is_space:
        return token
    nominal = [c for c in token.children if not c.is_space and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if nominal:
        return nominal[-1] if nominal[-1].dep_ in ("FLAT", "APP") and len(nominal) == 1 else nominal[0]
    doc = token.doc
    for i in range(token.i + 1, min(len(doc), token.i + 5)):
        if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
            return doc[i]
        if doc[i].pos_ not in ("DET", "ADJ", "NUM"):
            break
    return token


def _speaker_name(entity: CanonicalEntity, doc: Doc, end: int) -> str:
    """The entity's canonical name, without a genitive strip when nothing follows it to own:
    a speaker is not a possessor ("sier til Reuters" stays "Reuters")."""
    surface = entity.text.strip(_PUNCT + " ")
    stripped = (entity.canonical != surface and surface.startswith(entity.canonical)
                and len(surface) - len(entity.canonical) <= 2)
    if stripped and not _is_possessor(entity, doc, end):
        return surface
    return entity.canonical


def _recover_person(entity: CanonicalEntity) -> CanonicalEntity:
    """A person the NER labelled as a product or misc: "Pressetalskvinne Karine Lopez" (PROD)."""
    if entity.label not in _RECOVERABLE_LABELS:
        return entity
    role, name = split_role(entity.text)
    words = name.split()
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return entity
    if role is None and words[0].casefold() not in FEMALE_NAMES | MALE_NAMES:
        return entity
    if role is None and len(words) < 2:
        return entity
    return replace(entity, label="PER", canonical=name.strip(_PUNCT + " "), role=role)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _person_name_index(entities: list[CanonicalEntity]) -> dict[str, str]:
    """Full name and unambiguous surname (casefolded) -> fullest person name."""
    people = sorted({e.canonical for e in entities if e.label == "PER"}, key=lambda n: -len(n.split()))
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for name in people:
        keys = {_fold(name)}
        words = name.split()
        if len(words) > 1:
            keys.add(_fold(words[-1]))
        for key in keys:
            if key in ambiguous:
                continue
            current = index.get(key)
            if current is None:
                index[key] = name
            elif current != name and not _fold(current).endswith(_fold(name)):
                del index[key]
                ambiguous.add(key)
    return index


def _is_capitalised_name(token: Token) -> bool:
    """Capitalised inside a sentence: a name, not a sentence-initial word."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    return not (previous.is_space or previous.text in ".!?:–—-«»\"“”")


def _is_name_word(token: Token) -> bool:
    return token.text[:1].isupper() and not is_role_word(token.text) and not token.is_punct


def _source_of_document(head: Token) -> Token | None:
    """Who stands behind a document the mention names: the first of DOCUMENT_SOURCE_RULES that finds one."""
    if head.lower_ not in DOCUMENT_NOUNS and _noun_stem(head.lower_) not in DOCUMENT_NOUNS:
        return None
    return first_decision(DOCUMENT_SOURCE_RULES, head)


def _the_source_after_fra(document: Token) -> Token | None:
    """"tall fra Nav" -> Nav: what "fra" after the document governs, unless a number or a sign."""
    for child in document.rights:
        if child.lower_ != "fra":
            continue
        source = _object_of(child)
        if source is not None and not source.is_punct and not source.like_num and source.pos_ != "NUM":
            return source
    return None


def _the_owner_before(document: Token) -> Token | None:
    """"Ifølge professor Gordon Conways rapport" -> Gordon Conway: a capitalised genitive owning the document."""
    for child in document.lefts:
        if child.dep_ == "DET" and child.pos_ in ("PROPN", "NOUN") and child.text[:1].isupper() \
                and _ends_in_a_genitive(child):
            return child
    return None


#: The rules that find who stands behind a document, tried in this order.
DOCUMENT_SOURCE_RULES: tuple[Callable[[Token], Token | None], ...] = (
    _the_source_after_fra,
    _the_owner_before,
)


def _object_of(preposition: Token) -> Token | None:
    """The noun a preposition governs: its parsed object, else the word after it."""
    objects = [child for child in preposition.children if child.dep_ == "PUTFYLL"]
    if objects:
        return objects[0]
    doc = preposition.doc
    return doc[preposition.i + 1] if preposition.i + 1 < len(doc) else None


def _ends_in_a_genitive(token: Token) -> bool:
    """The last capitalised word under ``token`` is a genitive: "Gordon Conways", "Navs"."""
    owner = [t for t in token.subtree if t.text[:1].isupper()]
    return bool(owner) and ("Gen" in owner[-1].morph.get("Case", None) or owner[-1].text.endswith(("s", "'", "’")))


def _looks_proper(token: Token) -> bool:
    """A capitalised noun without definiteness or number: a name the tagger called a noun ("Moskva")."""
    return (token.text[:1].isupper() and token.tag_ == "subst" and not token.morph.get("Definite", None)
            and not token.morph.get("Number", None) and token.text[1:].islower())


def _partitive_head(head: Token) -> Token:
    """"en av Diarras livvakter": the noun after "av" carries the meaning."""
    if head.pos_ in ("PRON", "DET", "NUM") or head.lower_ in ("en", "ett", "ei", "noen", "flere", "mange"):
        for child in head.rights:
            if child.lower_ == "av":
                for grandchild in child.children:
                    if grandchild.dep_ == "PUTFYLL":
                        return grandchild
    return head


def _is_possessor(entity: CanonicalEntity, doc: Doc, end: int) -> bool:
    """A genitive name owning the noun after it: "Kremls talsmann", "Diarras livvakter"."""
    followed = end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ")
    return followed and (entity.canonical != entity.text or entity.text.endswith(("s", "'", "’")))


def _has_anonymity_marker(doc: Doc, start: int) -> bool:
    stop = min(len(doc), start + 10)
    return any(doc[i].lower_ in ANONYMITY_MARKERS for i in range(start, stop))


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("FLAT", "APP") and token.head is not token:
        token = token.head
    return token.dep_ in ("SUBJ", "FSUBJ")


def _strip_definite(word: str) -> str:
    """"statsministeren" -> "statsminister". Titles are masculine or common gender, so a
    neuter "-et" is never stripped: "byrådet" is the council, "byråden" the councillor."""
    for ending in ("en", "n"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            candidate = word[: -len(ending)]
            if is_role_word(candidate):
                return candidate
    return word


def _noun_stem(word: str) -> str:
    """'diplomaten' -> 'diplomat', 'NATO-diplomat' -> 'diplomat', 'departementet' -> 'departement'.

    Only definite endings are removed ("offiseren" -> "offiser", never "offis").
    """
    word = word.casefold().rsplit("-", 1)[-1]
    for ending in ("ene", "en", "et", "a"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _same_noun(first: str, second: str) -> bool:
    """Two forms of one noun: "kilden"/"kilde", "offiseren"/"offiser"."""
    a, b = _noun_stem(first), _noun_stem(second)
    return len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))


def _is_anonymous_noun(word: str) -> bool:
    word = word.casefold()
    return word in ANONYMOUS_NOUNS or word.rsplit("-", 1)[-1] in ANONYMOUS_NOUNS or (
        _noun_stem(word) in ANONYMOUS_NOUNS and _noun_stem(word) not in ("mann", "kvinne")
    )


#: Words right before a medium that is reporting ("skriver Politiken", "ifølge avisen Dawn"):
#: the forms of the verbs that attribute information, the according-to prepositions, outlet nouns.
_REPORTING_WORDS = frozenset(
    {form for verb in reporting_verbs("information") if not verb.particle for form in verb.forms}
    | set(ACCORDING_PREPOSITIONS) | {"avisen", "nettavisen"})
#: A court named again by its common noun ("Retten mener" after "Sør-Rogaland tingrett").
_COURT_NOUNS = frozenset({"retten", "domstolen"})


def _is_organisation_noun(word: str) -> bool:
    word = word.casefold()
    if word in GENERIC_ORGANISATION_NOUNS or word in OUTLET_NOUNS or word in _COURT_NOUNS:
        return True
    return any(stem in word for stem in ORGANISATION_NOUN_STEMS)


def _is_definite_singular(token: Token) -> bool:
    definite = token.morph.get("Definite", None)
    if definite:
        return "Def" in definite and "Plur" not in token.morph.get("Number", None)
    return token.lower_.endswith(_DEFINITE_ENDINGS)


def _is_indefinite(tokens) -> bool:
    return len(tokens) > 0 and tokens[0].lower_ in _INDEFINITE | {"flere", "mange", "noen", "enkelte"}


def _acronym_bracket(tokens) -> int | None:
    """Where "(ACRONYM)" at the end of a mention opens, if it does: the acronym is an
    organisation's ("FNs høykommissær for flyktninger (UNHCR)")."""
    words = [t for t in tokens if t.text != ")"]
    if len(words) >= 3 and words[-2].text == "(" and is_capital_acronym(words[-1].text):
        return words[-2].i
    return None


def _unnamed_canonical(tokens) -> str:
    """The mention without articles, quantifiers, anonymity words and a closing
    "(ACRONYM)": "FNs organisasjon for ernæring og landbruk (FAO)" -> "FNs organisasjon for
    ernæring og landbruk"."""
    bracket = _acronym_bracket(tokens)
    if bracket is not None:
        tokens = tokens.doc[tokens[0].i:bracket]
    words = [t for t in tokens if t.text not in _PUNCT or t.text in "()"]
    folded = [t.lower_ for t in words]
    for phrase in SPEAKER_DROP_PHRASES:
        for i in range(len(folded) - len(phrase) + 1):
            if tuple(folded[i:i + len(phrase)]) == phrase:
                words = words[:i] + words[i + len(phrase):]
                folded = folded[:i] + folded[i + len(phrase):]
                break
    kept = list(words)
    while kept and kept[0].lower_ in SPEAKER_DROP_WORDS and len(kept) > 1:
        kept = kept[1:]
    if kept and kept[0].pos_ == "ADP" and words and words[0] is not kept[0]:
        kept = words
    if not kept:
        kept = words
    text = "".join(t.text_with_ws for t in kept).strip()
    return text.strip(_PUNCT + " ") or "".join(t.text_with_ws for t in tokens).strip()


def _role_words_before(tokens, name_token: Token) -> str | None:
    words = [t.text for t in tokens if t.i < name_token.i and is_role_word(t.text)]
    return " ".join(words) or None


def _morph_gender(doc: Doc, entity: CanonicalEntity) -> str | None:
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    genders = span[0].morph.get("Gender", None)
    if genders == ["Fem"]:
        return "f"
    if genders == ["Masc"]:
        return "m"
    return None


#: Lowercased states, capitals and seats of government: speaking, they are organisations.
_STATE_VOICES: frozenset[str] = STATE_NAMES | frozenset(INSTITUTION_COUNTRIES)


def _speaks_for_a_state(text: str) -> bool:
    return text.lower() in _STATE_VOICES
