"""The plain aiokafka baseline for the pass-through comparison: getmany, one produce batch per
partition, wait for the broker, commit. No Faust, and by default no parsing either.

    python -m bench.relay --bootstrap HOST:PORT --source T --sink T --group G [--chain]

With --chain, each batch also goes through the pass-through TriageChain (parse, validate, build
and serialise a TriagedReport), which separates the chain's own cost from Faust's. Delivery
matches the triage agent: acks=all, outputs confirmed before offsets are committed, and commits
every max(4 x batch, 100) messages or every second, like the agent's app settings.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import time
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition  # type: ignore[import-untyped]

from operators.chain import TriageChain
from schemas.errors import Rejection

READY = "relay ready"


async def relay(args: argparse.Namespace) -> None:
    chain: TriageChain | None = None
    if args.chain:
        from pipeline.components import build_chain
        from pipeline.settings import Settings

        chain = build_chain(Settings.from_env(), passthrough=True)
    consumer = AIOKafkaConsumer(
        args.source,
        bootstrap_servers=args.bootstrap,
        group_id=args.group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=args.bootstrap, acks="all", linger_ms=0)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await producer.start()
    await consumer.start()
    print(READY, flush=True)
    commit_every = max(args.batch_size * 4, 100)
    uncommitted = 0
    last_commit = time.monotonic()
    try:
        while not stop.is_set():
            fetched = await consumer.getmany(timeout_ms=100, max_records=args.batch_size)
            if not fetched:
                continue
            pending = []
            for tp, messages in fetched.items():
                pending.extend(await _send_partition(producer, args.sink, tp, messages, chain))
                uncommitted += len(messages)
            await asyncio.gather(*pending)
            if uncommitted >= commit_every or time.monotonic() - last_commit >= 1.0:
                await consumer.commit()
                uncommitted, last_commit = 0, time.monotonic()
    finally:
        await consumer.stop()
        await producer.stop()


async def _send_partition(
    producer: AIOKafkaProducer, sink: str, tp: TopicPartition, messages: list[Any], chain: TriageChain | None
) -> list[asyncio.Future[Any]]:
    """One produce batch per source partition (sink partition = source partition, keys kept)."""
    if chain is not None:
        results = chain.process([m.value for m in messages], datetime.now(UTC))
        records = [(r.alert_id.encode(), r.dumps()) for r in results if not isinstance(r, Rejection)]
    else:
        records = [(m.key, m.value) for m in messages]
    futures: list[asyncio.Future[Any]] = []
    batch = producer.create_batch()
    for key, value in records:
        if batch.append(key=key, value=value, timestamp=None) is None:
            futures.append(await producer.send_batch(batch, sink, partition=tp.partition))
            batch = producer.create_batch()
            batch.append(key=key, value=value, timestamp=None)
    if batch.record_count():
        futures.append(await producer.send_batch(batch, sink, partition=tp.partition))
    return futures


def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.relay", description=__doc__)
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--sink", required=True)
    p.add_argument("--group", required=True)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--chain", action="store_true", help="run the pass-through TriageChain on each batch")
    asyncio.run(relay(p.parse_args()))


if __name__ == "__main__":
    main()
