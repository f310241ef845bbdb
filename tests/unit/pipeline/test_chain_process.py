"""The chain in its own process (pipeline/chain_process.py) answers exactly as the chain in this
process, survives its child being killed, and reports a bad model at start-up."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operators.inference.manifest import ModelError
from pipeline.chain_process import ChainProcess
from pipeline.components import build_chain, model_info
from pipeline.settings import Settings
from schemas.errors import Rejection

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[3]


def _payloads() -> list[bytes | None]:
    lines = (REPO / "demo" / "samples" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    return [line.encode() for line in lines[:24]] + [b"{not json", None]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0): read its state.
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_child_gives_the_same_results_as_the_chain_here() -> None:
    settings = Settings.from_env({})
    here = build_chain(settings)
    child = ChainProcess(settings)
    try:
        payloads = _payloads()
        received = [NOW - timedelta(minutes=i) for i in range(len(payloads))]
        timings: dict[str, float] = {}
        theirs = child.process(payloads, NOW, timings, received)
        ours = here.process(payloads, NOW, None, received)
        assert [r.to_json() if not isinstance(r, Rejection) else r for r in theirs] == [
            r.to_json() if not isinstance(r, Rejection) else r for r in ours
        ]
        assert sum(isinstance(r, Rejection) for r in theirs) == 2  # the malformed and the empty record
        assert timings.get("predict", 0.0) > 0.0  # the child's stage timings come back for the metrics
        assert child.info == model_info(here, settings)
    finally:
        child.close()


def test_a_killed_child_is_started_again_and_the_batch_is_answered() -> None:
    child = ChainProcess(Settings.from_env({}), passthrough=True)
    try:
        first = child.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        time.sleep(0.2)
        out = child.process(_payloads(), NOW)
        assert len(out) == len(_payloads())
        assert child.restarts == 1 and child.pid != first
    finally:
        child.close()


def test_the_child_ignores_sigterm_and_ends_when_closed() -> None:
    child = ChainProcess(Settings.from_env({}), passthrough=True)
    pid = child.pid
    assert pid is not None
    os.kill(pid, signal.SIGTERM)  # the worker drains first; the child must not die under it
    assert len(child.process(_payloads(), NOW)) == len(_payloads())
    assert child.restarts == 0
    child.close()
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def test_a_model_that_does_not_verify_stops_the_start_with_the_chains_error(tmp_path: Path) -> None:
    settings = replace(Settings.from_env({}), model_dir=tmp_path)  # no manifest.json there
    with pytest.raises(ModelError):
        ChainProcess(settings)
