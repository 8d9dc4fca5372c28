"""The `newswire` command line fails with one line on stderr and a non-zero exit status,
never a traceback: missing and unreadable files, broken archives, bad settings, a broker
that does not answer. Exit status 2 is bad input, 3 the broker, 1 an unexpected error."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service import commands
from service.cli import main
from service.samples import SAMPLE_ARCHIVE, sample_paths, write_bundle


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def one_line(stderr: str) -> str:
    """The single line a failure prints, checked to be that and nothing else."""
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("newswire: "), stderr
    return lines[0]


def unused_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- files


def test_enrich_a_missing_file(tmp_path: Path) -> None:
    done = run_cli("enrich", str(tmp_path / "nofile.xml"))
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert "nofile.xml" in line and "No such file or directory" in line


def test_enrich_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["enrich", str(tmp_path)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(tmp_path) in line and "Is a directory" in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_enrich_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.xml"
    story.write_bytes(sample_paths()[0].read_bytes())
    story.chmod(0)
    assert main(["enrich", str(story)]) == 2
    assert "Permission denied" in one_line(capsys.readouterr().err)


def test_a_file_the_os_refuses_to_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """As above, for any user: the operating system's refusal, simulated."""
    story = tmp_path / "story.xml"
    story.write_bytes(sample_paths()[0].read_bytes())
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == story:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["enrich", str(story)]) == 2
    assert one_line(capsys.readouterr().err) == f"newswire: {story}: Permission denied"
    assert main(["replay", str(story), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert one_line(capsys.readouterr().err) == f"newswire: {story}: cannot read: Permission denied"


def test_replay_a_missing_directory_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    done = run_cli("replay", str(tmp_path / "nodir"), "--out", str(out))
    assert done.returncode == 2
    assert "nodir: no such file or directory" in one_line(done.stderr)
    assert not out.exists()


def test_replay_a_missing_archive_is_reported_before_the_broker_is_tried(tmp_path: Path) -> None:
    started = time.monotonic()
    done = run_cli("replay", str(tmp_path / "missing.tar.gz"), "--broker", f"127.0.0.1:{unused_port()}")
    assert done.returncode == 2
    assert "missing.tar.gz: no such file or directory" in one_line(done.stderr)
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("name,kind", [("broken.tar.gz", "tar"), ("broken.tgz", "tar"), ("broken.tar", "tar"),
                                       ("broken.zip", "zip")])
def test_replay_an_archive_that_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           name: str, kind: str) -> None:
    archive = tmp_path / name
    archive.write_bytes(b"this is not an archive\n" * 40)
    assert main(["replay", str(archive), "--out", str(tmp_path / "x.jsonl")]) == 2
    line = one_line(capsys.readouterr().err)
    assert name in line and f"cannot read {kind} archive" in line


def test_replay_a_truncated_tar_gz(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(write_bundle(tmp_path, "tar.gz").read_bytes()[:3000])
    assert main(["replay", str(truncated), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "truncated.tar.gz: cannot read tar archive" in one_line(capsys.readouterr().err)


def test_replay_an_unknown_kind_of_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "wire.rar"
    archive.write_bytes(b"x")
    assert main(["replay", str(archive), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "wire.rar: unknown archive kind" in one_line(capsys.readouterr().err)


def test_replay_into_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nodir" / "x.jsonl"
    assert main(["replay", str(sample_paths()[0]), "--out", str(out)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(out) in line and "No such file or directory" in line


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize("name,value,expected", [
    ("NEWSWIRE_PARTITIONS", "abc", "a whole number of at least 1"),
    ("NEWSWIRE_BATCH_SIZE", "-1", "a whole number of at least 1"),
    ("NEWSWIRE_SECURITY_PROTOCOL", "bogus", "one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
    ("NEWSWIRE_NLP_TIMEOUT", "0", "a number of seconds, more than 0"),
    ("NEWSWIRE_BATCH_WITHIN", "nan", "a number of seconds, 0 or more"),
    ("NEWSWIRE_TANSU_COMPAT", "yes", "0 or 1"),
    ("NEWSWIRE_TOPIC_QUOTES", "ntb wire quotes", "a Kafka topic name"),
    ("NEWSWIRE_BROKER", "kafka:xyz", "host:port"),
    ("NEWSWIRE_MAX_REQUEST_BYTES", "1000", "at least 131072"),
])
def test_a_bad_setting_names_the_variable_the_value_and_what_is_expected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str, value: str, expected: str) -> None:
    monkeypatch.setenv(name, value)
    out = tmp_path / "x.jsonl"
    assert main(["replay", str(SAMPLE_ARCHIVE), "--out", str(out)]) == 2
    line = one_line(capsys.readouterr().err)
    assert f"{name}={value!r}" in line and expected in line
    assert not out.exists()


def test_a_bad_setting_from_a_shell(tmp_path: Path) -> None:
    done = run_cli("replay", str(SAMPLE_ARCHIVE), "--broker", f"127.0.0.1:{unused_port()}",
                   env={"NEWSWIRE_PARTITIONS": "abc"})
    assert done.returncode == 2
    assert one_line(done.stderr) == "newswire: NEWSWIRE_PARTITIONS='abc': expected a whole number of at least 1"


def test_sasl_without_a_password_and_a_missing_ca_file(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSWIRE_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSWIRE_SASL_USERNAME", "ntb")
    assert main(["tail", "ntb.wire.quotes"]) == 2
    assert "SASL needs NEWSWIRE_SASL_USERNAME and NEWSWIRE_SASL_PASSWORD" in one_line(capsys.readouterr().err)
    monkeypatch.setenv("NEWSWIRE_SASL_PASSWORD", "hemmelig")
    monkeypatch.setenv("NEWSWIRE_SSL_CAFILE", str(tmp_path / "ca.pem"))
    assert main(["tail", "ntb.wire.quotes"]) == 2
    line = one_line(capsys.readouterr().err)
    assert "NEWSWIRE_SSL_CAFILE=" in line and "ca.pem" in line and "existing file" in line
    assert "hemmelig" not in line


def test_a_broker_flag_that_is_not_an_address(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["tail", "ntb.wire.quotes", "--broker", "abc:xyz"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "argument --broker: 'abc:xyz': expected host:port" in err


# --------------------------------------------------------------------------- broker down


def test_replay_to_a_broker_that_is_down_fails_in_bounded_time() -> None:
    port = unused_port()
    started = time.monotonic()
    done = run_cli("replay", str(SAMPLE_ARCHIVE), "--broker", f"127.0.0.1:{port}", timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == 3
    line = one_line(done.stderr)
    assert line.startswith(f"newswire: cannot reach the broker at 127.0.0.1:{port} within 5s")
    assert "ConnectionRefusedError" in line
    assert elapsed < 15


def test_tail_on_a_broker_that_is_down_fails_in_bounded_time() -> None:
    port = unused_port()
    started = time.monotonic()
    done = run_cli("tail", "ntb.wire.quotes", "--broker", f"127.0.0.1:{port}", "--wait", "1", timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == 3
    assert one_line(done.stderr).startswith(f"newswire: cannot reach the broker at 127.0.0.1:{port} within 1s")
    assert elapsed < 10


def test_the_broker_address_comes_from_the_environment_too(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    port = unused_port()
    monkeypatch.setenv("NEWSWIRE_BROKER", f"kafka://127.0.0.1:{port}")
    assert main(["tail", "ntb.wire.quotes", "--wait", "0.5"]) == 3
    assert f"cannot reach the broker at 127.0.0.1:{port}" in one_line(capsys.readouterr().err)


# --------------------------------------------------------------------------- unexpected


def test_an_unexpected_error_is_one_line_and_its_traceback_needs_v(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("the index is\nnot there")

    monkeypatch.setattr(commands, "cmd_enrich", broken)
    assert main(["enrich", str(sample_paths()[0])]) == 1
    assert one_line(capsys.readouterr().err) == (
        "newswire: internal error: RuntimeError: the index is not there (run with -v for the traceback)")
    assert main(["-v", "enrich", str(sample_paths()[0])]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "RuntimeError: the index is" in err
