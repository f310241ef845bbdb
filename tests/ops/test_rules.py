"""The Prometheus rules: promtool accepts them, their unit tests pass, every alert is complete and
tested both ways, and the Helm chart ships exactly these files."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
import yaml

from .toolbox import CHART_RULES_DIR, RULE_TESTS_DIR, alerting_rules, rule_files, run, tool

pytestmark = pytest.mark.ops

SEVERITIES = {"critical", "warning"}
ANNOTATIONS = {"summary", "description", "runbook_url"}


def test_promtool_check_rules() -> None:
    result = run(tool("promtool"), "check", "rules", *rule_files())
    assert "SUCCESS" in result.stdout


def test_promtool_rule_unit_tests() -> None:
    tests = sorted(RULE_TESTS_DIR.glob("*.yaml"))
    assert tests
    result = run(tool("promtool"), "test", "rules", *tests)
    assert "FAILED" not in result.stdout + result.stderr


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda r: r["alert"])
def test_alert_is_complete(rule: dict) -> None:
    assert rule["labels"]["severity"] in SEVERITIES
    assert set(rule["annotations"]) >= ANNOTATIONS, f"missing {ANNOTATIONS - set(rule['annotations'])}"
    assert rule["annotations"]["runbook_url"] == f"docs/runbook.md#{rule['alert'].lower()}"


def test_alert_names_are_unique() -> None:
    names = [r["alert"] for r in alerting_rules()]
    assert len(names) == len(set(names))


def _unit_test_cases() -> dict[str, dict[str, int]]:
    """{alert: {"firing": n, "quiet": n}} over every alert_rule_test of the promtool unit tests."""
    cases: dict[str, dict[str, int]] = {}
    for path in RULE_TESTS_DIR.glob("*.yaml"):
        for test in yaml.safe_load(path.read_text())["tests"]:
            for case in test.get("alert_rule_test", []):
                counts = cases.setdefault(case["alertname"], {"firing": 0, "quiet": 0})
                counts["firing" if case.get("exp_alerts") else "quiet"] += 1
    return cases


def test_every_alert_has_a_firing_and_a_quiet_unit_test() -> None:
    cases = _unit_test_cases()
    for rule in alerting_rules():
        counts = cases.get(rule["alert"], {"firing": 0, "quiet": 0})
        assert counts["firing"] >= 1, f"{rule['alert']}: no promtool test where it fires"
        assert counts["quiet"] >= 1, f"{rule['alert']}: no promtool test where it stays quiet"


def test_unit_tests_name_only_existing_alerts() -> None:
    assert set(_unit_test_cases()) <= {r["alert"] for r in alerting_rules()}


def test_chart_ships_the_same_rule_files() -> None:
    sources = {p.name for p in rule_files()}
    copies = {p.name for p in Path(CHART_RULES_DIR).glob("*.yaml")}
    hint = "copy them: cp ops/monitoring/rules/*.yaml deploy/helm/triage/files/rules/"
    assert sources == copies, f"the chart's rule files differ from ops/monitoring/rules: {hint}"
    for name in sources:
        assert filecmp.cmp(rule_files()[0].parent / name, CHART_RULES_DIR / name, shallow=False), (
            f"{name} differs: {hint}"
        )
