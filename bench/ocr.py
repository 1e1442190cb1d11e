"""OCR bench: the blind bench's 15 whole reports printed, scanned and read back by tesseract
and by PP-OCR (``bench/ocr_fixtures``, made by bench/ocr_inputs.py), linted as a researcher
lints a country's scanned reports. Scored as bench/unseen.py scores its variants:

- cells read right / total against the hand reading of ``corpus/cells.json``, and of the
  others how many were *misread* (a value the report does not print in that cell; the rest
  were left unread);
- false positives: findings (code + the cell or table they are about) the same figures do
  not draw in the baseline layout (tab rows, read exactly), notices aside;
- notices: T190 / A108, the honest "could not read this table";
- missed: findings of the baseline the OCR text no longer gives.

    .venv/bin/python bench/ocr.py [-v] [--variant NAME ...] [--profile strict]

``-v`` lists, per report, the cells read wrong, the false positives and the notices.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocr_inputs import fixtures  # noqa: E402
from unseen import _keys, _lint, print_row, print_scored, score_report  # noqa: E402
from unseen_inputs import load_reports, write_all  # noqa: E402


from gplint.engine import LintOptions  # noqa: E402
from gplint.plugins import build_registry  # noqa: E402


def run(variants: list[str] | None, verbose: bool, profile: str = "default") -> None:
    registry = build_registry()
    options = LintOptions(profile=profile)
    reports = load_reports()
    texts = fixtures()
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        base = write_all(Path(tmp), [])["baseline"]
        baseline = {name: _keys(_lint(path, registry, options).diagnostics) for name, path in base.items()}
    print(f"{len(reports)} reports of corpus/cells.json read back by OCR; {profile} profile\n")
    print(f"{'variant':17} {'cells right':>17} {'misread':>7} {'false pos.':>10} {'notices':>8} {'missed':>7}"
          "  false positives by code")
    totals: Counter = Counter()
    for variant in variants or list(texts):
        right = total = fps = notices = missed = misread = 0
        by_code: Counter = Counter()
        for name, path in sorted(texts.get(variant, {}).items()):
            sc = score_report(variant, path, reports[name], "2021", baseline[name], registry, options)
            right, total, misread = right + sc.right, total + sc.total, misread + sc.misread
            fps, notices = fps + sum(sc.extra.values()), notices + sc.notices
            missed += sum(sc.lost.values())
            for (code, _key), n in sc.extra.items():
                by_code[code] += n
            if verbose and (sc.wrong or sc.extra or sc.lost or sc.notices):
                print_scored(f"{variant}/{name}", sc)
        row = Counter(right=right, total=total, fps=fps, notices=notices, missed=missed, misread=misread)
        totals.update(row)
        print_row(variant, 17, row, " ".join(f"{c}×{n}" for c, n in sorted(by_code.items())))
    print_row("all", 17, totals)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", action="store_true", help="list wrong cells, false positives and notices per report")
    ap.add_argument("--variant", action="append", help="only these variants")
    ap.add_argument("--profile", default="default", help="rule profile (default, strict)")
    args = ap.parse_args(argv)
    run(args.variant, args.v, args.profile)


if __name__ == "__main__":
    main()
