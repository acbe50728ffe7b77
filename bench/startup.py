"""Start-up: from process start to the case list showing its first page over 100,000 cases, and
the peak memory of that process. Each run is a fresh process (5 runs, median), signed in as the
demo officer (signing in is a person typing; it is not timed).

The app's modules are byte-compiled first, as an installed copy is (pip compiles a wheel when it
installs it). Where PYTHONDONTWRITEBYTECODE is set, as on the CI machines, every run would otherwise
compile the whole app from source and measure the compiler, not the start-up."""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5
CASES = 100_000


def child() -> None:
    """Runs in the measured process: the real composition path, then waits for the first page."""
    import resource

    t0 = float(os.environ["ZHIFA_BENCH_T0"])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import configure_logging, open_services
    from app.config.settings import Settings
    from app.domain import i18n
    from app.domain.users import SignedIn
    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow

    app = QApplication(["zhifa"])
    settings = Settings.load()
    install_translators(settings.language)
    i18n.set_language(settings.language)
    services = open_services(settings)
    user = next(u for u in services.auth.users() if u.username == "officer")
    window = MainWindow(services, settings, configure_logging(), SignedIn(user, user.first_role,
                                                                            at=services.clock.now()))
    window.area(1)
    window.show()
    table = window.cases.list.table

    def shown() -> None:
        if window.cases.list.model.rowCount() == 0:
            QTimer.singleShot(1, shown)
            return
        table.viewport().repaint()
        elapsed = time.time() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"first_page_s": elapsed, "peak_rss_mb": peak_mb,
                          "rows": window.cases.list.model.rowCount(), "total": window.cases.list.model.total()}))
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    from app.ui.tasks import wait_for_background_work

    wait_for_background_work()


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import report, seeded_home

    root = Path(__file__).resolve().parents[1]
    for package in ("app", "drivers"):
        if (root / package).is_dir():
            compileall.compile_dir(root / package, quiet=1)
    home = seeded_home(CASES)
    env = {**os.environ, "ZHIFA_HOME": str(home), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": str(root)}
    results = []
    for _ in range(RUNS):
        env["ZHIFA_BENCH_T0"] = repr(time.time())
        out = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True, text=True,
                             check=True, timeout=120)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert all(r["total"] == CASES and r["rows"] > 0 for r in results), results
    times = [r["first_page_s"] for r in results]
    report({"cases": CASES, "runs": RUNS, "first_page_median_s": statistics.median(times),
            "first_page_worst_s": max(times), "peak_rss_mb": max(r["peak_rss_mb"] for r in results)})


if __name__ == "__main__":
    child() if "--child" in sys.argv else main()
