"""Every real plain-text sample (shared data ``wire-samples/files/text-*``), every field."""
from __future__ import annotations

import hashlib
from pathlib import Path

from service.article import Article
from service.formats import detect, parse

SAMPLES = ("text-ap_anpa1312.tst", "text-dpa_iptc7901.txt")


def _article(wire_samples: Path, name: str) -> Article:
    raw = (wire_samples / "files" / name).read_bytes()
    assert detect(raw) == "text"
    return parse(raw)


def _identity(article: Article) -> None:
    digest = hashlib.sha256(f"{article.headline}\n\n{article.body_text}".encode()).hexdigest()[:20]
    assert article.uri == article.story_id == f"urn:newswire:text:{digest}"
    assert (article.version, article.pubstatus, article.source_format) == (1, "usable", "text")
    assert (article.subjects, article.tags, article.signals, article.firstcreated) == ((), (), (), None)


def _clean(article: Article) -> None:
    for paragraph in article.paragraphs:
        assert any(ch.isalnum() for ch in paragraph)
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in paragraph)
        assert "\ufffd" not in paragraph


def test_every_text_sample_is_covered(wire_samples: Path) -> None:
    assert sorted(p.name for p in (wire_samples / "files").glob("text-*")) == sorted(SAMPLES)


def test_dpa_iptc7901(wire_samples: Path) -> None:
    article = _article(wire_samples, "text-dpa_iptc7901.txt")  # 8-bit, not valid UTF-8
    _identity(article)
    assert article.headline == "Switzerland joins list of countries resisting UN migration pact"
    assert article.byline == "dpa correspondents"
    assert (article.urgency, article.language, article.located) == (3, "en", "Geneva")
    assert article.versioncreated == "2018-11-21T23:22:00Z"  # ETX 212322 GMT Nov 18
    paragraphs = article.paragraphs
    assert len(paragraphs) == 15
    assert paragraphs[0].startswith("Geneva (dpa) - Switzerland is joining")
    assert paragraphs[0].endswith("the government announced on Wednesday.")
    assert paragraphs[-1].startswith("The countries that have rejected the migration pact")
    assert paragraphs[-1].endswith("Poland and the United States.")
    _clean(article)
    for not_text in ("REFILE", "1ST LEAD", "Switzerland/migration", "Notebook", "Editorial contacts",
                     "not intended for publication", "dpa al rmo", "GMT", "http"):
        assert not_text not in article.body_text


def test_ap_anpa1312(wire_samples: Path) -> None:
    article = _article(wire_samples, "text-ap_anpa1312.tst")
    _identity(article)
    assert article.headline == "For Argentine chemo patients, mirrors can hurt"
    assert article.byline == "PAUL BYRNE and ALMUDENA CALATRAVA"
    assert (article.urgency, article.language, article.located) == (None, "en", "BUENOS AIRES, Argentina")
    assert article.versioncreated == "2013-11-13T15:09:00Z"  # ETX AP-WF-11-13-13 1509GMT
    paragraphs = article.paragraphs
    assert len(paragraphs) == 14
    assert paragraphs[0].startswith("BUENOS AIRES, Argentina (AP) _ For cancer patients")
    assert paragraphs[0].endswith("part of your identity goes missing as well.")
    assert paragraphs[1].startswith("\u201cLook Good Feel Better\u201d is a program")  # ``…'' are quotation marks
    assert paragraphs[-1] == "APTN contributor Kacey Cherry in Buenos Aires helped with this story."
    _clean(article)
    for not_text in ("BC-LT", "AP Photo", "Eds:", "PAUL BYRNE", "Associated Press", "AP-WF", "___", "^", "``", "''"):
        assert not_text not in article.body_text
