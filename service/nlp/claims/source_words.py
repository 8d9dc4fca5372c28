"""Words that name sources of troop claims: reporting verbs, media, institutions,
anonymous and document heads (the words that bound a claimant's noun phrase are in
:mod:`service.nlp.mentions.noun_phrase`).

Data for :mod:`service.nlp.claims.sources`, kept apart so the resolution logic reads alone.
The words the quotes share (reporting verbs, media, unnamed sources, documents) are read
from :mod:`service.nlp.lang.vocabulary`.
"""
from __future__ import annotations

import re

from service.nlp.lang.vocabulary import forms_to_lemma, news_media, reporting_verbs, word_list

__all__ = [
    "ACCORDING_PREPOSITIONS",
    "AGENCY",
    "ANONYMOUS_HEADS",
    "ARTICLES",
    "CHAIN_RE",
    "DOCUMENT_HEADS",
    "FIXED_NAMES",
    "INSTITUTION_ENDINGS",
    "MEDIA",
    "MEDIA_DESCRIPTORS",
    "MEDIA_DESCRIPTOR_ENDINGS",
    "MEDIA_HEADS",
    "MEDIA_RE",
    "ORG_DESCRIPTOR_ENDINGS",
    "OWN_WORDS",
    "REPORTING_FORMS",
]

AGENCY = "NTB"

#: The verbs that attribute a claim to their subject: statements, beliefs, estimates, denials,
#: expectations and evidence ("tallene viser"); not a name given or a manner of speaking.
_CLAIM_KINDS = ("speech", "information", "cognition", "estimate", "denial", "projection", "evidence")

#: Reporting verb forms -> lemma.
REPORTING_FORMS: dict[str, str] = forms_to_lemma(
    verb for verb in reporting_verbs(*_CLAIM_KINDS) if not verb.particle
)

#: Prepositions attributing a claim to a source: "ifølge Reuters", "iflg. Reuters" (the quotes' list).
ACCORDING_PREPOSITIONS: frozenset[str] = frozenset(word_list("according_prepositions.txt"))

#: Words after "ifølge" that point back to the subject ("ifølge egne tall").
OWN_WORDS: frozenset[str] = frozenset({"egne", "eget", "egen", "sine", "sitt", "sin", "våre", "mine"})

#: Heads of NPs that are anonymous sources.
ANONYMOUS_HEADS: tuple[str, ...] = word_list("anonymous_sources.txt")

#: Documents whose author is the claimant: "en rapport fra X".
DOCUMENT_HEADS: frozenset[str] = frozenset(word_list("documents.txt"))

#: Definite/indefinite endings of institution heads -> the indefinite form.
INSTITUTION_ENDINGS: dict[str, str] = {
    # Longest first: "etterretningstjenesten" is the intelligence, not a "tjeneste".
    "militæretterretningen": "etterretning", "militæretterretning": "etterretning",
    "etterretningstjenesten": "etterretning", "etterretningstjeneste": "etterretning",
    "hovedkvarteret": "hovedkvarter", "hovedkvarter": "hovedkvarter",
    "forsvarsstyrkene": "forsvarsstyrker", "forsvarsstyrker": "forsvarsstyrker",
    "departementet": "departement", "departement": "departement",
    "regjeringen": "regjering", "regjering": "regjering",
    "myndighetene": "myndigheter", "myndigheter": "myndigheter",
    "forsvaret": "forsvar", "forsvar": "forsvar", "hæren": "hær", "hær": "hær",
    "staben": "stab", "stab": "stab", "etterretningen": "etterretning",
    "etterretning": "etterretning", "tjenesten": "tjeneste", "tjeneste": "tjeneste",
    "ministeriet": "ministerium", "militæret": "militær", "marinen": "marine",
    "våpenet": "våpen", "kommandoen": "kommando", "vakten": "vakt",
    "ledelsen": "ledelse", "presidentkontoret": "presidentkontor", "kontoret": "kontor",
    "kontor": "kontor",
}

#: Media and news agencies (lowercased) -> canonical name.
MEDIA: dict[str, str] = {name.lower(): name for name in news_media()}
MEDIA_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted((re.escape(m) for m in MEDIA), key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
MEDIA_HEADS: frozenset[str] = frozenset({"medier", "mediene", "aviser", "avisene", "tv-kanaler"})
#: Endings of common nouns that introduce an organisation's name ("tankesmien IISS").
ORG_DESCRIPTOR_ENDINGS: tuple[str, ...] = (
    "databasen", "tankesmien", "organisasjonen", "instituttet", "gruppen", "senteret",
    "stiftelsen", "prosjektet", "byrået", "nettverket", "observatoriet",
    "styrken", "misjonen",  # "FN-styrken MINUSCA", "EU-misjonen EUFOR"
)
#: Endings of nouns that introduce a named medium ("radiostasjonen Radio Tamazuj").
MEDIA_DESCRIPTOR_ENDINGS: tuple[str, ...] = ("avisen", "radioen", "stasjonen", "kanalen", "byrået",
                                             "nettstedet", "magasinet", "tv-en")
#: Common nouns that introduce a named medium: "nyhetsbyrået Kyodo", "nettavisen Kyiv Post".
MEDIA_DESCRIPTORS: frozenset[str] = frozenset({
    "nyhetsbyrået", "nyhetsbyrå", "byrået", "avisen", "avisa", "nettavisen", "nettstedet",
    "dagsavisen", "tv-kanalen", "kanalen", "statskanalen", "kringkasteren", "magasinet",
    "tidsskriftet", "radiokanalen", "nyhetsnettstedet", "nyhetskanalen", "nettavisa",
    "kringkastingsselskapet", "allmennkringkasteren", "fjernsynskanalen",
})

#: Names that begin with an article ("Det hvite hus").
FIXED_NAMES: frozenset[str] = frozenset({"det hvite hus"})
#: Words before a source's noun that do not name it: articles and how many ("tre kilder").
ARTICLES: frozenset[str] = frozenset({"en", "ei", "et", "den", "det", "de", "flere", "noen", "enkelte",
                                      "mange", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte",
                                      "samme"})
CHAIN_RE = re.compile(
    r"\s*,?\s*(?:som\s+(?:igjen\s+)?(?:viser|henviser)\s+til|som\s+siterer"
    r"|med\s+henvisning\s+til|med\s+referanse\s+til)\s+", re.IGNORECASE)
