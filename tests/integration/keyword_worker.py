"""`triage worker` with a keyword stand-in for the model: deterministic precedences, no model files.

For broker tests about transport and message protection, which need alerts at known levels but not
the model's judgement (and must not depend on models/default while it is being rebuilt). Everything
except `build_chain` is the real worker: settings, topics, Faust app, agents, sealing, audit.
Run as `python tests/integration/keyword_worker.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from operators.chain import PassThroughTriage, TriageChain
from operators.ingest import IngestLimits
from schemas.errors import Rejection
from schemas.reports import FieldReport, TriagedReport

FLASH_WORDS = ("tic", "chemical")


class KeywordTriage(PassThroughTriage):
    name = "keyword-stand-in"

    def triage(
        self, reports: Sequence[FieldReport], now: datetime, timings: object = None
    ) -> list[TriagedReport | Rejection]:
        out: list[TriagedReport | Rejection] = []
        for report in reports:
            triaged = self._one(report, now)
            words = report.text.lower().split()
            if any(w in words for w in FLASH_WORDS):
                triaged = replace(triaged, precedence="FLASH", category="attack")
            elif "nstr." not in words:
                triaged = replace(triaged, precedence="IMMEDIATE", category="air_activity")
            out.append(replace(triaged, summary=f"{triaged.precedence} · {triaged.category} · {report.report_id}"))
        return out


def build_chain(settings, passthrough: bool = False) -> TriageChain:  # type: ignore[no-untyped-def]
    return TriageChain(KeywordTriage(), IngestLimits(settings.max_message_bytes, settings.max_text_chars))


if __name__ == "__main__":
    import pipeline.components
    from pipeline.cli import main

    pipeline.components.build_chain = build_chain  # type: ignore[assignment]
    sys.exit(main(["worker", *sys.argv[1:]]))
