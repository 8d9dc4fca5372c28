import logging

from service.stream.outage import OutageLog


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(message: str, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord("aiokafka.conn", level, __file__, 1, message, None, None)


def test_one_line_per_outage_a_reminder_and_recovery(caplog):
    clock = Clock()
    outage = OutageLog(clock)
    error = "Unable connect to node with id 1: [Errno 111] Connect call failed ('127.0.0.1', 9092)"
    with caplog.at_level(logging.WARNING, logger="newswire.broker"):
        passed = []
        for _ in range(50):
            clock.now += 0.2
            passed.append(outage.filter(record(error)))
        clock.now += 60
        outage.filter(record(error))
        outage.tick()  # errors are still recent: no recovery yet
        clock.now += 11
        outage.tick()
    assert not any(passed)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert lines[0].startswith("Kafka broker unreachable (Unable connect to node")
    assert lines[1].startswith("Kafka broker still unreachable after 70 s (50 connection errors)")
    assert lines[2].startswith("Kafka broker reachable again after 70 s")


def test_other_records_pass_untouched():
    outage = OutageLog(Clock())
    assert outage.filter(record("Joined group 'x'", logging.INFO))
    assert outage.filter(record("Topic metadata for x is missing", logging.WARNING))
