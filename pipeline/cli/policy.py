"""`triage policy check` and `triage explain`: validate the policy; show, for a report, every rule and factor."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.cli.common import EXIT_USAGE, lines, model_unusable
from pipeline.settings import Settings

EXIT_POLICY = 8


def register(sub: Any) -> None:
    policy = sub.add_parser("policy", help="the triage policy (operators/policy): check it")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True, metavar="ACTION")
    check = policy_sub.add_parser("check", help="schema, ids, every example matches, no counter-example matches")
    check.add_argument("folder", nargs="?", help="a policy folder (default: the shipped policy)")
    check.set_defaults(run=cmd_policy_check)

    explain = sub.add_parser("explain", help="triage reports and print every rule, row and factor that fired, and why")
    explain.add_argument("file", help="JSON Lines file of reports, or - for standard input")
    explain.add_argument("--now", help="the clock, ISO 8601 (default: now); reports are judged as on arrival at it")
    explain.set_defaults(run=cmd_explain)
    register_calibrate(sub)


def cmd_policy_check(args: argparse.Namespace, settings: Settings) -> int:
    from operators.policy.engine import DATA, PolicyError, check, load_policy

    folder = Path(args.folder) if args.folder else DATA
    try:
        policy = load_policy(folder)
    except PolicyError as exc:
        print(f"triage: policy in {folder}: {exc}", file=sys.stderr)
        return EXIT_POLICY
    problems = check(policy)
    for problem in problems:
        print(problem)
    rows = len(policy.cues) + len(policy.terms)
    examples = sum(len(r.examples) + len(r.counter_examples) for r in policy.cues) + sum(
        len(r.examples) + len(r.counter_examples) for r in policy.terms
    )
    print(
        f"policy {policy.name}: {rows} rows, {len(policy.rules)} precedence rules, {examples} examples checked, "
        f"{len(problems)} problems",
        file=sys.stderr,
    )
    return EXIT_POLICY if problems else 0


def cmd_explain(args: argparse.Namespace, settings: Settings) -> int:
    from operators.inference.manifest import ModelError
    from pipeline.components import build_chain
    from schemas.errors import Rejection

    if args.file != "-" and not Path(args.file).is_file():
        print(f"triage: no such file: {args.file}", file=sys.stderr)
        return EXIT_USAGE
    try:
        now = datetime.fromisoformat(args.now) if args.now else datetime.now(UTC)
        chain = build_chain(settings)
    except ValueError:
        print("triage: --now must be an ISO 8601 time with an offset", file=sys.stderr)
        return EXIT_USAGE
    except ModelError as exc:
        return model_unusable(settings, exc)
    for line in lines(args.file):
        [result] = chain.process([line], now)
        if isinstance(result, Rejection):
            print(f"rejected ({result.reason.value}): {result.detail}\n")
            continue
        print(
            f"{result.report_id}: {result.precedence} · {result.category} · score {result.priority_score:.4f}"
            f" · policy {result.policy}"
        )
        print(f"  reason: {result.explanation.reason}")
        if result.needs_review:
            print(f"  needs review: {'; '.join(result.review_reasons)}")
        total = 0.0
        for f in result.explanation.factors:
            total += f.weight
            evidence = f" ← '{f.evidence}' [{f.start}:{f.end}]" if f.evidence else ""
            print(f"  {f.weight:+.4f}  {f.name:<28} {f.value}{evidence}")
        print(f"  {total:+.4f}  = priority score")
        print(f"  rows and rules that fired: {', '.join(result.explanation.rules) or 'none'}\n")
    return 0


def register_calibrate(sub: Any) -> None:
    calibrate = sub.add_parser("calibrate", help="fit the calibrated confidences on labelled development sets")
    calibrate.add_argument(
        "files", nargs="+", help="labelled JSON Lines sets (development sets only, never a check set)"
    )
    calibrate.add_argument("--write", action="store_true", help="write operators/policy/data/calibration.yaml")
    calibrate.add_argument("--plot", help="a PNG reliability diagram for the model card")
    calibrate.set_defaults(run=cmd_calibrate)


def cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    import json

    import yaml

    from operators.policy.engine import DATA
    from pipeline.components import build_chain
    from pipeline.evaluation import fit_calibration, judged

    pairs = judged(build_chain(settings), [Path(f) for f in args.files])
    calibration, report = fit_calibration(pairs)
    print(json.dumps({"calibration": calibration.to_params(), **report}, indent=2))
    if args.write:
        path = DATA / "calibration.yaml"
        path.write_text(
            "# Calibrated confidences, fitted by `triage calibrate` on the development sets named below (never on a\n"
            "# check set): the category temperature and the weights of the precedence model (operators/calibration.py).\n"
            f"# Fitted on: {', '.join(Path(f).name for f in args.files)} ({report['reports']} reports).\n"
            + yaml.safe_dump(calibration.to_params(), sort_keys=False)
        )
        print(f"wrote {path}", file=sys.stderr)
    if args.plot:
        _plot(report, args.plot)
    return 0


def _plot(report: dict[str, Any], path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(9, 4.2))
    for ax, key, title in (
        (axes[0], "category_reliability", f"category (ECE {report['category_ece']:.3f})"),
        (axes[1], "precedence_reliability", f"precedence (ECE {report['precedence_ece']:.3f})"),
    ):
        bins = report[key]
        ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect")
        ax.bar([c for c, _, _ in bins], [a for _, a, _ in bins], width=0.08, alpha=0.7, label="accuracy per bin")
        for conf, acc, n in bins:
            ax.annotate(str(n), (conf, acc), textcoords="offset points", xytext=(0, 3), ha="center", fontsize=7)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.05)
        ax.set_xlabel("stated confidence")
        ax.set_ylabel("share correct")
        ax.set_title(title)
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
