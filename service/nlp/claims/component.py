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
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from service.nlp import extensions
from service.nlp.claims.context import StoryContext, clause_window, sentence_of
from service.nlp.claims.detect import TroopCount, find_troop_counts
from service.nlp.claims.location import location_of
from service.nlp.claims.side import side_of
from service.nlp.claims.lexicon import troop_prefix
from service.nlp.lang.places import country_of_adjective
from service.nlp.claims.modality import modality_of
from service.nlp.claims.sources import REPORTING_FORMS, Attribution, attribute, claimant_country
from service.nlp.claims.time import is_calendar, is_future, nearest_time
from service.nlp.claims.kinds import claim_type

__all__ = ["ClaimExtractor", "extract_claims"]

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


class _FrameBuilder:
    """Builds the frames of one story, carrying the previous side along."""

    def __init__(self, doc: Doc) -> None:
        self.story = StoryContext(doc, quotes=list(doc._.quotes or []))
        self.previous_side: str | None = None
        self.previous_type: str | None = None
        self.previous_span: Span | None = None

    def frame(self, count: TroopCount) -> dict[str, Any] | None:
        doc = self.story.doc
        span = doc.char_span(count.start, count.end, alignment_mode="expand")
        q_span = doc.char_span(count.quantity.start, count.quantity.end, alignment_mode="expand")
        if span is None or q_span is None:
            return None
        unit_span = doc.char_span(count.unit_start, count.unit_end, alignment_mode="expand") \
            if count.unit_start is not None and count.unit_end is not None else None
        unit = unit_span[0] if unit_span is not None else None
        window = clause_window(span)
        window_words = _type_words(window, q_span)
        predicate = _predicate(unit, q_span)

        attribution = attribute(self.story, span)
        claimant = attribution.claimant
        self.story.claimants.append(claimant)
        country = claimant_country(claimant, self.story)
        # An unnamed source's employer says nothing about whose troops are counted, unless
        # it is an army ("en offiser i den kamerunske hæren" speaks of Cameroon's soldiers).
        side_hint = country if claimant["type"] != "anonymous" or _military_source(claimant) else None
        kind = claim_type(window_words + [t.lower_ for t in predicate],
                          [t.lemma_ for t in predicate])
        if count.elliptical and kind == "strength" and self.previous_type is not None \
                and not _same_sentence(span, self.previous_span):
            kind = self.previous_type  # "Målet er 13.500" goes on with the intake before it
        excluded = _claimant_tokens(attribution, doc)
        side = side_of(self.story, q_span, unit, window, excluded, kind, self.previous_side, side_hint)
        if count.elliptical and self.previous_side and _same_sentence(span, self.previous_span) \
                and _names_its_side(self.previous_span, self.previous_side):
            side = self.previous_side  # "drepte sju colombianske soldater og såret to"
        self.previous_side = side or self.previous_side
        self.previous_type, self.previous_span = kind, span

        sent = sentence_of(span)
        time = nearest_time(sent.text, count.start - sent.start_char, count.end - sent.start_char,
                            offset=sent.start_char)
        contrast = count.elliptical and any(t.lower_ in ("men", "snarere") for t in window)
        modal_words = [t.lower_ for t in window if not (q_span.start <= t.i < q_span.end)]
        modality = modality_of(
            modal_words,
            sentence=[t.lower_ for t in sent],
            before=_words_before_clause(window, span),
            cue_lemma=attribution.cue_lemma,
            hedge=count.hedge,
            claimant=claimant.get("canonical", "") if claimant["type"] != "agency" else "",
            future_time=time is not None and (
                is_future(time.text) or (is_calendar(time.text) and _acts_now(window))),
            contrast=contrast,
            after=[t.lower_ for t in doc[(window[-1].i + 1 if window else span.end):sent.end]],
        )
        place_country = country if claimant["type"] in ("country", "organisation") else None
        location = location_of(self.story, _location_scope(window, span), span, excluded, kind,
                               side, place_country)
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
            "claimant": claimant,
            "cue": attribution.cue,
            "modality": modality,
            "time": _span(time),
        }


def extract_claims(doc: Doc) -> list[dict[str, Any]]:
    """The claim frames of ``doc`` (needs sentence boundaries; uses tags, parse and NER if set)."""
    builder = _FrameBuilder(doc)
    frames = [builder.frame(count) for count in find_troop_counts(doc)]
    return [f for f in frames if f is not None]


class ClaimExtractor:
    """Pipeline component: sets ``doc._.claims``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = extract_claims(doc)
        return doc


@Language.factory(
    "newswire_claims",
    requires=["doc.sents", "token.is_sent_start", "token.tag", "token.pos", "token.morph", "token.lemma", "token.dep",
              "token.head", "token.ent_iob", "token.ent_type", f"doc._.{extensions.MENTIONS}",
              f"doc._.{extensions.QUOTES}"],
    assigns=[f"doc._.{extensions.CLAIMS}"],
)
def make_claim_extractor(nlp: Language, name: str) -> ClaimExtractor:
    """Registered factory: ``nlp.add_pipe("newswire_claims")``."""
    return ClaimExtractor()
