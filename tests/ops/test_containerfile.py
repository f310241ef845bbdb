"""deploy/Containerfile, checked statically: no container engine is needed (or available) here."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex

import pytest
import yaml

from .toolbox import CHART, CONTAINERFILE, REPO

pytestmark = pytest.mark.ops


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined and comments dropped."""
    lines, current = [], ""
    for raw in CONTAINERFILE.read_text().splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        current += " " + stripped.rstrip("\\").strip() if current else stripped.rstrip("\\").strip()
        if not stripped.endswith("\\"):
            lines.append(current)
            current = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "") for line in lines]


def stages() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    name = None
    for instruction, args in instructions():
        if instruction == "FROM":
            name = args.split()[-1] if " as " in args.lower() else args
            out[name] = []
        elif name is not None:
            out[name].append((instruction, args))
    return out


def runtime() -> list[tuple[str, str]]:
    return list(stages().values())[-1]


def arg_defaults() -> dict[str, str]:
    return dict(a.split("=", 1) for i, a in instructions() if i == "ARG" and "=" in a)


def test_base_images_are_pinned() -> None:
    for instruction, args in instructions():
        if instruction != "FROM":
            continue
        image = args.split()[0]
        image = re.sub(r"\$\{(\w+)\}", lambda m: arg_defaults()[m.group(1)], image)
        assert "@sha256:" in image or re.search(r":\d+\.\d+\.\d+[\w.-]*$", image), f"not pinned: {image}"
        assert not image.endswith(":latest")


def test_runs_as_a_numeric_non_root_user() -> None:
    users = [args for instruction, args in runtime() if instruction == "USER"]
    assert users, "no USER in the runtime stage"
    user = users[-1].split(":")[0]
    assert user.isdigit() and int(user) != 0, f"USER {users[-1]}: numeric and not root, so runAsNonRoot can check it"
    assert int(user) == yaml.safe_load((CHART / "values.yaml").read_text())["podSecurityContext"]["runAsUser"]


def test_runtime_stage_has_no_download_tools_and_no_network_install() -> None:
    for instruction, args in runtime():
        if instruction == "RUN":
            assert not re.search(r"\b(curl|wget)\b", args), args
            if "pip install" in args:
                assert "--no-index" in args, "the runtime stage installs only the build stage's wheels"
        assert instruction != "ADD" or not re.search(r"https?://", args), "ADD of a URL downloads at build time"
    assert not any(i == "HEALTHCHECK" for i, _ in instructions()), "Kubernetes probes do the health checks"


def test_project_is_installed_from_its_wheel() -> None:
    build = list(stages().values())[0]
    assert any(i == "RUN" and "pip wheel" in a for i, a in build)
    assert any(i == "RUN" and "--find-links=/wheels triage" in a for i, a in runtime())


def test_model_is_copied_where_the_worker_and_the_chart_look() -> None:
    copies = [args for instruction, args in runtime() if instruction == "COPY"]
    model = [c for c in copies if "models/default" in c]
    assert model, "the model is not copied into the image"
    destination = shlex.split(model[0])[-1].rstrip("/")
    env = " ".join(args for instruction, args in runtime() if instruction == "ENV")
    assert f"TRIAGE_MODEL_DIR={destination}" in env
    assert yaml.safe_load((CHART / "values.yaml").read_text())["model"]["dir"] == destination
    assert (REPO / "models" / "default" / "manifest.json").is_file()


def test_copied_sources_exist_and_are_not_ignored() -> None:
    ignore = [
        line
        for line in (CONTAINERFILE.parent / "Containerfile.dockerignore").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    for stage in stages().values():
        for instruction, args in stage:
            if instruction != "COPY" or "--from" in args:
                continue
            sources = [s for s in shlex.split(args)[:-1] if not s.startswith("--")]
            for source in sources:
                assert (REPO / source).exists(), f"COPY {source}: not in the repository"
                excluded = False
                for pattern in ignore:  # last match wins, as in .dockerignore
                    negated = pattern.startswith("!")
                    if fnmatch.fnmatch(source.rstrip("/"), pattern.lstrip("!").rstrip("/")):
                        excluded = not negated
                assert not excluded, f"COPY {source}: excluded by Containerfile.dockerignore"


def test_entrypoint_is_the_worker() -> None:
    entrypoints = [args for instruction, args in runtime() if instruction == "ENTRYPOINT"]
    assert entrypoints and json.loads(entrypoints[-1]) == ["triage", "worker"]
