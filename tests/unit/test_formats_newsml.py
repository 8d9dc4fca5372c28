"""service.formats: NewsML-G2."""
from __future__ import annotations

import pytest

from service.errors import WireFormatError
from service.formats import parse

G2 = "http://iptc.org/std/nar/2006-10-01/"


def _item(content: str, *, guid: str = "urn:newsml:ntb.no:20240301:100234", version: str = "3",
          item_meta: str = "", content_meta: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" xmlns:xhtml="http://www.w3.org/1999/xhtml"
    guid="{guid}" version="{version}" standard="NewsML-G2" standardversion="2.33" xml:lang="nb">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:NTB"/>
    <versionCreated>2024-03-01T14:05:00+01:00</versionCreated>
    <firstCreated>2024-03-01T09:30:00+01:00</firstCreated>
    {item_meta}
  </itemMeta>
  <contentMeta>
    <urgency>2</urgency>
    <located qcode="geo:bergen"><name>Bergen</name></located>
    <by>Ola Nordmann</by>
    <headline role="hld:sub">Undertittel</headline>
    <headline>Bybanen stanset i Bergen</headline>
    <subject type="cpnat:abstract" qcode="medtop:20000568"><name xml:lang="nb">Kollektivtransport</name></subject>
    <subject qcode="ntbsubj:lokalt"/>
    <language tag="nb"/>
    <altId type="idType:DOC-ID">doc-1</altId>
    <altId type="idType:NTB-ID">NTB-bybanen-0301</altId>
    {content_meta}
  </contentMeta>
  <contentSet>
    {content}
  </contentSet>
</newsItem>""".encode("utf-8")


INLINE_NITF = """<inlineXML contenttype="application/nitf+xml">
  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
    <body>
      <body.head><hedline><hl1>Bybanen sto i to timer</hl1></hedline></body.head>
      <body.content>
        <p>Bybanen i Bergen sto stille i to timer torsdag ettermiddag.</p>
        <p>– Vi beklager overfor de rundt 10.000 reisende, sier pressevakt Kari Nordmann i Skyss.</p>
      </body.content>
    </body>
  </nitf>
</inlineXML>"""

INLINE_XHTML = """<inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml">
    <head><title>Ikke tekst</title><style>p {}</style></head>
    <body>
      <h2>Signalfeil</h2>
      <p>Årsaken var en <em>signalfeil</em> ved Nonneseter&#160;stasjon.</p>
      <script>ikkeMed();</script>
      <p>«Det er svært beklagelig», skriver Skyss.</p>
    </body>
  </html>
</inlineXML>"""


def test_newsml_with_inline_nitf() -> None:
    article = parse(_item(INLINE_NITF, item_meta='<pubStatus qcode="stat:usable"/>'))
    assert article.source_format == "newsml"
    assert article.uri == "urn:newsml:ntb.no:20240301:100234"
    assert article.version == 3
    assert article.story_id == "NTB-bybanen-0301"
    assert article.headline == "Bybanen stanset i Bergen"
    assert article.byline == "Ola Nordmann"
    assert article.located == "Bergen"
    assert article.language == "nb"
    assert article.urgency == 2
    assert article.pubstatus == "usable"
    assert article.firstcreated == "2024-03-01T09:30:00+01:00"
    assert article.versioncreated == "2024-03-01T14:05:00+01:00"
    assert article.subjects == ("Kollektivtransport", "ntbsubj:lokalt")
    assert article.signals == ()
    assert article.paragraphs == [
        "Bybanen i Bergen sto stille i to timer torsdag ettermiddag.",
        "– Vi beklager overfor de rundt 10.000 reisende, sier pressevakt Kari Nordmann i Skyss.",
    ]


def test_newsml_with_xhtml() -> None:
    article = parse(_item(INLINE_XHTML))
    assert article.paragraphs == [
        "Signalfeil",
        "Årsaken var en signalfeil ved Nonneseter\u00a0stasjon.",
        "«Det er svært beklagelig», skriver Skyss.",
    ]


def test_newsml_update_and_correction_signals() -> None:
    meta = '<pubStatus qcode="stat:usable"/><signal qcode="sig:correction"/><signal qcode="sig:update"/>'
    article = parse(_item(INLINE_NITF, version="5", item_meta=meta))
    assert article.signals == ("update", "correction")
    assert article.version == 5


def test_newsml_canceled() -> None:
    article = parse(_item(INLINE_NITF, item_meta='<pubStatus qcode="stat:canceled"/>'))
    assert article.pubstatus == "canceled"


def test_newsml_withheld_as_full_uri() -> None:
    meta = '<pubStatus uri="x" qcode="http://cv.iptc.org/newscodes/pubstatus/withheld"/>'
    assert parse(_item(INLINE_NITF, item_meta=meta)).pubstatus == "withheld"


def test_newsml_headline_falls_back_to_inline_nitf() -> None:
    raw = (
        f'<newsItem xmlns="{G2}" guid="urn:g:1"><contentSet>{INLINE_NITF}</contentSet></newsItem>'
    ).encode()
    article = parse(raw)
    assert (article.headline, article.story_id, article.version) == ("Bybanen sto i to timer", "urn:g:1", 1)


def test_newsml_message_wrapper() -> None:
    item = _item(INLINE_XHTML).split(b"?>", 1)[1]
    raw = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-03-01T14:05:01Z</sent>'
        b"</header><itemSet>" + item + b"</itemSet></newsMessage>"
    )
    assert parse(raw).story_id == "NTB-bybanen-0301"


def test_newsml_without_namespace_and_plain_inline_data() -> None:
    raw = (
        '<newsItem guid="urn:g:2" version="1"><contentSet><inlineData contenttype="text/plain">'
        "Første avsnitt.\n\nAndre avsnitt.</inlineData></contentSet></newsItem>"
    ).encode()
    assert parse(raw).paragraphs == ["Første avsnitt.", "Andre avsnitt."]


@pytest.mark.parametrize(
    ("raw", "reason", "where"),
    [
        (_item(INLINE_NITF, guid=""), "newsItem has no guid", "newsItem@guid"),
        (_item(INLINE_NITF, version="v2"), "version must be a whole number, got 'v2'", "newsItem@version"),
        (_item(INLINE_NITF, version="0"), "version must be 1 or more", "newsItem@version"),
        (_item(""), "empty body: no inline NITF, XHTML or text", "contentSet"),
        (
            _item(INLINE_NITF, item_meta='<pubStatus qcode="stat:slettet"/>'),
            "unknown pubstatus 'stat:slettet'",
            "itemMeta/pubStatus@qcode",
        ),
        (
            b"<newsMessage><itemSet><newsItem guid='a'/><newsItem guid='b'/></itemSet></newsMessage>",
            "newsMessage holds 2 newsItem elements, expected exactly one",
            "itemSet",
        ),
    ],
)
def test_newsml_malformed(raw: bytes, reason: str, where: str) -> None:
    with pytest.raises(WireFormatError, match=reason) as caught:
        parse(raw)
    assert caught.value.fmt == "newsml"
    assert caught.value.where == where
