"""Runtime settings, read from the environment once. Topic names and partition counts
are configuration so operators can map newswire onto their own cluster."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_BROKER_PORT = 9092
DEFAULT_BROKER = f"kafka://127.0.0.1:{DEFAULT_BROKER_PORT}"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Topics:
    raw: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_RAW", "ntb.wire.raw"))
    articles: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_ARTICLES", "newswire.internal.articles"))
    enriched: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_ENRICHED", "ntb.wire.enriched"))
    quotes: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_QUOTES", "ntb.wire.quotes"))
    claims: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_CLAIMS", "ntb.wire.claims"))
    dlq: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_DLQ", "ntb.wire.dlq"))
    timeline: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_TIMELINE", "ntb.claims.timeline"))

    def outputs(self) -> list[str]:
        return [self.enriched, self.quotes, self.claims, self.dlq, self.timeline]


@dataclass(frozen=True)
class Settings:
    broker: str = field(default_factory=lambda: _env("NEWSWIRE_BROKER", DEFAULT_BROKER))
    partitions: int = field(default_factory=lambda: int(_env("NEWSWIRE_PARTITIONS", "4")))
    replication: int = field(default_factory=lambda: int(_env("NEWSWIRE_REPLICATION", "1")))
    max_message_bytes: int = field(default_factory=lambda: int(_env("NEWSWIRE_MAX_MESSAGE_BYTES", str(2 * 1024 * 1024))))
    batch_size: int = field(default_factory=lambda: int(_env("NEWSWIRE_BATCH_SIZE", "32")))
    batch_within: float = field(default_factory=lambda: float(_env("NEWSWIRE_BATCH_WITHIN", "0.5")))
    nlp_timeout: float = field(default_factory=lambda: float(_env("NEWSWIRE_NLP_TIMEOUT", "30")))
    topics: Topics = field(default_factory=Topics)


def broker_url(address: str) -> str:
    """Accept ``host:port`` or ``kafka://host:port`` and return Faust's form."""
    return address if "://" in address else f"kafka://{address}"


def bootstrap_servers(address: str) -> str:
    """The ``host:port[,host:port]`` form aiokafka takes."""
    return address.split("://", 1)[-1]
