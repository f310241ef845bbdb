"""Consumer-group membership and the probes, on real brokers, read from each worker's ops port.

dynamic   a second worker causes one rebalance, and the partitions are split between the two
static    a worker restarted within the session timeout takes its partitions back: the other worker
          sees no rebalance at all
probes    a broker outage makes a worker unready (503) and leaves it live (200); readiness returns
          with the broker (a throw-away broker, so the session's is never stopped)
"""

from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest
from conftest import Pipeline, Worker
from ops.live import Sample, describe, get, scrape, total, wait_until

from bench.broker import LocalBroker

pytestmark = pytest.mark.kafka

LANES = ("bulk", "urgent")


def ops(worker: Worker) -> list[Sample]:
    return scrape(f"127.0.0.1:{worker.ops_port}")


def assigned(samples: list[Sample], lane: str) -> float:
    return total(samples, "triage_assigned_partitions", lane=lane)


def rebalances(samples: list[Sample], lane: str) -> float:
    return total(samples, "triage_rebalances_total", lane=lane)


def probe(worker: Worker, name: str) -> tuple[int, dict]:
    status, body = get(f"http://127.0.0.1:{worker.ops_port}/healthz/{name}")
    return status, (json.loads(body) if body.startswith("{") else {})


def holding(worker: Worker, per_lane: int) -> list[Sample] | None:
    """The worker's samples once it is ready and holds `per_lane` partitions of each lane."""
    samples = ops(worker)
    if samples and all(assigned(samples, lane) == per_lane for lane in LANES) and probe(worker, "ready")[0] == 200:
        return samples
    return None


def state(*workers: Worker) -> str:
    return "\n".join(
        f"worker {i} ({'alive' if w.alive() else 'exited'}), ready {probe(w, 'ready')}:\n"
        + describe(ops(w), "triage_assigned", "triage_rebalances", "triage_worker_info")
        + f"\n{w.text()[-1500:]}"
        for i, w in enumerate(workers)
    )


def stop(worker: Worker) -> None:
    worker.proc.send_signal(signal.SIGTERM)
    try:
        worker.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.proc.kill()
        worker.proc.wait()
        raise AssertionError(f"the worker did not drain and exit within 60s:\n{worker.text()[-3000:]}") from None


def test_dynamic_membership_splits_partitions_with_one_rebalance(pipeline: Pipeline, start_worker) -> None:
    pipeline.extra_env.update(TRIAGE_PARTITIONS="2", TRIAGE_URGENT_PARTITIONS="2")
    first = start_worker("--passthrough")
    alone = wait_until(
        "the first worker holds every partition", lambda: holding(first, 2), 60, explain=lambda: state(first)
    )
    info = [s.labels for s in alone if s.name == "triage_worker_info"]
    assert info == [{"app_id": pipeline.app_id, "lanes": "bulk,urgent", "membership": "dynamic"}]
    before = {lane: rebalances(alone, lane) for lane in LANES}

    second = start_worker("--passthrough")
    wait_until(
        "one partition of each lane on each worker, both ready",
        lambda: holding(first, 1) and holding(second, 1),
        60,
        explain=lambda: state(first, second),
    )
    time.sleep(3)  # nothing more happens: the counts below are final
    after_first, after_second = ops(first), ops(second)
    for lane in LANES:
        # One rebalance of the lane's group: the first worker saw its revocation and its new assignment once
        # each; the second worker its first assignment (and the empty revocation before it) only.
        assert rebalances(after_first, lane) - before[lane] == 2, state(first, second)
        assert 1 <= rebalances(after_second, lane) <= 2, state(first, second)
        assert assigned(after_first, lane) + assigned(after_second, lane) == 2
    # Revoked partitions' gauges went with them: each worker reports the partition it holds, not both.
    committed = [s for s in after_first if s.name == "triage_last_commit_timestamp_seconds"]
    assert len({s.labels["partition"] for s in committed if s.labels["topic"] == pipeline.topic("reports.raw")}) <= 1


def test_static_membership_restart_within_session_timeout_causes_no_rebalance(pipeline: Pipeline, start_worker) -> None:
    pipeline.extra_env.update(
        TRIAGE_PARTITIONS="2", TRIAGE_URGENT_PARTITIONS="2", TRIAGE_MEMBERSHIP="static", TRIAGE_SESSION_TIMEOUT_S="45"
    )
    pipeline.extra_env["TRIAGE_GROUP_INSTANCE_ID"] = "worker-a"
    a = start_worker("--passthrough")
    pipeline.extra_env["TRIAGE_GROUP_INSTANCE_ID"] = "worker-b"
    b = start_worker("--passthrough")
    wait_until(
        "one partition of each lane on each worker, both ready",
        lambda: holding(a, 1) and holding(b, 1),
        90,
        explain=lambda: state(a, b),
    )
    b_before = ops(b)
    assert [s.labels["membership"] for s in b_before if s.name == "triage_worker_info"] == ["static"]
    settled = {lane: rebalances(b_before, lane) for lane in LANES}

    # A rolling restart of worker-a: SIGTERM, drain, exit (a static member does not leave the group), start again.
    stop(a)
    stopped_at = time.monotonic()
    pipeline.extra_env["TRIAGE_GROUP_INSTANCE_ID"] = "worker-a"
    a2 = start_worker("--passthrough")
    wait_until(
        "the restarted worker-a holds its partitions again", lambda: holding(a2, 1), 60, explain=lambda: state(a2, b)
    )
    assert time.monotonic() - stopped_at < 45, (
        "the restart took longer than the session timeout: the test proves nothing"
    )
    time.sleep(3)
    b_after = ops(b)
    for lane in LANES:
        assert rebalances(b_after, lane) == settled[lane], (
            f"worker-b saw a rebalance of the {lane} lane:\n{state(a2, b)}"
        )
        assert assigned(b_after, lane) == 1
    # The restarted member got its assignment without a new round: one assignment, no revocation.
    a2_samples = ops(a2)
    assert all(rebalances(a2_samples, lane) <= 2 for lane in LANES), state(a2, b)
    assert b.alive() and a2.alive()


def test_probes_when_the_broker_goes_away(pipeline: Pipeline, start_worker) -> None:
    with LocalBroker(heap="384m") as broker:
        pipeline.extra_env.update(
            TRIAGE_KAFKA_BOOTSTRAP=broker.bootstrap, TRIAGE_PARTITIONS="2", TRIAGE_URGENT_PARTITIONS="2"
        )
        worker = start_worker("--passthrough")
        wait_until("ready on the throw-away broker", lambda: holding(worker, 2), 60, explain=lambda: state(worker))
        assert probe(worker, "live")[0] == 200 and probe(worker, "startup")[0] == 200
        assert total(ops(worker), "triage_probe_ok", probe="ready") == 1

        broker._kafka_sh("down")  # stopped, its data kept: the same broker comes back below
        # Readiness must notice within BROKER_FRESH_S (15 s) and a probe period; liveness must hold throughout:
        # restarting the pod would not bring the broker back.
        ready, live, probe_ok_ready = [], [], []
        outage_ends = time.monotonic() + 25
        while time.monotonic() < outage_ends:
            ready.append(probe(worker, "ready"))
            live.append(probe(worker, "live")[0])
            probe_ok_ready.append(total(ops(worker), "triage_probe_ok", probe="ready"))
            time.sleep(1)
        assert set(live) == {200}, f"liveness failed during a broker outage: {live}\n{state(worker)}"
        assert worker.alive(), worker.text()[-3000:]

        broker.start()
        wait_until(
            "ready again once the broker is back",
            lambda: probe(worker, "ready")[0] == 200,
            90,
            explain=lambda: state(worker),
        )
        assert worker.alive() and probe(worker, "live")[0] == 200
        stop(worker)  # while its broker is still there to take the final commit

        unready = [body for status, body in ready if status == 503]
        # aiokafka's getmany() returns {} without raising while the broker is unreachable: readiness follows
        # fetch responses (their poll timestamps), not the absence of an exception.
        assert unready, f"readiness stayed {sorted({s for s, _ in ready})} for 25 s with the broker down"
        assert all("broker" in body["reason"] for body in unready), unready
        assert 0 in probe_ok_ready, probe_ok_ready
