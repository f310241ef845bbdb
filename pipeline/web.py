"""The worker's web pages for commanders: the briefing at the holder's clearance, live.

GET /briefing            HTML page (token in ?token= or `Authorization: Bearer`)
GET /briefing.json       the same briefing as JSON
GET /briefing/stream     server-sent events: a fresh page each time a briefing is published
POST /briefing/refresh   build and publish briefings now (on demand; at most once per
                         TRIAGE_BRIEFING_REFRESH_MIN_S, else 429)
A token maps to one clearance level (TRIAGE_WEB_TOKENS_FILE); content above it is never sent.
Faust's own views (tables, router, statistics) are turned off in pipeline.app: nothing else is served.
A stream listener that stops reading is dropped (its queue overflows, or a write stalls past
SSE_WRITE_TIMEOUT_S); it never holds up the worker.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from pathlib import Path
from typing import Any

import faust
from aiohttp import web as aioweb

from operators.briefing import Briefing
from operators.render.briefing_page import render_html
from pipeline.intel import SSE_QUEUE, IntelState
from pipeline.settings import Settings, SettingsError
from schemas.vocab import Classification

SSE_KEEPALIVE_S = 15.0
SSE_WRITE_TIMEOUT_S = 10.0


def load_tokens(path: Path | None) -> dict[str, Classification]:
    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text())
        return {str(token): Classification.parse(str(level)) for token, level in raw.items()}
    except (OSError, ValueError, AttributeError) as exc:
        raise SettingsError(f"TRIAGE_WEB_TOKENS_FILE={path}: {exc}") from None


def _token(request: Any) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return str(header[7:].strip())
    token = request.query.get("token")
    return str(token) if token else None


def _clearance(tokens: dict[str, Classification], token: str | None) -> Classification | None:
    if not token:
        return None
    for known, level in tokens.items():
        if hmac.compare_digest(known.encode(), token.encode()):
            return level
    return None


def _waiting_page(level: Classification) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Briefing</title></head>"
        f"<body><p data-classification='{level.value}'>No {level.value} briefing has been published yet; "
        "this page shows it as soon as one is.</p></body></html>"
    )


def install(app: faust.App, settings: Settings, state: IntelState) -> None:
    tokens = load_tokens(settings.web_tokens_file)

    def authorise(view: Any, request: Any) -> tuple[Classification | None, Any]:
        if not tokens:
            return None, view.error(503, "briefings are not served: TRIAGE_WEB_TOKENS_FILE is not set")
        level = _clearance(tokens, _token(request))
        if level is None:
            return None, view.error(401, "a valid token is required")
        return level, None

    def not_owner(view: Any) -> Any:
        return view.error(503, "this worker does not hold the events table; ask the worker that does")

    @app.page("/briefing")
    async def briefing_page(view: faust.web.View, request: faust.web.Request) -> Any:
        level, denied = authorise(view, request)
        if level is None:
            return denied
        briefing = state.latest.get(level)
        if briefing is None:
            return view.html(_waiting_page(level)) if state.owner else not_owner(view)
        return view.html(render_html(briefing, stream_token=_token(request)))

    @app.page("/briefing.json")
    async def briefing_json(view: faust.web.View, request: faust.web.Request) -> Any:
        level, denied = authorise(view, request)
        if level is None:
            return denied
        briefing = state.latest.get(level)
        if briefing is None:
            return view.json({"level": level.value, "briefing": None}) if state.owner else not_owner(view)
        return view.json(briefing.to_json())

    @app.page("/briefing/refresh")
    class Refresh(faust.web.View):
        async def post(self, request: faust.web.Request) -> Any:
            level, denied = authorise(self, request)
            if level is None:
                return denied
            if not state.request_refresh():
                return self.error(429, "a refresh was requested moments ago; try again shortly")
            return self.json({"requested": True})

    @app.page("/briefing/stream")
    async def briefing_stream(view: faust.web.View, request: faust.web.Request) -> Any:
        level, denied = authorise(view, request)
        if level is None:
            return denied
        response = aioweb.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        )
        await response.prepare(request)  # type: ignore[arg-type]
        queue: asyncio.Queue[Briefing | None] = asyncio.Queue(maxsize=SSE_QUEUE)
        state.listeners[level].add(queue)
        try:
            while True:
                try:
                    briefing = await asyncio.wait_for(queue.get(), timeout=SSE_KEEPALIVE_S)
                except TimeoutError:
                    await asyncio.wait_for(response.write(b": keep-alive\n\n"), SSE_WRITE_TIMEOUT_S)
                    continue
                if briefing is None:
                    break  # dropped for falling behind
                page = render_html(briefing, stream_token=_token(request))
                data = "".join(f"data: {line}\n" for line in page.splitlines())
                await asyncio.wait_for(response.write(f"event: briefing\n{data}\n".encode()), SSE_WRITE_TIMEOUT_S)
        except (TimeoutError, ConnectionResetError, asyncio.CancelledError):
            state.dropped_listeners += 1
        finally:
            state.listeners[level].discard(queue)
        return response
