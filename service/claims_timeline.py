"""Timelines of troop claims per side and theatre, as pure functions over plain dicts.

A table keyed by :func:`timeline_key` keeps one state per timeline;
:func:`next_entry` folds a claim into it and returns the timeline event::

    >>> story = {"uri": "ntb:1", "version": 1, "story_id": "s1",
    ...          "versioncreated": "2024-01-15T12:30:00Z", "index": 0}
    >>> claim = {"value": 90000.0, "min": None, "max": 90000.0, "bound": "upper",
    ...          "side": "Russland", "location": {"canonical": "Ukraina"},
    ...          "claimant": {"canonical": "Ukraina", "type": "country"}}
    >>> timeline_key(claim)
    'Russland|Ukraina'
    >>> state, event = next_entry(None, claim, story)
    >>> event["change"] is None, state["entries"]
    (True, 1)
    >>> later = {**claim, "value": 120000.0, "max": 120000.0,
    ...          "claimant": {"canonical": "NATO", "type": "organisation"}}
    >>> state, event = next_entry(state, later, {**story, "uri": "ntb:2"})
    >>> event["change"], event["disagreement"]
    ({'absolute': 30000.0, 'relative': 0.3333}, True)
    >>> next_entry(state, later, {**story, "uri": "ntb:2"})[1] is None   # a replay
    True

Decisions
    * A claim's point is its ``value``; a range's is the midpoint of
      ``min``/``max``; a one-sided bound's is that bound.
    * The previous claim is the latest one *of the same type* (strength, deployment,
      casualties, ...) in the timeline: a casualty count does not contradict a strength.
    * ``change.relative`` is relative to the previous point;
      ``disagreement`` is set when the two claimants' canonical names differ
      (case-insensitively) and ``|change.relative| > 0.20``.
    * Replay safety: the state remembers ``(uri, version, index)`` of the
      claims it counted (the last :data:`SEEN_LIMIT`); the same triple again
      returns the state unchanged and no event. ``index`` is the claim's index
      in its article version, read from ``story["index"]`` (else
      ``claim["index"]``, else 0).
"""
from __future__ import annotations

from typing import Any

from service.nlp.lang.places import canonical_side, place_of, theatre_for

__all__ = ["DISAGREEMENT", "SEEN_LIMIT", "UNKNOWN", "next_entry", "point_of", "theatre_of",
           "timeline_key"]

UNKNOWN = "unknown"
DISAGREEMENT = 0.20
SEEN_LIMIT = 1000
_SUMMARY_KEYS = ("type", "text", "value", "min", "max", "hedge", "bound", "unit", "side",
                 "modality")


def _canonical(item: Any) -> str | None:
    """The canonical name of a span object (its text only where it has no canonical key)."""
    if isinstance(item, dict):
        item = item.get("canonical") if "canonical" in item else item.get("text")
    if item is None:
        return None
    text = " ".join(str(item).split())
    return text or None


def theatre_of(claim: dict) -> str:
    """Canonical theatre of a claim's location ("Ukraina", "Baltikum"), or "unknown"."""
    place = _canonical(claim.get("location"))
    if place is None:
        return UNKNOWN
    theatre = theatre_for(place)
    if theatre is not None:
        return theatre
    known = place_of(place)
    if known is not None:
        return theatre_for(known.canonical) or known.canonical
    return place[:1].upper() + place[1:]


def timeline_key(claim: dict) -> str:
    """"side|theatre" with both normalised: ``{"side": " russland "}`` -> "Russland|unknown"."""
    side = canonical_side(_canonical(claim.get("side"))) or UNKNOWN
    return f"{side}|{theatre_of(claim)}"


def point_of(claim: dict) -> float | None:
    """The single number a claim stands for (value, range midpoint, or its one bound)."""
    value, low, high = claim.get("value"), claim.get("min"), claim.get("max")
    if value is not None:
        return float(value)
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    bound = low if low is not None else high
    return float(bound) if bound is not None else None


def _summary(claim: dict) -> dict:
    summary = {key: claim.get(key) for key in _SUMMARY_KEYS}
    summary["point"] = point_of(claim)
    summary["location"] = _canonical(claim.get("location"))
    summary["claimant"] = _claimant(claim)
    summary["time"] = _canonical(claim.get("time"))
    return summary


def _claimant(claim: dict) -> dict | None:
    claimant = claim.get("claimant")
    if isinstance(claimant, dict):
        return {"canonical": _canonical(claimant), "type": claimant.get("type")}
    name = _canonical(claimant)
    return {"canonical": name, "type": None} if name else None


def _change(previous: float | None, current: float | None) -> dict | None:
    if previous is None or current is None:
        return None
    absolute = current - previous
    relative = round(absolute / previous, 4) if previous else None
    return {"absolute": absolute, "relative": relative}


def _disagree(before: dict | None, now: dict | None, change: dict | None) -> bool:
    if not before or not now or change is None or change["relative"] is None:
        return False
    names = [(c.get("canonical") or "").casefold() for c in (before, now)]
    return names[0] != names[1] and abs(change["relative"]) > DISAGREEMENT


def _seen_id(claim: dict, story: dict) -> list:
    index = story.get("index", claim.get("index", 0))
    return [story.get("uri"), story.get("version"), index]


def next_entry(previous: dict | None, claim: dict, story: dict) -> tuple[dict, dict | None]:
    """Fold ``claim`` (from ``story``: uri, version, story_id, versioncreated) into a timeline.

    Returns the new state and the timeline event, or the unchanged state and
    None when this uri + version + claim index was counted before.
    """
    seen_id = _seen_id(claim, story)
    seen = list(previous.get("seen", [])) if previous else []
    if seen_id in seen:
        return previous, None  # type: ignore[return-value]
    now = _summary(claim)
    # Compare like with like: casualties with casualties, strength with strength.
    before = (previous.get("latest_by_type") or {}).get(str(now.get("type"))) if previous else None
    change = _change(before.get("point") if before else None, now["point"])
    event = {
        "key": timeline_key(claim),
        "side": timeline_key(claim).split("|", 1)[0],
        "theatre": theatre_of(claim),
        "claim": now,
        "previous": before,
        "change": change,
        "claimants": {"current": now["claimant"], "previous": before["claimant"] if before else None},
        "disagreement": _disagree(before["claimant"] if before else None, now["claimant"], change),
        "story": dict(story),
        "previous_story": previous.get("story") if previous else None,
        "sequence": (previous.get("entries", 0) if previous else 0) + 1,
    }
    state = {
        "key": event["key"],
        "latest": now,
        "latest_by_type": {**((previous or {}).get("latest_by_type") or {}), str(now.get("type")): now},
        "story": dict(story),
        "entries": event["sequence"],
        "seen": (seen + [seen_id])[-SEEN_LIMIT:],
    }
    return state, event
