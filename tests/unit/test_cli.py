"""The `newswire` command line, offline commands (the broker ones are integration tests)."""
from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from service.cli import main
from service.samples import SAMPLE_ARCHIVE, sample_paths, write_bundle
from service.stream.tail import describe
from tests.schemas import assert_offsets, validate_event


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], input=stdin,
                          capture_output=True, timeout=300)


def test_enrich_prints_a_valid_event_for_every_format(capsys):
    by_format = {}
    for path in sample_paths():
        by_format.setdefault(path.suffix, path)
    for path in by_format.values():
        assert main(["enrich", str(path)]) == 0
        event = orjson.loads(capsys.readouterr().out)
        validate_event(event)
        if event["schema"] == "newswire.enriched/1":
            assert_offsets(event)


def test_enrich_reads_stdin_and_reports_bad_input_clearly():
    ok = run_cli("enrich", "-", "--format", "text",
                 stdin="NTB\n\nRegn\n\nDet regner i Bergen, sier meteorologen.".encode())
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["headline"] == "Regn"
    bad = run_cli("enrich", "-", "--format", "ninjs", stdin=b'{"uri": "x", "bodies": [')
    assert bad.returncode == 2
    assert b"WireFormatError: ninjs: invalid JSON" in bad.stderr


def test_offline_replay_enriches_an_archive_once_per_version(tmp_path):
    bundle = write_bundle(tmp_path, "tar.gz")
    out = tmp_path / "events.jsonl"
    # The same archive twice: the second copy is recognised as duplicates.
    assert main(["replay", str(bundle), str(bundle), "--out", str(out)]) == 0
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    n_messages = len(sample_paths())
    assert len(events) == n_messages
    assert len({(e["uri"], e["version"]) for e in events}) == n_messages
    for event in events:
        validate_event(event)
    assert sum(e["schema"] == "newswire.retraction/1" for e in events) == 2


def test_offline_replay_dead_letters_what_it_cannot_parse(tmp_path):
    archive = tmp_path / "wire.jsonl"
    archive.write_text('{"uri": "ntb:1", "version": 1, "bodies": [{"contenttype": "text/plain", '
                       '"value": "Hei fra Oslo."}]}\n"<nitf><uavsluttet"\n', encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["replay", str(archive), "--out", str(out)]) == 0
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [e["schema"] for e in events] == ["newswire.deadletter/1", "newswire.enriched/1"]
    assert "wire.jsonl:2" in events[0]["reason"]


@pytest.mark.parametrize("event,expected", [
    ({"schema": "newswire.quote/1", "story_id": "S", "quote": {"kind": "direct", "text": "Hei",
      "speaker": {"canonical": "Kari Nilsen"}}}, "[S] direct: «Hei» — Kari Nilsen"),
    ({"schema": "newswire.deadletter/1", "source": {"topic": "raw", "partition": 1, "offset": 9},
      "error_type": "WireFormatError", "reason": "nitf: bad"},
     "[dead letter raw/1/9] WireFormatError: nitf: bad"),
    ({"schema": "newswire.retraction/1", "story_id": "S", "version": 2, "headline": "Trekkes", "uri": "u"},
     "[S v2] RETRACTED Trekkes"),
])
def test_tail_describes_events_readably(event, expected):
    assert describe(event) == expected


def test_sample_archive_is_bundled():
    assert SAMPLE_ARCHIVE.is_dir() and len(sample_paths()) >= 20


def test_model_compare_reports_a_clear_error_for_a_missing_pipeline(tmp_path):
    missing = run_cli("model", "compare", str(tmp_path / "no-such-model"), "--split", "dev")
    assert missing.returncode == 2
    assert b"newswire: " in missing.stderr and b"no-such-model" in missing.stderr
