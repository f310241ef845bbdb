"""INTSUM-style briefing for one classification level, and the self-contained HTML page that shows it.

Nothing above the level ever enters a briefing: events and reports are filtered by classification
rank before anything is counted, ranked or rendered. An event is shown whole or not at all (its
classification is the highest of its members'), because even its grouping was decided with every
member in view. Reports of unknown classification are left out: they cannot be shown to be at or
below the level.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from schemas.deadletter import Rejection
from schemas.reports import TriagedReport
from schemas.vocab import Classification, Precedence

from operators.correlate import Event, Member, member_of, parse_time
from operators.summarise import short_dtg

DEFAULT_TOP_N = 10
UNLOCATED = "unlocated"

# Fixed namespace: the same level, time and events give the same briefing id on every worker.
BRIEFING_NAMESPACE = uuid.UUID("7e2a9d41-8c3b-4f6e-a0d5-2b9c4e7f1a63")

# Banner colours of the marking conventions: green, blue for the two middle levels, red.
BANNER_COLOURS: dict[Classification, str] = {
    Classification.UNCLASSIFIED: "#007a33",
    Classification.RESTRICTED: "#0033a0",
    Classification.CONFIDENTIAL: "#0033a0",
    Classification.SECRET: "#c8102e",
}

PRECEDENCE_COLOURS: dict[Precedence, str] = {
    Precedence.FLASH: "#d00000",
    Precedence.IMMEDIATE: "#f48c06",
    Precedence.PRIORITY: "#ffd60a",
    Precedence.ROUTINE: "#adb5bd",
}


@dataclass(frozen=True, slots=True)
class BriefedEvent:
    """What the page shows of one event: no member text, only the fused line and its facts."""

    event_id: str
    precedence: Precedence
    category: str
    summary: str
    classification: Classification
    place: str | None
    mgrs: str | None
    lat: float | None
    lon: float | None
    first_seen: datetime
    last_seen: datetime
    reports: int
    sources: int
    credibility: int
    is_new: bool

    @classmethod
    def of(cls, event: Event, is_new: bool) -> "BriefedEvent":
        return cls(
            event_id=event.event_id,
            precedence=event.precedence,
            category=event.category,
            summary=event.summary,
            classification=event.classification,
            place=event.place,
            mgrs=event.mgrs,
            lat=event.lat,
            lon=event.lon,
            first_seen=event.first_seen,
            last_seen=event.last_seen,
            reports=len(event.members),
            sources=event.independent_sources,
            credibility=event.credibility,
            is_new=is_new,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "precedence": self.precedence.value,
            "category": self.category,
            "summary": self.summary,
            "classification": self.classification.value,
            "place": self.place,
            "mgrs": self.mgrs,
            "lat": self.lat,
            "lon": self.lon,
            "first_seen": self.first_seen.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "reports": self.reports,
            "sources": self.sources,
            "credibility": self.credibility,
            "is_new": self.is_new,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "BriefedEvent":
        return cls(
            event_id=str(data["event_id"]),
            precedence=Precedence(data["precedence"]),
            category=str(data["category"]),
            summary=str(data["summary"]),
            classification=Classification.parse(str(data["classification"])),
            place=data.get("place"),
            mgrs=data.get("mgrs"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            first_seen=_required_time(data["first_seen"]),
            last_seen=_required_time(data["last_seen"]),
            reports=int(data["reports"]),
            sources=int(data["sources"]),
            credibility=int(data["credibility"]),
            is_new=bool(data["is_new"]),
        )


@dataclass(frozen=True, slots=True)
class Briefing:
    briefing_id: str
    level: Classification
    generated_at: datetime
    period_start: datetime
    period_end: datetime
    top_events: tuple[BriefedEvent, ...]
    new_event_ids: tuple[str, ...]
    events_total: int
    reports_total: int
    counts_by_category: dict[str, int]
    counts_by_area: dict[str, int]
    skipped_reports: int  # unreadable, or of unknown classification; counted so it is not silent

    def to_json(self) -> dict[str, Any]:
        return {
            "briefing_id": self.briefing_id,
            "level": self.level.value,
            "generated_at": self.generated_at.isoformat(),
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "top_events": [e.to_json() for e in self.top_events],
            "new_event_ids": list(self.new_event_ids),
            "events_total": self.events_total,
            "reports_total": self.reports_total,
            "counts_by_category": dict(self.counts_by_category),
            "counts_by_area": dict(self.counts_by_area),
            "skipped_reports": self.skipped_reports,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Briefing":
        """Inverse of to_json; raises KeyError or ValueError on anything else."""
        return cls(
            briefing_id=str(data["briefing_id"]),
            level=Classification.parse(str(data["level"])),
            generated_at=_required_time(data["generated_at"]),
            period_start=_required_time(data["period_start"]),
            period_end=_required_time(data["period_end"]),
            top_events=tuple(BriefedEvent.from_json(e) for e in data["top_events"]),
            new_event_ids=tuple(str(i) for i in data["new_event_ids"]),
            events_total=int(data["events_total"]),
            reports_total=int(data["reports_total"]),
            counts_by_category={str(k): int(v) for k, v in data["counts_by_category"].items()},
            counts_by_area={str(k): int(v) for k, v in data["counts_by_area"].items()},
            skipped_reports=int(data["skipped_reports"]),
        )

    @property
    def event_ids(self) -> tuple[str, ...]:
        """The ids shown, to pass as `previous_briefing_event_ids` next time."""
        return tuple(e.event_id for e in self.top_events)


def _required_time(value: Any) -> datetime:
    moment = parse_time(value)
    if moment is None:
        raise ValueError(f"not a time with an offset: {value!r}")
    return moment


def visible(level: Classification, classification: Classification) -> bool:
    return classification.rank <= level.rank


_K = TypeVar("_K")


def _sorted_counts(counter: Counter[_K]) -> dict[_K, int]:
    # Most first, then by name, so that the page and the JSON are stable between runs.
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def build_briefing(
    events: Iterable[Event],
    reports_since_last: Iterable[TriagedReport | Mapping[str, Any]],
    level: Classification,
    now: datetime,
    previous_briefing_event_ids: Collection[str] = (),
    *,
    top_n: int = DEFAULT_TOP_N,
    since: datetime | None = None,
) -> Briefing:
    """The briefing for `level` at `now`: top events, counts, what is new, the period covered.

    Top events: most urgent precedence first, then the most recent last report, then the id.
    Counts are over the reports since the last briefing (at or below the level). "New" means a
    visible event whose id the previous briefing did not show. The period starts at `since` when
    given, else at the earliest time among the visible reports and top events, and ends at `now`.
    """
    shown = [e for e in events if visible(level, e.classification)]
    shown.sort(key=lambda e: (-e.precedence.urgency, -e.last_seen.timestamp(), e.event_id))
    previous = set(previous_briefing_event_ids)
    top = tuple(BriefedEvent.of(e, e.event_id not in previous) for e in shown[: max(0, top_n)])
    new_ids = tuple(e.event_id for e in shown if e.event_id not in previous)

    members: list[Member] = []
    skipped = 0
    for report in reports_since_last:
        member = member_of(report)
        if isinstance(member, Rejection):
            skipped += 1
        elif visible(level, member.classification):
            members.append(member)
    by_category = Counter(m.category for m in members)
    by_area = Counter(m.place or UNLOCATED for m in members)

    times = [m.received_at for m in members] + [e.first_seen for e in top]
    start = since or min(times, default=now)
    seed = f"{level.value}|{now.isoformat()}|{','.join(e.event_id for e in top)}"
    return Briefing(
        briefing_id=f"briefing-{uuid.uuid5(BRIEFING_NAMESPACE, seed)}",
        level=level,
        generated_at=now,
        period_start=min(start, now),
        period_end=now,
        top_events=top,
        new_event_ids=new_ids,
        events_total=len(shown),
        reports_total=len(members),
        counts_by_category=_sorted_counts(by_category),
        counts_by_area=_sorted_counts(by_area),
        skipped_reports=skipped,
    )


# ---------------------------------------------------------------------------------------------
# HTML

_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#f4f5f7}
.banner{color:#fff;text-align:center;font-weight:700;letter-spacing:.15em;padding:4px 0}
.banner-bottom{position:sticky;bottom:0}
main{max-width:1200px;margin:0 auto;padding:12px 16px}
h1{font-size:20px;margin:8px 0 2px}
h2{font-size:16px;margin:18px 0 6px}
.meta{color:#555;font-size:13px}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px}
@media (max-width:800px){.grid{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#e9ecef;font-size:13px}
.prec{font-weight:700;padding:2px 6px;border-radius:3px;white-space:nowrap}
.new{font-size:11px;font-weight:700;color:#fff;background:#222;border-radius:3px;padding:1px 4px;margin-left:4px}
.counts td:last-child{text-align:right}
svg{background:#fff;border:1px solid #ccc;width:100%;height:auto}
.empty{color:#666;font-style:italic}
"""

_SCRIPT = """
(function(){
  var token = document.documentElement.getAttribute("data-stream-token")
    || new URLSearchParams(window.location.search).get("token") || "";
  if (!window.EventSource) { return; }
  var source = new EventSource("./briefing/stream?token=" + encodeURIComponent(token));
  function swap(message) {
    var page = new DOMParser().parseFromString(message.data, "text/html");
    if (!page.body || !page.body.firstElementChild) { return; }
    document.body.replaceChildren.apply(document.body,
      Array.prototype.map.call(page.body.childNodes, function(n){ return document.importNode(n, true); }));
    if (page.title) { document.title = page.title; }
  }
  source.addEventListener("message", swap);
  source.addEventListener("briefing", swap);
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(css: str) -> str:
    """The page may load nothing from anywhere and connect only to its own origin, for the stream;
    its one style and one script are allowed by hash, not by 'unsafe-inline'."""
    return (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; "
        f"script-src {_csp_hash(_SCRIPT)}; "
        "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _banner(level: Classification, where: str) -> str:
    return (
        f'<div class="banner banner-{where}" role="note" aria-label="classification" '
        f'data-banner="{_e(level.value)}">{_e(level.value)}</div>'
    )


def _prec_cell(precedence: Precedence) -> str:
    return f'<span class="prec prec-{precedence.value.lower()}">{_e(precedence.value)}</span>'


def _event_rows(briefing: Briefing) -> str:
    if not briefing.top_events:
        return '<tr><td colspan="7" class="empty">No events at or below this level.</td></tr>'
    rows = []
    for i, e in enumerate(briefing.top_events, 1):
        where = e.place or e.mgrs or "location unknown"
        if e.place and e.mgrs:
            where = f"{e.place} ({e.mgrs})"
        span = short_dtg(e.first_seen) if e.first_seen == e.last_seen else f"{short_dtg(e.first_seen)}–{short_dtg(e.last_seen)}"
        new = '<span class="new">NEW</span>' if e.is_new else ""
        rows.append(
            f'<tr class="event" data-event-id="{_e(e.event_id)}" data-classification="{_e(e.classification.value)}">'
            f"<td>{i}</td><td>{_prec_cell(e.precedence)}{new}</td><td>{_e(e.category.replace('_', ' '))}</td>"
            f"<td>{_e(e.summary)}</td><td>{_e(where)}</td><td>{_e(span)}</td>"
            f"<td>{e.reports} / {e.sources} · {e.credibility}</td></tr>"
        )
    return "".join(rows)


def _degrees(value: float, positive: str, negative: str) -> str:
    return f"{abs(value):.3f}°{positive if value >= 0 else negative}"


def _plot(briefing: Briefing, width: int = 460, height: int = 340, pad: int = 36) -> str:
    points = [(i, e) for i, e in enumerate(briefing.top_events, 1) if e.lat is not None and e.lon is not None]
    if not points:
        return '<p class="empty">No located events.</p>'
    lats = [e.lat for _, e in points if e.lat is not None]
    lons = [e.lon for _, e in points if e.lon is not None]
    # A single point or a line of points still needs a box: pad it by ~1 km either way.
    min_lat, max_lat = min(lats) - 0.01, max(lats) + 0.01
    min_lon, max_lon = min(lons) - 0.01, max(lons) + 0.01
    sx = (width - 2 * pad) / (max_lon - min_lon)
    sy = (height - 2 * pad) / (max_lat - min_lat)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="located events">',
        f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" fill="none" stroke="#ccc"/>',
        f'<text x="{pad}" y="{height - 8}" font-size="10" fill="#666">{_degrees(min_lon, "E", "W")}</text>',
        f'<text x="{width - pad}" y="{height - 8}" font-size="10" fill="#666" text-anchor="end">{_degrees(max_lon, "E", "W")}</text>',
        f'<text x="4" y="{pad + 10}" font-size="10" fill="#666">{_degrees(max_lat, "N", "S")}</text>',
        f'<text x="4" y="{height - pad}" font-size="10" fill="#666">{_degrees(min_lat, "N", "S")}</text>',
    ]
    # Least urgent first, so that the most urgent dots are drawn on top.
    for i, e in sorted(points, key=lambda p: p[1].precedence.urgency):
        assert e.lat is not None and e.lon is not None
        x = pad + (e.lon - min_lon) * sx
        y = height - pad - (e.lat - min_lat) * sy
        label = f"{i} {e.place or e.mgrs or ''}".strip()
        parts.append(
            f'<g class="event" data-event-id="{_e(e.event_id)}" data-classification="{_e(e.classification.value)}">'
            f"<title>{_e(e.summary)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{PRECEDENCE_COLOURS[e.precedence]}" stroke="#111"/>'
            f'<text x="{x + 10:.1f}" y="{y + 4:.1f}" font-size="12">{_e(label)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _counts(title: str, counts: Mapping[str, int]) -> str:
    if not counts:
        return f'<h2>{_e(title)}</h2><p class="empty">None.</p>'
    rows = "".join(f"<tr><td>{_e(k.replace('_', ' '))}</td><td>{v}</td></tr>" for k, v in counts.items())
    return f'<h2>{_e(title)}</h2><table class="counts"><tbody>{rows}</tbody></table>'


def _colour_rules() -> str:
    # Colours as class rules inside the hashed stylesheet: style attributes would need 'unsafe-inline'.
    out = []
    for level, colour in BANNER_COLOURS.items():
        out.append(f'[data-banner="{level.value}"]{{background:{colour}}}')
    for precedence, colour in PRECEDENCE_COLOURS.items():
        text = "#fff" if precedence in (Precedence.FLASH, Precedence.IMMEDIATE) else "#111"
        out.append(f".prec-{precedence.value.lower()}{{background:{colour};color:{text}}}")
    return "\n".join(out)


def render_html(briefing: Briefing, stream_token: str | None = None) -> str:
    """A complete page that loads nothing from outside; every text is escaped.

    The script subscribes to `./briefing/stream?token=...` (same origin, EventSource). The token is
    `stream_token` when given, else the page's own `token` query parameter. Each message (default
    or `briefing` event type) carries a page from this function; its body replaces this body.
    """
    level = briefing.level
    span = f"{briefing.period_start.strftime('%Y-%m-%d %H:%MZ')} to {briefing.period_end.strftime('%Y-%m-%d %H:%MZ')}"
    token_attr = f' data-stream-token="{_e(stream_token)}"' if stream_token else ""
    new_items = "".join(
        f'<li data-event-id="{_e(e.event_id)}" data-classification="{_e(e.classification.value)}">{_e(e.summary)}</li>'
        for e in briefing.top_events
        if e.is_new
    )
    more_new = len(briefing.new_event_ids) - sum(1 for e in briefing.top_events if e.is_new)
    new_section = f"<ul>{new_items}</ul>" if new_items else '<p class="empty">Nothing new in the top events.</p>'
    if more_new > 0:
        new_section += f'<p class="meta">and {more_new} more new event{"s" if more_new != 1 else ""} below the top {len(briefing.top_events)}.</p>'
    skipped = (
        f' · <span class="skipped">{briefing.skipped_reports} unreadable report(s) left out</span>' if briefing.skipped_reports else ""
    )
    css = _CSS + _colour_rules()
    policy = content_security_policy(css)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en" data-level="{_e(level.value)}"{token_attr}>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{_e(level.value)} · INTSUM {_e(briefing.period_end.strftime('%d%H%MZ %b %Y').upper())}</title>\n"
        f"<style>{css}</style>\n<script>{_SCRIPT}</script>\n</head>\n"
        f'<body data-briefing-id="{_e(briefing.briefing_id)}" data-level="{_e(level.value)}">\n'
        f"{_banner(level, 'top')}\n<main>\n"
        f"<h1>INTSUM · {_e(level.value)}</h1>\n"
        f'<p class="meta">Period {_e(span)} · {briefing.events_total} event(s) · '
        f"{briefing.reports_total} report(s) since the last briefing{skipped}</p>\n"
        "<h2>Top events</h2>\n"
        '<table class="events"><thead><tr><th>#</th><th>Precedence</th><th>Category</th><th>Summary</th>'
        "<th>Where</th><th>When</th><th>Reports / sources · credibility</th></tr></thead>"
        f"<tbody>{_event_rows(briefing)}</tbody></table>\n"
        '<div class="grid"><section><h2>Located events</h2>'
        f"{_plot(briefing)}</section>\n<section><h2>New since the last briefing</h2>{new_section}"
        f"{_counts('Reports by category', briefing.counts_by_category)}"
        f"{_counts('Reports by area', briefing.counts_by_area)}</section></div>\n"
        f"</main>\n{_banner(level, 'bottom')}\n</body>\n</html>\n"
    )


def briefing_json(briefing: Briefing) -> str:
    """The briefing as one JSON text, for the stream or a file."""
    return json.dumps(briefing.to_json(), ensure_ascii=False, separators=(",", ":"))
