"""service.formats: NITF 3.6 XML."""
from __future__ import annotations

import pytest

from service.errors import WireFormatError
from service.formats import parse

NITF_LATIN1 = """<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE nitf SYSTEM "http://www.nitf.org/IPTC/NITF/3.6/specification/dtd/nitf-3-6.dtd">
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="nb-NO">
  <head>
    <title>Ras stengte E6 nord for Tromsø</title>
    <tobject tobject.type="Nyheter">
      <tobject.subject tobject.subject.refnum="06000000" tobject.subject.type="Natur og miljø"/>
      <tobject.subject tobject.subject-type="Samferdsel"/>
    </tobject>
    <docdata management-status="usable">
      <doc-id regsrc="NTB" id-string="NTB-20240115-ras-e6"/>
      <urgency ed-urg="3"/>
      <date.issue norm="20240115T101500+0100"/>
      <du-key version="2" key="ras-e6"/>
      <key-list><keyword key="Ras"/><keyword key="Samferdsel"/></key-list>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Jordras stengte E6 i Troms</hl1></hedline>
      <byline>Av <person>Kari Nordmann</person>, <byttl>NTB</byttl></byline>
      <dateline><location><city>Tromsø</city></location> <story.date>15. januar</story.date></dateline>
    </body.head>
    <body.content>
      <p>Et jordras stengte mandag morgen E6 ved Skibotn, opplyser Statens vegvesen.</p>
      <p>Omkjøringen via   Ålesund-fergen er ikke aktuell, og vegvesenet ber
         trafikantene vente.</p>
      <block>
        <p>«Vi har folk på stedet», sier vaktleder Per Ærø.</p>
        <hl2>Stengt i flere døgn</hl2>
        <p>Rundt 100.000 tonn masse har gått, anslår geologene – også nær æøå-bekken.</p>
      </block>
      <media media-type="image"><media-caption>Bildetekst som ikke er brødtekst.</media-caption></media>
      <!-- intern kommentar -->
    </body.content>
  </body>
</nitf>
""".encode("cp1252")  # iso-8859-1 plus the en dash, as Windows newsroom tools write it


NITF_NS = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
  <head>
    <docdata>
      <doc-id id-string="NTB-kort"/>
      <management-status>canceled</management-status>
    </docdata>
  </head>
  <body><body.content><p>Saken er trukket.</p></body.content></body>
</nitf>"""


def test_nitf_latin1_article() -> None:
    article = parse(NITF_LATIN1)
    assert article.source_format == "nitf"
    assert article.uri == "urn:nitf:NTB-20240115-ras-e6"
    assert article.story_id == "NTB-20240115-ras-e6"
    assert article.version == 2
    assert article.headline == "Jordras stengte E6 i Troms"
    assert article.byline == "Av Kari Nordmann, NTB"
    assert article.located == "Tromsø"
    assert article.language == "nb-NO"
    assert article.urgency == 3
    assert article.pubstatus == "usable"
    assert article.firstcreated == article.versioncreated == "2024-01-15T10:15:00+01:00"
    assert article.subjects == ("Natur og miljø", "Samferdsel", "Ras")
    assert article.paragraphs == [
        "Et jordras stengte mandag morgen E6 ved Skibotn, opplyser Statens vegvesen.",
        "Omkjøringen via Ålesund-fergen er ikke aktuell, og vegvesenet ber trafikantene vente.",
        "«Vi har folk på stedet», sier vaktleder Per Ærø.",
        "Stengt i flere døgn",
        "Rundt 100.000 tonn masse har gått, anslår geologene – også nær æøå-bekken.",
    ]


def test_nitf_strict_latin1_bytes_decode() -> None:
    raw = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><nitf><head><docdata><doc-id id-string="x"/></docdata>'
        "</head><body><body.content><p>Tromsø, Ålesund, æøå ÆØÅ.</p></body.content></body></nitf>"
    ).encode("iso-8859-1")
    assert parse(raw).body_text == "Tromsø, Ålesund, æøå ÆØÅ."


def test_nitf_with_namespace_and_element_status() -> None:
    article = parse(NITF_NS)
    assert article.pubstatus == "canceled"
    assert (article.story_id, article.version, article.headline) == ("NTB-kort", 1, None)
    assert article.body_text == "Saken er trukket."


def test_nitf_headline_falls_back_to_title_and_uno_is_the_uri() -> None:
    raw = (
        b'<nitf uno="urn:ntb:uno:55"><head><title>Tittel</title><docdata><doc-id id-string="NTB-55"/>'
        b"</docdata></head><body><body.content><p>Tekst.</p></body.content></body></nitf>"
    )
    article = parse(raw)
    assert (article.uri, article.story_id, article.headline) == ("urn:ntb:uno:55", "NTB-55", "Tittel")


def test_nitf_dateline_without_city() -> None:
    raw = (
        b'<nitf><head><docdata><doc-id id-string="d"/></docdata></head><body><body.head>'
        b"<dateline>Bergen (NTB)</dateline></body.head><body.content><p>T.</p></body.content></body></nitf>"
    )
    assert parse(raw).located == "Bergen (NTB)"


@pytest.mark.parametrize(
    ("raw", "reason", "where"),
    [
        (
            b"<nitf><head><docdata/></head><body><body.content><p>T.</p></body.content></body></nitf>",
            "no document id",
            "head/docdata/doc-id",
        ),
        (
            b'<nitf><head><docdata><doc-id id-string="d"/></docdata></head><body><body.content> <p> </p>'
            b"</body.content></body></nitf>",
            "empty body",
            None,
        ),
        (
            b'<nitf><head><docdata><doc-id id-string="d"/><du-key version="andre"/></docdata></head>'
            b"<body><body.content><p>T.</p></body.content></body></nitf>",
            "version must be a whole number, got 'andre'",
            "head/docdata/du-key@version",
        ),
        (
            b'<nitf><head><docdata management-status="slettet"><doc-id id-string="d"/></docdata></head>'
            b"<body><body.content><p>T.</p></body.content></body></nitf>",
            "unknown pubstatus 'slettet'",
            "head/docdata@management-status",
        ),
        (
            b'<nitf><head><docdata><doc-id id-string="d"/></docdata></head><body><body.content><p>T.</p>'
            b"</body.content></body>",
            "XML syntax error: Premature end of data",
            "line 1, column 113",
        ),
    ],
)
def test_nitf_malformed(raw: bytes, reason: str, where: str | None) -> None:
    with pytest.raises(WireFormatError, match=reason) as caught:
        parse(raw)
    assert caught.value.fmt == "nitf"
    assert caught.value.where == where
