"""Export the case list (every case matching its filter) to .xlsx through the task runner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.cases import CaseFilter
from app.ui.cases.case_list_model import CasesService
from app.ui.tasks import Progress, TaskRunner


class CaseExport(QObject):
    """``export(flt)`` asks where to save and writes in the background; ``exported(path, count)``
    when the file is complete (a cancelled or failed export says nothing and leaves no file)."""

    exported = Signal(str, int)

    def __init__(self, cases: CasesService, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self._cases, self._runner, self._parent = cases, runner, parent
        self._folder: Path | None = None  # the folder of the last export, offered again

    def export(self, flt: CaseFilter) -> None:
        path = self.ask_path()
        if path is not None:
            self.export_to(flt, path)

    def ask_path(self) -> Path | None:
        folder = self._folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        suggested = folder / self.tr("cases-{day}.xlsx").format(day=date.today().isoformat())
        name, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Export cases"), str(suggested),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def export_to(self, flt: CaseFilter, path: Path) -> None:
        # imported here: openpyxl takes a while to load and most sessions never export
        from app.services.export import export_cases_xlsx

        cases = self._cases
        text = self.tr("Writing {done} of {total} cases…")

        def work(progress: Progress) -> int:
            def report(done: int, total: int) -> bool:
                progress.report(done, total, text.format(done=done, total=total))
                return not progress.cancelled

            return export_cases_xlsx(cases, flt, path, report)  # type: ignore[arg-type]

        def done(count: int) -> None:
            self._folder = path.parent
            self.exported.emit(str(path), count)

        self._runner.run(self.tr("Exporting cases"), work, done)
