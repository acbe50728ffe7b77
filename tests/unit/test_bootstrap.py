"""The composition root: what opening the services costs before the first window shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_opening_the_services_leaves_the_device_drivers_until_devices_are_needed(tmp_path):
    code = ("import sys\n"
            "from app.bootstrap import open_services\n"
            "from app.config.settings import Settings\n"
            "services = open_services(Settings.load())\n"
            "print('drivers' in sys.modules)\n"
            "print(len(services.device_drivers()), 'drivers' in sys.modules)\n")
    env = dict(os.environ, ZHIFA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.split("\n")[:2]
    assert before == "False"
    count, loaded = after.split()
    assert int(count) >= 5 and loaded == "True"
