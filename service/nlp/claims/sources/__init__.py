"""Who asserts a troop number: "ifølge X", "X anslår at", "…, opplyser X", a quote's speaker.

:func:`attribute` returns the claimant as a span object
``{text, start, end, canonical, type}`` (type: person, organisation, country,
media, anonymous, agency) and the cue (``{text, start, end}`` or None). An
unattributed claim is the agency's own: canonical "NTB", type "agency", with
a zero-width span at the claim's start.

Canonical names: people and named organisations as :mod:`service.nlp.mentions.canonical`
resolves them (fullest name, genitive stripped); a national institution
described by an adjective or a pronoun becomes "<Country>s <institution>"
("det russiske forsvarsdepartementet" -> "Russlands forsvarsdepartement",
"landets regjering" after a sentence about Ukraina -> "Ukrainas regjering");
anonymous sources keep their wording without the article ("en tyrkisk
tjenestemann" -> "tyrkisk tjenestemann").

The modules, each with one job: :mod:`.frames` (which attribution frame a claim stands in),
:mod:`.noun_phrases` and :mod:`.subjects` (finding the source's noun phrase),
:mod:`.resolution` (the phrase to a claimant, by ``RESOLUTION_RULES``), and what those rules
read: :mod:`.institutions`, :mod:`.roles`, :mod:`.documents`, :mod:`.back_references`;
:mod:`.apposition` (a person named after a role), :mod:`.claimant_country`.
"""
from __future__ import annotations

from service.nlp.claims.source_words import AGENCY, REPORTING_FORMS
from service.nlp.claims.sources.claimant_country import claimant_country
from service.nlp.claims.sources.frames import Attribution, attribute
from service.nlp.claims.sources.resolution import RESOLUTION_RULES, resolve_np

__all__ = ["AGENCY", "Attribution", "REPORTING_FORMS", "RESOLUTION_RULES", "attribute", "claimant_country",
           "resolve_np"]
