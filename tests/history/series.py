"""Generated multi-year series of one agency's reports, every year consistent with the one
before (carry-over, 现行有效, cases pending), with cross-year defects planted on demand.

``agency_series(org, years, seed, defects)`` gives the yearly :class:`ReportData` (the
layout tests' model, tests/layouts/strategies.py); ``render(data, layout)`` writes each in
any layout. Defects, by year:

- ``"carry-over"``: 二、上年结转 (自然人) differs from last year's 结转下年度 by ``+2``;
- ``"in-force-jump"``: 行政规范性文件 现行有效 jumps by 120 with no document made to match;
- ``"in-force-lapse"``: 现行有效 falls by 4 more than the repeals say;
- ``"pending-lost"``: last year 3 行政复议 cases were pending, this year's 总计 is 1.

Each report stays internally consistent (every identity of the year holds): only a
comparison with the previous year can find the defect.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Iterable, Mapping, Sequence

sys.path.insert(0, str(Path(__file__).parent.parent / "layouts"))
from strategies import LEAVES, ReportData, make_data, render  # noqa: E402

DEFECTS = ("carry-over", "in-force-jump", "in-force-lapse", "pending-lost")


def agency_series(org: str, years: Sequence[int], seed: int,
                  defects: Mapping[int, Iterable[str]] = {}) -> list[ReportData]:
    rng = random.Random(seed)
    out: list[ReportData] = []
    r25 = [0] * 6
    in_force = {"rules": rng.randint(0, 3), "norm": rng.randint(5, 40)}
    pending = {"review": 0, "direct": 0, "after_review": 0}
    for year in years:
        planted = set(defects.get(year, ()))
        r02 = list(r25)
        if "carry-over" in planted:
            r02[0] += 2
        leaves = {r: (0,) * 6 for r in LEAVES}
        leaves["R03"] = tuple(r02[c] + rng.randint(0, 6) for c in range(6))
        leaves["R04"] = (rng.randint(0, 3), 0, 0, 0, 0, 0)
        leaves["R13"] = (rng.randint(0, 4), rng.randint(0, 1), 0, 0, 0, 0)
        r25 = [rng.randint(0, 2), rng.randint(0, 1), 0, 0, 0, 0]
        t2 = {"licensing": rng.randint(0, 90), "penalty": rng.randint(0, 60), "coercion": rng.randint(0, 5), "fees": 0}
        for row in ("rules", "norm"):
            issued = rng.randint(0, 2) if row == "rules" else rng.randint(1, 9)
            repealed = min(in_force[row], rng.randint(0, 3))
            now = in_force[row] + issued - repealed
            if row == "norm" and "in-force-jump" in planted:
                now += 120
            if row == "norm" and "in-force-lapse" in planted:
                now = max(0, now - 4)
            t2.update({f"{row}.issued": issued, f"{row}.repealed": repealed, f"{row}.in_force": now})
            in_force[row] = now
        parts = {}
        for block in ("review", "direct", "after_review"):
            carried = pending[block] if not ("pending-lost" in planted and block == "review") else 0
            upheld, corrected, other = carried + rng.randint(0, 2), rng.randint(0, 1), 0
            left = rng.randint(0, 1)
            if "pending-lost" in planted and block == "review":
                upheld, corrected, left = 1, 0, 0
            parts[block] = (upheld, corrected, other, left)
            pending[block] = left
        if year + 1 in {y for y, d in defects.items() if "pending-lost" in d}:
            parts["review"] = parts["review"][:3] + (3,)
            pending["review"] = 3
        out.append(make_data(leaves, r02, r25, parts, t2, year=year, org=org))
    return out


def texts(series: Sequence[ReportData], layout: str, stem: str) -> list[tuple[str, str]]:
    """(file name, text) of every report of a series in ``layout``."""
    return [(f"{stem}-{d.year}-{layout}.txt", render(d, layout)[0]) for d in series]
