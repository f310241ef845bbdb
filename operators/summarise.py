"""The BLUF line: one English line per report, whatever the report's language.

`FLASH · attack · troops in contact, 2 WIA · 2x T-72B3 · 31U GR 1033 3897 (Wiltz) · 261502Z · source B2`
Only glosses, canonical names, grids and numbers are used, so nothing needs translating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from operators.entities.dtg import short_dtg
from operators.policy.cues import DEESCALATING, Cue

_CASUALTIES = re.compile(
    r"\b(\d{1,3})\s*x?\s*(WIA|KIA|MIA|wounded|killed|injured|dead|blessés?|tués?|morts?|Verwundete?n?|Verletzte?n?|Tote|Gefallene?n?)\b",
    re.IGNORECASE,
)
_CASUALTY_CODE = {
    "wia": "WIA",
    "wounded": "WIA",
    "injured": "WIA",
    "blessé": "WIA",
    "blessés": "WIA",
    "verwundete": "WIA",
    "verwundeten": "WIA",
    "verwundet": "WIA",
    "verletzte": "WIA",
    "verletzten": "WIA",
    "verletzt": "WIA",
    "kia": "KIA",
    "killed": "KIA",
    "dead": "KIA",
    "tué": "KIA",
    "tués": "KIA",
    "mort": "KIA",
    "morts": "KIA",
    "tote": "KIA",
    "gefallene": "KIA",
    "gefallenen": "KIA",
    "gefallen": "KIA",
    "mia": "MIA",
}


@dataclass(frozen=True, slots=True)
class SummaryInput:
    precedence: str
    category: str
    text: str
    cues: list[Cue]
    equipment: list[str]
    grid: str | None
    place: str | None
    observed_at: datetime | None
    dtg: str | None
    reliability: str
    credibility: int


def casualties(text: str) -> list[str]:
    """'2 WIA', '1 KIA' ... normalised to NATO codes, summed per code, in first-seen order."""
    totals: dict[str, int] = {}
    for m in _CASUALTIES.finditer(text):
        code = _CASUALTY_CODE.get(m.group(2).lower())
        if code:
            totals[code] = totals.get(code, 0) + int(m.group(1))
    return [f"{n} {code}" for code, n in totals.items()]


def bluf(item: SummaryInput) -> str:
    parts = [item.precedence, item.category.replace("_", " ")]
    what: list[str] = []
    for cue in item.cues:
        if cue.kind not in DEESCALATING and cue.gloss not in what and cue.kind != "casualties":
            what.append(cue.gloss)
    what = what[:2] + casualties(item.text)
    if any(c.kind in DEESCALATING for c in item.cues):
        what.append(next(c.gloss for c in item.cues if c.kind in DEESCALATING))
    if what:
        parts.append(", ".join(what))
    if item.equipment:
        parts.append(", ".join(dict.fromkeys(item.equipment))[:80])
    if item.grid and item.place:
        parts.append(f"{item.grid} ({item.place})")
    elif item.grid or item.place:
        parts.append(item.grid or item.place or "")
    if item.observed_at is not None:
        parts.append(short_dtg(item.observed_at))
    elif item.dtg:
        parts.append(item.dtg)
    parts.append(f"source {item.reliability}{item.credibility}")
    return " · ".join(parts)
