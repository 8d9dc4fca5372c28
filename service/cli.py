"""``newswire``: the command line. Thin: parse arguments, call the modules.

    newswire demo                      # embedded broker + worker + sample archive, no services
    newswire enrich story.xml          # offline: print the enriched event
    newswire worker --broker kafka:9092
    newswire replay archive.tar.gz --broker kafka:9092 --speed 60
    newswire replay archive.tar.gz --out events.jsonl
    newswire tail ntb.wire.quotes
    newswire model evaluate --split dev

A failure the user can act on (a missing file, a bad setting, a broker that does not
answer) is one line on stderr and a non-zero exit status: 2 for bad input (files,
archives, settings, arguments), 3 for the broker, 1 for anything unexpected (its
traceback with ``-v``).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from pathlib import Path

FORMATS = ["auto", "text", "ninjs", "nitf", "newsml"]
EXIT_INTERNAL, EXIT_INPUT, EXIT_BROKER, EXIT_INTERRUPTED, EXIT_PIPE = 1, 2, 3, 130, 141
BROKER_WAIT = 5.0  # seconds replay and tail keep trying to reach the broker (--wait)


def _broker_address(text: str) -> str:
    from service.settings import check_broker_address

    try:
        return check_broker_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: expected {exc}") from None


def _number(kind: type, *, minimum: float, inclusive: bool):  # noqa: ANN202
    def parse(text: str):  # noqa: ANN202
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or value != value or value < minimum or (value == minimum and not inclusive):
            what = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(
                f"{text!r}: expected {what} {'of at least' if inclusive else 'above'} {minimum:g}")
        return value

    parse.__name__ = kind.__name__
    return parse


def _add_broker(parser: argparse.ArgumentParser, *, wait: bool = True) -> None:
    parser.add_argument("--broker", type=_broker_address, help="Kafka bootstrap address (env NEWSWIRE_BROKER; "
                        "default the embedded broker at 127.0.0.1:9092)")
    if wait:
        parser.add_argument("--wait", type=_number(float, minimum=0, inclusive=True), default=BROKER_WAIT,
                            metavar="SECONDS", help="seconds to keep trying to reach the broker before giving up "
                            f"(default {BROKER_WAIT:g})")


def version_line() -> str:
    """``newswire 0.1.0 (model nb_newswire 0.4.0)``: read from the model's meta.json,
    without loading spaCy."""
    from service import __version__

    model_dir = Path(os.environ.get("NEWSWIRE_MODEL") or Path(__file__).resolve().parent / "models" / "nb_newswire")
    try:
        meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        lang, name = meta.get("lang", "nb"), meta["name"]
        model = f"{name if name.startswith(f'{lang}_') else f'{lang}_{name}'} {meta.get('version', '0.0.0')}"
    except (OSError, ValueError, KeyError, AttributeError):
        model = f"none at {model_dir} (blank pipeline: sentences only)"
    return f"newswire {__version__} (model {model})"


class _Version(argparse.Action):
    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:  # noqa: ANN003
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the version of newswire and of its model, and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:  # noqa: ANN001
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging, and tracebacks")
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("worker", help="run the stream worker")
    _add_broker(p, wait=False)
    p.add_argument("--wait", type=_number(float, minimum=0, inclusive=True), default=300.0, metavar="SECONDS",
                   help="seconds to wait for the broker at start")

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
    p.add_argument("--rate", type=_number(float, minimum=0, inclusive=False), help="at most N messages per second")
    p.add_argument("--speed", type=_number(float, minimum=0, inclusive=False),
                   help="X times the original versioncreated spacing")

    p = sub.add_parser("tail", help="follow a topic and print its events readably")
    p.add_argument("topic")
    _add_broker(p)
    p.add_argument("--from-beginning", action="store_true")
    p.add_argument("--json", action="store_true", help="print raw JSON lines")
    p.add_argument("--max", type=_number(int, minimum=1, inclusive=True), default=None, help="stop after N events")
    p.add_argument("--idle", type=_number(float, minimum=0, inclusive=False), default=None,
                   help="stop after N seconds without events")

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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def failure(exc: BaseException) -> tuple[str, int] | None:
    """The one line and exit status for a failure the user can act on, or None for an
    unexpected one."""
    import ssl

    from aiokafka.errors import KafkaError

    from service.broker import BrokerError
    from service.replay import ArchiveError
    from service.settings import SettingsError
    from service.topics import TopicSetupError

    if isinstance(exc, (SettingsError, ArchiveError)):
        return _one_line(str(exc)), EXIT_INPUT
    if isinstance(exc, (BrokerError, TopicSetupError)):
        return _one_line(str(exc)), EXIT_BROKER
    if isinstance(exc, KafkaError):
        return f"broker error: {type(exc).__name__}: {_one_line(str(exc)).removeprefix(type(exc).__name__ + ': ')}", \
            EXIT_BROKER
    if isinstance(exc, ssl.SSLError):
        return f"cannot set up TLS from the NEWSWIRE_SSL_* files: {_one_line(str(exc))}", EXIT_INPUT
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or _one_line(str(exc))}", EXIT_INPUT
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.verbose:  # aiokafka narrates every group join at INFO
        logging.getLogger("aiokafka").setLevel(logging.WARNING)
        logging.getLogger("newswire.probe").setLevel(logging.CRITICAL)
    try:
        from service import commands

        handler = getattr(commands, f"cmd_{args.command}")
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newswire tail … | head`: the reader has gone, nothing more to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE
    except Exception as exc:  # noqa: BLE001 - every failure ends as one line, or a traceback with -v
        known = failure(exc)
        if known is not None:
            message, status = known
            if args.verbose:
                traceback.print_exc()
            print(f"newswire: {message}", file=sys.stderr)
            return status
        if args.verbose:
            traceback.print_exc()
            return EXIT_INTERNAL
        detail = _one_line(str(exc))
        print(f"newswire: internal error: {type(exc).__name__}{': ' + detail if detail else ''} "
              "(run with -v for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
