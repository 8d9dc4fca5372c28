"""Assemble the quotes of one Doc from quote marks, dash turns, cues and "ifølge".

>>> [q.kind for q in extract_quotes(nlp("«Ja», sier hun."))]   # doctest: +SKIP
['direct']

Order of work: dash turns and quotation marks first (their text is quoted, so
cues inside them report nothing on their own), then cue frames (indirect and
inverted reports), then "ifølge" attributions; speakers are resolved in
document order and finally carried over to unattributed quotes in the same
run (the next dash paragraph, a quote introduced by a colon, a quote whose
speaker stands in the sentence before or after).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from service.nlp.mentions.noun_phrase import end_with_relative_clause
from service.nlp.quotes.cues import (
    ANAPHORIC,
    BACK_REFERENCE,
    CLAUSE,
    COLON,
    NAMING,
    PAREN,
    According,
    Frame,
    find_according,
    find_frames,
)
from service.nlp.quotes.layout import Layout, Unit, trim_span
from service.nlp.quotes.lexicon import INFO_VERBS, NEWS_OUTLETS, SCARE_TRIGGERS
from service.nlp.quotes.marks import DashTurn, MarkSpan, find_dash_turns, find_marks
from service.nlp.quotes.speakers import ORGANISATION, PERSON, Speaker, SpeakerResolver, is_role_word

DIRECT, DASH, PARTIAL, INDIRECT, ACCORDING_TO, SCARE = (
    "direct", "dash", "partial", "indirect", "according_to", "scare",
)
KINDS = (DIRECT, DASH, PARTIAL, INDIRECT, ACCORDING_TO, SCARE)

_TITLE_SMALL_WORDS = frozenset({
    "og", "i", "på", "of", "the", "and", "for", "om", "av", "til", "med", "in", "on", "a",
    "an", "de", "la", "le", "der", "die", "das", "du", "von", "van", "en", "et", "at", "to",
})
_WORD = re.compile(r"[^\W_][\w'’./-]*")
_SENTENCE_OPENERS = ".!?:–—-"
_ATTRIBUTION_GAP = " ,!?…\u00a0"
_MIN_DIRECT_WORDS = 4
_SECOND_PERSON = frozenset({"du", "deg", "dere", "din", "ditt", "dine", "deres"})


@dataclass
class Quote:
    """One extracted quote; ``[start, end)`` are character offsets into ``doc.text``."""

    kind: str
    start: int
    end: int
    frame: Frame | None = None
    head: Token | None = None
    cue: tuple[int, int] | None = None
    speaker: Speaker | None = None
    relays: list[Token | None] = field(default_factory=list)  # a frame may have no subject
    sources: list[Speaker] = field(default_factory=list)
    mark: MarkSpan | None = None
    turn: DashTurn | None = None
    open_at: int | None = None

    def as_dict(self, text: str) -> dict[str, Any]:
        """JSON-ready quote item as in ``schemas/quote.v1.json`` (plus role, type, sources)."""
        speaker = self.speaker if self.kind != SCARE else None
        cue = None
        if self.cue is not None and self.kind != SCARE:
            cue = {"text": text[self.cue[0]:self.cue[1]], "start": self.cue[0], "end": self.cue[1]}
        return {
            "kind": self.kind,
            "text": text[self.start:self.end],
            "start": self.start,
            "end": self.end,
            "speaker": speaker.as_dict() if speaker else None,
            "cue": cue,
            "role": speaker.role if speaker else None,
            "speaker_type": speaker.kind if speaker else None,
            "sources": [source.as_dict() for source in self.sources] if speaker else [],
        }


def extract_quotes(doc: Doc) -> list[Quote]:
    """All quotes of ``doc`` (scare quotes included, with kind "scare" and no speaker)."""
    return QuoteBuilder(doc).build()


def _is_named_or_personal(token: Token) -> bool:
    """A subject worth carrying over: a recognised name, a personal pronoun or a title."""
    return bool(token.ent_type_) or token.lower_ in ("han", "hun") or is_role_word(token.text) or any(
        bool(child.ent_type_) and child.dep_ in ("FLAT", "APP") for child in token.children)


class QuoteBuilder:
    """Builds the quotes of one parsed Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.layout = Layout(doc)
        self.marks = find_marks(self.text, self.layout.paragraphs)
        self.turns = find_dash_turns(self.text, self.layout.paragraphs)
        self.frames = find_frames(doc, self.layout)
        self.according = find_according(doc, self.layout)
        self.quotes: list[Quote] = []
        self._zones: list[tuple[int, int]] = []
        self._used: set[int] = set()
        self._frame_at: dict[int, Frame] = {frame.start: frame for frame in self.frames}
        self._speakers: dict[int, Speaker | None] = {}
        self.resolver = SpeakerResolver(doc, self._unit_index, self._in_zone)

    def build(self) -> list[Quote]:
        self._dash_quotes()
        self._mark_quotes()
        self._frame_quotes()
        self._according_quotes()
        self._resolve_speakers()
        self._propagate_speakers()
        self._collect_sources()
        self.quotes.sort(key=lambda q: (q.start, q.end, KINDS.index(q.kind)))
        return [q for q in self.quotes if q.end > q.start]

    # ------------------------------------------------------------- helpers

    def _unit_index(self, char: int) -> int:
        unit = self.layout.unit_at(char)
        return unit.index if unit else 0

    def _in_zone(self, char: int) -> bool:
        return any(start <= char < end for start, end in self._zones)

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        """Character range of tokens ``[start, end)``."""
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def _cue_chars(self, frame: Frame) -> tuple[int, int]:
        return self._chars(frame.start, frame.end)

    def _token_at(self, char: int) -> Token | None:
        return self.layout.token_at(char)

    def _add(self, quote: Quote, zone: bool = False) -> Quote:
        self.quotes.append(quote)
        if zone:
            self._zones.append((quote.start, quote.end))
        return quote

    def _attribute(self, quote: Quote, frame: Frame, head: Token | None = None) -> None:
        quote.frame = frame
        quote.head = head if head is not None else frame.subject
        quote.cue = self._cue_chars(frame)

    # ---------------------------------------------------------- dash turns

    def _dash_quotes(self) -> None:
        for turn in self.turns:
            frame, stop = self._attribution_in(turn.start, turn.end)
            if frame is not None:
                start, end = trim_span(self.text, turn.start, stop, " \t\n,;:")
            else:
                start, end = trim_span(self.text, turn.start, turn.end, " \t\n")
            if end <= start:
                continue
            quote = self._add(Quote(DASH, start, end, turn=turn, open_at=turn.dash), zone=True)
            if frame is not None:
                self._used.add(frame.start)
                self._attribute(quote, frame)

    def _attribution_in(self, start: int, end: int) -> tuple[Frame | None, int]:
        """The first inverted cue inside ``[start, end)`` and where the quoted text stops."""
        for frame in self.frames:
            cue_char = frame.cue.doc[frame.start].idx
            if frame.form != PAREN or not start < cue_char < end:
                continue
            stop = cue_char
            while stop > start and self.text[stop - 1] in _ATTRIBUTION_GAP:
                stop -= 1
            if start < stop < cue_char:
                return frame, stop
        return None, end

    # ------------------------------------------------------ quotation marks

    def _mark_quotes(self) -> None:
        for mark in self.marks:
            if self._in_zone(mark.open):
                if self._is_title(mark):
                    self._add(Quote(SCARE, mark.start, mark.end, mark=mark, open_at=mark.open))
                continue
            kind, frame = self._classify_mark(mark)
            quote = self._add(Quote(kind, mark.start, mark.end, mark=mark, open_at=mark.open),
                              zone=kind == DIRECT)
            if frame is not None and kind != SCARE:
                self._attribute(quote, frame)
                if kind == DIRECT:
                    self._used.add(frame.start)

    def _classify_mark(self, mark: MarkSpan) -> tuple[str, Frame | None]:
        """direct (a quoted sentence), partial (a fragment in reported speech) or scare."""
        title = self._is_title(mark)
        after = self._frame_after(mark.outer_end)
        opens = self._opens_sentence(mark.open)
        if opens and after is not None and (after.form == PAREN or not title):
            return DIRECT, after  # «Nei!» skriver hun. / «Sofiagull», skriver hun.
        if opens and not title and (self._previous_char(mark.open) == ":" or mark.close is None
                                    or mark.continues or self._is_sentence_like(mark)):
            return DIRECT, None
        if title:
            return SCARE, None
        naming = self._naming_frame(mark)
        if naming is not None:
            return PARTIAL, naming
        if self._has_title_trigger(mark):
            return SCARE, None
        clause = self._clause_frame(mark)
        if clause is not None:
            return PARTIAL, clause
        if after is not None and after.form == PAREN:
            return PARTIAL, after
        return SCARE, None

    def _previous_char(self, position: int) -> str | None:
        i = position - 1
        while i >= 0 and self.text[i] in " \t\u00a0":
            i -= 1
        return self.text[i] if i >= 0 else None

    def _opens_sentence(self, position: int) -> bool:
        previous = self._previous_char(position)
        return previous is None or previous == "\n" or previous in _SENTENCE_OPENERS or previous in "»”\""

    def _is_sentence_like(self, mark: MarkSpan) -> bool:
        content = self.text[mark.start:mark.end]
        return len(_WORD.findall(content)) >= _MIN_DIRECT_WORDS or content.rstrip()[-1:] in ".!?…"

    def _is_title(self, mark: MarkSpan) -> bool:
        words = _WORD.findall(self.text[mark.start:mark.end])
        if not words or len(words) > 8 or self.text[mark.start:mark.end].rstrip()[-1:] in ".!?":
            return False
        if not (words[0][0].isupper() or words[0][0].isdigit()):
            return False
        return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _TITLE_SMALL_WORDS for w in words)

    def _has_title_trigger(self, mark: MarkSpan) -> bool:
        token = self._token_at(mark.open)
        if token is None:
            return False
        for i in range(token.i - 1, max(-1, token.i - 3), -1):
            previous = self.doc[i]
            if previous.is_punct:
                return False
            lower = previous.lower_
            if lower in SCARE_TRIGGERS or any(len(t) > 4 and lower.endswith(t) for t in SCARE_TRIGGERS):
                return True
            if previous.pos_ == "PROPN" and "Gen" in previous.morph.get("Case", None):
                return True
            if previous.pos_ == "PROPN" and lower.endswith("s") and previous.ent_type_ == "PER":
                return True
            if previous.pos_ not in ("ADJ", "DET"):
                return False
        return False

    def _frame_after(self, position: int) -> Frame | None:
        """A cue frame starting right after a closing mark: "», sier hun"."""
        i = position
        while i < len(self.text) and self.text[i] in _ATTRIBUTION_GAP:
            i += 1
        token = self._token_at(i)
        if token is None or token.idx != i:
            return None
        frame = self._frame_at.get(token.i)
        framed = frame is not None and frame.form in (PAREN, CLAUSE, COLON) and frame.subject is not None
        return frame if framed else None

    def _clause_frame(self, mark: MarkSpan) -> Frame | None:
        """The clause frame whose reported clause holds the quoted fragment."""
        token = self._token_at(mark.open)
        if token is None:
            return None
        for frame in self.frames:
            if frame.form == CLAUSE and frame.content and frame.content[0] <= token.i < frame.content[1]:
                return frame
        return None

    def _naming_frame(self, mark: MarkSpan) -> Frame | None:
        """"kaller utspillet «et angrep»", "beskriver boka som «...»": a naming verb with an
        object before the fragment (not "er kalt «Vinterstorm»", which names)."""
        token = self._token_at(mark.open)
        if token is None:
            return None
        for frame in self.frames:
            if frame.form != NAMING or frame.unit.index != self._unit_index(mark.open) or frame.end > token.i:
                continue
            between = self.doc[frame.end:token.i]
            if len(between) and not any(t.is_punct or (t.tag_ == "verb" and t.morph.get("Tense", None))
                                        for t in between):
                return frame
        return None

    # ----------------------------------------------------------- cue frames

    def _frame_quotes(self) -> None:
        for form in (CLAUSE, PAREN, ANAPHORIC):
            for frame in self.frames:
                if frame.form != form or frame.start in self._used:
                    continue
                if self._in_zone(self.doc[frame.start].idx):
                    continue
                if form == CLAUSE:
                    self._clause_quote(frame)
                elif form == PAREN:
                    self._inverted_quote(frame)
                else:
                    self._anaphoric_quote(frame)

    def _clause_quote(self, frame: Frame) -> None:
        assert frame.content is not None
        first, last = frame.content
        if last <= first:
            return
        start, end = trim_span(self.text, *self._chars(first, last))
        if end > start:
            quote = self._add(Quote(INDIRECT, start, end))
            self._attribute(quote, frame)

    def _inverted_quote(self, frame: Frame) -> None:
        """"Situasjonen er under kontroll, sier ordføreren." — or a relay of a report before it."""
        unit = frame.unit
        host_end = frame.start
        while host_end > unit.start and self.doc[host_end - 1].is_punct:
            host_end -= 1
        if host_end <= unit.start:
            return
        start, end = trim_span(self.text, *self._chars(unit.start, host_end))
        reported = [q for q in self.quotes if q.frame is not None and q.kind != SCARE
                    and q.frame.unit.index == unit.index and q.frame.start < frame.start]
        if reported or self._in_zone(start) or self._overlaps_zone(start, end) or self._overlaps_mark(start, end):
            for quote in reported:
                quote.relays.append(frame.subject)
            return
        kind = ACCORDING_TO if frame.lemma in INFO_VERBS else INDIRECT
        quote = self._add(Quote(kind, start, end))
        self._attribute(quote, frame)

    def _overlaps_mark(self, start: int, end: int) -> bool:
        """An unmarked report never starts inside quotation marks."""
        return any(m.open <= start < m.outer_end for m in self.marks)

    def _overlaps_zone(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._zones)

    def _anaphoric_quote(self, frame: Frame) -> None:
        """"Det opplyser Finansdepartementet." attributes the sentence before it."""
        previous = self.layout.previous_unit(frame.unit)
        if previous is None or self.text[previous.start_char:previous.end_char].rstrip()[-1:] == "?":
            return
        inside = [q for q in self.quotes
                  if q.kind in (DIRECT, DASH) and previous.start_char <= q.start < previous.end_char + 2]
        if inside:
            for quote in inside:
                if quote.frame is None:
                    self._attribute(quote, frame)
            return
        if self._overlaps_zone(previous.start_char, previous.end_char):
            return
        start, end = trim_span(self.text, previous.start_char, previous.end_char)
        kind = ACCORDING_TO if frame.lemma in INFO_VERBS else INDIRECT
        quote = self._add(Quote(kind, start, end))
        self._attribute(quote, frame)

    # --------------------------------------------------------------- ifølge

    def _according_quotes(self) -> None:
        previous: tuple[According, Quote, int] | None = None
        for according in self.according:
            start_char = self.doc[according.start].idx
            if self._in_zone(start_char):
                continue
            phrase_end = according.phrase_end or self._phrase_end(according)
            if previous is not None and previous[0].unit.index == according.unit.index and \
                    according.start <= previous[2] + 1:
                previous[1].relays.append(according.head)
                previous = (according, previous[1], phrase_end)
                continue
            host = self._report_in_unit(according)
            if host is not None:
                host.relays.append(according.head)
                continue
            span = self._according_content(according, phrase_end)
            if span is None:
                continue
            quote = self._add(Quote(ACCORDING_TO, *span))
            quote.head = according.head
            cue_end = according.start + (2 if self.doc[according.start].lower_ == "i" else 1)
            quote.cue = self._chars(according.start, cue_end)
            previous = (according, quote, phrase_end)

    def _phrase_end(self, according: According) -> int:
        """End of "ifølge X", a relative clause on X included ("en offiser som ikke vil ...")."""
        return end_with_relative_clause(self.doc, self.resolver.noun_phrase(according.head), according.unit.end)

    def _report_in_unit(self, according: According) -> Quote | None:
        """A quote already attributed in the same sentence: "ifølge X" then relays it."""
        for quote in self.quotes:
            if quote.frame is None or quote.kind == SCARE:
                continue
            if quote.frame.unit.index == according.unit.index:
                return quote
            if quote.kind == INDIRECT and quote.start <= self.doc[according.start].idx < quote.end:
                return quote
        return None

    def _according_content(self, according: According, phrase_end: int) -> tuple[int, int] | None:
        unit = according.unit
        doc = self.doc
        rest = phrase_end
        while rest < unit.end and doc[rest].text == ",":
            rest += 1
        tail_only = all(doc[i].is_punct for i in range(rest, unit.end)) or (
            rest < unit.end and doc[rest].lower_ in ("ifølge", "iflg.")
        )
        if according.clause_initial and rest < unit.end and not tail_only:
            first, last = rest, unit.end
        elif tail_only:
            first, last = unit.start, according.start
        else:
            first, last = unit.start, unit.end
        if last <= first:
            return None
        start, end = trim_span(self.text, *self._chars(first, last))
        return (start, end) if end > start else None

    # ------------------------------------------------------------ speakers

    def _resolve_speakers(self) -> None:
        heads: dict[int, Token] = {}
        for quote in self.quotes:
            for token in ([quote.head] if quote.head is not None else []) + quote.relays:
                if token is not None:
                    heads[token.i] = token
        for index in sorted(heads):
            self._speakers[index] = self.resolver.speaker_for(heads[index])
        for quote in self.quotes:
            if quote.head is not None:
                quote.speaker = self._speakers.get(quote.head.i)

    def _speaker_of(self, token: Token) -> Speaker | None:
        if token.i not in self._speakers:
            self._speakers[token.i] = self.resolver.speaker_for(token)
        return self._speakers[token.i]

    def _propagate_speakers(self) -> None:
        ordered = sorted((q for q in self.quotes if q.kind in (DIRECT, DASH)), key=lambda q: q.start)
        for quote in ordered:
            if quote.speaker is None:
                self._from_multi_paragraph(quote, ordered)
        for position, quote in enumerate(ordered):
            if quote.speaker is None:
                self._from_run(quote, ordered, position)
        for quote in ordered:
            if quote.speaker is None and not self._is_interviewer_question(quote):
                self._from_context(quote)

    def _from_multi_paragraph(self, quote: Quote, ordered: list[Quote]) -> None:
        if quote.mark is None or not quote.mark.continues:
            return
        for later in ordered:
            if later.start > quote.start and later.mark is not None:
                if later.speaker is not None:
                    self._copy_speaker(quote, later)
                if not later.mark.continues:
                    return

    def _is_interviewer_question(self, quote: Quote) -> bool:
        """"- Ser du noen fare ...?": a question to the interviewee is the reporter's own."""
        words = set(_WORD.findall(self.text[quote.start:quote.end].casefold()))
        return self.text[quote.start:quote.end].rstrip()[-1:] == "?" and bool(words & _SECOND_PERSON)

    def _from_run(self, quote: Quote, ordered: list[Quote], position: int) -> None:
        """A dash/direct paragraph without attribution takes its neighbour's speaker."""
        if self._is_interviewer_question(quote):
            return
        previous = ordered[position - 1] if position else None
        if previous is not None and self._is_interviewer_question(previous):
            previous = None
        if previous is not None and previous.speaker is not None and self._adjacent(previous, quote):
            self._copy_speaker(quote, previous)
            return
        current = quote
        for later in ordered[position + 1:]:
            if not self._adjacent(current, later) or later.kind != quote.kind or self._is_interviewer_question(later):
                return
            if later.speaker is not None:
                self._copy_speaker(quote, later)
                return
            current = later

    def _adjacent(self, first: Quote, second: Quote) -> bool:
        """Nothing but punctuation between ``first`` (with its attribution) and ``second``."""
        end = first.end
        if first.frame is not None:
            end = max(end, first.frame.unit.end_char)
        opening = second.open_at if second.open_at is not None else second.start
        return end <= opening and not self.text[end:opening].strip(" \n\t.,!?»”\"")

    def _from_context(self, quote: Quote) -> None:
        """Speaker from the sentences around the quote: the first of CONTEXT_RULES that gives it one."""
        opening = quote.open_at if quote.open_at is not None else quote.start
        unit = self.layout.unit_at(opening)
        previous = self._unit_before(opening)
        if previous is None:
            return
        context = _QuoteContext(self, quote, unit, previous)
        for rule in CONTEXT_RULES:
            if rule(context):
                return

    def _from_next_sentence(self, quote: Quote) -> bool:
        """"«...» \n\n Ordføreren sa dette til NTB.": a cue whose object points back."""
        unit = self.layout.unit_at(quote.end)
        following = self.layout.next_unit(unit) if unit is not None else None
        if following is None:
            return False
        for frame in self.frames:
            if frame.unit.index == following.index and frame.form == BACK_REFERENCE and frame.subject is not None:
                self._set_from_head(quote, frame.subject, frame)
                return True
        return False

    def _unit_before(self, position: int) -> Unit | None:
        """The sentence before the one a quote opens (or the one it sits in, mid-sentence)."""
        unit = self.layout.unit_at(position)
        if unit is None:
            return None
        if unit.start_char >= position - 1 or self.text[unit.start_char:position].strip(" «\"“–—-") == "":
            return self.layout.previous_unit(unit)
        return unit

    def _subject_of_unit(self, unit: Unit) -> Token | None:
        for i in range(unit.start, unit.end):
            token = self.doc[i]
            if token.dep_ == "SUBJ" and token.head.dep_ == "ROOT":
                return token
        return None

    def _set_from_head(self, quote: Quote, head: Token, frame: Frame) -> None:
        quote.speaker = self._speaker_of(head)
        quote.head = head
        quote.cue = self._cue_chars(frame)

    def _copy_speaker(self, quote: Quote, source: Quote) -> None:
        quote.speaker = source.speaker
        quote.head = source.head
        quote.relays = list(source.relays)
        if quote.cue is None:
            quote.cue = source.cue

    # -------------------------------------------------------------- sources

    def _collect_sources(self) -> None:
        for quote in self.quotes:
            if quote.speaker is None or quote.kind == SCARE:
                continue
            sources = [quote.speaker]
            relays = list(quote.relays)
            if quote.frame is not None:
                relays += self._outlets_after(quote.frame)
            for token in relays:
                if token is None:  # a relaying frame without a subject names no source
                    continue
                speaker = self._speaker_of(token)
                if speaker is not None and all(s.canonical != speaker.canonical for s in sources):
                    sources.append(speaker)
            quote.sources = sources

    def _outlets_after(self, frame: Frame) -> list[Token]:
        """"sier X til Reuters": a news outlet other than NTB that relayed the words."""
        found = []
        doc = self.doc
        for i in range(frame.end, min(frame.unit.end - 1, frame.end + 8)):
            if doc[i].lower_ == "til" and doc[i + 1].ent_type_ in ("ORG", "GPE_ORG"):
                name = doc[i + 1].text.casefold()
                if name in NEWS_OUTLETS and name != "ntb":
                    found.append(doc[i + 1])
        return found


# ------------------------------------------------ a speaker from the sentences around a quote


@dataclass(frozen=True)
class _QuoteContext:
    """A quote no attribution reaches and the sentence before it, read by the rules that give it a speaker."""

    builder: QuoteBuilder
    quote: Quote
    unit: Unit | None  # the sentence the quote opens in
    previous: Unit  # the sentence before that (or the one it opens in, when it opens mid-sentence)


def _a_cue_before_a_colon(context: _QuoteContext) -> bool:
    """"Lensmann Per Sørli sier følgende om ulykken:\n\n– Vi vet ikke …" -> Per Sørli, with "sier" as the cue."""
    builder, previous = context.builder, context.previous
    ends_with_colon = builder.text[previous.end_char - 1:previous.end_char] == ":"
    for frame in builder.frames:
        if (frame.unit.index == previous.index and frame.form in (COLON, CLAUSE, NAMING, PAREN)
                and frame.subject is not None and (frame.form == COLON or ends_with_colon)):
            builder._set_from_head(context.quote, frame.subject, frame)
            return True
    return False


def _a_cue_pointing_back(context: _QuoteContext) -> bool:
    """"«Dette er en katastrofe for bygda.» Ordfører Kari Holm sa dette til NTB." -> Kari Holm."""
    return context.builder._from_next_sentence(context.quote)


def _a_quote_in_the_sentence_before(context: _QuoteContext) -> bool:
    """"Ifølge Kari Nilsen er situasjonen alvorlig. «Vi følger den nøye.»" -> Kari Nilsen: the
    person or organisation quoted last in the sentence before."""
    builder, quote, previous = context.builder, context.quote, context.previous
    earlier = [q for q in builder.quotes if q.speaker is not None and q is not quote and q.kind != SCARE
               and previous.start_char <= q.start < previous.end_char + 1]
    speaker = earlier[-1].speaker if earlier else None
    if speaker is None or speaker.kind not in (PERSON, ORGANISATION) or context.unit is None:
        return False
    builder._copy_speaker(quote, earlier[-1])
    return True


def _the_subject_of_the_sentence_before(context: _QuoteContext) -> bool:
    """"Kari Nilsen var på besøk i Tromsø. «Dette er en flott by.»" -> Kari Nilsen: a named or
    personal subject of the sentence before that is a person or an organisation."""
    builder, quote = context.builder, context.quote
    subject = builder._subject_of_unit(context.previous)
    if subject is None or not _is_named_or_personal(subject):
        return False
    speaker = builder._speaker_of(subject)
    if speaker is None or speaker.kind not in (PERSON, ORGANISATION):
        return False
    quote.speaker = speaker
    quote.head = subject
    return True


#: The rules that give a quote no attribution reaches the speaker of the sentences around it,
#: tried in this order; each gives the quote its speaker and says so, or leaves it and says not.
CONTEXT_RULES: tuple[Callable[[_QuoteContext], bool], ...] = (
    _a_cue_before_a_colon,
    _a_cue_pointing_back,
    _a_quote_in_the_sentence_before,
    _the_subject_of_the_sentence_before,
)
