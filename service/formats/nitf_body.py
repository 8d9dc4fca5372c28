"""The text paragraphs of a NITF ``body.content``: what a reader reads as the story.

Read by :func:`.htmltext.element_blocks` (``media`` captions and ``note``s never appear;
a table gives one paragraph per row), then these paragraphs are not story text:

* escaped markup arriving as paragraph text (``&lt;div data-id=…&gt;&lt;script…``,
  a literal ``<p>``) is read as HTML: its text stays, embed code leaves nothing;
* picture placeholders (NTB's ``BILDE: <caption>``) and, in a document that classes its
  text paragraphs (NTB's ``txt``/``txt-ind``), the class-less ``p`` right after one (its
  caption); photo credits (``Foto: NTNU``); bracketed placeholders
  (``[ GRAFIKK/VIDEO MANGLER ]``); agency sign-offs (``/ritzau/``, ``(BusinessDesk)``);
  byline-shaped lines (``By The Associated Press``); lines with no letter or digit (``___``);
* a first paragraph that repeats the headline (or the headline after its kicker,
  ``Faktisk.no: …``);
* an intertitle with nothing under it (followed by another of its kind, or last).

Intertitles (``hl2``) are kept as paragraphs of their own, as HTML headings are. An
explicit line break (``&#10;``) inside a paragraph separates two paragraphs: see
:func:`explicit_line_breaks`. A dash quote keeps its "– " wherever it stands.
"""
from __future__ import annotations

import re

from lxml import etree

from .bylines import is_byline
from .htmltext import Block, element_blocks, html_paragraphs, local_name
from .text_layout import has_text

HEADINGS = frozenset("hl1 hl2 h1 h2 h3 h4 h5 h6".split())
_LINE_BREAK_REF = re.compile(rb"&#(?:0*10|[xX]0*[aA]);")
_LINE_BREAK_OR_MARKUP = re.compile(
    rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<[^>]*>|(&#(?:0*10|[xX]0*[aA]);)", re.DOTALL
)
_SEPARATOR_REF = b"&#8233;"
# Block and embed tags only: a literal <b> or <a> in text is left as sent.
_ESCAPED_MARKUP = re.compile(
    r"</?(?:article|blockquote|br|div|figcaption|figure|h[1-6]|iframe|img|li|noscript|object|ol|p|script|section|"
    r"style|table|td|th|tr|ul|video)\b[^<>]*>",
    re.IGNORECASE,
)
_PICTURE = re.compile(r"(?:BILDE|GRAFIKK|VIDEO)\s*:")
_CREDIT = re.compile(
    r"(?:Foto|Fotos|Photo|Photos|Bilde|Illustrasjon|Illustration|Grafikk|Graphic)\s*:\s*(?:[^.!?]|\.(?=\S)){1,80}\.?",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")
_SIGN_OFF = re.compile(r"[/(]\s*©?\s*[^\W\d_][\w .&-]{0,30}[/)]")
# Pretty-printing puts a newline and indentation between a link and the comma after it.
_BREAK_BEFORE_PUNCTUATION = re.compile(r"[ \t]*\n[ \t\n]*(?=[.,;:!?)\]»”])")
_EDGE_SPACE = " \t\n\r\f\v\u00a0\u202f"
_KICKER = re.compile(r"^[^:]{1,40}:\s+")
_TRAILING_MARKS = ".:!?;, "
_MAX_SHORT_LINE = 120


def explicit_line_breaks(raw: bytes) -> bytes:
    """Turn ``&#10;`` written in element text into U+2029, a paragraph break for the walker.

    Only a character reference can tell a newline the sender meant from one that pretty-
    printing put there, so this looks at the bytes before parsing; tags (attribute
    values), comments and CDATA are left alone.
    """
    if not _LINE_BREAK_REF.search(raw):
        return raw
    return _LINE_BREAK_OR_MARKUP.sub(lambda m: _SEPARATOR_REF if m.group(1) else m.group(0), raw)


def _comparable(text: str) -> str:
    return " ".join(text.split()).rstrip(_TRAILING_MARKS).casefold()


def repeats_headline(paragraph: str, headline: str | None) -> bool:
    """Whether ``paragraph`` is the headline again, or the headline after its kicker."""
    if not headline:
        return False
    said, title = _comparable(paragraph), _comparable(headline)
    return bool(said) and (said == title or said == _KICKER.sub("", title, count=1))


def _is_short(text: str) -> bool:
    return len(text) <= _MAX_SHORT_LINE


def _not_text(text: str) -> bool:
    """A line that is not story text whatever surrounds it."""
    if not has_text(text):
        return True
    if not _is_short(text):
        return False
    return bool(
        _CREDIT.fullmatch(text)
        or _PLACEHOLDER.fullmatch(text)
        or _SIGN_OFF.fullmatch(text)
        or is_byline(text)
    )


def _kind(block: Block) -> str:
    return local_name(block.element) if block.element is not None else ""


def _tidy(block: Block) -> str:
    text = block.text
    if _kind(block) != "tr":  # a cell may open with a mark (".351")
        text = _BREAK_BEFORE_PUNCTUATION.sub("", text)
    return text.strip(_EDGE_SPACE)


def _has_class(element: etree._Element | None) -> bool:
    return element is not None and bool((element.get("class") or "").strip())


def _texts(block: Block) -> list[Block]:
    """The block, or the text paragraphs of the markup it holds as escaped text."""
    if not _ESCAPED_MARKUP.search(block.text):
        return [block]
    return [Block(text, block.element) for text in html_paragraphs(block.text)]


def _drop_captions(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    caption_may_follow = False
    for block in blocks:
        is_caption = caption_may_follow and _kind(block) == "p" and not _has_class(block.element)
        caption_may_follow = False
        if is_caption:
            continue
        if _PICTURE.match(block.text):
            caption_may_follow = _has_class(block.element)
            continue
        kept.append(block)
    return kept


def _drop_empty_sections(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        kind = _kind(block)
        if kind in HEADINGS:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or _kind(following) == kind:
                continue
        kept.append(block)
    return kept


def story_paragraphs(content: etree._Element, headline: str | None) -> list[str]:
    """The story text paragraphs of a ``body.content`` element."""
    blocks = [
        Block(text, block.element)
        for raw in element_blocks(content)
        for block in _texts(raw)
        if (text := _tidy(block))
    ]
    blocks = [block for block in _drop_captions(blocks) if not _not_text(block.text)]
    if blocks and repeats_headline(blocks[0].text, headline):
        blocks = blocks[1:]
    return [block.text for block in _drop_empty_sections(blocks)]
