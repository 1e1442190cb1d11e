"""Pairs of the blind bench's text styles: every field two styles of ``bench/unseen_inputs.py``
set, merged into one style (a CSV whose cells hold line breaks, a page joined by tabs with a
备注 column, units in the cells of a page whose rows ran together…), the 15 reports of
``corpus/cells.json`` written in it, and scored as ``bench/unseen.py`` scores a variant.

Real copies carry several of the blind bench's changes at once; each style alone is read,
the pairs show where two together are not. Pairs whose styles set one field two ways are
skipped. The pairs are drawn at random with ``--seed``; a family found here goes into
``unseen_inputs.TEXT_VARIANTS`` under a name of its own, with a test.

    .venv/bin/python bench/combos.py [--pairs 60] [--seed 1] [--size 2] [-v] [--keep DIR]

Prints the variant table of ``unseen.py`` (cells right, misread, false positives, notices,
missed) for the combinations drawn.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import tempfile
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import unseen  # noqa: E402
from unseen_inputs import BASELINE, BASELINE_2019, TEXT_VARIANTS, Style, as_2019, load_reports, render_text  # noqa: E402


def merged(names: tuple[str, ...]) -> Optional[Style]:
    """One style with every field the named styles set (None when two set one field two ways)."""
    default = Style()
    fields: dict = {}
    for name in names:
        style = TEXT_VARIANTS[name][1]
        for f in dataclasses.fields(Style):
            value = getattr(style, f.name)
            if value == getattr(default, f.name):
                continue
            if f.name in fields and fields[f.name] != value:
                return None
            fields[f.name] = value
    return dataclasses.replace(default, **fields)


def draw(count: int, seed: int, size: int) -> dict[str, Style]:
    """``count`` combinations of ``size`` styles, named combo-A+B (a 2019-format style keeps
    its fmt2019- prefix in the name: unseen.py scores those against the 2019 figures)."""
    rng = random.Random(seed)
    names = sorted(TEXT_VARIANTS)
    out: dict[str, Style] = {}
    tries = 0
    while len(out) < count and tries < 100 * count:
        tries += 1
        picked = tuple(rng.sample(names, size))
        style = merged(picked)
        if style is not None:
            out["combo-" + "+".join(picked)] = style
    return out


def write(folder: Path, combos: dict[str, Style]) -> dict[str, dict[str, Path]]:
    """Every report in the baselines and in each combination under ``folder``; a combination
    whose writer fails on some report (two styles that cannot be written together) is left
    out, said on stderr."""
    reports = load_reports()
    written: dict[str, dict[str, Path]] = {}
    for variant, style in {"baseline": BASELINE, "baseline-2019": BASELINE_2019, **combos}.items():
        (folder / variant).mkdir(parents=True, exist_ok=True)
        files = {}
        try:
            for name, d in reports.items():
                path = folder / variant / f"{name}.txt"
                path.write_text(render_text(as_2019(d) if style.fmt2019 else d, style), encoding="utf-8")
                files[name] = path
        except Exception as exc:  # (the writers assume one style at a time)
            print(f"{variant}: not written ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        written[variant] = files
    return written


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=60, help="how many combinations (default 60)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=2, help="styles a combination (default 2)")
    ap.add_argument("-v", action="store_true", help="list wrong cells and false positives per report")
    ap.add_argument("--keep", help="write the inputs here (default: a temporary folder)")
    args = ap.parse_args(argv)
    combos = draw(args.pairs, args.seed, args.size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        written = write(folder, combos)
        unseen.write_all = lambda _out, _only=None: written  # unseen.run reads what is written here
        unseen.run(folder, [v for v in written if v.startswith("combo-")], args.v)


if __name__ == "__main__":
    main()
