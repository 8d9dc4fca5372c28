"""Dead letters: Faust has none, so every failure path ends here with the original bytes."""
from __future__ import annotations

import logging

import orjson
from faust.types import TopicT

from service.errors import NewswireError
from service.events import Source, build_deadletter

log = logging.getLogger(__name__)


async def send_deadletter(
    topic: TopicT,
    payload: bytes,
    error: BaseException,
    source: Source | None,
    *,
    uri: str | None = None,
    version: int | None = None,
) -> dict:
    """Publish one dead letter (key: the source uri when known) and return it."""
    if isinstance(error, NewswireError):
        error_type, reason = error.error_type, error.reason
    else:  # an unexpected bug must still not lose the message
        error_type, reason = type(error).__name__, f"unexpected error: {error!r}"
    event = build_deadletter(payload, error_type=error_type, reason=reason, source=source,
                             uri=uri, version=version,
                             item=source.item if source else None)
    log.warning("dead-lettered %s: %s: %s", event["source"], error_type, reason)
    await topic.send(key=(uri or event["event_id"]).encode(), value=orjson.dumps(event))
    return event
