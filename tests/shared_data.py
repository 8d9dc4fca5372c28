"""Where the tests find the shared data sets (never copied into this repository).

``shared/data/<name>`` in or above the working directory or the repository (CI has
``../shared`` beside the checkout), or the directory an environment variable names.
A test that needs one skips with a reason naming the data when it is absent; under
``CI=true`` (or ``1``) a missing data set is an error, so CI never skips a quality floor silently.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: data set → (environment variable, a file that proves the directory is the right one, what it is)
DATA_SETS: dict[str, tuple[str, str, str]] = {
    "norne": ("NEWSWIRE_NORNE", "splits.tsv", "NorNE (NER + treebank, train/dev/test)"),
    "wire-samples": ("NEWSWIRE_WIRE_SAMPLES", "README.md", "real NTB, IPTC and agency wire samples"),
    "narc": ("NEWSWIRE_NARC", "README.md", "NARC coreference chains"),
    "norec": ("NEWSWIRE_NOREC", "norec_nob.jsonl.gz", "NoReC unlabelled Bokmål text"),
}


def find_shared(name: str) -> Path | None:
    """The directory of data set ``name``, or None when it is not here."""
    variable, marker, _ = DATA_SETS[name]
    if env := os.environ.get(variable):
        return Path(env) if (Path(env) / marker).exists() else None
    for start in (Path.cwd().resolve(), REPO):
        for base in (start, *start.parents):
            candidate = base / "shared" / "data" / name
            if (candidate / marker).exists():
                return candidate
    return None


def require_shared(name: str) -> Path:
    """The data set's directory; skips the test (fails it under ``CI=true``) when absent."""
    found = find_shared(name)
    if found is not None:
        return found
    variable, marker, what = DATA_SETS[name]
    reason = (f"needs {what}: shared/data/{name} (with {marker}) in or above the checkout "
              f"(CI has ../shared beside it), or ${variable}")
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI=true and the shared data is missing: {reason}", pytrace=False)
    pytest.skip(reason)
