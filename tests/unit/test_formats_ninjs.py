"""service.formats: ninjs JSON."""
from __future__ import annotations

import orjson
import pytest

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
    assert (article.version, article.story_id, article.language, article.headline) == (1, "ntb:3", "nb", None)


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
        (b'{"uri": "ntb:1"}', "empty body"),
        (b'{"uri": "ntb:1", "bodies": [{"contenttype": "text/html", "value": "<script>x()</script>"}]}', "empty body"),
        (b'{"uri": "ntb:1", "bodies": [{"contenttype": "image/jpeg", "value": "AAAA"}]}', "empty body"),
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
