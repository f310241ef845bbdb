"""How the intel agents publish events and briefings: through the worker's publisher, which checks
write-down, seals and audits (pipeline/publisher.py), and waits until the broker has them."""

from __future__ import annotations

from pipeline.publisher import Outbound, Publisher
from pipeline.routing import Publication


class Outputs:
    def __init__(self, publisher: Publisher) -> None:
        self.publisher = publisher

    async def publish(self, publication: Publication) -> None:
        """Returns once the broker acknowledged it; retries until then (the agent holds its record meanwhile)."""
        kind = "briefing" if publication.topic in self.publisher.names.briefings.values() else "event"
        record = Outbound(
            publication.topic,
            publication.key,
            publication.payload,
            list(publication.headers),
            kind=kind,
            level=publication.classification.value,
            publication=publication,
        )
        delivery = await self.publisher.deliver([record])
        if not delivery.ok:
            raise RuntimeError(f"{publication.topic} refused {publication.message_id}: {delivery.permanent[0][1]}")
