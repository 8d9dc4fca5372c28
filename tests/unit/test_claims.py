"""Unit tests for troop-number claims (service.nlp.claims.component and its claim_* helpers)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from service.enrich import Enricher
from service.events import claim_events
from service.formats import parse
from service.nlp.claims.lexicon import military_context, troop_noun, troop_prefix
from service.nlp.claims.modality import modality_of
from service.nlp.lang.places import (
    canonical_side,
    country_of_adjective,
    genitive,
    place_of,
    side_of_word,
    theatre_for,
)
from service.nlp.claims.time import is_future, time_phrases
from service.nlp.claims.kinds import claim_type
from service.nlp.claims.component import extract_claims
from service.nlp.mentions.canonical import canonicalize
from service.nlp.claims.numbers import STYLES, format_number
from tests.schemas import validate_event

ARCHIVE = Path(__file__).resolve().parents[2] / "service" / "samples" / "archive"
SPAN_KEYS = ("claimant", "cue", "location", "time")
FRAME_KEYS = {"type", "text", "start", "end", "value", "min", "max", "hedge", "bound", "unit",
              "side", "location", "claimant", "cue", "modality", "time"}




@pytest.fixture(scope="module")
def blank() -> Language:
    pipeline = spacy.blank("nb")
    pipeline.add_pipe("sentencizer")
    return pipeline


def claims_of(nlp: Language, text: str) -> list[dict]:
    doc = nlp(text)
    assert_spans_slice(doc.text, doc._.claims)
    return doc._.claims


def assert_spans_slice(text: str, claims: list[dict]) -> None:
    for claim in claims:
        assert set(claim) == FRAME_KEYS
        assert text[claim["start"]:claim["end"]] == claim["text"]
        for key in SPAN_KEYS:
            span = claim[key]
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"], (key, span)


def canonical(value: dict | None) -> str | None:
    return None if value is None else value.get("canonical", value.get("text"))


def brief(claim: dict) -> dict:
    """A claim with its span objects reduced to their canonical name (or text)."""
    return {k: canonical(v) if isinstance(v, dict) else v for k, v in claim.items()}


# ----------------------------------------------------------- exact frames


def test_country_claimant_after_a_sentence_about_it(nlp: Language) -> None:
    text = ("Ukraina har lagt fram nye tall. Landet anslår at det nå står nesten 90.000 "
            "russiske soldater ved grensen.")
    claim, = claims_of(nlp, text)
    assert claim == {
        "type": "strength",
        "text": "nesten 90.000 russiske soldater", "start": 61, "end": 92,
        "value": 90000.0, "min": None, "max": 90000.0, "hedge": "nesten", "bound": "upper",
        "unit": "soldater", "side": "Russland",
        "location": {"text": "ved grensen", "start": 93, "end": 104, "canonical": "Ukraina",
                     "kind": "border"},
        "claimant": {"text": "Landet", "start": 32, "end": 38, "canonical": "Ukraina",
                     "type": "country"},
        "cue": {"text": "anslår", "start": 39, "end": 45},
        "modality": "estimated",
        "time": {"text": "nå", "start": 53, "end": 55},
    }


def test_parenthetical_cue_and_projection(nlp: Language) -> None:
    text = "Opp mot 30.000 NATO-soldater skal delta i øvelsen i Troms i mars, opplyser Forsvaret."
    claim, = claims_of(nlp, text)
    assert claim == {
        "type": "deployment",
        "text": "Opp mot 30.000 NATO-soldater", "start": 0, "end": 28,
        "value": 30000.0, "min": None, "max": 30000.0, "hedge": "Opp mot", "bound": "upper",
        "unit": "NATO-soldater", "side": "NATO",
        "location": {"text": "i øvelsen i Troms", "start": 40, "end": 57, "canonical": "Troms",
                     "kind": "region"},
        "claimant": {"text": "Forsvaret", "start": 75, "end": 84, "canonical": "Forsvaret",
                     "type": "organisation"},
        "cue": {"text": "opplyser", "start": 66, "end": 74},
        "modality": "projected",
        "time": {"text": "i mars", "start": 58, "end": 64},
    }


def test_unattributed_claim_is_the_agencys(nlp: Language) -> None:
    text = "Omkring 700 fallskjermjegere fra den amerikanske 82. luftbårne divisjon landet i Polen tirsdag."
    claim, = claims_of(nlp, text)
    assert claim["claimant"] == {"text": "", "start": 0, "end": 0, "canonical": "NTB", "type": "agency"}
    assert claim["cue"] is None
    assert brief(claim) | {"claimant": None} == {
        "type": "deployment", "text": "Omkring 700 fallskjermjegere", "start": 0, "end": 28,
        "value": 700.0, "min": None, "max": None, "hedge": "Omkring", "bound": "approximate",
        "unit": "fallskjermjegere", "side": "USA", "location": "Polen", "claimant": None,
        "cue": None, "modality": "asserted", "time": "tirsdag",
    }


# ----------------------------------------------------------- one pattern each

PATTERNS = [
    pytest.param(
        "Hamas har ifølge israelske kilder mellom 20.000 og 25.000 krigere i Gaza.",
        {"text": "mellom 20.000 og 25.000 krigere", "value": None, "min": 20000.0, "max": 25000.0,
         "bound": "range", "side": "Hamas", "location": "Gaza", "claimant": "israelske kilder",
         "cue": "ifølge", "modality": "asserted", "type": "strength"},
        id="ifolge-anonymous-range"),
    pytest.param(
        "USA vil trekke ut rundt 2.000 soldater fra Syria i løpet av våren, melder nyhetsbyrået Reuters.",
        {"type": "withdrawal", "side": "USA", "location": "Syria", "claimant": "Reuters",
         "modality": "projected", "time": "i løpet av våren", "bound": "approximate"},
        id="withdrawal-media"),
    pytest.param(
        "Ifølge ukrainske myndigheter er over 30.000 russiske soldater drept eller såret i kampene om Bakhmut.",
        {"type": "casualties", "side": "Russland", "location": "Bakhmut",
         "claimant": "Ukrainas myndigheter", "min": 30000.0, "max": None, "bound": "lower"},
        id="casualties-national-institution"),
    pytest.param(
        "Kanada skal sende ytterligere 2.200 soldater til Latvia, opplyser forsvarsminister Bill Blair.",
        {"type": "reinforcement", "side": "Canada", "location": "Latvia", "claimant": "Bill Blair",
         "modality": "projected", "value": 2200.0},
        id="reinforcement-person"),
    pytest.param(
        "Den russiske regjeringen avviser at det står 100.000 soldater ved grensen til Ukraina.",
        {"modality": "denied", "cue": "avviser", "claimant": "Russlands regjering",
         "side": "Russland", "location": "Ukraina"},
        id="denied"),
    pytest.param(
        "Dersom Russland mobiliserer ytterligere, kan den russiske hæren få inntil 200.000 nye "
        "soldater ved fronten innen sommeren, skriver tankesmien ISW i en analyse.",
        {"modality": "hypothetical", "type": "reinforcement", "claimant": "ISW",
         "time": "innen sommeren", "hedge": "inntil"},
        id="hypothetical"),
    pytest.param(
        "Vestlige etterretningskilder mener Russland kan ha så mange som 700.000 soldater i Ukraina.",
        {"modality": "estimated", "hedge": "så mange som", "bound": "upper", "max": 700000.0,
         "min": None, "claimant": "vestlige etterretningskilder"},
        id="kan-ha-estimate"),
    pytest.param(
        "Ifølge Reuters, som viser til kilder i Pentagon, vil USA sende ytterligere 3.000 soldater til Polen.",
        {"claimant": "kilder i Pentagon", "cue": "Ifølge", "side": "USA", "type": "reinforcement"},
        id="ifolge-chain"),
    pytest.param(
        "Kina har samlet titusenvis av soldater langs kysten overfor Taiwan, hevder taiwanske myndigheter.",
        {"min": 10000.0, "max": 99999.0, "bound": "range", "unit": "soldater", "side": "Kina",
         "location": "Taiwan", "claimant": "Taiwans myndigheter", "type": "deployment"},
        id="magnitude"),
    pytest.param(
        "Polen planlegger å øke antallet soldater til 300.000 innen 2035, sier forsvarsminister "
        "Mariusz Błaszczak.",
        {"text": "soldater til 300.000", "value": 300000.0, "type": "reinforcement",
         "modality": "projected", "time": "innen 2035", "claimant": "Mariusz Błaszczak"},
        id="noun-before-number"),
    pytest.param(
        "Regjeringen foreslår å øke antallet vernepliktige fra 9.000 til 10.500 innen 2026.",
        {"value": 10500.0, "min": 10500.0, "max": 10500.0, "bound": "exact", "side": "Norge",
         "claimant": "Regjeringen", "cue": "foreslår"},
        id="change-from-to"),
    pytest.param(
        "«Vi ser at Russland har flyttet anslagsvis 20.000 soldater nærmere grensen mot Finland», "
        "sier Finlands forsvarsminister Antti Häkkänen til NTB.",
        {"claimant": "Antti Häkkänen", "modality": "estimated", "location": "Finland",
         "type": "deployment"},
        id="quote-speaker"),
    pytest.param(
        "Etter det NTB erfarer, vurderer regjeringen å sende opptil 50 norske spesialsoldater til Irak.",
        {"claimant": "NTB", "cue": "erfarer", "side": "Norge", "unit": "spesialsoldater"},
        id="agency-explicit"),
    pytest.param(
        "I fjor falt om lag 1.500 ukrainske soldater i kampene rundt Avdijivka, ifølge en ny "
        "rapport fra tankesmien RUSI.",
        {"type": "casualties", "claimant": "RUSI", "time": "I fjor", "location": "Avdijivka"},
        id="report-author"),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_pattern(nlp: Language, text: str, expected: dict) -> None:
    claim, = claims_of(nlp, text)
    got = brief(claim)
    assert {k: got[k] for k in expected} == expected


def test_pronoun_and_role_claimants(nlp: Language) -> None:
    text = ("– Vi har rundt 40.000 soldater klare, sier oberst Ivan Petrenko i den ukrainske hæren "
            "til NTB. Han anslår at russerne har mistet over 5.000 mann i kampene den siste måneden.")
    ours, theirs = claims_of(nlp, text)
    assert (ours["side"], canonical(ours["claimant"])) == ("Ukraina", "Ivan Petrenko")
    assert (theirs["side"], theirs["type"], theirs["modality"]) == ("Russland", "casualties", "estimated")
    assert canonical(theirs["claimant"]) == "Ivan Petrenko" and theirs["claimant"]["text"] == "Han"

    text = ("Forsvarsminister Pål Jonson la onsdag fram en ny plan. Ministeren sier at Sverige vil "
            "forsterke hæren med tjue tusen vernepliktige innen 2030.")
    claim, = claims_of(nlp, text)
    assert (canonical(claim["claimant"]), claim["value"], claim["side"]) == ("Pål Jonson", 20000.0, "Sverige")


def test_landets_regjering_is_the_country_named_before(nlp: Language) -> None:
    text = ("Ukraina har lagt fram nye tall for fronten i øst. Landets regjering opplyser at "
            "Russland har samlet rundt 60.000 soldater nær Pokrovsk.")
    claim, = claims_of(nlp, text)
    assert claim["claimant"]["canonical"] == "Ukrainas regjering"
    assert claim["claimant"]["text"] == "Landets regjering"


def test_landets_in_the_claims_sentence_is_the_troops_country(nlp: Language) -> None:
    text = "Rundt 800 danske soldater er nå utplassert i Estland, opplyser landets forsvarsminister."
    claim, = claims_of(nlp, text)
    assert canonical(claim["claimant"]) == "Danmarks forsvarsminister"


def test_according_to_belongs_to_its_own_clause(nlp: Language) -> None:
    text = ("Hamas har ifølge amerikanske beregninger mellom 20.000 og 25.000 stridende, "
            "men gruppen selv hevder å ha over 40.000.")
    theirs, own = claims_of(nlp, text)
    assert theirs["claimant"]["text"] == "amerikanske beregninger"
    assert (canonical(own["claimant"]), own["cue"]["text"]) == ("Hamas", "hevder")


def test_document_compound_names_its_author(nlp: Language) -> None:
    text = "Ifølge NATO-rapporten har Russland rundt 30.000 soldater i Kaliningrad."
    claim, = claims_of(nlp, text)
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("NATO", "organisation")


def test_one_of_a_persons_guards_is_anonymous(nlp: Language) -> None:
    text = "Rundt 40 soldater omringet huset, sier en av Mahmouds sjåfører."
    claim, = claims_of(nlp, text)
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("en av Mahmouds sjåfører", "anonymous")


def test_lowercase_army_is_not_norways(nlp: Language) -> None:
    text = "Ca. 3000 soldater fra den serbiske hæren deltar i øvelsen, opplyser forsvarsdepartementet i Beograd."
    claim, = claims_of(nlp, text)
    assert claim["side"] == "Serbia"


def test_a_list_of_countries_does_not_end_the_clause(nlp: Language) -> None:
    text = ("Inntil 4.000 soldater fra Danmark, Sverige og Finland kan bli sendt til Latvia "
            "neste år, skriver Politico.")
    claim, = claims_of(nlp, text)
    assert (claim["modality"], claim["type"], canonical(claim["location"])) == ("projected", "deployment", "Latvia")


def test_an_unnamed_sources_employer_is_not_the_side(nlp: Language) -> None:
    text = "Ifølge kilder i det franske forsvarsdepartementet har militsen rundt 8.000 krigere i Sahel."
    claim, = claims_of(nlp, text)
    assert claim["claimant"]["type"] == "anonymous" and claim["side"] != "Frankrike"


@pytest.mark.parametrize(("text", "claimant", "kind"), [
    ("Norge vil øke Hæren med 2.000 soldater innen 2030, sier forsvarsministeren i Oslo.",
     "Norges forsvarsminister", "person"),
    ("Ifølge en fersk NATO-analyse har Russland rundt 70.000 soldater nær Finland.", "NATO", "organisation"),
    ("Rundt 4.000 soldater skal sendes til Slovakia, opplyser alliansens hovedkvarter i Brussel.",
     "NATO", "organisation"),
    ("Nord-Korea har sendt rundt 10.000 soldater til Russland, melder nyhetsbyrået Yonhap.", "Yonhap", "media"),
    ("Den svenske etterretningstjenesten Must la onsdag fram sin årsrapport. Rapporten anslår at "
     "Russland har rundt 20.000 soldater i Kaliningrad.", "Sveriges etterretning", "organisation"),
    ("Russland har ifølge polsk etterretning utplassert minst 5.000 soldater i Belarus.",
     "Polens etterretning", "organisation"),
    ("Vi vet at det står 800 soldater der, ifølge en rapport fra Stortingets utredningsseksjon.",
     "Stortingets utredningsseksjon", "organisation"),
])
def test_claimant_resolution(nlp: Language, text: str, claimant: str, kind: str) -> None:
    claim, = claims_of(nlp, text)
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == (claimant, kind)


def test_countries_beyond_europe_are_sides(nlp: Language) -> None:
    claim, = claims_of(nlp, "Kenya har rundt 3.000 soldater i Haiti, melder AFP.")
    assert (claim["side"], canonical(claim["location"])) == ("Kenya", "Haiti")


def test_a_while_clause_has_its_own_type(nlp: Language) -> None:
    text = ("Rundt 300 soldater fra den nigerianske hæren er drept i nordøst i år, "
            "mens Boko Haram har om lag 4.000 krigere, ifølge Reuters.")
    killed, fighters = claims_of(nlp, text)
    assert (killed["type"], fighters["type"]) == ("casualties", "strength")


def test_growth_and_on_the_way_out() -> None:
    assert claim_type(["styrken", "skal", "vokse", "til", "rundt"]) == "reinforcement"
    assert claim_type(["soldater", "er", "på", "vei", "ut", "av", "landet"]) == "withdrawal"


@pytest.mark.parametrize(("text", "claimant", "kind"), [
    ("Hellas styrker grensevakten etter uroen ved grensen mot Tyrkia. Landets forsvarsminister sier at "
     "rundt 1.200 soldater skal sendes til Evros.", "Hellas' forsvarsminister", "person"),
    ("Over 30 soldater ble drept i et bakholdsangrep i Mali, sier tre lokale kilder til AFP. "
     "Ytterligere 12 soldater er savnet, ifølge kildene.", "lokale kilder", "anonymous"),
    ("Angrepet kan komme i vår, advarer den litauiske militære etterretningstjenesten. Ifølge "
     "etterretningstjenesten har Russland samlet over 20.000 soldater nær Suwałki.",
     "Litauens etterretning", "organisation"),
    ("Minst 600 soldater er drept i år, viser en ny rapport fra forskningsinstituttet SIPRI. "
     "Rapporten anslår at opprørerne har rundt 3.000 krigere.", "SIPRI", "organisation"),
    ("«Vi trenger 20.000 nye soldater», sier sjefen for forsvarsstaben i Riga, Ivars Kalniņš, til NTB.",
     "Ivars Kalniņš", "person"),
    ("Tyrkia har sendt om lag 2.000 soldater til Nord-Irak, opplyser Bagdad.", "Irak", "country"),
])
def test_claimants_referred_back_and_named_later(nlp: Language, text: str, claimant: str, kind: str) -> None:
    last = claims_of(nlp, text)[-1]
    assert (canonical(last["claimant"]).casefold(), last["claimant"]["type"]) == (claimant.casefold(), kind)


def test_a_condition_belongs_to_its_own_clause(nlp: Language) -> None:
    text = ("– Vi har rundt 5.000 soldater i området nå, og ytterligere 2.000 kan bli sendt "
            "dersom situasjonen forverres, sier oberst Lena Berg.")
    now, later = claims_of(nlp, text)
    assert (now["modality"], later["modality"]) == ("asserted", "hypothetical")


def test_a_dismissed_claim_is_denied(nlp: Language) -> None:
    text = "Påstanden om at 5.000 tsjetsjenske soldater er på vei til Kherson, er «ren propaganda», sier Kyiv."
    claim, = claims_of(nlp, text)
    assert claim["modality"] == "denied"


def test_coming_home_is_a_withdrawal(nlp: Language) -> None:
    text = "De 40 norske soldatene i Irak kommer hjem innen jul, opplyser Forsvaret."
    claim, = claims_of(nlp, text)
    assert (claim["type"], claim["modality"], claim["time"]["text"]) == ("withdrawal", "projected", "innen jul")


@pytest.mark.parametrize(("text", "claimant", "kind"), [
    ("Nederland har trukket ut 600 soldater fra Irak, sier landets forsvarssjef Onno Eichelsheim. "
     "Ifølge ham står det nå under 100 nederlandske soldater igjen.", "Onno Eichelsheim", "person"),
    ("Kenya sender 1.000 politifolk og rundt 400 soldater til Haiti, opplyser talspersonen for "
     "Kenyas forsvar, oberst Paul Njuguna.", "Paul Njuguna", "person"),
    ("Ifølge den britiske avisen The Telegraph har Iran rundt 3.000 soldater i Syria.",
     "The Telegraph", "media"),
    ("Omkring 500 soldater er sendt til grensen, opplyser forsvarsdepartementet i Ljubljana.",
     "Slovenias forsvarsdepartement", "organisation"),
])
def test_claimants_named_in_apposition_or_described(nlp: Language, text: str, claimant: str, kind: str) -> None:
    last = claims_of(nlp, text)[-1]
    assert (canonical(last["claimant"]), last["claimant"]["type"]) == (claimant, kind)


def test_a_named_armed_group_is_the_side(nlp: Language) -> None:
    claim, = claims_of(nlp, "Militsgruppen ADF har rundt 1.500 krigere i Øst-Kongo, anslår FN.")
    assert claim["side"] == "ADF"


def test_a_name_before_a_preposition_is_no_genitive(nlp: Language) -> None:
    doc = nlp("Det sier forsvarsminister Nikos Dendias til avisen. Dendias vil ikke si mer.")
    assert "Nikos Dendias" in {e.canonical for e in canonicalize(doc)}


def test_a_place_no_list_knows_is_still_the_location(nlp: Language) -> None:
    claim, = claims_of(nlp, "Rundt 700 soldater er sendt til havnebyen Bossaso, opplyser regjeringen i Mogadishu.")
    assert canonical(claim["location"]) == "Bossaso"
    claim, = claims_of(nlp, "Over 90.000 soldater deltar i NATOs største øvelse på flere tiår.")
    assert claim["location"] is None


def test_side_from_the_force_a_count_belongs_to(nlp: Language) -> None:
    peacekeepers, = claims_of(nlp, "Av de rundt 10.000 soldatene i FN-styrken i Libanon kommer 800 fra Italia.")[:1]
    assert peacekeepers["side"] == "FN"
    claim, = claims_of(nlp, "Om lag 5.000 soldater fra 11 land deltar i øvelsen, opplyser Forsvaret.")
    assert claim["side"] is None
    claim, = claims_of(nlp, "Rundt 300 HV-soldater er satt inn i Finnmark, opplyser politiet.")
    assert claim["side"] == "Norge"
    last = claims_of(nlp, "Litauen melder om tap. Armenia oppgir at 9 av landets soldater er drept.")[-1]
    assert last["side"] == "Armenia"


def test_passive_estimate_is_the_agencys_with_its_cue(nlp: Language) -> None:
    claim, = claims_of(nlp, "Styrken til militsen anslås nå til rundt 8.000 krigere.")
    assert (claim["claimant"]["canonical"], claim["cue"]["text"], claim["modality"]) == ("NTB", "anslås", "estimated")


def test_more_type_cues(nlp: Language) -> None:
    assert claims_of(nlp, "Angrepet kostet over 40 maliske soldater livet, skriver AFP.")[0]["type"] == "casualties"
    assert claims_of(nlp, "Rundt 6.000 rekrutter møter til tjeneste i august, opplyser Forsvaret.")[0]["type"] \
        == "reinforcement"
    assert claims_of(nlp, "Sverige kan bidra med 150 soldater til styrken, sier Pål Jonson.")[0]["type"] == "deployment"


def test_source_named_in_the_next_sentence(nlp: Language) -> None:
    text = ("Den russiske marineinfanteribrigaden har mistet rundt 1.000 mann i Kursk. "
            "Det anslår den finske etterretningstjenesten i en ny rapport.")
    claim, = claims_of(nlp, text)
    assert (canonical(claim["claimant"]), claim["cue"]["text"], claim["modality"]) == \
        ("Finlands etterretning", "anslår", "estimated")


def test_relative_clause_on_the_count_is_skipped(nlp: Language) -> None:
    text = "De rundt 60 belgiske soldatene som er igjen, skal etter planen ha forlatt Niger innen mai."
    claim, = claims_of(nlp, text)
    assert (claim["type"], claim["modality"]) == ("withdrawal", "projected")


@pytest.mark.parametrize(("text", "modality"), [
    ("Det er ren propaganda at Berlin sender 3.000 soldater til Litauen, sier en talsperson.", "denied"),
    ("Skulle krigen spre seg, kan hæren mobilisere 50.000 soldater, sier forsvarssjefen.", "hypothetical"),
])
def test_dismissals_and_inverted_conditions(nlp: Language, text: str, modality: str) -> None:
    assert claims_of(nlp, text)[0]["modality"] == modality


def test_sides_from_context(nlp: Language) -> None:
    claim, = claims_of(nlp, "Chiles regjering har erklært unntakstilstand. Rundt 2.000 soldater skal "
                            "patruljere gatene i Santiago, opplyser innenriksministeren.")
    assert (claim["side"], claim["type"]) == ("Chile", "deployment")
    claim, = claims_of(nlp, "Minst 12 soldater er drept, sier en offiser i den nigerske hæren til AFP.")
    assert claim["side"] == "Niger"


def test_round_seven_patterns(nlp: Language) -> None:
    claim, = claims_of(nlp, "Om lag 600 soldater er satt inn i Cabo Delgado, sier forsvarsministeren i Maputo.")
    assert claim["modality"] == "asserted"  # "Om lag" is no condition
    claim, = claims_of(nlp, "Det italienske forsvarsdepartementet opplyser at kontingenten i Latvia skal "
                            "styrkes med 150 soldater.")
    assert (claim["side"], claim["type"]) == ("Italia", "reinforcement")
    claim, = claims_of(nlp, "Polen har hentet hjem 80 soldater fra Kosovo, opplyser Forsvaret.")
    assert claim["type"] == "withdrawal"
    claim, = claims_of(nlp, "Over 60 IS-krigere er «nøytralisert» i Raqqa, hevder SDF.")
    assert claim["type"] == "casualties"
    last = claims_of(nlp, "Malis regjering avviser tallene. Ifølge regjeringen ble 12 soldater drept.")[-1]
    assert canonical(last["claimant"]) == "Malis regjering"
    claim, = claims_of(nlp, "Russland har rundt 1.500 soldater i Abkhasia, melder radiostasjonen Ekho Kavkaza.")
    assert claim["claimant"]["type"] == "media"


def test_elliptical_correction_is_a_second_claim(nlp: Language) -> None:
    text = "– Russland har ikke 150.000 soldater ved grensen, men snarere rundt 50.000, sier Darius Antanaitis."
    denied, corrected = claims_of(nlp, text)
    assert (denied["value"], denied["modality"]) == (150000.0, "denied")
    assert (corrected["text"], corrected["unit"], corrected["modality"]) == ("rundt 50.000", "soldater", "asserted")
    assert corrected["side"] == "Russland"


def test_side_carries_over_within_a_story(nlp: Language) -> None:
    text = ("Den norske kontingenten i Litauen består av drøyt 200 soldater, opplyser Hæren. "
            "Styrken skal etter planen reduseres til rundt 150 soldater i løpet av høsten.")
    first, second = claims_of(nlp, text)
    assert (first["side"], first["location"]["canonical"]) == ("Norge", "Litauen")
    assert canonical(first["claimant"]) == "Hæren" and first["claimant"]["type"] == "organisation"
    assert (second["type"], second["side"], second["modality"]) == ("withdrawal", "Norge", "projected")


# ----------------------------------------------------------- not troop claims

def test_many_word_countries_and_capitals(nlp: Language) -> None:
    claim, = claims_of(nlp, "Rundt 900 soldater er satt inn mot bandene, opplyser innenriksdepartementet "
                            "i Port Moresby.")
    assert canonical(claim["claimant"]) == "Papua Ny-Guineas innenriksdepartement"
    claim, = claims_of(nlp, "Sri Lanka har trukket 1.200 soldater ut av nord, sier forsvarsministeren i Colombo.")
    assert claim["side"] == "Sri Lanka"
    claim, = claims_of(nlp, "Minst 40 sentralafrikanske soldater er drept, opplyser hæren i Bangui.")
    assert claim["side"] == "Den sentralafrikanske republikk"
    claim, = claims_of(nlp, "AMISOM hadde på det meste over 22.000 soldater i landet, ifølge FN.")
    assert claim["side"] == "AU"


def test_a_ruler_in_a_country_and_sides_only_one_country_fits(nlp: Language) -> None:
    claim, = claims_of(nlp, "Regimet i Eritrea har mobilisert minst 30.000 reservister, melder BBC.")
    assert claim["side"] == "Eritrea"
    claim, = claims_of(nlp, "Kontingenten i Sierra Leone teller rundt 400 soldater, opplyser FN.")
    assert claim["side"] != "Sierra Leone"  # where the troops are, not whose
    claim, = claims_of(nlp, "Guvernøren har satt inn 1.500 nasjonalgardister etter flommen.")
    assert claim["side"] == "USA"
    claim, = claims_of(nlp, "Rundt 700 rekrutter startet førstegangstjeneste på Skjold mandag.")
    assert claim["side"] == "Norge"
    claim, = claims_of(nlp, "Rundt 700 rekrutter fra Danmark startet førstegangstjeneste mandag.")
    assert claim["side"] == "Danmark"


def test_a_month_ahead_of_a_present_action_is_a_plan(nlp: Language) -> None:
    claim, = claims_of(nlp, "Danmark sender rundt 300 soldater til Latvia i løpet av våren, opplyser Forsvaret.")
    assert claim["modality"] == "projected"
    claim, = claims_of(nlp, "Danmark sendte rundt 300 soldater til Latvia i løpet av våren, opplyser Forsvaret.")
    assert claim["modality"] == "asserted"
    claim, = claims_of(nlp, "Danmark har rundt 300 soldater i Latvia i mai, opplyser Forsvaret.")
    assert claim["modality"] == "asserted"  # a state, not a plan
    claim, = claims_of(nlp, "Rundt 5.000 soldater fra Frankrike, Italia og fire andre land skal øve i "
                            "Romania i oktober.")
    assert (claim["modality"], claim["type"]) == ("projected", "deployment")


@pytest.mark.parametrize(("text", "claimant", "kind"), [
    ("Russland har rundt 3.000 soldater i Transnistria, skriver den tyske avisen Die Zeit. Ifølge avisen "
     "er 500 av dem lokale rekrutter.", "Die Zeit", "media"),
    ("Minst 12 soldater ble drept i Kidal, sier tre maliske offiserer til AFP. Ytterligere 20 soldater er "
     "såret, ifølge offiserene.", "maliske offiserer", "anonymous"),
    ("Ifølge tankesmien International Crisis Group (ICG) har opprørerne rundt 5.000 krigere.", "ICG",
     "organisation"),
    ("Rundt 600 soldater er på plass i Sahel, opplyser Forsvarets operative hovedkvarter.",
     "Forsvarets operative hovedkvarter", "organisation"),
    ("Al-Shabaab har mistet rundt 300 krigere siden mai, viser en rapport fra FNs overvåkingsgruppe "
     "for Somalia.", "FNs overvåkingsgruppe for Somalia", "organisation"),
    ("Tyrkia har rundt 3.000 soldater i Nord-Irak, ifølge Forsvarets forsknings- og analyseenhet.",
     "Forsvarets forsknings- og analyseenhet", "organisation"),
    ("Rundt 80.000 russiske soldater står nær Kupjansk, sier øverstkommanderende for de ukrainske "
     "landstyrkene, Mykhajlo Drapatyj.", "Mykhajlo Drapatyj", "person"),
])
def test_round_nine_claimants(nlp: Language, text: str, claimant: str, kind: str) -> None:
    claim = claims_of(nlp, text)[-1]
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == (claimant, kind)


def test_round_nine_sides_and_conditions(nlp: Language) -> None:
    claim, = claims_of(nlp, "Hamas benekter at organisasjonen har mistet 20.000 krigere i Gaza.")
    assert claim["side"] == "Hamas"
    claim, = claims_of(nlp, "Om nødvendig kan regjeringen sende 4.000 soldater til grensen, sier Perus "
                            "forsvarsminister.")
    assert claim["side"] == "Peru"
    claim, = claims_of(nlp, "Ved et kinesisk angrep på Taiwan kan Japan sette inn 10.000 soldater på "
                            "Okinawa, sier en japansk general.")
    assert (claim["side"], claim["modality"]) == ("Japan", "hypothetical")
    claim, = claims_of(nlp, "Hæren sier at over 90 al-Shabaab-krigere ble drept.")
    assert claim["side"] == "al-Shabaab"
    claim, = claims_of(nlp, "Russland har konsentrert 50.000 soldater nær Sumy, sier Zelenskyj.")
    assert claim["type"] == "deployment"


@pytest.mark.parametrize(("text", "place"), [
    ("Rundt 500 soldater er samlet nær Kidira i Tambacounda-regionen, opplyser hæren.", "Kidira"),
    ("Over 30 soldater falt i kampene om Tabqa forrige uke, hevder SDF.", "Tabqa"),
    ("Israel har trukket 2.000 soldater ut av Rafah, melder Haaretz.", "Rafah"),
    ("Minst 14 soldater ble drept i Tsjorne-dalen natt til fredag.", "Tsjorne"),
    ("Hæren har forsterket garnisonen i Tefé i delstaten Amazonas med 300 soldater.", "Tefé"),
    ("Rundt 900 soldater er sendt til Sool-regionen i Somalia, opplyser regjeringen.", "Sool"),
    ("Irland har 340 blåhjelmer i FN-styrken i Libanon, opplyser Forsvaret.", "Libanon"),
    ("Russland har om lag 1.500 leiesoldater i Den sentralafrikanske republikk.", "Den sentralafrikanske republikk"),
    ("Et tysk skip med rundt 600 soldater la til kai i havnebyen Klaipėda nord i Litauen.", "Klaipėda"),
    ("USA vil redusere styrken ved basen Ain al-Asad med 500 soldater.", "Ain al-Asad"),
])
def test_the_most_specific_place_no_list_knows(nlp: Language, text: str, place: str) -> None:
    claim, = claims_of(nlp, text)
    assert claim["location"] is not None and claim["location"]["canonical"] == place


def test_bare_numbers_that_stand_for_a_count_just_named(nlp: Language) -> None:
    text = ("Hizbollah har mistet over 2.000 krigere siden mars, hevder Israel. Libanesiske kilder "
            "anslår tallet til rundt 1.200.")
    first, second = claims_of(nlp, text)
    assert (second["text"], second["unit"], second["type"]) == ("rundt 1.200", "krigere", "casualties")
    text = "Estland har i dag rundt 7.000 soldater i aktiv tjeneste. Målet er 9.000 innen 2030."
    first, second = claims_of(nlp, text)
    assert (second["value"], second["modality"]) == (9000.0, "projected")
    text = "Rundt 3.000 soldater deltar i øvelsen. Av disse kommer rundt 1.100 fra Tyskland."
    first, second = claims_of(nlp, text)
    assert (second["text"], second["side"]) == ("rundt 1.100", "Tyskland")
    assert second["location"] is None or second["location"]["canonical"] != "Tyskland"
    text = "Minst 40 soldater ble drept i angrepet, opplyser hæren. Tallet på sivile ofre er 4.500."
    assert [c["text"] for c in claims_of(nlp, text)] == ["Minst 40 soldater"]
    text = "Rundt 900 soldater er sendt til Mali, opplyser Forsvaret. Prislappen er anslått til 500 millioner."
    assert len(claims_of(nlp, text)) == 1


def test_round_ten_patterns(nlp: Language) -> None:
    assert claims_of(nlp, "Island har ingen hær, men en politistyrke på rundt 900 mann.") == []
    assert claims_of(nlp, "Sjøforsvaret hentet 11 mann fra en synkende fiskebåt utenfor Vardø.") == []
    claim, = claims_of(nlp, "Vanuatu har sendt rundt 30 militære til Ny-Caledonia, opplyser landets regjering.")
    assert (claim["side"], canonical(claim["claimant"])) == ("Vanuatu", "Vanuatus regjering")
    claim, = claims_of(nlp, "Rundt 400 svenske og finske soldater øver i Finnmark.")
    assert claim["side"] is None
    claim, = claims_of(nlp, "Nepal har om lag 1.200 blåhjelmer i FN-styrken i Libanon.")
    assert claim["side"] == "Nepal"
    second = claims_of(nlp, "Mali har rundt 20.000 soldater, mens militsgruppen Jama'at Nusrat al-Islam "
                            "har cirka 6.000 krigere, anslår ACLED.")[-1]
    assert second["side"].startswith("Jama'at")
    claim, = claims_of(nlp, "Om lag 900 soldater skal øve i Polen, opplyser alliansens landkommando LANDCOM.")
    assert canonical(claim["claimant"]) == "LANDCOM"
    claims = claims_of(nlp, "Russland har ikke 9.000 soldater i Abkhasia, bare rundt 3.500 ved basen i "
                            "Gudauta, sier en talsperson.")
    assert [c["text"] for c in claims] == ["9.000 soldater", "rundt 3.500"]
    claims = claims_of(nlp, "Fire soldater omkom og seks ble såret i angrepet, opplyser hæren.")
    assert [c["value"] for c in claims] == [4.0, 6.0]


def test_back_to_the_sources_named_before(nlp: Language) -> None:
    text = ("Tyrkia har flyttet 2.000 soldater til grensen, sier to diplomater i Ankara til Reuters. "
            "Ifølge kildene kan ytterligere 1.000 følge etter.")
    assert canonical(claims_of(nlp, text)[-1]["claimant"]) == "diplomater i Ankara"


def test_round_eleven_patterns(nlp: Language) -> None:
    assert claims_of(nlp, "Hver vogn har plass til ni soldater og en besetning på tre.") == []
    assert claims_of(nlp, "Over 4.000 vernepliktige har svart på undersøkelsen om kosthold i Forsvaret.") == []
    assert claims_of(nlp, "Rundt 3.000 menn i stridsdyktig alder har søkt asyl i Georgia siden mobiliseringen.") == []
    claim, = claims_of(nlp, "Eritrea har mobilisert rundt 50.000 menn de siste ukene, opplyser FN.")
    assert (claim["unit"], claim["side"]) == ("menn", "Eritrea")
    claim, = claims_of(nlp, "Tsjad har på sin side rundt 2.000 soldater i området, ifølge rapporten.")
    assert claim["value"] == 2000.0
    claims = claims_of(nlp, "Opprørerne drepte fire nigerske soldater og såret seks ved Tillia, opplyser hæren.")
    assert [(c["value"], c["side"]) for c in claims] == [(4.0, "Niger"), (6.0, "Niger")]
    assert claims_of(nlp, "Banditter drepte fem gjetere i Zamfara, opplyser hæren.") == []
    claims = claims_of(nlp, "Frankrike sender 300 soldater til Estland, mens Belgia stiller med omtrent 90, "
                            "opplyser NATO.")
    assert [c["side"] for c in claims] == ["Frankrike", "Belgia"]
    claims = claims_of(nlp, "Frankrike sender 300 soldater til Estland, mens Sør-Afrika stiller med omtrent 90, "
                            "opplyser NATO.")
    assert claims[-1]["side"] == "Sør-Afrika"
    claim, = claims_of(nlp, "Regjeringen i Canberra vil redusere styrken i Irak med om lag 200 soldater.")
    assert claim["side"] == "Australia"
    assert claim["location"] is None or claim["location"]["canonical"] != "Canberra"
    claim, = claims_of(nlp, "Houthi-bevegelsen har rundt 20.000 krigere ved Marib, anslår FN.")
    assert claim["side"] == "Houthi"
    claim, = claims_of(nlp, "Sudan kan øke styrken til 9.000 soldater dersom krigen i Tsjad sprer seg.")
    assert claim["location"] is None


def test_round_twelve_patterns(nlp: Language) -> None:
    claim, = claims_of(nlp, "Brigade Nord skal få rundt 600 nye soldater innen 2030, opplyser Hæren.")
    assert claim["side"] == "Norge"
    claim, = claims_of(nlp, "– Vi har rundt 2.000 soldater ved grensen, sier Kenyas hærsjef, general Charles Kahariri.")
    assert claim["side"] == "Kenya"
    claim, = claims_of(nlp, "Sverige og Finland skal til sammen sende rundt 900 soldater til Latvia.")
    assert claim["side"] is None
    claim, = claims_of(nlp, "Den somaliske militsgruppen Ahlu Sunna har rundt 3.000 krigere, anslår FN.")
    assert claim["side"] == "Ahlu Sunna"
    text = ("Hæren har sendt 900 soldater til Jolo etter angrep fra Maute-krigere. Ifølge hæren har "
            "Maute nå under 100 krigere igjen.")
    assert claims_of(nlp, text)[-1]["side"] == "Maute"
    claim, = claims_of(nlp, "Opprørerne har tatt over 200 regjeringssoldater til fange i Kayah-staten i Myanmar.")
    assert claim["side"] == "Myanmar"
    claim, = claims_of(nlp, "Russland vil stasjonere 1.000 soldater ved den nye basen i Tartus.")
    assert claim["type"] == "deployment"
    claim, = claims_of(nlp, "Serbia har flyttet om lag 1.000 soldater bort fra grensen mot Kosovo.")
    assert claim["type"] == "withdrawal"
    text = ("Etterretningstjenesten anslår at Russland har 10.000 soldater på Kola. I rapporten skriver "
            "tjenesten at tallet kan øke til 20.000 soldater.")
    assert canonical(claims_of(nlp, text)[-1]["claimant"]) == "Etterretningstjenesten"
    claim, = claims_of(nlp, "Russland har 2.000 soldater i Syria, melder den britiske avisen The Times and Star.")
    assert claim["claimant"]["type"] == "media"
    assert claims_of(nlp, "Norge stilte med 14 mann i troppen under militær-VM i fotball.") == []
    assert claims_of(nlp, "Åtte av ti er fornøyd, viser en undersøkelse blant 3.000 soldater.") == []


def test_round_thirteen_patterns(nlp: Language) -> None:
    claim, = claims_of(nlp, "Pjongjang avviser at 3.000 nordkoreanske soldater er sendt til Russland.")
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("Nord-Korea", "country")
    claim, = claims_of(nlp, "EUFOR-styrken i Bosnia teller 1.100 soldater fra 20 land, opplyser EU.")
    assert claim["side"] == "EU"
    claim, = claims_of(nlp, "Rundt 3.000 soldater fra 13 land deltar i øvelsen, opplyser Forsvaret.")
    assert claim["side"] is None
    claim, = claims_of(nlp, "FN skal kutte 1.200 blåhjelmer i Mali innen sommeren.")
    assert claim["type"] == "withdrawal"
    claim, = claims_of(nlp, "Garnisonen får 80 flere soldater fra neste år, opplyser Hæren.")
    assert claim["type"] == "reinforcement"
    claims = claims_of(nlp, "Den nigerianske hæren opplyser at 30 Boko Haram-krigere og to regjeringssoldater "
                            "ble drept.")
    assert claims[-1]["side"] == "Nigeria"
    claims = claims_of(nlp, "– Vi har ikke 5.000 soldater i Kivu, sier talsperson Richard Karemire i den "
                            "ugandiske hæren.")
    assert claims[0]["side"] == "Uganda"


def test_round_fourteen_patterns(nlp: Language) -> None:
    claim, = claims_of(nlp, "Den sudanske folkehæren (SPLA) har rundt 9.000 soldater i Blå Nil, anslår FN.")
    assert claim["side"] == "SPLA"
    last = claims_of(nlp, "Estlands hær teller 4.000 soldater, men regjeringen vil øke antallet til 6.000.")[-1]
    assert last["side"] == "Estland"
    assert claims_of(nlp, "Hvert helikopter kan frakte 30 soldater eller fire tonn last.") == []
    claim, = claims_of(nlp, "Rundt 700 soldater er på plass, opplyser forsvarsdepartementet i Brussel.")
    assert canonical(claim["claimant"]) == "Belgias forsvarsdepartement"
    claim, = claims_of(nlp, "Kenya har sendt 400 soldater til Haiti etter en bølge av drap.")
    assert claim["type"] == "deployment"
    claim, = claims_of(nlp, "Houthi-bevegelsen hevder å ha drept 20 saudiske soldater ved grensen.")
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("Houthi", "organisation")
    second = claims_of(nlp, "Brigaden skal telle 3.000 soldater. Av disse skal rundt 800 komme fra Danmark.")[-1]
    assert second["side"] == "Danmark"


def test_round_fifteen_patterns(nlp: Language) -> None:
    claim, = claims_of(nlp, "Buenos Aires avviser at 2.000 argentinske soldater er sendt til grensen.")
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("Argentina", "country")
    text = ("Estlands forsvarsminister Hanno Pevkur møtte fredag sin finske kollega Antti Häkkänen i Tallinn. "
            "Han sier at Estland skal ha 6.000 soldater i beredskap neste år.")
    claim, = claims_of(nlp, text)
    assert canonical(claim["claimant"]) == "Hanno Pevkur"
    text = ("Russland har samlet 40.000 soldater ved Kupjansk, sier general Oleksandr Syrskyj. "
            "Han anslår at russerne har mistet 900 mann der.")
    assert canonical(claims_of(nlp, text)[-1]["claimant"]) == "Oleksandr Syrskyj"


def test_referring_back_to_an_institution_by_its_head(nlp: Language) -> None:
    text = ("Fire chilenske soldater ble skadd i et ras i går, opplyser Chiles forsvarsdepartement. "
            "Ifølge departementet er nær 300 soldater satt inn i letingen.")
    last = claims_of(nlp, text)[-1]
    assert canonical(last["claimant"]) == "Chiles forsvarsdepartement"


def test_names_after_role_or_descriptor(nlp: Language) -> None:
    claim, = claims_of(nlp, "Rundt 2.000 soldater er på vei til kysten, sier sjefen for den filippinske "
                            "marinen, Toribio Adaci, til avisen Inquirer.")
    assert (canonical(claim["claimant"]), claim["claimant"]["type"]) == ("Toribio Adaci", "person")
    claim, = claims_of(nlp, "Tre pakistanske soldater ble drept i et bakholdsangrep, opplyser "
                            "FN-styrken UNMISS.")
    assert canonical(claim["claimant"]) == "UNMISS"


def test_intake_guarding_must_and_crisis_conditions(nlp: Language) -> None:
    claim, = claims_of(nlp, "Over 8.000 rekrutter rykker inn til førstegangstjeneste i august, "
                            "opplyser Forsvaret.")
    assert claim["type"] == "reinforcement"
    claim, = claims_of(nlp, "Rundt 300 soldater skal vokte havnen under toppmøtet, opplyser politiet.")
    assert claim["type"] == "deployment"
    claim, = claims_of(nlp, "Hæren må rekruttere minst 5.000 nye soldater i året, sier hærsjefen.")
    assert claim["modality"] == "projected"
    claim, = claims_of(nlp, "Ved en krig i nord vil Finland kunne mobilisere 280.000 soldater, "
                            "sier forsvarssjefen.")
    assert claim["modality"] == "hypothetical"


NEGATIVES = [
    "Over 12.000 sivile har flyktet fra grenseområdene siden nyttår, ifølge FN.",
    "Over 6 millioner ukrainske flyktninger er registrert i Europa.",
    "Politiet hadde rundt 1.500 betjenter i sving under toppmøtet.",
    "Regjeringen legger 3,5 milliarder kroner ekstra i forsvaret.",
    "Ved valget fikk partiet 120.000 stemmer.",
    "Det skapes nå 3.000 nye arbeidsplasser i regionen.",
    "Arrangøren venter over 10.000 tilskuere.",
    "Rundt 2.300 husstander i Troms var uten strøm natt til søndag.",
    "9.000 billetter ble solgt på under ti minutter.",
    "Ni av ti soldater sier at de er fornøyde med maten.",
    "Laget stilte med elleve mann på banen i cupfinalen.",
    "Ukraina har mottatt over 300 stridsvogner og 60 kampfly.",
    "Logan har snakket med to militære offiserer som sier at de mangler kapasiteter.",
    "Tidligere denne måneden ble 200 ukrainske krigsfanger utvekslet mot 200 russiske.",
    "Rundt 200 sivile ble drept i angrepet, og minst 500 ble såret.",
    "Hver soldat får utbetalt 20.000 i måneden.",
    "I 2022 marsjerte soldatene 30 kilometer.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_troop_claim(nlp: Language, text: str) -> None:
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_troop_claim_without_a_model(blank: Language, text: str) -> None:
    assert extract_claims(blank(text)) == []


# ----------------------------------------------------------- offsets and schema


def test_sample_archive_claims_validate_and_slice(nlp: Language) -> None:
    enricher = Enricher(nlp)
    found = 0
    for path in sorted(ARCHIVE.iterdir()):
        article = parse(path.read_bytes())
        if article.pubstatus == "canceled":
            continue
        event = enricher.event_for(article, nlp(article.body_text))
        assert_spans_slice(event["body_text"], event["claims"])
        for claim_event in claim_events(event):
            validate_event(claim_event)
        found += len(event["claims"])
        for claim in event["claims"]:
            assert claim["bound"] in ("upper", "lower", "approximate", "range", "exact")
    assert found >= 8


def test_baltic_report_from_the_archive(nlp: Language) -> None:
    article = parse((ARCHIVE / "20240116T1300-nitf-konflikt-baltikum-rapport.xml").read_bytes())
    claims = claims_of(nlp, article.body_text)
    first = brief(claims[0])
    assert (first["min"], first["max"], first["side"]) == (90000.0, 100000.0, "Russland")
    assert first["claimant"] == "Estlands etterretning"
    nato = next(c for c in claims if c["side"] == "NATO")
    assert (nato["value"], canonical(nato["claimant"]), canonical(nato["location"])) == (10000.0, "NATO", "Baltikum")


# ----------------------------------------------------------- properties

HEDGED = [("nesten", "upper"), ("opp mot", "upper"), ("i underkant av", "upper"), ("over", "lower"),
          ("minst", "lower"), ("drøyt", "lower"), ("rundt", "approximate"), ("om lag", "approximate"),
          ("anslagsvis", "approximate"), ("", "exact")]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=2, max_value=5_000_000), style=st.sampled_from(STYLES),
       hedge=st.sampled_from(HEDGED))
def test_number_and_bound_round_trip(blank: Language, n: int, style: str, hedge: tuple[str, str]) -> None:
    word, bound = hedge
    number = format_number(n, style)
    text = f"{word} {number} russiske soldater ved grensen.".strip()
    text = text[:1].upper() + text[1:]
    claims = extract_claims(blank(text))
    assert len(claims) == 1, (text, claims)
    claim = claims[0]
    assert claim["value"] == float(n) and claim["bound"] == bound
    assert claim["min"] == (float(n) if bound in ("exact", "lower") else None)
    assert claim["max"] == (float(n) if bound in ("exact", "upper") else None)
    assert (claim["hedge"] or "").lower() == word
    assert (claim["unit"], claim["side"]) == ("soldater", "Russland")
    assert text[claim["start"]:claim["end"]] == claim["text"]
    assert claim["location"]["kind"] == "border"


@settings(max_examples=40, deadline=None)
@given(prefix=st.sampled_from(["", "I går: ", "Ifølge NATO ", "Dette er nytt. "]),
       adjective=st.sampled_from(["russiske", "ukrainske", "norske", "amerikanske"]),
       n=st.integers(min_value=2, max_value=900_000))
def test_offsets_always_slice(blank: Language, prefix: str, adjective: str, n: int) -> None:
    text = f"{prefix}Det står {format_number(n, 'dot')} {adjective} soldater i Donetsk-regionen, sier hun."
    claims = extract_claims(blank(text))
    assert len(claims) == 1
    assert_spans_slice(text, claims)
    assert claims[0]["side"] == country_of_adjective(adjective)
    assert claims[0]["location"]["canonical"] == "Donetsk"


# ----------------------------------------------------------- helpers


@pytest.mark.parametrize(("word", "expected"), [
    ("soldater", True), ("NATO-soldater", True), ("bakkestyrker", True), ("marinesoldater", True),
    ("fallskjermjegere", True), ("leiesoldater", True), ("stridende", True), ("reservister", True),
    ("vernepliktige", True), ("jegere", False), ("politistyrker", False), ("tinnsoldater", False),
    ("krigsfanger", False), ("brigader", False), ("styrke", False),
])
def test_troop_noun(word: str, expected: bool) -> None:
    assert troop_noun(word) is expected


def test_troop_prefix_and_military_context() -> None:
    assert troop_prefix("Wagner-soldater") == "Wagner" and troop_prefix("soldater") is None
    assert military_context("russiske styrker") and not military_context("elleve mann på banen")


def test_places_and_sides() -> None:
    assert country_of_adjective("hviterussiske") == "Belarus"
    assert side_of_word("Russlands") == "Russland" and side_of_word("Wagner-gruppen") == "Wagner"
    assert canonical_side(" nato ") == "NATO" and canonical_side(None) is None
    assert place_of("Kursk-regionen").canonical == "Kursk"
    assert genitive("Sør-Korea") == "Sør-Koreas"
    assert theatre_for("Litauen") == "Baltikum" and theatre_for("Avdijivka") == "Ukraina"


def test_time_phrases() -> None:
    text = "Siden februar 2022 har de på nyåret og i løpet av de neste ukene, innen 30 dager."
    assert [p.text for p in time_phrases(text)] == [
        "Siden februar 2022", "på nyåret", "i løpet av de neste ukene", "innen 30 dager"]
    assert is_future("på nyåret") and not is_future("i fjor")


def test_modality_precedence() -> None:
    assert modality_of(["ikke", "har"], sentence=["dersom"]) == "denied"
    assert modality_of(["skal"], sentence=["hvis"]) == "hypothetical"
    assert modality_of(["skal", "ha", "samlet"]) == "asserted"
    assert modality_of(["har"], future_time=True) == "projected"
    assert modality_of(["har"], hedge="anslagsvis") == "estimated"
    assert modality_of(["har"], before=["det", "er", "ikke", "sant"]) == "denied"
    assert modality_of(["kan"], sentence=["ved", "en", "krise", "kan"]) == "hypothetical"
    assert modality_of(["kan"], sentence=["i", "en", "uttalelse", "kan"]) == "projected"
    assert modality_of(["kan", "økes"], sentence=["styrken", "kan", "økes"],
                       after=["ved", "en", "alvorlig", "krise"]) == "hypothetical"


def test_claim_type_precedence() -> None:
    assert claim_type(["sendt", "drept"]) == "casualties"
    assert claim_type(["trekke", "ut", "sende"]) == "withdrawal"
    assert claim_type(["sende", "ekstra"]) == "reinforcement"
    assert claim_type(["i", "landet"]) == "strength" and claim_type(["landet", "i"]) == "deployment"
    assert claim_type(["har", "landet", "rundt"]) == "strength"  # "I tillegg har landet rundt 7,6 millioner"
    assert claim_type(["forsvare", "landet"]) == "strength"
    assert claim_type(["vil", "styrken", "telle", "nye"]) == "strength"


# ------------------------------------------- robust to the tagger's slips


def test_a_participle_the_tagger_calls_a_verb_still_joins_the_count() -> None:
    from spacy.tokens import Doc

    from service.nlp.claims.detect import _second_modifier

    words = ["mistet", "drepte", "og", "sårede", "soldater", "og", "sender", "soldater"]
    doc = Doc(spacy.blank("nb").vocab, words=words,
              pos=["VERB", "ADJ", "CCONJ", "VERB", "NOUN", "CCONJ", "VERB", "NOUN"])
    assert _second_modifier(doc[3])  # "sårede" before "soldater", whatever its tag
    assert not _second_modifier(doc[6])  # "sender soldater": a verb, not a modifier


def test_killed_and_wounded_soldiers_are_one_count(nlp: Language) -> None:
    text = ("Ukraina har mistet over 300.000 drepte og sårede soldater siden 2022, "
            "anslår tankesmien IISS i en ny rapport.")
    [claim] = claims_of(nlp, text)
    assert claim["text"] == "over 300.000 drepte og sårede soldater" and claim["value"] == 300_000
    assert canonical(claim["claimant"]) == "IISS"


def test_an_according_to_source_ends_before_the_participle(nlp: Language) -> None:
    [claim] = claims_of(nlp, "Kina har ifølge taiwansk etterretning samlet rundt 20.000 soldater ved kysten.")
    assert "samlet" not in claim["claimant"]["text"]


def test_an_exercise_name_is_not_the_place(nlp: Language) -> None:
    [claim] = claims_of(nlp, "Rundt 2.000 soldater deltar i øvelsen Baltic Shield i Latvia, opplyser Forsvaret.")
    assert canonical(claim["location"]) == "Latvia"


def test_the_norwegian_navy_prefix_is_norway() -> None:
    assert side_of_word("KNM") == "Norge"
