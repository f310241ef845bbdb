"""The worker's operator chain in a process of its own (TRIAGE_CHAIN_PROCESS, on by default).

Why, measured with `make bench` on 2 cores: in one process the chain's Python (tokeniser, entities,
the policy) and the event loop's (Kafka clients, the screen, serialisation) take turns on one GIL, so
the worker triaged at about 0.65 of the offline chain's rate; with the chain here the event loop
runs beside it on the other core (bench/README.md has the figures).

`ChainProcess.process` has the chain's signature, so the model threads (pipeline/lanes.py
ModelScheduler) call it as they would call the chain, urgent work first. It is pipelined: up to
`DEPTH` callers may wait at once, their batches queued in the pipe in the order sent, so the child
starts the next batch the moment it has answered one, instead of waiting while this process reads
the answer and sends the next batch (measured: the child stood idle about 6% of a full-load run).
A reader thread hands each answer to its caller in order.

The child builds the chain from the same settings, answers one batch per request, and ignores
SIGINT and SIGTERM: the worker drains first and then closes the pipe, which ends the child; a worker
killed outright closes the pipe too. A child that dies (killed, out of memory) is started again and
every unanswered batch is sent once more, in order; the batch it died on counts an attempt, and a
batch that kills it twice fails like a chain failure (not committed, re-delivered). Start-up failures
(a model that does not verify, a bad theatre file) are raised in the worker with the chain's own
error types and messages.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from operators.chain import Timings, add_time
from operators.inference.manifest import ModelError
from pipeline.settings import Settings, SettingsError
from schemas.errors import Rejection
from schemas.reports import TriagedReport

log = logging.getLogger(__name__)

START_TIMEOUT_S = 600.0  # loading the model on a slow disk; a GPU provider's first session


class ChainProcessError(RuntimeError):
    """The chain process could not be started, or died twice on the same batch."""


class ChainFailed(RuntimeError):
    """The chain raised on a whole batch (its message names the exception)."""


def _serve(conn: Connection, settings: Settings, passthrough: bool) -> None:
    """The child: build the chain, say so (or say why not), then answer batches until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s[chain]: %(message)s"
    )
    from pipeline.components import build_chain, model_info

    try:
        chain = build_chain(settings, passthrough=passthrough)
    except (ModelError, SettingsError) as exc:
        conn.send(("error", "model" if isinstance(exc, ModelError) else "settings", str(exc)))
        return
    conn.send(("ready", model_info(chain, settings)))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the worker is gone or closed the pipe
        if request[0] != "process":
            return
        _, payloads, now, received = request
        timings: Timings = {}
        try:
            reply: tuple[Any, ...] = ("ok", chain.process(payloads, now, timings, received), timings)
        except Exception as exc:
            log.exception("the chain failed on a batch of %d", len(payloads))
            reply = ("failed", f"{type(exc).__name__}: {exc}", timings)
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


@dataclass
class _Call:
    """One batch sent to the child: answered (reply) or failed (error), then `done` is set."""

    request: tuple[Any, ...]
    size: int
    attempts: int = 0
    reply: tuple[Any, ...] | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def fail(self, error: BaseException) -> None:
        self.error = error
        self.done.set()


class ChainProcess:
    """The chain behind a pipe: `process(payloads, now, timings, received)` as TriageChain.process,
    safe to call from up to DEPTH threads at once (their batches are pipelined to the child)."""

    DEPTH = 2  # batches in the pipe: the one the child runs and the next one, already sent

    def __init__(self, settings: Settings, *, passthrough: bool = False, start_timeout_s: float = START_TIMEOUT_S):
        self._settings = settings
        self._passthrough = passthrough
        self._start_timeout_s = start_timeout_s
        self._send_lock = threading.Lock()  # one writer on the pipe; held to start a child again
        self._state = threading.Lock()  # guards _pending
        self._pending: deque[_Call] = deque()  # sent and not yet answered, in the order sent
        self._conn: Connection | None = None
        self._proc: Any = None
        self._closing = False
        self.restarts = 0
        self.most_pending = 0  # the most batches ever in the pipe at once
        self.info: dict[str, str] = self._start()

    @property
    def pending(self) -> int:
        """Batches sent to the child and not yet answered."""
        return len(self._pending)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> dict[str, str]:
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no forked ONNX Runtime threads
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_serve, args=(child, self._settings, self._passthrough), name="triage-chain", daemon=True
        )
        proc.start()
        child.close()
        try:
            if not parent.poll(self._start_timeout_s):
                proc.kill()
                raise ChainProcessError(f"the chain process did not start within {self._start_timeout_s:.0f}s")
            message = parent.recv()
        except (EOFError, OSError):
            proc.join(5.0)
            raise ChainProcessError(f"the chain process exited while starting (exit code {proc.exitcode})") from None
        if message[0] == "error":
            proc.join(5.0)
            _, kind, text = message
            raise (ModelError if kind == "model" else SettingsError)(text)
        self._conn, self._proc = parent, proc
        threading.Thread(target=self._read, args=(parent,), name="triage-chain-reader", daemon=True).start()
        log.info("chain process %d ready", proc.pid)
        return dict(message[1])

    def _reap(self) -> int | None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        if self._proc is None:
            return None
        self._proc.join(2.0)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(2.0)
        code: int | None = self._proc.exitcode
        self._proc = None
        return code

    def _read(self, conn: Connection) -> None:
        """The reader of one child: answers go to the callers in the order their batches were sent."""
        while True:
            try:
                reply = conn.recv()
            except (EOFError, OSError, TypeError, ValueError):
                break  # the child is gone, or close() closed the pipe under this read
            with self._state:
                call = self._pending.popleft() if self._pending else None
            if call is None:
                log.error("the chain process answered a batch that was not asked for")
                continue
            call.reply = reply
            call.done.set()
        self._recover(conn)

    def _recover(self, conn: Connection) -> None:
        """The child of `conn` is gone: start another and send it every unanswered batch, in order."""
        with self._send_lock:
            if not self._closing and conn is not self._conn:
                return  # already replaced
            with self._state:
                calls = list(self._pending)
                self._pending.clear()
            if self._closing:
                for call in calls:
                    call.fail(ChainProcessError("the chain process was closed"))
                return
            code = self._reap()
            log.error("the chain process died (exit code %s) with %d batches unanswered", code, len(calls))
            if calls:
                calls[0].attempts += 1  # the batch it was running
                if calls[0].attempts >= 2:
                    head = calls.pop(0)
                    head.fail(ChainProcessError(f"the chain process died twice on the same batch of {head.size}"))
            if not calls:
                return  # started again by the next batch
            try:
                self._restart_locked()
            except Exception as exc:  # every waiting caller gets the reason
                for call in calls:
                    call.fail(exc)
                return
            for call in calls:
                self._send_locked(call)

    def _restart_locked(self) -> None:
        self.restarts += 1
        started = time.monotonic()
        self._start()
        log.warning("chain process started again in %.1fs", time.monotonic() - started)

    def _send_locked(self, call: _Call) -> None:
        assert self._conn is not None
        with self._state:
            self._pending.append(call)
            self.most_pending = max(self.most_pending, len(self._pending))
        try:
            self._conn.send(call.request)
        except (OSError, ValueError):
            pass  # the child is gone: its reader sees the pipe close and sends this batch again

    def process(
        self,
        payloads: Sequence[bytes | None],
        now: datetime,
        timings: Timings | None = None,
        received: Sequence[datetime | None] | None = None,
    ) -> list[TriagedReport | Rejection]:
        call = _Call(("process", list(payloads), now, list(received) if received is not None else None), len(payloads))
        with self._send_lock:
            if self._closing:
                raise ChainProcessError("the chain process was closed")
            if self._conn is None:
                self._restart_locked()  # raises the start-up error to this caller
            self._send_locked(call)
        call.done.wait()
        if call.error is not None:
            raise call.error
        assert call.reply is not None
        kind, value, spent = call.reply
        if timings is not None:
            for stage, seconds in spent.items():
                add_time(timings, stage, seconds)
        if kind != "ok":
            raise ChainFailed(value)
        result: list[TriagedReport | Rejection] = value
        return result

    def close(self, timeout_s: float = 5.0) -> None:
        """End the child: it finishes the batches in hand, sees the pipe close and exits."""
        with self._send_lock:
            self._closing = True
            if self._conn is not None:
                try:
                    self._conn.send(("stop",))
                except (OSError, ValueError):
                    pass
            if self._proc is not None:
                self._proc.join(timeout_s)
            self._reap()
