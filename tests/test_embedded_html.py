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
