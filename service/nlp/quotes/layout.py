"""Paragraphs and sentence units of a Doc, with character/token lookups.

Quote rules think in paragraphs (a dash turn runs to the paragraph end) and in
sentences (an inverted "..., sier X" attributes its own sentence). The parser's
sentences are split again at line breaks so that no unit crosses a paragraph.

>>> layout = Layout(nlp("– Ja, sier hun.\\n\\nDet regner."))   # doctest: +SKIP
>>> [doc.text[u.start_char:u.end_char] for u in layout.units]  # doctest: +SKIP
['– Ja, sier hun.', 'Det regner.']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_TRAILING = " \t\n\r.,;:!?"
_SENTENCE_FINAL = ".!?:;…»”\")"


@dataclass(frozen=True)
class Unit:
    """One sentence inside one paragraph: tokens [start, end), characters [start_char, end_char)."""

    index: int
    paragraph: int
    start: int
    end: int
    start_char: int
    end_char: int


class Layout:
    """Paragraph and sentence structure of ``doc`` (whitespace tokens excluded)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.paragraphs = paragraph_ranges(doc.text)
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self.units: list[Unit] = []
        self.unit_of_token: list[int] = [-1] * len(doc)
        self._build_units()
        self._unit_starts = [unit.start_char for unit in self.units]

    def _build_units(self) -> None:
        doc = self.doc
        sent_starts = {sent.start for sent in doc.sents} if doc.has_annotation("SENT_START") else {0}
        current: list[Token] = []
        for token in doc:
            if token.is_space or not token.text.strip():
                if "\n" in token.text:
                    self._close(current)
                    current = []
                continue
            new_paragraph = bool(current) and self.paragraph_of(token.idx) != self.paragraph_of(current[-1].idx)
            if new_paragraph or (token.i in sent_starts and _can_start_sentence(token, current)):
                self._close(current)
                current = []
            current.append(token)
        self._close(current)

    def _close(self, tokens: list[Token]) -> None:
        if not tokens:
            return
        index = len(self.units)
        first, last = tokens[0], tokens[-1]
        self.units.append(Unit(index, self.paragraph_of(first.idx), first.i, last.i + 1,
                               first.idx, last.idx + len(last.text)))
        for token in tokens:
            self.unit_of_token[token.i] = index

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding character ``char``."""
        return max(0, bisect_right(self._paragraph_starts, char) - 1)

    def unit_at(self, char: int) -> Unit | None:
        """The sentence unit holding (or nearest before) character ``char``."""
        position = bisect_right(self._unit_starts, char) - 1
        return self.units[position] if position >= 0 else None

    def unit_of(self, token: Token) -> Unit | None:
        index = self.unit_of_token[token.i]
        return self.units[index] if index >= 0 else None

    def previous_unit(self, unit: Unit) -> Unit | None:
        return self.units[unit.index - 1] if unit.index > 0 else None

    def next_unit(self, unit: Unit) -> Unit | None:
        return self.units[unit.index + 1] if unit.index + 1 < len(self.units) else None

    def token_at(self, char: int) -> Token | None:
        """The token starting at or covering character ``char``."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def _can_start_sentence(token: Token, previous: list[Token]) -> bool:
    """Trust the parser's sentence start unless it splits "over 300 | 000 soldater"."""
    if not previous:
        return True
    return previous[-1].text[-1:] in _SENTENCE_FINAL or not (token.text[:1].islower() or token.text[:1].isdigit())


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text`` (split at line breaks)."""
    ranges = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if "\n" not in match.group():
            continue
        if match.start() > start:
            ranges.append((start, match.start()))
        start = match.end()
    if start < len(text) and text[start:].strip():
        ranges.append((start, len(text.rstrip())))
    return ranges or [(0, len(text))]


def trim_span(text: str, start: int, end: int, chars: str = _TRAILING) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace and, at the end, ``chars``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
