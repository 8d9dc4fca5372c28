"""Find troop counts: a quantity from :mod:`service.nlp.claims.numbers` that counts soldiers.

>>> import spacy
>>> nlp = spacy.blank("nb"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> doc = nlp("Det står nesten 90.000 russiske soldater ved grensen, og 12.000 sivile har flyktet.")
>>> [(c.text, c.unit, c.value, c.bound) for c in find_troop_counts(doc)]
[('nesten 90.000 russiske soldater', 'soldater', 90000.0, 'upper')]

Patterns
    * quantity + adjectives + troop noun: "over 100 000 russiske soldater",
      "tusenvis av soldater", "20.000 av soldatene";
    * troop noun before the number: "antallet soldater ... til 300.000",
      "tallet på russiske soldater er om lag 1.500";
    * an elliptical number after a troop count in the same sentence: "ikke
      150.000 soldater, men rundt 50.000", "tre drept og over 30 såret".

Not counted: ratios ("ni av ti soldater"), "mann" outside a military context,
"militære" before another noun ("to militære offiserer"), and numbers in a
correction notice ("Rettet: I en tidligere versjon sto det at 20.000 ...").

Number fixes on top of :func:`~service.nlp.claims.numbers.find_quantities`: "så mange
som N" is an upper bound; "øke ... fra A til B" is the target B, not a range.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.nlp.claims.context import sentence_of
from service.nlp.claims.lexicon import CASUALTY_WORDS, military_context, troop_noun
from service.nlp.claims.numbers import Quantity, find_quantities
from service.nlp.rules import first_decision

__all__ = ["TroopCount", "find_troop_counts"]

#: Words that may stand between a number and its troop noun.
GAP_WORDS: frozenset[str] = frozenset({
    "av", "de", "disse", "sine", "sitt", "egne", "ekstra", "flere", "nye", "mer", "mann",
    "til", "sammen", "landets", "hærens", "deres", "hans", "hennes", "våre", "sin",
})
MAX_GAP = 4
#: Nouns that put a troop noun before its number: "antallet soldater ... 300.000".
COUNT_HEADS: frozenset[str] = frozenset({"antallet", "antall", "tallet"})
MAX_COUNT_DISTANCE = 10
#: Change verbs that make "fra A til B" a change to B.
CHANGE_WORDS: frozenset[str] = frozenset({
    "øke", "øker", "økes", "økt", "heve", "heves", "doble", "dobles", "utvide", "utvides",
    "økning", "vokse", "vokser",
})
_CORRECTION_RE = re.compile(r"^\W*(?:rettet|rettelse|korrigert|korreksjon)\b|tidligere\s+versjon",
                            re.IGNORECASE)
_UPPER_PHRASE = re.compile(r"så\s+mange\s+som\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class TroopCount:
    """One troop count: the quantity, its troop noun and the claim span they make."""

    text: str
    start: int
    end: int
    quantity: Quantity
    unit: str
    unit_start: int | None
    unit_end: int | None
    value: float | None
    min: float | None
    max: float | None
    hedge: str | None
    bound: str
    elliptical: bool = False


#: Words before a bare number that add to a troop count named before ("ytterligere 3.000").
ADDING_WORDS: frozenset[str] = frozenset({"ytterligere", "ekstra", "ytterlegare"})
#: Words before a bare number that correct the count before it ("bare 1.500", "snarere 50.000").
CORRECTING_WORDS: frozenset[str] = frozenset({"bare", "kun", "snarere", "heller"})


def _is_gap(token: Token) -> bool:
    low = token.lower_
    if low in GAP_WORDS:
        return True
    if token.tag_ == "adj" or token.pos_ == "ADJ":
        return token.text.islower() or token.i == token.sent.start
    return len(low) > 2 and low.endswith("e") and token.text.islower() and token.pos_ != "VERB"


def _second_modifier(token: Token) -> bool:
    """The word after "og" in "drepte og sårede soldater": a gap word, or a lowercase
    participle right before a troop noun even when the tagger calls it a verb."""
    if _is_gap(token):
        return True
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.text.islower() and token.is_alpha and token.lower_.endswith("e")
            and nxt is not None and troop_noun(nxt.text))


#: Words after "militære" that show it stands alone as a noun ("militære under våpen").
FUNCTION_WORDS: frozenset[str] = frozenset({
    "i", "på", "under", "ved", "til", "fra", "og", "eller", "som", "er", "var", "har", "hadde",
    "blir", "ble", "skal", "vil", "kan", "med", "mot", "nær", "langs", "rundt", "av", "for",
    "uten", "der", "her", "nå", "ute", "inne",
})


def _followed_by_noun(token: Token) -> bool:
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is None or not nxt.is_alpha:
        return False
    if token.doc.has_annotation("POS") or token.doc.has_annotation("TAG"):
        return nxt.pos_ in ("NOUN", "PROPN") or nxt.tag_ == "subst"
    return nxt.lower_ not in FUNCTION_WORDS


def _unit_after(doc: Doc, quantity: Quantity) -> Token | None:
    """The troop noun that follows ``quantity`` across at most MAX_GAP gap words (see UNIT_RULES)."""
    first = next((t for t in doc if t.idx >= quantity.noun_start), None)
    if first is None:
        return None
    for token in doc[first.i: first.i + MAX_GAP + 1]:
        verdict = first_decision(UNIT_RULES, _Candidate(doc, first, token))
        if verdict == _UNIT:
            return token
        if verdict != _GAP:
            return None  # anything else ends the search
    return None


#: What a unit rule makes of a word after the number: the troop noun, a word to read past,
#: or the end of the search.
_UNIT, _GAP, _NO_UNIT = "unit", "gap", "no unit"


@dataclass(frozen=True)
class _Candidate:
    """A word after a number (``first`` is the first word after it), the subject of UNIT_RULES."""

    doc: Doc
    first: Token
    token: Token

    @property
    def after_and(self) -> bool:
        return self.token.i > self.first.i and self.doc[self.token.i - 1].lower_ in ("og", "eller", ",")


def _men_called_up(c: _Candidate) -> str | None:
    """"kalt inn rundt 60.000 unge menn til militærtjeneste": men of a call-up are troops."""
    return _UNIT if c.token.lower_ == "menn" and _called_up(c.token) else None


def _militære_before_a_noun(c: _Candidate) -> str | None:
    """"to militære offiserer" is not a count of troops; "200 militære rådgivere" reads on to its noun."""
    token = c.token
    if not (token.lower_ == "militære" and troop_noun(token.text) and _followed_by_noun(token)):
        return None
    return _GAP if troop_noun(c.doc[token.i + 1].text) else _NO_UNIT


def _mann_outside_a_force(c: _Candidate) -> str | None:
    """"en politistyrke på 14.000 mann": "mann" counts troops only in a military story, not a crew."""
    token = c.token
    if token.lower_ == "mann" and troop_noun(token.text) and (
            not _military(token) or _crew_or_police(c.doc, c.first)):
        return _NO_UNIT
    return None


def _a_troop_noun(c: _Candidate) -> str | None:
    """"90.000 russiske soldater": the troop noun."""
    return _UNIT if troop_noun(c.token.text) else None


def _and_between_modifiers(c: _Candidate) -> str | None:
    """"amerikanske og filippinske soldater": "og" between two modifiers is read past."""
    doc, token = c.doc, c.token
    if token.lower_ in ("og", "eller", ",") and token.i > c.first.i and _is_gap(doc[token.i - 1]) \
            and token.i + 1 < len(doc) and _second_modifier(doc[token.i + 1]):
        return _GAP
    return None


def _a_gap_word(c: _Candidate) -> str | None:
    """"5.000 av de russiske soldatene": a determiner, adjective or "av" is read past."""
    return _GAP if _is_gap(c.token) or (c.after_and and _second_modifier(c.token)) else None


#: What a word after a number is, tried in order; a word no rule answers for ends the search.
UNIT_RULES: tuple[Callable[[_Candidate], str | None], ...] = (
    _men_called_up,
    _militære_before_a_noun,
    _mann_outside_a_force,
    _a_troop_noun,
    _and_between_modifiers,
    _a_gap_word,
)


#: Heads right before "N mann" that make it police or a crew: "en politistyrke på 14.000 mann".
CIVIL_HEADS: tuple[str, ...] = ("politi", "mannskap", "besetning")
#: Civilian vessels whose "N mann om bord" are a crew, not troops.
CIVIL_VESSELS: tuple[str, ...] = ("tråler", "fiskebåt", "lasteskip", "tankskip", "ferje", "cruiseskip",
                                  "fiskefartøy", "sjark", "redningsskøyte")


#: Sport, where "N mann" is a team ("16 mann i troppen under militær-VM i håndball").
SPORT_WORDS: tuple[str, ...] = ("håndball", "fotball", "ishockey", "basketball", "volleyball", "vm",
                                "militær-vm", "em", "landslag", "turnering", "cup", "seriekamp")


def _crew_or_police(doc: Doc, first: Token) -> bool:
    """"en politistyrke på rundt 14.000 mann", "23 mann om bord på en russisk tråler", a team."""
    sent = sentence_of(doc[first.i:first.i + 1])
    if any(t.lower_.startswith(CIVIL_HEADS) for t in doc[max(sent.start, first.i - 4):first.i]):
        return True
    return any(t.lower_.startswith(CIVIL_VESSELS) or t.lower_ in SPORT_WORDS for t in sent)


#: Words of a call-up, which make "menn" recruits ("mobilisere 450.000 menn").
CALL_UP_WORDS: tuple[str, ...] = ("mobilisere", "mobiliserer", "mobiliserte", "mobilisert", "innkalt",
                                  "innkalle", "militærtjeneste", "rekruttere", "verve")
#: Words that make men of fighting age refugees, not recruits ("har søkt asyl").
FLIGHT_WORDS: tuple[str, ...] = ("asyl", "flykt", "flyktet", "rømt", "rømte", "deserter")


def _called_up(token: Token) -> bool:
    sent = sentence_of(token.doc[token.i:token.i + 1])
    words = [t.lower_ for t in sent]
    if any(w.startswith(FLIGHT_WORDS) for w in words):
        return False
    return any(w.startswith(CALL_UP_WORDS) for w in words) or any(
        a in ("kalle", "kaller", "kalt", "kalte", "kalles") and b == "inn" for a, b in zip(words, words[1:]))


def _not_a_force(doc: Doc, first: Token) -> bool:
    """Seats and survey answers: "har plass til åtte soldater", "en undersøkelse som 2.300
    vernepliktige har svart på"."""
    before = [t.lower_ for t in doc[max(0, first.i - 2):first.i]]
    if before in (["plass", "til"], ["plass", "for"], ["kapasitet", "til"], ["kapasitet", "for"]):
        return True
    if before and before[-1] in ("frakte", "romme", "transportere") and "kan" in before:
        return True  # "Hvert fly kan frakte 80 fallskjermjegere": what it holds, not a force
    words = [t.lower_ for t in sentence_of(doc[first.i:first.i + 1])]
    return any("undersøkelse" in w for w in words) and (
        any(w.startswith("svar") for w in words) or before[-1:] == ["blant"])  # "blant 4.100 soldater"


def _military(token: Token) -> bool:
    sent = sentence_of(token.doc[token.i:token.i + 1])
    doc = token.doc
    before = doc[max(0, sent.start - 40): sent.start].text
    return military_context(sent.text) or military_context(before)


def _unit_before(doc: Doc, quantity: Quantity, q_first: Token) -> Token | None:
    sent = sentence_of(doc[q_first.i:q_first.i + 1])
    low = max(sent.start, q_first.i - MAX_COUNT_DISTANCE)
    for k in range(q_first.i - 1, low - 1, -1):
        if doc[k].lower_ not in COUNT_HEADS:
            continue
        for token in doc[k + 1: min(k + 1 + MAX_GAP, q_first.i)]:
            if troop_noun(token.text):
                return token
            if token.lower_ not in ("på", "av") and not _is_gap(token):
                break
    return None


def _ratio(text: str, quantities: list[Quantity], k: int) -> bool:
    """"ni av ti soldater": either number of an "N av M" ratio."""
    q = quantities[k]
    if k + 1 < len(quantities):
        between = text[q.end:quantities[k + 1].start]
        if between.strip().lower() == "av":
            return True
    if k > 0:
        between = text[quantities[k - 1].end:q.start]
        if between.strip().lower() == "av":
            return True
    return False


def _elliptical_ok(doc: Doc, q_last: Token, q_first: Token | None = None) -> bool:
    """An elliptical count ends its clause, is followed by a loss participle, or adds to
    the count before it ("og ytterligere 3.000 kan bli sendt"); see ELLIPSIS_RULES."""
    return first_decision(ELLIPSIS_RULES, _Ellipsis(doc, q_last, q_first)) is not None


@dataclass(frozen=True)
class _Ellipsis:
    """A number without a troop noun after a troop count, the subject of ELLIPSIS_RULES."""

    doc: Doc
    q_last: Token
    q_first: Token | None

    @property
    def before(self) -> str | None:
        """The word before the number, if there is one."""
        q_first = self.q_first
        return self.doc[q_first.i - 1].lower_ if q_first is not None and q_first.i > 0 else None

    @property
    def nxt(self) -> Token | None:
        i = self.q_last.i + 1
        return self.doc[i] if i < len(self.doc) else None

    @property
    def after(self) -> Token | None:
        i = self.q_last.i + 2
        return self.doc[i] if i < len(self.doc) else None


def _adds_or_corrects(e: _Ellipsis) -> bool | None:
    """"og ytterligere 3.000 kan bli sendt", "bare 1.500 ved basen"."""
    return True if e.before in ADDING_WORDS | CORRECTING_WORDS else None


def _a_loss_verb_before(e: _Ellipsis) -> bool | None:
    """"og såret to i et droneangrep", not "drepte fem gullgravere"."""
    nxt = e.nxt
    if e.before in CASUALTY_WORDS and (nxt is None or nxt.is_punct or not nxt.is_alpha
                                       or nxt.pos_ in ("ADP", "CCONJ", "ADV")):
        return True
    return None


def _ends_the_text(e: _Ellipsis) -> bool | None:
    """"..., men rundt 50.000": nothing follows."""
    return True if e.nxt is None else None


def _in_place_or_from_a_country(e: _Ellipsis) -> bool | None:
    """"bare 8.000 på plass", "250 fra Storbritannia"."""
    nxt, after = e.nxt, e.after
    if nxt is None or after is None:
        return None
    if (nxt.lower_ == "på" and after.lower_ == "plass") or (nxt.lower_ == "fra" and after.text[:1].isupper()):
        return True
    return None


def _a_loss_after_a_verb(e: _Ellipsis) -> bool | None:
    """"sju soldater omkom og ni ble såret"."""
    nxt, after = e.nxt, e.after
    if nxt is not None and after is not None and nxt.lower_ in ("ble", "er", "var", "har") \
            and after.lower_ in CASUALTY_WORDS:
        return True
    return None


def _ends_its_clause(e: _Ellipsis) -> bool | None:
    """"ikke 150.000 soldater, men rundt 50.000, sier han": punctuation follows."""
    return True if e.nxt is not None and e.nxt.is_punct else None


def _a_loss_right_after(e: _Ellipsis) -> bool | None:
    """"tre drept og over 30 såret"."""
    return True if e.nxt is not None and e.nxt.lower_ in CASUALTY_WORDS else None


#: What lets a number without a troop noun count the troops named before it in its sentence.
ELLIPSIS_RULES: tuple[Callable[[_Ellipsis], bool | None], ...] = (
    _adds_or_corrects,
    _a_loss_verb_before,
    _ends_the_text,
    _in_place_or_from_a_country,
    _a_loss_after_a_verb,
    _ends_its_clause,
    _a_loss_right_after,
)


#: Nouns that stand for the troop count of the sentence before ("anslått tallet til 4.500",
#: "Målet er 13.500", "anslår Ukrainas tap til 400.000").
BACK_HEADS: frozenset[str] = frozenset({"tallet", "antallet", "målet", "tapene", "tap", "tapstallet"})


def _refers_back(doc: Doc, q_first: Token, q_last: Token) -> bool:
    """A bare number that stands for a troop count just named: after "tallet"/"målet"
    ("få opp tallet til 500"), before "av dem" ("rundt 450 av dem"), or in a sentence
    opening "Av disse" ("Av disse kommer rundt 9.000 fra USA")."""
    sent = sentence_of(doc[q_first.i:q_first.i + 1])
    before = list(doc[max(sent.start, q_first.i - 4):q_first.i])
    for k, token in enumerate(before):
        if token.lower_ in BACK_HEADS:
            following = before[k + 1] if k + 1 < len(before) else q_first
            if following.lower_ != "på":  # "tallet på sivile" counts something else
                return True
    after = [t.lower_ for t in doc[q_last.i + 1:min(sent.end, q_last.i + 3)]]
    if after[:2] in (["av", "dem"], ["av", "disse"]):
        return True
    return [t.lower_ for t in sent[:2]] in (["av", "disse"], ["av", "dem"])


def _numbers(quantity: Quantity, text: str, window_words: set[str]) -> dict:
    """Value, bounds and hedge, with the fixes this module documents."""
    numbers = dict(value=quantity.value, min=quantity.min, max=quantity.max,
                   hedge=quantity.hedge, bound=quantity.bound, start=quantity.start)
    before = text[max(0, quantity.start - 20):quantity.start]
    upper = _UPPER_PHRASE.search(before)
    if upper is not None and quantity.hedge is None and quantity.value is not None:
        hedge_start = quantity.start - len(upper.group())
        numbers.update(hedge=text[hedge_start:quantity.start].rstrip(), bound="upper",
                       min=None, max=quantity.value, start=hedge_start)
    if (quantity.kind == "range" and quantity.text.lower().startswith("fra ")
            and window_words & CHANGE_WORDS and quantity.max is not None):
        numbers.update(value=quantity.max, min=quantity.max, max=quantity.max, bound="exact",
                       hedge=None)
    return numbers


def _previous_sentence_start(doc: Doc, sentence) -> int:
    """Start token of the sentence before ``sentence`` (its own start when it is the first)."""
    if sentence.start == 0:
        return 0
    return sentence_of(doc[sentence.start - 1:sentence.start]).start


def _sentence_words(doc: Doc, token: Token) -> set[str]:
    return {t.lower_ for t in sentence_of(token.doc[token.i:token.i + 1])}


def find_troop_counts(doc: Doc) -> list[TroopCount]:
    """Every quantity in ``doc`` that counts soldiers, left to right."""
    text = doc.text
    quantities = find_quantities(text)
    found: list[TroopCount] = []
    sentence_starts: list[int] = []
    for k, quantity in enumerate(quantities):
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None or len(span) == 0 or _ratio(text, quantities, k):
            continue
        first, last = span[0], span[-1]
        sentence = sentence_of(span)
        sentence_start = sentence.start
        unit = _unit_after(doc, quantity) or _unit_before(doc, quantity, first)
        elliptical = False
        unit_text: str | None = None
        if unit is None:
            earlier = [c for c, s in zip(found, sentence_starts) if s == sentence_start]
            if earlier and _elliptical_ok(doc, last, first):
                elliptical, unit_text = True, earlier[-1].unit
            else:
                previous_start = _previous_sentence_start(doc, sentence)
                previous = [c for c, s in zip(found, sentence_starts) if s >= previous_start]
                if not (previous and _refers_back(doc, first, last)):
                    continue
                elliptical, unit_text = True, previous[-1].unit
        # only for what counts soldiers: most numbers in a story never get this far
        if _CORRECTION_RE.search(sentence.text) or _not_a_force(doc, first):
            continue
        numbers = _numbers(quantity, text, _sentence_words(doc, first))
        start = numbers.pop("start")
        unit_start: int | None = None
        unit_end: int | None = None
        span_start, span_end = start, quantity.end
        if unit is not None:
            unit_text = unit.text
            unit_start, unit_end = unit.idx, unit.idx + len(unit.text)
            span_start, span_end = min(start, unit_start), max(quantity.end, unit_end)
        found.append(TroopCount(
            text=text[span_start:span_end], start=span_start, end=span_end, quantity=quantity,
            unit=unit_text or "", unit_start=unit_start, unit_end=unit_end,
            elliptical=elliptical, **numbers,
        ))
        sentence_starts.append(sentence_start)
    return found

