"""ops/tools/install.sh: valid shell, and a second run over installed tools changes nothing."""

from __future__ import annotations

import os

import pytest
from conftest import REPO

from .toolbox import TOOLS, k8s_schemas, run, tool

pytestmark = pytest.mark.ops

INSTALL = REPO / "ops" / "tools" / "install.sh"


def test_install_script_is_valid_bash() -> None:
    run("bash", "-n", INSTALL)
    assert os.access(INSTALL, os.X_OK)


def test_install_script_is_idempotent() -> None:
    for name in ("prometheus", "promtool", "helm", "kubeconform"):
        tool(name)
    k8s_schemas()
    result = run(INSTALL, TOOLS, timeout=60)
    for name in ("prometheus", "helm", "kubeconform", "kubernetes schemas"):
        assert f"ops-tools: {name}: present" in result.stdout, result.stdout
