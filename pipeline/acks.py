"""Faust commits only offsets whose records were really processed: a guard on the app's consumer.

faust-streaming 0.15.3 can commit past records that were never processed, which loses them when
the worker dies before it processes them again:
  * a record fetched before a rebalance (older consumer generation) or while flow control is off is
    skipped by `Stream._py_aiter` *and acked* (streams.py, the `value is skipped_value` branch);
    after the rebalance Faust seeks back and fetches it again, but the commit may already be past it;
  * `take()`/`take_events()` ack the whole buffer in a `finally`, also when the agent's body raised
    or was cancelled before the outputs of that buffer were delivered;
  * `Consumer._new_offset` lets a commit skip one unacked record at the head of a partition
    (`min(acked) - committed > 1`, where the committed offset is already "next to read").

The guard wraps the consumer's `ack` and `_new_offset`: an ack of a record from an older generation,
during a rebalance, or of a record an agent is still holding (`hold`/`release` around its work) is
refused, and no commit skips a record at the head. A refused record is fetched again after the
seek that follows every rebalance, so refusing costs a repeat, never a loss. A test runs the
guard against the installed Faust (tests/unit/pipeline/test_acks.py), so an upgrade that changes
these internals fails there first.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class AckGuard:
    def __init__(self, app: Any) -> None:
        self.app = app
        self._held: set[tuple[Any, int]] = set()
        self.refused = 0
        self._installed = False

    def install(self) -> None:
        """Wrap the app's consumer (created on first access; no broker is contacted)."""
        if self._installed:
            return
        consumer = self.app.consumer
        original_ack = consumer.ack
        original_new_offset = consumer._new_offset

        def ack(message: Any) -> bool:
            if self._refuse(message):
                self.refused += 1
                # Marked as done for this stream, so Faust does not ack it again; the offset is not added.
                message.acked = True
                return False
            return bool(original_ack(message))

        def new_offset(tp: Any) -> int | None:
            acked = consumer._acked[tp]
            committed = consumer._committed_offset[tp]
            if acked and committed is not None and min(acked) > committed:
                return None  # the record at `committed` is not done yet
            result: int | None = original_new_offset(tp)
            return result

        consumer.ack = ack
        consumer._new_offset = new_offset
        self._installed = True

    def _refuse(self, message: Any) -> bool:
        if (message.tp, message.offset) in self._held:
            return True
        generation = getattr(message, "generation_id", None)
        if generation is not None and generation != self.app.consumer_generation_id:
            return True
        return not self.app.flow_control.is_active()

    def hold(self, message: Any) -> None:
        """The agent works on this record: no ack counts for it until `release`."""
        self._held.add((message.tp, message.offset))

    def release(self, message: Any) -> None:
        self._held.discard((message.tp, message.offset))
