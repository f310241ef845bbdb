"""Every `triage` command answers -h with its usage and status 0, without a broker or a model."""

from __future__ import annotations

import pytest

from pipeline.cli import main, parser


def _commands() -> list[str]:
    sub = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)  # type: ignore[attr-defined]


def test_there_are_commands() -> None:
    assert {"worker", "batch", "models", "settings", "lag-exporter"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "-h"])
    assert exit_info.value.code == 0
    assert f"triage {command}" in capsys.readouterr().out
