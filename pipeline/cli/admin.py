"""`triage models` and `triage settings`: model artifacts, and every TRIAGE_ variable with its value."""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.settings import Settings


def register(sub: Any) -> None:
    models = sub.add_parser("models", help="export, verify or build models (see `triage models -h`)", add_help=False)
    models.add_argument("args", nargs=argparse.REMAINDER)
    models.set_defaults(run=cmd_models)
    settings = sub.add_parser("settings", help="list every TRIAGE_ environment variable with its value")
    settings.set_defaults(run=cmd_settings)


def cmd_models(args: argparse.Namespace, settings: Settings) -> int:
    from models.recipe.cli import main as models_main

    return models_main(list(args.args))


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for var, default, doc in Settings.documentation():
        current = settings.shown(var.removeprefix("TRIAGE_").lower())
        print(f"{var}={current}\t# {doc} (default {default})")
    return 0
