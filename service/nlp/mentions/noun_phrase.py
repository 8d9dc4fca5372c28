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

A speaker's mention is found the other way round, from its head and the parse around it
(``SpeakerResolver.noun_phrase``); it reads its prepositional attribute with
:data:`PLAIN_NOUN_PHRASE`.

>>> import spacy
>>> doc = spacy.blank("nb")("sier Pål Jonson til NTB")
>>> [t.text for t in phrase_after(doc, 1, CLAIMANT_AFTER_A_CUE)]
['Pål', 'Jonson']
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.nlp.lang.places import country_of_adjective

__all__ = [
    "CLAIMANT_AFTER_A_CUE", "ENDS", "NextWord", "PLAIN_NOUN_PHRASE", "PhraseRules", "SUBJECT_BEFORE_A_VERB",
    "TAKEN", "is_verb", "phrase_after", "phrase_end",
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
        if next((v for rule in rules.rules if (v := rule(word)) is not None), TAKEN) == ENDS:
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
