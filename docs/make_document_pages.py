"""Rendered pages of real generated documents for the docs: the first page of a 行政处罚决定书 and the
卷内文件目录 of a 卷宗 export, from a demo case walked through the services, converted with LibreOffice
and rendered with pdfium. Needs LibreOffice and a CJK font (fonts-noto-cjk); no screen.

Run: .venv/bin/python docs/make_document_pages.py   (part of `make screenshots`)"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DPI = 110


def main() -> int:
    os.environ["ZHIFA_HOME"] = tempfile.mkdtemp(prefix="zhifa-pages-")
    from documents import decided_case  # bench/documents.py: a decision approved through the services

    from app.config.bureau import DEMO_BUREAU
    from app.documents.pdf import render_page_png
    from app.services import Services
    from app.services.clock import SHANGHAI, FixedClock
    from app.store.database import open_database

    folder = Path(os.environ["ZHIFA_HOME"])
    clock = FixedClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))
    services = Services.create(open_database(folder / "pages.sqlite3"), bureau=DEMO_BUREAU, clock=clock)
    docs = services.documents
    if docs.converter is None:
        print("LibreOffice (soffice) is not installed: no pages rendered", file=sys.stderr)
        return 1
    case, officer = decided_case(services, clock)
    for code in ("LASPB", "XWBL", "XCBL", "DCZJBG", "XZCFGZS", "XZCFJDS", "SDHZ"):
        docs.generate(officer, case.uuid, code)
    first = next(r for r in docs.records(case.uuid) if r.code == "XZCFJDS")
    OUT.mkdir(parents=True, exist_ok=True)
    render_page_png(docs.pdf(first.uuid), 0, DPI, OUT / "20-decision-page.png")
    result = services.dossiers.export(officer, case.uuid, folder / "export")
    main_volume = next(p for p in result.volumes if "正卷" in p.name)
    render_page_png(main_volume, 1, DPI, OUT / "21-dossier-contents.png")  # page 1 is the cover
    # the decision sealed with the bureau's 行政执法专用章 (PAdES, visible seal over the bureau name)
    from app.domain.officers import Actor, Role
    from app.services.demo_signing import DEMO_SEAL_PIN, DemoPin

    admin, head, pin = Actor("admin", "管理员", Role.ADMIN), Actor("head", "周志强", Role.BUREAU_HEAD), DemoPin()
    services.pki.setup_bureau(admin, pin, pin=DEMO_SEAL_PIN)
    seal = services.seals.create(admin, kind="enforcement", handler=pin, pin=DEMO_SEAL_PIN,
                                 allowed_user_ids=(head.user_id,))
    decision = next(r for r in docs.records(case.uuid) if r.code == "XZCFJDS")
    sealed = services.seals.seal_document(head, decision.uuid, seal.uuid, pin)
    render_page_png(sealed.path, docs.pdf_page_count(sealed.path) - 1, DPI, OUT / "22-sealed-decision.png")
    for name in ("20-decision-page", "21-dossier-contents", "22-sealed-decision"):
        print(OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
