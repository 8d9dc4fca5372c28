"""Reporting verbs (cues) and "ifølge" attributions found on a parsed Doc.

Each cue becomes a :class:`Frame` telling how it reports:

* ``clause`` — with a reported clause: "Politiet opplyser at to er pågrepet",
  "Hun mener laget er i rute" (``content`` holds the clause's tokens);
* ``paren`` — inverted after what it reports: "..., sier ordføreren";
* ``anaphoric`` — "Det opplyser Finansdepartementet": the previous sentence;
* ``colon`` — "Ordføreren sier det slik:" introduces the next quote;
* ``naming`` — "kaller utspillet «et angrep»": attributes a quoted fragment;
* ``back_reference`` — "Ordføreren sa dette til NTB": points back at a quote before it.

Idioms ("det vil si at", "det sier seg selv"), infinitives ("naivt å tro at"),
counterfactuals ("hvis hun hadde sagt at", "skulle ha sagt") and negated speech
("vil ikke si at") give no frame. Rules read the parse (SUBJ, PAR, KOORD,
DOBJ) where it helps and fall back on word order where it may be wrong.

>>> [(f.lemma, f.form) for f in find_frames(doc, Layout(doc))]   # doctest: +SKIP
[('si', 'clause')]
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.nlp.mentions.noun_phrase import SUBJECT_BEFORE_A_VERB, phrase_end
from service.nlp.quotes.layout import Layout, Unit
from service.nlp.quotes.speakers import real_token
from service.nlp.rules import Decided, first_decision
from service.nlp.quotes.lexicon import (
    ACCORDING_CLAUSE_VERBS,
    ACCORDING_PREPOSITIONS,
    BARE_CLAUSE_VERBS,
    COGNITION_VERBS,
    COMPLEMENTIZERS,
    CONDITIONAL_SUBORDINATORS,
    COUNTERFACTUAL_MODALS,
    CUE_ADVERBS,
    CUE_FORMS,
    DOCUMENT_CUE_FORMS,
    NAMING_VERBS,
    NEGATIONS,
    NON_SPEAKER_SUBJECTS,
    NON_SPEECH_BIGRAMS,
    PARENTHETICAL_ONLY_VERBS,
    PARTICLE_CUE_FORMS,
    QUESTION_COMPLEMENTIZERS,
    QUESTION_VERBS,
)

CLAUSE, PAREN, ANAPHORIC, COLON, NAMING = "clause", "paren", "anaphoric", "colon", "naming"
BACK_REFERENCE = "back_reference"

_CHAIN_AUXILIARIES = frozenset({
    "har", "hadde", "ha", "skal", "skulle", "vil", "ville", "kan", "kunne", "må", "måtte",
    "bør", "burde",
})
_QUOTE_CLOSERS = frozenset({"»", '"', "”", "“", "!", "?", ",", "…", "'"})
_ANAPHORS = frozenset({"det", "dette", "slik", "sånn"})
_OTHER_PARTICLES = frozenset({"inn", "opp", "ut", "tilbake", "fra", "ifra", "av", "under"})
_SEARCH_WINDOW = 12
_SUBJECT_DEPS = ("SUBJ",)


@dataclass
class Frame:
    """One reporting verb and how it reports.

    ``start``/``end`` delimit the cue's tokens ("skal ha sagt", "legger til");
    ``content`` is the token range of the reported clause of a ``clause`` frame.
    """

    cue: Token
    start: int
    end: int
    lemma: str
    form: str
    subject: Token | None
    unit: Unit
    content: tuple[int, int] | None = None
    own_subject: bool = True


@dataclass
class According:
    """An "ifølge X" (or "Etter det X erfarer,") attribution.

    ``start`` is the preposition, ``head`` the source's head token and
    ``clause_initial`` tells that the phrase opens its clause.
    """

    start: int
    head: Token
    unit: Unit
    clause_initial: bool
    phrase_end: int | None = None


# ------------------------------------------------------------------- frames


def find_frames(doc: Doc, layout: Layout) -> list[Frame]:
    """Every reporting verb of ``doc`` that reports something."""
    frames: list[Frame] = []
    for token in doc:
        unit = layout.unit_of(token)
        if unit is None:
            continue
        found = cue_lemma(doc, token)
        if found is None:
            document = _document_frame(doc, token, unit)
            if document is not None:
                frames.append(document)
            continue
        lemma, end = found
        if _not_speech(doc, token, unit) or _is_counterfactual(doc, token, unit):
            continue
        frame = _frame_for(doc, token, lemma, end, unit)
        if frame is not None:
            frames.append(frame)
    _cut_clauses(frames)
    return frames


def cue_lemma(doc: Doc, token: Token) -> tuple[str, int] | None:
    """(lemma, end of the cue's tokens) if ``token`` is a reporting verb."""
    if token.tag_ != "verb" and token.pos_ not in ("VERB", "AUX"):
        return None
    if token.lower_ in PARTICLE_CUE_FORMS:
        return _particle_cue(doc, token)
    lemma = CUE_FORMS.get(token.lower_)
    if lemma is None:
        return None
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _OTHER_PARTICLES:
        return None  # "kalt inn" (summoned), "skrev ut", "meldte fra"
    return lemma, token.i + 1


def _particle_cue(doc: Doc, token: Token) -> tuple[str, int] | None:
    """"legger til at", "legger han til.", "peker på at", "slår fast at", "viser til at"."""
    lemma, particle = PARTICLE_CUE_FORMS[token.lower_]
    for offset in range(1, 4):
        i = token.i + offset
        if i >= len(doc) or doc[i].is_punct:
            return None
        if doc[i].lower_ != particle:
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        opens_clause = after is not None and after.lower_ in COMPLEMENTIZERS
        closes = after is None or after.is_punct
        if opens_clause or (lemma == "legge til" and closes):
            return lemma, (i + 1 if offset == 1 else token.i + 1)
        return None
    return None


def _document_frame(doc: Doc, token: Token, unit: Unit) -> Frame | None:
    """"«...», heter det i en uttalelse fra X": an inverted cue whose source is a document."""
    lemma = DOCUMENT_CUE_FORMS.get(token.lower_)
    if lemma is None or token.i + 3 >= unit.end:
        return None
    if doc[token.i + 1].lower_ != "det" or doc[token.i + 2].lower_ != "i":
        return None
    start = _chain_start(doc, token, unit)
    if not _is_parenthetical(doc, token, start, unit, None):
        return None
    preposition = doc[token.i + 2]
    objects = [c for c in preposition.children if c.dep_ == "PUTFYLL"]
    source = objects[0] if objects else _subject_after(doc, token.i + 3, unit)
    if source is None:
        return None
    return Frame(token, start, token.i + 1, lemma, PAREN, source, unit)


def _frame_for(doc: Doc, token: Token, lemma: str, end: int, unit: Unit) -> Frame | None:
    """How the cue ``token`` reports: the first of FRAME_RULES that decides, or no frame."""
    cue = _Cue.of(doc, token, lemma, end, unit)
    decided = first_decision(FRAME_RULES, cue)
    return decided.answer if decided is not None else None


@dataclass(frozen=True)
class _Cue:
    """A reporting verb and what every rule deciding how it reports reads from it."""

    doc: Doc
    token: Token
    lemma: str
    start: int  # with the auxiliaries glued before it ("skal ha sagt")
    end: int
    unit: Unit
    subject: Token | None  # its subject; for an inverted cue, the one after it
    own: bool  # the subject is the cue's own, not that of a verb it is coordinated with
    inverted: bool  # right after what it reports: "«...», sier hun"
    clause: int | None  # where the clause it reports starts

    @classmethod
    def of(cls, doc: Doc, token: Token, lemma: str, end: int, unit: Unit) -> _Cue:
        start = _chain_start(doc, token, unit)
        subject, own = _cue_subject(doc, token, start, end, unit)
        inverted = _is_parenthetical(doc, token, start, unit, subject)
        if inverted and (subject is None or subject.i < token.i):
            subject = _subject_after(doc, end, unit)
        return cls(doc, token, lemma, start, end, unit, subject, own, inverted,
                   _clause_start(doc, token, lemma, end, unit))

    @property
    def speaker(self) -> Token | None:
        """The subject as a speaker: a generic one dropped, a relative "som" standing for its noun."""
        return _speaker_subject(self.subject)

    def frame(self, form: str, subject: Token, content: tuple[int, int] | None = None) -> Decided:
        return Decided(Frame(self.token, self.start, self.end, self.lemma, form, subject, self.unit, content,
                             self.own))


def _cue_subject(doc: Doc, token: Token, start: int, end: int, unit: Unit) -> tuple[Token | None, bool]:
    """The cue's subject and whether it is its own: from the parse, else the subject of the verb
    it is coordinated with, else by word order."""
    subject, own = _subject_of(token)
    if subject is not None:
        return subject, own
    subject = _coordinated_subject(doc, start, unit)
    if subject is not None:
        return subject, False
    return _surface_subject(doc, start, end, unit), True


# ------------------------------------------------------------ how a cue reports, in order


def _an_inverted_cue(cue: _Cue) -> Decided | None:
    """"Situasjonen er under kontroll, sier ordføreren": inverted after what it reports, unless
    what follows is no speaker or a clause of its own follows."""
    if not cue.inverted:
        return None
    if cue.subject is None or cue.subject.lower_ in NON_SPEAKER_SUBJECTS:
        return Decided(None)
    if cue.clause is None or cue.lemma in PARENTHETICAL_ONLY_VERBS:
        return cue.frame(PAREN, cue.subject)
    return None


def _a_verb_that_only_follows(cue: _Cue) -> Decided | None:
    """"Han smilte at hun kom" reports nothing: "smile", "sukke", "rope" report only inverted."""
    return Decided(None) if cue.lemma in PARENTHETICAL_ONLY_VERBS else None


def _a_reported_clause(cue: _Cue) -> Decided | None:
    """"Politiet opplyser at to personer er pågrepet"; nothing without a speaker or when negated
    ("vil ikke si at"), unless the verb is one of thought ("tror ikke at")."""
    if cue.clause is None:
        return None
    speaker = cue.speaker
    if speaker is None:
        return Decided(None)
    if cue.lemma not in COGNITION_VERBS and _is_negated(cue.doc, cue.start, cue.clause, cue.unit):
        return Decided(None)
    return cue.frame(CLAUSE, speaker, (cue.clause, cue.unit.end))


def _the_sentence_before(cue: _Cue) -> Decided | None:
    """"Det opplyser Finansdepartementet": a fronted "Det" standing for the sentence before."""
    if not _is_anaphoric(cue.doc, cue.token, cue.start, cue.unit):
        return None
    after = _subject_after(cue.doc, cue.end, cue.unit)
    if after is None or after.lower_ in NON_SPEAKER_SUBJECTS:
        return None
    return cue.frame(ANAPHORIC, after)


def _a_colon_after(cue: _Cue) -> Decided | None:
    """"Lensmann Per Sørli sier følgende om ulykken:" introduces the quote after it."""
    speaker = cue.speaker
    if speaker is not None and _ends_with_colon(cue.doc, cue.end, cue.unit):
        return cue.frame(COLON, speaker)
    return None


def _a_naming_verb(cue: _Cue) -> Decided | None:
    """"Per Aune kaller utspillet «et angrep på syke arbeidsfolk»": a quoted fragment it names."""
    speaker = cue.speaker
    return cue.frame(NAMING, speaker) if speaker is not None and cue.lemma in NAMING_VERBS else None


def _a_pointer_back(cue: _Cue) -> Decided | None:
    """"Ordføreren sa dette til NTB": its object points back at the quote before it."""
    speaker = cue.speaker
    if speaker is not None and any(c.dep_ == "DOBJ" and c.lower_ in ("dette", "det", "slik")
                                   for c in cue.token.children):
        return cue.frame(BACK_REFERENCE, speaker)
    return None


#: The rules that decide how a cue reports, tried in this order; the first that decides wins (a
#: rule may decide that the cue reports nothing), and a cue no rule decides reports nothing.
FRAME_RULES: tuple[Callable[[_Cue], Decided | None], ...] = (
    _an_inverted_cue,
    _a_verb_that_only_follows,
    _a_reported_clause,
    _the_sentence_before,
    _a_colon_after,
    _a_naming_verb,
    _a_pointer_back,
)


def _chain_start(doc: Doc, token: Token, unit: Unit) -> int:
    """Start of the auxiliary chain glued before the cue ("skal ha sagt")."""
    start = token.i
    while start - 1 >= unit.start and doc[start - 1].lower_ in _CHAIN_AUXILIARIES:
        start -= 1
    return start


def _subject_of(token: Token) -> tuple[Token | None, bool]:
    """The cue's subject via auxiliaries and coordination; whether it is the cue's own."""
    own = True
    current = token
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        words = [c for c in subjects if not c.is_space]
        if words or subjects:
            found = real_token(words[0] if words else subjects[0])
            if not found.is_space:
                return _nominal_head(found, token), own
        head = current.head
        if head is current:
            break
        if current.dep_ == "INFV" or current.dep_ == "KOORD":
            own = own and current.dep_ == "INFV"
            current = head
            continue
        break
    return None, own


def _nominal_head(subject: Token, cue: Token) -> Token:
    """The noun of a subject the parser headed by its participle: "En ikke navngitt kilde
    sier" parsed as "navngitt" with "kilde" its object gives "kilde"."""
    if subject.pos_ not in ("VERB", "ADJ") or subject.i > cue.i:
        return subject
    noun = next((c for c in subject.rights if c.pos_ in ("NOUN", "PROPN") and c.i < cue.i), None)
    return noun if noun is not None else subject


def _surface_subject(doc: Doc, start: int, end: int, unit: Unit) -> Token | None:
    """Subject by word order when the parse has none: the name right before the cue
    ("Clinton sa ..."), or, after a fronted adverbial, the first noun after it."""
    before = start - 1
    while before >= unit.start and doc[before].is_space:
        before -= 1
    if before >= unit.start:
        token = doc[before]
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.lower_ not in NON_SPEAKER_SUBJECTS:
            return token
        if token.lower_ in ("og", "men", ",") or token.pos_ in ("NOUN", "PROPN", "PRON"):
            return None
    return _subject_after(doc, end, unit)


def _coordinated_subject(doc: Doc, start: int, unit: Unit) -> Token | None:
    """"..., og kalt slike anslag ...": the subject of the sentence's main verb."""
    before = start - 1
    if before < unit.start or doc[before].lower_ not in ("og", "men", "samt"):
        return None
    for i in range(unit.start, start):
        token = doc[i]
        if token.dep_ == "ROOT" or (token.head.is_space and token.tag_ == "verb"):
            subject, _ = _subject_of(token)
            if subject is not None:
                return subject
    for i in range(unit.start, start):
        if doc[i].dep_ in _SUBJECT_DEPS and not doc[i].is_space:
            return doc[i]
    return None


def _speaker_subject(subject: Token | None) -> Token | None:
    """Drop generic subjects; a relative "som" stands for the noun it modifies."""
    if subject is None:
        return None
    if subject.lower_ == "som":
        verb = subject.head
        if verb.dep_ == "ATR" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return None
    if subject.lower_ in NON_SPEAKER_SUBJECTS and not _opens_name(subject):
        return None
    return subject


def _opens_name(token: Token) -> bool:
    """"Det hvite hus", "Den norske kirke": an article opening a named organisation."""
    if not token.text[:1].isupper():
        return False
    named = token.ent_iob_ == "B" and token.ent_type_ in ("ORG", "GPE_ORG")
    return named or (token.tag_ == "subst" and any(c.dep_ == "FLAT" for c in token.children))


def _subject_after(doc: Doc, position: int, unit: Unit) -> Token | None:
    """The subject placed after an inverted cue: first pronoun/noun/name after it."""
    for i in range(position, min(unit.end, position + 5)):
        token = doc[i]
        if token.dep_ in _SUBJECT_DEPS and token.head.i < i and not token.is_space:
            return token
    return _first_nominal(doc, position, min(unit.end, position + 5))


def _first_nominal(doc: Doc, start: int, end: int) -> Token | None:
    """The first noun, name or pronoun in ``doc[start:end]``, unless punctuation comes first."""
    for token in doc[start:end]:
        if token.is_punct:
            return None
        if token.pos_ in ("PRON", "NOUN", "PROPN") or token.tag_ == "subst":
            return token
    return None


def _is_parenthetical(doc: Doc, token: Token, start: int, unit: Unit, subject: Token | None) -> bool:
    """An inverted cue right after what it reports: "«...», sier hun", "..., opplyser X"."""
    if subject is not None and subject.i < token.i and token.dep_ != "PAR":
        return False
    if start == unit.start:
        previous = doc[start - 1] if start > 0 else None
        return previous is not None and previous.text in _QUOTE_CLOSERS and not previous.is_space
    before = doc[start - 1]
    if before.text in _QUOTE_CLOSERS:
        return True
    return token.dep_ == "PAR" and before.is_punct


def _is_anaphoric(doc: Doc, token: Token, start: int, unit: Unit) -> bool:
    """"Det opplyser politiet." — a fronted "Det" standing for the previous sentence."""
    first = doc[unit.start]
    return first.lower_ in _ANAPHORS and start == unit.start + 1 and first.i < token.i


def _ends_with_colon(doc: Doc, end: int, unit: Unit) -> bool:
    """"sier følgende:", "sier det slik:", "la til:" — a colon closes the cue's clause."""
    for i in range(end, unit.end):
        token = doc[i]
        if token.text == ":":
            return True
        if token.tag_ == "verb" and token.morph.get("Tense", None):
            return False
    return False


def _clause_start(doc: Doc, cue: Token, lemma: str, end: int, unit: Unit) -> int | None:
    """First token of the clause the cue reports, or None."""
    question = lemma in QUESTION_VERBS
    for i in range(end, min(unit.end, end + _SEARCH_WINDOW)):
        token = doc[i]
        lower = token.lower_
        if lower in COMPLEMENTIZERS:
            return i + 1 if i + 1 < unit.end else None
        if question and lower in QUESTION_COMPLEMENTIZERS:
            return i + 1 if lower == "om" else i
        if token.is_punct or (token.tag_ == "verb" and token.morph.get("Tense", None)):
            break
        if lower == "om" or lower == "mot" or (token.tag_ == "inf-merke"):
            break
        if token.dep_ == "DOBJ" and token.head.i == cue.i and not question and token.tag_ != "verb":
            break
    if lemma in BARE_CLAUSE_VERBS:
        return _bare_clause_start(doc, cue, end, unit)
    return None


def _bare_clause_start(doc: Doc, cue: Token, end: int, unit: Unit) -> int | None:
    """"mener laget er i rute": a finite clause right after the cue, without "at"."""
    for child in cue.rights:
        if child.dep_ == "DOBJ" and child.tag_ == "verb" and child.morph.get("Tense", None):
            start = max(child.left_edge.i, end)
            if doc[start].lower_ in COMPLEMENTIZERS:
                start += 1
            if start < child.i and not any(doc[i].is_punct for i in range(end, start)):
                return _skip_adverbs(doc, start, child.i)
    i = _skip_adverbs(doc, end, unit.end)
    np_end = phrase_end(doc[:unit.end], i, SUBJECT_BEFORE_A_VERB)
    if i < np_end < unit.end and doc[np_end].tag_ == "verb" and doc[np_end].morph.get("Tense", None):
        if doc[i].lower_ not in NON_SPEAKER_SUBJECTS or doc[i].lower_ in ("det", "dette", "den"):
            return i
    return None


def _skip_adverbs(doc: Doc, start: int, stop: int) -> int:
    i = start
    while i < stop and doc[i].lower_ in CUE_ADVERBS and doc[i].pos_ in ("ADV", "ADP", "NOUN"):
        i += 1
    return i


def _is_negated(doc: Doc, start: int, clause: int, unit: Unit) -> bool:
    """A negation between the cue's auxiliaries and its clause: "vil ikke si at"."""
    low = max(unit.start, start - 2)
    return any(doc[i].lower_ in NEGATIONS for i in range(low, clause))


def _not_speech(doc: Doc, token: Token, unit: Unit) -> bool:
    lower = token.lower_
    before = doc[token.i - 1].lower_ if token.i > unit.start else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < unit.end else ""
    if (before, lower) in NON_SPEECH_BIGRAMS or (lower, after) in NON_SPEECH_BIGRAMS:
        return True
    return before == "å" or token.morph.get("Voice", None) == ["Pass"]


def _is_counterfactual(doc: Doc, token: Token, unit: Unit) -> bool:
    """"hvis hun hadde sagt at", "Hadde han sagt at", "skulle ha sagt", "ville sagt"."""
    window = [doc[i] for i in range(max(unit.start, token.i - 4), token.i)]
    words = [t.lower_ for t in window]
    for i, word in enumerate(words):
        if word in COUNTERFACTUAL_MODALS and (words[i + 1:i + 2] == ["ha"] or i == len(words) - 1):
            return True
    if "hadde" in words:
        hadde = window[words.index("hadde")]
        if hadde.i == unit.start:
            return True
        opening = [doc[i].lower_ for i in range(max(unit.start, hadde.i - 6), hadde.i)]
        return any(word in CONDITIONAL_SUBORDINATORS for word in opening)
    return False


def _cut_clauses(frames: list[Frame]) -> None:
    """End each reported clause before a later cue coordinated with it ("..., men fastslår at")."""
    by_unit: dict[int, list[Frame]] = {}
    for frame in frames:
        by_unit.setdefault(frame.unit.index, []).append(frame)
    for group in by_unit.values():
        for frame in group:
            if frame.content is None:
                continue
            start, end = frame.content
            for other in group:
                if other is frame or not start < other.start < end:
                    continue
                if not other.own_subject or other.form == PAREN or other.cue.dep_ in ("KOORD", "PAR"):
                    end = other.start
            doc = frame.cue.doc
            end = _coordination_cut(doc, frame, start, end)
            while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in "»”\"'"
                                   or doc[end - 1].lower_ in ("og", "men", "mens", "samt")):
                end -= 1
            frame.content = (start, end)


def _coordination_cut(doc: Doc, frame: Frame, start: int, end: int) -> int:
    """Stop a reported clause at ", og kalt ..." (a coordinated cue) or ", men X benekter ..."
    (a coordinated main clause outside the reported clause's subtree)."""
    clause_verb = _clause_verb(doc, frame, start)
    right = clause_verb.right_edge.i + 1 if clause_verb is not None else end
    for i in range(start + 1, end - 1):
        if doc[i].lower_ not in ("og", "men", "mens") or doc[i - 1].text != ",":
            continue
        following = doc[i + 1]
        if following.lower_ in COMPLEMENTIZERS:
            continue
        coordinated_cue = following.lower_ in CUE_FORMS or (
            following.lower_ in _CHAIN_AUXILIARIES and i + 2 < end and doc[i + 2].lower_ in CUE_FORMS)
        if coordinated_cue or (i >= right and doc[i].lower_ != "og"):
            return i - 1
    return end


def _clause_verb(doc: Doc, frame: Frame, start: int) -> Token | None:
    """The finite verb heading the reported clause."""
    complementizer = doc[start - 1] if start > frame.unit.start else None
    if complementizer is not None and complementizer.lower_ in COMPLEMENTIZERS and complementizer.head.i >= start:
        return complementizer.head
    for child in frame.cue.rights:
        if child.dep_ == "DOBJ" and child.tag_ == "verb" and child.i >= start:
            return child
    return None


# ------------------------------------------------------------------ ifølge


def find_according(doc: Doc, layout: Layout) -> list[According]:
    """Every "ifølge X" phrase and sentence-initial "Etter det X erfarer,"."""
    found: list[According] = []
    for token in doc:
        unit = layout.unit_of(token)
        if unit is None:
            continue
        lower = token.lower_
        is_prep = lower in ACCORDING_PREPOSITIONS
        if lower == "i" and token.i + 1 < unit.end and doc[token.i + 1].lower_ == "følge":
            is_prep = True
        if is_prep:
            head = _prepositional_object(doc, token, unit)
            if head is not None:
                found.append(According(token.i, head, unit, _opens_clause(doc, token.i, unit)))
        elif lower == "etter" and token.i == unit.start:
            according = _etter_det(doc, token, unit)
            if according is not None:
                found.append(according)
    return found


def _prepositional_object(doc: Doc, prep: Token, unit: Unit) -> Token | None:
    start = prep.i + (2 if prep.lower_ == "i" else 1)
    for child in prep.children:
        if child.dep_ == "PUTFYLL" and child.i >= start:
            return child
    return _first_nominal(doc, start, min(unit.end, start + 6))


def _opens_clause(doc: Doc, position: int, unit: Unit) -> bool:
    """The phrase opens its sentence or a clause after ", men" / ", og"."""
    if position == unit.start:
        return True
    before = doc[position - 1].lower_
    return before in ("men", "og", "mens") and position - 2 >= unit.start and doc[position - 2].text == ","


def _etter_det(doc: Doc, token: Token, unit: Unit) -> According | None:
    """"Etter det NTB erfarer, ..." / "Etter hva X kjenner til, ..."."""
    if token.i + 2 >= unit.end or doc[token.i + 1].lower_ not in ("det", "hva"):
        return None
    for i in range(token.i + 3, min(unit.end, token.i + 9)):
        if doc[i].lower_ in ACCORDING_CLAUSE_VERBS:
            comma = next((j for j in range(i, min(unit.end, i + 5)) if doc[j].text == ","), None)
            if comma is None:
                return None
            head = doc[token.i + 2: i].root
            return According(token.i, head, unit, True, comma + 1)
    return None
