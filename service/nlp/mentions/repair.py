"""The ``newswire_entity_repair`` component: a story's entities made consistent.

The statistical NER reads each sentence alone, so within one story it may find
"Pavlo Sjtsjerbak" as "Sjtsjerbak", call the second "Marape" of "statsminister James
Marape ... Ifølge Marape" a place, or miss a later "Marape" altogether. These rules, run
right after the NER, use what the whole story and the parse know:

- **first name**: a capitalised proper noun right before a person, joined to it in the
  parse (NDT's FLAT) or standing between a title and it, is part of the name ("Pavlo" +
  "Sjtsjerbak", "forsvarsminister Inga" + "Berzina"); so is a capitalised word joined to
  an organisation ("Svenskt" + "Näringsliv"), and particles with the word after them
  ("Ursula von" + "der Leyen");
- **surname, mislabelled**: a one-word LOC/PROD/ORG/EVT/MISC entity that is the last word of
  a person's full name elsewhere in the story becomes a person;
- **surname, missed**: a capitalised word outside any entity that is such a surname
  becomes a person;
- **title**: a person's span loses a title the model took in ("Statsminister Jonas Gahr
  Støre" at the head of a sentence);
- **trim**: a span loses an organisation noun in front ("Arbeidsgiverorganisasjonen
  Svenskt Näringsliv") and an opening bracket with what follows, and gains the second
  half of a hyphenated pair ("Nærings-" + "og fiskeridepartementet");
- **spelled out**: a one-word name with an organisation's ending right before an
  organisation's acronym in brackets is that organisation ("Folkehelseinstituttet (FHI)");
- **mistyped organisation**: a place, product, event or miscellaneous name with an
  organisation's ending ("Norgesgruppen" as a product) is an organisation;
- **not a name**: a generic organisation noun the model took for a name at the head of a
  sentence ("Konsernet skriver") is no entity; the quote speakers resolve it to the name;
- **one label per name**: mentions of a name with different labels take the label most of
  them have, when more than half have it;
- **titled name**: a name of two or more capitalised words right after a title
  ("Ap-leder Mona Eide") is a person, whatever label the model gave it;
- **not a person**: a one-word "person" that is a country or capital ("Beijing avviser")
  is a state, GPE_ORG as a subject and GPE_LOC otherwise, unless it is a surname in the
  story; a "person" that is a news outlet ("Washington Post"), a known institution
  ("Etterretningstjenesten"), an acronym ("CSIS"), a name with an organisation's ending
  ("Norgesgruppen", "Danmarks Lærerforening") or named after an organisation noun
  ("avisen Haaretz", "plateselskapet Universal Music") is an organisation.

Places and states (GPE_*) are never made persons: "Washington" of "George Washington" is
often the city. On NorNE dev the rules raise NER F from 79.2 to 80.1 with model 0.4.0,
and from 76.6 to 78.0 with 0.3.0 (``newswire model evaluate`` reports both,
``model_ents_f`` being the model alone); the first three give
most of it, the title and label rules 0.2; the trim and the last two mend wire copy, where
the gold quotes and claims showed them, and change little on NorNE (+0.06).

>>> nlp = load_pipeline()                                   # doctest: +SKIP
>>> [(e.text, e.label_) for e in nlp("Pavlo Sjtsjerbak anslår tapene.").ents]  # doctest: +SKIP
[('Pavlo Sjtsjerbak', 'PER')]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from service.nlp.lang.places import INSTITUTION_COUNTRIES, STATE_NAMES
from service.nlp.mentions.canonical import is_role_word
from service.nlp.quotes.lexicon import GENERIC_ORGANISATION_NOUNS, NEWS_OUTLETS, OUTLET_NOUNS
from service.nlp.rules import Decided, first_decision

__all__ = ["EntityRepair", "is_capital_acronym", "pair_continues", "repair_entities"]

#: Labels the model confuses with a surname; places and states are not second-guessed.
SURNAME_CONFUSIONS = frozenset({"LOC", "PROD", "ORG", "EVT", "MISC"})
PERSON = "PER"
#: Labels the model gives an organisation's name when it has not recognised it as one.
MISTYPED_ORGANISATIONS = frozenset({"LOC", "PROD", "EVT", "MISC"})
#: Nouns after which a name is an organisation's, never a person's ("avisen Haaretz").
ORGANISATION_DESCRIPTORS: tuple[str, ...] = tuple(
    GENERIC_ORGANISATION_NOUNS | OUTLET_NOUNS | {"tankesmien", "tenketanken", "kringkasteren", "forlaget"})
#: Endings of organisation names, never of a person's ("Norgesgruppen", "Forbrukerrådet").
ORGANISATION_ENDINGS: tuple[str, ...] = (
    "gruppen", "selskapet", "banken", "rådet", "forbundet", "partiet", "departementet", "tilsynet",
    "direktoratet", "verket", "instituttet", "universitetet", "sykehuset", "klubben", "foreningen",
    "forening", "forbund", "selskap", "institutt", "direktorat", "departement", "universitet")
#: Last words that make a hyphenated pair an organisation ("... og fiskeridepartementet").
_ORGANISATION_WORD_ENDINGS: tuple[str, ...] = ORGANISATION_ENDINGS + ORGANISATION_DESCRIPTORS
#: Words that join the first half of a hyphenated pair to its second ("Nærings- og fiskeridepartementet").
PAIR_JOINERS = frozenset({"og", "eller"})
#: A name does not end in one of these; an organisation's name goes on past it
#: ("Norsk senter for menneskerettigheter"), anything else stops before it ("Darren på").
NAME_PREPOSITIONS = frozenset({"for", "mot", "av", "i", "på", "til", "om", "fra", "med"})
#: Lowercase particles inside a person's name ("Ursula von der Leyen", "Rafael van der Vaart").
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin",
                            "ben", "af", "zu", "ter", "dos", "das", "del"})


def _linked(a: Token, b: Token) -> bool:
    return a.head.i == b.i or b.head.i == a.i


def _first_name_before(doc: Doc, ent: Span, taken: set[int]) -> int:
    """Start of ``ent`` taken one token back over a first name the model left out, or over
    the first word of an organisation's name ("Svenskt" of "Svenskt Näringsliv")."""
    if ent.label_ not in (PERSON, "ORG") or ent.start == 0:
        return ent.start
    before = doc[ent.start - 1]
    if before.i in taken or not (before.is_title and before.is_alpha):
        return ent.start
    if ent.label_ == "ORG":
        joined = not before.is_sent_start and _linked(before, doc[ent.start])
        return ent.start - 1 if joined else ent.start
    after_title = ent.start >= 2 and _is_title_word(doc[ent.start - 2])  # "minister Inga Berzina"
    if after_title or (before.pos_ == "PROPN" and _linked(before, doc[ent.start])):
        return ent.start - 1
    return ent.start


def _end_after_particles(doc: Doc, ent: Span) -> int:
    """End of a person's name the model cut at a particle: "Ursula von" -> "Ursula von der
    Leyen" (the capitalised word after the particles closes it, whatever its label)."""
    if ent.label_ != PERSON:
        return ent.end
    after = ent.end
    while after < len(doc) and doc[after].lower_ in NAME_PARTICLES:
        after += 1
    particles = after > ent.end or ent[-1].lower_ in NAME_PARTICLES
    if particles and after < len(doc) and doc[after].is_title and doc[after].is_alpha:
        return after + 1
    return ent.end


def repair_entities(doc: Doc) -> Doc:
    """Apply the rules above to ``doc.ents`` in place, step by step (REPAIR_STEPS); returns ``doc``."""
    if not doc.ents:
        return doc
    story = _Story(doc, list(doc.ents))
    for step in REPAIR_STEPS:
        step(story)
    doc.ents = filter_spans(story.spans)
    return doc


@dataclass
class _Story:
    """A story's entity spans as the repair steps leave them, and the surnames of its full names."""

    doc: Doc
    spans: list[Span]
    surnames: set[str] = field(default_factory=set)


def _mend_each_span(story: _Story) -> None:
    """"Pavlo" + "Sjtsjerbak", "Ursula von" + "der Leyen", "Statsminister Jonas Gahr Støre" -> the name."""
    taken = {token.i for span in story.spans for token in span}
    story.spans = [_mended_span(story.doc, span, taken) for span in story.spans]


def _surnames_of_full_names(story: _Story) -> None:
    """"James Marape": the last word of a person's name of two or more words is a surname."""
    story.surnames = {span[-1].text for span in story.spans if span.label_ == PERSON and len(span) >= 2}


def _mislabelled_surnames(story: _Story) -> None:
    """"statsminister James Marape ... Ifølge Marape": "Marape" called a place is the person."""
    story.spans = [Span(story.doc, span.start, span.end, label=PERSON)
                   if len(span) == 1 and span.label_ in SURNAME_CONFUSIONS and span.text in story.surnames
                   else span for span in story.spans]


def _missed_surnames(story: _Story) -> None:
    """"James Marape ... kommer Marape": a surname outside any entity is the person."""
    if not story.surnames:
        return
    held = {token.i for span in story.spans for token in span}
    story.spans += [Span(story.doc, token.i, token.i + 1, label=PERSON) for token in story.doc
                    if token.i not in held and token.text in story.surnames and token.is_title and token.is_alpha]


def _acronyms_spelled_out(story: _Story) -> None:
    """"Folkehelseinstituttet (FHI)": the name the acronym spells out is the organisation."""
    story.spans += _spelled_out_acronyms(story.doc, story.spans)


def _no_bare_common_nouns(story: _Story) -> None:
    """"Konsernet skriver": a generic organisation noun is no name."""
    story.spans = [span for span in story.spans if not _is_bare_common_noun(span)]


def _one_label_per_name(story: _Story) -> None:
    """"Tafjord" twice a place and once a person: a place."""
    story.spans = _majority_labels(story.doc, story.spans)


def _relabel_each_span(story: _Story) -> None:
    """"Ap-leder Mona Eide" is a person, "Beijing avviser" a state (see RELABEL_RULES)."""
    story.spans = [_relabel(story.doc, span, story.surnames) for span in story.spans]


#: The repair, in order: each step reads the spans the one before left.
REPAIR_STEPS: tuple[Callable[[_Story], None], ...] = (
    _mend_each_span,
    _surnames_of_full_names,
    _mislabelled_surnames,
    _missed_surnames,
    _acronyms_spelled_out,
    _no_bare_common_nouns,
    _one_label_per_name,
    _relabel_each_span,
)


def _is_bare_common_noun(span: Span) -> bool:
    """"Konsernet", "Selskapet" at the head of a sentence: a noun that refers to an
    organisation, not its name (the quote speakers resolve it to the name)."""
    return len(span) == 1 and span.label_ != PERSON and span[0].lower_ in GENERIC_ORGANISATION_NOUNS


def _spelled_out_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """The one-word organisation name an acronym in brackets spells out, when the model
    found only the acronym: "Folkehelseinstituttet (FHI)" -> "Folkehelseinstituttet", with
    the acronym's label (canonicalisation then links every "FHI" to it)."""
    held = {token.i for span in spans for token in span}
    found = []
    for span in spans:
        start = span.start
        if (len(span) == 1 and span.label_ in ("ORG", "GPE_ORG") and is_capital_acronym(span.text)
                and start >= 2 and doc[start - 1].text == "(" and doc[start + 1:start + 2].text == ")"):
            word = doc[start - 2]
            if (word.i not in held and word.is_title and word.is_alpha
                    and word.lower_.endswith(ORGANISATION_ENDINGS)):
                found.append(Span(doc, word.i, word.i + 1, label=span.label_))
    return found


def _mended_span(doc: Doc, ent: Span, taken: set[int]) -> Span:
    """One entity with its own boundaries mended: first name, particles, trim, title."""
    span = Span(doc, _first_name_before(doc, ent, taken), _end_after_particles(doc, ent), label=ent.label)
    return _without_leading_title(doc, _trimmed(doc, span))


def _trimmed(doc: Doc, span: Span) -> Span:
    """The span without what the model ran into: an organisation noun in front
    ("Arbeidsgiverorganisasjonen Svenskt Näringsliv" -> "Svenskt Näringsliv"), an opening
    bracket and what follows ("Høykommissæren (UNHCR"); and with the second half of a
    hyphenated pair it stopped before ("Bryggeri-" -> "Bryggeri- og drikkevareforeningen")."""
    start, end, label = span.start, span.end, span.label_
    if end - start >= 2 and doc[start].lower_.endswith(ORGANISATION_DESCRIPTORS) and doc[start + 1].is_title:
        start += 1
    bracket = next((t.i for t in doc[start + 1:end] if t.text == "("), None)
    if bracket is not None:
        end = bracket
    if pair_continues(doc, end):
        end += 2
        if doc[end - 1].lower_.endswith(_ORGANISATION_WORD_ENDINGS):
            label = "ORG"
    if end - start >= 2 and doc[end - 1].lower_ in NAME_PREPOSITIONS and label in ("PER", "ORG"):
        end = _past_the_preposition(doc, end) if label == "ORG" else end - 1
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label)


def is_capital_acronym(text: str) -> bool:
    """"FHI", "UNHCR": two or more capitals, as an organisation's acronym is written."""
    return len(text) >= 2 and text.isupper()


def pair_continues(doc: Doc, end: int, limit: int | None = None) -> bool:
    """Whether a name ending before ``end`` in a hyphen goes on over "og"/"eller" and the
    lower-case word that completes it ("Bryggeri- og drikkevareforeningen"), within ``limit``."""
    limit = len(doc) if limit is None else limit
    return (0 < end and end + 1 < limit and doc[end - 1].text.endswith("-") and doc[end].lower_ in PAIR_JOINERS
            and doc[end + 1].is_lower and doc[end + 1].is_alpha)


def _past_the_preposition(doc: Doc, end: int) -> int:
    """Where an organisation name that stops on a preposition ends: after the lower-case
    words that complete it ("... for ernæring og landbruk"), else before the preposition."""
    def completes(i: int) -> bool:
        return i < len(doc) and doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in PAIR_JOINERS

    if not completes(end):
        return end - 1
    if doc[end + 1:end + 2].text in PAIR_JOINERS and completes(end + 2):
        return end + 3
    return end + 1


def _without_leading_title(doc: Doc, span: Span) -> Span:
    """"Statsminister Jonas Gahr Støre" -> "Jonas Gahr Støre": a title is not the name."""
    if span.label_ == PERSON and len(span) >= 2 and is_role_word(span[0].lower_):
        return Span(doc, span.start + 1, span.end, label=span.label)
    return span


def _majority_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    """One name, one label per story: a name labelled differently gets the label most of
    its mentions have, when more than half have it."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        labels[span.text][span.label_] += 1
    voted = []
    for span in spans:
        counts = labels[span.text]
        if len(counts) > 1:
            label, count = counts.most_common(1)[0]
            if count * 2 > sum(counts.values()):
                span = Span(doc, span.start, span.end, label=label)
        voted.append(span)
    return voted


def _is_title_word(token: Token) -> bool:
    """"leder", "statsminister", "Ap-leder" (lower case: "Leder" may be a name)."""
    word = token.text.rsplit("-", 1)[-1]
    return word.islower() and is_role_word(word)


def _relabel(doc: Doc, span: Span, surnames: set[str]) -> Span:
    """``span`` with the label the first of RELABEL_RULES that decides gives it."""
    decided = first_decision(RELABEL_RULES, _Labelled(doc, span, surnames))
    if decided is None or decided.answer is None:
        return span
    return Span(doc, span.start, span.end, label=decided.answer)


@dataclass(frozen=True)
class _Labelled:
    """An entity span in its story, the subject of RELABEL_RULES."""

    doc: Doc
    span: Span
    surnames: set[str]

    @property
    def a_person(self) -> bool:
        return self.span.label_ == PERSON

    @property
    def one_word(self) -> bool:
        return len(self.span) == 1


def _a_titled_name(e: _Labelled) -> Decided[str] | None:
    """"Ap-leder Mona Eide": capitalised words after a title are a person."""
    span, doc = e.span, e.doc
    if (span.label_ in SURNAME_CONFUSIONS and len(span) >= 2 and span.start > 0
            and _is_title_word(doc[span.start - 1]) and all(t.is_title and t.is_alpha for t in span)):
        return Decided(PERSON)
    return None


def _a_mistyped_organisation(e: _Labelled) -> Decided[str] | None:
    """"Norgesgruppen" called a product: a name with an organisation's ending is an organisation."""
    if e.span.label_ in MISTYPED_ORGANISATIONS and e.span[-1].lower_.endswith(ORGANISATION_ENDINGS):
        return Decided("ORG")
    return None


def _a_state_that_is_a_surname(e: _Labelled) -> Decided[str] | None:
    """"Lisa Paris ... Paris sier": a capital that is a surname in the story stays a person."""
    if e.a_person and e.one_word and e.span.text.lower() in STATE_NAMES and e.span.text in e.surnames:
        return Decided(None)
    return None


def _a_state(e: _Labelled) -> Decided[str] | None:
    """"Beijing avviser": a country or capital as a subject is a state, otherwise a place."""
    if e.a_person and e.one_word and e.span.text.lower() in STATE_NAMES:
        return Decided("GPE_ORG" if e.span[0].dep_ == "SUBJ" else "GPE_LOC")
    return None


def _named_after_an_organisation_noun(e: _Labelled) -> Decided[str] | None:
    """"avisen Haaretz", "plateselskapet Universal Music": an organisation."""
    before = e.doc[e.span.start - 1].lower_ if e.span.start > 0 else ""
    return Decided("ORG") if e.a_person and before.endswith(ORGANISATION_DESCRIPTORS) else None


def _an_acronym(e: _Labelled) -> Decided[str] | None:
    """"CSIS": an acronym is an organisation."""
    return Decided("ORG") if e.a_person and e.one_word and is_capital_acronym(e.span.text) else None


def _an_organisations_ending(e: _Labelled) -> Decided[str] | None:
    """"Danmarks Lærerforening": a "person" with an organisation's ending is an organisation."""
    return Decided("ORG") if e.a_person and e.span[-1].lower_.endswith(ORGANISATION_ENDINGS) else None


def _a_news_outlet_or_institution(e: _Labelled) -> Decided[str] | None:
    """"Washington Post", "Etterretningstjenesten": a known outlet or institution is an organisation."""
    low = e.span.text.lower()
    return Decided("ORG") if e.a_person and (low in NEWS_OUTLETS or low in INSTITUTION_COUNTRIES) else None


#: What label a span's own words and its story give it; a span no rule decides keeps its label.
RELABEL_RULES: tuple[Callable[[_Labelled], Decided[str] | None], ...] = (
    _a_titled_name,
    _a_mistyped_organisation,
    _a_state_that_is_a_surname,
    _a_state,
    _named_after_an_organisation_noun,
    _an_acronym,
    _an_organisations_ending,
    _a_news_outlet_or_institution,
)


class EntityRepair:
    """Callable component running :func:`repair_entities`."""

    def __call__(self, doc: Doc) -> Doc:
        return repair_entities(doc)


@Language.factory(
    "newswire_entity_repair",
    requires=["doc.ents", "token.pos", "token.dep", "token.head", "token.is_sent_start"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
)
def make_entity_repair(nlp: Language, name: str) -> EntityRepair:
    """Factory registered as ``newswire_entity_repair`` (added after the NER by ``load_pipeline``)."""
    return EntityRepair()
