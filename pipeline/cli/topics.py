"""`triage topics`: create the pipeline's topics that are missing, and describe them."""

from __future__ import annotations

import argparse
from typing import Any

from pipeline.admin import describe_topics, ensure_pipeline_topics
from pipeline.settings import Settings
from pipeline.topics import TopicNames


def register(sub: Any) -> None:
    topics = sub.add_parser("topics", help="create the pipeline's topics that are missing and describe them")
    topics.add_argument("--partitions", type=int, help="partitions for topics created now (default TRIAGE_PARTITIONS)")
    topics.set_defaults(run=cmd_topics)


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    if args.partitions:
        settings = Settings.from_env(partitions=args.partitions)
    created = ensure_pipeline_topics(settings)
    names = TopicNames.of(settings)
    for name, partitions in sorted(describe_topics(settings, names.all() + names.single_partition()).items()):
        mark = " (created)" if name in created else ""
        print(f"{name}\t{partitions} partitions{mark}")
    return 0
