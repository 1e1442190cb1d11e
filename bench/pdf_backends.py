"""PDFs per second through each PDF backend, how exactly the builder reads each one's text,
and the peak memory of each on deflate bombs.

    python bench/pdf_backends.py [--repeat 5] [--made 8]

Measures, in this process, the extraction time of the corpus PDF (tests/documents, 6 pages)
by pypdfium2 and pdfminer.six, median and range of ``--repeat`` runs, beside the lint time
of the extracted text (``pdfium own``, ``pdfminer own``: each library's own text in its
own order, as the backends read before gplint laid pages out: the layout's cost and what it
reads better); then the table cells read exactly:

- from the corpus PDF (its hand-read cells, tests/corpus/cells.json);
- from PDFs made with reportlab (bench/make_pdf.py) from the five seed reports, in each
  style (ruled, spaced, paged), against the seeds' hand-read cells;
- from ``--made`` PDFs made from consistent synthetic reports of every layout, each style
  (their true cells);

and how many seed PDFs get the findings their text gets (codes and messages).

Last, in a fresh process per backend and bomb, the peak resident memory (VmHWM) of reading
a deflate bomb (150 KB, 100 MB of content) and a double-deflate one (2.6 KB, 400 MB).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import synth  # noqa: E402
from _common import machine  # noqa: E402

ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "tests", "corpus")


def _cells(tables: dict) -> dict:
    out = {}
    for table in ("t2", "t3", "t4"):
        for key, row in (tables.get(table) or {}).items():
            if isinstance(row, dict):
                out.update({f"{table}.{key}.{c}": v for c, v in row.items()})
            elif isinstance(row, list):
                out.update({f"{table}.{key}.C{i + 1}": v for i, v in enumerate(row)})
            else:
                key = re.sub(r"\.(decisions|amount)$", "", re.sub(r"^a\d\.", "", key)) if table == "t2" else key
                out[f"{table}.{key}"] = row
    return out


def _score(got: dict, want: dict, skip: frozenset = frozenset()) -> tuple[int, int]:
    g, w = _cells(got), {k: v for k, v in _cells(want).items() if k not in skip}
    return sum(1 for k, v in w.items() if g.get(k) == v), len(w)


def _findings(text: str) -> list:
    """Codes and messages of a text's findings (the line numbers a message names aside)."""
    from gplint import lint_text

    return sorted((d.code, re.sub(r"第 [\d、]+ 行", "第 … 行", d.message)) for d in lint_text(text))


def _made(args, work: str) -> dict:
    """style -> [(pdf bytes, wanted cells, cells to skip)] for the seeds and synthetic reports."""
    from make_pdf import STYLES, make_pdf

    from gplint import parse
    from gplint.dump import report_to_dict

    with open(os.path.join(CORPUS, "cells.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    seeds = sorted(f for f in os.listdir(CORPUS) if re.fullmatch(r"00\d_.*\.txt", f))
    out: dict = {}
    for style in STYLES:
        for name in seeds:
            with open(os.path.join(CORPUS, name), encoding="utf-8") as fh:
                text = fh.read()
            path = os.path.join(work, f"{name}.{style}.pdf")
            make_pdf(text, path, style)
            with open(path, "rb") as fh:
                out.setdefault(("seeds", style), []).append(
                    (fh.read(), gold[name], frozenset(gold[name].get("ambiguous") or ()), _findings(text)))
        for i in range(args.made):
            text, truth = synth.make_report(100 + i, synth.LAYOUTS[i % len(synth.LAYOUTS)], 8000)
            path = os.path.join(work, f"{i}.{style}.pdf")
            make_pdf(text, path, style)
            with open(path, "rb") as fh:
                want = {"t2": report_to_dict(parse(text))["t2"], "t3": truth["t3"], "t4": truth["t4"]}
                out.setdefault(("synthetic", style), []).append((fh.read(), want, frozenset(), None))
    return out


_BOMB_READ = """import sys
from gplint.readers import read_pdf_{backend}
from gplint.sources import InputError
try:
    read_pdf_{backend}(open(sys.argv[1], 'rb').read())
    print('read')
except InputError as exc:
    print('E001:', str(exc)[:60])
print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])
"""


def _bombs(work: str) -> None:
    sys.path.insert(0, os.path.join(ROOT, "tests", "robustness"))
    from test_documents import _pdf  # the tests' minimal PDF writer

    bombs = {"deflate": _pdf(zlib.compress(b"0 0 m " * (100 * 1024 * 1024 // 6), 9))}
    bombs["double deflate"] = _pdf(zlib.compress(zlib.compress(b"0 0 m " * (400 * 1024 * 1024 // 6), 9), 9),
                                   "[/FlateDecode /FlateDecode]")
    print("\n# bombs: peak resident memory of a fresh process reading each (its imports included)")
    for name, data in bombs.items():
        path = os.path.join(work, "bomb.pdf")
        with open(path, "wb") as fh:
            fh.write(data)
        for backend in ("pdfium", "pdfminer"):
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, "-c", _BOMB_READ.format(backend=backend), path],
                                  capture_output=True, text=True, timeout=600)
            lines = proc.stdout.split("\n")
            peak = int(lines[-2]) // 1024 if len(lines) > 1 and lines[-2].isdigit() else -1
            print(f"{name:>15} ({len(data) // 1024} KB) {backend:>8}: {peak:>5} MB peak, "
                  f"{time.perf_counter() - t:5.2f} s, {lines[0]}")


def _pdfium_own_text(data: bytes, path: str):
    """PDFium's own text in its own order, no layout of gplint's and no stream scan (what
    the pdfium backend gave before)."""
    import pypdfium2 as pdfium

    from gplint.sources import Source

    document = pdfium.PdfDocument(data)
    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range())
        textpage.close()
        page.close()
    document.close()
    return Source(path, "\n\f".join(pages).replace("\r\n", "\n"), "pdf")


def _pdfminer_own_text(data: bytes, path: str):
    """pdfminer.six's extract_text with its default layout analysis (what the pdfminer
    backend gave before), unbounded: for comparison only."""
    import io

    from pdfminer.high_level import extract_text

    from gplint.sources import Source

    return Source(path, extract_text(io.BytesIO(data)), "pdf")


def main(argv=None) -> int:
    from gplint import lint_text, parse
    from gplint.dump import report_to_dict
    from gplint.readers import read_pdf_pdfium, read_pdf_pdfminer

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--made", type=int, default=8)
    ap.add_argument("--no-bombs", action="store_true")
    args = ap.parse_args(argv)
    with open(os.path.join(ROOT, "tests", "documents", "huaian-city-2024.pdf"), "rb") as fh:
        data = fh.read()
    with open(os.path.join(CORPUS, "cells.json"), encoding="utf-8") as fh:
        gold = json.load(fh)["govnianbao_huaian-city-2024_pdfminer.txt"]
    backends = {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer, "pdfium own": _pdfium_own_text,
                "pdfminer own": _pdfminer_own_text}
    print(f"# pdf backends  ({machine()}; corpus PDF: 6 pages, {len(data) // 1024} KB)")
    with tempfile.TemporaryDirectory() as work:
        made = _made(args, work)
        lint_text(read_pdf_pdfium(data, "warm.pdf").text)  # imports, first-use compilation
        print(f"{'backend':>12} {'extract ms':>10} {'range':>13} {'PDFs/s':>7} {'lint ms':>7} {'corpus PDF':>10}  "
              + "  ".join(f"{f'{kind} {style}':>17}" for kind, style in made) + "  seed PDFs' findings = text's")
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
            scores = []
            same = seed_pdfs = 0
            for pdfs in made.values():
                a = b = 0
                for pdf, want, skip, findings in pdfs:
                    text = read(pdf, "m.pdf").text
                    x, y = _score(report_to_dict(parse(text)), want, skip)
                    a, b = a + x, b + y
                    if findings is not None:
                        seed_pdfs, same = seed_pdfs + 1, same + (_findings(text) == findings)
                scores.append(f"{a}/{b}")
            scores.append(f"{same}/{seed_pdfs}")
            med = statistics.median(times) * 1000
            print(f"{name:>12} {med:>10.1f} {min(times) * 1000:>6.1f}-{max(times) * 1000:<6.1f} {1000 / med:>7.1f} "
                  f"{lint_ms:>7.1f} {f'{ok}/{total}':>10}  " + "  ".join(f"{s:>17}" for s in scores))
        if not args.no_bombs:
            _bombs(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
