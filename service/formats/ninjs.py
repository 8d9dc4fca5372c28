"""IPTC ninjs JSON (2.x, with 1.x field names accepted), as NTB's newsroom emits it.

Unknown keys are ignored. ``story_id`` is the ``NTB-ID`` alternative id, which every
version of a story shares; without one it is the ``uri``.
"""
from __future__ import annotations

import re
from typing import Any

import orjson

from ..article import Article
from ..errors import WireFormatError
from .common import body_text, decode_utf8, inline, pubstatus, timestamp, unique, urgency, version
from .htmltext import html_paragraphs

FMT = "ninjs"
STORY_ID_ROLE = "ntb-id"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LOCATION = re.compile(r":? line (\d+) column (\d+)(?: \(char \d+\))?\s*$")


def _loads(raw: bytes) -> Any:
    text = decode_utf8(raw, FMT)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        found = _LOCATION.search(str(exc))
        where = f"line {found.group(1)}, column {found.group(2)}" if found else None
        reason = _LOCATION.sub("", str(exc)) or "syntax error"
        if "depth" in reason:
            reason = "nested too deeply (over 1024 levels)"
        elif "end of data" in reason:
            reason += " (truncated message?)"
        raise WireFormatError(f"invalid JSON: {reason}", fmt=FMT, where=where) from None
    except RecursionError:  # defensive: orjson caps depth itself
        raise WireFormatError("invalid JSON: nested too deeply", fmt=FMT) from None


def _string(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _items(value: Any) -> list[dict[str, Any]]:
    """A list of objects, tolerating a single object; other entries dropped."""
    if isinstance(value, dict):
        value = [value]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _headline(doc: dict[str, Any]) -> str | None:
    headlines = _items(doc.get("headlines"))
    main = [h for h in headlines if h.get("role") in (None, "", "main")] or headlines
    for item in main:
        if text := inline(_string(item.get("value"))):
            return text
    if isinstance(doc.get("headlines"), str):
        return inline(doc["headlines"])
    return inline(_string(doc.get("headline")))


def _byline(doc: dict[str, Any]) -> str | None:
    names = unique([_string(item.get("byline")) for item in _items(doc.get("bylines"))])
    if names:
        return ", ".join(names)
    return inline(_string(doc.get("byline")))


def _subjects(doc: dict[str, Any]) -> tuple[str, ...]:
    items = _items(doc.get("subjects")) or _items(doc.get("subject"))
    return unique([_string(item.get("name")) or _string(item.get("uri")) for item in items])


def _story_id(doc: dict[str, Any], uri: str) -> str:
    altids = doc.get("altids")
    if isinstance(altids, dict):  # ninjs 1.x: {"role": "value"}
        pairs = [(str(role), value) for role, value in altids.items()]
    else:
        pairs = [(str(item.get("role", "")), item.get("value")) for item in _items(altids)]
    for role, value in pairs:
        if role.strip().lower() == STORY_ID_ROLE and (text := inline(_string(value))):
            return text
    return uri


def _is_html(contenttype: str, value: str) -> bool:
    if contenttype:
        return "html" in contenttype
    return "<p" in value.lower() or "<br" in value.lower()


def _paragraphs(doc: dict[str, Any]) -> list[str]:
    """Paragraphs of the first usable body: main role first, HTML before plain text."""
    candidates: list[tuple[int, int, str]] = []  # (role rank, html rank, value)
    for item in _items(doc.get("bodies")):
        value = _string(item.get("value"))
        contenttype = (_string(item.get("contenttype")) or "").lower()
        if value and (not contenttype or "html" in contenttype or contenttype.startswith("text/plain")):
            role_rank = 0 if item.get("role") in (None, "", "main", "body") else 1
            candidates.append((role_rank, 0 if _is_html(contenttype, value) else 1, value))
    for key, html_rank in (("body_html", 0), ("body_xhtml", 0), ("body_text", 1)):
        if value := _string(doc.get(key)):
            candidates.append((0, html_rank, value))
    for _, html_rank, value in sorted(candidates, key=lambda c: c[:2]):
        paragraphs = html_paragraphs(value) if html_rank == 0 else _BLANK_LINE.split(value.replace("\r\n", "\n"))
        if any(p.strip() for p in paragraphs):
            return paragraphs
    return []


def parse_ninjs(raw: bytes) -> Article:
    """Parse one ninjs document."""
    doc = _loads(raw)
    if not isinstance(doc, dict):
        kind = {list: "an array", str: "a string"}.get(type(doc), type(doc).__name__)
        raise WireFormatError(f"valid JSON but not ninjs: top level is {kind}, expected an object", fmt=FMT)
    uri = inline(_string(doc.get("uri")))
    if uri is None:
        content_keys = {"bodies", "headlines", "headline", "body_html", "body_text"}
        if not content_keys & doc.keys():
            raise WireFormatError("valid JSON but not ninjs: no uri, headlines or bodies", fmt=FMT)
        raise WireFormatError("missing uri", fmt=FMT, where="uri")
    language = inline(_string(doc.get("language")))
    return Article(
        uri=uri,
        version=version(doc.get("version"), FMT, "version"),
        story_id=_story_id(doc, uri),
        body_text=body_text(_paragraphs(doc), FMT),
        source_format="ninjs",
        pubstatus=pubstatus(doc.get("pubstatus"), FMT, "pubstatus"),
        urgency=urgency(doc.get("urgency")),
        language=language or "nb",
        headline=_headline(doc),
        byline=_byline(doc),
        located=inline(_string(doc.get("located"))),
        firstcreated=timestamp(doc.get("firstcreated")),
        versioncreated=timestamp(doc.get("versioncreated")),
        subjects=_subjects(doc),
    )
