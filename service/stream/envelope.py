"""The internal record between the ingest and enrich agents: the parsed article, the
original bytes (so a later failure can still dead-letter them) and where they came from."""
from __future__ import annotations

import base64
import dataclasses
from typing import Any

import orjson

from service.article import Article
from service.events import Source


def pack(article: Article, payload: bytes, source: Source) -> bytes:
    return orjson.dumps({
        "article": dataclasses.asdict(article),
        "original_base64": base64.b64encode(payload).decode("ascii"),
        "source": source.as_dict(),
    })


def unpack(data: bytes) -> tuple[Article, bytes, Source]:
    record: dict[str, Any] = orjson.loads(data)
    fields = record["article"]
    fields["subjects"] = tuple(fields.get("subjects", ()))
    fields["signals"] = tuple(fields.get("signals", ()))
    return Article(**fields), base64.b64decode(record["original_base64"]), Source(**record["source"])
