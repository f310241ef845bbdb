"""docs/operating.md names every metric the worker and the lag exporter export, links every alert to its
runbook section, and covers every top-level value of the chart."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import REPO

from .toolbox import CHART, alerting_rules

pytestmark = pytest.mark.ops

OPERATING = REPO / "docs" / "operating.md"


def exported_names() -> set[str]:
    from pipeline.lag import LagExporter
    from pipeline.metrics import Metrics
    from pipeline.settings import Settings

    names = set()
    for registry in (Metrics().registry, LagExporter(Settings()).registry):
        for family in registry.collect():
            if family.name.startswith(("process_", "python_")):
                continue
            names.add(f"{family.name}_total" if family.type == "counter" else family.name)
    return names


def test_every_exported_metric_is_explained() -> None:
    text = OPERATING.read_text()
    missing = sorted(name for name in exported_names() if f"`{name}`" not in text)
    assert not missing, f"docs/operating.md does not explain {missing}"


def test_every_alert_is_listed_with_its_runbook_link() -> None:
    text = OPERATING.read_text()
    for rule in alerting_rules():
        link = f"[{rule['alert']}](runbook.md#{rule['alert'].lower()})"
        assert link in text, f"docs/operating.md does not link {rule['alert']} to its runbook section"


def test_every_top_level_chart_value_is_described() -> None:
    text = OPERATING.read_text()
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    skip = {
        "nameOverride",
        "fullnameOverride",
        "image",
        "imagePullSecrets",
        "podSecurityContext",
        "securityContext",
        "podAnnotations",
        "podLabels",
    }
    missing = sorted(key for key in values if key not in skip and not re.search(rf"`{key}[.`]", text))
    assert not missing, f"docs/operating.md does not describe the chart values {missing}"
