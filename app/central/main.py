"""zhifa-central entry point: builds the FastAPI app and serves it with uvicorn."""

from __future__ import annotations

import json
import sys

from fastapi import FastAPI

from app import __version__
from app.central.routers import catalogue
from app.central.settings import CentralSettings
from app.domain.catalogue import parse_catalogue
from app.domain.errors import UserError


def create_app(settings: CentralSettings | None = None) -> FastAPI:
    settings = settings or CentralSettings.from_env()
    api = FastAPI(title="zhifa-central", version=__version__)
    data = json.loads(settings.catalogue_file.read_text(encoding="utf-8"))
    api.state.matters = {m.code: m for m in parse_catalogue(data)}
    api.include_router(catalogue.router)

    @api.get("/api/v1/health")
    def health() -> dict[str, object]:
        return {"status": "ok", "version": __version__, "matters": len(api.state.matters)}

    return api


def main() -> int:
    import uvicorn

    try:
        settings = CentralSettings.from_env()
        app = create_app(settings)
    except (ValueError, OSError, UserError) as exc:
        print(f"zhifa-central: cannot start: {exc}", file=sys.stderr)
        return 2
    uvicorn.run(app, host=settings.host, port=settings.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
