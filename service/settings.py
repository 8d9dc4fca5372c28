"""Runtime settings, read from the environment once. Topic names and partition counts
are configuration so operators can map newswire onto their own cluster."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field

DEFAULT_BROKER_PORT = 9092
DEFAULT_BROKER = f"kafka://127.0.0.1:{DEFAULT_BROKER_PORT}"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _optional(name: str) -> str | None:
    """Unset and empty are the same (compose passes unset variables as empty strings)."""
    return os.environ.get(name) or None


@dataclass(frozen=True)
class Topics:
    raw: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_RAW", "ntb.wire.raw"))
    articles: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_ARTICLES", "newswire.internal.articles"))
    enriched: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_ENRICHED", "ntb.wire.enriched"))
    quotes: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_QUOTES", "ntb.wire.quotes"))
    claims: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_CLAIMS", "ntb.wire.claims"))
    dlq: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_DLQ", "ntb.wire.dlq"))
    timeline: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_TIMELINE", "ntb.claims.timeline"))
    # Claims re-keyed by side|theatre, so each timeline meets its table partition.
    claims_by_theatre: str = field(default_factory=lambda: _env("NEWSWIRE_TOPIC_CLAIMS_BY_THEATRE",
                                                                "newswire.internal.claims-by-theatre"))

    def outputs(self) -> list[str]:
        return [self.enriched, self.quotes, self.claims, self.dlq, self.timeline]

    def internal(self) -> list[str]:
        return [self.articles, self.claims_by_theatre]


@dataclass(frozen=True)
class Security:
    """Kafka transport security from the environment. The password never appears in
    ``repr``, logs or events."""

    protocol: str = field(default_factory=lambda: _env("NEWSWIRE_SECURITY_PROTOCOL", "PLAINTEXT").upper())
    sasl_mechanism: str = field(default_factory=lambda: _env("NEWSWIRE_SASL_MECHANISM", "PLAIN").upper())
    sasl_username: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SASL_USERNAME"))
    sasl_password: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SASL_PASSWORD"), repr=False)
    ssl_cafile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_CAFILE"))
    ssl_certfile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_CERTFILE"))
    ssl_keyfile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_KEYFILE"))

    def __post_init__(self) -> None:
        allowed = {"PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"}
        if self.protocol not in allowed:
            raise ValueError(f"NEWSWIRE_SECURITY_PROTOCOL must be one of {sorted(allowed)}, not {self.protocol!r}")
        if self.protocol.startswith("SASL") and not (self.sasl_username and self.sasl_password):
            raise ValueError("SASL needs NEWSWIRE_SASL_USERNAME and NEWSWIRE_SASL_PASSWORD")

    def ssl_context(self):  # noqa: ANN201
        if "SSL" not in self.protocol:
            return None
        from aiokafka.helpers import create_ssl_context

        return create_ssl_context(cafile=self.ssl_cafile, certfile=self.ssl_certfile, keyfile=self.ssl_keyfile)

    def aiokafka_kwargs(self) -> dict:
        """Keyword arguments for aiokafka producers, consumers and admin clients."""
        if self.protocol == "PLAINTEXT":
            return {}
        kwargs: dict = {"security_protocol": self.protocol, "ssl_context": self.ssl_context()}
        if self.protocol.startswith("SASL"):
            kwargs.update(sasl_mechanism=self.sasl_mechanism, sasl_plain_username=self.sasl_username,
                          sasl_plain_password=self.sasl_password)
        return kwargs

    def faust_kwargs(self) -> dict:
        """``broker_credentials`` for faust.App, or nothing for PLAINTEXT."""
        if self.protocol == "PLAINTEXT":
            return {}
        import faust

        if self.protocol == "SSL":
            return {"broker_credentials": faust.SSLCredentials(self.ssl_context())}
        return {"broker_credentials": faust.SASLCredentials(
            username=self.sasl_username, password=self.sasl_password, mechanism=self.sasl_mechanism,
            ssl_context=self.ssl_context())}


@dataclass(frozen=True)
class Settings:
    app_id: str = field(default_factory=lambda: _env("NEWSWIRE_APP_ID", "newswire"))
    broker: str = field(default_factory=lambda: _env("NEWSWIRE_BROKER", DEFAULT_BROKER))
    partitions: int = field(default_factory=lambda: int(_env("NEWSWIRE_PARTITIONS", "4")))
    replication: int = field(default_factory=lambda: int(_env("NEWSWIRE_REPLICATION", "1")))
    max_message_bytes: int = field(default_factory=lambda: int(_env("NEWSWIRE_MAX_MESSAGE_BYTES", str(2 * 1024 * 1024))))
    # Largest record newswire produces: a dead letter carries its original base64-encoded,
    # so this must exceed 4/3 of the largest raw message the broker accepts.
    max_request_bytes: int = field(default_factory=lambda: int(_env("NEWSWIRE_MAX_REQUEST_BYTES", str(8 * 1024 * 1024))))
    # Longest body analysed (NTB stories stay far below; a runaway body must not stall a partition).
    max_body_chars: int = field(default_factory=lambda: int(_env("NEWSWIRE_MAX_BODY_CHARS", "200000")))
    batch_size: int = field(default_factory=lambda: int(_env("NEWSWIRE_BATCH_SIZE", "32")))
    batch_within: float = field(default_factory=lambda: float(_env("NEWSWIRE_BATCH_WITHIN", "0.5")))
    nlp_timeout: float = field(default_factory=lambda: float(_env("NEWSWIRE_NLP_TIMEOUT", "30")))
    # Tansu 0.6 reports a partition's end offset as its last batch's base offset + 1, so
    # Faust's table recovery (which reads up to that offset) would miss records. One record
    # per batch keeps end offsets exact; only for the embedded broker.
    tansu_compat: bool = field(default_factory=lambda: _env("NEWSWIRE_TANSU_COMPAT", "0") == "1")
    # Faust's working directory. Tables live in memory and are rebuilt from their changelogs,
    # so nothing here needs to outlive the process; kept out of the current directory.
    data_dir: str = field(default_factory=lambda: _env(
        "NEWSWIRE_DATA_DIR", os.path.join(tempfile.gettempdir(), "newswire-data")))
    topics: Topics = field(default_factory=Topics)
    security: Security = field(default_factory=Security)

    def to_env(self) -> dict[str, str]:
        """The environment that makes a child process read these same settings."""
        t = self.topics
        return {
            "NEWSWIRE_APP_ID": self.app_id, "NEWSWIRE_BROKER": self.broker,
            "NEWSWIRE_PARTITIONS": str(self.partitions), "NEWSWIRE_REPLICATION": str(self.replication),
            "NEWSWIRE_MAX_MESSAGE_BYTES": str(self.max_message_bytes),
            "NEWSWIRE_MAX_BODY_CHARS": str(self.max_body_chars),
            "NEWSWIRE_MAX_REQUEST_BYTES": str(self.max_request_bytes),
            "NEWSWIRE_BATCH_SIZE": str(self.batch_size), "NEWSWIRE_BATCH_WITHIN": str(self.batch_within),
            "NEWSWIRE_NLP_TIMEOUT": str(self.nlp_timeout),
            "NEWSWIRE_TANSU_COMPAT": "1" if self.tansu_compat else "0",
            "NEWSWIRE_DATA_DIR": self.data_dir,
            "NEWSWIRE_TOPIC_RAW": t.raw, "NEWSWIRE_TOPIC_ARTICLES": t.articles,
            "NEWSWIRE_TOPIC_ENRICHED": t.enriched, "NEWSWIRE_TOPIC_QUOTES": t.quotes,
            "NEWSWIRE_TOPIC_CLAIMS": t.claims, "NEWSWIRE_TOPIC_DLQ": t.dlq,
            "NEWSWIRE_TOPIC_TIMELINE": t.timeline, "NEWSWIRE_TOPIC_CLAIMS_BY_THEATRE": t.claims_by_theatre,
        }


def topic_configs(settings: Settings) -> dict[str, dict[str, str]]:
    """Topic-level settings at creation: output topics take records up to the producer's limit."""
    limit = {"max.message.bytes": str(settings.max_request_bytes)}
    configs = {name: limit for name in [*settings.topics.internal(), *settings.topics.outputs()]}
    # Every raw message must still fit base64-encoded into a dead letter.
    configs[settings.topics.raw] = {"max.message.bytes": str(settings.max_request_bytes * 3 // 4 - 65536)}
    return configs


def producer_batch_bytes(settings: Settings) -> int:
    """aiokafka's ``max_batch_size``: 1 makes every record a batch of its own."""
    return 1 if settings.tansu_compat else 16384


def broker_url(address: str) -> str:
    """Accept ``host:port`` or ``kafka://host:port`` and return Faust's form."""
    return address if "://" in address else f"kafka://{address}"


def bootstrap_servers(address: str) -> str:
    """The ``host:port[,host:port]`` form aiokafka takes."""
    return address.split("://", 1)[-1]
