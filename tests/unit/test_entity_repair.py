"""The entity repair component (service/nlp/mentions/repair.py) on hand-annotated docs."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from service.nlp.mentions import repair
from service.nlp.mentions.repair import repair_entities
from service.nlp.pipeline import add_extractors

NLP = spacy.blank("nb")


def doc(words: list[str], ents: list[str], *, pos: list[str] | None = None,
        heads: list[int] | None = None, deps: list[str] | None = None) -> Doc:
    n = len(words)
    return Doc(NLP.vocab, words=words, ents=ents, pos=pos or ["X"] * n,
               heads=heads or list(range(n)), deps=deps or ["dep"] * n)


def ents(d: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in repair_entities(d).ents]


def test_a_first_name_joined_in_the_parse_joins_the_person() -> None:
    d = doc(["Pavlo", "Sjtsjerbak", "anslår", "tapene", "."], ["O", "B-PER", "O", "O", "O"],
            pos=["PROPN", "PROPN", "VERB", "NOUN", "PUNCT"], heads=[2, 0, 2, 2, 2],
            deps=["SUBJ", "FLAT", "ROOT", "DOBJ", "IP"])
    assert ents(d) == [("Pavlo Sjtsjerbak", "PER")]


def test_a_capitalised_word_not_joined_to_the_person_stays_out() -> None:
    d = doc(["Mandag", "Sjtsjerbak", "anslo", "tapene"], ["O", "B-PER", "O", "O"],
            pos=["NOUN", "PROPN", "VERB", "NOUN"], heads=[2, 2, 2, 2], deps=["ADV", "SUBJ", "ROOT", "DOBJ"])
    assert ents(d) == [("Sjtsjerbak", "PER")]


def test_a_name_between_a_title_and_the_person_joins_it_whatever_its_tag() -> None:
    d = doc(["forsvarsminister", "Inga", "Berzina", "sier"], ["O", "O", "B-PER", "O"],
            pos=["NOUN", "DET", "PROPN", "VERB"])
    assert ents(d) == [("Inga Berzina", "PER")]


def test_a_surname_called_a_place_or_missed_becomes_the_person() -> None:
    words = ["statsminister", "James", "Marape", ".", "Ifølge", "Marape", "kommer", "Marape", "."]
    d = doc(words, ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"])
    assert ents(d) == [("James Marape", "PER"), ("Marape", "PER"), ("Marape", "PER")]


def test_a_state_keeps_its_label_even_when_it_is_a_surname() -> None:
    d = doc(["George", "Washington", "og", "Washington"], ["B-PER", "I-PER", "O", "B-GPE_LOC"])
    assert ents(d) == [("George Washington", "PER"), ("Washington", "GPE_LOC")]


def test_a_titled_two_word_name_is_a_person() -> None:
    d = doc(["Ap-leder", "Mona", "Eide", "spurte"], ["B-DRV", "B-ORG", "I-ORG", "O"])
    assert ents(d) == [("Ap-leder", "DRV"), ("Mona Eide", "PER")]


def test_capitals_outlets_institutions_and_acronyms_are_not_people() -> None:
    d = doc(["Beijing", "avviser", "tallene", "i", "Washington", "Post", "fra", "CSIS", "og",
             "Etterretningstjenesten", "ifølge", "avisen", "Haaretz"],
            ["B-PER", "O", "O", "O", "B-PER", "I-PER", "O", "B-PER", "O", "B-PER", "O", "O", "B-PER"],
            heads=[1] * 13, deps=["SUBJ"] + ["dep"] * 12)
    assert ents(d) == [("Beijing", "GPE_ORG"), ("Washington Post", "ORG"), ("CSIS", "ORG"),
                       ("Etterretningstjenesten", "ORG"), ("Haaretz", "ORG")]


def test_a_capital_that_is_a_surname_in_the_story_stays_a_person() -> None:
    d = doc(["Lisa", "Paris", "sier", "at", "Paris", "vil"], ["B-PER", "I-PER", "O", "O", "B-PER", "O"])
    assert ents(d) == [("Lisa Paris", "PER"), ("Paris", "PER")]


def test_the_service_pipeline_repairs_before_quotes_and_claims_read_the_entities() -> None:
    nlp = add_extractors(spacy.blank("nb"))
    names = nlp.pipe_names
    assert names.index("newswire_entity_repair") < names.index("newswire_quotes") < names.index("newswire_claims")


def test_a_title_the_model_took_into_the_name_is_left_out() -> None:
    d = doc(["Statsminister", "Jonas", "Gahr", "Støre", "sier"], ["B-PER", "I-PER", "I-PER", "I-PER", "O"])
    assert ents(d) == [("Jonas Gahr Støre", "PER")]


def test_a_name_takes_the_label_most_of_its_mentions_have() -> None:
    words = ["Tafjord", "ligger", "ved", "Tafjord", "og", "Tafjord", ",", "sa", "Borat", "og", "Borat"]
    labels = ["B-GPE_LOC", "O", "O", "B-GPE_LOC", "O", "B-PER", "O", "O", "B-PER", "O", "B-PROD"]
    assert ents(doc(words, labels)) == [("Tafjord", "GPE_LOC")] * 3 + [("Borat", "PER"), ("Borat", "PROD")]


def test_particles_and_organisation_names() -> None:
    d = doc(["president", "Ursula", "von", "der", "Leyen", "skrev", "til", "plateselskapet", "Universal",
             "Music", "og", "Norgesgruppen"],
            ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "B-PER", "I-PER", "O", "B-PER"])
    assert ents(d) == [("Ursula von der Leyen", "PER"), ("Universal Music", "ORG"), ("Norgesgruppen", "ORG")]


def test_a_word_joined_to_an_organisation_in_the_parse_is_part_of_its_name() -> None:
    d = doc(["Arbeidsgivere", "i", "Svenskt", "Näringsliv", "advarer"], ["O", "O", "O", "B-ORG", "O"],
            heads=[4, 0, 3, 1, 4], deps=["SUBJ", "ATR", "ATR", "PUTFYLL", "ROOT"])
    assert ents(d) == [("Svenskt Näringsliv", "ORG")]


def test_an_organisation_noun_in_front_of_the_name_is_left_out() -> None:
    d = doc(["Arbeidsgiverorganisasjonen", "Svenskt", "Näringsliv", "advarer"], ["B-PER", "I-PER", "I-PER", "O"])
    assert ents(d) == [("Svenskt Näringsliv", "ORG")]


def test_a_span_ends_before_an_opening_bracket() -> None:
    d = doc(["FNs", "høykommissær", "(", "UNHCR", ")", "sier"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert ents(d) == [("FNs høykommissær", "ORG")]


def test_the_second_half_of_a_hyphenated_pair_joins_the_name() -> None:
    d = doc(["Nærings-", "og", "fiskeridepartementet", "sier"], ["B-PER", "O", "O", "O"])
    assert ents(d) == [("Nærings- og fiskeridepartementet", "ORG")]


def test_a_capitalised_title_at_the_head_of_a_sentence_is_not_the_name() -> None:
    d = doc(["Målvakt", "Silje", "Rønneberg", "sier"], ["B-PER", "I-PER", "I-PER", "O"])
    assert ents(d) == [("Silje Rønneberg", "PER")]


def test_a_name_ending_in_an_organisation_noun_is_an_organisation() -> None:
    d = doc(["Danmarks", "Lærerforening", "mener"], ["B-PER", "I-PER", "O"])
    assert ents(d) == [("Danmarks Lærerforening", "ORG")]


def test_a_name_does_not_end_on_a_preposition() -> None:
    words = ["Norsk", "senter", "for", "menneskerettigheter", "mener", "at", "Darren", "på", "Larnington", "lyver"]
    d = doc(words, ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PER", "I-PER", "O", "O"])
    assert ents(d) == [("Norsk senter for menneskerettigheter", "ORG"), ("Darren", "PER")]
    d = doc(["FNs", "organisasjon", "for", "ernæring", "og", "landbruk", "sier"],
            ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"])
    assert ents(d) == [("FNs organisasjon for ernæring og landbruk", "ORG")]
    d = doc(["Senter", "for", "Oslo"], ["B-ORG", "I-ORG", "O"])  # nothing lower-case to complete it
    assert ents(d) == [("Senter", "ORG")]


def test_the_name_an_acronym_in_brackets_spells_out_becomes_the_organisation() -> None:
    from service.nlp.mentions.canonical import canonicalize

    words = ["Folkehelseinstituttet", "(", "FHI", ")", "opplyser", "at", "FHI", "ser", "økt", "smitte"]
    d = repair_entities(doc(words, ["O", "O", "B-ORG", "O", "O", "O", "B-ORG", "O", "O", "O"]))
    assert [(e.text, e.label_) for e in d.ents] == [("Folkehelseinstituttet", "ORG"), ("FHI", "ORG"), ("FHI", "ORG")]
    assert [e.canonical for e in canonicalize(d)] == ["Folkehelseinstituttet"] * 3
    # Only a word with an organisation's ending, and only before an acronym in brackets.
    d = doc(["Solberg", "(", "FHI", ")", "og", "Folkehelseinstituttet", "FHI"], ["O", "O", "B-ORG", "O", "O", "O", "B-ORG"])
    assert ents(d) == [("FHI", "ORG"), ("FHI", "ORG")]


def test_a_place_or_product_with_an_organisation_ending_is_an_organisation() -> None:
    words = ["Norgesgruppen", "og", "Forbrukerrådet", "i", "Bergen", "ser", "Vildanden"]
    d = doc(words, ["B-PROD", "O", "B-LOC", "O", "B-LOC", "O", "B-PROD"])
    assert ents(d) == [("Norgesgruppen", "ORG"), ("Forbrukerrådet", "ORG"), ("Bergen", "LOC"), ("Vildanden", "PROD")]


def test_a_generic_organisation_noun_is_not_a_name() -> None:
    d = doc(["Konsernet", "skriver", "at", "Selskapet", "Orkla", "vokser"], ["B-ORG", "O", "O", "B-ORG", "B-ORG", "O"])
    assert ents(d) == [("Orkla", "ORG")]


# ------------------------------------------------------------------ named steps and rules
# The examples are hand-annotated as the NER might label them, since what each step mends is
# the model's output.

Example = tuple[list[str], list[str], list[tuple[str, str]]]

#: step -> (words, the model's labels, the entities after the repair)
STEP_EXAMPLES: dict[str, Example] = {
    "_mend_each_span": (["Målvakt", "Silje", "Rønneberg", "sier"], ["B-PER", "I-PER", "I-PER", "O"],
                        [("Silje Rønneberg", "PER")]),
    "_surnames_of_full_names": (["James", "Marape", "kom", ".", "Marape", "sa"], ["B-PER", "I-PER", "O", "O", "O", "O"],
                                [("James Marape", "PER"), ("Marape", "PER")]),
    "_mislabelled_surnames": (["James", "Marape", "kom", ".", "Ifølge", "Marape"],
                              ["B-PER", "I-PER", "O", "O", "O", "B-LOC"],
                              [("James Marape", "PER"), ("Marape", "PER")]),
    "_missed_surnames": (["statsminister", "James", "Marape", ".", "Nå", "kommer", "Marape", "."],
                         ["O", "B-PER", "I-PER", "O", "O", "O", "O", "O"],
                         [("James Marape", "PER"), ("Marape", "PER")]),
    "_acronyms_spelled_out": (["Folkehelseinstituttet", "(", "FHI", ")", "opplyser"], ["O", "O", "B-ORG", "O", "O"],
                              [("Folkehelseinstituttet", "ORG"), ("FHI", "ORG")]),
    "_no_bare_common_nouns": (["Konsernet", "skriver", "at", "Orkla", "vokser"], ["B-ORG", "O", "O", "B-ORG", "O"],
                              [("Orkla", "ORG")]),
    "_one_label_per_name": (["Tafjord", "ligger", "ved", "Tafjord", "og", "Tafjord"],
                            ["B-GPE_LOC", "O", "O", "B-GPE_LOC", "O", "B-PER"], [("Tafjord", "GPE_LOC")] * 3),
    "_relabel_each_span": (["Ap-leder", "Mona", "Eide", "spurte"], ["B-DRV", "B-ORG", "I-ORG", "O"],
                           [("Ap-leder", "DRV"), ("Mona Eide", "PER")]),
}


def test_every_repair_step_has_an_example() -> None:
    assert [step.__name__ for step in repair.REPAIR_STEPS] == list(STEP_EXAMPLES)


@pytest.mark.parametrize("step", list(STEP_EXAMPLES))
def test_repair_step_mends_its_example(step: str) -> None:
    words, labels, expected = STEP_EXAMPLES[step]
    assert ents(doc(words, labels)) == expected


#: rule -> (words, the model's labels, the entities after the repair)
RELABEL_EXAMPLES: dict[str, Example] = {
    "_a_titled_name": (["Ap-leder", "Mona", "Eide", "spurte"], ["B-DRV", "B-ORG", "I-ORG", "O"],
                       [("Ap-leder", "DRV"), ("Mona Eide", "PER")]),
    "_a_mistyped_organisation": (["Norgesgruppen", "og", "Bergen"], ["B-PROD", "O", "B-LOC"],
                                 [("Norgesgruppen", "ORG"), ("Bergen", "LOC")]),
    "_a_state_that_is_a_surname": (["Lisa", "Paris", "sier", "at", "Paris", "vil"],
                                   ["B-PER", "I-PER", "O", "O", "B-PER", "O"], [("Lisa Paris", "PER"), ("Paris", "PER")]),
    "_a_state": (["Beijing", "avviser", "tallene"], ["B-PER", "O", "O"], [("Beijing", "GPE_LOC")]),
    "_named_after_an_organisation_noun": (["til", "plateselskapet", "Universal", "Music"], ["O", "O", "B-PER", "I-PER"],
                                          [("Universal Music", "ORG")]),
    "_an_acronym": (["tall", "fra", "CSIS"], ["O", "O", "B-PER"], [("CSIS", "ORG")]),
    "_an_organisations_ending": (["Danmarks", "Lærerforening", "mener"], ["B-PER", "I-PER", "O"],
                                 [("Danmarks Lærerforening", "ORG")]),
    "_a_news_outlet_or_institution": (["i", "Washington", "Post"], ["O", "B-PER", "I-PER"],
                                      [("Washington Post", "ORG")]),
}


def test_every_relabel_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in repair.RELABEL_RULES] == list(RELABEL_EXAMPLES)


@pytest.mark.parametrize("rule", list(RELABEL_EXAMPLES))
def test_relabel_rule_decides_its_example(rule: str) -> None:
    words, labels, expected = RELABEL_EXAMPLES[rule]
    assert ents(doc(words, labels)) == expected
