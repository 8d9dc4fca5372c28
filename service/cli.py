"""``newswire``: the command line. Thin: parse arguments, call the modules.

    newswire demo                      # embedded broker + worker + sample archive, no services
    newswire enrich story.xml          # offline: print the enriched event
    newswire worker --broker kafka:9092
    newswire replay archive.tar.gz --broker kafka:9092 --speed 60
    newswire replay archive.tar.gz --out events.jsonl
    newswire tail ntb.wire.quotes
    newswire model evaluate --split dev
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

FORMATS = ["auto", "text", "ninjs", "nitf", "newsml"]


def _add_broker(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--broker", help="Kafka bootstrap address (env NEWSWIRE_BROKER; "
                        "default the embedded broker at 127.0.0.1:9092)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("worker", help="run the stream worker")
    _add_broker(p)
    p.add_argument("--wait", type=float, default=300.0, help="seconds to wait for the broker at start")

    p = sub.add_parser("broker", help="run the embedded Kafka-compatible broker in the foreground")
    p.add_argument("--port", type=int, default=None, help="listen port (default 9092)")

    p = sub.add_parser("enrich", help="enrich one message offline and print the event JSON")
    p.add_argument("file", nargs="?", default="-", help="a wire message file, or - for stdin")
    p.add_argument("--format", choices=FORMATS, default="auto")

    p = sub.add_parser("replay", help="replay wire archives to Kafka or offline into JSONL")
    p.add_argument("archives", nargs="+", type=Path, help=".jsonl, a directory, .tar.gz or .zip")
    _add_broker(p)
    p.add_argument("--out", type=Path, help="process offline and write events to this JSONL file")
    p.add_argument("--topic", help="raw topic to send to (default ntb.wire.raw)")
    p.add_argument("--rate", type=float, help="at most N messages per second")
    p.add_argument("--speed", type=float, help="X times the original versioncreated spacing")

    p = sub.add_parser("tail", help="follow a topic and print its events readably")
    p.add_argument("topic")
    _add_broker(p)
    p.add_argument("--from-beginning", action="store_true")
    p.add_argument("--json", action="store_true", help="print raw JSON lines")
    p.add_argument("--max", type=int, default=None, help="stop after N events")
    p.add_argument("--idle", type=float, default=None, help="stop after N seconds without events")

    sub.add_parser("demo", help="embedded broker + worker + the bundled sample archive")

    p = sub.add_parser("model", help="the Bokmål NLP model")
    msub = p.add_subparsers(dest="model_command", required=True)
    e = msub.add_parser("evaluate", help="score the shipped model on NorNE; prints JSON")
    e.add_argument("--split", choices=["dev", "test"], default="dev")
    e.add_argument("--norne", type=Path, default=None, help="NorNE directory (env NEWSWIRE_NORNE)")
    e.add_argument("--model", type=Path, default=None, help="a pipeline directory (default: shipped)")
    c = msub.add_parser("compare", help="entity F of two pipelines on the same stories, with bootstrap "
                                        "intervals of each and of their difference; prints JSON")
    c.add_argument("model_a", type=Path)
    c.add_argument("model_b", type=Path, nargs="?", default=None, help="default: the shipped model")
    c.add_argument("--split", choices=["dev", "test"], default="dev")
    c.add_argument("--norne", type=Path, default=None, help="NorNE directory (env NEWSWIRE_NORNE)")
    t = msub.add_parser("train", help="convert NorNE, train, evaluate and install the model")
    t.add_argument("--norne", type=Path, default=None)
    t.add_argument("--out", type=Path, default=Path("runs/model"))
    t.add_argument("--separate-ner", action="store_true",
                   help="also train a NER with its own tok2vec and assemble it in (experiment B)")
    t.add_argument("--pretrain", action="store_true",
                   help="pretrain the shared tok2vec on the train text first (experiment C)")
    t.add_argument("--lexicon", action="store_true",
                   help="give the tok2vec the static lexicon features (the shipped recipe, G3; needs [train])")
    t.add_argument("--augment", action="store_true",
                   help="swap names in half the training stories for others of the same label (experiment H1)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:  # aiokafka narrates every group join at INFO
        logging.getLogger("aiokafka").setLevel(logging.WARNING)
    from service import commands

    handler = getattr(commands, f"cmd_{args.command}")
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
