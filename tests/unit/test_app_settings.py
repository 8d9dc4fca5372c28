"""The Faust app keeps its scratch directory where the settings say, never in the
directory the worker (or a test) was started from; a setting with a value the service
cannot use is refused, naming the variable, the value and what is expected."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from service.settings import Settings, SettingsError, check_broker_address
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


@pytest.mark.parametrize("name,value,expected", [
    ("NEWSWIRE_PARTITIONS", "abc", "expected a whole number of at least 1"),
    ("NEWSWIRE_PARTITIONS", "0", "expected a whole number of at least 1"),
    ("NEWSWIRE_REPLICATION", "1.5", "expected a whole number of at least 1"),
    ("NEWSWIRE_BATCH_SIZE", "-1", "expected a whole number of at least 1"),
    ("NEWSWIRE_MAX_BODY_CHARS", "lots", "expected a whole number of characters of at least 1"),
    ("NEWSWIRE_MAX_MESSAGE_BYTES", "2MB", "expected a whole number of bytes of at least 1"),
    ("NEWSWIRE_MAX_REQUEST_BYTES", "65536", "expected a whole number of bytes of at least 131072"),
    ("NEWSWIRE_BATCH_WITHIN", "-0.5", "expected a number of seconds, 0 or more"),
    ("NEWSWIRE_NLP_TIMEOUT", "inf", "expected a number of seconds, more than 0"),
    ("NEWSWIRE_TANSU_COMPAT", "true", "expected 0 or 1"),
    ("NEWSWIRE_TOPIC_RAW", "ntb/wire", "expected a Kafka topic name"),
    ("NEWSWIRE_BROKER", "http://kafka:9092", "expected host:port"),
    ("NEWSWIRE_BROKER", "kafka:99999", "expected host:port"),
    ("NEWSWIRE_SECURITY_PROTOCOL", "tls", "expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
])
def test_a_value_the_service_cannot_use_is_named_with_what_is_expected(
        monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        Settings()
    assert str(raised.value).startswith(f"{name}={value!r}: {expected}")


def test_a_sasl_mechanism_without_a_password_login_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("NEWSWIRE_SASL_USERNAME", "ntb")
    monkeypatch.setenv("NEWSWIRE_SASL_PASSWORD", "hemmelig")
    monkeypatch.setenv("NEWSWIRE_SASL_MECHANISM", "GSSAPI")
    with pytest.raises(SettingsError, match="NEWSWIRE_SASL_MECHANISM='GSSAPI': expected one of PLAIN, "
                                            "SCRAM-SHA-256, SCRAM-SHA-512"):
        Settings()
    monkeypatch.setenv("NEWSWIRE_SASL_MECHANISM", "scram-sha-512")
    assert Settings().security.sasl_mechanism == "SCRAM-SHA-512"


def test_ssl_files_must_exist_when_ssl_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSWIRE_SSL_CAFILE", str(tmp_path / "ca.pem"))
    assert Settings().security.ssl_cafile == str(tmp_path / "ca.pem")  # PLAINTEXT: not used, not checked
    monkeypatch.setenv("NEWSWIRE_SECURITY_PROTOCOL", "ssl")
    with pytest.raises(SettingsError, match="NEWSWIRE_SSL_CAFILE=.*ca.pem.*: expected the path of an existing file"):
        Settings()
    (tmp_path / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    assert Settings().security.protocol == "SSL"


def test_good_values_empty_values_and_the_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"NEWSWIRE_PARTITIONS": " 6 ", "NEWSWIRE_BATCH_WITHIN": "0", "NEWSWIRE_NLP_TIMEOUT": "2.5",
                        "NEWSWIRE_TANSU_COMPAT": "1", "NEWSWIRE_BROKER": "kafka://a:9092,b:9093,[::1]:9094",
                        "NEWSWIRE_SECURITY_PROTOCOL": "plaintext", "NEWSWIRE_TOPIC_QUOTES": "my_cluster.quotes-1",
                        "NEWSWIRE_BATCH_SIZE": ""}.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert (settings.partitions, settings.batch_within, settings.nlp_timeout) == (6, 0.0, 2.5)
    assert settings.tansu_compat is True
    assert settings.broker == "kafka://a:9092,b:9093,[::1]:9094"
    assert settings.security.protocol == "PLAINTEXT" and settings.topics.quotes == "my_cluster.quotes-1"
    assert settings.batch_size == 32  # empty is unset (compose passes unset variables as empty strings)
    for name, value in settings.to_env().items():
        monkeypatch.setenv(name, value)
    assert Settings() == settings


def test_check_broker_address() -> None:
    assert check_broker_address("127.0.0.1:9092") == "127.0.0.1:9092"
    assert check_broker_address("kafka") == "kafka"
    for bad in ["", "abc:xyz", "a:0", "a:1,", "kafka://", "a b:1", "sasl://a:1"]:
        with pytest.raises(ValueError, match="host:port"):
            check_broker_address(bad)
