"""Model directory verification: the shipped default verifies; a tampered, missing or unlisted file is refused by name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.recipe.cli import main
from operators.inference.manifest import ModelVerificationError, verify_model_dir
from operators.inference.session import load_model

REPO = Path(__file__).resolve().parents[3]
DEFAULT = REPO / "models" / "default"


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(DEFAULT, target)
    return target


def _manifest(path: Path) -> dict:
    return json.loads((path / "manifest.json").read_text(encoding="utf-8"))


def test_shipped_default_verifies() -> None:
    manifest = verify_model_dir(DEFAULT)
    assert manifest.category_labels == (
        "enemy_movement",
        "attack",
        "air_activity",
        "cbrn",
        "logistics_infrastructure",
        "cyber_ew",
        "civil_humanitarian",
        "routine",
    )
    assert manifest.urgency_labels == ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
    assert manifest.ner_labels[0] == "O" and len(manifest.ner_labels) == 17
    assert manifest.tokenizer.kind == "sentencepiece" and manifest.tokenizer.vocab_size == 32000
    assert set(manifest.files) >= {manifest.graph.file, manifest.tokenizer.file, "MODEL_CARD.md"}
    assert manifest.raw["tokenizer"]["sha256"] == manifest.files[manifest.tokenizer.file]
    size = sum(p.stat().st_size for p in DEFAULT.rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024


def test_shipped_default_is_what_its_card_says_when_measured_again() -> None:
    # Measured afresh on the shipped graph, on the differently generated evaluation split, rather than read
    # from the manifest: the manifest's recorded figures must be what this measures. The models issue's
    # acceptance targets (category macro-F1 >= 0.95, entity F1 >= 0.90 per language) are NOT met by the
    # model trained with the open-source registers (a harder split, fewer steps in the time budget): the
    # card must say so, and the floors below (just under the figures of 2026-12-03) catch a regression.
    from models.recipe import corpus
    from models.recipe.evaluate import evaluate, flat_summary
    from operators.inference.session import load_model

    manifest = _manifest(DEFAULT)
    split = manifest["training_data"]["eval"]
    reports = list(corpus.generate(int(split["count"]), int(split["seed"]), "eval"))
    measured = flat_summary(evaluate(load_model(DEFAULT, providers="cpu"), reports))
    missed = []
    for language in ("en", "fr", "de"):
        assert measured[language]["category_macro_f1"] >= 0.92, measured[language]
        assert measured[language]["ner_entity_f1"] >= 0.87, measured[language]
        recorded = manifest["metrics"]["summary"][language]
        for key in ("category_macro_f1", "ner_entity_f1"):
            assert abs(recorded[key] - measured[language][key]) <= 0.002, (language, key)
        missed += [
            key
            for key, target in (("category_macro_f1", 0.95), ("ner_entity_f1", 0.90))
            if measured[language][key] < target
        ]
    card = (DEFAULT / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert ("**Not met**" in card) == bool(missed)


def test_tampered_graph_is_refused_by_name(model_copy: Path) -> None:
    graph = _manifest(model_copy)["graph"]["file"]
    data = bytearray((model_copy / graph).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model_copy / graph).write_bytes(bytes(data))
    with pytest.raises(ModelVerificationError) as info:
        verify_model_dir(model_copy)
    assert info.value.file == graph
    assert graph in str(info.value) and "sha256 mismatch" in str(info.value)
    with pytest.raises(ModelVerificationError):
        load_model(model_copy, providers="cpu")  # nothing is loaded from a directory that fails


def test_tampered_tokenizer_is_refused_by_name(model_copy: Path) -> None:
    tokenizer = _manifest(model_copy)["tokenizer"]["file"]
    with (model_copy / tokenizer).open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelVerificationError, match=tokenizer):
        verify_model_dir(model_copy)


def test_missing_file_is_refused_by_name(model_copy: Path) -> None:
    (model_copy / "MODEL_CARD.md").unlink()
    with pytest.raises(ModelVerificationError, match="MODEL_CARD.md: listed in manifest.json but missing"):
        verify_model_dir(model_copy)


def test_graph_without_checksum_is_refused(model_copy: Path) -> None:
    document = _manifest(model_copy)
    del document["files"][document["graph"]["file"]]
    (model_copy / "manifest.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelVerificationError, match="has no sha256"):
        verify_model_dir(model_copy)


def test_manifest_problems_name_the_manifest(model_copy: Path, tmp_path: Path) -> None:
    (model_copy / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelVerificationError, match="manifest.json"):
        verify_model_dir(model_copy)
    with pytest.raises(ModelVerificationError, match="manifest.json: missing"):
        verify_model_dir(tmp_path / "nowhere")


def test_paths_outside_the_directory_are_refused(model_copy: Path) -> None:
    document = _manifest(model_copy)
    document["files"]["../outside.txt"] = "0" * 64
    (model_copy / "manifest.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ModelVerificationError, match="outside the model directory"):
        verify_model_dir(model_copy)


def test_cli_verify(model_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(DEFAULT)]) == 0
    assert "verify: OK" in capsys.readouterr().out
    (model_copy / "MODEL_CARD.md").write_text("edited", encoding="utf-8")
    assert main(["verify", str(model_copy)]) == 1
    assert "MODEL_CARD.md" in capsys.readouterr().err


def test_cli_verify_needs_no_torch() -> None:
    # torch and transformers are made unimportable: `verify` must still work (runtime hosts lack them).
    code = (
        "import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None; "
        "from models.recipe.cli import main; sys.exit(main(['verify', sys.argv[1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(DEFAULT)], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "verify: OK" in result.stdout
