"""HTML tables inside a text report (markdown from OCR and PDF-to-markdown tools, text
copied out of a web editor) are read as tables, and findings point into the file.

Before, each such table was one line of tags: three T190 "could not be read" and no cell.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gplint import lint_text
from gplint.embedded_html import tables_as_rows

CORPUS = Path(__file__).parent / "corpus"
MARKDOWN = sorted(CORPUS.glob("*markdown*.txt"))
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def as_html_tables(text: str, one_line: bool) -> str:
    """``text`` with its pipe tables written as HTML tables (one line, or a row a line)."""
    out: list[str] = []
    rows: list[str] = []

    def flush() -> None:
        if rows:
            trs = ["<tr>" + "".join(f"<td>{c.strip()}</td>" for c in r.strip().strip("|").split("|")) + "</tr>"
                   for r in rows if not _RULE.match(r)]
            out.append("<table>" + ("" if one_line else "\n").join(trs) + "</table>")
            rows.clear()

    for line in text.split("\n"):
        if line.strip().startswith("|"):
            rows.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def test_the_corpus_has_markdown_with_tables():
    assert len(MARKDOWN) >= 3 and all("<table>" in as_html_tables(p.read_text(encoding="utf-8"), True) for p in MARKDOWN)


@pytest.mark.parametrize("one_line", [True, False], ids=["table-on-one-line", "row-a-line"])
@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
def test_same_findings_as_the_pipe_tables(path, one_line):
    text = path.read_text(encoding="utf-8")
    html = as_html_tables(text, one_line)
    before = sorted((d.code, d.key, d.message) for d in lint_text(text))
    after = lint_text(html)
    assert sorted((d.code, d.key, d.message) for d in after) == before
    assert not any(d.code == "T190" for d in after) or any(c == "T190" for c, _, _ in before)
    lines = html.split("\n")
    for d in after:  # every finding points at a place of the file
        assert 1 <= d.span.line <= len(lines) and 1 <= d.span.column <= len(lines[d.span.line - 1]) + 1, d


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
def test_same_cells_as_the_pipe_tables(path, tmp_path, capsys):
    from gplint.cli import main

    dumps = []
    text = path.read_text(encoding="utf-8")
    for body in (text, as_html_tables(text, True)):
        f = tmp_path / "r.md"
        f.write_text(body, encoding="utf-8")
        assert main(["dump", str(f)]) == 0
        dumps.append(json.loads(capsys.readouterr().out))
    for table in ("t2", "t3", "t4"):
        assert dumps[1].get(table) == dumps[0].get(table), table


def test_a_row_points_at_its_table_and_the_rest_keeps_its_place():
    text = "前言\n表三：<table><tr><td>a</td><td>1</td></tr>\n<tr><td>b</td><td>2</td></tr></table>之后\n末行"
    read, tables = tables_as_rows(text)
    assert read == "前言\n表三：\na\t1\nb\t2\n之后\n末行"
    assert tables is not None
    assert tables.place(2, 1) == (2, 1)  # 表三： stays where it was
    assert tables.place(3, 3) == tables.place(4, 1) == (2, 4)  # the rows: the <table> tag
    assert tables.place(5, 1) == (3, 38)  # 之后, right after </table>
    assert tables.place(6, 2) == (4, 2)


def test_a_text_without_tables_is_read_as_it_is():
    text = "没有表格 <b>只有</b> 标签 a < b"
    assert tables_as_rows(text) == (text, None)


def test_a_table_never_closed_swallows_nothing():
    # An unclosed <table> used to run to the next table's </table>, and the headings and
    # prose between them were lost (false S102, T101).
    text = "x\n<table><tr><td>a</td></tr>\n二、主动公开政府信息情况\n<table><tr><td>b</td><td>1</td></tr></table>\nz"
    read, _ = tables_as_rows(text)
    assert "二、主动公开政府信息情况" in read.split("\n")


def test_a_table_inside_a_table_is_read_with_it():
    read, tables = tables_as_rows("前言\n<table><tr><td>a<table><tr><td>in</td></tr></table></td><td>1</td></tr></table>y\n末行")
    assert "</table>" not in read and "<td>" not in read
    assert read.split("\n")[0] == "前言" and read.split("\n")[-1] == "末行"


def test_dump_places_rows_and_invisible_characters_together(tmp_path, capsys):
    from gplint.cli import main

    path = next(p for p in MARKDOWN if "stcsm" in p.name)
    text = as_html_tables(path.read_text(encoding="utf-8"), one_line=True)
    sprinkled = text.replace("信息处理费", "信息处\u200b理费")
    f = tmp_path / "r.md"
    for body in (text, sprinkled):
        f.write_text(body, encoding="utf-8")
        assert main(["dump", str(f)]) == 0
        quantities = json.loads(capsys.readouterr().out)["quantities"]
        lines = body.split("\n")
        for q in quantities:  # every count is where the dump places it in the file
            if isinstance(q["value"], int) and q["value"] < 100000:
                assert lines[q["line"] - 1][q["column"] - 1:].startswith(str(q["value"])), q


def test_related_places_in_another_report_are_not_moved():
    from gplint.diagnostics import Diagnostic, Related, placed
    from gplint.model import Span

    d = Diagnostic("X101", "x", "history", "warning", "m", Span(3, 4), related=(
        Related(Span(3, 5), "here"), Related(Span(3, 5), "last year", path="2023.txt")))
    (moved,) = placed([d], lambda s: Span(s.line + 10, s.column))
    assert moved.span.line == 13 and [r.span.line for r in moved.related] == [13, 3]


def _counting(monkeypatch, module, name: str, calls: list) -> None:
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda text: calls.append(name) or real(text))


def test_the_engine_makes_the_text_as_read_once(monkeypatch):
    """The engine makes the text as read (invisible characters out, tables a row a line) and
    the reader parses that text: the two passes over the whole report are not made again."""
    import gplint.engine as engine
    import gplint.reader.report as report

    text = as_html_tables((CORPUS / MARKDOWN[0].name).read_text(encoding="utf-8"), one_line=True)
    text = text.replace("予以公开", "予以\u200b公开")
    calls: list[str] = []
    for module in (engine, report):
        _counting(monkeypatch, module, "tables_as_rows", calls)
    _counting(monkeypatch, report, "without_invisible", calls)
    lint_text(text, path="x.md")
    assert calls.count("tables_as_rows") == 1, calls
    assert "without_invisible" not in calls  # (the engine's own InvisibleMap made that text)


def test_parse_alone_still_reads_the_text_as_the_engine_does():
    """A library caller who hands ``parse`` the file's text gets the report the engine reads."""
    from gplint import parse
    from gplint.dump import report_to_dict
    from gplint.engine import text_as_read
    from gplint.reader import parse_read

    text = as_html_tables((CORPUS / MARKDOWN[0].name).read_text(encoding="utf-8"), one_line=True)
    text = text.replace("予以公开", "予以\u200b公开").replace("\n", "\r\n")
    direct = report_to_dict(parse(text, path="x.md"))
    assert direct == report_to_dict(parse_read(text_as_read(text)[0], path="x.md"))
    assert direct["t3"] is not None
