"""service.formats: NewsML-G2."""
from __future__ import annotations

import pytest

from service.article import Article, Tag
from service.errors import WireFormatError
from service.formats import detect, parse, parse_items

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
        (
            _item(""),
            r"empty body: no text paragraphs in contentSet \(no inlineXML; no inlineData; no remoteContent\)",
            "contentSet",
        ),
        (
            _item(INLINE_NITF, item_meta='<pubStatus qcode="stat:slettet"/>'),
            "unknown pubstatus 'stat:slettet'",
            "itemMeta/pubStatus@qcode",
        ),
        (b"<newsMessage><itemSet/></newsMessage>", "newsMessage holds no newsItem or packageItem", "itemSet"),
    ],
)
def test_newsml_malformed(raw: bytes, reason: str, where: str) -> None:
    with pytest.raises(WireFormatError, match=reason) as caught:
        parse(raw, "newsml")
    assert caught.value.fmt == "newsml"
    assert caught.value.where == where


# --- messages with several items, packages -------------------------------------------


def _message(*items: str, header: str = "<header><sent>2024-03-01T14:05:01Z</sent></header>") -> bytes:
    return f'<newsMessage xmlns="{G2}">{header}<itemSet>{"".join(items)}</itemSet></newsMessage>'.encode()


def _story(guid: str, text: str, version: str = "1") -> str:
    return (
        f'<newsItem guid="{guid}" version="{version}"><contentMeta><headline>{guid}</headline></contentMeta>'
        f'<contentSet><inlineData contenttype="text/plain">{text}</inlineData></contentSet></newsItem>'
    )


PACKAGE = (
    '<packageItem guid="urn:pkg:1" version="2"><itemMeta><title>Pakke</title></itemMeta>'
    '<groupSet root="G1"><group id="G1"><itemRef residref="urn:a"/><itemRef residref="urn:b"/></group>'
    "</groupSet></packageItem>"
)


def test_newsml_message_gives_one_entry_per_item_in_order() -> None:
    raw = _message(_story("urn:a", "Første sak."), _story("urn:b", ""), _story("urn:c", "Tredje sak.", "4"))
    first, second, third = parse_items(raw)
    assert isinstance(first, Article) and isinstance(third, Article)
    assert (first.uri, first.body_text, third.uri, third.version) == ("urn:a", "Første sak.", "urn:c", 4)
    assert isinstance(second, WireFormatError)
    assert second.reason.startswith("newsml: item 2 of 3 (newsItem urn:b): empty body: no text paragraphs")
    assert "inlineData text/plain is empty" in second.reason
    assert second.where == "itemSet/newsItem[2]/contentSet"


def test_newsml_message_with_several_stories_is_refused_by_parse() -> None:
    raw = _message(_story("urn:a", "En."), _story("urn:b", "To."))
    with pytest.raises(WireFormatError, match="the message holds 2 stories: read it with parse_items"):
        parse(raw)


def test_newsml_item_error_names_its_position_and_field() -> None:
    raw = _message(_story("urn:a", "En."), _story("urn:b", "To.", version="x"))
    error = parse_items(raw)[1]
    assert isinstance(error, WireFormatError)
    assert "item 2 of 2 (newsItem urn:b): version must be a whole number" in error.reason
    assert error.where == "itemSet/newsItem[2]@version"


def test_newsml_lone_package_is_an_error_entry() -> None:
    raw = f'<?xml version="1.0"?>{PACKAGE}'.replace("<packageItem ", f'<packageItem xmlns="{G2}" ').encode()
    assert detect(raw) == "newsml"
    (entry,) = parse_items(raw)
    assert isinstance(entry, WireFormatError)
    assert entry.reason == (
        "newsml: packageItem urn:pkg:1: a package with no text (it only references other items) (at packageItem)"
    )
    with pytest.raises(WireFormatError, match="a package with no text"):
        parse(raw)


def test_newsml_message_of_packages_only_gives_one_error_per_package() -> None:
    entries = parse_items(_message(PACKAGE, PACKAGE.replace("urn:pkg:1", "urn:pkg:2")))
    assert [e.reason for e in entries if isinstance(e, WireFormatError)] == [
        "newsml: item 1 of 2 (packageItem urn:pkg:1): a package with no text (it only references other items)"
        " (at itemSet/packageItem[1])",
        "newsml: item 2 of 2 (packageItem urn:pkg:2): a package with no text (it only references other items)"
        " (at itemSet/packageItem[2])",
    ]


def test_newsml_package_beside_stories_is_skipped() -> None:
    entries = parse_items(_message(PACKAGE, _story("urn:a", "Saken.")))
    assert [e.uri for e in entries if isinstance(e, Article)] == ["urn:a"]
    assert len(entries) == 1


def test_detect_newsml_package_and_message_of_packages() -> None:
    assert detect(f'<packageItem xmlns="{G2}" guid="p"/>'.encode()) == "newsml"
    assert detect(_message(PACKAGE)) == "newsml"


# --- content renditions ------------------------------------------------------------------


def _bare(content: str, content_meta: str = "", attrs: str = "") -> bytes:
    return (
        f'<newsItem xmlns="{G2}" guid="urn:g:9" {attrs}><contentMeta>{content_meta}</contentMeta>'
        f"<contentSet>{content}</contentSet></newsItem>"
    ).encode()


def test_newsml_xhtml_header_figure_and_byline_are_not_text() -> None:
    xhtml = """<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml" lang="nb">
      <body><header><ul class="slugline"><li>Samferdsel</li></ul><time>01.03.2024 14:05</time>
      <h1>Bybanen stanset</h1></header>
      <p class="byline">Kari Nordmann</p>
      <section><p><span class="dateline">Bergen (NTB) - </span>Bybanen sto stille.</p>
      <figure><img src="x.jpg"/><figcaption>Bybanen. Foto: NTB</figcaption></figure>
      <p>Trafikken går igjen.</p></section></body></html></inlineXML>"""
    article = parse(_bare(xhtml))
    assert article.paragraphs == ["Bergen (NTB) - Bybanen sto stille.", "Trafikken går igjen."]
    assert (article.headline, article.byline, article.language) == ("Bybanen stanset", "Kari Nordmann", "nb")


def test_newsml_xhtml_without_its_own_namespace_is_read_by_content_type() -> None:
    xhtml = '<inlineXML contenttype="xhtml/xml"><html><body><p>Første.</p><p>Andre.</p></body></html></inlineXML>'
    assert parse(_bare(xhtml)).paragraphs == ["Første.", "Andre."]


TTNITF = """<inlineXML contenttype="application/ttnitf+xml"><BODY xmlns="">
  <TEXT><RUBRIK>Regnet öser ner</RUBRIK><DAT><ORT>Göteborg</ORT><SOURCE>TT</SOURCE></DAT>
    <INGRESS><P>Det regnar i Göteborg.</P></INGRESS>
    <BRODTEXT><CITAT>Det är blött, säger Anna Andersson.</CITAT><MELLIS>Fler skurar</MELLIS>
      <P>Det fortsätter <I>hela</I> veckan.</P><CITAT>– Vi får vänta, säger hon.</CITAT></BRODTEXT>
    <BYLINE EPOST="a@tt.se">Anna Berg/TT</BYLINE>
    <BILD><BILDFIL>http://x/1</BILDFIL><BILDTEXT><P>Regn över stan.</P></BILDTEXT>
      <BILDSKAPARE>Foto/TT</BILDSKAPARE></BILD>
  </TEXT>
  <TEXT><RUBRIK>Fakta: Regn</RUBRIK><BRODTEXT><UL><LI>1) Mycket regn.</LI></UL><P/></BRODTEXT></TEXT>
</BODY></inlineXML>"""


def test_newsml_ttnitf_is_read_as_tt_dialect() -> None:
    article = parse(_bare(TTNITF, content_meta='<language tag="sv"/>'))
    assert article.headline == "Regnet öser ner"
    assert article.byline == "Anna Berg/TT"
    assert article.language == "sv"
    assert article.paragraphs == [
        "Det regnar i Göteborg.",
        "– Det är blött, säger Anna Andersson.",
        "Fler skurar",
        "Det fortsätter hela veckan.",
        "– Vi får vänta, säger hon.",
        "Fakta: Regn",
        "1) Mycket regn.",
    ]


def test_newsml_plain_inline_data_with_literal_tags_and_indented_paragraphs() -> None:
    data = (
        "<![CDATA[<p>\n   (NTB) - Første linje\nfortsetter her.\n   \"Sitat,\" sa han.\n"
        "   Siste avsnitt\nher.\n</p>]]>"
    )
    article = parse(_bare(f'<inlineData contenttype="text/plain">{data}</inlineData>'))
    assert article.paragraphs == ["(NTB) - Første linje fortsetter her.", '"Sitat," sa han.', "Siste avsnitt her."]


def test_newsml_text_escaped_twice_is_decoded_and_rules_dropped() -> None:
    xhtml = (
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<p>&amp;quot;Ja&amp;quot;, sa hun&amp;#39;s.</p><p>_____</p><p>Slutt.</p></body></html></inlineXML>"
    )
    assert parse(_bare(xhtml)).paragraphs == ['"Ja", sa hun\'s.', "Slutt."]


def test_newsml_machine_translations_before_the_original_are_dropped() -> None:
    english = "The government has said that the budget is not ready, and it will be presented in the spring."
    swedish = "Regeringen har sagt att budgeten inte är klar och att den ska presenteras i vår av ministern."
    finnish = (
        "Hallitus kertoi tiistaina, että ensi vuoden budjetti ei vielä ole valmis ja että ministeri esittelee sen "
        "eduskunnalle vasta keväällä, kun talouden näkymät ovat selvemmät."
    )
    body = (
        f"<p>*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***</p><p>{english}</p>"
        f"<p>*** DISCLAIMER: DETTA ÄR EN AUTOMATISK ÖVERSÄTTNING ***</p><p>{swedish}</p>"
        f"<p>*** DISCLAIMER: THIS IS AN AUTOMATED TRANSLATION FROM FINNISH ***</p><p>{finnish}</p>"
        "<p>Jos myynti on rajoitettu</p><p>, sama koskee muita.</p>"
    )
    raw = _bare(
        f'<inlineXML contenttype="xhtml/xml"><html><body>{body}</body></html></inlineXML>',
        content_meta="<headline>Budget delayed*** TRANSLATED ***</headline>",
        attrs='xml:lang="fi-FI"',
    )
    article = parse(raw)
    assert article.paragraphs == [finnish, "Jos myynti on rajoitettu, sama koskee muita."]
    assert (article.language, article.headline) == ("fi-FI", "Budget delayed")


def test_newsml_byline_paragraph_and_headline_repeat_leave_the_body() -> None:
    nitf = (
        '<inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>'
        "<p>Bybanen stanset</p><p>By Kari Nordmann</p><p>Bybanen sto stille.</p>"
        "</body.content></body></nitf></inlineXML>"
    )
    article = parse(_bare(nitf, content_meta="<headline>Bybanen stanset</headline>"))
    assert article.paragraphs == ["Bybanen sto stille."]
    assert article.byline == "Kari Nordmann"


def test_newsml_empty_inline_xml_names_what_was_looked_at() -> None:
    raw = _bare(
        '<inlineXML contenttype="application/nitf+xml"><!-- kommer --></inlineXML>'
        '<remoteContent contenttype="image/jpeg" href="x.jpg"/>'
    )
    with pytest.raises(WireFormatError) as caught:
        parse(raw)
    assert caught.value.reason == (
        "newsml: newsItem urn:g:9: empty body: no text paragraphs in contentSet (inlineXML application/nitf+xml"
        " holds no markup, only whitespace or comments; remoteContent image/jpeg is a reference (not fetched);"
        " no inlineData) (at contentSet)"
    )


# --- metadata ---------------------------------------------------------------------------

PLAIN = '<inlineData contenttype="text/plain">Dette er en sak om været i Bergen, og det regner.</inlineData>'


@pytest.mark.parametrize(
    ("content_meta", "located"),
    [
        ('<located qcode="geo:1"><name>Bergen</name></located>', "Bergen"),
        ('<located literal="Rome"/>', "Rome"),
        ('<located qcode="city:Philadelphia"><broader qcode="reg:Pennsylvania"/></located>', None),
        ('<located qcode="geo:2"/><subject qcode="geo:2"><name>Tromsø</name></subject>', "Tromsø"),
        ('<located type="cptype:city"><broader><name>Vestland</name></broader></located>', "Vestland"),
        ('<located type="cptype:city"/>', None),
    ],
)
def test_newsml_located_is_a_name_never_a_qcode(content_meta: str, located: str | None) -> None:
    assert parse(_bare(PLAIN, content_meta=content_meta)).located == located


@pytest.mark.parametrize(
    ("content_meta", "content", "attrs", "language"),
    [
        ('<language tag="sv"/>', PLAIN, 'xml:lang="swe"', "sv"),
        ("", PLAIN, 'xml:lang="en-GB"', "en-GB"),
        ("", INLINE_NITF.replace("<nitf ", '<nitf baselang="da" '), "", "da"),
        ("", PLAIN, "", "nb"),  # guessed from the body
    ],
)
def test_newsml_language_as_declared_else_guessed(content_meta: str, content: str, attrs: str, language: str) -> None:
    assert parse(_bare(content, content_meta=content_meta, attrs=attrs)).language == language


def test_newsml_language_declared_on_the_message() -> None:
    raw = f'<newsMessage xmlns="{G2}" lang="en-US"><itemSet>{_story("urn:a", "Text.")}</itemSet></newsMessage>'
    assert parse(raw.encode()).language == "en-US"


NITF_BYLINE = "<byline>By Meredith Jameson, <byttl>Reporter</byttl></byline>"


@pytest.mark.parametrize(
    ("content_meta", "content", "byline"),
    [
        ("<by>Ola Nordmann</by><creator><name>ola.n</name></creator>", INLINE_NITF, "Ola Nordmann"),
        (
            "<creator><name>Meredith Jameson</name></creator>",
            INLINE_NITF.replace("</hedline>", f"</hedline>{NITF_BYLINE}"),
            "Meredith Jameson",  # the writer: "By" and the title (byttl) are not names
        ),
        ('<creator literal="VRG"/>', PLAIN, "VRG"),
        ('<creator literal=""/>', PLAIN, None),
    ],
)
def test_newsml_byline_by_then_inline_then_creator(content_meta: str, content: str, byline: str | None) -> None:
    assert parse(_bare(content, content_meta=content_meta)).byline == byline


def test_newsml_times_fall_back_to_content_created_and_drop_offsetless() -> None:
    meta = "<contentCreated>2024-03-01T09:00:00+01:00</contentCreated>"
    raw = _bare(PLAIN, content_meta=meta).replace(
        b"<contentMeta>", b"<itemMeta><versionCreated>2024-03-01 12:35:40</versionCreated></itemMeta><contentMeta>"
    )
    article = parse(raw)
    assert (article.firstcreated, article.versioncreated) == ("2024-03-01T09:00:00+01:00", None)


def test_newsml_headline_falls_back_to_item_title() -> None:
    raw = _bare(PLAIN).replace(b"<contentMeta>", b"<itemMeta><title>Tittel</title></itemMeta><contentMeta>")
    assert parse(raw).headline == "Tittel"


def test_newsml_subjects_become_tags_by_concept_type() -> None:
    meta = """
      <subject type="cpnat:person" qcode="person:1" rel="rel:about"><name>Kari Nordmann</name></subject>
      <subject type="cpnat:organisation" qcode="org:2" why="why:direct"><name>Skyss</name></subject>
      <subject type="cpnat:geoArea" qcode="geo:3"><name xml:lang="en">Bergen city</name>
        <name xml:lang="nb">Bergen</name></subject>
      <subject type="cpnat:poi" qcode="poi:4"><name role="nrol:mnemonic">NS</name><name>Nonneseter</name></subject>
      <subject type="cpnat:abstract" qcode="medtop:20000568"><name>Kollektivtransport</name>
        <broader qcode="medtop:1"><name>Samfunn</name></broader></subject>
      <subject qcode="ntbsubj:lokalt"/>
      <subject literal="TT:02000000:LAG"/>
      <subject type="Topic"><name></name></subject>
      <genre qcode="genre:x"><name>Nyhet</name></genre>"""
    article = parse(_bare(PLAIN, content_meta=f'<language tag="nb"/>{meta}'))
    assert article.tags == (
        Tag("person", "Kari Nordmann", "person:1", rel="rel:about"),
        Tag("organisation", "Skyss", "org:2", rel="why:direct"),
        Tag("place", "Bergen", "geo:3"),
        Tag("place", "Nonneseter", "poi:4"),
        Tag("subject", "Kollektivtransport", "medtop:20000568"),
        Tag("subject", None, "ntbsubj:lokalt"),
        Tag("subject", None, literal="TT:02000000:LAG"),
    )
    assert article.subjects == (
        "Kari Nordmann", "Skyss", "Bergen", "Nonneseter", "Kollektivtransport", "ntbsubj:lokalt", "TT:02000000:LAG",
    )
