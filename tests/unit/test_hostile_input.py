"""Hostile input costs bounded memory and never escapes as anything but a typed error.

Time is bounded by pytest-timeout (a hang detector, not a speed measurement: speeds are
measured in bench/hostile.py)."""
from __future__ import annotations

import tracemalloc

import pytest

from service.errors import NewswireError, OversizeMessage
from service.formats import parse
from service.settings import Security, Settings

MB = 1024 * 1024


def hostile_inputs() -> dict[str, bytes]:
    para = "Dette er en lang setning om soldater ved grensen. " * 40
    return {
        "10 MB of plain text": ("NTB\n\nTittel\n\n" + (para + "\n\n") * 5200).encode()[: 10 * MB],
        "10 MB ninjs body": (b'{"uri": "ntb:big", "version": 1, "bodies": [{"contenttype": "text/html", "value": "'
                             + b"<p>" + b"ord " * (10 * MB // 4) + b'</p>"}]}'),
        "10 MB NITF paragraph": (b"<nitf><head><docdata><doc-id id-string='x'/></docdata></head><body>"
                                 b"<body.content><p>" + b"ord " * (10 * MB // 4) + b"</p></body.content></body></nitf>"),
        "billion laughs": (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                           + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
                                      for i in range(1, 10))
                           + b"]><nitf>&lol9;</nitf>"),
        "quadratic blow-up": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + b"A" * 50_000 + b'">]><nitf>'
                              + b"&a;" * 50_000 + b"</nitf>"),
        "external entity": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                            b"<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>"),
        "deeply nested JSON": b'{"uri": "ntb:n", "x": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
        "deeply nested XML": b"<nitf>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</nitf>",
        "NUL and controls": b"NTB\n\nTittel\n\n" + bytes(range(32)) * 1000 + b" Slutt.",
        "HTML with scripts": (b'{"uri": "ntb:s", "version": 1, "bodies": [{"contenttype": "text/html", "value": '
                              b'"<p>Hei<script>alert(1)</script></p><style>p{}</style><p>Hallo</p>"}]}'),
    }


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", list(hostile_inputs()))
def test_hostile_input_is_bounded_and_typed(name):
    raw = hostile_inputs()[name]
    tracemalloc.start()
    try:
        try:
            article = parse(raw, max_bytes=16 * MB)
        except NewswireError as exc:
            article, error = None, exc
        else:
            error = None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Python-side peak memory within a small multiple of the input.
    assert peak < 12 * len(raw) + 32 * MB, f"{name}: peak {peak / MB:.1f} MB for {len(raw) / MB:.1f} MB input"
    if article is not None:
        assert "<script" not in article.body_text and "alert(1)" not in article.body_text
        assert all(ch in "\n\t" or ord(ch) >= 32 for ch in article.body_text)
        if "lol" in name or "entity" in name or "blow-up" in name:
            pytest.fail(f"{name} was parsed instead of refused")
    else:
        assert error is not None and error.reason


def test_the_configured_maximum_dead_letters_a_10_mb_message():
    raw = hostile_inputs()["10 MB of plain text"]
    limit = Settings().max_message_bytes
    with pytest.raises(OversizeMessage, match=f"over the {limit}-byte limit"):
        parse(raw, max_bytes=limit)


def test_a_10_mb_html_paragraph_is_named_as_too_large_not_empty():
    raw = hostile_inputs()["10 MB ninjs body"]
    with pytest.raises(NewswireError, match="over the parser's 10 MB limit"):
        parse(raw, max_bytes=16 * MB)


def test_credentials_never_show_in_repr(monkeypatch):
    monkeypatch.setenv("NEWSWIRE_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSWIRE_SASL_USERNAME", "newswire")
    monkeypatch.setenv("NEWSWIRE_SASL_PASSWORD", "hemmelig-passord")
    settings = Settings()
    assert "hemmelig-passord" not in repr(settings)
    assert settings.security.aiokafka_kwargs()["sasl_plain_password"] == "hemmelig-passord"
    assert "hemmelig-passord" not in str(settings.to_env())


def test_sasl_without_credentials_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("NEWSWIRE_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSWIRE_SASL_USERNAME", "")
    with pytest.raises(ValueError, match="SASL needs NEWSWIRE_SASL_USERNAME"):
        Security()
