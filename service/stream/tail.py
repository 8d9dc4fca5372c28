"""``newswire tail``: follow a topic and print one readable line per event."""
from __future__ import annotations

import asyncio
import sys
import uuid
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer

from service.settings import Settings, bootstrap_servers


MAX_NAMES = 5


def _name(value: Any) -> str | None:
    """The readable name of a span or name object (its canonical name, else its text),
    of a list of them (joined), or of a plain value; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        for key in ("canonical", "name", "literal", "text"):
            if value.get(key):
                return str(value[key])
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(n for n in map(_name, value) if n) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    return str(value)


def _number(value: Any) -> str:
    """100000.0 -> '100,000'; 2.5 -> '2.5'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _entity_names(entities: list[dict[str, Any]]) -> str:
    """Distinct entity names in order of first mention, at most MAX_NAMES of them."""
    names = list(dict.fromkeys(n for n in map(_name, entities) if n))
    if not names:
        return "no entities"
    shown = ", ".join(names[:MAX_NAMES])
    more = f" (+{len(names) - MAX_NAMES} more)" if len(names) > MAX_NAMES else ""
    return f"{_count(len(names), 'name')}: {shown}{more}"


def _describe(event: dict[str, Any]) -> str:
    schema = event.get("schema", "?")
    if schema == "newswire.enriched/1":
        return (f"[{event['story_id']} v{event['version']}] {event.get('headline') or '(no headline)'} — "
                f"{_entity_names(event['entities'])}; {_count(len(event['quotes']), 'quote')}, "
                f"{_count(len(event['claims']), 'claim')}")
    if schema == "newswire.quote/1":
        q = event["quote"]
        speaker = _name(q.get("speaker")) or "?"
        role = f" ({_name(q['role'])})" if _name(q.get("role")) else ""
        return f"[{event['story_id']}] {q['kind']}: «{q['text']}» — {speaker}{role}"
    if schema == "newswire.claim/1":
        c = event["claim"]
        value = _name(c.get("value"))
        if value is None and c.get("min") is not None and c.get("max") is not None:
            value = f"{_number(c['min'])}–{_number(c['max'])}"
        parts = [f"{label} {text}" for label, text in (
            ("value", value), ("side", _name(c.get("side"))),
            ("location", _name(c.get("location"))), ("claimant", _name(c.get("claimant")))) if text]
        return f"[{event['story_id']}] {c['type']}: {c.get('text')}" + (f" ({', '.join(parts)})" if parts else "")
    if schema == "newswire.retraction/1":
        return f"[{event['story_id']} v{event['version']}] RETRACTED {event.get('headline') or event['uri']}"
    if schema == "newswire.timeline/1":
        claim, change = event["claim"], event.get("change") or {}
        kind = f"{claim['type']} " if claim.get("type") else ""
        point = _name(claim.get("point")) or "?"
        who = _name(claim.get("claimant")) or "?"
        delta = f", change {change['absolute']:+,.0f}" if change.get("absolute") is not None else ""
        flag = " DISAGREEMENT" if event.get("disagreement") else ""
        story = _name((event.get("story") or {}).get("story_id"))
        return (f"[{event['key']} #{event['sequence']}] {kind}{point} — {who}{delta}{flag}"
                + (f" ({story})" if story else ""))
    if schema == "newswire.deadletter/1":
        src = event.get("source") or {}
        where = f" {src.get('topic')}/{src.get('partition')}/{src.get('offset')}" if src else ""
        item = event.get("item") if event.get("item") is not None else src.get("item")
        where += f", item {item}" if item is not None else ""
        return f"[dead letter{where}] {event['error_type']}: {event['reason']}"
    return orjson.dumps(event).decode()


def describe(event: Any) -> str:
    """One human line for any newswire event: names, never Python reprs. An event that
    does not have its schema's shape is printed as its JSON."""
    try:
        return " ".join(_describe(event).split())
    except (KeyError, TypeError, ValueError, AttributeError):
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
                except (orjson.JSONDecodeError, TypeError):  # not JSON, or a record without a value
                    text = (message.value or b"")[:200].decode("utf-8", "replace")
                    line = "(not JSON) " + " ".join(text.split())
                print(line, flush=True)
                seen += 1
    except asyncio.CancelledError:
        pass
    finally:
        await consumer.stop()
    print(f"{seen} events on {topic}", file=sys.stderr)
    return 0
