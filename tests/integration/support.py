"""Helpers shared by the integration tests: worker processes, draining, a TCP proxy
that can cut the worker off from the broker."""
from __future__ import annotations

import asyncio
import socket
import threading
import time

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from service.settings import Settings
from service.stream.replay import send_payloads


async def committed_behind(settings: Settings) -> dict[TopicPartition, int]:
    """Records of the worker's input and internal topics its group has not committed yet."""
    # A non-joining consumer in the worker's group reads the committed offsets.
    probe = AIOKafkaConsumer(bootstrap_servers=settings.broker, group_id=settings.app_id,
                             enable_auto_commit=False)
    await probe.start()
    try:
        tps = [TopicPartition(t, p) for t in (settings.topics.raw, *settings.topics.internal())
               for p in range(settings.partitions)]
        ends = await probe.end_offsets(tps)
        behind = {}
        for tp in tps:
            committed = await probe.committed(tp) or 0
            if ends[tp] > committed:
                behind[tp] = ends[tp] - committed
        return behind
    finally:
        await probe.stop()


async def drained(settings: Settings, timeout: float = 120.0) -> None:
    """Wait until the worker's group has committed every raw and article offset."""
    deadline = time.monotonic() + timeout
    while behind := await committed_behind(settings):
        assert time.monotonic() < deadline, f"worker did not drain: {behind}"
        await asyncio.sleep(0.5)


async def produce(settings: Settings, payloads: list[bytes]) -> None:
    await send_payloads(settings, settings.topics.raw, payloads)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CuttableProxy:
    """A loopback TCP proxy in a thread; ``cut()`` drops every connection and refuses
    new ones until ``restore()``, as a broker outage looks to a client."""

    def __init__(self, listen_port: int, target_port: int) -> None:
        self.listen_port = listen_port
        self.target_port = target_port
        self.loop = asyncio.new_event_loop()
        self.server: asyncio.AbstractServer | None = None
        self.writers: set[asyncio.StreamWriter] = set()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> "CuttableProxy":
        self.thread.start()
        self._call(self._listen())
        return self

    def __exit__(self, *exc: object) -> None:
        self._call(self._close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def cut(self) -> None:
        self._call(self._close())

    def restore(self) -> None:
        self._call(self._listen())

    def _call(self, coro) -> None:  # noqa: ANN001
        asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.listen_port,
                                                 reuse_address=True)

    async def _close(self) -> None:
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            broker_r, broker_w = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_w.transport.abort()
            return
        self.writers |= {client_w, broker_w}

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, asyncio.CancelledError):
                pass
            finally:
                writer.transport.abort()

        await asyncio.gather(pipe(client_r, broker_w), pipe(broker_r, client_w))


def drain_with_worker(settings: Settings, log: str, timeout: float = 150.0) -> None:
    """Run one worker until the group has committed everything, then stop it.

    No restart is allowed: a worker restarted after a crash used to stop committing
    some partitions after Faust's table recovery (see service/stream/faust_patches.py).
    """
    from service.demo import start_worker, stop_worker

    worker = start_worker(settings, log)
    try:
        asyncio.run(drained(settings, timeout=timeout))
    finally:
        assert stop_worker(worker) == 0
