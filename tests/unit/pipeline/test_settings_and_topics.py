"""Settings come from TRIAGE_ variables with clear errors; topic routing never writes down."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.settings import Settings, SettingsError
from pipeline.topics import TopicNames
from schemas.vocab import Classification, Precedence


def test_defaults_without_environment() -> None:
    s = Settings.from_env({})
    assert s.kafka_bootstrap == "127.0.0.1:9092" and s.partitions == 8 and s.web_port == 6066


def test_environment_is_parsed_and_typed() -> None:
    s = Settings.from_env({"TRIAGE_PARTITIONS": "12", "TRIAGE_WEB_ENABLED": "no", "TRIAGE_KAFKA_BOOTSTRAP": "a:1, b:2"})
    assert s.partitions == 12 and s.web_enabled is False and s.bootstrap_servers == ["a:1", "b:2"]


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("TRIAGE_PARTITIONS", "many"),
        ("TRIAGE_PARTITIONS", "0"),
        ("TRIAGE_PROVIDERS", "tpu"),
        ("TRIAGE_WEB_ENABLED", "maybe"),
    ],
)
def test_bad_values_name_the_variable(var: str, value: str) -> None:
    with pytest.raises(SettingsError, match=var):
        Settings.from_env({var: value})


def test_settings_are_frozen() -> None:
    s = Settings.from_env({})
    with pytest.raises(AttributeError):
        s.partitions = 3  # type: ignore[misc]


def test_every_setting_is_documented() -> None:
    rows = Settings.documentation()
    assert all(doc for _, _, doc in rows) and any(v == "TRIAGE_WEB_PORT" for v, _, _ in rows)


def test_topic_names_with_prefix() -> None:
    names = TopicNames.of(Settings.from_env({"TRIAGE_TOPIC_PREFIX": "x."}))
    assert names.raw == "x.reports.raw" and names.alerts[Classification.SECRET] == "x.alerts.secret"
    assert (
        len(set(names.all())) == 26
        and names.urgent == "x.reports.urgent"
        and names.single_partition() == ["x.events.input"]
    )


@given(st.sampled_from(list(Classification)), st.sampled_from(list(Precedence)))
def test_alert_routing_never_goes_below_the_report_level(level: Classification, precedence: Precedence) -> None:
    names = TopicNames.of(Settings.from_env({}))
    level_of = {t: c for c, t in names.alerts.items()} | {t: c for c, t in names.flash.items()}
    for topic in names.for_alert(level, precedence):
        assert level_of[topic] is level
    assert (names.flash[level] in names.for_alert(level, precedence)) == (precedence is Precedence.FLASH)
    assert (names.alerts[level] in names.for_alert(level, precedence)) == (precedence is not Precedence.ROUTINE)


def test_the_readme_table_is_the_settings_documentation() -> None:
    # README "Configuration" lists every TRIAGE_ variable with the code's own description.
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(TRIAGE_[A-Z0-9_]+)` \| [^|]* \| (.*) \|$", readme, re.M))
    documented = {var: doc for var, _, doc in Settings.documentation()}
    assert rows == documented
