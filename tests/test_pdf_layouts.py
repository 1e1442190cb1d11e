"""PDFs made with reportlab (bench/make_pdf.py) from the five seed reports, in each layout
an office's PDF has (ruled cells; a table set as spaced text; portrait pages with a running
header, page numbers and a page break inside table 三), read through each backend: every
gold cell exact, and the findings the text itself gets. Then the layout's pieces one by
one (gplint.pdf_layout), on glyphs placed by hand."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from gplint import lint_text, parse
from gplint.dump import report_to_dict
from gplint.pdf_layout import Glyph, Page, PageLine, Rule, document_text, page_lines

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
GOLD = json.loads((CORPUS / "cells.json").read_text(encoding="utf-8"))
SEEDS = sorted(p.name for p in CORPUS.glob("00?_*.txt"))
sys.path.insert(0, str(HERE.parent / "bench"))

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")
pytest.importorskip("pdfminer")


def _backends():
    from gplint.readers import read_pdf_pdfium, read_pdf_pdfminer

    return {"pdfium": read_pdf_pdfium, "pdfminer": read_pdf_pdfminer}


@pytest.fixture(scope="module")
def made_pdfs(tmp_path_factory):
    """(seed, style) -> the PDF's bytes, made once for the module."""
    from make_pdf import STYLES, make_pdf

    out = {}
    folder = tmp_path_factory.mktemp("pdfs")
    for seed in SEEDS:
        text = (CORPUS / seed).read_text(encoding="utf-8")
        for style in STYLES:
            path = folder / f"{seed}.{style}.pdf"
            make_pdf(text, str(path), style)
            out[seed, style] = path.read_bytes()
    return out


def _gold_cells(seed: str) -> dict:
    gold = GOLD[seed]
    skip = set(gold.get("ambiguous") or [])
    out = {}
    for key, value in (gold.get("t2") or {}).items():  # the gold's keys as gplint dump's
        key = re.sub(r"\.(decisions|amount)$", "", re.sub(r"^(t2\.)?a\d\.", "", key))
        out[f"t2.{key}"] = value
    for table in ("t3", "t4"):
        for row, cols in (gold.get(table) or {}).items():
            cols = {f"C{i + 1}": v for i, v in enumerate(cols)} if isinstance(cols, list) else cols
            out.update({f"{table}.{row}.{c}": v for c, v in cols.items()})
    return {k: v for k, v in out.items() if k not in skip}


def _read_cells(text: str) -> dict:
    d = report_to_dict(parse(text))
    out = {f"t2.{k}": v for k, v in d["t2"].items()}
    for table in ("t3", "t4"):
        for row, cols in (d[table] or {}).items():
            out.update({f"{table}.{row}.{c}": v for c, v in cols.items()})
    return out


def _findings(text: str) -> list[tuple[str, str]]:
    """Codes and messages (the line numbers a message names are the text's own)."""
    return sorted((d.code, re.sub(r"第 [\d、]+(、[\d]+)* 行", "第 … 行", d.message)) for d in lint_text(text))


@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
@pytest.mark.parametrize("style", ["ruled", "spaced", "paged"])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_gold_cell_of_a_seed_pdf_and_the_texts_findings(made_pdfs, seed, style, backend):
    text = (CORPUS / seed).read_text(encoding="utf-8")
    pdf_text = _backends()[backend](made_pdfs[seed, style], "r.pdf").text
    got = _read_cells(pdf_text)
    want = _gold_cells(seed)
    wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
    assert not wrong, wrong
    assert _findings(pdf_text) == _findings(text)


def test_the_paged_style_breaks_table_3_and_its_furniture_is_left_out(made_pdfs):
    import pypdfium2 as pdfium

    data = made_pdfs[SEEDS[2], "paged"]
    text = _backends()["pdfium"](data, "r.pdf").text
    assert len(pdfium.PdfDocument(data)) == text.count("\f") + 1 > 2
    assert "- 2 -" not in text and "- 3 -" not in text  # the page numbers
    title = (CORPUS / SEEDS[2]).read_text(encoding="utf-8").strip().split("\n")[0].strip()
    lines = [line.strip("\f") for line in text.split("\n")]
    assert lines.count(title[:40]) == 1  # the running header is left out: the title stays
    t3 = text[text.index("三、收到和处理"):text.index("四、")]
    assert "\f" in t3  # the page break falls inside table 三


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_a_blank_cell_reads_blank_in_its_own_cell_in_every_style(layout, tmp_path):
    """A consistent synthetic report with one value of a table row left blank: every style
    and backend reads the same tables as the text does, the blank cell blank (in a table
    set as spaced text only the rows around it, or its header, show where it is)."""
    import random

    import synth
    from make_pdf import STYLES, make_pdf

    sep = "\t" if layout == "tab" else "|"
    for seed in (1, 2, 3):
        rnd = random.Random(seed)
        lines = synth.make_report(seed, layout, 8000)[0].split("\n")
        rows = [i for i, line in enumerate(lines) if sep in line and len(re.findall(r"(?<![\d.])\d+(?![\d.])", line)) >= 7]
        at = rnd.choice(rows)
        parts = lines[at].split(sep)
        parts[rnd.choice([j for j, p in enumerate(parts) if re.fullmatch(r"\s*\d+\s*", p)])] = " " if sep == "|" else ""
        lines[at] = sep.join(parts)
        text = "\n".join(lines)
        want = _read_cells(text)
        assert None in want.values()
        for style in STYLES:
            make_pdf(text, str(tmp_path / "b.pdf"), style)
            for name, read in _backends().items():
                got = _read_cells(read((tmp_path / "b.pdf").read_bytes(), "b.pdf").text)
                assert got == want, (seed, style, name, {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v})


def test_a_blank_cell_nothing_places_is_t190_not_an_arithmetic_error(tmp_path):
    """表四's row of values with a blank cell and no header above it, set as spaced text:
    no glyph, no rule, no row around it shows which cell is blank. The table says it could
    not be read (T190); no identity is checked on values in the wrong cells."""
    import synth
    from make_pdf import make_pdf

    for seed in (1, 2):
        lines = synth.make_report(seed, "pipe", 8000)[0].split("\n")
        at = max(i for i, line in enumerate(lines) if line.count("|") >= 16)  # 表四's values
        parts = lines[at].split("|")
        parts[3] = " "
        lines[at] = "|".join(parts)
        del lines[at - 3:at]  # its header rows
        make_pdf("\n".join(lines), str(tmp_path / "t.pdf"), "spaced")
        for read in _backends().values():
            codes = [d.code for d in lint_text(read((tmp_path / "t.pdf").read_bytes(), "t.pdf").text)]
            assert codes == ["T190"], codes


# --------------------------------------------------------------------------- pieces
def _word(text: str, x: float, y: float, size: float = 10.0) -> list[Glyph]:
    """Glyphs of ``text`` set from (x, y), a square em a character (as CJK fonts are)."""
    out = []
    for ch in text:
        width = size if ord(ch) > 255 else size / 2
        out.append(Glyph(ch, x, y, x + width, y + size))
        x += width
    return out


def _grid(xs: list[float], ys: list[float]) -> list[Rule]:
    return [Rule(xs[0], y, xs[-1], y) for y in ys] + [Rule(x, ys[0], x, ys[-1]) for x in xs]


def test_a_ruled_cell_that_wraps_is_one_field_and_a_blank_cell_an_empty_one():
    # One row: a label wrapped over two lines, a blank cell, a number in the middle.
    glyphs = _word("（二）部分公开", 12, 82) + _word("区分处理的", 12, 70) + _word("7", 212, 76)
    page = Page(glyphs, _grid([10, 110, 210, 240], [60, 95]), 842)
    assert [line.text for line in page_lines(page)] == ["（二）部分公开区分处理的\t\t7"]


def test_a_merged_cell_is_read_once_on_its_first_row():
    rules = [Rule(10, 95, 240, 95), Rule(110, 77, 240, 77), Rule(10, 60, 240, 60),
             Rule(10, 60, 10, 95), Rule(110, 60, 110, 95), Rule(240, 60, 240, 95)]
    glyphs = _word("办理结果", 12, 72) + _word("予以公开", 112, 82) + _word("部分公开", 112, 64)
    assert [line.text for line in page_lines(Page(glyphs, rules, 842))] == ["办理结果\t予以公开", "部分公开"]


def test_a_spaced_table_keeps_its_columns_and_its_blank_cells():
    rows = [("一、新收", ["3", "1", "4"]), ("二、结转", ["2", "0", "2"]), ("（一）予以公开", ["5", "1", None])]
    glyphs = []
    for i, (label, values) in enumerate(rows):
        y = 500 - 20 * i
        glyphs += _word(label, 10, y)
        glyphs += [g for j, v in enumerate(values) if v for g in _word(v, 200 + 40 * j, y)]
    page = page_lines(Page(glyphs, [], 842))
    assert document_text([page]).split("\n") == ["一、新收\t3\t1\t4", "二、结转\t2\t0\t2", "（一）予以公开\t5\t1\t"]


def test_one_row_of_values_takes_its_columns_from_the_header_above_it_across_a_page_break():
    header = _word("维持", 10, 100) + _word("纠正", 60, 100) + _word("总计", 110, 100)
    values = _word("2", 10, 780) + _word("3", 110, 780)  # the next page; 纠正's cell blank
    pages = [page_lines(Page(_word("四、行政复议", 10, 130) + header, [], 842)), page_lines(Page(values, [], 842))]
    assert document_text(pages).split("\n")[-1] == "\f2\t\t3"


def test_a_wrapped_header_of_a_spaced_table_is_one_row():
    glyphs = _word("申请人情", 200, 512) + _word("况", 200, 501) + _word("总", 300, 512) + _word("计", 300, 501)
    glyphs += _word("一、新收", 10, 480) + _word("3", 200, 480) + _word("4", 300, 480)
    text = [line.text for line in page_lines(Page(glyphs, [], 842))]
    assert text == ["申请人情况\t总计", "一、新收\t3\t4"]


def _pages(*pages: list[tuple[str, float]]) -> list[list[PageLine]]:
    return [[PageLine(top, top - 10, text, 10, 10 + 10 * len(text), free=True) for text, top in page]
            for page in pages]


def test_running_headers_and_page_numbers_are_left_out_and_table_rows_are_not():
    pages = _pages([("某局2024年报告", 820), ("正文一", 780), ("- 1 -", 30)],
                   [("某局2024年报告", 820), ("正文二", 780), ("0", 766), ("- 2 -", 30)],
                   [("某局2024年报告", 820), ("0", 780), ("正文三", 766), ("第3页", 30)])
    assert document_text(pages) == "正文一\n\f正文二\n0\n\f0\n正文三"


def test_a_bare_page_number_only_when_it_counts_the_pages():
    counted = _pages([("正文", 780), ("1", 30)], [("正文", 780), ("2", 30)], [("正文", 780), ("3", 30)])
    assert "1" not in document_text(counted)
    cells = _pages([("行政许可", 780), ("0", 766)], [("0", 780), ("0", 766)], [("5", 780), ("7", 766)])
    assert document_text(cells).split() == ["行政许可", "0", "0", "0", "5", "7"]


def test_a_paragraph_wrapped_at_the_right_edge_is_one_line_and_a_heading_is_not_joined():
    line = lambda text, top, right: PageLine(top, top - 10, text, 10, right, free=True)  # noqa: E731
    pages = [[line("全年无政府集中采购、行政处罚、行", 500, 300), line("政事业性收费情况发生。", 486, 150),
              line("第一段到了右边", 460, 300), line("（二）依申请公开", 446, 120)]]
    assert document_text(pages).split("\n") == ["全年无政府集中采购、行政处罚、行政事业性收费情况发生。",
                                                 "第一段到了右边", "（二）依申请公开"]


def test_a_number_cut_by_the_right_edge_is_one_number_and_latin_words_keep_their_blank():
    line = lambda text, top, right: PageLine(top, top - 10, text, 10, right, free=True)  # noqa: E731
    pages = [[line("共收到申请1295件，办结119", 500, 300), line("1件，结转下年度293件。", 486, 150),
              line("档案管理通过了ISO", 460, 300), line("9001认证。", 446, 100)]]
    assert document_text(pages).split("\n") == ["共收到申请1295件，办结1191件，结转下年度293件。",
                                                 "档案管理通过了ISO 9001认证。"]


def test_any_glyphs_and_rules_are_laid_out_without_an_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    coord = st.floats(min_value=-50, max_value=900, allow_nan=False)
    glyph = st.builds(lambda ch, x, y, w, h: Glyph(ch, x, y, x + w, y + h), st.sampled_from("一二三0123 .|-—\t"),
                      coord, coord, st.floats(0, 30), st.floats(0, 30))
    rule = st.builds(lambda x, y, length, across: Rule(x, y, x + length, y) if across else Rule(x, y, x, y + length),
                     coord, coord, st.floats(0, 400), st.booleans())

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(st.lists(glyph, max_size=40), st.lists(rule, max_size=20)), min_size=1, max_size=3))
    def laid_out(pages):
        text = document_text([page_lines(Page(glyphs, rules, 842)) for glyphs, rules in pages])
        assert text.count("\f") == len(pages) - 1

    laid_out()


def test_a_page_cut_into_too_many_bands_is_read_as_lines():
    """A drawing of 200 × 200 rules is no table: its text is read a line at a time, and the
    cell search stays bounded (gplint.pdf_layout.MAX_BANDS)."""
    rules = [Rule(0, i * 4.0, 600, i * 4.0) for i in range(200)] + [Rule(i * 3.0, 0, i * 3.0, 800) for i in range(200)]
    glyphs = _word("图例", 100, 401) + _word("说明", 300, 401)
    assert [line.text for line in page_lines(Page(glyphs, rules, 842))] == ["图例\t说明"]
