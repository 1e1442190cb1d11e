"""Both PDF backends (pdfium, pdfminer) read the corpus PDF's cells exactly, and PDFs made
with reportlab (bench/make_pdf.py, each style) from consistent reports of every synthetic
layout; both lay the page out with gplint.pdf_layout, so their texts agree. The seeds'
PDFs are in test_pdf_layouts.py."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from gplint import parse
from gplint.dump import report_to_dict
from gplint.readers import PDF_BACKEND_VARIABLE, read_pdf, read_pdf_pdfium, read_pdf_pdfminer
from gplint.sources import InputError

HERE = Path(__file__).parent
PDF = (HERE / "documents" / "huaian-city-2024.pdf").read_bytes()
GOLD = json.loads((HERE / "corpus" / "cells.json").read_text(encoding="utf-8"))["govnianbao_huaian-city-2024_pdfminer.txt"]
sys.path.insert(0, str(HERE.parent / "bench"))
import synth  # noqa: E402

pdfium = pytest.importorskip("pypdfium2", reason="the pdf extra is not installed")


def _tables(text: str) -> dict:
    d = report_to_dict(parse(text))
    return {k: d[k] for k in ("t2", "t3", "t4")}


@pytest.mark.parametrize("backend", [read_pdf_pdfium, read_pdf_pdfminer])
def test_every_cell_of_the_corpus_pdf(backend):
    if backend is read_pdf_pdfminer:
        pytest.importorskip("pdfminer")
    src = backend(PDF, "huaian.pdf")
    assert _tables(src.text) == {k: GOLD[k] for k in ("t2", "t3", "t4")}
    report = parse(src.text)
    assert sorted(report.sections) == ["S1", "S2", "S3", "S4", "S5", "S6"]


def test_pdfium_pages_are_separated_as_pdfminer_does():
    text = read_pdf_pdfium(PDF, "huaian.pdf").text
    assert text.count("\f") == len(pdfium.PdfDocument(PDF)) - 1
    assert all(part.startswith("\f") for part in text.split("\n") if "\f" in part)


@pytest.mark.parametrize("style", ["ruled", "spaced", "paged"])
@pytest.mark.parametrize("layout", synth.LAYOUTS)
def test_pdfs_made_from_reports_of_every_layout(layout, style, tmp_path):
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfminer")
    from make_pdf import make_pdf

    for seed in (1, 2):
        text, truth = synth.make_report(seed, layout, 3000)
        make_pdf(text, str(tmp_path / "r.pdf"), style)
        for backend in (read_pdf_pdfium, read_pdf_pdfminer):
            got = _tables(backend((tmp_path / "r.pdf").read_bytes(), "r.pdf").text)
            assert got["t3"] == truth["t3"] and got["t4"] == truth["t4"], (backend.__name__, seed)
            assert got["t2"] == _tables(text)["t2"]


def test_both_backends_give_the_same_text():
    pytest.importorskip("pdfminer")
    assert read_pdf_pdfium(PDF, "h.pdf").text == read_pdf_pdfminer(PDF, "h.pdf").text


def test_the_backend_is_chosen_by_the_environment(monkeypatch):
    pytest.importorskip("pdfminer")
    monkeypatch.delenv(PDF_BACKEND_VARIABLE, raising=False)
    assert read_pdf(PDF, "h.pdf").text == read_pdf_pdfium(PDF, "h.pdf").text
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, "pdfminer")
    assert read_pdf(PDF, "h.pdf").text == read_pdf_pdfminer(PDF, "h.pdf").text
    monkeypatch.setenv(PDF_BACKEND_VARIABLE, "acrobat")
    with pytest.raises(InputError, match="unknown PDF backend"):
        read_pdf(PDF, "h.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4 garbage", b"", PDF[: len(PDF) // 3]])
def test_a_damaged_pdf_is_an_input_error(data):
    with pytest.raises(InputError):
        read_pdf_pdfium(data, "x.pdf")
