"""Run by `make test-future`: proves the clock really was moved for that run (and passes on any date)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest


def _offset() -> timedelta | None:
    match = re.fullmatch(r"\+(\d+)d", os.environ.get("FAKETIME", ""))
    return timedelta(days=int(match.group(1))) if match and "libfaketime" in os.environ.get("LD_PRELOAD", "") else None


def test_the_clock_is_moved_when_faketime_is_asked_for() -> None:
    offset = _offset()
    if offset is None:
        pytest.skip("not under libfaketime (make test-future)")
    # A child without the preload tells the real time; this process and its workers see the moved one.
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "FAKETIME")}
    real = float(
        subprocess.run(
            [sys.executable, "-c", "import time; print(time.time())"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert abs(time.time() - real - offset.total_seconds()) < 60
    assert datetime.now(UTC) - datetime.fromtimestamp(real, UTC) > offset - timedelta(minutes=1)
