"""service.formats: the public API, detection, plain text, cleaning, and a fuzz test."""
from __future__ import annotations

import hashlib
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.article import Article
from service.errors import OversizeMessage, WireFormatError
from service.formats import FORMATS, detect, parse
from service.formats.common import timestamp

TEXT = (
    "NTB\n"
    "\n"
    "Over 100.000 nordmenn mistet strømmen\n"
    "\n"
    "Uværet «Ingunn» slo ut strømmen for over 100.000 kunder\n"
    "i Trøndelag og Nordland natt til torsdag.\n"
    "\n"
    "– Vi har aldri sett noe lignende, sier beredskapssjef Ola Nordmann i Tensio.\n"
    "\n"
    "- Det kan ta flere døgn før alle har strøm igjen, legger han til.\n"
)

NINJS = (
    b'{"uri":"http://ntb.no/ninjs/abc","version":"3","headlines":[{"value":"Ny regjering"}],'
    b'"altids":[{"role":"NTB-ID","value":"NTB-777"}],'
    b'"bodies":[{"contenttype":"text/html","value":"<p>Statsministeren \xc2\xabgikk av\xc2\xbb.</p>'
    b'<p>\xe2\x80\x93 Vi er klare, sa hun.</p>"}]}'
)

NITF = (
    '<?xml version="1.0" encoding="iso-8859-1"?>\n'
    '<nitf><head><docdata><doc-id id-string="NTB-1"/><du-key version="2"/></docdata></head>'
    "<body><body.head><hedline><hl1>Glatt i Tromsø</hl1></hedline></body.head>"
    "<body.content><p>Det er glatt på veiene i Tromsø og Ålesund.</p></body.content></body></nitf>"
).encode("iso-8859-1")

NEWSML = (
    b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:ntb:1" version="4">'
    b'<itemMeta><pubStatus qcode="stat:usable"/><signal qcode="sig:update"/></itemMeta>'
    b"<contentMeta><headline>Valget er avgjort</headline></contentMeta>"
    b'<contentSet><inlineXML contenttype="application/xhtml+xml">'
    b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Opptellingen er ferdig.</p></body></html>'
    b"</inlineXML></contentSet></newsItem>"
)

SAMPLES = [TEXT.encode("utf-8"), NINJS, NITF, NEWSML]


# --- public API --------------------------------------------------------------------


def test_formats_constant_lists_every_format() -> None:
    assert FORMATS == ("auto", "text", "ninjs", "nitf", "newsml")


@pytest.mark.parametrize(
    ("raw", "fmt"), [(TEXT.encode(), "text"), (NINJS, "ninjs"), (NITF, "nitf"), (NEWSML, "newsml")]
)
def test_auto_and_explicit_format_give_the_same_article(raw: bytes, fmt: str) -> None:
    article = parse(raw)
    assert article.source_format == fmt
    assert parse(raw, fmt) == article


def test_str_input_is_encoded_as_utf8() -> None:
    assert parse(TEXT) == parse(TEXT.encode("utf-8"))


def test_unknown_fmt_is_rejected() -> None:
    with pytest.raises(WireFormatError, match="unknown format 'rtf'"):
        parse(TEXT, "rtf")


def test_oversize_message_is_refused_before_parsing() -> None:
    with pytest.raises(OversizeMessage) as caught:
        parse(b"{" * 500, max_bytes=100)  # would be a JSON error if parsed
    assert (caught.value.size, caught.value.limit) == (500, 100)
    assert parse(TEXT, max_bytes=len(TEXT.encode())).headline is not None


def test_explicit_format_mismatch_is_a_wire_format_error() -> None:
    with pytest.raises(WireFormatError, match="expected <nitf>"):
        parse(NEWSML, "nitf")
    with pytest.raises(WireFormatError, match="ninjs: invalid JSON"):
        parse(TEXT, "ninjs")


# --- detection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"NTB\n\nHei", "text"),
        (b"  \n {\"uri\": 1}", "ninjs"),
        (b"\xef\xbb\xbf{}", "ninjs"),
        (b"[1, 2]", "ninjs"),
        (b"[Oppdatert] Brann i Bergen", "text"),
        (b"<nitf/>", "nitf"),
        (b'<?xml version="1.0"?>\n<!-- kommentar --><!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf/>', "nitf"),
        (b'<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/"/>', "newsml"),
        (b"<newsMessage><itemSet><newsItem/></itemSet></newsMessage>", "newsml"),
        ("\ufeff<nitf/>".encode("utf-16-le"), "nitf"),
        ("\ufeffNTB\n\nHei".encode("utf-16-be"), "text"),
        (b"", "text"),
    ],
)
def test_detect(raw: bytes, expected: str) -> None:
    assert detect(raw) == expected


def test_detect_looks_past_a_long_prolog() -> None:
    raw = b"<?xml version='1.0'?>" + b"<!-- x -->" * 1000 + b"<nitf/>"
    assert detect(raw) == "nitf"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"<html><body><p>Hei</p></body></html>", "unsupported XML root element <html>"),
        (b"<rss version='2.0'/>", "unsupported XML root element <rss>"),
        (b"<newsMessage><itemSet/></newsMessage>", "newsMessage without a newsItem"),
        (b"<<< viktig >>>", "no XML root element"),
    ],
)
def test_detect_rejects_unknown_xml(raw: bytes, reason: str) -> None:
    with pytest.raises(WireFormatError, match=reason):
        detect(raw)
    with pytest.raises(WireFormatError, match=reason):
        parse(raw)


# --- plain text --------------------------------------------------------------------


def test_text_article() -> None:
    article = parse(TEXT)
    assert article.source_format == "text"
    assert article.headline == "Over 100.000 nordmenn mistet strømmen"
    assert article.paragraphs == [
        "Uværet «Ingunn» slo ut strømmen for over 100.000 kunder i Trøndelag og Nordland natt til torsdag.",
        "– Vi har aldri sett noe lignende, sier beredskapssjef Ola Nordmann i Tensio.",
        "- Det kan ta flere døgn før alle har strøm igjen, legger han til.",
    ]
    assert article.version == 1
    assert article.language == "nb"
    digest = hashlib.sha256(f"{article.headline}\n\n{article.body_text}".encode()).hexdigest()[:20]
    assert article.uri == article.story_id == f"urn:newswire:text:{digest}"


def test_text_crlf_gives_the_same_article() -> None:
    assert parse(TEXT.replace("\n", "\r\n")) == parse(TEXT)


@pytest.mark.parametrize("agency", ["NTB", "NTB-Reuters", "NTB/AFP", "NTB-AFP-dpa", "AFP"])
def test_text_agency_line_is_dropped(agency: str) -> None:
    article = parse(f"{agency}\n\nRentemøte i dag\n\nNorges Bank holder renten uendret.")
    assert article.headline == "Rentemøte i dag"
    assert article.body_text == "Norges Bank holder renten uendret."


def test_text_agency_line_directly_above_the_headline() -> None:
    article = parse("NTB\nRentemøte i dag\n\nNorges Bank holder renten uendret.")
    assert article.headline == "Rentemøte i dag"


def test_text_without_agency_line() -> None:
    article = parse("EU-Norge-avtalen er klar\n\nAvtalen ble signert i Brussel.")
    assert article.headline == "EU-Norge-avtalen er klar"
    assert article.paragraphs == ["Avtalen ble signert i Brussel."]


@pytest.mark.parametrize(
    "first",
    [
        "Regjeringen legger fram budsjettet.",
        "Hvem vinner valget?",
        "«Det er over.»",
        "– Vi gir oss ikke",
        "Første linje\nandre linje",
    ],
)
def test_text_first_paragraph_that_is_not_a_headline_stays_in_the_body(first: str) -> None:
    article = parse(f"NTB\n\n{first}\n\nMer tekst følger.")
    assert article.headline is None
    assert article.paragraphs[0] == first.replace("\n", " ")
    assert len(article.paragraphs) == 2


def test_text_single_paragraph_is_body_not_headline() -> None:
    article = parse("NTB\n\nStøre går av")
    assert article.headline is None
    assert article.body_text == "Støre går av"


def test_text_keeps_no_break_spaces_and_strips_trailing_spaces() -> None:
    article = parse("Budsjett\n\nDet koster 100\u00a0000 kroner   \n\nEller 2\u202f500 euro.\t \n")
    assert article.paragraphs == ["Det koster 100\u00a0000 kroner", "Eller 2\u202f500 euro."]


def test_text_control_characters_are_removed() -> None:
    article = parse("Over\x00skrift\n\nDet\x07 regner\x1b i Bergen.\x00")
    assert article.headline == "Overskrift"
    assert article.body_text == "Det regner i Bergen."


def test_text_decomposed_letters_are_composed() -> None:
    article = parse("Bla\u030ab\u00e6r\n\nFjellet er bla\u030att.")
    assert article.headline == "Blåbær"
    assert article.body_text == "Fjellet er blått."


@pytest.mark.parametrize("raw", [b"", b"   \n\n  ", b"NTB\n\n", b"\x00\x01\x02", "\u00a0\n".encode()])
def test_text_empty_body_is_rejected(raw: bytes) -> None:
    with pytest.raises(WireFormatError, match="empty body"):
        parse(raw, "text")


def test_text_invalid_utf8_names_the_byte() -> None:
    with pytest.raises(WireFormatError, match="not valid UTF-8 at byte 10$") as caught:
        parse(b"NTB\n\nTroms\xf8 er kald.")
    assert caught.value.fmt == "text"


def test_text_utf16_with_bom() -> None:
    article = parse("\ufeffNTB\n\nSnø i Ålesund\n\nDet snør.".encode("utf-16-le"))
    assert (article.headline, article.body_text) == ("Snø i Ålesund", "Det snør.")


def test_str_with_lone_surrogate_is_a_wire_format_error() -> None:
    with pytest.raises(WireFormatError, match="not valid UTF-8"):
        parse("Overskrift\n\nTekst \ud800.")


def test_text_language_is_guessed_from_the_body() -> None:
    english = parse("Storm warning\n\nThe storm hit the coast on Monday and it was the worst in years, police said.")
    assert english.language == "en"
    assert parse(TEXT).language == "nb"


def test_text_dateline_gives_the_place() -> None:
    article = parse("NTB\n\nRentemøte i dag\n\nOslo (NTB): Norges Bank holder renten uendret.")
    assert article.located == "Oslo"
    assert parse("Rentemøte\n\nI dag (mandag) - holder banken renten.").located is None


IPTC7901 = (
    b"\x01xyz0042 2 i 120  dpa 0001\r\n\r\nSwitzerland/weather/\r\n"
    b"\x02REFILE\n1ST LEAD\nSnow closes Alpine passes\nBy dpa correspondents =\r\n\r\n"
    b"Z\xfcrich (dpa) - Heavy snow closed several Alpine passes\r\non Sunday, the police said.\r\n\r\n"
    b"\"We have never seen so much snow,\" a spokesman told reporters\r\nin Z\xfcrich.\r\n\r\n"
    b"# Notebook\r\n\r\n## Editorial contacts\r\n- Reporting by: A.\xa0Writer\r\n\r\n"
    b"dpa xy zz\r\n\r\n\x03051432 GMT Jan 24\r\n\x7f\x04"
)


def test_text_iptc7901_heading_body_and_filing_time() -> None:
    article = parse(IPTC7901)
    assert article.source_format == "text"
    assert article.headline == "Snow closes Alpine passes"
    assert article.byline == "dpa correspondents"
    assert article.urgency == 2
    assert article.located == "Zürich"
    assert (article.firstcreated, article.versioncreated) == (None, "2024-01-05T14:32:00Z")
    assert article.language == "en"
    assert article.paragraphs == [
        "Zürich (dpa) - Heavy snow closed several Alpine passes on Sunday, the police said.",
        '"We have never seen so much snow," a spokesman told reporters in Zürich.',
    ]


def test_text_iptc7901_in_utf8_is_read_as_utf8() -> None:
    raw = IPTC7901.replace(b"Z\xfcrich", "Zürich".encode()).replace(b"\xa0", b" ")
    assert parse(raw).located == "Zürich"


ANPA1312 = (
    b"\x16\x16\x01a0123\x1fnorthe\n"
    b"r a\x13\x11 BC-NO--Ferry-Fire      03-04 0212\n"
    b"\x02^BC-NO--Ferry-Fire,0212<\n"
    b"^Fire on ferry forces evacuation <\n"
    b"^AP Photo OSL101<\n"
    b"^Eds: Adds quote.<\n"
    b"^By KARI NORDMANN=\n"
    b"^Associated Press=\n"
    b"\t   BERGEN, Norway (AP) _ A fire broke out on a ferry on Sunday, and all passengers were\n"
    b"taken ashore. \n \n"
    b"\t   ``We smelled smoke,'' a passenger said. ``Then the crew said `go.''' \n \n"
    b"\t   ___\n \n"
    b"\t   \x03AP-WF-03-04-24 1509GMT<\n\x0c\x04"
)


def test_text_anpa1312_header_lines_and_tab_paragraphs() -> None:
    article = parse(ANPA1312)
    assert article.headline == "Fire on ferry forces evacuation"
    assert article.byline == "KARI NORDMANN"
    assert article.located == "BERGEN, Norway"
    assert article.urgency is None
    assert article.versioncreated == "2024-03-04T15:09:00Z"
    assert article.language == "en"
    assert article.paragraphs == [
        "BERGEN, Norway (AP) _ A fire broke out on a ferry on Sunday, and all passengers were taken ashore.",
        "\u201cWe smelled smoke,\u201d a passenger said. \u201cThen the crew said \u2018go.'\u201d",
    ]


# --- fuzz ----------------------------------------------------------------------------


def _check(raw: bytes, fmt: str = "auto") -> None:
    try:
        article = parse(raw, fmt, max_bytes=20_000)
    except (WireFormatError, OversizeMessage):
        return
    assert isinstance(article, Article)
    assert article.body_text and article.version >= 1
    assert "\n\n\n" not in article.body_text and "\x00" not in article.body_text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=2000), fmt=st.sampled_from(FORMATS))
def test_fuzz_arbitrary_bytes(raw: bytes, fmt: str) -> None:
    _check(raw, fmt)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sample=st.sampled_from(SAMPLES),
    seed=st.integers(0, 2**32 - 1),
    edits=st.integers(1, 8),
    fmt=st.sampled_from(["auto", "auto", "text", "ninjs", "nitf", "newsml"]),
)
def test_fuzz_mutated_samples(sample: bytes, seed: int, edits: int, fmt: str) -> None:
    rng = random.Random(seed)
    data = bytearray(sample)
    for _ in range(edits):
        pos = rng.randrange(len(data) + 1)
        action = rng.randrange(4)
        if action == 0 and pos < len(data):
            del data[pos : pos + rng.randrange(1, 20)]
        elif action == 1:
            data[pos:pos] = bytes([rng.randrange(256)])
        elif action == 2 and pos < len(data):
            data[pos] = rng.choice(b"<>{}[]\"'&;:/\\\x00\xff\xc3 \n")
        else:
            data = data[:pos]  # truncation
    _check(bytes(data), fmt)


# --- shared helpers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("20240115T101500+0100", "2024-01-15T10:15:00+01:00"),
        ("20240115T1015-0230", "2024-01-15T10:15:00-02:30"),
        ("20240115T101500Z", "2024-01-15T10:15:00Z"),
        ("20240115", "2024-01-15"),
        ("2024-01-15T10:15:00+01:00", "2024-01-15T10:15:00+01:00"),
        (" 2024-01-15T09:15:00.123Z ", "2024-01-15T09:15:00.123Z"),
        ("", None),
        (20240115, None),
    ],
)
def test_timestamps_are_kept_as_sent_with_compact_nitf_expanded(sent: object, kept: str | None) -> None:
    assert timestamp(sent) == kept
