"""The self-contained HTML page of a briefing: banner in the level's colour, events table, plot, counts;
a strict content-security policy and no external resources.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping

from operators.briefing import Briefing
from operators.entities.dtg import short_dtg
from schemas.vocab import Classification, Precedence

PRECEDENCE_COLOURS: dict[Precedence, str] = {
    Precedence.FLASH: "#d00000",
    Precedence.IMMEDIATE: "#f48c06",
    Precedence.PRIORITY: "#ffd60a",
    Precedence.ROUTINE: "#adb5bd",
}

# Banner colours of the marking conventions: green, blue for the two middle levels, red.
BANNER_COLOURS: dict[Classification, str] = {
    Classification.UNCLASSIFIED: "#007a33",
    Classification.RESTRICTED: "#0033a0",
    Classification.CONFIDENTIAL: "#0033a0",
    Classification.SECRET: "#c8102e",
}


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
        span = (
            short_dtg(e.first_seen)
            if e.first_seen == e.last_seen
            else f"{short_dtg(e.first_seen)}–{short_dtg(e.last_seen)}"
        )
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
        f' · <span class="skipped">{briefing.skipped_reports} unreadable report(s) left out</span>'
        if briefing.skipped_reports
        else ""
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
