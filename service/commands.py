"""What each ``newswire`` subcommand does; ``cli.py`` only parses arguments."""
from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from pathlib import Path

import orjson

from service.settings import Settings, bootstrap_servers

log = logging.getLogger("newswire")
# wait_for_broker's one line per failed attempt; shown with -v only (the caller reports once).
probe_log = logging.getLogger("newswire.probe")


def _settings(args: argparse.Namespace) -> Settings:
    """The settings from the environment; ``--broker`` replaces NEWSWIRE_BROKER (which
    is then not read at all)."""
    broker = getattr(args, "broker", None)
    return Settings(broker=broker) if broker else Settings()


def reach_broker(settings: Settings, wait: float) -> None:
    """Return once the broker answers a metadata request; after ``wait`` seconds raise
    BrokerUnavailable saying, on one line, which address and what failed last."""
    from service.broker import BrokerUnavailable, wait_for_broker

    address = bootstrap_servers(settings.broker)
    try:
        asyncio.run(wait_for_broker(address, timeout=wait, log=probe_log, **settings.security.aiokafka_kwargs()))
    except BrokerUnavailable as exc:
        found = re.search(r"; last: (.*)\)\. ", str(exc))
        detail = re.sub(r", <AddressFamily\.\w+: \d+>", "", found.group(1) if found else str(exc))
        raise BrokerUnavailable(f"cannot reach the broker at {address} within {wait:g}s: {detail}") from None


def cmd_enrich(args: argparse.Namespace) -> int:
    """Print the event of each story in the message (most carry one); a story that cannot
    be read is reported on stderr and makes the exit status 2."""
    from service.enrich import default_enricher
    from service.errors import NewswireError
    from service.formats import numbered, parse_items

    raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    try:
        items = numbered(parse_items(raw, args.format))
    except NewswireError as exc:
        print(f"newswire: {exc.error_type}: {exc.reason}", file=sys.stderr)
        return 2
    failed = 0
    for index, item in items:
        if isinstance(item, NewswireError):
            where = f"story {index + 1} of {len(items)}: " if index is not None else ""
            print(f"newswire: {where}{item.error_type}: {item.reason}", file=sys.stderr)
            failed += 1
            continue
        event = default_enricher().enrich(item)
        sys.stdout.buffer.write(orjson.dumps(event, option=orjson.OPT_INDENT_2) + b"\n")
    return 2 if failed else 0


def cmd_broker(args: argparse.Namespace) -> int:
    from service.broker import EmbeddedBroker
    from service.settings import DEFAULT_BROKER_PORT

    return EmbeddedBroker(port=args.port if args.port is not None else DEFAULT_BROKER_PORT).run_foreground()


def cmd_worker(args: argparse.Namespace) -> int:
    from service.stream.worker import run_worker

    return run_worker(_settings(args), wait=args.wait)


def cmd_replay(args: argparse.Namespace) -> int:
    from service.replay import iter_archives
    from service.stream.replay import replay_offline, replay_to_broker

    settings = _settings(args)
    iter_archives(args.archives)  # every path exists and is of a known kind, before any output
    if args.out:
        summary = replay_offline(args.archives, args.out, settings=settings)
    else:
        reach_broker(settings, args.wait)
        summary = asyncio.run(replay_to_broker(
            args.archives, settings, topic=args.topic or settings.topics.raw,
            rate=args.rate, speed=args.speed))
    print(summary.line(), file=sys.stderr)
    return 0


def cmd_tail(args: argparse.Namespace) -> int:
    from service.stream.tail import tail

    settings = _settings(args)
    reach_broker(settings, args.wait)
    return asyncio.run(tail(args.topic, settings, from_beginning=args.from_beginning,
                            as_json=args.json, max_events=args.max, idle=args.idle))


def cmd_demo(args: argparse.Namespace) -> int:
    from service.demo import run_demo

    return run_demo()


def cmd_model(args: argparse.Namespace) -> int:
    from service.nlp.evaluation import model as evaluate

    if args.model_command == "train":
        from service.nlp.training.train import train

        return train(norne=args.norne, out=args.out, separate_ner=args.separate_ner,
                     pretrain=args.pretrain, lexicon=args.lexicon, augment=args.augment)
    try:
        if args.model_command == "compare":
            scores = evaluate.compare(args.split, args.model_a, args.model_b or evaluate.MODEL_DIR, norne=args.norne)
        else:
            scores = evaluate.evaluate(args.split, norne=args.norne, model=args.model)
    except OSError as exc:  # a missing NorNE or pipeline directory
        print(f"newswire: {exc}", file=sys.stderr)
        return 2
    sys.stdout.buffer.write(orjson.dumps(scores, option=orjson.OPT_INDENT_2) + b"\n")
    return 0


__all__ = ["cmd_enrich", "cmd_broker", "cmd_worker", "cmd_replay", "cmd_tail", "cmd_demo",
           "cmd_model", "bootstrap_servers", "reach_broker"]
