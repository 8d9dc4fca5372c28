"""The Faust app keeps its scratch directory where the settings say, never in the
directory the worker (or a test) was started from."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from service.settings import Settings
from service.stream.app import create_app


def test_the_app_writes_its_data_dir_under_the_configured_place(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    started_in = tmp_path / "cwd"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    settings = replace(Settings(), app_id="newswire-scratch", data_dir=str(tmp_path / "scratch"))

    app = create_app(settings)
    app._create_directories()  # what Faust does as the worker starts
    appdir = Path(app.conf.appdir)

    assert appdir.is_dir()
    assert appdir.is_relative_to(tmp_path / "scratch" / "newswire-scratch")
    assert list(started_in.iterdir()) == []


def test_the_data_dir_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSWIRE_DATA_DIR", str(tmp_path))
    settings = Settings()
    assert settings.data_dir == str(tmp_path)
    assert settings.to_env()["NEWSWIRE_DATA_DIR"] == str(tmp_path)
