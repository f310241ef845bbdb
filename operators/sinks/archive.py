"""Parquet archive of triaged reports: buffered, partitioned by day and level, rolled, written atomically.

Layout (Hive style, so that pyarrow, DuckDB and Spark read it as is):
    <root>/date=YYYY-MM-DD/classification=<LEVEL>/part-<uuid>.parquet
where the date is the UTC date of `triaged_at`. Every file has exactly `schemas.arrow.TRIAGED_REPORT`.
A file is written under a dot-name and renamed into place, so a reader (which skips dot-files) never
sees half a file. Delivery is at least once, so a redelivered report can be archived twice: readers
that need one row per report drop duplicates by `alert_id`.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from schemas.arrow import TRIAGED_REPORT
from schemas.errors import Reason, Rejected, Rejection
from schemas.reports import TriagedReport, parse_time
from schemas.vocab import Classification

STEP = "archive"

DEFAULT_ROLL_BYTES = 64 * 1024 * 1024
DEFAULT_ROLL_SECONDS = 300.0

TIMESTAMP_FIELDS = tuple(f.name for f in TRIAGED_REPORT if pa.types.is_timestamp(f.type))

PARTITIONING = ds.partitioning(pa.schema([("date", pa.string()), ("classification", pa.string())]), flavor="hive")


# ---------------------------------------------------------------------------------------------
# Rows


def _plain(value: Any) -> Any:
    """Faust records (anything with asdict) to plain dicts, recursively; other values as they are."""
    asdict = getattr(value, "asdict", None)
    if callable(asdict) and not isinstance(value, type):
        value = asdict()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _missing_required(value: Any, arrow_field: pa.Field, path: str) -> str | None:
    """The first non-nullable field that is null, by path: pyarrow does not check nullability."""
    if value is None:
        return None if arrow_field.nullable else path
    kind = arrow_field.type
    if pa.types.is_struct(kind) and isinstance(value, Mapping):
        for child in kind:
            found = _missing_required(value.get(child.name), child, f"{path}.{child.name}")
            if found:
                return found
    elif pa.types.is_list(kind) and isinstance(value, list):
        for i, item in enumerate(value):
            found = _missing_required(item, kind.value_field, f"{path}[{i}]")
            if found:
                return found
    return None


def to_record(report: TriagedReport | Mapping[str, Any]) -> dict[str, Any] | Rejection:
    """The archive's record form: plain values, aware UTC datetimes, category_scores a dict.

    This is what `read_archive` gives back. The classification is normalised to its canonical
    spelling so that the column and the partition directory agree.
    """
    try:
        return _record(report)
    except Rejected as bad:
        return bad.rejection
    except Exception as exc:
        return Rejection(Reason.INVALID_VALUE, f"unexpected {type(exc).__name__}: {exc}"[:500], STEP)


def _record(report: TriagedReport | Mapping[str, Any]) -> dict[str, Any]:
    plain = _plain(report)
    if not isinstance(plain, dict):
        raise Rejected(Reason.NOT_AN_OBJECT, "a triaged report is an object", STEP)
    record = {name: plain.get(name) for name in TRIAGED_REPORT.names}
    for name in TIMESTAMP_FIELDS:
        if record[name] is not None:
            moment = parse_time(record[name])
            if moment is None:
                raise Rejected(Reason.INVALID_VALUE, f"{name} is not a time with an offset", STEP)
            record[name] = moment
    scores = record["category_scores"]
    if isinstance(scores, list):  # already pairs, as read from Arrow
        scores = {str(k): v for k, v in scores}
    if scores is not None and not isinstance(scores, Mapping):
        raise Rejected(Reason.WRONG_TYPE, "category_scores must be an object", STEP)
    record["category_scores"] = None if scores is None else dict(scores)
    try:
        record["classification"] = Classification.parse(str(record["classification"] or "")).value
    except ValueError:
        raise Rejected(Reason.UNKNOWN_CLASSIFICATION, "classification is not one of the four levels", STEP) from None
    for arrow_field in TRIAGED_REPORT:
        missing = _missing_required(record[arrow_field.name], arrow_field, arrow_field.name)
        if missing:
            raise Rejected(Reason.MISSING_FIELD, f"{missing} is missing", STEP)
    return record


def to_arrow_rows(report: TriagedReport | Mapping[str, Any]) -> dict[str, Any] | Rejection:
    """One report as a row for `pa.Table.from_pylist(..., schema=TRIAGED_REPORT)`: the record form
    with category_scores as a list of (key, value) pairs, which is how pyarrow takes a map."""
    record = to_record(report)
    if isinstance(record, Rejection):
        return record
    return {**record, "category_scores": list(record["category_scores"].items())}


def _from_arrow(row: dict[str, Any]) -> dict[str, Any]:
    """A row as pyarrow gives it back, to the record form `to_record` produces."""
    record: dict[str, Any] = {name: row.get(name) for name in TRIAGED_REPORT.names}
    for name in TIMESTAMP_FIELDS:
        moment = record[name]
        if isinstance(moment, datetime):
            record[name] = moment.astimezone(UTC)
    record["category_scores"] = dict(record["category_scores"] or [])
    return record


def partition_of(record: Mapping[str, Any]) -> tuple[str, str]:
    triaged_at: datetime = record["triaged_at"]
    return triaged_at.astimezone(UTC).strftime("%Y-%m-%d"), str(record["classification"])


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass(slots=True)
class _Buffer:
    opened_at: datetime
    tables: list[pa.Table] = field(default_factory=list)
    nbytes: int = 0
    rows: int = 0


def _rows_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=TRIAGED_REPORT)


def _fsync_dir(path: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory, hence best effort.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_parquet_atomically(table: pa.Table, path: Path, compression: str = "zstd") -> Path:
    """Write under a dot-name in the same directory, fsync, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(temp, "wb") as handle:
            pq.write_table(table, handle, compression=compression)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()
    _fsync_dir(path.parent)
    return path


class ArchiveWriter:
    """Buffers reports per (date, classification) and writes a Parquet file per partition when the
    buffer reaches `roll_bytes` (Arrow's in-memory size, so files are smaller once compressed) or
    has been open `roll_seconds`. Call `maybe_roll` on a timer and `close` on shutdown.

    Not thread-safe: one writer per worker task.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        roll_bytes: int = DEFAULT_ROLL_BYTES,
        roll_seconds: float = DEFAULT_ROLL_SECONDS,
        compression: str = "zstd",
    ) -> None:
        self.root = Path(root)
        self.roll_bytes = roll_bytes
        self.roll_seconds = roll_seconds
        self.compression = compression
        self.files: list[Path] = []
        self._buffers: dict[tuple[str, str], _Buffer] = {}

    @property
    def buffered_rows(self) -> int:
        return sum(b.rows for b in self._buffers.values())

    @property
    def buffered_bytes(self) -> int:
        return sum(b.nbytes for b in self._buffers.values())

    def write(
        self, reports: Iterable[TriagedReport | Mapping[str, Any]], now: datetime | None = None
    ) -> list[Rejection]:
        """Buffer the reports; roll any partition that reached `roll_bytes`. Returns the reports that
        could not be archived (as rejections, in input order); the others are all buffered."""
        now = now or datetime.now(UTC)
        rejections: list[tuple[int, Rejection]] = []
        groups: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        for index, report in enumerate(reports):
            row = to_arrow_rows(report)
            if isinstance(row, Rejection):
                rejections.append((index, row))
            else:
                groups.setdefault(partition_of(row), []).append((index, row))
        for key, rows in groups.items():
            table, bad = self._table(rows)
            rejections.extend(bad)
            if table is None or table.num_rows == 0:
                continue
            buffer = self._buffers.setdefault(key, _Buffer(opened_at=now))
            buffer.tables.append(table)
            buffer.nbytes += table.nbytes
            buffer.rows += table.num_rows
            if buffer.nbytes >= self.roll_bytes:
                self._flush(key)
        return [rejection for _, rejection in sorted(rejections, key=lambda item: item[0])]

    @staticmethod
    def _table(rows: list[tuple[int, dict[str, Any]]]) -> tuple[pa.Table | None, list[tuple[int, Rejection]]]:
        """The rows as one table; when the batch does not convert, row by row to find the bad ones."""
        try:
            return _rows_table([row for _, row in rows]), []
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            pass
        good: list[dict[str, Any]] = []
        bad: list[tuple[int, Rejection]] = []
        for index, row in rows:
            try:
                _rows_table([row])
            except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
                detail = f"report {row.get('report_id')!r} does not fit the archive schema: {type(exc).__name__}: {exc}"
                bad.append((index, Rejection(Reason.WRONG_TYPE, detail[:500], STEP)))
            else:
                good.append(row)
        return (_rows_table(good) if good else None), bad

    def _flush(self, key: tuple[str, str]) -> Path | None:
        buffer = self._buffers.get(key)
        if buffer is None or buffer.rows == 0:
            self._buffers.pop(key, None)
            return None
        date, level = key
        table = pa.concat_tables(buffer.tables)
        path = self.root / f"date={date}" / f"classification={level}" / f"part-{uuid.uuid4()}.parquet"
        write_parquet_atomically(table, path, self.compression)
        # Only once the file is in place: a failed write keeps the rows for the next attempt.
        del self._buffers[key]
        self.files.append(path)
        return path

    def maybe_roll(self, now: datetime | None = None) -> list[Path]:
        """Write every partition whose buffer has been open `roll_seconds` or longer."""
        now = now or datetime.now(UTC)
        due = [k for k, b in self._buffers.items() if (now - b.opened_at).total_seconds() >= self.roll_seconds]
        return [p for k in due if (p := self._flush(k)) is not None]

    def flush(self) -> list[Path]:
        """Write every buffered partition now."""
        return [p for k in list(self._buffers) if (p := self._flush(k)) is not None]

    def close(self) -> list[Path]:
        return self.flush()

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# ---------------------------------------------------------------------------------------------
# Reading


def archive_dataset(root: str | os.PathLike[str]) -> ds.Dataset:
    """The archive as a pyarrow dataset: the report columns plus the `date` partition (a string)."""
    schema = TRIAGED_REPORT.append(pa.field("date", pa.string()))
    return ds.dataset(str(root), format="parquet", partitioning=PARTITIONING, schema=schema)


def read_archive(root: str | os.PathLike[str], filters: ds.Expression | None = None) -> list[dict[str, Any]]:
    """Every archived record (as `to_record` gives it), ordered by triaged_at then alert_id.

    `filters` is a pyarrow expression over the columns and the partitions, e.g.
    `ds.field("date") == "2026-11-26"` or `ds.field("classification").isin(["UNCLASSIFIED"])`.
    A root that does not exist yet reads as empty.
    """
    if not Path(root).is_dir():
        return []
    table = archive_dataset(root).to_table(filter=filters, columns=TRIAGED_REPORT.names)
    records = [_from_arrow(row) for row in table.to_pylist()]
    records.sort(key=lambda r: (r["triaged_at"], r["alert_id"]))
    return records


# What a replayed report keeps of its archived row: the FieldReport fields, nothing the triage added.
REPLAY_FIELDS = (
    "report_id",
    "received_at",
    "dtg",
    "source",
    "credibility",
    "classification",
    "releasability",
    "language",
    "format",
    "text",
)


def replay_payload(row: Mapping[str, Any]) -> bytes:
    """An archived row as the FieldReport JSON it came from, to publish again (e.g. to re-triage with a new model)."""
    report = {k: row.get(k) for k in REPLAY_FIELDS if row.get(k) is not None}
    if report.get("language") not in ("en", "fr", "de"):
        report.pop("language", None)  # re-detected; "und" from a model-less run is not a language
    received = row.get("received_at")
    report["received_at"] = received.isoformat() if isinstance(received, datetime) else received
    return json.dumps(report, default=str).encode()
