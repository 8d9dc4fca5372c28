"""Unit tests for service.nlp.claims.numbers (Norwegian numerals in news copy)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from service.nlp.claims import numbers
from service.nlp.claims.numbers import (
    HEDGES,
    STYLES,
    Quantity,
    find_quantities,
    format_number,
    parse_number,
)

PROPERTY = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

DIGIT_STYLES = tuple(s for s in STYLES if s != "words")
UPPER = sorted(" ".join(k) for k, v in HEDGES.items() if v == "upper")
LOWER = sorted(" ".join(k) for k, v in HEDGES.items() if v == "lower")
APPROXIMATE = sorted(" ".join(k) for k, v in HEDGES.items() if v == "approximate")


def only(text: str) -> Quantity:
    """The single quantity in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


def assert_well_formed(text: str, found: list[Quantity]) -> None:
    previous_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous_end
        assert q.end <= q.noun_start <= len(text)
        previous_end = q.end


def test_module_doctests() -> None:
    result = doctest.testmod(numbers)
    assert result.attempted > 0
    assert result.failed == 0


# ------------------------------------------------------------ parse_number


@pytest.mark.parametrize(("written", "value"), [
    ("100.000", 100_000),
    ("1.500.000", 1_500_000),
    ("100 000", 100_000),
    ("100\u00a0000", 100_000),
    ("100\u202f000", 100_000),
    ("100\u2009000", 100_000),
    ("1 500 000", 1_500_000),
    ("5000", 5000),
    ("0", 0),
    ("1,5", 1.5),
    ("1,5 millioner", 1_500_000),
    ("2,3 mill.", 2_300_000),
    ("0,5 millioner", 500_000),
    ("2 mill.", 2_000_000),
    ("2 mill", 2_000_000),
    ("3 mrd.", 3_000_000_000),
    ("3 milliarder", 3_000_000_000),
    ("1 milliard", 1_000_000_000),
    ("40 tusen", 40_000),
    ("1,2 millioner", 1_200_000),
    ("4 mio.", 4_000_000),
    ("2 og en halv million", 2_500_000),
    ("en million", 1_000_000),
    ("én million", 1_000_000),
    ("ett tusen", 1000),
    ("et hundre", 100),
    ("tusen", 1000),
    ("hundre", 100),
    ("to", 2),
    ("tre", 3),
    ("sju", 7),
    ("syv", 7),
    ("åtte", 8),
    ("elleve", 11),
    ("tolv", 12),
    ("nitten", 19),
    ("tjue", 20),
    ("tyve", 20),
    ("tretti", 30),
    ("tredve", 30),
    ("førti", 40),
    ("nitti", 90),
    ("tjueen", 21),
    ("tjuefem", 25),
    ("trettisju", 37),
    ("nittini", 99),
    ("hundre og femti", 150),
    ("to hundre og tjuefem", 225),
    ("femten hundre", 1500),
    ("tohundre", 200),
    ("hundreogfemti", 150),
    ("tjue tusen", 20_000),
    ("titusen", 10_000),
    ("hundre tusen", 100_000),
    ("to hundre tusen", 200_000),
    ("tohundretusen", 200_000),
    ("hundre og tjuefem tusen", 125_000),
    ("to tusen og fem", 2005),
    ("tusen og en", 1001),
    ("to millioner tre hundre tusen", 2_300_000),
    ("tusen millioner", 1_000_000_000),
    ("halvannen million", 1_500_000),
    ("halvannet tusen", 1500),
    ("en halv million", 500_000),
    ("en kvart million", 250_000),
    ("to og en halv million", 2_500_000),
    ("et par tusen", 2000),
    ("et par hundre tusen", 200_000),
    ("2022", 2022),
    ("  100.000  ", 100_000),
])
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize("written", [
    "", "   ", "en", "ett", "ei", "et", "én", "soldater", "nesten 100",
    "5 kroner", "40 prosent", "tusenvis", "flere tusen", "5.", "femte",
    "14.30", "14:30", "1.1.2024", "24.02.2022", "F-16", "mellom 1 og 2",
    "90.000–100.000", "tjuetjue", "1/3", "3.11.2", "007", "1.5", "million",
    "100 000 soldater",
])
def test_parse_number_rejects(written: str) -> None:
    assert parse_number(written) is None


# ----------------------------------------------------------- format_number


@pytest.mark.parametrize(("value", "style", "written"), [
    (100_000, "dot", "100.000"),
    (1_500_000, "dot", "1.500.000"),
    (100_000, "space", "100 000"),
    (100_000, "nbsp", "100\u00a0000"),
    (100_000, "thin", "100\u202f000"),
    (100_000, "thinspace", "100\u2009000"),
    (5000, "plain", "5000"),
    (999, "dot", "999"),
    (20_000, "words", "tjue tusen"),
    (25, "words", "tjuefem"),
    (200_000, "words", "to hundre tusen"),
    (1_000_000, "words", "en million"),
    (1_000_000_000, "words", "en milliard"),
    (2005, "words", "to tusen og fem"),
])
def test_format_number(value: int, style: str, written: str) -> None:
    assert format_number(value, style) == written


@pytest.mark.parametrize(("value", "style", "error"), [
    (1, "words", ValueError),
    (0, "words", ValueError),
    (-5, "dot", ValueError),
    (10, "roman", ValueError),
    (1.5, "dot", TypeError),
    (True, "plain", TypeError),
])
def test_format_number_errors(value: object, style: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        format_number(value, style)  # type: ignore[arg-type]


# -------------------------------------------------------- find_quantities


def test_headline_claim() -> None:
    text = "Nesten 100.000 russiske soldater står ved grensen, ifølge NTB."
    q = only(text)
    assert q == Quantity(
        text="Nesten 100.000", start=0, end=14, value=100_000.0, min=None,
        max=100_000.0, hedge="Nesten", bound="upper", kind="number",
        noun_start=15,
    )
    assert text[q.noun_start:].startswith("russiske")


@pytest.mark.parametrize(("sentence", "written", "value"), [
    ("Det er 100.000 soldater ved grensen.", "100.000", 100_000),
    ("Det er 1.500.000 flyktninger.", "1.500.000", 1_500_000),
    ("Det er 100 000 soldater ved grensen.", "100 000", 100_000),
    ("Det er 100\u00a0000 soldater.", "100\u00a0000", 100_000),
    ("Det er 100\u202f000 soldater.", "100\u202f000", 100_000),
    ("Det er 100\u2009000 soldater.", "100\u2009000", 100_000),
    ("Totalt 5000 soldater deltar.", "5000", 5000),
    ("1,5 millioner mennesker er på flukt.", "1,5 millioner", 1_500_000),
    ("2,3 mill. innbyggere mangler strøm.", "2,3 mill.", 2_300_000),
    ("0,5 millioner barn er rammet.", "0,5 millioner", 500_000),
    ("Over natten flyktet 2 mill. mennesker.", "2 mill.", 2_000_000),
    ("Russland har mobilisert 40 tusen reservister.", "40 tusen", 40_000),
    ("1,2 millioner mennesker er evakuert.", "1,2 millioner", 1_200_000),
    ("Vi trenger en million soldater.", "en million", 1_000_000),
    ("Styrken teller ett tusen mann.", "ett tusen", 1000),
    ("Det kom tjuefem soldater.", "tjuefem", 25),
    ("Det står hundre tusen soldater der.", "hundre tusen", 100_000),
    ("De har tjue tusen soldater.", "tjue tusen", 20_000),
    ("Russland sender to hundre tusen soldater.", "to hundre tusen", 200_000),
    ("Halvannen million mennesker er på flukt.", "Halvannen million", 1_500_000),
    ("En halv million soldater er såret.", "En halv million", 500_000),
    ("Det er tre soldater igjen.", "tre", 3),
    ("Sju soldater ble drept.", "Sju", 7),
    ("Han ledet femten hundre soldater.", "femten hundre", 1500),
    ("Det var 2000 soldater der.", "2000", 2000),
    ("Hele 1945 russiske soldater ble tatt til fange.", "1945", 1945),
    ("Rundt 1900 soldater ble drept.", "Rundt 1900", 1900),
    ("Til sammen 250 stridsvogner er sendt.", "250", 250),
    ("Det er 2 000 soldater.", "2 000", 2000),
    ("Det er 2.000 soldater.", "2.000", 2000),
])
def test_exact_numbers(sentence: str, written: str, value: float) -> None:
    q = only(sentence)
    assert q.text == written
    assert sentence[q.start:q.end] == written
    assert q.value == value
    if q.hedge is None:
        assert (q.min, q.max, q.bound, q.kind) == (value, value, "exact", "number")


@pytest.mark.parametrize("article", [
    "En soldat ble drept.",
    "Det var en stor styrke.",
    "Ett angrep ble slått tilbake.",
    "Hun fikk ei jente.",
    "Et barn ble skadet.",
    "Én soldat ble drept.",
    "Det var ett av de største angrepene.",
])
def test_bare_one_is_not_a_quantity(article: str) -> None:
    assert find_quantities(article) == []


@pytest.mark.parametrize(("sentence", "hedge", "bound", "value"), [
    ("nesten 100.000 soldater", "nesten", "upper", 100_000),
    ("snaut 5000 soldater", "snaut", "upper", 5000),
    ("snaue 5000 soldater", "snaue", "upper", 5000),
    ("i underkant av 100 000 soldater", "i underkant av", "upper", 100_000),
    ("under 3000 soldater", "under", "upper", 3000),
    ("mindre enn 3000 soldater", "mindre enn", "upper", 3000),
    ("færre enn 3000 soldater", "færre enn", "upper", 3000),
    ("opp mot 200.000 soldater", "opp mot", "upper", 200_000),
    ("opptil 200.000 soldater", "opptil", "upper", 200_000),
    ("opp til 200.000 soldater", "opp til", "upper", 200_000),
    ("inntil 2500 soldater", "inntil", "upper", 2500),
    ("maksimalt 2500 soldater", "maksimalt", "upper", 2500),
    ("bortimot 100.000 soldater", "bortimot", "upper", 100_000),
    ("over 100.000 soldater", "over", "lower", 100_000),
    ("mer enn 100.000 soldater", "mer enn", "lower", 100_000),
    ("flere enn 100.000 soldater", "flere enn", "lower", 100_000),
    ("minst 100.000 soldater", "minst", "lower", 100_000),
    ("drøyt 100.000 soldater", "drøyt", "lower", 100_000),
    ("drøye 100.000 soldater", "drøye", "lower", 100_000),
    ("i overkant av 100.000 soldater", "i overkant av", "lower", 100_000),
    ("godt over 100.000 soldater", "godt over", "lower", 100_000),
    ("rundt 100.000 soldater", "rundt", "approximate", 100_000),
    ("om lag 100.000 soldater", "om lag", "approximate", 100_000),
    ("omkring 100.000 soldater", "omkring", "approximate", 100_000),
    ("cirka 100.000 soldater", "cirka", "approximate", 100_000),
    ("ca. 100.000 soldater", "ca.", "approximate", 100_000),
    ("anslagsvis 100.000 soldater", "anslagsvis", "approximate", 100_000),
    ("omtrent 100.000 soldater", "omtrent", "approximate", 100_000),
    ("i størrelsesorden 100.000 soldater", "i størrelsesorden", "approximate", 100_000),
    ("Nesten en million soldater", "Nesten", "upper", 1_000_000),
    ("over 2 mill. soldater", "over", "lower", 2_000_000),
    ("Rundt 1,5 millioner mennesker", "Rundt", "approximate", 1_500_000),
    ("i\u00a0underkant\u00a0av 5000 soldater", "i\u00a0underkant\u00a0av", "upper", 5000),
])
def test_hedges(sentence: str, hedge: str, bound: str, value: float) -> None:
    q = only(sentence)
    assert q.hedge == hedge
    assert q.text.startswith(hedge)
    assert q.start == 0
    assert (q.value, q.bound, q.kind) == (value, bound, "number")
    expected = {"upper": (None, value), "lower": (value, None), "approximate": (None, None)}
    assert (q.min, q.max) == expected[bound]
    assert sentence[q.noun_start:] in ("soldater", "mennesker")


def test_hedge_needs_a_number() -> None:
    assert find_quantities("Nesten alle soldater er under kommando.") == []
    assert texts("Rundt grensen står over 5000 soldater.") == ["over 5000"]


def test_a_couple_of_thousand_is_approximate() -> None:
    q = only("Et par tusen soldater er sendt.")
    assert (q.text, q.value, q.hedge, q.bound, q.min, q.max) == (
        "Et par tusen", 2000, "Et par", "approximate", None, None)
    q = only("Nesten et par tusen soldater er sendt.")
    assert (q.hedge, q.bound, q.max) == ("Nesten", "upper", 2000)
    assert find_quantities("Det tok et par dager.") == []
    q = only("Et par hundre soldater er sendt.")
    assert (q.value, q.hedge, q.bound, q.min, q.max) == (200, "Et par", "approximate", None, None)


@pytest.mark.parametrize(("sentence", "written", "lo", "hi"), [
    ("Det er mellom 90.000 og 100.000 soldater der.", "mellom 90.000 og 100.000", 90_000, 100_000),
    ("Det er 90.000–100.000 soldater der.", "90.000–100.000", 90_000, 100_000),
    ("Det er 90.000-100.000 soldater der.", "90.000-100.000", 90_000, 100_000),
    ("Det er 90 000 – 100 000 soldater der.", "90 000 – 100 000", 90_000, 100_000),
    ("Det er 90 000 - 100 000 soldater der.", "90 000 - 100 000", 90_000, 100_000),
    ("Det er fra 5000 til 7000 soldater der.", "fra 5000 til 7000", 5000, 7000),
    ("Det er 5000 til 7000 soldater der.", "5000 til 7000", 5000, 7000),
    ("Det er mellom 1,5 og 2 millioner flyktninger.", "mellom 1,5 og 2 millioner",
     1_500_000, 2_000_000),
    ("Det er 3–4 millioner flyktninger.", "3–4 millioner", 3_000_000, 4_000_000),
    ("Det er fra 1,5 til 2 mill. flyktninger.", "fra 1,5 til 2 mill.", 1_500_000, 2_000_000),
    ("Det er mellom 500 og 2 millioner flyktninger.", "mellom 500 og 2 millioner",
     500, 2_000_000),
    ("Det er mellom to og tre millioner flyktninger.", "mellom to og tre millioner",
     2_000_000, 3_000_000),
    ("Det er mellom en og to millioner flyktninger.", "mellom en og to millioner",
     1_000_000, 2_000_000),
    ("Det er mellom tjue og tretti tusen soldater.", "mellom tjue og tretti tusen",
     20_000, 30_000),
    ("Det er mellom hundre og tjuefem og to hundre soldater.",
     "mellom hundre og tjuefem og to hundre", 125, 200),
    ("Det er 5-6 soldater igjen.", "5-6", 5, 6),
    ("Det er fem-seks soldater igjen.", "fem-seks", 5, 6),
    ("Det er 1500–2000 soldater der.", "1500–2000", 1500, 2000),
    ("Fra 2000 til 5000 mann.", "Fra 2000 til 5000", 2000, 5000),
    ("Mellom 2014 og 2022 soldater.", "Mellom 2014 og 2022", 2014, 2022),
])
def test_ranges(sentence: str, written: str, lo: float, hi: float) -> None:
    q = only(sentence)
    assert q.text == written
    assert (q.min, q.max, q.value, q.bound, q.kind) == (lo, hi, None, "range", "range")


def test_hedged_range_keeps_its_bounds() -> None:
    q = only("Anslagsvis mellom 90.000 og 100.000 soldater")
    assert (q.text, q.hedge, q.bound, q.min, q.max) == (
        "Anslagsvis mellom 90.000 og 100.000", "Anslagsvis", "range", 90_000, 100_000)


@pytest.mark.parametrize("sentence", [
    "Han reiste mellom Oslo og Bergen.",
    "Toget gikk fra Oslo til Bergen.",
    "Det var 80.000 eller 90.000.",
])
def test_not_ranges(sentence: str) -> None:
    assert all(q.kind != "range" for q in find_quantities(sentence))


def test_reversed_from_to_is_two_numbers() -> None:
    assert texts("Styrken ble redusert fra 7000 til 5000 soldater.") == ["7000", "5000"]


@pytest.mark.parametrize(("sentence", "written", "lo", "hi"), [
    ("Tusenvis av soldater er sendt.", "Tusenvis", 1000, 9999),
    ("Titusenvis av mennesker flykter.", "Titusenvis", 10_000, 99_999),
    ("Hundretusenvis av mennesker flykter.", "Hundretusenvis", 100_000, 999_999),
    ("Hundrevis av soldater er drept.", "Hundrevis", 100, 999),
    ("Titalls soldater er drept.", "Titalls", 10, 99),
    ("Titalls tusen soldater er drept.", "Titalls tusen", 10_000, 99_999),
    ("Flere tusen soldater er drept.", "Flere tusen", 2000, 9999),
    ("Flere hundre soldater er drept.", "Flere hundre", 200, 999),
    ("Flere hundre tusen soldater er drept.", "Flere hundre tusen", 200_000, 999_999),
    ("Noen hundre soldater er igjen.", "Noen hundre", 200, 999),
    ("Mange tusen soldater er drept.", "Mange tusen", 2000, 9999),
    ("Flere millioner mennesker flykter.", "Flere millioner", 2_000_000, 9_999_999),
])
def test_magnitudes(sentence: str, written: str, lo: float, hi: float) -> None:
    q = only(sentence)
    assert (q.text, q.min, q.max, q.value, q.kind, q.bound) == (
        written, lo, hi, None, "magnitude", "range")
    assert sentence[q.noun_start:].split()[0] in ("soldater", "mennesker")


@pytest.mark.parametrize("sentence", [
    # years
    "I 2022 var det krig.",
    "Det skjedde i 2022.",
    "Krigen sluttet i 1945.",
    "Våren 2023 kom offensiven.",
    "Høsten 2022 ble det mobilisert.",
    "Siden 2014 har det vært krig.",
    "Fra 2014 til 2022 var det kamper.",
    "Krigen 1914–1918 var lang.",
    "Sesongen 2022–23 er over.",
    "Sesongen 2022 – 23 er over.",
    "Kampen endte 3 – 1.",
    "Det var rundt 2000.",
    "Avtalen gjelder inntil 2025.",
    "Den 24. februar 2022 invaderte Russland.",
    # dates and times
    "Møtet er 15. januar.",
    "Fristen er 1.1.2024.",
    "Invasjonen startet 24.02.2022.",
    "Datoen var 2022-02-24.",
    "Møtet starter kl. 14.30.",
    "Møtet starter 14:30.",
    "Det smalt klokka 14 i dag.",
    "Møtet starter kl. 9.",
    # money
    "Det koster 2 milliarder kroner.",
    "Pakken er på 500 millioner dollar.",
    "EU gir 3 mrd. euro.",
    "Billetten koster 100 kr.",
    "Billetten koster NOK 5000.",
    "Pakken er på $ 2 millioner.",
    "Pakken er på $2 millioner.",
    "Prisen er 5000,-.",
    "Det kostet 40 millioner pund.",
    "Budsjettet er 300 milliarder rubler.",
    "Han fikk 1000 hryvnia.",
    "Det kostet tusen kroner.",
    "Hjelpen er på mellom 2 og 3 milliarder kroner.",
    # percentages
    "Oppslutningen er 40 prosent.",
    "Oppslutningen er 40 %.",
    "Oppslutningen er 40%.",
    "Oppslutningen er nesten 40 prosent.",
    "Det var hundre prosent.",
    # phone numbers
    "Ring 22 03 45 00 for info.",
    "Ring +47 22 03 45 00 for info.",
    "Ring +47 99887766 for info.",
    "Ring tlf. 22034500 for info.",
    "Ring 900 12 345 for info.",
    # ordinals
    "Han kom på 5. plass.",
    "Under 2. verdenskrig falt mange.",
    "Etter 2.verdenskrig kom freden.",
    "Han ble nummer femte.",
    # scores
    "Kampen endte 3–1.",
    "Norge vant 2-0.",
    "Det ble 2-0-seier.",
    # units and durations
    "Kolonnen er 60 km lang.",
    "Det var 1,5 kilometer igjen.",
    "Han veier 80 kg.",
    "Det var minus 20 grader.",
    "Muren er 3 meter høy.",
    "Krigen har vart i 48 timer.",
    "Han satt fengslet i 20 år.",
    "Det er tre ganger så mange.",
    "To tredjedeler sa ja.",
    # references, names, codes
    "Se nr. 5 i serien.",
    "Det står i § 5.",
    "NATOs artikkel 5 ble nevnt.",
    "Se kapittel 11.",
    "Han bor i Storgata 5.",
    "Han bor i Karl Johans gate 22.",
    "Norge sender F-16 til Ukraina.",
    "Russland har S-400 og T-72.",
    "Covid-19 spredte seg.",
    "Appen er versjon 3.11.2.",
    "Han er 007.",
    "En 16-åring ble skadet.",
    "På 1990-tallet var det fred.",
    "De vil ha en to-statsløsning.",
    "En FN-tre ble plantet.",
    "En tredel, 1/3, sa nei.",
    # non-whole decimals and set phrases
    "Renten er 1,5.",
    "Tusen takk for sist.",
])
def test_never_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("I 2022 var det 5000 soldater ved grensen.", ["5000"]),
    ("Siden 2014 har 2000 soldater falt.", ["2000"]),
    ("Den 24. februar 2022 krysset 200.000 soldater grensen.", ["200.000"]),
    ("Over 100.000 og under 200.000 soldater.", ["Over 100.000", "under 200.000"]),
    ("Tre soldater og fire stridsvogner.", ["Tre", "fire"]),
    ("De 5000 soldatene fikk 2 milliarder kroner.", ["5000"]),
    ("Kampen endte 3–1 foran 20 000 tilskuere.", ["20 000"]),
    ("Ifølge NTB står 100.000 soldater, 40 prosent av styrken, ved grensen.", ["100.000"]),
    ("Det var 5000 – kanskje flere.", ["5000"]),
    ("Ukraina har 20 000 soldater – 5000 av dem i Bakhmut.", ["20 000", "5000"]),
    ("Det var 20 000 – 5000 av dem sivile.", ["20 000", "5000"]),
    ("Tusen og én natt.", ["Tusen og én"]),
    ("Mellom 90.000 og 100.000 soldater og tusenvis av stridsvogner.",
     ["Mellom 90.000 og 100.000", "tusenvis"]),
])
def test_mixed_sentences(sentence: str, expected: list[str]) -> None:
    found = find_quantities(sentence)
    assert [q.text for q in found] == expected
    assert_well_formed(sentence, found)


def test_years_before_count_nouns_are_quantities() -> None:
    assert only("Totalt 2022 soldater er registrert.").value == 2022
    assert only("Det var 1900 russiske soldater der.").value == 1900
    assert find_quantities("Totalt 2022 er registrert.") == []


def test_noun_start() -> None:
    text = "Rundt 5000   soldater"
    assert text[only(text).noun_start:] == "soldater"
    assert only("5000").noun_start == 4
    text = "hundretusenvis av sivile"
    assert text[only(text).noun_start:] == "sivile"


def test_quantity_is_frozen() -> None:
    q = only("Det er 5000 soldater.")
    with pytest.raises(AttributeError):
        q.value = 1.0  # type: ignore[misc]


# ---------------------------------------------------------------- properties

counts = st.integers(min_value=1, max_value=10**9)


@PROPERTY
@given(n=counts, style=st.sampled_from(STYLES))
def test_format_round_trips(n: int, style: str) -> None:
    assume(not (style == "words" and n == 1))
    written = format_number(n, style)
    assert parse_number(written) == n
    sentence = f"Det er {written} soldater ved grensen."
    q = only(sentence)
    assert q.value == n
    assert (q.start, q.end) == (7, 7 + len(written))
    assert q.text == written
    assert (q.min, q.max, q.bound, q.hedge, q.kind) == (n, n, "exact", None, "number")
    assert sentence[q.noun_start:].startswith("soldater")


@PROPERTY
@given(a=counts, b=counts, style=st.sampled_from(DIGIT_STYLES),
       template=st.sampled_from(["mellom {} og {}", "{}–{}", "{}-{}", "{} – {}",
                                 "fra {} til {}", "{} til {}"]))
def test_ranges_round_trip(a: int, b: int, style: str, template: str) -> None:
    assume(a != b)
    lo, hi = sorted((a, b))
    written = template.format(format_number(lo, style), format_number(hi, style))
    sentence = f"Ifølge kilder står {written} soldater ved grensen."
    q = only(sentence)
    assert q.text == written
    assert (q.kind, q.bound, q.min, q.max, q.value) == ("range", "range", lo, hi, None)
    assert q.min < q.max


@PROPERTY
@given(n=counts, style=st.sampled_from(STYLES),
       hedge=st.sampled_from(UPPER + LOWER + APPROXIMATE))
def test_hedges_round_trip(n: int, hedge: str, style: str) -> None:
    assume(not (style == "words" and n == 1))
    written = f"{hedge} {format_number(n, style)}"
    q = only(f"Det er {written} soldater ved grensen.")
    assert (q.text, q.hedge, q.value) == (written, hedge, n)
    assert q.bound == HEDGES[tuple(hedge.split())]
    assert q.max == (n if q.bound == "upper" else None)
    assert q.min == (n if q.bound == "lower" else None)


@PROPERTY
@given(text=st.text())
def test_arbitrary_text_is_safe(text: str) -> None:
    assert_well_formed(text, find_quantities(text))
    parse_number(text)


_NEWSY = st.lists(st.sampled_from([
    "nesten", "mellom", "og", "til", "fra", "–", "-", "100.000", "1,5", "2",
    "millioner", "mill.", "tusen", "tusenvis", "av", "soldater", "en", "ett",
    "to", "hundre", "tjuefem", "i", "2022", "kroner", "prosent", "kl.", "14.30",
    ".", ",", "5.", "rundt", "flere", "et", "par", "halv", "3–1", "1 000",
    "\u00a0", "\u202f", "over", "under", "F-16", "år",
]), max_size=14).map(" ".join)


@PROPERTY
@given(text=_NEWSY)
def test_newsy_noise_is_safe(text: str) -> None:
    assert_well_formed(text, find_quantities(text))


@PROPERTY
@given(year=st.integers(min_value=1900, max_value=2099),
       template=st.sampled_from(["i {}", "I {} kom de.", "Det skjedde i {}.",
                                 "våren {}", "siden {}", "Det var {}.",
                                 "innen {} skal det skje"]))
def test_years_are_never_quantities(year: int, template: str) -> None:
    assert find_quantities(template.format(year)) == []


@PROPERTY
@given(n=counts, style=st.sampled_from(STYLES),
       template=st.sampled_from(["{} kroner", "{} kr", "{} dollar", "{} euro",
                                 "{} millioner kroner", "kr {}", "NOK {}",
                                 "$ {}", "{} NOK", "{} rubler"]))
def test_money_is_never_a_quantity(n: int, style: str, template: str) -> None:
    assume(not (style == "words" and (n == 1 or "millioner" in template)))
    sentence = "Det kostet " + template.format(format_number(n, style)) + " i fjor."
    assert find_quantities(sentence) == []


@PROPERTY
@given(n=counts, style=st.sampled_from(STYLES),
       template=st.sampled_from(["{} prosent", "{} %", "{}%", "nesten {} prosent",
                                 "{} prosentpoeng"]))
def test_percentages_are_never_quantities(n: int, style: str, template: str) -> None:
    assume(not (style == "words" and n == 1))
    sentence = "Oppslutningen var " + template.format(format_number(n, style)) + "."
    assert find_quantities(sentence) == []


# ------------------------------------------------------------------ named rules

#: (text, the quantity's text, value, min, max) of each found quantity
Found = list[tuple[str, float | None, float | None, float | None]]


def found(text: str) -> Found:
    return [(q.text, q.value, q.min, q.max) for q in find_quantities(text)]


#: rule -> (text, what is found in it)
LEADING_GROUP_EXAMPLES: dict[str, tuple[str, Found]] = {
    "_one_and_a_half": ("Halvannen million soldater er sendt.",
                        [("Halvannen million", 1_500_000, 1_500_000, 1_500_000)]),
    "_a_half": ("En halv million soldater er sendt.", [("En halv million", 500_000, 500_000, 500_000)]),
    "_a_quarter": ("En kvart million soldater er sendt.", [("En kvart million", 250_000, 250_000, 250_000)]),
    "_a_couple": ("Et par hundre soldater er sendt.", [("Et par hundre", 200, None, None)]),
}


def test_every_leading_group_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in numbers.LEADING_GROUP_RULES] == list(LEADING_GROUP_EXAMPLES)


@pytest.mark.parametrize("rule", list(LEADING_GROUP_EXAMPLES))
def test_leading_group_rule_decides_its_example(rule: str) -> None:
    text, expected = LEADING_GROUP_EXAMPLES[rule]
    assert found(text) == expected


@pytest.mark.parametrize("rule", list(LEADING_GROUP_EXAMPLES))
def test_every_leading_group_rule_starts_with_an_opener(rule: str) -> None:
    # the scanner skips the leading rules at any other word: a rule that starts otherwise is never tried
    text, _ = LEADING_GROUP_EXAMPLES[rule]
    assert text.split()[0].lower() in numbers.LEADING_GROUP_OPENERS


#: rule -> (text, what is found in it)
DASH_EXAMPLES: dict[str, tuple[str, Found]] = {
    "_a_range_with_a_dash": ("Det kom 3000–4000 soldater.", [("3000–4000", None, 3000, 4000)]),
    "_a_score_or_a_year_span": ("Under krigen 1914-18 falt 20 soldater.", [("20", 20, 20, 20)]),
    "_a_compound_with_a_number": ("Etter 2-0-seieren kom 40 soldater.", [("40", 40, 40, 40)]),
    "_a_compound_with_a_word": ("Han støtter en to-statsløsning med 30 soldater.", [("30", 30, 30, 30)]),
}


def test_every_dash_rule_has_an_example() -> None:
    assert [rule.__name__ for rule in numbers.DASH_RULES] == list(DASH_EXAMPLES)


@pytest.mark.parametrize("rule", list(DASH_EXAMPLES))
def test_dash_rule_decides_its_example(rule: str) -> None:
    text, expected = DASH_EXAMPLES[rule]
    assert found(text) == expected
