"""The Helm chart (deploy/helm/triage): lint, schema validation of every rendering, and what the
rendered manifests must say to work with the workers' contract."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from .toolbox import (
    CHART,
    acls_sh_grants,
    crd_schemas,
    deep_merge,
    helm_template,
    k8s_schemas,
    named,
    of_kind,
    render,
    rule_files,
    run,
    strimzi_grants,
    tool,
)

pytestmark = pytest.mark.ops

# Kinds without a schema in shared/k8s-crd-schemas: the Prometheus operator's. kubeconform skips
# them by name; test_prometheus_rule_is_the_rule_files checks their content instead.
SKIPPED_KINDS = ("ServiceMonitor", "PrometheusRule")

EVERYTHING_SHOWN = {  # optional parts that every rendering of the matrix turns on
    "web": {"tokensSecret": "triage-web-tokens"},
    "monitoring": {"serviceMonitor": {"enabled": True}, "prometheusRule": {"enabled": True}},
}


def matrix_values(gpu: bool, keda: bool, strimzi: bool, secure: bool) -> dict[str, Any]:
    return deep_merge(
        EVERYTHING_SHOWN,
        {
            "gpu": {"enabled": gpu},
            "keda": {"enabled": keda},
            "strimzi": {"enabled": strimzi},
            "security": {"enabled": secure, "sealing": {"enabled": secure}},
        },
    )


MATRIX = [
    pytest.param(
        matrix_values(*combo),
        id="-".join(
            f"{n}={'on' if v else 'off'}" for n, v in zip(("gpu", "keda", "strimzi", "secure"), combo, strict=True)
        ),
    )
    for combo in itertools.product((False, True), repeat=4)
]
STATIC = deep_merge(EVERYTHING_SHOWN, {"membership": "static", "security": {"enabled": True}})


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}


def workers(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        d
        for d in docs
        if d["kind"] in ("Deployment", "StatefulSet")
        and d["metadata"]["labels"].get("app.kubernetes.io/component") == "worker"
    ]


def pools(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lane pools' workloads (every worker but the intel one)."""
    return [w for w in workers(docs) if w["metadata"]["labels"]["pool"] != "intel"]


def intel(docs: list[dict[str, Any]]) -> dict[str, Any]:
    (workload,) = [w for w in workers(docs) if w["metadata"]["labels"]["pool"] == "intel"]
    return workload


def worker_container(workload: dict[str, Any]) -> dict[str, Any]:
    (container,) = [c for c in workload["spec"]["template"]["spec"]["containers"] if c["name"] == "worker"]
    return container


# --- lint and schemas -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values", [{}, matrix_values(True, True, True, True), STATIC], ids=["defaults", "all-on", "static"]
)
def test_helm_lint_strict(values: dict[str, Any], tmp_path: Path) -> None:
    values_file = tmp_path / "values.yaml"
    values_file.write_text(yaml.safe_dump(values))
    result = run(tool("helm"), "lint", "--strict", CHART, "-f", values_file, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_kubeconform_matrix(tmp_path: Path) -> None:
    """The 16 renderings (cpu/gpu x keda x strimzi x secure) and static membership, every resource
    checked strictly against the Kubernetes and CRD schemas."""
    core, k8s_version = k8s_schemas()
    crds = crd_schemas()
    files = []
    for param in [*MATRIX, pytest.param(STATIC, id="static")]:
        path = tmp_path / f"{param.id}.yaml"
        result = helm_template(param.values[0])
        assert result.returncode == 0, f"{param.id}: {result.stderr}"
        path.write_text(result.stdout)
        files.append(path)
    result = run(
        tool("kubeconform"),
        "-strict",
        "-summary",
        "-verbose",
        "-output",
        "json",
        "-kubernetes-version",
        k8s_version,
        "-schema-location",
        core,
        "-schema-location",
        f"{crds}/{{{{.Group}}}}/{{{{.ResourceKind}}}}_{{{{.ResourceAPIVersion}}}}.json",
        "-skip",
        ",".join(SKIPPED_KINDS),
        *files,
        check=False,
    )
    report = json.loads(result.stdout)
    bad = [r for r in report["resources"] if r["status"] not in ("statusValid", "statusSkipped")]
    assert not bad and result.returncode == 0, json.dumps(bad, indent=1)[:6000] + result.stderr
    skipped = {r["kind"] for r in report["resources"] if r["status"] == "statusSkipped"}
    assert skipped <= set(SKIPPED_KINDS)
    valid = {r["kind"] for r in report["resources"] if r["status"] == "statusValid"}
    expected = {
        "Deployment",
        "StatefulSet",
        "Service",
        "ServiceAccount",
        "PodDisruptionBudget",
        "NetworkPolicy",
        "ScaledObject",
        "TriggerAuthentication",
        "KafkaTopic",
        "KafkaUser",
        "PersistentVolumeClaim",
    }
    assert expected <= valid, f"never validated: {expected - valid}"
    assert report["summary"]["valid"] > 17 * 10


@pytest.mark.parametrize(
    "values,message",
    [
        ({"membership": "sometimes"}, "membership"),
        ({"pools": {"bulk": {"lanes": "fast"}}}, "lanes"),
        ({"pools": {"bulk": {"keda": {"lagThreshold": "200"}}}}, "lagThreshold"),
        ({"podSecurityContext": {"runAsNonRoot": False}}, "runAsNonRoot"),
        (
            {"securityContext": {"readOnlyRootFilesystem": False, "allowPrivilegeEscalation": False}},
            "readOnlyRootFilesystem",
        ),
        ({"model": {"providers": "gpu"}}, "providers"),
    ],
    ids=["membership", "lanes", "lag-threshold-type", "root", "writable-root", "providers"],
)
def test_values_schema_refuses(values: dict[str, Any], message: str) -> None:
    result = helm_template(values)
    assert result.returncode != 0 and message in result.stderr, result.stderr


# --- KEDA -----------------------------------------------------------------------------------------


def test_keda_triggers_name_each_lanes_topic_and_group() -> None:
    docs = render({"keda": {"enabled": True}, "app": {"id": "ops1", "topicPrefix": "p1."}})
    triggers = {so["metadata"]["name"]: so["spec"]["triggers"] for so in of_kind(docs, "ScaledObject")}
    assert set(triggers) == {"triage-bulk", "triage-urgent"}
    (bulk,) = triggers["triage-bulk"]
    (urgent,) = triggers["triage-urgent"]
    assert (bulk["metadata"]["topic"], bulk["metadata"]["consumerGroup"]) == ("p1.reports.raw", "ops1.triage")
    assert (urgent["metadata"]["topic"], urgent["metadata"]["consumerGroup"]) == ("p1.reports.urgent", "ops1.urgent")
    for so in of_kind(docs, "ScaledObject"):
        assert so["spec"]["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": so["metadata"]["name"],
        }
        for trigger in so["spec"]["triggers"]:
            assert trigger["type"] == "kafka"
            assert trigger["metadata"]["offsetResetPolicy"] == "earliest"
            assert all(isinstance(v, str) for v in trigger["metadata"].values()), trigger["metadata"]
            assert trigger["metadata"]["lagThreshold"] == str(int(trigger["metadata"]["lagThreshold"]))


def test_keda_pool_with_both_lanes_has_a_trigger_per_lane() -> None:
    docs = render(
        {"keda": {"enabled": True}, "pools": {"urgent": {"enabled": False}, "bulk": {"lanes": "bulk,urgent"}}}
    )
    (so,) = of_kind(docs, "ScaledObject")
    assert {(t["metadata"]["topic"], t["metadata"]["consumerGroup"]) for t in so["spec"]["triggers"]} == {
        ("reports.raw", "triage.triage"),
        ("reports.urgent", "triage.urgent"),
    }


def test_keda_owns_the_replica_count() -> None:
    docs = render({"keda": {"enabled": True}})
    for workload in pools(docs):
        assert "replicas" not in workload["spec"], "an HPA-managed Deployment must not set replicas"
    assert intel(docs)["spec"]["replicas"] == 1, "the intel workload is never scaled"
    assert {so["spec"]["scaleTargetRef"]["name"] for so in of_kind(docs, "ScaledObject")} == {
        "triage-bulk",
        "triage-urgent",
    }


@pytest.mark.parametrize("partitions", [4, 8])
def test_keda_max_replicas_at_most_partitions(partitions: int) -> None:
    values = {
        "keda": {"enabled": True},
        "app": {"partitions": partitions, "urgentPartitions": partitions},
        "pools": {
            "bulk": {"replicas": 1, "keda": {"maxReplicaCount": partitions}},
            "urgent": {"replicas": 1, "keda": {"maxReplicaCount": partitions}},
        },
    }
    for so in of_kind(render(values), "ScaledObject"):
        assert so["spec"]["maxReplicaCount"] <= partitions
    above = deep_merge(values, {"pools": {"bulk": {"keda": {"maxReplicaCount": partitions + 1}}}})
    result = helm_template(above)
    assert result.returncode != 0
    assert "maxReplicaCount" in result.stderr and "partitions" in result.stderr, result.stderr


def test_urgent_partitions_bound_the_urgent_pool() -> None:
    """reports.urgent has app.urgentPartitions partitions: the urgent pool is useful up to that many workers."""
    docs = render(
        {
            "keda": {"enabled": True},
            "app": {"partitions": 8, "urgentPartitions": 3},
            "pools": {"urgent": {"replicas": 3, "keda": {"maxReplicaCount": 3}}},
        }
    )
    for workload in workers(docs):
        assert env_of(worker_container(workload))["TRIAGE_URGENT_PARTITIONS"] == "3"
    assert named(docs, "ScaledObject", "triage-urgent")["spec"]["maxReplicaCount"] == 3
    for values, message in (
        ({"app": {"partitions": 4, "urgentPartitions": 6}}, "app.urgentPartitions"),
        ({"app": {"urgentPartitions": 2}, "pools": {"urgent": {"replicas": 3}}}, "pools.urgent.replicas"),
        (
            {"keda": {"enabled": True}, "app": {"urgentPartitions": 2}, "pools": {"urgent": {"replicas": 1}}},
            "pools.urgent.keda.maxReplicaCount",
        ),
    ):
        result = helm_template(values)
        assert result.returncode != 0 and message in result.stderr, (values, result.stderr)
    # A pool serving both lanes can use as many workers as the larger topic has partitions.
    both = {
        "app": {"partitions": 8, "urgentPartitions": 2},
        "pools": {"urgent": {"enabled": False}, "bulk": {"lanes": "bulk,urgent", "replicas": 8}},
    }
    assert named(render(both), "Deployment", "triage-bulk")["spec"]["replicas"] == 8


def test_trigger_authentication_takes_scram_and_tls_from_secrets() -> None:
    docs = render(
        {
            "keda": {"enabled": True},
            "security": {
                "enabled": True,
                "saslMechanism": "SCRAM-SHA-512",
                "passwordSecret": {"name": "w-pass", "key": "password"},
                "caSecret": {"name": "ca", "key": "ca.crt"},
            },
        }
    )
    (auth,) = of_kind(docs, "TriggerAuthentication")
    refs = {r["parameter"]: (r["name"], r["key"]) for r in auth["spec"]["secretTargetRef"]}
    assert refs == {"password": ("w-pass", "password"), "ca": ("ca", "ca.crt")}
    assert auth["spec"]["env"] == [{"parameter": "username", "name": "TRIAGE_SASL_USERNAME", "containerName": "worker"}]
    for so in of_kind(docs, "ScaledObject"):
        for trigger in so["spec"]["triggers"]:
            assert trigger["authenticationRef"]["name"] == auth["metadata"]["name"]
            assert (trigger["metadata"]["sasl"], trigger["metadata"]["tls"]) == ("scram_sha512", "enable")


def test_static_membership_refuses_keda() -> None:
    result = helm_template({"keda": {"enabled": True}, "membership": "static"})
    assert result.returncode != 0 and "membership" in result.stderr


# --- workloads ------------------------------------------------------------------------------------


def test_two_pools_are_separate_workloads_with_their_own_lanes_and_replicas() -> None:
    docs = render({"pools": {"bulk": {"replicas": 3}, "urgent": {"replicas": 2}}})
    by_name = {w["metadata"]["name"]: w for w in workers(docs)}
    assert set(by_name) == {"triage-bulk", "triage-urgent", "triage-intel"}
    assert by_name["triage-bulk"]["spec"]["replicas"] == 3
    assert by_name["triage-urgent"]["spec"]["replicas"] == 2
    assert env_of(worker_container(by_name["triage-bulk"]))["TRIAGE_LANES"] == "bulk"
    assert env_of(worker_container(by_name["triage-urgent"]))["TRIAGE_LANES"] == "urgent"
    assert env_of(worker_container(by_name["triage-intel"]))["TRIAGE_LANES"] == "none"


def test_lane_pools_run_without_the_intel_app() -> None:
    """Correlation, briefings, the archive and the briefing page are the intel workload's alone: a lane pool
    that scales (KEDA) or rolls never takes the intel app's work away from it."""
    docs = render({"web": {"tokensSecret": "t"}})
    for workload in pools(docs):
        env = env_of(worker_container(workload))
        assert env["TRIAGE_INTEL_ENABLED"] == "false", workload["metadata"]["name"]
        assert env["TRIAGE_ARCHIVE_ENABLED"] == env["TRIAGE_WEB_ENABLED"] == "false"
        assert "TRIAGE_WEB_TOKENS_FILE" not in env and "TRIAGE_ARCHIVE_DIR" not in env
        assert "briefing" not in workload["spec"]["template"]["metadata"]["labels"]
        assert {p["name"] for p in worker_container(workload)["ports"]} == {"ops"}


def test_intel_workload_is_one_pod_with_the_briefing_page_and_the_archive() -> None:
    docs = render({"web": {"tokensSecret": "t"}, "intel": {"archive": {"rollSeconds": 30}}})
    workload = intel(docs)
    assert workload["kind"] == "Deployment" and workload["spec"]["replicas"] == 1
    assert workload["spec"]["strategy"] == {"type": "Recreate"}, "two intel pods would share one archive volume"
    container = worker_container(workload)
    env = env_of(container)
    assert (env["TRIAGE_LANES"], env["TRIAGE_INTEL_ENABLED"], env["TRIAGE_MEMBERSHIP"]) == ("none", "true", "dynamic")
    assert (env["TRIAGE_WEB_ENABLED"], env["TRIAGE_WEB_HOST"]) == ("true", "0.0.0.0")
    assert env["TRIAGE_WEB_TOKENS_FILE"] == "/etc/triage/web/tokens.json"
    assert (env["TRIAGE_ARCHIVE_ENABLED"], env["TRIAGE_ARCHIVE_ROLL_S"]) == ("true", "30")
    assert {p["name"]: p["containerPort"] for p in container["ports"]} == {"ops": 9464, "briefing": 6066}
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in workload["spec"]["template"]["spec"]["volumes"]}
    archive = volumes[mounts[env["TRIAGE_ARCHIVE_DIR"]]]
    assert archive["persistentVolumeClaim"]["claimName"] == "triage-intel-archive"
    claim = named(docs, "PersistentVolumeClaim", "triage-intel-archive")
    assert claim["spec"]["resources"]["requests"]["storage"] == "20Gi"
    assert claim["metadata"]["annotations"]["helm.sh/resource-policy"] == "keep", "the archive is the record"
    assert "nvidia.com/gpu" not in container["resources"].get("limits", {})
    # Scraped as a worker; not a pool: no ScaledObject, no PodDisruptionBudget.
    service = named(docs, "Service", "triage-intel")
    assert service["metadata"]["labels"]["triage-job"] == "triage-worker"
    assert service["spec"]["selector"]["pool"] == "intel"


@pytest.mark.parametrize(
    "persistence,claim",
    [({"existingClaim": "archive-2026"}, "archive-2026"), ({"enabled": False}, None)],
    ids=["existing-claim", "no-persistence"],
)
def test_intel_archive_volume_options(persistence: dict[str, Any], claim: str | None) -> None:
    docs = render({"intel": {"archive": {"persistence": persistence}}})
    assert not of_kind(docs, "PersistentVolumeClaim"), "the chart makes a claim only when none is given"
    volumes = {v["name"]: v for v in intel(docs)["spec"]["template"]["spec"]["volumes"]}
    if claim:
        assert volumes["archive"]["persistentVolumeClaim"] == {"claimName": claim}
    else:
        assert volumes["archive"] == {"name": "archive", "emptyDir": {}}


def test_intel_can_be_left_out() -> None:
    docs = render({"intel": {"enabled": False}})
    assert not [w for w in workers(docs) if w["metadata"]["labels"]["pool"] == "intel"]
    assert not of_kind(docs, "PersistentVolumeClaim")
    exporter = env_of(named(docs, "Deployment", "triage-lag-exporter")["spec"]["template"]["spec"]["containers"][0])
    assert exporter["TRIAGE_INTEL_ENABLED"] == exporter["TRIAGE_ARCHIVE_ENABLED"] == "false"
    result = helm_template({"intel": {"enabled": False}, "web": {"tokensSecret": "t"}})
    assert result.returncode != 0 and "intel" in result.stderr
    result = helm_template(
        {
            "pools": {
                "intel": {
                    "enabled": True,
                    "lanes": "bulk",
                    "replicas": 1,
                    "keda": {"minReplicaCount": 1, "maxReplicaCount": 2, "lagThreshold": 5},
                }
            }
        }
    )
    assert result.returncode != 0 and "pools.intel" in result.stderr


def test_every_lane_must_be_served() -> None:
    result = helm_template({"pools": {"urgent": {"enabled": False}}})
    assert result.returncode != 0 and "urgent lane" in result.stderr


def test_probes_point_at_the_ops_endpoints() -> None:
    docs = render(STATIC) + render({})
    for workload in workers(docs):
        container = worker_container(workload)
        env = env_of(container)
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        assert ports["ops"] == int(env["TRIAGE_OPS_PORT"]) == 9464
        assert env["TRIAGE_OPS_HOST"] == "0.0.0.0"
        for probe, path in (
            ("startupProbe", "/healthz/startup"),
            ("readinessProbe", "/healthz/ready"),
            ("livenessProbe", "/healthz/live"),
        ):
            assert container[probe]["httpGet"] == {"path": path, "port": "ops"}, probe
        assert container["command"] == ["triage", "worker"]


def test_termination_grace_exceeds_drain_timeout() -> None:
    for workload in workers(render({"drainTimeoutSeconds": 50, "terminationGracePeriodSeconds": 65})):
        env = env_of(worker_container(workload))
        assert (
            workload["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
            > int(env["TRIAGE_DRAIN_TIMEOUT_S"])
            == 50
        )
    for grace in (30, 20):
        result = helm_template({"drainTimeoutSeconds": 30, "terminationGracePeriodSeconds": grace})
        assert result.returncode != 0 and "terminationGracePeriodSeconds" in result.stderr


def test_static_membership_renders_statefulsets_with_the_pod_name_as_instance_id() -> None:
    docs = render(STATIC)
    assert [d["metadata"]["name"] for d in of_kind(docs, "Deployment") if d in workers(docs)] == ["triage-intel"]
    # The intel app is Faust's, which has no static membership: always a dynamic member.
    assert env_of(worker_container(intel(docs)))["TRIAGE_MEMBERSHIP"] == "dynamic"
    assert "TRIAGE_GROUP_INSTANCE_ID" not in env_of(worker_container(intel(docs)))
    sets = of_kind(docs, "StatefulSet")
    assert {s["metadata"]["name"] for s in sets} == {"triage-bulk", "triage-urgent"}
    for statefulset in sets:
        env = env_of(worker_container(statefulset))
        assert env["TRIAGE_MEMBERSHIP"] == "static"
        assert env["TRIAGE_GROUP_INSTANCE_ID"] == {"fieldRef": {"fieldPath": "metadata.name"}}
        assert int(env["TRIAGE_SESSION_TIMEOUT_S"]) >= 30, "a restarting pod must get its partitions back"
        service = named(docs, "Service", statefulset["spec"]["serviceName"])
        assert service["spec"]["clusterIP"] == "None"
    for workload in workers(render({})):
        assert env_of(worker_container(workload))["TRIAGE_MEMBERSHIP"] == "dynamic"
        assert "TRIAGE_GROUP_INSTANCE_ID" not in env_of(worker_container(workload))


def test_gpu_pools_ask_for_a_gpu_and_the_cuda_provider() -> None:
    docs = render({"gpu": {"enabled": True}})
    # The intel workload runs no model inference: never a GPU.
    assert "nvidia.com/gpu" not in worker_container(intel(docs))["resources"].get("limits", {})
    assert env_of(worker_container(intel(docs)))["TRIAGE_PROVIDERS"] == "cpu"
    for workload in pools(docs):
        container = worker_container(workload)
        assert container["resources"]["limits"]["nvidia.com/gpu"] == 1
        assert env_of(container)["TRIAGE_PROVIDERS"] == "cuda"
        tolerations = workload["spec"]["template"]["spec"]["tolerations"]
        assert any(t["key"] == "nvidia.com/gpu" for t in tolerations)
    for workload in workers(render({})):
        container = worker_container(workload)
        assert "nvidia.com/gpu" not in container["resources"].get("limits", {})
        assert env_of(container)["TRIAGE_PROVIDERS"] == "cpu"
    mixed = render({"pools": {"urgent": {"gpu": {"enabled": True}}}})
    providers = {w["metadata"]["name"]: env_of(worker_container(w))["TRIAGE_PROVIDERS"] for w in workers(mixed)}
    assert providers == {"triage-bulk": "cpu", "triage-urgent": "cuda", "triage-intel": "cpu"}


def test_pods_run_unprivileged_on_a_read_only_root() -> None:
    docs = render(matrix_values(True, False, False, True))
    pods = [w for w in docs if w["kind"] in ("Deployment", "StatefulSet")]
    assert len(pods) == 4  # two pools, the intel workload and the lag exporter
    for workload in pods:
        spec = workload["spec"]["template"]["spec"]
        assert spec["automountServiceAccountToken"] is False
        assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] > 0
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True and context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"]
        empty_dirs = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
        assert "tmp" in empty_dirs
    for workload in workers(docs):
        spec = workload["spec"]["template"]["spec"]
        mounts = {m["mountPath"]: m["name"] for m in worker_container(workload)["volumeMounts"]}
        state = mounts[env_of(worker_container(workload))["TRIAGE_DATA_DIR"]]
        assert state in {v["name"] for v in spec["volumes"] if "emptyDir" in v}
    (account,) = of_kind(docs, "ServiceAccount")
    assert account["automountServiceAccountToken"] is False


def test_secure_workers_log_in_with_files_from_secrets() -> None:
    docs = render({"security": {"enabled": True, "sealing": {"enabled": True}}})
    for workload in workers(docs):
        env = env_of(worker_container(workload))
        assert env["TRIAGE_SECURITY_PROTOCOL"] == "SASL_SSL" and env["TRIAGE_SASL_USERNAME"] == "worker"
        mounts = {m["mountPath"] for m in worker_container(workload)["volumeMounts"]}
        for variable in (
            "TRIAGE_SASL_PASSWORD_FILE",
            "TRIAGE_SSL_CAFILE",
            "TRIAGE_KEYRING_FILE",
            "TRIAGE_SIGNING_KEY_FILE",
            "TRIAGE_VERIFY_KEYS_FILE",
        ):
            assert str(Path(env[variable]).parent) in mounts, variable
        assert "TRIAGE_SASL_PASSWORD" not in env, "the password itself never goes into the environment"


def test_pod_disruption_budget_per_pool() -> None:
    docs = render({})
    budgets = {p["metadata"]["name"]: p["spec"] for p in of_kind(docs, "PodDisruptionBudget")}
    assert set(budgets) == {"triage-bulk", "triage-urgent"}
    for name, spec in budgets.items():
        assert spec["maxUnavailable"] == 1
        assert spec["selector"]["matchLabels"]["pool"] == name.removeprefix("triage-")


def test_rollouts_surge_by_default_and_a_pool_may_choose_otherwise() -> None:
    """A new worker is ready once it has joined its groups (even with nothing assigned), so a surge pod never
    stalls a rollout; a GPU pool with no spare GPU replaces one pod at a time instead."""
    docs = render({"pools": {"urgent": {"rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}}}})
    by_name = {w["metadata"]["name"]: w["spec"]["strategy"] for w in pools(docs)}
    assert by_name["triage-bulk"] == {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
    assert by_name["triage-urgent"]["rollingUpdate"] == {"maxSurge": 0, "maxUnavailable": 1}
    result = helm_template({"app": {"partitions": 2, "urgentPartitions": 2}, "pools": {"bulk": {"replicas": 3}}})
    assert result.returncode != 0 and "sit idle" in result.stderr, result.stderr


# --- lag exporter ---------------------------------------------------------------------------------


def lag_exporter(docs: list[dict[str, Any]]) -> dict[str, Any]:
    (container,) = named(docs, "Deployment", "triage-lag-exporter")["spec"]["template"]["spec"]["containers"]
    return container


def test_lag_exporter_logs_in_as_monitor_on_a_secure_cluster() -> None:
    docs = render({"security": {"enabled": True}, "strimzi": {"enabled": True}})
    container = lag_exporter(docs)
    env = env_of(container)
    assert env["TRIAGE_SASL_USERNAME"] == "monitor" and env["TRIAGE_SECURITY_PROTOCOL"] == "SASL_SSL"
    volumes = named(docs, "Deployment", "triage-lag-exporter")["spec"]["template"]["spec"]["volumes"]
    (password,) = [v for v in volumes if v["name"] == "kafka-password"]
    assert password["secret"]["secretName"] == "monitor", "Strimzi's User Operator names the Secret after the user"
    assert env["TRIAGE_SASL_PASSWORD_FILE"] == "/etc/triage/kafka-password/password"
    assert named(docs, "KafkaUser", "monitor"), "the monitor role is one of the chart's KafkaUsers"
    # The workers keep their own login.
    assert {env_of(worker_container(w))["TRIAGE_SASL_USERNAME"] for w in workers(docs)} == {"worker"}


def test_lag_exporter_command_probes_and_what_it_watches() -> None:
    docs = render({"lagExporter": {"intervalSeconds": 10}})
    container = lag_exporter(docs)
    assert container["command"] == ["triage", "lag-exporter", "--interval", "10"]
    assert container["readinessProbe"]["httpGet"] == {"path": "/healthz/ready", "port": "metrics"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz/live", "port": "metrics"}
    env = env_of(container)
    assert (env["TRIAGE_OPS_HOST"], env["TRIAGE_LAG_EXPORTER_PORT"]) == ("0.0.0.0", "9465")
    # It watches the intel group (and reports.triaged for the archive) exactly when the intel workload runs them.
    assert env["TRIAGE_INTEL_ENABLED"] == env["TRIAGE_ARCHIVE_ENABLED"] == "true"
    no_archive = env_of(lag_exporter(render({"intel": {"archive": {"enabled": False}}})))
    assert (no_archive["TRIAGE_INTEL_ENABLED"], no_archive["TRIAGE_ARCHIVE_ENABLED"]) == ("true", "false")
    # An unready exporter (the broker away) is still scraped: its error counter says why.
    assert named(docs, "Service", "triage-lag-exporter")["spec"]["publishNotReadyAddresses"] is True


# --- network --------------------------------------------------------------------------------------


def test_network_policy_allows_only_kafka_and_dns_out_and_ops_ports_in() -> None:
    docs = render({"kafka": {"ports": [9093, 9094]}, "web": {"tokensSecret": "t"}})
    policies = {p["metadata"]["name"]: p["spec"] for p in of_kind(docs, "NetworkPolicy")}
    assert set(policies) == {"triage-worker", "triage-lag-exporter"}
    for name, spec in policies.items():
        assert set(spec["policyTypes"]) == {"Ingress", "Egress"}
        egress_ports = {(p["protocol"], p["port"]) for rule in spec["egress"] for p in rule["ports"]}
        assert egress_ports == {("UDP", 53), ("TCP", 53), ("TCP", 9093), ("TCP", 9094)}, name
        assert all(rule.get("ports") for rule in spec["egress"] + spec["ingress"]), (
            "a rule without ports opens every port"
        )
    ingress = lambda name: {p["port"] for rule in policies[name]["ingress"] for p in rule["ports"]}  # noqa: E731
    assert ingress("triage-worker") == {9464, 6066}
    assert ingress("triage-lag-exporter") == {9465}


def test_services_for_ops_and_briefing_ports() -> None:
    docs = render({"web": {"tokensSecret": "t"}})
    briefing = named(docs, "Service", "triage-briefing")
    assert briefing["spec"]["ports"] == [
        {"name": "briefing", "port": 6066, "targetPort": "briefing", "protocol": "TCP"}
    ]
    assert briefing["spec"]["selector"]["briefing"] == "true" and briefing["spec"]["selector"]["pool"] == "intel"
    selector = briefing["spec"]["selector"].items()
    serving = [w for w in workers(docs) if selector <= w["spec"]["template"]["metadata"]["labels"].items()]
    assert [w["metadata"]["name"] for w in serving] == ["triage-intel"], "the briefing page is the intel workload's"
    assert env_of(worker_container(serving[0]))["TRIAGE_WEB_TOKENS_FILE"]
    for pool in ("bulk", "urgent", "intel"):
        ops = named(docs, "Service", f"triage-{pool}")
        assert ops["spec"]["ports"][0]["port"] == 9464 and ops["metadata"]["labels"]["triage-job"] == "triage-worker"
    assert named(docs, "Service", "triage-lag-exporter")["metadata"]["labels"]["triage-job"] == "triage-lag-exporter"
    assert not [s for s in of_kind(render({}), "Service") if s["metadata"]["name"] == "triage-briefing"], (
        "no tokens, no briefing page, no Service"
    )


# --- Strimzi --------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix,app_id", [("", "triage"), ("t1.", "triage-t1")])
def test_strimzi_users_grant_exactly_what_acls_sh_grants(prefix: str, app_id: str, tmp_path: Path) -> None:
    docs = render({"strimzi": {"enabled": True}, "app": {"id": app_id, "topicPrefix": prefix}})
    assert strimzi_grants(docs) == acls_sh_grants(prefix, app_id, tmp_path)
    for user in of_kind(docs, "KafkaUser"):
        assert user["spec"]["authentication"]["type"] == "scram-sha-512"
        assert user["metadata"]["labels"]["strimzi.io/cluster"] == "triage-kafka"


def test_strimzi_topics_cover_the_pipeline() -> None:
    docs = render(
        {
            "strimzi": {"enabled": True},
            "app": {"topicPrefix": "p.", "partitions": 12, "urgentPartitions": 6, "replicationFactor": 3},
        }
    )
    topics = {t["spec"]["topicName"]: t["spec"] for t in of_kind(docs, "KafkaTopic")}
    levels = ("unclassified", "restricted", "confidential", "secret")
    expected = {
        "reports.raw",
        "reports.urgent",
        "reports.deadletter",
        "reports.triaged",
        "events.input",
        "feedback",
        "audit",
        *(f"{family}.{level}" for family in ("alerts", "flash", "review", "events", "briefings") for level in levels),
    }
    assert set(topics) == {f"p.{t}" for t in expected}
    assert topics["p.reports.raw"]["partitions"] == topics["p.alerts.secret"]["partitions"] == 12
    assert topics["p.reports.urgent"]["partitions"] == 6
    # The lanes' inputs take the broker's clock: report age and lag in seconds are measured from arrival.
    for name in ("p.reports.raw", "p.reports.urgent"):
        assert topics[name]["config"]["message.timestamp.type"] == "LogAppendTime"
    assert "message.timestamp.type" not in topics["p.reports.triaged"].get("config", {})
    assert topics["p.events.input"]["partitions"] == 1
    assert topics["p.audit"]["config"]["retention.ms"] == topics["p.feedback"]["config"]["retention.ms"] == -1
    assert all(spec["replicas"] == 3 and spec["config"]["min.insync.replicas"] == 2 for spec in topics.values())


# --- monitoring -----------------------------------------------------------------------------------


def test_prometheus_rule_is_the_rule_files() -> None:
    docs = render({"monitoring": {"prometheusRule": {"enabled": True}}})
    (rule,) = of_kind(docs, "PrometheusRule")
    expected = [g for path in rule_files() for g in yaml.safe_load(path.read_text())["groups"]]
    assert sorted(rule["spec"]["groups"], key=lambda g: g["name"]) == sorted(expected, key=lambda g: g["name"])


def test_prometheus_rule_can_point_runbooks_at_a_published_copy() -> None:
    base = "https://git.example/triage/-/blob/main/docs/runbook.md"
    docs = render({"monitoring": {"prometheusRule": {"enabled": True, "runbookBaseUrl": base}}})
    (rule,) = of_kind(docs, "PrometheusRule")
    urls = [r["annotations"]["runbook_url"] for g in rule["spec"]["groups"] for r in g["rules"] if "alert" in r]
    assert urls and all(u.startswith(base + "#") for u in urls)


def test_service_monitor_gives_the_job_names_the_rules_use() -> None:
    docs = render({"monitoring": {"serviceMonitor": {"enabled": True}}})
    (monitor,) = of_kind(docs, "ServiceMonitor")
    assert monitor["spec"]["jobLabel"] == "triage-job"
    assert {e["port"] for e in monitor["spec"]["endpoints"]} == {"ops", "metrics"}
    jobs = {s["metadata"]["labels"].get("triage-job") for s in of_kind(docs, "Service")} - {None}
    rules_text = "".join(p.read_text() for p in rule_files())
    for job in jobs:
        assert f'job="{job}"' in rules_text, job
