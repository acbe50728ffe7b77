"""Scrolling the whole case list over 100,000 cases, two screenfuls a frame, as a fast wheel does: the
worst frame (scroll, read the page of 200 rows that comes into view, paint) is the figure; the
list must never stall the window."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

CASES = 100_000


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import report, seeded_home

    os.environ["ZHIFA_HOME"] = str(seeded_home(CASES))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import configure_logging, open_services
    from app.config.settings import Settings
    from app.domain.users import SignedIn
    from app.ui.main_window import MainWindow
    from app.ui.tasks import wait_for_background_work
    from app.ui.workbench import freeze_startup_objects

    app = QApplication(["zhifa"])
    settings = Settings.load()
    services = open_services(settings)
    user = next(u for u in services.auth.users() if u.username == "officer")
    window = MainWindow(services, settings, configure_logging(), SignedIn(user, user.first_role,
                                                                            at=services.clock.now()))
    window.resize(1360, 820)
    window.area(1)
    window.show()
    app.processEvents()
    freeze_startup_objects()  # as the workbench does once the window is up
    model, table = window.cases.list.model, window.cases.list.table
    bar = table.verticalScrollBar()
    frames, pages_read = [], set()
    started = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        bar.setValue(bar.value() + 2 * bar.pageStep())  # two screenfuls a frame, as a fast wheel
        app.processEvents()  # paints, and the view asks for more rows when it reaches the end
        frames.append((time.perf_counter() - t0) * 1000)
        pages_read.update(model.loaded_pages())
        if bar.value() >= bar.maximum():
            break
    total_s = time.perf_counter() - started
    rows = len(pages_read) * 200
    window.close()
    wait_for_background_work()
    services.database.dispose()
    assert rows == CASES, rows  # every page was read on the way down
    report({"cases": CASES, "frames": len(frames), "pages_read": len(pages_read), "scroll_total_s": total_s,
            "frame_median_ms": statistics.median(frames), "frame_p99_ms": statistics.quantiles(frames, n=100)[98],
            "frame_worst_ms": max(frames)})


if __name__ == "__main__":
    main()
