"""One error type per failure class. Each carries a reason a person can act on; the
dead-letter event stores that reason next to the original bytes."""
from __future__ import annotations


class NewswireError(Exception):
    """Base of every error that sends a message to the dead-letter topic."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def error_type(self) -> str:
        return type(self).__name__


class WireFormatError(NewswireError):
    """A message that cannot be parsed as any supported wire format.

    ``fmt`` names the format tried (or ``"auto"``), ``where`` points at the place
    (an element path, a JSON key, a line number) when one is known.
    """

    def __init__(self, reason: str, *, fmt: str = "auto", where: str | None = None) -> None:
        self.fmt = fmt
        self.where = where
        text = f"{fmt}: {reason}" + (f" (at {where})" if where else "")
        super().__init__(text)


class OversizeMessage(NewswireError):
    """A message larger than the configured maximum; it is not parsed at all."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"message is {size} bytes, over the {limit}-byte limit")


class OversizeBody(NewswireError):
    """A body longer than the configured maximum for analysis; it is not analysed."""

    def __init__(self, chars: int, limit: int) -> None:
        self.chars = chars
        self.limit = limit
        super().__init__(f"body is {chars} characters, over the {limit}-character analysis limit")


class StaleVersion(NewswireError):
    """An older version of a story arriving after a newer one was published."""


class EnrichmentError(NewswireError):
    """The NLP pipeline failed or timed out on one message."""
