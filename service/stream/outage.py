"""One clear log line per broker outage instead of a storm.

While the broker is unreachable, aiokafka logs a connection error for every retry
(several a second). :class:`OutageLog` lets the first through, reworded, suppresses
the rest, reminds once a minute, and says when errors have stopped.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Callable

CONNECTION_TROUBLE = re.compile(
    r"Unable connect to node|Connect call failed|Connection at .* closed|KafkaConnectionError|"
    r"NodeNotReady|Unable to update metadata|Failed fetch messages|Heartbeat failed|"
    r"OffsetCommit failed|Coordinator .* (dead|unavailable)|Marking the coordinator dead|"
    r"Unable to request metadata|Got error produce response", re.IGNORECASE)
REMIND_EVERY = 60.0
QUIET_BEFORE_RECOVERED = 10.0


class OutageLog(logging.Filter):
    """A filter for aiokafka's loggers; call :meth:`tick` periodically to report recovery."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self.started: float | None = None
        self.last_error = 0.0
        self.last_reminder = 0.0
        self.suppressed = 0
        self.log = logging.getLogger("newswire.broker")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not CONNECTION_TROUBLE.search(record.getMessage()):
            return True
        now = self.clock()
        self.last_error = now
        if self.started is None:
            self.started = self.last_reminder = now
            self.log.warning("Kafka broker unreachable (%s); retrying until it is back, further "
                             "connection errors are summarised", _brief(record.getMessage()))
            return False
        self.suppressed += 1
        if now - self.last_reminder >= REMIND_EVERY:
            self.last_reminder = now
            self.log.warning("Kafka broker still unreachable after %.0f s (%d connection errors)",
                             now - self.started, self.suppressed)
        return False

    def tick(self) -> None:
        """Report recovery once no connection error has been seen for a while."""
        if self.started is not None and self.clock() - self.last_error >= QUIET_BEFORE_RECOVERED:
            self.log.warning("Kafka broker reachable again after %.0f s (%d connection errors)",
                             self.last_error - self.started, self.suppressed)
            self.started = None
            self.suppressed = 0

    def install(self) -> "OutageLog":
        """Attach to every aiokafka logger (filters do not apply to child loggers' records)."""
        for name in list(logging.root.manager.loggerDict):
            if name == "aiokafka" or name.startswith("aiokafka."):
                logging.getLogger(name).addFilter(self)
        return self


def _brief(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."
