"""The harness of the functional tier: the intel agents of pipeline/intel.py run in memory through Faust's
`agent.test_context()`. Nothing connects to a broker: Faust makes its consumer object (the ack
guard wraps it) but it is never started.

The app is the worker's own (`pipeline.app.faust_app`, memory store, web off) wired exactly as
`pipeline.app.build_app` wires it: an AckGuard installed on the app's consumer, the agents
publishing through the real Outputs and Publisher (write-down check, routing, metrics). Only the
publisher's aiokafka producer is replaced, by an in-memory one that acknowledges every send at once
(the same stand-in as tests/unit/pipeline/test_audit_and_outputs.py); it also notes whether the
agent still held its input record when it published, the at-least-once contract of pipeline.acks.

Time: the agents read an injected clock; every instant is BASE plus an offset, so no test depends
on today's date.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faust

from operators.chain import PassThroughTriage, TriageChain
from pipeline import intel
from pipeline.acks import AckGuard
from pipeline.app import faust_app
from pipeline.metrics import Metrics
from pipeline.outputs import Outputs
from pipeline.publisher import Publisher, outputs_for
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.reports import Location, TriagedReport

BASE = datetime(2031, 3, 14, 9, 0, tzinfo=UTC)  # a fixed instant; nothing here reads the wall clock's date
SCENARIO_TIMEOUT_S = 20.0
SETTLE_TIMEOUT_S = 5.0

# Two places 2 km apart (one event within the default 5 km radius) and one 40 km away.
WILTZ = Location(mgrs=None, lat=49.966, lon=5.933, precision_m=100.0, name="Wiltz")
NEAR_WILTZ = Location(mgrs=None, lat=49.984, lon=5.940, precision_m=100.0, name="Wiltz")
LUXEMBOURG = Location(mgrs=None, lat=49.611, lon=6.130, precision_m=100.0, name="Luxembourg")


@dataclass
class Sent:
    """One record the publisher handed to the producer."""

    topic: str
    key: bytes | None
    value: bytes
    headers: Any
    held: bool  # the agent's input record was still held (not ackable) when this was sent

    def json(self) -> Any:
        return json.loads(self.value)


class RecordingGuard(AckGuard):
    """The real ack guard, counting releases so a test knows when the agent finished a record."""

    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.released = 0

    def holding(self) -> bool:
        return bool(self._held)

    def release(self, message: Any) -> None:
        super().release(message)
        self.released += 1


@dataclass
class MemoryProducer:
    """Stands in for the aiokafka producer: records every send, acknowledges it at once."""

    guard: RecordingGuard
    sent: list[Sent] = field(default_factory=list)

    async def send(
        self, topic: str, value: bytes, key: bytes | None = None, headers: Any = None
    ) -> asyncio.Future[None]:
        self.sent.append(Sent(topic, key, value, headers, held=self.guard.holding()))
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


class Clock:
    """The injected clock of the intel agents: BASE until moved."""

    def __init__(self, now: datetime = BASE) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Intel:
    """One worker's intel side, in memory."""

    settings: Settings
    names: TopicNames
    app: faust.App
    state: intel.IntelState
    guard: RecordingGuard
    producer: MemoryProducer
    clock: Clock

    @property
    def correlate(self) -> Any:
        return self.app.agents[f"{self.settings.app_id}.correlate"]

    @property
    def archive(self) -> Any:
        return self.app.agents[f"{self.settings.app_id}.archive"]

    @property
    def events(self) -> Any:
        return self.app.tables["events"]

    def table(self) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.events.items() if v is not None}

    def close(self) -> None:
        """Close the event loop Faust made for the consumer thread it never started (no broker here)."""
        thread = getattr(self.app.consumer, "_thread", None)
        loop = getattr(thread, "thread_loop", None)
        if loop is not None and not loop.is_running() and not loop.is_closed():
            loop.close()

    def sent_to(self, topic: str) -> list[Sent]:
        return [s for s in self.producer.sent if s.topic == topic]

    async def feed(self, agent: Any, value: bytes, key: bytes, *, released: int = 1) -> None:
        """Put one record into the agent and wait until `released` more records were released by it."""
        target = self.guard.released + released
        await agent.put(value, key=key)
        await until(lambda: self.guard.released >= target, agent)

    async def report(self, agent: Any, report: TriagedReport) -> None:
        """Give the correlate agent a triaged report as a triage lane sends it to the events input."""
        (record,) = [o for o in outputs_for(self.names, report) if o.topic == self.names.correlate_in]
        assert record.key is not None
        await self.feed(agent, record.value, record.key)

    async def tick(self, agent: Any, now: datetime) -> None:
        """What the owner's briefing loop sends to the events input, read at `now`."""
        self.clock.now = now
        await self.feed(agent, b"{}", intel.TICK_KEY)


async def until(condition: Callable[[], bool], agent: Any, timeout: float = SETTLE_TIMEOUT_S) -> None:
    """Wait for `condition`; an agent that crashed meanwhile fails the test with its own exception."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        crash = getattr(agent, "_crash_reason", None)
        if crash is not None:
            raise AssertionError(f"the agent crashed: {crash!r}") from crash
        if loop.time() > deadline:
            raise AssertionError(f"not reached within {timeout}s")
        await asyncio.sleep(0.005)


def build_intel(root: Path, **overrides: Any) -> Intel:
    """One worker's intel side with its state under `root`. Call it inside the running loop (the
    Faust app and its services bind to it), and `close` it afterwards (the `intel` fixture does)."""
    values: dict[str, Any] = {
        "kafka_bootstrap": "127.0.0.1:1",  # never contacted
        "app_id": "ft",
        "topic_prefix": "ft.",
        "web_enabled": False,
        "archive_enabled": False,
        "data_dir": root / "data",
        "archive_dir": root / "archive",
    }
    values.update(overrides)
    settings = Settings.from_env({}, **values)  # an empty environment: no TRIAGE_ variable leaks in
    names = TopicNames.of(settings)
    app = faust_app(settings)
    # As pipeline.app.build_app, with a guard that counts and a producer that stays in memory.
    guard = RecordingGuard(app)
    guard.install()
    producer = MemoryProducer(guard)
    publisher = Publisher(settings, names, Metrics(), producer)
    clock = Clock()
    state = intel.install(app, settings, names, Outputs(publisher), guard, clock)
    return Intel(settings, names, app, state, guard, producer, clock)


CHAIN = TriageChain(PassThroughTriage())


def triaged(
    report_id: str,
    *,
    unit: str = "2-RECCE",
    reliability: str = "B",
    credibility: int = 3,
    classification: str = "SECRET",
    received_at: datetime = BASE,
    category: str = "attack",
    precedence: str = "IMMEDIATE",
    location: Location | None = WILTZ,
    text: str = "Artillery fire observed on the bridge.",
) -> TriagedReport:
    """A triaged report as the lanes publish it: the real ingest and pass-through triage, then the
    judgement a model would have given (category, precedence, location)."""
    payload = {
        "report_id": report_id,
        "received_at": received_at.isoformat(),
        "source": {"unit": unit, "reliability": reliability},
        "credibility": credibility,
        "classification": classification,
        "text": text,
    }
    (report,) = CHAIN.process([json.dumps(payload).encode()], received_at)
    assert isinstance(report, TriagedReport), report
    return dataclasses.replace(
        report,
        category=category,
        precedence=precedence,
        location=location,
        summary=f"{precedence} · {category} · {report_id}",
    )
