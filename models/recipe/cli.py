"""`triage models ...` commands: export a checkpoint to ONNX, verify a model directory, build the default model.

`verify` needs neither torch nor transformers; they are imported only inside `export` and `build`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triage models", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    export = sub.add_parser("export", help="Hugging Face Mistral checkpoint -> ONNX model directory with manifest")
    export.add_argument(
        "--checkpoint", type=Path, required=True, help="checkpoint dir (config.json, weights, tokenizer)"
    )
    export.add_argument("--out", type=Path, required=True, help="model directory to write (must be empty or absent)")
    export.add_argument("--fp16", action="store_true", help="also write an fp16 graph (for GPUs)")
    export.add_argument("--int8", action="store_true", help="also write an int8 dynamically quantised graph (for CPUs)")
    export.add_argument(
        "--tolerance", type=float, default=None, help="max |logit difference| vs PyTorch (default 1e-3)"
    )
    export.add_argument(
        "--max-length", type=int, default=None, help="longest input in tokens (default: min(512, model's))"
    )
    export.add_argument("--name", default=None, help="model name recorded in the manifest")

    verify = sub.add_parser("verify", help="check a model directory against its manifest.json")
    verify.add_argument("model_dir", type=Path)

    build = sub.add_parser("build", help="rebuild a model from the synthetic corpus (the default model recipe)")
    build.add_argument("--out", type=Path, required=True)
    return parser


def _verify(model_dir: Path) -> int:
    from operators.inference.manifest import ModelVerificationError, verify_model_dir

    try:
        manifest = verify_model_dir(model_dir)
    except ModelVerificationError as exc:
        print(f"verify: FAILED {model_dir}: {exc}", file=sys.stderr)
        return 1
    print(
        f"verify: OK {model_dir}: {manifest.name} {manifest.version}, {len(manifest.files)} files, "
        f"graph {manifest.graph.file} ({manifest.graph.precision}), tokenizer {manifest.tokenizer.file}, "
        f"{len(manifest.category_labels)} categories, {len(manifest.urgency_labels)} urgency levels, "
        f"{len(manifest.ner_labels)} NER tags"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from models.recipe.export import DEFAULT_TOLERANCE, ExportError, export_checkpoint

    if args.out.exists() and any(args.out.iterdir()):
        print(f"export: {args.out} is not empty; choose a new directory", file=sys.stderr)
        return 2
    try:
        report = export_checkpoint(
            args.checkpoint,
            args.out,
            fp16=args.fp16,
            int8=args.int8,
            tolerance=args.tolerance if args.tolerance is not None else DEFAULT_TOLERANCE,
            max_length=args.max_length,
            name=args.name,
        )
    except ExportError as exc:
        print(f"export: FAILED: {exc}", file=sys.stderr)
        return 1
    for variant in report.variants:
        print(
            f"export: {variant.precision} {variant.file} {variant.size_bytes / 1e6:.1f} MB "
            f"max|diff| {variant.max_abs_diff} argmax agreement {variant.argmax_agreement} ({variant.checked_on})"
        )
    print(f"export: primary graph {report.primary.file}; manifest written to {args.out / 'manifest.json'}")
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "verify":
        return _verify(args.model_dir)
    if args.command == "export":
        return _export(args)
    from models.recipe.build import main as build_main

    return build_main(["--out", str(args.out)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
