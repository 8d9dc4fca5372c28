"""What a weight average ("model soup") of pipelines would buy, at one pipeline's cost.

    python bench/weight_soup.py continue runs/g5/model-best runs/continue.cfg
    python -m spacy train runs/continue.cfg --output runs/k1 --code training/newswire_code.py --system.seed 1
    ... (one run per seed)
    python bench/weight_soup.py average runs/soup runs/k1/model-last runs/k2/model-last ...
    newswire model compare runs/soup --split dev

``continue`` writes a training config that sources every component of a trained pipeline
and goes on training it at a lower, constant rate; runs of it that differ only in their
seed stay close enough to the shared start for their weights to be averaged. ``average``
writes the pipeline whose every weight is the mean of the pipelines named. Pipelines
trained from scratch do not average: each finds its own minimum and the mean of two
lies between them, far worse than either.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from spacy.language import Language
from spacy.util import load_config
from thinc.api import Config

from service.nlp.pipeline import load_model


def continuation_config(base: Path, train: Path, dev: Path, steps: int = 3000,
                        learn_rate: float = 0.0003, words_per_batch: int = 1000) -> Config:
    """``base``'s training config, with every component sourced from ``base`` itself."""
    config = load_config(base / "config.cfg", interpolate=False)
    for name in config["nlp"]["pipeline"]:
        config["components"][name] = {"source": str(base)}
    # The static lexicon table travels with the pipeline, so it is read back from there.
    config["paths"].update(train=str(train), dev=str(dev), vectors=str(base))
    config["initialize"]["vectors"] = str(base)
    training = config["training"]
    training.update(max_steps=steps, patience=0)
    training["optimizer"]["learn_rate"] = learn_rate
    training["batcher"]["size"] = {"@schedules": "compounding.v1", "start": words_per_batch,
                                   "stop": words_per_batch, "compound": 1.001, "t": 0.0}
    return config


def averaged(pipelines: list[Language]) -> Language:
    """The first pipeline, its trained weights replaced by the mean over ``pipelines``.

    Raises ValueError when the pipelines differ in shape: a mean of unlike weights means nothing.
    """
    first = pipelines[0]
    for name, component in first.pipeline:
        if getattr(component, "model", None) is None:
            continue
        walks = [list(nlp.get_pipe(name).model.walk()) for nlp in pipelines]
        if len({len(walk) for walk in walks}) != 1:
            raise ValueError(f"component {name!r} has a different architecture in some pipelines")
        for index, node in enumerate(walks[0]):
            for param in node.param_names:
                if not node.has_param(param):
                    continue
                values = [walk[index].get_param(param) for walk in walks]
                if any(value.shape != values[0].shape for value in values):
                    raise ValueError(f"{name}/{node.name}/{param} differs in shape between pipelines")
                node.set_param(param, sum(values) / len(values))
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    cont = commands.add_parser("continue", help="write a continuation training config")
    cont.add_argument("base", type=Path)
    cont.add_argument("out", type=Path)
    cont.add_argument("--train", type=Path, default=Path("corpus/train.spacy"))
    cont.add_argument("--dev", type=Path, default=Path("corpus/dev.spacy"))
    cont.add_argument("--steps", type=int, default=3000)
    average = commands.add_parser("average", help="write the weight average of pipelines")
    average.add_argument("out", type=Path)
    average.add_argument("models", nargs="+", type=Path)
    args = parser.parse_args()
    if args.command == "continue":
        continuation_config(args.base, args.train, args.dev, args.steps).to_disk(args.out)
    else:
        averaged([load_model(path) for path in args.models]).to_disk(args.out)


if __name__ == "__main__":
    main()
