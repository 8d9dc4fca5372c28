"""Where a noun phrase ends when it is read forward from its first word.

One reader, :func:`phrase_end`, serves every extractor: it takes the words after ``start`` one
by one and asks a named rule set (:class:`PhraseRules`) whether the next word ends the phrase
or is taken into it. What differs between the extractors is the rule set, not the reading:

* :data:`PLAIN_NOUN_PHRASE` — determiners, adjectives, nouns and names ending in a noun: the
  object of a speaker's preposition ("politiet i *Øst* kjente mannen");
* :data:`SUBJECT_BEFORE_A_VERB` — the short subject after a cue that has no "at" ("mener
  *laget* er i rute"), a pronoun included;
* :data:`CLAIMANT_AFTER_A_CUE` — the source read after "ifølge"/"sier" ("ifølge *Institute for
  the Study of War*"), which goes on through names and affiliations;
* a place phrase (``PLACE_PHRASE`` in ``claims/location.py``) built from the same rules with the
  place prepositions as its breaks.

A speaker's mention is found the other way round, from its head and the parse around it, by
:func:`phrase_around` with a named :class:`HeadRules` set (:data:`SPEAKER_MENTION`): the name the
head is part of, its dependants before it, the dependants after it that a rule takes in (a
prepositional attribute is read forward with :data:`PLAIN_NOUN_PHRASE`), and where a relative
clause on it starts; :func:`end_with_relative_clause` then reads that clause forward with
:data:`RELATIVE_CLAUSE` ("ifølge en kilde *som ikke vil navngis*").

>>> import spacy
>>> doc = spacy.blank("nb")("sier Pål Jonson til NTB")
>>> [t.text for t in phrase_after(doc, 1, CLAIMANT_AFTER_A_CUE)]
['Pål', 'Jonson']
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from service.nlp.lang.places import country_of_adjective
from service.nlp.mentions.canonical import is_role_word
from service.nlp.rules import first_decision

__all__ = [
    "CLAIMANT_AFTER_A_CUE", "ENDS", "HeadRules", "NameAt", "NextWord", "PLAIN_NOUN_PHRASE", "PhraseAround",
    "PhraseRules", "RELATIVE_CLAUSE", "RightDependant", "SPEAKER_MENTION", "SUBJECT_BEFORE_A_VERB", "TAKEN",
    "end_with_relative_clause", "is_verb", "label_at", "phrase_after", "phrase_around", "phrase_end",
]

#: Finite forms the tagger does not always tag as verbs.
FINITE_FORMS: frozenset[str] = frozenset({
    "er", "var", "har", "hadde", "blir", "ble", "kan", "kunne", "vil", "ville", "skal",
    "skulle", "må", "måtte", "bør", "burde", "står", "sto",
})
#: Punctuation that ends any phrase read forward.
PHRASE_STOP_PUNCT: frozenset[str] = frozenset({",", ".", ";", ":", "»", "«", "–", "—", "(", ")", "!", "?"})
#: Words that end a claimant's phrase once it has a word.
CLAIMANT_STOP_WORDS: frozenset[str] = frozenset({
    "som", "og", "men", "på", "under", "etter", "overfor", "med", "til", "om", "mens",
    "at", "da", "der", "når", "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
    "lørdag", "søndag", "tidligere", "nylig", "nå",
})
#: Words that open a count, ending a claimant's phrase before it.
COUNT_OPENERS: frozenset[str] = frozenset({
    "mellom", "rundt", "nesten", "over", "opptil", "omkring", "cirka", "ca.", "drøyt", "snaut",
    "minst", "bortimot",
})
#: Prepositions that carry a claimant's phrase on to where the source belongs ("en offiser i hæren").
AFFILIATION_PREPS: frozenset[str] = frozenset({"i", "for", "ved", "hos"})
#: Word classes of a plain noun phrase, and of a subject (which may be a pronoun).
_PLAIN_CLASSES = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_SUBJECT_CLASSES = _PLAIN_CLASSES | {"PRON"}

#: Words a phrase is read from: a Doc, a sentence, or a list of its tokens.
Tokens = Doc | Span | Sequence[Token]

#: What a rule decides about the next word: it ends the phrase, or is taken into it.
ENDS, TAKEN = "ends", "taken"


def is_verb(token: Token) -> bool:
    """A verb by tag or UPOS (the two come from different components)."""
    return token.tag_ == "verb" or token.pos_ in ("VERB", "AUX") or token.lower_ in FINITE_FORMS


@dataclass(frozen=True)
class NextWord:
    """The word a phrase may take next, and the phrase so far (``tokens[start:j]``)."""

    tokens: Tokens
    start: int  # the phrase's first word, an index in ``tokens``
    j: int  # the word's index in ``tokens``
    stop: int | None  # the document index the phrase ends before, if any

    @property
    def token(self) -> Token:
        return self.tokens[self.j]

    @property
    def taken(self) -> bool:
        """The phrase has a word already."""
        return self.j > self.start

    @property
    def last(self) -> Token:
        return self.tokens[self.j - 1]


#: A rule: ENDS or TAKEN, or None when it does not apply and the next rule is tried.
WordRule = Callable[[NextWord], str | None]


@dataclass(frozen=True)
class PhraseRules:
    """A named way of reading a phrase forward.

    ``rules`` are tried in order on each next word, the first that applies decides, and a word
    no rule ends is taken; at most ``limit`` words are taken. With ``must_end_in`` a phrase
    whose last word is of none of those classes is no phrase (it is empty).
    """

    name: str
    rules: tuple[WordRule, ...]
    limit: int
    must_end_in: frozenset[str] | None = None


def phrase_end(tokens: Tokens, start: int, rules: PhraseRules, stop: int | None = None) -> int:
    """End (exclusive, an index in ``tokens``) of the phrase read from ``tokens[start]`` by ``rules``;
    ``start`` when there is none. ``stop`` is a document index the phrase may end before."""
    j = start
    while j < len(tokens) and j - start < rules.limit:
        word = NextWord(tokens, start, j, stop)
        if first_decision(rules.rules, word) == ENDS:
            break
        j += 1
    if rules.must_end_in is not None and j > start and tokens[j - 1].pos_ not in rules.must_end_in:
        return start
    return j


def phrase_after(tokens: Tokens, start: int, rules: PhraseRules, stop: int | None = None) -> list[Token]:
    """The words of the phrase read from ``tokens[start]`` by ``rules``."""
    return list(tokens[start:phrase_end(tokens, start, rules, stop)])


# ------------------------------------------------------------------ rules any phrase may use


def the_claim_begins(word: NextWord) -> str | None:
    """"Russland har ifølge Pentagon nesten alle …": the phrase ends where the claim starts."""
    return ENDS if word.stop is not None and word.token.i >= word.stop and word.taken else None


def a_name_goes_on(word: NextWord) -> str | None:
    """"Institute for the Study of War", "personell- og vernepliktssenter": one name goes on."""
    token = word.token
    if not word.taken or token.text in PHRASE_STOP_PUNCT:
        return None
    if (token.ent_iob_ == "I" and word.last.ent_type_) \
            or (token.lower_ in ("og", "eller") and word.last.text.endswith("-")):
        return TAKEN
    return None


def punctuation_ends_it(word: NextWord) -> str | None:
    """"opplyser Forsvaret, og …": punctuation ends the phrase."""
    return ENDS if word.token.text in PHRASE_STOP_PUNCT else None


def a_stop_word_ends_it(word: NextWord) -> str | None:
    """"sier Jonson til NTB": a word that cannot be part of a source ends the phrase."""
    return ENDS if word.token.lower_ in CLAIMANT_STOP_WORDS and word.taken else None


def a_count_ends_it(word: NextWord) -> str | None:
    """"ifølge Pentagon rundt 500 …": a count begins, so the phrase ends."""
    return ENDS if word.taken and _starts_count(word.tokens, word.j) else None


def a_preposition_of_no_affiliation_ends_it(word: NextWord) -> str | None:
    """"en offiser i den ukrainske hæren" goes on; "Forsvaret i går" ends at the preposition."""
    if word.token.lower_ not in AFFILIATION_PREPS or not word.taken:
        return None
    following = word.j + 1 < len(word.tokens)
    return ENDS if not following or not _affiliation_start(word.tokens, word.j + 1) else None


def _verb_not_adjective(token: Token) -> bool:
    """A verb that is not an adjective tagged as one, nor a capitalised name."""
    return is_verb(token) and token.pos_ != "ADJ" and token.tag_ != "adj" and not token.text[:1].isupper()


def a_verb_ends_it(word: NextWord) -> str | None:
    """"ifølge Forsvaret står det …": a verb ends the phrase (not an adjective tagged as one)."""
    return ENDS if word.taken and _verb_not_adjective(word.token) else None


def a_verb_ends_it_even_first(word: NextWord) -> str | None:
    """"i *står* …": a verb ends the phrase, and is no phrase when it comes first."""
    return ENDS if _verb_not_adjective(word.token) else None


def a_participle_ends_it(word: NextWord) -> str | None:
    """"har ifølge ukrainsk etterretning utplassert …": a participle ends it, whatever its tag."""
    token = word.token
    participle = "Part" in token.morph.get("VerbForm", None) or token.dep_ == "INFV"
    return ENDS if word.taken and participle and not token.text[:1].isupper() else None


def the_root_ends_it(word: NextWord) -> str | None:
    """"politiet i Øst *kjente* mannen": the sentence's root is never in the phrase."""
    return ENDS if word.token.dep_ == "ROOT" else None


def a_modifier_after_the_noun_ends_it(word: NextWord) -> str | None:
    """"politiet i Øst *kjente* mannen": determiners and adjectives come before the noun; after
    it they start the next phrase."""
    noun_taken = any(word.tokens[k].pos_ in ("NOUN", "PROPN") for k in range(word.start, word.j))
    return ENDS if noun_taken and word.token.pos_ in ("DET", "ADJ") else None


def words_of_another_class_end_it(classes: frozenset[str]) -> WordRule:
    """A rule: a word of none of ``classes`` ends the phrase ("i Øst *sier*")."""
    def rule(word: NextWord) -> str | None:
        return ENDS if word.token.pos_ not in classes else None
    rule.__name__ = rule.__qualname__ = "a_word_of_another_class_ends_it"
    return rule


def words_after_the_first_end_it(words: frozenset[str]) -> WordRule:
    """A rule: one of ``words`` ends the phrase once it has a word ("nær *Bakhmut* i øst")."""
    def rule(word: NextWord) -> str | None:
        return ENDS if word.taken and word.token.lower_ in words else None
    rule.__name__ = rule.__qualname__ = "a_break_word_ends_it"
    return rule


# ------------------------------------------------------------------ the named rule sets


def _plain(name: str, classes: frozenset[str]) -> PhraseRules:
    """Determiners and adjectives, then nouns and names, ending in a noun or name (or, where
    ``classes`` admit one, a pronoun)."""
    return PhraseRules(
        name,
        (words_of_another_class_end_it(classes), the_root_ends_it, a_modifier_after_the_noun_ends_it),
        limit=6, must_end_in=classes & {"NOUN", "PROPN", "PRON"},
    )


#: The object of a speaker's preposition ("ifølge politiet i Øst kjente mannen" -> "Øst").
PLAIN_NOUN_PHRASE = _plain("plain noun phrase", _PLAIN_CLASSES)

#: The subject right after a cue with no "at", before its finite verb: a plain noun phrase, or a
#: pronoun ("mener laget er i rute", "mener han er i rute").
SUBJECT_BEFORE_A_VERB = _plain("subject before a verb", _SUBJECT_CLASSES)

#: A claimant read after its cue ("ifølge", "sier"), tried in this order; a name going on is
#: taken before any stop is looked at.
CLAIMANT_AFTER_A_CUE = PhraseRules(
    "claimant after a cue",
    (
        the_claim_begins,
        a_name_goes_on,
        punctuation_ends_it,
        a_stop_word_ends_it,
        a_count_ends_it,
        a_preposition_of_no_affiliation_ends_it,
        a_verb_ends_it,
        a_participle_ends_it,
    ),
    limit=14,
)


def _starts_count(tokens: Tokens, j: int) -> bool:
    """A count begins at ``tokens[j]``: "40.000", "mellom 40.000", "rundt 500" (not "TV 2")."""
    token = tokens[j]
    if token.like_num and any(c.isdigit() for c in token.text):
        return len(token.text) >= 3 or not tokens[j - 1].text.isupper()
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    return (token.lower_ in COUNT_OPENERS and following is not None
            and following.like_num and any(c.isdigit() for c in following.text))


def _affiliation_start(tokens: Tokens, k: int) -> bool:
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


# ------------------------------------------------------------------ a relative clause read forward


def a_comma_ends_it(word: NextWord) -> str | None:
    """"en kilde som ikke vil navngis, sier …": a comma ends the clause."""
    return ENDS if word.token.text == "," else None


def the_sentence_end_ends_it(word: NextWord) -> str | None:
    """"… som ikke vil navngis." : the sentence's last word is not taken."""
    return ENDS if word.token.is_sent_end else None


def the_unit_end_ends_it(word: NextWord) -> str | None:
    """The clause never reads past the sentence unit it is in (``stop``)."""
    return ENDS if word.stop is not None and word.token.i >= word.stop else None


#: A relative clause on a phrase ("ifølge en offiser *som ikke vil navngis*"), read from its "som"
#: to a comma or the end of its sentence, however long.
RELATIVE_CLAUSE = PhraseRules(
    "relative clause",
    (the_unit_end_ends_it, a_comma_ends_it, the_sentence_end_ends_it),
    limit=sys.maxsize,
)


# ------------------------------------------------------------------ a phrase read around its head


#: The recognised name a document index is part of: (its first index, its end, its label), or None.
NameAt = Callable[[int], "tuple[int, int, str] | None"]


class PhraseAround(NamedTuple):
    """A phrase found around its head: ``doc[start:end]``, and where a relative clause on it starts."""

    start: int
    end: int
    relative: int | None


@dataclass(frozen=True)
class RightDependant:
    """A dependant after a phrase's head, and what the rules that may take it in read."""

    head: Token
    token: Token
    high: int  # where the phrase ends so far
    name_at: NameAt

    def label(self, token: Token) -> str | None:
        return label_at(self.name_at, token.i)


#: A rule taking a dependant after the head into the phrase: where the phrase then ends, or None
#: when it does not apply and the next rule is tried.
RightRule = Callable[[RightDependant], int | None]


@dataclass(frozen=True)
class HeadRules:
    """A named way of finding a phrase around its head over the parse.

    ``name_labels``: the labels of the recognised names a head takes in whole;
    ``left_dependants``: the relations of the dependants before the head taken in with their subtree;
    ``right_dependants``: rules tried in order on each dependant after the head, the first that
    applies deciding how far the phrase reaches.
    """

    name: str
    name_labels: frozenset[str]
    left_dependants: frozenset[str]
    right_dependants: tuple[RightRule, ...]


def phrase_around(head: Token, rules: HeadRules, name_at: NameAt) -> PhraseAround:
    """The phrase headed by ``head``, found by ``rules``; ``name_at`` tells the recognised names."""
    doc = head.doc
    low, high = _name_span(head, rules, name_at)
    low = _left_bound(head, rules, low)
    high, relative = _right_bound(head, rules, name_at, high)
    low, high = _trimmed(doc, head, low, high)
    high = _name_left_outside(head, name_at, high)
    if relative is None:
        relative = _relative_after(doc, high)
    return PhraseAround(low, high, relative)


def end_with_relative_clause(doc: Doc, phrase: PhraseAround, stop: int) -> int:
    """End of ``phrase`` with its relative clause read forward up to ``stop`` at most, without
    the punctuation that ends it."""
    if phrase.relative is None:
        return phrase.end
    end = phrase_end(doc, phrase.relative, RELATIVE_CLAUSE, stop)
    while end > phrase.relative and doc[end - 1].is_punct:
        end -= 1
    return max(phrase.end, end)


def _name_span(head: Token, rules: HeadRules, name_at: NameAt) -> tuple[int, int]:
    """The name ``head`` is part of, else ``head`` alone."""
    found = name_at(head.i)
    if found is not None and found[2] in rules.name_labels:
        return found[0], found[1]
    return head.i, head.i + 1


def _left_bound(head: Token, rules: HeadRules, low: int) -> int:
    """Start of the phrase with the dependants before its head that ``rules`` take in."""
    for child in head.lefts:
        # a verb is never part of the phrase, however the parse attached it ("anslår analytiker")
        if child.dep_ in rules.left_dependants and not _is_boundary(child) and child.pos_ != "VERB":
            low = min(low, child.left_edge.i)
    return low


def _right_bound(head: Token, rules: HeadRules, name_at: NameAt, high: int) -> tuple[int, int | None]:
    """End of the phrase with what the rules take in after its head, and where a relative
    clause on the head starts ("en kilde som ikke vil navngis")."""
    relative: int | None = None
    for child in head.rights:
        if child.i < high:
            continue
        if child.dep_ == "ATR" and _starts_relative(child):
            relative = child.left_edge.i if relative is None else min(relative, child.left_edge.i)
            continue
        dependant = RightDependant(head, child, high, name_at)
        reach = first_decision(rules.right_dependants, dependant)
        if reach is not None:
            high = max(high, reach)
    return high, relative


def _name_left_outside(head: Token, name_at: NameAt, high: int) -> int:
    """End of the phrase with a person's name the parse left outside it."""
    # a title the parse left alone takes in the name right after it ("anslår analytiker
    # Kristine Holm Brekke", with the name parsed as a clause of its own)
    if high == head.i + 1 and name_at(head.i) is None and is_role_word(head.lower_):
        high = _person_end(name_at, high) or high
    if head.pos_ != "PROPN" and name_at(head.i) is None:
        high = _apposed_name_end(head.doc, name_at, high)
    return high


def _person_end(name_at: NameAt, start: int) -> int | None:
    """End of the person's name that starts at ``start``, if one does."""
    found = name_at(start)
    if found is not None and found[0] == start and found[2] == "PER":
        return found[1]
    return None


def _apposed_name_end(doc: Doc, name_at: NameAt, high: int) -> int:
    """"En talsperson for X, oberstløytnant Taras Hrytsenko, sier": take in the name."""
    if high >= len(doc) or doc[high].text != ",":
        return high
    i = high + 1
    while i < len(doc) and i - high < 5 and is_role_word(doc[i].text) and label_at(name_at, i) != "PER":
        i += 1
    end = _person_end(name_at, i)
    if end is not None and (end >= len(doc) or doc[end].is_punct):
        return end
    return high


def label_at(name_at: NameAt, i: int) -> str | None:
    """The label of the name ``name_at`` finds at ``doc[i]``, or None when no name holds it."""
    found = name_at(i)
    return found[2] if found else None


def the_rest_of_a_name(dependant: RightDependant) -> int | None:
    """"Det hvite hus opplyser": the words of a name hung on its first ("hus" on "Det")."""
    token = dependant.token
    return token.right_edge.i + 1 if token.dep_ == "FLAT" else None


def a_prepositional_attribute(dependant: RightDependant) -> int | None:
    """"ifølge politiet i Øst kjente mannen …": a preposition and its noun phrase, no further."""
    token = dependant.token
    if token.dep_ == "ATR" and token.lower_ in ATTRIBUTE_PREPOSITIONS:
        return max(_right_edge(token) + 1, phrase_end(token.doc, token.i + 1, PLAIN_NOUN_PHRASE))
    return None


def an_apposition_naming_a_person(dependant: RightDependant) -> int | None:
    """"Ifølge Ola Nordmann, leder i Fagforbundet, er …": an apposition holding a name or a title."""
    token = dependant.token
    names_a_person = any(dependant.label(t) == "PER" or t.pos_ == "PROPN" or is_role_word(t.text)
                         for t in token.subtree)
    return _right_edge(token) + 1 if token.dep_ == "APP" and names_a_person else None


def a_coordinated_noun(dependant: RightDependant) -> int | None:
    """"Tekstil- og skotøyforbundet": a noun or name coordinated with a noun or name head."""
    token, head = dependant.token, dependant.head
    if token.dep_ == "KOORD" and token.pos_ in ("NOUN", "PROPN") and head.pos_ in ("NOUN", "PROPN"):
        return _right_edge(token) + 1
    return None


def a_bracket(dependant: RightDependant) -> int | None:
    """"Ifølge kilden (anonym)" with the bracket hung on "kilden": a bracket after the head, up to its close."""
    token = dependant.token
    return _right_edge(token) + 1 if token.text == "(" else None


#: Prepositions whose attribute on a head is part of its phrase ("lederen *i Norsk Folkehjelp*").
ATTRIBUTE_PREPOSITIONS: frozenset[str] = frozenset({
    "i", "for", "ved", "hos", "på", "nær", "fra", "blant", "av", "innen",
})

#: A speaker's mention found from its head ("Sjeføkonom Frode Sætre i Sparebank 1", "en kilde som …"):
#: a person's or organisation's name whole, determiners, attributes, appositions, names and adverbs
#: before the head, and after it what these rules take in, tried in this order.
SPEAKER_MENTION = HeadRules(
    "speaker mention",
    name_labels=frozenset({"PER", "ORG", "GPE_ORG", "GPE_LOC", "LOC"}),
    left_dependants=frozenset({"DET", "ATR", "APP", "FLAT", "ADV"}),
    right_dependants=(
        the_rest_of_a_name,
        a_prepositional_attribute,
        an_apposition_naming_a_person,
        a_coordinated_noun,
        a_bracket,
    ),
)


def _trimmed(doc: Doc, head: Token, low: int, high: int) -> tuple[int, int]:
    """The phrase without punctuation, verbs or "som"/"at" at its start and punctuation at its
    end, and with the bracket it opens closed."""
    while low < head.i and _is_boundary(doc[low]):
        low += 1
    while high > head.i + 1 and (doc[high - 1].text in ",;:–—-" or doc[high - 1].is_space):
        high -= 1
    return low, _closing_bracket(doc, low, high)


def _closing_bracket(doc: Doc, low: int, high: int) -> int:
    """End of a phrase that opens a bracket the parse left outside it: "FNs høykommissær
    for flyktninger (UNHCR" takes in its ")", which is no part of what follows."""
    words = [t.text for t in doc[low:high]]
    if words.count("(") > words.count(")") and high < len(doc) and doc[high].text == ")":
        return high + 1
    return high


def _is_boundary(token: Token) -> bool:
    """Punctuation, a finite verb, a subjunction or "som"/"at": never the edge of a phrase."""
    finite_verb = token.tag_ == "verb" and bool(token.morph.get("Tense", None))
    return token.is_punct or token.is_space or finite_verb or token.tag_ == "sbu" or token.lower_ in ("som", "at")


def _right_edge(token: Token) -> int:
    """Right edge of a dependant's subtree, stopping before a comma or relative clause."""
    last = token.i
    for t in token.subtree:
        if t.i < token.i:
            continue
        if t.text in ",;:" or t.lower_ in ("som", "til") or t.tag_ == "verb":
            break
        last = t.i
    return last


def _starts_relative(token: Token) -> bool:
    return any(t.lower_ == "som" for t in token.subtree if t.i <= token.i) or token.lower_ == "som"


def _relative_after(doc: Doc, position: int) -> int | None:
    """Start of a relative clause ("som ...", ", som ...") right after the phrase."""
    for offset in (0, 1):
        i = position + offset
        if i < len(doc) and doc[i].lower_ == "som":
            return i
        if i >= len(doc) or doc[i].text != ",":
            break
    return None
