"""Seeded defects in layouts never seen: is a wrong cell still found when the table is
written in one of the blind bench's layouts (bench/unseen_inputs.py)?

The 15 whole reports of ``corpus/cells.json`` (their hand-read figures) get one defect at a
time, each written in every text layout of the blind bench (and, with ``--docs``, its HTML
pages) and linted beside the same layout without the defect. The defects:

- ``t3-cell``: one cell of table 三 changed (the identities of its row and column break:
  named when a finding names the cell, or the identity of its row or column);
- ``t4-cell``: one cell of table 四 changed (its block's total breaks);
- ``prose-count``: the number of applications received stated in the prose changed (the
  table stays right);
- text defects (:data:`TEXT_DEFECTS`), each named when a finding of its codes appears: the
  statistics period, the title's year, a section heading left out or reworded, a column
  label misspelt, the fee unit in 元, the 规范性文件 label, the review and suit counts of the
  prose, table 二's 行政许可 row left out, table 三's 2.重复申请 row left out or its cells all
  left blank (tab and pipe rows), two 2019 headers
  kept over block (一), section 六 numbered 七, the fee header without its unit, sections 五
  and 六 swapped. Run them with ``--profile strict`` to count the strict-only ones; a
  notice (T190, A108) a text defect draws counts as noticed.

Per layout it prints how many defects were *named* (a finding on the changed cell, or for
the prose one a narrative finding), *noticed* (no finding on the cell, but a new "could not
assess" notice, T190/A108, about its table: honest, not a find), *missed* (nothing), and the
*collateral* findings (any other finding the defect drew: a misread that spreads). Defects
the layout leaves no way to find are counted apart, as *unassessable*: their table already
carries a notice without the defect (zeros written — / 无, OCR letters, digits that do not
split one way: FORMAT §5, "not given" is not 0), or the cell's row or block is already
reported (the report's own defect).

    .venv/bin/python bench/seeded.py [-v] [--variant NAME ...] [--seeds 2] [--docs]

``--docs`` adds the HTML pages and the PDF and DOCX documents (cell defects only there;
reportlab and python-docx needed). ``-v`` lists every defect not named. The figures are for a bench run, never asserted.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from unseen_inputs import (BASELINE, TEXT_VARIANTS, as_2019, load_reports, render_docx,  # noqa: E402
                           render_html, render_html_cells, render_html_th_br, render_pdf, render_text)

from gplint.engine import LintOptions, lint_bytes  # noqa: E402
from gplint.model import T3_COLS, T3_ROWS, T4_BLOCKS, T4_COLS  # noqa: E402
from gplint.plugins import build_registry  # noqa: E402

NOTICES = ("T190", "A108")
DEFECTS = ("t3-cell", "t4-cell", "prose-count")
#: The HTML pages of the blind bench, written as strings (PDF and DOCX are left to unseen.py).
HTML_VARIANTS = {
    "html-cms": lambda d: render_html(d, word=False),
    "html-word": lambda d: render_html(d, word=True),
    "html-div-cells": lambda d: render_html_cells(d, "div"),
    "html-span-cells": lambda d: render_html_cells(d, "span"),
    "html-th-br": render_html_th_br,
}
#: Documents (``--docs``): written to a file; only the cell defects apply to them.
FILE_VARIANTS = {
    "pdf-grid": (".pdf", lambda d, path: render_pdf(d, path)),
    "pdf-pages": (".pdf", lambda d, path: render_pdf(d, path, pages=True)),
    "pdf-unruled": (".pdf", lambda d, path: render_pdf(d, path, ruled=False)),
    "docx-merged": (".docx", lambda d, path: render_docx(d, path)),
}
_RECEIVED = re.compile(r"共收到政府信息公开申请(\d+)件")


def _number_moved(pattern: str, delta: int = 2):
    """A text defect: the first number matched by ``pattern``'s group moved by ``delta``."""
    rx = re.compile(pattern)

    def damage(text: str) -> Optional[str]:
        m = rx.search(text)
        return None if m is None else text[:m.start(1)] + str(int(m.group(1)) + delta) + text[m.end(1):]
    return damage


def _replaced(old: str, new: str, which: str = "first"):
    """A text defect: ``old`` written as ``new``: its first occurrence, its last (a heading
    after a table of contents that lists it), or all (a title in a page's <title> too)."""
    def damage(text: str) -> Optional[str]:
        if old not in text:
            return None
        if which == "all":
            return text.replace(old, new)
        at = text.find(old) if which == "first" else text.rfind(old)
        return text[:at] + new + text[at + len(old):]
    return damage


def _label_replaced(old: str, new: str):
    """A text defect: a table row label ``old`` (followed by a cell, not by prose) written as
    ``new``."""
    rx = re.compile(re.escape(old) + r"(?=[\s|｜│┃,，\t0-9０-９*])")

    def damage(text: str) -> Optional[str]:
        found = list(rx.finditer(text))  # the last: prose before the table may name it too
        return None if not found else text[:found[-1].start()] + new + text[found[-1].end():]
    return damage


def _row_line_dropped(label: str):
    """A text defect: the line of table 二's row ``label`` left out, where the layout prints
    the row on a line of its own with its value (None in the others: one cell a line, a
    label above its values, a page on one line)."""
    rx = re.compile(r"(?m)^[ \t\u3000|｜│┃]*" + re.escape(label) + r"[ \t\u3000|｜│┃,，：:]*[0-9０-９].*\n")

    def damage(text: str) -> Optional[str]:
        found = list(rx.finditer(text))  # (two: a line of prose may start with the label too)
        return None if len(found) != 1 else text[:found[0].start()] + text[found[0].end():]
    return damage


def _row_values_blanked(label: str):
    """A text defect: every value of table 三's row ``label`` left blank (seven, or eight
    under a 小计 column), its cells kept, where the layout prints the row on a line of its
    own with tabs or pipes between the cells (None in the others: there an empty cell
    leaves no trace)."""
    rx = re.compile(r"(?m)^([ \t\u3000|｜│┃]*" + re.escape(label) + r")((?:[ \u3000]*[\t|｜│┃][ \u3000]*[0-9０-９]+){7,8})")

    def damage(text: str) -> Optional[str]:
        found = list(rx.finditer(text))
        if len(found) != 1:
            return None
        m = found[0]
        return text[:m.start(2)] + re.sub(r"[0-9０-９]+", "", m.group(2)) + text[m.end(2):]
    return damage


def _both(first, second):
    """A text defect made of two changes, None when the layout does not write either."""
    def damage(text: str) -> Optional[str]:
        once = first(text)
        return None if once is None else second(once)
    return damage


def _fee_unit_dropped(text: str) -> Optional[str]:
    """A text defect: the fee's unit left out, from the header and from a row label that
    carries it (行政事业性收费（万元）: a layout's own place for it)."""
    if "（单位：万元）" not in text:
        return None
    return text.replace("（单位：万元）", "").replace("（万元）", "")


def _sections_five_six_swapped(text: str) -> Optional[str]:
    """A text defect: sections 五 and 六 in each other's place, each numbered where it now
    stands (section 六 runs to the text's end, the signature with it)."""
    five, six = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"
    if five not in text or six not in text or text.rfind(five) > text.rfind(six):
        return None
    i, j = text.rfind(five), text.rfind(six)
    body5, body6 = text[i:j], text[j:]
    return text[:i] + body6.replace("六、", "五、", 1).rstrip("\n") + "\n\n" + body5.replace("五、", "六、", 1)


#: name -> (how the text is damaged (None: the layout does not write what it changes), the
#: codes that name it, whether only the strict profile reports it).
TEXT_DEFECTS = {
    "period": (_number_moved(r"至\d{4}年12月(31)日", -1), ("D102",), False),
    "title-year": (_number_moved(r"(?s)某市某某局(\d{4})年政府信息公开(?!.*某市某某局\d{4}年政府信息公开)"),
                   ("D102", "D103"), False),
    "heading-missing": (_replaced("四、政府信息公开行政复议、行政诉讼情况", "", "last"), ("S101",), False),
    "heading-reworded": (_replaced("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施", "last"),
                         ("S104",), True),
    "column-misspelt": (_replaced("本年废止件数", "本年废纸件数"), ("T102",), False),
    "fee-unit": (_replaced("（单位：万元）", "（单位：元）", "all"), ("U101",), False),  # (a header repeated: docling)
    "norm-label": (_label_replaced("行政规范性文件", "规范性文件"), ("T108",), True),
    "t2-row-dropped": (_row_line_dropped("行政许可"), ("T110",), False),
    "t3-row-dropped": (_row_line_dropped("2.重复申请"), ("T105",), False),
    "t3-row-blanked": (_row_values_blanked("2.重复申请"), ("T103",), False),
    "old-headers": (_both(_replaced("本年制发件数", "本年新制作数量"), _replaced("现行有效件数", "对外公开总数量")),
                    ("T107",), False),
    "section-misnumbered": (_replaced("六、其他需要报告的事项", "七、其他需要报告的事项", "last"), ("S103",), False),
    "fee-unit-missing": (_fee_unit_dropped, ("U102",), False),
    "sections-swapped": (_sections_five_six_swapped, ("S102",), False),
    "review-count": (_number_moved(r"发生政府信息公开行政复议(\d+)件"), ("N103",), False),
    "suit-count": (_number_moved(r"行政诉讼(\d+)件"), ("N103",), False),
}


def _render(variant: str, d, scratch: Optional[Path] = None) -> tuple:
    """(text, file suffix) of report data ``d`` in ``variant``; for a document, (its bytes,
    suffix), or (None, suffix) when its writer's library is missing."""
    if variant in FILE_VARIANTS:
        suffix, write = FILE_VARIANTS[variant]
        path = scratch / f"doc{suffix}"
        return (path.read_bytes() if write(d, path) else None), suffix
    if variant in HTML_VARIANTS:
        return HTML_VARIANTS[variant](d), ".html"
    style = BASELINE if variant == "baseline" else TEXT_VARIANTS[variant][1]
    return render_text(d, style), ".txt"


def _defect(kind: str, d, rng: random.Random):
    """(damaged data or None, the cell key the defect is in, its delta); the prose defect
    keeps the data (the text is changed after rendering)."""
    delta = rng.choice([-3, -2, -1, 1, 2, 3, 5, 10])
    if kind == "t3-cell":
        # (The 2019 format prints （六）其他处理 as one row: its sub-rows are not written.)
        rows = [r for r in T3_ROWS if d.fmt != "2019" or r not in ("R21", "R22", "R23")]
        places = [(r, c) for r in rows for c in range(7) if d.t3[r][c] is not None and d.t3[r][c] + delta >= 0]
        if not places:
            return None, "", 0
        row, col = rng.choice(places)
        return d.with_t3(row, col, d.t3[row][col] + delta), f"t3.{row}.{T3_COLS[col]}", delta
    if kind == "t4-cell":
        places = [(b, c) for b in T4_BLOCKS for c in T4_COLS
                  if d.t4[(b, c)] is not None and d.t4[(b, c)] + delta >= 0]
        if not places:
            return None, "", 0
        block, col = rng.choice(places)
        return d.with_t4((block, col), d.t4[(block, col)] + delta), f"t4.{block}.{col}", delta
    received = d.t3["R01"][6]
    if received is None or received + delta < 0:
        return None, "", 0
    return d, "prose.received", delta


def _with_prose_count(text: str, delta: int) -> Optional[str]:
    """``text`` with the stated number of applications received moved by ``delta``, or None
    when the layout's prose does not state it that way."""
    m = _RECEIVED.search(text)
    if m is None:
        return None
    return text[:m.start(1)] + str(int(m.group(1)) + delta) + text[m.end(1):]


def _findings(text, suffix: str, registry, options, scratch: Path):
    path = scratch / f"report{suffix}"
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return lint_bytes(data, str(path), registry, options).diagnostics


def _about(key: str, finding_key: Optional[str]) -> bool:
    """Whether a finding's key names the damaged cell, or an identity of its row or its
    column (``t3.ROW-TOTAL.R17`` for ``t3.R17.C1``: where the column's identity cannot be
    assessed, the row is as far as the culprit can be traced); table 四: its block."""
    if not finding_key:
        return False
    if key.startswith("t4."):
        return finding_key.startswith(key.rsplit(".", 1)[0])
    _table, row, col = key.split(".")
    parts = finding_key.split(".")
    return finding_key == key or (len(parts) == 3 and parts[0] == "t3" and parts[2] in (row, col))


def _notice_about(key: str, finding_key: Optional[str]) -> bool:
    table = key.split(".")[0]
    return bool(finding_key) and finding_key.split(".")[0] == table


class _Tally:
    """One layout's counts (defects named, noticed, missed, their collateral findings) and
    which kinds of defect went missed."""

    def __init__(self) -> None:
        self.count: Counter = Counter()
        self.missed_kinds: Counter = Counter()

    def add(self, kind: str, named: bool, noticed: bool, collateral: int) -> str:
        """Count one defect; returns what became of it (named, noticed or MISSED)."""
        self.count["defects"] += 1
        self.count["collateral"] += collateral
        outcome = "named" if named else "noticed" if noticed else "MISSED"
        self.count["missed" if outcome == "MISSED" else outcome] += 1
        if outcome == "MISSED":
            self.missed_kinds[kind] += 1
        return outcome


class _Bench:
    """The lint of one layout's texts, clean and damaged, in a scratch directory."""

    def __init__(self, profile: str, scratch: Path) -> None:
        self.registry = build_registry()
        self.options = LintOptions(profile=profile)
        self.scratch = scratch

    def keys(self, text, suffix: str) -> Counter:
        """(code, key) of each finding on ``text``."""
        return Counter((f.code, f.key) for f in _findings(text, suffix, self.registry, self.options, self.scratch))


def _cell_defects(bench: _Bench, variant: str, name: str, d, clean_text, suffix: str, clean: Counter,
                  seeds: int, tally: _Tally, verbose: bool) -> None:
    """The cell and prose-count defects of one report in one layout."""
    document = variant in FILE_VARIANTS
    for seed in range(seeds):
        rng = random.Random(f"{name}/{seed}")
        for kind in DEFECTS:
            bad, key, delta = _defect(kind, d, rng)
            if bad is None or (document and kind == "prose-count"):
                continue
            text = _render(variant, bad, bench.scratch)[0]
            if kind == "prose-count":
                text = _with_prose_count(text, delta)
                if text is None:
                    continue
            if kind != "prose-count" and any(
                    (k[0] in NOTICES and _notice_about(key, k[1])) or _about(key, k[1]) for k in clean):
                tally.count["unassessable"] += 1
                continue
            new = bench.keys(text, suffix) - clean
            if kind == "prose-count":
                named = [k for k in new if k[0].startswith("N")]
            else:
                named = [k for k in new if k[0] not in NOTICES and _about(key, k[1])]
            noticed = [k for k in new if k[0] in NOTICES and _notice_about(key, k[1])]
            others = sum(n for k, n in new.items() if k not in named and k not in noticed)
            outcome = tally.add(kind, bool(named), bool(noticed), others)
            if verbose and (not named or others):
                print(f"  {variant}/{name}: {kind} {key} {delta:+d}: {outcome}; new {sorted(new)}")


def _text_defects(bench: _Bench, variant: str, name: str, clean_text, suffix: str, clean: Counter,
                  text_defects: dict, tally: _Tally, verbose: bool) -> None:
    """The text defects (:data:`TEXT_DEFECTS`) of one report in one layout."""
    for kind, (damage, codes) in text_defects.items():
        text = damage(clean_text)
        if text is None:
            continue
        new = bench.keys(text, suffix) - clean
        named = [k for k in new if k[0] in codes]
        # A table the defect leaves unreadable (a row dropped from one half of a table
        # printed in two): an honest notice, as for a cell defect.
        noticed = [k for k in new if k[0] in NOTICES]
        outcome = tally.add(kind, bool(named), bool(noticed),
                            sum(n for k, n in new.items() if k not in named and k not in noticed))
        if verbose and (not named or len(new) > len(named)):
            print(f"  {variant}/{name}: {kind}: {outcome}; new {sorted(new)}")


def run(variants: list[str], seeds: int, verbose: bool, profile: str = "default") -> None:
    text_defects = {name: (damage, codes) for name, (damage, codes, strict) in TEXT_DEFECTS.items()
                    if profile == "strict" or not strict}
    reports = load_reports()
    print(f"{len(reports)} reports x ({seeds} seed(s) x {len(DEFECTS)} cell defects + {len(text_defects)} text defects)"
          f" a layout; {profile} profile\n")
    print(f"{'layout':23} {'unassessable':>12} {'defects':>7} {'named':>6} {'noticed':>7} {'missed':>6} "
          f"{'collateral':>10}  missed by kind")
    totals: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        bench = _Bench(profile, Path(tmp))
        for variant in variants:
            tally = _Tally()
            in_2019 = variant in TEXT_VARIANTS and TEXT_VARIANTS[variant][1].fmt2019
            for name, d in sorted(reports.items()):
                d = as_2019(d) if in_2019 else d  # (the figures in the 2019 format's tables)
                clean_text, suffix = _render(variant, d, bench.scratch)
                if clean_text is None:
                    continue
                clean = bench.keys(clean_text, suffix)
                _cell_defects(bench, variant, name, d, clean_text, suffix, clean, seeds, tally, verbose)
                if variant not in FILE_VARIANTS:
                    _text_defects(bench, variant, name, clean_text, suffix, clean, text_defects, tally, verbose)
            count = tally.count
            totals.update(count)
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(tally.missed_kinds.items()))
            print(f"{variant:23} {count['unassessable']:>12} {count['defects']:>7} {count['named']:>6} {count['noticed']:>7} "
                  f"{count['missed']:>6} {count['collateral']:>10}  {kinds}")
    t = totals
    share = 100 * t["named"] / max(1, t["defects"])
    print(f"{'all':23} {t['unassessable']:>12} {t['defects']:>7} {t['named']:>6} {t['noticed']:>7} {t['missed']:>6} "
          f"{t['collateral']:>10}  ({share:.1f} % named)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", action="store_true", help="list every defect not named, and collateral findings")
    ap.add_argument("--variant", action="append", help="only these layouts ('baseline' is the tab rows)")
    ap.add_argument("--seeds", type=int, default=1, help="defects of each kind a report (default 1)")
    ap.add_argument("--docs", action="store_true",
                    help="also the blind bench's HTML pages, PDFs and DOCX (cell defects only in the documents)")
    ap.add_argument("--profile", default="default", help="rule profile (default, strict)")
    args = ap.parse_args(argv)
    variants = args.variant or ["baseline", *TEXT_VARIANTS, *((*HTML_VARIANTS, *FILE_VARIANTS) if args.docs else ())]
    run(variants, max(1, args.seeds), args.v, args.profile)


if __name__ == "__main__":
    main()
