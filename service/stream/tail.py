"""``newswire tail``: follow a topic and print one readable line per event."""
from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from service.settings import Settings, bootstrap_servers


def describe(event: dict[str, Any]) -> str:
    """One human line for any newswire event."""
    schema = event.get("schema", "?")
    if schema == "newswire.enriched/1":
        return (f"[{event['story_id']} v{event['version']}] {event.get('headline') or '(no headline)'} — "
                f"{len(event['entities'])} entities, {len(event['quotes'])} quotes, {len(event['claims'])} claims")
    if schema == "newswire.quote/1":
        q = event["quote"]
        speaker = (q.get("speaker") or {}).get("canonical") or "?"
        return f"[{event['story_id']}] {q['kind']}: «{q['text']}» — {speaker}"
    if schema == "newswire.claim/1":
        c = event["claim"]
        return (f"[{event['story_id']}] {c['type']}: {c.get('text')} "
                f"(value={c.get('value')}, side={c.get('side')}, claimant={c.get('claimant')})")
    if schema == "newswire.retraction/1":
        return f"[{event['story_id']} v{event['version']}] RETRACTED {event.get('headline') or event['uri']}"
    if schema == "newswire.timeline/1":
        claim, change = event["claim"], event.get("change") or {}
        who = (claim.get("claimant") or {}).get("canonical") or "?"
        delta = f", change {change['absolute']:+,.0f}" if change.get("absolute") is not None else ""
        flag = " DISAGREEMENT" if event.get("disagreement") else ""
        return f"[{event['key']} #{event['sequence']}] {claim.get('point')} ({who}){delta}{flag}"
    if schema == "newswire.deadletter/1":
        src = event.get("source") or {}
        return (f"[dead letter {src.get('topic')}/{src.get('partition')}/{src.get('offset')}] "
                f"{event['error_type']}: {event['reason']}")
    return orjson.dumps(event).decode()


async def tail(topic: str, settings: Settings, *, from_beginning: bool = False, as_json: bool = False,
               max_events: int | None = None, idle: float | None = None) -> int:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap_servers(settings.broker),
        group_id=f"newswire-tail-{uuid.uuid4().hex[:8]}", enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        **settings.security.aiokafka_kwargs())
    await consumer.start()
    seen = 0
    try:
        while max_events is None or seen < max_events:
            batch = await consumer.getmany(timeout_ms=int((idle or 1.0) * 1000))
            messages = [m for records in batch.values() for m in records]
            if not messages and idle is not None:
                break
            for message in messages[: None if max_events is None else max_events - seen]:
                try:
                    event = orjson.loads(message.value)
                    line = orjson.dumps(event).decode() if as_json else describe(event)
                except orjson.JSONDecodeError:
                    line = repr(message.value[:200])
                print(line, flush=True)
                seen += 1
    except asyncio.CancelledError:
        pass
    finally:
        await consumer.stop()
    print(f"{seen} events on {topic}", file=sys.stderr)
    return 0
