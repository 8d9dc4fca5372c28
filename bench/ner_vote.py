"""What ensembling would buy: a span-majority vote of several pipelines' entities on NorNE.

    python bench/ner_vote.py --split dev service/models/nb_newswire runs/h3/model-best runs/h4/model-best

Each pipeline annotates the split and repairs its entities, as the service does. A
mention (offsets and label) is kept when more than half of the pipelines predict it;
overlaps go to the longest. The vote is scored like ``newswire model compare``: its F,
its 95 % interval over resampled stories, and the paired interval of its difference to
the first pipeline named. The service runs one pipeline; this measures the accuracy that
n pipelines would cost n times the time and size for.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans

from service.nlp.evaluation.bootstrap import difference_interval, entity_counts, f_interval, micro_f
from service.nlp.evaluation.model import annotated
from service.nlp.evaluation.norne import default_norne, split_docs
from service.nlp.pipeline import load_model

Mention = tuple[int, int, str]


def voted(doc: Doc, mentions: list[set[Mention]]) -> Doc:
    """A copy of ``doc`` whose entities are the mentions most of ``mentions`` hold."""
    votes = Counter(mention for predicted in mentions for mention in predicted)
    spans = [doc.char_span(start, end, label=label) for (start, end, label), n in votes.items()
             if n * 2 > len(mentions)]
    result = doc.copy()
    result.ents = filter_spans([Span(result, s.start, s.end, label=s.label_) for s in spans if s is not None])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    args = parser.parse_args()
    runs: list[list[Example]] = []
    for path in args.models:
        nlp = load_model(path)
        runs.append(annotated(nlp, split_docs(nlp.vocab, default_norne(), args.split), repaired=True))
    mentions = [[{(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents} for eg in run] for run in runs]
    single = entity_counts(runs[0])
    vote = entity_counts(Example(voted(eg.predicted, [m[i] for m in mentions]), eg.reference)
                         for i, eg in enumerate(runs[0]))
    print(json.dumps({"split": args.split, "models": [str(p) for p in args.models],
                      "first_f": round(micro_f(single), 2), "vote_f": round(micro_f(vote), 2),
                      "vote_f_ci95": f_interval(vote), "vote_minus_first_ci95": difference_interval(vote, single)},
                     indent=2))


if __name__ == "__main__":
    main()
