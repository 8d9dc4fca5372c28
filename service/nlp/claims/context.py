"""What a claim needs to know about its story: entities, earlier mentions, clauses, quotes.

>>> import spacy
>>> nlp = spacy.blank("nb"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> story = StoryContext(nlp("Ukraina advarer. Landet anslår at det står 90.000 soldater der."))
>>> story.country_before(25)
'Ukraina'
>>> [t.text for t in clause_window(story.doc[6:9])]
['det', 'står', '90.000', 'soldater', 'der']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from service.nlp.claims.lexicon import troop_prefix
from service.nlp.lang.places import country_of_adjective, country_of_name
from service.nlp.claims.numbers import SMALL
from service.nlp.mentions.canonical import CanonicalEntity, canonical_name_index, role_index
from service.nlp.mentions.component import mentions_of
from service.nlp.mentions.noun_phrase import is_verb
from service.nlp.rules import first_decision

__all__ = ["StoryContext", "clause_window", "is_verb", "sentence_of"]

LEFT_BOUNDARY_TEXT: frozenset[str] = frozenset({",", ";", ":", "(", ")", "«", "»", "–", "—", "-"})
RIGHT_BOUNDARY_TEXT: frozenset[str] = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "«", "»",
                                                 "–", "—"})
CLAUSE_WORDS: frozenset[str] = frozenset({"at", "hvis", "dersom", "fordi", "mens", "selv om"})
COORDINATORS: frozenset[str] = frozenset({"og", "men", "mens", "eller"})
PRONOUN_SUBJECTS: frozenset[str] = frozenset({"det", "de", "den", "han", "hun", "vi", "jeg", "dette"})

_GUILLEMETS_RE = re.compile(r"«[^«»]*»")
_PERSON_LABELS = frozenset({"PER"})
_PLACE_PREPOSITIONS = frozenset({"i", "til", "fra", "ved", "nær", "mot", "langs", "på", "utenfor", "av"})
_ORG_LABELS = frozenset({"ORG", "GPE_ORG"})


def _after_place_preposition(token: Token) -> bool:
    """A name after "i", "til", "fra" ... names a place, not an actor."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in _PLACE_PREPOSITIONS


def _starts_new_clause(token: Token) -> bool:
    """After a coordinator: does a new clause (own subject or verb) start here?"""
    return (is_verb(token) or token.lower_ in PRONOUN_SUBJECTS
            or (token.text[:1].isupper() and token.i > token.sent.start)
            or token.like_num)


SENTENCE_END_TEXT: frozenset[str] = frozenset({".", "!", "?", "»", "…"})


def _ends_sentence(sent: Span) -> bool:
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = sent.doc[last.i - 1]
    return last.text in SENTENCE_END_TEXT or last.text.endswith(".") or "\n" in sent[-1].text


def sentence_of(span: Span) -> Span:
    """The sentence holding ``span``, re-joined where the parser split one mid-way."""
    doc = span.doc
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= span.start < s.end)
    first = last = k
    while first > 0 and not _ends_sentence(sents[first - 1]):
        first -= 1
    while last + 1 < len(sents) and not _ends_sentence(sents[last]):
        last += 1
    return doc[sents[first].start:sents[last].end]


def _list_end(doc: Doc, comma: int, limit: int) -> int | None:
    """Past a list of names that the comma at ``comma`` is inside ("fra Storbritannia,
    Frankrike og Tyskland kan ..."): the index after its last name, else None."""
    if comma == 0 or not doc[comma - 1].text[:1].isupper():
        return None
    k = comma + 1
    while k < limit and (doc[k].text[:1].isupper() or doc[k].text == ","):
        k += 1
    if k > comma + 1 and k + 1 < limit and doc[k].lower_ in ("og", "eller") \
            and doc[k + 1].text[:1].isupper():
        return k + 2
    if k > comma + 1 and k + 2 < limit and doc[k].lower_ == "og" \
            and (doc[k + 1].like_num or doc[k + 1].lower_ in SMALL):
        rest = k + 2 + (doc[k + 2].lower_ == "andre")  # "USA, Australia og 17 andre land"
        if rest < limit and doc[rest].lower_ in ("land", "nasjoner", "allierte", "medlemsland"):
            return rest + 1
    return None


def capitalised_run(token: Token, limit: int = 4) -> list[Token]:
    """The capitalised words from ``token`` on, at most ``limit``: "Sri Lanka", "Port Moresby"."""
    doc = token.doc
    end = token.i
    while end < len(doc) and end - token.i < limit and doc[end].text[:1].isupper():
        end += 1
    return list(doc[token.i:end])


def clause_window(span: Span) -> list[Token]:
    """Tokens of the clause around ``span`` (stopping at commas, "at", new clauses)."""
    clause = _Clause(span, sentence_of(span))
    return list(span.doc[_clause_start(clause):_clause_end(clause)])


@dataclass(frozen=True)
class _Clause:
    """A span and the sentence its clause is sought in."""

    span: Span
    sent: Span


def _clause_start(clause: _Clause) -> int:
    """Back from the span to a boundary mark, a clause word ("at") or a coordinator with a
    verb after it ("og de har sendt 400 soldater")."""
    doc, span = clause.span.doc, clause.span
    start = span.start
    while start > clause.sent.start:
        token = doc[start - 1]
        if token.text in LEFT_BOUNDARY_TEXT or token.lower_ in CLAUSE_WORDS:
            break
        if token.lower_ in COORDINATORS and any(is_verb(t) for t in doc[start:span.start]):
            break
        start -= 1
    return start


def _clause_end(clause: _Clause) -> int:
    """On from the span, word by word, until a rule of CLAUSE_END_RULES ends the clause."""
    end = clause.span.end
    while end < clause.sent.end:
        reach = next((r for r in (rule(clause, end) for rule in CLAUSE_END_RULES) if r is not None), end + 1)
        if reach == end:
            break
        end = reach
    return end


#: A rule at the word ``end``: the index the clause goes on from (``end`` itself where it
#: ends there), or None when the rule does not apply and the next is tried.
_ClauseEndRule = Callable[[_Clause, int], int | None]


def _past_a_scare_quote(clause: _Clause, end: int) -> int | None:
    """"Over 60 IS-krigere er «nøytralisert» i Raqqa": a quoted word or two goes on the clause."""
    doc, sent_end = clause.span.doc, clause.sent.end
    if doc[end].text != "«":
        return None
    return next((k + 1 for k in range(end + 1, min(sent_end, end + 5)) if doc[k].text == "»"), None)


def _past_a_list_of_names(clause: _Clause, end: int) -> int | None:
    """"Rundt 1.000 soldater fra Storbritannia, Frankrike og Tyskland kan sendes til Estland": a
    list's comma goes on the clause."""
    if clause.span.doc[end].text != ",":
        return None
    return _list_end(clause.span.doc, end, clause.sent.end)


def _past_a_relative_clause(clause: _Clause, end: int) -> int | None:
    """"De 80 soldatene som er igjen, skal hjem før jul": the count's own predicate comes after
    its relative clause."""
    doc, sent_end = clause.span.doc, clause.sent.end
    if doc[end].lower_ != "som" or end != clause.span.end:
        return None
    return next((k + 1 for k in range(end + 1, min(sent_end, end + 12)) if doc[k].text == ","), None)


def _at_a_boundary(clause: _Clause, end: int) -> int | None:
    """"Kenya har sendt 400 soldater til Haiti, opplyser regjeringen": punctuation or a clause
    word ("at") ends the clause ("mens" does not)."""
    token = clause.span.doc[end]
    return end if token.text in RIGHT_BOUNDARY_TEXT or token.lower_ in CLAUSE_WORDS - {"mens"} else None


def _at_a_coordinated_clause(clause: _Clause, end: int) -> int | None:
    """"Polen har 500 soldater i Latvia og de skal bli der i to år": a coordinator before a new
    subject or verb ends the clause."""
    doc, sent_end = clause.span.doc, clause.sent.end
    if doc[end].lower_ in COORDINATORS and end + 1 < sent_end and _starts_new_clause(doc[end + 1]):
        return end
    return None


#: The rules that decide where a count's clause ends, tried in this order at each word after
#: the span; a word no rule stops at or leaps past is part of the clause.
CLAUSE_END_RULES: tuple[_ClauseEndRule, ...] = (
    _past_a_scare_quote,
    _past_a_list_of_names,
    _past_a_relative_clause,
    _at_a_boundary,
    _at_a_coordinated_clause,
)


@dataclass
class StoryContext:
    """One story's Doc with the lookups claim resolution needs."""

    doc: Doc
    quotes: list[dict] = field(default_factory=list)
    #: Claimants of the story's claims so far (set by the claim builder, in order).
    claimants: list[dict] = field(default_factory=list)

    def previous_claimant(self) -> dict | None:
        """The last named claimant before (an unnamed "rapporten" is likely theirs)."""
        named = [c for c in self.claimants if c.get("type") not in ("agency", None)]
        return named[-1] if named else None

    @cached_property
    def entities(self) -> tuple[CanonicalEntity, ...]:
        return mentions_of(self.doc)

    @cached_property
    def troop_owners(self) -> dict[str, str]:
        """Names the story gives fighters to, by each of their words: "Abu Sayyaf-krigere"
        -> {"Abu": "Abu Sayyaf", "Sayyaf": "Abu Sayyaf"}; a later "Abu Sayyaf har ..." is theirs."""
        owners: dict[str, str] = {}
        for token in self.doc:
            prefix = troop_prefix(token.text)
            if prefix is None:
                continue
            k = token.i
            while k > token.sent.start and self.doc[k - 1].text[:1].isupper() \
                    and not self.doc[k - 1].is_sent_start and k > token.i - 3:
                k -= 1
            name = " ".join([t.text for t in self.doc[k:token.i]] + [prefix])
            for word in name.split():
                owners.setdefault(word, name)
        return owners

    @cached_property
    def names(self) -> dict[str, str]:
        return canonical_name_index(self.entities)

    @cached_property
    def roles(self) -> dict[str, str]:
        return role_index(self.entities)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.idx for t in self.doc]

    def tokens_before(self, offset: int) -> Span:
        """The tokens that start before character ``offset`` (a slice, no copy)."""
        return self.doc[: bisect_left(self._token_starts, offset)]

    @cached_property
    def guillemets(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _GUILLEMETS_RE.finditer(self.doc.text)]

    def entities_in(self, start: int, end: int, labels: Iterable[str] | None = None) -> list[CanonicalEntity]:
        wanted = set(labels) if labels is not None else None
        return [e for e in self.entities
                if e.start < end and start < e.end and (wanted is None or e.label in wanted)]

    def person_before(self, offset: int) -> CanonicalEntity | None:
        """The person a pronoun at ``offset`` refers to: the subject of the sentence before
        when a pronoun opens its sentence ("Šakalienė møtte Pistorius. Hun sier ..."), else
        the last person mentioned."""
        people = [e for e in self.entities if e.label in _PERSON_LABELS and e.end <= offset]
        if not people:
            return None
        k = bisect_left(self._token_starts, offset)
        token = self.doc[k] if k < len(self.doc) and self.doc[k].idx == offset else None
        if token is not None and token.is_sent_start and token.i > 0:
            previous = self.doc[token.i - 1].sent
            subjects = [t for t in previous if t.dep_ == "SUBJ" and t.head.dep_ == "ROOT"]
            for subject in subjects:
                tree = list(subject.subtree)
                start, end = tree[0].idx, tree[-1].idx + len(tree[-1].text)
                named = [e for e in people if start <= e.start and e.end <= end]
                if named:
                    return named[-1]
        return people[-1]

    def person_with_role(self, role_word: str, offset: int) -> CanonicalEntity | None:
        """The last person before ``offset`` whose role ends like ``role_word`` ("ministeren")."""
        base = role_word.lower()
        for suffix in ("en", "et", "n"):
            if base.endswith(suffix) and len(base) > len(suffix) + 3:
                base = base[: -len(suffix)]
                break
        people = [e for e in self.entities if e.label in _PERSON_LABELS and e.end <= offset
                  and e.role and e.role.lower().split()[-1].endswith(base)]
        return people[-1] if people else None

    def organisation_before(self, offset: int) -> CanonicalEntity | None:
        orgs = [e for e in self.entities if e.label in _ORG_LABELS and e.end <= offset]
        return orgs[-1] if orgs else None

    def country_before(self, offset: int, exclude: Iterable[str | None] = ()) -> str | None:
        """The country "landet"/"landets" at ``offset`` refers to (see COUNTRY_BEFORE_RULES)."""
        sentence_start = next((s.start_char for s in self.doc.sents
                               if s.start_char <= offset < s.end_char), 0)
        lookup = _CountryLookup(self, offset, frozenset(exclude), sentence_start)
        found = first_decision(COUNTRY_BEFORE_RULES, lookup)
        return found.country if found is not None else None

    def group_named_before(self, offset: int) -> str | None:
        """The group "bevegelsen"/"militsen" at ``offset`` refers to: the last organisation
        named before it, else the last proper noun that is no country ("Hizbollah")."""
        org = self.organisation_before(offset)
        return org.canonical if org is not None else self.proper_noun_before(offset)

    def proper_noun_before(self, offset: int) -> str | None:
        """The last proper noun before ``offset`` that is not a country ("Hizbollah")."""
        for token in reversed(self.tokens_before(offset)):
            if (token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE_ORG")) \
                    and country_of_name(token.text) is None:
                return token.text
        return None

    def quote_at(self, start: int, end: int) -> dict | None:
        """The quote (from the quotes component) that contains ``start:end``."""
        for quote in self.quotes:
            if quote.get("start", 1) <= start and end <= quote.get("end", -1):
                return quote
        return None

    def guillemet_at(self, start: int, end: int) -> tuple[int, int] | None:
        for q_start, q_end in self.guillemets:
            if q_start <= start and end <= q_end:
                return q_start, q_end
        return None


# ------------------------------------------------------------------ what "landet" refers to


@dataclass(frozen=True)
class CountryFound:
    """A rule's answer for "landet": the country, or None when it refers to none (the search ends)."""

    country: str | None


@dataclass(frozen=True)
class _CountryLookup:
    """What the rules for "landet" at ``offset`` read: the countries named before it."""

    story: StoryContext
    offset: int
    skip: frozenset[str | None]  # countries it cannot be (the other side)
    sentence_start: int  # of the sentence holding ``offset``

    @cached_property
    def named(self) -> list[tuple[Token, str | None]]:
        """Each word before ``offset`` with the country it names, if capitalised ("Litauen")."""
        return [(t, country_of_name(t.text) if t.text[:1].isupper() else None)
                for t in self.story.tokens_before(self.offset)]

    @cached_property
    def last_named(self) -> str | None:
        """The last country named before ``offset``, in any sentence."""
        return next((c for _, c in reversed(self.named) if c is not None and c not in self.skip), None)

    @cached_property
    def in_sentence(self) -> list[tuple[bool, str]]:
        """The countries the sentence names or describes before ``offset``, each with whether
        it is a place after a preposition ("i Litauen") rather than a nationality."""
        found: list[tuple[bool, str]] = []
        for token, country in self.named:
            named = (country or country_of_adjective(token.text)) if token.idx >= self.sentence_start else None
            if named and named not in self.skip:
                found.append((_after_place_preposition(token) and country is not None, named))
        return found


#: A rule for "landet": its answer, or None when it does not apply and the next rule is tried.
_CountryRule = Callable[[_CountryLookup], CountryFound | None]


def _a_nationality_before_a_place(lookup: _CountryLookup) -> CountryFound | None:
    """"Rundt 300 nederlandske soldater er i Litauen, opplyste landets forsvarsminister" ->
    Nederland: the sentence is about the soldiers' country, not where they are."""
    unlocated = [name for located, name in lookup.in_sentence if not located]
    if unlocated and lookup.in_sentence[-1][0]:
        return CountryFound(unlocated[-1])
    return None


def _the_last_country_when_the_sentence_names_one(lookup: _CountryLookup) -> CountryFound | None:
    """"Frankrike har sendt fly. Også Tyskland vil bidra, og landet sender 500 soldater" ->
    Tyskland, the last country named, since its sentence names one."""
    return CountryFound(lookup.last_named) if lookup.in_sentence else None


def _the_subject_of_an_earlier_sentence(lookup: _CountryLookup) -> CountryFound | None:
    """"Nord-Korea har 1,2 millioner soldater, skriver det sørkoreanske nyhetsbyrået Yonhap.
    I tillegg har landet …" -> Nord-Korea: the last sentence with a country as its subject."""
    doc = lookup.story.doc
    for sent in reversed([s for s in doc.sents if s.end_char <= lookup.sentence_start]):
        for token in sent:
            if token.dep_ == "SUBJ" and token.text[:1].isupper():
                country = country_of_name(token.text)
                if country is not None and country not in lookup.skip:
                    return CountryFound(country)
    return None


def _the_last_actor_named(lookup: _CountryLookup) -> CountryFound | None:
    """"Den libanesiske regjeringen ber om hjelp etter angrep fra Syria. Nå sender landet …"
    -> Libanon: the last country named as an actor, not as a place."""
    actor: str | None = None
    for token, country in lookup.named:
        if token.idx >= lookup.sentence_start:
            break
        if country is None and token.i > 0 and token.doc[token.i - 1].lower_ in ("den", "det", "de"):
            country = country_of_adjective(token.text)  # "Den libanesiske regjeringen"
        if country is not None and country not in lookup.skip and not _after_place_preposition(token):
            actor = country
    return CountryFound(actor) if actor else None


def _the_last_country_named(lookup: _CountryLookup) -> CountryFound | None:
    """"Soldatene kom fra Mali. Landet har 10.000 soldater" -> Mali: the last country named,
    even as a place."""
    return CountryFound(lookup.last_named)


#: The rules that find the country "landet" refers to, tried in this order; the first that
#: decides wins. Within its own sentence a nationality outranks a place; before it, a
#: country that was a subject, then one that acted, then any named.
COUNTRY_BEFORE_RULES: tuple[_CountryRule, ...] = (
    _a_nationality_before_a_place,
    _the_last_country_when_the_sentence_names_one,
    _the_subject_of_an_earlier_sentence,
    _the_last_actor_named,
    _the_last_country_named,
)
