"""The vocabulary's matchers find what the word lists name, as the lists' own look-ups do."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from service.nlp.lang.matchers import country_name_matcher
from service.nlp.lang.places import country_of_name


def _countries(text: str) -> list[str]:
    vocab = spacy.blank("nb").vocab
    words = text.split()
    matches = country_name_matcher(vocab)(Doc(vocab, words=words))
    return sorted(" ".join(words[start:end]) for _, start, end in matches)


def test_country_names_of_several_words_in_any_case() -> None:
    assert _countries("styrker i Den sentralafrikanske republikk og på sri lanka") == [
        "Den sentralafrikanske republikk", "sri lanka"]


def test_a_country_name_in_the_genitive() -> None:
    assert _countries("Sri Lankas hær") == ["Sri Lankas"]
    assert country_of_name("Sri Lankas") == "Sri Lanka"


def test_one_word_and_unknown_names_are_left_to_the_plain_look_up() -> None:
    assert _countries("Russland og Sri Nova") == []


def test_every_match_is_a_name_the_look_up_knows() -> None:
    for name in _countries("De forente stater , De forente arabiske emirater , Trinidad og Tobago , Burkina Faso"):
        assert country_of_name(name) is not None
