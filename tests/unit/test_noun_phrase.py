"""The one noun-phrase reader and its named rule sets, each rule with a phrase it decides.

Every table's keys are the names of its rule set's rules, in order, so a rule added or removed
without its example fails here. The word-class rule sets are shown on hand-tagged sentences; the
claimant's, which read entities and morphology, on the trained pipeline.
"""
from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from service.nlp.claims.location import PLACE_PHRASE
from service.nlp.mentions.noun_phrase import (
    CLAIMANT_AFTER_A_CUE,
    PLAIN_NOUN_PHRASE,
    RELATIVE_CLAUSE,
    SPEAKER_MENTION,
    SUBJECT_BEFORE_A_VERB,
    HeadRules,
    NameAt,
    PhraseRules,
    end_with_relative_clause,
    phrase_after,
    phrase_around,
    phrase_end,
)

_VOCAB = spacy.blank("nb").vocab


def tagged(sentence: str) -> Doc:
    """A Doc from "word/POS/DEP" items; every word hangs on the first (the parse is not read)."""
    words, pos, deps = zip(*(item.rsplit("/", 2) for item in sentence.split()))
    return Doc(_VOCAB, words=list(words), pos=list(pos), deps=list(deps), heads=[0] * len(words))


def read(rules: PhraseRules, doc: Doc, after: str, stop: str | None = None) -> str:
    """The phrase ``rules`` read after the first word ``after``."""
    words = [t.lower_ for t in doc]
    end = doc[words.index(stop)].i if stop is not None else None
    return " ".join(t.text for t in phrase_after(doc, words.index(after) + 1, rules, stop=end))


def without(rules: PhraseRules, name: str) -> PhraseRules:
    return dataclasses.replace(rules, rules=tuple(r for r in rules.rules if r.__name__ != name))


# ------------------------------------------------------------------ the word-class rule sets

#: rule set -> rule -> (tagged sentence, the word the phrase follows, the phrase)
TAGGED_EXAMPLES: dict[str, tuple[PhraseRules, dict[str, tuple[str, str, str]]]] = {
    "plain": (PLAIN_NOUN_PHRASE, {
        "a_word_of_another_class_ends_it": (
            "sier/VERB/ROOT lederen/NOUN/SUBJ i/ADP/ATR Norsk/PROPN/PUTFYLL Folkehjelp/PROPN/FLAT til/ADP/ADV NTB/PROPN/PUTFYLL",
            "i", "Norsk Folkehjelp"),
        "the_root_ends_it": (
            "sjefen/NOUN/SUBJ i/ADP/ATR Oslo/PROPN/PUTFYLL Nyheter/NOUN/ROOT", "i", "Oslo"),
        "a_modifier_after_the_noun_ends_it": (
            "ifølge/ADP/ADV sjefen/NOUN/PUTFYLL i/ADP/ATR Oslo/PROPN/PUTFYLL denne/DET/DET uken/NOUN/ATR "
            "har/VERB/ROOT", "i", "Oslo"),
    }),
    "subject": (SUBJECT_BEFORE_A_VERB, {
        "a_word_of_another_class_ends_it": (
            "hun/PRON/SUBJ mener/VERB/ROOT laget/NOUN/SUBJ er/AUX/DOBJ i/ADP/SPRED rute/NOUN/PUTFYLL",
            "mener", "laget"),
        "the_root_ends_it": (
            "mener/VERB/PAR laget/NOUN/SUBJ Nyheter/NOUN/ROOT", "mener", "laget"),
        "a_modifier_after_the_noun_ends_it": (
            "mener/VERB/ROOT laget/NOUN/SUBJ denne/DET/DET uken/NOUN/ATR er/AUX/DOBJ", "mener", "laget"),
    }),
    "place": (PLACE_PHRASE, {
        "punctuation_ends_it": (
            "soldater/NOUN/SUBJ i/ADP/ADV Sør-Sudan/PROPN/PUTFYLL ,/PUNCT/IK sier/VERB/PAR han/PRON/SUBJ",
            "i", "Sør-Sudan"),
        "a_verb_ends_it_even_first": (
            "soldater/NOUN/SUBJ i/ADP/ADV står/VERB/PUTFYLL der/ADV/ADV", "i", ""),
        "a_break_word_ends_it": (
            "soldater/NOUN/SUBJ nær/ADP/ADV Bakhmut/PROPN/DOBJ i/ADP/ADV øst/NOUN/PUTFYLL", "nær", "Bakhmut"),
    }),
}


def test_every_tagged_rule_has_an_example() -> None:
    for rules, examples in TAGGED_EXAMPLES.values():
        assert [rule.__name__ for rule in rules.rules] == list(examples)


@pytest.mark.parametrize("rule_set,rule", [(s, r) for s, (_, ex) in TAGGED_EXAMPLES.items() for r in ex])
def test_tagged_rule_decides_its_example(rule_set: str, rule: str) -> None:
    rules, examples = TAGGED_EXAMPLES[rule_set]
    sentence, after, phrase = examples[rule]
    doc = tagged(sentence)
    assert read(rules, doc, after) == phrase
    # and it is this rule that decides: without it the phrase is another
    assert read(without(rules, rule), doc, after) != phrase


def test_a_plain_noun_phrase_ends_in_a_noun_or_is_none() -> None:
    """"lederen for det nye ved skolen": "det nye" has no noun, so there is no phrase."""
    doc = tagged("lederen/NOUN/SUBJ for/ADP/ATR det/DET/DET nye/ADJ/PUTFYLL ved/ADP/ATR skolen/NOUN/PUTFYLL")
    assert read(PLAIN_NOUN_PHRASE, doc, "for") == ""
    assert read(dataclasses.replace(PLAIN_NOUN_PHRASE, must_end_in=None), doc, "for") == "det nye"


def test_a_subject_may_be_a_pronoun_a_plain_phrase_not() -> None:
    doc = tagged("hun/PRON/SUBJ mener/VERB/ROOT han/PRON/SUBJ er/AUX/DOBJ i/ADP/SPRED rute/NOUN/PUTFYLL")
    assert read(SUBJECT_BEFORE_A_VERB, doc, "mener") == "han"
    assert read(PLAIN_NOUN_PHRASE, doc, "mener") == ""


def test_a_phrase_takes_at_most_its_limit_of_words() -> None:
    doc = tagged("mener/VERB/ROOT " + " ".join(f"n{k}/NOUN/SUBJ" for k in range(10)))
    assert phrase_end(doc, 1, SUBJECT_BEFORE_A_VERB) == 1 + SUBJECT_BEFORE_A_VERB.limit
    assert phrase_end(doc, 1, PLAIN_NOUN_PHRASE) == 1 + PLAIN_NOUN_PHRASE.limit


def test_a_phrase_is_read_from_a_span_as_from_its_doc() -> None:
    """The cue reads its subject inside the sentence unit: a Span whose indices are the Doc's."""
    doc = tagged("mener/VERB/ROOT laget/NOUN/SUBJ og/CCONJ/KONJ")
    assert phrase_end(doc[:2], 1, SUBJECT_BEFORE_A_VERB) == 2


# ------------------------------------------------------------------ the claimant after a cue




#: rule -> (text, the word the phrase follows, the word the claim starts at or None, the phrase)
CLAIMANT_EXAMPLES: dict[str, tuple[str, str, str | None, str]] = {
    "the_claim_begins": (
        "Russland har ifølge Pentagon nesten alle sine soldater i Ukraina.", "ifølge", "nesten", "Pentagon"),
    "a_name_goes_on": (
        "Russland har 600.000 soldater i Ukraina, ifølge Institute for the Study of War.", "ifølge", None,
        "Institute for the Study of War"),
    "punctuation_ends_it": (
        "Det er 300 soldater der, opplyser Forsvaret, og flere kommer.", "opplyser", None, "Forsvaret"),
    "a_stop_word_ends_it": (
        "Sverige sender 150 soldater, sier Pål Jonson til NTB.", "sier", None, "Pål Jonson"),
    "a_count_ends_it": (
        "Russland har ifølge Pentagon rundt 500 stridsvogner der.", "ifølge", None, "Pentagon"),
    "a_preposition_of_no_affiliation_ends_it": (
        "Det er 300 soldater der, opplyste Forsvaret i går.", "opplyste", None, "Forsvaret"),
    "a_verb_ends_it": (
        "Ifølge Forsvaret står det 300 soldater der.", "ifølge", None, "Forsvaret"),
    "a_participle_ends_it": (
        "Russland har ifølge ukrainsk etterretning utplassert 300 soldater der.", "ifølge", None,
        "ukrainsk etterretning"),
}


def test_every_claimant_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in CLAIMANT_AFTER_A_CUE.rules] == list(CLAIMANT_EXAMPLES)


@pytest.mark.parametrize("rule", list(CLAIMANT_EXAMPLES))
def test_claimant_rule_decides_its_example(nlp: Language, rule: str) -> None:
    text, cue, claim_start, phrase = CLAIMANT_EXAMPLES[rule]
    doc = nlp(text)
    assert read(CLAIMANT_AFTER_A_CUE, doc, cue, claim_start) == phrase
    # and it is this rule that decides: without it the phrase is another
    assert read(without(CLAIMANT_AFTER_A_CUE, rule), doc, cue, claim_start) != phrase


def test_an_affiliation_goes_on(nlp: Language) -> None:
    """"ifølge en offiser i den ukrainske hæren": the preposition carries on to the institution."""
    doc = nlp("Det står 300 soldater der, ifølge en offiser i den ukrainske hæren.")
    assert read(CLAIMANT_AFTER_A_CUE, doc, "ifølge") == "en offiser i den ukrainske hæren"


# ------------------------------------------------------------------ a phrase found around its head


def parsed(sentence: str) -> Doc:
    """A Doc from "word/POS/DEP/HEAD" items, HEAD the index of the word's head (its own for the root)."""
    words, pos, deps, heads = zip(*(item.rsplit("/", 3) for item in sentence.split()))
    return Doc(_VOCAB, words=list(words), pos=list(pos), deps=list(deps), heads=[int(h) for h in heads])


def names(doc: Doc, **labelled: str) -> NameAt:
    """A name look-up from label=words pairs: ``names(doc, PER="Ola Nordmann")``."""
    found: dict[int, tuple[int, int, str]] = {}
    words = [t.text for t in doc]
    for label, name in labelled.items():
        parts = name.split()
        first = next(k for k in range(len(words)) if words[k:k + len(parts)] == parts)
        for k in range(first, first + len(parts)):
            found[k] = (first, first + len(parts), label)
    return found.get


def around(rules: HeadRules, doc: Doc, head: str, name_at: NameAt | None = None) -> str:
    """The phrase ``rules`` find around the first word ``head``."""
    token = next(t for t in doc if t.text == head)
    phrase = phrase_around(token, rules, name_at or (lambda i: None))
    return " ".join(t.text for t in doc[phrase.start:phrase.end])


def without_dependant_rule(rules: HeadRules, name: str) -> HeadRules:
    return dataclasses.replace(rules, right_dependants=tuple(r for r in rules.right_dependants if r.__name__ != name))


#: rule -> (parsed sentence, the head, the names, the phrase)
SPEAKER_MENTION_EXAMPLES: dict[str, tuple[str, str, dict[str, str], str]] = {
    "the_rest_of_a_name": (
        "Det/PROPN/SUBJ/3 hvite/ADJ/FLAT/0 hus/NOUN/FLAT/0 opplyser/VERB/ROOT/3",
        "Det", {}, "Det hvite hus"),
    "a_prepositional_attribute": (
        "politiet/NOUN/SUBJ/3 i/ADP/ATR/0 Øst/PROPN/PUTFYLL/1 kjente/VERB/ROOT/3 mannen/NOUN/DOBJ/3",
        "politiet", {}, "politiet i Øst"),
    "an_apposition_naming_a_person": (
        "Ola/PROPN/SUBJ/7 Nordmann/PROPN/FLAT/0 ,/PUNCT/IK/3 leder/NOUN/APP/0 i/ADP/ATR/3 "
        "Fagforbundet/PROPN/PUTFYLL/4 ,/PUNCT/IK/3 sier/VERB/ROOT/7",
        "Ola", {"PER": "Ola Nordmann"}, "Ola Nordmann , leder i Fagforbundet"),
    "a_coordinated_noun": (
        "Tekstil-/NOUN/SUBJ/3 og/CCONJ/KONJ/2 skotøyforbundet/NOUN/KOORD/0 sier/VERB/ROOT/3",
        "Tekstil-", {}, "Tekstil- og skotøyforbundet"),
    "a_bracket": (
        "kilden/NOUN/SUBJ/4 (/PUNCT/IK/0 anonym/ADJ/ATR/1 )/PUNCT/IK/1 sier/VERB/ROOT/4",
        "kilden", {}, "kilden ( anonym )"),
}


def test_every_speaker_mention_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in SPEAKER_MENTION.right_dependants] == list(SPEAKER_MENTION_EXAMPLES)


@pytest.mark.parametrize("rule", list(SPEAKER_MENTION_EXAMPLES))
def test_speaker_mention_rule_takes_in_its_example(rule: str) -> None:
    sentence, head, labelled, phrase = SPEAKER_MENTION_EXAMPLES[rule]
    doc = parsed(sentence)
    assert around(SPEAKER_MENTION, doc, head, names(doc, **labelled)) == phrase
    # and it is this rule that takes the dependant in: without it the phrase is another
    assert around(without_dependant_rule(SPEAKER_MENTION, rule), doc, head, names(doc, **labelled)) != phrase


def test_a_mention_takes_in_its_name_and_its_left_dependants() -> None:
    """"den nye lederen sier": determiners and attributes before the head; "Ola Nordmann sier":
    the whole name around a head the parse put on its first word."""
    doc = parsed("den/DET/DET/2 nye/ADJ/ATR/2 lederen/NOUN/SUBJ/3 sier/VERB/ROOT/3")
    assert around(SPEAKER_MENTION, doc, "lederen") == "den nye lederen"
    doc = parsed("Ola/PROPN/SUBJ/2 Nordmann/PROPN/ATR/2 sier/VERB/ROOT/2")
    assert around(SPEAKER_MENTION, doc, "Nordmann", names(doc, PER="Ola Nordmann")) == "Ola Nordmann"
    assert around(SPEAKER_MENTION, doc, "Nordmann") == "Nordmann"


def test_a_title_takes_in_the_name_the_parse_left_outside() -> None:
    """"anslår analytiker Kristine Holm", the name parsed as a clause of its own."""
    doc = parsed("anslår/VERB/ROOT/0 analytiker/NOUN/SUBJ/0 Kristine/PROPN/SUBJ/0 Holm/PROPN/FLAT/2")
    assert around(SPEAKER_MENTION, doc, "analytiker", names(doc, PER="Kristine Holm")) == "analytiker Kristine Holm"


def test_a_description_takes_in_the_apposed_name_after_its_comma() -> None:
    """"En talsperson , oberstløytnant Taras Hrytsenko , sier": the person is part of the mention."""
    doc = parsed("En/DET/DET/1 talsperson/NOUN/SUBJ/7 ,/PUNCT/IK/1 oberstløytnant/NOUN/SUBJ/7 "
                 "Taras/PROPN/FLAT/3 Hrytsenko/PROPN/FLAT/3 ,/PUNCT/IK/3 sier/VERB/ROOT/7")
    found = around(SPEAKER_MENTION, doc, "talsperson", names(doc, PER="Taras Hrytsenko"))
    assert found == "En talsperson , oberstløytnant Taras Hrytsenko"


#: rule -> (parsed sentence, the head, the phrase with its relative clause)
RELATIVE_CLAUSE_EXAMPLES: dict[str, tuple[str, str, str]] = {
    "the_unit_end_ends_it": (  # the sentence unit ends before "det"
        "ifølge/ADP/ROOT/0 en/DET/DET/2 kilde/NOUN/PUTFYLL/0 som/PRON/SUBJ/4 vet/VERB/ATR/2 det/PRON/DOBJ/4 "
        "godt/ADV/ADV/4 ./PUNCT/IP/0",
        "kilde", "en kilde som vet"),
    "a_comma_ends_it": (
        "ifølge/ADP/ADV/6 en/DET/DET/2 kilde/NOUN/PUTFYLL/0 som/PRON/SUBJ/4 vet/VERB/ATR/2 ,/PUNCT/IK/6 "
        "er/AUX/ROOT/6 det/PRON/SUBJ/6 slik/ADV/ADV/6 ./PUNCT/IP/6",
        "kilde", "en kilde som vet"),
    "the_sentence_end_ends_it": (
        "ifølge/ADP/ROOT/0 en/DET/DET/2 kilde/NOUN/PUTFYLL/0 som/PRON/SUBJ/4 vet/VERB/ATR/2 det/PRON/DOBJ/4 "
        "./PUNCT/IP/0 Slik/ADV/ADV/8 er/AUX/ROOT/8 det/PRON/SUBJ/8 ./PUNCT/IP/8",
        "kilde", "en kilde som vet det"),
}


def test_every_relative_clause_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in RELATIVE_CLAUSE.rules] == list(RELATIVE_CLAUSE_EXAMPLES)


@pytest.mark.parametrize("rule", list(RELATIVE_CLAUSE_EXAMPLES))
def test_relative_clause_rule_ends_its_example(rule: str) -> None:
    sentence, head, phrase = RELATIVE_CLAUSE_EXAMPLES[rule]
    doc = parsed(sentence)
    # the sentence unit the clause is read in ends before "det" in the first example
    stop = 5 if rule == "the_unit_end_ends_it" else len(doc)
    token = next(t for t in doc if t.text == head)
    found = phrase_around(token, SPEAKER_MENTION, lambda i: None)
    assert found.relative == 3
    assert " ".join(t.text for t in doc[found.start:end_with_relative_clause(doc, found, stop)]) == phrase
    # and it is this rule that ends it: without it the clause reads on
    other = dataclasses.replace(RELATIVE_CLAUSE, rules=tuple(r for r in RELATIVE_CLAUSE.rules if r.__name__ != rule))
    assert phrase_end(doc, found.relative, other, stop) != phrase_end(doc, found.relative, RELATIVE_CLAUSE, stop)
