"""Explicit topic creation.

Topics are created up front with a known partition count rather than left to broker
auto-creation (which picks the broker's default count and breaks co-partitioning).
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from service.settings import Topics, bootstrap_servers
from service.syncio import run_sync

__all__ = ["TopicSetupError", "all_topic_names", "ensure_topics", "ensure_topics_sync"]

logger = logging.getLogger(__name__)


class TopicSetupError(RuntimeError):
    """A topic could not be created, or did not show up in metadata in time."""


def all_topic_names(topics: Topics | None = None) -> list[str]:
    """Every topic newswire reads and writes, input first."""
    t = topics or Topics()
    return [t.raw, *t.internal(), *t.outputs()]


def _check_create_response(response: Any) -> list[str]:
    """Return the topics this request created; raise for any per-topic error other
    than "already exists" (another client won the race)."""
    created, failures = [], []
    for entry in response.topic_errors:
        name, code = entry[0], entry[1]
        message = entry[2] if len(entry) > 2 else None
        if code == 0:
            created.append(name)
            continue
        if code == TopicAlreadyExistsError.errno:
            continue
        error = for_code(code)
        failures.append(f"{name}: {error.__name__} (code {code}){': ' + message if message else ''}")
    if failures:
        raise TopicSetupError("cannot create topics: " + "; ".join(failures))
    return created


async def ensure_topics(
    bootstrap: str,
    names: list[str],
    partitions: int,
    replication: int = 1,
    *,
    timeout: float = 30.0,
    configs: dict[str, dict[str, str]] | None = None,
    **client_options: Any,
) -> list[str]:
    """Create the topics in ``names`` that do not exist yet; return the created ones.

    ``configs`` maps a topic name to topic-level settings for its creation
    (e.g. ``{"max.message.bytes": "8388608"}``).

    ``client_options`` go to aiokafka's admin client (``security_protocol``,
    ``ssl_context``, ``sasl_*``: see ``Security.aiokafka_kwargs``).

    Existing topics are left alone (a differing partition count is logged as a
    warning, not changed). Returns once metadata lists every name with at least one
    partition; raises :class:`TopicSetupError` on a broker error or after
    ``timeout`` seconds.
    """
    if partitions < 1 or replication < 1:
        raise ValueError("partitions and replication must be at least 1")
    wanted = list(dict.fromkeys(names))
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers(bootstrap).split(","),
        request_timeout_ms=max(1000, int(timeout * 1000)),
        **client_options,
    )
    deadline = time.monotonic() + timeout
    created: list[str] = []
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        if missing:
            response = await admin.create_topics(
                [NewTopic(n, partitions, replication, topic_configs=(configs or {}).get(n, {}))
                 for n in missing],
                timeout_ms=max(1000, int(timeout * 1000)),
            )
            created = _check_create_response(response)
            if created:
                logger.info("created topics %s with %d partition(s)", ", ".join(created), partitions)
        counts = await _wait_visible(admin, wanted, deadline)
    finally:
        await admin.close()
    for name in wanted:
        if name not in created and counts[name] != partitions:
            logger.warning(
                "topic %s already exists with %d partition(s), not the %d asked for; left as is",
                name, counts[name], partitions,
            )
    return created


async def _wait_visible(admin: AIOKafkaAdminClient, names: list[str], deadline: float) -> dict[str, int]:
    """Poll metadata until every topic is listed with partitions; return their counts."""
    while True:
        # List first: a metadata request naming a missing topic may auto-create it.
        listed = set(await admin.list_topics())
        present = [n for n in names if n in listed]
        counts: dict[str, int] = {}
        if present:
            for entry in await admin.describe_topics(present):
                if entry.get("error_code", 0) == 0 and entry.get("partitions"):
                    counts[entry["topic"]] = len(entry["partitions"])
        pending = [n for n in names if n not in counts]
        if not pending:
            return counts
        if time.monotonic() >= deadline:
            raise TopicSetupError(f"topics not visible in metadata in time: {', '.join(pending)}")
        await asyncio.sleep(0.1)


def ensure_topics_sync(
    bootstrap: str,
    names: list[str],
    partitions: int,
    replication: int = 1,
    *,
    timeout: float = 30.0,
    **client_options: Any,
) -> list[str]:
    """Blocking form of :func:`ensure_topics` (usable inside a running event loop too)."""

    return run_sync(
        lambda: ensure_topics(bootstrap, names, partitions, replication, timeout=timeout, **client_options)
    )
