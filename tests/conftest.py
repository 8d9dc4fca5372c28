"""Shared fixtures: one Kafka-compatible broker for the whole test session.

``broker`` starts the embedded Tansu broker on a free port the first time a test
asks for it, or uses an already-running broker named by ``NEWSWIRE_TEST_BROKER``
(``host:port``). Tests share that broker, so they name their topics with
``unique_topics``.
"""
from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.broker import EmbeddedBroker, run_sync, wait_for_broker
from service.settings import Topics
from tests.shared_data import require_shared


@pytest.fixture(scope="session", autouse=True)
def faust_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Workers started by tests keep their scratch directories in pytest's temp area."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSWIRE_DATA_DIR", str(tmp_path_factory.mktemp("faust-data")))
        yield


@pytest.fixture(scope="session")
def broker() -> Iterator[str]:
    """Bootstrap address (``"127.0.0.1:PORT"``) of the session's broker."""
    external = os.environ.get("NEWSWIRE_TEST_BROKER")
    if external:
        run_sync(lambda: wait_for_broker(external, timeout=30))
        yield external
        return
    embedded = EmbeddedBroker(port=0)
    embedded.start()
    try:
        yield embedded.address
    finally:
        embedded.stop()


class TopicNamer:
    """Per-test topic names: ``namer("raw")`` -> ``"t3f9a1c2e.test_x.raw"``."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def __call__(self, name: str) -> str:
        return f"{self.prefix}.{name}"

    def topics(self) -> Topics:
        """A :class:`~service.settings.Topics` whose names all carry the prefix."""
        return Topics(
            raw=self("raw"), articles=self("articles"), enriched=self("enriched"),
            quotes=self("quotes"), claims=self("claims"), dlq=self("dlq"),
            timeline=self("timeline"), claims_by_theatre=self("claims-by-theatre"),
        )


@pytest.fixture
def unique_topics(request: pytest.FixtureRequest) -> TopicNamer:
    """Topic names unique to this test, safe on the shared broker."""
    test = re.sub(r"[^A-Za-z0-9_-]+", "_", request.node.name)[:60]
    return TopicNamer(f"t{uuid.uuid4().hex[:8]}.{test}")


@pytest.fixture(scope="session")
def norne_dir() -> Path:
    """NorNE's directory (``tests/shared_data.py``: skips without it, fails under CI=true)."""
    return require_shared("norne")


@pytest.fixture(scope="session")
def wire_samples() -> Path:
    """The real wire samples' directory (``files/`` and ``repro/``)."""
    return require_shared("wire-samples")


@pytest.fixture(scope="session")
def nlp():
    """The trained pipeline as the service loads it; fails when the shipped model is missing."""
    from service.nlp.pipeline import BLANK_NAME, load_pipeline

    pipeline = load_pipeline()
    assert pipeline.meta.get("name") != BLANK_NAME, "the trained pipeline (service/models/nb_newswire) is missing"
    return pipeline
