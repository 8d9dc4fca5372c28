"""The story text of a ninjs document: which rendition, and its text paragraphs.

Renditions of the story: 2.x/3.x ``bodies[]`` (``role``, ``contenttype``/3.x
``contentType``, ``value``) and 1.x ``body_*`` properties (TT's ``body_html5``,
``body_html``, ``body_xhtml``, ``body_text``, any other ``body_*``). A body whose role
names a summary (``summary``, ``abstract``, ``teaser``, ``lead``…) is not a rendition of
the story: it, 2.x/3.x ``descriptions[]`` and 1.x ``description_*`` are read only when no
rendition holds text, and the description is then the story text.

Kind: the content type (a 1.x property's suffix) tells markup (``html``, ``xhtml``,
``…+xml``), TT-NITF (``application/ttnitf+xml``, or role ``ttnitf``) or plain text;
without one, text with block tags is markup. Plain text that holds block tags is markup
sent as text and read as markup. Other types (``image/jpeg``) hold no text.

The rule: the rendition that yields the most paragraphs wins; on a tie markup beats
plain, then the earlier one. A plain rendition counts its blocks between blank lines: a
single newline may be a wrapped line, so a plain text without blank lines counts as one
paragraph and loses to markup of the same text. When such a text wins all the same (it
is the only one) its lines are its paragraphs, as in TT's plain renditions. TT-NITF is
read only when no other rendition holds text (TT sends it beside HTML and plain
renditions of the same story).

Every rendition loses a first paragraph that repeats the headline, and paragraphs that
are embed code arriving as text (``<div data-id=…><script>``); literal tags around text
are removed, the text kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import WireFormatError
from .common import inline
from .ninjs_html import html_body, ttnitf_body
from .ninjs_names import field

FMT = "ninjs"
Kind = Literal["markup", "plain", "ttnitf"]
SUMMARY_ROLES = frozenset(
    "summary abstract teaser lead leadin ingress intro introduction preview excerpt standfirst description".split()
)
LOOKED_AT = ("bodies", "body_html5", "body_html", "body_xhtml", "body_text")
_BLOCK_TAGS = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|section|article|body|html)(?=[\s/>])", re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LITERAL_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_EMBED_CODE = re.compile(r"<\s*/?\s*(?:script|iframe|style|embed|object|noscript)\b|\bdata-(?:id|embed)\w*=", re.I)


@dataclass(frozen=True, slots=True)
class Rendition:
    """One body or description: where it was sent (for error messages), its kind and text."""

    where: str
    kind: Kind | None  # None: not text (an image, audio…)
    value: str


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _kind(contenttype: str | None, role: str | None, value: str) -> Kind | None:
    ctype, role = (contenttype or "").lower(), (role or "").lower()
    if "ttnitf" in ctype or role == "ttnitf" or value.lstrip()[:7].upper() == "<TTNITF":
        return "ttnitf"
    if "html" in ctype or "xml" in ctype:
        return "markup"
    if ctype and not ctype.startswith("text/plain") and ctype != "text":
        return None
    return "markup" if _BLOCK_TAGS.search(value) else "plain"


def _suffix_type(suffix: str) -> str | None:
    """The content type a 1.x ``body_*``/``description_*`` suffix names; None: sniff it."""
    if suffix == "text":
        return "text/plain"
    return "text/html" if "html" in suffix else None


def _listed(doc: dict[str, Any], name: str, version: int) -> tuple[list[Rendition], list[Rendition]]:
    """``bodies``/``descriptions`` items: (renditions of the story, summaries)."""
    stories: list[Rendition] = []
    summaries: list[Rendition] = []
    items = field(doc, name, version)
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not (value := _string(item.get("value"))):
            continue
        role = _string(item.get("role"))
        contenttype = _string(field(item, "contenttype", version))
        kind = _kind(contenttype, role, value)
        where = f"{name}[{index}]" + (f" ({contenttype})" if contenttype else "")
        summary = name == "descriptions" or (role or "").strip().lower() in SUMMARY_ROLES
        (summaries if summary else stories).append(Rendition(where, kind, value))
    return stories, summaries


def _prefixed(doc: dict[str, Any], prefix: str) -> list[Rendition]:
    """1.x ``body_*``/``description_*`` properties, in message order."""
    found = []
    for key, value in doc.items():
        if key.startswith(prefix) and isinstance(value, str) and value:
            suffix = key[len(prefix):].lower()
            found.append(Rendition(key, _kind(_suffix_type(suffix), suffix, value), value))
    return found


def _clean(paragraphs: list[str], headline: str | None) -> list[str]:
    kept = []
    for paragraph in paragraphs:
        if _EMBED_CODE.search(paragraph):
            continue
        if text := inline(_LITERAL_TAG.sub("", paragraph) if "<" in paragraph else paragraph):
            kept.append(text)
    if kept and headline and kept[0].casefold() == headline.casefold():
        kept.pop(0)
    return kept


def _newlines(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(rendition: Rendition, headline: str | None, language: str | None) -> list[str]:
    if rendition.kind == "markup":
        raw = html_body(rendition.value, language)
    elif rendition.kind == "ttnitf":
        raw = ttnitf_body(rendition.value)
    elif rendition.kind == "plain":
        raw = _BLANK_LINE.split(_newlines(rendition.value))
    else:
        raw = []
    return _clean(raw, headline)


def _best(renditions: list[Rendition], headline: str | None, language: str | None) -> list[str]:
    """The rule of the module docstring."""
    scored: list[tuple[tuple[int, bool, int], Rendition, list[str]]] = []
    for index, rendition in enumerate(renditions):
        if rendition.kind != "ttnitf" and (paragraphs := _paragraphs(rendition, headline, language)):
            scored.append(((len(paragraphs), rendition.kind == "markup", -index), rendition, paragraphs))
    if scored:
        _, chosen, paragraphs = max(scored, key=lambda entry: entry[0])
        if chosen.kind == "plain" and not _BLANK_LINE.search(text := _newlines(chosen.value)):
            return _clean(text.split("\n"), headline)  # no blank line: one paragraph a line
        return paragraphs
    for rendition in renditions:
        if rendition.kind == "ttnitf" and (paragraphs := _paragraphs(rendition, headline, language)):
            return paragraphs
    return []


def story_paragraphs(doc: dict[str, Any], version: int, headline: str | None, language: str | None) -> list[str]:
    """The story's text paragraphs; a reason naming the fields looked at when there are none."""
    stories, summary_bodies = _listed(doc, "bodies", version)
    stories += _prefixed(doc, "body_")
    _, descriptions = _listed(doc, "descriptions", version)
    summaries = summary_bodies + descriptions + _prefixed(doc, "description_")
    paragraphs = _best(stories, headline, language) or _best(summaries, headline, language)
    if paragraphs:
        return paragraphs
    extra = [key for key in doc if key.startswith(("body_", "description_")) and key not in LOOKED_AT]
    names = [*LOOKED_AT, *(key for key in extra if key.startswith("body_")), "descriptions",
             *(key for key in extra if key.startswith("description_"))]
    looked_at = ", ".join(names[:-1]) + " and " + names[-1]
    sent = [rendition.where for rendition in stories + summaries]
    if not sent:
        raise WireFormatError(f"no text: {looked_at} are all empty", fmt=FMT)
    raise WireFormatError(
        f"no text: {looked_at} hold no text paragraphs (sent: {', '.join(sent)})", fmt=FMT
    )
