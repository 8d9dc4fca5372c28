"""The country a claimant speaks for."""
from __future__ import annotations

from service.nlp.claims.context import StoryContext
from service.nlp.lang.places import affiliation_country, country_of_adjective, country_of_name


def claimant_country(claimant: dict | None, story: StoryContext | None = None) -> str | None:
    """The country a claimant speaks for ("Russlands regjering" -> "Russland")."""
    if not claimant or claimant.get("type") == "agency":
        return None
    canonical = claimant.get("canonical") or ""
    if claimant.get("type") == "country":
        return canonical
    # the canonical name first: "regjeringen i Mogadishu" is "Somalias regjering", not Norway's
    words = canonical.split() + (claimant.get("text") or "").split()
    if story is not None and claimant.get("type") == "person" and claimant.get("end") is not None:
        # a person's employer right after the name: "Felix Kulayigye i den ugandiske hæren"
        following = story.doc.text[claimant["end"]:claimant["end"] + 40].split()
        if following[:1] == ["i"]:
            words += following[1:4]
    for word in words:
        clean = word.strip(",.«»")
        country = (country_of_adjective(clean) or affiliation_country(clean)
                   or (country_of_name(clean) if clean[:1].isupper() else None))
        if country is not None:
            return country
    return None
