"""The short fault-injection run on the real broker (`make chaos` runs the full one: bench/chaos.py)."""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS

pytestmark = [pytest.mark.kafka, pytest.mark.chaos]


def test_kills_and_a_broker_restart_lose_nothing_and_duplicate_nothing() -> None:
    from bench.chaos import Chaos, ChaosConfig

    config = ChaosConfig(
        reports=1500,
        malformed_every=30,
        workers=2,
        worker_kills=3,
        broker_kills=1,
        broker_pauses=0,
        cpu_hog=False,
        seed=3,
        drain_timeout_s=300,
        out=ARTIFACTS / "chaos-short",
    )
    result = Chaos(config).run()
    print(result.summary())
    assert not result.lost, result.lost[:10]
    assert result.duplicates_after_dedup == 0
    assert not result.wrong_topics, result.wrong_topics[:5]
    assert result.deadletter_missing == 0 and result.deadletter_without_reason == 0
    assert not result.unexpected_exits, result.unexpected_exits
    assert not result.drain_failures, result.drain_failures
    assert result.events_after_faults > 0 and result.briefings_after_faults > 0
    assert len(result.recovery_s) == 1, result.faults
