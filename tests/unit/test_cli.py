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
    # in the archive's order: the story of line 1, then the dead letter of line 2
    assert [e["schema"] for e in events] == ["newswire.enriched/1", "newswire.deadletter/1"]
    assert "wire.jsonl:2" in events[1]["reason"]


@pytest.mark.parametrize("event,expected", [
    ({"schema": "newswire.quote/1", "story_id": "S", "quote": {"kind": "direct", "text": "Hei",
      "speaker": {"canonical": "Kari Nilsen"}}}, "[S] direct: «Hei» — Kari Nilsen"),
    ({"schema": "newswire.deadletter/1", "source": {"topic": "raw", "partition": 1, "offset": 9},
      "error_type": "WireFormatError", "reason": "nitf: bad"},
     "[dead letter raw/1/9] WireFormatError: nitf: bad"),
    ({"schema": "newswire.retraction/1", "story_id": "S", "version": 2, "headline": "Trekkes", "uri": "u"},
     "[S v2] RETRACTED Trekkes"),
    ({"schema": "newswire.deadletter/1", "source": {"topic": "raw", "partition": 0, "offset": 4, "item": 1},
      "item": 1, "error_type": "WireFormatError", "reason": "newsml: no body"},
     "[dead letter raw/0/4, item 1] WireFormatError: newsml: no body"),
    ({"schema": "newswire.deadletter/1", "source": None, "item": None, "error_type": "StaleVersion",
      "reason": "version 1 of u arrived after version 2"},
     "[dead letter] StaleVersion: version 1 of u arrived after version 2"),
    ({"schema": "newswire.quote/1", "story_id": "S", "quote": {
        "kind": "indirect", "text": "det regner", "role": "meteorolog",
        "speaker": {"text": "meteorolog Kari Nilsen", "start": 0, "end": 22, "canonical": "Kari Nilsen"}}},
     "[S] indirect: «det regner» — Kari Nilsen (meteorolog)"),
    ({"schema": "newswire.quote/1", "story_id": "S",
      "quote": {"kind": "scare", "text": "Vinterstorm", "speaker": None}},
     "[S] scare: «Vinterstorm» — ?"),
    ({"schema": "newswire.claim/1", "story_id": "S", "claim": {
        "type": "strength", "text": "over 100 000 soldater", "value": 100000.0, "min": 100000.0, "max": None,
        "side": "Russland",
        "location": {"text": "i Donetsk", "start": 1, "end": 9, "canonical": "Donetsk", "kind": "region"},
        "claimant": {"text": "ukrainske kilder", "start": 0, "end": 16, "canonical": "Ukraina", "type": "country"}}},
     "[S] strength: over 100 000 soldater (value 100,000, side Russland, location Donetsk, claimant Ukraina)"),
    ({"schema": "newswire.claim/1", "story_id": "S", "claim": {
        "type": "deployment", "text": "mellom 90.000 og 100.000 soldater", "value": None, "min": 90000.0,
        "max": 100000.0, "side": None, "location": None, "claimant": None}},
     "[S] deployment: mellom 90.000 og 100.000 soldater (value 90,000–100,000)"),
    ({"schema": "newswire.timeline/1", "key": "Russland|Ukraina", "sequence": 2, "disagreement": True,
      "claim": {"type": "strength", "point": 105000.0, "claimant": {"canonical": "NATO", "type": "organisation"}},
      "change": {"absolute": 5000.0, "relative": 0.05}, "story": {"story_id": "NTB1"}},
     "[Russland|Ukraina #2] strength 105,000 — NATO, change +5,000 DISAGREEMENT (NTB1)"),
    ({"schema": "newswire.enriched/1", "story_id": "S", "version": 1, "headline": "Regn",
      "entities": [{"text": "Bergen", "canonical": "Bergen"}, {"text": "Kari", "canonical": "Kari Nilsen"},
                   {"text": "Bergens", "canonical": "Bergen"}], "quotes": [{}], "claims": []},
     "[S v1] Regn — 2 names: Bergen, Kari Nilsen; 1 quote, 0 claims"),
    ({"schema": "newswire.quote/1", "story_id": "S"}, '{"schema":"newswire.quote/1","story_id":"S"}'),
])
def test_tail_describes_events_readably(event, expected):
    assert describe(event) == expected


def test_tail_lines_name_things_and_never_print_python_reprs(tmp_path):
    """Every event the sample archive gives, of every schema, as tail prints it."""
    from service.claims_timeline import next_entry, timeline_key
    from service.events import claim_events, claim_story, quote_events, timeline_event

    out = tmp_path / "events.jsonl"
    assert main(["replay", str(SAMPLE_ARCHIVE), "--out", str(out)]) == 0
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    enriched = [e for e in events if e["schema"] == "newswire.enriched/1"]
    children = [c for e in enriched for c in quote_events(e) + claim_events(e)]
    timelines, states = [], {}
    for child in children:
        if child["schema"] == "newswire.claim/1":
            key = timeline_key(child["claim"])
            states[key], entry = next_entry(states.get(key), child["claim"], claim_story(child))
            timelines.append(timeline_event(entry))
    dead = orjson.loads(orjson.dumps({"schema": "newswire.deadletter/1", "error_type": "WireFormatError",
                                      "reason": "newsml: bad", "item": 2, "source": None}))
    every = events + children + timelines + [dead]
    assert {e["schema"] for e in every} == {"newswire.enriched/1", "newswire.retraction/1", "newswire.quote/1",
                                            "newswire.claim/1", "newswire.timeline/1", "newswire.deadletter/1"}
    for event in every:
        line = describe(event)
        assert "{'" not in line and "': " not in line and "None" not in line and "\n" not in line, line
        assert not line.startswith("{"), line  # a known schema is never printed as raw JSON
    quote = next(q for q in children if q["schema"] == "newswire.quote/1" and q["quote"]["speaker"])
    assert f"— {quote['quote']['speaker']['canonical']}" in describe(quote)
    claim = next(c for c in children if c["schema"] == "newswire.claim/1" and c["claim"]["claimant"])
    assert f"claimant {claim['claim']['claimant']['canonical']}" in describe(claim)
    story = next(e for e in enriched if e["entities"])
    assert story["entities"][0]["canonical"] in describe(story)
    assert "item 2" in describe(dead)


def test_version_names_the_package_and_the_model_without_loading_spacy():
    from service import __version__

    script = ("import sys\nfrom service.cli import main\ntry:\n    main(['--version'])\n"
              "except SystemExit as stop:\n    print('spacy' in sys.modules, stop.code)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    first, last = done.stdout.splitlines()
    assert first.startswith(f"newswire {__version__} (model nb_newswire ")
    assert last == "False 0"
    shown = run_cli("--version")
    assert shown.returncode == 0 and shown.stdout.decode().startswith(f"newswire {__version__} (model ")


def test_sample_archive_is_bundled():
    assert SAMPLE_ARCHIVE.is_dir() and len(sample_paths()) >= 20


def test_model_compare_reports_a_clear_error_for_a_missing_pipeline(tmp_path):
    missing = run_cli("model", "compare", str(tmp_path / "no-such-model"), "--split", "dev")
    assert missing.returncode == 2
    assert b"newswire: " in missing.stderr and b"no-such-model" in missing.stderr
