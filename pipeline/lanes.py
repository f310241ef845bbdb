"""The triage lanes: the hot path from the input topics to the outputs, on aiokafka with explicit commits.

bulk lane    group `<app>.triage` reads `reports.raw`. Every record is screened as soon as it is fetched
             (the policy's cheap urgency screen, no model). Urgent candidates are forwarded to
             `reports.urgent`; the rest wait in a read-ahead queue for the model, in micro-batches.
urgent lane  group `<app>.urgent` reads `reports.urgent` and runs the full triage ahead of any bulk
             work: the model threads take urgent work first and bulk work one micro-batch at a time.
             They hand each batch to the chain, which runs in a child process of the worker by default
             (pipeline/chain_process.py), pipelined: the child runs one batch while the next waits in
             its pipe, so it never waits for this process. An urgent report therefore waits at most
             two micro-batches (the one running and the one already sent), whatever the backlog behind
             it; with the chain in this process (TRIAGE_CHAIN_PROCESS=false) at most one. A lane keeps
             MODEL_DEPTH batches on the model so that the model threads always have work.

Delivery (at least once): a record is finished when its outputs, or its forward to `reports.urgent`,
are acknowledged by the broker (acks=all). A partition's offset is committed up to its first record
that is not finished, never past it, so a crash, a kill or a rebalance re-delivers, never skips.
On revocation the lane waits (bounded) for its in-flight work, commits what is finished and drops
what it had read ahead; the new owner reads on from the commit.

Ordering: outputs of one input partition come out in input order within the bulk lane as long as
every delivery succeeds at its first attempt (a retried delivery lands after later reports'); an urgent
report overtakes the bulk reports read before it (that is the point). Every output is keyed by
the report's deterministic alert id, so a re-delivered report gives the same id, and a consumer
drops duplicates by remembering the alert ids it has seen. A report forwarded to the urgent lane
is not triaged by the bulk lane.

Re-forwarding: the screen runs as records are fetched, far ahead of the model (up to
TRIAGE_READ_AHEAD records), so the committed offset of a partition lags behind the records already
screened and forwarded. Each commit of the bulk lane therefore carries, as its metadata, the offset
up to which the screen ran with every forward acknowledged, and the screen's policy version. A new
owner of the partition reads that back: records below it that the same screen flags are finished
without a second forward. Under another policy version nothing is skipped (a report may then be
triaged twice, under the same alert id, never lost). Only a worker that dies between a forward and
the commit that records it forwards a report twice.

Why not a Faust agent: faust-streaming 0.15.3 acks records it skipped at a rebalance and the whole
buffer of `take()` when the agent fails, so its commits can pass records that were never processed
(pipeline/acks.py has the details and guards the Faust agents that remain: correlation and the
archive). Here every commit is computed from what was delivered.
"""

from __future__ import annotations

import asyncio
import json
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError

from operators.chain import Timings
from pipeline.metrics import Metrics
from pipeline.publisher import Delivery, Outbound, Publisher, outputs_for
from pipeline.settings import Settings
from pipeline.topics import TopicNames
from schemas.deadletter import DeadLetter
from schemas.errors import Reason, Rejection
from schemas.reports import TriagedReport

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Screen:
    """The urgency screen of raw records, and the version of the policy it comes from (the bulk lane
    records it with its commits: see `Lane` on re-forwarding)."""

    test: Callable[[bytes | None], bool]
    version: str

    def __call__(self, value: bytes | None) -> bool:
        return self.test(value)


def screened_metadata(screened: int, version: str) -> str:
    """Commit metadata of the bulk lane: how far the screen ran, and which screen."""
    return json.dumps({"screened": screened, "screen": version}, separators=(",", ":"))


def parse_screened(metadata: str | None, version: str) -> int | None:
    """The offset below which records were screened and forwarded by the same screen, if the metadata says so."""
    if not metadata:
        return None
    try:
        value = json.loads(metadata)
    except ValueError:
        return None
    if not isinstance(value, dict) or value.get("screen") != version or not isinstance(value.get("screened"), int):
        return None
    return int(value["screened"])


def utc_now() -> datetime:
    return datetime.now(UTC)


# The raw record's broker timestamp (ms), carried by a screened report's forward to reports.urgent.
RECEIVED_HEADER = "triage-received-ms"


def arrival(record: Any) -> datetime | None:
    """When a report reached the pipeline: the raw record's timestamp (carried in RECEIVED_HEADER by a
    forward, else the record's own). A report without `received_at` is judged as received then, the same
    on every delivery of the record."""
    ms: int | None = None
    for key, value in record.headers or ():
        if key == RECEIVED_HEADER:
            try:
                ms = int(value)
            except (TypeError, ValueError):
                ms = None
    if ms is None:
        ms = record.timestamp
    if not isinstance(ms, int) or ms <= 0:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000.0, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _with_arrival(record: Any) -> list[tuple[str, bytes]]:
    headers = list(record.headers or [])
    if record.timestamp and not any(key == RECEIVED_HEADER for key, _ in headers):
        headers.append((RECEIVED_HEADER, str(int(record.timestamp)).encode()))
    return headers


# --------------------------------------------------------------------------------------- offsets


class OffsetBook:
    """Which fetched records of each partition are finished, and how far a commit may go.

    Records finish out of order (urgent ones first, publications overlap); the committable offset of a
    partition is one past the last record of the unbroken run of finished records from the start.
    """

    def __init__(self) -> None:
        self._fetched: dict[TopicPartition, deque[int]] = {}
        self._done: dict[TopicPartition, set[int]] = {}
        self._mark: dict[TopicPartition, int] = {}
        self._committed: dict[TopicPartition, int] = {}

    def started(self, tp: TopicPartition, offset: int) -> None:
        self._fetched.setdefault(tp, deque()).append(offset)

    def finished(self, tp: TopicPartition, offset: int) -> None:
        if tp in self._fetched:  # a partition revoked meanwhile is forgotten
            self._done.setdefault(tp, set()).add(offset)

    def committable(self) -> dict[TopicPartition, int]:
        """Offsets to commit now: partitions whose mark moved since the last commit."""
        out: dict[TopicPartition, int] = {}
        for tp, fetched in self._fetched.items():
            done = self._done.get(tp, set())
            while fetched and fetched[0] in done:
                offset = fetched.popleft()
                done.discard(offset)
                self._mark[tp] = offset + 1
            mark = self._mark.get(tp)
            if mark is not None and mark != self._committed.get(tp):
                out[tp] = mark
        return out

    def committed(self, offsets: dict[TopicPartition, int]) -> None:
        self._committed.update(offsets)

    def seed(self, tp: TopicPartition, committed: int) -> None:
        """The group's committed offset of a partition just assigned, before anything of it is finished here."""
        self._mark.setdefault(tp, committed)
        self._committed.setdefault(tp, committed)

    def position(self, tp: TopicPartition) -> int | None:
        """The offset a commit of this partition would carry now (one past the finished run)."""
        return self._mark.get(tp)

    def pending(self, tps: Iterable[TopicPartition] | None = None) -> int:
        keys = self._fetched.keys() if tps is None else [tp for tp in tps if tp in self._fetched]
        return sum(len(self._fetched[tp]) - len(self._done.get(tp, ())) for tp in keys)

    def forget(self, tps: Iterable[TopicPartition]) -> None:
        for tp in tps:
            self._fetched.pop(tp, None)
            self._done.pop(tp, None)
            self._mark.pop(tp, None)
            self._committed.pop(tp, None)


# --------------------------------------------------------------------------------------- model thread


@dataclass(order=True)
class _Job:
    priority: int
    seq: int
    payloads: list[bytes | None] = field(compare=False)
    now: datetime = field(compare=False)
    received: list[datetime | None] = field(compare=False)
    done: Callable[[list[TriagedReport | Rejection] | BaseException], None] = field(compare=False)
    timings: dict[str, float] = field(compare=False, default_factory=dict)


# Batches of one lane given to the model: one running and the next queued behind it, so the model thread
# never waits for the event loop, and an urgent batch still overtakes every bulk batch not yet started.
MODEL_DEPTH = 2
# Batches of one lane on the model or waiting for the broker's acknowledgements (aiokafka keeps one produce
# request in flight per broker, so under load an acknowledgement takes several batches' time).
MAX_INFLIGHT = 16


class BatchChain(Protocol):
    """What the model thread calls: the operator chain itself, or the chain in its own process."""

    def process(
        self,
        payloads: Sequence[bytes | None],
        now: datetime,
        timings: Timings | None = None,
        received: Sequence[datetime | None] | None = None,
    ) -> list[TriagedReport | Rejection]: ...


class ModelScheduler:
    """Model threads for the chain (one, or ChainProcess.DEPTH for the chain in its own process); urgent
    jobs first, bulk jobs in chunks of `chunk` reports.

    The event loop stays free for I/O and heartbeats; a thread releases the GIL inside ONNX Runtime or
    while it waits for the chain process.
    """

    URGENT, BULK, STOP = 0, 1, 2

    def __init__(self, chain: BatchChain, chunk: int, metrics: Metrics | None = None, threads: int = 1) -> None:
        """`threads`: model threads calling the chain at once. One for a chain in this process; the chain
        in its own process takes ChainProcess.DEPTH, so that its next batch is already in the pipe."""
        self.chain = chain
        self.chunk = max(1, chunk)
        self.metrics = metrics
        self._queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._seq = 0
        self._busy: dict[int, float] = {}  # model thread -> when its chain call began
        self._threads = [
            threading.Thread(target=self._work, args=(i,), name=f"triage-model-{i}", daemon=True)
            for i in range(max(1, threads))
        ]
        for thread in self._threads:
            thread.start()

    @property
    def busy_since(self) -> float | None:
        """For the liveness probe: when the oldest chain call still running began (None: none running)."""
        return min(tuple(self._busy.values()), default=None)  # one copy: the model threads change it meanwhile

    async def run(
        self,
        payloads: Sequence[bytes | None],
        now: datetime,
        *,
        urgent: bool,
        received: Sequence[datetime | None] | None = None,
    ) -> list[TriagedReport | Rejection]:
        loop = asyncio.get_running_loop()
        size = len(payloads) if urgent else self.chunk
        arrivals: list[datetime | None] = list(received) if received is not None else [None] * len(payloads)
        starts = range(0, len(payloads), size)
        chunks = [(list(payloads[i : i + size]), arrivals[i : i + size]) for i in starts] or [([], [])]
        futures: list[asyncio.Future[list[TriagedReport | Rejection]]] = []
        for part, part_received in chunks:
            future: asyncio.Future[list[TriagedReport | Rejection]] = loop.create_future()

            def resolve(result: Any, future: asyncio.Future[Any] = future) -> None:
                def set_it() -> None:
                    if future.done():
                        return
                    if isinstance(result, BaseException):
                        future.set_exception(result)
                    else:
                        future.set_result(result)

                loop.call_soon_threadsafe(set_it)

            self._seq += 1
            self._queue.put(_Job(self.URGENT if urgent else self.BULK, self._seq, part, now, part_received, resolve))
            futures.append(future)
        out: list[TriagedReport | Rejection] = []
        for future in futures:
            out.extend(await future)
        return out

    def _work(self, index: int) -> None:
        while True:
            job = self._queue.get()
            if job.priority == self.STOP:
                return
            self._busy[index] = time.monotonic()
            try:
                timings: dict[str, float] = {}
                result: Any = self.chain.process(job.payloads, job.now, timings, job.received)
                if self.metrics is not None:
                    for stage, seconds in timings.items():
                        self.metrics.stage.labels(stage).observe(seconds)
            except BaseException as exc:
                result = exc
            finally:
                self._busy.pop(index, None)
            job.done(result)

    def close(self) -> None:
        for _ in self._threads:
            self._seq += 1  # a stop job sorts after every job: a thread ends when idle
            self._queue.put(_Job(self.STOP, self._seq, [], datetime.now(UTC), [], lambda _: None))


# --------------------------------------------------------------------------------------- the lanes


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, lane: Lane) -> None:
        self.lane = lane

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        await self.lane.on_revoked(list(revoked))

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        await self.lane.on_assigned(list(assigned))


@dataclass
class LaneHealth:
    """What the probes read: assignment, progress and backlog per lane. `joined` stays true once the lane
    has had its first assignment: a rebalance does not make a worker unready."""

    assigned: int = 0
    joined: bool = False
    last_progress: float = field(default_factory=time.monotonic)
    last_broker_ok: float = 0.0
    backlog: int = 0


class Lane:
    """One consumer group over one input topic: fetch, (screen), triage, publish, commit."""

    def __init__(
        self,
        name: str,
        topic: str,
        group: str,
        settings: Settings,
        names: TopicNames,
        scheduler: ModelScheduler,
        publisher: Publisher,
        metrics: Metrics,
        *,
        screen: Screen | None = None,
        clock: Clock = utc_now,
        consumer_factory: Callable[[str], AIOKafkaConsumer],
    ) -> None:
        self.name = name
        self.topic = topic
        self.group = group
        self.settings = settings
        self.names = names
        self.scheduler = scheduler
        self.publisher = publisher
        self.metrics = metrics
        self.screen = screen
        self.clock = clock
        self.urgent = name == "urgent"
        self.book = OffsetBook()
        self._screened: dict[TopicPartition, int] = {}  # screened, every forward acknowledged, up to here
        self._screened_committed: dict[TopicPartition, int] = {}
        self._forwarded_below: dict[TopicPartition, int] = {}  # a previous owner forwarded the flagged ones
        self.health = LaneHealth()
        self._queue: deque[Any] = deque()
        self._queued = asyncio.Event()
        self._inflight: set[asyncio.Task[None]] = set()
        self._model_slots = asyncio.Semaphore(MODEL_DEPTH)
        self._paused = False
        self._stopping = False
        self._consumer = consumer_factory(group)
        self._tasks: list[asyncio.Task[None]] = []
        self._drain_deadline = float("inf")
        self._metadata_asked = 0.0
        self._batch = settings.batch_size
        self._wait_s = settings.batch_wait_ms / 1000.0

    # ---- lifecycle

    async def start(self) -> None:
        await self._consumer.start()
        self._consumer.subscribe([self.topic], listener=_Listener(self))
        self._tasks = [
            asyncio.create_task(self._fetch_loop(), name=f"{self.name}-fetch"),
            asyncio.create_task(self._process_loop(), name=f"{self.name}-process"),
            asyncio.create_task(self._commit_loop(), name=f"{self.name}-commit"),
        ]
        log.info("%s lane reading %s as group %s", self.name, self.topic, self.group)

    async def stop(self, deadline: float) -> None:
        """Drain: stop reading, finish the in-flight batch (bounded by `deadline`), commit, leave the group."""
        self._stopping = True
        self._queued.set()
        fetch = self._tasks[0] if self._tasks else None
        if fetch is not None:
            fetch.cancel()
        self._queue.clear()  # read ahead, not started: the next owner reads them from the commit
        process = self._tasks[1] if len(self._tasks) > 1 else None
        left = max(0.1, deadline - time.monotonic())
        if process is not None:
            await asyncio.wait([process], timeout=left)
        if self._inflight:
            await asyncio.wait(list(self._inflight), timeout=max(0.1, deadline - time.monotonic()))
        for task in self._tasks:
            task.cancel()
        await self._commit(timeout=max(0.1, deadline - time.monotonic()))
        try:
            await asyncio.wait_for(self._consumer.stop(), timeout=max(0.5, deadline - time.monotonic()))
        except (TimeoutError, KafkaError) as exc:
            log.warning("%s lane: consumer did not close cleanly (%s)", self.name, type(exc).__name__)

    # ---- rebalance

    async def on_revoked(self, revoked: list[TopicPartition]) -> None:
        self.metrics.rebalances.labels(self.name).inc()
        revoked_set = set(revoked)
        # Work already given to the model finishes and is committed; what was only read ahead is dropped.
        self._queue = deque(r for r in self._queue if TopicPartition(r.topic, r.partition) not in revoked_set)
        if self._inflight:
            await asyncio.wait(list(self._inflight), timeout=self.settings.session_timeout_s / 2)
        await self._commit(timeout=self.settings.session_timeout_s / 2)
        self.book.forget(revoked)
        for tp in revoked:
            self._screened.pop(tp, None)
            self._screened_committed.pop(tp, None)
            self._forwarded_below.pop(tp, None)
        self.metrics.forget_partitions(self.topic, [tp.partition for tp in revoked])
        self._set_paused(False)

    async def on_assigned(self, assigned: list[TopicPartition]) -> None:
        self.metrics.rebalances.labels(self.name).inc()
        if self.screen is not None and assigned:
            await self._read_screened(assigned)
        self.health.assigned = len(assigned)
        self.health.joined = True
        self.metrics.assigned.labels(self.name).set(len(assigned))
        self._set_paused(False)

    async def _read_screened(self, assigned: list[TopicPartition]) -> None:
        """Read back the committed offsets and the screen's progress recorded with them (see the module
        docstring). Without an answer nothing is skipped: a report may be forwarded twice, never lost."""
        try:
            # aiokafka's committed() drops the metadata; its coordinator returns OffsetAndMetadata.
            fetch = self._consumer._coordinator.fetch_committed_offsets(assigned)
            committed = await asyncio.wait_for(fetch, timeout=self.settings.session_timeout_s / 3)
        except (TimeoutError, KafkaError, AttributeError) as exc:
            log.warning(
                "%s lane: committed offsets not read (%s); flagged reports may be forwarded again",
                self.name,
                type(exc).__name__,
            )
            return
        assert self.screen is not None
        for tp in assigned:
            meta = committed.get(tp)
            if meta is None or meta.offset < 0:
                continue
            self.book.seed(tp, meta.offset)
            below = parse_screened(meta.metadata, self.screen.version)
            if below is not None and below > meta.offset:
                self._forwarded_below[tp] = below
                self._screened[tp] = below
                self._screened_committed[tp] = below

    # ---- fetch (and screen)

    async def _fetch_loop(self) -> None:
        while not self._stopping:
            try:
                batches = await self._consumer.getmany(timeout_ms=200, max_records=1000)
                await self._note_broker()
            except asyncio.CancelledError:
                raise
            except (KafkaError, IllegalStateError) as exc:
                log.warning("%s lane: fetch failed (%s); retrying", self.name, type(exc).__name__)
                await asyncio.sleep(1.0)
                continue
            forward: list[Any] = []
            for tp, records in batches.items():
                below = self._forwarded_below.get(tp, -1)
                for record in records:
                    self.book.started(tp, record.offset)
                    self.metrics.consumed.labels(self.name).inc()
                    if self.screen is not None and self.screen(record.value):
                        if record.offset < below:
                            self.book.finished(tp, record.offset)  # forwarded by the previous owner
                            self.metrics.screened.labels("forwarded_before").inc()
                            continue
                        forward.append(record)
                        self.metrics.screened.labels("urgent").inc()
                        continue
                    if self.screen is not None:
                        self.metrics.screened.labels("bulk").inc()
                    self._queue.append(record)
            # The forward is awaited here, so the screened mark never passes an unacknowledged forward.
            if not forward or await self._forward(forward):
                for tp, records in batches.items():
                    if records:
                        self._screened[tp] = max(self._screened.get(tp, 0), records[-1].offset + 1)
            if self._queue:
                self._queued.set()
            self._update_backlog()

    async def _forward(self, records: list[Any]) -> bool:
        """Urgent candidates to `reports.urgent`, unchanged, keyed by their report; finished once acknowledged.
        One the broker refuses for good (too large for the urgent topic, not authorised) is triaged here."""
        outbound = [
            Outbound(self.names.urgent, r.key, r.value, _with_arrival(r), kind="urgent", level="none") for r in records
        ]
        delivery = await self.publisher.deliver(outbound, until=self._gave_up)
        refused = {id(o) for o, _ in delivery.permanent}
        for record, out in zip(records, outbound):
            if id(out) in refused:
                self._queue.append(record)
            elif delivery.ok or delivery.permanent:
                self.book.finished(TopicPartition(record.topic, record.partition), record.offset)
        if delivery.permanent:
            log.warning(
                "%s lane: %d urgent candidates refused by the urgent topic; triaged in this lane",
                self.name,
                len(delivery.permanent),
            )
        return delivery.ok or bool(delivery.permanent)

    # ---- triage

    async def _process_loop(self) -> None:
        while not self._stopping:
            if not self._queue:
                self._queued.clear()
                await self._queued.wait()
                continue
            if self._wait_s and len(self._queue) < self._batch:
                await asyncio.sleep(self._wait_s)  # let a micro-batch fill
            await self._model_slots.acquire()
            batch = [self._queue.popleft() for _ in range(min(self._batch, len(self._queue)))]
            self._update_backlog()
            if not batch:
                self._model_slots.release()
                continue
            self.metrics.batch_size.labels(self.name).observe(len(batch))
            self._track(asyncio.create_task(self._triage(batch, self.clock())))
            while len(self._inflight) >= MAX_INFLIGHT:
                await asyncio.wait(list(self._inflight), return_when=asyncio.FIRST_COMPLETED)

    async def _triage(self, batch: list[Any], now: datetime) -> None:
        try:
            results = await self.scheduler.run(
                [r.value for r in batch], now, urgent=self.urgent, received=[arrival(r) for r in batch]
            )
        except Exception:
            log.exception("%s lane: the chain failed on a whole batch; it will be re-delivered", self.name)
            return
        finally:
            self._model_slots.release()
        await self._publish(batch, results, now)

    def _dead_letter(self, record: Any, rejection: Rejection, now: datetime) -> Outbound:
        letter = DeadLetter.of(
            rejection,
            record.value if isinstance(record.value, bytes) else b"",
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            failed_at=now,
        )
        return Outbound(
            self.names.deadletter,
            record.key,
            letter.dumps(),
            [],
            kind="deadletter",
            level="none",
            reason=rejection.reason.value,
        )

    async def _publish(self, batch: list[Any], results: list[TriagedReport | Rejection], now: datetime) -> None:
        per_record: list[list[Outbound]] = []
        for record, result in zip(batch, results):
            if isinstance(result, Rejection):
                per_record.append([self._dead_letter(record, result, now)])
            else:
                per_record.append(outputs_for(self.names, result))
        started = time.perf_counter()
        delivery: Delivery = await self.publisher.deliver([o for outs in per_record for o in outs], until=self._gave_up)
        self.metrics.stage.labels("publish_ack").observe(time.perf_counter() - started)
        if delivery.permanent:
            # The broker will never take these outputs (too large, not authorised): the input is dead-lettered
            # with the reason instead, so it is neither retried forever nor dropped.
            refused = {id(o): error for o, error in delivery.permanent}
            letters = []
            for record, outs in zip(batch, per_record):
                errors = [refused[id(o)] for o in outs if id(o) in refused]
                if errors:
                    detail = f"outputs refused by the broker ({errors[0]}); the report is kept here"
                    letters.append(self._dead_letter(record, Rejection(Reason.DELIVERY_FAILED, detail, "publish"), now))
            retry = await self.publisher.deliver(letters, until=self._gave_up)
            if retry.permanent:
                log.error(
                    "%s lane: %d dead letters refused by the broker; their inputs stay uncommitted",
                    self.name,
                    len(retry.permanent),
                )
                return
            if not retry.ok:
                return
        elif not delivery.ok:
            return  # not finished: not committed, re-delivered after the restart or rebalance
        wall = time.time()
        for record, result in zip(batch, results):
            tp = TopicPartition(record.topic, record.partition)
            self.book.finished(tp, record.offset)
            self.metrics.last_progress.labels(record.topic, str(record.partition)).set(wall)
            precedence = "REJECTED" if isinstance(result, Rejection) else result.precedence
            if record.timestamp is not None and record.timestamp > 0:
                self.metrics.report_age.labels(self.name, precedence).observe(
                    max(0.0, wall - record.timestamp / 1000.0)
                )
        self.health.last_progress = time.monotonic()

    async def _note_broker(self) -> None:
        """When the broker last answered. aiokafka returns empty batches without raising while the broker
        is away, so an answer is a fetch response (its poll timestamp) or, at most every few seconds, a
        metadata request that succeeds."""
        now = time.monotonic()
        wall_ms = time.time() * 1000
        try:
            stamps = [self._consumer.last_poll_timestamp(tp) for tp in self._consumer.assignment()]
        except (IllegalStateError, KeyError, AssertionError):
            stamps = []
        newest = max((s for s in stamps if s), default=0)
        if newest and wall_ms - newest < 5000:
            self.health.last_broker_ok = now - (wall_ms - newest) / 1000
            return
        if now - self._metadata_asked < 5.0:
            return
        self._metadata_asked = now
        try:
            await asyncio.wait_for(self._consumer.topics(), timeout=5.0)
            self.health.last_broker_ok = time.monotonic()
        except (TimeoutError, KafkaError, IllegalStateError):
            pass

    def _gave_up(self) -> bool:
        return self._stopping and time.monotonic() > self._drain_deadline

    # ---- commits

    async def _commit_loop(self) -> None:
        while not self._stopping:
            await asyncio.sleep(self.settings.commit_interval_s)
            await self._commit(timeout=self.settings.commit_interval_s * 5)

    async def _commit(self, timeout: float) -> None:
        offsets = self.book.committable()
        # The screen's progress travels with the commit, even when the committed offset did not move.
        for tp, screened in self._screened.items():
            position = self.book.position(tp)
            if screened != self._screened_committed.get(tp) and position is not None:
                offsets.setdefault(tp, position)
        if not offsets:
            return
        marks = {tp: self._screened[tp] for tp in offsets if tp in self._screened and self._screened[tp] > offsets[tp]}
        request: dict[TopicPartition, Any] = {
            tp: (offset, screened_metadata(marks[tp], self.screen.version)) if tp in marks and self.screen else offset
            for tp, offset in offsets.items()
        }
        try:
            await asyncio.wait_for(self._consumer.commit(request), timeout=timeout)
        except (TimeoutError, CommitFailedError, IllegalStateError, KafkaError) as exc:
            # Rebalancing or the broker is away: the records stay uncommitted and are re-delivered, never lost.
            log.info("%s lane: commit deferred (%s)", self.name, type(exc).__name__)
            return
        self.book.committed(offsets)
        for tp in offsets:
            if tp in self._screened:
                self._screened_committed[tp] = self._screened[tp]
        wall = time.time()
        for tp in offsets:
            self.metrics.last_commit.labels(tp.topic, str(tp.partition)).set(wall)

    # ---- helpers

    def _track(self, task: asyncio.Task[None]) -> None:
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)
        task.add_done_callback(_log_failure)

    def _update_backlog(self) -> None:
        backlog = len(self._queue)
        self.health.backlog = backlog
        self.metrics.inflight.labels(self.name).set(self.book.pending())
        if not self._paused and backlog >= self.settings.read_ahead:
            self._set_paused(True)
        elif self._paused and backlog < self.settings.read_ahead // 2:
            self._set_paused(False)

    def _set_paused(self, paused: bool) -> None:
        try:
            assignment = self._consumer.assignment()
            if paused:
                self._consumer.pause(*assignment)
            else:
                self._consumer.resume(*assignment)
            self._paused = paused
        except IllegalStateError:
            self._paused = False


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("lane task failed", exc_info=task.exception())


def screen_payload(screen_text: Callable[[str], bool], version: str) -> Screen:
    """A record screen from a text screen: the report's text and SALUTE slots; malformed input is not urgent
    (the bulk lane dead-letters it)."""

    def screen(value: bytes | None) -> bool:
        if not value:
            return False
        try:
            report = json.loads(value)
        except (ValueError, UnicodeDecodeError):
            return False
        if not isinstance(report, dict):
            return False
        text = report.get("text")
        parts = [text] if isinstance(text, str) else []
        salute = report.get("salute")
        if isinstance(salute, dict):
            parts.extend(v for v in salute.values() if isinstance(v, str))
        return bool(parts) and screen_text("\n".join(parts))

    return Screen(screen, version)


async def drain(lanes: Sequence[Lane], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    for lane in lanes:
        lane._drain_deadline = deadline
    await asyncio.gather(*(lane.stop(deadline) for lane in lanes), return_exceptions=True)
