"""Modality of a troop claim: asserted, estimated, projected, denied or hypothetical.

>>> modality_of(words("Russland har 100.000 soldater".split()))
'asserted'
>>> modality_of(words("NATO skal sende 5000 soldater".split()))
'projected'
>>> modality_of(words("Russland kan ha 700.000 soldater".split()))
'estimated'
>>> modality_of(words("det står 90.000 soldater".split()), cue_lemma="avvise")
'denied'
>>> modality_of(words("kan alliansen sette inn 300.000 soldater".split()),
...             sentence=words("Hvis Russland angriper , kan alliansen".split()))
'hypothetical'

Precedence: denied > hypothetical > projected > estimated > asserted.
"""
from __future__ import annotations

from collections.abc import Sequence

from service.nlp.lang.vocabulary import reporting_verbs

__all__ = ["MODALITIES", "modality_of", "words"]

MODALITIES: tuple[str, ...] = ("asserted", "estimated", "projected", "denied", "hypothetical")

#: Reporting verbs by the modality they give a claim (kinds in lang/data/reporting_verbs.tsv).
DENIAL_CUES: frozenset[str] = frozenset(verb.lemma for verb in reporting_verbs("denial"))
ESTIMATE_CUES: frozenset[str] = frozenset(verb.lemma for verb in reporting_verbs("estimate"))
PROJECTION_CUES: frozenset[str] = frozenset(verb.lemma for verb in reporting_verbs("projection"))

NEGATIONS: frozenset[str] = frozenset({"ikke", "aldri", "ingen"})
CONDITIONALS: frozenset[str] = frozenset({"hvis", "dersom", "eventuelt"})
PAST_MODALS: frozenset[str] = frozenset({"kunne", "ville", "skulle"})
MODALS: frozenset[str] = frozenset({"kan", "vil", "skal", "må"})
#: Nouns of a situation that, opening the sentence after "ved"/"i", make it a condition
#: ("Ved en krise i Østersjøen kan Nederland flytte ...").
CONDITION_NOUNS: frozenset[str] = frozenset({
    "krise", "krig", "konflikt", "angrep", "invasjon", "nødsituasjon", "eskalering", "behov",
    "fullskala", "storkrig", "unntakstilstand", "angrep",
})
PROJECTING_WORDS: frozenset[str] = frozenset({
    "planlegger", "planla", "planen", "planene", "planer", "målet", "mål", "vurderer",
    "ønsker", "ønsket", "trenger", "trengs", "foreslår", "foreslått", "besluttet",
    "bestemt", "vedtatt", "kommer", "begynner", "starter", "ordre", "ordren", "dekret",
})
ESTIMATING_WORDS: frozenset[str] = frozenset({
    "anslagsvis", "trolig", "antagelig", "antakelig", "sannsynligvis", "angivelig",
    "anslått", "anslag", "estimert", "beregnet",
})
UNTRUE_WORDS: frozenset[str] = frozenset({"sant", "riktig", "korrekt", "tilfelle"})
#: Words that dismiss a "påstanden om at ..." ("er fullstendig grunnløs").
DISMISSING_WORDS: frozenset[str] = frozenset({
    "grunnløs", "grunnløse", "usann", "usant", "usanne", "feil", "oppspinn", "løgn", "løgner",
    "tull", "falsk", "falske", "propaganda", "desinformasjon", "fabrikkert", "fabrikkerte",
})
CLAIM_NOUNS: frozenset[str] = frozenset({"påstanden", "påstandene", "påstander", "påstand",
                                         "ryktene", "rykter", "opplysningene", "meldingene"})
#: Verbs right before "at" that set the modality of the clause they introduce.
INTRODUCING_ESTIMATE: frozenset[str] = frozenset({"anslår", "anslo", "tror", "antar", "beregner",
                                                  "estimerer", "regner"})
INTRODUCING_PROJECTION: frozenset[str] = frozenset({"forventer", "venter", "med"})


def _introducing_verb(before: Sequence[str]) -> str | None:
    """"regner med at", "tror at": the verb that introduces the claim's clause."""
    if len(before) < 2 or before[-1] != "at":
        return None
    if before[-2] == "med" and len(before) >= 3 and before[-3] in ("regner", "regnet"):
        return "projected"
    if before[-2] in INTRODUCING_PROJECTION:
        return "projected"
    if before[-2] in INTRODUCING_ESTIMATE:
        return "estimated"
    return None


def words(tokens: Sequence[str]) -> list[str]:
    """Lowercased words (the form every check here takes)."""
    return [t.lower() for t in tokens]


def _follows(seq: Sequence[str], first: str, second: str) -> bool:
    return any(a == first and b == second for a, b in zip(seq, seq[1:]))


def _denied(window: Sequence[str], before: Sequence[str], cue_lemma: str | None, contrast: bool,
            sentence: Sequence[str] = ()) -> bool:
    if cue_lemma in DENIAL_CUES:
        return True
    if any(w in CLAIM_NOUNS for w in before[-4:]) and any(w in DISMISSING_WORDS for w in sentence):
        return True  # "Påstanden om at 8.000 soldater er samlet ... er «fullstendig grunnløs»"
    if before and before[-1] == "at" and any(w in DISMISSING_WORDS for w in before):
        return True  # "Det er ren desinformasjon at Paris forbereder ..."
    if not contrast and any(w in NEGATIONS for w in window):
        return True
    return any(a == "ikke" and b in UNTRUE_WORDS for a, b in zip(before, before[1:]))


CLAUSE_BREAKS: frozenset[str] = frozenset({",", "og", "men", "mens", ";", ".", "–"})


def _conditioned(window: Sequence[str], sentence: Sequence[str], before: Sequence[str],
                 after: Sequence[str] | None) -> bool:
    """A condition governs the claim's clause: inside it, before it, or right after it
    ("... kan bli sendt dersom presset øker"), not after another clause
    ("Vi har 10.000 soldater, og 3.000 kan bli sendt dersom ...")."""
    if after is None:  # no positions known: the whole sentence
        return any(w in CONDITIONALS for w in sentence) or _follows(sentence, "i", "tilfelle")
    for part in (window, before):
        if any(w in CONDITIONALS for w in part) or _follows(part, "i", "tilfelle"):
            return True
    for k, word in enumerate(after):
        if word in CONDITIONALS or (word == "i" and after[k + 1:k + 2] == ["tilfelle"]):
            return True
        if word in CLAUSE_BREAKS:
            return False
    return False


def _hypothetical(window: Sequence[str], sentence: Sequence[str], before: Sequence[str] = (),
                  after: Sequence[str] | None = None) -> bool:
    if _conditioned(window, sentence, before, after):
        return True
    if sentence and sentence[0] in ("om", "skulle", "hvis", "dersom") and sentence[1:2] != ["lag"]:
        return True  # "Skulle landet bli angrepet, kan ..."
    if any(w in MODALS for w in window):
        if sentence and sentence[0] in ("ved", "i") and _condition_noun_at(sentence, 1):
            return True  # "Ved en krise kan ...", "I en fullskala krig vil ..."
        tail = list(window) + list(after or [])
        if any(w == "ved" and _condition_noun_at(tail, k + 1) for k, w in enumerate(tail)):
            return True  # "... kan økes til 1.000 tropper ved en krise i Nord-Atlanteren"
    for k, word in enumerate(window):
        if word in PAST_MODALS and not (word == "skulle" and window[k + 1:k + 2] == ["ha"]):
            return True
    return False


def _condition_noun_at(words: Sequence[str], k: int) -> bool:
    """A situation noun (after an article and at most one adjective) at ``words[k]``."""
    following = [w for w in words[k:k + 3] if w not in ("en", "et", "ei")]
    return any(w.endswith(noun) for w in following[:2] for noun in CONDITION_NOUNS)


def _projected(window: Sequence[str], cue_lemma: str | None, future_time: bool) -> bool:
    if cue_lemma in PROJECTION_CUES or future_time:
        return True
    for k, word in enumerate(window):
        following = window[k + 1] if k + 1 < len(window) else ""
        if word in MODALS and following == "ha":
            continue  # "skal ha samlet" is hearsay, "kan ha" a guess
        if word in MODALS or word in PROJECTING_WORDS:
            if word == "kommer" and following != "til":
                continue
            return True
    return False


def _estimated(window: Sequence[str], cue_lemma: str | None, hedge: str | None, claimant: str) -> bool:
    if cue_lemma in ESTIMATE_CUES:
        return True
    if hedge and hedge.lower() == "anslagsvis":
        return True
    if "anslag" in claimant.lower():
        return True
    return any(w in ESTIMATING_WORDS for w in window) or _follows(window, "kan", "ha")


def modality_of(
    window: Sequence[str],
    *,
    sentence: Sequence[str] = (),
    before: Sequence[str] = (),
    cue_lemma: str | None = None,
    hedge: str | None = None,
    claimant: str = "",
    future_time: bool = False,
    contrast: bool = False,
    after: Sequence[str] | None = None,
) -> str:
    """Modality from the claim's clause (``window``), its sentence and its cue.

    ``before`` holds the words before the claim's clause (for "det er ikke sant
    at ..."), ``contrast`` marks an elliptical claim after "men" that corrects
    a negated one, ``after`` the words of the sentence after the clause (when given,
    ``sentence`` must be the whole sentence, so a condition is scoped to its clause).
    """
    if _denied(window, before, cue_lemma, contrast, sentence):
        return "denied"
    if _hypothetical(window, sentence, before, after):
        return "hypothetical"
    introduced = _introducing_verb(before)
    if introduced == "projected" or _projected(window, cue_lemma, future_time):
        return "projected"
    if introduced == "estimated" or _estimated(window, cue_lemma, hedge, claimant):
        return "estimated"
    return "asserted"
