"""A person named after a role, set off by commas: "lederen for forsvarskomiteen, Halyna Bondar,"."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from service.nlp.claims.context import StoryContext, is_verb
from service.nlp.mentions.noun_phrase import PHRASE_STOP_PUNCT
from service.nlp.claims.sources.roles import role_base
from service.nlp.mentions.canonical import CanonicalEntity, is_role_word


def apposition(story: StoryContext, np: list[Token]) -> dict | None:
    """", Halyna Bondar," after a role phrase ("lederen for forsvarskomiteen i Verkhovna
    Rada, Halyna Bondar,"): the person it names."""
    if not any(role_base(t.lower_) or t.lower_.startswith(("leder", "sjef")) for t in np):
        return None
    comma = _comma_after_role(np)
    person = _person_after_comma(story, np[0].doc, comma) if comma is not None else None
    if person is None:
        return None
    # the span runs from the role to the name, so what it says of a country is kept
    # ("Libanons hærsjef, general Rodolphe Haykal")
    start = np[0].idx
    return {"text": np[0].doc.text[start:person.end], "start": start, "end": person.end,
            "canonical": person.canonical, "type": "person"}


def _comma_after_role(np: list[Token]) -> int | None:
    """The comma that closes a role phrase within eight words ("lederen for forsvarskomiteen i
    Verkhovna Rada,"); None when a verb or other punctuation comes first."""
    doc = np[0].doc
    k = np[-1].i + 1
    while k < len(doc) and k - np[-1].i <= 8 and doc[k].text != ",":
        if is_verb(doc[k]) or doc[k].text in PHRASE_STOP_PUNCT:
            return None
        k += 1
    return k if k + 1 < len(doc) and doc[k].text == "," else None


def _person_after_comma(story: StoryContext, doc: Doc, comma: int) -> CanonicalEntity | None:
    """The person named right after the comma, past any title words (", generalmajor Eirik Sandvold")."""
    first = comma + 1
    while first < min(len(doc), comma + 4) and doc[first].is_lower and is_role_word(doc[first].text):
        first += 1
    if first >= len(doc):
        return None
    start = doc[first].idx
    if first > comma + 1:  # after a title word the name is a person's whatever label NER gave it
        return next((e for e in story.entities_in(start, start + 1, None) if e.start == start), None)
    person = next((e for e in story.entities_in(start, start + 1, ("PER",)) if e.start == start), None)
    if person is None:
        # a bare name closed off by commas after a role is the role's holder, whatever
        # label NER gave it (", Mykhailo Drapatyj,")
        person = next((e for e in story.entities_in(start, start + 1, None)
                       if e.start == start and _person_shaped(doc, e)), None)
    return person


def _person_shaped(doc: Doc, entity: CanonicalEntity) -> bool:
    """Two or three capitalised words set off by a comma or the sentence's end."""
    words = entity.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    rest = doc.text[entity.end:entity.end + 2].lstrip()
    return not rest or rest[0] in ",.;"
