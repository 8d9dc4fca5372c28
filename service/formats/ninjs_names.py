"""Which ninjs version a document follows, and how that version spells each field.

The version is the one the document declares (``standard.version``, 1.x's
``$standard.version``, or the ``ninjs-schema_X.Y`` in ``$schema``/``standard.schema``);
without a declaration it is told by the names used: any 3.x camelCase name → 3,
any 2.x-only name → 2, else 1. The version decides which spelling is read first;
the other spellings stay a fallback, since senders mix them.
"""
from __future__ import annotations

import re
from typing import Any

from ..article import TAG_PROPERTIES, TagKind

#: 1.x/2.x lower-case name → the 3.x camelCase name (names not listed are spelled alike).
CAMEL: dict[str, str] = {
    "firstcreated": "firstCreated",
    "versioncreated": "versionCreated",
    "contentcreated": "contentCreated",
    "pubstatus": "pubStatus",
    "altids": "altIds",
    "contenttype": "contentType",
    "ednote": "edNote",
    "copyrightholder": "copyrightHolder",
    "copyrightnotice": "copyrightNotice",
    "usageterms": "usageTerms",
    "representationtype": "representationType",
    "infosources": "infoSources",
    "trustindicators": "trustIndicators",
    "rightsinfo": "rightsInfo",
    "charcount": "charCount",
    "wordcount": "wordCount",
}
_V3_NAMES = frozenset(CAMEL.values())
_V2_NAMES = frozenset(
    "headlines bodies descriptions by people organisations places subjects events objects "
    "genres infosources trustindicators standard".split()
)
_SCHEMA_VERSION = re.compile(r"ninjs-schema_(\d+)")
_LEADING_DIGIT = re.compile(r"\s*(\d+)")


def string(value: Any) -> str | None:
    """A JSON string as sent, a number as its text; anything else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def objects(value: Any) -> list[dict[str, Any]]:
    """A list of objects, tolerating a single object; other entries dropped."""
    if isinstance(value, dict):
        value = [value]
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _major(text: Any, pattern: re.Pattern[str]) -> int | None:
    if isinstance(text, str) and (found := pattern.search(text)) and found.group(1) in ("1", "2", "3"):
        return int(found.group(1))
    return None


def ninjs_version(doc: dict[str, Any]) -> int:
    """1, 2 or 3: the declared major version, else the one whose names the document uses."""
    for key in ("standard", "$standard"):
        standard = doc.get(key)
        if isinstance(standard, dict):
            declared = _major(standard.get("version"), _LEADING_DIGIT)
            if declared := declared or _major(standard.get("schema"), _SCHEMA_VERSION):
                return declared
    if declared := _major(doc.get("$schema"), _SCHEMA_VERSION):
        return declared
    if _V3_NAMES & doc.keys():
        return 3
    if _V2_NAMES & doc.keys() or isinstance(doc.get("altids"), list):
        return 2
    return 1


def spellings(name: str, version: int) -> tuple[str, ...]:
    """The spellings of a lower-case field name, the version's own first."""
    camel = CAMEL.get(name)
    if camel is None:
        return (name,)
    return (camel, name) if version >= 3 else (name, camel)


def field(doc: dict[str, Any], name: str, version: int) -> Any:
    """The value of a field under the version's spelling, else under the other one."""
    for key in spellings(name, version):
        if doc.get(key) is not None:
            return doc[key]
    return None


def first_present(doc: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first of ``names`` whose value is neither missing nor empty."""
    for name in names:
        value = doc.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def tag_field(doc: dict[str, Any], kind: TagKind, version: int) -> Any:
    """A tag list: 2.x/3.x ``people``…, 1.x ``person``…, the version's name first."""
    plural = TAG_PROPERTIES[kind]
    return first_present(doc, (plural, kind) if version >= 2 else (kind, plural))
