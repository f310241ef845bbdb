"""What the figures were measured on: device name, CPU, library versions, git revision."""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from pipeline.settings import REPO_ROOT

PACKAGES = (
    "faust-streaming",
    "aiokafka",
    "kafka-python",
    "onnxruntime-gpu",
    "onnxruntime",
    "spacy",
    "numpy",
    "mistral-common",
    "sentencepiece",
)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def gpu_name() -> str | None:
    try:
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    names = [n.strip() for n in out.stdout.splitlines() if n.strip()]
    return names[0] if out.returncode == 0 and names else None


def device_name(providers: Sequence[str]) -> str:
    """`cpu-2c` on CPU; `cuda-<gpu>` when the model session runs on a GPU provider."""
    if any(p in ("CUDAExecutionProvider", "TensorrtExecutionProvider") for p in providers):
        gpu = (gpu_name() or "gpu").lower().replace("nvidia", "").strip().replace(" ", "-")
        return f"cuda-{gpu}"
    return f"cpu-{os.cpu_count()}c"


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return found


def git_revision() -> dict[str, Any]:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""

    try:
        return {"commit": git("rev-parse", "HEAD") or None, "dirty": bool(git("status", "--porcelain"))}
    except (OSError, subprocess.TimeoutExpired):
        return {"commit": None, "dirty": None}


def describe(providers: Sequence[str]) -> dict[str, Any]:
    return {
        "device": device_name(providers),
        "cpu_model": cpu_model(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "gpu": gpu_name(),
        "versions": versions(),
        "git": git_revision(),
    }
