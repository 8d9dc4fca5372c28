"""Runtime settings, read from the environment once. Topic names and partition counts
are configuration so operators can map newswire onto their own cluster."""
from __future__ import annotations

import math
import os
import re
import tempfile
from dataclasses import dataclass, field

DEFAULT_BROKER_PORT = 9092
DEFAULT_BROKER = f"kafka://127.0.0.1:{DEFAULT_BROKER_PORT}"
PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
# The mechanisms that take a user name and password (all newswire passes on).
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
# The raw topic takes 3/4 of the request limit less 64 KiB (see topic_configs).
MIN_REQUEST_BYTES = 128 * 1024
_TOPIC_NAME = re.compile(r"[A-Za-z0-9._-]{1,249}")
_HOST_PORT = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s:/\[\],]+)(?::(?P<port>\d{1,5}))?")


class SettingsError(ValueError):
    """A setting with a value newswire cannot use; the message names the variable, the
    value and what is expected."""


def _bad(name: str, value: str, expected: str) -> SettingsError:
    return SettingsError(f"{name}={value!r}: expected {expected}")


def _env(name: str, default: str) -> str:
    """Unset and empty are the same (compose passes unset variables as empty strings)."""
    return os.environ.get(name) or default


def _optional(name: str) -> str | None:
    """Unset and empty are the same (compose passes unset variables as empty strings)."""
    return os.environ.get(name) or None


def _int(name: str, default: int, minimum: int = 1, unit: str = "") -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < minimum:
        raise _bad(name, raw, f"a whole number{unit} of at least {minimum}")
    return value


def _seconds(name: str, default: float, *, zero_ok: bool) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        raise _bad(name, raw, f"a number of seconds, {'0 or more' if zero_ok else 'more than 0'}")
    return value


def _flag(name: str) -> bool:
    raw = os.environ.get(name, "").strip()
    if raw not in ("", "0", "1"):
        raise _bad(name, raw, "0 or 1")
    return raw == "1"


def _choice(name: str, default: str, allowed: tuple[str, ...]) -> str:
    raw = os.environ.get(name) or default
    if raw.strip().upper() not in allowed:
        raise _bad(name, raw, f"one of {', '.join(allowed)}")
    return raw.strip().upper()


def _topic(name: str, default: str) -> str:
    raw = os.environ.get(name) or default
    if not _TOPIC_NAME.fullmatch(raw) or raw in (".", ".."):
        raise _bad(name, raw, "a Kafka topic name (letters, digits, '.', '_' and '-'; at most 249)")
    return raw


def check_broker_address(address: str) -> str:
    """``address`` if it is ``host[:port][,host[:port]...]``, optionally ``kafka://``-prefixed;
    ValueError saying what is expected otherwise.

    >>> check_broker_address("kafka://a:9092,b:9093")
    'kafka://a:9092,b:9093'
    """
    expected = "host:port, several separated by commas (optionally after kafka://)"
    scheme, sep, rest = address.strip().rpartition("://")
    if sep and scheme.lower() != "kafka":
        raise ValueError(expected)
    items = rest.split(",")
    for item in items:
        match = _HOST_PORT.fullmatch(item.strip())
        if not match or (match["port"] is not None and not 0 < int(match["port"]) < 65536):
            raise ValueError(expected)
    return address.strip()


def _broker(name: str, default: str) -> str:
    raw = os.environ.get(name) or default
    try:
        return check_broker_address(raw)
    except ValueError as exc:
        raise _bad(name, raw, str(exc)) from None


@dataclass(frozen=True)
class Topics:
    raw: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_RAW", "ntb.wire.raw"))
    articles: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_ARTICLES", "newswire.internal.articles"))
    enriched: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_ENRICHED", "ntb.wire.enriched"))
    quotes: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_QUOTES", "ntb.wire.quotes"))
    claims: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_CLAIMS", "ntb.wire.claims"))
    dlq: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_DLQ", "ntb.wire.dlq"))
    timeline: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_TIMELINE", "ntb.claims.timeline"))
    # Claims re-keyed by side|theatre, so each timeline meets its table partition.
    claims_by_theatre: str = field(default_factory=lambda: _topic("NEWSWIRE_TOPIC_CLAIMS_BY_THEATRE",
                                                                "newswire.internal.claims-by-theatre"))

    def outputs(self) -> list[str]:
        return [self.enriched, self.quotes, self.claims, self.dlq, self.timeline]

    def internal(self) -> list[str]:
        return [self.articles, self.claims_by_theatre]


@dataclass(frozen=True)
class Security:
    """Kafka transport security from the environment. The password never appears in
    ``repr``, logs or events."""

    protocol: str = field(default_factory=lambda: _choice("NEWSWIRE_SECURITY_PROTOCOL", "PLAINTEXT", PROTOCOLS))
    sasl_mechanism: str = field(default_factory=lambda: _env("NEWSWIRE_SASL_MECHANISM", "PLAIN").strip().upper())
    sasl_username: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SASL_USERNAME"))
    sasl_password: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SASL_PASSWORD"), repr=False)
    ssl_cafile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_CAFILE"))
    ssl_certfile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_CERTFILE"))
    ssl_keyfile: str | None = field(default_factory=lambda: _optional("NEWSWIRE_SSL_KEYFILE"))

    def __post_init__(self) -> None:
        if self.protocol not in PROTOCOLS:
            raise _bad("NEWSWIRE_SECURITY_PROTOCOL", self.protocol, f"one of {', '.join(PROTOCOLS)}")
        if self.protocol.startswith("SASL"):
            if not (self.sasl_username and self.sasl_password):
                raise SettingsError("SASL needs NEWSWIRE_SASL_USERNAME and NEWSWIRE_SASL_PASSWORD "
                                    f"(NEWSWIRE_SECURITY_PROTOCOL={self.protocol})")
            if self.sasl_mechanism not in SASL_MECHANISMS:
                raise _bad("NEWSWIRE_SASL_MECHANISM", self.sasl_mechanism, f"one of {', '.join(SASL_MECHANISMS)}")
        if "SSL" in self.protocol:
            for name, path in (("NEWSWIRE_SSL_CAFILE", self.ssl_cafile), ("NEWSWIRE_SSL_CERTFILE", self.ssl_certfile),
                               ("NEWSWIRE_SSL_KEYFILE", self.ssl_keyfile)):
                if path is not None and not os.path.isfile(path):
                    raise _bad(name, path, "the path of an existing file")

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
    broker: str = field(default_factory=lambda: _broker("NEWSWIRE_BROKER", DEFAULT_BROKER))
    partitions: int = field(default_factory=lambda: _int("NEWSWIRE_PARTITIONS", 4))
    replication: int = field(default_factory=lambda: _int("NEWSWIRE_REPLICATION", 1))
    max_message_bytes: int = field(default_factory=lambda: _int("NEWSWIRE_MAX_MESSAGE_BYTES", 2 * 1024 * 1024,
                                                                unit=" of bytes"))
    # Largest record newswire produces: a dead letter carries its original base64-encoded,
    # so this must exceed 4/3 of the largest raw message the broker accepts.
    max_request_bytes: int = field(default_factory=lambda: _int("NEWSWIRE_MAX_REQUEST_BYTES", 8 * 1024 * 1024,
                                                                minimum=MIN_REQUEST_BYTES, unit=" of bytes"))
    # Longest body analysed (NTB stories stay far below; a runaway body must not stall a partition).
    max_body_chars: int = field(default_factory=lambda: _int("NEWSWIRE_MAX_BODY_CHARS", 200000, unit=" of characters"))
    batch_size: int = field(default_factory=lambda: _int("NEWSWIRE_BATCH_SIZE", 32))
    batch_within: float = field(default_factory=lambda: _seconds("NEWSWIRE_BATCH_WITHIN", 0.5, zero_ok=True))
    nlp_timeout: float = field(default_factory=lambda: _seconds("NEWSWIRE_NLP_TIMEOUT", 30.0, zero_ok=False))
    # Tansu 0.6 reports a partition's end offset as its last batch's base offset + 1, so
    # Faust's table recovery (which reads up to that offset) would miss records. One record
    # per batch keeps end offsets exact; only for the embedded broker.
    tansu_compat: bool = field(default_factory=lambda: _flag("NEWSWIRE_TANSU_COMPAT"))
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
