"""Whose troops a count is about (its side).

First match wins (SIDE_RULES, and SUBJECT_RULES for the clause's subject):
    1. the count's own words: "russiske soldater", "NATO-soldater", "Russlands 150.000"
       (two nationalities: no one side);
    2. "soldater fra X" naming one country or national force (several -> no side);
       "i FN-styrken" yields to a country subject;
    3. the clause's subject: "Russland har samlet ...", "alliansen", "russerne",
       "Hæren" (Norway), "landet" (the last country named), "vi" (the claimant's country),
       a ruler in its seat ("Regjeringen i London"), a group after its descriptor
       ("opprørsgruppen Ansar al-Sunna");
    4. the side of the story's previous claim, or the country the sentence before opens with;
    5. the country the claimant speaks for ("det russiske forsvarsdepartementet");
    6. a force only one country has ("nasjonalgardister", "førstegangstjeneste").
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from spacy.tokens import Span, Token

from service.nlp.claims.context import StoryContext, capitalised_run, is_verb
from service.nlp.claims.lexicon import troop_prefix
from service.nlp.claims.location import GOVERNING_HEADS, LOCATION_PREPS, STOP_PUNCT
from service.nlp.lang.places import (
    COUNTRIES,
    GROUP_BACK_REFERENCES,
    PROPER_ONLY,
    SIDE_NAMES,
    affiliation_country,
    capital_country,
    country_of_adjective,
    country_of_name,
    place_of,
    side_of_word,
)
from service.nlp.claims.source_words import MEDIA
from service.nlp.rules import first_decision

__all__ = ["side_of"]

#: Prepositions after which a country is where troops are, not whose ("kontingenten i Slovakia").
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"i", "på", "til", "fra", "ved", "nær", "langs", "utenfor"})
#: Nouns of hostile acts whose nationality adjective names the other party.
HOSTILE_ACTS: tuple[str, ...] = ("angrep", "invasjon", "offensiv", "fremrykk", "trussel", "aggresjon")
UNNAMED_GROUPS: tuple[str, ...] = ("milits", "opprør", "gerilja", "jihadist", "rebell", "separatist")
_GROUP_WORDS: tuple[str, ...] = ("gruppen", "militsen", "bevegelsen", "alliansen", "organisasjonen",
                                 "hæren", "styrken", "geriljaen")


@dataclass(frozen=True)
class SideFound:
    """A rule's answer: the side, or None when the troops are no one side's; the search ends."""

    side: str | None


def _side_in_words(tokens: Sequence[Token], story: StoryContext | None = None) -> str | None:
    for token in tokens:
        if token.lower_.startswith("regjeringssoldat") and story is not None:
            # the government forces of the country in focus: the one named before, else in
            # the sentence ("regjeringssoldater ... i Chin-staten i Myanmar")
            found = story.country_before(token.idx) or _country_in(token.sent, adjectives=True)
            if found is not None:
                return found
        if token.lower_ == "landets" and story is not None:  # "11 av landets soldater"
            country = story.country_before(token.idx)
            if country is not None:
                return country
        if token.lower_.startswith("heimeverns"):
            return "Norge"  # "heimevernssoldater": Norway's Home Guard
        prefix = troop_prefix(token.text)
        side = (SIDE_NAMES.get(prefix.lower(), prefix) if prefix else None) or country_of_adjective(token.text)
        if side is not None:
            return side
    return None


#: Heads of a force compound whose prefix is the side: "soldatene i FN-styrken".
_SERVED_FORCES: tuple[str, ...] = ("styrk", "operasjon", "misjon", "kontingent")
#: Nouns after a number that make "fra" many countries: "soldater fra 13 land".
_MANY_COUNTRIES: frozenset[str] = frozenset({"land", "nasjoner", "medlemsland", "allierte"})


def _side_from_origin(unit: Token | None) -> SideFound | None:
    """Where a count's troops come from, when its unit says so: "soldatene i FN-styrken"
    names the force, "soldater fra X" the country; "soldater fra 13 land" is no one
    country's (a side of None). None when the unit says nothing of where they come from."""
    if unit is None or unit.i + 2 >= len(unit.doc):
        return None
    return _a_force_served_in(unit) or _the_countries_they_come_from(unit)


def _a_force_served_in(unit: Token) -> SideFound | None:
    """"soldatene i FN-styrken" -> FN."""
    doc = unit.doc
    if doc[unit.i + 1].lower_ != "i" or "-" not in doc[unit.i + 2].text:
        return None
    prefix, _, head = doc[unit.i + 2].text.partition("-")
    side = side_of_word(prefix) if head.lower().startswith(_SERVED_FORCES) else None
    return SideFound(side) if side is not None else None


def _the_countries_they_come_from(unit: Token) -> SideFound | None:
    """"soldater fra Storbritannia" -> Storbritannia; from several or "fra 13 land": no one side."""
    doc = unit.doc
    if doc[unit.i + 1].lower_ != "fra":
        return None
    if doc[unit.i + 2].like_num and unit.i + 3 < len(doc) and doc[unit.i + 3].lower_ in _MANY_COUNTRIES:
        return SideFound(None)  # "soldater fra 13 land"
    sides: list[str] = []
    for token in doc[unit.i + 2: min(len(doc), unit.i + 10)]:
        if _ends_origin(token):
            break
        side = _side_named_by(token)
        if side is not None and side not in sides:
            sides.append(side)
    if not sides:
        return None
    return SideFound(sides[0] if len(sides) == 1 else None)


def _ends_origin(token: Token) -> bool:
    """The words after "fra" name where troops come from up to punctuation (not a list's
    comma), a verb, a number or another place preposition."""
    return (token.text in STOP_PUNCT and token.text != ",") \
        or (is_verb(token) and not token.text[:1].isupper()) or token.like_num \
        or (token.lower_ in LOCATION_PREPS and token.lower_ != "fra")


def _side_named_by(token: Token) -> str | None:
    """The country or side one word of an origin names: "Storbritannia", "britiske", "NATO"."""
    return country_of_name(token.text) or country_of_adjective(token.text) \
        or affiliation_country(token.text) \
        or (side_of_word(token.text) if token.text[:1].isupper() else None)


def _seat_country(token: Token) -> str | None:
    """"Regjeringen i London", "myndighetene i Kyiv": a ruling body and the country of the
    capital or country it sits in."""
    doc = token.doc
    if not token.lower_.startswith(GOVERNING_HEADS) or token.i + 2 >= len(doc) \
            or doc[token.i + 1].lower_ != "i" or not doc[token.i + 2].text[:1].isupper():
        return None
    run = capitalised_run(doc[token.i + 2])
    whole = " ".join(t.text for t in run)
    return capital_country(whole) or country_of_name(whole) or capital_country(run[-1].text)


def _country_of_run(token: Token) -> str | None:
    run = capitalised_run(token)
    whole = " ".join(t.text for t in run)
    return country_of_name(whole) or next(
        (c for c in (country_of_name(t.text) for t in run) if c is not None), None)


class _Skip(Enum):
    WORD = "next word"


#: A subject rule's answer that this word names no side: the rules go on with the next word.
NEXT_WORD = _Skip.WORD


@dataclass
class _SubjectScan:
    """What the subject rules read besides the word itself, and what they leave for later words."""

    story: StoryContext
    claimant_country: str | None
    skipped: set[int] = field(default_factory=set)  # the rest of a place name already passed over


#: A subject rule: its answer for one word, or None when it does not apply and the next rule is tried.
_SubjectRule = Callable[[Token, _SubjectScan], SideFound | _Skip | None]


def _subject_side(story: StoryContext, tokens: Sequence[Token], claimant_country: str | None) -> str | None:
    """The side the clause's subject names, reading its words in order (see SUBJECT_RULES)."""
    scan = _SubjectScan(story, claimant_country)
    for token in tokens:
        for rule in SUBJECT_RULES:
            verdict = rule(token, scan)
            if isinstance(verdict, SideFound):
                return verdict.side
            if verdict is NEXT_WORD:
                break
    return None


# ------------------------------------------------------------------ subject rules, in order


def _we_are_the_claimants_country(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Vi har sammen med amerikanerne 5.000 soldater …, sier Estlands forsvarsminister" -> Estland."""
    if token.lower_ not in ("vi", "vår", "våre"):
        return None
    return SideFound(scan.claimant_country) if scan.claimant_country else NEXT_WORD


def _the_country_named_before(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Dersom Iran blir angrepet, kan landet mobilisere …" -> the country named last: Iran."""
    if token.lower_ not in ("landet", "landets"):
        return None
    country = scan.story.country_before(token.idx)
    return SideFound(country) if country else NEXT_WORD


def _the_group_named_before(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Hizbollah avviser at bevegelsen mistet …" -> Hizbollah."""
    if token.lower_ not in GROUP_BACK_REFERENCES:
        return None
    name = scan.story.group_named_before(token.idx)
    return SideFound(side_of_word(name) or name) if name is not None else NEXT_WORD


def _a_ruler_in_its_seat(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Regjeringen i London vil redusere …" -> Storbritannia, not Norway."""
    seat = _seat_country(token)
    return SideFound(seat) if seat is not None else None


def _the_government(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"kan regjeringen sende …, sier Colombias forsvarsminister" -> Colombia; else the
    country named before it in the sentence ("Luxembourgs hær …, men regjeringen vil øke")."""
    if token.lower_ != "regjeringen":
        return None
    ruled = scan.claimant_country or _named_in_sentence(token)
    return SideFound(ruled) if ruled else None


def _an_attackers_adjective(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Ved et russisk angrep kan Polen flytte …": the attacker is not the side."""
    if token.pos_ == "ADJ" and token.i + 1 < len(token.doc) \
            and token.doc[token.i + 1].lower_.startswith(HOSTILE_ACTS):
        return NEXT_WORD
    return None


def _a_ruler_in_a_country(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Militærjuntaen i Myanmar", "Hæren på Sri Lanka" -> the country the ruler sits in."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is None or previous.lower_ not in PLACE_PREPOSITIONS or not token.text[:1].isupper():
        return None
    ruler = token.doc[previous.i - 1] if previous.i > 0 else None
    if ruler is not None and ruler.lower_.startswith(GOVERNING_HEADS):
        country = _country_of_run(token)
        if country is not None:
            return SideFound(country)
    return None


def _where_troops_are(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"kontingenten i Slovakia": where the troops are, not whose (the whole name is passed over)."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is None or previous.lower_ not in PLACE_PREPOSITIONS or not token.text[:1].isupper():
        return None
    scan.skipped.update(t.i for t in capitalised_run(token))
    return NEXT_WORD


def _the_rest_of_a_place_name(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Lanka" in "kontingenten på Sri Lanka": passed over with the name's first word."""
    return NEXT_WORD if token.i in scan.skipped else None


def _a_national_force_abroad(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Hæren på Sri Lanka" is not Norway's."""
    following = token.doc[token.i + 1: token.i + 3]
    if token.lower_ in PROPER_ONLY and len(following) == 2 and following[0].lower_ in ("i", "på") \
            and following[1].text[:1].isupper():
        return NEXT_WORD
    return None


def _a_many_word_name(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"mens New Zealand stiller med …", "Brigade Nord skal vokse" -> that country or side;
    no one side when another country is joined to it by "og"."""
    doc = token.doc
    if not (token.text[:1].isupper() and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()):
        return None
    run = " ".join(t.text for t in capitalised_run(token))
    named = country_of_name(run) or SIDE_NAMES.get(run.lower())
    if named is None:
        return None
    return SideFound(None if _coordinated_country(token, named) else named)


def _a_troop_owner_named_before(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"har Abu Sayyaf nå under 50 krigere" -> the side the story gave Abu Sayyaf's troops."""
    if token.text[:1].isupper() and token.text in scan.story.troop_owners:
        return SideFound(scan.story.troop_owners[token.text])
    return None


def _a_groups_descriptor_adjective(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Den pakistanske Taliban-bevegelsen TTP": the group's troops, not Pakistan's."""
    if token.pos_ == "ADJ" and token.i + 1 < len(token.doc) \
            and token.doc[token.i + 1].lower_.endswith(GROUP_DESCRIPTORS):
        return NEXT_WORD
    return None


def _a_side_word(token: Token, scan: _SubjectScan) -> SideFound | _Skip | None:
    """"Russland har samlet …", "russerne", "alliansen", "Hæren" -> that side; no one side
    when another country is joined to it ("Guatemala og El Salvador skal sende til sammen 300")."""
    low = token.lower_
    side = side_of_word(token.text) if (token.text[:1].isupper() or low in (
        "alliansen", "russerne", "ukrainerne", "amerikanerne", "israelerne", "britene",
        "kineserne", "allierte")) else country_of_adjective(token.text)
    side = side or affiliation_country(token.text)
    if side is None:
        return None
    return SideFound(None if side in COUNTRIES and _coordinated_country(token, side) else side)


#: The rules that read a side from the clause's subject, tried in this order on each of its
#: words; the first that decides wins. A rule may end the search with no side, or pass on
#: to the next word (a place, an attacker, the adjective of a group's descriptor).
SUBJECT_RULES: tuple[_SubjectRule, ...] = (
    _we_are_the_claimants_country,
    _the_country_named_before,
    _the_group_named_before,
    _a_ruler_in_its_seat,
    _the_government,
    _an_attackers_adjective,
    _a_ruler_in_a_country,
    _where_troops_are,
    _the_rest_of_a_place_name,
    _a_national_force_abroad,
    _a_many_word_name,
    _a_troop_owner_named_before,
    _a_groups_descriptor_adjective,
    _a_side_word,
)


def _named_in_sentence(token: Token) -> str | None:
    """The country named last before ``token`` in its sentence, if any."""
    return _country_in(reversed(token.doc[token.sent.start:token.i]), adjectives=False)


def _country_in(tokens: Iterable[Token], *, adjectives: bool) -> str | None:
    """The first country ``tokens`` name ("Myanmar"), or, with ``adjectives``, describe
    ("myanmarske")."""
    for token in tokens:
        if token.text[:1].isupper():
            country = country_of_name(token.text)
        else:
            country = country_of_adjective(token.text) if adjectives else None
        if country is not None:
            return country
    return None


def _coordinated_country(token: Token, country: str) -> bool:
    """Another country joined to ``token`` by "og": "Guatemala og El Salvador"."""
    doc = token.doc
    for k in (token.i + 1, token.i - 1):
        if 0 <= k < len(doc) and doc[k].lower_ == "og":
            other = doc[k + 1] if k > token.i else doc[k - 1]
            if not 0 <= other.i < len(doc) or not other.text[:1].isupper():
                continue
            run = " ".join(t.text for t in capitalised_run(other)) if k > token.i else other.text
            found = country_of_name(run) or country_of_name(other.text)
            if found is not None and found != country:
                return True
    return False


def _chain_subjects(tokens: Sequence[Token]) -> list[Token]:
    """Subjects of the verbs above the troop count (coordination included)."""
    subjects: list[Token] = []
    seen: set[int] = set()
    for token in tokens:
        head = token
        for _ in range(6):
            if head.i in seen:
                break
            seen.add(head.i)
            for child in head.children:
                subtree = list(child.subtree)
                if child.dep_ != "SUBJ" or child.lower_ == "det":
                    continue
                if any(t.i == anchor.i for t in subtree for anchor in tokens):
                    continue  # the count's own noun phrase
                subjects.extend(subtree)
            if head.head.i == head.i:
                break
            head = head.head
    return subjects


@dataclass(frozen=True)
class _Count:
    """A troop count and what the side rules read around it."""

    story: StoryContext
    tokens: Span  # the number ("150.000")
    unit: Token | None  # its troop noun ("soldater"), when there is one
    window: Sequence[Token]  # the count's clause
    excluded: set[int]  # the claimant's words, which name no side
    claim_type: str
    previous_side: str | None  # the side of the story's claim before
    claimant_country: str | None  # the country the claimant speaks for, when it may be the side

    @cached_property
    def own(self) -> list[Token]:
        """The count's own words, up to its unit: "90.000 russiske soldater"."""
        doc = self.tokens.doc
        own = list(self.tokens)
        if self.unit is not None and self.unit.i >= self.tokens.end:
            own += list(doc[self.tokens.end: self.unit.i + 1])
        return own

    @cached_property
    def left(self) -> list[Token]:
        """The clause before the count, without the claimant."""
        return [t for t in self.window if t.i < self.tokens.start and t.i not in self.excluded]

    @cached_property
    def origin(self) -> SideFound | None:
        """Where the troops come from ("soldater fra X"); a withdrawal's "fra" is where they leave."""
        return _side_from_origin(self.unit) if self.claim_type != "withdrawal" else None

    @cached_property
    def subjects(self) -> list[Token]:
        """The subjects of the verbs above the count, without the claimant."""
        anchors = [self.unit] if self.unit is not None else list(self.tokens)
        return [t for t in _chain_subjects(anchors) if t.i not in self.excluded]

    def subject_side(self, tokens: Sequence[Token]) -> str | None:
        return _subject_side(self.story, tokens, self.claimant_country)


#: A side rule: its answer, or None when it does not apply and the next rule is tried.
_SideRule = Callable[[_Count], SideFound | None]


def side_of(
    story: StoryContext,
    count_tokens: Span,
    unit: Token | None,
    window: Sequence[Token],
    excluded: set[int],
    claim_type: str,
    previous_side: str | None,
    claimant_country: str | None,
) -> str | None:
    """The side whose troops a count is about (see SIDE_RULES for the order)."""
    count = _Count(story, count_tokens, unit, window, excluded, claim_type, previous_side, claimant_country)
    found = first_decision(SIDE_RULES, count)
    return found.side if found is not None else None


def _found(side: str | None) -> SideFound | None:
    """A side found decides; none found leaves it to the next rule."""
    return SideFound(side) if side is not None else None


# ------------------------------------------------------------------ side rules, in order


def _several_nationalities_in_its_words(count: _Count) -> SideFound | None:
    """"Rundt 400 svenske og finske soldater øver i Finnmark" -> no one side."""
    return SideFound(None) if _several_nationalities(count.own) else None


def _its_own_words(count: _Count) -> SideFound | None:
    """"Over 60 IS-krigere er «nøytralisert» i Raqqa" -> IS; "russiske soldater" -> Russland."""
    return _found(_side_in_words(count.own, count.story))


def _a_countrys_possessive(count: _Count) -> SideFound | None:
    """"Ved grensen mot Ukraina står Russlands 150.000 soldater" -> Russland, not Ukraina."""
    start = count.tokens.start
    before = count.tokens.doc[start - 1] if start > 0 else None
    if before is None or not before.text[:1].isupper() or not before.text.endswith(("s", "'")):
        return None
    return _found(country_of_name(before.text))


def _a_country_serving_in_a_force(count: _Count) -> SideFound | None:
    """"Nepal har om lag 1.200 blåhjelmer i FN-styrken i Libanon" -> Nepal's, not the UN's."""
    if count.origin is None or count.unit is None or count.unit.doc[count.unit.i + 1].lower_ != "i":
        return None
    subject = count.subject_side(count.left)
    return SideFound(subject) if subject in COUNTRIES else None


def _from_many_countries(count: _Count) -> SideFound | None:
    """"EUFOR-styrken i Bosnia teller 1.100 soldater fra 20 land" -> no one country's,
    but the force the subject names (EU)."""
    if count.origin is None or count.origin.side is not None:
        return None
    return SideFound(_described_group(count.story, count.left)
                     or _subject_side(count.story, count.left, None))


def _where_they_come_from(count: _Count) -> SideFound | None:
    """"Rundt 700 rekrutter fra Danmark startet …" -> Danmark; "soldatene i FN-styrken" -> FN."""
    return count.origin


def _a_bare_number_from_a_country(count: _Count) -> SideFound | None:
    """"Av disse kommer rundt 1.100 fra Tyskland" -> Tyskland (the first "fra" only)."""
    if count.unit is not None:
        return None
    doc, end = count.tokens.doc, count.tokens.end
    following = list(doc[end:min(len(doc), end + 4)])
    origin = next((following[k + 1] for k, token in enumerate(following[:-1]) if token.lower_ == "fra"), None)
    return _found(country_of_name(origin.text)) if origin is not None else None


def _a_group_after_its_descriptor(count: _Count) -> SideFound | None:
    """"Den somaliske militsgruppen Ahlu Sunna har rundt 3.000 krigere" -> Ahlu Sunna."""
    return _found(_described_group(count.story, count.left))


def _a_force_by_its_acronym(count: _Count) -> SideFound | None:
    """"Den sudanske folkehæren (SPLA) har rundt 9.000 soldater" -> SPLA, not Sudan."""
    doc = count.tokens.doc
    return _found(_bracketed_acronym(list(doc[count.tokens.sent.start:count.tokens.start])))


def _the_clauses_subject(count: _Count) -> SideFound | None:
    """"Et tysk skip med rundt 600 soldater la til kai i …" -> Tyskland (see SUBJECT_RULES)."""
    return _found(count.subject_side(count.left))


def _the_subject_of_the_verbs_above(count: _Count) -> SideFound | None:
    """A subject outside the count's clause: "Med over 2 mill. aktive soldater har Kina
    verdens største hær" -> Kina."""
    return _found(count.subject_side(count.subjects))


def _a_force_named_as_subject(count: _Count) -> SideFound | None:
    """"Den russisk-ledede forsvarsalliansen CSTO sendte … drøyt 2.000 soldater" -> CSTO,
    a force on no list."""
    return _found(_named_force(count.story, count.subjects or count.left))


def _an_unnamed_group(count: _Count) -> SideFound | None:
    """"Ifølge kilder i det franske forsvarsdepartementet har militsen rundt 8.000 krigere":
    a group, but not named -> no side (not France)."""
    if any(t.lower_.startswith(UNNAMED_GROUPS) for t in count.subjects + count.left):
        return SideFound(None)
    return None


def _the_previous_claims_side(count: _Count) -> SideFound | None:
    """"Hizbollah har mistet over 2.000 krigere …, hevder Israel. Libanesiske kilder anslår
    tallet til rundt 1.200" -> Hizbollah."""
    return SideFound(count.previous_side) if count.previous_side else None


def _the_country_the_sentence_before_opens_with(count: _Count) -> SideFound | None:
    """"Chiles regjering har erklært unntakstilstand. Rundt 2.000 soldater skal patruljere …" -> Chile."""
    return _found(_previous_actor(count.story, count.tokens))


def _the_claimants_country(count: _Count) -> SideFound | None:
    """"Det er 35.000 soldater i den ukrainske reserven, opplyser Kyiv" -> Ukraina."""
    return SideFound(count.claimant_country) if count.claimant_country else None


def _a_force_only_one_country_has(count: _Count) -> SideFound | None:
    """"Guvernøren har satt inn 1.500 nasjonalgardister etter flommen" -> USA."""
    return _found(_national_default(count.tokens))


#: The rules that find whose troops a count is about, tried in this order; the first that
#: decides wins (a rule may decide that they are no one side's). The count's own words come
#: first, then where the troops come from, then the clause's subject, then the story around.
SIDE_RULES: tuple[_SideRule, ...] = (
    _several_nationalities_in_its_words,
    _its_own_words,
    _a_countrys_possessive,
    _a_country_serving_in_a_force,
    _from_many_countries,
    _where_they_come_from,
    _a_bare_number_from_a_country,
    _a_group_after_its_descriptor,
    _a_force_by_its_acronym,
    _the_clauses_subject,
    _the_subject_of_the_verbs_above,
    _a_force_named_as_subject,
    _an_unnamed_group,
    _the_previous_claims_side,
    _the_country_the_sentence_before_opens_with,
    _the_claimants_country,
    _a_force_only_one_country_has,
)


def _national_default(count_tokens: Span) -> str | None:
    """Troops no word names, in a sentence only one country's forces fit: the National
    Guard is the USA's ("800 nasjonalgardister"), "førstegangstjeneste" and a Norwegian
    garrison are Norway's ("Snaut 2.000 vernepliktige avtjener førstegangstjeneste på Madla")."""
    sentence = list(count_tokens.sent)
    if any(country_of_name(t.text) or country_of_adjective(t.text) for t in sentence
           if t.text[:1].isupper() or t.pos_ == "ADJ"):
        return None  # a country is named: not ours to guess
    words = [t.lower_ for t in sentence]
    if any(w.startswith("nasjonalgard") for w in words):
        return "USA"
    if any(w.startswith("førstegangstjeneste") for w in words):
        return "Norge"
    places = [place_of(t.text) for t in sentence if t.text[:1].isupper() and t.i != sentence[0].i]
    if any(p is not None and p.country == "Norge" and p.kind != "country" for p in places):
        return "Norge"
    return None


#: Nouns of an armed force, whose bracketed acronym is the side ("nasjonale armé (LNA)").
FORCE_NOUNS: tuple[str, ...] = ("armé", "armeen", "hær", "hæren", "milits", "front", "fronten",
                                "bevegelse", "bevegelsen", "gruppe", "gruppen", "garde", "garden",
                                "styrker", "styrkene", "gerilja", "geriljaen")


def _bracketed_acronym(tokens: Sequence[Token]) -> str | None:
    """"Den libyske nasjonale armé (LNA)": a force that names itself goes by that name
    (a think tank's "(ISW)" is no force)."""
    for k, token in enumerate(tokens[:-2]):
        short = tokens[k + 1]
        if token.text == "(" and short.text.isupper() and short.is_alpha and len(short.text) >= 2 \
                and tokens[k + 2].text == ")" and country_of_name(short.text) is None \
                and k > 0 and tokens[k - 1].lower_.endswith(FORCE_NOUNS):
            return side_of_word(short.text) or short.text
    return None


def _several_nationalities(tokens: Sequence[Token]) -> bool:
    return len({c for c in (country_of_adjective(t.text) for t in tokens) if c is not None}) > 1


#: Nouns that say the name after them is an armed group ("opprørsgruppen Ansar al-Sunna").
GROUP_DESCRIPTORS: tuple[str, ...] = ("gruppen", "militsen", "geriljaen", "bevegelsen", "organisasjonen",
                                      "grupperingen", "opprørshæren")


def _described_group(story: StoryContext, tokens: Sequence[Token]) -> str | None:
    """The name after a group noun, whatever NER called it: "opprørsgruppen Ansar
    al-Sunna", "geriljaen Den lysende sti"."""
    for k, token in enumerate(tokens[:-1]):
        if not token.lower_.endswith(GROUP_DESCRIPTORS) or not tokens[k + 1].text[:1].isupper():
            continue
        following = tokens[k + 1]
        entity = next((e for e in story.entities_in(following.idx, following.idx + 1)
                       if e.start == following.idx), None)
        if entity is not None:
            return side_of_word(entity.canonical) or entity.canonical
        run = [following]
        titled = following.lower_ in ("den", "det", "de")  # "Den lysende sti": a title, up to the verb
        for t in tokens[k + 2:]:
            if not (t.text[:1].isupper() or t.lower_.startswith(("al-", "el-"))
                    or (titled and t.is_alpha and not is_verb(t))):
                break
            run.append(t)
        name = " ".join(t.text for t in run)
        return side_of_word(name) or name
    return None


def _previous_actor(story: StoryContext, count_tokens: Span) -> str | None:
    """The country the sentence before is about, when it opens with it ("Perus regjering
    har innført unntakstilstand. Rundt 1.500 soldater skal patruljere ...")."""
    doc = count_tokens.doc
    sent = count_tokens.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    opening = [t for t in previous[:4] if not t.is_punct]
    for token in opening:
        country = country_of_name(token.text) if token.text[:1].isupper() else None
        country = country or country_of_adjective(token.text)
        if country is not None:
            return country
    return None


def _named_force(story: StoryContext, tokens: Sequence[Token]) -> str | None:
    """An armed group or alliance named as the subject that has the troops and is on no
    list: "Geriljagruppen ELN ... teller 6.000 geriljasoldater", "Al-Shabaab har ..."."""
    for token in tokens:
        if not token.text[:1].isupper() or token.lower_ in MEDIA:
            continue
        entity = next((e for e in story.entities_in(token.idx, token.idx + len(token.text),
                                                    ("ORG", "GPE_ORG", "MISC"))), None)
        acronym = token.text.isupper() and len(token.text) >= 2 and token.is_alpha
        if entity is not None or acronym:
            name = entity.canonical if entity is not None else token.text
            words = name.split()
            if len(words) > 1 and words[0].lower().endswith(_GROUP_WORDS):
                name = " ".join(words[1:])  # "Geriljagruppen ELN" -> "ELN"
            if country_of_name(name) is None and len(name.split()) <= 3:
                return name
    return None
