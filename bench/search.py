"""Full-text search over 100,000 cases: seeds them (bulk), then times 200 searches of the kinds
officers type — party names, ID-number prefixes, case numbers, address and matter fragments."""

from __future__ import annotations

import random
import statistics
import sys
import time

from _common import fresh_services, report

from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
SEARCHES = 200


def queries(services, rng: random.Random) -> list[str]:
    sample = services.cases.list_cases(CaseFilter(), rng.randrange(CASES - 500), 500)
    out = []
    for i in range(SEARCHES):
        row = rng.choice(sample)
        case = services.cases.get(row.uuid)
        party = case.parties[0]
        kind = i % 6
        out.append([party.name, party.id_number[: rng.randint(6, 18)], row.number.split("〕")[1].rstrip("号"),
                    party.address[6:12], row.matter_name[3:7], party.name[0]][kind])
    return out


def main() -> None:
    services, _folder = fresh_services()
    t0 = time.perf_counter()
    DemoSeeder(services, seed=11).seed_bulk(CASES)
    seed_s = time.perf_counter() - t0
    rng = random.Random(3)
    qs = queries(services, rng)
    times, hits = [], 0
    for q in qs:
        t = time.perf_counter()
        rows = services.cases.search(q, limit=50)
        times.append((time.perf_counter() - t) * 1000)
        hits += bool(rows)
    count_times = []
    for q in qs[:50]:
        t = time.perf_counter()
        services.cases.count(CaseFilter(text=q))
        count_times.append((time.perf_counter() - t) * 1000)
    report({"cases": CASES, "seed_s": seed_s, "searches": len(qs), "found_share": hits / len(qs),
            "search_median_ms": statistics.median(times), "search_p95_ms": statistics.quantiles(times, n=20)[18],
            "count_median_ms": statistics.median(count_times),
            "count_p95_ms": statistics.quantiles(count_times, n=20)[18]})


if __name__ == "__main__":
    main()
