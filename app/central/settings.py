"""Central settings come from the environment (ZHIFA_CENTRAL_*), never from code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "matters.json"


@dataclass(frozen=True)
class CentralSettings:
    host: str = "127.0.0.1"
    port: int = 8765
    catalogue_file: Path = DEFAULT_CATALOGUE

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> CentralSettings:
        env = dict(os.environ if env is None else env)
        port = env.get("ZHIFA_CENTRAL_PORT", "8765")
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"ZHIFA_CENTRAL_PORT must be a port number (1-65535), got {port!r}")
        return cls(host=env.get("ZHIFA_CENTRAL_HOST", "127.0.0.1"), port=int(port),
                   catalogue_file=Path(env.get("ZHIFA_CENTRAL_CATALOGUE", str(DEFAULT_CATALOGUE))))
