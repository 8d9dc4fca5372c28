"""IPTC ninjs JSON, versions 1.x, 2.x and 3.x, each read by its documented names.

Names per IPTC's schemas (``ninjs-schema_1.0``–``1.8``, ``2.0``–``2.4``, ``3.0``–``3.3``):

- 1.x: ``uri``, ``version``, ``pubstatus``, ``urgency``, ``firstcreated``,
  ``versioncreated``, ``language``, ``located``, ``headline``, ``byline``, the text in
  ``body_text``/``body_html``/``body_xhtml``/any ``body_*``, ``description_text``/any
  ``description_*``, ``altids`` as ``{role: value}``, tags in ``person``,
  ``organisation``, ``place``, ``subject``, ``event``, ``object`` (name, rel, scheme,
  code); declared in ``$standard``.
- 2.x: the same lower-case names, with ``headlines``, ``bodies`` and ``descriptions`` as
  ``[{role, contenttype, value}]``, ``by`` for the byline, ``altids`` as
  ``[{role, value}]``, tags in ``people``, ``organisations``, ``places``, ``subjects``,
  ``events``, ``objects`` (name, rel, uri, literal); declared in ``standard``.
- 3.x: 2.x's structure in camelCase: ``firstCreated``, ``versionCreated``,
  ``pubStatus``, ``altIds``, ``contentType`` (in bodies, descriptions, headlines),
  ``edNote``, ``copyrightHolder``…; ``uri``, ``version``, ``urgency``, ``language``,
  ``located``, ``by``, ``headlines``, ``bodies``, ``descriptions`` and the tag lists are
  spelled as in 2.x.

The version is the declared one, else told by the names (:mod:`.ninjs_names`); the other
versions' names stay a fallback. What senders add is read too: TT's ``body_html5`` and
``bylines`` ``[{byline}]`` (after ``by``/``byline``), and the story identifier is
``uri``, else Superdesk's ``guid``, else the Superdesk content API's ``_id``.

``story_id`` is the ``NTB-ID`` alternative id, which every version of an NTB story
shares; without one it is the identifier. ``language`` is the declared tag, else a guess
from the text (:func:`.common.language`). Times keep their offset; a time without one is
dropped (ninjs says nothing of a zone). Which body rendition is the text, and how it is
cleaned: :mod:`.ninjs_body`, :mod:`.ninjs_html`. Tags: :mod:`.ninjs_tags`.
"""
from __future__ import annotations

import re
from typing import Any

import orjson

from ..article import Article
from ..errors import WireFormatError
from .bylines import writers
from .common import body_text, decode_utf8, inline, language, pubstatus, timestamp, unique, urgency, version
from .ninjs_body import story_paragraphs
from .ninjs_names import field, ninjs_version, objects, string
from .ninjs_tags import subject_names, tags

FMT = "ninjs"
STORY_ID_ROLE = "ntb-id"
IDENTIFIERS = ("uri", "guid", "_id")  # ninjs, Superdesk, Superdesk content API
_CONTENT_KEYS = frozenset("headline headlines bodies descriptions".split())
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


def _headline(doc: dict[str, Any], ninjs: int) -> str | None:
    headlines = doc.get("headlines")
    items = objects(headlines)
    main = [h for h in items if h.get("role") in (None, "", "main")] or items
    listed = next((text for h in main if (text := inline(string(h.get("value"))))), None)
    single = inline(string(headlines)) or inline(string(doc.get("headline")))
    return (single or listed) if ninjs == 1 else (listed or single)


def _byline(doc: dict[str, Any], ninjs: int) -> str | None:
    by = inline(string(doc.get("by")))
    byline = inline(string(doc.get("byline")))
    listed = ", ".join(unique([string(item.get("byline")) for item in objects(doc.get("bylines"))])) or None
    order = (byline, listed, by) if ninjs == 1 else (by, byline, listed)
    return next((value for value in order if value), None)


def _identifier(doc: dict[str, Any]) -> str:
    for key in IDENTIFIERS:
        if uri := inline(string(doc.get(key))):
            return uri
    if not (_CONTENT_KEYS & doc.keys() or any(key.startswith("body_") for key in doc)):
        raise WireFormatError("valid JSON but not ninjs: no uri, headlines or bodies", fmt=FMT)
    raise WireFormatError(
        "missing uri: none of uri, guid (Superdesk) or _id (Superdesk content API) is set", fmt=FMT, where="uri"
    )


def _story_id(doc: dict[str, Any], ninjs: int, uri: str) -> str:
    altids = field(doc, "altids", ninjs)
    if isinstance(altids, dict):  # ninjs 1.x: {"role": "value"}
        pairs = [(str(role), value) for role, value in altids.items()]
    else:
        pairs = [(str(item.get("role", "")), item.get("value")) for item in objects(altids)]
    for role, value in pairs:
        if role.strip().lower() == STORY_ID_ROLE and (text := inline(string(value))):
            return text
    return uri


def parse_ninjs(raw: bytes) -> Article:
    """Parse one ninjs document (1.x, 2.x or 3.x)."""
    doc = _loads(raw)
    if not isinstance(doc, dict):
        kinds: dict[type, str] = {list: "an array", str: "a string"}
        kind = kinds.get(type(doc), type(doc).__name__)
        raise WireFormatError(f"valid JSON but not ninjs: top level is {kind}, expected an object", fmt=FMT)
    ninjs = ninjs_version(doc)
    uri = _identifier(doc)
    headline = _headline(doc, ninjs)
    declared = inline(string(doc.get("language")))
    body = body_text(story_paragraphs(doc, ninjs, headline, declared), FMT)
    found_tags = tags(doc, ninjs)
    status_name = "pubStatus" if ninjs >= 3 else "pubstatus"
    return Article(
        uri=uri,
        version=version(doc.get("version"), FMT, "version"),
        story_id=_story_id(doc, ninjs, uri),
        body_text=body,
        source_format="ninjs",
        pubstatus=pubstatus(field(doc, "pubstatus", ninjs), FMT, status_name),
        urgency=urgency(doc.get("urgency")),
        language=language(declared, body),
        headline=headline,
        byline=writers(_byline(doc, ninjs)),
        located=inline(string(doc.get("located"))),
        firstcreated=timestamp(field(doc, "firstcreated", ninjs)),
        versioncreated=timestamp(field(doc, "versioncreated", ninjs)),
        subjects=subject_names(found_tags),
        tags=found_tags,
    )
