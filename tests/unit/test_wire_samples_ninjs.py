"""The ninjs parser on real samples (files/ninjs-*.json) and their minimal reproductions
(repro/*.json), read from the shared wire-samples directory: every Article field, and
the dead-letter reason where the message cannot give a story."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from service.article import Article, Tag
from service.errors import WireFormatError
from service.formats import parse, parse_items

#: Markup, entities or code that must never reach the text.
NOT_TEXT = ("<", ">", "&lt;", "&gt;", "&amp;", "&nbsp;", "{", "}", "data-", "src=")


@dataclass(frozen=True)
class Expected:
    uri: str
    version: int
    story_id: str
    pubstatus: str
    urgency: int | None
    language: str
    headline: str
    byline: str | None
    located: str | None
    firstcreated: str | None
    versioncreated: str | None
    subjects: tuple[str, ...]
    tags: tuple[Tag, ...]
    paragraphs: int
    first: tuple[str, str]  # how the first paragraph starts and ends
    last: tuple[str, str]
    absent: tuple[str, ...] = ()  # metadata, captions and credits that must not be in the text
    dash_quotes: tuple[int, ...] = ()  # paragraphs that are dash turns


NTB_TAGS = (
    Tag("place", "Telemark", literal="Telemark"),
    Tag("subject", "Innenriks", literal="Innenriks"),
    Tag("subject", "Teknologi", literal="13010000"),
    Tag("subject", "Industri", literal="04011000"),
    Tag("subject", "Olje og energi", literal="04005000"),
)
NTB_SUBJECTS = ("Innenriks", "Teknologi", "Industri", "Olje og energi")
NTB_URI = "urn:8d19cf88-b3ab-4972-8fec-1207599f2872"
NTB_TEXT = ("IT-giganten Google har kjøpt en tomt", "behov for flere datasentre i Europa.")
NTB_STORY = dict(
    uri=NTB_URI, version=6, story_id=NTB_URI, urgency=5, language="nb-NO",
    headline="Google har kjøpt giganttomt i Skien", byline="NTB", located=None,
    firstcreated="2019-08-09T09:30:04Z", versioncreated="2019-08-09T09:46:53Z",
    subjects=NTB_SUBJECTS, tags=NTB_TAGS, paragraphs=1, first=NTB_TEXT, last=NTB_TEXT,
)

IPTC_HEADLINE = "Captain of wrecked cruise ship on trial in Italy"
IPTC_BY = "Paulo Santalucia and Frances d'Emilio"
IPTC_FIRST = ("GROSSETO, Italy (AP) -- The trial of the captain", "carried out in the 2012 tragedy.")
IPTC_LAST = ("Pepe said some 1,000 witnesses", "Schettino has denied wrongdoing.")
IPTC_STORY = dict(
    version=1, pubstatus="usable", urgency=None, language="en", headline=IPTC_HEADLINE, byline=IPTC_BY,
    firstcreated=None, versioncreated="2013-07-09T10:37:00Z", subjects=(), paragraphs=4,
    first=IPTC_FIRST, last=IPTC_LAST,
)
IPTC_MEDIUM_URI = "http://ninjs.example.com/newsitems/20130709med123"

SUPERDESK_GUID = "tag:localhost:2017:7ca07622-3b19-4d61-8daf-18500412d46b"
SUPERDESK_STORY = dict(
    uri=SUPERDESK_GUID, version=4, story_id=SUPERDESK_GUID, pubstatus="usable", urgency=3, language="en",
    headline="Oil prices edge up on first drop in US drilling in months", byline="Henning Gloystein",
    located="Singapore", firstcreated="2017-07-03T01:38:13+00:00", versioncreated="2017-08-24T01:58:40+00:00",
    subjects=("oil and gas - upstream activities",),
    tags=(
        Tag("place", "US", literal="US"),
        Tag("subject", "oil and gas - upstream activities", literal="04005004"),
    ),
    paragraphs=9,
    first=("Oil prices edged up on Monday, supported", "despite a pledge to cut supplies capped gains."),
    last=("(Reporting by Henning Gloystein;", "Editing by Richard Pullin)"),
    absent=("Oil markets something", "Bebeto Matthews"),  # the feature picture's text and credit
)

CONTENTAPI_STORY = dict(
    uri="someid", version=2, story_id="someid", pubstatus="usable", urgency=None, language="nb-NO",
    headline="again", byline="petr", located=None,
    firstcreated="2019-05-09T08:48:53+00:00", versioncreated="2019-05-09T08:49:31+00:00",
    subjects=("lawyer", "Landbruk"),
    tags=(Tag("subject", "lawyer", literal="02002001"), Tag("subject", "Landbruk", literal="04001000")),
    paragraphs=2, first=("with image", "with image"), last=("foo", "foo"),
    absent=("caption", "EMBED", "description", "Edgar Su"),
)

SAMPLES: dict[str, Expected] = {
    "files/ninjs-21-ntb_text.json": Expected(pubstatus="usable", **NTB_STORY),  # descriptions only
    "files/ninjs-30-ntb_text.json": Expected(pubstatus="usable", **NTB_STORY),
    "repro/ninjs21_ntb_text_with_body.json": Expected(pubstatus="usable", **NTB_STORY),
    "repro/ninjs30_ntb_text_with_body_canceled.json": Expected(pubstatus="canceled", **NTB_STORY),
    "files/ninjs-21-tt_text_image.json": Expected(
        uri="http://tt.se/media/text/210526-militarovning-a0f2d045", version=1,
        story_id="http://tt.se/media/text/210526-militarovning-a0f2d045", pubstatus="usable", urgency=3,
        language="sv", headline="Militärövning i jätteformat hålls 2023", byline=None, located=None,
        firstcreated=None, versioncreated="2021-05-26T13:40:18+02:00",
        subjects=("Krig, konflikter och oroligheter",),
        tags=(
            Tag("person", "Jonas Svensson"),
            Tag("organisation", "Aurora"),
            Tag("place", "Sverige"),
            Tag("place", "Gotland"),
            Tag("place", "Finland"),
            Tag("subject", "Krig, konflikter och oroligheter", "http://tt.se/spec/subref/1.0/16000000",
                "16000000", "classifies"),
        ),
        paragraphs=4,
        first=("Pandemin satte stopp för den stora", "det blir 2023, rapporterar Sydöstran."),
        last=("– Precis som den gången har vi inlett", "vilka internationella partners som deltar."),
        absent=("Militärövning i jätteformat", "Försvar TT", "FörsvarTT", "Karl Melander", "Arkivbild"),
        dash_quotes=(1, 3),
    ),
    "files/ninjs-21-dpa_text.json": Expected(
        uri="urn:newsml:dpa.com:20090101:190510-99-167362", version=2,
        story_id="urn:newsml:dpa.com:20090101:190510-99-167362", pubstatus="usable", urgency=4, language="de",
        headline="Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
        byline="Christian Hollmann, dpa", located=None, firstcreated=None,
        versioncreated="2019-05-10T16:02:28+02:00", subjects=(), tags=(), paragraphs=9,
        first=("Für Lucien Favre war es «der größte Skandal", "1:1 für die Gäste auf."),
        last=("Die Debatte zeigt einmal mehr,", "um die richtige Auslegung der Bestimmungen kommen."),
    ),
    "files/ninjs-21-iptc_simple_text.json": Expected(
        uri="http://ninjs.example.com/newsitems/20130709simp123",
        story_id="http://ninjs.example.com/newsitems/20130709simp123", located=None, tags=(), **IPTC_STORY,
    ),
    "files/ninjs-22-iptc_complex_text.json": Expected(
        uri=IPTC_MEDIUM_URI, story_id=IPTC_MEDIUM_URI, located="Grossetto, Italy",
        tags=(
            Tag("person", "Francesco Schettino", "http://www.wikidata.org/entity/Q4421821", rel="about"),
            Tag("organisation", "Costa Crociere SpA", rel="mentions"),
            Tag("place", "Grossetto", rel="mentions"),
            Tag("place", "Tuscany", rel="mentions"),
            Tag("place", "Italy", "http://cvx.iptc.org/iso3166-1a2/it", rel="mentions"),
        ),
        **IPTC_STORY,
    ),
    "files/ninjs-14-iptc_medium_text.json": Expected(
        uri=IPTC_MEDIUM_URI, story_id=IPTC_MEDIUM_URI, located="Grossetto, Italy",
        tags=(
            Tag("person", "Francesco Schettino", "http://www.freebase.com/m/0hzcydt", "0hzcydt", "about"),
            Tag("organisation", "Costa Crociere SpA", rel="mentions"),
            Tag("place", "Grossetto", rel="mentions"),
            Tag("place", "Tuscany", rel="mentions"),
            Tag("place", "Italy", "http://cvx.iptc.org/iso3166-1a2/it", "it", "mentions"),
        ),
        **IPTC_STORY,
    ),
    "files/ninjs-1x-tt_via_ntb_body_html5.json": Expected(
        uri="http://tt.se/media/text/200702-allsvhelsingborguv-1259445", version=1,
        story_id="http://tt.se/media/text/200702-allsvhelsingborguv-1259445", pubstatus="usable", urgency=4,
        language="sv", headline="Krisen allt djupare – Mellberg sämst någonsin",
        byline="Martin Hardenberger/TT", located=None, firstcreated=None,
        versioncreated="2020-07-02T22:04:47+02:00", subjects=("Sport", "fotboll"),
        tags=(
            Tag("person", "Olof Mellberg"),
            Tag("organisation", "Mjällby"),
            Tag("place", "Sverige"),
            Tag("place", "Helsingborg, Sverige"),
            Tag("subject", "Sport", "http://tt.se/spec/subref/1.0/15000000", "15000000", "classifies"),
            Tag("subject", "fotboll", "http://tt.se/spec/subref/1.0/20001065", "20001065", "classifies"),
        ),
        paragraphs=22,
        first=("Bottenmötet mellan HIF och Mjällby", "ex-Helsingborgarnas match."),
        last=("I och med förlusten ligger Olof Mellbergs", "Olof Mellberg gjorde på torsdagen sin 13:e."),
        absent=("Krisen allt djupare", "FotbollTT", "Fotboll TT", "Martin Hardenberger", "Anders Bjurö",
                "deppar efter"),
        dash_quotes=(2, 10, 11, 15, 16, 19, 20),
    ),
    "files/ninjs-sd-ntb_contentapi_item.json": Expected(**CONTENTAPI_STORY),  # _id, no uri
    "repro/contentapi_item_with_uri.json": Expected(**CONTENTAPI_STORY),
    "files/ninjs-sd-superdesk_ninjs2.json": Expected(**SUPERDESK_STORY),  # guid, no uri
    "repro/superdesk_ninjs2_with_uri.json": Expected(**SUPERDESK_STORY),
    "repro/ntb_ninjs_formatter_expected.json": Expected(
        uri="123", version=1, story_id="NTBabcd", pubstatus="usable", urgency=3, language="nb-NO",
        headline="custom media field multi", byline="byline", located="Hammerfest", firstcreated=None,
        versioncreated="2022-08-09T13:38:58+00:00", subjects=("olje- og gassindustri", "Fritid"),
        tags=(
            Tag("place", "Gjerdrum", "http://www.wikidata.org/entity/Q57084", "Q57084"),
            Tag("subject", "olje- og gassindustri", "topics:20000550"),
            Tag("subject", "Fritid", "subject_custom:10000000"),
        ),
        paragraphs=10, first=("This should not be lead", "This should not be lead"),
        last=("footer this is", "footer this is"), absent=("abstract this is",),
    ),
}


def _read(wire_samples: Path, name: str) -> bytes:
    return (wire_samples / name).read_bytes()


def test_every_ninjs_sample_is_covered(wire_samples: Path) -> None:
    found = {f"files/{p.name}" for p in (wire_samples / "files").glob("ninjs-*.json")}
    found |= {f"repro/{p.name}" for p in (wire_samples / "repro").glob("*.json")}
    assert found == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_ninjs_sample(wire_samples: Path, name: str) -> None:
    expected = SAMPLES[name]
    items = parse_items(_read(wire_samples, name))
    assert len(items) == 1 and isinstance(items[0], Article), items
    article = items[0]
    assert article.source_format == "ninjs"
    assert (article.uri, article.version, article.story_id) == (expected.uri, expected.version, expected.story_id)
    assert (article.pubstatus, article.urgency, article.language) == (
        expected.pubstatus, expected.urgency, expected.language)
    assert (article.headline, article.byline, article.located) == (
        expected.headline, expected.byline, expected.located)
    assert (article.firstcreated, article.versioncreated) == (expected.firstcreated, expected.versioncreated)
    assert article.subjects == expected.subjects
    assert article.tags == expected.tags
    assert article.signals == ()

    paragraphs = article.paragraphs
    assert len(paragraphs) == expected.paragraphs
    for paragraph, (start, end) in ((paragraphs[0], expected.first), (paragraphs[-1], expected.last)):
        assert paragraph.startswith(start) and paragraph.endswith(end), paragraph
    for marker in (*NOT_TEXT, *expected.absent):
        assert marker not in article.body_text, marker
    assert article.headline not in paragraphs
    dashed = tuple(i for i, p in enumerate(paragraphs) if p.startswith("– "))
    assert dashed == expected.dash_quotes


def test_ninjs_22_plain_rendition_loses_to_the_xhtml_one(wire_samples: Path) -> None:
    """The plain body is one line; the XHTML body of the same text has the four paragraphs."""
    doc = orjson.loads(_read(wire_samples, "files/ninjs-22-iptc_complex_text.json"))
    plain_only = {**doc, "bodies": [b for b in doc["bodies"] if b["contenttype"] == "text/plain"]}
    assert len(parse(orjson.dumps(plain_only)).paragraphs) == 1
    assert len(parse(orjson.dumps(doc)).paragraphs) == 4


def test_tt_ttnitf_body_alone_gives_the_same_text(wire_samples: Path) -> None:
    doc = orjson.loads(_read(wire_samples, "files/ninjs-21-tt_text_image.json"))
    chosen = parse(orjson.dumps(doc)).paragraphs
    ttnitf_only = {**doc, "bodies": [b for b in doc["bodies"] if b["role"] == "ttnitf"]}
    # The renditions differ only in the space of "25 000" (TT-NITF has &nbsp;).
    assert [p.replace("\u00a0", " ") for p in parse(orjson.dumps(ttnitf_only)).paragraphs] == chosen


def test_ntb_story_without_text_names_the_fields(wire_samples: Path) -> None:
    doc = orjson.loads(_read(wire_samples, "files/ninjs-30-ntb_text.json"))
    del doc["descriptions"]
    with pytest.raises(WireFormatError) as caught:
        parse(orjson.dumps(doc))
    assert caught.value.reason == (
        "ninjs: no text: bodies, body_html5, body_html, body_xhtml, body_text and descriptions are all empty"
    )


def test_superdesk_item_without_any_identifier_names_the_fields(wire_samples: Path) -> None:
    doc = orjson.loads(_read(wire_samples, "files/ninjs-sd-superdesk_ninjs2.json"))
    del doc["guid"]
    with pytest.raises(WireFormatError) as caught:
        parse(orjson.dumps(doc))
    assert caught.value.where == "uri"
    assert "none of uri, guid (Superdesk) or _id (Superdesk content API) is set" in caught.value.reason
