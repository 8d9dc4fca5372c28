"""Every real wire sample and every derived repro case has its expected fields written down in
one of the per-format sample tests: a new file in the shared set fails here until it does."""
from __future__ import annotations

from pathlib import Path

from tests.unit import test_wire_samples_newsml, test_wire_samples_ninjs, test_wire_samples_nitf
from tests.unit import test_wire_samples_text


def test_every_file_and_repro_case_is_checked_field_by_field(wire_samples: Path) -> None:
    on_disk = {f"{folder}/{p.name}" for folder in ("files", "repro")
               for p in (wire_samples / folder).iterdir() if p.is_file()}
    checked = {*test_wire_samples_ninjs.SAMPLES, *test_wire_samples_nitf.EXPECTED}
    checked |= {f"files/{name}" for name in (*test_wire_samples_newsml.SAMPLES, *test_wire_samples_text.SAMPLES)}
    assert on_disk == checked
