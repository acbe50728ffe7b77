"""Where document types and their templates come from: the shipped catalogue and template specs in
``resources/documents/``, overridden per bureau by files in its documents folder (``catalogue.json``
adding or replacing types, ``templates/<name>.docx`` replacing a template), so a bureau changes its
forms without code. An imported template is checked before it replaces anything."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from app.documents.builder import build_template
from app.documents.fields import is_known
from app.documents.template_check import check_template
from app.domain.documents import DocumentCatalogue, DocumentType, parse_document_catalogue
from app.domain.errors import ValidationError
from app.files import write_bytes

RESOURCES = Path(__file__).resolve().parents[3] / "resources" / "documents"


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError("{field}: cannot read {path}: {why}", field="file", rule="documents.file",
                              path=str(path), why=str(exc)) from exc


class TemplateLibrary:
    """The document catalogue in force and the template bytes of each type (built once per process)."""

    def __init__(self, bureau_dir: Path, shipped: Path = RESOURCES):
        self.bureau_dir = Path(bureau_dir)
        self.shipped = Path(shipped)
        self._lock = threading.Lock()
        self._catalogue: DocumentCatalogue | None = None
        self._built: dict[str, bytes] = {}

    @property
    def overrides(self) -> Path:
        return self.bureau_dir / "templates"

    def catalogue(self) -> DocumentCatalogue:
        with self._lock:
            if self._catalogue is None:
                base = DocumentCatalogue(parse_document_catalogue(_read_json(self.shipped / "catalogue.json"),
                                                                  known_fields=is_known))
                own = self.bureau_dir / "catalogue.json"
                if own.exists():
                    extra = parse_document_catalogue(_read_json(own), known_fields=is_known)
                    base = DocumentCatalogue.merged(base, extra)
                self._catalogue = base
            return self._catalogue

    def overridden(self, doc_type: DocumentType) -> bool:
        return (self.overrides / f"{doc_type.template}.docx").exists()

    def template(self, doc_type: DocumentType) -> bytes:
        """The bureau's own .docx if it has one, else the shipped spec built into a .docx."""
        own = self.overrides / f"{doc_type.template}.docx"
        if own.exists():
            return own.read_bytes()
        with self._lock:
            data = self._built.get(doc_type.template)
        if data is None:
            spec_path = self.shipped / "templates" / f"{doc_type.template}.json"
            if not spec_path.exists():
                raise ValidationError("{field}: document type {code} has no template {name}", field="template",
                                      rule="documents.template", code=doc_type.code, name=doc_type.template)
            data = build_template(_read_json(spec_path))  # type: ignore[arg-type]
            with self._lock:
                self._built[doc_type.template] = data
        return data

    def install(self, doc_type: DocumentType, data: bytes) -> None:
        """Check a .docx and make it this bureau's template for ``doc_type`` (refused: nothing changes)."""
        check_template(data)
        write_bytes(self.overrides / f"{doc_type.template}.docx", data)

    def reset(self, doc_type: DocumentType) -> bool:
        own = self.overrides / f"{doc_type.template}.docx"
        if own.exists():
            own.unlink()
            return True
        return False
