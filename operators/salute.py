"""SALUTE and SPOT reports, from slot dicts or labelled text (EN/FR/DE), to a typed report.

A report renders to one paragraph for the models, with offsets that carry entity spans back to
their slot and to the source text. Input that is not such a report becomes a `ReportRejected`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

ReportKind = Literal["salute", "spot"]
LabelLanguage = Literal["en", "fr", "de"]

STEP: Final = "salute"

# Reason codes. SPOT is SALUTE with extra lines, so both share one family.
REASON_BAD_INPUT: Final = "salute_bad_input"
REASON_TOO_LONG: Final = "salute_too_long"
REASON_UNPARSEABLE: Final = "salute_unparseable"
REASON_DUPLICATE_SLOT: Final = "salute_duplicate_slot"
REASON_UNKNOWN_SLOT: Final = "salute_unknown_slot"
REASON_BAD_VALUE: Final = "salute_bad_value"
REASON_EMPTY: Final = "salute_empty"

# Field reports are short; anything this long is a document, not a SALUTE.
MAX_CHARS: Final = 20_000
# Two labels are the least that tells a report from prose that happens to start with "A:".
MIN_LABELLED_SLOTS: Final = 2

SALUTE_SLOTS: Final = ("size", "activity", "location", "unit", "time", "equipment")
# SPOT report lines 1 to 11, in order (FM 6-99 layout).
SPOT_SLOTS: Final = (
    "report_time",
    "reporting_unit",
    "size",
    "activity",
    "location",
    "unit",
    "time",
    "equipment",
    "assessment",
    "narrative",
    "authentication",
)
EXTRA_SLOTS: Final = ("remarks",)
SLOTS: Final = (*SPOT_SLOTS, *EXTRA_SLOTS)
_SPOT_ONLY: Final = frozenset(SPOT_SLOTS) - frozenset(SALUTE_SLOTS)

DISPLAY_LABELS: Final[Mapping[LabelLanguage, Mapping[str, str]]] = {
    "en": {
        "size": "Size", "activity": "Activity", "location": "Location", "unit": "Unit", "time": "Time",
        "equipment": "Equipment", "report_time": "Report time", "reporting_unit": "Reporting unit",
        "assessment": "Assessment", "narrative": "Narrative", "authentication": "Authentication",
        "remarks": "Remarks",
    },
    "fr": {
        "size": "Taille", "activity": "Activité", "location": "Lieu", "unit": "Unité", "time": "Heure",
        "equipment": "Équipement", "report_time": "Heure du compte rendu", "reporting_unit": "Unité émettrice",
        "assessment": "Appréciation", "narrative": "Récit", "authentication": "Authentification",
        "remarks": "Remarques",
    },
    "de": {
        "size": "Stärke", "activity": "Tätigkeit", "location": "Ort", "unit": "Einheit", "time": "Zeit",
        "equipment": "Ausrüstung", "report_time": "Meldezeit", "reporting_unit": "Meldende Einheit",
        "assessment": "Beurteilung", "narrative": "Sachverhalt", "authentication": "Authentisierung",
        "remarks": "Bemerkungen",
    },
}

_LINE_WORDS: Final[Mapping[LabelLanguage, str]] = {"en": "LINE", "fr": "LIGNE", "de": "ZEILE"}
_LINE_LANGUAGES: Final[Mapping[str, LabelLanguage]] = {word: lang for lang, word in _LINE_WORDS.items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s._]+", " ", plain.replace("\u2019", "'")).strip()


def _label_table() -> dict[str, tuple[str, LabelLanguage | None]]:
    table: dict[str, tuple[str, LabelLanguage | None]] = {}
    for language, labels in DISPLAY_LABELS.items():
        for slot, label in labels.items():
            table[_fold(label)] = (slot, language)
    for letter, slot in zip("SALUTE", SALUTE_SLOTS, strict=True):
        table[letter] = (slot, None)
    extra: dict[str, tuple[str, LabelLanguage | None]] = {
        "LOC": ("location", "en"), "ACT": ("activity", "en"), "EQPT": ("equipment", "en"),
        "EQUIP": ("equipment", "en"), "STRENGTH": ("size", "en"), "DTG": ("time", None),
        "DATE AND TIME": ("report_time", "en"), "DATE/TIME": ("report_time", "en"),
        "SENDER'S ASSESSMENT": ("assessment", "en"), "RMKS": ("remarks", "en"), "AUTH": ("authentication", None),
        "EFFECTIF": ("size", "fr"), "ACTIVITES": ("activity", "fr"), "EMPLACEMENT": ("location", "fr"),
        "POSITION": ("location", None), "MATERIEL": ("equipment", "fr"), "EQUIPEMENTS": ("equipment", "fr"),
        "DATE/HEURE": ("report_time", "fr"), "REMARQUE": ("remarks", "fr"),
        "STAERKE": ("size", "de"), "GROSSE": ("size", "de"), "TAETIGKEIT": ("activity", "de"),
        "AKTIVITAT": ("activity", "de"), "STANDORT": ("location", "de"), "VERBAND": ("unit", "de"),
        "UHRZEIT": ("time", "de"), "AUSRUESTUNG": ("equipment", "de"), "GERAT": ("equipment", "de"),
        "WAFFEN": ("equipment", "de"), "BEMERKUNG": ("remarks", "de"),
    }
    table.update(extra)
    for slot in SLOTS:
        table.setdefault(_fold(slot.replace("_", " ")), (slot, "en"))
    return table


_LABELS: Final = _label_table()

_SEGMENT_BOUNDARY: Final = re.compile(r"[\n;|]")
_LINE_HEADER: Final = re.compile(
    r"[ \t]*(?P<word>LINE|LIGNE|ZEILE|LN)[ \t]*(?P<number>[0-9]{1,2})[ \t]*(?:[-\u2013\u2014:.)=][ \t]*)?",
    re.IGNORECASE,
)
# A label is a few words, then ':', '=', ')' or a dash or period followed by a space. The dash
# must be followed by a space so that "T-72 seen" on a continuation line is not read as "T".
_LABEL_HEADER: Final = re.compile(
    r"[ \t]*(?P<label>[^\W\d_](?:[^\W\d_]|['\u2019 ./]){0,39}?)[ \t]*(?:[:=)]|[-\u2013\u2014.](?=[ \t]))[ \t]*"
)
_FORMAT_TITLE: Final = re.compile(r"\b(?P<kind>SALUTE|SPOT[ \t]*REP(?:ORT)?|SPOTREP|SPOT)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportRejected:
    reason: str
    detail: str
    step: str = STEP


@dataclass(frozen=True, slots=True)
class SlotSpan:
    """Where one slot's value sits in a rendering, and (for parsed text) in the source."""

    slot: str
    start: int
    end: int
    # source_index[i] is the source offset of rendered character start + i; None for dict input.
    source_index: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class RenderedReport:
    text: str
    spans: tuple[SlotSpan, ...]

    def span_at(self, start: int, end: int) -> SlotSpan | None:
        """The slot whose value holds the rendered range [start, end), if one does."""
        for span in self.spans:
            if span.start <= start < end <= span.end:
                return span
        return None

    def locate(self, start: int, end: int) -> tuple[str, int, int] | None:
        """Slot name and offsets within that slot's value for a rendered range."""
        span = self.span_at(start, end)
        if span is None:
            return None
        return span.slot, start - span.start, end - span.start

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """Offsets in the original text of a rendered range, when the report was parsed from text."""
        span = self.span_at(start, end)
        if span is None or span.source_index is None:
            return None
        return span.source_index[start - span.start], span.source_index[end - 1 - span.start] + 1


@dataclass(frozen=True, slots=True)
class StructuredReport:
    kind: ReportKind
    slots: Mapping[str, str]  # canonical slot name to value, in report order; empty values left out
    language: LabelLanguage = "en"  # language of the labels, the default for rendering
    source_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def render(self, language: LabelLanguage | None = None) -> RenderedReport:
        """One paragraph, "Label: value." per slot, with the offsets of each value."""
        labels = DISPLAY_LABELS[language or self.language]
        parts: list[str] = []
        spans: list[SlotSpan] = []
        cursor = 0
        for slot, value in self.slots.items():
            prefix = f"{labels[slot]}: "
            if parts:
                prefix = " " + prefix
            rendered, index = _collapse_whitespace(value)
            start = cursor + len(prefix)
            source_index: tuple[int, ...] | None = None
            if slot in self.source_spans:
                origin = self.source_spans[slot][0]
                source_index = tuple(origin + i for i in index)
            spans.append(SlotSpan(slot, start, start + len(rendered), source_index))
            ending = "" if rendered.endswith((".", "!", "?")) else "."
            piece = prefix + rendered + ending
            parts.append(piece)
            cursor += len(piece)
        return RenderedReport("".join(parts), tuple(spans))

    def to_text(self, language: LabelLanguage | None = None) -> str:
        """The paragraph that `render` builds, without its offsets."""
        return self.render(language).text

    def to_lines(self, language: LabelLanguage | None = None) -> str:
        """Labelled lines in the report's own format ("S: 2x T-72" or "LINE 3 - SIZE: 2x T-72")."""
        lang = language or self.language
        labels = DISPLAY_LABELS[lang]
        lines: list[str] = []
        for slot, value in self.slots.items():
            flat = " ".join(value.split())
            word = labels[slot].upper()
            if self.kind == "spot" and slot in SPOT_SLOTS:
                lines.append(f"{_LINE_WORDS[lang]} {SPOT_SLOTS.index(slot) + 1} - {word}: {flat}")
                continue
            label = "SALUTE"[SALUTE_SLOTS.index(slot)] if lang == "en" and slot in SALUTE_SLOTS else word
            repeated = _label_at(flat, 0)
            if repeated is not None and repeated[0] == slot:
                # A value that starts with its own label would lose it to the "S - SIZE:" style.
                label = f"{label} - {word}"
            lines.append(f"{label}: {flat}")
        return "\n".join(lines)


def _collapse_whitespace(value: str) -> tuple[str, list[int]]:
    # One space per run of whitespace keeps the paragraph readable; the index keeps offsets exact.
    chars: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(value):
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                index.append(i)
            in_space = True
        else:
            chars.append(ch)
            index.append(i)
            in_space = False
    return "".join(chars), index


@dataclass(frozen=True, slots=True)
class _Header:
    boundary: int  # where the previous value ends: the separator before this header
    value_start: int
    slot: str
    language: LabelLanguage | None
    numbered: bool


def _label_at(text: str, pos: int) -> tuple[str, LabelLanguage | None, int] | None:
    match = _LABEL_HEADER.match(text, pos)
    if match is None:
        return None
    entry = _LABELS.get(_fold(match.group("label")))
    if entry is None:
        return None
    return entry[0], entry[1], match.end()


def _header_at(text: str, boundary: int, pos: int) -> _Header | None:
    numbered = _LINE_HEADER.match(text, pos)
    if numbered is not None:
        number = int(numbered.group("number"))
        if not 1 <= number <= len(SPOT_SLOTS):
            return None
        word = numbered.group("word").upper()
        language = _LINE_LANGUAGES.get(word)
        value_start = numbered.end()
        # "LINE 3 - SIZE: ..." names the line twice; the number decides the slot.
        label = _label_at(text, value_start)
        if label is not None:
            value_start = label[2]
            language = label[1] or language
        return _Header(boundary, value_start, SPOT_SLOTS[number - 1], language, True)
    label = _label_at(text, pos)
    if label is None:
        return None
    slot, language, value_start = label
    # "S - SIZE: ..." spells the label out after the letter.
    repeated = _label_at(text, value_start)
    if repeated is not None and repeated[0] == slot:
        value_start = repeated[2]
        language = repeated[1] or language
    return _Header(boundary, value_start, slot, language, False)


def _find_headers(text: str) -> list[_Header]:
    headers: list[_Header] = []
    first = _header_at(text, 0, 0)
    if first is not None:
        headers.append(first)
    for boundary in _SEGMENT_BOUNDARY.finditer(text):
        header = _header_at(text, boundary.start(), boundary.end())
        if header is None:
            continue
        if headers and header.boundary < headers[-1].value_start:
            continue  # a separator inside the previous header itself
        headers.append(header)
    return headers


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ";|"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";|"):
        end -= 1
    return start, end


def _majority_language(votes: Iterable[LabelLanguage | None]) -> LabelLanguage:
    counts: dict[LabelLanguage, int] = {"en": 0, "fr": 0, "de": 0}
    for vote in votes:
        if vote is not None:
            counts[vote] += 1
    # Ties go to English: single-letter SALUTE labels are the NATO English ones.
    return max(counts, key=lambda lang: (counts[lang], lang == "en"))


def _ordered(slots: Mapping[str, str], kind: ReportKind) -> dict[str, str]:
    order = (*(SPOT_SLOTS if kind == "spot" else SALUTE_SLOTS), *EXTRA_SLOTS)
    extras = [s for s in SLOTS if s not in order]
    return {slot: slots[slot] for slot in (*order, *extras) if slot in slots}


def _parse_text(text: str) -> StructuredReport | ReportRejected:
    if len(text) > MAX_CHARS:
        return ReportRejected(REASON_TOO_LONG, f"{len(text)} characters, limit {MAX_CHARS}")
    headers = _find_headers(text)
    if len({h.slot for h in headers}) < MIN_LABELLED_SLOTS:
        distinct = len({h.slot for h in headers})
        return ReportRejected(REASON_UNPARSEABLE, f"{distinct} distinct labelled slot(s), need {MIN_LABELLED_SLOTS}")
    seen: set[str] = set()
    for header in headers:
        if header.slot in seen:
            return ReportRejected(REASON_DUPLICATE_SLOT, f"slot {header.slot!r} labelled twice")
        seen.add(header.slot)

    slots: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.boundary if following is not None else len(text)
        start, stop = _strip_span(text, header.value_start, end)
        if start < stop:
            slots[header.slot] = text[start:stop]
            spans[header.slot] = (start, stop)
    if not slots:
        return ReportRejected(REASON_EMPTY, "every labelled slot is empty")

    preamble_start, preamble_end = _strip_span(text, 0, headers[0].boundary)
    preamble = text[preamble_start:preamble_end]
    title = _FORMAT_TITLE.search(preamble)
    is_title = title is not None and len(preamble) <= 60 and "\n" not in preamble
    if preamble and not is_title and "remarks" not in slots:
        # Unlabelled text before the first label is kept rather than dropped from triage.
        slots["remarks"] = preamble
        spans["remarks"] = (preamble_start, preamble_end)

    spot = any(h.numbered for h in headers) or bool(_SPOT_ONLY & slots.keys())
    spot = spot or (is_title and title is not None and title.group("kind").upper().startswith("SPOT"))
    kind: ReportKind = "spot" if spot else "salute"
    language = _majority_language(h.language for h in headers)
    ordered = _ordered(slots, kind)
    return StructuredReport(kind, ordered, language, {slot: spans[slot] for slot in ordered})


def _parse_mapping(source: Mapping[object, object]) -> StructuredReport | ReportRejected:
    slots: dict[str, str] = {}
    votes: list[LabelLanguage | None] = []
    for key, value in source.items():
        entry = _LABELS.get(_fold(key)) if isinstance(key, str) else None
        if entry is None:
            return ReportRejected(REASON_UNKNOWN_SLOT, f"unknown slot {key!r}"[:200])
        slot, language = entry
        if slot in slots:
            return ReportRejected(REASON_DUPLICATE_SLOT, f"slot {slot!r} given twice")
        if value is None:
            continue
        if not isinstance(value, str):
            return ReportRejected(REASON_BAD_VALUE, f"slot {slot!r} holds {type(value).__name__}, not text")
        if len(value) > MAX_CHARS:
            return ReportRejected(REASON_TOO_LONG, f"slot {slot!r} has {len(value)} characters")
        votes.append(language)
        if value.strip():
            slots[slot] = value.strip()
    if not slots:
        return ReportRejected(REASON_EMPTY, "no slot holds a value")
    kind: ReportKind = "spot" if _SPOT_ONLY & slots.keys() else "salute"
    return StructuredReport(kind, _ordered(slots, kind), _majority_language(votes))


def parse_report(source: object) -> StructuredReport | ReportRejected:
    """A SALUTE or SPOT report from labelled text or a slot dict; never raises."""
    try:
        if isinstance(source, str):
            return _parse_text(source)
        if isinstance(source, Mapping):
            return _parse_mapping(source)
    except Exception as error:  # a report must become a value, never a crash
        return ReportRejected(REASON_UNPARSEABLE, f"{type(error).__name__}: {error}"[:200])
    return ReportRejected(REASON_BAD_INPUT, f"expected text or a mapping, got {type(source).__name__}")


def parse_reports(sources: Iterable[object]) -> list[StructuredReport | ReportRejected]:
    """Batch form of `parse_report`, one result per input, in order."""
    return [parse_report(source) for source in sources]
