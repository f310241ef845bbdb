"""One isolated pipeline on the benchmark's broker: its own topic prefix, consumer group and state
directory, so that stages and rounds never see each other's messages and nothing lands in the
repository's .triage/ (every setting whose default lies there is redirected into the scope)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pipeline.settings import REPO_ROOT, Settings
from pipeline.topics import TopicNames


@dataclass(frozen=True)
class Scope:
    bootstrap: str
    prefix: str
    app_id: str
    state_dir: Path

    @classmethod
    def fresh(cls, bootstrap: str, stage: str, state_root: Path) -> Scope:
        tag = f"{stage}-{uuid.uuid4().hex[:8]}"
        return cls(bootstrap, f"bench.{tag}.", f"triage-bench-{tag}", state_root / tag)

    def _overrides(self) -> dict[str, Any]:
        local = REPO_ROOT / ".triage"
        out: dict[str, Any] = {
            f.name: self.state_dir / Path(f.default).relative_to(local)
            for f in fields(Settings)
            if isinstance(f.default, Path) and f.default.is_relative_to(local)
        }
        out.update(
            kafka_bootstrap=self.bootstrap,
            topic_prefix=self.prefix,
            app_id=self.app_id,
            web_enabled=False,
            data_dir=self.state_dir,
        )
        return out

    def env(self) -> dict[str, str]:
        """The TRIAGE_ variables a worker of this scope runs with (other TRIAGE_ variables pass through)."""
        env = {
            f"TRIAGE_{name.upper()}": str(value).lower() if isinstance(value, bool) else str(value)
            for name, value in self._overrides().items()
        }
        return {**env, "PYTHONUNBUFFERED": "1"}

    def settings(self, base: Settings) -> Settings:
        return Settings.from_env({}, **{**{f.name: getattr(base, f.name) for f in fields(base)}, **self._overrides()})

    @property
    def names(self) -> TopicNames:
        return TopicNames.of(Settings(topic_prefix=self.prefix))
