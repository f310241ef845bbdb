"""Where the ops tools and files are, and the few ways the ops tests drive them (helm, acls.sh).

The tools come from `ops/tools/install.sh` into `<repo>/.tools` (or $TRIAGE_TOOLS_DIR). A missing tool
fails the test under CI and skips it elsewhere (`conftest.unavailable`).
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from conftest import REPO, unavailable

TOOLS = Path(os.environ.get("TRIAGE_TOOLS_DIR") or REPO / ".tools")
MONITORING = REPO / "ops" / "monitoring"
RULES_DIR = MONITORING / "rules"
RULE_TESTS_DIR = MONITORING / "tests"
DASHBOARD = MONITORING / "dashboards" / "triage-overview.json"
JMX_CONFIG = MONITORING / "jmx" / "kafka-broker.yaml"
PROMETHEUS_TEMPLATE = MONITORING / "prometheus.yml.template"
RUNBOOK = REPO / "docs" / "runbook.md"
CHART = REPO / "deploy" / "helm" / "triage"
CHART_RULES_DIR = CHART / "files" / "rules"
CONTAINERFILE = REPO / "deploy" / "Containerfile"
ACLS_SH = REPO / "ops" / "kafka" / "secure" / "acls.sh"
INSTALL_HINT = "run `ops/tools/install.sh` (or `make ops-tools`)"


def tool(name: str) -> Path:
    """The path of an installed ops tool (prometheus, promtool, helm, kubeconform)."""
    path = TOOLS / "bin" / name
    if not os.access(path, os.X_OK):
        unavailable(f"{name} is not installed in {TOOLS}/bin: {INSTALL_HINT}")
    return path


def k8s_schemas() -> tuple[Path, str]:
    """(the folder kubeconform's -schema-location points at, the Kubernetes version in it)."""
    folders = sorted((TOOLS / "kubernetes-json-schema").glob("v*-standalone-strict"))
    if not folders:
        unavailable(f"no Kubernetes JSON schemas in {TOOLS}/kubernetes-json-schema: {INSTALL_HINT}")
    version = folders[-1].name.removeprefix("v").removesuffix("-standalone-strict")
    return folders[-1].parent, version


def crd_schemas() -> Path:
    """The shared custom-resource schemas (KEDA, Strimzi), beside the repository as shared/."""
    candidates = [
        os.environ.get("TRIAGE_CRD_SCHEMAS"),
        REPO.parent / "shared" / "k8s-crd-schemas",
        "/work/shared/k8s-crd-schemas",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "keda.sh").is_dir():
            return Path(candidate)
    unavailable(
        "the shared CRD schemas (shared/k8s-crd-schemas beside the repository, or $TRIAGE_CRD_SCHEMAS) are missing"
    )
    raise AssertionError  # unreachable: unavailable() fails or skips


def run(*args: str | Path, check: bool = True, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", 300)
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(
            f"{shlex.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        )
    return result


def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yaml"))


def alerting_rules() -> list[dict[str, Any]]:
    """Every alerting rule of ops/monitoring/rules, in file order."""
    rules = []
    for path in rule_files():
        for group in yaml.safe_load(path.read_text())["groups"]:
            rules += [r for r in group["rules"] if "alert" in r]
    return rules


# --- helm ---------------------------------------------------------------------------------------


def helm_template(values: dict[str, Any] | None = None, release: str = "triage") -> subprocess.CompletedProcess[str]:
    """`helm template` of the chart with these values over values.yaml; the result, whatever it is."""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as handle:
        yaml.safe_dump(values or {}, handle)
    try:
        return run(tool("helm"), "template", release, CHART, "--namespace", "triage", "-f", handle.name, check=False)
    finally:
        os.unlink(handle.name)


def render(values: dict[str, Any] | None = None, release: str = "triage") -> list[dict[str, Any]]:
    """The chart's manifests with these values; fails the test if rendering fails."""
    result = helm_template(values, release)
    assert result.returncode == 0, f"helm template failed:\n{result.stderr}"
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def of_kind(docs: Iterable[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind]


def named(docs: Iterable[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    matches = [d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}, found {len(matches)}"
    return matches[0]


def deep_merge(base: dict[str, Any], *overrides: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for override in overrides:
        for key, value in override.items():
            out[key] = (
                deep_merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
            )
    return out


# --- acls.sh --------------------------------------------------------------------------------------

Grant = tuple[str, str, str, str, str]  # (principal, resource type, name, pattern, operation)

_RESOURCE_FLAGS = {"--topic": "topic", "--group": "group", "--transactional-id": "transactionalId"}


def acls_sh_grants(prefix: str, app_id: str, workdir: Path) -> set[Grant]:
    """What ops/kafka/secure/acls.sh grants for this prefix and app id, as (principal, type, name,
    pattern, operation) rows. The real script runs against a stand-in kafka.sh that records each
    AclCommand call instead of starting a JVM, so no broker is needed and nothing is paraphrased."""
    secure = workdir / "ops" / "kafka" / "secure"
    secure.mkdir(parents=True)
    for name in ("acls.sh", "roles.sh"):
        (secure / name).write_text((ACLS_SH.parent / name).read_text())
    (secure / "acls.sh").chmod(0o755)
    calls = workdir / "calls"
    calls.mkdir()
    recorder = secure.parent / "kafka.sh"
    recorder.write_text('#!/usr/bin/env bash\nprintf "%s\\0" "$@" > "$(mktemp "$ACL_CALLS/call.XXXXXX")"\n')
    recorder.chmod(recorder.stat().st_mode | stat.S_IXUSR)
    admin = workdir / "admin.properties"
    admin.write_text("security.protocol=PLAINTEXT\n")
    env = {
        **os.environ,
        "ACL_CALLS": str(calls),
        "KAFKA_ADMIN_CONFIG": str(admin),
        "KAFKA_DATA_DIR": str(workdir / "data"),
        "TRIAGE_TOPIC_PREFIX": prefix,
        "TRIAGE_APP_ID": app_id,
        "KAFKA_BOOTSTRAP": "127.0.0.1:1",
    }
    run("bash", secure / "acls.sh", "apply", env=env)
    grants: set[Grant] = set()
    for call in calls.iterdir():
        args = call.read_bytes().decode().split("\0")[:-1]
        grants |= _parse_acl_command(args)
    assert grants, "acls.sh granted nothing"
    return grants


def _parse_acl_command(args: list[str]) -> set[Grant]:
    principals, operations, resources, pattern = [], [], [], "literal"
    tokens = iter(args)
    for token in tokens:
        if token == "--allow-principal":
            principals.append(next(tokens))
        elif token == "--operation":
            operations.append(next(tokens))
        elif token == "--resource-pattern-type":
            pattern = next(tokens)
        elif token in _RESOURCE_FLAGS:
            resources.append((_RESOURCE_FLAGS[token], next(tokens)))
        elif token in ("--cluster",):
            resources.append(("cluster", "kafka-cluster"))
    pattern = {"prefixed": "prefix", "literal": "literal"}[pattern]
    # AclCommand grants every operation on every resource named, to every principal.
    return {(p, kind, name, pattern, op) for p in principals for kind, name in resources for op in operations}


def strimzi_grants(docs: Iterable[dict[str, Any]]) -> set[Grant]:
    grants: set[Grant] = set()
    for user in of_kind(docs, "KafkaUser"):
        for acl in user["spec"]["authorization"]["acls"]:
            assert acl.get("type", "allow") == "allow" and acl.get("host", "*") == "*", acl
            resource = acl["resource"]
            for op in acl["operations"]:
                grants.add(
                    (
                        f"User:{user['metadata']['name']}",
                        resource["type"],
                        resource["name"],
                        resource.get("patternType", "literal"),
                        op,
                    )
                )
    return grants
