"""newswire: NTB's raw news wire in, structured events out.

>>> from service import enrich_text
>>> event = enrich_text("NTB\\n\\nRegn i Bergen\\n\\nDet regner i Bergen, sier meteorologen.")
>>> event["schema"], event["headline"]
('newswire.enriched/1', 'Regn i Bergen')
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["enrich_text", "__version__"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that light modules (settings, broker) do not load spaCy.
    if name == "enrich_text":
        from service.enrich import enrich_text

        return enrich_text
    raise AttributeError(f"module 'service' has no attribute {name!r}")
