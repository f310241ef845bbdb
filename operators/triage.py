"""The model-backed triage step: normalise -> predict (one batched ONNX pass) -> entities ->
geolocate -> prioritise -> explain -> summarise, for a batch of validated reports.

Expensive parts (the ONNX session, the spaCy pipeline) are built by the caller and passed in.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from spacy.language import Language

from operators.calibration import Calibration, precedence_features
from operators.chain import Timings, add_time, provenance
from operators.classify import Term, choose_category, combine, find_terms
from operators.entities.dtg import find_dtgs, parse_dtg
from operators.entities.extract import Found, extract
from operators.entities.grid import GridMatch, find_grids
from operators.explain import explain
from operators.geo.distance import haversine_km
from operators.geo.gazetteer import gazetteer_for
from operators.geo.places import Place
from operators.geo.theatre import Theatre, load_theatre
from operators.inference.decoding import decode_entities
from operators.inference.model import TriageModel
from operators.normalise.language import detect_language
from operators.normalise.structured import StructuredReport, parse_structured
from operators.policy.cues import find_cues
from operators.policy.engine import default as default_policy
from operators.prioritise import THRESHOLDS, AreaOfInterest, PriorityInput, prioritise, recategorise, register_of
from operators.summarise import SummaryInput, bluf
from schemas.errors import Rejection
from schemas.reports import (
    Entity,
    FieldReport,
    Location,
    ModelRef,
    TriagedReport,
)

PLACE_PRECISION_M = 2_000.0


@dataclass(frozen=True, slots=True)
class TriageConfig:
    areas: tuple[AreaOfInterest, ...] = ()
    model_batch_size: int = 64
    theatre: Theatre | None = None  # None: the packaged Luxembourg theatre


@dataclass(slots=True)
class _Work:
    """One report on its way through the steps."""

    report: FieldReport
    language: str
    language_confidence: float
    structured: StructuredReport | None
    structured_note: str | None


class _StageClock:
    def __init__(self, timings: Timings | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.timings is not None:
            now = time.perf_counter()
            add_time(self.timings, stage, now - self.last)
            self.last = now


class ModelTriage:
    name = "triage.v1"

    def __init__(self, model: TriageModel, nlp: Language, config: TriageConfig | None = None) -> None:
        self.model = model
        self.nlp = nlp
        self.config = config or TriageConfig()
        self.model_ref = ModelRef(
            name=f"{model.manifest.name}@{model.manifest.version}", sha256=model.manifest.model_sha256
        )
        policy = default_policy().policy
        self.policy_version = policy.name
        self.theatre = self.config.theatre or load_theatre(None)
        self.gazetteer = gazetteer_for(self.theatre)
        self.calibration = Calibration.from_params(policy.params.get("calibration"))
        self.ood = policy.params.get("out_of_distribution") or {}
        # Countries whose territory an alert to the population can be ours on (policy.yaml).
        self.alliance = frozenset(policy.params.get("alliance_countries") or ())
        # Words of the model's training corpus (models/<name>/vocabulary.txt), when the model ships them.
        self.vocabulary = getattr(model, "vocabulary", None)

    def triage(
        self, reports: Sequence[FieldReport], now: datetime, timings: Timings | None = None
    ) -> list[TriagedReport | Rejection]:
        clock = _StageClock(timings)
        work = [self._normalise(r) for r in reports]
        texts = [r.text for r in reports]
        clock.lap("normalise")
        predictions = self.model.predict(texts, batch_size=self.config.model_batch_size)
        clock.lap("predict")
        model_spans = [
            [(s.label, s.start, s.end, s.confidence) for s in spans] for spans in decode_entities(predictions, texts)
        ]
        found = extract(self.nlp, texts, [r.received_at for r in reports], model_spans)
        clock.lap("entities")
        out: list[TriagedReport | Rejection] = []
        for i, item in enumerate(work):
            model_scores = {
                label: float(p) for label, p in zip(predictions.category_labels, predictions.category_probs[i])
            }
            terms = find_terms(texts[i])
            category_scores = combine(model_scores, terms)
            urgency_scores = {
                label.upper(): float(p) for label, p in zip(predictions.urgency_labels, predictions.urgency_probs[i])
            }
            clock.lap("rules")
            out.append(
                self._assess(
                    item,
                    category_scores,
                    model_scores,
                    terms,
                    urgency_scores,
                    found[i],
                    bool(predictions.truncated[i]),
                    now,
                )
            )
            clock.lap("prioritise")
        return out

    def _uncertainty(
        self, text: str, category: str, model_scores: dict[str, float], terms: list[Term], set_by_rule: bool
    ) -> dict[str, bool]:
        """The facts of honest uncertainty (operators/policy/README.md): no evidence, disagreement, unlike training."""
        supported = any(t.category == category for t in terms)
        model_top = max(model_scores, key=model_scores.__getitem__) if model_scores else category
        # The category differs from the one a sure model chose: one of the two judges is wrong. Who overruled
        # the model (the lexicon, or a category rule about what the report is about) is a different reason.
        disagree = model_top != category and model_scores.get(model_top, 0.0) >= float(
            self.ood.get("model_confident", 0.7)
        )
        coverage = vocabulary_coverage(text, self.vocabulary) if self.vocabulary else 1.0
        return {
            "no_evidence": not supported and category != "routine",
            "model_disagrees": disagree and not set_by_rule,
            "rule_overrules_model": disagree and set_by_rule,
            "out_of_distribution": coverage < float(self.ood.get("min_vocabulary_coverage", 0.5)),
        }

    @staticmethod
    def _normalise(report: FieldReport) -> _Work:
        if report.language:
            language, confidence = report.language, 1.0
        else:
            language, confidence = detect_language(report.text)
        structured: StructuredReport | None = None
        note: str | None = None
        if report.format in ("salute", "spot") or report.salute is not None:
            source: object = report.salute.asdict() if report.salute is not None else report.text
            parsed = parse_structured(source)
            if isinstance(parsed, Rejection) and report.salute is not None:
                parsed = parse_structured(report.text)
            if isinstance(parsed, Rejection):
                note = f"declared {report.format.upper()} but its slots could not be read; triaged as free text"
            else:
                structured = parsed
        return _Work(report, language, confidence, structured, note)

    def _assess(
        self,
        item: _Work,
        category_scores: dict[str, float],
        model_scores: dict[str, float],
        terms: list[Term],
        urgency_scores: dict[str, float],
        found: list[Found],
        truncated: bool,
        now: datetime,
    ) -> TriagedReport:
        report = item.report
        cues = find_cues(report.text)
        grid, place, places = self._where(report, found)
        observed_at = self._when(report, found)
        lat = grid.lat if grid else (place.lat if place else None)
        lon = grid.lon if grid else (place.lon if place else None)
        # The category rules (what the report is about: an exercise, a ceremony, the weather) come first.
        recategorised = recategorise(
            PriorityInput(
                category=choose_category(category_scores),
                category_scores=category_scores,
                cues=cues,
                reliability=report.source.reliability,
                credibility=report.credibility,
                observed_at=observed_at,
                now=report.received_at,  # staleness at receipt: a re-delivered report is judged the same
                lat=lat,
                lon=lon,
                urgency_scores=urgency_scores,
            )
        )
        category, category_scores = recategorised.item.category, recategorised.item.category_scores
        extra = self._uncertainty(report.text, category, model_scores, terms, bool(recategorised.rules))
        # Every place the text names lies outside the alliance: an alert there is someone else's.
        countries = {p.country for p in places if p.country}
        extra["place_abroad"] = bool(self.alliance) and bool(countries) and not countries & self.alliance
        priority = prioritise(
            replace(
                recategorised.item,
                model_agreement=model_scores.get(category) if model_scores else None,
                extra_facts=extra,
            ),
            self.config.areas,
        )
        priority.rules[:0] = recategorised.rules
        priority.notes[:0] = recategorised.notes
        category_confidence = self.calibration.category_confidence(category_scores, category)
        precedence_confidence = self.calibration.precedence_confidence(
            precedence_features(
                priority.score,
                [t for _, t in THRESHOLDS],
                category_confidence,
                register_of({c.kind for c in cues}) != "field",
                any(r.startswith("prec.") for r in priority.rules),
                bool(priority.needs_review),
            )
        )
        location = None
        if grid is not None:
            location = Location(
                mgrs=grid.normalized,
                lat=grid.lat,
                lon=grid.lon,
                precision_m=float(grid.precision_m),
                name=(place.name if place else _nearest_place(self.theatre.places, grid.lat, grid.lon)),
            )
        elif place is not None:
            location = Location(mgrs=None, lat=place.lat, lon=place.lon, precision_m=PLACE_PRECISION_M, name=place.name)
        equipment = [f.normalized or f.text for f in found if f.label == "EQUIPMENT"]
        summary = bluf(
            SummaryInput(
                precedence=priority.precedence.value,
                category=category,
                text=report.text,
                cues=cues,
                equipment=equipment[:3],
                grid=grid.normalized if grid else None,
                place=location.name if location else None,
                observed_at=observed_at,
                dtg=report.dtg,
                reliability=report.source.reliability,
                credibility=report.credibility,
            )
        )
        notes = list(priority.notes)
        if item.structured_note:
            notes.append(item.structured_note)
        if truncated:
            notes.append("text longer than the model's window: the end was not read by the model")
        return TriagedReport(
            **provenance(report),
            language=item.language,
            category=category,
            category_scores=category_scores,
            precedence=priority.precedence.value,
            priority_score=priority.score,
            entities=[
                Entity(label=f.label, text=f.text, start=f.start, end=f.end, normalized=f.normalized, source=f.source)
                for f in found
            ],
            location=location,
            observed_at=observed_at,
            summary=summary,
            explanation=explain(
                priority,
                category,
                category_confidence,
                model_scores,
                terms,
                item.language,
                item.language_confidence,
                cues,
                notes,
            ),
            models=[self.model_ref],
            triaged_at=now,
            policy=self.policy_version,
            precedence_confidence=round(precedence_confidence, 4),
            needs_review=bool(priority.needs_review),
            review_reasons=list(priority.needs_review),
        )

    def _where(self, report: FieldReport, found: list[Found]) -> tuple[GridMatch | None, Place | None, list[Place]]:
        grids = [g for f in found if f.label == "GRID" for g in find_grids(f.text)]
        if not grids and report.salute is not None and report.salute.location:
            grids = find_grids(report.salute.location)
        lookup = self.gazetteer.lookup
        places = [p for f in found if f.label == "LOCATION" and (p := lookup(f.normalized or f.text)) is not None]
        if not places and report.salute is not None and report.salute.location:
            places = [p for p in (lookup(report.salute.location),) if p is not None]
        # Prefer a town or crossing to a river or road when naming where something is.
        places.sort(key=lambda p: 0 if p.kind in ("town", "village", "city", "bridge", "crossing") else 1)
        return (grids[0] if grids else None), (places[0] if places else None), places

    @staticmethod
    def _when(report: FieldReport, found: list[Found]) -> datetime | None:
        for f in found:
            if f.label == "DTG" and f.normalized:
                return datetime.fromisoformat(f.normalized.replace("Z", "+00:00"))
        for candidate in (report.dtg, report.salute.time if report.salute else None):
            if candidate:
                moment = parse_dtg(candidate, report.received_at)
                if moment is None:
                    matches = find_dtgs(candidate, report.received_at)
                    moment = matches[0].utc if matches else None
                if moment is not None:
                    return moment
        return None


def _nearest_place(places: Sequence[Place], lat: float, lon: float, within_km: float = 8.0) -> str | None:
    if not places:
        return None
    best = min(places, key=lambda p: haversine_km(lat, lon, p.lat, p.lon))
    return best.name if haversine_km(lat, lon, best.lat, best.lon) <= within_km else None


_WORD = re.compile(r"[^\W\d_]{4,}")


def vocabulary_coverage(text: str, vocabulary: frozenset[str]) -> float:
    """Share of the text's words (4 letters or more, case-folded) that the model met in training."""
    words = list(map(str.casefold, _WORD.findall(text)))
    return sum(map(vocabulary.__contains__, words)) / len(words) if words else 1.0
