"""Validation of events against the JSON Schemas in schemas/ (shared by tests)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
BY_SCHEMA = {
    "newswire.enriched/1": "enriched.v1.json",
    "newswire.quote/1": "quote.v1.json",
    "newswire.claim/1": "claim.v1.json",
    "newswire.retraction/1": "retraction.v1.json",
    "newswire.deadletter/1": "deadletter.v1.json",
    "newswire.timeline/1": "timeline.v1.json",
}


@lru_cache(maxsize=None)
def validator(filename: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / filename).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def validate_event(event: dict) -> None:
    """Raise jsonschema.ValidationError unless ``event`` matches its own schema."""
    validator(BY_SCHEMA[event["schema"]]).validate(event)


def assert_offsets(event: dict) -> None:
    """Every start/end in an enriched event slices body_text to its text."""
    body = event["body_text"]

    def check(span: dict | None) -> None:
        if span and "start" in span:
            assert body[span["start"]:span["end"]] == span["text"], span

    for entity in event["entities"]:
        check(entity)
    for quote in event["quotes"]:
        check(quote)
        check(quote.get("speaker"))
        check(quote.get("cue"))
    for claim in event["claims"]:
        check(claim)
        for key in ("claimant", "cue", "location", "time"):
            value = claim.get(key)
            if isinstance(value, dict):
                check(value)
