"""The inputs of bench/unseen.py: the visible corpus reports' figures in layouts the tests do
not cover, as real sites and offices produce them.

Each report of ``corpus/cells.json`` in the 2021 format (the hand reading is the truth; its
real defects are kept) is written out as a whole report — title, preface, the six sections,
prose that agrees with the tables, the three tables — in every variant of ``VARIANTS``, plus
once in ``BASELINE`` (tab rows, a layout gplint reads exactly), whose findings are what the
figures themselves draw. Deterministic: the same files every run, no network.

A report that prints （六）其他处理 as one row (``t3_groups`` G6) is written with its 2021
sub-rows, the group's counts in 1.申请人无正当理由… and zeros in the other two.

    .venv/bin/python bench/unseen_inputs.py OUTDIR     # writes OUTDIR/<variant>/<report>.{txt,html,pdf}
"""
from __future__ import annotations

import copy
import html
import json
import random
import re
import sys
import unicodedata
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "layouts"))

from strategies import (_HEADINGS, _T2_BLOCKS, _T2_BLOCKS_2019, CAPTION, T3_COL_LABELS,  # noqa: E402
                        T4_COL_LABELS, ReportData, _prose, _t3_paths)

from gplint.model import T2_KEYS, T3_COLS, T3_ROWS, T4_BLOCKS, T4_COLS  # noqa: E402
from unseen_extractors import EXTRACTED_VARIANTS, extracted_text  # noqa: E402

CORPUS = Path("/work/shared/corpus")
#: Fragments (not whole reports) are not rendered.
SKIP = ("govnianbao_huaian-city-2024_section3-fragment.txt",)
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def load_reports(cells_json: Path = CORPUS / "cells.json") -> dict[str, ReportData]:
    """Every 2021-format report of cells.json as :class:`ReportData`, values as read by hand."""
    out = {}
    for name, c in json.loads(cells_json.read_text(encoding="utf-8")).items():
        if name in SKIP or set(c["t2"]) != set(T2_KEYS):
            continue
        t3 = {r: tuple(c["t3"][r][k] for k in T3_COLS) for r in T3_ROWS}
        g6 = (c.get("t3_groups") or {}).get("G6")
        if g6 and all(v is None for r in ("R21", "R22", "R23") for v in t3[r]):
            t3["R21"] = tuple(g6[k] for k in T3_COLS)
            t3["R22"] = t3["R23"] = (0,) * 7
        t4 = {(b, k): c["t4"][b][k] for b in T4_BLOCKS for k in T4_COLS}
        short = name.replace("crawled/", "crawled-").rsplit(".", 1)[0]
        out[short] = ReportData(c["year"], "某市某某局", dict(c["t2"]), t3, t4)
    return out


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else str(v)
    return str(v)


# --------------------------------------------------------------------------- label forms
_CN = "一二三四五六七八九十"


def _plain(label: str) -> str:
    """Without its numbering: （一）予以公开 -> 予以公开, 1.属于国家秘密 -> 属于国家秘密."""
    return re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", "", label)


def _dun(label: str) -> str:
    """（一）予以公开 -> 一、予以公开 and 1.属于国家秘密 -> 1、属于国家秘密 (a 、 numbering)."""
    label = re.sub(r"^（([一二三四五六七八九十]+)）", r"\1、", label)
    return re.sub(r"^(\d+)\.", r"\1、", label)


#: Slightly different wordings offices use (each seen in some real report or template copy).
_REWORDED = {
    "一、本年新收政府信息公开申请数量": "一、本年新收政府信息公开申请",
    "二、上年结转政府信息公开申请数量": "二、上年结转政府信息公开申请",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开",
    "2.其他法律行政法规禁止公开": "2.其他法律、行政法规禁止公开",
    "3.危及“三安全一稳定”": "3.危及\"三安全一稳定\"",
    "5.属于三类内部事务信息": "5.属于三类内部事务",
    "6.属于四类过程性信息": "6.属于四类过程信息",
    "1.本机关不掌握相关政府信息": "1.本机关不掌握相关信息",
    "2.没有现成信息需要另行制作": "2.没有现成信息，需要另行制作",
    "5.要求行政机关确认或重新出具已获取信息": "5.要求确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请":
        "1.申请人无正当理由逾期不补正，行政机关不再处理其申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请":
        "2.申请人逾期未缴纳费用，行政机关不再处理其申请",
    "四、结转下年度继续办理": "四、结转下年度继续办理数量",
}


@dataclass(frozen=True)
class Style:
    """How a text variant writes the tables (one row a line)."""

    sep: str = "\t"
    label: Callable[[str], str] = lambda s: s
    group: Callable[[str], str] = lambda s: s
    value: Optional[Callable[[object, str], str]] = None  # (value, cell key) -> text
    digits_fullwidth: bool = False
    t3_header_lines: int = 1      # 1, 2 or 3 lines for table 三's header
    t3_columns: tuple = T3_COL_LABELS  # the column words table 三's header prints
    t3_order: tuple = tuple(range(7))
    t4_two_blocks: bool = False
    numbered_rows: bool = False   # a 序号 column; the row labels missing
    numbered_labelled: bool = False  # a 序号 column before the labels, every line numbered
    merged_cells: bool = False    # Word paste: a merged group label leaves empty cells
    repeat_groups: bool = False   # with merged_cells: the group labels repeated on every row
    t4_rows: bool = False         # table 四 as three rows (复议, 直接起诉, 复议后起诉) of five
    page_break_before: str = ""   # a page footer and table 三's header again before this row
    blank_between: bool = False   # an empty line after every table line (double-spaced paste)
    heading: Callable[[str], str] = lambda s: s  # how the six section headings are written
    row_form: str = "row"         # "row"; "label-above": label, then its values on the next
                                  # line; "values-first": the values, then the label;
                                  # "colon": 「label：v v v」 (tables 二 and 三)
    t3_parts: tuple = ()          # table 三 as stacked sub-tables, each these columns (full labels)
    t3_part_labels: str = "full"  # the later parts' row labels: "full", "numbering" (（一）, 1. …), "none"
    t3_part_between: tuple = ()   # lines printed between the parts (a blank line, a footer, 续表)
    header_before: tuple = ()     # table 三's header printed again before these rows
    header_word_lines: bool = False  # table 三's header one column word a line (PDF text)
    t2_two_years: bool = False    # table 二's one-value blocks with 上年 and 本年 columns
    prose: Optional[Callable[[ReportData], str]] = None  # section 一's text in other words
    t2_one_value_at: int = 0      # a one-value row's cell in this of three columns (a merged cell
                                  # a table extractor put in the middle: 1)
    t2_label: Callable[[str], str] = lambda s: s  # how table 二's row labels are written
    t2_block_heads: str = "line"  # table 二's 第二十条第（X）项: "line" of its own, "header" in the header
                                  # row's first cell (for 信息内容), "none" left out
    one_line: bool = False        # the whole body on one line after a crawler's header (a saved page)
    t4_form: str = ""             # "transposed": a line a result (结果维持 …) with the three blocks'
                                  # values; "kv": a line a cell (结果维持：3) under each block's name
    # Third round (the rows are written with ``sep`` and then framed):
    frame: str = ""               # "box": ┌─┬─┐ │ ├─┼─┤ └─┴─┘ (a text export); "grid": +----+ rules and
                                  # | bars; "md-align": | a | b | with a |:---|---:| row under each
                                  # table's first line; "csv": comma-separated, labels quoted;
                                  # "csv-minimal": quoted only where a comma or quote needs it;
                                  # "csv-every": every field quoted, numbers too
    t3_subtotal: bool = False     # a 小计 column after the five legal-person columns (8 value columns)
    subtotal_word: str = "小计"   # how that column's header names it
    t2_extra_rows: bool = False   # table 二 with rows agencies add (地方性法规, 其他规范性文件)
    t2_swapped: bool = False      # table 二's two-row blocks in the other order (行政规范性文件 first)
    table_captions: bool = False  # a caption line, 单位：件 above each table, a 注： line under it
    section_prose: Optional[Callable[[ReportData], tuple[str, str, str]]] = None  # prose before tables 二, 三, 四
    title: Optional[Callable[[ReportData], str]] = None  # the report's title in other words
    t4_columns: tuple = T4_COL_LABELS  # the column words table 四's header prints
    t2_columns: Optional[dict] = None  # table 二's column words in other words (format word -> printed)
    toc: bool = False             # a table of contents (目录, the six headings with page numbers) first
    appendix: bool = False        # an appendix after the signature (附件 with a table of its own figures)
    # Fourth round: ``frame`` also "pipes" (| a | b |, no alignment row), "pdf-layout" (pdftotext
    # -layout: columns by runs of spaces, labels and header cells wrapped, a page break in table
    # 三), "pad-tabs" (every row padded with trailing tabs to the table's width).
    fmt2019: bool = False         # the 2019 试行 format's table 二 and （六）其他处理 as one row (``as_2019``)
    header_breaks: Optional[dict] = None  # header word -> the text printed (a line break inside a cell)
    # Lead's round (2026-12-07): with ``one_line``, what the page's lines were joined with,
    # each line kept whole (its tabs, a trailing empty cell's among them); None: blanks,
    # each line stripped.
    one_line_join: Optional[str] = None
    # Fifth round:
    tables: Optional[Callable[[ReportData], tuple]] = None  # the three tables' lines as a tool writes
                                  # them (replacing the rows above: markdown from a PDF converter)
    post: Optional[Callable[[str], str]] = None  # the whole text as a crawler or an export left it
    preface: Optional[Callable[[ReportData], str]] = None  # the preface in other words
    t3_form: str = ""             # "columns": table 三 column by column (all labels, then each
                                  # column's word and its values one a line)
    remarks: bool = False         # a 备注 column closing tables 二 and 三, text in some rows
    t4_total_row: bool = False    # with t4_rows: a 合计 row under the three (their sums)


def _zero_word(v, key: str) -> str:
    """Zeros written as — / 无 (the choice fixed by the cell)."""
    if v == 0:
        return ("—", "/", "无", "－")[zlib.crc32(key.encode()) % 4]
    return _fmt(v)


def _ocr(v, key: str) -> str:
    """OCR slips: some 0 read as the letter O, some 1 as l, in the cells of tables 三 and 四."""
    h = zlib.crc32(key.encode()) % 6
    if key.startswith(("t3.", "t4.")) and v == 0 and h == 0:
        return "O"
    if key.startswith(("t3.", "t4.")) and v == 1 and h < 3:
        return "l"
    return _fmt(v)


def _t2_units(v, key: str) -> str:
    """Table 二's cells with their units (件, 万元), the others plain."""
    if key.startswith("t2.") and v is not None:
        return _fmt(v) + ("万元" if key == "t2.fees" else "件")
    return _fmt(v)


def _cell(st: Style, v, key: str) -> str:
    text = st.value(v, key) if st.value else _fmt(v)
    return text.translate(_FULL_DIGITS) if st.digits_fullwidth else text


def _t3_header(st: Style) -> list[str]:
    sep, cols = st.sep, [st.t3_columns[c] for c in st.t3_order]
    cols = [(st.header_breaks or {}).get(c, c) for c in cols]
    if st.t3_subtotal:
        cols = cols[:6] + [st.subtotal_word] + cols[6:]
    cols = cols + ["备注"] * st.remarks
    cap = (st.header_breaks or {}).get(CAPTION, CAPTION)
    lead = ["序号"] if st.numbered_rows or st.numbered_labelled else []
    if st.header_word_lines:
        return [cap, "申请人情况"] + cols
    if st.t3_header_lines == 1:
        return [sep.join(lead + [cap] + cols)]
    if st.t3_header_lines == 2:
        return [sep.join(lead + [cap, "申请人情况"]), sep.join(cols)]
    # Three header rows as Word pastes a merged header: 申请人情况 / 自然人 法人或其他组织 总计 / the five.
    return [sep.join(lead + [cap, "申请人情况"] + ["备注"] * st.remarks), sep.join(lead + ["", "自然人", "法人或其他组织", "总计"]),
            sep.join(lead + [""] + list(T3_COL_LABELS[1:6]) + ([st.subtotal_word] if st.t3_subtotal else []))]


def _t3_rows(st: Style, d: ReportData) -> list[str]:
    out = []
    printed: set[str] = set()
    if st.numbered_labelled:
        return [st.sep.join([str(n), line]) for n, line in enumerate(_t3_rows(replace(st, numbered_labelled=False), d), 1)]
    for n, (key, g1, g2, label) in enumerate(_t3_paths(), 1):
        if st.fmt2019 and key in ("R21", "R22", "R23"):
            if key != "R21":
                continue
            key, g2, label = "G6", "", "（六）其他处理"
        row = d.g6 if key == "G6" else d.t3[key]
        values = [_cell(st, row[c], f"t3.{key}.{T3_COLS[c]}") for c in st.t3_order]
        if st.t3_subtotal:
            legal = row[1:6]
            values.insert(6, _cell(st, None if None in legal else sum(legal), "t3.subtotal"))
        if st.remarks:
            values.append(_remark(f"t3.{key}"))
        if st.numbered_rows:
            out.append(st.sep.join([str(n), ""] + values))
            continue
        heads = []
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                if st.merged_cells:
                    heads.append(st.group(g))
                else:
                    out.append(st.group(g))
            elif g and st.merged_cells:
                heads.append(st.group(g) if st.repeat_groups else "")
        if st.merged_cells:
            heads += [""] * (2 - len(heads))
        if key == st.page_break_before:
            out += ["", "第 3 页 共 8 页", ""] + _t3_header(st)
        if key in st.header_before:
            out += _t3_header(st)
        if st.row_form == "colon":
            out.append(st.label(label) + "：" + st.sep.join(values))
        elif st.row_form == "label-above":
            out += [st.sep.join(heads + [st.label(label)]), st.sep.join(values)]
        elif st.row_form == "values-first":
            out.append(st.sep.join(values + heads + [st.label(label)]))
        else:
            out.append(st.sep.join(heads + [st.label(label)] + values))
    return out


def _t4_lines(st: Style, d: ReportData) -> list[str]:
    vals = [_cell(st, d.t4[(b, c)], f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLS]
    sep = st.sep
    names = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
    if st.t4_form == "transposed":
        return [sep.join(["", *names])] + [sep.join([w] + vals[c::5]) for c, w in enumerate(T4_COL_LABELS)]
    if st.t4_form == "kv":
        return [x for i, n in enumerate(names)
                for x in [n] + [f"{w}：{v}" for w, v in zip(T4_COL_LABELS, vals[5 * i:5 * i + 5])]]
    if st.t4_form == "two-tables":
        return ["行政复议情况", sep.join(T4_COL_LABELS), sep.join(vals[:5]), "", "行政诉讼情况",
                sep.join(["起诉方式"] + list(T4_COL_LABELS)),
                sep.join(["未经复议直接起诉"] + vals[5:10]), sep.join(["复议后起诉"] + vals[10:])]
    if st.t4_rows:
        names = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
        total = [_t4_column_sum(d, c) for c in T4_COLS]
        return [sep.join([""] + list(T4_COL_LABELS))] + [sep.join([n] + vals[5 * i:5 * i + 5])
                                                          for i, n in enumerate(names)] + \
            ([sep.join(["合计"] + [_cell(st, v, "t4.sum") for v in total])] if st.t4_total_row else [])
    if st.t4_two_blocks:
        return ["行政复议", sep.join(T4_COL_LABELS), sep.join(vals[:5]),
                "行政诉讼", sep.join(["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"]),
                sep.join(T4_COL_LABELS * 2), sep.join(vals[5:])]
    return [sep.join(["行政复议"] + [""] * 4 + ["行政诉讼"]),
            sep.join([""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"]),
            sep.join(tuple(st.t4_columns) * 3), sep.join(vals)]


def _spaced(st: Style, lines: list[str]) -> list[str]:
    return [x for line in lines for x in (line, "")] if st.blank_between else lines


def _t2_block_lines(d: ReportData, st: Style) -> list[list[str]]:
    """Table 二's lines, a list a block (each its own table in a framed variant)."""
    out = []
    for head, cols, rows in (_T2_BLOCKS_2019 if st.fmt2019 else _T2_BLOCKS):
        lines = []
        two_years = st.t2_two_years and len(cols) == 1
        cols = tuple((st.t2_columns or {}).get(c, c) for c in cols)
        cols = tuple((st.header_breaks or {}).get(c, c) for c in cols)
        words = ("上年" + cols[0][2:], cols[0]) if two_years else cols
        words = words + ("备注",) * st.remarks
        if st.t2_block_heads == "header":
            lines.append(st.sep.join((head,) + words))
        else:
            lines += ([head] if st.t2_block_heads == "line" else []) + [st.sep.join(("信息内容",) + words)]
        rows = _t2_rows_as_printed(st, rows)
        for label, keys in rows:
            values = [_t2_cell(st, d, k) for k in keys]
            if st.t2_one_value_at and len(keys) == 1:
                values = [""] * st.t2_one_value_at + values + [""] * (2 - st.t2_one_value_at)
            if two_years:
                values = [_cell(st, _last_year(d.t2[keys[0]], keys[0]), "t2.last")] + values
            if st.remarks:
                values = values + [""] * (len(cols) - len(values)) + [_remark("t2." + keys[0])]
            label = st.t2_label(label)
            lines.append(label + "：" + st.sep.join(values) if st.row_form == "colon"
                         else st.sep.join([label] + values))
        out.append(lines)
    return out


def render_text(d: ReportData, st: Style) -> str:
    p = _prose(d)
    if st.title:
        p["title"] = st.title(d)
    h = [st.heading(x) for x in _HEADINGS]
    toc = ["目录"] + [f"{x}{'.' * 12}{n + 1}" for n, x in enumerate(h)] + [""] if st.toc else []
    if st.preface:
        p["preface"] = st.preface(d)
    lines = [p["title"], "", *toc, p["preface"], "", h[0], "", st.prose(d) if st.prose else p["S1"], "", h[1]]
    if st.tables:
        t2, t3, t4 = st.tables(d)
        lines += t2 + [h[2]] + t3 + [h[3]] + t4 + ["", h[4], "", p["S5"], "", h[5], "", p["S6"], "", p["sign"], ""]
        return _posted(st, "\n".join(lines))
    before = st.section_prose(d) if st.section_prose else ("", "", "")
    t2 = [x for block in _t2_block_lines(d, st) for x in _framed(st, block)]
    lines += ([before[0]] if before[0] else []) + _captioned(st, 0, d, t2)
    lines += [h[2]] + ([before[1]] if before[1] else [])
    t3 = []
    for i, part in enumerate(st.t3_parts or (st.t3_order,)):
        sub = replace(st, t3_order=part)
        rows = _t3_rows(sub, d) if not i else _later_part_rows(_t3_rows(sub, d), st.sep, st.t3_part_labels)
        t3 += (list(st.t3_part_between) if i else []) + _spaced(st, _framed(st, _t3_header(sub) + rows))
    lines += _captioned(st, 1, d, t3)
    lines += [h[3]] + ([before[2]] if before[2] else [])
    lines += _captioned(st, 2, d, _spaced(st, _framed(st, _t4_lines(st, d))))
    lines += ["", h[4], "", p["S5"], "", h[5], "", p["S6"], "", p["sign"], ""]
    if st.t3_form in ("columns", "columns-skip"):
        lines[lines.index(h[2]) + 1:lines.index(h[3])] = _t3_column_major(st, d)
    if st.appendix:
        lines += _appendix(d, st.sep)
    if st.one_line:
        body = (" ".join(x.strip() for x in lines[1:] if x.strip()) if st.one_line_join is None
                else st.one_line_join.join(x for x in lines[1:] if x.strip()))
        return "\n".join([p["title"], "发布时间：2025-01-20 来源：本机关 浏览次数：128", body, ""])
    return _posted(st, "\n".join(lines))


def _posted(st: Style, text: str) -> str:
    return st.post(text) if st.post else text


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


def _later_part_rows(lines: list[str], sep: str, labels: str) -> list[str]:
    """A later part of table 三 printed in column groups: its rows with the full labels,
    only their numbering ("numbering"), or the values alone and no group lines ("none")."""
    if labels == "full":
        return lines
    out = []
    for line in lines:
        label, cut, values = line.partition(sep)
        if labels == "none":
            out += [values] if cut else []
        else:
            m = _NUMBERING.match(label)
            out.append((m.group(0) if m else "") + cut + values)
    return out


def _last_year(v, key: str):
    """A made-up figure for the year before, fixed by the cell (never the same as this year's)."""
    if v is None:
        return 3
    step = 1 + zlib.crc32(key.encode()) % 5
    return round(v + step * 1.5, 1) if isinstance(v, float) else v + step


def _own_line_numbering(label: str) -> str:
    """（一）予以公开 -> （一） / 予以公开: the numbering on a line of its own (a PDF cell whose
    text wrapped right after its number)."""
    m = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", label)
    return label if not m else m.group(0) + "\n" + label[m.end():]


def _letterspaced(label: str) -> str:
    """A short label's characters set apart by blanks, as justified PDF cells print them:
    予以公开 -> 予 以 公 开 (the numbering kept)."""
    m = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)?", label)
    body = label[m.end():]
    return label if len(body) > 6 else m.group(0) + " ".join(body)


def _fullwidth_thousands(v, key: str) -> str:
    """Full-width digits with full-width separators and points: １，２３４ and １２．５."""
    text = f"{v:,}" if isinstance(v, (int, float)) and v >= 1000 else _fmt(v)
    return text.replace(",", "，").replace(".", "．").translate(_FULL_DIGITS)


def _ocr_s_b(v, key: str) -> str:
    """OCR slips in tables 三 and 四: some 5 read as S, some 8 as B (and 0 as O in one cell
    of six)."""
    text, h = _fmt(v), zlib.crc32(key.encode()) % 6
    if not key.startswith(("t3.", "t4.")):
        return text
    if h < 3:
        text = text.replace("5", "S").replace("8", "B")
    return "O" if text == "0" and h == 3 else text


def _t4_mixed_marks(v, key: str) -> str:
    """Table 四's zeros as N/A, /, —— or a blank cell (the choice fixed by the cell)."""
    if key.startswith("t4.") and v == 0:
        return ("N/A", "/", "——", "")[zlib.crc32(key.encode()) % 4]
    return _fmt(v)


def _two_sentence_prose(d: ReportData) -> str:
    """Section 一 told in two sentences: 共受理 the new and carried-over together, then
    其中 each part, then what was done with them (the figures of the tables)."""
    t3 = {r: d.t3[r][6] for r in ("R01", "R02", "R03", "R04", "R24", "R25")}
    parts = [f"{d.year}年，本机关坚持以公开为常态，依法办理政府信息公开申请。"]
    if t3["R01"] is not None and t3["R02"] is not None:
        parts.append(f"全年共受理政府信息公开申请{t3['R01'] + t3['R02']}件。其中，本年新收{t3['R01']}件，"
                     f"上年结转{t3['R02']}件。")
    if None not in (t3["R24"], t3["R03"], t3["R04"]):
        parts.append(f"已办结{t3['R24']}件，其中予以公开{t3['R03']}件，部分公开{t3['R04']}件。")
    if t3["R25"] is not None:
        parts.append(f"截至年底，尚有{t3['R25']}件结转下年度继续办理。")
    return "".join(parts)


# --------------------------------------------------------------------------- third round
#: Rows some agencies add to table 二's blocks (not in the format: the reader must leave them).
_T2_EXTRA_ROWS = {"第二十条第（一）项": (("地方性法规", ("extra.local.issued", "extra.local.repealed", "extra.local.in_force")),
                                     "before"),
                  "第二十条第（六）项": (("其他行政管理事项", ("extra.other_admin",)), "after")}
_T2_EXTRA_AFTER_NORM = ("其他规范性文件", ("extra.other_norm.issued", "extra.other_norm.repealed",
                                         "extra.other_norm.in_force"))


def _t2_rows_as_printed(st: Style, rows: tuple) -> list:
    rows = list(rows)
    if st.t2_swapped and len(rows) == 2:
        rows.reverse()
    if st.t2_extra_rows:
        labels = [label for label, _keys in rows]
        if "规章" in labels:
            rows.insert(0, _T2_EXTRA_ROWS["第二十条第（一）项"][0])
            rows.append(_T2_EXTRA_AFTER_NORM)
        elif "行政强制" in labels:
            rows.append(_T2_EXTRA_ROWS["第二十条第（六）项"][0])
    return rows


def _t2_cell(st: Style, d: ReportData, key: str) -> str:
    """A table 二 cell; the made-up rows' figures fixed by the key."""
    if key.startswith("extra."):
        return _cell(st, zlib.crc32(key.encode()) % 40, "t2." + key)
    if key.endswith(".change") and d.t2[key] is not None and d.t2[key] > 0:
        return "+" + _cell(st, d.t2[key], f"t2.{key}")  # the 2019 本年增/减 is signed
    return _cell(st, d.t2[key], f"t2.{key}")


def _width(text: str) -> int:
    """Display columns of a text (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _framed(st: Style, lines: list[str]) -> list[str]:
    """One table's lines (cells cut by ``st.sep``) in the frame of ``st.frame``."""
    if not st.frame or not lines:
        return lines
    if st.frame in ("pdf-layout", "pdf-layout-pages"):
        return _pdf_layout(lines, st.frame == "pdf-layout-pages")
    if st.frame == "pdf-layout-merged":
        return _pdf_layout_merged(lines)
    rows = [line.split(st.sep) for line in lines]
    if st.frame == "pipes":
        return ["| " + " | ".join(r) + " |" for r in rows]
    if st.frame == "pad-tabs":
        n = max(len(r) for r in rows)
        return [st.sep.join(r + [""] * (n - len(r))) for r in rows]
    if st.frame in ("csv", "csv-minimal", "csv-every"):
        def quoted(c: str) -> str:
            if st.frame == "csv-every" and c:
                return '"' + c.replace('"', '""') + '"'
            if re.fullmatch(r"[0-9.]*", c) or (st.frame == "csv-minimal" and not re.search('[",]', c)):
                return c
            return '"' + c.replace('"', '""') + '"'
        n = max(len(r) for r in rows)
        return [",".join(quoted(c) for c in row + [""] * (n - len(row))) for row in rows]
    if st.frame == "md-align":
        n = max(len(r) for r in rows)
        out = ["| " + " | ".join(r) + " |" for r in rows]
        return out[:1] + ["|:---|" + "---:|" * (n - 1)] + out[1:]
    widths = [max(_width(r[i]) for r in rows if len(r) > i) for i in range(max(len(r) for r in rows))]

    def padded(row: list[str]) -> list[str]:
        return [c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)]

    if st.frame == "grid":
        def rule(n: int) -> str:
            return "+" + "+".join("-" * (w + 2) for w in widths[:n]) + "+"
        out = [rule(len(rows[0]))]
        for i, row in enumerate(rows):
            out += ["| " + " | ".join(padded(row)) + " |",
                    rule(max(len(row), len(rows[i + 1]) if i + 1 < len(rows) else 0))]
        return out

    def box_rule(n: int, left: str, mid: str, right: str) -> str:
        return left + mid.join("─" * w for w in widths[:n]) + right
    out = [box_rule(len(rows[0]), "┌", "┬", "┐")]
    for i, row in enumerate(rows):
        out.append("│" + "│".join(padded(row)) + "│")
        if i + 1 < len(rows):
            out.append(box_rule(max(len(row), len(rows[i + 1])), "├", "┼", "┤"))
    return out + [box_rule(len(rows[-1]), "└", "┴", "┘")]


_CAPTIONS = ("主动公开政府信息情况表", "收到和处理政府信息公开申请情况表", "政府信息公开行政复议、行政诉讼情况表")
_NOTES = ("注：本表数据统计期限为{y}年1月1日至{y}年12月31日。", "注：“总计”列为前六列之和。",
          "注：行政复议、行政诉讼数量含上年度结转数量。")


def _captioned(st: Style, n: int, d: ReportData, lines: list[str]) -> list[str]:
    """Table ``n``'s lines under a caption and a 单位 line, with a note under them."""
    if not st.table_captions:
        return lines
    return [_CAPTIONS[n], "单位：件" if n else "单位：件、万元"] + lines + [_NOTES[n].format(y=d.year)]


def _total(d: ReportData, rows: tuple[str, ...], col: int = 6):
    values = [d.t3[r][col] for r in rows]
    return None if None in values else sum(values)


def _prose_detailed(d: ReportData) -> str:
    """Section 一 as fuller reports tell it (all figures agree with the tables): the year
    before compared, the channels of the new requests, the applicants, each outcome group's
    count, table 四's results."""
    r01, r02, r24, r25 = (d.t3[r][6] for r in ("R01", "R02", "R24", "R25"))
    parts = [f"{d.year}年，本机关依法办理政府信息公开申请。"]
    if r01 is not None:
        step = 1 + r01 % 7
        parts.append(f"全年共收到政府信息公开申请{r01}件，较上年增加{step}件，同比增长{round(100 * step / (r01 + 1))}%。")
        online = r01 // 2
        parts.append(f"其中，网络申请{online}件，信函申请{r01 - online}件，当面申请0件。")
    natural = d.t3["R01"][0]
    five = [d.t3["R01"][c] for c in range(1, 6)]
    if natural is not None and None not in five:
        parts.append(f"从申请主体看，自然人申请{natural}件，法人或其他组织申请{sum(five)}件。")
    groups = (("予以公开", ("R03",)), ("部分公开", ("R04",)), ("不予公开", tuple(f"R{i:02d}" for i in range(5, 13))),
              ("无法提供", ("R13", "R14", "R15")), ("不予处理", tuple(f"R{i:02d}" for i in range(16, 21))),
              ("其他处理", ("R21", "R22", "R23")))
    said = [f"{w}{_total(d, rows)}件" for w, rows in groups if _total(d, rows) is not None]
    if r24 is not None and len(said) == len(groups) and sum(_total(d, rows) for _w, rows in groups) == r24:
        parts.append(f"办结的{r24}件中，" + "，".join(said) + "。")
    if r02 is not None and r25 is not None:
        parts.append(f"上年结转{r02}件，结转下年度继续办理{r25}件。")
    review = [d.t4[("review", c)] for c in ("total", "upheld", "corrected", "other", "pending")]
    if None not in review and sum(review[1:]) == review[0]:
        parts.append(f"全年发生行政复议{review[0]}件，其中结果维持{review[1]}件，结果纠正{review[2]}件。")
    direct, after = d.t4[("direct", "total")], d.t4[("after_review", "total")]
    if None not in (direct, after):
        parts.append(f"行政诉讼{direct + after}件，其中未经复议直接起诉{direct}件，复议后起诉{after}件。")
    return "".join(parts)


def _section_prose(d: ReportData) -> tuple[str, str, str]:
    """What fuller reports write before tables 二, 三 and 四 (agreeing with them): documents
    made and in force, decisions, fees; the requests' handling rates and the year before;
    the cases and their outcomes."""
    t2, y = d.t2, d.year
    s2 = [f"{y}年，本机关通过政府网站主动公开政府信息1,286条，其中机构职能类56条，政策文件类230条。"]
    if None not in (t2["norm.issued"], t2["norm.repealed"], t2["norm.in_force"]):
        s2.append(f"全年制发行政规范性文件{t2['norm.issued']}件，废止{t2['norm.repealed']}件，"
                  f"现行有效{t2['norm.in_force']}件。")
    if None not in (t2["licensing"], t2["penalty"]):
        s2.append(f"公开行政许可决定{t2['licensing']}件、行政处罚决定{t2['penalty']}件。")
    if t2["fees"] is not None:
        s2.append(f"全年行政事业性收费{_fmt(t2['fees'])}万元。")
    r01, r24 = d.t3["R01"][6], d.t3["R24"][6]
    s3 = "本年度按时答复率100%，与2023年持平；"
    s3 += (f"新收申请{r01}件，比上年度多2件。" if r01 is not None else "申请量与上年度相当。")
    if r24 is not None:
        s3 += f"全部{r24}件均在法定期限内答复。" if d.t3["R25"][6] == 0 else ""
    review, upheld = d.t4[("review", "total")], d.t4[("review", "upheld")]
    s4 = "本机关高度重视行政复议、行政诉讼工作，全年开展行政应诉培训2次，参训人员48人次。"
    if None not in (review, upheld):
        s4 += f"{y}年发生的{review}件行政复议中，{upheld}件结果维持。"
    return "".join(s2), s3, s4


def _appendix(d: ReportData, sep: str) -> list[str]:
    """An appendix some offices add after the signature: their own statistics, in a table
    with counts and a total column (none of the format's tables)."""
    months = [(3 * q + 1, 3 * q + 3) for q in range(4)]
    r01 = d.t3["R01"][6] or 0
    per = [r01 // 4 + (1 if q < r01 % 4 else 0) for q in range(4)]
    rows = [sep.join(["季度", "网络申请", "信函申请", "当面申请", "合计"])]
    rows += [sep.join([f"{a}-{b}月", str(n - n // 3), str(n // 3), "0", str(n)]) for (a, b), n in zip(months, per)]
    return ["附件：", "政府信息公开申请分季度受理情况统计表", *rows, "", "附件2：政府信息公开工作培训情况",
            sep.join(["培训名称", "场次", "人次"]), sep.join(["业务培训", "2", "48"]), ""]


def _numbering_cell(label: str) -> str:
    """（一）予以公开 -> （一）<tab>予以公开: the numbering in a column of its own."""
    m = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", label)
    return label if not m else m.group(0) + "\t" + label[m.end():]


def _units_everywhere(v, key: str) -> str:
    """Every cell with its unit: 3件 (0件 for a zero), 12.5万元 for the fees; blanks stay blank."""
    if v is None:
        return ""
    return _fmt(v) + ("万元" if key == "t2.fees" else "件")


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_numeral(n: int) -> str:
    """23 -> 二十三, 105 -> 一百零五, 10 -> 十, 2300 -> 二千三百 (as prose writes counts)."""
    if n == 0:
        return "零"
    if n >= 10000:
        return _chinese_numeral(n // 10000) + "万" + ("零" if 0 < n % 10000 < 1000 else "") + \
            (_chinese_numeral(n % 10000) if n % 10000 else "")
    out, zero = "", False
    for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        q = n // div % 10
        if q:
            out += ("零" if zero and out else "") + ("" if (unit == "十" and q == 1 and not out) else _CN_DIGITS[q]) + unit
            zero = False
        elif out:
            zero = True
    return out


def _prose_cn_numerals(d: ReportData) -> str:
    """Section 一 as the baseline writes it, its counts in Chinese numerals (二十三件)."""
    return re.sub(r"(\d+)件", lambda m: _chinese_numeral(int(m.group(1))) + "件", _prose(d)["S1"])


def _prose_reworded(d: ReportData) -> str:
    """Section 一 in the words of other years' reports: 新收 / 结转上年度 / 已全部办结 / 顺延."""
    r01, r02, r24, r25 = (d.t3[r][6] for r in ("R01", "R02", "R24", "R25"))
    review = d.t4[("review", "total")]
    parts = [f"{d.year}年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。"]
    if None not in (r01, r02):
        parts.append(f"全年新收政府信息公开申请{r01}件，另有结转上年度的申请{r02}件。")
    if r24 is not None:
        parts.append(f"本年度共办结申请{r24}件" + (f"，顺延至下一年度办理{r25}件" if r25 is not None else "") + "。")
    if review is not None:
        parts.append(f"全年因政府信息公开被申请行政复议{review}件。")
    return "".join(parts)


# --------------------------------------------------------------------------- HTML pages
def _td(text: str, rng: random.Random, span: str = "", word: bool = False) -> str:
    """A cell as CMS editors and Word's "save as web page" write it: a <p> in every cell,
    &nbsp; padding or an &nbsp; for an empty cell, styled <span>s."""
    t = html.escape(text)
    if word:
        inner = f'<p class="MsoNormal" align="center"><span lang="EN-US" style="font-size:10.5pt">{t or "&nbsp;"}' \
                f'<o:p></o:p></span></p>'
    else:
        pad = rng.choice(("", "&nbsp;", "&nbsp;&nbsp;"))
        inner = f'<p style="text-align:center">{pad}<span style="font-family:仿宋_GB2312">{t}</span>{pad}</p>' \
            if t else '<p>&nbsp;</p>'
    return f'<td{span} valign="center">{inner}</td>'


def _label_td(label: str, rng: random.Random, span: str, word: bool) -> str:
    """A long label wrapped in two <p> as the editor broke it."""
    if word and "（" in label[2:]:
        i = label.index("（", 2)
        return f'<td{span}><p class="MsoNormal">{html.escape(label[:i])}</p><p class="MsoNormal">' \
               f'{html.escape(label[i:])}</p></td>'
    return _td(label, rng, span, word)


def _html_t2(d: ReportData, rng, word) -> str:
    rows = []
    for head, cols, items in _T2_BLOCKS:
        rows.append("<tr>" + _td(head, rng, ' colspan="4"', word) + "</tr>")
        wide = "" if len(cols) == 3 else ' colspan="3"'
        rows.append("<tr>" + _td("信息内容", rng, "", word) + "".join(_td(c, rng, wide, word) for c in cols) + "</tr>")
        for label, keys in items:
            rows.append("<tr>" + _td(label, rng, "", word)
                        + "".join(_td(_fmt(d.t2[k]), rng, wide, word) for k in keys) + "</tr>")
    return '<table border="1" cellspacing="0" style="width:100%">' + "".join(rows) + "</table>"


def _html_t3(d: ReportData, rng, word) -> str:
    rows = ["<tr>" + _td(CAPTION, rng, ' colspan="3" rowspan="3"', word) + _td("申请人情况", rng, ' colspan="7"', word)
            + "</tr>",
            "<tr>" + _td("自然人", rng, ' rowspan="2"', word) + _td("法人或其他组织", rng, ' colspan="5"', word)
            + _td("总计", rng, ' rowspan="2"', word) + "</tr>",
            "<tr>" + "".join(_td(c, rng, "", word) for c in T3_COL_LABELS[1:6]) + "</tr>"]
    spans = {"三、本年度办理结果": 22, "（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    printed: set[str] = set()
    for key, g1, g2, label in _t3_paths():
        tds = []
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                tds.append(_td(g, rng, f' rowspan="{spans[g]}"', word))
        colspan = 1 if g2 else (3 if not g1 else 2)
        tds.append(_label_td(label, rng, f' colspan="{colspan}"' if colspan > 1 else "", word))
        tds += [_td(_fmt(d.t3[key][c]), rng, "", word) for c in range(7)]
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return '<table border="1" cellspacing="0">' + "".join(rows) + "</table>"


def _html_t4(d: ReportData, rng, word) -> str:
    rows = ["<tr>" + _td("行政复议", rng, ' colspan="5" rowspan="2"', word) + _td("行政诉讼", rng, ' colspan="10"', word)
            + "</tr>",
            "<tr>" + _td("未经复议直接起诉", rng, ' colspan="5"', word) + _td("复议后起诉", rng, ' colspan="5"', word)
            + "</tr>",
            "<tr>" + "".join(_td(c, rng, "", word) for c in T4_COL_LABELS * 3) + "</tr>",
            "<tr>" + "".join(_td(_fmt(d.t4[(b, c)]), rng, "", word) for b in T4_BLOCKS for c in T4_COLS) + "</tr>"]
    return '<table border="1" cellspacing="0">' + "".join(rows) + "</table>"


def render_html(d: ReportData, word: bool) -> str:
    """A page saved from a government site: the article inside <div>s (``word``: the body
    Word's "save as web page" wrote, MsoNormal paragraphs), each table inside a centred <div>,
    merged header cells as rowspan/colspan, table 二 one table whose one-value blocks span
    three columns."""
    rng = random.Random(zlib.crc32(repr((word, d.t2, d.t3)).encode()))
    p = _prose(d)

    def para(text: str) -> str:
        cls = ' class="MsoNormal"' if word else ' style="text-indent:2em"'
        return f"<p{cls}>{html.escape(text)}</p>"

    body = [f'<div class="title"><h1>{html.escape(p["title"])}</h1></div>', '<div class="TRS_Editor"><div>',
            para(p["preface"]), para(_HEADINGS[0]), para(p["S1"]), para(_HEADINGS[1]),
            f'<div align="center">{_html_t2(d, rng, word)}</div>', para(_HEADINGS[2]),
            f'<div align="center">{_html_t3(d, rng, word)}</div>', para(_HEADINGS[3]),
            f'<div align="center">{_html_t4(d, rng, word)}</div>', para(_HEADINGS[4]), para(p["S5"]),
            para(_HEADINGS[5]), para(p["S6"])]
    body += [para(x) for x in p["sign"].split("\n")]
    body.append("</div></div>")
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + html.escape(p["title"]) + "</title></head>"
            "<body>" + "\n".join(body) + "</body></html>")


def render_html_cells(d: ReportData, tag: str, subtotal: bool = False) -> str:
    """A CMS page whose tables are not <table>s: a row is a <div>, each cell a ``tag``
    (<div> or <span>) styled as a table cell, a merged cell's covered places left as empty
    elements (the grid of the DOCX variant)."""
    p = _prose(d)
    rows_html = []
    for grid, _merges in _grids(d, subtotal):
        rows = "".join('<div class="tr">' + "".join(f'<{tag} class="td">{html.escape(c)}</{tag}>\n' for c in row)
                       + "</div>" for row in grid)
        rows_html.append(f'<div class="table">{rows}</div>')

    def para(text: str) -> str:
        return f'<p style="text-indent:2em">{html.escape(text)}</p>'

    body = ['<div class="article">', f"<h1>{html.escape(p['title'])}</h1>", para(p["preface"]), para(_HEADINGS[0]),
            para(p["S1"]), para(_HEADINGS[1]), rows_html[0], para(_HEADINGS[2]), rows_html[1], para(_HEADINGS[3]),
            rows_html[2], para(_HEADINGS[4]), para(p["S5"]), para(_HEADINGS[5]), para(p["S6"])]
    body += [para(x) for x in p["sign"].split("\n")] + ["</div>"]
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + html.escape(p["title"]) + "</title></head>"
            "<body>" + "\n".join(body) + "</body></html>")


def render_html_th_br(d: ReportData) -> str:
    """The CMS page of ``render_html`` as other sites write it: each table under a
    <caption> and a 单位：件 paragraph, header cells as <th> inside <thead>, row labels
    broken after their numbering with <br/> (（一）<br/>予以公开)."""
    page = render_html(d, word=False)
    for _key, _g1, _g2, label in _t3_paths():
        m = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", label)
        if m:
            page = page.replace(">" + html.escape(label) + "<", ">" + html.escape(m.group(0)) + "<br/>"
                                + html.escape(label[m.end():]) + "<", 1)
    tables = page.split('<table border="1" cellspacing="0"')
    head_rows = (0, 3, 3)  # table 二's block heads stay cells; tables 三 and 四: three header rows
    for n in range(1, len(tables)):
        body, rest = tables[n].split("</table>", 1)
        rows = body.split("<tr>")
        k = head_rows[n - 1]
        if k:
            head = "".join("<tr>" + r.replace("<td", "<th").replace("</td>", "</th>") for r in rows[1:1 + k])
            body = rows[0] + "<thead>" + head + "</thead><tbody>" + "".join("<tr>" + r for r in rows[1 + k:]) + "</tbody>"
        caption = ("主动公开政府信息情况表", "收到和处理政府信息公开申请情况表", "政府信息公开行政复议、行政诉讼情况表")[n - 1]
        tables[n] = body.replace(">", "><caption>" + caption + "</caption>", 1) + "</table>" + rest
        tables[n - 1] += "<p>单位：件</p>"
    return '<table border="1" cellspacing="0"'.join(tables)


# --------------------------------------------------------------------------- DOCX
def _grids(d: ReportData, subtotal: bool = False) -> list[tuple[list[list[str]], list[tuple[int, int, int, int]]]]:
    """The three tables as (cell texts on the full grid, merges (row0, col0, row1, col1));
    ``subtotal``: table 三 with a 小计 column closing the 法人或其他组织 group."""
    t2, m2 = [], []
    for head, cols, items in _T2_BLOCKS:
        m2.append((len(t2), 0, len(t2), 3))
        t2.append([head, "", "", ""])
        if len(cols) == 1:
            m2.append((len(t2), 1, len(t2), 3))
        t2.append(["信息内容", *cols] + [""] * (3 - len(cols)))
        for label, keys in items:
            if len(keys) == 1:
                m2.append((len(t2), 1, len(t2), 3))
            t2.append([label] + [_fmt(d.t2[k]) for k in keys] + [""] * (3 - len(keys)))
    x = 1 if subtotal else 0
    t3 = [[CAPTION, "", "", "申请人情况"] + [""] * (6 + x),
          ["", "", "", "自然人", "法人或其他组织"] + [""] * (4 + x) + ["总计"],
          ["", "", "", ""] + list(T3_COL_LABELS[1:6]) + ["小计"] * x + [""]]
    m3 = [(0, 0, 2, 2), (0, 3, 0, 9 + x), (1, 3, 2, 3), (1, 4, 1, 8 + x), (1, 9 + x, 2, 9 + x)]
    rows_of: dict[tuple[int, str], list[int]] = {}  # (column, group label) -> its grid rows
    for key, g1, g2, label in _t3_paths():
        r = len(t3)
        for col, g in ((0, g1), (1, g2)):
            if g:
                rows_of.setdefault((col, g), []).append(r)
        if not g1:
            row, merge = [label, "", ""], (r, 0, r, 2)
        elif not g2:
            row, merge = ["", label, ""], (r, 1, r, 2)
        else:
            row, merge = ["", "", label], None
        if merge:
            m3.append(merge)
        values = [_fmt(v) for v in d.t3[key]]
        if subtotal:
            legal = d.t3[key][1:6]
            values.insert(6, "" if None in legal else _fmt(sum(legal)))
        t3.append(row + values)
    for (col, g), rows in rows_of.items():
        t3[rows[0]][col] = g
        m3.append((rows[0], col, rows[-1], col))
    t4 = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
          [""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
          list(T4_COL_LABELS * 3), [_fmt(d.t4[(b, c)]) for b in T4_BLOCKS for c in T4_COLS]]
    m4 = [(0, 0, 1, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)]
    return [(t2, m2), (t3, m3), (t4, m4)]


def _docx_begun(d: ReportData):
    """(a Word document holding the report's title, preface and its first section up to
    section 二's heading, the report's prose), or None without python-docx."""
    try:
        import docx
    except ImportError:
        return None
    doc = docx.Document()
    p = _prose(d)
    for x in (p["title"], p["preface"], _HEADINGS[0], p["S1"], _HEADINGS[1]):
        doc.add_paragraph(x)
    return doc, p


def _docx_table(doc, grid: list[list[str]], merges, ruled: bool = False):
    """A table of ``grid``'s cells added to ``doc``, its ``merges`` (r0, c0, r1, c1) merged.
    ``ruled``: as the official template has it, every border drawn ("Table Grid") and each
    column as wide as its texts ask, within a page's 16 cm (long labels wrap, numbers don't)."""
    table = doc.add_table(rows=len(grid), cols=len(grid[0]))
    if ruled:
        from docx.shared import Cm

        table.style = "Table Grid"
        table.autofit = False
        merged = {(r, c) for r0, c0, r1, c1 in merges if c1 > c0
                  for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        chars = [max([min(12, max(2, len(row[c]))) for r, row in enumerate(grid) if (r, c) not in merged and row[c]]
                     or [2]) for c in range(len(grid[0]))]
        scale = min(1.0, 16.0 / (0.45 * sum(chars)))
        for c, n in enumerate(chars):
            for cell in table.columns[c].cells:
                cell.width = Cm(0.45 * n * scale)
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    return table


def render_docx(d: ReportData, path: Path, subtotal: bool = False, ruled: bool = False) -> bool:
    """A DOCX as an office writes it in Word: paragraphs, and the three tables with merged
    cells (vertical merges for the group labels, horizontal ones for headers and one-value
    rows of table 二). False when python-docx is missing."""
    started = _docx_begun(d)
    if started is None:
        return False
    doc, p = started
    for n, (grid, merges) in enumerate(_grids(d, subtotal)):
        if n:
            doc.add_paragraph(_HEADINGS[1 + n])
        _docx_table(doc, grid, merges, ruled)
    for x in (_HEADINGS[4], p["S5"], _HEADINGS[5], p["S6"], *p["sign"].split("\n")):
        doc.add_paragraph(x)
    doc.save(str(path))
    return True


# --------------------------------------------------------------------------- PDF
def render_pdf(d: ReportData, path: Path, pages: bool = False, ruled: bool = True, subtotal: bool = False) -> bool:
    """A PDF as an office's word processor exports it: the tables as ruled grids with merged
    header cells and labels wrapped inside their cells (reportlab Table, an embedded CJK
    TrueType font). ``pages``: larger type, table 三 runs over a page break with its three
    header rows repeated and a page number at each page's foot. False when reportlab or the
    font is missing."""
    try:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    except ImportError:
        return False
    font = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    if not font.exists():
        return False
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(font), subfontIndex=0))
    size = 10 if pages else 7
    body = ParagraphStyle("b", fontName="WQY", fontSize=size + 2, leading=size + 6)
    cell = ParagraphStyle("c", fontName="WQY", fontSize=size, leading=size + 2)
    rules = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "WQY", size), *rules, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    p = _prose(d)
    story = [Paragraph(x, body) for x in (p["title"], p["preface"], _HEADINGS[0], p["S1"], _HEADINGS[1])]
    widths = ([120, 90, 90, 90], [40, 50, 120] + [34] * (8 if subtotal else 7), None)
    for n, (rows, merges) in enumerate(_grids(d, subtotal)):
        if n:
            story.append(Paragraph(_HEADINGS[1 + n], body))
        # Long texts wrap inside their cells, as a word processor lays them out.
        cells = [[Paragraph(x, cell) if len(x) > 4 and n else x for x in row] for row in rows]
        spans = [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in merges]
        story.append(Table(cells, colWidths=widths[n], style=TableStyle(list(grid.getCommands()) + spans),
                           repeatRows=3 if pages and n == 1 else 0))
    story += [Paragraph(x, body) for x in (_HEADINGS[4], p["S5"], _HEADINGS[5], p["S6"], *p["sign"].split("\n"))]

    def folio(canvas, doc) -> None:
        canvas.setFont("WQY", 9)
        canvas.drawCentredString(A4[0] / 2, 20, f"— {doc.page} —")

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=30, rightMargin=30).build(
        story, onFirstPage=folio if pages else lambda c, d: None, onLaterPages=folio if pages else lambda c, d: None)
    return True


# --------------------------------------------------------------------------- fourth round
def _made_up(key: str, top: int, low: int = 0) -> int:
    """A figure the hand reading has no cell for, fixed by its key."""
    return low + zlib.crc32(key.encode()) % (top - low + 1)


def as_2019(d: ReportData) -> ReportData:
    """The report's figures in the 2019 试行 format (国办公开办函〔2019〕60号), dated 2019 or
    2020. Table 二 (一) prints 本年制发件数 as both 本年新制作数量 and 本年新公开数量 and 现行有效件数
    as 对外公开总数量; (五) and (六)'s 处理决定数量 are the 2021 本年处理决定数量; the cells the
    2021 format has no counterpart for (上一年项目数量, 本年增/减, 其他对外管理服务事项, (八)'s item
    counts, (九)'s procurement) are made up from their keys. Table 三 prints （六）其他处理 as one
    row (the sum of R21…R23, or the report's own lone row); table 四 is the same."""
    t2 = {}
    for row in ("rules", "norm"):
        issued, in_force = d.t2[f"{row}.issued"], d.t2[f"{row}.in_force"]
        t2.update({f"{row}.made": issued, f"{row}.published": issued, f"{row}.total": in_force})
    for row in ("licensing", "other_services", "penalty", "coercion"):
        t2[f"{row}.previous"] = _made_up(f"{d.year}{row}.previous", 300)
        t2[f"{row}.change"] = _made_up(f"{d.year}{row}.change", 12, -12)
        t2[f"{row}.decisions"] = d.t2.get(row, _made_up(f"{d.year}{row}", 80))
    t2.update({"fees.previous": _made_up(f"{d.year}fees", 6), "fees.change": _made_up(f"{d.year}fees.c", 2, -2),
               "procurement.items": _made_up(f"{d.year}proc", 60),
               "procurement.amount": _made_up(f"{d.year}amount", 900000) / 100})
    sub = [d.t3[r] for r in ("R21", "R22", "R23")]
    g6 = tuple(None if None in col else sum(col) for col in zip(*sub))
    t3 = {r: (d.t3[r] if r not in ("R21", "R22", "R23") else (None,) * 7) for r in d.t3}
    year = 2019 + zlib.crc32(repr(d.t3).encode()) % 2
    return replace(d, year=year, t2=t2, t3=t3, fmt="2019", g6=g6)


#: The cells of a 2019-format variant scored against the hand reading: those whose figure
#: comes from it (``as_2019``), not the made-up ones.
SCORED_2019 = re.compile(r"t2\.(rules|norm)\.|t2\.(licensing|penalty|coercion)\.decisions|t3\.(?!R2[123]\.)|t4\.")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` display columns (a cell's lines in a PDF)."""
    out, cur = [], ""
    for ch in text:
        if cur and _width(cur + ch) > width:
            out.append(cur)
            cur = ""
        cur += ch
    return out + [cur] if cur else out or [""]


_VALUE = re.compile(r"[-+]?[0-9０-９.,]+")
_PDF_LABEL, _PDF_HEAD = 22, 8


def _pdf_layout(lines: list[str], pages: bool = False) -> list[str]:
    """One table as ``pdftotext -layout`` prints it: cells at their columns by runs of
    spaces, values centred; a long label wraps over two or three lines with the row's
    values on its first, middle or last line (the cell's vertical alignment); header words
    wrap at four characters; table 三 runs over a page break (a folio, a form feed).
    ``pages``: the next page opens with a running head (政府信息公开工作年度
    报告) and table 三's header rows again, as a word processor repeats them."""
    rows = [line.split("\t") for line in lines]
    cells = []
    for r in rows:
        if any(_VALUE.fullmatch(c) for c in r[1:]):
            label = _wrap(r[0], _PDF_LABEL)
            at = (0, len(label) // 2, len(label) - 1)[zlib.crc32(r[0].encode()) % 3]
            cells.append([label] + [[""] * at + [c] for c in r[1:]])
        else:
            cells.append([_wrap(r[0], _PDF_LABEL)] + [_wrap(c, _PDF_HEAD) for c in r[1:]])
    n = max(len(r) for r in cells)
    widths = [_PDF_LABEL] + [max([6] + [_width(x) for r in cells if len(r) > i for x in r[i]]) for i in range(1, n)]
    out, feed = [], ""
    for i, row in enumerate(cells):
        if rows[0][0].startswith("（本列") and i == 14:
            out += ["", " " * 40 + "- 3 -", ""]
            feed = "\f"
            if pages:
                out.append(feed + " " * 24 + "政府信息公开工作年度报告")
                out += [("    " + x[4:]) for x in _pdf_layout(lines[:1])]
                feed = ""
        for k in range(max(len(c) for c in row)):
            parts = []
            for j, c in enumerate(row):
                text = c[k] if k < len(c) else ""
                pad = widths[j] - _width(text)
                parts.append(text + " " * pad if j == 0 else " " * (pad // 2) + text + " " * (pad - pad // 2))
            out.append((feed + "    " + "   ".join(parts)).rstrip())
            feed = ""
    return out


_PDF_GROUP = 8  # display columns of a merged group-label column


def _pdf_layout_merged(lines: list[str]) -> list[str]:
    """Table 三 of a Word table with merged group cells (``merged_cells`` rows: the two
    group-label columns, the label, the values) as ``pdftotext -layout`` prints it: each
    group label wrapped in its narrow column and centred over the lines of the rows it
    spans, so that its pieces share lines with the sub-rows' labels and values
    (「三、本年   （三）不   4.保护第三方合法权益   0   0 …」); the header over the label
    columns. Other tables as :func:`_pdf_layout`."""
    rows = [line.split("\t") for line in lines]
    if not rows[0][0].startswith("（本列"):
        return _pdf_layout(lines)
    head, body = rows[0], rows[1:]
    widths = [_PDF_GROUP, _PDF_GROUP, _PDF_LABEL] + [max(6, _width(c)) for c in head[1:]]
    grid: list[list[str]] = []   # physical lines, a text a column
    first_line: list[int] = []   # each body row's first physical line
    for r in body:
        label = _wrap(r[2], _PDF_LABEL)
        at = (0, len(label) // 2, len(label) - 1)[zlib.crc32(r[2].encode()) % 3]
        first_line.append(len(grid))
        for k, piece in enumerate(label):
            grid.append(["", "", piece] + (r[3:] if k == at else [""] * len(r[3:])))
    for col in (0, 1):
        for i, r in enumerate(body):
            if not r[col]:
                continue
            end = i + 1
            while end < len(body) and not body[end][col] and (
                    body[end][2][:1].isdigit() if col else not body[end][2].startswith("四、")):
                end += 1
            top, bottom = first_line[i], first_line[end] if end < len(body) else len(grid)
            pieces = _wrap(r[col], _PDF_GROUP)
            start = top + max(0, (bottom - top - len(pieces)) // 2)
            for k, piece in enumerate(pieces):
                if start + k < len(grid):
                    grid[start + k][col] = piece
    out = ["    " + piece for piece in _wrap(head[0], 2 * _PDF_GROUP + _PDF_LABEL + 6)]
    header = [_wrap(c, _PDF_HEAD) for c in head[1:]]
    for k in range(max(len(c) for c in header)):
        cells = [" " * (2 * _PDF_GROUP + _PDF_LABEL + 6)] + [
            (c[k] if k < len(c) else "").center(widths[3 + j] - _width(c[k] if k < len(c) else "")
                                                + len(c[k] if k < len(c) else "")) for j, c in enumerate(header)]
        out.append(("    " + "   ".join(cells)).rstrip())
    for line in grid:
        parts = [t + " " * (widths[j] - _width(t)) if j < 3 else
                 " " * ((widths[j] - _width(t)) // 2) + t + " " * (widths[j] - _width(t) - (widths[j] - _width(t)) // 2)
                 for j, t in enumerate(line)]
        out.append(("    " + "   ".join(parts)).rstrip())
    return out


def _sheet_label(label: str) -> str:
    """A label as a spreadsheet copied into a web editor writes it: a cell holding a line
    break is quoted ("（二）部分公开\n（区分处理的…）"; a cell whose text ends in a line break,
    "1.属于国家秘密\n"); the others plain."""
    h = zlib.crc32(label.encode()) % 3
    if len(label) > 14 and "（" in label[3:]:
        i = label.index("（", 3)
        return '"' + label[:i] + "\n" + label[i:] + '"'
    return '"' + label + '\n"' if h == 0 else label


def _word_label(label: str) -> str:
    """A label as Word's "save as plain text" writes a cell of two paragraphs: the label
    continues on the next physical line (before a bracket, or after a 、 or a comma)."""
    if len(label) <= 12:
        return label
    for mark in ("（", "，", "、"):
        i = label.find(mark, 4)
        if 0 < i < len(label) - 2:
            return label[:i + (mark != "（")] + "\n" + label[i + (mark != "（"):]
    return label[:10] + "\n" + label[10:]


_HEADER_BREAKS = {CAPTION: "（本列数据的勾稽关系为：\n第一项加第二项之和，\n等于第三项加第四项之和）",
                  "本年收费金额（单位：万元）": "本年收费金额\n（单位：万元）", "社会公益组织": "社会公益\n组织",
                  "法律服务机构": "法律服务\n机构"}


def _span_td(text: str, attrs: str = "") -> str:
    """A cell as a CMS editor writes it: <td><p><span>…</span></p></td>, an empty one &nbsp;."""
    inner = f'<p style="text-align:center"><span style="font-size:12px">{html.escape(text)}</span></p>' if text \
        else "&nbsp;"
    return f"<td{attrs}>{inner}</td>"


_T3_THEAD = ("<thead><tr>" + _span_td(CAPTION, ' colspan="3" rowspan="2"') + _span_td("自然人", ' rowspan="2"')
             + _span_td("法人或其他组织", ' colspan="5"') + _span_td("总计", ' rowspan="2"') + "</tr><tr>"
             + "".join(_span_td(c) for c in T3_COL_LABELS[1:6]) + "</tr></thead>")


def _t3_paths_of(d: ReportData) -> list[tuple[str, str, str, str]]:
    """:func:`_t3_paths`, with （六）其他处理 as one row ("G6") in a 2019-format report."""
    paths = [p for p in _t3_paths() if d.fmt != "2019" or p[0] not in ("R22", "R23")]
    return [("G6", g1, "", "（六）其他处理") if key == "R21" and d.fmt == "2019" else (key, g1, g2, label)
            for key, g1, g2, label in paths]


def _html_t3_parts(d: ReportData, per_group: bool) -> str:
    """Table 三 as several <table>s: one a group of rows (``per_group``; only the first
    with the <thead>), or one a page (cut after 7.属于行政执法案卷, the second repeating the
    <thead>). A group label's rowspan covers its rows inside its own <table>."""
    paths = _t3_paths_of(d)
    if per_group:
        cuts = [i for i, (key, g1, g2, _l) in enumerate(paths) if i and (g2 != paths[i - 1][2] or g1 != paths[i - 1][1])]
    else:
        cuts = [next(i for i, p in enumerate(paths) if p[0] == "R12")]
    chunks = [paths[a:b] for a, b in zip([0] + cuts, cuts + [len(paths)])]
    tables = []
    for n, chunk in enumerate(chunks):
        rows, printed = [], set()
        for key, g1, g2, label in chunk:
            tds = []
            for col, g in ((1, g1), (2, g2)):
                if g and g not in printed:
                    printed.add(g)
                    span = sum(1 for p in chunk if p[col] == g)
                    tds.append(_span_td(g, f' rowspan="{span}"' if span > 1 else ""))
            colspan = 1 if g2 else (3 if not g1 else 2)
            tds.append(_span_td(label, f' colspan="{colspan}"' if colspan > 1 else ""))
            tds += [_span_td(_fmt(v)) for v in (d.g6 if key == "G6" else d.t3[key])]
            rows.append("<tr>" + "".join(tds) + "</tr>")
        head = _T3_THEAD if n == 0 or not per_group else ""
        tables.append(f'<table class="MsoTableGrid" border="1" cellspacing="0">{head}<tbody>{"".join(rows)}</tbody></table>')
    return "<p>&nbsp;</p>".join(tables)


def _html_t4_thead(d: ReportData) -> str:
    """Table 四 with its three header rows in a <thead> (rowspan and colspan)."""
    head = ("<thead><tr>" + _span_td("行政复议", ' colspan="5" rowspan="2"') + _span_td("行政诉讼", ' colspan="10"')
            + "</tr><tr>" + _span_td("未经复议直接起诉", ' colspan="5"') + _span_td("复议后起诉", ' colspan="5"')
            + "</tr><tr>" + "".join(_span_td(c) for c in T4_COL_LABELS * 3) + "</tr></thead>")
    values = "".join(_span_td(_fmt(d.t4[(b, c)])) for b in T4_BLOCKS for c in T4_COLS)
    return f'<table border="1" cellspacing="0">{head}<tbody><tr>{values}</tr></tbody></table>'


def _html_t2_blocks(d: ReportData) -> str:
    """Table 二 as one <table> a block, each under its 第二十条 line as a <thead> row."""
    out = []
    for head, cols, items in (_T2_BLOCKS_2019 if d.fmt == "2019" else _T2_BLOCKS):
        wide = ' colspan="3"' if len(cols) == 1 else ""
        pad = _span_td("") if len(cols) == 2 else ""  # a two-column block of the 2019 format
        rows = "".join("<tr>" + _span_td(label) + "".join(_span_td(_t2_cell(BASELINE, d, k), wide) for k in keys) + pad
                       + "</tr>"
                       for label, keys in items)
        out.append('<table border="1" cellspacing="0"><thead><tr>' + _span_td(head, ' colspan="4"') + "</tr><tr>"
                   + _span_td("信息内容") + "".join(_span_td(c, wide) for c in cols) + pad + "</tr></thead><tbody>"
                   + rows + "</tbody></table>")
    return "".join(out)


def render_html_parts(d: ReportData, per_group: bool) -> str:
    """A page whose article sits in a layout table (a <table> of one cell nesting the data
    tables), table 三 printed as several <table>s (``_html_t3_parts``), <thead>s with two or
    three header rows, values in <td><p><span>, empty cells &nbsp;; ``per_group``: table 二
    one <table> a block too."""
    rng = random.Random(zlib.crc32(repr(d.t3).encode()))
    p = _prose(d)

    def para(text: str) -> str:
        return f'<p style="text-indent:2em"><span>{html.escape(text)}</span></p>'

    t2 = _html_t2_blocks(d) if per_group else _html_t2(d, rng, False)
    body = [para(p["preface"]), para(_HEADINGS[0]), para(p["S1"]), para(_HEADINGS[1]), t2, para(_HEADINGS[2]),
            _html_t3_parts(d, per_group), para(_HEADINGS[3]), _html_t4_thead(d), para(_HEADINGS[4]), para(p["S5"]),
            para(_HEADINGS[5]), para(p["S6"])] + [para(x) for x in p["sign"].split("\n")]
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + html.escape(p["title"]) + "</title></head>"
            '<body><table width="100%" class="layout"><tr><td class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</td></tr>'
            f'<tr><td class="content"><h2>{html.escape(p["title"])}</h2>' + "\n".join(body)
            + "</td></tr></table></body></html>")


_TEXT_BOX_RUN = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp>'
    '<wps:txbx><w:txbxContent/></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
    '<v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def render_docx_parts(d: ReportData, path: Path, text_box: bool = False) -> bool:
    """A Word document whose tables each sit in a content control (w:sdt), table 三 split
    into two w:tbl by a page break after 7.属于行政执法案卷 (the group labels merged down with
    w:vMerge in each part; the part after the break starts their merge again, empty, as Word
    does). ``text_box``: table 四 inside a text box (a drawing anchored in the paragraph
    after its heading, with the VML copy Word writes for old readers) instead. False
    without python-docx."""
    started = _docx_begun(d)
    if started is None:
        return False
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement, parse_xml

    doc, p = started

    def add_table(grid, merges) -> None:
        table = _docx_table(doc, grid, merges)
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(OxmlElement("w:sdtPr"))
        sdt.append(content)
        table._tbl.addprevious(sdt)
        content.append(table._tbl)

    for n, (grid, merges) in enumerate(_grids(d)):
        if n:
            doc.add_paragraph(_HEADINGS[1 + n])
        if n == 2 and text_box:
            add_table(grid, merges)
            sdt = doc.element.body[-2] if doc.element.body[-1].tag == qn("w:sectPr") else doc.element.body[-1]
            run = parse_xml(_TEXT_BOX_RUN)
            doc.add_paragraph()._p.append(run)
            boxes = run.findall(".//" + qn("w:txbxContent"))
            boxes[0].append(sdt)
            boxes[1].append(copy.deepcopy(sdt))
            for box in boxes:
                box.append(OxmlElement("w:p"))
            continue
        if n != 1:
            add_table(grid, merges)
            continue
        cut = 3 + [k for k, *_ in _t3_paths()].index("R12")
        first = [(r0, c0, min(r1, cut - 1), c1) for r0, c0, r1, c1 in merges if r0 < cut]
        second = [(max(r0, cut) - cut, c0, r1 - cut, c1) for r0, c0, r1, c1 in merges if r1 >= cut]
        add_table(grid[:cut], [m for m in first if m[:2] != m[2:]])
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        add_table(grid[cut:], [m for m in second if m[:2] != m[2:]])
    for x in (_HEADINGS[4], p["S5"], _HEADINGS[5], p["S6"], *p["sign"].split("\n")):
        doc.add_paragraph(x)
    doc.save(str(path))
    return True


# --------------------------------------------------------------------------- fifth round
_REMARKS = ("", "", "", "含依申请转主动公开", "无", "", "详见说明", "", "其中1件为网上申请", "")


def _remark(key: str) -> str:
    """A 备注 cell as offices fill it: empty in most rows, a word (无) or a phrase in some."""
    return _REMARKS[zlib.crc32(key.encode()) % len(_REMARKS)]


def _t3_column_major(st: Style, d: ReportData) -> list[str]:
    """Table 三 as a PDF tool reading each column top to bottom writes it: the header, every
    label (group labels on lines of their own), then each column's word and its 25 values,
    one a line (an empty cell an empty line)."""
    out = [CAPTION, "申请人情况"]
    printed: set[str] = set()
    for _key, g1, g2, label in _t3_paths():
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                out.append(g)
        out.append(label)
    for c, word in enumerate(T3_COL_LABELS):
        out.append(word)
        cells = [_cell(st, d.t3[key][c], f"t3.{key}.{T3_COLS[c]}") for key, *_ in _t3_paths()]
        out += [x for x in cells if x] if st.t3_form == "columns-skip" else cells
    return out


def _grid_cells(grid: list[list[str]], merges, fill: str) -> list[list[Optional[str]]]:
    """The grid with each merged place written as a converter writes it: ``fill`` "repeat"
    (the merged text in every cell it covers, as docling does), "empty" (marker), or "span"
    (None: the place belongs to the cell of a rowspan/colspan, MinerU's HTML)."""
    out: list[list[Optional[str]]] = [list(r) for r in grid]
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[r][c] = {"repeat": grid[r0][c0], "empty": "", "span": None}[fill]
    return out


def _html_one_line(grid: list[list[str]], merges) -> str:
    """A table as MinerU writes it into its markdown: <table> on one line, merged cells as
    rowspan/colspan, no <thead>."""
    cells = _grid_cells(grid, merges, "span")
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    rows = []
    for r, row in enumerate(cells):
        tds = []
        for c, text in enumerate(row):
            if text is None:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tds.append(f"<td{attrs}>{html.escape(text, quote=False)}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return "<html><body><table>" + "".join(rows) + "</table></body></html>"


def _md_grid(grid: list[list[str]], fill: str, br_width: int = 0) -> list[str]:
    """A table as a converter's markdown pipe table: its first row the header, an alignment
    row under it; ``br_width``: a cell longer than that broken by <br> where the PDF wrapped it."""
    def cell(text: str) -> str:
        return "<br>".join(_wrap(text, br_width)) if br_width and _width(text) > br_width else text
    lines = ["| " + " | ".join(cell(c) for c in row) + " |" for row in grid]
    return lines[:1] + ["|" + "---|" * len(grid[0])] + lines[1:]


def _mineru_tables(d: ReportData) -> tuple:
    """The three tables as MinerU's markdown holds them: a one-line <table> each, table 二 one
    <table> (its block lines as colspan rows), a blank line around each."""
    return tuple(["", _html_one_line(g, m), ""] for g, m in _grids(d))


def _mineru_split_tables(d: ReportData) -> tuple:
    """MinerU's markdown of a report whose table 三 runs over a page break: two <table>s,
    the second without the header rows (MinerU leaves the page's folio out)."""
    (g2, m2), (g3, m3), (g4, m4) = _grids(d)
    cut = 3 + 14
    first = [m for m in m3 if m[2] < cut]
    second = [(r0 - cut, c0, r1 - cut, c1) for r0, c0, r1, c1 in m3 if r0 >= cut]
    # A group merged over the cut is cut with it: each piece merged over its own rows.
    for r0, c0, r1, c1 in m3:
        if r0 < cut <= r1:
            first.append((r0, c0, cut - 1, c1))
            second.append((0, c0, r1 - cut, c1))
    g3b = [list(r) for r in g3[cut:]]
    for _r0, c0, _r1, _c1 in [m for m in m3 if m[0] < cut <= m[2]]:
        g3b[0][c0] = g3[_r0][c0]
    return (["", _html_one_line(g2, m2), ""],
            ["", _html_one_line(g3[:cut], first), "", _html_one_line(g3b, second), ""],
            ["", _html_one_line(g4, m4), ""])


def _docling_tables(d: ReportData) -> tuple:
    """The tables as docling writes them: markdown pipes, every merged cell's text repeated
    in each place it covers."""
    return tuple([""] + _md_grid(_grid_cells(g, m, "repeat"), "repeat") + [""] for g, m in _grids(d))


def _marker_tables(d: ReportData) -> tuple:
    """The tables as marker writes them: markdown pipes, merged places left empty, wrapped
    cells joined by <br>; table 三 cut by a page break (a folio and a running head between,
    the second piece's first row taken as its header)."""
    out = []
    for n, (g, m) in enumerate(_grids(d)):
        cells = _grid_cells(g, m, "empty")
        if n != 1:
            out.append([""] + _md_grid(cells, "empty", 16) + [""])
            continue
        cut = 3 + 12  # after the header rows and the first twelve rows (to 3.危及…)
        out.append([""] + _md_grid(cells[:cut], "empty", 16)
                   + ["", "- 3 -", "", "政府信息公开工作年度报告", ""]
                   + _md_grid(cells[cut:], "empty", 16) + [""])
    return tuple(out)


def _md_heading(level: str) -> Callable[[str], str]:
    return lambda s: level + " " + s


_INVISIBLES = ("\u200b", "\u200c", "\u00ad", "\ufeff", "\u200d")


def _invisible_sprinkled(text: str) -> str:
    """A crawled page's invisible characters: a BOM first, zero-width characters at the
    edges of cells and inside labels and digit runs (fixed by the line), soft hyphens."""
    out = []
    for n, line in enumerate(text.split("\n")):
        h = zlib.crc32(line.encode())
        if "\t" in line and h % 3:
            cells = line.split("\t")
            zw = _INVISIBLES[h % len(_INVISIBLES)]
            first = cells[0]
            if len(first) > 3:
                cells[0] = first[:2] + zw + first[2:]
            cells = [c[:1] + zw + c[1:] if len(c) > 1 and c.isdigit() and (h >> 3) % 2 else
                     (zw + c if c and (h >> 4) % 2 else c) for c in cells]
            line = "\t".join(cells)
        elif line and h % 4 == 0:
            line = "\u200b" + line
        out.append(line)
    return "\ufeff" + "\n".join(out)


def _entities_left(text: str) -> str:
    """A page's text copied with its entities and breaks left as text: empty cells as
    &nbsp;, prose paragraphs indented with &ensp;, &#160; after the numbering, long labels
    cut by a literal <br>, CRLF line ends."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            cells = [("&nbsp;" if not c else c) for c in cells]
            if len(cells[0]) > 12:
                cells[0] = cells[0][:8] + "<br>" + cells[0][8:]
            cells[0] = re.sub(r"^(（[一二三四五六七八九十]+）|\d+\.)", r"\1&#160;", cells[0])
            line = "\t".join(cells)
        elif len(line) > 30:
            line = "&ensp;&ensp;" + line
        out.append(line)
    return "\r\n".join(out)


def _cr_mixed_blanks(text: str) -> str:
    """An old export: CR-only line ends, a table line's cells cut by U+3000 or NBSP (a run of
    one or two, fixed by the line)."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            h = zlib.crc32(line.encode())
            seps = ("\u3000", "\u00a0\u00a0", "\u00a0", "\u3000\u00a0")
            cells = line.split("\t")
            line = cells[0] + "".join(seps[(h + i) % 4] + c for i, c in enumerate(cells[1:]))
        out.append(line)
    return "\r".join(out)


_MARKS = ("*", "①", "注", "¹", "")


def _footnoted(v, key: str) -> str:
    """Some cells carry a footnote mark (12*, 3①, 5注, 2¹), fixed by the cell."""
    text = _fmt(v)
    h = zlib.crc32(key.encode()) % 11
    return text + _MARKS[h] if text and h < 4 else text


def _footnote_label(label: str) -> str:
    """A few labels with a note mark: （注1）, a superscript digit."""
    h = zlib.crc32(label.encode()) % 7
    return label + ("（注1）", "²")[h] if h < 2 else label


def _footnote_post(text: str) -> str:
    """A 注： row closing table 三 inside the table (its first cell, the rest empty) and a
    note after table 四's values, as the report's tables print their notes."""
    out = []
    for line in text.split("\n"):
        out.append(line)
        if line.startswith("四、结转下年度继续办理"):
            out.append("注：标*的数据含上年度结转申请；①为网上申请。" + "\t" * 7)
    return "\n".join(out)


def _street_preface(d: ReportData) -> str:
    return (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布某某街道办事处{d.year}年度"
            f"政府信息公开工作年度报告。本报告中所列数据的统计期限自{d.year}年1月1日起至{d.year}年12月31日止。"
            "本报告电子版可在某区人民政府门户网站查阅。如对本报告有疑问，请与某某街道党政办公室联系。")


def _street_prose(d: ReportData) -> str:
    """Section 一 under the sub-headings real reports use, the counts the baseline gives."""
    base = _prose(d)["S1"]
    return "\n".join(["（一）主动公开", f"{d.year}年，本单位通过区政府门户网站主动公开政府信息。",
                      "（二）依申请公开", base, "（三）政府信息管理", "严格落实公开前保密审查机制。",
                      "（四）平台建设", "持续优化政府网站街道专栏。", "（五）监督保障", "将信息公开工作纳入年度考核。"])


def _t4_column_sum(d: ReportData, col: str):
    """A 合计 row's cell under table 四's three rows (None when a block leaves it empty)."""
    vals = [d.t4[(b, col)] for b in T4_BLOCKS]
    return None if None in vals else sum(vals)


_AGENCIES = ("某某镇人民政府", "某某经济开发区管理委员会", "国家税务总局某市某某区税务局", "某市公安局某某分局")


def _agency_title(d: ReportData) -> str:
    return f"{_AGENCIES[d.year % 4]}{d.year}年政府信息公开工作年度报告"


def _agency_preface(d: ReportData) -> str:
    return (f"本年度报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的"
            f"《中华人民共和国政府信息公开工作年度报告格式》要求编制，全文包括总体情况、主动公开政府信息情况、"
            f"收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
            f"其他需要报告的事项。本年度报告中使用数据统计期限为{d.year}年1月1日至12月31日。")


def _agency_prose(d: ReportData) -> str:
    """Section 一 with a numbered list under its sub-headings (1. 2. as reports list work)."""
    return "\n".join(["（一）主动公开", "1.强化组织领导。调整政府信息公开工作领导小组。",
                       "2.完善工作机制。落实公开前保密审查。", "（二）依申请公开", _prose(d)["S1"],
                       "（三）政府信息管理", "1.规范文件管理。", "（四）平台建设", "（五）监督保障",
                       "1.加强培训。2.强化考核。"])


def _agency_sections(_d: ReportData) -> tuple[str, str, str]:
    """Sub-headings some offices print in sections 二 to 四 before each table."""
    return ("（一）主动公开政府信息情况统计", "（一）依申请公开情况统计", "（一）行政复议、行政诉讼情况统计")


# --------------------------------------------------------------------------- the variants
BASELINE = Style()
#: name -> (file extension, what it is, how it is written)
TEXT_VARIANTS: dict[str, tuple[str, Style]] = {
    "ideographic-space": ("cells between U+3000 ideographic spaces, full-width digits (Word/WPS text export)",
                          Style(sep="\u3000", digits_fullwidth=True)),
    "zero-words": ("zeros written as — / 无 －, tab rows", Style(value=_zero_word)),
    "t4-two-blocks": ("table 四 as two blocks: 行政复议 (5 labels, 5 values) then 行政诉讼 (10, 10)",
                      Style(t4_two_blocks=True)),
    "labels-plain": ("row labels without their numbering (予以公开, 属于国家秘密)",
                     Style(label=_plain, group=_plain)),
    "labels-dun": ("（一） written 一、 and 1. written 1、", Style(label=_dun, group=_dun)),
    "labels-reworded": ("row labels in slightly other words (部分公开 without its note, …)",
                        Style(label=lambda s: _REWORDED.get(s, s))),
    "rows-numbered": ("table 三 rows numbered 1-25 in a 序号 column, the row labels missing",
                      Style(numbered_rows=True)),
    "rows-numbered-labelled": ("table 三 with a 序号 column before the row labels, every line numbered",
                               Style(numbered_labelled=True)),
    "repeated-groups": ("tab rows, merged group labels repeated on every row (spreadsheet / converter unmerge)",
                        Style(merged_cells=True, repeat_groups=True)),
    "t4-three-rows": ("table 四 as three rows (行政复议, 直接起诉, 复议后起诉) under the five column words",
                      Style(t4_rows=True)),
    "page-break-header": ("a page footer and table 三's header repeated in mid-table (Word repeats header rows)",
                          Style(page_break_before="R13")),
    "double-spaced": ("an empty line after every table line (a double-spaced paste)", Style(blank_between=True)),
    "pipes-no-outer": ("markdown rows without outer pipes: a | b | c", Style(sep=" | ")),
    "headings-markdown": ("section headings as markdown (## 一、总体情况), tab rows",
                          Style(heading=lambda s: "## " + s)),
    "headings-bold-dot": ("section headings in bold with a full stop numbering (**一．总体情况**)",
                          Style(heading=lambda s: "**" + s.replace("、", "．", 1) + "**")),
    "headings-spaced": ("section headings numbered with a blank (一 总体情况), tables blank-separated",
                        Style(sep=" ", heading=lambda s: s.replace("、", " ", 1), value=lambda v, k: _fmt(v) or "—")),
    "label-above": ("table 三 rows as a label line, then its values blank-separated on the next line",
                    Style(sep=" ", row_form="label-above", value=lambda v, k: _fmt(v) or "—")),
    "values-first": ("table 三 rows with the values before the label (PDF text in reading order lost)",
                     Style(sep=" ", row_form="values-first", value=lambda v, k: _fmt(v) or "—")),
    "thousands": ("counts of 1,000 and more with thousands separators (1,234; 12,345.6), tab rows",
                  Style(value=lambda v, k: (f"{v:,}" if isinstance(v, (int, float)) and v >= 1000 else _fmt(v)))),
    "columns-abbreviated": ("table 三's column words shortened (商业, 科研, 公益, 法律, 合计), tab rows",
                            Style(t3_columns=("自然人", "商业", "科研", "公益", "法律", "其他", "合计"))),
    "ocr-letters": ("OCR slips in tables 三 and 四: some 0 as O, some 1 as l (markdown rows)",
                    Style(sep=" | ", value=_ocr)),
    "t2-units": ("table 二's cells with units (5件, 12.5万元), blank-separated", Style(sep=" ", value=_t2_units)),
    # Two or three of the above at once, as real reports combine them.
    "combo-plain-spaces": ("labels without numbering, blank-separated, zeros as words",
                           Style(sep=" ", label=_plain, group=_plain, value=_zero_word)),
    "combo-dun-pipes": ("、 numbering, rows without outer pipes, group labels repeated on every row",
                        Style(sep=" | ", label=_dun, group=_dun, merged_cells=True, repeat_groups=True)),
    "combo-reworded-numbered": ("reworded labels after a 序号 column, full-width digits, header over two rows",
                                Style(label=lambda s: _REWORDED.get(s, s), numbered_labelled=True,
                                      digits_fullwidth=True, t3_header_lines=2)),
    "combo-u3000-t4rows": ("U+3000 separators, table 四 as three rows, a page break in table 三",
                           Style(sep="\u3000", t4_rows=True, page_break_before="R13")),
    "word-merged": ("Word paste: tab rows, a merged group label leaves empty cells, header over three rows",
                    Style(merged_cells=True, t3_header_lines=3)),
    "spaces-reordered": ("blank-separated rows, table 三's header in another order (总计 first, two columns swapped)",
                         Style(sep=" ", t3_order=(6, 0, 1, 3, 2, 4, 5), value=lambda v, k: _fmt(v) or "—")),
    "header-two-rows": ("tab rows, table 三's header over two rows (申请人情况 / the seven columns)",
                        Style(t3_header_lines=2)),
    # Written for issue 14 item 6 (second round): families the variants above do not cover.
    "t3-split-total": ("table 三 as two stacked tables: the six applicant columns, then 总计 alone (full labels "
                       "in both)", Style(t3_parts=((0, 1, 2, 3, 4, 5), (6,)))),
    "t3-split-half": ("table 三 as two stacked tables: 自然人 to 社会公益组织, then 法律服务机构, 其他, 总计",
                      Style(t3_parts=((0, 1, 2, 3), (4, 5, 6)))),
    "header-per-group": ("table 三's header printed again before every group of rows (（三）…（六）, 四、)",
                         Style(header_before=("R05", "R13", "R16", "R21", "R25"))),
    "numbering-own-line": ("row and group labels with their numbering on a line of its own (（一） / 予以公开 …)",
                           Style(label=_own_line_numbering, group=_own_line_numbering)),
    "labels-letterspaced": ("short labels letter-spaced (予 以 公 开, 规 章), tab rows",
                            Style(label=_letterspaced, group=_letterspaced)),
    "header-word-lines": ("table 三's header one column word a line (申请人情况 / 自然人 / 商业企业 …), tab rows",
                          Style(header_word_lines=True)),
    "fullwidth-thousands": ("full-width digits with full-width separators (１，２３４; １２．５), tab rows",
                            Style(value=_fullwidth_thousands)),
    "colon-rows": ("rows as 「label：v v v」 (tables 二 and 三), blank-separated, an empty cell as —",
                   Style(sep=" ", row_form="colon", value=lambda v, k: _fmt(v) or "—")),
    "ocr-s-b": ("OCR slips in tables 三 and 四: some 5 as S, 8 as B, 0 as O (markdown rows)",
                Style(sep=" | ", value=_ocr_s_b)),
    "t4-marks-mixed": ("table 四's zeros as N/A, /, —— or a blank cell, tab rows", Style(value=_t4_mixed_marks)),
    "t2-two-years": ("table 二's one-value blocks with a 上年 column before the 本年 one", Style(t2_two_years=True)),
    "prose-two-sentences": ("section 一 says 共受理 (new + carried over) then 其中 each part, 办结 then 其中 予以公开",
                            Style(prose=_two_sentence_prose)),
    "t2-merged-centre": ("table 二's one-value rows with the value in the middle of three cells (a merged cell "
                         "as a PDF table extractor writes it)", Style(t2_one_value_at=1)),
    "t4-transposed": ("table 四 transposed: a line a result (结果维持 …) with the three blocks' values, tab rows",
                      Style(t4_form="transposed")),
    "t4-kv-lines": ("table 四 as lines 「结果维持：3」 under each block's name", Style(t4_form="kv")),
    "headings-part": ("section headings as 第一部分　总体情况 (a part number, an ideographic space)",
                      Style(heading=lambda s: "第" + s[0] + "部分\u3000" + s[2:])),
    "t2-heads-in-header": ("table 二's 第二十条第（X）项 in its header row's first cell, in place of 信息内容",
                           Style(t2_block_heads="header")),
    "t2-no-block-heads": ("table 二 without its 第二十条第（X）项 lines (header rows only)", Style(t2_block_heads="none")),
    "t2-label-units": ("table 二's row labels with their unit (规章（件）, 行政事业性收费（万元）), tab rows",
                       Style(t2_label=lambda s: s + ("（万元）" if s == "行政事业性收费" else "（件）"))),
    "crawled-run": ("a saved page: the body on one line, a row's cells run together after its label",
                    Style(sep="", one_line=True)),
    "headings-arabic": ("section headings numbered 1. 2. … (1.总体情况), tab rows",
                        Style(heading=lambda s: str("一二三四五六".index(s[0]) + 1) + "." + s[2:])),
    "crawled-one-line": ("a saved page: the body on one line, cells and lines joined by blanks, empty cells as —",
                         Style(sep=" ", one_line=True, value=lambda v, k: _fmt(v) or "—")),
    # Table 三 in column groups (branch t3split): the family around t3-split-total / -half.
    "t3-split-unlabelled": ("table 三 as two stacked tables (自然人 … 法律服务机构, then 其他, 总计), the second "
                            "without row labels, a 续表 title between", Style(t3_parts=((0, 1, 2, 3, 4), (5, 6)),
                                                                          t3_part_labels="none",
                                                                          t3_part_between=("续表",))),
    "t3-split-numbering-spaces": ("table 三 as two stacked tables cut after 科研机构, blank-separated, the second "
                                  "repeating only the numbering, a page footer and 表三（续） between",
                                  Style(sep=" ", value=lambda v, k: _fmt(v) or "—", t3_parts=((0, 1, 2), (3, 4, 5, 6)),
                                        t3_part_labels="numbering",
                                        t3_part_between=("", "- 5 -", "表三（续）"))),
    "t3-split-three-numbered": ("table 三 as three stacked tables (2, 3, 2 columns), rows numbered in a 序号 column "
                                "and no labels", Style(numbered_rows=True, t3_parts=((0, 1), (2, 3, 4), (5, 6)),
                                                       t3_part_between=("",))),
    # Written for issue 14 item 6 (third round): families the 58 above do not cover.
    "box-drawing": ("tables drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), cells padded to the column",
                    Style(frame="box")),
    "grid-table": ("grid tables: +-----+----+ rules between | cells |, cells padded", Style(frame="grid")),
    "markdown-align": ("markdown tables with an alignment row (|:---|---:|) under each table's first line",
                       Style(frame="md-align")),
    "fullwidth-bars": ("cells cut by the full-width bar ｜, no outer bars", Style(sep="｜")),
    "csv-rows": ("rows as comma-separated values (a spreadsheet saved as CSV), labels quoted",
                 Style(frame="csv")),
    "csv-minimal": ("rows as a spreadsheet's CSV quoting only what needs it (规章,0,0,3; 3.危及\"\"…)",
                    Style(frame="csv-minimal")),
    "t3-subtotal": ("table 三 with a 小计 column after the five legal-person columns (8 value columns)",
                    Style(t3_subtotal=True)),
    "t3-subtotal-3rows": ("table 三 with 小计, its header over three rows (申请人情况 / 自然人 法人或其他组织 总计 / "
                          "the five and 小计)", Style(t3_subtotal=True, t3_header_lines=3)),
    "t3-subtotal-spaces": ("table 三 with 小计 (8 value columns), blank-separated rows, an empty cell left out",
                           Style(sep=" ", t3_subtotal=True)),
    "t3-subtotal-heji": ("table 三 with the five legal-person columns' sum headed 合计 (…其他 合计 总计), tab rows",
                         Style(t3_subtotal=True, subtotal_word="合计")),
    "t3-subtotal-legal": ("the same headed 法人或其他组织小计, the header over three rows",
                          Style(t3_subtotal=True, subtotal_word="法人或其他组织小计", t3_header_lines=3)),
    "box-merged": ("box-drawing tables of a Word table's merged cells (group labels in a column of their own, "
                   "three header rows)", Style(frame="box", merged_cells=True, t3_header_lines=3)),
    "csv-every-field": ("a CSV whose exporter quotes every field, numbers too (\"行政许可\",\"12\")",
                        Style(frame="csv-every")),
    "csv-merged": ("a spreadsheet's CSV of the same merged table (empty fields where cells were merged)",
                   Style(frame="csv", merged_cells=True, t3_header_lines=3)),
    "csv-cells-wrapped": ("a spreadsheet's CSV of a merged table whose labels and header cells hold a line "
                          "break (Alt+Enter): quoted fields running over two lines",
                          Style(frame="csv", label=_word_label, merged_cells=True, t3_header_lines=3,
                                header_breaks=_HEADER_BREAKS)),
    "t2-extra-rows": ("table 二 with rows agencies add (地方性法规, 其他规范性文件, 其他行政管理事项)",
                      Style(t2_extra_rows=True)),
    "t2-rows-swapped": ("table 二's two-row blocks in the other order (行政规范性文件 before 规章, 行政强制 first)",
                        Style(t2_swapped=True)),
    "units-all-cells": ("every cell carrying its unit (3件, 0件, 12.5万元), tab rows", Style(value=_units_everywhere)),
    "headings-fullwidth-arabic": ("section headings numbered in full-width Arabic (１．总体情况)",
                                  Style(heading=lambda s: "１２３４５６"["一二三四五六".index(s[0])] + "．" + s[2:])),
    "headings-paren": ("section headings numbered (一) in half-width brackets", Style(heading=lambda s: "(" + s[0] + ")" + s[2:])),
    "captions-notes": ("a caption (收到和处理政府信息公开申请情况表), 单位：件 above each table, 注：… under it",
                       Style(table_captions=True)),
    "prose-cn-numerals": ("section 一's counts in Chinese numerals (共收到政府信息公开申请二十三件)",
                          Style(prose=_prose_cn_numerals)),
    "prose-reworded": ("section 一 in other years' words (新收 …, 结转上年度的申请 …, 顺延至下一年度办理 …)",
                       Style(prose=_prose_reworded)),
    "numbering-column": ("row numbering in a cell of its own before the label (（一）<tab>予以公开, 1.<tab>属于国家秘密)",
                         Style(label=_numbering_cell, group=_numbering_cell)),
    "captions-notes-spaces": ("captions, 单位：件 and 注： lines around blank-separated tables (empty cells as —)",
                              Style(sep=" ", table_captions=True, value=lambda v, k: _fmt(v) or "—")),
    "units-all-spaced": ("every cell with its unit (0件, 12.5万元), blank-separated, empty cells as —",
                         Style(sep=" ", value=lambda v, k: _units_everywhere(v, k) or "—")),
    "header-3rows-spaces": ("table 三's header over three blank-separated rows (申请人情况 / 自然人 法人或其他组织 总计 / "
                            "the five), empty cells as —",
                            Style(sep=" ", t3_header_lines=3, value=lambda v, k: _fmt(v) or "—")),
    "t2-extra-rows-spaces": ("table 二 with rows agencies add, blank-separated",
                             Style(sep=" ", t2_extra_rows=True, value=lambda v, k: _fmt(v) or "—")),
    "markdown-bold-labels": ("markdown tables whose row labels are bold (| **（一）予以公开** | 3 |)",
                             Style(frame="md-align", label=lambda s: "**" + s + "**")),
    "crawled-captions": ("a saved page on one line, captions / 单位：件 / 注： around blank-separated tables",
                         Style(sep=" ", one_line=True, table_captions=True, value=lambda v, k: _fmt(v) or "—")),
    "prose-detailed": ("section 一 told in full: the year before compared (较上年增加, 同比增长 %), channels, "
                       "applicants, each outcome group's count, table 四's results", Style(prose=_prose_detailed)),
    "prose-sections": ("prose before tables 二, 三 and 四 (信息1,286条, 制发 … 件, 按时答复率100%, 比上年度多2件, "
                       "应诉培训2次, 行政复议 … 件中 … 件结果维持)", Style(section_prose=_section_prose)),
    "title-other-words": ("titles as other years and agencies word them (关于…年度…的报告, a year in Chinese "
                          "numerals, the agency after the year), the body unchanged",
                          Style(title=lambda d: ("某市某某局关于{y}年度政府信息公开工作的年度报告",
                                                 "{cn}年度某市某某局政府信息公开工作年度报告",
                                                 "{y}年度政府信息公开工作年度报告（某市某某局）")[d.year % 3].format(
                              y=d.year, cn="".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))))),
    "toc": ("a table of contents first (目录, the six headings with dot leaders and page numbers)", Style(toc=True)),
    "appendix-table": ("an appendix after the signature: statistics of the office's own (per quarter, a 合计 "
                       "column) and a training table", Style(appendix=True)),
    "toc-appendix-spaces": ("a table of contents and an appendix, tables blank-separated (empty cells as —)",
                            Style(sep=" ", toc=True, appendix=True, value=lambda v, k: _fmt(v) or "—")),
    "crawled-extra-rows": ("a saved page on one line, table 二 with rows agencies add (地方性法规, 其他规范性文件), "
                           "empty cells as —", Style(sep=" ", one_line=True, t2_extra_rows=True,
                                                    value=lambda v, k: _fmt(v) or "—")),
    "crawled-subtotal": ("a saved page on one line, table 三 with a 小计 column, empty cells as —",
                         Style(sep=" ", one_line=True, t3_subtotal=True, value=lambda v, k: _fmt(v) or "—")),
    "t4-columns-short": ("table 四's column words shortened (维持 纠正 其他 未审结 合计), tab rows",
                         Style(t4_columns=("维持", "纠正", "其他", "未审结", "合计"))),
    "t2-columns-reworded": ("table 二's column words in other years' words (本年新制发件数, 本年度废止件数, 现行有效"
                            "数量, 本年度处理决定数, 本年收费金额（万元）)",
                            Style(t2_columns={"本年制发件数": "本年新制发件数", "本年废止件数": "本年度废止件数",
                                              "现行有效件数": "现行有效数量", "本年处理决定数量": "本年度处理决定数",
                                              "本年收费金额（单位：万元）": "本年收费金额（万元）"})),
    "crawled-markdown": ("a saved page: the body on one line, the tables as markdown rows inside it",
                         Style(sep=" | ", frame="md-align", one_line=True)),
    # Fourth round (branch unseen4). The fmt2019-* variants print the figures in the 2019 试行
    # format (``as_2019``: how the cells map, which are scored); their false positives are
    # counted against ``BASELINE_2019`` (the same figures in tab rows).
    "fmt2019-pipes": ("the 2019 试行 format (its table 二, （六）其他处理 one row, a report on 2019 or 2020), "
                      "pipe rows | a | b |", Style(fmt2019=True, frame="pipes")),
    "fmt2019-crawled": ("the 2019 format on a saved page: the body on one line, cells joined by blanks, empty "
                        "cells as —", Style(fmt2019=True, sep=" ", one_line=True, value=lambda v, k: _fmt(v) or "—")),
    "fmt2019-pdf-layout": ("the 2019 format as pdftotext -layout prints it (columns by runs of spaces, wrapped "
                           "labels and header cells, a page break)", Style(fmt2019=True, frame="pdf-layout")),
    "pdf-layout": ("pdftotext -layout: columns aligned by runs of spaces, labels wrapped over two or three lines "
                   "with the values on the first, middle or last, header cells wrapped, a folio and a form feed "
                   "in table 三", Style(frame="pdf-layout")),
    "pdf-layout-pages": ("pdftotext -layout over a page break: a running head and table 三's (wrapped) header "
                         "rows again on the next page", Style(frame="pdf-layout-pages")),
    "pdf-layout-merged": ("pdftotext -layout of table 三 with merged group cells: each group label wrapped in its "
                          "narrow column, centred over its rows, sharing lines with the sub-rows' labels and values",
                          Style(frame="pdf-layout-merged", merged_cells=True)),
    "pdf-layout-blank-zeros": ("pdftotext -layout of tables 三 and 四 whose zeros are left blank (no row of table 三 "
                               "full: the header shows the columns)",
                               Style(frame="pdf-layout", value=lambda v, k: "" if v == 0 and k[:3] in ("t3.", "t4.")
                                     else _fmt(v))),
    "word-text-3rows": ("Word's plain text of a merged three-row header (申请人情况 / 自然人 法人或其他组织 总计 / "
                        "the five) and two-paragraph labels, merged cells once",
                        Style(label=_word_label, merged_cells=True, t3_header_lines=3, header_breaks=_HEADER_BREAKS)),
    "fmt2019-word-text": ("the 2019 format in Word's plain text: two-paragraph labels and header cells, merged "
                          "cells once", Style(fmt2019=True, label=_word_label, merged_cells=True,
                                              header_breaks=_HEADER_BREAKS)),
    "word-text-breaks": ("Word's 'save as plain text': tab rows, a long label's second paragraph on the next "
                         "physical line, header cells of two or three paragraphs, merged group cells written once",
                         Style(label=_word_label, merged_cells=True, header_breaks=_HEADER_BREAKS)),
    "sheet-quoted": ("a spreadsheet pasted into a web editor: tab rows, a cell holding a line break quoted "
                     "(\"1.属于国家秘密\n\"), merged group cells once, rows padded with trailing tabs",
                     Style(label=_sheet_label, merged_cells=True, frame="pad-tabs")),
    # A saved page whose cells kept their tabs (a <td> written as a tab) while its rows and
    # paragraphs were joined into one line: by a blank, by nothing, by a tab.
    "crawled-tab-cells": ("a saved page: the body on one line, cells as tabs, rows and paragraphs joined by a "
                          "blank", Style(one_line=True, one_line_join=" ")),
    "crawled-tab-glued": ("a saved page: the body on one line, cells as tabs, rows and paragraphs run together",
                          Style(one_line=True, one_line_join="")),
    "crawled-tab-only": ("a saved page: the body on one line, cells, rows and paragraphs all joined by tabs",
                         Style(one_line=True, one_line_join="\t")),
    # Fifth round (branch unseen5): converters' markdown, crawled text's debris, notes and
    # extra columns, table 三 column by column, other agencies.
    "md-mineru-html": ("markdown from MinerU: # headings, each table one line of <table> with rowspan/colspan",
                       Style(heading=_md_heading("#"), tables=_mineru_tables)),
    "md-docling-repeated": ("markdown from docling: ## headings, pipe tables whose merged cells repeat their text "
                            "in every place", Style(heading=_md_heading("##"), tables=_docling_tables)),
    "md-marker-br": ("markdown from marker: pipe tables, merged places empty, wrapped cells joined by <br>, "
                     "table 三 cut by a folio and a running head", Style(heading=_md_heading("#"), tables=_marker_tables)),
    "invisible-chars": ("a BOM, zero-width spaces / joiners and soft hyphens inside labels, digit runs and at cell "
                        "edges, tab rows", Style(post=_invisible_sprinkled)),
    "entities-literal": ("entities left as text (&nbsp; empty cells, &ensp; indents, &#160; after the numbering), "
                         "<br> inside labels, CRLF", Style(post=_entities_left)),
    "cr-mixed-blanks": ("CR-only line ends, cells cut by U+3000 or NBSP runs, empty cells as —",
                        Style(value=lambda v, k: _fmt(v) or "—", post=_cr_mixed_blanks)),
    "footnote-marks": ("footnote marks on values (12*, 3①, 5注, 2¹) and labels (（注1）), a 注： row inside table 三",
                       Style(value=_footnoted, label=_footnote_label, post=_footnote_post)),
    "remarks-column": ("a 备注 column closing tables 二 and 三, text (无, 含依申请转主动公开) in some rows",
                       Style(remarks=True)),
    "t3-column-major": ("table 三 column by column (a PDF tool reading top to bottom): every label, then each "
                        "column's word and its values one a line", Style(t3_form="columns")),
    "agency-street": ("a 街道办事处's report: another preface (统计期限自…起至…止), section 一 under five "
                      "sub-headings (（一）主动公开 …)", Style(preface=_street_preface, prose=_street_prose)),
    "agency-subheadings": ("a township, development zone, tax or police sub-bureau's report: another title and "
                           "preface (统计期限为…至12月31日), numbered lists in section 一, a sub-heading before "
                           "each table", Style(title=_agency_title, preface=_agency_preface, prose=_agency_prose,
                                               section_prose=_agency_sections)),
    "crawled-entities": ("a saved page on one line whose cells are joined by a literal &nbsp; (the crawler "
                         "escaped the page twice), empty cells as —",
                         Style(sep="&nbsp;", one_line=True, value=lambda v, k: _fmt(v) or "—")),
    "footnote-marks-spaces": ("footnote marks on values (3①, 5注, 2¹, 4（注1）), blank-separated rows, empty "
                              "cells as —", Style(sep=" ", value=lambda v, k: _footnoted(v, k) or "—",
                                                 label=_footnote_label)),
    "remarks-markdown": ("a 备注 column in markdown pipe tables with an alignment row, table 三's header over "
                         "three rows", Style(remarks=True, frame="md-align", t3_header_lines=3)),
    "remarks-numbered": ("a 序号 column first and a 备注 column last in table 三 (and 备注 in table 二), tab rows",
                         Style(remarks=True, numbered_labelled=True)),
    "crawled-tab-remarks": ("a saved page joined by tabs (crawled-tab-only) of tables closed by a 备注 column",
                            Style(one_line=True, one_line_join="\t", remarks=True)),
    "remarks-spaces": ("tables closed by a 备注 column, rows cut by blanks (a PDF's text of such a table)",
                       Style(sep=" ", remarks=True)),
    "crawled-remarks": ("a saved page on one line, cells and rows joined by blanks (crawled-one-line), its "
                        "tables closed by a 备注 column", Style(sep=" ", one_line=True, remarks=True,
                                                               value=lambda v, k: _fmt(v) or "—")),
    "crawled-units-glued": ("a saved page on one line, cells as tabs, rows run together, every cell carrying "
                            "its unit (…尚未审结\t总计0件\t0件…, 0件行政规范性文件)",
                            Style(one_line=True, one_line_join="", value=_units_everywhere)),
    "md-mineru-split": ("MinerU's markdown of table 三 over a page break: two one-line <table>s, the second "
                        "without header rows, a group's rowspan cut with it",
                        Style(heading=_md_heading("#"), tables=_mineru_split_tables)),
    "t3-column-major-skip": ("table 三 column by column as pdfminer streams it: each column's values one a line, "
                             "its empty cells left out", Style(t3_form="columns-skip")),
    "t4-two-tables": ("table 四 as two tables under their own captions: 行政复议 (5 words, 5 values), then "
                      "行政诉讼 with a row a kind of suit (未经复议直接起诉, 复议后起诉)", Style(t4_form="two-tables")),
    "t4-rows-total": ("table 四 as three rows (行政复议, 直接起诉, 复议后起诉) and a 合计 row under them",
                      Style(t4_rows=True, t4_total_row=True)),
    # Thirteenth session (branch combos13): families bench/combos.py found in two changes at once.
    "repeated-groups-spaces": ("a PDF's text of a table whose merged group cells were repeated on every row "
                               "(三、本年度办理结果 （六）其他处理 3.其他 0 0 …), cells cut by blanks, empty cells as —",
                               Style(sep=" ", merged_cells=True, repeat_groups=True, value=lambda v, k: _fmt(v) or "—")),
    "crawled-numbering-br": ("a saved page whose row labels break after their numbering (a <br>: 一、 / 本年新收…), "
                             "cells as tabs, rows and paragraphs joined by a blank (…\t2 二、 / 上年结转…)",
                             Style(one_line=True, one_line_join=" ", label=_own_line_numbering,
                                   group=_own_line_numbering)),
    "crawled-part-headings": ("a saved page (cells as tabs, rows and paragraphs joined by a blank) whose sections "
                              "are numbered as parts (第四部分　政府信息公开行政复议… after table 三's last value)",
                              Style(one_line=True, one_line_join=" ",
                                    heading=lambda s: "第" + s[0] + "部分\u3000" + s[2:])),
    "crawled-word-paragraphs": ("a saved page of Word's table (cells as tabs, merged cells once, rows joined by a "
                                "blank) whose long labels and header cells kept their second paragraph's line break "
                                "(…\t0 \t\t2.其他法律行政法规 / 禁止公开\t0 …)",
                                Style(one_line=True, one_line_join=" ", label=_word_label, merged_cells=True,
                                      header_breaks=_HEADER_BREAKS)),
    "columns-short-reordered": ("table 三's header shortened (合计 自然人 商业 公益 科研 法律 其他: 合计 first, two "
                                "columns swapped), blank-separated rows, empty cells as —",
                                Style(sep=" ", t3_columns=("自然人", "商业", "科研", "公益", "法律", "其他", "合计"),
                                      t3_order=(6, 0, 1, 3, 2, 4, 5), value=lambda v, k: _fmt(v) or "—")),
    "crawled-t4-blocks": ("a saved page (cells as tabs, rows and paragraphs joined by a blank) with table 四 as "
                          "two blocks (…总计 0\t0\t1\t0\t1 行政诉讼 未经复议直接起诉…)",
                          Style(one_line=True, one_line_join=" ", t4_two_blocks=True)),
    "word-text-two-years": ("Word's plain text of table 二 with 上年 columns beside the 本年 ones, header cells of two "
                            "paragraphs (上年收费金额 / （单位：万元）\t本年收费金额 / （单位：万元）)",
                            Style(t2_two_years=True, label=_word_label, merged_cells=True,
                                  header_breaks=_HEADER_BREAKS)),
    "t2-extra-rows-zero-words": ("table 二 with rows agencies add, zeros as — / 无 (a one-value row's too: 行政强制 无, "
                                 "then 其他行政管理事项 31), blank-separated", Style(sep=" ", t2_extra_rows=True,
                                                                            value=_zero_word)),
    # The fourteenth session's families (bench/combos.py, branch combos14).
    "crawled-tab-remarks-plain": ("a saved page joined by tabs (crawled-tab-only), tables closed by a 备注 column, "
                                  "row labels without their numbering: the header and every row on one line "
                                  "(…\t0\t无\t不予处理\t…)",
                                  Style(one_line=True, one_line_join="\t", remarks=True, label=_plain, group=_plain)),
    "csv-remarks": ("a spreadsheet's CSV quoting only what needs it, tables closed by a 备注 column "
                    "(规章,0,0,3,其中1件为网上申请; 行政许可,0,无)", Style(frame="csv-minimal", remarks=True)),
    "csv-every-field-remarks": ("a CSV whose exporter quotes every field, tables closed by a 备注 column "
                                "(\"行政许可\",\"0\",\"无\")", Style(frame="csv-every", remarks=True)),
    "crawled-tab-glued-plain": ("a saved page: cells as tabs, rows run together with nothing between them "
                                "(crawled-tab-glued), labels without numbering: each row's last value glued "
                                "to the next row's label (…\t0\t0结转下年度继续办理\t0…)",
                                Style(one_line=True, one_line_join="", label=_plain, group=_plain)),
    "word-text-remarks": ("Word's 'save as plain text' (word-text-breaks) of tables closed by a 备注 column: a "
                          "label's second paragraph on the line of its values and remark (不明确\t0\t…\t0\t无)",
                          Style(label=_word_label, merged_cells=True, header_breaks=_HEADER_BREAKS, remarks=True)),
}
#: The 2019-format variants' baseline: the same figures (``as_2019``) in tab rows.
BASELINE_2019 = Style(fmt2019=True)
DOC_VARIANTS = {
    "html-cms": "a CMS page: <div>s, <p>/<span> in every cell, &nbsp; padding, rowspan/colspan headers",
    "html-word": "Word's 'save as web page': MsoNormal <p> in every cell, labels wrapped in two <p>",
    "pdf-grid": "a PDF with ruled tables (merged headers, wrapped labels), read by the pdfium backend",
    "pdf-pages": "the same PDF in larger type: table 三 over a page break, header rows repeated, page numbers",
    "docx-merged": "a Word document: the tables with merged cells (group labels merged down, headers across)",
    "html-div-cells": "a CMS page whose tables are <div> rows of <div> cells (empty ones for merged places)",
    "html-span-cells": "a CMS page whose tables are <div> rows of <span> cells (empty ones for merged places)",
    # Third round.
    "pdf-unruled": "the PDF of pdf-grid with its tables drawn without rules (cells placed by whitespace alone)",
    "pdf-subtotal": "the PDF of pdf-grid, table 三 with a 小计 column closing the 法人或其他组织 group",
    "docx-subtotal": "the Word document of docx-merged, table 三 with a 小计 column (法人或其他组织 merged over six)",
    "html-div-subtotal": "the <div>-cell page of html-div-cells, table 三 with a 小计 column",
    "html-th-br": "the CMS page with <caption>s, 单位：件 paragraphs, <thead>/<th> headers and labels broken "
                  "after their numbering by <br/>",
    # Fourth round.
    "html-t3-pages": "a page whose article sits in a layout table; table 三 as two <table>s cut at a page (the "
                     "second repeating a two-row <thead> with rowspan/colspan), <td><p><span>, &nbsp; cells",
    "html-t3-groups": "the same with table 三 as one <table> a group of rows (only the first with the <thead>) "
                      "and table 二 as one <table> a block",
    "docx-text-box": "the Word document of docx-sdt-split with table 四 inside a text box (a drawing anchored "
                     "after its heading, and the VML copy for old readers)",
    "fmt2019-html": "the 2019 format on the page of html-t3-groups (table 二 one <table> a block, its 本年增/减 "
                    "signed; table 三 one a group, （六）其他处理 one row)",
    "docx-sdt-split": "a Word document, each table in a content control (w:sdt), table 三 split into two w:tbl "
                      "by a page break (the w:vMerge group labels cut with it)",
    # Eighth round: what an office suite makes of docx-merged's document (LibreOffice, headless;
    # skipped when `soffice` is not installed).
    "lo-pdf": "docx-merged's Word document with the template's ruled tables (every border drawn, columns as "
              "wide as their texts: long labels wrap) exported to PDF by LibreOffice, read by the pdfium backend",
    "lo-txt": "the same document saved as plain text by LibreOffice",
    "lo-html": "the same document saved as a web page by LibreOffice",
    "lo-subtotal-pdf": "the same with table 三's 小计 column (docx-subtotal), exported to PDF by LibreOffice",
    "lo-plain-pdf": "docx-merged's document as python-docx leaves it (no borders, no cell padding, every column "
                    "as wide: labels wrap every two characters) exported to PDF by LibreOffice",
    # A page saved as a PDF from the browser (Chromium headless, "print to PDF"; skipped
    # without `chromium`): how researchers keep crawled pages.
    "chrome-pdf-cms": "html-cms's page printed to PDF by Chromium",
    "chrome-pdf-word": "html-word's page (Word's 'save as web page') printed to PDF by Chromium",
    "chrome-pdf-div": "html-div-cells's page (<div> cells) printed to PDF by Chromium",
    "pdftotext-layout-lo": "lo-pdf's PDF as poppler's `pdftotext -layout` writes its text",
    "pdftotext-raw-lo": "lo-pdf's PDF as poppler's `pdftotext` writes it (its reading order, no layout)",
    "pdftotext-layout-grid": "pdf-grid's PDF (reportlab) as `pdftotext -layout` writes its text",
    "pdftotext-raw-grid": "pdf-grid's PDF (reportlab) as `pdftotext` writes it",
    "pdftotext-layout-chrome": "chrome-pdf-cms's PDF as `pdftotext -layout` writes its text",
    "pandoc-gfm-docx": "lo-pdf's Word document converted to GitHub markdown by pandoc",
    "pandoc-plain-docx": "the same document converted to plain text by pandoc",
    "pandoc-gfm-html": "html-cms's page converted to GitHub markdown by pandoc",
    "pandoc-plain-html": "html-cms's page converted to plain text by pandoc",
}

# Ninth round: the pages as crawlers' text extractors write them (bench/unseen_extractors.py).
DOC_VARIANTS.update(EXTRACTED_VARIANTS)

#: PDFs read by poppler's pdftotext (the text researchers feed to tools), with -layout or in
#: its reading order: (the variant whose PDF is read, layout?). Skipped without pdftotext.
_PDFTOTEXT = {"pdftotext-layout-lo": ("lo-pdf", True), "pdftotext-raw-lo": ("lo-pdf", False),
              "pdftotext-layout-grid": ("pdf-grid", True), "pdftotext-raw-grid": ("pdf-grid", False),
              "pdftotext-layout-chrome": ("chrome-pdf-cms", True)}


def pdf_to_text(reports: dict[str, ReportData], folder: Path, variant: str) -> dict[str, Path]:
    """The variant's source PDFs (made in a folder of their own) as poppler's pdftotext
    writes their text; {} without ``pdftotext`` or the source's tool."""
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        return {}
    source_variant, layout = _PDFTOTEXT[variant]
    pdfs = folder / "_pdf"
    pdfs.mkdir(parents=True, exist_ok=True)
    if source_variant in _OFFICE_EXPORTS:
        sources = render_office(reports, pdfs, source_variant)
    elif source_variant in _PRINTED_PAGES:
        sources = print_pages(reports, pdfs, source_variant)
    else:
        sources = {name: pdfs / f"{name}.pdf" for name, d in reports.items() if render_pdf(d, pdfs / f"{name}.pdf")}
    made = {}
    for name, pdf in sources.items():
        path = folder / f"{name}.txt"
        subprocess.run([tool, "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), str(path)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
        if path.exists():
            made[name] = path
    shutil.rmtree(pdfs, ignore_errors=True)
    return made


#: Documents and pages converted by pandoc (how researchers turn Word files and pages into
#: text): (source: "docx" for docx-merged's ruled document, "html" for html-cms's page,
#: pandoc's output format). Skipped without pandoc.
_PANDOC = {"pandoc-gfm-docx": ("docx", "gfm"), "pandoc-plain-docx": ("docx", "plain"),
           "pandoc-gfm-html": ("html", "gfm"), "pandoc-plain-html": ("html", "plain")}


def pandoc_text(reports: dict[str, ReportData], folder: Path, variant: str) -> dict[str, Path]:
    """The variant's source documents as pandoc writes them; {} without ``pandoc``."""
    import shutil
    import subprocess

    tool = shutil.which("pandoc")
    if tool is None:
        return {}
    source, to = _PANDOC[variant]
    made = {}
    for name, d in reports.items():
        src = folder / f"_{name}.{source}"
        if source == "docx":
            if not render_docx(d, src, ruled=True):
                continue
        else:
            src.write_text(render_html(d, word=False), encoding="utf-8")
        path = folder / f"{name}.{'md' if to == 'gfm' else 'txt'}"
        subprocess.run([tool, str(src), "-t", to, "-o", str(path)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120, check=False)
        src.unlink()
        if path.exists():
            made[name] = path
    return made


#: The page each browser-printed variant prints (made as that variant makes it).
_PRINTED_PAGES = {"chrome-pdf-cms": "html-cms", "chrome-pdf-word": "html-word", "chrome-pdf-div": "html-div-cells"}


def print_pages(reports: dict[str, ReportData], folder: Path, variant: str) -> dict[str, Path]:
    """The variant's pages printed to PDF by headless Chromium; {} without ``chromium``."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        return {}
    page_variant = _PRINTED_PAGES[variant]
    made = {}
    for name, d in reports.items():
        if page_variant == "html-div-cells":
            page = render_html_cells(d, "div")
        else:
            page = render_html(d, word=page_variant == "html-word")
        source = folder / f"{name}.html"
        source.write_text(page, encoding="utf-8")
        path = folder / f"{name}.pdf"
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={path}",
                        "--no-pdf-header-footer", f"--user-data-dir={folder / '_profile'}", source.as_uri()],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
        source.unlink()
        if path.exists():
            made[name] = path
    shutil.rmtree(folder / "_profile", ignore_errors=True)
    return made

#: LibreOffice's export filter for each office variant, and the extension it writes.
_OFFICE_EXPORTS = {"lo-pdf": ("pdf", "pdf"), "lo-subtotal-pdf": ("pdf", "pdf"), "lo-plain-pdf": ("pdf", "pdf"),
                   "lo-txt": ("txt:Text (encoded):UTF8", "txt"), "lo-html": ("html", "html")}


def render_office(reports: dict[str, ReportData], folder: Path, variant: str) -> dict[str, Path]:
    """docx-merged's documents (docx-subtotal's for a ``-subtotal`` variant; ruled, but for a
    ``-plain`` one) converted by LibreOffice in one headless run; {} when python-docx or
    ``soffice`` is missing."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {}
    source = folder / "_docx"
    source.mkdir(parents=True, exist_ok=True)
    docs = []
    for name, d in reports.items():
        if render_docx(d, source / f"{name}.docx", "subtotal" in variant, ruled="plain" not in variant):
            docs.append(str(source / f"{name}.docx"))
    export, ext = _OFFICE_EXPORTS[variant]
    if docs:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder / '_profile'}",
                        "--convert-to", export, "--outdir", str(folder), *docs],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)
    shutil.rmtree(source, ignore_errors=True)
    shutil.rmtree(folder / "_profile", ignore_errors=True)
    return {name: folder / f"{name}.{ext}" for name in reports if (folder / f"{name}.{ext}").exists()}


def write_all(out: Path, only: Optional[list[str]] = None) -> dict[str, dict]:
    """Write every variant (or those of ``only``, and the baseline) of every report under
    ``out``; returns {variant: {report: path}}."""
    written: dict[str, dict] = {}
    reports = load_reports()
    base = {"baseline": ("", BASELINE), "baseline-2019": ("", BASELINE_2019)}
    for variant, (_what, st) in {**base, **TEXT_VARIANTS}.items():
        if only is not None and variant not in base and variant not in only:
            continue
        folder = out / variant
        folder.mkdir(parents=True, exist_ok=True)
        for name, d in reports.items():
            path = folder / f"{name}.txt"
            path.write_text(render_text(as_2019(d) if st.fmt2019 else d, st), encoding="utf-8")
            written.setdefault(variant, {})[name] = path
    for variant in DOC_VARIANTS:
        if only is not None and variant not in only:
            continue
        folder = out / variant
        folder.mkdir(parents=True, exist_ok=True)
        maker = (render_office if variant in _OFFICE_EXPORTS else print_pages if variant in _PRINTED_PAGES
                 else pdf_to_text if variant in _PDFTOTEXT else pandoc_text if variant in _PANDOC
                 else extracted_text if variant in EXTRACTED_VARIANTS else None)
        if maker is not None:
            made = maker(reports, folder, variant)
            if made:
                written[variant] = made
            continue
        for name, d in reports.items():
            subtotal = variant.endswith("-subtotal")
            if variant in ("pdf-grid", "pdf-pages", "pdf-unruled", "pdf-subtotal"):
                path = folder / f"{name}.pdf"
                if not render_pdf(d, path, pages=variant == "pdf-pages", ruled=variant != "pdf-unruled", subtotal=subtotal):
                    continue
            elif variant in ("html-div-cells", "html-span-cells", "html-div-subtotal"):
                path = folder / f"{name}.html"
                path.write_text(render_html_cells(d, "span" if variant == "html-span-cells" else "div", subtotal),
                                encoding="utf-8")
            elif variant in ("html-t3-pages", "html-t3-groups", "fmt2019-html"):
                path = folder / f"{name}.html"
                page = render_html_parts(as_2019(d), True) if variant == "fmt2019-html" else \
                    render_html_parts(d, variant == "html-t3-groups")
                path.write_text(page, encoding="utf-8")
            elif variant in ("docx-sdt-split", "docx-text-box"):
                path = folder / f"{name}.docx"
                if not render_docx_parts(d, path, variant == "docx-text-box"):
                    continue
            elif variant == "html-th-br":
                path = folder / f"{name}.html"
                path.write_text(render_html_th_br(d), encoding="utf-8")
            elif variant in ("docx-merged", "docx-subtotal"):
                path = folder / f"{name}.docx"
                if not render_docx(d, path, subtotal):
                    continue
            else:
                path = folder / f"{name}.html"
                path.write_text(render_html(d, word=variant == "html-word"), encoding="utf-8")
            written.setdefault(variant, {})[name] = path
    return written


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
