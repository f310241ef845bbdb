"""Fixtures of the functional tier (the harness itself is in intel_memory.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from .intel_memory import SCENARIO_TIMEOUT_S, Intel, build_intel


@pytest.fixture
def run() -> Callable[[Coroutine[Any, Any, None]], None]:
    """Run one scenario in a fresh event loop, bounded so that a stuck agent fails instead of hanging."""

    def runner(scenario: Coroutine[Any, Any, None]) -> None:
        asyncio.run(asyncio.wait_for(scenario, SCENARIO_TIMEOUT_S))

    return runner


@pytest.fixture
def intel(tmp_path: Path) -> Iterator[Callable[..., Intel]]:
    """`intel(worker="w", **settings)`: one worker's intel side in memory, its state under tmp_path/worker."""
    built: list[Intel] = []

    def make(worker: str = "worker", **overrides: Any) -> Intel:
        h = build_intel(tmp_path / worker, **overrides)
        built.append(h)
        return h

    yield make
    for h in built:
        h.close()
