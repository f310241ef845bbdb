"""pyarrow twins of the Faust records, for Parquet archives and offline analysis.

Written out by hand, not derived from the records, so that the test keeping the two in step
compares two statements of the contract rather than one statement with itself.
"""

from __future__ import annotations

import pyarrow as pa

TIMESTAMP = pa.timestamp("us", tz="UTC")

SOURCE = pa.struct(
    [
        pa.field("unit", pa.string(), nullable=False),
        pa.field("callsign", pa.string()),
        pa.field("reliability", pa.string(), nullable=False),
    ]
)

SALUTE = pa.struct(
    [
        pa.field("size", pa.string()),
        pa.field("activity", pa.string()),
        pa.field("location", pa.string()),
        pa.field("unit", pa.string()),
        pa.field("time", pa.string()),
        pa.field("equipment", pa.string()),
    ]
)

FIELD_REPORT = pa.schema(
    [
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("received_at", TIMESTAMP, nullable=False),
        pa.field("source", SOURCE, nullable=False),
        pa.field("classification", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("dtg", pa.string()),
        pa.field("credibility", pa.int8(), nullable=False),
        pa.field("releasability", pa.list_(pa.string())),
        pa.field("language", pa.string()),
        pa.field("format", pa.string(), nullable=False),
        pa.field("salute", SALUTE),
        pa.field("schema_version", pa.int16(), nullable=False),
    ],
    metadata={"name": "FieldReport"},
)

ENTITY = pa.struct(
    [
        pa.field("label", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("start", pa.int32(), nullable=False),
        pa.field("end", pa.int32(), nullable=False),
        pa.field("normalized", pa.string()),
        pa.field("source", pa.string(), nullable=False),
    ]
)

LOCATION = pa.struct(
    [
        pa.field("mgrs", pa.string()),
        pa.field("lat", pa.float64(), nullable=False),
        pa.field("lon", pa.float64(), nullable=False),
        pa.field("precision_m", pa.float64(), nullable=False),
        pa.field("name", pa.string()),
    ]
)

FACTOR = pa.struct(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("weight", pa.float64(), nullable=False),
        pa.field("value", pa.string(), nullable=False),
        pa.field("evidence", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
    ]
)

EXPLANATION = pa.struct(
    [
        pa.field("reason", pa.string(), nullable=False),
        pa.field("factors", pa.list_(FACTOR), nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("rules", pa.list_(pa.string()), nullable=False),
    ]
)

MODEL_REF = pa.struct(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
    ]
)

TRIAGED_REPORT = pa.schema(
    [
        pa.field("alert_id", pa.string(), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("received_at", TIMESTAMP, nullable=False),
        pa.field("source", SOURCE, nullable=False),
        pa.field("credibility", pa.int8(), nullable=False),
        pa.field("classification", pa.string(), nullable=False),
        pa.field("releasability", pa.list_(pa.string())),
        pa.field("format", pa.string(), nullable=False),
        pa.field("dtg", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("language", pa.string(), nullable=False),
        pa.field("category", pa.string(), nullable=False),
        pa.field("category_scores", pa.map_(pa.string(), pa.float64()), nullable=False),
        pa.field("precedence", pa.string(), nullable=False),
        pa.field("priority_score", pa.float64(), nullable=False),
        pa.field("entities", pa.list_(ENTITY), nullable=False),
        pa.field("location", LOCATION),
        pa.field("observed_at", TIMESTAMP),
        pa.field("summary", pa.string(), nullable=False),
        pa.field("explanation", EXPLANATION, nullable=False),
        pa.field("models", pa.list_(MODEL_REF), nullable=False),
        pa.field("triaged_at", TIMESTAMP, nullable=False),
        pa.field("policy", pa.string(), nullable=False),
        pa.field("precedence_confidence", pa.float64(), nullable=False),
        pa.field("needs_review", pa.bool_(), nullable=False),
        pa.field("review_reasons", pa.list_(pa.string()), nullable=False),
        pa.field("schema_version", pa.int16(), nullable=False),
    ],
    metadata={"name": "TriagedReport"},
)

DEAD_LETTER = pa.schema(
    [
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string(), nullable=False),
        pa.field("step", pa.string(), nullable=False),
        pa.field("payload_b64", pa.string(), nullable=False),
        pa.field("topic", pa.string(), nullable=False),
        pa.field("partition", pa.int32(), nullable=False),
        pa.field("offset", pa.int64(), nullable=False),
        pa.field("failed_at", TIMESTAMP, nullable=False),
        pa.field("schema_version", pa.int16(), nullable=False),
    ],
    metadata={"name": "DeadLetter"},
)
