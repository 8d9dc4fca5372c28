"""Start-up of the worker process: wait for the broker, create topics, load the model,
then hand over to Faust (which handles SIGTERM/SIGINT with a graceful stop)."""
from __future__ import annotations

import asyncio
import logging
import signal
import sys

import faust

from service.settings import Settings, bootstrap_servers, topic_configs

log = logging.getLogger("newswire.worker")


async def prepare_broker(settings: Settings, wait: float) -> None:
    from service.broker import ensure_topics, wait_for_broker

    bootstrap = bootstrap_servers(settings.broker)
    await wait_for_broker(bootstrap, timeout=wait, log=log, **settings.security.aiokafka_kwargs())
    topics = settings.topics
    await ensure_topics(bootstrap, [topics.raw, *topics.internal(), *topics.outputs()],
                        partitions=settings.partitions, replication=settings.replication,
                        configs=topic_configs(settings), **settings.security.aiokafka_kwargs())


def run_worker(settings: Settings, *, wait: float = 300.0) -> int:
    from service.nlp.pipeline import load_pipeline, model_identity
    from service.stream.app import create_app

    # Until Faust installs its own handlers, a stop request ends start-up cleanly.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    asyncio.run(prepare_broker(settings, wait))
    nlp = load_pipeline()  # load before joining the group: a slow load must not miss heartbeats
    log.info("model %s %s loaded; starting worker on %s", *model_identity(nlp), settings.broker)
    app = create_app(settings)
    worker = faust.Worker(app, loglevel="INFO", quiet=True, redirect_stdouts=False)
    worker.execute_from_commandline()
    return 0
