"""NorNE's NDT rows converted to gold annotation (service/nlp/evaluation/norne.py)."""
from __future__ import annotations

import os
import subprocess
import sys

from service.nlp.evaluation.norne import spaces_for, ud_features


def test_values_of_one_feature_are_joined_in_ud_order() -> None:
    assert ud_features({"mask", "fem", "ent", "pers", "3"}) == "Gender=Fem,Masc|Number=Sing|Person=3|PronType=Prs"
    assert ud_features({"m/f", "ent"}) == "Gender=Fem,Masc|Number=Sing"
    assert ud_features({"subst", "appell", "nøyt", "be", "ent"}) == "Definite=Def|Gender=Neut|Number=Sing"
    assert ud_features(set()) == ""


def test_the_features_do_not_depend_on_the_hash_seed() -> None:
    """Set order changes with PYTHONHASHSEED; the gold must not (it once made morph
    accuracy read differently from one process to the next)."""
    code = "from service.nlp.evaluation.norne import ud_features; print(ud_features({'mask', 'fem', 'ent', 'gen', 'pers', '3'}))"
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(4)}
    assert outputs == {"Case=Gen|Gender=Fem,Masc|Number=Sing|Person=3|PronType=Prs\n"}


def test_norwegian_spacing_around_punctuation_and_guillemets() -> None:
    words = ["Han", "sa", ":", "«", "Ja", "»", "(", "i", "går", ")", "."]
    assert spaces_for(words) == [True, False, True, False, False, True, False, True, False, False, True]
