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

import html
import json
import random
import re
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "layouts"))

from strategies import (_HEADINGS, _T2_BLOCKS, CAPTION, T3_COL_LABELS, T4_COL_LABELS,  # noqa: E402
                        ReportData, _prose, _t3_paths)

from gplint.model import T2_KEYS, T3_COLS, T3_ROWS, T4_BLOCKS, T4_COLS  # noqa: E402

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
    lead = ["序号"] if st.numbered_rows or st.numbered_labelled else []
    if st.header_word_lines:
        return [CAPTION, "申请人情况"] + cols
    if st.t3_header_lines == 1:
        return [sep.join(lead + [CAPTION] + cols)]
    if st.t3_header_lines == 2:
        return [sep.join(lead + [CAPTION, "申请人情况"]), sep.join(cols)]
    # Three header rows as Word pastes a merged header: 申请人情况 / 自然人 法人或其他组织 总计 / the five.
    return [sep.join(lead + [CAPTION, "申请人情况"]), sep.join(lead + ["", "自然人", "法人或其他组织", "总计"]),
            sep.join(lead + [""] + list(T3_COL_LABELS[1:6]))]


def _t3_rows(st: Style, d: ReportData) -> list[str]:
    out = []
    printed: set[str] = set()
    if st.numbered_labelled:
        return [st.sep.join([str(n), line]) for n, line in enumerate(_t3_rows(replace(st, numbered_labelled=False), d), 1)]
    for n, (key, g1, g2, label) in enumerate(_t3_paths(), 1):
        values = [_cell(st, d.t3[key][c], f"t3.{key}.{T3_COLS[c]}") for c in st.t3_order]
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
    if st.t4_rows:
        names = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
        return [sep.join([""] + list(T4_COL_LABELS))] + [sep.join([n] + vals[5 * i:5 * i + 5])
                                                          for i, n in enumerate(names)]
    if st.t4_two_blocks:
        return ["行政复议", sep.join(T4_COL_LABELS), sep.join(vals[:5]),
                "行政诉讼", sep.join(["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"]),
                sep.join(T4_COL_LABELS * 2), sep.join(vals[5:])]
    return [sep.join(["行政复议"] + [""] * 4 + ["行政诉讼"]),
            sep.join([""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"]),
            sep.join(T4_COL_LABELS * 3), sep.join(vals)]


def _spaced(st: Style, lines: list[str]) -> list[str]:
    return [x for line in lines for x in (line, "")] if st.blank_between else lines


def render_text(d: ReportData, st: Style) -> str:
    p = _prose(d)
    h = [st.heading(x) for x in _HEADINGS]
    lines = [p["title"], "", p["preface"], "", h[0], "", st.prose(d) if st.prose else p["S1"], "", h[1]]
    for head, cols, rows in _T2_BLOCKS:
        two_years = st.t2_two_years and len(cols) == 1
        words = ("上年" + cols[0][2:], cols[0]) if two_years else cols
        if st.t2_block_heads == "header":
            lines.append(st.sep.join((head,) + words))
        else:
            lines += ([head] if st.t2_block_heads == "line" else []) + [st.sep.join(("信息内容",) + words)]
        for label, keys in rows:
            values = [_cell(st, d.t2[k], f"t2.{k}") for k in keys]
            if st.t2_one_value_at and len(keys) == 1:
                values = [""] * st.t2_one_value_at + values + [""] * (2 - st.t2_one_value_at)
            if two_years:
                values = [_cell(st, _last_year(d.t2[keys[0]], keys[0]), "t2.last")] + values
            label = st.t2_label(label)
            lines.append(label + "：" + st.sep.join(values) if st.row_form == "colon"
                         else st.sep.join([label] + values))
    lines.append(h[2])
    for i, part in enumerate(st.t3_parts or (st.t3_order,)):
        sub = replace(st, t3_order=part)
        rows = _t3_rows(sub, d) if not i else _later_part_rows(_t3_rows(sub, d), st.sep, st.t3_part_labels)
        lines += (list(st.t3_part_between) if i else []) + _spaced(st, _t3_header(sub) + rows)
    lines.append(h[3])
    lines += _spaced(st, _t4_lines(st, d))
    lines += ["", h[4], "", p["S5"], "", h[5], "", p["S6"], "", p["sign"], ""]
    if st.one_line:
        body = " ".join(x.strip() for x in lines[1:] if x.strip())
        return "\n".join([p["title"], "发布时间：2025-01-20 来源：本机关 浏览次数：128", body, ""])
    return "\n".join(lines)


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


def render_html_cells(d: ReportData, tag: str) -> str:
    """A CMS page whose tables are not <table>s: a row is a <div>, each cell a ``tag``
    (<div> or <span>) styled as a table cell, a merged cell's covered places left as empty
    elements (the grid of the DOCX variant)."""
    p = _prose(d)
    rows_html = []
    for grid, _merges in _grids(d):
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


# --------------------------------------------------------------------------- DOCX
def _grids(d: ReportData) -> list[tuple[list[list[str]], list[tuple[int, int, int, int]]]]:
    """The three tables as (cell texts on the full grid, merges (row0, col0, row1, col1))."""
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
    t3 = [[CAPTION, "", "", "申请人情况"] + [""] * 6, ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
          ["", "", "", ""] + list(T3_COL_LABELS[1:6]) + [""]]
    m3 = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]
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
        t3.append(row + [_fmt(v) for v in d.t3[key]])
    for (col, g), rows in rows_of.items():
        t3[rows[0]][col] = g
        m3.append((rows[0], col, rows[-1], col))
    t4 = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
          [""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
          list(T4_COL_LABELS * 3), [_fmt(d.t4[(b, c)]) for b in T4_BLOCKS for c in T4_COLS]]
    m4 = [(0, 0, 1, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)]
    return [(t2, m2), (t3, m3), (t4, m4)]


def render_docx(d: ReportData, path: Path) -> bool:
    """A DOCX as an office writes it in Word: paragraphs, and the three tables with merged
    cells (vertical merges for the group labels, horizontal ones for headers and one-value
    rows of table 二). False when python-docx is missing."""
    try:
        import docx
    except ImportError:
        return False
    doc = docx.Document()
    p = _prose(d)
    for x in (p["title"], p["preface"], _HEADINGS[0], p["S1"], _HEADINGS[1]):
        doc.add_paragraph(x)
    for n, (grid, merges) in enumerate(_grids(d)):
        if n:
            doc.add_paragraph(_HEADINGS[1 + n])
        table = doc.add_table(rows=len(grid), cols=len(grid[0]))
        for r0, c0, r1, c1 in merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
    for x in (_HEADINGS[4], p["S5"], _HEADINGS[5], p["S6"], *p["sign"].split("\n")):
        doc.add_paragraph(x)
    doc.save(str(path))
    return True


# --------------------------------------------------------------------------- PDF
def render_pdf(d: ReportData, path: Path, pages: bool = False) -> bool:
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
    grid = TableStyle([("FONT", (0, 0), (-1, -1), "WQY", size), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    p = _prose(d)
    story = [Paragraph(x, body) for x in (p["title"], p["preface"], _HEADINGS[0], p["S1"], _HEADINGS[1])]
    widths = ([120, 90, 90, 90], [40, 50, 130] + [38] * 7, None)
    for n, (rows, merges) in enumerate(_grids(d)):
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
}
DOC_VARIANTS = {
    "html-cms": "a CMS page: <div>s, <p>/<span> in every cell, &nbsp; padding, rowspan/colspan headers",
    "html-word": "Word's 'save as web page': MsoNormal <p> in every cell, labels wrapped in two <p>",
    "pdf-grid": "a PDF with ruled tables (merged headers, wrapped labels), read by the pdfium backend",
    "pdf-pages": "the same PDF in larger type: table 三 over a page break, header rows repeated, page numbers",
    "docx-merged": "a Word document: the tables with merged cells (group labels merged down, headers across)",
    "html-div-cells": "a CMS page whose tables are <div> rows of <div> cells (empty ones for merged places)",
    "html-span-cells": "a CMS page whose tables are <div> rows of <span> cells (empty ones for merged places)",
}


def write_all(out: Path, only: Optional[list[str]] = None) -> dict[str, dict]:
    """Write every variant (or those of ``only``, and the baseline) of every report under
    ``out``; returns {variant: {report: path}}."""
    written: dict[str, dict] = {}
    reports = load_reports()
    for variant, (_what, st) in {"baseline": ("", BASELINE), **TEXT_VARIANTS}.items():
        if only is not None and variant != "baseline" and variant not in only:
            continue
        folder = out / variant
        folder.mkdir(parents=True, exist_ok=True)
        for name, d in reports.items():
            path = folder / f"{name}.txt"
            path.write_text(render_text(d, st), encoding="utf-8")
            written.setdefault(variant, {})[name] = path
    for variant in DOC_VARIANTS:
        if only is not None and variant not in only:
            continue
        folder = out / variant
        folder.mkdir(parents=True, exist_ok=True)
        for name, d in reports.items():
            if variant in ("pdf-grid", "pdf-pages"):
                path = folder / f"{name}.pdf"
                if not render_pdf(d, path, pages=variant == "pdf-pages"):
                    continue
            elif variant in ("html-div-cells", "html-span-cells"):
                path = folder / f"{name}.html"
                path.write_text(render_html_cells(d, "div" if variant == "html-div-cells" else "span"), encoding="utf-8")
            elif variant == "docx-merged":
                path = folder / f"{name}.docx"
                if not render_docx(d, path):
                    continue
            else:
                path = folder / f"{name}.html"
                path.write_text(render_html(d, word=variant == "html-word"), encoding="utf-8")
            written.setdefault(variant, {})[name] = path
    return written


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
