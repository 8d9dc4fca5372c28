"""The internal record between the ingest and enrich agents: the original bytes as the
value (so a later failure can still dead-letter them, and nothing is duplicated) and
where they came from as headers. The enrich agent parses the bytes again; parsing is
cheap next to NLP and keeps the record as small as the message."""
from __future__ import annotations

from typing import Iterable, Mapping

from service.events import Source

_TOPIC, _PARTITION, _OFFSET = "newswire-source-topic", "newswire-source-partition", "newswire-source-offset"
# Which story of a message that carries several (a NewsML-G2 newsMessage) this record is.
_ITEM = "newswire-item"


def source_headers(source: Source) -> dict[str, bytes]:
    headers = {_TOPIC: source.topic.encode(), _PARTITION: str(source.partition).encode(),
               _OFFSET: str(source.offset).encode()}
    if source.item is not None:
        headers[_ITEM] = str(source.item).encode()
    return headers


def source_from_headers(headers: Mapping[str, bytes] | Iterable[tuple[str, bytes]] | None) -> Source:
    found = dict(headers or {})
    item = found.get(_ITEM)
    return Source(found[_TOPIC].decode(), int(found[_PARTITION]), int(found[_OFFSET]),
                  int(item) if item is not None else None)
