"""Text paragraphs of a ninjs HTML/XHTML or TT-NITF body, without what is not story text.

Dropped by markup before the paragraphs are read (:func:`.htmltext.element_paragraphs`):
``<h1>`` (the title: ninjs carries the headline in its own field), ``<header>``,
figures and everything embedded (``figure``, ``figcaption``, ``img``, ``video``,
``iframe``…), and elements whose class marks metadata: TT's ``dat`` (the dateline:
``<span class="vignette">`` section and ``<span class="source">`` agency), ``byline``
(writer and photo credits), ``caption``, ``credit`` and Superdesk's ``embed-block``.

In Nordic text a quotation is a dash turn ("– Ja, sier hun."). TT marks it with
``<blockquote>`` (TT-NITF ``CITAT``) and leaves the dash out, which its own plain
rendition prints; a blockquote without a dash or quotation mark of its own gets "– "
back when the text is Danish, Finnish, Norwegian or Swedish.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..errors import WireFormatError
from .common import guess_language
from .htmltext import element_paragraphs, local_name
from .ttnitf import ttnitf_story

DROP_TAGS = frozenset(
    "h1 header figure figcaption img picture video audio source track iframe object embed "
    "svg canvas map form button nav".split()
)
DROP_CLASSES = frozenset("dat byline caption credit embed-block".split())
DASH_LANGUAGES = frozenset("da fi nb nn no sv".split())
_QUOTE_OPENERS = "–—-«»“”„\"'‘’‹›"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # libxml2 would turn them into U+FFFD
_LANGUAGE = re.compile(r"[A-Za-z]+")
_TT_DASH_ENTITY = "&tstr;"  # TT's own entity for the dash ("tankstreck")


def _parse(markup: str) -> etree._Element | None:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(_CONTROLS.sub("", markup).encode("utf-8", "replace"), parser=parser)
    except etree.ParserError:  # "Document is empty"
        return None
    limits = [error.message for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    if any("depth" in message.lower() for message in limits):
        raise WireFormatError("the HTML body nests elements over the parser's limit of 256 levels", fmt="ninjs")
    if limits:
        raise WireFormatError("a text run in the HTML body is over the parser's 10 MB limit", fmt="ninjs")
    return root


def _is_metadata(node: etree._Element) -> bool:
    classes = set((node.get("class") or "").lower().split())
    return local_name(node) in DROP_TAGS or bool(classes & DROP_CLASSES)


def _drop(node: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _prune(root: etree._Element) -> None:
    for node in [n for n in root.iter() if isinstance(n.tag, str) and _is_metadata(n)]:
        _drop(node)


def _prefix_dash(node: etree._Element) -> None:
    """Put "– " before the first text under ``node`` unless it opens with a mark already."""
    for event, element in etree.iterwalk(node, events=("start", "end")):
        attribute = "text" if event == "start" else "tail"
        if element is node and attribute == "tail":
            return
        text = getattr(element, attribute)
        if text and text.strip():
            if not text.lstrip().startswith(tuple(_QUOTE_OPENERS)):
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
    root = _parse(markup)
    if root is None:
        return []
    _prune(root)
    if dash_quotes(language, root.text_content()):
        _restore_dashes(root)
    return element_paragraphs(root)


def ttnitf_body(markup: str) -> list[str]:
    """Paragraphs of a TT-NITF rendition, read as the G2 parser reads TT's inline NITF."""
    root = _parse(markup.replace(_TT_DASH_ENTITY, "–"))
    return ttnitf_story(root)[0] if root is not None else []
