"""From an installed package (the code without its checkout) the defaults still make sense: state goes
under the working directory, the policy and the gazetteer come from package data, and a missing model
is named with the setting that fixes it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _installed(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    site, cwd = tmp_path / "site", tmp_path / "cwd"
    cwd.mkdir()
    for package in ("pipeline", "operators", "schemas"):
        shutil.copytree(ROOT / package, site / package, ignore=shutil.ignore_patterns("__pycache__"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIAGE_")}
    env["PYTHONPATH"] = str(site)
    return site, cwd, env


def test_state_goes_under_the_working_directory(tmp_path: Path) -> None:
    _, cwd, env = _installed(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "settings"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    values = dict(line.split("\t")[0].split("=", 1) for line in done.stdout.splitlines() if line.startswith("TRIAGE_"))
    assert values["TRIAGE_DATA_DIR"] == str(cwd / ".triage")
    assert values["TRIAGE_ARCHIVE_DIR"] == str(cwd / ".triage" / "archive")


def test_a_missing_model_names_the_setting_and_the_policy_loads(tmp_path: Path) -> None:
    _, cwd, env = _installed(tmp_path)
    report = {
        "report_id": "r1",
        "source": {"unit": "A Coy", "reliability": "B"},
        "credibility": 2,
        "classification": "SECRET",
        "text": "Troops in contact at the bridge.",
    }
    (cwd / "in.jsonl").write_text(json.dumps(report) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "batch", "in.jsonl"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 4 and "set TRIAGE_MODEL_DIR" in done.stderr, done.stderr
    check = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "policy", "check"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0 and "0 problems" in check.stderr, check.stdout + check.stderr
    env["TRIAGE_MODEL_DIR"] = str(ROOT / "models" / "default")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "batch", "in.jsonl", "--out", "out.jsonl"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads((cwd / "out.jsonl").read_text())["precedence"] == "FLASH"
