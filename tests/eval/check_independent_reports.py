"""Sanity check for tests/eval/independent_reports.jsonl (hand-written eval set).

Run: .venv/bin/python tests/eval/check_independent_reports.py [--world] [FILE]   (default: independent_reports.jsonl)
Checks structure, allowed values, that every gold span is a substring of the
text, and (if the `mgrs` package is importable) that every gold grid decodes
to a point in the Luxembourg / Greater Region box. Also warns about Zulu times
or MGRS-looking strings in the text that are not listed in the gold spans.
"""

import collections
import json
import pathlib
import re
import sys

# --world: reports from anywhere (open-source registers); grids are only checked to decode.
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
WORLD = "--world" in sys.argv[1:]
PATH = pathlib.Path(ARGS[0]) if ARGS else pathlib.Path(__file__).with_name("independent_reports.jsonl")
CATEGORIES = {
    "enemy_movement",
    "attack",
    "air_activity",
    "cbrn",
    "logistics_infrastructure",
    "cyber_ew",
    "civil_humanitarian",
    "routine",
}
PRECEDENCES = {"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"}
CLASSIFICATIONS = {"UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET"}
FORMATS = {"free_text", "salute", "spot"}
LANGS = {"en", "fr", "de"}
TOP_KEYS = {"report_id", "classification", "source", "credibility", "format", "gold_language", "text", "gold"}
# Optional: the register an open-source report is written in (see AUTHORING_OSINT.md).
OPTIONAL_KEYS = {"register"}
REGISTERS = {
    "field",
    "wire",
    "statement",
    "finding",
    "advisory",
    "notam",
    "humanitarian",
    "press_release",
    "weather",
    "analysis",
    "social",
    # the registers of the osd2 sets and after (tests/eval/README.md)
    "liveticker",
    "parliament",
    "municipal",
    "operator_notice",
    "maritime",
    "factcheck",
    "interview",
    "embassy",
    "think_tank",
    "intercept_summary",
    "sanctions_legal",
}
GOLD_KEYS = {"category", "precedence_acceptable", "probable_flash", "grids", "dtgs", "equipment", "locations"}
ZULU_RE = re.compile(r"(?<![0-9A-Za-z])\d{4}(?:\d{2})?Z")
GRID_RE = re.compile(r"3[12]\s?U\s?[A-Z]{2}\s?\d")

errors, warnings = [], []
rows = []
for n, line in enumerate(PATH.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        errors.append(f"line {n}: empty line")
        continue
    try:
        r = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(f"line {n}: JSON error {e}")
        continue
    rows.append(r)
    rid = r.get("report_id", f"line {n}")
    if not TOP_KEYS <= set(r) <= TOP_KEYS | OPTIONAL_KEYS:
        errors.append(f"{rid}: keys {sorted((set(r) - OPTIONAL_KEYS) ^ TOP_KEYS)} differ from expected")
    if "register" in r and r["register"] not in REGISTERS:
        errors.append(f"{rid}: bad register {r['register']!r}")
    g = r.get("gold", {})
    if set(g) != GOLD_KEYS:
        errors.append(f"{rid}: gold keys {sorted(set(g) ^ GOLD_KEYS)} differ from expected")
    text = r.get("text", "")
    if r.get("classification") not in CLASSIFICATIONS:
        errors.append(f"{rid}: bad classification")
    if r.get("format") not in FORMATS:
        errors.append(f"{rid}: bad format")
    if r.get("gold_language") not in LANGS:
        errors.append(f"{rid}: bad gold_language")
    if not re.match(rf"(?:ind|dev|osd\d*|osc\d*)-{r.get('gold_language')}-", rid or ""):
        errors.append(f"{rid}: id/language mismatch")
    src = r.get("source", {})
    if set(src) != {"unit", "reliability"} or src.get("reliability") not in list("ABCDEF"):
        errors.append(f"{rid}: bad source")
    if r.get("credibility") not in range(1, 7):
        errors.append(f"{rid}: bad credibility")
    if g.get("category") not in CATEGORIES:
        errors.append(f"{rid}: bad category {g.get('category')}")
    prec = g.get("precedence_acceptable", [])
    if not prec or not set(prec) <= PRECEDENCES or len(set(prec)) != len(prec):
        errors.append(f"{rid}: bad precedence_acceptable {prec}")
    if not isinstance(g.get("probable_flash"), bool):
        errors.append(f"{rid}: probable_flash not bool")
    if g.get("probable_flash") and ("FLASH" not in prec or set(prec) & {"PRIORITY", "ROUTINE"}):
        errors.append(f"{rid}: probable_flash but precedence {prec}")
    for field in ("grids", "dtgs", "equipment", "locations"):
        vals = g.get(field, [])
        if len(set(vals)) != len(vals):
            errors.append(f"{rid}: duplicate in {field}")
        for v in vals:
            if not v or v not in text:
                errors.append(f"{rid}: {field} span {v!r} not in text")
    for m in ZULU_RE.finditer(text):
        if not any(m.group(0) in d for d in g.get("dtgs", [])):
            warnings.append(f"{rid}: Zulu time {m.group(0)!r} in text but not in gold dtgs")
    for m in GRID_RE.finditer(text):
        if not any(text.find(gr) == m.start() for gr in g.get("grids", [])):
            warnings.append(f"{rid}: grid-like string at {m.start()} not in gold grids")

ids = [r.get("report_id") for r in rows]
for rid, c in collections.Counter(ids).items():
    if c > 1:
        errors.append(f"{rid}: duplicate report_id")

try:
    import mgrs  # optional

    conv = mgrs.MGRS()
    for r in rows:
        for gr in r["gold"]["grids"]:
            try:
                lat, lon = conv.toLatLon(re.sub(r"\s+", "", gr))
            except Exception as e:
                errors.append(f"{r['report_id']}: grid {gr!r} does not decode ({e})")
                continue
            if not WORLD and not (49.1 <= lat <= 50.4 and 5.3 <= lon <= 7.1):
                errors.append(f"{r['report_id']}: grid {gr!r} decodes to {lat:.3f},{lon:.3f}, outside area")
except ImportError:
    warnings.append("mgrs package not installed: grid decoding not checked")

by_lang = collections.Counter(r["gold_language"] for r in rows)
by_cat = collections.Counter((r["gold_language"], r["gold"]["category"]) for r in rows)
by_fmt = collections.Counter((r["gold_language"], r["format"]) for r in rows)
flash = collections.Counter(r["gold_language"] for r in rows if r["gold"]["probable_flash"])
print(f"reports: {len(rows)}  per language: {dict(by_lang)}")
print(f"probable_flash per language: {dict(flash)}")
for lang in sorted(set(by_lang)):  # a file may hold one language only
    print(lang, "categories:", {c: by_cat[(lang, c)] for c in sorted(CATEGORIES)})
    print(lang, "formats:   ", {f: by_fmt[(lang, f)] for f in sorted(FORMATS)})
    least = 4 if by_lang[lang] < 60 else 5  # the small sets (36 reports per language) hold 4 or 5 of each
    for c in CATEGORIES:
        if by_cat[(lang, c)] < least:
            errors.append(f"{lang}: only {by_cat[(lang, c)]} reports for {c}")
print("classification:", dict(collections.Counter(r["classification"] for r in rows)))
for w in warnings:
    print("WARN", w)
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
