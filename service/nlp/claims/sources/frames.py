"""The attribution frames a claim stands in: "ifølge X", "X anslår at", "…, opplyser X", a quote,
"Det anslår X." in the next sentence."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from service.nlp.claims.context import StoryContext, is_verb, sentence_of
from service.nlp.claims.source_words import AGENCY, CHAIN_RE, OWN_WORDS, REPORTING_FORMS
from service.nlp.claims.sources.apposition import apposition
from service.nlp.mentions.noun_phrase import CLAIMANT_AFTER_A_CUE, phrase_after
from service.nlp.claims.sources.resolution import resolve_np
from service.nlp.claims.sources.subjects import subject_of_verb


@dataclass(frozen=True)
class Attribution:
    """The claimant and the cue of one claim."""

    claimant: dict
    cue: dict | None
    cue_lemma: str | None


def _reports(token: Token) -> bool:
    """A reporting verb in use ("hevder", "viser"), not "som viser til" (a source chain)."""
    if token.lower_ not in REPORTING_FORMS or not is_verb(token):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (REPORTING_FORMS[token.lower_] == "vise" and following is not None and following.lower_ == "til")


def _chain(np: list[Token], sent_tokens: list[Token]) -> list[Token] | None:
    """"X, som viser til Y" / "X med henvisning til Y": the original source Y."""
    if not np:
        return None
    doc = np[0].doc
    end = np[-1].idx + len(np[-1].text)
    match = CHAIN_RE.match(doc.text, end)
    if match is None:
        return None
    target = match.end()
    for k, token in enumerate(sent_tokens):
        if token.idx == target:
            return phrase_after(sent_tokens, k, CLAIMANT_AFTER_A_CUE)
    return None


def _agency(span_start: int) -> dict:
    return {"text": "", "start": span_start, "end": span_start, "canonical": AGENCY, "type": "agency"}


def _cue(token: Token) -> dict:
    return {"text": token.text, "start": token.idx, "end": token.idx + len(token.text)}


def _from_np(story: StoryContext, np: list[Token], sent_tokens: list[Token]) -> dict | None:
    appositive = apposition(story, np) if np else None
    if appositive is not None:
        return appositive
    chained = _chain(np, sent_tokens)
    if chained:
        resolved = resolve_np(story, chained)
        if resolved is not None:
            return resolved
    return resolve_np(story, np)


def _according_to(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    candidates = [k for k, t in enumerate(sent) if t.lower_ == "ifølge"]
    candidates.sort(key=lambda k: abs(sent[k].i - claim.start))
    for k in candidates:
        if k + 1 < len(sent) and sent[k + 1].lower_ in OWN_WORDS:
            continue
        if claim.start <= sent[k].i < claim.end:
            continue
        low, high = sorted((sent[k].i, claim.start if sent[k].i < claim.start else claim.end - 1))
        if any(_reports(t) for t in sent if low < t.i < high):
            continue  # "ifølge X ... 40.000, men bevegelsen hevder å ha over 100.000"
        np = phrase_after(sent, k + 1, CLAIMANT_AFTER_A_CUE, stop=claim.start if sent[k].i < claim.start else None)
        claimant = _from_np(story, np, sent)
        if claimant is not None:
            return Attribution(claimant, _cue(sent[k]), "ifølge")
    for k, token in enumerate(sent[:-3]):  # "etter det NTB erfarer"
        if token.lower_ == "etter" and sent[k + 1].lower_ == "det":
            verb = next((j for j in range(k + 2, min(k + 6, len(sent)))
                         if sent[j].lower_ in ("erfarer", "forstår", "kjenner")), None)
            if verb is not None:
                np = sent[k + 2:verb]
                claimant = resolve_np(story, np)
                if claimant is not None:
                    return Attribution(claimant, _cue(sent[verb]), REPORTING_FORMS.get(sent[verb].lower_, "erfare"))
    return None


def _parenthetical(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    """"…, opplyser Forsvaret." after the claim."""
    for k, token in enumerate(sent):
        if token.i < claim.end or token.lower_ not in REPORTING_FORMS:
            continue
        if k == 0 or sent[k - 1].text not in (",", "»", "”", "'", "–"):
            continue
        np = phrase_after(sent, k + 1, CLAIMANT_AFTER_A_CUE)
        claimant = _from_np(story, np, sent) if np else None
        if claimant is not None:
            return Attribution(claimant, _cue(token), REPORTING_FORMS[token.lower_])
    return None


def _preceding(story: StoryContext, sent: list[Token], claim: Span) -> Attribution | None:
    """"X anslår at …", "X mener Russland kan ha …", "X hevder å ha …"."""
    verbs = [k for k, t in enumerate(sent) if t.i < claim.start and t.lower_ in REPORTING_FORMS]
    for k in reversed(verbs):
        verb = sent[k]
        introduces = k + 1 < len(sent) and (sent[k + 1].lower_ in ("at", "å") or sent[k + 1].i >= claim.start)
        if k > 0 and sent[k - 1].text in (",", "»") and not introduces:
            continue  # a parenthetical belonging to an earlier clause
        if verb.lower_.endswith("es") or verb.lower_ in ("anslås",):
            # passive ("Styrken anslås til ...", "det hevdes at"): the subject is what is
            # estimated; no one is named, so the claim is the agency's, with its cue
            return Attribution(_agency(claim.start_char), _cue(verb), REPORTING_FORMS[verb.lower_])
        subject = subject_of_verb(sent, k)
        claimant = resolve_np(story, subject) if subject else None
        if claimant is not None:
            return Attribution(claimant, _cue(verb), REPORTING_FORMS[verb.lower_])
    return None


def _quoted(story: StoryContext, claim: Span) -> Attribution | None:
    """The speaker of the quote the claim stands in."""
    for step in QUOTE_STEPS:
        found = step(story, claim)
        if found is not None:
            return found
    return None


def _the_quotes_speaker(story: StoryContext, claim: Span) -> Attribution | None:
    """"«Vi har 300 soldater der», sier Jonson." -> the speaker the quote finder gave the quote."""
    quote = story.quote_at(claim.start_char, claim.end_char)
    speaker = quote.get("speaker") if quote else None
    if not (quote and speaker and (speaker.get("canonical") or "").strip() and speaker.get("text", "").strip()):
        return None
    claimant = {"text": speaker["text"], "start": speaker["start"], "end": speaker["end"],
                "canonical": speaker["canonical"].strip(),
                "type": quote.get("speaker_type") or "person"}
    cue = quote.get("cue") if isinstance(quote.get("cue"), dict) else None
    lemma = REPORTING_FORMS.get((cue or {}).get("text", "").lower())
    if claimant["type"] != "person":  # institutions by the claim conventions ("Finlands etterretning")
        span = claim.doc.char_span(claimant["start"], claimant["end"], alignment_mode="expand")
        resolved = resolve_np(story, list(span)) if span is not None else None
        if resolved is not None:
            claimant = {**claimant, "canonical": resolved["canonical"], "type": resolved["type"]}
    return Attribution(claimant, cue, lemma)


def _named_after_the_guillemets(story: StoryContext, claim: Span) -> Attribution | None:
    """"«… 300 soldater …», sier forsvarssjefen." -> who the reporting verb after the closing mark names."""
    bounds = story.guillemet_at(claim.start_char, claim.end_char)
    if bounds is None:
        return None
    after = [t for t in claim.doc if t.idx >= bounds[1]][:16]
    if not (after and after[0].text in (",",) and len(after) > 2 and after[1].lower_ in REPORTING_FORMS):
        return None
    np = phrase_after(after, 2, CLAIMANT_AFTER_A_CUE)
    named = resolve_np(story, np) if np else None
    return Attribution(named, _cue(after[1]), REPORTING_FORMS[after[1].lower_]) if named is not None else None


def _named_after_a_dash_quote(story: StoryContext, claim: Span) -> Attribution | None:
    """"– Vi har 300 soldater der. Det er nok, sier Jonson." -> a paragraph opened by a dash is a quote
    whose speaker a later sentence of the paragraph names."""
    if sentence_of(claim)[0].text not in ("–", "-", "—"):
        return None
    doc = claim.doc
    paragraph_end = doc.text.find("\n", claim.end_char)
    paragraph_end = len(doc.text) if paragraph_end < 0 else paragraph_end
    for sent in doc.sents:
        if sent.start_char <= claim.end_char or sent.start_char >= paragraph_end:
            continue
        found = _parenthetical(story, list(sent), sent[0:1])
        if found is not None:
            return found
    return None


#: Where the speaker of a quoted claim is found, tried in this order: the quote finder's
#: speaker, a reporting verb right after the closing guillemet, a later sentence of a
#: paragraph opened by a dash.
QUOTE_STEPS: tuple[Callable[[StoryContext, Span], Attribution | None], ...] = (
    _the_quotes_speaker,
    _named_after_the_guillemets,
    _named_after_a_dash_quote,
)


def attribute(story: StoryContext, claim: Span) -> Attribution:
    """The claimant and cue of the claim spanning ``claim`` (its quantity and unit)."""
    sent = list(sentence_of(claim))
    for finder in (_according_to, _parenthetical, _preceding):
        found = finder(story, sent, claim)
        if found is not None:
            return found
    quoted = _quoted(story, claim)
    if quoted is not None:
        return quoted
    following = _said_next(story, claim)
    if following is not None:
        return following
    return Attribution(_agency(claim.start_char), None, None)


def _said_next(story: StoryContext, claim: Span) -> Attribution | None:
    """"... har mistet over 2.000 mann. Det anslår Etterretningstjenesten i sin rapport."
    The next sentence names who said it: "Det/Dette" + reporting verb + the source."""
    doc = claim.doc
    sent = sentence_of(claim)
    if sent.end >= len(doc):
        return None
    following = [t for t in doc[sent.end:min(len(doc), sent.end + 16)] if not t.is_space]
    if len(following) < 3 or following[0].lower_ not in ("det", "dette") \
            or following[1].lower_ not in REPORTING_FORMS:
        return None
    np = phrase_after(following, 2, CLAIMANT_AFTER_A_CUE)
    claimant = _from_np(story, np, following) if np else None
    if claimant is None:
        return None
    return Attribution(claimant, _cue(following[1]), REPORTING_FORMS[following[1].lower_])
