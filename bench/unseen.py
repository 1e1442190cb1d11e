"""Blind stress bench: the visible corpus reports' figures in layouts gplint's tests do not
cover (bench/unseen_inputs.py writes them), linted as a user would lint them.

For every variant it prints:

- cells read right / total, against the hand reading of ``corpus/cells.json`` (in
  ``zero-words`` and the like a zero written — / 无 / O counts as right when read as 0 or as
  not given), and of the others how many were *misread* (a value the report does not print
  in that cell; the rest were left unread, e.g. the cells of a row T190 names);
- false positives: findings (code + the cell or table they are about) the same figures do not
  draw when written in the baseline layout (tab rows, read exactly), "could not assess"
  notices (T190, A108) left aside;
- notices: T190 / A108 findings, the honest "could not read this table";
- missed: findings of the baseline the variant no longer gives (a real defect lost).

    .venv/bin/python bench/unseen.py [-v] [--variant NAME ...] [--keep DIR] [--profile strict]

``-v`` lists, per report, the cells read wrong and the false positives.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from unseen_inputs import DOC_VARIANTS, SCORED_2019, TEXT_VARIANTS, as_2019, load_reports, write_all  # noqa: E402

from strategies import expected_cells, read_cells  # noqa: E402  (tests/layouts, on the path)

from gplint.dump import report_to_dict  # noqa: E402
from gplint.engine import LintOptions, lint_bytes  # noqa: E402
from gplint.plugins import build_registry  # noqa: E402

NOTICES = ("T190", "A108")
_LENIENT_ZERO = ("zero-words", "combo-plain-spaces", "ocr-letters", "ocr-s-b", "t4-marks-mixed", "pdf-layout-blank-zeros",
                 "t2-extra-rows-zero-words")
#: Findings a variant's text deserves (not false positives): a cell "O" is not a count.
#: (t2-columns-reworded: 本年新制发件数 and 本年度废止件数 say what the format's headers say,
#: docs/format.md §10: strict's T109, not a misspelling.)
ALLOWED = {"ocr-letters": ("A107",), "ocr-s-b": ("A107",),
           # (strict: the &nbsp; and <br> these texts carry are conversion residue, H101)
           "entities-literal": ("H101",), "crawled-entities": ("H101",)}


def _lint(path: Path, registry, options):
    return lint_bytes(path.read_bytes(), str(path), registry, options)


def _keys(diagnostics) -> Counter:
    return Counter((d.code, d.key) for d in diagnostics if d.code not in NOTICES)


def _misread(wrong: list[str]) -> int:
    """Cells read as a value the report does not print (not merely left unread)."""
    return sum(1 for w in wrong if not w.split("=", 1)[1].startswith("None "))


def _cells_right(variant: str, truth: dict, got: dict) -> tuple[int, list[str]]:
    right, wrong = 0, []
    for key, want in truth.items():
        have = got.get(key)
        ok = have == want or (isinstance(want, float) and have is not None and abs(float(have) - want) < 1e-9)
        if not ok and variant in _LENIENT_ZERO and want in (0, 1) and have is None:
            ok = True
        if ok:
            right += 1
        else:
            wrong.append(f"{key}={have!r} (want {want!r})")
    return right, wrong


def _truth(d, fmt: str) -> dict:
    """The cells scored: all of them, or in a 2019-format variant those whose figure comes
    from the hand reading (``unseen_inputs.as_2019``)."""
    if fmt == "2021":
        return expected_cells(d)
    return {k: v for k, v in expected_cells(as_2019(d)).items() if SCORED_2019.match(k)}


class Scored(NamedTuple):
    """One report of one variant, scored against the hand reading and the baseline."""

    right: int
    total: int
    misread: int
    #: The cells not read right: "key=value read (want value)".
    wrong: list[str]
    #: Findings the baseline layout does not draw (false positives), notices aside.
    extra: Counter
    #: The baseline's findings the variant no longer gives.
    lost: Counter
    notices: int
    diagnostics: list


def score_report(variant: str, path: Path, data, fmt: str, baseline: Counter, registry, options) -> Scored:
    """Lint ``path`` (a variant's text of the report ``data``) and score it."""
    result = _lint(path, registry, options)
    truth = _truth(data, fmt)
    got = read_cells(report_to_dict(result.report), fmt) if result.report is not None else {}
    right, wrong = _cells_right(variant, truth, got)
    have = _keys(result.diagnostics)
    extra = Counter({k: n for k, n in (have - baseline).items() if k[0] not in ALLOWED.get(variant, ())})
    notices = sum(1 for d in result.diagnostics if d.code in NOTICES)
    return Scored(right, len(truth), _misread(wrong), wrong, extra, baseline - have, notices,
                  list(result.diagnostics))


def print_scored(label: str, scored: Scored) -> None:
    """``-v``'s lines for one report: cells wrong, false positives and notices, missed."""
    print(f"  {label}: {len(scored.wrong)} wrong, {scored.misread} misread {scored.wrong[:6]}")
    for d in scored.diagnostics:
        if (d.code, d.key) in scored.extra or d.code in NOTICES:
            print(f"      {d.code} {d.span.line}:{d.span.column} {d.key} {d.message[:110]}")
    if scored.lost:
        print(f"      missed: {sorted(scored.lost)}")


def run(out: Path, variants: list[str], verbose: bool, profile: str = "default") -> None:
    registry = build_registry()
    options = LintOptions(profile=profile)
    reports = load_reports()
    files = write_all(out, variants)
    baselines = {base: {name: _keys(_lint(path, registry, options).diagnostics) for name, path in files[base].items()}
                 for base in ("baseline", "baseline-2019")}
    print(f"{len(reports)} reports of corpus/cells.json; {profile} profile\n")
    print(f"{'variant':23} {'cells right':>17} {'misread':>7} {'false pos.':>10} {'notices':>8} {'missed':>7}"
          "  reports with FP")
    totals = Counter()
    for variant in variants:
        right = total = fps = notices = missed = misread = 0
        fp_reports = []
        fmt = "2019" if "fmt2019-" in variant else "2021"  # (an extractor's text of fmt2019-html too)
        baseline = baselines["baseline-2019" if fmt == "2019" else "baseline"]
        for name, path in sorted(files.get(variant, {}).items()):
            sc = score_report(variant, path, reports[name], fmt, baseline[name], registry, options)
            right, total, misread = right + sc.right, total + sc.total, misread + sc.misread
            fps, notices = fps + sum(sc.extra.values()), notices + sc.notices
            missed += sum(sc.lost.values())
            if sc.extra:
                fp_reports.append(name.split("_")[0][:12])
            if verbose and (sc.wrong or sc.extra or sc.lost or sc.notices):
                print_scored(f"{variant}/{name}", sc)
        row = Counter(right=right, total=total, fps=fps, notices=notices, missed=missed, misread=misread)
        totals.update(row)
        print_row(variant, 23, row, ",".join(fp_reports))
    print_row("all", 23, totals)


def print_row(name: str, width: int, t: Counter, tail: str = "") -> None:
    """One line of the bench's table: a variant's (or all variants') cells right of the
    total, misread cells, false positives, notices and missed findings, then ``tail``."""
    pct = 100 * t["right"] / max(1, t["total"])
    print(f"{name:{width}} {t['right']:>6}/{t['total']:<6} {pct:5.1f}% {t['misread']:>7} {t['fps']:>10} "
          f"{t['notices']:>8} {t['missed']:>7}" + (f"  {tail}" if tail else ""))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", action="store_true", help="list wrong cells and false positives per report")
    ap.add_argument("--variant", action="append", help="only these variants")
    ap.add_argument("--keep", help="write the inputs here (default: a temporary folder)")
    ap.add_argument("--profile", default="default", help="rule profile (default, strict)")
    args = ap.parse_args(argv)
    variants = args.variant or list(TEXT_VARIANTS) + list(DOC_VARIANTS)
    if args.keep:
        run(Path(args.keep), variants, args.v, args.profile)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(Path(tmp), variants, args.v, args.profile)


if __name__ == "__main__":
    main()
