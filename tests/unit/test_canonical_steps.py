"""Each named step of canonicalisation (service/nlp/mentions/canonical.py), with a story it names.

The steps run in order, each reading what the ones before found; every example shows the
step's own part of the answer: (entity text, canonical name, role) of each entity.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from service.nlp.mentions import canonical
from service.nlp.mentions.canonical import canonicalize

Named = list[tuple[str, str, str | None]]




def named(doc: Doc) -> Named:
    return [(entity.text, entity.canonical, entity.role) for entity in canonicalize(doc)]


def test_a_person_the_model_ended_too_early_is_completed() -> None:
    """_complete_people: "Jurij" + "Podoljaka", a proper noun no entity holds (hand-annotated,
    as the model leaves it)."""
    words = ["bloggeren", "Jurij", "Podoljaka", "skriver"]
    doc = Doc(spacy.blank("nb").vocab, words=words, ents=["O", "B-PER", "O", "O"],
              pos=["NOUN", "PROPN", "PROPN", "VERB"])
    assert named(doc)[0][:2] == ("Jurij Podoljaka", "Jurij Podoljaka")


#: step -> (text, what each of its entities is named)
STEP_EXAMPLES: dict[str, tuple[str, Named]] = {
    "_complete_people": ("Den russiske bloggeren Jurij Podoljaka skriver at angrepet feilet.",
                         [("Jurij Podoljaka", "Jurij Podoljaka", None)]),
    "_split_off_roles_and_acronyms": ("Statsminister Jonas Gahr Støre kom i går.",
                                      [("Jonas Gahr Støre", "Jonas Gahr Støre", "Statsminister")]),
    "_find_long_forms": ("Folkehelseinstituttet (FHI) opplyser dette.",
                         [("Folkehelseinstituttet", "Folkehelseinstituttet", None),
                          ("FHI", "Folkehelseinstituttet", None)]),
    "_name_each_mention": ("Jonas Gahr Støre, statsminister, sier at det er alvorlig.",
                           [("Jonas Gahr Støre", "Jonas Gahr Støre", "statsminister")]),
    "_people_by_their_fullest_name": ("Statsminister Jonas Gahr Støre kom i går. Støre sa at det var bra.",
                                      [("Jonas Gahr Støre", "Jonas Gahr Støre", "Statsminister"),
                                       ("Støre", "Jonas Gahr Støre", None)]),
    "_organisations_by_their_long_form": ("Folkehelseinstituttet (FHI) opplyser at FHI ser økt smitte.",
                                          [("Folkehelseinstituttet", "Folkehelseinstituttet", None),
                                           ("FHI", "Folkehelseinstituttet", None),
                                           ("FHI", "Folkehelseinstituttet", None)]),
}


def test_every_canonical_step_has_an_example() -> None:
    assert [step.__name__ for step in canonical.CANONICAL_STEPS] == list(STEP_EXAMPLES)


@pytest.mark.parametrize("step", list(STEP_EXAMPLES))
def test_canonical_step_names_its_example(nlp: Language, step: str) -> None:
    text, expected = STEP_EXAMPLES[step]
    assert named(nlp(text)) == expected
