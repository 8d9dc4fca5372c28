"""Type of a troop claim: strength, deployment, reinforcement, withdrawal or casualties.

>>> claim_type(["har", "mistet", "soldater"]), claim_type(["skal", "sende", "ytterligere"])
('casualties', 'reinforcement')
>>> claim_type(["vil", "trekke", "ut"]), claim_type(["deltar", "i"]), claim_type(["har", "i"])
('withdrawal', 'deployment', 'strength')

Precedence: casualties > withdrawal > reinforcement > deployment > strength.
"""
from __future__ import annotations

from collections.abc import Iterable

from service.nlp.claims.lexicon import (
    CASUALTY_WORDS,
    DEPLOYMENT_LEMMAS,
    DEPLOYMENT_WORDS,
    REINFORCEMENT_LEMMAS,
    REINFORCEMENT_WORDS,
    WITHDRAWAL_LEMMAS,
    WITHDRAWAL_WORDS,
)

__all__ = ["CLAIM_TYPES", "claim_type"]

CLAIM_TYPES: tuple[str, ...] = ("strength", "deployment", "reinforcement", "withdrawal", "casualties")

_INSERT_VERBS = frozenset({"sette", "setter", "satt", "settes", "rykke", "rykker", "rykket"})
_HOMEWARD_VERBS = frozenset({"kommer", "kom", "komme", "reiser", "reise", "dro", "drar", "sendes",
                             "sendt", "sende", "sender", "returnerer", "vender", "hentet", "henter",
                             "hente", "hentes", "skal", "må"})
_BE_FORMS = frozenset({"være", "er", "var", "blir", "bli"})
_MOVE_VERBS = frozenset({"flytte", "flytter", "flyttet", "flyttes", "føre", "fører", "ført"})
_CALL_UP_VERBS = frozenset({"kalle", "kaller", "kalt", "kalte", "kalles"})
_COUNT_VERBS = frozenset({"telle", "teller", "talte", "telte", "utgjøre", "utgjør", "utgjorde"})
_SERVICE_WORDS = frozenset({"førstegangstjeneste", "førstegangstjenesten", "tjeneste", "tjenesten",
                            "militærtjeneste", "militærtjenesten", "verneplikt", "verneplikten"})
#: Words before "landet" that make it the noun ("i landet"), not the verb ("landet i Polen").
_NOUN_MARKERS = frozenset({"i", "til", "fra", "av", "ut", "over", "om", "for", "hele", "det", "dette"})


def _landed(seq: list[str], k: int) -> bool:
    """Is ``seq[k]`` ("landet") the verb "landed" rather than the noun "the country"?
    The verb follows an auxiliary or leads on to where ("har landet i Polen", "landet på
    Rygge"); "forsvare landet" and "har landet rundt 7,6 millioner" are the noun."""
    before = seq[k - 1] if k > 0 else ""
    after = seq[k + 1] if k + 1 < len(seq) else ""
    if before in _NOUN_MARKERS or after in ("rundt", "om", "over", "nesten", "drøyt", "minst") \
            or after[:1].isdigit():
        return False
    return before in ("har", "hadde", "er", "var", "ble", "nettopp", "flyet", "flyene") \
        or after in ("i", "på", "ved", "nær", "utenfor")


def _verb_forms(seq: list[str]) -> set[str]:
    """The words of ``seq``, without "landet" where it is the noun "the country"."""
    return {w for k, w in enumerate(seq) if not (w == "landet" and not _landed(seq, k))}


def claim_type(words: Iterable[str], lemmas: Iterable[str] = ()) -> str:
    """Type from the lowercased words (and lemmas) of the claim's clause and predicate."""
    seq = [w.lower() for w in words]
    found = _verb_forms(seq)
    lemma_set = {lemma.lower() for lemma in lemmas}
    if found & CASUALTY_WORDS:
        return "casualties"
    if found & WITHDRAWAL_WORDS or lemma_set & WITHDRAWAL_LEMMAS:
        return "withdrawal"
    if any(seq[k:k + 3] == ["vei", "ut", "av"] or seq[k:k + 2] == ["vei", "hjem"] for k in range(len(seq))):
        return "withdrawal"  # "er på vei ut av landet", "på vei hjem"
    if any((a in _HOMEWARD_VERBS and b == "hjem") or (a in _BE_FORMS and b == "hjemme")
           for a, b in zip(seq, seq[1:])):
        return "withdrawal"  # "soldatene kommer hjem innen påske"
    if any(a in _MOVE_VERBS and "ut" in seq[k + 1:k + 8] and "av" in seq[k + 1:k + 9]
           for k, a in enumerate(seq)):
        return "withdrawal"  # "flytte 4.000 marinesoldater ut av Okinawa"
    if any(a in _MOVE_VERBS and ["bort", "fra"] in [seq[j:j + 2] for j in range(k + 1, k + 8)]
           for k, a in enumerate(seq)):
        return "withdrawal"  # "har flyttet 800 soldater bort fra grensen"
    if found & _COUNT_VERBS:
        return "strength"  # "vil KFOR-styrken telle 4.700 soldater": a size, whatever "nye" says
    if found & REINFORCEMENT_WORDS or lemma_set & REINFORCEMENT_LEMMAS:
        return "reinforcement"
    if any(a in ("tatt", "tar", "ta", "tok") and b == "seg" and c == "inn" for a, b, c in zip(seq, seq[1:], seq[2:])):
        return "deployment"  # "har tatt seg inn på armensk territorium"
    if any(a in ("få", "får", "fikk") and b == "opp" for a, b in zip(seq, seq[1:])):
        return "reinforcement"  # "få opp tallet til 500"
    if any(a in _CALL_UP_VERBS and b == "inn" for a, b in zip(seq, seq[1:])):
        return "reinforcement"  # "kalt inn 60.000 reservister"
    if any(a in _INSERT_VERBS and b == "inn" for a, b in zip(seq, seq[1:])):
        if found & _SERVICE_WORDS:
            return "reinforcement"  # conscripts "rykket inn til førstegangstjeneste": an intake
        return "deployment"
    if found & DEPLOYMENT_WORDS or lemma_set & DEPLOYMENT_LEMMAS:
        return "deployment"
    if any(a in ("møte", "møter", "møtte") and b == "til" for a, b in zip(seq, seq[1:])) or (
            found & {"møte", "møter", "møtte"} and found & _SERVICE_WORDS):
        return "reinforcement"  # conscripts "møter (11.200 vernepliktige) til tjeneste": an intake
    if any(a in ("bygd", "bygget", "bygger", "bygge", "bygges") and b == "opp" for a, b in zip(seq, seq[1:])):
        return "reinforcement"  # "har bygd opp styrken til rundt 10.000 soldater"
    if any((a == "på" and b == "plass") or (a in ("fly", "flyr", "fløy", "fløyet") and b == "inn")
           or (a in ("stille", "stiller", "stilte") and b == "med") for a, b in zip(seq, seq[1:])):
        return "deployment"  # "er på plass i Somalia"
    return "strength"
