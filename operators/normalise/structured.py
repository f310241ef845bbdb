"""SALUTE and SPOT reports, from slot dicts or labelled text (EN/FR/DE), to a typed report.

Labelled text comes as "S: ...", "SIZE: ...", "LINE 3 - SIZE: ...", or as numbered, lettered or
bulleted lines that carry a label ("1. DTG: ...", "a) Zeit: ...", "A/ Unité : ...", "- Qui : ...").
Besides the slot names themselves, the 5W questions (WHO/WHAT/WHERE/WHEN, QUI/QUOI/OÙ/QUAND,
WER/WAS/WO/WANN) and the usual SPOT/CRI/Sofortmeldung headings (ACTION, DEMANDE, Maßnahmen,
Auswirkung...) are read into the slot their content belongs to; several of those in one slot are
joined. Numbered lines without labels are not read (see `_find_headers`).

A report renders to one paragraph for the models, with offsets that carry entity spans back to
their slot and to the source text. Input that is not such a report becomes a `Rejection`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Final, Literal

from schemas.errors import Reason, Rejection

ReportKind = Literal["salute", "spot"]
LabelLanguage = Literal["en", "fr", "de"]

STEP: Final = "salute"

# Reason codes. SPOT is SALUTE with extra lines, so both share one family.

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
        "size": "Size",
        "activity": "Activity",
        "location": "Location",
        "unit": "Unit",
        "time": "Time",
        "equipment": "Equipment",
        "report_time": "Report time",
        "reporting_unit": "Reporting unit",
        "assessment": "Assessment",
        "narrative": "Narrative",
        "authentication": "Authentication",
        "remarks": "Remarks",
    },
    "fr": {
        "size": "Taille",
        "activity": "Activité",
        "location": "Lieu",
        "unit": "Unité",
        "time": "Heure",
        "equipment": "Équipement",
        "report_time": "Heure du compte rendu",
        "reporting_unit": "Unité émettrice",
        "assessment": "Appréciation",
        "narrative": "Récit",
        "authentication": "Authentification",
        "remarks": "Remarques",
    },
    "de": {
        "size": "Stärke",
        "activity": "Tätigkeit",
        "location": "Ort",
        "unit": "Einheit",
        "time": "Zeit",
        "equipment": "Ausrüstung",
        "report_time": "Meldezeit",
        "reporting_unit": "Meldende Einheit",
        "assessment": "Beurteilung",
        "narrative": "Sachverhalt",
        "authentication": "Authentisierung",
        "remarks": "Bemerkungen",
    },
}

_LINE_WORDS: Final[Mapping[LabelLanguage, str]] = {"en": "LINE", "fr": "LIGNE", "de": "ZEILE"}
_LINE_LANGUAGES: Final[Mapping[str, LabelLanguage]] = {word: lang for lang, word in _LINE_WORDS.items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s._]+", " ", plain.replace("\u2019", "'")).strip()


@dataclass(frozen=True, slots=True)
class _Label:
    slot: str
    language: LabelLanguage | None  # None where the word is the same in several languages
    # A name of the slot itself ("SIZE", "S", "LIEU"). The others are questions or headings whose
    # content belongs in the slot ("WHERE", "Demande"): a slot may be filled by several of those,
    # but two of its own names in one report are a duplicate.
    primary: bool = True


def _label_table() -> dict[str, _Label]:
    table: dict[str, _Label] = {}
    for language, labels in DISPLAY_LABELS.items():
        for slot, label in labels.items():
            table[_fold(label)] = _Label(slot, language)
    for letter, slot in zip("SALUTE", SALUTE_SLOTS, strict=True):
        table[letter] = _Label(slot, None)
    extra: dict[str, tuple[str, LabelLanguage | None]] = {
        "LOC": ("location", "en"),
        "ACT": ("activity", "en"),
        "EQPT": ("equipment", "en"),
        "EQUIP": ("equipment", "en"),
        "STRENGTH": ("size", "en"),
        "DTG": ("time", None),
        "DATE AND TIME": ("report_time", "en"),
        "DATE/TIME": ("report_time", "en"),
        "SENDER'S ASSESSMENT": ("assessment", "en"),
        "RMKS": ("remarks", "en"),
        "AUTH": ("authentication", None),
        "EFFECTIF": ("size", "fr"),
        "ACTIVITES": ("activity", "fr"),
        "EMPLACEMENT": ("location", "fr"),
        "POSITION": ("location", None),
        "MATERIEL": ("equipment", "fr"),
        "EQUIPEMENTS": ("equipment", "fr"),
        "DATE/HEURE": ("report_time", "fr"),
        "REMARQUE": ("remarks", "fr"),
        "STAERKE": ("size", "de"),
        "GROSSE": ("size", "de"),
        "TAETIGKEIT": ("activity", "de"),
        "AKTIVITAT": ("activity", "de"),
        "STANDORT": ("location", "de"),
        "VERBAND": ("unit", "de"),
        "UHRZEIT": ("time", "de"),
        "AUSRUESTUNG": ("equipment", "de"),
        "GERAT": ("equipment", "de"),
        "WAFFEN": ("equipment", "de"),
        "BEMERKUNG": ("remarks", "de"),
        "PLACE": ("location", "en"),
        "REMARK": ("remarks", "en"),
        "EMETTEUR": ("reporting_unit", "fr"),
        "GDH": ("time", "fr"),
        "MELDENDER": ("reporting_unit", "de"),
        "WER MELDET": ("reporting_unit", "de"),
    }
    for word, (slot, lang) in extra.items():
        table[word] = _Label(slot, lang)
    # The 5W questions and the headings of SPOT, CRI and Sofortmeldung layouts. Own actions,
    # requests and needs are remarks; effects and judgements the assessment; outcomes, losses and
    # detector readings the narrative (FM 6-99 line 10, "anything else").
    headings: dict[str, tuple[str, LabelLanguage | None]] = {
        "WHO": ("reporting_unit", "en"),
        "WHAT": ("activity", "en"),
        "WHERE": ("location", "en"),
        "WHEN": ("time", "en"),
        "WHY": ("assessment", "en"),
        "HOW": ("activity", "en"),
        "OBS": ("activity", "en"),
        "OBSERVATION": ("activity", None),
        "EVENT": ("activity", "en"),
        "INCIDENT": ("activity", None),
        "SITUATION": ("activity", None),
        "ACTION": ("remarks", None),
        "ACTIONS": ("remarks", None),
        "ACTION TAKEN": ("remarks", "en"),
        "REQUEST": ("remarks", "en"),
        "REQ": ("remarks", "en"),
        "MEASURES": ("remarks", "en"),
        "CONSEQUENCES": ("assessment", None),
        "EFFECTS": ("assessment", "en"),
        "IMPACT": ("assessment", None),
        "EVALUATION": ("assessment", None),
        "RESULT": ("narrative", "en"),
        "RESULTS": ("narrative", "en"),
        "DET": ("narrative", "en"),
        "DETECTION": ("narrative", None),
        "CAS": ("narrative", "en"),
        "CASUALTIES": ("narrative", "en"),
        "DAMAGE": ("narrative", "en"),
        "QUI": ("reporting_unit", "fr"),
        "QUOI": ("activity", "fr"),
        "OU": ("location", "fr"),
        "QUAND": ("time", "fr"),
        "POURQUOI": ("assessment", "fr"),
        "ATTITUDE": ("activity", "fr"),
        "EVENEMENT": ("activity", "fr"),
        "MESURE": ("remarks", "fr"),
        "MESURES": ("remarks", "fr"),
        "MESURES PRISES": ("remarks", "fr"),
        "ACTION ENTREPRISE": ("remarks", "fr"),
        "ACTIONS ENTREPRISES": ("remarks", "fr"),
        "DEMANDE": ("remarks", "fr"),
        "DEMANDES": ("remarks", "fr"),
        "EFFETS": ("assessment", "fr"),
        "RESULTAT": ("narrative", "fr"),
        "BILAN": ("narrative", "fr"),
        "PERTES": ("narrative", "fr"),
        "VICTIMES": ("narrative", "fr"),
        "DEGATS": ("narrative", "fr"),
        "WER": ("reporting_unit", "de"),
        "WAS": ("activity", "de"),
        "WO": ("location", "de"),
        "WANN": ("time", "de"),
        "WARUM": ("assessment", "de"),
        "WIE": ("activity", "de"),
        "EREIGNIS": ("activity", "de"),
        "LAGE": ("activity", "de"),
        "MASSNAHME": ("remarks", "de"),
        "MASSNAHMEN": ("remarks", "de"),
        "BEDARF": ("remarks", "de"),
        "ANFORDERUNG": ("remarks", "de"),
        "ANFORDERUNGEN": ("remarks", "de"),
        "AUSWIRKUNG": ("assessment", "de"),
        "AUSWIRKUNGEN": ("assessment", "de"),
        "FOLGEN": ("assessment", "de"),
        "BEWERTUNG": ("assessment", "de"),
        "VERMUTUNG": ("assessment", "de"),
        "EINSCHATZUNG": ("assessment", "de"),
        "VERLUSTE": ("narrative", "de"),
        "SCHADEN": ("narrative", "de"),
        "ERGEBNIS": ("narrative", "de"),
    }
    for word, (slot, lang) in headings.items():
        table.setdefault(word, _Label(slot, lang, primary=False))
    for slot in SLOTS:
        table.setdefault(_fold(slot.replace("_", " ")), _Label(slot, "en"))
    return table


_LABELS: Final = _label_table()
# Where a unit is named tells whose it is, as in FM 6-99, where the reporting unit (line 2) comes
# above the SALUTE lines (3 to 8). In a SPOT, the first word naming a unit above those lines names
# the reporting unit ("1. DTG: ... 2. UNIT: 2 Engr Sqn ... 3. LOCATION: ..."); and WHO, Qui or Wer
# below them names who did or suffered the thing reported ("Quoi : attaque ... Qui : env. 20
# fantassins ennemis"), not who reports it.
_UNIT_WORDS: Final = frozenset({*(_fold(labels["unit"]) for labels in DISPLAY_LABELS.values()), "VERBAND"})
_SALUTE_LINES: Final = frozenset({"size", "activity", "location", "equipment"})
# Separates the pieces of a slot filled from several labelled lines; render shows it as a space.
PIECE_SEPARATOR: Final = "\n"

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
# A list marker before a label: "1.", "2)", "3 -", "a)", "B.", "C/", or a bullet. A letter takes '.'
# or '/' only before a space, so that "U.S." and "A/C" stay words.
_ENUMERATOR: Final = re.compile(
    r"[ \t]*(?:[0-9]{1,2}[ \t]*[.):/\-\u2013\u2014]"
    r"|(?P<letter>[A-Za-z])(?:\)|[./](?=[ \t])|[ \t]+[-\u2013\u2014](?=[ \t]))"
    r"|[-\u2013\u2014\u2022*\u00b7](?=[ \t]))[ \t]*"
)
# A "B" item means the letters count a list ("A. ... B. ... C. ..."), so "A" and "E" there are
# list markers, not the SALUTE letters.
_LETTER_LIST: Final = re.compile(r"(?:\A|[\n;|])[ \t]*[Bb](?:\)|[./](?=[ \t])|[ \t]+[-\u2013\u2014](?=[ \t]))")
# Matched against folded text (upper case, no accents).
_FORMAT_TITLE: Final = re.compile(
    r"\b(?P<kind>SALUTE|SPOT ?REP(?:ORT)?|SPOT|CRI|COMPTE RENDU IMMEDIAT|SOFORTMELDUNG)\b"
)
_TITLE_MAX_CHARS: Final = 60


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
    # For parsed text: where a slot's value is in the source, text[start:end] == value.
    source_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    # For a value joined from several labelled lines instead (no one span holds it): the source
    # span of each piece, in order; the value is the pieces joined by PIECE_SEPARATOR.
    source_pieces: Mapping[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)

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
            offsets = self._source_offsets(slot)
            source_index = None if offsets is None else tuple(offsets[i] for i in index)
            spans.append(SlotSpan(slot, start, start + len(rendered), source_index))
            ending = "" if rendered.endswith((".", "!", "?")) else "."
            piece = prefix + rendered + ending
            parts.append(piece)
            cursor += len(piece)
        return RenderedReport("".join(parts), tuple(spans))

    def _source_offsets(self, slot: str) -> tuple[int, ...] | None:
        """The source offset of each character of a slot's value; None for dict input."""
        if slot in self.source_pieces:
            offsets: list[int] = []
            for start, end in self.source_pieces[slot]:
                if offsets:
                    offsets.append(offsets[-1])  # the separator stands where the previous piece ends
                offsets.extend(range(start, end))
            return tuple(offsets)
        if slot in self.source_spans:
            start, end = self.source_spans[slot]
            return tuple(range(start, end))
        return None

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
            if repeated is not None and repeated.label.slot == slot:
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
    label_start: int  # where the label itself begins (after any list marker)
    value_start: int
    slot: str
    language: LabelLanguage | None
    numbered: bool  # a "LINE n" header, whose number decides the slot
    word: str = ""  # the folded label, "" for a "LINE n" header
    primary: bool = True  # see _Label.primary


@dataclass(frozen=True, slots=True)
class _LabelMatch:
    label: _Label
    word: str
    start: int  # where the label begins
    end: int  # where its value begins


def _label_at(text: str, pos: int) -> _LabelMatch | None:
    match = _LABEL_HEADER.match(text, pos)
    if match is None:
        return None
    word = _fold(match.group("label"))
    entry = _LABELS.get(word)
    if entry is None:
        return None
    return _LabelMatch(entry, word, match.start("label"), match.end())


def _labelled(boundary: int, found: _LabelMatch, value_start: int | None = None) -> _Header:
    label = found.label
    end = found.end if value_start is None else value_start
    return _Header(boundary, found.start, end, label.slot, label.language, False, found.word, label.primary)


def _header_at(text: str, boundary: int, pos: int, letters_count: bool) -> _Header | None:
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
            value_start = label.end
            language = label.label.language or language
        return _Header(boundary, numbered.start("word"), value_start, SPOT_SLOTS[number - 1], language, True)
    item = _ENUMERATOR.match(text, pos)
    if item is not None:
        label = _label_at(text, item.end())
        letter = item.group("letter")
        entry = _LABELS.get(letter.upper()) if letter is not None and not letters_count else None
        if entry is None:
            # "1. DTG: ...", "a) Zeit: ...", "- Qui : ...": a list marker, and the label decides.
            return None if label is None else _labelled(boundary, label)
        # "S - 2x T-72", "s) ...", "S/ ...": a SALUTE letter, which decides; "S - SIZE: ..." spells it out.
        found = _LabelMatch(entry, letter.upper(), item.start("letter"), item.end())
        if label is not None and label.label.slot == entry.slot:
            return replace(_labelled(boundary, found, label.end), language=label.label.language)
        return _labelled(boundary, found)
    label = _label_at(text, pos)
    if label is None:
        return None
    # "S: SIZE: ..." spells the label out after the letter.
    repeated = _label_at(text, label.end)
    if repeated is not None and repeated.label.slot == label.label.slot:
        language = repeated.label.language or label.label.language
        return replace(_labelled(boundary, label, repeated.end), language=language)
    return _labelled(boundary, label)


def _find_headers(text: str) -> list[_Header]:
    """Every labelled line, in order.

    Numbered lines without labels ("1. 141155ZDEC26", "2. 32U LA 2981 1352") are not read: in
    the development data the authors of such SPOTs do not keep the FM 6-99 line order beyond
    line 1 (line 2 is as often the location as the reporting unit), so numbering them by
    SPOT_SLOTS would put values under the wrong labels.
    """
    letters_count = _LETTER_LIST.search(text) is not None
    headers: list[_Header] = []
    first = _header_at(text, 0, 0, letters_count)
    if first is not None:
        headers.append(first)
    for boundary in _SEGMENT_BOUNDARY.finditer(text):
        header = _header_at(text, boundary.start(), boundary.end(), letters_count)
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


def _title(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The format named on the first line of the preamble text[start:end], and where the rest begins.

    A short first line naming the format ("SPOTREP", "CRI – compte rendu immédiat") is a title;
    the lines under it, if any, are text before the first label.
    """
    line_end = text.find("\n", start, end)
    line_end = end if line_end < 0 else line_end
    line = text[start:line_end].strip()
    title = _FORMAT_TITLE.search(_fold(line)) if len(line) <= _TITLE_MAX_CHARS else None
    if title is None or (title.group("kind") == "CRI" and re.search(r"\bCRI\b", line) is None):
        return None, start  # "cri" in lower case is a French word, not the format
    return title.group("kind"), line_end


def _read_units(headers: list[_Header], spot_layout: bool) -> list[_Header]:
    """Headers with each unit read as the reporting or the observed one by where it stands."""
    below = False
    read: list[_Header] = []
    for header in headers:
        if below and header.slot == "reporting_unit" and not header.primary:
            header = replace(header, slot="unit")  # "... Qui : env. 20 fantassins ennemis"
        below = below or header.slot in _SALUTE_LINES
        read.append(header)
    spot = spot_layout or any(h.slot in _SPOT_ONLY for h in read)
    if not spot or any(h.slot == "reporting_unit" for h in read):
        return read
    for i, header in enumerate(read):
        if header.slot in _SALUTE_LINES:
            break
        if header.slot == "unit":
            if header.numbered or header.word not in _UNIT_WORDS:
                break  # "LINE 6" or the letter U: the observed unit
            return [*read[:i], replace(header, slot="reporting_unit"), *read[i + 1 :]]
    return read


def _message_time(headers: list[_Header]) -> list[_Header]:
    """A message header's DTG line above the SALUTE lines, where a T line below gives the time observed, is
    the time of the report ("DTG: 120710ZMAR26 ... T: 112310Z TO 112342Z"), not a second time slot."""
    times = [i for i, h in enumerate(headers) if h.slot == "time" and h.primary]
    if len(times) < 2 or headers[times[0]].word != "DTG" or any(h.slot == "report_time" for h in headers):
        return headers
    first = times[0]
    if any(h.slot in _SALUTE_LINES for h in headers[:first]):
        return headers
    return [*headers[:first], replace(headers[first], slot="report_time"), *headers[first + 1 :]]


def _duplicate(headers: Iterable[_Header]) -> str | None:
    """The first slot named twice by its own labels; other labels of a slot fill it together."""
    named: set[str] = set()
    for header in headers:
        if not header.primary:
            continue
        if header.slot in named:
            return header.slot
        named.add(header.slot)
    return None


def _parse_text(text: str) -> StructuredReport | Rejection:
    if len(text) > MAX_CHARS:
        return Rejection(Reason.SALUTE_TOO_LONG, f"{len(text)} characters, limit {MAX_CHARS}", STEP)
    headers = _find_headers(text)
    if len({h.slot for h in headers}) < MIN_LABELLED_SLOTS:
        distinct = len({h.slot for h in headers})
        return Rejection(
            Reason.SALUTE_UNPARSEABLE, f"{distinct} distinct labelled slot(s), need {MIN_LABELLED_SLOTS}", STEP
        )

    preamble_start, preamble_end = _strip_span(text, 0, headers[0].boundary)
    title, body_start = _title(text, preamble_start, preamble_end)
    spot_layout = (title is not None and title != "SALUTE") or any(h.numbered for h in headers)
    headers = _read_units(_message_time(headers), spot_layout)
    duplicate = _duplicate(headers)
    if duplicate is not None:
        return Rejection(Reason.SALUTE_DUPLICATE_SLOT, f"slot {duplicate!r} labelled twice", STEP)

    # Per slot, each labelled value as (label start, value start, value end).
    pieces: dict[str, list[tuple[int, int, int]]] = {}
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.boundary if following is not None else len(text)
        start, stop = _strip_span(text, header.value_start, end)
        if start < stop:
            pieces.setdefault(header.slot, []).append((header.label_start, start, stop))
    if not pieces:
        return Rejection(Reason.SALUTE_EMPTY, "every labelled slot is empty", STEP)

    # Unlabelled text before the first label (under any title) is kept rather than dropped from triage.
    body_start, body_end = _strip_span(text, body_start, preamble_end)
    if body_start < body_end:
        pieces["remarks"] = [(body_start, body_start, body_end), *pieces.get("remarks", [])]

    slots: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    joined: dict[str, tuple[tuple[int, int], ...]] = {}
    for slot, found in pieces.items():
        # A slot filled from several lines keeps the labels after the first: "...\nDemande : ...".
        stretches = tuple((value if i == 0 else label, end) for i, (label, value, end) in enumerate(found))
        slots[slot] = PIECE_SEPARATOR.join(text[start:end] for start, end in stretches)
        if len(stretches) == 1:
            spans[slot] = stretches[0]
        else:
            joined[slot] = stretches

    kind: ReportKind = "spot" if spot_layout or _SPOT_ONLY & slots.keys() else "salute"
    language = _majority_language(h.language for h in headers)
    ordered = _ordered(slots, kind)
    return StructuredReport(kind, ordered, language, spans, joined)


def _parse_mapping(source: Mapping[object, object]) -> StructuredReport | Rejection:
    slots: dict[str, str] = {}
    named: set[str] = set()
    votes: list[LabelLanguage | None] = []
    for key, value in source.items():
        entry = _LABELS.get(_fold(key)) if isinstance(key, str) else None
        if entry is None or not isinstance(key, str):
            return Rejection(Reason.SALUTE_UNKNOWN_SLOT, f"unknown slot {key!r}"[:200], STEP)
        slot = entry.slot
        if entry.primary and slot in named:
            return Rejection(Reason.SALUTE_DUPLICATE_SLOT, f"slot {slot!r} given twice", STEP)
        if entry.primary:
            named.add(slot)
        if value is None:
            continue
        if not isinstance(value, str):
            return Rejection(Reason.SALUTE_BAD_VALUE, f"slot {slot!r} holds {type(value).__name__}, not text", STEP)
        if len(value) > MAX_CHARS:
            return Rejection(Reason.SALUTE_TOO_LONG, f"slot {slot!r} has {len(value)} characters", STEP)
        votes.append(entry.language)
        if not value.strip():
            continue
        if slot in slots:
            # As in text: a later piece keeps its label.
            slots[slot] = f"{slots[slot]}{PIECE_SEPARATOR}{key.strip()}: {value.strip()}"
        else:
            slots[slot] = value.strip()
    if not slots:
        return Rejection(Reason.SALUTE_EMPTY, "no slot holds a value", STEP)
    kind: ReportKind = "spot" if _SPOT_ONLY & slots.keys() else "salute"
    return StructuredReport(kind, _ordered(slots, kind), _majority_language(votes))


def parse_structured(source: object) -> StructuredReport | Rejection:
    """A SALUTE or SPOT report from labelled text or a slot dict; never raises."""
    try:
        if isinstance(source, str):
            return _parse_text(source)
        if isinstance(source, Mapping):
            return _parse_mapping(source)
    except Exception as error:  # a report must become a value, never a crash
        return Rejection(Reason.SALUTE_UNPARSEABLE, f"unexpected {type(error).__name__}", STEP)
    return Rejection(Reason.SALUTE_BAD_INPUT, f"expected text or a mapping, got {type(source).__name__}", STEP)


def parse_structured_batch(sources: Iterable[object]) -> list[StructuredReport | Rejection]:
    """Batch form of `parse_report`, one result per input, in order."""
    return [parse_structured(source) for source in sources]
