"""A literal prefilter for the policy's regexes: which rows can match a text at all, in one scan.

Every regex row is reduced, once, to a set of literal strings of which any match must contain one
(from the parsed pattern: literal runs, small character classes and alternations; nothing is guessed).
A text is case-folded the way the regex engine folds under IGNORECASE, scanned once for every literal
of every row, and only the rows with a literal in the text are run. A row without such a set always
runs. Skipping a row that cannot match changes nothing: every row that runs is the same regex as
before, over the same text, so its matches are exactly the same.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

# The regex module's own parser (re._parser, 3.11+): the same tree the engine compiles.
_sre_parse: Any = importlib.import_module("re._parser")
_sre_casefix: Any = importlib.import_module("re._casefix")
_C: Any = importlib.import_module("re._constants")

# Largest set of alternative strings followed through a pattern before it is cut into a required piece.
_MAX_ALTERNATIVES: Final = 48
# Character classes of at most this many characters are followed as alternatives ("[Ss]", "[äa]").
_MAX_CLASS: Final = 8

# ------------------------------------------------------------------------------------------- case folding

# Under IGNORECASE (str patterns) the engine compares `_sre.unicode_tolower` of both characters, and also
# treats as equal the lower-case letters in `re._casefix._EXTRA_CASES` ("s" and "ſ", "i" and "ı", ...).
# `fold` maps every character to one representative of that equivalence: the smallest code point.
_EXTRA: dict[int, tuple[int, ...]] = dict(_sre_casefix._EXTRA_CASES)
_REPRESENTATIVE: Final[dict[int, int]] = {
    lo: min((lo, *others)) for lo, others in _EXTRA.items() if min((lo, *others)) != lo
}
_DOTTED_I: Final = "\u0130"  # the one character whose str.lower() (two characters) is not its simple lower case


def fold(text: str) -> str:
    """`text` with every character replaced by its IGNORECASE representative; same length as `text`.

    Two characters the regex engine matches case-insensitively fold to the same character, so a literal
    that a case-insensitive (or case-sensitive) pattern matches in `text` is a substring of `fold(text)`
    once folded itself. str.lower() is the engine's simple lower-casing for every character but U+0130
    (tests/unit/operators/test_policy_prefilter.py checks every code point); final sigma folds with sigma.
    """
    if _DOTTED_I in text:
        text = text.replace(_DOTTED_I, "i")
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_REPRESENTATIVE)


# ------------------------------------------------------------------------------------------- literals


class _Info:
    """What a piece of a pattern tells about its matches: `exact`, every string it can match (None: too
    many or unknown); `required`, strings one of which every match contains (None: nothing known)."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None, required: frozenset[str] | None) -> None:
        self.exact = exact
        self.required = required

    def best(self) -> frozenset[str] | None:
        return _better(self.exact, self.required)


def _useful(choice: frozenset[str] | None) -> bool:
    return choice is not None and len(choice) > 0 and "" not in choice


def _score(choice: frozenset[str]) -> tuple[int, int]:
    return min(len(s) for s in choice), -len(choice)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if not _useful(a):
        return b if _useful(b) else None
    if not _useful(b):
        return a
    assert a is not None and b is not None
    return a if _score(a) >= _score(b) else b


_EMPTY: Final = _Info(frozenset({""}), None)
_UNKNOWN: Final = _Info(None, None)


def _class_chars(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, a category (\w, \d), a wide range
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_ALTERNATIVES:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Info:
    run: frozenset[str] | None = frozenset({""})  # the exact strings of the current run of exact pieces
    exact = True
    required: frozenset[str] | None = None
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and run is not None:
            joined = _product(run, info.exact)
            if joined is not None:
                run = joined
                continue
        # The run ends here: what it matched is required; so is this piece's own requirement.
        exact = False
        required = _better(required, run)
        if info.exact is not None:
            run = info.exact
        else:
            required = _better(required, info.required)
            run = frozenset({""})
    if exact:
        return _Info(run, run)
    return _Info(None, _better(required, run))


def _node(op: Any, av: Any) -> _Info:
    if op is _C.LITERAL:
        return _Info(frozenset({chr(av)}), None)
    if op is _C.IN:
        chars = _class_chars(av)
        return _Info(chars, None) if chars is not None else _UNKNOWN
    if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
        return _EMPTY  # zero-width: consumes nothing
    if op is _C.SUBPATTERN:
        return _sequence(av[3])
    if op is _C.ATOMIC_GROUP:
        return _sequence(av)
    if op is _C.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        exact: frozenset[str] | None = None
        if all(b.exact is not None for b in branches):
            union = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            exact = union if len(union) <= _MAX_ALTERNATIVES else None
        picks = [b.best() for b in branches]
        required = frozenset().union(*picks) if all(p is not None for p in picks) else None  # type: ignore[arg-type]
        return _Info(exact, required)
    if op is _C.MAX_REPEAT or op is _C.MIN_REPEAT or op is _C.POSSESSIVE_REPEAT:
        low, high, body = av
        inner = _sequence(body)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _EMPTY if high == 0 else _Info(None, None)
        if low == high and inner.exact is not None:
            repeated: frozenset[str] | None = frozenset({""})
            for _ in range(low):
                repeated = _product(repeated, inner.exact) if repeated is not None else None
            if repeated is not None:
                return _Info(repeated, repeated)
        return _Info(None, inner.best())
    return _UNKNOWN  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded strings (see `fold`) one of which every match of `pattern` contains; None when the pattern
    has no such set (it may match an empty string, or only character classes)."""
    info = _sequence(_sre_parse.parse(pattern, flags).data)
    best = info.best()
    return frozenset(fold(s) for s in best) if best is not None else None


# ------------------------------------------------------------------------------------------- the scan


class LiteralIndex:
    """Literal sets of many rows, found in a text by one regex scan (a trie, tried at every position)."""

    def __init__(self, rows: Sequence[frozenset[str] | None]) -> None:
        self.size = len(rows)
        self.always = frozenset(i for i, row in enumerate(rows) if row is None)
        by_literal: dict[str, set[int]] = {}
        for i, row in enumerate(rows):
            for literal in row or ():
                by_literal.setdefault(literal, set()).add(i)
        # The scan reports the longest literal at each position; the shorter ones that also start there
        # are its prefixes, so each literal stands for the rows of all its literal prefixes as well.
        self._rows: dict[str, frozenset[int]] = {
            literal: frozenset().union(
                *(by_literal[literal[:n]] for n in range(1, len(literal) + 1) if literal[:n] in by_literal)
            )
            for literal in by_literal
        }
        self._scan = re.compile("(?=(" + _trie(by_literal) + "))", re.DOTALL) if by_literal else None

    def rows(self, folded: str) -> frozenset[int]:
        """The rows that may match the text whose `fold` is `folded`."""
        if self._scan is None:
            return self.always
        found = set(self._scan.findall(folded))
        if not found:
            return self.always
        return self.always.union(*(self._rows[literal] for literal in found))


def _trie(literals: Iterable[str]) -> str:
    """A regex for the literals that tries longer ones first at a position (longest match wins)."""
    root: dict[str, Any] = {}
    for literal in literals:
        node = root
        for ch in literal:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body
