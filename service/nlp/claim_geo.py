"""Whose troops (side) and where (location) for one troop count.

Side, first match wins:
    1. the count's own words: "russiske soldater", "NATO-soldater", "Russlands 150.000";
    2. "soldater fra X" naming one country or national force (several -> no side);
    3. the clause's subject: "Russland har samlet ...", "alliansen", "russerne",
       "Hæren" (Norway), "landet" (the last country named), "vi" (the claimant's country);
    4. the side of the story's previous claim;
    5. the country the claimant speaks for ("det russiske forsvarsdepartementet").

Location: the first place phrase after the count in its clause (else the
nearest before it): a preposition (i, ved, nær, langs, til, ...) and a noun
phrase holding a gazetteer place, a place entity, a border ("ved den ukrainske
grensen" -> Ukraina, kind border) or a front. Generic heads lead on to the
place they name ("i kampene om Bakhmut", "i den østlige delen av
Donetsk-regionen"). "fra X" is the location only for withdrawals.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from service.nlp.claim_context import StoryContext, capitalised_run, is_verb
from service.nlp.claim_lexicon import troop_prefix
from service.nlp.claim_source_words import MEDIA
from service.nlp.claim_places import (
    COUNTRIES,
    PROPER_ONLY,
    SIDE_NAMES,
    affiliation_country,
    capital_country,
    country_of_adjective,
    country_of_name,
    place_of,
    side_of_word,
)

__all__ = ["Location", "location_of", "side_of"]

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
STOP_PUNCT: frozenset[str] = frozenset({",", ".", ";", ":", "»", "«", "–", "—", "(", ")", "!", "?"})
MAX_NP = 8
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"i", "på", "til", "fra", "ved", "nær", "langs", "utenfor"})
#: Heads of force compounds, which name who serves, not where: "i FN-styrken i Sør-Sudan".
FORCE_HEADS: tuple[str, ...] = ("styrke", "operasjon", "misjon", "kontingent", "korps", "brigade",
                                "bataljon", "regiment")
#: Prepositions no person is the object of, only a place.
PERSONLESS_PREPS: frozenset[str] = frozenset({"i", "ved", "nær", "rundt", "utenfor", "langs", "om", "av"})
#: Nouns of hostile acts whose nationality adjective names the other party.
HOSTILE_ACTS: tuple[str, ...] = ("angrep", "invasjon", "offensiv", "fremrykk", "trussel", "aggresjon")
#: Heads whose "i X" names the country they rule, not where troops are ("juntaen i Myanmar").
GOVERNING_HEADS: tuple[str, ...] = ("militærjunta", "junta", "hær", "regjering", "regime",
                                    "styresmakt", "myndighet", "militær", "forsvarsdepartement",
                                    "utenriksdepartement", "presidentpalass")
#: Subjects that are an armed group not named ("militsen", "opprørerne").
UNNAMED_GROUPS: tuple[str, ...] = ("milits", "opprør", "gerilja", "jihadist", "rebell", "separatist")
_GROUP_WORDS: tuple[str, ...] = ("gruppen", "militsen", "bevegelsen", "alliansen", "organisasjonen",
                                 "hæren", "styrken", "geriljaen")


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


# ------------------------------------------------------------------------ side


def _side_in_words(tokens: Sequence[Token], story: StoryContext | None = None) -> str | None:
    for token in tokens:
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


def _side_from_origin(tokens: Sequence[Token], unit: Token | None) -> tuple[bool, str | None]:
    """"soldater fra X": (True, side) when a "fra" phrase follows the unit; "soldatene i
    FN-styrken" names the force; "soldater fra 13 land" is no one side."""
    if unit is None or unit.i + 2 >= len(unit.doc):
        return False, None
    doc = unit.doc
    if doc[unit.i + 1].lower_ == "i" and "-" in doc[unit.i + 2].text:
        prefix, _, head = doc[unit.i + 2].text.partition("-")
        if head.lower().startswith(("styrk", "operasjon", "misjon", "kontingent")):
            side = side_of_word(prefix)
            if side is not None:
                return True, side
    if doc[unit.i + 1].lower_ != "fra":
        return False, None
    if doc[unit.i + 2].like_num and unit.i + 3 < len(doc) and doc[unit.i + 3].lower_ in (
            "land", "nasjoner", "medlemsland", "allierte"):
        return True, None  # "soldater fra 13 land"
    sides: list[str] = []
    for token in doc[unit.i + 2: min(len(doc), unit.i + 10)]:
        if token.text in STOP_PUNCT and token.text != ",":
            break
        if (is_verb(token) and not token.text[:1].isupper()) or token.like_num:
            break
        if token.lower_ in LOCATION_PREPS and token.lower_ != "fra":
            break
        side = country_of_name(token.text) or country_of_adjective(token.text) \
            or affiliation_country(token.text) \
            or (side_of_word(token.text) if token.text[:1].isupper() else None)
        if side is not None and side not in sides:
            sides.append(side)
    if len(sides) > 1:
        return True, None
    return (True, sides[0]) if sides else (False, None)


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


def _subject_side(story: StoryContext, tokens: Sequence[Token], claimant_country: str | None) -> str | None:
    skipped: set[int] = set()
    for token in tokens:
        low = token.lower_
        if low in ("vi", "vår", "våre"):
            if claimant_country:
                return claimant_country
            continue
        if low in ("landet", "landets"):  # "Landets militære styrker teller ..."
            country = story.country_before(token.idx)
            if country:
                return country
            continue
        if low in ("bevegelsen", "organisasjonen", "gruppen", "militsen", "grupperingen"):
            org = story.organisation_before(token.idx)  # "Hizbollah avviser at bevegelsen mistet ..."
            name = org.canonical if org is not None else story.proper_noun_before(token.idx)
            if name is not None:
                return side_of_word(name) or name
            continue
        seat = _seat_country(token)
        if seat is not None:
            return seat  # "Regjeringen i London vil redusere ...": Storbritannia, not Norway
        if low == "regjeringen" and claimant_country:
            return claimant_country  # "kan regjeringen sende ..., sier Colombias forsvarsminister"
        if token.pos_ == "ADJ" and token.i + 1 < len(token.doc) \
                and token.doc[token.i + 1].lower_.startswith(HOSTILE_ACTS):
            continue  # "Ved et russisk angrep kan Polen flytte ...": the attacker is not the side
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.lower_ in PLACE_PREPOSITIONS and token.text[:1].isupper():
            ruler = token.doc[previous.i - 1] if previous.i > 0 else None
            if ruler is not None and ruler.lower_.startswith(GOVERNING_HEADS):
                country = _country_of_run(token)
                if country is not None:
                    return country  # "Militærjuntaen i Myanmar", "Hæren på Sri Lanka"
            skipped.update(t.i for t in capitalised_run(token))
            continue  # "kontingenten i Slovakia": where the troops are, not whose
        if token.i in skipped:
            continue
        following = token.doc[token.i + 1: token.i + 3]
        if low in PROPER_ONLY and len(following) == 2 and following[0].lower_ in ("i", "på") \
                and following[1].text[:1].isupper():
            continue  # "Hæren på Sri Lanka" is not Norway's
        if token.text[:1].isupper() and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text[:1].isupper():
            country = country_of_name(" ".join(t.text for t in capitalised_run(token)))
            if country is not None:
                return country  # "mens New Zealand stiller med ..."
        side = side_of_word(token.text) if (token.text[:1].isupper() or low in (
            "alliansen", "russerne", "ukrainerne", "amerikanerne", "israelerne", "britene",
            "kineserne", "allierte")) else country_of_adjective(token.text)
        side = side or affiliation_country(token.text)
        if side is not None:
            return side
    return None


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
    """The side whose troops a count is about (see the module doc for the order)."""
    doc = count_tokens.doc
    own = list(count_tokens)
    if unit is not None and unit.i >= count_tokens.end:
        own += list(doc[count_tokens.end: unit.i + 1])
    if _several_nationalities(own):
        return None  # "australske og newzealandske soldater": no one side
    side = _side_in_words(own, story)
    if side is not None:
        return side
    before = doc[count_tokens.start - 1] if count_tokens.start > 0 else None
    if before is not None and before.text[:1].isupper() and before.text.endswith(("s", "'")):
        side = country_of_name(before.text)
        if side is not None:
            return side
    left = [t for t in window if t.i < count_tokens.start and t.i not in excluded]
    if claim_type != "withdrawal":
        has_origin, side = _side_from_origin(own, unit)
        if has_origin:
            if unit is not None and doc[unit.i + 1].lower_ == "i":
                subject = _subject_side(story, left, claimant_country)
                if subject in COUNTRIES:
                    return subject  # "Fiji har 170 blåhjelmer i FN-styrken": Fiji's soldiers
            return side
    if unit is None and count_tokens.end + 1 < len(doc) and doc[count_tokens.end].lower_ == "fra":
        origin = country_of_name(doc[count_tokens.end + 1].text)  # "kommer nærmere 250 fra Storbritannia"
        if origin is not None:
            return origin
    side = _subject_side(story, left, claimant_country) or _described_group(story, left)
    if side is not None:
        return side
    anchors = [unit] if unit is not None else list(count_tokens)
    subjects = [t for t in _chain_subjects(anchors) if t.i not in excluded]
    side = _subject_side(story, subjects, claimant_country) or _named_force(story, subjects or left)
    if side is not None:
        return side
    if any(t.lower_.startswith(UNNAMED_GROUPS) for t in list(subjects) + list(left)):
        return None  # "militsen har 8.000 krigere": a group, but not named
    return previous_side or _previous_actor(story, count_tokens) or claimant_country \
        or _national_default(count_tokens)


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


# -------------------------------------------------------------------- location


def _noun_phrase(tokens: Sequence[Token], k: int) -> int:
    """End index (exclusive) of the NP starting at ``tokens[k]``."""
    j = k
    while j < len(tokens) and j - k < MAX_NP:
        token = tokens[j]
        if token.text in STOP_PUNCT or (is_verb(token) and token.pos_ != "ADJ" and token.tag_ != "adj"
                                        and not token.text[:1].isupper()):
            break
        if j > k and token.lower_ in LOCATION_PREPS | CHAIN_PREPS | {"og", "for", "med", "under"}:
            break
        j += 1
    return j


def _is_generic(token: Token) -> bool:
    low = token.lower_
    return any(stem in low for stem in GENERIC_HEADS)


def _place_in(story: StoryContext, tokens: Sequence[Token]) -> tuple[str | None, str | None, Token | None]:
    """(canonical, kind, last token) of the place a noun phrase names."""
    border = next((t for t in tokens if t.lower_.startswith(BORDER_WORDS)), None)
    front = next((t for t in tokens if t.lower_.startswith(FRONT_WORDS)), None)
    for k, token in enumerate(tokens):
        place = place_of(token.text)
        if place is not None and place.country is None and k and tokens[k - 1].text[:1].isupper() \
                and "-" in token.text:
            break  # "Cabo Delgado-provinsen": the whole name, not its last word
        if place is not None and (token.text[:1].isupper()):
            kind = "border" if border is not None else "front" if front is not None else place.kind
            return place.canonical, kind, token
        country = country_of_adjective(token.text)
        if country is not None and (border is not None or front is not None or token.lower_ in ("baltiske",)):
            kind = "border" if border is not None else "front" if front is not None else "region"
            return country, kind, token
    words = [t.text for t in tokens]
    for size in (4, 3, 2):  # "Den sentralafrikanske republikk", "Sri Lanka"
        for k in range(len(words) - size + 1):
            country = country_of_name(" ".join(words[k:k + size]))
            if country is not None and words[k][:1].isupper():
                return country, "border" if border is not None else "country", tokens[k + size - 1]
    named = _proper_run(tokens)
    for ent in story.entities_in(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text),
                                 ("LOC", "GPE_LOC")):
        last = max((t for t in tokens if t.idx < ent.end), key=lambda t: t.i)
        if ent.text.lower().rsplit("-", 1)[-1].startswith(FORCE_HEADS):
            continue  # NER's "FN-styrken" is a force, not a place
        if named is not None and named[1].i > last.i and ent.start <= named[1].idx:
            break  # NER's "Republika" of "Republika Srpska": the whole run is the name
        return _without_place_suffix(ent.canonical), "place", last
    if named is not None:
        return named[0], "border" if border is not None else "front" if front is not None else "place", named[1]
    if border is not None:
        return None, "border", border
    if front is not None:
        return None, "front", front
    for token in tokens:
        if token.lower_ in ("landet", "landene"):
            return "<landet>", "country", token
    return None, None, None


#: Nouns that say the name after them is a place ("havnebyen Bossaso", "provinsen Idlib").
PLACE_NOUNS: tuple[str, ...] = ("byen", "byene", "landsbyen", "landsbyene", "provinsen", "regionen",
                                "delstaten", "øya", "øyene", "øygruppen", "fylket", "distriktet",
                                "området", "halvøya", "dalen", "basen", "basene", "leiren")
_PLACE_SUFFIXES: tuple[str, ...] = ("-provinsen", "-regionen", "-fylket", "-området", "-distriktet",
                                    "-oblast", "-byen", "-delstaten", "-halvøya", "-dalen", "-fjellene",
                                    "-fjellet", "-leiren", "-basen", "-korridoren", "-øya", "-staten")


def _proper_run(tokens: Sequence[Token]) -> tuple[str, Token] | None:
    """A place no list knows, named after a place preposition: "rundt Goma", "i Cabo
    Delgado-provinsen" -> ("Cabo Delgado", last token). Only names NER does not call people,
    organisations or media."""
    run: list[Token] = []
    described = False  # "havnebyen Bossaso": the noun before says it is a place, whatever NER says
    for token in tokens:
        if token.text[:1].isupper() and token.is_alpha or ("-" in token.text and token.text[:1].isupper()) \
                or (run and token.lower_.startswith(("al-", "el-"))):  # "Ain al-Asad"
            opener = token.doc[(run[0] if run else token).i - 1]
            # people are not found "i", "ved" or "nær" anything: after such a preposition a
            # name NER took for a person's is an unknown place ("i kampene om Marib")
            person_ok = opener.lower_ in PERSONLESS_PREPS
            if token.lower_ in MEDIA or token.i == token.sent.start \
                    or (token.ent_type_ in ("PER", "ORG") and not (described or person_ok)) \
                    or token.lower_.rsplit("-", 1)[-1].startswith(FORCE_HEADS):
                return None  # "i FN-styrken" is the force, not where it is
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if side_of_word(token.text) in SIDE_NAMES.values() or affiliation_country(token.text) or (
                    token.text.endswith("s") and following is not None and following.is_lower
                    and not described and following.lower_ not in DIRECTION_WORDS
                    and following.pos_ != "ADP"):
                return None  # "i NATOs største øvelse": an owner, not a place
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


def location_of(
    story: StoryContext,
    scope: Sequence[Token],
    count_tokens: Span,
    excluded: set[int],
    claim_type: str,
    side: str | None,
    claimant_country: str | None,
) -> Location | None:
    """The place phrase of a count, searched in ``scope`` (its clause)."""
    # "... til 15.000 dersom krigen i Ukraina sprer seg": the condition's places are not where
    limit = next((t.i for t in scope if t.i >= count_tokens.end and t.lower_ in ("dersom", "hvis")),
                 None)
    if limit is not None:
        scope = [t for t in scope if t.i < limit]
    after = [k for k, t in enumerate(scope) if t.i >= count_tokens.end]
    inside = [k for k, t in enumerate(scope)  # "antallet soldater på øygruppen X til 5.000"
              if count_tokens.start < t.i < count_tokens.end and t.lower_ in ("på", "i", "ved")]
    after = inside + after
    before = [k for k, t in enumerate(scope) if t.i < count_tokens.start]
    if claim_type == "withdrawal":
        after.sort(key=lambda k: (scope[k].lower_ != "fra", k))
    for k in after + list(reversed(before)):
        if scope[k].i in excluded or not _is_place_prep(scope, k, claim_type):
            continue
        found = _phrase_at(story, scope, k)
        if found is None:
            continue
        if k in before:
            k, found = _most_specific(story, scope, k, found, claim_type)
        canonical, kind, end = found
        if canonical == "<landet>":
            canonical = story.country_before(scope[k].idx, exclude=[side])
        elif canonical is None and kind == "border":
            canonical = _bare_border(story, scope[k].idx, side, claimant_country)
        last = scope[end - 1]
        start_char = scope[k].idx
        end_char = last.idx + len(last.text)
        return Location(story.doc.text[start_char:end_char], start_char, end_char, canonical,
                        kind or "place")
    for token in scope:  # "skal ankomme Kuwait"
        if token.i >= count_tokens.end and token.text[:1].isupper() and token.i not in excluded \
                and token.doc[token.i - 1].lower_ != "fra":  # "kommer fra USA": origin, not place
            place = place_of(token.text)
            if place is not None:
                return Location(token.text, token.idx, token.idx + len(token.text),
                                place.canonical, place.kind)
    return None


def _bare_border(story: StoryContext, offset: int, side: str | None, claimant_country: str | None) -> str | None:
    """"ved grensen" without a country: the claimant's country, else the last one named."""
    if claimant_country and claimant_country != side:
        return claimant_country
    return story.country_before(offset, exclude=[side])
