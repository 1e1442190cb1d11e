"""PDFs per second through each PDF backend, and how exactly the builder reads each one's text.

    python bench/pdf_backends.py [--repeat 5] [--made 8]

Measures, in this process, the extraction time of the corpus PDF (tests/documents, 6 pages)
by pypdfium2 and pdfminer.six, median and range of ``--repeat`` runs, beside the lint
time of the extracted text; then the share of table cells read exactly from the corpus PDF
(its hand-read cells) and from ``--made`` PDFs made with reportlab (bench/make_pdf.py) from
consistent synthetic reports of every layout (their true cells).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import synth  # noqa: E402
from _common import machine  # noqa: E402

ROOT = os.path.dirname(HERE)


def _cells(tables: dict) -> dict:
    out = {}
    for table in ("t2", "t3", "t4"):
        for key, row in (tables.get(table) or {}).items():
            if isinstance(row, dict):
                out.update({f"{table}.{key}.{c}": v for c, v in row.items()})
            else:
                out[f"{table}.{key}"] = row
    return out


def _score(got: dict, want: dict) -> tuple[int, int]:
    g, w = _cells(got), _cells(want)
    return sum(1 for k, v in w.items() if g.get(k) == v), len(w)


def main(argv=None) -> int:
    from gplint import lint_text, parse
    from gplint.dump import report_to_dict
    from gplint.readers import read_pdf_pdfium, read_pdf_pdfminer

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--made", type=int, default=8)
    args = ap.parse_args(argv)
    with open(os.path.join(ROOT, "tests", "documents", "huaian-city-2024.pdf"), "rb") as fh:
        data = fh.read()
    with open(os.path.join(ROOT, "tests", "corpus", "cells.json"), encoding="utf-8") as fh:
        gold = json.load(fh)["govnianbao_huaian-city-2024_pdfminer.txt"]
    backends = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}
    print(f"# pdf backends  ({machine()}; corpus PDF: 6 pages, {len(data) // 1024} KB)")
    print(f"{'backend':>8} {'extract ms':>10} {'range':>13} {'PDFs/s':>7} {'lint ms':>7} {'corpus cells':>12} "
          f"{'made-PDF cells':>14}")
    made = []
    with tempfile.TemporaryDirectory() as work:
        from make_pdf import make_pdf

        for i in range(args.made):
            text, truth = synth.make_report(100 + i, synth.LAYOUTS[i % len(synth.LAYOUTS)], 8000)
            path = os.path.join(work, f"{i}.pdf")
            make_pdf(text, path)
            with open(path, "rb") as fh:
                want = {"t2": report_to_dict(parse(text))["t2"], "t3": truth["t3"], "t4": truth["t4"]}
                made.append((fh.read(), want))
    lint_text(read_pdf_pdfium(data, "warm.pdf").text)  # imports and first-use compilation: not a backend's cost
    for name, read in backends.items():
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            src = read(data, "h.pdf")
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        lint_text(src.text, path="h.pdf")
        lint_ms = (time.perf_counter() - t) * 1000
        ok, total = _score(report_to_dict(parse(src.text)), gold)
        made_ok = made_total = 0
        for pdf, want in made:
            a, b = _score(report_to_dict(parse(read(pdf, "m.pdf").text)), want)
            made_ok, made_total = made_ok + a, made_total + b
        med = statistics.median(times) * 1000
        print(f"{name:>8} {med:>10.1f} {min(times) * 1000:>6.1f}-{max(times) * 1000:<6.1f} {1000 / med:>7.1f} "
              f"{lint_ms:>7.1f} {ok:>5}/{total:<6} {made_ok:>6}/{made_total:<7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
