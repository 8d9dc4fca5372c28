"""NTB's NITF versions and kill under the version rules, offline (``newswire replay --out``):
the same code path as the worker's, without a broker."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.stream.replay import replay_offline

FAKTISK = "files/nitf-ntb_faktisk_latin1.xml"  # version 48
FAKTISK_NEXT = "repro/nitf_ntb_faktisk_next_version.xml"  # version 49
FAKTISK_KILL = "repro/nitf_ntb_faktisk_next_version_killed.xml"  # version 49, canceled


def replayed(wire_samples: Path, tmp_path: Path, order: list[str]) -> list[tuple]:
    archive = tmp_path / "archive"
    archive.mkdir()
    for position, name in enumerate(order):  # the archive is read in file-name order
        (archive / f"{position:02d}.xml").write_bytes((wire_samples / name).read_bytes())
    out = tmp_path / "events.jsonl"
    replay_offline([archive], out)
    events = [json.loads(line) for line in out.read_text().splitlines()]
    return [(e["schema"].split("/")[0].split(".")[1], e.get("error_type"), e["uri"], e["version"])
            for e in events]


@pytest.mark.parametrize("order, expected", [
    ([FAKTISK, FAKTISK_NEXT, FAKTISK_KILL], [("enriched", None, 48), ("enriched", None, 49),
                                             ("retraction", None, 49)]),
    ([FAKTISK_NEXT, FAKTISK, FAKTISK_KILL], [("enriched", None, 49), ("deadletter", "StaleVersion", 48),
                                             ("retraction", None, 49)]),
    ([FAKTISK_NEXT, FAKTISK_NEXT], [("enriched", None, 49)]),  # the same version again: nothing
])
def test_versions_of_an_ntb_nitf_story_follow_the_version_rules(wire_samples, tmp_path, order, expected):
    events = replayed(wire_samples, tmp_path, order)
    assert [(kind, error, version) for kind, error, _, version in events] == expected
    assert len({uri for _, _, uri, _ in events}) == 1, "every version and the kill share one uri"
