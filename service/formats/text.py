"""Plain agency text: NTB's layout below, or a framed IPTC 7901 / ANPA 1312 message
(:mod:`.text_iptc7901`, :mod:`.text_anpa1312`). None declares a language: it is guessed
from the body. A dateline opening the body (``Geneva (dpa) -``) gives ``located``.

::

    NTB                                  ← optional agency line

    Overskrift uten punktum              ← headline: one line, no final punctuation

    Første avsnitt, som kan gå over      ← body paragraphs, separated by blank lines;
    flere linjer.                          line breaks inside are folded to a space

    – Replikker med tankestrek beholdes som de er, sier hun.
"""
from __future__ import annotations

import hashlib
import re

from ..article import Article
from .bylines import writers
from .common import body_text, clean, inline, language
from .text_anpa1312 import anpa1312_story
from .text_frame import TextStory, decode_text, split_frame
from .text_iptc7901 import iptc7901_story
from .text_layout import AGENCIES, BLANK_LINE, dateline_place, has_text

FMT = "text"
URI_PREFIX = "urn:newswire:text:"
HEADLINE_MAX = 200

_AGENCY_TOKEN = re.compile(r"[A-ZÆØÅ]{2,6}")
_AGENCY_SEPARATORS = re.compile(r"\s*[-/,&+]\s*|\s+")
_SENTENCE_END = tuple(".!?…:;")
_CLOSERS = "»”’\"')]"
_DIALOGUE = ("– ", "- ", "— ")


def is_agency_line(line: str, *, stands_alone: bool) -> bool:
    """``NTB``, ``NTB-Reuters``, ``NTB/AFP``: short, every token an agency token."""
    line = line.strip()
    if not line or len(line) > 40:
        return False
    tokens = [t for t in _AGENCY_SEPARATORS.split(line) if t]
    if not 1 <= len(tokens) <= 4:
        return False
    known = [t.lower() in AGENCIES for t in tokens]
    if not all(k or _AGENCY_TOKEN.fullmatch(t) for k, t in zip(known, tokens)):
        return False
    return stands_alone or known[0]


def _is_headline(paragraph: list[str]) -> bool:
    if len(paragraph) != 1:
        return False
    line = paragraph[0].strip()
    if not line or len(line) > HEADLINE_MAX or line.startswith(_DIALOGUE):
        return False
    return not line.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def split_paragraphs(text: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of its non-blank lines."""
    blocks = (block.split("\n") for block in BLANK_LINE.split(text))
    return [lines for lines in ([ln for ln in block if ln.strip()] for block in blocks) if lines]


def ntb_story(text: str) -> TextStory:
    """Agency line, headline and paragraphs of NTB's layout (module docstring)."""
    blocks = split_paragraphs(clean(text))
    if blocks and is_agency_line(blocks[0][0], stands_alone=len(blocks[0]) == 1):
        blocks[0] = blocks[0][1:]
        if not blocks[0]:
            blocks.pop(0)
    headline = None
    if len(blocks) > 1 and _is_headline(blocks[0]):
        headline = inline(blocks.pop(0)[0])
    return TextStory([" ".join(line.strip() for line in block) for block in blocks], headline)


def parse_text(raw: bytes) -> Article:
    """Parse plain agency text; see the module docstring for the layouts."""
    text = decode_text(raw, FMT)
    frame = split_frame(text)
    if frame is None:
        story = ntb_story(text)
    else:
        story = anpa1312_story(frame) if frame.framing == "anpa1312" else iptc7901_story(frame)
    body = body_text([p for p in story.paragraphs if has_text(p)], FMT)
    digest_source = f"{story.headline}\n\n{body}" if story.headline else body
    uri = URI_PREFIX + hashlib.sha256(digest_source.encode("utf-8")).hexdigest()[:20]
    return Article(
        uri=uri,
        version=1,
        story_id=uri,
        body_text=body,
        source_format="text",
        urgency=story.urgency,
        language=language(None, body),
        headline=story.headline,
        byline=writers(story.byline),
        located=dateline_place(body.split("\n\n", 1)[0]),
        versioncreated=story.versioncreated,
    )
