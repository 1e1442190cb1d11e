"""A corpus that mixes every layout the reader knows: the layouts of the layout tests
(tests/layouts/strategies.py: pipe, tabs, one cell a line, one cell a line spaced, blank
separated, pdfminer column streams, pypdf, browser copies, a crawled page flattened into one
line), the crawled and run-together families, and the four of bench/synth.py. Every
report is consistent (all identities hold), with seeded random figures.

    python bench/mixed.py OUTDIR N [--seed S]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from typing import Optional, Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "layouts"))
import synth  # noqa: E402
from strategies import LAYOUTS, LEAVES, T4_BLOCKS, make_data, render  # noqa: E402

#: (source, layout): the layout tests' layouts and families, then bench/synth.py's.
MIXED_LAYOUTS = tuple(("strategies", l) for l in LAYOUTS + ("crawled", "run")) + tuple(
    ("synth", l) for l in synth.LAYOUTS)
T2_KEYS = ("rules.issued", "rules.repealed", "rules.in_force", "norm.issued", "norm.repealed", "norm.in_force",
           "licensing", "penalty", "coercion", "fees")


def _count(rng: random.Random) -> int:
    return rng.choice((0, 0, 0, rng.randint(0, 9), rng.randint(0, 120)))


def mixed_report(seed: int, source: str, layout: str) -> str:
    if source == "synth":
        return synth.make_report(seed, layout, 8000)[0]
    rng = random.Random(seed)
    leaves = {r: tuple(_count(rng) for _ in range(6)) for r in LEAVES}
    r25 = [_count(rng) for _ in range(6)]
    r02 = [min(r25[c] + sum(leaves[r][c] for r in LEAVES), _count(rng)) for c in range(6)]
    data = make_data(leaves, r02, r25, {b: tuple(_count(rng) for _ in range(4)) for b in T4_BLOCKS},
                     {k: _count(rng) for k in T2_KEYS}, year=rng.randint(2021, 2024))
    return render(data, layout)[0]


def write_mixed_corpus(directory: str, n: int, seed: int = 0) -> list[str]:
    """``n`` reports, layouts in turn; returns their paths in order."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for i in range(n):
        source, layout = MIXED_LAYOUTS[i % len(MIXED_LAYOUTS)]
        path = os.path.join(directory, f"m{i:06d}-{layout}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(mixed_report(seed * 1_000_003 + i, source, layout))
        paths.append(path)
    return paths


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    write_mixed_corpus(args.outdir, args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
