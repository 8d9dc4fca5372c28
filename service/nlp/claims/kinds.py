"""Type of a troop claim: strength, deployment, reinforcement, withdrawal or casualties.

>>> claim_type(["har", "mistet", "soldater"]), claim_type(["skal", "sende", "ytterligere"])
('casualties', 'reinforcement')
>>> claim_type(["vil", "trekke", "ut"]), claim_type(["deltar", "i"]), claim_type(["har", "i"])
('withdrawal', 'deployment', 'strength')

Precedence: casualties > withdrawal > reinforcement > deployment > strength.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from service.nlp.claims.lexicon import (
    CASUALTY_WORDS,
    DEPLOYMENT_LEMMAS,
    DEPLOYMENT_WORDS,
    REINFORCEMENT_LEMMAS,
    REINFORCEMENT_WORDS,
    WITHDRAWAL_LEMMAS,
    WITHDRAWAL_WORDS,
)
from service.nlp.rules import first_decision

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


@dataclass(frozen=True)
class _Clause:
    """The lowercased words of a claim's clause and predicate, as the type rules read them."""

    words: list[str]
    verbs: set[str]  # the words, without "landet" where it is the noun
    lemmas: set[str]

    def pairs(self) -> Iterable[tuple[str, str]]:
        return zip(self.words, self.words[1:])


def claim_type(words: Iterable[str], lemmas: Iterable[str] = ()) -> str:
    """Type from the lowercased words (and lemmas) of the claim's clause and predicate."""
    seq = [w.lower() for w in words]
    clause = _Clause(seq, _verb_forms(seq), {lemma.lower() for lemma in lemmas})
    kind = first_decision(TYPE_RULES, clause)
    if kind is None:
        raise AssertionError("the last type rule always decides")
    return kind


# ------------------------------------------------------------------ type rules, in order


def _a_casualty_word(clause: _Clause) -> str | None:
    """"over 90 al-Shabaab-krigere ble drept", "har mistet 900 mann" -> casualties."""
    return "casualties" if clause.verbs & CASUALTY_WORDS else None


def _a_withdrawal_word(clause: _Clause) -> str | None:
    """"FN skal kutte 1.200 blåhjelmer", "har trukket 2.000 soldater ut" -> withdrawal."""
    if clause.verbs & WITHDRAWAL_WORDS or clause.lemmas & WITHDRAWAL_LEMMAS:
        return "withdrawal"
    return None


def _on_the_way_out(clause: _Clause) -> str | None:
    """"er på vei ut av landet", "på vei hjem" -> withdrawal."""
    seq = clause.words
    if any(seq[k:k + 3] == ["vei", "ut", "av"] or seq[k:k + 2] == ["vei", "hjem"] for k in range(len(seq))):
        return "withdrawal"
    return None


def _coming_home(clause: _Clause) -> str | None:
    """"soldatene i Irak kommer hjem innen jul", "har hentet hjem 80 soldater" -> withdrawal."""
    if any((a in _HOMEWARD_VERBS and b == "hjem") or (a in _BE_FORMS and b == "hjemme")
           for a, b in clause.pairs()):
        return "withdrawal"
    return None


def _moved_out_of(clause: _Clause) -> str | None:
    """"flytte 4.000 marinesoldater ut av Okinawa" -> withdrawal."""
    seq = clause.words
    if any(a in _MOVE_VERBS and "ut" in seq[k + 1:k + 8] and "av" in seq[k + 1:k + 9]
           for k, a in enumerate(seq)):
        return "withdrawal"
    return None


def _moved_away_from(clause: _Clause) -> str | None:
    """"har flyttet 800 soldater bort fra grensen" -> withdrawal."""
    seq = clause.words
    if any(a in _MOVE_VERBS and ["bort", "fra"] in [seq[j:j + 2] for j in range(k + 1, k + 8)]
           for k, a in enumerate(seq)):
        return "withdrawal"
    return None


def _a_count_of_the_force(clause: _Clause) -> str | None:
    """"vil KFOR-styrken telle 4.700 soldater" -> strength: a size, whatever "nye" says."""
    return "strength" if clause.verbs & _COUNT_VERBS else None


def _a_reinforcement_word(clause: _Clause) -> str | None:
    """"Garnisonen får 80 flere soldater", "rekruttere 5.000 nye soldater" -> reinforcement."""
    if clause.verbs & REINFORCEMENT_WORDS or clause.lemmas & REINFORCEMENT_LEMMAS:
        return "reinforcement"
    return None


def _forced_its_way_in(clause: _Clause) -> str | None:
    """"har tatt seg inn på armensk territorium" -> deployment."""
    seq = clause.words
    if any(a in ("tatt", "tar", "ta", "tok") and b == "seg" and c == "inn"
           for a, b, c in zip(seq, seq[1:], seq[2:])):
        return "deployment"
    return None


def _brought_up_to(clause: _Clause) -> str | None:
    """"få opp tallet til 500" -> reinforcement."""
    return "reinforcement" if any(a in ("få", "får", "fikk") and b == "opp" for a, b in clause.pairs()) else None


def _called_up(clause: _Clause) -> str | None:
    """"kalt inn 60.000 reservister" -> reinforcement."""
    return "reinforcement" if any(a in _CALL_UP_VERBS and b == "inn" for a, b in clause.pairs()) else None


def _sends_in(clause: _Clause) -> bool:
    """"satt inn", "rykker inn": a verb that puts troops in."""
    return any(a in _INSERT_VERBS and b == "inn" for a, b in clause.pairs())


def _an_intake_sent_in(clause: _Clause) -> str | None:
    """Conscripts "rykket inn til førstegangstjeneste" -> reinforcement: an intake."""
    return "reinforcement" if _sends_in(clause) and clause.verbs & _SERVICE_WORDS else None


def _troops_sent_in(clause: _Clause) -> str | None:
    """"har satt inn 1.500 nasjonalgardister" -> deployment."""
    return "deployment" if _sends_in(clause) else None


def _a_deployment_word(clause: _Clause) -> str | None:
    """"Kenya har sendt 400 soldater til Haiti", "soldater øver i Finnmark" -> deployment."""
    if clause.verbs & DEPLOYMENT_WORDS or clause.lemmas & DEPLOYMENT_LEMMAS:
        return "deployment"
    return None


def _reporting_for_service(clause: _Clause) -> str | None:
    """Conscripts "møter (11.200 vernepliktige) til tjeneste" -> reinforcement: an intake."""
    if any(a in ("møte", "møter", "møtte") and b == "til" for a, b in clause.pairs()) or (
            clause.verbs & {"møte", "møter", "møtte"} and clause.verbs & _SERVICE_WORDS):
        return "reinforcement"
    return None


def _built_up(clause: _Clause) -> str | None:
    """"har bygd opp styrken til rundt 10.000 soldater" -> reinforcement."""
    if any(a in ("bygd", "bygget", "bygger", "bygge", "bygges") and b == "opp" for a, b in clause.pairs()):
        return "reinforcement"
    return None


def _in_place(clause: _Clause) -> str | None:
    """"er på plass i Somalia", "fløyet inn", "stiller med" -> deployment."""
    if any((a == "på" and b == "plass") or (a in ("fly", "flyr", "fløy", "fløyet") and b == "inn")
           or (a in ("stille", "stiller", "stilte") and b == "med") for a, b in clause.pairs()):
        return "deployment"
    return None


def _anything_else_is_strength(clause: _Clause) -> str:
    """"Kenya har rundt 3.000 soldater i Haiti" -> strength: how many there are."""
    return "strength"


#: The rules that give a claim its type, tried in this order; the first that decides wins.
#: The order is the precedence: casualties > withdrawal > reinforcement > deployment >
#: strength, with a few phrases placed before the words whose type they override.
TYPE_RULES: tuple[Callable[[_Clause], str | None], ...] = (
    _a_casualty_word,
    _a_withdrawal_word,
    _on_the_way_out,
    _coming_home,
    _moved_out_of,
    _moved_away_from,
    _a_count_of_the_force,
    _a_reinforcement_word,
    _forced_its_way_in,
    _brought_up_to,
    _called_up,
    _an_intake_sent_in,
    _troops_sent_in,
    _a_deployment_word,
    _reporting_for_service,
    _built_up,
    _in_place,
    _anything_else_is_strength,
)
