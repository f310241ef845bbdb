"""`triage batch`: the streaming chain offline, with no network at all (a fresh network namespace)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, unavailable

SAMPLES = REPO / "demo" / "samples"


def _run(args: list[str], **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIAGE_")}
    return subprocess.run(args, capture_output=True, text=True, cwd=REPO, env=env, timeout=600, **kw)


def _mixed_input(tmp_path: Path) -> tuple[Path, int, int]:
    good = [line for line in (SAMPLES / "reports.jsonl").read_text().splitlines() if line.strip()]
    bad = [line for line in (SAMPLES / "malformed.jsonl").read_text().splitlines() if line.strip()]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(good[:10] + bad + good[10:]) + "\n")
    return path, len(good), len(bad)


def test_batch_writes_one_triaged_report_per_valid_line_and_rejects_the_rest(tmp_path: Path) -> None:
    path, good, bad = _mixed_input(tmp_path)
    out = tmp_path / "out.jsonl"
    done = _run([sys.executable, "-m", "pipeline.cli", "batch", str(path), "--out", str(out)])
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == good
    assert all(r["summary"] and r["explanation"]["reason"] and r["models"] for r in rows)
    rejects = [json.loads(line) for line in Path(f"{out}.rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == bad and all(r["reason"] and r["offset"] > 0 for r in rejects)
    assert "reports/s" in done.stderr and "precedence:" in done.stderr


def test_batch_reads_stdin_and_writes_stdout(tmp_path: Path) -> None:
    line = (SAMPLES / "reports.jsonl").read_text().splitlines()[0]
    done = _run([sys.executable, "-m", "pipeline.cli", "batch", "-"], input=line + "\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["report_id"] == json.loads(line)["report_id"]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="util-linux unshare is not installed")
def test_batch_works_with_no_network_at_all(tmp_path: Path) -> None:
    probe = subprocess.run(["unshare", "--net", "--map-root-user", "true"], capture_output=True)
    if probe.returncode != 0:
        unavailable(f"cannot create a network namespace: {probe.stderr!r}")
    path, good, _ = _mixed_input(tmp_path)
    out = tmp_path / "out.jsonl"
    done = _run(
        [
            "unshare",
            "--net",
            "--map-root-user",
            sys.executable,
            "-m",
            "pipeline.cli",
            "batch",
            str(path),
            "--out",
            str(out),
        ]
    )
    assert done.returncode == 0, done.stderr
    assert len(out.read_text().splitlines()) == good
