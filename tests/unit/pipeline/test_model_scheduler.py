"""The model threads (pipeline/lanes.py ModelScheduler): urgent work before bulk work not yet started,
every caller gets its own results, and close() ends every thread."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from datetime import UTC, datetime

from pipeline.lanes import ModelScheduler

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


class GatedChain:
    """Answers each payload with itself; every call waits until the gate opens, and the calls are logged."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.calls: list[list[bytes | None]] = []
        self.lock = threading.Lock()

    def process(
        self, payloads: Sequence[bytes | None], now: datetime, timings: object = None, received: object = None
    ) -> list[object]:
        with self.lock:
            self.calls.append(list(payloads))
        self.gate.wait(10)
        return list(payloads)


async def _run(threads: int) -> tuple[GatedChain, dict[str, Sequence[object]]]:
    chain = GatedChain()
    scheduler = ModelScheduler(chain, chunk=2, threads=threads)  # type: ignore[arg-type]
    bulk = [f"b{i}".encode() for i in range(8)]
    running = asyncio.create_task(scheduler.run(bulk, NOW, urgent=False))
    while len(chain.calls) < threads:  # every thread holds a bulk chunk, the rest wait in the queue
        await asyncio.sleep(0.01)
    urgent = asyncio.create_task(scheduler.run([b"u0", b"u1", b"u2"], NOW, urgent=True))
    await asyncio.sleep(0.05)
    chain.gate.set()
    results: dict[str, Sequence[object]] = {"bulk": await running, "urgent": await urgent}
    scheduler.close()
    for thread in scheduler._threads:
        thread.join(5)
        assert not thread.is_alive()
    assert scheduler.busy_since is None
    return chain, results


def test_urgent_work_goes_before_bulk_work_not_yet_started_with_one_or_two_model_threads() -> None:
    for threads in (1, 2):
        chain, results = asyncio.run(_run(threads))
        assert results["bulk"] == [f"b{i}".encode() for i in range(8)]
        assert results["urgent"] == [b"u0", b"u1", b"u2"]  # one job, not cut into bulk chunks
        # The chunks already taken run first; the urgent job comes next, before the bulk chunks left.
        assert chain.calls.index([b"u0", b"u1", b"u2"]) == threads
        assert len(chain.calls) == 5
