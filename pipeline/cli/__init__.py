"""The `triage` command. One module per command group; each registers its subcommands and only wires
settings, clients and operators together: the logic lives in operators/ and pipeline/.

  produce, replay            publish reports (pipeline/cli/publish.py)
  tail                       read a topic, opening sealed messages (pipeline/cli/read.py)
  worker, lag-exporter       run a worker, or the broker-side lag exporter (pipeline/cli/run.py)
  topics                     create and describe the topics (pipeline/cli/topics.py)
  batch, evaluate            triage files offline, score a labelled set (pipeline/cli/offline.py)
  policy check, explain      validate the policy; every rule and factor behind a judgement (pipeline/cli/policy.py)
  feedback, export stix      analysts' corrections, STIX bundles (pipeline/cli/intel.py)
  keys, audit                sealing keys, the audit trail (pipeline/cli/protection.py)
  models, settings           model artifacts, every TRIAGE_ variable (pipeline/cli/admin.py)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pipeline.admin import BrokerUnavailable, TopicsNotAuthorized
from pipeline.cli import admin, intel, offline, policy, protection, publish, read, run, topics
from pipeline.cli.common import EXIT_BROKER, EXIT_REFUSED, EXIT_USAGE
from pipeline.settings import Settings, SettingsError

GROUPS = (publish, read, run, topics, offline, policy, intel, protection, admin)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="triage", description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["models"]:
        # Everything after `models` is the model tool's own command line (its -h included): argparse's
        # REMAINDER would not take an option as the first remaining argument.
        from models.recipe.cli import main as models_main

        return models_main(argv[1:])
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return int(args.run(args, settings) or 0)
    except SettingsError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokerUnavailable as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_BROKER
    except TopicsNotAuthorized as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
