"""Troop nouns and the words that type a troop-number claim.

>>> troop_noun("NATO-soldater"), troop_noun("fallskjermjegere"), troop_noun("politistyrker")
(True, True, False)
>>> troop_prefix("NATO-soldater"), troop_prefix("bakkestyrker")
('NATO', None)

``mann`` counts only in a military context (:func:`military_context`), and
``militære`` only when no noun follows it ("militære kilder" is not a count of
soldiers); callers check both.
"""
from __future__ import annotations

import re

__all__ = [
    "CASUALTY_WORDS",
    "DEPLOYMENT_LEMMAS",
    "DEPLOYMENT_WORDS",
    "REINFORCEMENT_LEMMAS",
    "REINFORCEMENT_WORDS",
    "WITHDRAWAL_LEMMAS",
    "WITHDRAWAL_WORDS",
    "military_context",
    "troop_noun",
    "troop_prefix",
]

#: Whole words (lowercased) that count soldiers.
TROOP_WORDS: frozenset[str] = frozenset({
    "soldat", "soldaten", "soldater", "soldatene",
    "tropper", "troppene",
    "styrker", "styrkene",
    "mann",
    "militære",
    "reservist", "reservister", "reservistene",
    "vernepliktig", "vernepliktige",
    "stridende",
    "kriger", "krigere", "krigerne",
    "rekrutt", "rekrutter", "rekruttene",
    "infanterist", "infanterister", "infanteristene",
    "mobiliserte",
    "fredsbevarere", "fredsbevarerne",
    "legionærer",
    "nasjonalgardister", "gardister", "marinesoldater", "militssoldater",
    "blåhjelm", "blåhjelmer", "blåhjelmene",
})

#: Endings that make a compound a troop noun: "leiesoldater", "bakkestyrker".
TROOP_SUFFIXES: tuple[str, ...] = (
    "soldat", "soldaten", "soldater", "soldatene", "styrker", "styrkene",
    "tropper", "troppene", "krigere", "krigerne", "reservister", "infanterister",
)

#: "-jegere" compounds that are troops ("fallskjermjegere"), not hunters.
JEGER_PREFIXES: tuple[str, ...] = ("fallskjerm", "kyst", "grense", "marine", "panser", "hær")
_JEGER_RE = re.compile(rf"(?:{'|'.join(JEGER_PREFIXES)})jeger(?:e|ne)?")

#: Compound heads that are never troops: police, rescue, toys.
NOT_TROOP_PREFIXES: tuple[str, ...] = (
    "politi", "rednings", "brann", "tinn", "leke", "bly", "arbeids", "sjakk",
)

_COMPOUND_RE = re.compile(r"^(?P<prefix>(?:al-|el-|ad-)?[A-ZÆØÅ][\w]*)-(?P<head>\w+)$")

#: Words whose stems mark a military context for ``mann``.
MILITARY_STEMS: tuple[str, ...] = (
    "soldat", "tropper", "styrker", "hær", "militær", "front", "forsvar", "krig",
    "bataljon", "brigade", "regiment", "divisjon", "invasjon", "offensiv",
    "angrep", "mobiliser", "russ", "ukrain", "våpen", "beskyt", "skyttergrav",
)

# ------------------------------------------------------------------ claim types

#: Words (lowercased forms) marking losses.
CASUALTY_WORDS: frozenset[str] = frozenset({
    "drept", "drepte", "drepes", "drepe", "falt", "falne", "falle", "faller",
    "såret", "sårede", "såres", "skadd", "skadde", "skadet", "omkom", "omkommet",
    "døde", "død", "tap", "tapet", "tapene", "tapt", "tapte", "mistet", "miste",
    "mister", "fange", "fanget", "fangenskap", "drap", "savnet", "savnede", "savnes", "livet",
    "nøytralisert", "nøytralisere", "eliminert",
    "likvidert", "overgitt", "overga",
    "sykehus", "sykehuset",
})

WITHDRAWAL_LEMMAS: frozenset[str] = frozenset({
    "trekke", "redusere", "forlate", "tilbaketrekning", "tilbaketrekking", "reduksjon",
    "hjemsende", "evakuere",
})
#: Forms of the same (for weak lemmatizers).
WITHDRAWAL_WORDS: frozenset[str] = frozenset({
    "trekke", "trekker", "trakk", "trukket", "trekkes", "redusere", "reduserer",
    "kutte", "kutter", "kuttet", "kuttes",
    "redusert", "reduseres", "reduserte", "forlate", "forlater", "forlot", "tilbaketrekning",
    "tilbaketrekningen", "tilbaketrekking", "forlatt", "forlates", "dimittere", "dimitteres",
    "dimittert",
})

REINFORCEMENT_LEMMAS: frozenset[str] = frozenset({
    "forsterke", "forsterkning", "mobilisere", "innkalle", "rekruttere", "øke", "doble",
    "verve", "trenge", "utvide", "vokse",
})
REINFORCEMENT_WORDS: frozenset[str] = frozenset({
    "forsterke", "forsterker", "forsterket", "forsterkes", "forsterkninger",
    "forsterkningene", "mobilisere", "mobiliserer", "mobiliserte", "mobilisert",
    "mobiliseres", "innkalt", "innkalles", "innkaller", "rekruttere", "rekrutterer",
    "rekruttert", "rekrutterte", "øke", "øker", "økt", "økte", "økes", "doble", "dobler",
    "doblet", "dobles", "verve", "vervet", "trenger", "trengs", "utvide", "utvider",
    "ytterligere", "ekstra", "nye", "flere", "stige", "stiger", "steg", "steget", "vokse", "vokser",
    "vokste", "vokst", "styrkes", "styrket", "innrykk", "innrykket",
})

DEPLOYMENT_LEMMAS: frozenset[str] = frozenset({
    "sende", "utplassere", "stasjonere", "deployere", "flytte", "forflytte", "overføre",
    "rykke", "delta", "samle", "massere", "lande", "ankomme", "frakte", "plassere",
    "krysse", "sette",
})
DEPLOYMENT_WORDS: frozenset[str] = frozenset({
    "sende", "sender", "sendt", "sendte", "sendes", "utplassere", "utplasserer",
    "utplassert", "utplasserte", "stasjonere", "stasjonerer", "stasjonert", "stasjonerte",
    "deployere", "deployert", "flytte", "flytter", "flyttet", "flyttes", "forflyttet",
    "overført", "overføre", "rykke", "rykker", "rykket", "delta", "deltar", "deltok",
    "deltatt", "samle", "samler", "samlet", "trene", "trener", "trent", "øver", "øve", "bidra", "bidrar",
    "patruljere", "patruljerer", "patruljert", "utsendelse", "utsendelsen", "utplassering",
    "utplasseringen",
    "bidro", "bidratt", "beordre", "beordrer", "beordret", "beordres", "massert", "masserer", "landet", "lander",
    "ankomme", "ankommer", "ankom", "fraktet", "fraktes", "plassert", "krysset",
    "krysser", "gått", "konsentrere", "konsentrerer", "konsentrert", "konsentrerte", "vokte", "vokter",
    "voktet", "voktes", "bevokte", "bevokter", "bevoktet",
})


def _strip_org_prefix(word: str) -> tuple[str | None, str]:
    match = _COMPOUND_RE.match(word)
    if match and (match["prefix"].isupper() or match["prefix"].split("-")[-1][:1].isupper()):
        return match["prefix"], match["head"]
    return None, word


def troop_noun(word: str) -> bool:
    """True when ``word`` names soldiers ("soldater", "NATO-soldater", "bakkestyrker")."""
    _, head = _strip_org_prefix(word)
    low = head.lower()
    if low in TROOP_WORDS or _JEGER_RE.fullmatch(low):
        return True
    if any(low.startswith(p) for p in NOT_TROOP_PREFIXES):
        return False
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in TROOP_SUFFIXES)


def troop_prefix(word: str) -> str | None:
    """The organisation prefix of a troop compound: "NATO-soldater" -> "NATO"."""
    prefix, head = _strip_org_prefix(word)
    return prefix if prefix is not None and troop_noun(head) else None


def military_context(text: str) -> bool:
    """True when ``text`` talks about armed forces (so "5000 mann" are soldiers)."""
    low = text.lower()
    return any(stem in low for stem in MILITARY_STEMS)
