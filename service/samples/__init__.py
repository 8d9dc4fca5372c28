"""The bundled sample archive: invented NTB-style wire messages in all four formats
(plain text, ninjs 2.1, NITF 3.6, NewsML-G2), including an update, a correction and
a kill. File names start with the version time, so name order is time order.

:func:`write_bundle` packs the archive into the other replay formats
(``jsonl``, ``tar.gz``, ``tgz``, ``tar``, ``zip``).
"""
from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import orjson

SAMPLE_ARCHIVE: Path = Path(__file__).resolve().parent / "archive"

_SUFFIXES = (".json", ".xml", ".txt")
BUNDLE_KINDS = ("jsonl", "tar.gz", "tgz", "tar", "zip")


def sample_paths() -> list[Path]:
    """Every sample message file, sorted by name."""
    return sorted(p for p in SAMPLE_ARCHIVE.iterdir() if p.is_file() and p.suffix in _SUFFIXES)


def _jsonl_line(path: Path) -> bytes:
    """ninjs documents as JSON objects; XML and text as JSON strings of their text."""
    from service.replay import xml_declared_encoding

    data = path.read_bytes()
    if path.suffix == ".json":
        return orjson.dumps(orjson.loads(data))
    return orjson.dumps(data.decode(xml_declared_encoding(data) or "utf-8"))


def write_bundle(dest_dir: Path, kind: str, *, name: str = "archive") -> Path:
    """Write the sample archive into ``dest_dir`` as ``<name>.<kind>`` and return its path.

    Archive members are stored as ``<name>/<file>``.
    """
    if kind not in BUNDLE_KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}; expected one of {', '.join(BUNDLE_KINDS)}")
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / f"{name}.{kind}"
    paths = sample_paths()
    if kind == "jsonl":
        target.write_bytes(b"".join(_jsonl_line(p) + b"\n" for p in paths))
    elif kind == "zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for p in paths:
                archive.writestr(f"{name}/{p.name}", p.read_bytes())
    else:
        with tarfile.open(target, "w" if kind == "tar" else "w:gz") as archive:
            for p in paths:
                data = p.read_bytes()
                info = tarfile.TarInfo(f"{name}/{p.name}")
                info.size = len(data)
                info.mtime = 1705309200
                archive.addfile(info, io.BytesIO(data))
    return target
