"""Role words ("forsvarsministeren", "talspersonen") and the people the story names in them."""
from __future__ import annotations

from spacy.tokens import Token

from service.nlp.claims.context import StoryContext
from service.nlp.mentions.canonical import resolve_role_mention


#: Endings of the words for a role whose holder speaks ("forsvarsminister", "hærsjef").
ROLE_SUFFIXES = ("minister", "president", "sjef", "leder", "talsperson", "talsmann",
                 "talskvinne", "general", "admiral", "kommanderende")


def is_role(word: str) -> bool:
    return any(word.endswith(s) for s in ROLE_SUFFIXES)


def role_base(word: str) -> str | None:
    """"forsvarsministeren" -> "forsvarsminister"; None when ``word`` is no role."""
    for form in (word, word.removesuffix("en"), word.removesuffix("n")):
        if is_role(form):
            return form
    return None


def title_before(body: list[Token], name_start: int) -> bool:
    """A role word stands before the name ("den russiske forsvarsministeren Andrej Belousov")."""
    return any(is_role(t.lower_.removesuffix("en")) for t in body if t.idx < name_start)


def role_person(story: StoryContext, body: list[Token], start: int) -> str | None:
    """"Ministeren", "talspersonen", "statsministeren" -> the person holding that role."""
    text = " ".join(t.text for t in body)
    found = resolve_role_mention(text, story.roles)
    if found:
        return found
    if len(body) == 1 and any(body[0].lower_.rstrip("n").rstrip("e").endswith(s) for s in ROLE_SUFFIXES):
        person = story.person_with_role(body[0].text, start)
        return person.canonical if person else None
    return None
