"""Text paragraphs of a ninjs HTML/XHTML or TT-NITF body, without what is not story text.

Dropped by markup before the paragraphs are read (:func:`.htmltext.prune_metadata`, as for
G2's XHTML): ``<h1>`` (the title: ninjs carries the headline in its own field),
``<header>``, figures and everything embedded, and elements whose class marks metadata:
TT's ``dat`` (the dateline), ``byline`` (writer and photo credits), ``caption``
and Superdesk's ``embed-block``. (A ``credit`` span is left: dpa puts its agency in the
dateline with it, "Rom (dpa) -", which is text.)

In Nordic text a quotation is a dash turn ("– Ja, sier hun."). TT marks it with
``<blockquote>`` (TT-NITF ``CITAT``) and leaves the dash out, which its own plain
rendition prints; a blockquote without a dash or quotation mark of its own gets "– "
back when the text is Danish, Finnish, Norwegian or Swedish.
"""
from __future__ import annotations

import re

from lxml import etree

from .common import guess_language
from .htmltext import element_paragraphs, local_name, parse_html, prune_metadata
from .ttnitf import ttnitf_story

DASH_LANGUAGES = frozenset("da fi nb nn no sv".split())
_QUOTE_OPENERS = tuple("–—-«»“”„\"'‘’‹›")
_LANGUAGE = re.compile(r"[A-Za-z]+")
_TT_DASH_ENTITY = "&tstr;"  # TT's own entity for the dash ("tankstreck")


def _prefix_dash(node: etree._Element) -> None:
    """Put "– " before the first text under ``node`` unless it opens with a mark already."""
    for event, element in etree.iterwalk(node, events=("start", "end")):
        attribute = "text" if event == "start" else "tail"
        if element is node and attribute == "tail":
            return
        text = getattr(element, attribute)
        if text and text.strip():
            if not text.lstrip().startswith(_QUOTE_OPENERS):
                setattr(element, attribute, "– " + text.lstrip())
            return


def _restore_dashes(root: etree._Element) -> None:
    for quote in root.iter("blockquote"):
        blocks = [child for child in quote if local_name(child) in ("p", "div")]
        for target in blocks or [quote]:
            _prefix_dash(target)


def dash_quotes(language: str | None, sample: str) -> bool:
    """Whether blockquotes are dash turns: the declared language, else a guess from ``sample``."""
    found = _LANGUAGE.match(language or "")
    code = found.group(0).lower() if found else guess_language(sample)
    return code in DASH_LANGUAGES


def html_body(markup: str, language: str | None) -> list[str]:
    """Paragraphs of an HTML or XHTML body, metadata and embedded media dropped."""
    root = parse_html(markup, "ninjs")
    if root is None:
        return []
    prune_metadata(root)
    if dash_quotes(language, root.text_content()):
        _restore_dashes(root)
    return element_paragraphs(root)


def ttnitf_body(markup: str) -> list[str]:
    """Paragraphs of a TT-NITF rendition, read as the G2 parser reads TT's inline NITF."""
    root = parse_html(markup.replace(_TT_DASH_ENTITY, "–"), "ninjs")
    return ttnitf_story(root)[0] if root is not None else []
