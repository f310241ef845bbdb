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

import ahocorasick

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
    """Literal sets of many rows, found in a text by one scan of an Aho-Corasick automaton."""

    def __init__(self, rows: Sequence[frozenset[str] | None]) -> None:
        self.size = len(rows)
        always = {i for i, row in enumerate(rows) if row is None}
        by_literal: dict[str, set[int]] = {}
        for i, row in enumerate(rows):
            for literal in row or ():
                if literal:
                    by_literal.setdefault(literal, set()).add(i)
                else:
                    always.add(i)  # every text contains the empty string
        self.always = frozenset(always)
        self._automaton: Any = None
        if by_literal:
            automaton = ahocorasick.Automaton()
            for literal, ids in by_literal.items():
                automaton.add_word(literal, frozenset(ids))
            automaton.make_automaton()
            self._automaton = automaton

    def rows(self, folded: str) -> frozenset[int]:
        """The rows that may match the text whose `fold` is `folded`."""
        if self._automaton is None:
            return self.always
        found = [ids for _, ids in self._automaton.iter(folded)]
        return self.always.union(*found) if found else self.always


# ------------------------------------------------------------------------------------------- first characters

_CATEGORY_CLASS: Final[dict[Any, str]] = {
    _C.CATEGORY_DIGIT: r"\d",
    _C.CATEGORY_NOT_DIGIT: r"\D",
    _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S",
    _C.CATEGORY_WORD: r"\w",
    _C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH: Final = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)


def _class_item(ch: int) -> str:
    c = chr(ch)
    return "\\" + c if c in "\\]^-[" else c


def _first_of(items: Iterable[tuple[Any, Any]], flags: int) -> tuple[frozenset[str] | None, bool]:
    """The class items (as regex text) that can be a match's first character, and whether the sequence can
    match the empty string. None: not known (any character, a negated class, a back reference, a group
    that ignores case in a pattern that does not)."""
    parts: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # anchors and lookarounds consume nothing: the next item gives the first character
        if op is _C.LITERAL:
            return frozenset(parts | {_class_item(av)}), False
        if op is _C.IN:
            for item_op, item_av in av:
                if item_op is _C.LITERAL:
                    parts.add(_class_item(item_av))
                elif item_op is _C.RANGE:
                    parts.add(f"{_class_item(item_av[0])}-{_class_item(item_av[1])}")
                elif item_op is _C.CATEGORY and item_av in _CATEGORY_CLASS:
                    parts.add(_CATEGORY_CLASS[item_av])
                else:
                    return None, False  # NEGATE, a locale or Unicode category the class syntax lacks
            return frozenset(parts), False
        if op is _C.SUBPATTERN and av[1] & re.IGNORECASE and not flags & re.IGNORECASE:
            return None, False
        if op is _C.SUBPATTERN or op is _C.ATOMIC_GROUP:
            inner, nullable = _first_of(av[-1] if op is _C.SUBPATTERN else av, flags)
        elif op is _C.BRANCH:
            inner, nullable = frozenset(), False
            for alternative in av[1]:
                first, empty = _first_of(alternative, flags)
                if first is None:
                    return None, False
                inner, nullable = inner | first, nullable or empty
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            low, _, body = av
            inner, nullable = _first_of(body, flags)
            nullable = nullable or low == 0
        else:
            return None, False  # ANY, NOT_LITERAL, CATEGORY outside a class, group references
        if inner is None:
            return None, False
        parts |= inner
        if not nullable:
            return frozenset(parts), False
    return frozenset(parts), True


def first_characters(patterns: Iterable[str], flags: int = 0) -> str | None:
    """A lookahead that holds at the first character of every match of any of `patterns` (compiled with
    `flags`), or None when one of them may match the empty string or start with any character.

    Placed before an alternation of those patterns, it changes no match: it only tests, with one character
    class, what the first item of some pattern would test anyway (under the same flags: a class is
    case-folded as a literal is). Python's regex engine otherwise tries every alternative at every position.
    """
    parts: set[str] = set()
    for pattern in patterns:
        first, nullable = _first_of(_sre_parse.parse(pattern, flags).data, flags)
        if first is None or nullable or not first:
            return None
        parts |= first
    return "(?=[" + "".join(sorted(parts)) + "])"
