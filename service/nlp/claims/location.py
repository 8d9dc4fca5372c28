"""Where the troops of a count are (its location).

The first place phrase after the count in its clause (else the nearest before it, and
then the most specific of a chain: "i Boa Vista i delstaten Roraima"): a preposition
(i, ved, nær, langs, til, ...) and a noun phrase holding a gazetteer place, a place
entity, a name no list knows after a place preposition or a place noun ("havnebyen X"),
a border ("ved den ukrainske grensen" -> Ukraina, kind border) or a front. Generic heads
and force compounds lead on to the place they name ("i kampene om Bakhmut", "i
FN-styrken i Sør-Sudan"). "fra X" is the location only for withdrawals; a ruler's seat
("Regjeringen i London") and the places of a condition ("dersom krigen i Ukraina ...")
are not where the troops are.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from service.nlp.claims.context import StoryContext
from service.nlp.lang.matchers import COUNTRY_NAME_FIRST_WORDS, country_name_matcher
from service.nlp.lang.places import (
    SIDE_NAMES,
    affiliation_country,
    country_of_adjective,
    country_of_name,
    place_of,
    side_of_word,
)
from service.nlp.claims.source_words import MEDIA
from service.nlp.mentions.noun_phrase import (
    PHRASE_STOP_PUNCT,
    PhraseRules,
    a_verb_ends_it_even_first,
    phrase_end,
    punctuation_ends_it,
    words_after_the_first_end_it,
)
from service.nlp.rules import first_decision

__all__ = ["GOVERNING_HEADS", "LOCATION_PREPS", "Location", "STOP_PUNCT", "location_of"]

LOCATION_PREPS: frozenset[str] = frozenset({
    "i", "ved", "nær", "nærmere", "langs", "på", "til", "overfor", "utenfor", "rundt",
    "innenfor", "mot", "inn", "fra",
})
DIRECTION_WORDS: frozenset[str] = frozenset({"nord", "sør", "øst", "vest", "nordøst", "nordvest",
                                             "sørøst", "sørvest"})
#: Heads that lead on to the place named after them.
GENERIC_HEADS: tuple[str, ...] = (
    "kamp", "område", "del", "distrikt", "grense", "front", "by", "kyst", "skip", "øvelse",
    "region", "bredd", "stilling", "leir", "base", "side", "sone", "militærleir", "land", "angrep",
    "bakhold", "trefning", "styrke", "operasjon", "misjon", "kontingent",
)
BORDER_WORDS: tuple[str, ...] = ("grensen", "grensa", "grense", "grenseområd")
FRONT_WORDS: tuple[str, ...] = ("fronten", "frontlinjen", "frontlinja", "front")
CHAIN_PREPS: frozenset[str] = frozenset({"av", "om", "rundt", "i", "nær", "mot", "til", "overfor",
                                         "ved", "utenfor"})
STOP_PUNCT: frozenset[str] = PHRASE_STOP_PUNCT
MAX_NP = 8
#: Heads of force compounds, which name who serves, not where: "i FN-styrken i Sør-Sudan".
FORCE_HEADS: tuple[str, ...] = ("styrke", "operasjon", "misjon", "kontingent", "korps", "brigade",
                                "bataljon", "regiment")
#: Prepositions no person is the object of, only a place.
PERSONLESS_PREPS: frozenset[str] = frozenset({"i", "ved", "nær", "rundt", "utenfor", "langs", "om", "av", "på",
                                              "gjennom"})
#: Heads whose "i X" names the country they rule, not where troops are ("juntaen i Myanmar").
GOVERNING_HEADS: tuple[str, ...] = ("militærjunta", "junta", "hær", "regjering", "regime",
                                    "styresmakt", "myndighet", "militær", "forsvarsdepartement",
                                    "utenriksdepartement", "presidentpalass")
#: Subjects that are an armed group not named ("militsen", "opprørerne").


@dataclass(frozen=True)
class Location:
    """A place phrase: ``text == doc.text[start:end]``, with its canonical place and kind."""

    text: str
    start: int
    end: int
    canonical: str | None
    kind: str

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end,
                "canonical": self.canonical, "kind": self.kind}


#: A place phrase after its preposition ("nær Bakhmut i øst" -> "Bakhmut"): punctuation or a
#: verb ends it (a verb first leaves no phrase), and so does the next preposition or "og".
PLACE_PHRASE = PhraseRules(
    "place phrase",
    (punctuation_ends_it, a_verb_ends_it_even_first,
     words_after_the_first_end_it(LOCATION_PREPS | CHAIN_PREPS | {"og", "for", "med", "under"})),
    limit=MAX_NP,
)


def _noun_phrase(tokens: Sequence[Token], k: int) -> int:
    """End index (exclusive) of the place phrase starting at ``tokens[k]``."""
    return phrase_end(tokens, k, PLACE_PHRASE)


def _is_generic(token: Token) -> bool:
    low = token.lower_
    return any(stem in low for stem in GENERIC_HEADS)


#: What a noun phrase says of a place: (canonical, kind, last token); all None when it names none.
PlaceFound = tuple[str | None, str | None, Token | None]


@dataclass
class _PlacePhrase:
    """A noun phrase the place rules read, with the border or front word it holds."""

    story: StoryContext
    tokens: Sequence[Token]
    border: Token | None  # "grensen", "grenseområdene"
    front: Token | None  # "fronten", "frontlinjen"

    @classmethod
    def of(cls, story: StoryContext, tokens: Sequence[Token]) -> _PlacePhrase:
        return cls(story, tokens, next((t for t in tokens if t.lower_.startswith(BORDER_WORDS)), None),
                   next((t for t in tokens if t.lower_.startswith(FRONT_WORDS)), None))

    def kind(self, otherwise: str) -> str:
        """A place at a border is a border, at a front a front; else ``otherwise``."""
        return "border" if self.border is not None else "front" if self.front is not None else otherwise

    @cached_property
    def named(self) -> tuple[str, Token] | None:
        """A place no list knows, named after a place preposition (see :func:`_proper_run`)."""
        return _proper_run(self.tokens)


def _place_in(story: StoryContext, tokens: Sequence[Token]) -> PlaceFound:
    """(canonical, kind, last token) of the place a noun phrase names (see PLACE_RULES)."""
    phrase = _PlacePhrase.of(story, tokens)
    found = first_decision(PLACE_RULES, phrase)
    return found if found is not None else (None, None, None)


# ------------------------------------------------------------------ place rules, in order


def _a_known_place_or_adjective(phrase: _PlacePhrase) -> PlaceFound | None:
    """"i Haiti" -> a gazetteer place; "ved den ukrainske grensen" -> Ukraina, a border."""
    tokens = phrase.tokens
    for k, token in enumerate(tokens):
        place = place_of(token.text)
        if place is not None and place.country is None and k and tokens[k - 1].text[:1].isupper() \
                and "-" in token.text:
            return None  # "Cabo Delgado-provinsen": the whole name, not its last word
        if place is not None and (token.text[:1].isupper()):
            return place.canonical, phrase.kind(place.kind), token
        country = country_of_adjective(token.text)
        if country is not None and (phrase.border is not None or phrase.front is not None
                                    or token.lower_ in ("baltiske",)):
            return country, phrase.kind("region"), token
    return None


def _a_country_of_many_words(phrase: _PlacePhrase) -> PlaceFound | None:
    """"i Den sentralafrikanske republikk", "på Sri Lanka" -> that country."""
    tokens = phrase.tokens
    if not any(t.lower_ in COUNTRY_NAME_FIRST_WORDS for t in tokens[:-1]):
        return None  # no name of many words starts here: no Doc to build, no matching
    words = [t.text for t in tokens]
    matches = country_name_matcher(tokens[0].vocab)(Doc(tokens[0].vocab, words=words))
    # The longest name first, then the leftmost; a name begins with a capital ("Sri Lanka").
    for _, start, end in sorted(matches, key=lambda match: (match[1] - match[2], match[1])):
        country = country_of_name(" ".join(words[start:end]))
        if country is not None and words[start][:1].isupper():
            return country, "border" if phrase.border is not None else "country", tokens[end - 1]
    return None


def _a_place_entity(phrase: _PlacePhrase) -> PlaceFound | None:
    """"stasjonert i Honiara": a place NER finds, not a force ("FN-styrken"), an exercise's name
    ("øvelsen Hedgehog") nor the first word of a longer name ("Republika" of "Republika Srpska")."""
    tokens, named = phrase.tokens, phrase.named
    for ent in phrase.story.entities_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text),
                                        ("LOC", "GPE_LOC")):
        last = max((t for t in tokens if t.idx < ent.end), key=lambda t: t.i)
        if ent.text.lower().rsplit("-", 1)[-1].startswith(FORCE_HEADS):
            continue
        before = max((t for t in tokens if t.idx < ent.start), key=lambda t: t.i, default=None)
        if before is not None and before.lower_ in EXERCISE_NOUNS:
            continue
        if named is not None and named[1].i > last.i and ent.start <= named[1].idx:
            return None
        return _without_place_suffix(ent.canonical), "place", last
    return None


def _a_name_no_list_knows(phrase: _PlacePhrase) -> PlaceFound | None:
    """"ved Marib", "i Tsjorne-dalen" -> Tsjorne: a place by its name alone."""
    named = phrase.named
    return (named[0], phrase.kind("place"), named[1]) if named is not None else None


def _a_border_not_named(phrase: _PlacePhrase) -> PlaceFound | None:
    """"sendt til grensen": a border, whose not said here."""
    return (None, "border", phrase.border) if phrase.border is not None else None


def _a_front_not_named(phrase: _PlacePhrase) -> PlaceFound | None:
    """"langs hele fronten": a front, where not said here."""
    return (None, "front", phrase.front) if phrase.front is not None else None


def _the_country_spoken_of(phrase: _PlacePhrase) -> PlaceFound | None:
    """"over 22.000 soldater i landet" -> the country the story speaks of, resolved later ("<landet>")."""
    for token in phrase.tokens:
        if token.lower_ in ("landet", "landene"):
            return "<landet>", "country", token
    return None


#: The rules that find the place a noun phrase names, tried in this order; the first that
#: decides wins, and a phrase no rule places names none.
PLACE_RULES: tuple[Callable[[_PlacePhrase], PlaceFound | None], ...] = (
    _a_known_place_or_adjective,
    _a_country_of_many_words,
    _a_place_entity,
    _a_name_no_list_knows,
    _a_border_not_named,
    _a_front_not_named,
    _the_country_spoken_of,
)


#: Nouns whose name after them is an exercise or operation, not a place ("øvelsen Siil").
EXERCISE_NOUNS: frozenset[str] = frozenset({"øvelsen", "øvelse", "operasjonen", "operasjon",
                                            "manøveren", "storøvelsen"})

#: Nouns that say the name after them is a place ("havnebyen Bossaso", "provinsen Idlib").
PLACE_NOUNS: tuple[str, ...] = ("byen", "byene", "landsbyen", "landsbyene", "provinsen", "regionen",
                                "delstaten", "øya", "øyene", "øygruppen", "fylket", "distriktet",
                                "området", "halvøya", "dalen", "basen", "basene", "leiren")
_PLACE_SUFFIXES: tuple[str, ...] = ("-provinsen", "-regionen", "-fylket", "-området", "-distriktet",
                                    "-oblast", "-byen", "-delstaten", "-halvøya", "-dalen", "-fjellene",
                                    "-fjellet", "-leiren", "-basen", "-korridoren", "-øya", "-staten")


def _proper_run(tokens: Sequence[Token]) -> tuple[str, Token] | None:
    """A place no list knows, named after a place preposition: "rundt Goma", "i Cabo
    Delgado-provinsen" -> ("Cabo Delgado", last token). Only names none of NOT_A_PLACE_NAME
    rules out: not people, organisations, media, forces or owners."""
    run: list[Token] = []
    described = False  # "havnebyen Bossaso": the noun before says it is a place, whatever NER says
    for token in tokens:
        if _in_a_name(token, run):
            word = _NameWord(token, token.doc[(run[0] if run else token).i - 1], described, not run)
            if any(rule(word) for rule in NOT_A_PLACE_NAME):
                return None
            run.append(token)
        elif run:
            break
        elif token.lower_.endswith(PLACE_NOUNS):
            described = True
        elif token.lower_ not in ("den", "det", "de"):
            return None
    if not run:
        return None
    return _without_place_suffix(" ".join(t.text for t in run)), run[-1]


def _in_a_name(token: Token, run: list[Token]) -> bool:
    """A capitalised word ("Goma", "Tsjorne-dalen") or, inside a name, "al-"/"el-" ("Ain al-Asad")."""
    capitalised = token.text[:1].isupper()
    return (capitalised and (token.is_alpha or "-" in token.text)) \
        or (bool(run) and token.lower_.startswith(("al-", "el-")))


@dataclass(frozen=True)
class _NameWord:
    """A word of a name the place rules may take for a place no list knows."""

    token: Token
    opener: Token  # the word before the name
    described: bool  # a place noun before the name says it is a place ("havnebyen Bossaso")
    first: bool  # the name's first word


def _a_medium(word: _NameWord) -> bool:
    """"Over 200 soldater ble intervjuet i VG" -> a medium, not a place."""
    return word.token.lower_ in MEDIA


def _a_person_or_organisation(word: _NameWord) -> bool:
    """"Hæren har overført 300 soldater til Prigozjin" -> a person, not a place; but no person
    is found "i", "ved" or "nær" anything: after such a preposition, or after a place noun, a
    name NER took for a person's is a place ("i kampene om Marib")."""
    return word.token.ent_type_ in ("PER", "ORG") \
        and not (word.described or word.opener.lower_ in PERSONLESS_PREPS)


def _a_force(word: _NameWord) -> bool:
    """"Frankrike har 5.100 soldater i Barkhane-operasjonen i Sahel": the force, not where it
    is (that is Sahel)."""
    return word.token.lower_.rsplit("-", 1)[-1].startswith(FORCE_HEADS)


def _an_owner(word: _NameWord) -> bool:
    """"Over 90.000 soldater deltar i NATOs største øvelse": a side, or a genitive before a
    lowercase word that is no direction or preposition, owns what follows; it is no place."""
    token = word.token
    if side_of_word(token.text) in SIDE_NAMES.values() or affiliation_country(token.text):
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text.endswith("s") and following is not None and following.is_lower \
        and not word.described and following.lower_ not in DIRECTION_WORDS and following.pos_ != "ADP"


#: The rules that say a capitalised word names no place, whatever follows; any of them
#: rules the whole name out.
NOT_A_PLACE_NAME: tuple[Callable[[_NameWord], bool], ...] = (
    _a_medium,
    _a_person_or_organisation,
    _a_force,
    _an_owner,
)


def _without_place_suffix(name: str) -> str:
    """"Galwan-dalen" -> "Galwan", "Cabo Delgado-provinsen" -> "Cabo Delgado"."""
    for suffix in _PLACE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _phrase_at(story: StoryContext, scope: Sequence[Token], k: int) -> tuple[str | None, str | None, int] | None:
    """Place named by the PP at ``scope[k]``: (canonical, kind, end index) or None."""
    j = k + 1
    if scope[k].lower_ in DIRECTION_WORDS:
        j = k + 2  # "nord for Kharkiv"
    kind_seen: str | None = None
    for _ in range(3):
        end = _noun_phrase(scope, j)
        if end <= j:
            return None
        np = list(scope[j:end])
        canonical, kind, _last = _place_in(story, np)
        if canonical is not None:
            return canonical, kind_seen or kind, end
        within = _within_known_place(story, scope, np, end)
        if within is not None:
            return within, kind_seen or "place", end
        kind_seen = kind_seen or kind
        more = end < len(scope) and scope[end].lower_ in CHAIN_PREPS and (
            any(_is_generic(t) for t in np) or kind is not None)
        if not more:
            return (None, kind_seen, end) if kind_seen in ("border", "front") else None
        j = end + 1
    return None


def _within_known_place(story: StoryContext, scope: Sequence[Token], np: list[Token], end: int) -> str | None:
    """A name said to lie in a known place is a place, whatever NER called it: "rundt El
    Fasher i Nord-Darfur", "nær Banibangou i Tillabéri-regionen", "Tal Rifaat nord i Syria"."""
    if not np or not all(t.text[:1].isupper() for t in np) or any(t.lower_ in MEDIA for t in np) \
            or np[-1].lower_.rsplit("-", 1)[-1].startswith(FORCE_HEADS):
        return None
    k = end + (end < len(scope) and scope[end].lower_ in DIRECTION_WORDS)
    if k + 1 >= len(scope) or scope[k].lower_ != "i":
        return None
    following = list(scope[k + 1:_noun_phrase(scope, k + 1)])
    if not following or _place_in(story, following)[0] is None:
        return None
    if not any(place_of(t.text) is not None for t in following) \
            and not following[0].lower_.endswith(PLACE_NOUNS) and not story.entities_in(
            following[0].idx, following[-1].idx + len(following[-1].text), ("LOC", "GPE_LOC")):
        return None  # "i delstaten Roraima" says it is a place; a bare unknown name does not
    return _without_place_suffix(" ".join(t.text for t in np))


def _most_specific(story: StoryContext, scope: Sequence[Token], k: int,
                   found: tuple[str | None, str | None, int], claim_type: str
                   ) -> tuple[int, tuple[str | None, str | None, int]]:
    """Searching backwards from the count, "i Boa Vista i delstaten Roraima" is met at its
    end: the place the chain opens with is the more specific one."""
    for earlier in range(k - 1, max(-1, k - MAX_NP - 2), -1):
        if not _is_place_prep(scope, earlier, claim_type):
            continue
        candidate = _phrase_at(story, scope, earlier)
        if candidate is None or candidate[0] is None:
            return k, found
        gap = [t for t in scope[candidate[2]:k] if t.lower_ not in DIRECTION_WORDS]
        return (earlier, candidate) if not gap else (k, found)
    return k, found


def _is_place_prep(scope: Sequence[Token], k: int, claim_type: str) -> bool:
    low = scope[k].lower_
    if k > 0 and scope[k - 1].lower_.startswith(GOVERNING_HEADS) and low == "i":
        return False  # "Regjeringen i London": where the ruler sits, not the troops
    if low in DIRECTION_WORDS:
        return k + 1 < len(scope) and scope[k + 1].lower_ == "for"
    if low == "fra":
        return claim_type == "withdrawal"
    if low == "av":
        return k > 0 and scope[k - 1].lower_ == "ut"  # "trukket ut av Tigray"
    if low == "mot":
        return False
    if low == "over":
        return k + 1 < len(scope) and scope[k + 1].lower_ == "hele"  # "over hele landet"
    return low in LOCATION_PREPS


@dataclass(frozen=True)
class _Search:
    """A count and the clause its place is sought in, with what decides whose place it is."""

    story: StoryContext
    scope: Sequence[Token]  # the clause, up to a condition
    count_tokens: Span
    excluded: set[int]  # the claimant's words, which are no place
    claim_type: str
    side: str | None
    claimant_country: str | None

    def location(self, start: Token, last: Token, canonical: str | None, kind: str) -> Location:
        """The place phrase from ``start`` to ``last``."""
        start_char, end_char = start.idx, last.idx + len(last.text)
        return Location(self.story.doc.text[start_char:end_char], start_char, end_char, canonical, kind)


#: A location rule: the place it finds, or None when it finds none and the next rule is tried.
_LocationRule = Callable[[_Search], Location | None]


def location_of(
    story: StoryContext,
    scope: Sequence[Token],
    count_tokens: Span,
    excluded: set[int],
    claim_type: str,
    side: str | None,
    claimant_country: str | None,
) -> Location | None:
    """The place phrase of a count, searched in ``scope`` (its clause; see LOCATION_RULES)."""
    search = _Search(story, _before_a_condition(scope, count_tokens), count_tokens, excluded, claim_type,
                     side, claimant_country)
    return first_decision(LOCATION_RULES, search)


def _before_a_condition(scope: Sequence[Token], count_tokens: Span) -> Sequence[Token]:
    """"… til 15.000 dersom krigen i Ukraina sprer seg": a condition's places are not where
    the troops are, so the clause ends before it."""
    limit = next((t.i for t in scope if t.i >= count_tokens.end and t.lower_ in ("dersom", "hvis")), None)
    return [t for t in scope if t.i < limit] if limit is not None else scope


def _prepositions_in_order(search: _Search) -> tuple[list[int], list[int]]:
    """The places a preposition may open, in the order they are tried: those inside the count
    ("antallet soldater på øygruppen X til 5.000") and after it (a withdrawal's "fra" first),
    then those before it, nearest first; and the ones before, apart."""
    scope, count = search.scope, search.count_tokens
    inside = [k for k, t in enumerate(scope)
              if count.start < t.i < count.end and t.lower_ in ("på", "i", "ved")]
    after = inside + [k for k, t in enumerate(scope) if t.i >= count.end]
    if search.claim_type == "withdrawal":
        after.sort(key=lambda k: (scope[k].lower_ != "fra", k))
    before = [k for k, t in enumerate(scope) if t.i < count.start]
    return after + list(reversed(before)), before


def _a_place_phrase(search: _Search) -> Location | None:
    """"Kenya har rundt 3.000 soldater i Haiti" -> "i Haiti": the first place phrase a
    preposition opens (see _prepositions_in_order)."""
    scope = search.scope
    order, before = _prepositions_in_order(search)
    for k in order:
        if scope[k].i in search.excluded or not _is_place_prep(scope, k, search.claim_type):
            continue
        found = _phrase_at(search.story, scope, k)
        if found is None:
            continue
        if k in before:
            k, found = _most_specific(search.story, scope, k, found, search.claim_type)
        canonical, kind, end = found
        return search.location(scope[k], scope[end - 1], _resolved(search, scope[k], canonical, kind),
                               kind or "place")
    return None


def _resolved(search: _Search, start: Token, canonical: str | None, kind: str | None) -> str | None:
    """The place a phrase leaves open: "i landet" is the country named before, "ved grensen"
    the claimant's country (see _bare_border); never the side's own."""
    if canonical == "<landet>":
        return search.story.country_before(start.idx, exclude=[search.side])
    if canonical is None and kind == "border":
        return _bare_border(search.story, start.idx, search.side, search.claimant_country)
    return canonical


def _a_place_named_after_the_count(search: _Search) -> Location | None:
    """"Rundt 1.500 amerikanske tropper skal ankomme Kuwait" -> Kuwait, a known place without a
    preposition ("kommer fra USA" is where they come from, not where they are)."""
    for token in search.scope:
        if token.i >= search.count_tokens.end and token.text[:1].isupper() and token.i not in search.excluded \
                and token.doc[token.i - 1].lower_ != "fra":
            place = place_of(token.text)
            if place is not None:
                return search.location(token, token, place.canonical, place.kind)
    return None


#: The rules that find where a count's troops are, tried in this order; the first that finds
#: a place wins.
LOCATION_RULES: tuple[_LocationRule, ...] = (
    _a_place_phrase,
    _a_place_named_after_the_count,
)


def _bare_border(story: StoryContext, offset: int, side: str | None, claimant_country: str | None) -> str | None:
    """"ved grensen" without a country: the claimant's country, else the last one named."""
    if claimant_country and claimant_country != side:
        return claimant_country
    return story.country_before(offset, exclude=[side])
