"""The policy engine: loads the policy folder (operators/policy/data), checks it, compiles it once.

A policy is data: cue rows and category-term rows (id, language, kind or category, patterns, why,
examples, counter-examples), ordered precedence rules (id, when, then, note, why) and parameters
(policy.yaml). The engine compiles the rows into one matcher per cue kind (named groups, so every
match names its row) and one per term row, evaluates the precedence rules against the facts that
operators/prioritise.py computes, and names the policy by its version and a content hash of every
file, which every triaged report carries.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from operators.policy.prefilter import LiteralIndex, first_characters, fold, required_literals
from schemas.errors import TriageError
from schemas.vocab import CATEGORIES, LANGUAGES, Precedence

DATA = Path(__file__).resolve().parent / "data"
ROW_LANGUAGES = (*LANGUAGES, "any")
PRECEDENCES = tuple(p.value for p in Precedence)


class PolicyError(TriageError):
    """A policy file that cannot be used; the message names the file and the row."""


@dataclass(frozen=True, slots=True)
class CueRule:
    id: str
    language: str
    kind: str
    gloss: str
    patterns: tuple[str, ...]
    why: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TermRule:
    id: str
    language: str
    category: str
    strength: str
    weight: float
    patterns: tuple[str, ...]
    why: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrecedenceRule:
    id: str
    when: Mapping[str, Any]
    then: Mapping[str, Any]
    note: str
    why: str
    always_note: bool = False


@dataclass(frozen=True, slots=True)
class KindSpec:
    weight: float
    flash: bool = False
    negatable: bool = False
    deescalating: bool = False
    fact: bool = False  # register and tense kinds: no factor on the score, only facts for the rules
    screen_only: bool = False  # read by the urgency screen only (a sender's own FLASH marking), never scored
    headline: bool = False  # counts only in the report's headline (`headline_end`): what the report is about


@dataclass(frozen=True)
class Policy:
    version: str
    digest: str
    params: Mapping[str, Any]
    kinds: Mapping[str, KindSpec]
    cues: tuple[CueRule, ...]
    terms: tuple[TermRule, ...]
    rules: tuple[PrecedenceRule, ...]
    files: tuple[str, ...] = field(default=())
    category_rules: tuple[PrecedenceRule, ...] = field(default=())  # category.yaml: applied before the score

    @property
    def name(self) -> str:
        """What every output records: the human version and the first 12 hex digits of the content hash."""
        return f"{self.version}+{self.digest[:12]}"


# ------------------------------------------------------------------------------------------- loading


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyError(f"{path.name}: {exc}") from None


def _strings(value: Any, where: str, *, allow_empty: bool = True) -> tuple[str, ...]:
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or (not allow_empty and not value):
        raise PolicyError(f"{where}: expected a{' non-empty' if not allow_empty else ''} list of strings")
    return tuple(value)


def _row_fields(row: Any, where: str, required: Iterable[str]) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise PolicyError(f"{where}: a row must be a mapping")
    missing = [k for k in required if k not in row]
    if missing:
        raise PolicyError(f"{where}: missing {', '.join(missing)}")
    return row


def load_policy(folder: Path = DATA) -> Policy:
    """Read and validate every file of the policy folder; PolicyError names what is wrong."""
    folder = Path(folder)
    files = sorted(p for p in folder.glob("*.yaml"))
    if not files:
        raise PolicyError(f"no policy files in {folder}")
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    params = _load_yaml(folder / "policy.yaml")
    if not isinstance(params, dict) or "version" not in params:
        raise PolicyError("policy.yaml: needs a version")
    if (folder / "calibration.yaml").exists():  # written by `triage calibrate`
        params["calibration"] = _load_yaml(folder / "calibration.yaml") or {}
    kinds = {
        name: KindSpec(
            float(spec["weight"]),
            bool(spec.get("flash", False)),
            bool(spec.get("negatable", False)),
            bool(spec.get("deescalating", False)),
            bool(spec.get("fact", False)),
            bool(spec.get("screen_only", False)),
            bool(spec.get("headline", False)),
        )
        for name, spec in (params.get("cue_kinds") or {}).items()
    }
    cues: list[CueRule] = []
    terms: list[TermRule] = []
    for path in files:
        stem = path.stem
        family, _, language = stem.partition(".")
        if family not in ("cues", "registers", "terms"):
            continue
        if language not in ROW_LANGUAGES:
            raise PolicyError(f"{path.name}: the file name must end in .{'/'.join(ROW_LANGUAGES)}.yaml")
        rows = _load_yaml(path) or []
        if not isinstance(rows, list):
            raise PolicyError(f"{path.name}: expected a list of rows")
        for i, raw in enumerate(rows):
            where = f"{path.name} row {i + 1}"
            if family in ("cues", "registers"):
                row = _row_fields(raw, where, ("id", "language", "kind", "gloss", "patterns", "why", "examples"))
                cues.append(
                    CueRule(
                        str(row["id"]),
                        str(row["language"]),
                        str(row["kind"]),
                        str(row["gloss"]),
                        _sharp_s(_strings(row["patterns"], where, allow_empty=False)),
                        str(row["why"]),
                        _strings(row["examples"], where),
                        _strings(row.get("counter_examples"), where),
                    )
                )
            else:
                row = _row_fields(raw, where, ("id", "language", "category", "strength", "patterns", "why", "examples"))
                terms.append(
                    TermRule(
                        str(row["id"]),
                        str(row["language"]),
                        str(row["category"]),
                        str(row["strength"]),
                        float(row.get("weight", 1.0)),
                        _sharp_s(_strings(row["patterns"], where, allow_empty=False)),
                        str(row["why"]),
                        _strings(row["examples"], where),
                        _strings(row.get("counter_examples"), where),
                    )
                )
            if str(raw["language"]) != language:
                raise PolicyError(f"{where}: language {raw['language']!r} in a .{language} file")
    rules = _ordered_rules(folder / "precedence.yaml")
    category_rules = _ordered_rules(folder / "category.yaml")
    policy = Policy(
        str(params["version"]),
        digest.hexdigest(),
        params,
        kinds,
        tuple(cues),
        tuple(terms),
        rules,
        tuple(p.name for p in files),
        category_rules,
    )
    problems = structural_problems(policy)
    if problems:
        raise PolicyError(
            "; ".join(problems[:10]) + (f" (and {len(problems) - 10} more)" if len(problems) > 10 else "")
        )
    return policy


_SHARP_S = re.compile(r"ß(?!\|ss\))")


def _sharp_s(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """A German ß in a pattern also matches "ss": upper-case text writes SCHIESSEN and STRASSE, and a
    case-insensitive regex does not equate ß with ss."""
    return tuple(_SHARP_S.sub("(?:ß|ss)", p) for p in patterns)


def _ordered_rules(path: Path) -> tuple[PrecedenceRule, ...]:
    """The ordered rules of precedence.yaml or category.yaml (none when the file is absent)."""
    doc = _load_yaml(path) if path.exists() else {"rules": []}
    if not isinstance(doc, dict):
        raise PolicyError(f"{path.name}: expected a mapping with `rules`")
    return tuple(
        PrecedenceRule(
            str(r["id"]),
            dict(r.get("when") or {}),
            dict(r.get("then") or {}),
            str(r.get("note", "")),
            str(r.get("why", "")),
            bool(r.get("always_note", False)),
        )
        for r in (
            _row_fields(r, f"{path.name} row {i + 1}", ("id", "when", "then", "why"))
            for i, r in enumerate(doc.get("rules") or [])
        )
    )


HEADLINE_MAX_CHARS = 320


_SENTENCE_END = re.compile(r"[.!?](?=\s)(?!\s+[–—-]\s)")  # "GIFTGAS IM HAFEN? – Großübung ...": a kicker and its line


def headline_end(text: str, skip: re.Pattern[str] | None = None, extend: re.Pattern[str] | None = None) -> int:
    """Where the headline ends: the end of the first line with any text, or of its first sentence when
    that line goes on (a report written as one paragraph has no headline but its first sentence), at
    most HEADLINE_MAX_CHARS in. Only the first line: a short first line is often a report's type
    ("CONTACT REPORT", "CRI") and its next line already tells the event, where "the exercise area was
    shelled" is not a report about an exercise. Leading lines that `skip` matches whole (policy.yaml
    `headline_skip`: "PRESS RELEASE", "Zur sofortigen Veröffentlichung", a classification banner) are
    boilerplate, not the headline: the headline is the first line after them, at most three of them.
    A headline line that `extend` matches at its start (policy.yaml `headline_extend`: "Pressemitteilung –
    Fallschirmjägerregiment 31", "COMMUNIQUÉ DE PRESSE — La DGA commande...") names the register and
    perhaps only the issuer: the headline runs on to the end of the next line with any text."""
    start = len(text) - len(text.lstrip())
    if skip is not None:
        for _ in range(3):
            newline = text.find("\n", start)
            if newline < 0 or skip.fullmatch(text, start, newline) is None:
                break
            rest = text[newline:]
            start = newline + len(rest) - len(rest.lstrip())
    newline = text.find("\n", start)
    end = len(text) if newline < 0 else newline
    if extend is not None and newline >= 0 and extend.match(text, start, newline) is not None:
        rest = text[newline:]
        after = newline + len(rest) - len(rest.lstrip())
        following = text.find("\n", after)
        return min(len(text) if following < 0 else following, after + HEADLINE_MAX_CHARS)
    sentence = _SENTENCE_END.search(text, start, end)
    if sentence is not None:
        end = sentence.end()
    return min(end, start + HEADLINE_MAX_CHARS)


def structural_problems(policy: Policy) -> list[str]:
    """Unknown kinds, categories or precedences, duplicate ids, patterns that do not compile."""
    problems: list[str] = []
    seen: set[str] = set()
    rows: list[CueRule | TermRule] = [*policy.cues, *policy.terms]
    for row in rows:
        if row.id in seen:
            problems.append(f"{row.id}: duplicate id")
        seen.add(row.id)
        for pattern in row.patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{row.id}: pattern {pattern!r} does not compile ({exc})")
    for key in ("headline_skip", "headline_extend"):
        for pattern in policy.params.get(key) or ():
            try:
                re.compile(str(pattern))
            except re.error as exc:
                problems.append(f"policy.yaml {key}: pattern {pattern!r} does not compile ({exc})")
    screen = policy.params.get("screen") or {}
    if not isinstance(screen, dict) or not screen.get("kinds"):
        problems.append("policy.yaml: screen needs kinds (the cue kinds that send a report to the urgent lane)")
    else:
        for kind in screen["kinds"]:
            if kind not in policy.kinds:
                problems.append(f"policy.yaml screen: unknown cue kind {kind!r}")
        for kind, spec in policy.kinds.items():
            if spec.flash and kind not in screen["kinds"]:
                problems.append(f"policy.yaml screen: probable-FLASH kind {kind!r} must be screened")
    overrides = policy.params.get("flash_cancelling_overridden_by") or {}
    for kind, cancelling in overrides.items() if isinstance(overrides, dict) else []:
        for name in [kind, *(cancelling or [])]:
            if name not in policy.kinds:
                problems.append(f"policy.yaml flash_cancelling_overridden_by: unknown cue kind {name!r}")
    late = policy.params.get("late_entry") or {}
    for name in [late.get("kind"), *(late.get("overrides") or [])] if isinstance(late, dict) and late else []:
        if name not in policy.kinds:
            problems.append(f"policy.yaml late_entry: unknown cue kind {name!r}")
    earlier_only = policy.params.get("cancel_earlier_only") or {}
    if not isinstance(earlier_only, dict):
        problems.append("policy.yaml cancel_earlier_only: needs kinds and live (lists of cue kinds)")
    else:
        for key in ("kinds", "live", "time"):
            names = earlier_only.get(key) or []
            for name in [names] if isinstance(names, str) else names:
                if name not in policy.kinds:
                    problems.append(f"policy.yaml cancel_earlier_only {key}: unknown cue kind {name!r}")
    for cue in policy.cues:
        if cue.kind not in policy.kinds:
            problems.append(f"{cue.id}: unknown cue kind {cue.kind!r} (policy.yaml cue_kinds)")
    for term in policy.terms:
        if term.category not in CATEGORIES:
            problems.append(f"{term.id}: unknown category {term.category!r}")
        if term.strength not in ("specific", "broad"):
            problems.append(f"{term.id}: strength must be specific or broad")
    for rule in policy.rules:
        problems += _when_problems(rule, policy, seen, WHEN_KEYS, "unknown condition {key!r}")
        for key in ("above", "below"):
            if key in rule.when and rule.when[key] not in PRECEDENCES:
                problems.append(f"{rule.id}: {key} {rule.when[key]!r} is not a precedence")
        for value in rule.when.get("precedence", []) or []:
            if value not in PRECEDENCES:
                problems.append(f"{rule.id}: {value!r} is not a precedence")
        for key, value in rule.then.items():
            if key not in ("cap", "floor", "probable_flash", "needs_review"):
                problems.append(f"{rule.id}: unknown action {key!r}")
            elif key in ("cap", "floor") and value not in PRECEDENCES:
                problems.append(f"{rule.id}: {key} {value!r} is not a precedence")
    for rule in policy.category_rules:
        problems += _when_problems(
            rule, policy, seen, CATEGORY_WHEN_KEYS, "condition {key!r} cannot be used before the precedence is known"
        )
        for value in rule.when.get("category", []) or []:
            if value not in CATEGORIES:
                problems.append(f"{rule.id}: unknown category {value!r}")
        if set(rule.then) != {"set"} or rule.then.get("set") not in CATEGORIES:
            problems.append(f"{rule.id}: a category rule's action is `set: <category>`")
    return problems


def _when_problems(
    rule: PrecedenceRule, policy: Policy, seen: set[str], allowed: frozenset[str], unknown_key: str
) -> list[str]:
    """A rule's duplicate id, the `when` keys it may not use, and the facts nobody computes."""
    problems = [f"{rule.id}: duplicate id"] if rule.id in seen else []
    seen.add(rule.id)
    problems += [f"{rule.id}: " + unknown_key.format(key=key) for key in rule.when if key not in allowed]
    for key in ("facts", "not", "any"):
        for fact in rule.when.get(key, []) or []:
            if not (fact in FACTS or (fact.startswith("has.") and fact[4:] in policy.kinds)):
                problems.append(f"{rule.id}: unknown fact {fact!r}")
    return problems


# ------------------------------------------------------------------------------------------- facts and rules

# The facts a precedence rule can name (operators/prioritise.py computes them; README.md defines them).
FACTS = frozenset(
    {
        "cancelled",
        "live_flash",
        "flash_cues",
        "now",
        "live",
        "asks",
        "uncertain",
        "positive_cue",
        "unreliable_source",
        "cbrn_only_flash",
        "probable_flash",
        "summarised",
        "open_source",
        "account_of_past",
        "official_finding",
        "announcement",
        "forecast",
        "ceremony",
        "own_forces",
        "no_evidence",
        "out_of_distribution",
        "place_abroad",
        "model_disagrees",
        "rule_overrules_model",
    }
)
WHEN_KEYS = frozenset({"facts", "not", "any", "category", "precedence", "above", "below", "routine_p_min", "register"})
# Category rules run before the score: they cannot ask about the precedence.
CATEGORY_WHEN_KEYS = frozenset({"facts", "not", "any", "category", "register"})


_URGENCY: dict[str, int] = {p.value: p.urgency for p in Precedence}


def _urgency(precedence: str) -> int:
    urgency = _URGENCY.get(precedence)
    return Precedence(precedence).urgency if urgency is None else urgency


@dataclass(frozen=True, slots=True)
class _When:
    """A rule's `when`, read once: the conditions in the order `holds` tests them."""

    facts: tuple[str, ...]
    not_: tuple[str, ...]
    any_: tuple[str, ...]
    category: frozenset[str] | None
    register: frozenset[str | None] | None
    precedence: frozenset[str] | None
    above: int | None
    below: int | None
    routine_p_min: float | None


_WHEN: dict[int, tuple[PrecedenceRule, _When]] = {}


def _when(rule: PrecedenceRule) -> _When:
    cached = _WHEN.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    w = rule.when
    compiled = _When(
        facts=tuple(w.get("facts", []) or []),
        not_=tuple(w.get("not", []) or []),
        any_=tuple(w.get("any") or ()),
        category=frozenset(w["category"]) if "category" in w else None,
        register=frozenset(w["register"]) if "register" in w else None,
        precedence=frozenset(w["precedence"]) if "precedence" in w else None,
        above=_urgency(w["above"]) if "above" in w else None,
        below=_urgency(w["below"]) if "below" in w else None,
        routine_p_min=float(w["routine_p_min"]) if "routine_p_min" in w else None,
    )
    _WHEN[id(rule)] = (rule, compiled)
    return compiled


def holds(
    rule: PrecedenceRule,
    facts: Mapping[str, bool],
    category: str,
    precedence: str,
    routine_p: float,
    register: str | None = None,
) -> bool:
    w = _when(rule)  # the rule's conditions, compiled on first use
    get = facts.get
    for f in w.facts:
        if not get(f, False):
            return False
    for f in w.not_:
        if get(f, False):
            return False
    if w.any_ and not any(get(f, False) for f in w.any_):
        return False
    if w.category is not None and category not in w.category:
        return False
    if w.register is not None and register not in w.register:
        return False
    if w.precedence is not None and precedence not in w.precedence:
        return False
    if w.above is not None and not _urgency(precedence) > w.above:
        return False
    if w.below is not None and not _urgency(precedence) < w.below:
        return False
    return not (w.routine_p_min is not None and routine_p < w.routine_p_min)


# ------------------------------------------------------------------------------------------- compiled matchers


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: str
    start: int
    end: int
    text: str


class CompiledPolicy:
    """The policy compiled once: one regex per cue kind (a named group per row), one per term row.

    The rule layer runs in one pass over a text: a literal prefilter (operators/policy/prefilter.py) finds,
    in a single scan, the patterns that can match the text at all; only the cue kinds and term rows with
    such a pattern run, each as its own regex without the patterns that cannot match, which finds exactly
    the matches the whole regex finds.
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        skip = [str(p) for p in policy.params.get("headline_skip") or ()]
        self.headline_skip = re.compile(r"\s*(?:" + "|".join(skip) + r")\s*", re.IGNORECASE) if skip else None
        extend = [str(p) for p in policy.params.get("headline_extend") or ()]
        self.headline_extend = re.compile(r"(?:" + "|".join(extend) + r")", re.IGNORECASE) if extend else None
        flags = re.IGNORECASE | re.MULTILINE
        self._cue_groups: dict[str, str] = {}
        by_kind: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
        for index, row in enumerate(policy.cues):
            if policy.kinds[row.kind].screen_only:
                continue
            group = f"r{index}"
            self._cue_groups[group] = row.id
            by_kind.setdefault((row.kind, row.gloss), []).append((group, row.patterns))
        # A cue starts a word: "unverletzt" is not "verletzt", "impossible" not "possible".
        self.cue_matchers = [
            (kind, gloss, re.compile(_cue_regex(rows), flags)) for (kind, gloss), rows in by_kind.items()
        ]
        # The urgency screen: every row of the screened kinds in one pattern, searched once per report.
        # No negation and no rule: it only decides which lane a report takes; the full triage decides.
        self.screen_kinds = frozenset((policy.params.get("screen") or {}).get("kinds") or ())
        screened = [f"(?:{'|'.join(row.patterns)})" for row in policy.cues if row.kind in self.screen_kinds]
        self._screen = re.compile(r"(?<!\w)(?:" + ("|".join(screened) or "(?!)") + ")", flags)
        # Behind the same literal prefilter as the matchers: a report in which no screened pattern can match
        # (most routine traffic) costs one scan, and the others search only the patterns that can.
        self._screen_patterns = [p for row in policy.cues if row.kind in self.screen_kinds for p in row.patterns]
        self._screen_index = LiteralIndex([required_literals(p, flags) for p in self._screen_patterns])
        # Specific rows before broad ones: where both find the same words, the specific weight counts.
        ordered = sorted(policy.terms, key=lambda row: row.strength != "specific")
        self.term_matchers = [(row, re.compile(_term_regex(row.patterns), re.IGNORECASE)) for row in ordered]
        # The prefilter: every pattern of every matcher numbered in matcher order (cue kinds, then term
        # rows), with the literals one of which each of its matches contains.
        self._cue_rows = list(by_kind.values())
        self._pattern_owner: list[tuple[int, int]] = []  # pattern id -> (matcher, row within the matcher)
        self._pattern_text: list[str] = []
        literals: list[frozenset[str] | None] = []
        for m, rows in enumerate(self._cue_rows):
            for r, (_, patterns) in enumerate(rows):
                for pattern in patterns:
                    self._pattern_owner.append((m, r))
                    self._pattern_text.append(pattern)
                    literals.append(required_literals(pattern, flags))
        for m, (term, _) in enumerate(self.term_matchers, start=len(self._cue_rows)):
            for pattern in term.patterns:
                self._pattern_owner.append((m, 0))
                self._pattern_text.append(pattern)
                literals.append(required_literals(pattern, re.IGNORECASE))
        self._sizes = [sum(len(patterns) for _, patterns in rows) for rows in self._cue_rows] + [
            len(row.patterns) for row, _ in self.term_matchers
        ]
        self._index = LiteralIndex(literals)
        self._last: tuple[str, dict[int, tuple[int, ...]]] | None = None
        neg = policy.params.get("negation") or {}
        self.negation_window = int(neg.get("window_chars", 24))
        self.negator_before = re.compile(str(neg.get("before", r"(?!)")), re.IGNORECASE)
        self.zero_count = re.compile(str(neg.get("zero_count", r"(?!)")))
        self.nil_after = re.compile(str(neg.get("nil_after", r"(?!)")), re.IGNORECASE)
        self.kinds = policy.kinds

    def _candidates(self, text: str) -> dict[int, tuple[int, ...]]:
        """Per matcher that may match `text`: the ids of its patterns that may, in order. The last text's
        answer is kept: find_terms and find_cues ask about the same report one after the other."""
        last = self._last  # one read: another thread may replace it
        if last is not None and (text is last[0] or text == last[0]):
            return last[1]
        by_matcher: dict[int, list[int]] = {}
        owner = self._pattern_owner
        for pid in sorted(self._index.rows(fold(text))):
            by_matcher.setdefault(owner[pid][0], []).append(pid)
        found = {m: tuple(pids) for m, pids in by_matcher.items()}
        self._last = (text, found)
        return found

    def _cue_regex_for(self, matcher: int, pids: tuple[int, ...]) -> re.Pattern[str]:
        if len(pids) == self._sizes[matcher]:
            return self.cue_matchers[matcher][2]
        return self._subset_regex(matcher, pids)

    @lru_cache(maxsize=4096)  # noqa: B019 - one engine per policy, kept for the process
    def _subset_regex(self, matcher: int, pids: tuple[int, ...]) -> re.Pattern[str]:
        """The matcher's regex with only the patterns `pids`, in their order, in their rows' groups."""
        # Led by a test of the first character (prefilter.first_characters): the same matches, and most
        # positions of a text fail on one character class instead of every alternative.
        patterns = [self._pattern_text[p] for p in pids]
        if matcher >= len(self._cue_rows):
            guard = first_characters(patterns, re.IGNORECASE) or ""
            return re.compile(guard + _term_regex(patterns), re.IGNORECASE)
        rows: dict[int, list[str]] = {}
        for p in pids:
            rows.setdefault(self._pattern_owner[p][1], []).append(self._pattern_text[p])
        groups = self._cue_rows[matcher]
        guard = first_characters(patterns, re.IGNORECASE | re.MULTILINE) or ""
        return re.compile(
            guard + _cue_regex([(groups[r][0], tuple(patterns)) for r, patterns in rows.items()]),
            re.IGNORECASE | re.MULTILINE,
        )

    def cue_matches(self, text: str) -> list[tuple[str, str, RuleMatch]]:
        """(kind, gloss, match) for every cue match, per kind left to right; negation not yet applied."""
        out: list[tuple[str, str, RuleMatch]] = []
        groups = self._cue_groups
        for matcher, pids in self._candidates(text).items():
            if matcher >= self._first_term_matcher:
                break
            kind, gloss, _ = self.cue_matchers[matcher]
            for m in self._cue_regex_for(matcher, pids).finditer(text):
                if m.end() > m.start():
                    out.append((kind, gloss, RuleMatch(groups[m.lastgroup or ""], m.start(), m.end(), m.group(0))))
        return out

    def screen(self, text: str) -> bool:
        """Whether a report is an urgent candidate: one compiled pass, high recall, no model. The same
        answer as searching every screened pattern (`screen_unfiltered`), for a fraction of the cost."""
        candidates = self._screen_index.rows(fold(text))
        if not candidates:
            return False
        if len(candidates) == len(self._screen_patterns):
            return self._screen.search(text) is not None
        return self._screen_subset(tuple(sorted(candidates))).search(text) is not None

    def screen_unfiltered(self, text: str) -> bool:
        """The screen without its prefilter: every screened pattern searched (the reference)."""
        return self._screen.search(text) is not None

    @lru_cache(maxsize=4096)  # noqa: B019 - one engine per policy, kept for the process
    def _screen_subset(self, pids: tuple[int, ...]) -> re.Pattern[str]:
        chosen = [self._screen_patterns[p] for p in pids]
        guard = first_characters(chosen, re.IGNORECASE | re.MULTILINE) or ""
        patterns = "|".join(f"(?:{p})" for p in chosen)
        return re.compile(guard + r"(?<!\w)(?:" + patterns + ")", re.IGNORECASE | re.MULTILINE)

    def term_matches(self, text: str) -> list[tuple[TermRule, RuleMatch]]:
        out: list[tuple[TermRule, RuleMatch]] = []
        first = self._first_term_matcher
        for matcher, pids in self._candidates(text).items():
            if matcher < first:
                continue
            row, rx = self.term_matchers[matcher - first]
            if len(pids) != self._sizes[matcher]:
                rx = self._subset_regex(matcher, pids)
            for m in rx.finditer(text):
                out.append((row, RuleMatch(row.id, m.start(), m.end(), m.group(0))))
        return out

    @property
    def _first_term_matcher(self) -> int:
        return len(self._cue_rows)

    def negated(self, text: str, start: int, end: int | None = None) -> bool:
        """A negation ("no", "keine", "pas de", "aucun", "0") right before `start`, or with `end`, a nil
        answer ("victimes : néant") right after the span."""
        if self.zero_count.match(text, start):
            return True
        if end is not None and self.nil_after.match(text, end):
            return True
        return self.negator_before.search(text[max(0, start - self.negation_window) : start]) is not None


def _cue_regex(rows: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """One cue kind's regex: a named group per row (so every match names its row), at the start of a word."""
    return r"(?<!\w)(?:" + "|".join(f"(?P<{group}>{'|'.join(patterns)})" for group, patterns in rows) + ")"


def _term_regex(patterns: Sequence[str]) -> str:
    """One term row's regex: whole words only."""
    return rf"(?<![\w-])(?:{'|'.join(patterns)})(?![\w])"


@lru_cache(maxsize=4)
def compiled(folder: str = str(DATA)) -> CompiledPolicy:
    """The policy of a folder, loaded and compiled once per process."""
    return CompiledPolicy(load_policy(Path(folder)))


def default() -> CompiledPolicy:
    return compiled(str(DATA))


# ------------------------------------------------------------------------------------------- the check


def check(policy: Policy) -> list[str]:
    """Everything `triage policy check` reports: structure, and every row's examples and counter-examples."""
    problems = structural_problems(policy)
    engine = CompiledPolicy(policy)
    cue_rx = {
        row.id: re.compile(r"(?<!\w)(?:" + "|".join(row.patterns) + ")", re.IGNORECASE | re.MULTILINE)
        for row in policy.cues
    }
    for row in policy.cues:
        kind = policy.kinds.get(row.kind)

        def found(text: str, row: CueRule = row, kind: KindSpec | None = kind) -> bool:
            return any(
                not (kind and kind.negatable and engine.negated(text, m.start(), m.end()))
                for m in cue_rx[row.id].finditer(text)
                if m.end() > m.start()
                and not (
                    kind
                    and kind.headline
                    and m.start() >= headline_end(text, engine.headline_skip, engine.headline_extend)
                )
            )

        problems += _examples(row.id, row.examples, row.counter_examples, found)
    for term, rx in engine.term_matchers:

        def found_term(text: str, term: TermRule = term, rx: re.Pattern[str] = rx) -> bool:
            return any(term.category == "routine" or not engine.negated(text, m.start()) for m in rx.finditer(text))

        problems += _examples(term.id, term.examples, term.counter_examples, found_term)
    if not policy.cues or not policy.rules:
        problems.append("the policy has no cue rows or no precedence rules")
    return problems


def _examples(rid: str, examples: Sequence[str], counters: Sequence[str], found: Any) -> list[str]:
    problems = []
    if not examples:
        problems.append(f"{rid}: no example")
    problems += [f"{rid}: example does not match: {e!r}" for e in examples if not found(e)]
    problems += [f"{rid}: counter-example matches: {e!r}" for e in counters if found(e)]
    return problems
