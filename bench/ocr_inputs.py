"""The inputs of bench/ocr.py: the blind bench's 15 whole reports printed, scanned and read
back by OCR, as researchers get the scanned reports of a whole country.

Each report of ``corpus/cells.json`` (``unseen_inputs.load_reports``) is made into a PDF as
the blind bench makes it — reportlab's ruled grids (``render_pdf``, the larger type with
table 三 over a page break) and a Word document exported by LibreOffice (``lo-pdf``'s
ruled tables, long labels wrapped in narrow cells) — rasterised by poppler
(``pdftoppm -gray``) and read by tesseract (``-l chi_sim``) one page at a time:

- ``-psm3`` / ``-psm6``: tesseract's own text (automatic page segmentation; one uniform
  block), each page ended by a form feed as tesseract ends a document's pages;
- ``-layout``: psm 3's word boxes (``tsv``) set on lines by their height and in columns by
  their x position, as OCR-to-text tools lay a page out;
- ``ocr-scan-psm3``: the LibreOffice pages at 200 dpi turned by 0.4°, blurred a little and
  speckled (a scanner's page), psm 3;
- ``ppocr-*``: the same 300 dpi pages read by PP-OCR (PaddleOCR's PP-OCRv4 Chinese models as
  ``rapidocr_onnxruntime`` bundles them, run offline with its defaults), which gives its text
  as boxes, one a run of text (often one a table cell), made into text as pipelines do:
  ``-boxes`` each box's text on a line of its own in the engine's order (top to bottom, left
  to right), ``-lines`` the boxes grouped into lines by their vertical overlap, sorted by x
  and joined by a tab (the usual "OCR to text" script's way); pages ended by form feeds.

OCR is slow, so its texts are kept as fixtures (``bench/ocr_fixtures/<variant>/<report>.txt``)
and the bench reads those; this script remakes them (tesseract, poppler, LibreOffice and
Pillow needed; ``pip install rapidocr_onnxruntime`` for the ``ppocr-*`` variants, not a
dependency of gplint), under ``nice``, one page at a time:

    .venv/bin/python bench/ocr_inputs.py [--only VARIANT ...] [--report NAME ...]
"""
from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from unseen_inputs import load_reports, render_office, render_pdf  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "ocr_fixtures"

#: variant: (source PDF, dpi, tesseract page segmentation mode, output, scanned?)
#: output "txt" is tesseract's text, "layout" the words of its tsv placed by position.
VARIANTS = {
    "ocr-grid-psm3": ("grid", 300, 3, "txt", False),
    "ocr-grid-psm6": ("grid", 300, 6, "txt", False),
    "ocr-grid-layout": ("grid", 300, 3, "layout", False),
    "ocr-lo-psm3": ("lo", 300, 3, "txt", False),
    "ocr-lo-psm6": ("lo", 300, 6, "txt", False),
    "ocr-lo-layout": ("lo", 300, 3, "layout", False),
    "ocr-scan-psm3": ("lo", 200, 3, "txt", True),
}

#: PP-OCR variant: (source PDF, dpi, output); output "boxes" is a box a line, "lines" the
#: boxes of one line joined by tabs.
PPOCR_VARIANTS = {
    "ppocr-grid-boxes": ("grid", 300, "boxes"),
    "ppocr-grid-lines": ("grid", 300, "lines"),
    "ppocr-lo-boxes": ("lo", 300, "boxes"),
    "ppocr-lo-lines": ("lo", 300, "lines"),
}

#: A PP-OCR box: its four corners (x, y) clockwise from the top left, its text, its score.
Box = tuple[list[list[float]], str, float]


def _nice(cmd: list[str]) -> None:
    subprocess.run(["nice", "-n", "10", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600, check=False)


def _sources(reports, work: Path, kind: str) -> dict[str, Path]:
    folder = work / f"_{kind}"
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "lo":
        return render_office(reports, folder, "lo-pdf")
    return {name: folder / f"{name}.pdf" for name, d in reports.items()
            if render_pdf(d, folder / f"{name}.pdf", pages=True)}


def _scanned(page: Path, seed: str) -> Path:
    """The page as a scanner gives it: turned a little, softened, with dust."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    image = Image.open(page).convert("L")
    image = image.rotate(0.4, resample=Image.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    pixels = image.load()
    width, height = image.size
    for _ in range(width * height // 400):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 96, 160))
    out = page.with_name(page.stem + "-scan.png")
    image.save(out)
    return out


def _pages(pdf: Path, dpi: int, work: Path) -> list[Path]:
    stem = work / pdf.stem
    _nice(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(stem)])
    return sorted(work.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def layout_text(tsv: str) -> str:
    """A page's words (tesseract tsv, level 5) set on lines by their vertical overlap and in
    columns by their left edge, in half-width character cells of the page's type size."""
    words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, w, h = map(int, f[6:10])
        words.append((top, left, w, h, f[11].strip()))
    if not words:
        return ""
    heights = sorted(w[3] for w in words)
    cell = max(1.0, heights[len(heights) // 2] / 2)  # a CJK glyph is about as wide as it is high
    margin = min(w[1] for w in words)
    lines: list[list] = []
    for top, left, w, h, text in sorted(words):
        middle = top + h / 2
        for line in lines:
            if line[0] <= middle <= line[1]:
                line[2].append((left, w, text))
                break
        else:
            lines.append([top, top + h, [(left, w, text)]])
    out = []
    for _top, _bottom, items in sorted(lines):
        text, right = "", None
        for left, w, word in sorted(items):
            if right is not None and left - right < cell:  # glyphs of one run of text
                text += word
            else:
                pad = round((left - margin) / cell) - _width(text)
                text += " " * max(pad, 1 if text else 0) + word
            right = left + w
        out.append(text.rstrip())
    return "\n".join(out) + "\n"


def boxes_text(boxes: list[Box]) -> str:
    """A page's boxes one a line, in the engine's order (RapidOCR sorts them top to bottom,
    then left to right among boxes on about the same height)."""
    return "".join(text.strip() + "\n" for _corners, text, _score in boxes if text.strip())


def lines_text(boxes: list[Box]) -> str:
    """A page's boxes set on lines: a box joins the line its vertical middle falls within
    (the line's extent grows with it), lines run top to bottom, boxes on a line left to
    right joined by a tab."""
    lines: list[list] = []  # [top, bottom, [(left, text), ...]]
    for corners, text, _score in sorted(boxes, key=lambda b: (min(p[1] for p in b[0]), b[0][0][0])):
        if not text.strip():
            continue
        top, bottom = min(p[1] for p in corners), max(p[1] for p in corners)
        left, middle = min(p[0] for p in corners), (top + bottom) / 2
        for line in lines:
            if line[0] <= middle <= line[1]:
                line[0], line[1] = min(line[0], top), max(line[1], bottom)
                line[2].append((left, text.strip()))
                break
        else:
            lines.append([top, bottom, [(left, text.strip())]])
    lines.sort(key=lambda line: line[0])
    return "".join("\t".join(t for _left, t in sorted(items)) + "\n" for _top, _bottom, items in lines)


@functools.lru_cache(maxsize=1)
def _ppocr_engine():
    """PP-OCR's engine, its models loaded once for every page."""
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def ppocr_pdf(pdf: Path, dpi: int, work: Path) -> dict[str, str]:
    """The PDF's text as PP-OCR reads its pages, box by box ("boxes") and line by line
    ("lines"), each page ended by a form feed."""
    engine = _ppocr_engine()
    texts = {"boxes": "", "lines": ""}
    for page in _pages(pdf, dpi, work):
        boxes, _elapsed = engine(str(page))
        texts["boxes"] += boxes_text(boxes or []) + "\f"
        texts["lines"] += lines_text(boxes or []) + "\f"
        page.unlink()
    return texts


def ocr_pdf(pdf: Path, dpi: int, psm: int, scanned: bool, work: Path) -> dict[str, str]:
    """The PDF's text as tesseract reads its pages ("txt": each page ended by its form feed)
    and as its words placed by position ("layout")."""
    texts = {"txt": "", "layout": ""}
    for page in _pages(pdf, dpi, work):
        image = _scanned(page, page.name) if scanned else page
        base = work / f"{image.stem}-psm{psm}"
        _nice(["tesseract", str(image), str(base), "-l", "chi_sim", "--psm", str(psm), "txt", "tsv"])
        # (tesseract ends each page of a document with a form feed; an image alone with none)
        texts["txt"] += Path(f"{base}.txt").read_text(encoding="utf-8").rstrip("\f") + "\f"
        texts["layout"] += layout_text(Path(f"{base}.tsv").read_text(encoding="utf-8")) + "\f"
    for png in work.glob(f"{pdf.stem}-*"):
        png.unlink()
    return texts


def make(only: list[str] | None = None, names: list[str] | None = None) -> None:
    reports = load_reports()
    if names:
        reports = {n: d for n, d in reports.items() if n in names}
    variants = {v: spec for v, spec in VARIANTS.items() if not only or v in only}
    ppocr = {v: spec for v, spec in PPOCR_VARIANTS.items() if not only or v in only}
    needed = ["pdftoppm", "soffice"] + (["tesseract"] if variants else [])
    if not all(shutil.which(t) for t in needed):
        sys.exit(f"{', '.join(needed)} are needed to remake the OCR fixtures")
    runs: dict[tuple, dict[str, str]] = {}  # one tesseract run gives a txt and a layout variant
    for variant, (kind, dpi, psm, output, scanned) in variants.items():
        runs.setdefault((kind, dpi, psm, scanned), {})[output] = variant
    with tempfile.TemporaryDirectory(prefix="ocr-inputs-") as tmp:
        work = Path(tmp)
        pdfs = {kind: _sources(reports, work, kind) for kind in {spec[0] for spec in variants.values()}}
        for (kind, dpi, psm, scanned), outputs in runs.items():
            for name, pdf in sorted(pdfs[kind].items()):
                texts = ocr_pdf(pdf, dpi, psm, scanned, work)
                for output, variant in outputs.items():
                    (FIXTURES / variant).mkdir(parents=True, exist_ok=True)
                    (FIXTURES / variant / f"{name}.txt").write_text(texts[output], encoding="utf-8")
                print(kind, dpi, psm, scanned, name, flush=True)
        ppocr_runs: dict[tuple, dict[str, str]] = {}  # one PP-OCR run gives a boxes and a lines variant
        for variant, (kind, dpi, output) in ppocr.items():
            ppocr_runs.setdefault((kind, dpi), {})[output] = variant
        pdfs.update({kind: _sources(reports, work, kind) for kind, _dpi in ppocr_runs if kind not in pdfs})
        if ppocr_runs:
            os.nice(10)  # the engine runs in this process
        for (kind, dpi), outputs in ppocr_runs.items():
            for name, pdf in sorted(pdfs[kind].items()):
                texts = ppocr_pdf(pdf, dpi, work)
                for output, variant in outputs.items():
                    (FIXTURES / variant).mkdir(parents=True, exist_ok=True)
                    (FIXTURES / variant / f"{name}.txt").write_text(texts[output], encoding="utf-8")
                print("ppocr", kind, dpi, name, flush=True)


def fixtures() -> dict[str, dict[str, Path]]:
    """{variant: {report: path}} of the OCR texts kept in ``bench/ocr_fixtures``."""
    return {v: {p.stem: p for p in sorted((FIXTURES / v).glob("*.txt"))}
            for v in (*VARIANTS, *PPOCR_VARIANTS) if (FIXTURES / v).is_dir()}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", help="only these variants")
    ap.add_argument("--report", action="append", help="only these reports")
    args = ap.parse_args()
    make(args.only, args.report)
