"""service.formats: NITF 3.6 XML."""
from __future__ import annotations

import pytest

from service.article import Tag
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
    assert article.byline == "Kari Nordmann"  # the person; "Av " and the byttl title are not the name
    assert article.located == "Tromsø"
    assert article.language == "nb-NO"
    assert article.urgency == 3
    assert article.pubstatus == "usable"
    assert article.versioncreated == "2024-01-15T10:15:00+01:00"
    assert article.firstcreated is None  # version 2's issue time is not when the story began
    # NTB's tobject.type is its category; key-list keywords (NTB's slug) are not subjects
    assert article.subjects == ("Nyheter", "Natur og miljø", "Samferdsel")
    assert article.tags == (
        Tag("subject", "Nyheter", literal="Nyheter"),
        Tag("subject", "Natur og miljø", literal="06000000"),
        Tag("subject", "Samferdsel"),
    )
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
    assert parse(raw).located == "Bergen"  # "(NTB)" is the sender, not part of the place


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
            "empty body: no text in body/body.content .* and body/body.head/abstract",
            "body/body.content",
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


# --- identity and times -------------------------------------------------------------


def _nitf(content: str = "<p>Tekst.</p>", *, head: str = "", docdata: str = '<doc-id id-string="d"/>',
          body_head: str = "", root: str = "") -> bytes:
    return (
        f"<nitf{root}><head>{head}<docdata>{docdata}</docdata></head>"
        f"<body><body.head>{body_head}</body.head><body.content>{content}</body.content></body></nitf>"
    ).encode("utf-8")


def test_ntb_id_is_the_story_and_du_key_the_version() -> None:
    def version(number: int, killed: bool = False) -> bytes:
        status = ' management-status="canceled"' if killed else ""
        return _nitf(
            head='<meta name="NTBID" content="NTB0a1b"/>',
            docdata=f'<doc-id regsrc="NTB" id-string="NTB0a1b_{number - 1:02}"/><du-key key="slug" version="{number}"/>'
            f'<date.issue norm="2024-07-01T08:00:00"/>',
        ).replace(b"<docdata>", f"<docdata{status}>".encode())

    first, second, kill = parse(version(2)), parse(version(3)), parse(version(3, killed=True))
    assert {first.uri, second.uri, kill.uri} == {"urn:ntb:nitf:NTB0a1b"}
    assert {first.story_id, second.story_id, kill.story_id} == {"NTB0a1b"}
    assert (first.version, second.version, kill.pubstatus) == (2, 3, "canceled")
    assert first.versioncreated == "2024-07-01T08:00:00+02:00"  # Oslo summer time


def test_ntb_local_times_are_oslo_time_and_others_without_offset_are_dropped() -> None:
    winter = '<date.issue norm="20240115T101500"/>'
    ntb = parse(_nitf(docdata=f'<doc-id regsrc="NTB" id-string="x"/>{winter}'))
    assert ntb.versioncreated == ntb.firstcreated == "2024-01-15T10:15:00+01:00"
    other = parse(_nitf(docdata=f'<doc-id regsrc="EFE" id-string="x"/>{winter}'))
    assert other.versioncreated is None and other.firstcreated is None


def test_ntb_time_metas_are_the_last_fallback() -> None:
    article = parse(_nitf(head='<meta name="NTBTjeneste" content="Nyhetstjenesten"/>'
                               '<meta name="ntb-dato" content="07.09.2020 14:45"/>'))
    assert article.versioncreated == "2020-09-07T14:45:00+02:00"


def test_first_creation_is_the_earliest_revision() -> None:
    head_tail = (
        '<revision-history norm="20020222T110000-0500"/><revision-history norm="20020220T090000-0500"/>'
    )
    raw = (
        '<nitf><head><docdata><doc-id id-string="d"/><date.issue norm="20020225T143000-0500"/>'
        f'<du-key version="3"/></docdata>{head_tail}</head>'
        "<body><body.content><p>T.</p></body.content></body></nitf>"
    ).encode()
    article = parse(raw)
    assert (article.firstcreated, article.versioncreated) == ("2002-02-20T09:00:00-05:00", "2002-02-25T14:30:00-05:00")


def test_publication_date_stands_in_for_a_missing_issue_date() -> None:
    raw = _nitf(head="").replace(b"</docdata>", b'</docdata><pubdata date.publication="20240115T101500Z"/>')
    assert parse(raw).versioncreated == "2024-01-15T10:15:00Z"


def test_document_without_id_string_is_named_by_source_time_and_headline() -> None:
    def ap(headline: str) -> bytes:
        return _nitf(docdata='<doc-id regsrc="AP"/><date.issue norm="20151210T191044Z"/>',
                     body_head=f"<hedline><hl1>{headline}</hl1></hedline>")

    first, again, other = parse(ap("Tittel")), parse(ap("Tittel")), parse(ap("Annen tittel"))
    assert first.uri == again.uri and first.uri.startswith("urn:nitf:AP:20151210T191044Z:")
    assert first.story_id == first.uri.removeprefix("urn:nitf:")
    assert other.uri != first.uri


def test_no_identifier_at_all_names_what_was_looked_for() -> None:
    with pytest.raises(WireFormatError, match="meta NTBID, nitf@uno, doc-id@id-string, and doc-id@regsrc "
                                              "with date.issue@norm"):
        parse(_nitf(docdata='<doc-id regsrc="AP"/>'))


def test_ntb_priority_stands_in_for_a_missing_urgency() -> None:
    assert parse(_nitf(head='<meta name="NTBPrioritet" content="2"/>')).urgency == 2


# --- body --------------------------------------------------------------------------


def test_explicit_line_break_separates_paragraphs_but_not_in_attributes_or_cdata() -> None:
    raw = _nitf("<p>Første.&#10;Andre.</p><p>&#10;– Sitat, sier hun.</p><p><![CDATA[a&#10;b]]></p>",
                docdata='<doc-id id-string="d"/><ed-msg info="x&#10;y"/>')
    assert parse(raw).paragraphs == ["Første.", "Andre.", "– Sitat, sier hun.", "a&#10;b"]


def test_pretty_printed_newline_is_a_space_and_not_before_punctuation() -> None:
    raw = _nitf('<p class="txt-ind">\n  Les mer hos\n  <a href="x">NTB</a>\n  . Takk\n  <a>her</a>\n  , sa han.\n</p>')
    assert parse(raw).paragraphs == ["Les mer hos NTB. Takk her, sa han."]


def test_escaped_embed_code_leaves_nothing_and_escaped_tags_leave_their_text() -> None:
    embed = ("&lt;div class=&quot;faktisk-embed&quot; data-id=&quot;a0G&quot;&gt;&lt;/div&gt;"
             "&lt;script async src=&quot;https://x/embed.js&quot;&gt;&lt;/script&gt;")
    raw = _nitf(f"<p>Tekst.</p><p>&lt;p&gt;Med &lt;b&gt;tagger&lt;/b&gt;&lt;/p&gt;</p><p>a &lt; b og c &gt; d</p>"
                f"<hl2>Embed (stor):</hl2><p>{embed}</p><hl2>Embed (liten):</hl2><p>{embed}</p>")
    assert parse(raw).paragraphs == ["Tekst.", "Med tagger", "a < b og c > d"]


def test_pictures_captions_and_credits_are_not_text() -> None:
    raw = _nitf(
        '<p class="txt-ind">Før.</p>'
        '<p class="txt-ind">BILDE: <a href="x.jpg">http://x.jpg</a></p><p>Bildetekst uten klasse.</p>'
        '<p class="txt-ind">BILDE: <a href="y.jpg">Professor Dyrendal.</a></p><p>Foto: NTNU</p>'
        '<p class="txt-ind">Etter.</p><p>[ GRAFIKK/VIDEO MANGLER ]</p><p>Foto: NTB / Scanpix</p>'
        '<media media-type="image"><media-caption>Bildetekst.</media-caption></media>'
    )
    assert parse(raw).paragraphs == ["Før.", "Etter."]


def test_a_paragraph_after_a_picture_is_text_when_the_document_classes_nothing() -> None:
    raw = _nitf("<p>BILDE: Et bilde.</p><p>Dette er brødtekst.</p>")
    assert parse(raw).paragraphs == ["Dette er brødtekst."]


def test_sign_offs_bylines_and_separators_are_not_text() -> None:
    raw = _nitf("<p>By Jonathan Underhill</p><p>By then, the market had turned.</p><p>___</p>"
                "<p>Det oplyser politiet.</p><p>/ritzau/</p><p>(BusinessDesk)</p>")
    assert parse(raw).paragraphs == ["By then, the market had turned.", "Det oplyser politiet."]


def test_headline_repeated_first_is_dropped_also_after_its_kicker() -> None:
    head = "<hedline><hl1>Faktisk.no: Nei, dette stemmer ikke</hl1></hedline>"
    raw = _nitf('<p class="lead">Nei, dette stemmer ikke</p><p>Tekst.</p><p>Nei, dette stemmer ikke</p>',
                body_head=head)
    assert parse(raw).paragraphs == ["Tekst.", "Nei, dette stemmer ikke"]
    repeat = _nitf("<block><hl2>BC-BBN--Top Ten</hl2></block><p>Tekst.</p>",
                   body_head="<hedline><hl1>BC-BBN--Top Ten</hl1></hedline>")
    assert parse(repeat).paragraphs == ["Tekst."]


def test_intertitles_are_paragraphs_unless_nothing_follows_them() -> None:
    raw = _nitf("<hl2>Påstand</hl2><p>Tekst.</p><hl2>Tom</hl2><hl2>– Sitat som mellomtittel</hl2><p>Mer.</p>"
                "<hl2>Til slutt</hl2>")
    assert parse(raw).paragraphs == ["Påstand", "Tekst.", "– Sitat som mellomtittel", "Mer."]


def test_lists_tables_notes_and_dash_quotes() -> None:
    raw = _nitf(
        "<p>Punkter:</p><ul><li>Én</li><li>To</li></ul>"
        "<table><tr><th>BASEBALL</th></tr><tr><th></th><th>G</th><th>Pct.</th></tr>"
        "<tr><td>McNeil NYM</td><td>72</td>\n  <td>.351</td></tr><tr><th>By The Associated Press</th></tr></table>"
        '<note noteclass="editorsnote"><p>Til redaksjonen.</p></note>'
        "<bq><block><p>– Vi er klare, sier hun.</p></block><credit>Kari</credit></bq>"
    )
    assert parse(raw).paragraphs == [
        "Punkter:", "Én", "To", "BASEBALL", "G Pct.", "McNeil NYM 72 .351", "– Vi er klare, sier hun.",
    ]


def test_the_abstract_is_the_text_when_the_body_has_none() -> None:
    raw = _nitf("<p> </p>", body_head="<abstract><p>Bare ingressen.</p></abstract>")
    assert parse(raw).paragraphs == ["Bare ingressen."]


# --- body.head and tags ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By <person>Alan Karben</person> <byttl>NITF Network News Online</byttl>", "Alan Karben"),
        ("By BERNARD CONDON<byttl>AP Business Writer</byttl>", "BERNARD CONDON"),
        ("By Meredith Jameson, <byttl>Staff Reporter</byttl>", "Meredith Jameson"),
        ("Geir Molnes / Faktisk.no", "Geir Molnes / Faktisk.no"),
        ("<byttl>Sports Network</byttl>", "Sports Network"),
        ("gr/bp", None),  # EFE's sign-off initials
        (" ", None),
    ],
)
def test_byline(byline: str, expected: str | None) -> None:
    assert parse(_nitf(body_head=f"<byline>{byline}</byline>")).byline == expected


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ('<story.date norm="20170102T222800+0000">20170102T222800+0000</story.date>', None),
        ('<location><city>Newport News</city>, <state>VA</state></location>', "Newport News, VA"),
        ("NEW YORK, Jan. 2 (AP) —", "NEW YORK"),
        ("<location>NEW YORK</location>", "NEW YORK"),
        ("Frankfurt (Oder)", "Frankfurt (Oder)"),
        ("<city>Tromsø</city> <story.date>15. januar</story.date>", "Tromsø"),
    ],
)
def test_located_is_a_place_never_a_date(dateline: str, expected: str | None) -> None:
    assert parse(_nitf(body_head=f"<dateline>{dateline}</dateline>")).located == expected


def test_language_declared_as_sent_else_guessed() -> None:
    assert parse(_nitf(root=' baselang="no-NO"')).language == "no-NO"
    assert parse(_nitf(root=' xml:lang="sv"')).language == "sv"
    english = "<p>The minister said that the plan was not ready and that it would be delayed.</p>"
    assert parse(_nitf(english)).language == "en"


def test_sender_tagging_becomes_tags_and_keywords_do_not() -> None:
    raw = _nitf(
        '<p>Båten fra <org value="acm" idsrc="iptc.org">Acme Boat Company</org> og '
        '<person value="http://www.wikidata.org/entity/Q1">Kari</person>.</p>',
        head='<tobject tobject.type="news"><tobject.subject tobject.subject.refnum="11006005" '
             'tobject.subject.type="Politics" tobject.subject.matter="Government" '
             'tobject.subject.detail="Executive (government)"/></tobject>',
        docdata='<doc-id id-string="d"/><evloc city="Norfolk" state-prov="VA" iso-cc="US"/>'
                '<key-list><keyword key="fishing"/></key-list>'
                '<identified-content><person>Jens Stoltenberg</person><org value="NATO">Nato</org>'
                '<location location-code="23602"/><classifier value="x1">Forsvar</classifier></identified-content>',
    )
    article = parse(raw)
    assert article.tags == (
        Tag("subject", "Executive (government)", literal="11006005"),
        Tag("person", "Jens Stoltenberg"),
        Tag("organisation", "Nato", literal="NATO"),
        Tag("place", None, literal="23602"),
        Tag("subject", "Forsvar", literal="x1"),
        Tag("place", "Norfolk"),
        Tag("organisation", "Acme Boat Company", literal="acm"),
        Tag("person", "Kari", uri="http://www.wikidata.org/entity/Q1"),
    )
    assert article.subjects == ("Executive (government)", "Forsvar")  # "news" is the object type, not NTB's category


def test_ntb_category_and_place_tags() -> None:
    raw = _nitf(head='<meta name="NTBStikkord" content="slug"/><tobject tobject.type="Innenriks"/>',
                docdata='<doc-id id-string="d"/><evloc state-prov="Norge" county-dist="Oslo"/>')
    article = parse(raw)
    assert article.tags == (Tag("subject", "Innenriks", literal="Innenriks"), Tag("place", "Oslo", literal="Oslo"))
    assert article.subjects == ("Innenriks",)
