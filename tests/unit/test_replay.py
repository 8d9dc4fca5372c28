"""Archive readers, timestamp sniffing, pacing and the bundled sample archive."""
from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import tarfile
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from service.replay import (
    ArchiveError,
    Pacer,
    RawMessage,
    ReplaySummary,
    encode_document,
    iter_archive,
    iter_archives,
    jsonl_payload,
    safe_member_name,
    sniff_timestamp,
)
from service.samples import BUNDLE_KINDS, SAMPLE_ARCHIVE, sample_paths, write_bundle

CET = timezone(timedelta(hours=1))
NEWSML_NS = "{http://iptc.org/std/nar/2006-10-01/}"
NITF_NS = "{http://iptc.org/std/NITF/2006-10-18/}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"


def sample_format(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".txt":
        return "text"
    if path.suffix == ".json":
        return "ninjs"
    root = etree.fromstring(data)
    return {"nitf": "nitf", f"{NEWSML_NS}newsItem": "newsml"}[root.tag]


def tar_with(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return path


class Skips(list[tuple[str, str]]):
    def __call__(self, source: str, reason: str) -> None:
        self.append((source, reason))


# --------------------------------------------------------------------------- samples


def test_sample_archive_size_and_formats() -> None:
    paths = sample_paths()
    assert all(p.parent == SAMPLE_ARCHIVE for p in paths)
    assert len(paths) >= 24
    formats = [sample_format(p) for p in paths]
    assert set(formats) == {"text", "ninjs", "nitf", "newsml"}
    assert all(formats.count(f) >= 5 for f in set(formats))


def test_sample_plain_text_layout() -> None:
    for path in (p for p in sample_paths() if p.suffix == ".txt"):
        text = path.read_text(encoding="utf-8")
        agency, headline, *paragraphs = text.strip("\n").split("\n\n")
        assert agency == "NTB", path.name
        assert "\n" not in headline and not headline.endswith("."), path.name
        assert 3 <= len(paragraphs) <= 8, path.name
        assert all(p.strip() == p and "\n" not in p for p in paragraphs), path.name


def test_sample_ninjs_documents() -> None:
    for path in (p for p in sample_paths() if p.suffix == ".json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["$schema"] == "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
        assert doc["uri"].startswith("ntb:") and doc["type"] == "text" and doc["language"] == "nb"
        assert doc["pubstatus"] in {"usable", "canceled"}
        assert datetime.fromisoformat(doc["versioncreated"]) >= datetime.fromisoformat(doc["firstcreated"])
        roles = {a["role"]: a["value"] for a in doc["altids"]}
        assert roles["NTB-ID"].startswith("NTB") and "DOC-ID" in roles
        (body,) = doc["bodies"]
        assert body["role"] == "main" and body["contenttype"] == "text/html"
        paragraphs = etree.fromstring(f"<div>{body['value']}</div>").findall("p")
        assert 3 <= len(paragraphs) <= 8, path.name


def test_sample_xml_documents_parse() -> None:
    for path in (p for p in sample_paths() if p.suffix == ".xml"):
        root = etree.fromstring(path.read_bytes())
        if root.tag == "nitf":
            assert root.find("head/docdata/doc-id").get("id-string").startswith("NTB")
            assert root.find("head/docdata/date.issue").get("norm")
            assert root.findtext("body/body.head/hedline/hl1")
            assert root.findtext("body/body.head/dateline/location/city")
            paragraphs = root.findall("body/body.content/p")
        else:
            assert root.get("standard") == "NewsML-G2" and root.get("guid").startswith("urn:newsml:ntb.no:")
            assert root.findtext(f"{NEWSML_NS}itemMeta/{NEWSML_NS}versionCreated")
            assert root.findtext(f"{NEWSML_NS}contentMeta/{NEWSML_NS}altId").startswith("NTB")
            paragraphs = root.findall(f".//{NITF_NS}p") or root.findall(f".//{XHTML_NS}p")
        assert 3 <= len(paragraphs) <= 8, path.name


def test_sample_nitf_latin1_files() -> None:
    latin = [p for p in sample_paths() if p.read_bytes().startswith(b'<?xml version="1.0" encoding="iso-8859-1"?>')]
    assert len(latin) >= 3
    for path in latin:
        data = path.read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode("latin-1")
        assert "ø" in text or "å" in text
        parsed = "".join(etree.fromstring(data).itertext())
        assert "ø" in parsed or "å" in parsed
        assert "Ã" not in parsed  # no double-encoded UTF-8
    tromso = next(p for p in latin if "tromso" in p.name)
    assert etree.fromstring(tromso.read_bytes()).findtext("body/body.head/dateline/location/city") == "Tromsø"
    dash = "".join(etree.fromstring(next(p for p in latin if "ukraina-stotte" in p.name).read_bytes()).itertext())
    assert "\n– Vi har gitt et løfte" in dash.replace("      ", "")


def test_sample_versions_update_correction_kill() -> None:
    ninjs = [json.loads(p.read_bytes()) for p in sample_paths() if p.suffix == ".json"]
    newsml = [etree.fromstring(p.read_bytes()) for p in sample_paths() if sample_format(p) == "newsml"]

    def signals(item: etree._Element) -> set[str]:
        return {s.get("qcode") for s in item.iter(f"{NEWSML_NS}signal")}

    def status(item: etree._Element) -> str:
        return item.find(f"{NEWSML_NS}itemMeta/{NEWSML_NS}pubStatus").get("qcode")

    assert any("sig:update" in signals(i) and i.get("version") == "2" for i in newsml)
    assert any("sig:correction" in signals(i) for i in newsml)
    assert any(status(i) == "stat:canceled" for i in newsml)
    assert any(d["pubstatus"] == "canceled" for d in ninjs)
    assert any(d["version"] == "2" and "Rettelse" in d["bodies"][0]["value"] for d in ninjs)
    assert any(i.find(f".//{NEWSML_NS}inlineXML").get("contenttype") == "application/xhtml+xml" for i in newsml)

    # Versions of a story share uri/guid and NTB-ID; every (story, version) is unique.
    keys = [(d["uri"], d["version"]) for d in ninjs] + [(i.get("guid"), i.get("version")) for i in newsml]
    assert len(keys) == len(set(keys))
    by_uri: dict[str, set[str]] = {}
    for d in ninjs:
        by_uri.setdefault(d["uri"], set()).add(next(a["value"] for a in d["altids"] if a["role"] == "NTB-ID"))
    for i in newsml:
        by_uri.setdefault(i.get("guid"), set()).add(i.findtext(f".//{NEWSML_NS}altId"))
    assert all(len(ids) == 1 for ids in by_uri.values())
    assert sum(v == "2" for _, v in keys) >= 4
    for story, version in keys:
        if version == "2":
            assert (story, "1") in keys


def test_sample_content_covers_quotes_and_numbers() -> None:
    texts = []
    for path in sample_paths():
        data = path.read_bytes()
        texts.append("".join(etree.fromstring(data).itertext()) if path.suffix == ".xml" else data.decode())
    corpus = "\n".join(texts)
    for needle in [
        "sier statsminister", "til NTB.", "ifølge Reuters", "opplyser at", "navnet «Vinterstorm»",
        "nesten 100.000 russiske soldater ved grensen, ifølge", "mellom 90.000 og 100.000",
        "opp mot 30.000 NATO-soldater", "1,5 millioner", "Titusenvis av soldater", "2 milliarder kroner",
        "100 000", "300\u00a0000 soldater", "prosent", "\n– ",
    ]:
        assert needle in corpus, needle
    assert re.search(r"«[^»]+», sier [^.]+ til NTB\.", corpus)


def test_sample_names_are_in_time_order() -> None:
    stamps = [m.timestamp for m in iter_archive(SAMPLE_ARCHIVE) if m.timestamp is not None]
    assert len(stamps) >= 20
    assert stamps == sorted(stamps)
    assert stamps[-1] - stamps[0] >= timedelta(days=2)
    assert all(s.year == 2024 and s.month == 1 for s in stamps)


# --------------------------------------------------------------------------- archive kinds


def test_directory_reads_every_sample_in_order() -> None:
    messages = list(iter_archive(SAMPLE_ARCHIVE))
    assert [m.payload for m in messages] == [p.read_bytes() for p in sample_paths()]
    assert messages[0].source == f"{SAMPLE_ARCHIVE}:{sample_paths()[0].name}"


@pytest.mark.parametrize("kind", ["tar.gz", "tgz", "tar", "zip"])
def test_packed_archives_match_directory(tmp_path: Path, kind: str) -> None:
    bundle = write_bundle(tmp_path, kind)
    messages = list(iter_archive(bundle))
    expected = list(iter_archive(SAMPLE_ARCHIVE))
    assert [m.payload for m in messages] == [m.payload for m in expected]
    assert [m.timestamp for m in messages] == [m.timestamp for m in expected]
    assert messages[3].source == f"{bundle}:archive/{sample_paths()[3].name}"


def test_jsonl_bundle_round_trips_every_format(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path, "jsonl")
    messages = list(iter_archive(bundle))
    paths = sample_paths()
    assert len(messages) == len(paths)
    for number, (msg, path) in enumerate(zip(messages, paths), 1):
        assert msg.source == f"{bundle}:{number}"
        if path.suffix == ".json":
            assert json.loads(msg.payload) == json.loads(path.read_bytes())
        else:  # XML (latin-1 ones included) and text come back byte for byte
            assert msg.payload == path.read_bytes(), path.name
    assert [m.timestamp for m in messages] == [m.timestamp for m in iter_archive(SAMPLE_ARCHIVE)]


def test_write_bundle_rejects_unknown_kind(tmp_path: Path) -> None:
    assert "zip" in BUNDLE_KINDS
    with pytest.raises(ValueError, match="unknown bundle kind"):
        write_bundle(tmp_path, "rar")


def test_jsonl_string_object_broken_and_blank_lines(tmp_path: Path) -> None:
    latin_xml = '<?xml version="1.0" encoding="iso-8859-1"?><nitf><p>Tromsø – nå</p></nitf>'
    lines = [
        json.dumps({"uri": "ntb:1", "versioncreated": "2024-01-15T10:00:00+01:00"}),
        "",
        "   ",
        json.dumps("NTB\n\nOverskrift\n\nDet regner i Bergen."),
        "{not json at all",
        json.dumps(latin_xml),
        json.dumps([1, 2]),
    ]
    path = tmp_path / "wire.ndjson"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    messages = list(iter_archive(path))
    assert [m.source.rsplit(":", 1)[1] for m in messages] == ["1", "4", "5", "6", "7"]
    assert messages[0].payload == lines[0].encode()
    assert messages[0].timestamp == datetime(2024, 1, 15, 10, tzinfo=CET)
    assert messages[1].payload == "NTB\n\nOverskrift\n\nDet regner i Bergen.".encode()
    assert messages[2].payload == b"{not json at all"
    assert messages[3].payload == latin_xml.replace("–", "&#8211;").encode("latin-1")
    assert etree.fromstring(messages[3].payload).findtext("p") == "Tromsø – nå"
    assert messages[4].payload == b"[1, 2]"


def test_jsonl_payload_and_encode_document() -> None:
    assert jsonl_payload(b'"<a>\\u00f8</a>"') == "<a>ø</a>".encode()
    assert jsonl_payload(b"not json") == b"not json"
    assert encode_document('<?xml version="1.0" encoding="no-such-codec"?><a>ø</a>').endswith("ø</a>".encode())


def test_tar_members_sorted_and_filtered(tmp_path: Path) -> None:
    path = tar_with(tmp_path / "wire.tar.gz", {
        "b/2.xml": b"<b/>", "a/1.json": b"{}", "c/README.md": b"x", "a/.hidden.xml": b"<h/>",
        "__MACOSX/a/._1.json": b"junk", "a/0.txt": b"NTB", "./z.nitf": b"<z/>",
    })
    messages = list(iter_archive(path))
    assert [m.source.split(":", 1)[1] for m in messages] == ["a/0.txt", "a/1.json", "b/2.xml", "z.nitf"]
    assert messages[1].payload == b"{}"


@pytest.mark.parametrize("kind", ["tar", "zip"])
def test_path_traversal_members_are_skipped(tmp_path: Path, kind: str) -> None:
    members = {
        "../escape.xml": b"<bad/>", "/etc/abs.xml": b"<bad/>", "ok/../../up.json": b"{}",
        "C:/windows.txt": b"bad", "..\\back.xml": b"<bad/>", "ok/fine.xml": b"<ok/>",
    }
    path = tar_with(tmp_path / "evil.tar", members, "w") if kind == "tar" else zip_with(tmp_path / "evil.zip", members)
    skips = Skips()
    messages = list(iter_archive(path, on_skip=skips))
    assert [m.payload for m in messages] == [b"<ok/>"]
    assert len(skips) == 5 and all("outside the archive" in reason for _, reason in skips)
    assert not (tmp_path.parent / "escape.xml").exists()


def test_safe_member_name() -> None:
    assert safe_member_name("./a/b.xml") == "a/b.xml"
    assert safe_member_name("a/../b.xml") is None
    assert safe_member_name("/a.xml") is None
    assert safe_member_name("D:\\a.xml") is None
    assert safe_member_name(".") is None


def test_tar_links_are_skipped_and_default_skip_logs(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "links.tar"
    with tarfile.open(path, "w") as tar:
        link = tarfile.TarInfo("a/link.xml")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tar.addfile(link)
    with caplog.at_level(logging.WARNING, logger="service.replay"):
        assert list(iter_archive(path)) == []
    assert "a/link.xml" in caplog.text and "not a regular file" in caplog.text


def test_oversize_members_are_reported_not_read(tmp_path: Path) -> None:
    big, small = b"<x>" + b"a" * 100 + b"</x>", b"<x/>"
    skips = Skips()
    for path in [
        tar_with(tmp_path / "s.tar.gz", {"big.xml": big, "small.xml": small}),
        zip_with(tmp_path / "s.zip", {"big.xml": big, "small.xml": small}),
    ]:
        assert [m.payload for m in iter_archive(path, max_bytes=50, on_skip=skips)] == [small]
    jsonl = tmp_path / "s.jsonl"
    jsonl.write_bytes(json.dumps(big.decode()).encode() + b"\n" + json.dumps("<x/>").encode() + b"\n")
    assert [m.payload for m in iter_archive(jsonl, max_bytes=50, on_skip=skips)] == [small]
    single = tmp_path / "big.xml"
    single.write_bytes(big)
    assert list(iter_archive(single, max_bytes=50, on_skip=skips)) == []
    assert len(skips) == 4 and all("over the 50-byte read limit" in r for _, r in skips)


def test_single_files_and_chaining(tmp_path: Path) -> None:
    first, second = sample_paths()[0], sample_paths()[1]
    messages = list(iter_archives([first, second, write_bundle(tmp_path, "zip")]))
    assert len(messages) == len(sample_paths()) + 2
    assert messages[0] == RawMessage(first.read_bytes(), str(first), None)
    assert messages[1].timestamp == datetime(2024, 1, 15, 10, 15, tzinfo=CET)


def test_directory_skips_non_messages_and_outside_links(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "b.XML").write_bytes(b"<b/>")
    (tmp_path / "d" / "a.txt").write_bytes(b"NTB")
    (tmp_path / "d" / "notes.md").write_bytes(b"#")
    (tmp_path / "d" / ".git").mkdir()
    (tmp_path / "d" / ".git" / "x.json").write_bytes(b"{}")
    (tmp_path / "outside.xml").write_bytes(b"<secret/>")
    (tmp_path / "d" / "link.xml").symlink_to(tmp_path / "outside.xml")
    skips = Skips()
    messages = list(iter_archive(tmp_path / "d", on_skip=skips))
    assert [m.payload for m in messages] == [b"NTB", b"<b/>"]
    assert [s for s, _ in skips] == [f"{tmp_path / 'd'}:link.xml"]


@pytest.mark.parametrize("kind,counted", [("jsonl", True), ("zip", True), ("tar", True),
                                          ("tar.gz", False), ("tgz", False)])
def test_archives_are_counted_when_that_is_cheap(tmp_path: Path, kind: str, counted: bool) -> None:
    bundle = write_bundle(tmp_path, kind)
    n = len(sample_paths())
    assert iter_archives([bundle]).count() == (n if counted else None)
    assert iter_archives([SAMPLE_ARCHIVE]).count() == n
    assert iter_archives([SAMPLE_ARCHIVE, bundle]).count() == (2 * n if counted else None)
    assert iter_archives([sample_paths()[0]]).count() == 1


def test_counts_leave_out_what_the_reader_skips(tmp_path: Path) -> None:
    zipped = zip_with(tmp_path / "w.zip", {"a.xml": b"<a/>", "../evil.xml": b"<e/>", "notes.md": b"x",
                                           "big.xml": b"x" * 100, "d/b.json": b"{}"})
    assert iter_archives([zipped], max_bytes=50).count() == len(list(iter_archives([zipped], max_bytes=50,
                                                                                    on_skip=Skips()))) == 2
    tarred = tar_with(tmp_path / "w.tar", {"a.xml": b"<a/>", "/abs.xml": b"<e/>", "big.txt": b"x" * 100},
                      mode="w")
    assert iter_archives([tarred], max_bytes=50).count() == 1
    lines = tmp_path / "w.jsonl"
    lines.write_bytes(b'"NTB"\n\n   \n' + b'"' + b"x" * 100 + b'"\n{"uri": "u"}\n')
    assert iter_archives([lines], max_bytes=50).count() == 2
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_bytes(b"NTB")
    (tmp_path / "d" / ".hidden.txt").write_bytes(b"NTB")
    assert iter_archives([tmp_path / "d"]).count() == 1
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    assert iter_archives([broken]).count() is None  # the reader says what is wrong


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("kind,total", [("dir", True), ("jsonl", True), ("zip", True), ("tar.gz", False)])
def test_the_progress_bar_shows_a_total_when_it_is_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          kind: str, total: bool) -> None:
    from service.stream.replay import _progress

    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    archive = SAMPLE_ARCHIVE if kind == "dir" else write_bundle(tmp_path, kind)
    n = len(sample_paths())
    assert len(list(_progress(iter_archives([archive]), "enrich"))) == n
    shown = terminal.getvalue()
    assert f"{n}msg" in shown.replace(" ", "") or f"{n}/{n}" in shown
    assert (f"{n}/{n}" in shown) is total, shown


def test_no_progress_bar_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.stream.replay import _progress

    quiet = io.StringIO()
    monkeypatch.setattr("sys.stderr", quiet)
    assert len(list(_progress(iter_archives([SAMPLE_ARCHIVE]), "enrich"))) == len(sample_paths())
    assert quiet.getvalue() == ""


def test_archive_errors_are_one_line(tmp_path: Path) -> None:
    for name in ["broken.tar.gz", "broken.tgz", "broken.tar"]:
        (tmp_path / name).write_bytes(b"this is not an archive" * 40)
        with pytest.raises(ArchiveError) as raised:
            list(iter_archive(tmp_path / name))
        assert str(raised.value) == (f"{tmp_path / name}: cannot read tar archive: "
                                     "not a tar file (plain, gzip, bzip2 or xz)")


def test_archive_errors(tmp_path: Path) -> None:
    unknown = tmp_path / "wire.rar"
    unknown.write_bytes(b"x")
    with pytest.raises(ArchiveError, match="unknown archive kind"):
        iter_archive(unknown)
    with pytest.raises(ArchiveError, match="no such file"):
        iter_archives([SAMPLE_ARCHIVE, tmp_path / "missing.jsonl"])  # checked before reading
    for name in ["broken.tar.gz", "broken.zip", "broken.tar"]:
        (tmp_path / name).write_bytes(b"this is not an archive" * 40)
        with pytest.raises(ArchiveError, match="cannot read"):
            list(iter_archive(tmp_path / name))
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(write_bundle(tmp_path, "tar.gz").read_bytes()[:3000])
    with pytest.raises(ArchiveError):
        list(iter_archive(truncated))


# --------------------------------------------------------------------------- timestamps


def test_sniff_timestamp_per_format() -> None:
    by_format: dict[str, list[datetime | None]] = {}
    for path in sample_paths():
        by_format.setdefault(sample_format(path), []).append(sniff_timestamp(path.read_bytes()))
    assert set(by_format["text"]) == {None}
    for fmt in ("ninjs", "nitf", "newsml"):
        assert all(t is not None and t.utcoffset() == timedelta(hours=1) for t in by_format[fmt]), fmt
    ninjs = next(p for p in sample_paths() if "forsvarsloft-v2" in p.name)
    assert sniff_timestamp(ninjs.read_bytes()) == datetime(2024, 1, 15, 11, 40, tzinfo=CET)
    nitf = next(p for p in sample_paths() if "nordlys-tromso" in p.name)
    assert sniff_timestamp(nitf.read_bytes()) == datetime(2024, 1, 15, 16, 0, tzinfo=CET)
    newsml = next(p for p in sample_paths() if "avdijivka-v2" in p.name)
    assert sniff_timestamp(newsml.read_bytes()) == datetime(2024, 1, 15, 15, 5, tzinfo=CET)


@pytest.mark.parametrize(("payload", "expected"), [
    (b'{"versioncreated": "2024-01-15T09:00:00Z"}', datetime(2024, 1, 15, 9, tzinfo=timezone.utc)),
    (b'{"firstcreated": "2024-01-15T09:00:00+01:00"}', datetime(2024, 1, 15, 9, tzinfo=CET)),
    (b"<g:versionCreated>2024-01-15T09:00:00</g:versionCreated>", datetime(2024, 1, 15, 9, tzinfo=timezone.utc)),
    (b"<date.issue norm='20240115T090000+0100'/>", datetime(2024, 1, 15, 9, tzinfo=CET)),
    (b'{"versioncreated": "yesterday-ish", "firstcreated": "2024-01-15T09:00:00Z"}',
     datetime(2024, 1, 15, 9, tzinfo=timezone.utc)),
    (b'{"versioncreated": "not a date"}', None),
    (b"\xff\xfe\x00garbage", None),
    (b"", None),
])
def test_sniff_timestamp_edge_cases(payload: bytes, expected: datetime | None) -> None:
    assert sniff_timestamp(payload) == expected


# --------------------------------------------------------------------------- pacing


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def msg(minutes: float | None) -> RawMessage:
    stamp = None if minutes is None else datetime(2024, 1, 15, 10, tzinfo=CET) + timedelta(minutes=minutes)
    return RawMessage(b"x", "test", stamp)


def run(pacer: Pacer, messages: list[RawMessage]) -> list[float]:
    async def go() -> list[float]:
        return [await pacer.wait(m) for m in messages]

    return asyncio.run(go())


def test_pacer_without_limits_never_waits() -> None:
    clock = FakeClock()
    assert run(Pacer(clock=clock, sleep=clock.sleep), [msg(0), msg(600), msg(None)]) == [0, 0, 0]
    assert clock.sleeps == []


def test_pacer_rate() -> None:
    clock = FakeClock()
    pacer = Pacer(rate=4, clock=clock, sleep=clock.sleep)
    assert run(pacer, [msg(None)] * 3) == [0, 0.25, 0.25]
    clock.now += 0.1  # time spent sending counts towards the spacing
    assert pacer.delay_for(msg(None)) == pytest.approx(0.15)
    assert pacer.delay_for(msg(None)) == pytest.approx(0.15)  # asking changes nothing
    clock.now += 5
    assert pacer.delay_for(msg(None)) == 0


def test_pacer_speed_follows_original_spacing() -> None:
    clock = FakeClock()
    pacer = Pacer(speed=60, clock=clock, sleep=clock.sleep)
    # 1 minute apart at 60x -> 1 s; 30 minutes -> 30 s; no timestamp -> no wait.
    assert run(pacer, [msg(0), msg(1), msg(31), msg(None), msg(31.5)]) == [0, 1, 30, 0, 0.5]
    assert clock.sleeps == [1, 30, 0.5]


def test_pacer_speed_clamps_and_ignores_going_back() -> None:
    clock = FakeClock()
    pacer = Pacer(speed=2, max_gap=60, clock=clock, sleep=clock.sleep)
    # 3 days at 2x would be 36 h; clamped to 60 s. An older message waits 0 and does
    # not make the next one wait for the distance back to the newest time.
    assert run(pacer, [msg(0), msg(3 * 24 * 60), msg(10), msg(3 * 24 * 60 + 1)]) == [0, 60, 0, 30]


def test_pacer_rate_and_speed_take_the_longer_wait() -> None:
    clock = FakeClock()
    pacer = Pacer(rate=1, speed=600, clock=clock, sleep=clock.sleep)
    assert run(pacer, [msg(0), msg(1), msg(101)]) == [0, 1, 10]


def test_pacer_mixes_naive_and_aware_timestamps() -> None:
    clock = FakeClock()
    pacer = Pacer(speed=1, clock=clock, sleep=clock.sleep)
    naive = RawMessage(b"x", "t", datetime(2024, 1, 15, 9, 0, 0))
    aware = RawMessage(b"x", "t", datetime(2024, 1, 15, 9, 0, 5, tzinfo=timezone.utc))
    assert run(pacer, [naive, aware]) == [0, 5]


@pytest.mark.parametrize("kwargs", [{"rate": 0}, {"speed": -1}, {"max_gap": -1}, {"rate": float("nan")}])
def test_pacer_rejects_bad_settings(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Pacer(**kwargs)


def test_pacer_default_sleep_is_asyncio() -> None:
    pacer = Pacer(rate=1000)
    assert run(pacer, [msg(None), msg(None)])[1] <= 0.001


# --------------------------------------------------------------------------- summary


def test_replay_summary_line() -> None:
    # To a broker the worker enriches: the replay only reads and sends.
    assert ReplaySummary(read=28, sent=27, skipped=1).line() == "read 28, sent 27, skipped 1"
    offline = ReplaySummary(read=28, enriched=25, dead_lettered=2, skipped=1)
    assert offline.line() == "read 28, enriched 25, dead-lettered 2, skipped 1"
    assert ReplaySummary().line() == "read 0, enriched 0, dead-lettered 0, skipped 0"
