"""The named rules and steps that find who a claim is attributed to, each with a sentence it decides.

Every table's keys are the names of its sequence, in order, so a rule added or removed without
its example fails here; each example runs through the trained pipeline.
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from service.nlp.claims.sources import back_references, documents, frames, institutions, subjects
from service.nlp.claims.context import StoryContext




def claimant_of(nlp: Language, text: str, count: str) -> tuple[str, str]:
    """The canonical name and type of the claimant of the claim whose text is ``count``."""
    claims = {claim["text"]: claim for claim in nlp(text)._.claims}
    assert count in claims, (count, sorted(claims))
    claimant = claims[count]["claimant"]
    return claimant["canonical"], claimant["type"]


# ------------------------------------------------------------------ a country's or an alliance's institution

#: rule -> (text, the claim's count, claimant canonical, claimant type)
INSTITUTION_EXAMPLES: dict[str, tuple[str, str, str, str]] = {
    "_an_alliance_body_by_its_acronym": (
        "Omkring 1.200 NATO-soldater skal delta i øvelsen Swift Response i Nord-Makedonia og Albania i mai, "
        "opplyser alliansens militære hovedkvarter SHAPE.",
        "Omkring 1.200 NATO-soldater", "SHAPE", "organisation"),
    "_an_alliance_body": (
        "NATO-styrken i Romania skal vokse til rundt 5.000 soldater innen 2026, opplyser alliansens "
        "hovedkvarter i Brussel.",
        "rundt 5.000 soldater", "NATO", "organisation"),
    "_a_body_of_a_named_owner": (
        "Japan huser minst 50.000 amerikanske militære, ifølge en rapport fra Kongressens forskningstjeneste.",
        "minst 50.000 amerikanske militære", "Kongressens forskningstjeneste", "organisation"),
    "_a_countrys_office_holder": (
        "Det står fortsatt rundt 500 nederlandske soldater i Litauen, opplyste landets forsvarsminister tirsdag.",
        "rundt 500 nederlandske soldater", "Nederlands forsvarsminister", "person"),
    "_a_countrys_body": (
        "Tyrkia har anslagsvis 35 000 soldater på Nord-Kypros, hevder regjeringen i Nikosia.",
        "anslagsvis 35 000 soldater", "Kypros' regjering", "organisation"),
}


def test_every_institution_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in institutions.INSTITUTION_RULES] == list(INSTITUTION_EXAMPLES)


@pytest.mark.parametrize("rule", list(INSTITUTION_EXAMPLES))
def test_institution_rule_decides_its_example(nlp: Language, rule: str) -> None:
    text, count, canonical, kind = INSTITUTION_EXAMPLES[rule]
    assert claimant_of(nlp, text, count) == (canonical, kind)


# ------------------------------------------------------------------ a bare noun naming an earlier source again

#: rule -> (text, the claim's count, claimant canonical, claimant type)
BACK_REFERENCE_EXAMPLES: dict[str, tuple[str, str, str, str]] = {
    "_anonymous_sources_quoted_before": (
        "Minst åtte pakistanske soldater ble drept da TTP-krigere angrep en militærpost i Bannu natt til "
        "fredag, sier en sikkerhetskilde til nyhetsbyrået AFP. Ifølge kilden ble også 14 TTP-krigere drept "
        "i skuddvekslingen.",
        "14 TTP-krigere", "sikkerhetskilde", "anonymous"),
    "_sources_mentioned_before": (
        "Reuters har snakket med tre lokale kilder i Goma. Ifølge kildene har M23 rundt 2.000 krigere i byen.",
        "rundt 2.000 krigere", "lokale kilder", "anonymous"),
    "_a_claimant_by_its_noun": (
        "Hæren sier at 40 soldater ble drept. Ifølge avisen Le Monde har hæren 900 soldater i byen. "
        "Avisen skriver at 300 soldater ble såret.",
        "300 soldater", "Le Monde", "media"),
    "_an_institution_named_before": (
        "Thailands hær avviser kambodsjanske påstander om at over 50 thailandske soldater ble drept i "
        "kampene ved grensen mot Kambodsja forrige uke. Ifølge hæren ble tre soldater drept og 14 såret.",
        "tre soldater", "Thailands hær", "organisation"),
}


def test_every_back_reference_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in back_references.BACK_REFERENCE_RULES] == list(BACK_REFERENCE_EXAMPLES)


@pytest.mark.parametrize("rule", list(BACK_REFERENCE_EXAMPLES))
def test_back_reference_rule_decides_its_example(nlp: Language, rule: str) -> None:
    text, count, canonical, kind = BACK_REFERENCE_EXAMPLES[rule]
    assert claimant_of(nlp, text, count) == (canonical, kind)


# ------------------------------------------------------------------ the speaker of a quoted claim

#: step -> (text, the claim's count, whether the quote finder's quotes are read, claimant canonical, type).
#: Without the quote finder's quotes the later steps are what finds the speaker.
QUOTE_EXAMPLES: dict[str, tuple[str, str, bool, str, str]] = {
    "_the_quotes_speaker": (
        "– Vi har 300 soldater i Litauen. Det er ikke nok, sier Pål Jonson.", "300 soldater", True,
        "Pål Jonson", "person"),
    "_named_after_the_guillemets": (
        "«Russland har samlet 40.000 soldater ved grensen. Det er alvorlig», anslår Etterretningstjenesten.",
        "40.000 soldater", False, "Etterretningstjenesten", "organisation"),
    "_named_after_a_dash_quote": (
        "– Russland har 300 soldater der. Det er alvorlig, anslår Etterretningstjenesten.", "300 soldater",
        False, "Etterretningstjenesten", "organisation"),
}


def test_every_quote_step_has_an_example() -> None:
    assert [step.__name__ for step in frames.QUOTE_STEPS] == list(QUOTE_EXAMPLES)


@pytest.mark.parametrize("step", list(QUOTE_EXAMPLES))
def test_quote_step_finds_its_example(nlp: Language, step: str) -> None:
    text, count, with_quotes, canonical, kind = QUOTE_EXAMPLES[step]
    doc = nlp(text)
    story = StoryContext(doc, quotes=list(doc._.quotes or []) if with_quotes else [])
    start = text.index(count)
    claim = doc.char_span(start, start + len(count))
    assert claim is not None
    steps = {s.__name__: s for s in frames.QUOTE_STEPS}
    earlier = list(steps)[:list(steps).index(step)]
    assert all(steps[name](story, claim) is None for name in earlier)
    found = steps[step](story, claim)
    assert found is not None and (found.claimant["canonical"], found.claimant["type"]) == (canonical, kind)


# ------------------------------------------------------------------ the subject of a reporting verb

#: step -> (text, the reporting verb, the subject it finds)
SUBJECT_EXAMPLES: dict[str, tuple[str, str, str]] = {
    "_the_parsed_subject": (
        "Tyske myndigheter vil ikke bekrefte at 2.000 tyske soldater skal sendes til Litauen.", "bekrefte",
        "Tyske myndigheter"),
    "_the_subject_after_an_adverbial": (
        "I trusselvurderingen skriver tjenesten at styrken på Kolahalvøya kan vokse til over 30.000 soldater.",
        "skriver", "tjenesten"),
    "_the_words_before_the_verb": (
        "Minsk tilbakeviser at hundrevis av Wagner-soldater fortsatt oppholder seg i leiren ved Asipovitsjy, "
        "slik den ukrainske grensevakten hevder.", "tilbakeviser", "Minsk"),
}


def test_every_subject_step_has_an_example() -> None:
    assert [step.__name__ for step in subjects.SUBJECT_STEPS] == list(SUBJECT_EXAMPLES)


@pytest.mark.parametrize("step", list(SUBJECT_EXAMPLES))
def test_subject_step_finds_its_example(nlp: Language, step: str) -> None:
    text, verb, subject = SUBJECT_EXAMPLES[step]
    sent = list(nlp(text))
    k = [t.text for t in sent].index(verb)
    steps = {s.__name__: s for s in subjects.SUBJECT_STEPS}
    earlier = list(steps)[:list(steps).index(step)]
    assert not any(steps[name](sent, k) for name in earlier)
    assert " ".join(t.text for t in steps[step](sent, k) or []) == subject
    assert " ".join(t.text for t in subjects.subject_of_verb(sent, k)) == subject


# ------------------------------------------------------------------ the author of a document referred to again

#: step -> (text, the claim's count, claimant canonical, claimant type)
AUTHOR_EXAMPLES: dict[str, tuple[str, str, str, str]] = {
    "_a_document_from_someone": (
        "Burkina Fasos hær har mistet minst 400 soldater i angrep fra islamistiske grupper siden nyttår, viser "
        "en ny rapport fra konfliktdatabasen ACLED. Rapporten anslår at militsgruppen JNIM nå har mellom "
        "5.000 og 6.000 krigere i landet.",
        "mellom 5.000 og 6.000 krigere", "ACLED", "organisation"),
    "_the_institution_presenting_it": (
        "Den nederlandske militære etterretningstjenesten MIVD la tirsdag fram sin årlige rapport. Rapporten "
        "anslår at rundt 150.000 russiske soldater er drept siden krigen brøt ut.",
        "rundt 150.000 russiske soldater", "Nederlands etterretning", "organisation"),
}


def test_every_author_step_has_an_example() -> None:
    assert [step.__name__ for step in documents.AUTHOR_STEPS] == list(AUTHOR_EXAMPLES)


@pytest.mark.parametrize("step", list(AUTHOR_EXAMPLES))
def test_author_step_finds_its_example(nlp: Language, step: str) -> None:
    text, count, canonical, kind = AUTHOR_EXAMPLES[step]
    assert claimant_of(nlp, text, count) == (canonical, kind)


# ------------------------------------------------------------------ a person named after a role, set off by commas

#: (text, the claim's count, the person, the claimant's text from the role to the name)
APPOSITION_EXAMPLES: list[tuple[str, str, str, str]] = [
    ("Ukraina har mistet 400 soldater, sier lederen for forsvarskomiteen i Verkhovna Rada, Halyna Bondar, "
     "til NTB.", "400 soldater", "Halyna Bondar", "lederen for forsvarskomiteen i Verkhovna Rada, Halyna Bondar"),
    ("Norge sender 300 soldater, sier sjefen for Hæren, generalmajor Eirik Sandvold.", "300 soldater",
     "Eirik Sandvold", "sjefen for Hæren, generalmajor Eirik Sandvold"),
]


@pytest.mark.parametrize(("text", "count", "person", "span"), APPOSITION_EXAMPLES)
def test_a_role_names_the_person_after_it(nlp: Language, text: str, count: str, person: str, span: str) -> None:
    claims = {claim["text"]: claim for claim in nlp(text)._.claims}
    claimant = claims[count]["claimant"]
    assert (claimant["canonical"], claimant["type"], claimant["text"]) == (person, "person", span)


# ------------------------------------------------------------------ a named owner's unit, kept whole

#: (text, the claim's count, the unit's name): what it is for is kept, where it sits is not
OWNED_UNIT_EXAMPLES: list[tuple[str, str, str]] = [
    ("Houthiene har rundt 200.000 krigere, ifølge FNs ekspertpanel for Jemen.", "rundt 200.000 krigere",
     "FNs ekspertpanel for Jemen"),
    ("Rundt 8.000 vernepliktige møtte til sesjon i år, opplyser Forsvarets personell- og vernepliktssenter.",
     "Rundt 8.000 vernepliktige", "Forsvarets personell- og vernepliktssenter"),
    ("Rundt 600 soldater er på plass i Sahel, opplyser Forsvarets operative hovedkvarter i Bodø.",
     "Rundt 600 soldater", "Forsvarets operative hovedkvarter"),
]


@pytest.mark.parametrize(("text", "count", "unit"), OWNED_UNIT_EXAMPLES)
def test_a_named_owners_unit_is_kept_whole(nlp: Language, text: str, count: str, unit: str) -> None:
    assert claimant_of(nlp, text, count) == (unit, "organisation")
