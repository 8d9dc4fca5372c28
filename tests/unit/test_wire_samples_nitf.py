"""Every real NITF sample (shared/data/wire-samples, never copied here): each Article field."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.article import Article, Tag
from service.formats import parse, parse_items

FAKTISK_ID = "faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c"
FAKTISK_HEADLINE = "Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030"
#: Text that is in each file but is not story text: it must not reach body_text.
NOT_TEXT = ("<", "&#", "script", "data-id", "BILDE", "Foto:", "MANGLER", "Embed (", "By The Associated Press",
            "Scanpix", "tides, captured", "___", "\u2029")
#: Lines in the files that are not story text as a whole paragraph (sign-offs).
NOT_PARAGRAPHS = ("/ritzau/", "(EFE)")


def _faktisk(version: int, pubstatus: str) -> dict[str, Any]:
    return dict(
        uri=f"urn:ntb:nitf:{FAKTISK_ID}", version=version, story_id=FAKTISK_ID, pubstatus=pubstatus,
        urgency=5, language="nb-NO", headline=FAKTISK_HEADLINE, byline="Geir Molnes / Faktisk.no",
        located="Oslo", firstcreated=None, versioncreated="2020-09-07T14:45:26+02:00",
        subjects=("Innenriks",),
        tags=(Tag("subject", "Innenriks", literal="Innenriks"), Tag("place", "Norge", literal="Norge")),
        paragraphs=46, first="Påstand", last="Les faktasjekken på Faktisk.no",
    )


EXPECTED: dict[str, dict[str, Any]] = {
    "files/nitf-ntb_faktisk_latin1.xml": _faktisk(48, "usable"),
    "repro/nitf_ntb_faktisk_next_version.xml": _faktisk(49, "usable"),
    "repro/nitf_ntb_faktisk_next_version_killed.xml": _faktisk(49, "canceled"),
    "files/nitf-ntb_ritzau_latin1.xml": dict(
        uri="urn:ntb:nitf:RED_20160512_RTZ_8883_0", version=4, story_id="RED_20160512_RTZ_8883_0",
        pubstatus="usable", urgency=3,
        language="no-NO",  # declared (the text is Danish): the declaration wins
        headline="*En 41-årig mand, der onsdag blev anholdt og sat i forbindel", byline=None,
        located="Stockholm", firstcreated=None, versioncreated="2016-05-12T00:05:13+02:00",
        subjects=("Sport", "Nasjonal toppliga", "Fotball"),
        tags=(
            Tag("subject", "Sport", literal="15000000"),
            Tag("subject", "Nasjonal toppliga", literal="15073031"),
            Tag("subject", "Fotball", literal="15054000"),
            Tag("place", "Sverige", literal="Sverige"),
            Tag("place", "Norden", literal="Norden"),
        ),
        paragraphs=3,
        first="København /ritzau/: En 41-årig mand, der onsdag blev anholdt og sat i forbindelse med en mulig "
              "skudepisode nær en børnehave i Hvidovre ved København, er blevet løsladt.",
        last="Det oplyser Københavns Vestegns Politi.",
    ),
    "files/nitf-iptc_sample_fishing.xml": dict(
        uri="urn:nitf:iptc.321656141.b", version=1, story_id="iptc.321656141.b", pubstatus="canceled",
        urgency=3, language="en", headline="Weather and Tide Updates for Norfolk", byline="Alan Karben",
        located="Newport News, VA", firstcreated="2002-02-20T09:00:00-05:00",
        versioncreated="2002-02-25T14:30:00-05:00",
        subjects=("Weather", "Statistics", "Fishing Industry"),
        tags=(
            Tag("subject", "Weather", literal="17000000"),
            Tag("subject", "Statistics", literal="17004000"),
            Tag("subject", "Fishing Industry", literal="04001002"),
            Tag("place", None, literal="23602"),
            Tag("place", "Norfolk"),
            Tag("organisation", "Acme Boat Company", literal="acm"),
        ),
        paragraphs=11,
        first="The weather was superb today in Norfolk, Virginia. Made me want to take out my boat, "
              "manufactured by the Acme Boat Company.",
        last="Happy fishing everybody!",
    ),
    "files/nitf-ap.xml": dict(
        uri="urn:nitf:AP:20151210T191044Z:2931d8f8d1ad", version=1, story_id="AP:20151210T191044Z:2931d8f8d1ad",
        pubstatus="usable", urgency=None, language="en",
        headline="Can trading pollution like stocks help fight climate change?", byline="BERNARD CONDON",
        located="NEW YORK", firstcreated="2015-12-10T19:10:44Z", versioncreated="2015-12-10T19:10:44Z",
        subjects=(), tags=(),
        paragraphs=27,
        first="NEW YORK (AP) — The gas produced by hog manure at farms across the U.S. punches holes in the "
              "ozone layer, overheats the planet, and angers neighbors with its peculiar odor, a mix of rotten "
              "egg and ammonia.",
        last="Bernard Condon can be reached at http://twitter.com/BernardFCondon . His work can be found at "
             "http://www.bigstory.ap.org/content/bernard-condon .",
    ),
    "files/nitf-ap_media_namespaced.xml": dict(
        uri="urn:nitf:AP:20190703T040512Z:1b7864f4d96f", version=1, story_id="AP:20190703T040512Z:1b7864f4d96f",
        pubstatus="usable", urgency=None,
        language="und",  # nothing declared, and a statistics table has no function words
        headline="BC-BBN--Top Ten", byline=None, located=None,
        firstcreated="2019-07-03T04:05:12Z", versioncreated="2019-07-03T04:05:12Z",
        subjects=(), tags=(),
        paragraphs=19, first="BASEBALL'S TOP TEN",
        last="Woodruff, Milwaukee, 10-2; Soroka, Atlanta, 9-1; Ryu, Los Angeles, 9-2; Greinke, Arizona, 9-3; "
             "Fried, Atlanta, 9-3; Strasburg, Washington, 9-4; JGray, Colorado, 9-5; Buehler, Los Angeles, 8-1; "
             "Marquez, Colorado, 8-3; Scherzer, Washington, 8-5.",
    ),
    "files/nitf-efe.xml": dict(
        uri="urn:nitf:22751909", version=1, story_id="22751909", pubstatus="usable", urgency=5,
        language="en-US", headline="Honduran president announces Cabinet changes",
        byline=None,  # "gr/bp": sign-off initials
        located=None,  # the dateline holds only a story.date
        firstcreated="2017-01-02T22:28:00+00:00", versioncreated="2017-01-02T22:28:00+00:00",
        subjects=("Executive (government)", "GOVERNMENT"),
        tags=(
            Tag("subject", "Executive (government)", literal="11006005"),
            Tag("subject", "GOVERNMENT", literal="F01001000"),
            Tag("place", "Tegucigalpa"),
        ),
        paragraphs=1, first="Tegucigalpa, Jan 2 (EFE).- Test body.", last="Tegucigalpa, Jan 2 (EFE).- Test body.",
    ),
}
FIELDS = ("uri", "version", "story_id", "pubstatus", "urgency", "language", "headline", "byline", "located",
          "firstcreated", "versioncreated", "subjects", "tags")


def _article(wire_samples: Path, name: str) -> Article:
    raw = (wire_samples / name).read_bytes()
    items = parse_items(raw)
    assert len(items) == 1 and isinstance(items[0], Article)
    return items[0]


def test_every_nitf_sample_is_covered(wire_samples: Path) -> None:
    found = {f"files/{p.name}" for p in (wire_samples / "files").glob("nitf-*.xml")}
    found |= {f"repro/{p.name}" for p in (wire_samples / "repro").glob("nitf_*.xml")}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_nitf_sample_fields(wire_samples: Path, name: str) -> None:
    article, expected = _article(wire_samples, name), EXPECTED[name]
    assert article.source_format == "nitf" and article.signals == ()
    assert {field: getattr(article, field) for field in FIELDS} == {field: expected[field] for field in FIELDS}
    paragraphs = article.paragraphs
    assert (len(paragraphs), paragraphs[0], paragraphs[-1]) == (
        expected["paragraphs"], expected["first"], expected["last"]
    )
    assert not [marker for marker in NOT_TEXT if marker in article.body_text]
    assert not set(NOT_PARAGRAPHS) & set(paragraphs)
    assert article.headline not in paragraphs[:1]


def test_faktisk_text_paragraphs(wire_samples: Path) -> None:
    paragraphs = _article(wire_samples, "files/nitf-ntb_faktisk_latin1.xml").paragraphs
    # the lead repeats the headline after its "Faktisk.no:" kicker
    assert "Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030" not in paragraphs
    # &#10; inside a paragraph separates two paragraphs
    summary = paragraphs.index("Konklusjon: Faktisk helt feil") + 1
    assert paragraphs[summary].endswith("slutten på all privat eiendomsrett.")
    assert paragraphs[summary + 1].startswith("Søk i de reelle dokumentene")
    assert "– Dette budskapet skrur i en litt annen retning, og låner fra mer venstreorienterte tema enn de " \
           "høyreorienterte, som ellers dominerer." in paragraphs
    # dash quotes keep their dash; intertitles stay; the list items are paragraphs
    assert paragraphs[paragraphs.index("– Velkjente konspirasjonsteorier") + 1].startswith("Professor Asbjørn")
    assert sum(p.startswith("– ") for p in paragraphs) == 7
    assert paragraphs[paragraphs.index("Blant punktene det hevdes at FN ønsker å oppnå er følgende "
                                       "(Faktisk.nos oversettelse):") + 1] == "Én global verdensregjering"
    # a picture's caption, its credit, placeholders and the embed sections are gone
    for gone in ("Budskapet om FNs Agenda 21", "Dette dokumentet skal angivelig", "Professor Asbjørn Dyrendal.",
                 "Embed (stor):"):
        assert not any(p.startswith(gone) for p in paragraphs)
    # links pretty-printed onto their own line do not leave a space before the punctuation
    assert any("er rent oppspinn. Organisasjonen" in p for p in paragraphs)
    assert paragraphs[-2].endswith("International Network for Hate Studies. Hun forteller også at innholdet i "
                                   "dokumentet er falskt, og at det inneholder en rekke vanlige "
                                   "konspirasjonsteorier om Agenda 21.")
    assert not any(p.endswith("\u00a0") for p in paragraphs)


def test_faktisk_versions_and_kill_share_the_story(wire_samples: Path) -> None:
    names = ("files/nitf-ntb_faktisk_latin1.xml", "repro/nitf_ntb_faktisk_next_version.xml",
             "repro/nitf_ntb_faktisk_next_version_killed.xml")
    stories = [_article(wire_samples, name) for name in names]
    assert len({(a.uri, a.story_id) for a in stories}) == 1
    assert [a.version for a in stories] == [48, 49, 49]
    assert stories[0].body_text == stories[1].body_text == stories[2].body_text


def test_ap_statistics_table_rows(wire_samples: Path) -> None:
    paragraphs = _article(wire_samples, "files/nitf-ap_media_namespaced.xml").paragraphs
    assert paragraphs[:4] == ["BASEBALL'S TOP TEN", "NATIONAL LEAGUE", "G AB R H Pct.", "McNeil NYM 72 271 37 95 .351"]
    assert paragraphs[13:16:2] == ["Home Runs", "Runs Batted In"]


def test_fishing_sample_keeps_intertitles_and_drops_notes_and_media(wire_samples: Path) -> None:
    article = parse((wire_samples / "files/nitf-iptc_sample_fishing.xml").read_bytes())
    assert "The Tides are High" in article.paragraphs and "Local Nooks" in article.paragraphs
    for gone in ("This sample article", "The tides, captured on film", "Karben\n", "Stewart Klometers",
                 "Superb weather in Norfolk today"):
        assert gone not in article.body_text
