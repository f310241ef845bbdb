"""The one frozen settings object; the environment (prefix TRIAGE_) is read here and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
# From a source checkout, worker state and the shipped model sit beside the code. From an installed
# package (site-packages), state goes under the working directory and the model is named with
# TRIAGE_MODEL_DIR (the container image sets both; deploy/Containerfile).
IN_CHECKOUT = (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "models").is_dir()
STATE_ROOT = REPO_ROOT if IN_CHECKOUT else Path.cwd()


class SettingsError(ValueError):
    """A TRIAGE_ variable has a value that cannot be used; the message names it."""


def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"expected true/false, got {raw!r}")


def _upper(raw: str) -> str:
    return raw.strip().upper()


def _setting(default: Any, doc: str, parse: Callable[[str], Any] | None = None, *, secret: bool = False) -> Any:
    # A secret is left out of repr() and shown masked by `triage settings`.
    return field(default=default, repr=not secret, metadata={"doc": doc, "parse": parse, "secret": secret})


SECURITY_PROTOCOLS = ("PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN")


@dataclass(frozen=True)
class Settings:
    """Every knob of the pipeline. The environment variable is TRIAGE_ + the field name in capitals."""

    kafka_bootstrap: str = _setting("127.0.0.1:9092", "Kafka bootstrap servers, comma-separated host:port")
    app_id: str = _setting("triage", "Application id: the consumer groups are <id>.triage, <id>.urgent and <id>.intel")
    topic_prefix: str = _setting("", "Prefix for every topic name, to run several pipelines on one cluster")
    partitions: int = _setting(8, "Partitions of the input topic and the topics created by `triage topics`")
    urgent_partitions: int = _setting(
        4, "Partitions of reports.urgent (the urgent pool scales up to this many workers)"
    )
    replication_factor: int = _setting(1, "Replication factor of created topics (1 for the single-node broker)")
    max_message_bytes: int = _setting(1_048_576, "Largest raw report accepted; larger ones are dead-lettered")
    max_text_chars: int = _setting(20_000, "Longest report text accepted, in characters; longer ones are dead-lettered")
    batch_size: int = _setting(32, "Largest micro-batch a triage lane gives the model at once")
    batch_wait_ms: int = _setting(5, "How long a triage lane waits for a micro-batch to fill, in milliseconds")
    lanes: str = _setting(
        "bulk,urgent",
        "Lanes this worker runs: bulk (reports.raw, screened), urgent (reports.urgent), both, or none (intel only)",
    )
    screen_enabled: bool = _setting(
        True,
        "Screen every raw report for urgency and send candidates to the urgent lane (false: one lane for all)",
        _bool,
    )
    read_ahead: int = _setting(
        100_000,
        "Most raw reports a worker reads ahead of the model (screened as they arrive); fetching pauses above it",
    )
    commit_interval_s: float = _setting(1.0, "How often finished offsets are committed, in seconds")
    membership: str = _setting(
        "dynamic", "Consumer-group membership: dynamic (scale freely, e.g. with KEDA) or static (fixed StatefulSet)"
    )
    group_instance_id: str = _setting(
        "", "Static membership id of this worker (TRIAGE_MEMBERSHIP=static), e.g. the pod name; stable across restarts"
    )
    drain_timeout_s: float = _setting(
        30.0, "On SIGTERM: finish the micro-batch, wait for delivery, commit and exit within this, in seconds"
    )
    intel_enabled: bool = _setting(
        True, "Run correlation, briefings, the archive and the briefing page in this worker (Faust app)", _bool
    )
    ops_port: int = _setting(9464, "Port of the ops server: /metrics and the /healthz probes (0: off)")
    ops_host: str = _setting("127.0.0.1", "Address the ops server binds to (0.0.0.0 in a pod)")
    liveness_deadline_s: float = _setting(
        120.0, "Liveness fails when the event loop is blocked, or lag sees no progress, for longer than this"
    )
    lag_exporter_port: int = _setting(9465, "Port of `triage lag-exporter` (/metrics)")
    session_timeout_s: float = _setting(
        10.0, "Consumer-group session timeout: how soon a dead worker's partitions are handed over, in seconds"
    )
    connect_timeout_s: float = _setting(20.0, "How long clients wait for the broker before giving up, in seconds")
    web_enabled: bool = _setting(True, "Serve the worker's web endpoints", _bool)
    web_port: int = _setting(6066, "Port of the worker's web server")
    web_host: str = _setting("127.0.0.1", "Address the worker's web server binds to")
    correlation_radius_km: float = _setting(5.0, "Reports within this distance can belong to one event, in km")
    correlation_window_min: float = _setting(120.0, "Reports within this time of an event can join it, in minutes")
    briefing_interval_s: float = _setting(300.0, "How often briefings are built and published, in seconds")
    briefing_refresh_min_s: float = _setting(
        5.0, "Shortest time between two on-demand briefing refreshes (POST /briefing/refresh), in seconds"
    )
    event_retention_s: float = _setting(
        86_400.0, "An event whose last report is older than this is dropped from the events table, in seconds"
    )
    web_tokens_file: Path | None = _setting(
        None, "JSON {token: clearance level} for the briefing page; without it the page is not served", Path
    )
    archive_enabled: bool = _setting(True, "Write triaged reports to the Parquet archive", _bool)
    archive_dir: Path = _setting(STATE_ROOT / ".triage" / "archive", "Root of the Parquet archive", Path)
    archive_roll_s: float = _setting(60.0, "A new archive file per partition at least this often, in seconds")
    archive_roll_bytes: int = _setting(64 * 1024 * 1024, "A new archive file when a buffer reaches this size")
    archive_batch: int = _setting(10_000, "Most reports archived in one batch")
    data_dir: Path = _setting(STATE_ROOT / ".triage", "Worker state (tables, local stores)", Path)
    model_dir: Path = _setting(
        REPO_ROOT / "models" / "default",
        "Model directory with manifest.json (the shipped model in a checkout; set it for an installed package)",
        Path,
    )
    theatre_file: Path | None = _setting(
        None,
        "Theatre JSON: the customer's places, MGRS zones and areas of interest (default: Luxembourg; operators/geo/theatre.py)",
        Path,
    )
    areas_file: Path | None = _setting(
        None, "JSON file of areas of interest [{name, lat, lon, radius_km}]; reports inside are raised", Path
    )
    model_threads: int = _setting(
        0, "ONNX Runtime intra-op threads (0: 1 on machines with 2 cores or fewer, else ONNX Runtime's choice)"
    )
    chain_process: bool = _setting(
        True,
        "Run the worker's operator chain in a child process, beside the event loop rather than sharing its GIL",
        _bool,
    )
    model_batch_size: int = _setting(
        0,
        "Reports per ONNX run (0: 1 on the CPU provider, where the int8 graph scores a report the same whatever "
        "its batch, 64 on a GPU); a micro-batch is sorted by length and split into these",
    )
    providers: str = _setting("auto", "ONNX Runtime execution providers: auto, cpu, cuda or tensorrt")
    log_level: str = _setting("info", "Worker log level: debug, info, warning or error")
    # Transport security (see ops/kafka/secure/README.md). PLAINTEXT keeps every client as it was.
    security_protocol: str = _setting("PLAINTEXT", "Kafka security protocol: PLAINTEXT or SASL_SSL", _upper)
    sasl_mechanism: str = _setting(
        "SCRAM-SHA-512", "SASL mechanism with SASL_SSL: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN", _upper
    )
    sasl_username: str = _setting("", "SASL user name (the role: worker, admin, analyst-secret, ...)")
    sasl_password: str = _setting("", "SASL password; prefer TRIAGE_SASL_PASSWORD_FILE", secret=True)
    sasl_password_file: Path | None = _setting(
        None,
        "File holding the SASL password: the password alone, or user=password lines (the broker's `passwords`)",
        Path,
    )
    ssl_cafile: Path | None = _setting(None, "CA certificate (PEM) the broker's certificate is checked against", Path)
    # Message sealing (operators/protection/envelope.py, pipeline/sealing.py): on when a keyring is configured.
    keyring_file: Path | None = _setting(
        None, "Keyring JSON (AES-256 key per level); setting it turns sealing on. Readers hold only their levels", Path
    )
    signing_key_file: Path | None = _setting(None, "The worker's Ed25519 signing key (PEM, private, mode 600)", Path)
    signing_key_id: str = _setting("", "Key id of the signing key, as named in the readers' verify-keys file")
    verify_keys_file: Path | None = _setting(
        None, "JSON {key id: PEM public key, or path to one}: the signers whose sealed messages are accepted", Path
    )
    audit_enabled: bool | None = _setting(
        None,
        "Record every alert, flash, review, event and briefing publication on the audit topic (default: when sealing is on)",
        _bool,
    )
    worker_id: str = _setting("", "Name of this worker in the audit trail (default: host name and process id)")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read TRIAGE_* variables; `overrides` win over the environment (used by tests and the CLI)."""
        source = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f"TRIAGE_{f.name.upper()}"
            if name not in source:
                continue
            raw = source[name]
            parse = f.metadata.get("parse") or _parser_for(f.default)
            try:
                values[f.name] = parse(raw)
            except ValueError as exc:
                raise SettingsError(f"{name}={raw!r} is not valid: {exc}") from None
        values.update(overrides)
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        positive = (
            "partitions",
            "urgent_partitions",
            "replication_factor",
            "max_message_bytes",
            "max_text_chars",
            "batch_size",
        )
        for name in positive:
            if getattr(self, name) < 1:
                raise SettingsError(f"TRIAGE_{name.upper()} must be at least 1")
        if self.event_retention_s <= 0 or self.briefing_interval_s <= 0 or self.briefing_refresh_min_s < 0:
            raise SettingsError("TRIAGE_EVENT_RETENTION_S and TRIAGE_BRIEFING_INTERVAL_S must be > 0")
        if self.batch_wait_ms < 0 or self.connect_timeout_s <= 0:
            raise SettingsError("TRIAGE_BATCH_WAIT_MS must be >= 0 and TRIAGE_CONNECT_TIMEOUT_S > 0")
        lanes = {lane.strip() for lane in self.lanes.split(",") if lane.strip()} - {"none"}
        if not lanes <= {"bulk", "urgent"} or (not lanes and not self.intel_enabled):
            raise SettingsError(
                f"TRIAGE_LANES must name bulk, urgent, both, or none (with intel on), not {self.lanes!r}"
            )
        if self.membership not in ("dynamic", "static"):
            raise SettingsError(f"TRIAGE_MEMBERSHIP must be dynamic or static, not {self.membership!r}")
        if self.membership == "static" and not self.group_instance_id:
            raise SettingsError(
                "TRIAGE_MEMBERSHIP=static needs TRIAGE_GROUP_INSTANCE_ID (stable per worker, e.g. the pod name)"
            )
        if self.read_ahead < self.batch_size or self.drain_timeout_s <= 0 or self.commit_interval_s <= 0:
            raise SettingsError("TRIAGE_READ_AHEAD must be >= TRIAGE_BATCH_SIZE; drain and commit intervals > 0")
        if self.providers not in ("auto", "cpu", "cuda", "tensorrt"):
            raise SettingsError(f"TRIAGE_PROVIDERS must be auto, cpu, cuda or tensorrt, not {self.providers!r}")
        if self.log_level.lower() not in ("debug", "info", "warning", "error"):
            raise SettingsError(f"TRIAGE_LOG_LEVEL must be debug, info, warning or error, not {self.log_level!r}")
        if self.security_protocol not in SECURITY_PROTOCOLS:
            raise SettingsError(
                f"TRIAGE_SECURITY_PROTOCOL must be PLAINTEXT or SASL_SSL, not {self.security_protocol!r}"
            )
        if self.security_protocol == "SASL_SSL":
            if self.sasl_mechanism not in SASL_MECHANISMS:
                raise SettingsError(
                    f"TRIAGE_SASL_MECHANISM must be one of {', '.join(SASL_MECHANISMS)}, not {self.sasl_mechanism!r}"
                )
            if not self.sasl_username:
                raise SettingsError("TRIAGE_SECURITY_PROTOCOL=SASL_SSL needs TRIAGE_SASL_USERNAME")
            if not self.sasl_password and self.sasl_password_file is None:
                raise SettingsError(
                    "TRIAGE_SECURITY_PROTOCOL=SASL_SSL needs TRIAGE_SASL_PASSWORD_FILE (or TRIAGE_SASL_PASSWORD)"
                )
        if self.signing_key_file is not None and not self.signing_key_id:
            raise SettingsError("TRIAGE_SIGNING_KEY_FILE needs TRIAGE_SIGNING_KEY_ID (the id readers verify it under)")

    @property
    def sealing(self) -> bool:
        """Messages on the alert, flash, event and briefing topics are sealed (and must be, to be read)."""
        return self.keyring_file is not None

    @property
    def lane_names(self) -> tuple[str, ...]:
        return tuple(lane for lane in ("bulk", "urgent") if lane in {x.strip() for x in self.lanes.split(",")})

    @property
    def bootstrap_servers(self) -> list[str]:
        return [s.strip() for s in self.kafka_bootstrap.split(",") if s.strip()]

    @classmethod
    def documentation(cls) -> list[tuple[str, str, str]]:
        """(variable, default, meaning) for every setting, for the README and `triage settings`."""
        rows = []
        for f in fields(cls):
            default = f.default
            if isinstance(default, Path):
                shown = str(default.relative_to(STATE_ROOT)) if default.is_relative_to(STATE_ROOT) else str(default)
            else:
                shown = "" if default is None else str(default)
            rows.append((f"TRIAGE_{f.name.upper()}", shown, f.metadata["doc"]))
        return rows

    def shown(self, name: str) -> str:
        """The value of a field as `triage settings` prints it: secrets masked."""
        f = next(f for f in fields(self) if f.name == name)
        value = getattr(self, name)
        if f.metadata.get("secret") and value:
            return "********"
        return str(value)


def _parser_for(default: Any) -> Callable[[str], Any]:
    if isinstance(default, bool):
        return _bool
    if isinstance(default, int):
        return int
    if isinstance(default, float):
        return float
    return str
