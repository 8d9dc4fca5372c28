"""The operator files: docker-compose.yml, deploy/create-topics.sh, deploy/Dockerfile.

The compose file is checked three ways: by Compose itself (``docker-compose config
-q``), against the Compose Specification JSON schema that Debian's docker-compose
ships, and for the structural facts operators rely on. ``create-topics.sh`` runs
for real with a stand-in for ``kafka-topics.sh`` that records its arguments.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from service.settings import Settings, Topics, topic_configs
from service.topics import all_topic_names

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
SCRIPT = ROOT / "deploy" / "create-topics.sh"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
INSTALL_HINT = (
    "docker-compose is required for these checks: "
    "`apt-get update && apt-get install -y docker-compose` (.ci/run does this)"
)
SCHEMA_GLOBS = (
    "/usr/lib/python3/dist-packages/compose/config/compose_spec.json",
    "/usr/lib/python3*/dist-packages/compose/config/compose_spec.json",
    "/usr/local/lib/python3*/*-packages/compose/config/compose_spec.json",
    f"{sys.prefix}/lib/python3*/site-packages/compose/config/compose_spec.json",
)
SECURITY_VARS = (
    "NEWSWIRE_SECURITY_PROTOCOL", "NEWSWIRE_SASL_MECHANISM", "NEWSWIRE_SASL_USERNAME",
    "NEWSWIRE_SASL_PASSWORD", "NEWSWIRE_SSL_CAFILE",
)


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without any NEWSWIRE_* overrides, so defaults apply."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def docker_compose() -> str:
    path = shutil.which("docker-compose")
    if path is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    return path


@pytest.fixture(scope="module")
def compose_schema() -> dict[str, Any]:
    for pattern in SCHEMA_GLOBS:
        for candidate in sorted(glob.glob(pattern)):
            return json.loads(Path(candidate).read_text())
    pytest.fail(f"Compose Specification schema (compose_spec.json) not found. {INSTALL_HINT}", pytrace=False)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def resolved(docker_compose: str) -> dict[str, Any]:
    """The file as Compose sees it: anchors merged, ${VAR:-default} interpolated."""
    out = subprocess.run(
        [docker_compose, "-f", str(COMPOSE), "--profile", "replay", "config"],
        cwd=ROOT, env=_clean_env(), capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return yaml.safe_load(out.stdout)


def test_docker_compose_accepts_the_file(docker_compose: str) -> None:
    out = subprocess.run(
        [docker_compose, "-f", "docker-compose.yml", "config", "-q"],
        cwd=ROOT, env=_clean_env(), capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, f"docker-compose config -q failed:\n{out.stderr}"


def test_file_matches_the_compose_spec_schema(compose_schema: dict[str, Any], raw: dict[str, Any],
                                             resolved: dict[str, Any]) -> None:
    validator = jsonschema.Draft201909Validator(compose_schema)
    for name, document in (("docker-compose.yml", raw), ("docker-compose config output", resolved)):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, f"{name} violates the Compose schema:\n" + "\n".join(errors)


def test_schema_check_is_not_vacuous(compose_schema: dict[str, Any], raw: dict[str, Any]) -> None:
    broken = yaml.safe_load(COMPOSE.read_text())
    broken["services"]["worker"]["replicas_typo"] = 3
    broken["services"]["kafka"]["healthcheck"]["interval"] = 10
    validator = jsonschema.Draft201909Validator(compose_schema)
    assert len(list(validator.iter_errors(broken))) >= 2
    assert not list(validator.iter_errors(raw))


def test_kafka_runs_kraft_with_a_healthcheck(resolved: dict[str, Any]) -> None:
    kafka = resolved["services"]["kafka"]
    assert kafka["image"] == "apache/kafka:3.9.0"
    env = kafka["environment"]
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    for key in ("KAFKA_NODE_ID", "KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS",
                "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_CONTROLLER_QUORUM_VOTERS",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"):
        assert key in env, key
    assert str(env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]) == "1"
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"]
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == "1@kafka:9093"
    check = " ".join(kafka["healthcheck"]["test"])
    assert "/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092" in check


def test_topics_service_runs_the_script_once_kafka_is_healthy(resolved: dict[str, Any]) -> None:
    topics = resolved["services"]["topics"]
    assert topics["image"] == "apache/kafka:3.9.0"
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert "/deploy/create-topics.sh" in " ".join(topics["entrypoint"])
    assert any(v.endswith("deploy/create-topics.sh:/deploy/create-topics.sh:ro") for v in topics["volumes"])
    assert topics["environment"]["NEWSWIRE_PARTITIONS"] == "6"
    assert topics.get("restart") == "no"


def test_worker_scales(resolved: dict[str, Any]) -> None:
    worker = resolved["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
    assert worker["command"] == ["worker"]
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    assert worker["environment"]["NEWSWIRE_BROKER"] == "kafka:9092"
    # Healthy only while the worker's heartbeat file is fresh (service/stream/app.py).
    assert worker["healthcheck"]["test"][0] == "CMD-SHELL"
    assert "/tmp/newswire-alive -mmin -1" in worker["healthcheck"]["test"][1]
    for var in SECURITY_VARS:
        assert var in worker["environment"], var


def test_replay_is_an_opt_in_profile(resolved: dict[str, Any], raw: dict[str, Any]) -> None:
    replay = resolved["services"]["replay"]
    assert replay["profiles"] == ["replay"]
    assert replay["command"] == ["replay", "/archives", "--broker", "kafka:9092"]
    assert "./archives:/archives:ro" in raw["services"]["replay"]["volumes"]
    assert "container_name" not in replay and "ports" not in replay


def test_environment_topic_names_match_settings(resolved: dict[str, Any]) -> None:
    defaults = Topics()
    env = resolved["services"]["worker"]["environment"]
    for field, var in (("raw", "RAW"), ("articles", "ARTICLES"), ("enriched", "ENRICHED"),
                       ("quotes", "QUOTES"), ("claims", "CLAIMS"), ("dlq", "DLQ"),
                       ("timeline", "TIMELINE"), ("claims_by_theatre", "CLAIMS_BY_THEATRE")):
        if f"NEWSWIRE_TOPIC_{field.upper()}" not in os.environ:
            assert env[f"NEWSWIRE_TOPIC_{var}"] == getattr(defaults, field)


# ------------------------------------------------------------- create-topics.sh

def _run_script(tmp_path: Path, **env: str) -> tuple[list[list[str]], str]:
    """Run create-topics.sh with a recording stand-in for kafka-topics.sh."""
    calls = tmp_path / "calls.jsonl"
    stub = tmp_path / "kafka-topics.sh"
    stub.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        "args = sys.argv[1:]\n"
        "if '--command-config' in args:\n"
        "    args.append(open(args[args.index('--command-config') + 1]).read())\n"
        f"open({str(calls)!r}, 'a').write(json.dumps(args) + '\\n')\n"
    )
    stub.chmod(0o755)
    out = subprocess.run(
        ["bash", str(SCRIPT)], env=_clean_env(KAFKA_TOPICS_BIN=str(stub), **env),
        capture_output=True, text=True, timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in calls.read_text().splitlines()], out.stdout


def _created(calls: list[list[str]]) -> dict[str, list[str]]:
    return {c[c.index("--topic") + 1]: c for c in calls if "--create" in c}


def test_create_topics_creates_every_topic_idempotently(tmp_path: Path) -> None:
    calls, stdout = _run_script(tmp_path)
    created = _created(calls)
    assert sorted(created) == sorted(all_topic_names(Topics()))
    for args in created.values():
        assert "--if-not-exists" in args
        assert args[args.index("--bootstrap-server") + 1] == "kafka:9092"
        assert args[args.index("--partitions") + 1] == "6"
        assert args[args.index("--replication-factor") + 1] == "1"
        assert "--command-config" not in args
    # The same record limits the worker gives the topics it creates itself.
    expected = topic_configs(Settings())
    for topic, args in created.items():
        assert args[args.index("--config") + 1] == f"max.message.bytes={expected[topic]['max.message.bytes']}"
    assert "done" in stdout


def test_create_topics_takes_partitions_names_and_broker_from_env(tmp_path: Path) -> None:
    calls, _ = _run_script(
        tmp_path, NEWSWIRE_PARTITIONS="12", NEWSWIRE_BROKER="kafka://b1:9093",
        NEWSWIRE_TOPIC_DLQ="custom.dlq",
    )
    created = _created(calls)
    assert "custom.dlq" in created and "ntb.wire.dlq" not in created and len(created) == len(all_topic_names(Topics()))
    for args in created.values():
        assert args[args.index("--partitions") + 1] == "12"
        assert args[args.index("--bootstrap-server") + 1] == "b1:9093"


def test_create_topics_passes_sasl_ssl_settings(tmp_path: Path) -> None:
    calls, _ = _run_script(
        tmp_path, NEWSWIRE_SECURITY_PROTOCOL="SASL_SSL", NEWSWIRE_SASL_MECHANISM="SCRAM-SHA-512",
        NEWSWIRE_SASL_USERNAME="ntb", NEWSWIRE_SASL_PASSWORD="s3cret",
        NEWSWIRE_SSL_CAFILE="/certs/ca.pem",
    )
    config = calls[0][-1]
    assert "security.protocol=SASL_SSL" in config
    assert "sasl.mechanism=SCRAM-SHA-512" in config
    assert 'ScramLoginModule required username="ntb" password="s3cret";' in config
    assert "ssl.truststore.type=PEM" in config and "ssl.truststore.location=/certs/ca.pem" in config


def test_dockerfile_shape() -> None:
    text = DOCKERFILE.read_text()
    lines = [line.strip() for line in text.splitlines()]
    assert lines[[i for i, x in enumerate(lines) if x.startswith("FROM")][-1]] == "FROM python:3.11-slim"
    assert "USER newswire" in lines
    assert 'ENTRYPOINT ["newswire"]' in lines and 'CMD ["worker"]' in lines
    assert any("pip wheel" in x and x.endswith(" .") for x in lines)
