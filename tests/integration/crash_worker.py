"""Run by test_crash_consistency in a subprocess that gets killed at a random moment: walks demo
cases through the services, forever, printing a line after each case."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from app.services import Services
from app.services.demo import DemoSeeder
from app.store.database import open_database


@dataclass(frozen=True)
class Bureau:
    code: str = "JHSJJ"
    name: str = "江海区市场监督管理局"
    case_prefix: str = "江海市监"


def main(path: str, seed: int) -> None:
    services = Services.create(open_database(path), bureau=Bureau())
    seeder = DemoSeeder(services, seed=seed)
    print("ready", flush=True)
    while True:
        seeder.seed_walked(1)
        print("case", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
