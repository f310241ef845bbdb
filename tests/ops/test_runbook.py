"""docs/runbook.md has a complete section for every alert, at the anchor its runbook_url names."""

from __future__ import annotations

import re

import pytest

from .toolbox import RUNBOOK, alerting_rules

pytestmark = pytest.mark.ops

PARTS = ("**Meaning.**", "**Impact.**", "**First checks.**", "**Mitigation.**")


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def sections() -> dict[str, str]:
    """{anchor: text} of every `## ` section of the runbook."""
    text = RUNBOOK.read_text()
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {anchor(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda r: r["alert"])
def test_runbook_url_anchor_exists(rule: dict) -> None:
    url = rule["annotations"]["runbook_url"]
    path, _, fragment = url.partition("#")
    assert path == "docs/runbook.md" and fragment, url
    assert fragment in sections(), f"{rule['alert']}: no section '#{fragment}' in docs/runbook.md"


@pytest.mark.parametrize("rule", alerting_rules(), ids=lambda r: r["alert"])
def test_runbook_section_is_complete(rule: dict) -> None:
    text = sections()[rule["annotations"]["runbook_url"].partition("#")[2]]
    for part in PARTS:
        assert part in text, f"{rule['alert']}: the runbook section has no {part}"
    assert "```sh" in text, f"{rule['alert']}: the runbook section gives no commands to run"


def test_no_section_for_an_alert_that_does_not_exist() -> None:
    alerts = {r["alert"].lower() for r in alerting_rules()}
    looks_like_alert = {a for a in sections() if re.fullmatch(r"(triage|kafka)[a-z]+", a)}
    assert looks_like_alert <= alerts, f"runbook sections without an alert: {sorted(looks_like_alert - alerts)}"


def test_links_inside_the_runbook_resolve() -> None:
    targets = set(re.findall(r"\]\(#([^)]+)\)", RUNBOOK.read_text()))
    assert targets <= set(sections()), f"broken links: {sorted(targets - set(sections()))}"
