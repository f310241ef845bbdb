"""Imports point downward only: pipeline -> operators -> schemas. The operators and the schemas are
Kafka-free and Faust-free, at import time too (checked in a fresh interpreter). torch is not checked at
import time: spaCy's thinc imports it when it is installed (the model-building extra); the source never does."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "schemas": ("pipeline", "operators", "faust", "aiokafka", "kafka", "mode"),
    "operators": ("pipeline", "faust", "aiokafka", "kafka", "mode", "torch", "transformers"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_upward_or_transport_imports_in_the_source(package: str) -> None:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, module in _imports(path):
            if module.split(".")[0] in FORBIDDEN[package]:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert bad == []


def test_importing_every_operator_loads_no_transport() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for package in FORBIDDEN
        for p in (ROOT / package).rglob("*.py")
        if p.name != "__main__.py" and "make_" not in p.name
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "loaded = sorted({n.split('.')[0] for n in sys.modules} & {'faust', 'aiokafka', 'kafka', 'mode', 'pipeline'})\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"importing operators and schemas loaded {done.stdout.strip()}"
