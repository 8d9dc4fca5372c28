"""Quotation-mark spans and dash turns, found on the raw text.

Top-level quotes open with « “ „ or a straight ", and close with the matching
mark; marks nested inside them (‹› '' or inner "") are left to the outer quote.
A « left open at the end of a paragraph runs to that paragraph's end and, when
the next paragraph opens with « again, continues there (multi-paragraph quote).
A dash turn is a paragraph (or a sentence after . ! ?) opening with – — or -.

>>> [text[m.start:m.end] for m in find_marks(text := '«Ja», sa han. Det het "Storm".', [(0, 29)])]
['Ja', 'Storm']
>>> [text[d.start:d.end] for d in find_dash_turns(t := "– Ja, sa han.", [(0, 13)])]
['Ja, sa han.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from service.nlp.quotes.layout import trim_span

_CLOSERS = {"«": "»", "“": "”", "„": "“”", '"': '"'}
_NESTED = {"‹": "›"}
_DASHES = "–—-"
_SENTENCE_END = ".!?»”\""
_DASH_TURN = re.compile(
    r"(?:^([–—-])(?=\s*[«\"“A-ZÆØÅa-zæøå0-9.])|(?<=[.!?]\s)([–—-])(?=\s+[«\"“A-ZÆØÅ0-9]))"
)


@dataclass(frozen=True)
class MarkSpan:
    """A top-level quotation: ``[start, end)`` is the text inside the marks.

    ``open``/``close`` are the indexes of the marks (``close`` is None when the
    quote runs to its paragraph's end), ``continues`` tells that the next
    paragraph carries on the same quote.
    """

    open: int
    close: int | None
    start: int
    end: int
    paragraph: int
    continues: bool = False

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


@dataclass(frozen=True)
class DashTurn:
    """A dash-opened turn: ``dash`` is the dash's index, ``[start, end)`` the text after it
    up to the end of its paragraph or the next dash turn in it."""

    dash: int
    start: int
    end: int
    paragraph: int
    at_paragraph_start: bool


def find_marks(text: str, paragraphs: list[tuple[int, int]]) -> list[MarkSpan]:
    """Top-level quotation spans of ``text``, paragraph by paragraph."""
    spans: list[MarkSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        spans.extend(_marks_in_paragraph(text, start, end, index))
    result = []
    for position, span in enumerate(spans):
        continues = (
            span.close is None
            and position + 1 < len(spans)
            and spans[position + 1].paragraph == span.paragraph + 1
            and text[spans[position + 1].open] == text[span.open]
            and spans[position + 1].open == _first_visible(text, paragraphs[span.paragraph + 1][0])
        )
        result.append(MarkSpan(span.open, span.close, span.start, span.end, span.paragraph, continues))
    return result


def _first_visible(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _marks_in_paragraph(text: str, start: int, end: int, paragraph: int) -> list[MarkSpan]:
    spans = []
    position = start
    while position < end:
        char = text[position]
        if char in _CLOSERS and _can_open(text, position, start, end):
            close = _find_close(text, position, end)
            inner_start, inner_end = trim_span(text, position + 1, close if close is not None else end, " \t\n")
            if inner_end > inner_start:
                spans.append(MarkSpan(position, close, inner_start, inner_end, paragraph))
            if close is None:
                break
            position = close + 1
            continue
        position += 1
    return spans


def _can_open(text: str, position: int, start: int, end: int) -> bool:
    char = text[position]
    if char != '"':
        return True
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    return (before.isspace() or before in "([–—-:") and not after.isspace()


def _find_close(text: str, open_at: int, end: int) -> int | None:
    opener = text[open_at]
    closers = _CLOSERS[opener]
    depth = 0
    inner_straight = False
    position = open_at + 1
    while position < end:
        char = text[position]
        if opener == "«" and char == "«":
            depth += 1
        elif char in closers and not (opener == '"' and _is_apostrophe_quote(text, position)):
            if opener == "«" and depth:
                depth -= 1
            else:
                return position
        elif char == '"' and opener != '"':
            inner_straight = not inner_straight
        position += 1
    return None


def _is_apostrophe_quote(text: str, position: int) -> bool:
    """A straight quote glued between two letters is not a closing mark."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def find_dash_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[DashTurn]:
    """Dash turns: paragraphs, or sentences after . ! ?, that open with a dash."""
    turns: list[DashTurn] = []
    for index, (start, end) in enumerate(paragraphs):
        dashes = [start + match.start(match.lastindex or 1) for match in _DASH_TURN.finditer(text[start:end])]
        for position, dash in enumerate(dashes):
            stop = dashes[position + 1] if position + 1 < len(dashes) else end
            content_start, content_end = trim_span(text, dash + 1, stop, " \t\n")
            if content_end > content_start:
                turns.append(DashTurn(dash, content_start, content_end, index, dash == _first_visible(text, start)))
    return turns
