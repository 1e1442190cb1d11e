"""What is left of a table: its block heading, its header, one row. The table is there and
could not be read (T190), never "missing" (T101) — issue 14 item 5. Before, table 二 reduced
to a 第二十条第（一）项 line and table 三 reduced to any row but its first (or to
三、本年度办理结果) drew T101.
"""
from __future__ import annotations

import pathlib

import pytest

from gplint import lint_text

TEXTS = pathlib.Path(__file__).parent / "texts"
SECTIONS = {"t2": ("二、主动公开政府信息情况", "三、收到和处理"), "t3": ("三、收到和处理", "四、政府信息公开行政复议"),
            "t4": ("四、政府信息公开行政复议", "五、存在的主要问题")}


def _parts(family: str, table: str) -> tuple[list[str], list[str], list[str]]:
    """The text's lines up to the table's section heading, the table's lines, the rest."""
    lines = (TEXTS / family).read_text(encoding="utf-8").split("\n")
    first, stop = SECTIONS[table]
    i = next(k for k, line in enumerate(lines) if line.startswith(first))
    j = next(k for k, line in enumerate(lines) if line.startswith(stop))
    return lines[:i + 1], lines[i + 1:j], lines[j:]


def _cases() -> list:
    out = []
    for family in ("tabs.txt", "spaces.txt", "pipe.txt"):
        for table in SECTIONS:
            _, body, _ = _parts(family, table)
            out += [pytest.param(family, table, k, id=f"{family}-{table}-{line[:12]}")
                    for k, line in enumerate(body) if line.strip() and not set(line) <= set("|-: ")]
    return out


@pytest.mark.parametrize(("family", "table", "kept"), _cases())
def test_one_line_of_a_table_is_the_table_found(family, table, kept):
    head, body, tail = _parts(family, table)
    text = "\n".join(head + [body[kept]] + tail)
    codes = [d.code for d in lint_text(text, path="r.txt")]
    assert "T101" not in codes


@pytest.mark.parametrize("prose", ["本年度共收到政府信息公开申请713件，均已按时答复。",
                                   "其中予以公开 290 件，部分公开 99 件。"])
def test_a_section_with_prose_only_still_misses_its_table(prose):
    head, _, tail = _parts("tabs.txt", "t3")
    codes = [d.code for d in lint_text("\n".join(head + [prose] + tail), path="r.txt")]
    assert "T101" in codes
