"""service.formats: ninjs JSON."""
from __future__ import annotations

import orjson
import pytest

from service.article import Tag
from service.errors import WireFormatError
from service.formats import parse

HTML_BODY = (
    "<h2>Krevende forhandlinger</h2>"
    "<p>Partene i lønnsoppgjøret ble enige natt til fredag, etter <b>16 timer</b> på overtid.</p>"
    '<script type="text/javascript">track("oppgjor");</script>'
    "<style>p { color: red }</style>"
    "<p>Oppgjøret gir en ramme på 5,2 prosent og\n   omfatter rundt 100&nbsp;000 ansatte.</p>"
    "<blockquote><p>&ndash; Dette er et godt oppgjør, sier LO-leder Kari Nordmann.</p></blockquote>"
    "<ul><li>Lønnstillegg: 4 kroner timen</li><li>Virkning fra 1.&#160;april</li></ul>"
    "<p>Det er &laquo;historisk&raquo;, mener NHO &amp; Virke.<!-- intern merknad --></p>"
)

NINJS_2 = {
    "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
    "uri": "ntb:article:0f1e2d3c-aaaa-bbbb-cccc-000000000002",
    "version": "2",
    "type": "text",
    "pubstatus": "usable",
    "urgency": 4,
    "language": "nb-NO",
    "firstcreated": "2024-04-05T03:12:00+02:00",
    "versioncreated": "2024-04-05T04:40:10+02:00",
    "headlines": [
        {"role": "sub", "value": "Partene enige etter lang natt"},
        {"role": "main", "value": "Enighet i lønnsoppgjøret"},
    ],
    "bylines": [{"byline": "Kari Nordmann"}, {"byline": "Per Hansen", "role": "photo"}],
    "located": "Oslo",
    "subjects": [
        {"name": "Arbeidsliv", "uri": "http://cv.iptc.org/newscodes/mediatopic/09000000"},
        {"uri": "ntb:subject:lonn"},
        {"name": "Arbeidsliv"},
    ],
    "altids": [
        {"role": "NTB-ID", "value": "NTB-0f1e2d3c"},
        {"role": "DOC-ID", "value": "doc-99812"},
    ],
    "genre": [{"name": "Nyheter"}],
    "service": [{"name": "Innenriks", "code": "INN"}],
    "ntb_internal": {"desk": "nyhet", "flags": [1, 2, 3]},
    "bodies": [
        {"contenttype": "text/plain", "value": "Reservetekst som ikke skal brukes."},
        {"contenttype": "text/html", "value": HTML_BODY, "charcount": 999},
    ],
}


def _raw(doc: object) -> bytes:
    return orjson.dumps(doc)


def test_ninjs_2_article() -> None:
    article = parse(_raw(NINJS_2))
    assert article.source_format == "ninjs"
    assert article.uri == "ntb:article:0f1e2d3c-aaaa-bbbb-cccc-000000000002"
    assert article.version == 2
    assert article.story_id == "NTB-0f1e2d3c"
    assert article.headline == "Enighet i lønnsoppgjøret"
    assert article.byline == "Kari Nordmann, Per Hansen"
    assert article.located == "Oslo"
    assert article.language == "nb-NO"
    assert article.urgency == 4
    assert article.pubstatus == "usable"
    assert article.firstcreated == "2024-04-05T03:12:00+02:00"
    assert article.versioncreated == "2024-04-05T04:40:10+02:00"
    assert article.subjects == ("Arbeidsliv", "ntb:subject:lonn")
    assert article.signals == ()
    assert article.paragraphs == [
        "Krevende forhandlinger",
        "Partene i lønnsoppgjøret ble enige natt til fredag, etter 16 timer på overtid.",
        "Oppgjøret gir en ramme på 5,2 prosent og omfatter rundt 100\u00a0000 ansatte.",
        "– Dette er et godt oppgjør, sier LO-leder Kari Nordmann.",
        "Lønnstillegg: 4 kroner timen",
        "Virkning fra 1.\u00a0april",
        "Det er «historisk», mener NHO & Virke.",
    ]


def test_ninjs_script_and_style_never_reach_the_text() -> None:
    body = parse(_raw(NINJS_2)).body_text
    assert "track" not in body and "color" not in body and "merknad" not in body


def test_ninjs_plain_text_body() -> None:
    doc = {
        "uri": "ntb:1",
        "bodies": [{"contenttype": "text/plain", "value": "Første avsnitt\r\nfortsetter.\r\n\r\n– Sitat, sier hun.\n"}],
    }
    assert parse(_raw(doc)).paragraphs == ["Første avsnitt fortsetter.", "– Sitat, sier hun."]


def test_ninjs_1x_fields() -> None:
    doc = {
        "uri": "ntb:2",
        "version": 5,
        "headline": "Flom i Gudbrandsdalen",
        "byline": "Ola Nordmann",
        "altids": {"NTB-ID": "NTB-flom", "DOC-ID": "x"},
        "pubstatus": "canceled",
        "body_html": "<p>Lågen har gått over sine bredder.</p><p>E6 er stengt.</p>",
        "subject": [{"name": "Vær"}],
    }
    article = parse(_raw(doc))
    assert (article.headline, article.byline, article.story_id, article.version) == (
        "Flom i Gudbrandsdalen",
        "Ola Nordmann",
        "NTB-flom",
        5,
    )
    assert article.pubstatus == "canceled"
    assert article.subjects == ("Vær",)
    assert article.paragraphs == ["Lågen har gått over sine bredder.", "E6 er stengt."]


def test_ninjs_1x_body_text_and_defaults() -> None:
    article = parse(_raw({"uri": "ntb:3", "body_text": "Kort melding."}))
    assert article.body_text == "Kort melding."
    # No declared language and too few words to tell: "und", never a default "nb".
    assert (article.version, article.story_id, article.language, article.headline) == (1, "ntb:3", "und", None)


def test_ninjs_story_id_falls_back_to_uri() -> None:
    doc = {"uri": "ntb:4", "altids": [{"role": "DOC-ID", "value": "d"}], "body_text": "Tekst."}
    assert parse(_raw(doc)).story_id == "ntb:4"


def test_ninjs_versions_share_the_story_id() -> None:
    first = parse(_raw(NINJS_2))
    second = parse(_raw({**NINJS_2, "uri": NINJS_2["uri"] + "-v3", "version": 3}))
    assert first.story_id == second.story_id and (first.version, second.version) == (2, 3)


def test_ninjs_controls_and_nul_are_removed() -> None:
    doc = {"uri": "ntb:5", "headlines": [{"value": "Over\u0000skrift\u0007"}], "body_text": "Te\u0000kst\u001b her."}
    article = parse(_raw(doc))
    assert (article.headline, article.body_text) == ("Overskrift", "Tekst her.")


def test_ninjs_pubstatus_withheld_and_unknown_urgency() -> None:
    article = parse(_raw({"uri": "ntb:6", "pubstatus": "withheld", "urgency": "høy", "body_text": "x."}))
    assert article.pubstatus == "withheld" and article.urgency is None


def test_ninjs_utf8_bom_is_accepted() -> None:
    assert parse(b"\xef\xbb\xbf" + _raw({"uri": "ntb:7", "body_text": "Hei."})).uri == "ntb:7"


# --- malformed ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (_raw(NINJS_2)[:120], r"invalid JSON: unexpected end of data \(truncated message\?\)"),
        (b'{"uri": "ntb:1",, }', "invalid JSON"),
        (b"[1, 2, 3]", "valid JSON but not ninjs: top level is an array"),
        (b'[{"uri": "ntb:1"}]', "valid JSON but not ninjs: top level is an array"),
        (b'{"title": "Hei", "text": "x"}', "valid JSON but not ninjs: no uri, headlines or bodies"),
        (b"[" * 100_000, r"nested too deeply \(over 1024 levels\)"),
        (b'{"a":' * 50_000, "nested too deeply"),
        (b'{"uri": "ntb:1", "body_text": "Troms\xf8"}', "not valid UTF-8 at byte 36$"),
        (
            b'{"uri": "ntb:1"}',
            "^ninjs: no text: bodies, body_html5, body_html, body_xhtml, body_text and descriptions are all empty$",
        ),
        (
            b'{"uri": "ntb:1", "bodies": [{"contenttype": "text/html", "value": "<script>x()</script>"}]}',
            r"^ninjs: no text: .* hold no text paragraphs \(sent: bodies\[0\] \(text/html\)\)$",
        ),
        (
            b'{"uri": "ntb:1", "bodies": [{"contenttype": "image/jpeg", "value": "AAAA"}]}',
            r"no text: .*descriptions hold no text paragraphs \(sent: bodies\[0\] \(image/jpeg\)\)",
        ),
        (b'{"uri": "ntb:1", "pubstatus": "deleted", "body_text": "x"}', "unknown pubstatus 'deleted'"),
    ],
)
def test_ninjs_malformed(raw: bytes, reason: str) -> None:
    with pytest.raises(WireFormatError, match=reason) as caught:
        parse(raw)
    assert caught.value.fmt == "ninjs"


def test_ninjs_json_string_is_not_ninjs() -> None:
    with pytest.raises(WireFormatError, match="valid JSON but not ninjs: top level is a string"):
        parse(b'"tekst"', "ninjs")
    assert parse(b'"tekst"').source_format == "text"  # auto: only { and [ are sniffed as JSON


def test_ninjs_syntax_error_says_where() -> None:
    with pytest.raises(WireFormatError) as caught:
        parse(b'{\n  "uri": "ntb:1",\n  "version" 2\n}')
    assert caught.value.where == "line 3, column 13"
    assert "expected ':'" in caught.value.reason


def test_ninjs_missing_uri() -> None:
    with pytest.raises(WireFormatError, match="missing uri") as caught:
        parse(_raw({k: v for k, v in NINJS_2.items() if k != "uri"}))
    assert caught.value.where == "uri"


@pytest.mark.parametrize("bad", ["to", "2.5", "", -1, 0, 2.0, True, [2], "9" * 5000])
def test_ninjs_bad_version(bad: object) -> None:
    with pytest.raises(WireFormatError, match="version must be") as caught:
        parse(_raw({"uri": "ntb:1", "version": bad, "body_text": "Tekst."}))
    assert caught.value.where == "version"


@pytest.mark.parametrize("version", ["7", 7, " 7 "])
def test_ninjs_version_string_or_int(version: object) -> None:
    assert parse(_raw({"uri": "ntb:1", "version": version, "body_text": "Tekst."})).version == 7


def test_ninjs_wrongly_typed_fields_do_not_crash() -> None:
    doc = {
        "uri": "ntb:1",
        "headlines": "Overskrift som streng",
        "bylines": "feil type",
        "subjects": [1, None, {"name": 3}],
        "altids": [None, {"role": None}],
        "located": ["Oslo"],
        "firstcreated": 12,
        "bodies": [None, {"contenttype": None, "value": "<p>Hei.</p>"}],
    }
    article = parse(_raw(doc))
    assert article.headline == "Overskrift som streng"
    assert article.body_text == "Hei."
    assert article.subjects == ("3",)
    assert (article.byline, article.located, article.firstcreated) == (None, None, None)


def test_ninjs_main_body_is_preferred_and_other_roles_are_a_fallback() -> None:
    doc = {
        "uri": "ntb:8",
        "bodies": [
            {"contenttype": "text/html", "role": "summary", "value": "<p>Ingress.</p>"},
            {"contenttype": "text/plain", "value": "Hovedtekst."},
        ],
    }
    assert parse(_raw(doc)).body_text == "Hovedtekst."
    doc["bodies"] = doc["bodies"][:1]
    assert parse(_raw(doc)).body_text == "Ingress."


def test_ninjs_html_charset_meta_does_not_re_decode() -> None:
    value = '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><p>Tromsø og Ålesund</p></body></html>'
    assert parse(_raw({"uri": "ntb:9", "body_html": value})).body_text == "Tromsø og Ålesund"


# --- versions and their names -------------------------------------------------------

NINJS_3 = {
    "uri": "ntb:article:3",
    "version": "3",
    "firstCreated": "2024-04-05T03:12:00+02:00",
    "versionCreated": "2024-04-05T04:40:10+02:00",
    "pubStatus": "canceled",
    "altIds": [{"role": "NTB-ID", "value": "NTB-3"}],
    "language": "nb-NO",
    "by": "Kari Nordmann",
    "headlines": [{"role": "main", "contentType": "text/plain", "value": "Trukket sak"}],
    "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Saken er trukket.</p>"}],
}


def test_ninjs_3_camel_case_names() -> None:
    article = parse(_raw(NINJS_3))
    assert article.pubstatus == "canceled"
    assert (article.firstcreated, article.versioncreated) == ("2024-04-05T03:12:00+02:00", "2024-04-05T04:40:10+02:00")
    assert (article.story_id, article.byline, article.headline) == ("NTB-3", "Kari Nordmann", "Trukket sak")
    assert article.body_text == "Saken er trukket."


def test_ninjs_3_declared_version_reads_camel_case_first() -> None:
    doc = {**NINJS_3, "standard": {"name": "ninjs", "version": "3.0"}, "pubstatus": "usable"}
    assert parse(_raw(doc)).pubstatus == "canceled"
    doc = {**NINJS_3, "$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json", "pubstatus": "usable"}
    assert parse(_raw(doc)).pubstatus == "usable"  # a 2.x document: its own spelling first


@pytest.mark.parametrize(
    ("doc", "version"),
    [
        ({"standard": {"version": "3.1"}}, 3),
        ({"$standard": {"name": "ninjs", "version": "1.4"}}, 1),
        ({"standard": {"name": "TTNINJS", "version": "2.1"}}, 2),
        ({"$schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"}, 3),
        ({"versionCreated": "x"}, 3),
        ({"by": "x"}, 2),
        ({"altids": [{"role": "a", "value": "b"}]}, 2),
        ({"altids": {"a": "b"}, "headline": "x"}, 1),
        ({"body_html5": "<p>x</p>"}, 1),
    ],
)
def test_ninjs_version_is_declared_or_told_by_names(doc: dict[str, object], version: int) -> None:
    from service.formats.ninjs_names import ninjs_version

    assert ninjs_version(doc) == version


def test_ninjs_times_without_offset_are_dropped() -> None:
    doc = {"uri": "x", "body_text": "Tekst.", "versioncreated": "2024-04-05T04:40:10",
           "firstcreated": "2024-04-05T04:40:10Z"}
    article = parse(_raw(doc))
    assert (article.versioncreated, article.firstcreated) == (None, "2024-04-05T04:40:10Z")


@pytest.mark.parametrize(
    ("doc", "byline"),
    [
        ({"by": "A", "byline": "B", "bylines": [{"byline": "C"}]}, "A"),
        ({"byline": "B", "bylines": [{"byline": "C"}]}, "B"),
        ({"bylines": [{"byline": "C"}, {"byline": ""}, {"byline": "D", "role": "Fotograf"}]}, "C, D"),
    ],
)
def test_ninjs_byline_by_then_byline_then_bylines(doc: dict[str, object], byline: str) -> None:
    assert parse(_raw({"uri": "x", "body_text": "Tekst.", **doc})).byline == byline


# --- identifiers --------------------------------------------------------------------


def test_ninjs_identifier_falls_back_to_guid_then_id() -> None:
    assert parse(_raw({"guid": "tag:sd:1", "_id": "capi-1", "body_html": "<p>x</p>"})).uri == "tag:sd:1"
    assert parse(_raw({"_id": "capi-1", "body_html": "<p>x</p>"})).uri == "capi-1"


def test_ninjs_missing_identifier_names_the_fields() -> None:
    with pytest.raises(WireFormatError, match=r"missing uri: none of uri, guid \(Superdesk\) or _id"):
        parse(_raw({"headline": "Hei", "body_text": "x"}))


def test_ninjs_1x_altids_object_and_3x_altids() -> None:
    assert parse(_raw({"uri": "x", "altids": {"NTB-ID": "N1"}, "body_text": "t"})).story_id == "N1"
    assert parse(_raw({"uri": "x", "altIds": [{"role": "ntb-id", "value": "N3"}], "body_text": "t"})).story_id == "N3"


# --- which rendition ----------------------------------------------------------------

XHTML = "<p>Første avsnitt.</p><p>Andre avsnitt.</p><p>Tredje avsnitt.</p>"
PLAIN_ONE_LINE = "Første avsnitt. Andre avsnitt. Tredje avsnitt."


def test_ninjs_markup_beats_a_plain_rendition_without_breaks() -> None:
    doc = {
        "uri": "x",
        "bodies": [
            {"role": "main", "contenttype": "text/plain", "value": PLAIN_ONE_LINE},
            {"role": "richtext", "contenttype": "application/xhtml+xml", "value": XHTML},
        ],
    }
    assert len(parse(_raw(doc)).paragraphs) == 3
    assert len(parse(_raw({"uri": "x", "body_text": PLAIN_ONE_LINE, "body_xhtml": XHTML})).paragraphs) == 3


def test_ninjs_plain_with_blank_lines_beats_flat_markup() -> None:
    doc = {
        "uri": "x",
        "bodies": [
            {"contenttype": "text/html", "value": "Første avsnitt.<br>Andre avsnitt."},
            {"contenttype": "text/plain", "value": "Første avsnitt.\n\nAndre avsnitt."},
        ],
    }
    assert parse(_raw(doc)).paragraphs == ["Første avsnitt.", "Andre avsnitt."]


def test_ninjs_equal_paragraphs_prefer_markup_then_the_first() -> None:
    doc = {
        "uri": "x",
        "bodies": [
            {"contenttype": "text/plain", "value": "Ren tekst."},
            {"contenttype": "text/html", "value": "<p>Først <b>HTML</b>.</p>"},
            {"contenttype": "text/html", "value": "<p>Annen HTML.</p>"},
        ],
    }
    assert parse(_raw(doc)).body_text == "Først HTML."


def test_ninjs_lone_plain_text_without_blank_lines_has_a_paragraph_a_line() -> None:
    body = {"contenttype": "text/plain", "value": "Tittel\nEn.\nTo."}
    doc = {"uri": "x", "headlines": [{"value": "Tittel"}], "bodies": [body]}
    assert parse(_raw(doc)).paragraphs == ["En.", "To."]


TTNITF = (
    "<TTNITF><HEAD><HEADLINE>Tittel</HEADLINE></HEAD><BODY><TEXT><RUBRIK>Tittel</RUBRIK>"
    "<DAT><ORT>Inrikes</ORT><SOURCE>TT</SOURCE></DAT><BRODTEXT><P>Det h&auml;nde i g&aring;r.</P>"
    "<CITAT>Det var bra, s&auml;ger hon.</CITAT><MELLIS>Mellanrubrik</MELLIS><P>Slut &tstr; nu.</P></BRODTEXT>"
    "<BILD><BILDTEXT><P>Bildtext</P></BILDTEXT><BILDSKAPARE>Foto/TT</BILDSKAPARE></BILD></TEXT></BODY></TTNITF>"
)


def test_ninjs_ttnitf_is_read_only_without_another_rendition() -> None:
    doc = {
        "uri": "x",
        "language": "sv",
        "bodies": [
            {"role": "ttnitf", "contenttype": "application/xml", "value": TTNITF},
            {"role": "html5", "contenttype": "text/html", "value": "<p>HTML-versionen.</p>"},
        ],
    }
    assert parse(_raw(doc)).body_text == "HTML-versionen."
    doc["bodies"] = doc["bodies"][:1]
    assert parse(_raw(doc)).paragraphs == [
        "Det hände i går.",
        "– Det var bra, säger hon.",
        "Mellanrubrik",
        "Slut – nu.",
    ]


def test_ninjs_descriptions_are_the_text_when_there_is_no_body() -> None:
    doc = {"uri": "x", "descriptions": [{"role": "text", "contenttype": "text/plain", "value": "Kort omtale."}]}
    assert parse(_raw(doc)).body_text == "Kort omtale."
    assert parse(_raw({"uri": "x", "description_text": "Kort omtale."})).body_text == "Kort omtale."
    doc["body_html"] = "<p>Brødtekst.</p>"
    assert parse(_raw(doc)).body_text == "Brødtekst."


def test_ninjs_no_text_names_extra_body_fields() -> None:
    reason = (r"no text: bodies, body_html5, body_html, body_xhtml, body_text, body_nitf and descriptions "
              r"hold no text paragraphs \(sent: body_nitf\)")
    with pytest.raises(WireFormatError, match=reason):
        parse(_raw({"uri": "x", "body_nitf": "<body><media/></body>"}))


# --- what is not text ---------------------------------------------------------------


def test_ninjs_figures_captions_bylines_and_datelines_are_dropped() -> None:
    value = (
        "<html><head><title>Tittel</title></head><body><article><section><h1>Tittel</h1>"
        '<div class="dat"><span class="vignette">Inrikes</span><span class="source">TT</span></div>'
        '<div class="bodytext"><p>Tekst.</p></div><div class="byline">Kari Nordmann</div>'
        '<figure><img src="x.jpg" alt="alt"/><div class="byline">Foto/TT</div>'
        "<figcaption>Bildtekst.</figcaption></figure>"
        '<!-- EMBED START --><div class="embed-block"><script>x()</script>Innebygd</div><!-- EMBED END -->'
        "<p>Slutt.</p><video><source src='v.mp4'>Video</video></section></article></body></html>"
    )
    assert parse(_raw({"uri": "x", "body_html5": value})).paragraphs == ["Tekst.", "Slutt."]


def test_ninjs_headline_repeated_as_first_paragraph_is_dropped() -> None:
    doc = {"uri": "x", "headline": "Flom i dalen", "body_text": "Flom i dalen\n\nLågen flommer over."}
    assert parse(_raw(doc)).paragraphs == ["Lågen flommer over."]


def test_ninjs_nordic_blockquote_is_a_dash_turn() -> None:
    value = (
        "<p>Hun sa det.</p><blockquote>Det er bra, sier hun.</blockquote>"
        "<blockquote><p>– Allerede strek.</p></blockquote>"
    )
    paragraphs = parse(_raw({"uri": "x", "language": "nb-NO", "body_html": value})).paragraphs
    assert paragraphs[1:] == ["– Det er bra, sier hun.", "– Allerede strek."]
    english = parse(_raw({"uri": "x", "language": "en", "body_html": "<blockquote>Quoted text.</blockquote>"}))
    assert english.body_text == "Quoted text."
    marked = parse(_raw({"uri": "x", "language": "sv", "body_html": "<blockquote>«Citat», sa hon.</blockquote>"}))
    assert marked.body_text == "«Citat», sa hon."


def test_ninjs_embed_code_and_literal_tags_in_text() -> None:
    value = (
        "<p>Før.</p>"
        "<p>&lt;div data-id=&quot;x&quot;&gt;&lt;script src=&quot;e.js&quot;&gt;&lt;/script&gt;&lt;/div&gt;</p>"
        "<p>&lt;p&gt;Bokstavelig&lt;/p&gt;</p>"
    )
    assert parse(_raw({"uri": "x", "body_html": value})).paragraphs == ["Før.", "Bokstavelig"]
    plain_with_tags = {"uri": "x", "bodies": [{"contenttype": "text/plain", "value": "<p>En.</p><p>To.</p>"}]}
    assert parse(_raw(plain_with_tags)).paragraphs == ["En.", "To."]


# --- tags ---------------------------------------------------------------------------


def test_ninjs_2_tags_as_sent_and_subjects_by_name() -> None:
    doc = {
        "uri": "x",
        "body_text": "Tekst.",
        "people": [{"name": "Kari", "uri": "http://www.wikidata.org/entity/Q1", "literal": "im-1", "rel": "about"}],
        "organisations": [{"name": "NTB"}],
        "places": [{"name": "Gjerdrum", "uri": "http://www.wikidata.org/entity/Q57084", "literal": "Q57084"}],
        "subjects": [{"name": "Fritid", "uri": "subject_custom:10000000"}, {"literal": "04001000"}],
        "events": [{"name": "OL"}],
        "objects": [{"name": "Tata LPT 613"}],
    }
    article = parse(_raw(doc))
    assert article.tags == (
        Tag("person", "Kari", "http://www.wikidata.org/entity/Q1", "im-1", "about"),
        Tag("organisation", "NTB"),
        Tag("place", "Gjerdrum", "http://www.wikidata.org/entity/Q57084", "Q57084"),
        Tag("subject", "Fritid", "subject_custom:10000000"),
        Tag("subject", None, None, "04001000"),
        Tag("event", "OL"),
        Tag("object", "Tata LPT 613"),
    )
    assert article.subjects == ("Fritid", "04001000")


def test_ninjs_1x_tags_scheme_and_code() -> None:
    doc = {
        "uri": "x",
        "body_text": "Tekst.",
        "place": [{"name": "Italy", "rel": "mentions", "scheme": "http://cvx.iptc.org/iso3166-1a2/", "code": "it"}],
        "subject": [
            {"name": "Sport", "scheme": "http://tt.se/spec/subref/1.0", "code": "15000000"},
            {"name": "Sport", "scheme": "http://tt.se/spec/subref/1.0", "code": "15000000"},
            {"name": "Landbruk", "scheme": "subject_custom", "code": "04001000"},
        ],
    }
    article = parse(_raw(doc))
    assert article.tags == (
        Tag("place", "Italy", "http://cvx.iptc.org/iso3166-1a2/it", "it", "mentions"),
        Tag("subject", "Sport", "http://tt.se/spec/subref/1.0/15000000", "15000000"),
        Tag("subject", "Landbruk", None, "04001000"),
    )
    assert article.subjects == ("Sport", "Landbruk")


def test_ninjs_html_over_the_parser_limits_says_which() -> None:
    with pytest.raises(WireFormatError, match="nests elements over the parser's limit of 256 levels"):
        parse(_raw({"uri": "x", "body_html": "<div>" * 1000 + "Tekst."}))
    with pytest.raises(WireFormatError, match="a text run in the HTML body is over the parser's 10 MB limit"):
        parse(_raw({"uri": "x", "body_html": "<p>" + "x" * 10_500_000 + "</p>"}))
