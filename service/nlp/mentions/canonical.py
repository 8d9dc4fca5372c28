"""Entity canonicalisation for Norwegian Bokmål news stories.

Turns the NER model's ``doc.ents`` into canonical names: genitive endings are
removed ("Russlands" -> "Russland"), role/title words are kept apart from
person names ("utenriksminister Antony Blinken"), and short mentions are linked
to the fullest name in the same story ("Støre" -> "Jonas Gahr Støre").
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from service.nlp.lang.vocabulary import word_list

__all__ = [
    "CanonicalEntity",
    "canonical_name_index",
    "canonicalize",
    "resolve_role_mention",
    "role_after",
    "role_before",
    "role_index",
    "split_role",
    "strip_genitive",
]

# --------------------------------------------------------------------------- data

#: Base forms (casefolded) whose "+s" form is a genitive: "Russlands" -> "Russland".
GENITIVE_BASE_NAMES: frozenset[str] = frozenset({
    # countries and regions
    "russland", "ukraina", "norge", "sverige", "danmark", "finland", "island",
    "usa", "kina", "israel", "iran", "irak", "syria", "libanon", "gaza", "jemen",
    "tyskland", "frankrike", "storbritannia", "hviterussland", "belarus", "polen",
    "estland", "latvia", "litauen", "nederland", "belgia", "spania", "italia",
    "tyrkia", "japan", "india", "pakistan", "afghanistan", "nord-korea",
    "sør-korea", "taiwan", "canada", "mexico", "brasil", "egypt", "qatar",
    "saudi-arabia", "europa", "afrika", "asia", "amerika", "krim", "donbas",
    # cities
    "oslo", "bergen", "trondheim", "stavanger", "moskva", "kyiv", "washington",
    "beijing", "london", "berlin", "brussel",
    # organisations and institutions
    "nato", "eu", "fn", "kreml", "pentagon", "hamas", "hizbollah", "stortinget",
    "regjeringen", "forsvaret", "politiet", "nrk", "ntb", "equinor",
    "arbeiderpartiet", "høyre", "senterpartiet", "venstre",
})

#: Names and words (casefolded) that end in "s" without being genitives.
NEVER_STRIP: frozenset[str] = frozenset({
    # places
    "paris", "hellas", "moss", "ås", "os", "nes", "røros", "lindesnes", "hemnes",
    "kypros", "texas", "kansas", "arkansas", "honduras", "bahamas", "barbados",
    "mauritius", "tunis", "damaskus", "vilnius", "wales", "cannes", "lagos",
    "caracas", "dallas", "memphis", "athens", "los angeles", "las vegas",
    "buenos aires", "belarus",
    # organisations and teams
    "hamas", "siemens", "mercedes", "emirates", "jets", "nets", "mets",
    "rockets", "hornets", "reuters", "times", "news", "politics",
    # given names
    "lars", "hans", "nils", "jonas", "marius", "jens", "mons", "klaus", "magnus",
    "markus", "marcus", "mathias", "matias", "elias", "tobias", "andreas",
    "thomas", "tomas", "nicolas", "niklas", "linus", "julius", "rasmus", "anders",
    "agnes", "ines", "iris", "doris", "lucas", "lukas", "jesus", "justus",
    "torgils",
    # function words ending in s (sentence-initial capitals)
    "hvis", "mens", "ellers", "tross", "dels", "dens", "dets", "hennes", "deres",
    "ens", "oss", "dess", "alles", "andres", "fleres", "ingens", "gratis",
})

#: Role/title nouns (casefolded) that may stand before or after a person's name.
ROLE_NOUNS: frozenset[str] = frozenset({
    "statsminister", "utenriksminister", "forsvarsminister", "justisminister",
    "finansminister", "helseminister", "kunnskapsminister", "miljøminister",
    "minister", "statsråd", "statssekretær", "president", "visepresident",
    "stortingspresident", "ordfører", "varaordfører", "fylkesordfører",
    "partileder", "leder", "nestleder", "generalsekretær", "talsperson",
    "talsmann", "talskvinne", "pressetalsperson", "pressetalsmann",
    "pressetalskvinne", "kommunikasjonssjef", "direktør", "sjef", "forsvarssjef",
    "politimester", "politiadvokat", "statsadvokat", "riksadvokat", "professor",
    "førsteamanuensis", "forsker", "seniorforsker", "rådgiver", "ambassadør",
    "general", "generalmajor", "generalløytnant", "brigader", "admiral",
    "kontreadmiral", "viseadmiral", "oberst", "oberstløytnant", "major",
    "kaptein", "løytnant", "sersjant", "sjefredaktør", "redaktør", "advokat",
    "forsvarer", "bistandsadvokat", "aktor", "dommer", "biskop", "erkebiskop",
    "pave", "kong", "konge", "kongen", "dronning", "prins", "prinsesse",
    "kronprins", "kronprinsesse", "stortingsrepresentant", "byrådsleder",
    "byråd", "rådmann", "kommunedirektør", "statsforvalter", "fylkesmann",
    "lensmann", "rektor", "dekan", "lege", "overlege", "sjeflege", "økonom",
    "sjeføkonom", "analytiker", "øverstkommanderende", "trener", "målvakt", "keeper",
    "kirurg", "psykolog", "psykiater",
})

#: Endings that make a compound a role noun: "pressetalsperson", "Ap-leder".
ROLE_SUFFIXES: frozenset[str] = frozenset({
    "minister", "president", "sjef", "leder", "direktør", "sekretær",
    "talsperson", "talsmann", "talskvinne", "rådgiver", "forsker", "ordfører",
    "redaktør", "ambassadør", "representant", "advokat", "økonom", "analytiker",
    "general", "admiral", "mester", "inspektør", "professor", "trener", "ombud", "vinner", "kaptein",
    "dommer", "kirurg",
})

#: Words that qualify a role without changing it ("tidligere statsminister").
ROLE_MODIFIERS: frozenset[str] = frozenset({
    "tidligere", "fungerende", "avtroppende", "påtroppende", "nyvalgt",
    "nyvalgte", "nyutnevnt", "nyutnevnte", "daværende", "forhenværende",
    "nåværende", "sittende", "konstituert", "midlertidig", "avgått", "avgåtte",
})

#: Modifiers meaning the person does not hold the role now.
NON_CURRENT_MODIFIERS: frozenset[str] = frozenset({
    "tidligere", "daværende", "forhenværende", "påtroppende", "avgått", "avgåtte",
})

#: Adjectives that are part of the role itself ("administrerende direktør").
ROLE_ADJECTIVES: frozenset[str] = frozenset({
    "administrerende", "assisterende", "viseadministrerende",
})

#: Prepositions introducing the organisation of a role ("leder i Rødt").
ROLE_PREPOSITIONS: frozenset[str] = frozenset({"i", "for", "ved", "hos", "på"})

#: Agencies written in parentheses in datelines, "OSLO (NTB):" - never acronyms of an ORG
#: (the vocabulary's agencies, as capitals).
DATELINE_AGENCIES: frozenset[str] = frozenset(name.upper() for name in word_list("agencies.txt"))

PERSON_LABELS: frozenset[str] = frozenset({"PER"})
ORGANISATION_LABELS: frozenset[str] = frozenset({"ORG", "GPE_ORG"})

_APOSTROPHES = "'’"
_TRIM_CHARS = string.punctuation + string.whitespace + "«»“”„‟‘’‚‛‹›–—…·•"
_TRIM_CHARS_KEEP_APOSTROPHE = "".join(c for c in _TRIM_CHARS if c not in _APOSTROPHES)
_ACRONYM_WITH_S = re.compile(r"^[A-ZÆØÅ]{2,}s$")
_INLINE_ACRONYM = re.compile(r"^(?P<long>.*\S)\s*\(\s*(?P<short>[^()\s]{1,12})\s*\)\s*$")
_FOLLOWING_ACRONYM = re.compile(r"\s*\(\s*(?P<short>[^()\s]{1,12})\s*\)")
_DEFINITE_SUFFIXES = ("en", "et", "n")
_ARTICLES = ("den ", "det ", "de ")
_MAX_ROLE_TOKENS = 12
_MAX_COMPLEMENT_WORDS = 4


@dataclass(frozen=True)
class CanonicalEntity:
    """One entity mention with its canonical name.

    ``start``/``end`` are character offsets into ``doc.text`` so that
    ``doc.text[start:end] == text``.
    """

    text: str
    label: str
    start: int
    end: int
    canonical: str
    role: str | None = None


# ------------------------------------------------------------------ genitive


def strip_genitive(
    name: str,
    *,
    known: Collection[str] = (),
    is_genitive: bool | None = None,
) -> str:
    """Remove a Norwegian genitive ending from the last word of ``name``.

    An apostrophe genitive after s/x/z ("Jens'", "Paris'") is always removed.
    A final "s" is removed only if the name is not in :data:`NEVER_STRIP` and
    either ``is_genitive`` is true (morphology said Case=Gen), or, when
    ``is_genitive`` is None, the stripped form is attested: it is one of the
    ``known`` mentions (or a word of one), a :data:`GENITIVE_BASE_NAMES` entry,
    an acronym ("NATOs"), a definite institution name ("Forsvarets") or a
    definite common-noun compound ("Biden-administrasjonens").
    """
    name = name.strip()
    if len(name) >= 2 and name[-1] in _APOSTROPHES:
        if name[-2] in "sxzSXZ":
            return name[:-1]
        return name
    if len(name) >= 3 and name[-1] in "sS" and name[-2] in _APOSTROPHES:
        return name[:-2]  # "USA's"
    if len(name) < 3 or name[-1] != "s" or name.casefold() in NEVER_STRIP:
        return name
    last_word = name.split()[-1]
    if last_word.casefold() in NEVER_STRIP or is_genitive is False:
        return name
    base = name[:-1]
    if is_genitive or _genitive_is_attested(base, last_word, known):
        return base
    return name


def _genitive_is_attested(base: str, last_word: str, known: Collection[str]) -> bool:
    folded_base = base.casefold()
    if folded_base in GENITIVE_BASE_NAMES or _ACRONYM_WITH_S.match(last_word):
        return True
    if _is_definite_institution_genitive(last_word):
        return True
    base_last_word = last_word[:-1].casefold()
    for mention in known:
        folded = mention.strip().casefold()
        if folded == folded_base or base_last_word in folded.split():
            return True
    return False


def _is_definite_institution_genitive(word: str) -> bool:
    """'Forsvarets', 'Regjeringens', 'Biden-administrasjonens' and the like."""
    head = word.rsplit("-", 1)[-1] if "-" in word else word
    if "-" in word and head.islower() and len(head) >= 5:
        return head.endswith(("ens", "ets"))
    return word[:1].isupper() and len(word) >= 6 and word.endswith(("ets", "ingens"))


#: Words that cannot open the noun phrase a genitive owns ("Dendias til avisen").
_NOT_POSSESSED: frozenset[str] = frozenset({
    "til", "i", "på", "av", "for", "fra", "med", "om", "ved", "under", "etter", "mot", "hos",
    "og", "eller", "men", "som", "at", "sier", "sa", "opplyser", "skriver", "mener", "er", "var",
    "har", "hadde", "vil", "skal", "kan",
})


def _morph_genitive(token: Token) -> bool | None:
    """True/False when morphology carries a Case feature, else None.

    A genitive owns the noun phrase after it, so a name followed by punctuation, a
    preposition or a verb is no genitive whatever the tagger says ("sier Hellas'
    forsvarsminister Nikos Dendias til avisen").
    """
    cases = token.morph.get("Case", None)
    if not cases:
        return None
    if "Gen" not in cases:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is None or not following.is_alpha or following.lower_ in _NOT_POSSESSED:
        return False
    return True


# --------------------------------------------------------------------- roles


@dataclass(frozen=True)
class _RoleParts:
    owner: str | None
    modifiers: tuple[str, ...]
    core: str
    complement: str | None
    complement_words: int


def is_role_word(word: str) -> bool:
    """A role or title noun (statsminister, talsperson, Ap-leder), not a name."""
    folded = word.casefold()
    if not folded.replace("-", "").isalpha():
        return False
    if folded in ROLE_NOUNS:
        return True
    return any(folded.endswith(suffix) and len(folded) > len(suffix) + 1 for suffix in ROLE_SUFFIXES)


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper()


def _looks_like_genitive_owner(word: str) -> bool:
    """A capitalised word with a genitive ending: 'Russlands', 'USAs', 'Hellas''."""
    if not _is_capitalized(word) or len(word) < 3 or is_role_word(word):
        return False
    if word[-1] in _APOSTROPHES:
        return word[-2] in "sxzSXZ"
    return word[-1] == "s" and word.casefold() not in NEVER_STRIP


def _match_role(words: Sequence[str], owner_len: int | None = None) -> _RoleParts | None:
    """Match all of ``words`` as [owner] [modifiers] role [preposition + organisation]."""
    if owner_len is None:
        owner_options = (1, 0) if words and _looks_like_genitive_owner(words[0]) else (0,)
    else:
        owner_options = (owner_len,)
    for n_owner in owner_options:
        if n_owner and not words[n_owner - 1].endswith(("s", *_APOSTROPHES)):
            continue
        parts = _match_role_without_owner(words[n_owner:])
        if parts is not None:
            owner = " ".join(words[:n_owner]) or None
            return _RoleParts(owner, *parts)
    return None


def _match_role_without_owner(
    words: Sequence[str],
) -> tuple[tuple[str, ...], str, str | None, int] | None:
    i = 0
    while i < len(words) and words[i].casefold() in ROLE_MODIFIERS:
        i += 1
    modifiers = tuple(words[:i])
    core_start = i
    while i < len(words) and words[i].casefold() in ROLE_ADJECTIVES:
        i += 1
    if (
        i + 2 < len(words)
        and words[i].endswith("-")
        and words[i + 1].casefold() == "og"
        and is_role_word(words[i + 2])
    ):
        i += 3  # "klima- og miljøminister"
    elif i < len(words) and is_role_word(words[i]):
        i += 1
    else:
        return None
    core = " ".join(words[core_start:i])
    rest = words[i:]
    if not rest:
        return modifiers, core, None, 0
    organisation = rest[1:]
    if (
        rest[0].casefold() in ROLE_PREPOSITIONS
        and 1 <= len(organisation) <= _MAX_COMPLEMENT_WORDS
        and all(_is_capitalized(word) for word in organisation)
    ):
        return modifiers, core, " ".join(rest), len(organisation)
    return None


def split_role(text: str) -> tuple[str | None, str]:
    """Split a role/title off a person mention.

    "utenriksminister Antony Blinken" -> ("utenriksminister", "Antony Blinken");
    "Vladimir Putin, Russlands president" -> ("Russlands president", "Vladimir Putin");
    "Antony Blinken" -> (None, "Antony Blinken").
    """
    text = text.strip()
    name_part, comma, tail = text.partition(",")
    if comma:
        role_words = tail.strip(_TRIM_CHARS_KEEP_APOSTROPHE + " ").split()
        name_part = name_part.strip()
        if role_words and _is_capitalized(name_part) and _match_role(role_words):
            return " ".join(role_words), name_part
    words = text.split()
    for split_at in range(len(words) - 1, 0, -1):
        if not _is_capitalized(words[split_at]):
            continue
        parts = _match_role(words[:split_at])
        if parts is not None and parts.complement_words <= 1:
            return " ".join(words[:split_at]), " ".join(words[split_at:])
    return None, text


def _entity_owner_len(doc: Doc, start: int, stop: int) -> int | None:
    """Length of a multi-token entity starting at ``start`` and ending before ``stop``."""
    if doc[start].ent_iob_ != "B":
        return None
    for ent in doc.ents:
        if ent.start == start:
            length = ent.end - ent.start
            return length if 1 < length and ent.end < stop else None
    return None


def _char_range(doc: Doc, start: int, stop: int) -> tuple[str, int, int]:
    span = doc[start:stop]  # Span.text costs the span, doc.text the whole document
    return span.text, span.start_char, span.end_char


def _role_in_tokens(doc: Doc, start: int, stop: int) -> bool:
    owner_len = _entity_owner_len(doc, start, stop)
    words = [token.text for token in doc[start:stop]]
    return _match_role(words, owner_len) is not None or (
        owner_len is not None and _match_role(words) is not None
    )


def role_before(span: Span) -> tuple[str, int, int] | None:
    """Role text and char offsets directly before a person span.

    Handles "utenriksminister Antony Blinken", "Russlands president Vladimir
    Putin", "tidligere statsminister Erna Solberg", "leder i Rødt Marie ...".
    """
    doc = span.doc
    best_start: int | None = None
    lowest = max(0, span.start - _MAX_ROLE_TOKENS)
    for start in range(span.start - 1, lowest - 1, -1):
        token = doc[start]
        if token.is_punct or token.is_space or "\n" in token.text:
            break
        if _role_in_tokens(doc, start, span.start):
            best_start = start
    if best_start is None:
        return None
    return _char_range(doc, best_start, span.start)


def role_after(span: Span) -> tuple[str, int, int] | None:
    """Role text and char offsets of an appositive: "Vladimir Putin, Russlands president,"."""
    doc = span.doc
    comma = span.end
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    start = comma + 1
    stop = start
    while stop < len(doc) and not (doc[stop].is_punct or doc[stop].is_space):
        stop += 1
        if stop - start > _MAX_ROLE_TOKENS:
            return None
    if stop == start or not _role_in_tokens(doc, start, stop):
        return None
    return _char_range(doc, start, stop)


# ------------------------------------------------------------ canonicalise


@dataclass
class _Mention:
    span: Span
    name: str
    role: str | None
    canonical: str = ""

    @property
    def words(self) -> list[str]:
        return self.name.casefold().split()


def _trim(text: str, chars: str = _TRIM_CHARS) -> str:
    return text.strip(chars)


def _clean_surface(text: str) -> str:
    """Trim punctuation/quotes, keeping a final apostrophe for genitive detection."""
    return text.lstrip(_TRIM_CHARS).rstrip(_TRIM_CHARS_KEEP_APOSTROPHE)


def _is_acronym(text: str) -> bool:
    """'FFI', 'KrF', 'Ap', 'H' - but not 'Oslo'."""
    if not _is_capitalized(text) or not text.replace("&", "").replace("-", "").isalnum():
        return False
    return sum(char.isupper() for char in text) >= 2 or len(text) <= 3


def _acronym_long_forms(doc: Doc, inline_acronyms: Mapping[int, str]) -> dict[str, int]:
    """Acronym -> index of the organisation mention written "Long Form (ACRONYM)".

    The acronym is either inside the entity span (``inline_acronyms``) or in
    parentheses right after it in the text.
    """
    long_forms: dict[str, int] = {}
    text = doc.text  # built once: doc.text joins every token
    for index, ent in enumerate(doc.ents):
        if ent.label_ not in ORGANISATION_LABELS:
            continue
        following = _FOLLOWING_ACRONYM.match(text, ent.end_char)
        short = inline_acronyms.get(index) or (following["short"] if following else None)
        if short and short not in DATELINE_AGENCIES and _is_acronym(short):
            long_forms.setdefault(short, index)
    return long_forms


def _person_target(mention: _Mention, people: Sequence[_Mention]) -> _Mention | None:
    """Fullest-name mention a short person mention refers to, by recency."""
    words = mention.words
    if not words:
        return None

    def contains(candidate: _Mention) -> bool:
        other = candidate.words
        if len(other) <= len(words):
            return False
        return other[-len(words):] == words or (len(words) == 1 and other[0] == words[0])

    start = mention.span.start_char
    earlier = [p for p in people if p.span.start_char < start and contains(p)]
    if earlier:
        return max(earlier, key=lambda p: p.span.start_char)
    later = [p for p in people if p.span.start_char > start and contains(p)]
    return min(later, key=lambda p: p.span.start_char) if later else None


def _complete_person(ent: Span) -> Span:
    """A person span the NER model ended too early ("Jurij" of "Jurij Podoljaka"): taken
    on over up to two capitalised proper nouns right after it that no entity holds."""
    if ent.label_ not in PERSON_LABELS:
        return ent
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < 2:
        token = doc[end]
        if not (token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.ent_iob_ == "O"
                and not token.is_sent_start):
            break
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label)


def canonicalize(doc: Doc) -> list[CanonicalEntity]:
    """Canonical name (and role, for persons) of every entity in ``doc.ents``, step by step
    (CANONICAL_STEPS)."""
    story = _StoryEntities(doc, list(doc.ents))
    for step in CANONICAL_STEPS:
        step(story)
    return [
        CanonicalEntity(
            text=m.span.text,
            label=m.span.label_,
            start=m.span.start_char,
            end=m.span.end_char,
            canonical=m.canonical,
            role=m.role,
        )
        for m in story.mentions
    ]


@dataclass
class _StoryEntities:
    """A story's entities as the canonical steps read them: by index into ``ents``."""

    doc: Doc
    ents: list[Span]
    surfaces: dict[int, str] = field(default_factory=dict)  # the name as written, cleaned
    roles: dict[int, str | None] = field(default_factory=dict)  # a role written in the span
    inline_acronyms: dict[int, str] = field(default_factory=dict)  # "Forsvarets forskningsinstitutt (FFI)"
    long_forms: dict[str, int] = field(default_factory=dict)  # acronym -> its long form's index
    mentions: list[_Mention] = field(default_factory=list)


def _complete_people(story: _StoryEntities) -> None:
    """"Jurij" of "Jurij Podoljaka": a person the model ended too early is taken on."""
    story.ents = [_complete_person(ent) for ent in story.ents]


def _split_off_roles_and_acronyms(story: _StoryEntities) -> None:
    """"statsminister Jonas Gahr Støre" -> the role and the name; "Long Form (LF)" -> the long form."""
    for index, ent in enumerate(story.ents):
        role, name = split_role(ent.text) if ent.label_ in PERSON_LABELS else (None, ent.text)
        inline = _INLINE_ACRONYM.match(name.strip())
        if ent.label_ in ORGANISATION_LABELS and inline and _is_acronym(inline["short"]):
            story.inline_acronyms[index] = inline["short"]
            name = inline["long"]
        story.surfaces[index] = _clean_surface(name)
        story.roles[index] = role


def _find_long_forms(story: _StoryEntities) -> None:
    """"Folkehelseinstituttet (FHI)": the organisation each acronym spells out."""
    story.long_forms = _acronym_long_forms(story.doc, story.inline_acronyms)


def _name_each_mention(story: _StoryEntities) -> None:
    """"Støres" -> "Støre": each mention's name without a genitive the story's names show, and
    a person's role before or after the name ("statsminister Støre", "Støre, statsminister")."""
    known = set(story.surfaces.values()) | set(story.long_forms)
    for index, ent in enumerate(story.ents):
        stripped = strip_genitive(story.surfaces[index], known=known, is_genitive=_morph_genitive(ent[-1]))
        name = _trim(stripped) or _trim(ent.text) or ent.text
        role = story.roles[index]
        if role is None and ent.label_ in PERSON_LABELS:
            found = role_before(ent) or role_after(ent)
            role = found[0] if found else None
        story.mentions.append(_Mention(ent, name, role))


def _people_by_their_fullest_name(story: _StoryEntities) -> None:
    """"Støre" -> "Jonas Gahr Støre": a person is named as the fullest mention of them, nearest before."""
    people = [m for m in story.mentions if m.span.label_ in PERSON_LABELS]
    for mention in sorted(people, key=lambda m: -len(m.words)):
        target = _person_target(mention, people)
        mention.canonical = target.canonical if target else mention.name


def _organisations_by_their_long_form(story: _StoryEntities) -> None:
    """"FHI" -> "Folkehelseinstituttet"; every other mention is named as itself."""
    for mention in story.mentions:
        if mention.canonical:
            continue
        long_index = story.long_forms.get(mention.name)
        if mention.span.label_ in ORGANISATION_LABELS and long_index is not None:
            mention.canonical = story.mentions[long_index].name
        else:
            mention.canonical = mention.name


#: Canonicalisation, in order: each step reads what the ones before found.
CANONICAL_STEPS: tuple[Callable[[_StoryEntities], None], ...] = (
    _complete_people,
    _split_off_roles_and_acronyms,
    _find_long_forms,
    _name_each_mention,
    _people_by_their_fullest_name,
    _organisations_by_their_long_form,
)


# ----------------------------------------------------------------- indexes


def _key(text: str) -> str:
    return " ".join(_trim(text).casefold().split())


def _add_unambiguous(index: dict[str, str], ambiguous: set[str], key: str, value: str) -> None:
    if not key or key in ambiguous:
        return
    if index.setdefault(key, value) != value:
        del index[key]
        ambiguous.add(key)


def canonical_name_index(entities: Iterable[CanonicalEntity]) -> dict[str, str]:
    """Lowercased surface form (and its genitive-stripped form) -> canonical.

    Keys that would map to two different canonicals (two people called
    "Solberg") are left out.
    """
    entities = list(entities)
    known = {e.canonical for e in entities} | {_clean_surface(e.text) for e in entities}
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entity in entities:
        is_person = entity.label in PERSON_LABELS
        name = split_role(entity.text)[1] if is_person else entity.text
        forms = {_clean_surface(entity.text), entity.canonical}
        inline = None if is_person else _INLINE_ACRONYM.match(name.strip())
        if inline and _is_acronym(inline["short"]):
            forms |= {inline["long"], inline["short"]}
        else:
            forms.add(_clean_surface(name))
        forms |= {strip_genitive(form, known=known) for form in forms}
        for form in forms:
            _add_unambiguous(index, ambiguous, _key(form), entity.canonical)
    return index


def _role_keys(role: str) -> list[str]:
    """The full role plus, for current roles, the bare role noun."""
    words = role.split()
    keys = [_key(role)]
    parts = next(
        (p for n in (None, *range(1, len(words))) if (p := _match_role(words, n)) is not None),
        None,
    )
    if parts is None:
        return keys
    if any(m.casefold() in NON_CURRENT_MODIFIERS for m in parts.modifiers):
        return keys
    keys.append(_key(parts.core))
    if parts.owner:
        keys.append(_key(f"{parts.owner} {parts.core}"))
    return keys


def role_index(entities: Iterable[CanonicalEntity]) -> dict[str, str]:
    """Lowercased role -> canonical person, e.g. "statsminister" -> "Jonas Gahr Støre".

    Both the full role ("russlands president") and, unless the role is a former
    one ("tidligere statsminister"), the bare role noun ("president") are keys.
    Keys claimed by two different people are left out.
    """
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for entity in entities:
        if entity.role and entity.label in PERSON_LABELS:
            for key in _role_keys(entity.role):
                _add_unambiguous(index, ambiguous, key, entity.canonical)
    return index


def resolve_role_mention(text: str, roles: Mapping[str, str]) -> str | None:
    """Person a role mention refers to: "statsministeren" -> "Jonas Gahr Støre"."""
    key = _key(text)
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article):]
            break
    candidates = [key]
    candidates += [key[: -len(suffix)] for suffix in _DEFINITE_SUFFIXES if key.endswith(suffix)]
    for candidate in candidates:
        if candidate in roles:
            return roles[candidate]
    return None
