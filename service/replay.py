"""Reading wire archives for replay, and pacing the replay.

Pure: nothing here talks to Kafka or runs the NLP pipeline. Readers turn an archive
into :class:`RawMessage` values in a stable order; :class:`Pacer` decides how long to
wait before sending each one.

Archive kinds (chosen by name, case-insensitive):

* a directory: every ``.json/.xml/.txt/.nitf/.newsml`` file below it, sorted by
  relative path;
* ``.jsonl`` / ``.ndjson``: one message per line (see :func:`jsonl_payload`);
* ``.tar.gz`` / ``.tgz`` / ``.tar`` and ``.zip``: message members sorted by name;
* a single ``.json/.xml/.txt/.nitf/.newsml`` file.

Payloads are never validated here: a broken message is yielded as it is, so the worker
can dead-letter it. Only an archive that cannot be read at all raises
:class:`ArchiveError`. Members that are never yielded (unsafe paths, links, bigger
than ``max_bytes``) are reported to ``on_skip(source, reason)``, which logs a warning
by default. ``max_bytes`` is a memory guard for the reader, well above the broker's
message limit: anything under it is yielded, and the worker dead-letters what is
over its own limit.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import re
import tarfile
import time
import zipfile
import zlib
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

import orjson

log = logging.getLogger(__name__)

MESSAGE_SUFFIXES = (".json", ".xml", ".txt", ".nitf", ".newsml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TAR_SUFFIXES = (".tar.gz", ".tgz", ".tar")
ZIP_SUFFIXES = (".zip",)
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SNIFF_BYTES = 64 * 1024

OnSkip = Callable[[str, str], None]
Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[object]]


class ArchiveError(Exception):
    """An archive that cannot be read at all: missing, corrupt or of an unknown kind."""


@dataclass(frozen=True)
class RawMessage:
    """One message as read from an archive, before any parsing.

    ``source`` says where it came from (``"wire.jsonl:17"``, ``"wire.tar.gz:dir/a.xml"``);
    ``timestamp`` is the version time sniffed from the payload, or ``None``.
    """

    payload: bytes
    source: str
    timestamp: datetime | None = None

    @classmethod
    def from_payload(cls, payload: bytes, source: str) -> RawMessage:
        """Wrap ``payload``, sniffing its timestamp."""
        return cls(payload, source, sniff_timestamp(payload))


# --------------------------------------------------------------------------- timestamps

_TIME_PATTERNS = [
    re.compile(rb'"version[cC]reated"\s*:\s*"([^"]{8,40})"'),  # ninjs (3.x: versionCreated)
    re.compile(rb"<(?:[\w.-]+:)?versionCreated\b[^>]*>\s*([^<\s]{8,40})\s*<"),  # NewsML-G2
    re.compile(rb"<date\.issue\b[^>]*?\bnorm\s*=\s*[\"']([^\"']{8,40})[\"']"),  # NITF
    re.compile(rb'"first[cC]reated"\s*:\s*"([^"]{8,40})"'),
    re.compile(rb"<(?:[\w.-]+:)?firstCreated\b[^>]*>\s*([^<\s]{8,40})\s*<"),
]


def parse_timestamp(text: str) -> datetime | None:
    """ISO 8601 (extended or basic form) to an aware datetime; naive times are UTC.

    >>> parse_timestamp("20240115T101500+0100").isoformat()
    '2024-01-15T10:15:00+01:00'
    """
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def sniff_timestamp(payload: bytes) -> datetime | None:
    """The version time of a ninjs, NITF or NewsML-G2 payload, found with a regex over
    its first 64 KiB (ninjs ``versioncreated``, NewsML ``versionCreated``, NITF
    ``date.issue@norm``, then the first-created fields). Never raises."""
    head = payload[:SNIFF_BYTES]
    for pattern in _TIME_PATTERNS:
        match = pattern.search(head)
        if match:
            found = parse_timestamp(match.group(1).decode("ascii", "replace"))
            if found is not None:
                return found
    return None


# --------------------------------------------------------------------------- readers

_XML_ENCODING = re.compile(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']""")


def xml_declared_encoding(document: bytes | str) -> str | None:
    """The encoding named in an XML declaration, or ``None``.

    >>> xml_declared_encoding(b'<?xml version="1.0" encoding="iso-8859-1"?><a/>')
    'iso-8859-1'
    """
    head = document[:256]
    text = head.decode("latin-1") if isinstance(head, bytes) else head
    match = _XML_ENCODING.match(text.lstrip("\ufeff"))
    return match.group(1) if match else None


def encode_document(text: str) -> bytes:
    """A document given as text back to bytes: in its declared XML encoding if it has
    one (characters outside it become character references), otherwise UTF-8."""
    encoding = xml_declared_encoding(text)
    if encoding:
        try:
            return text.encode(encoding, "xmlcharrefreplace")
        except (LookupError, UnicodeError):
            pass
    return text.encode("utf-8", "surrogatepass")


def jsonl_payload(line: bytes) -> bytes:
    """The message carried by one JSON Lines line.

    A JSON string is the raw message itself (XML or plain text, see
    :func:`encode_document`); any other line, including a JSON object (a ninjs
    document) and a line that is not JSON at all, is the message as it stands.
    """
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return line
    return encode_document(value) if isinstance(value, str) else line


def is_message_name(name: str) -> bool:
    """True for a wire message path: a known suffix, and no hidden or ``__MACOSX``
    component (editor backups, resource forks)."""
    parts = name.replace("\\", "/").split("/")
    if any((part.startswith(".") and part not in (".", "..")) or part == "__MACOSX" for part in parts):
        return False
    return parts[-1].lower().endswith(MESSAGE_SUFFIXES)


def safe_member_name(name: str) -> str | None:
    """The member name as a clean relative path, or ``None`` if it could point
    outside the archive (absolute, drive letter, ``..`` component)."""
    text = name.replace("\\", "/")
    path = PurePosixPath(text)
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", text):
        return None
    clean = path.as_posix()
    return None if clean in ("", ".") else clean


def _sort_key(name: str) -> str:
    return safe_member_name(name) or name


def _log_skip(source: str, reason: str) -> None:
    log.warning("skipping %s: %s", source, reason)


def _too_big(size: int, limit: int) -> str:
    return f"{size} bytes, over the {limit}-byte read limit"


def iter_archive(
    path: Path | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_skip: OnSkip | None = None,
) -> Iterator[RawMessage]:
    """The messages in one archive, in a stable order.

    The path and its kind are checked now (:class:`ArchiveError` if missing or of an
    unknown kind); reading happens as the iterator is consumed, and a corrupt archive
    raises :class:`ArchiveError` then.
    """
    path = Path(path)
    skip = on_skip if on_skip is not None else _log_skip
    name = path.name.lower()
    if not path.exists():
        raise ArchiveError(f"{path}: no such file or directory")
    if path.is_dir():
        return _iter_dir(path, max_bytes, skip)
    if name.endswith(JSONL_SUFFIXES):
        return _iter_jsonl(path, max_bytes, skip)
    if name.endswith(TAR_SUFFIXES):
        return _iter_tar(path, max_bytes, skip)
    if name.endswith(ZIP_SUFFIXES):
        return _iter_zip(path, max_bytes, skip)
    if name.endswith(MESSAGE_SUFFIXES):
        return _iter_file(path, max_bytes, skip)
    raise ArchiveError(
        f"{path}: unknown archive kind; expected a directory, .jsonl/.ndjson, "
        ".tar.gz/.tgz/.tar, .zip, or one .json/.xml/.txt/.nitf/.newsml file"
    )


def iter_archives(
    paths: Iterable[Path | str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_skip: OnSkip | None = None,
) -> Messages:
    """The messages of several archives, one after the other; all paths are checked
    before the first message is read."""
    checked = [Path(p) for p in paths]
    readers = [iter_archive(p, max_bytes=max_bytes, on_skip=on_skip) for p in checked]
    return Messages(checked, itertools.chain.from_iterable(readers), max_bytes)


class Messages(Iterator[RawMessage]):
    """An iterator over the messages of several archives that can also say, before
    reading, how many there are where that is cheap to know (:meth:`count`)."""

    def __init__(self, paths: list[Path], messages: Iterator[RawMessage], max_bytes: int) -> None:
        self.paths = paths
        self._messages = messages
        self._max_bytes = max_bytes

    def __iter__(self) -> Messages:
        return self

    def __next__(self) -> RawMessage:
        return next(self._messages)

    def count(self) -> int | None:
        """How many messages the archives hold, or ``None`` when one of them cannot be
        counted without reading it through (a compressed tar, a very large JSONL file)."""
        total = 0
        for path in self.paths:
            found = count_messages(path, max_bytes=self._max_bytes)
            if found is None:
                return None
            total += found
        return total


COUNT_JSONL_MAX_BYTES = 1024 * 1024 * 1024


def count_messages(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> int | None:
    """How many messages :func:`iter_archive` would yield for ``path``, when that is
    cheap to know: a directory's listing, a JSONL file's lines (up to 1 GiB), a zip's or
    an uncompressed tar's member list, a single file. ``None`` for a compressed tar
    (its index is only known once it is read through) and whenever counting fails
    (the reader reports what is wrong)."""
    path = Path(path)
    name = path.name.lower()
    try:
        if path.is_dir():
            real_root = path.resolve()
            return sum(1 for _rel, file in _dir_files(path) if _dir_member_skip(real_root, file, max_bytes) is None)
        if name.endswith(JSONL_SUFFIXES):
            if path.stat().st_size > COUNT_JSONL_MAX_BYTES:
                return None
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip() and len(line.strip()) <= max_bytes)
        if name.endswith(ZIP_SUFFIXES):
            with zipfile.ZipFile(path) as archive:
                return sum(1 for info in archive.infolist() if _zip_member_skip(info, max_bytes) is None)
        if name.endswith(TAR_SUFFIXES):
            if not name.endswith(".tar"):
                return None
            with tarfile.open(path, "r:") as tar:  # uncompressed only: the index is a walk over headers
                return sum(1 for member in tar.getmembers() if _tar_member_skip(member, max_bytes) is None)
        if name.endswith(MESSAGE_SUFFIXES):
            return 1 if path.stat().st_size <= max_bytes else 0
    except (OSError, tarfile.TarError, zipfile.BadZipFile, EOFError, zlib.error, ValueError):
        return None
    return None


def _iter_file(path: Path, max_bytes: int, skip: OnSkip) -> Iterator[RawMessage]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            skip(str(path), _too_big(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read: {_os_reason(exc)}") from exc
    yield RawMessage.from_payload(data, str(path))


def _dir_files(root: Path) -> list[tuple[str, Path]]:
    """The message files below ``root`` as (relative path, path), sorted."""
    return sorted(
        (p.relative_to(root).as_posix(), p)
        for p in root.rglob("*")
        if is_message_name(p.relative_to(root).as_posix()) and p.is_file()
    )


def _dir_member_skip(real_root: Path, file: Path, max_bytes: int) -> str | None:
    """Why ``file`` is not read, or ``None``; OSError if it cannot be looked at."""
    if not file.resolve().is_relative_to(real_root):
        return "link points outside the directory"
    size = file.stat().st_size
    return _too_big(size, max_bytes) if size > max_bytes else None


def _iter_dir(root: Path, max_bytes: int, skip: OnSkip) -> Iterator[RawMessage]:
    try:
        real_root = root.resolve()
        files = _dir_files(root)
    except OSError as exc:
        raise ArchiveError(f"{root}: cannot list directory: {_os_reason(exc)}") from exc
    for rel, file in files:
        source = f"{root}:{rel}"
        try:
            reason = _dir_member_skip(real_root, file, max_bytes)
            if reason is not None:
                skip(source, reason)
                continue
            data = file.read_bytes()
        except OSError as exc:
            skip(source, f"cannot read: {_os_reason(exc)}")
            continue
        yield RawMessage.from_payload(data, source)


def _iter_jsonl(path: Path, max_bytes: int, skip: OnSkip) -> Iterator[RawMessage]:
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if number == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")
                line = line.strip()
                if not line:
                    continue
                source = f"{path}:{number}"
                if len(line) > max_bytes:
                    skip(source, _too_big(len(line), max_bytes))
                    continue
                yield RawMessage.from_payload(jsonl_payload(line), source)
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read: {_os_reason(exc)}") from exc


def _tar_member_skip(member: tarfile.TarInfo, max_bytes: int) -> str | None:
    """Why a message-named tar member is not read, or ``None``; "" for one that is
    not a message at all (directories, other names), which is passed over silently."""
    if member.isdir() or not is_message_name(member.name):
        return ""
    if safe_member_name(member.name) is None:
        return "member path points outside the archive"
    if not member.isfile():
        return "not a regular file"
    if member.size > max_bytes:
        return _too_big(member.size, max_bytes)
    return None


def _iter_tar(path: Path, max_bytes: int, skip: OnSkip) -> Iterator[RawMessage]:
    # The index is read first so members come out sorted; contents are then read one
    # member at a time (forward seeks only when the archive is already sorted).
    try:
        with tarfile.open(path, "r:*") as tar:
            for member in sorted(tar.getmembers(), key=lambda m: _sort_key(m.name)):
                reason = _tar_member_skip(member, max_bytes)
                if reason:
                    skip(f"{path}:{member.name}", reason)
                elif reason is None:
                    handle = tar.extractfile(member)
                    data = handle.read() if handle else b""
                    yield RawMessage.from_payload(data, f"{path}:{safe_member_name(member.name)}")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise ArchiveError(f"{path}: cannot read tar archive: {_tar_reason(exc)}") from exc


def _tar_reason(exc: BaseException) -> str:
    """One line for a tar failure (``tarfile`` lists every compression it tried, one a line)."""
    if isinstance(exc, tarfile.ReadError) and "could not be opened successfully" in str(exc):
        return "not a tar file (plain, gzip, bzip2 or xz)"
    if isinstance(exc, OSError):
        return _os_reason(exc)
    return " ".join(str(exc).split()) or type(exc).__name__


def _os_reason(exc: OSError) -> str:
    """The OS's own words for a failure (``Permission denied``), else the message."""
    return exc.strerror or " ".join(str(exc).split()) or type(exc).__name__


def _zip_member_skip(info: zipfile.ZipInfo, max_bytes: int) -> str | None:
    """As :func:`_tar_member_skip`, for a zip member's declared entry."""
    if info.is_dir() or not is_message_name(info.filename):
        return ""
    if safe_member_name(info.filename) is None:
        return "member path points outside the archive"
    if info.file_size > max_bytes:
        return _too_big(info.file_size, max_bytes)
    return None


def _iter_zip(path: Path, max_bytes: int, skip: OnSkip) -> Iterator[RawMessage]:
    try:
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: _sort_key(i.filename)):
                source = f"{path}:{info.filename}"
                reason = _zip_member_skip(info, max_bytes)
                if reason:
                    skip(source, reason)
                if reason is not None:
                    continue
                with archive.open(info) as handle:
                    data = handle.read(max_bytes + 1)  # the declared size may lie
                if len(data) > max_bytes:
                    skip(source, f"more than {max_bytes} bytes, over the read limit")
                    continue
                yield RawMessage.from_payload(data, f"{path}:{safe_member_name(info.filename)}")
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        reason = _os_reason(exc) if isinstance(exc, OSError) else " ".join(str(exc).split())
        raise ArchiveError(f"{path}: cannot read zip archive: {reason}") from exc


# --------------------------------------------------------------------------- pacing


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class Pacer:
    """Spaces out sends.

    ``rate`` caps sends per second. ``speed`` replays at that many times the original
    pace: the wait before a message is its timestamp minus the latest timestamp seen
    so far, divided by ``speed``, clamped to ``[0, max_gap]`` seconds. Messages
    without a timestamp get no speed wait. Both waits count from the previous send,
    so time spent sending is not added on top. ``clock`` and ``sleep`` are injectable.
    """

    def __init__(
        self,
        rate: float | None = None,
        speed: float | None = None,
        *,
        max_gap: float = 60.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        for name, value in (("rate", rate), ("speed", speed)):
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be a positive number, got {value}")
        if not max_gap >= 0:
            raise ValueError(f"max_gap must be >= 0, got {max_gap}")
        self.rate = rate
        self.speed = speed
        self.max_gap = max_gap
        self._clock = clock
        self._sleep = sleep
        self._last_sent: float | None = None
        self._last_time: datetime | None = None

    def spacing_for(self, msg: RawMessage) -> float:
        """Seconds that must separate the previous send from this message's."""
        spacing = 1.0 / self.rate if self.rate else 0.0
        if self.speed and msg.timestamp is not None and self._last_time is not None:
            original = (_aware(msg.timestamp) - self._last_time).total_seconds()
            spacing = max(spacing, min(max(original / self.speed, 0.0), self.max_gap))
        return spacing

    def delay_for(self, msg: RawMessage) -> float:
        """Seconds to wait now before sending ``msg``; changes nothing."""
        if self._last_sent is None:
            return 0.0
        return max(0.0, self._last_sent + self.spacing_for(msg) - self._clock())

    def mark_sent(self, msg: RawMessage) -> None:
        """Record that ``msg`` goes out now."""
        self._last_sent = self._clock()
        if msg.timestamp is not None:
            stamp = _aware(msg.timestamp)
            if self._last_time is None or stamp > self._last_time:
                self._last_time = stamp

    async def wait(self, msg: RawMessage) -> float:
        """Sleep until ``msg`` may be sent, record it as sent, return the delay."""
        delay = self.delay_for(msg)
        if delay > 0:
            await self._sleep(delay)
        self.mark_sent(msg)
        return delay


# --------------------------------------------------------------------------- summary


@dataclass
class ReplaySummary:
    """Counts for one replay run."""

    read: int = 0
    sent: int = 0
    enriched: int = 0
    dead_lettered: int = 0
    skipped: int = 0

    def line(self) -> str:
        """One human-readable line; a replay to a broker only reads and sends.

        >>> ReplaySummary(read=3, sent=0, enriched=2, dead_lettered=1).line()
        'read 3, enriched 2, dead-lettered 1, skipped 0'
        >>> ReplaySummary(read=3, sent=3).line()
        'read 3, sent 3, skipped 0'
        """
        if self.sent:
            return f"read {self.read}, sent {self.sent}, skipped {self.skipped}"
        return (
            f"read {self.read}, enriched {self.enriched}, "
            f"dead-lettered {self.dead_lettered}, skipped {self.skipped}"
        )
