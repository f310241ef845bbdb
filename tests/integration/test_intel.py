"""Events, briefings, the archive, feedback and STIX export, on the real broker with the default model."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Pipeline, free_port_pair, read_topic, unavailable

pytestmark = pytest.mark.kafka


def report(rid: str, unit: str, text: str, level: str = "SECRET", credibility: int = 3, minutes_ago: int = 10) -> bytes:
    return json.dumps(
        {
            "report_id": rid,
            # The clock at the time of sending, never a date fixed when the module was written or imported.
            "received_at": (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat(),
            "source": {"unit": unit, "reliability": "B"},
            "credibility": credibility,
            "classification": level,
            "text": text,
        }
    ).encode()


def produce(p: Pipeline, payloads: list[bytes]) -> None:
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=p.broker.bootstrap, acks="all")
    for payload in payloads:
        producer.send(p.topic("reports.raw"), payload)
    producer.flush()
    producer.close()


def latest_events(p: Pipeline, level: str, expected: int = 1, timeout: float = 90) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for rec in read_topic(p.broker.bootstrap, p.topic(f"events.{level}"), expected, timeout=timeout, settle=2):
        value = json.loads(rec.value)
        out[value["event_id"]] = value
    return out


SAME_EVENT = [
    ("ev-1", "A Coy 1 PL", "TIC at 31U GR 1033 3897 vic Wiltz, under fire from the treeline, 2 WIA."),
    ("ev-2", "Recce Sqn OP4", "Contact at Wiltz, 31UGR10303890: friendly platoon under heavy fire, casualties."),
    ("ev-3", "Gendarmerie Wiltz", "Schüsse am Ortsrand von Wiltz, Soldaten unter Beschuss, 31U GR 1040 3900."),
]


@pytest.fixture
def intel_env(pipeline: Pipeline, tmp_path: Path) -> dict[str, str]:
    tokens = tmp_path / "tokens.json"
    tokens.write_text(json.dumps({"tok-restricted": "RESTRICTED", "tok-secret": "SECRET"}))
    port, _ = free_port_pair()
    env = {
        "TRIAGE_BRIEFING_INTERVAL_S": "2",
        "TRIAGE_ARCHIVE_DIR": str(tmp_path / "archive"),
        "TRIAGE_ARCHIVE_ROLL_S": "1",
        "TRIAGE_WEB_ENABLED": "true",
        "TRIAGE_WEB_PORT": str(port),
        "TRIAGE_WEB_TOKENS_FILE": str(tokens),
    }
    pipeline.extra_env.update(env)
    return env


def test_three_independent_sources_fuse_and_survive_a_restart(pipeline: Pipeline, start_worker, intel_env) -> None:
    worker = start_worker()
    produce(pipeline, [report(rid, unit, text) for rid, unit, text in SAME_EVENT])
    events = latest_events(pipeline, "secret", expected=3)
    fused = [e for e in events.values() if len(e["report_ids"]) == 3]
    assert len(fused) == 1, events
    event = fused[0]
    assert event["independent_sources"] == 3
    assert event["credibility"] < 3  # corroborated by independent sources
    assert event["classification"] == "SECRET" and event["category"] == "attack"

    worker.proc.terminate()
    worker.proc.wait(timeout=60)
    start_worker()
    produce(pipeline, [report("ev-4", "Mortar Section", "Wiltz: still taking fire at 31U GR 1035 3895, request QRF.")])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        events = latest_events(pipeline, "secret", expected=4, timeout=20)
        if event["event_id"] in events and len(events[event["event_id"]]["report_ids"]) == 4:
            break
    assert len(events[event["event_id"]]["report_ids"]) == 4, "the restarted worker lost the events table"


def test_briefings_archive_feedback_and_stix(pipeline: Pipeline, start_worker, intel_env, tmp_path: Path) -> None:
    start_worker()
    payloads = [report(rid, unit, text) for rid, unit, text in SAME_EVENT]
    payloads.append(
        report("rs-1", "Liaison Arlon", "Refugees arriving at Arlon, 40 families need shelter.", "RESTRICTED")
    )
    produce(pipeline, payloads)
    triaged = read_topic(pipeline.broker.bootstrap, pipeline.topic("reports.triaged"), 4, timeout=90)
    published = {json.loads(r.value)["report_id"]: json.loads(r.value) for r in triaged}

    # Briefings on the topics, and never above their level.
    restricted = read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.restricted"), 1, timeout=60)
    secret = read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.secret"), 1, timeout=60)
    assert restricted and secret
    last_restricted = json.loads(restricted[-1].value)
    assert all(e["classification"] in ("UNCLASSIFIED", "RESTRICTED") for e in last_restricted["top_events"])

    # The web page, per clearance.
    port = intel_env["TRIAGE_WEB_PORT"]
    deadline = time.monotonic() + 60
    page = ""
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing.json?token=tok-secret", timeout=10) as resp:
            body = json.loads(resp.read())
        if body.get("top_events"):
            break
        time.sleep(1)
    assert any(e["classification"] == "SECRET" for e in body["top_events"])
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing?token=tok-restricted", timeout=10) as resp:
        page = resp.read().decode()
    assert 'data-classification="SECRET"' not in page
    with pytest.raises(urllib.error.HTTPError) as denied:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing?token=wrong", timeout=10)
    assert denied.value.code == 401

    # The archive, read back with pyarrow, equals what was published.
    from operators.sinks.archive import read_archive, to_record

    archive = Path(intel_env["TRIAGE_ARCHIVE_DIR"])
    rows: list[dict] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(rows) < 4:
        time.sleep(1)
        rows = read_archive(archive) if archive.exists() else []
    by_id = {r["report_id"]: r for r in rows}
    assert set(by_id) == set(published)
    for rid, value in published.items():
        assert by_id[rid] == to_record(value)
    assert any(p.name.startswith("classification=SECRET") for p in archive.glob("date=*/*"))

    # Feedback round-trips to Parquet as training data.
    added = pipeline.triage(
        "feedback", "add", "--report-id", "ev-1", "--analyst", "capt.meyer", "--precedence", "FLASH", "--note", "TIC"
    )
    assert added.returncode == 0, added.stderr
    bad = pipeline.triage("feedback", "add", "--report-id", "ev-1", "--analyst", "x", "--category", "weather")
    assert bad.returncode == 2 and b"refused" in bad.stderr
    out = tmp_path / "feedback.parquet"
    exported = pipeline.triage("feedback", "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    import pyarrow.parquet as pq

    table = pq.read_table(out).to_pylist()
    assert len(table) == 1 and table[0]["report_id"] == "ev-1" and table[0]["corrected_precedence"] == "FLASH"
    assert table[0]["text"] == published["ev-1"]["text"]

    # STIX 2.1 export validates, and respects the level.
    bundle_path = tmp_path / "bundle.json"
    stix = pipeline.triage("export", "stix", "--out", str(bundle_path))
    assert stix.returncode == 0, stix.stderr
    from stix2validator import validate_string

    assert validate_string(bundle_path.read_text()).is_valid
    low = pipeline.triage("export", "stix", "--level", "RESTRICTED")
    assert low.returncode == 0 and b"SECRET" not in low.stdout.replace(b"marking", b"")


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--timeout=4000",
    "--window-size=1280,1000",
]
BANNER_RGB = {"RESTRICTED": (0x00, 0x33, 0xA0), "SECRET": (0xC8, 0x10, 0x2E)}


def chromium(*args: str, profile: Path) -> str:
    import shutil
    import subprocess

    exe = shutil.which("chromium")
    if exe is None:
        unavailable("chromium is not installed (make setup installs it)")
    done = subprocess.run(
        [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_briefing_page_in_chromium_shows_each_clearance_only_its_own(
    pipeline: Pipeline, start_worker, intel_env, tmp_path: Path
) -> None:
    from conftest import ARTIFACTS
    from PIL import Image

    start_worker()
    produce(
        pipeline,
        [report(rid, unit, text) for rid, unit, text in SAME_EVENT]
        + [report("rs-1", "Liaison Arlon", "Refugees arriving at Arlon, 40 families need shelter.", "RESTRICTED")],
    )
    read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.secret"), 2, timeout=90, settle=3)
    port = intel_env["TRIAGE_WEB_PORT"]
    ARTIFACTS.mkdir(exist_ok=True)
    for level, token in (("RESTRICTED", "tok-restricted"), ("SECRET", "tok-secret")):
        url = f"http://127.0.0.1:{port}/briefing?token={token}"
        dom = chromium("--dump-dom", url, profile=tmp_path / f"p-{level}")
        shown = set(__import__("re").findall(r'data-classification="([A-Z]+)"', dom))
        assert shown, dom[:2000]
        if level == "RESTRICTED":
            assert shown <= {"UNCLASSIFIED", "RESTRICTED"}, shown
            assert "Arlon" in dom and "Wiltz" not in dom
        else:
            assert "SECRET" in shown and "Wiltz" in dom
        shot = ARTIFACTS / f"briefing-{level.lower()}.png"
        chromium(f"--screenshot={shot}", url, profile=tmp_path / f"s-{level}")
        image = Image.open(shot).convert("RGB")
        assert image.size == (1280, 1000)
        # The classification banner runs across the top in the level's colour.
        top = image.getpixel((640, 5))
        assert all(abs(a - b) < 40 for a, b in zip(top, BANNER_RGB[level])), (level, top)


def _get(port: str, path: str, token: str | None = None, method: str = "GET") -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{port}{path}" + (f"?token={token}" if token else "")
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_events_expire_inside_the_stream_and_the_worker_keeps_running(
    pipeline: Pipeline, start_worker, intel_env
) -> None:
    """Expiry used to delete from the table outside stream iteration and crash the owner within a day."""
    pipeline.extra_env.update({"TRIAGE_EVENT_RETENTION_S": "15", "TRIAGE_BRIEFING_INTERVAL_S": "1"})
    worker = start_worker()
    produce(pipeline, [report(rid, unit, text, minutes_ago=0) for rid, unit, text in SAME_EVENT])
    events = latest_events(pipeline, "secret", expected=3)
    event_id = next(e["event_id"] for e in events.values() if len(e["report_ids"]) == 3)
    port = intel_env["TRIAGE_WEB_PORT"]
    seen = gone = False
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not gone:
        status, body = _get(port, "/briefing.json", "tok-secret")
        ids = {e["event_id"] for e in (json.loads(body).get("top_events") or [])} if status == 200 else set()
        seen = seen or event_id in ids
        gone = seen and event_id not in ids
        time.sleep(1)
    assert seen and gone, (
        f"the event never appeared in, or never left, the briefing (seen={seen}):\n{worker.text()[-4000:]}"
    )
    assert worker.alive(), worker.text()[-3000:]
    assert "crash" not in worker.text().lower()


def test_faust_views_serve_nothing_and_refresh_is_throttled(pipeline: Pipeline, start_worker, intel_env) -> None:
    start_worker()
    produce(pipeline, [report(rid, unit, text) for rid, unit, text in SAME_EVENT])
    events = latest_events(pipeline, "secret", expected=3)
    port = intel_env["TRIAGE_WEB_PORT"]
    for path in [
        "/table/",
        "/table/events/",
        *(f"/table/events/{eid}/" for eid in events),
        "/router/",
        "/router/events/key/",
        "/stats/",
        "/graph/",
        "/performance/",
    ]:
        status, body = _get(port, path)
        assert status == 404, (path, status, body[:200])
        assert b"report_ids" not in body and b"Wiltz" not in body
    assert _get(port, "/briefing/refresh", "tok-secret", "POST")[0] == 200
    assert _get(port, "/briefing/refresh", "tok-secret", "POST")[0] == 429
    assert _get(port, "/briefing/refresh", "wrong", "POST")[0] == 401


def test_a_stalled_stream_listener_is_dropped_and_briefings_go_on(pipeline: Pipeline, start_worker, intel_env) -> None:
    import socket

    pipeline.extra_env.update({"TRIAGE_BRIEFING_INTERVAL_S": "0.2"})
    worker = start_worker()
    produce(pipeline, [report(rid, unit, text) for rid, unit, text in SAME_EVENT])
    read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.secret"), 1, timeout=90, settle=0)
    port = int(intel_env["TRIAGE_WEB_PORT"])
    stalled = socket.socket()
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.connect(("127.0.0.1", port))
    stalled.sendall(f"GET /briefing/stream?token=tok-secret HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    try:
        # Never read: the server's writes back up while briefings keep coming five times a second.
        before = len(read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.secret"), 1, timeout=30, settle=0))
        time.sleep(25)
        after = len(
            read_topic(pipeline.broker.bootstrap, pipeline.topic("briefings.secret"), before + 20, timeout=60, settle=0)
        )
        assert after >= before + 20, (before, after)
        assert worker.alive(), worker.text()[-3000:]
        status, _ = _get(str(port), "/briefing.json", "tok-secret")
        assert status == 200
    finally:
        stalled.close()
