"""Story paragraphs of a NewsML-G2 item: a rendition's paragraphs minus what is not text.

Dropped: rules and ornaments (``_____``), a byline standing as the first paragraph
(returned, it is the byline), the headline repeated as the first paragraph, and machine
translations sent ahead of the original. STT sends those: each part opens with a
``*** DISCLAIMER … ***`` line, translations (English, Swedish) first, the original last;
the item declares the original's language, so the parts that are recognisably in
another language are the translations. Character references escaped twice by the
sender (``&amp;quot;``) are decoded, and a paragraph that opens with ``,`` joins the one
before (a sentence split where the sender lost an element).
"""
from __future__ import annotations

import re

from .common import guess_language, inline, primary_language
from .bylines import is_byline
from .text_layout import has_text, unescape_entities

_DISCLAIMER = re.compile(r"\*{3}\s*DISCLAIMER\b.*\*{3}", re.I)
_MARKER = re.compile(r"\s*\*{3}[^*]{1,40}\*{3}\s*")  # STT's "*** TRANSLATED ***"
_CONTINUES = tuple(",;:.)]")


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .") == b.casefold().strip(" .")


def without_translations(paragraphs: list[str], declared: str | None) -> list[str]:
    """The parts of a ``*** DISCLAIMER ***``-divided body not in another language than declared."""
    if not any(_DISCLAIMER.fullmatch(p) for p in paragraphs):
        return paragraphs
    parts: list[list[str]] = [[]]
    for paragraph in paragraphs:
        if _DISCLAIMER.fullmatch(paragraph):
            parts.append([])
        else:
            parts[-1].append(paragraph)
    wanted = primary_language(declared)
    kept = [part for part in parts if part and guess_language(" ".join(part)) in ("und", wanted)]
    return [p for part in (kept if wanted and kept else parts) for p in part]


def clean_headline(headline: str | None) -> str | None:
    """A headline without a machine marker such as ``*** TRANSLATED ***``."""
    return inline(_MARKER.sub(" ", headline)) if headline else None


def _rejoin(paragraphs: list[str]) -> list[str]:
    """A paragraph opening with ``,`` or ``.`` is the rest of the one before (an element
    the sender lost split a sentence)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph.startswith(_CONTINUES):
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined


def story_paragraphs(
    paragraphs: list[str], language: str | None, headlines: tuple[str | None, ...]
) -> tuple[list[str], str | None]:
    """``(text paragraphs, byline found as the first paragraph)``."""
    kept = [p for p in (unescape_entities(inline(p) or "") for p in paragraphs) if has_text(p)]
    kept = _rejoin(without_translations(kept, language))
    byline = kept.pop(0) if kept and is_byline(kept[0]) else None
    if kept and any(h and _same(kept[0], h) for h in headlines):
        kept.pop(0)
    return kept, byline
