"""Every real NewsML-G2 sample (shared data ``wire-samples/files/g2-*.xml``), every field.

Bodies are checked by paragraph count, the first and last paragraph's opening and
closing words, and what must not be there; the samples themselves stay in the shared
directory.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from service.article import Article, Tag
from service.errors import WireFormatError
from service.formats import detect, parse_items

SAMPLES = (
    "g2-ansa_xhtml.xml",
    "g2-businessdesk_bom.xml",
    "g2-dpa_xhtml.xml",
    "g2-iptc_listing1_empty_inline.xml",
    "g2-iptc_listing22_sports_nitf.xml",
    "g2-iptc_listing2_text.xml",
    "g2-iptc_listing6_package.xml",
    "g2-ntb_fixture_ap_multi_item.xml",
    "g2-stt_finnish.xml",
    "g2-tt_swedish.xml",
)
_NOT_TEXT = re.compile(r"<[a-zA-Z/!]|&(?:#\d+|[a-z]+);|\*\*\*")


def _entries(wire_samples: Path, name: str) -> list[Article | WireFormatError]:
    raw = (wire_samples / "files" / name).read_bytes()
    assert detect(raw) == "newsml"
    return parse_items(raw)


def _article(wire_samples: Path, name: str) -> Article:
    (entry,) = _entries(wire_samples, name)
    assert isinstance(entry, Article), entry
    return entry


def _body(
    article: Article, count: int, first: tuple[str, str], last: tuple[str, str], absent: tuple[str, ...] = ()
) -> None:
    paragraphs = article.paragraphs
    assert len(paragraphs) == count
    assert paragraphs[0].startswith(first[0]) and paragraphs[0].endswith(first[1])
    assert paragraphs[-1].startswith(last[0]) and paragraphs[-1].endswith(last[1])
    for paragraph in paragraphs:
        assert not _NOT_TEXT.search(paragraph), paragraph
        assert any(ch.isalnum() for ch in paragraph)
        assert paragraph != article.headline
    for text in absent:
        assert text not in article.body_text


def test_every_g2_sample_is_covered(wire_samples: Path) -> None:
    assert sorted(p.name for p in (wire_samples / "files").glob("g2-*.xml")) == sorted(SAMPLES)


def test_ansa_plain_inline_data_with_literal_p(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-ansa_xhtml.xml")
    assert article.uri == article.story_id == "tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a"
    assert (article.version, article.pubstatus, article.urgency, article.source_format) == (1, "usable", 5, "newsml")
    assert article.language == "it"  # as declared (contentMeta/language), though the text is English
    assert article.headline == "Catalan independence declaration unacceptable - Alfano"
    assert (article.byline, article.located) == ("VRG", "Rome")
    assert article.firstcreated == article.versioncreated == "2017-10-11T10:41:00+01:00"
    assert article.signals == ()
    assert article.subjects == ("ALR", "Catalan independence declaration unacceptable - Alfano")
    assert article.tags == (
        Tag("subject", None, literal="ALR"),
        Tag("subject", None, literal="Catalan independence declaration unacceptable - Alfano"),
    )
    _body(article, 4, ("(ANSA) - Rome, October 11 -", "declaration is unacceptable."),
          ("Catalan leader Carles Puigdemont", "to allow for negotiations."))
    assert article.paragraphs[1].startswith('"Unacceptable Catalan')


def test_businessdesk_package_beside_the_story_is_skipped(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-businessdesk_bom.xml")
    assert article.uri == article.story_id == "BD-20160112123540"
    assert (article.version, article.pubstatus, article.urgency) == (3, "usable", 5)
    assert article.language == "en-US"  # the newsMessage's lang
    assert article.headline == (
        "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale"
    )
    assert article.byline == "Jonathan Underhill"  # the byline opening the body, not the template's
    assert article.located is None
    # "2016-01-12 12:35:40" has no offset and the message states no zone anywhere.
    assert (article.firstcreated, article.versioncreated) == (None, None)
    assert (article.subjects, article.tags, article.signals) == ((), (), ())
    _body(article, 7, ("Jan. 12 (BusinessDesk) - The receivers", "consumer electronics chain."),
          ("It bought Dick Smith from Woolworths", "for about A$2.22 a share."),
          absent=("By Jonathan Underhill", "(BusinessDesk)\n", "Staff Reporter"))


def test_dpa_xhtml_header_is_not_text(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-dpa_xhtml.xml")
    assert article.uri == article.story_id == "urn:newsml:dpa.com:20090101:171220-99-357156"
    assert (article.version, article.pubstatus, article.urgency, article.language) == (6, "usable", 4, "de")
    assert article.headline == "Chef von Ölkonzern Eni soll wegen Nigeria-Schmiergeldern vor Gericht"
    assert (article.byline, article.located) == ("engler.angelika", "Rom")  # creator/name as sent
    assert (article.firstcreated, article.versioncreated) == (None, "2017-12-20T14:49:36+01:00")
    assert article.signals == ()
    assert article.subjects == ("Italien", "Nigeria", "Energie", "Öl", "Prozess (Gericht)", "wi")
    assert article.tags == (
        Tag("place", "Italien", "dpacountry:68"),
        Tag("place", "Nigeria", "dpacountry:123"),
        Tag("subject", "Energie", "medtop:20000256"),
        Tag("subject", "Öl", "dpasubject:332"),
        Tag("subject", "Prozess (Gericht)", "medtop:20000111"),
        Tag("subject", "wi", "dpacat:wi"),
    )
    _body(article, 3, ("Rom (dpa) - Der Geschäftsführer", "Energieminister Dan Etete."),
          ("Das Eni-Board vertraue", "das größte im Mittelmeer ist."),
          absent=("20.12.2017 14:49", "Korruption\n", "Notizblock", "Schmiergeldern vor Gericht"))


def test_iptc_listing1_empty_inline_xml_is_dead_lettered(wire_samples: Path) -> None:
    (entry,) = _entries(wire_samples, "g2-iptc_listing1_empty_inline.xml")
    assert isinstance(entry, WireFormatError)
    assert entry.reason == (
        "newsml: newsItem urn:newsml:acmenews.com:20161018:US-FINANCE-FED: empty body: no text paragraphs in "
        "contentSet (inlineXML application/nitf+xml holds no markup, only whitespace or comments; no inlineData; "
        "no remoteContent) (at contentSet)"
    )
    assert (entry.fmt, entry.where) == ("newsml", "contentSet")


def test_iptc_listing22_located_qcode_alone_is_no_place(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-iptc_listing22_sports_nitf.xml")
    assert article.uri == article.story_id == "tag:xmlteam.com,2016:xt.5932656-preview"
    assert (article.version, article.pubstatus, article.urgency, article.language) == (11, "usable", None, "en-US")
    assert article.headline == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    assert (article.byline, article.located) == ("Sports Network", None)
    assert (article.firstcreated, article.versioncreated) == ("2016-10-19T11:15:00-05:00", "2018-10-19T11:45:00-04:00")
    assert article.signals == ()
    assert article.tags == (
        Tag("subject", "sport", "medtop:20000822"),
        Tag("subject", "Baseball", "medtop:20000849"),
        Tag("subject", "Major League Baseball", "league:l.mlb.com"),
        Tag("subject", "National", "conf:l.mlb.com-c.national"),
        Tag("event", None, "event:l.mlb.com-2016-e.19358"),
        Tag("organisation", "Philadelphia Phillies", "team:l.mlb.com-t.19"),
        Tag("organisation", "Arizona Diamondbacks", "team:l.mlb.com-t.26"),
        Tag("person", "Doug Davis", "person:l.mlb.com-p.456"),
        Tag("person", "Freddy Garcia", "person:l.mlb.com-p.123"),
    )
    assert article.subjects == (
        "sport", "Baseball", "Major League Baseball", "National", "event:l.mlb.com-2016-e.19358",
        "Philadelphia Phillies", "Arizona Diamondbacks", "Doug Davis", "Freddy Garcia",
    )
    _body(article, 6, ("(Sports Network) - A pair of teams", "start of a three-game series."),
          ("Right-hander Freddy Garcia", "over his last six starts."), absent=("Game Preview",))


def test_iptc_listing2_byline_from_the_inline_nitf(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-iptc_listing2_text.xml")
    assert article.uri == article.story_id == "urn:newsml:acmenews.com:20161121:US-FINANCE-FED"
    assert (article.version, article.pubstatus, article.urgency, article.language) == (11, "usable", None, "en-US")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert (article.byline, article.located) == ("Meredith Jameson", "New York, NY")
    assert (article.firstcreated, article.versioncreated) == ("2016-11-21T15:21:06-05:00", "2018-11-21T16:25:32-05:00")
    assert article.signals == ()
    assert article.subjects == ("economy, business and finance", "central bank", "money and monetary policy")
    assert article.tags == (
        Tag("subject", "economy, business and finance", "medtop:04000000"),
        Tag("subject", "central bank", "medtop:20000350"),
        Tag("subject", "money and monetary policy", "medtop:20000379"),
    )
    _body(article, 2, ("(New York, NY - October 21) Et, sent", "ad ex el utat."),
          ("Ugiating ea feugait utat", "esto cons dolutpat, si."))


def test_iptc_listing6_package_is_dead_lettered(wire_samples: Path) -> None:
    (entry,) = _entries(wire_samples, "g2-iptc_listing6_package.xml")
    assert isinstance(entry, WireFormatError)
    assert entry.reason == (
        "newsml: packageItem tag:example.com,2008:UK-NEWS-TOPTEN:UK20081220098658: "
        "a package with no text (it only references other items) (at packageItem)"
    )


AP_SUBJECTS = ("f", "Corporate stock", "Corporate news", "Business", "Earnings reports", "Earnings",
               "Financial performance")


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, dict(guid="5e565888b587889c5c8bd62b6164118c", version=2, located="Pittsburgh",
                 headline="Nutrisystem beats 4Q earnings and revenue expectations",
                 times=("2018-02-26T21:20:36Z", "2018-02-26T21:20:34Z"),
                 subjects=(*AP_SUBJECTS, "NutriSystem Inc"),
                 kinds=("subject",) * 7 + ("organisation",),
                 body=(9, ("FORT WASHINGTON, Pa. (AP) _ Nutrisystem", "net income of $10.9 million."),
                       ("This story was generated by Automated Insights", "https://www.zacks.com/ap/NTRI")))),
        (1, dict(guid="b6d5d4eb781939b5fe8722f3fba28ee2", version=2, located="Bethesda",
                 headline="DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
                 times=("2018-02-26T21:22:18Z", "2018-02-26T21:22:17Z"),
                 subjects=("f", "Earnings reports", "Earnings", "Financial performance", "Corporate news", "Business",
                           "Corporate stock", "Maryland", "United States", "North America", "North Carolina"),
                 kinds=("subject",) * 7 + ("place",) * 4,
                 body=(10, ("BETHESDA, Md. (AP) _ DiamondRock", "topped Wall Street expectations."),
                       ("This story was generated by Automated Insights", "https://www.zacks.com/ap/DRH")))),
        (2, dict(guid="4db5f9c37aac8924db872ba5a7e287e6", version=1, located=None,
                 headline="Scripps Networks tops 4Q profit and revenue expectations",
                 times=("2018-02-26T21:27:10Z", "2018-02-26T21:27:09Z"),
                 subjects=("f", "Earnings reports", "Earnings", "Financial performance", "Corporate news", "Business",
                           "Scripps Networks Interactive Inc", "Tennessee", "United States", "North America",
                           "Knoxville"),
                 kinds=("subject",) * 6 + ("organisation",) + ("place",) * 4,
                 body=(6, ("KNOXVILLE, Tenn. (AP) _ Scripps", "earnings of $65.9 million."),
                       ("This story was generated by Automated Insights", "https://www.zacks.com/ap/SNI")))),
    ],
)
def test_ap_message_gives_one_article_per_item(wire_samples: Path, index: int, expected: dict) -> None:
    entries = _entries(wire_samples, "g2-ntb_fixture_ap_multi_item.xml")
    assert len(entries) == 3 and all(isinstance(e, Article) for e in entries)
    article = entries[index]
    assert isinstance(article, Article)
    assert article.uri == article.story_id == f"tag:ap.org,2011:{expected['guid']}-text"
    assert (article.version, article.pubstatus, article.urgency) == (expected["version"], "usable", 4)
    assert article.language == "en"
    assert (article.headline, article.byline, article.located) == (expected["headline"], None, expected["located"])
    assert (article.firstcreated, article.versioncreated) == expected["times"]
    assert article.signals == ()
    assert article.subjects == expected["subjects"]
    assert tuple(tag.kind for tag in article.tags) == expected["kinds"]
    assert tuple(tag.name for tag in article.tags) == expected["subjects"]
    assert all(tag.uri and tag.uri.split(":")[0] in ("apcategorycode", "apsubject", "apcompany", "apgeography")
               for tag in article.tags)
    assert [tag.rel for tag in article.tags][:2] == [None, "why:direct"]  # the category code has no why
    assert {tag.rel for tag in article.tags[1:]} <= {"why:direct", "why:ancestor"}
    count, first, last = expected["body"]
    _body(article, count, first, last, absent=("_____",))


def test_stt_keeps_the_finnish_original_only(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-stt_finnish.xml")
    assert article.uri == article.story_id == "urn:newsml:stt.fi:20171219:101801633"
    assert (article.version, article.pubstatus, article.urgency, article.language) == (4, "usable", 3, "fi-FI")
    assert article.headline == "Parliament passed the Alcohol Act and the government gained confidence"
    assert (article.byline, article.located) == (None, "Helsinki")
    assert (article.firstcreated, article.versioncreated) == ("2017-12-19T10:33:04+02:00", "2017-12-19T11:16:43+02:00")
    assert article.signals == ("update",)
    assert article.subjects == ("stt-topics:437036", "Politics")
    assert article.tags == (
        Tag("subject", None, "stt-topics:437036", literal="Related topic id"),
        Tag("subject", "Politics", "sttdepartment:9"),
    )
    _body(article, 11, ("Eduskunta on hyväksynyt alkoholilain", "prosenttiraja nousee 5,5:een."),
          ("–\u2009 Hallituspuolueet runnoivat", "heti äänestyksen jälkeen."),
          absent=("DISCLAIMER", "The Parliament", "Parlamentet", "&quot;", "Alkoon"))
    assert "on rajoitettu, sama koskee myös ulkomaisia toimittajia" in article.body_text


def test_tt_nitf_dialect(wire_samples: Path) -> None:
    article = _article(wire_samples, "g2-tt_swedish.xml")
    assert article.uri == article.story_id == "urn:newsml:tt.se:20171220:TT:585167:0"
    assert (article.version, article.pubstatus, article.urgency, article.language) == (1, "usable", 4, "sv")
    assert article.headline == "Polen: EU hämnas för flyktingmotstånd"
    assert (article.byline, article.located) == ("Wiktor Nummelin/TT", "EU")
    assert article.firstcreated == article.versioncreated == "2017-12-20T14:46:21+01:00"
    assert article.signals == ()
    assert article.subjects == ("TT:02000000:LAG", "TT:11000000:POL")
    assert article.tags == (
        Tag("subject", None, literal="TT:02000000:LAG"),
        Tag("subject", None, literal="TT:11000000:POL"),
    )
    _body(article, 37, ("För första gången sedan EU:s Lissabonfördrag", "vägen dit fortfarande är lång."),
          ("Källa: Lissabonfördraget.", "Källa: Lissabonfördraget."),
          absent=("Wiktor Nummelin", "Arkivfoto", "Olivier Matthys", "TT:s korrespondent", "http://"))
    paragraphs = article.paragraphs
    assert paragraphs[1].startswith("I Warszawa tror man att åtgärden")  # INGRESS's second P
    assert paragraphs[2].startswith("– Tyvärr har vår oro fördjupats")  # CITAT is a dash turn
    assert sum(p.startswith("– ") for p in paragraphs) == 10  # one per CITAT
    assert '"Politiskt beslut"' in paragraphs and "Stöd från Ungern?" in paragraphs  # MELLIS
    fact_box = paragraphs.index("Fakta: EU:s storslägga")  # kept after the story, under its own title
    assert len(paragraphs) - fact_box == 9
