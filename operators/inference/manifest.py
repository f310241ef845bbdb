"""The model directory's manifest: its format, and verification of every file against it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT_VERSION = 1


class ModelError(Exception):
    """Root of the model runtime's errors."""


class ModelVerificationError(ModelError):
    """A model directory does not match its manifest; the message names the file."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem


# ----------------------------------------------------------------------------------------- manifest


@dataclass(frozen=True, slots=True)
class TokenizerSpec:
    kind: Literal["sentencepiece", "tekken", "hf_tokenizers"]
    file: str
    add_bos: bool
    bos_id: int
    pad_id: int
    vocab_size: int


@dataclass(frozen=True, slots=True)
class GraphSpec:
    file: str
    external_data: tuple[str, ...]
    opset: int
    precision: str
    inputs: tuple[str, ...]
    outputs: Mapping[str, str]  # head ("category", "urgency", "ner") -> graph output name


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    version: str
    graph: GraphSpec
    tokenizer: TokenizerSpec
    max_length: int
    category_labels: tuple[str, ...]
    urgency_labels: tuple[str, ...]
    ner_labels: tuple[str, ...]
    files: Mapping[str, str]  # relative path -> sha256
    raw: Mapping[str, Any] = field(repr=False)  # the whole document: metrics, parity, data description

    @property
    def model_sha256(self) -> str:
        """Identity of the model for provenance (`schemas.ModelRef`): the graph file's digest."""
        return self.files[self.graph.file]


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(chunk_size):
            digest.update(block)
    return digest.hexdigest()


def parse_manifest(document: Mapping[str, Any]) -> Manifest:
    """Manifest from its JSON document; raises ModelVerificationError naming manifest.json when malformed."""
    try:
        if int(document["format_version"]) != MANIFEST_FORMAT_VERSION:
            raise ModelVerificationError(
                MANIFEST_NAME, f"format_version {document['format_version']} is not {MANIFEST_FORMAT_VERSION}"
            )
        graph, tok, labels = document["graph"], document["tokenizer"], document["labels"]
        files = {str(k): str(v) for k, v in document["files"].items()}
        manifest = Manifest(
            name=str(document["name"]),
            version=str(document["version"]),
            graph=GraphSpec(
                file=str(graph["file"]),
                external_data=tuple(str(f) for f in graph.get("external_data", ())),
                opset=int(graph["opset"]),
                precision=str(graph.get("precision", "fp32")),
                inputs=tuple(str(i) for i in graph["inputs"]),
                outputs={str(k): str(v) for k, v in graph["outputs"].items()},
            ),
            tokenizer=TokenizerSpec(
                kind=tok["kind"],
                file=str(tok["file"]),
                add_bos=bool(tok["add_bos"]),
                bos_id=int(tok["bos_id"]),
                pad_id=int(tok["pad_id"]),
                vocab_size=int(tok["vocab_size"]),
            ),
            max_length=int(document["max_length"]),
            category_labels=tuple(str(x) for x in labels.get("category", ())),
            urgency_labels=tuple(str(x) for x in labels.get("urgency", ())),
            ner_labels=tuple(str(x) for x in labels.get("ner", ())),
            files=files,
            raw=dict(document),
        )
    except ModelVerificationError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelVerificationError(MANIFEST_NAME, f"malformed manifest ({type(exc).__name__}: {exc})") from None
    if manifest.tokenizer.kind not in ("sentencepiece", "tekken", "hf_tokenizers"):
        raise ModelVerificationError(MANIFEST_NAME, f"unknown tokenizer kind {manifest.tokenizer.kind!r}")
    for needed in (manifest.graph.file, manifest.tokenizer.file, *manifest.graph.external_data):
        if needed not in manifest.files:
            raise ModelVerificationError(needed, "used by the model but has no sha256 in manifest.json")
    return manifest


def verify_model_dir(path: str | Path) -> Manifest:
    """Check every file listed in the manifest against its sha256; raise ModelVerificationError naming the first bad one."""
    root = Path(path)
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        raise ModelVerificationError(MANIFEST_NAME, f"missing in {root}")
    try:
        document = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelVerificationError(MANIFEST_NAME, f"unreadable ({exc})") from None
    if not isinstance(document, dict):
        raise ModelVerificationError(MANIFEST_NAME, "is not a JSON object")
    manifest = parse_manifest(document)
    for relative, expected in sorted(manifest.files.items()):
        target = (root / relative).resolve()
        # A manifest must not make us hash (or later load) files outside its own directory.
        if root.resolve() not in target.parents:
            raise ModelVerificationError(relative, "path points outside the model directory")
        if not target.is_file():
            raise ModelVerificationError(relative, "listed in manifest.json but missing")
        actual = sha256_file(target)
        if actual != expected:
            raise ModelVerificationError(
                relative, f"sha256 mismatch: manifest.json has {expected[:16]}…, file has {actual[:16]}…"
            )
    return manifest
