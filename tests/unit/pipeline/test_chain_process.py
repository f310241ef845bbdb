"""The chain in its own process (pipeline/chain_process.py) answers exactly as the chain in this
process, survives its child being killed, and reports a bad model at start-up."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operators.inference.manifest import ModelError
from pipeline.chain_process import ChainProcess, ChainProcessError
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


def _ids(results: Sequence[object]) -> list[str]:
    return [r.report_id if not isinstance(r, Rejection) else r.reason.value for r in results]  # type: ignore[attr-defined]


def _two_callers(child: ChainProcess, batches: list[list[bytes | None]], rounds: int) -> dict[int, list[list[str]]]:
    answers: dict[int, list[list[str]]] = {0: [], 1: []}
    errors: list[BaseException] = []

    def call(which: int) -> None:
        try:
            for _ in range(rounds):
                answers[which].append(_ids(child.process(batches[which], NOW)))
        except BaseException as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=call, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    return answers


def test_two_callers_share_the_child_and_each_gets_the_answers_to_its_own_batches() -> None:
    settings = Settings.from_env({})
    child = ChainProcess(settings)
    try:
        payloads = _payloads()
        batches = [payloads[:12], payloads[12:]]
        expected = [_ids(build_chain(settings).process(batch, NOW)) for batch in batches]
        answers = _two_callers(child, batches, rounds=6)
        assert answers == {0: [expected[0]] * 6, 1: [expected[1]] * 6}
        assert child.most_pending == ChainProcess.DEPTH  # the second batch was sent before the first was answered
    finally:
        child.close()


def test_a_child_killed_with_two_batches_in_its_pipe_answers_both_once_started_again() -> None:
    settings = Settings.from_env({})
    child = ChainProcess(settings)
    try:
        payloads = _payloads() * 4  # long enough that both batches are still in the pipe when it is killed
        batches = [payloads[:50], payloads[50:]]
        expected = [_ids(build_chain(settings).process(batch, NOW)) for batch in batches]
        first = child.pid
        assert first is not None
        results: dict[int, list[list[str]]] = {}
        caller = threading.Thread(target=lambda: results.update(_two_callers(child, batches, rounds=1)))
        caller.start()
        deadline = time.monotonic() + 30
        while child.pending < 2 and time.monotonic() < deadline:
            time.sleep(0.001)
        assert child.pending == 2
        os.kill(first, signal.SIGKILL)
        caller.join(120)
        assert results == {0: [expected[0]], 1: [expected[1]]}
        assert child.restarts == 1 and child.pid != first
    finally:
        child.close()


def test_closing_the_child_fails_a_caller_still_waiting_instead_of_leaving_it_hanging() -> None:
    child = ChainProcess(Settings.from_env({}))
    payloads = _payloads() * 8
    outcome: list[BaseException | int] = []

    def call() -> None:
        try:
            outcome.append(len(child.process(payloads, NOW)))
        except ChainProcessError as exc:
            outcome.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    deadline = time.monotonic() + 30
    while child.pending < 1 and time.monotonic() < deadline:
        time.sleep(0.001)
    child.close(timeout_s=0.0)  # no time to finish: the child is killed with the batch in hand
    caller.join(30)
    assert not caller.is_alive()
    assert len(outcome) == 1
    # Either the child answered before it was killed, or the caller was told why it never will.
    assert outcome[0] == len(payloads) or isinstance(outcome[0], ChainProcessError)
    with pytest.raises(ChainProcessError):
        child.process(payloads[:2], NOW)
