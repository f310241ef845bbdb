"""Extract one Kubernetes version's strict JSON schemas from a kubernetes-validate wheel for kubeconform.

    python k8s_schemas.py WHEEL VERSION DEST     (VERSION like 1.36.0)

The wheel keeps `kubernetes_validate/kubernetes-json-schema/v<VERSION>-local-strict/<kind>-<group>-<ver>.json`,
already named the way kubeconform looks schemas up. Each file has an `$id` under https://kubernetes.io/api/
and `$ref`s to `/api/_definitions.json`, which resolve against that `$id` to a URL kubeconform would
have to fetch. Without the `$id`, and with the references made relative (`_definitions.json#...`),
they resolve to the sibling file, wherever the folder lives, with no network.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

ABSOLUTE_DEFINITIONS = "/api/_definitions.json"


def localise(node: Any) -> Any:
    """The schema with `$id` dropped and every `$ref` to the shared definitions made relative."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$id":
                continue
            if key == "$ref" and isinstance(value, str) and value.startswith(ABSOLUTE_DEFINITIONS):
                value = "_definitions.json" + value[len(ABSOLUTE_DEFINITIONS) :]
            out[key] = localise(value)
        return out
    if isinstance(node, list):
        return [localise(item) for item in node]
    return node


def extract(wheel: Path, version: str, dest: Path) -> int:
    prefix = f"kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/"
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        for name in names:
            if not name.startswith(prefix) or not name.endswith(".json"):
                continue
            schema = localise(json.loads(archive.read(name)))
            (dest / name[len(prefix) :]).write_text(json.dumps(schema, indent=1), encoding="utf-8")
            count += 1
    if count == 0:
        available = sorted({n.split("/")[2] for n in names if n.count("/") > 2})
        raise SystemExit(f"no schemas for v{version} in {wheel.name}; it has: {', '.join(available)}")
    return count


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    extract(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
