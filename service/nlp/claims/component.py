"""Troop-number claims: who says how many soldiers are where.

The ``newswire_claims`` component writes ``doc._.claims``, a list of
JSON-ready frames, one per troop count in the story::

    >>> from service.nlp.pipeline import load_pipeline
    >>> doc = load_pipeline()("Opp mot 30.000 NATO-soldater skal delta i øvelsen i Troms, "
    ...                       "opplyser Forsvaret.")
    >>> claim, = doc._.claims
    >>> claim["max"], claim["side"], claim["claimant"]["canonical"], claim["modality"]
    (30000.0, 'NATO', 'Forsvaret', 'projected')

A frame holds ``type`` (strength, deployment, reinforcement, withdrawal,
casualties), ``text``/``start``/``end`` (the count and its troop noun),
``value``/``min``/``max``/``hedge``/``bound`` (from
:mod:`service.nlp.claims.numbers`), ``unit`` (the troop noun), ``side``,
``location`` ({text, start, end, canonical, kind} or None), ``claimant``
({text, start, end, canonical, type}), ``cue`` and ``time`` ({text, start,
end} or None) and ``modality`` (asserted, estimated, projected, denied,
hypothetical). Every span slices ``doc.text``.

The helpers, one job each: :mod:`claim_detect` (finding troop counts),
:mod:`claim_sources` (claimant and cue) with its word lists in
:mod:`claim_source_words`, :mod:`claim_side` (whose troops), :mod:`claim_location` (where),
:mod:`claim_types`, :mod:`claim_modality`, :mod:`claim_time`,
:mod:`claim_lexicon` and :mod:`claim_places` (word lists).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.nlp import extensions
from service.nlp.claims.context import StoryContext, clause_window, sentence_of
from service.nlp.claims.detect import TroopCount, find_troop_counts
from service.nlp.claims.location import Location, location_of
from service.nlp.claims.side import side_of
from service.nlp.claims.lexicon import troop_prefix
from service.nlp.lang.places import country_of_adjective
from service.nlp.claims.modality import modality_of
from service.nlp.claims.sources import REPORTING_FORMS, Attribution, attribute, claimant_country
from service.nlp.claims.time import TimePhrase, is_calendar, is_future, nearest_time
from service.nlp.claims.kinds import claim_type

__all__ = ["extract_claims", "make_claim_extractor"]

_PARTICLES = frozenset({"ut", "inn", "tilbake", "hjem"})
_SCOPE_STOP = frozenset({",", ";", ":", ".", "!", "?", "»", "«", "(", ")"})

extensions.register()


# ------------------------------------------------------------------- helpers


def _predicate(unit: Token | None, count: Span) -> list[Token]:
    """Verbs above the count up to (not into) a reporting verb, with their particles."""
    out: list[Token] = []
    token = unit if unit is not None else count[-1]
    for _ in range(6):
        if token.head.i == token.i or token.dep_ in ("KOORD", "PAR"):
            break
        token = token.head
        if token.lower_ in REPORTING_FORMS:
            break
        if token.pos_ in ("VERB", "AUX") or token.tag_ == "verb":
            out.append(token)
            out.extend(c for c in token.children if c.lower_ in _PARTICLES)
            if unit is not None and any(c.dep_ == "SBU" for c in token.children):
                # the top of a subordinate clause ("mens X har 6.500 stridende"): the verbs
                # above belong to another claim; an elliptical count ("om lag 250") shares them
                break
    return out


def _location_scope(window: list[Token], count: Span) -> list[Token]:
    """The clause window, extended right past "og" up to the next punctuation."""
    doc = count.doc
    end = window[-1].i + 1 if window else count.end
    sent_end = sentence_of(count).end
    while end < sent_end and doc[end].text not in _SCOPE_STOP:
        end += 1
    start = window[0].i if window else count.start
    return list(doc[start:end])


def _type_words(window: list[Token], quantity: Span) -> list[str]:
    """Words of the clause that may type the claim: not the number, not "klare til å …"."""
    words: list[str] = []
    skip = 0
    for k, token in enumerate(window):
        if quantity.start <= token.i < quantity.end:
            continue
        low = token.lower_
        if low in ("klar", "klare", "stand") and [t.lower_ for t in window[k + 1:k + 3]] == ["til", "å"]:
            skip = 4
        if low == "for" and window[k + 1:k + 2] and window[k + 1].lower_ == "å" and token.i > quantity.end:
            break  # a purpose clause: "trenger 160.000 nye soldater for å dekke tapene"
        if low == "etter" and token.i > quantity.end and window[k + 1:k + 2] \
                and window[k + 1].lower_ in ("en", "et", "økt", "økende", "flere", "at"):
            break  # the cause: "har sendt 1.100 soldater ... etter en bølge av drap"
        if skip:
            skip -= 1
            continue
        if low in ("nye", "ekstra", "flere") and not quantity.end <= token.i <= quantity.end + 1:
            continue  # "den nye marinebasen" says nothing of the soldiers; "1.500 nye soldater" does
        words.append(low)
    return words


def _span(item: Any) -> dict | None:
    if item is None:
        return None
    return {"text": item.text, "start": item.start, "end": item.end}


def _words_before_clause(window: list[Token], count: Span) -> list[str]:
    sent = sentence_of(count)
    first = window[0].i if window else count.start
    return [t.lower_ for t in count.doc[sent.start:first]]


def _military_source(claimant: dict) -> bool:
    text = (claimant.get("text") or "").lower()
    return any(word in text for word in ("hær", "forsvar", "militær", "offiser", "general"))


def _claimant_tokens(attribution: Attribution, doc: Doc) -> set[int]:
    """Token indices of the claimant phrase and its "ifølge" (not side or place)."""
    indices: set[int] = set()
    spans = [attribution.claimant]
    if attribution.cue is not None and attribution.cue_lemma == "ifølge":
        spans.append(attribution.cue)
    for span in spans:
        if span and span["end"] > span["start"]:
            char_span = doc.char_span(span["start"], span["end"], alignment_mode="expand")
            if char_span is not None:
                indices |= {t.i for t in char_span}
    return indices


# --------------------------------------------------------------------- frames


#: Verbs whose present tense states what is, not what is about to happen.
_STATIVE_LEMMAS = frozenset({"ha", "være", "stå", "telle", "bestå", "finnes", "ligge", "utgjøre"})


def _acts_now(window: Sequence[Token]) -> bool:
    """The clause's finite verb is an action in the present tense ("sender", "går"), which
    with a month or season ahead of it is a plan."""
    finite = [t for t in window if t.morph.get("Tense", None) and t.pos_ in ("VERB", "AUX")]  # Tense: finite
    return bool(finite) and "Pres" in finite[0].morph.get("Tense", None) \
        and finite[0].lemma_.lower() not in _STATIVE_LEMMAS and finite[0].lower_ not in ("har", "er")


def _names_its_side(span: Span | None, side: str) -> bool:
    """The count's own words say whose troops they are ("sju colombianske soldater")."""
    return span is not None and any(
        country_of_adjective(t.text) == side or (troop_prefix(t.text) or "") == side for t in span)


def _same_sentence(span: Span, other: Span | None) -> bool:
    return other is not None and sentence_of(span).start == sentence_of(other).start


@dataclass(frozen=True)
class _CountSpans:
    """A troop count as the doc's tokens: the whole count, its number, its troop noun, its
    clause and its sentence."""

    span: Span
    quantity: Span
    unit: Token | None
    window: list[Token]
    sentence: Span

    @classmethod
    def of(cls, doc: Doc, count: TroopCount) -> _CountSpans | None:
        """None when the count's span or its number's falls outside the doc's tokens."""
        span = doc.char_span(count.start, count.end, alignment_mode="expand")
        quantity = doc.char_span(count.quantity.start, count.quantity.end, alignment_mode="expand")
        if span is None or quantity is None:
            return None
        unit_span = doc.char_span(count.unit_start, count.unit_end, alignment_mode="expand") \
            if count.unit_start is not None and count.unit_end is not None else None
        unit = unit_span[0] if unit_span is not None else None
        return cls(span, quantity, unit, clause_window(span), sentence_of(span))

    def words_outside_the_number(self) -> list[str]:
        return [t.lower_ for t in self.window if not (self.quantity.start <= t.i < self.quantity.end)]

    def words_after_the_clause(self) -> list[str]:
        after = self.window[-1].i + 1 if self.window else self.span.end
        return [t.lower_ for t in self.span.doc[after:self.sentence.end]]


class _FrameBuilder:
    """Builds the frames of one story, carrying the previous side along."""

    def __init__(self, doc: Doc) -> None:
        self.story = StoryContext(doc, quotes=list(doc._.quotes or []))
        self.previous_side: str | None = None
        self.previous_type: str | None = None
        self.previous_span: Span | None = None

    def frame(self, count: TroopCount) -> dict[str, Any] | None:
        """A count's frame, made in this order: its claimant, its type, its side (both may
        carry on from the claim before), its time, its modality and its location."""
        spans = _CountSpans.of(self.story.doc, count)
        if spans is None:
            return None
        attribution = self._attribution(spans)
        country = claimant_country(attribution.claimant, self.story)
        kind = self._type(count, spans)
        excluded = _claimant_tokens(attribution, self.story.doc)
        side = self._side(count, spans, attribution.claimant, country, excluded, kind)
        self._remember(side, kind, spans.span)
        time = _time_of(count, spans.sentence)
        modality = _modality(count, spans, attribution, time)
        location = self._location(spans, attribution.claimant, country, excluded, kind, side)
        return _as_frame(count, kind, side, location, attribution, modality, time)

    def _attribution(self, spans: _CountSpans) -> Attribution:
        """Who says it (the story keeps each claimant for the claims after)."""
        attribution = attribute(self.story, spans.span)
        self.story.claimants.append(attribution.claimant)
        return attribution

    def _type(self, count: TroopCount, spans: _CountSpans) -> str:
        """The claim type its clause and predicate say; "Målet er 13.500" goes on with the
        intake in the sentence before it."""
        predicate = _predicate(spans.unit, spans.quantity)
        kind = claim_type(_type_words(spans.window, spans.quantity) + [t.lower_ for t in predicate],
                          [t.lemma_ for t in predicate])
        if count.elliptical and kind == "strength" and self.previous_type is not None \
                and not _same_sentence(spans.span, self.previous_span):
            return self.previous_type
        return kind

    def _side(self, count: TroopCount, spans: _CountSpans, claimant: dict, country: str | None,
              excluded: set[int], kind: str) -> str | None:
        """Whose troops (see side_of); "drepte sju colombianske soldater og såret to" goes on
        with the side the count before names."""
        # An unnamed source's employer says nothing about whose troops are counted, unless
        # it is an army ("en offiser i den kamerunske hæren" speaks of Cameroon's soldiers).
        hint = country if claimant["type"] != "anonymous" or _military_source(claimant) else None
        side = side_of(self.story, spans.quantity, spans.unit, spans.window, excluded, kind,
                       self.previous_side, hint)
        if count.elliptical and self.previous_side and _same_sentence(spans.span, self.previous_span) \
                and _names_its_side(self.previous_span, self.previous_side):
            return self.previous_side
        return side

    def _remember(self, side: str | None, kind: str, span: Span) -> None:
        """What the next claim may carry on with."""
        self.previous_side = side or self.previous_side
        self.previous_type, self.previous_span = kind, span

    def _location(self, spans: _CountSpans, claimant: dict, country: str | None, excluded: set[int],
                  kind: str, side: str | None) -> Location | None:
        """Where the troops are (see location_of); a country or organisation claimant's
        country is where an unnamed border is."""
        border_country = country if claimant["type"] in ("country", "organisation") else None
        return location_of(self.story, _location_scope(spans.window, spans.span), spans.span, excluded, kind,
                           side, border_country)


def _time_of(count: TroopCount, sentence: Span) -> TimePhrase | None:
    """The time phrase of the count's sentence nearest to it."""
    return nearest_time(sentence.text, count.start - sentence.start_char, count.end - sentence.start_char,
                        offset=sentence.start_char)


def _modality(count: TroopCount, spans: _CountSpans, attribution: Attribution, time: TimePhrase | None) -> str:
    """Asserted, estimated, projected, denied or hypothetical (see modality_of)."""
    claimant = attribution.claimant
    return modality_of(
        spans.words_outside_the_number(),
        sentence=[t.lower_ for t in spans.sentence],
        before=_words_before_clause(spans.window, spans.span),
        cue_lemma=attribution.cue_lemma,
        hedge=count.hedge,
        claimant=claimant.get("canonical", "") if claimant["type"] != "agency" else "",
        future_time=time is not None and (
            is_future(time.text) or (is_calendar(time.text) and _acts_now(spans.window))),
        contrast=count.elliptical and any(t.lower_ in ("men", "snarere") for t in spans.window),
        after=spans.words_after_the_clause(),
    )


def _as_frame(count: TroopCount, kind: str, side: str | None, location: Location | None,
              attribution: Attribution, modality: str, time: TimePhrase | None) -> dict[str, Any]:
    return {
        "type": kind,
        "text": count.text,
        "start": count.start,
        "end": count.end,
        "value": count.value,
        "min": count.min,
        "max": count.max,
        "hedge": count.hedge,
        "bound": count.bound,
        "unit": count.unit or None,
        "side": side,
        "location": location.as_dict() if location else None,
        "claimant": attribution.claimant,
        "cue": attribution.cue,
        "modality": modality,
        "time": _span(time),
    }


def extract_claims(doc: Doc) -> list[dict[str, Any]]:
    """The claim frames of ``doc`` (needs sentence boundaries; uses tags, parse and NER if set)."""
    builder = _FrameBuilder(doc)
    frames = [builder.frame(count) for count in find_troop_counts(doc)]
    return [f for f in frames if f is not None]


@Language.factory(
    "newswire_claims",
    requires=["doc.sents", "token.is_sent_start", "token.tag", "token.pos", "token.morph", "token.lemma", "token.dep",
              "token.head", "token.ent_iob", "token.ent_type", f"doc._.{extensions.MENTIONS}",
              f"doc._.{extensions.QUOTES}"],
    assigns=[f"doc._.{extensions.CLAIMS}"],
)
def make_claim_extractor(nlp: Language, name: str) -> extensions.SetsAttribute:
    """Registered factory: ``nlp.add_pipe("newswire_claims")`` sets ``doc._.claims = extract_claims(doc)``."""
    return extensions.SetsAttribute(extensions.CLAIMS, extract_claims)
