"""pipeline/components.py: what building the chain leaves behind for the rest of the process."""

from __future__ import annotations

import gc
import weakref

from operators.chain import TriageChain
from pipeline.components import build_chain, settle
from pipeline.settings import Settings


def test_the_built_chain_is_out_of_the_collectors_generations() -> None:
    """A full collection no longer walks the chain's tables (the gazetteer alone is 400,000 names)."""
    gc.unfreeze()
    chain = build_chain(Settings.from_env())
    try:
        assert isinstance(chain, TriageChain)
        assert gc.get_freeze_count() > 100_000
        # gc.get_objects() lists the collector's generations only: the frozen chain is not among them.
        assert not any(o is chain.triage for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_settle_collects_before_it_freezes() -> None:
    """Cyclic garbage present when the process settles is collected, not frozen for good."""
    gc.unfreeze()

    class Node:
        other: object = None

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    try:
        settle()
        assert gone() is None
    finally:
        gc.unfreeze()
