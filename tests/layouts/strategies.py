"""Consistent reports rendered in every layout gplint reads.

``ReportData`` holds the figures of one report (T2, T3, T4) with every identity of
FORMAT.md §5.4/§6 true; ``render(data, layout)`` writes the whole report (title, the six
sections, prose that agrees with the tables, the three tables) in one of ``LAYOUTS`` and
returns the text plus the line each table cell stands on, so a test can check both the
value gplint reads and the line a diagnostic points at.

The hypothesis strategy ``report_data()`` draws random counts (mostly small, sometimes
large, many zeros, as real tables are) and derives the totals so the identities hold.

Issue 14 families (``FAMILY_LAYOUTS``, ``T3_ALT_LAYOUTS``, ``LAYOUTS_2019`` with
``report_data_2019``; ``report_data(sparse=/lost_totals=/decimal_fees=)``) are listed in
test_layout_properties.py's docstring; they are not in ``LAYOUTS`` until gplint reads them.
"""
from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from hypothesis import strategies as st

from gplint.labels import T3_STANDARD_LABELS
from gplint.model import T2_KEYS, T2_KEYS_2019, T3_COLS, T3_ROWS, T4_BLOCKS, T4_COLS

LEAVES = tuple(f"R{i:02d}" for i in range(3, 24))

LAYOUTS = (
    "pipe",          # markdown pipe table (PDF -> markdown, OCR markdown)
    "tabs",          # one row a line, label then tab-separated cells
    "cells",         # HTML converted one cell per line, an empty cell is an empty line
    "cells-spaced",  # one cell per line with a blank line after every cell (seeds 001/004)
    "spaces",        # label followed by blank-separated numbers (PDF text)
    "pdfminer",      # label blocks then values column by column, page footers inside
    "pypdf",         # one row a line, header words split, vertical labels, footers inside
    "browser",       # browser copy of an HTML table: tabs, row-spanning labels only once
    "nosep",         # crawled page flattened into one line, cells run together
)

#: Families of issue 14 (item 6): more layouts real reports use (see the module docstring).
FAMILY_LAYOUTS = (
    "run",            # one row a line, its digits run together after the label (or after a space)
    "run-spaced",     # as "run", stray U+00A0 / plain spaces at some cell boundaries ("20 0 0 0 02")
    "crawled",        # crawler header + the whole body on ONE line, spaces as pages leave them
    "crawled-spaced", # "crawled" with stray spaces inside the digit runs (czj-2025)
    "t4-inline",      # blank-separated rows; table 四's values on the line of its header words
    "browser-short",  # browser copy; a row that lost its 总计 cell has no cell for it at all
    "tabs-reordered", # table 三's header in another order (总计 first, two 法人 columns swapped)
    "pipe-reordered", # the same as a pipe table
    "spaces-reordered",  # the same, blank-separated words and numbers (PDF text: no cell marks)
    "tabs-wrapped",   # header cells wrapped over two rows (本年收费金额 / （单位：万元）)
    "units",          # cells carry a unit (12件, 12.5万元)
    "spaces-wrapped", # labels wrapped over two lines, a row's values continuing on the next line
)
#: ``LAYOUTS`` stays the layouts gplint reads: tests/robustness and bench render reports in
#: them and expect consistent reports to stay clean. A family moves into it once it passes.
BASE_LAYOUTS = LAYOUTS
ALL_LAYOUTS = LAYOUTS + FAMILY_LAYOUTS

#: Families whose rows run digits together: a row whose digits can be cut more than one way
#: may be flagged ``ambiguous-digit-split`` and left unread (never read wrong).
RUN_LAYOUTS = ("nosep", "run", "run-spaced", "crawled", "crawled-spaced")
#: Table 三 in a form other than rows of cells: read it, or say once (T190) it cannot.
T3_ALT_LAYOUTS = ("t3-transposed", "t3-kv")
#: The 2019 试行 format (国办公开办函〔2019〕60号): its own table 二, （六）其他处理 as one row.
LAYOUTS_2019 = ("2019-tabs", "2019-pipe", "2019-crawled")
NBSP = "\u00a0"

CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COL_LABELS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T4_COL_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

# Row path: (level-1 group, level-2 group, label). Group labels are printed once.
_G_RESULT = "三、本年度办理结果"
_GROUP_OF = {
    **{f"R{i:02d}": "（三）不予公开" for i in range(5, 13)},
    **{f"R{i:02d}": "（四）无法提供" for i in range(13, 16)},
    **{f"R{i:02d}": "（五）不予处理" for i in range(16, 21)},
    **{f"R{i:02d}": "（六）其他处理" for i in range(21, 24)},
}
_LABEL = dict(T3_STANDARD_LABELS)


@dataclass(frozen=True)
class ReportData:
    year: int
    org: str
    t2: dict  # T2 key -> int (fees may be a str decimal such as "1.5")
    t3: dict  # R01..R25 -> tuple of 7 Optional[int]
    t4: dict  # (block, col) -> Optional[int]
    #: "2021", or "2019": t2 keyed by T2_KEYS_2019, R21-R23 not printed, ``g6`` the lone
    #: （六）其他处理 row (7 counts).
    fmt: str = "2021"
    g6: Optional[tuple] = None

    def with_t3(self, row: str, col: int, value: Optional[int]) -> "ReportData":
        rows = dict(self.t3)
        vals = list(rows[row])
        vals[col] = value
        rows[row] = tuple(vals)
        return replace(self, t3=rows)

    def with_t4(self, key: tuple[str, str], value: Optional[int]) -> "ReportData":
        cells = dict(self.t4)
        cells[key] = value
        return replace(self, t4=cells)


def make_data(leaves: dict, r02: Sequence[int], r25: Sequence[int], t4_parts: dict, t2: dict,
              year: int = 2024, org: str = "某市某某局") -> ReportData:
    """Derive R24, R01 and every C7 so that all T3/T4 identities hold.

    ``leaves``: R03..R23 -> 6 counts; ``r02``/``r25``: 6 counts each; R01 = R24 + R25 - R02
    per column (callers keep it non-negative); ``t4_parts``: block -> 4 counts.
    """
    rows: dict[str, list[int]] = {r: list(leaves[r]) for r in LEAVES}
    rows["R24"] = [sum(rows[r][c] for r in LEAVES) for c in range(6)]
    rows["R25"] = list(r25)
    rows["R02"] = list(r02)
    rows["R01"] = [rows["R24"][c] + rows["R25"][c] - rows["R02"][c] for c in range(6)]
    t3 = {r: tuple(rows[r]) + (sum(rows[r]),) for r in T3_ROWS}
    t4 = {}
    for b in T4_BLOCKS:
        parts = list(t4_parts[b])
        for c, v in zip(T4_COLS, parts + [sum(parts)]):
            t4[(b, c)] = v
    return ReportData(year, org, dict(t2), t3, t4)


# --------------------------------------------------------------------------- strategy
_small = st.one_of(st.just(0), st.just(0), st.integers(0, 9), st.integers(0, 120), st.integers(0, 5000))


@st.composite
def report_data(draw, blanks: bool = False, sparse: bool = False, lost_totals: bool = False,
                decimal_fees: bool = False) -> ReportData:
    """A random consistent report. ``blanks``: some T3/T4 cells left empty (not given).

    ``sparse``: most T3 and T4 cells left empty (HTML tables whose zeros were left blank);
    ``lost_totals``: 1-3 T3 rows printed after a merged group label lost their 总计 cell;
    ``decimal_fees``: the 行政事业性收费 amount has decimals (万元). With all of them False
    the draws are the ones the original layouts were tested with."""
    leaves = {r: tuple(draw(_small) for _ in range(6)) for r in LEAVES}
    r25 = [draw(_small) for _ in range(6)]
    total = [sum(leaves[r][c] for r in LEAVES) for c in range(6)]
    r02 = [draw(st.integers(0, total[c] + r25[c])) if draw(st.booleans()) else 0 for c in range(6)]
    t4_parts = {b: tuple(draw(st.one_of(st.just(0), st.integers(0, 30))) for _ in range(4)) for b in T4_BLOCKS}
    t2 = {k: draw(st.one_of(st.just(0), st.integers(0, 400))) for k in T2_KEYS}
    year = draw(st.integers(2021, 2025))
    data = make_data(leaves, r02, r25, t4_parts, t2, year=year)
    if blanks:
        for _ in range(draw(st.integers(1, 3))):
            row = draw(st.sampled_from(T3_ROWS))
            data = data.with_t3(row, draw(st.integers(0, 6)), None)
    if sparse:
        for row in T3_ROWS:
            for c in range(7):
                if draw(st.integers(0, 3)):  # three cells in four left empty
                    data = data.with_t3(row, c, None)
        for key in list(data.t4):
            if draw(st.integers(0, 3)):
                data = data.with_t4(key, None)
    if lost_totals:
        for row in draw(st.lists(st.sampled_from(MERGED_ROWS), min_size=1, max_size=3, unique=True)):
            data = data.with_t3(row, 6, None)
    if decimal_fees:
        t2 = dict(data.t2)
        t2["fees"] = draw(st.integers(1, 99999)) / 100
        data = replace(data, t2=t2)
    return data


#: T3 rows a browser copy starts with empty cells (their group label was printed above).
MERGED_ROWS = ("R04", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R14", "R15", "R17", "R18",
               "R19", "R20", "R22", "R23", "R24")


@st.composite
def report_data_2019(draw) -> ReportData:
    """A consistent report on 2019 or 2020 in the 2019 试行 format: table 二 with its own
    columns (本年增/减 may be negative), （六）其他处理 one row, R21-R23 not printed."""
    base = draw(report_data())
    leaves = {r: list(base.t3[r][:6]) for r in LEAVES}
    g6 = [sum(leaves[r][c] for r in ("R21", "R22", "R23")) for c in range(6)]
    rows = {r: tuple(base.t3[r]) for r in T3_ROWS}
    for r in ("R21", "R22", "R23"):
        rows[r] = (None,) * 7
    t2 = {}
    for k in T2_KEYS_2019:
        if k.endswith(".change"):
            t2[k] = draw(st.integers(-20, 20))
        elif k == "procurement.amount":
            t2[k] = draw(st.integers(0, 99999)) / 100
        else:
            t2[k] = draw(st.one_of(st.just(0), st.integers(0, 400)))
    year = draw(st.integers(2019, 2020))
    return replace(base, year=year, t2=t2, t3=rows, fmt="2019", g6=tuple(g6) + (sum(g6),))


# --------------------------------------------------------------------------- writer
class _Writer:
    """Accumulates text and remembers the line each table cell is written on."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line = 1
        self.cells: dict[str, int] = {}

    def put(self, text: str, key: Optional[str] = None) -> None:
        if key is not None:
            self.cells[key] = self.line  # renderers never start a cell's text with a newline
        self.parts.append(text)
        self.line += text.count("\n")

    def text(self) -> str:
        return "".join(self.parts)


def _fmt(v) -> str:
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else str(v)
    return "" if v is None else str(v)


def _prose(d: ReportData) -> dict[str, str]:
    r01, r02, r24, r25 = (d.t3[r][6] for r in ("R01", "R02", "R24", "R25"))
    review = d.t4[("review", "total")]
    direct, after = d.t4[("direct", "total")], d.t4[("after_review", "total")]
    suits = None if direct is None or after is None else direct + after
    # A count the table leaves empty is not stated in the prose either.
    counts = [(f"共收到政府信息公开申请{_fmt(r01)}件", r01), (f"上年结转{_fmt(r02)}件", r02),
              (f"办结{_fmt(r24)}件", r24), (f"结转下年度继续办理{_fmt(r25)}件", r25)]
    cases = [(f"发生政府信息公开行政复议{review}件", review), (f"行政诉讼{suits}件", suits)]
    said = "，".join(t for t, v in counts if v is not None)
    cases_said = "，".join(t for t, v in cases if v is not None)
    return {
        "title": f"{d.org}{d.year}年政府信息公开工作年度报告",
        "preface": (f"本报告依据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限为"
                    f"{d.year}年1月1日至{d.year}年12月31日。"),
        "S1": (f"{d.year}年，本机关坚持以公开为常态" + (f"，{said}" if said else "") + "。"
               + (f"{cases_said}。" if cases_said else "")),
        "S5": "存在的主要问题是信息更新不够及时。下一步将加强培训，提升公开质量。",
        "S6": f"本机关{d.year}年度未收取信息处理费。",
        "sign": f"{d.org}\n{d.year + 1}年1月20日",
    }


_HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")

# T2 blocks: (heading, column labels, rows: (label, keys))
_T2_BLOCKS = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"),
     (("规章", ("rules.issued", "rules.repealed", "rules.in_force")),
      ("行政规范性文件", ("norm.issued", "norm.repealed", "norm.in_force")))),
    ("第二十条第（五）项", ("本年处理决定数量",), (("行政许可", ("licensing",)),)),
    ("第二十条第（六）项", ("本年处理决定数量",), (("行政处罚", ("penalty",)), ("行政强制", ("coercion",)))),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), (("行政事业性收费", ("fees",)),)),
)


_T2_BLOCKS_2019 = (
    ("第二十条第（一）项", ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
     (("规章", ("rules.made", "rules.published", "rules.total")),
      ("规范性文件", ("norm.made", "norm.published", "norm.total")))),
    ("第二十条第（五）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政许可", ("licensing.previous", "licensing.change", "licensing.decisions")),
      ("其他对外管理服务事项", ("other_services.previous", "other_services.change", "other_services.decisions")))),
    ("第二十条第（六）项", ("上一年项目数量", "本年增/减", "处理决定数量"),
     (("行政处罚", ("penalty.previous", "penalty.change", "penalty.decisions")),
      ("行政强制", ("coercion.previous", "coercion.change", "coercion.decisions")))),
    ("第二十条第（八）项", ("上一年项目数量", "本年增/减"), (("行政事业性收费", ("fees.previous", "fees.change")),)),
    ("第二十条第（九）项", ("采购项目数量", "采购总金额"), (("政府集中采购", ("procurement.items", "procurement.amount")),)),
)


def _t3_paths() -> list[tuple[str, str, str, str]]:
    """(row key, level-1 group, level-2 group, label) in table order."""
    out = []
    for r in T3_ROWS:
        g1 = _G_RESULT if r not in ("R01", "R02", "R25") else ""
        g2 = _GROUP_OF.get(r, "")
        out.append((r, g1, g2, _LABEL[r]))
    return out


# --------------------------------------------------------------------------- layouts
_STYLE = {"pipe-reordered": "pipe", "tabs-reordered": "tabs", "spaces-reordered": "spaces", "tabs-wrapped": "tabs",
          "units": "tabs",
          "t4-inline": "spaces", "spaces-wrapped": "spaces", "run-spaced": "run", "2019-tabs": "tabs",
          "2019-pipe": "pipe", "t3-transposed": "tabs", "t3-kv": "tabs"}
#: Table 三's columns in the "-reordered" layouts: 总计 first, 科研机构 and 社会公益组织 swapped.
REORDER = (6, 0, 1, 3, 2, 4, 5)


def _rng(layout: str, d: ReportData) -> random.Random:
    """A random source fixed by the layout and the figures (the same text every time)."""
    return random.Random(zlib.crc32(repr((layout, d.t2, d.t3, d.t4, d.g6)).encode()))


def _wrap_word(word: str) -> tuple[str, str]:
    """A header cell wrapped over two rows as narrow columns print it."""
    if "（" in word and not word.startswith("（"):
        i = word.index("（")
        return word[:i], word[i:]
    if "，" in word:
        i = word.index("，") + 1
        return word[:i], word[i:]
    if len(word) >= 4:
        return word[:-2], word[-2:]
    return word, ""


def _t2_blocks(d: ReportData):
    return _T2_BLOCKS_2019 if d.fmt == "2019" else _T2_BLOCKS


def _t2_text(d: ReportData, k: str) -> str:
    v = d.t2[k]
    if d.fmt == "2019" and k.endswith(".change") and v > 0:
        return f"+{v}"
    return _fmt(v)


def _t3_items(d: ReportData) -> list[tuple[str, str, str, str, tuple]]:
    """(row key, level-1 group, level-2 group, label, 7 values); the 2019 format prints
    （六）其他处理 as one row (key "G6") in place of R21-R23."""
    out = []
    for key, g1, g2, label in _t3_paths():
        if d.fmt == "2019" and key in ("R21", "R22", "R23"):
            if key == "R21":
                out.append(("G6", g1, "", "（六）其他处理", d.g6))
            continue
        out.append((key, g1, g2, label, d.t3[key]))
    return out


def _row_layout(w: _Writer, d: ReportData, layout: str) -> None:
    """pipe / tabs / spaces / pypdf and the families built on them: one table row a line."""
    style = _STYLE.get(layout, layout)
    perm = REORDER if layout.endswith("-reordered") else tuple(range(7))
    rng = _rng(layout, d)
    count = [0]

    def unit(text: str, key: Optional[str]) -> str:
        if layout != "units" or not text or key is None:
            return text
        return text + ("万元" if key == "t2.fees" else "件")

    def run(cells: Sequence[tuple[str, Optional[str]]]) -> None:
        for i, (text, key) in enumerate(cells):
            sep = rng.choice((" ", NBSP)) if i and layout == "run-spaced" and rng.random() < 0.4 else ""
            w.put(sep + (text or " "), key)  # an empty cell leaves the page's blank

    def row(label: str, cells: Sequence[tuple[str, Optional[str]]]) -> None:
        cells = [(unit(text, key), key) for text, key in cells]
        count[0] += 1
        if style == "pipe":
            w.put("| " + label + " |")
            for text, key in cells:
                w.put(" " + text + " |", key)
            w.put("\n")
        elif style == "tabs":
            w.put(label)
            for text, key in cells:
                w.put("\t" + text, key)
            w.put("\n")
        elif style == "run":
            w.put(label + (" " if label and count[0] % 2 else ""))
            run(cells)
            w.put("\n")
        elif layout == "spaces-wrapped" and len(label) > 14:
            half = len(label) // 2
            w.put(label[:half] + "\n" + label[half:])
            for text, key in cells:
                w.put(" " + (text or "—"), key)
            w.put("\n")
        elif layout == "spaces-wrapped" and len(cells) >= 3 and count[0] % 2:
            half = (len(cells) + 1) // 2
            w.put(label)
            for i, (text, key) in enumerate(cells):
                # The line break goes in before the cell, so the cell is recorded on the
                # line it is written on (the next one).
                w.put("\n" if i == half else " " if i or label else "")
                w.put(text or "—", key)
            w.put("\n")
        else:  # spaces / pypdf: a blank cell is printed as a dash, numbers blank-separated
            w.put(label)
            for text, key in cells:
                w.put(" " + (text or "—"), key)
            w.put("\n")

    def header(words: Sequence[str]) -> None:
        if layout == "tabs-wrapped":
            pairs = [_wrap_word(x) for x in words]
            w.put("\t".join(a for a, _ in pairs) + "\n" + "\t".join(b for _, b in pairs) + "\n")
        elif style == "pipe":
            w.put("| " + " | ".join(words) + " |\n")
            w.put("|" + "---|" * len(words) + "\n")
        elif style == "tabs":
            w.put("\t".join(words) + "\n")
        elif style == "pypdf":
            # Header words broken over lines as PDF text extraction does.
            for word in words:
                if len(word) >= 4:
                    w.put(" ".join(word[:3]) + "\n" + word[3:] + "\n")
                else:
                    w.put(word + "\n")
        else:
            w.put(" ".join(words) + "\n")

    p = _prose(d)
    _open(w, p)
    w.put(_HEADINGS[1] + "\n")
    for head, cols, rows in _t2_blocks(d):
        w.put(head + "\n")
        header(("信息内容",) + cols)
        for label, keys in rows:
            row(label, [(_t2_text(d, k), f"t2.{k}") for k in keys])
    w.put(_HEADINGS[2] + "\n")
    if layout == "t3-transposed":
        _t3_transposed(w, d)
    elif layout == "t3-kv":
        _t3_kv(w, d)
    else:
        if style == "pypdf":
            w.put(CAPTION + "\n申\n请\n人\n情\n况\n自然人\n法人或其他组织\n")
            header(T3_COL_LABELS[1:6])
            w.put("总计\n")
        else:
            header((CAPTION,) + tuple(T3_COL_LABELS[c] for c in perm))
        printed: set[str] = set()
        for key, g1, g2, label, values in _t3_items(d):
            for g in (g1, g2):
                if g and g not in printed:
                    printed.add(g)
                    if style == "pipe":
                        w.put("| " + g + " |" + " |" * 7 + "\n")
                    elif style == "pypdf" and g == _G_RESULT:
                        w.put("\n".join(g) + "\n")  # a vertical label, one character a line
                    else:
                        w.put(g + "\n")
            if style == "pypdf" and key == "R13":
                w.put("- 3 -\n")  # page footer inside the table
            row(label, [(_fmt(values[c]), f"t3.{key}.{T3_COLS[c]}") for c in perm])
    w.put(_HEADINGS[3] + "\n")
    cells = [(_fmt(d.t4[(b, c)]), f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLS]
    if layout == "t4-inline":
        # The values on the line of the column words.
        w.put("行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n" + " ".join(T4_COL_LABELS * 3))
        for text, key in cells:
            w.put(" " + (text or "—"), key)
        w.put("\n")
    elif layout == "tabs-wrapped":
        w.put("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n")
        header(T4_COL_LABELS * 3)
        row("", cells)
    elif layout in ("pipe", "tabs", "spaces", "pypdf"):
        _t4_header(w, layout)
        if layout == "pipe":
            w.put("|")
            for text, key in cells:
                w.put(" " + text + " |", key)
            w.put("\n")
        elif layout == "tabs":
            for i, (text, key) in enumerate(cells):
                w.put(("\t" if i else "") + text, key)
            w.put("\n")
        else:
            for i, (text, key) in enumerate(cells):
                w.put((" " if i else "") + (text or "—"), key)
            w.put("\n")
    else:
        _t4_header(w, style if style != "run" else "spaces")
        if style == "pipe":
            w.put("|")
            for text, key in cells:
                w.put(" " + unit(text, key) + " |", key)
            w.put("\n")
        elif style == "tabs":
            for i, (text, key) in enumerate(cells):
                w.put(("\t" if i else "") + unit(text, key), key)
            w.put("\n")
        else:
            row("", cells)
    _close(w, p)


def _t3_transposed(w: _Writer, d: ReportData) -> None:
    """Table 三 turned: one line per applicant type, the row labels across the top."""
    labels = []
    printed: set[str] = set()
    for key, g1, g2, label, values in _t3_items(d):
        prefix = "".join(g for g in (g1, g2) if g and g not in printed)
        printed.update((g1, g2))
        labels.append(prefix + label)
    w.put(CAPTION + "\n" + "\t".join(["申请人情况"] + labels) + "\n")
    items = _t3_items(d)
    for c, col in enumerate(T3_COL_LABELS):
        w.put(col)
        for key, _g1, _g2, _label, values in items:
            w.put("\t" + _fmt(values[c]), f"t3.{key}.{T3_COLS[c]}")
        w.put("\n")


def _t3_kv(w: _Writer, d: ReportData) -> None:
    """Table 三 written as sentences: ``label：自然人20，商业企业3，…，总计23。``"""
    printed: set[str] = set()
    for key, g1, g2, label, values in _t3_items(d):
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                w.put(g + "\n")
        w.put(label + "：")
        for c, col in enumerate(T3_COL_LABELS):
            w.put(("，" if c else "") + col + (_fmt(values[c]) or "—"), f"t3.{key}.{T3_COLS[c]}")
        w.put("。\n")


def _t4_header(w: _Writer, layout: str) -> None:
    if layout == "pipe":
        w.put("| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n|" + "---|" * 15 + "\n")
        w.put("| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n")
        w.put("| " + " | ".join(T4_COL_LABELS * 3) + " |\n")
    elif layout in ("tabs", "browser"):
        w.put("行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n")
        w.put("\t".join(T4_COL_LABELS * 3) + "\n")
    elif layout == "pypdf":
        w.put("行\n政\n复\n议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n")
        w.put(" ".join(T4_COL_LABELS * 3) + "\n")
    else:
        w.put("行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n" + " ".join(T4_COL_LABELS * 3) + "\n")


def _open(w: _Writer, p: dict) -> None:
    w.put(p["title"] + "\n\n" + p["preface"] + "\n\n" + _HEADINGS[0] + "\n\n" + p["S1"] + "\n\n")


def _close(w: _Writer, p: dict) -> None:
    w.put("\n" + _HEADINGS[4] + "\n\n" + p["S5"] + "\n\n" + _HEADINGS[5] + "\n\n" + p["S6"] + "\n\n"
          + p["sign"] + "\n")


def _html_cells(d: ReportData) -> list[tuple[str, Optional[str]]]:
    """The cells of the three HTML tables in document order (row spans once, col spans once),
    each with its cell key (None for labels), between section headings given as cells too."""
    out: list[tuple[str, Optional[str]]] = [(_HEADINGS[1], None)]
    for head, cols, rows in _T2_BLOCKS:
        out.append((head, None))
        out.extend((c, None) for c in ("信息内容",) + cols)
        for label, keys in rows:
            out.append((label, None))
            out.extend((_fmt(d.t2[k]), f"t2.{k}") for k in keys)
    out.append((_HEADINGS[2], None))
    out.extend((c, None) for c in (CAPTION, "申请人情况", "自然人", "法人或其他组织", "总计")
               + T3_COL_LABELS[1:6])
    printed: set[str] = set()
    for key, g1, g2, label in _t3_paths():
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                out.append((g, None))
        out.append((label, None))
        out.extend((_fmt(v), f"t3.{key}.{c}") for c, v in zip(T3_COLS, d.t3[key]))
    out.append((_HEADINGS[3], None))
    out.extend((c, None) for c in ("行政复议", "行政诉讼") + T4_COL_LABELS + ("未经复议直接起诉", "复议后起诉")
               + T4_COL_LABELS * 2)
    out.extend((_fmt(d.t4[(b, c)]), f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLS)
    return out


def _cells_layout(w: _Writer, d: ReportData, spaced: bool) -> None:
    p = _prose(d)
    _open(w, p)
    sep = "\n\n" if spaced else "\n"
    for text, key in _html_cells(d):
        w.put(text + sep, key)
    _close(w, p)


def _browser_layout(w: _Writer, d: ReportData, short: bool = False) -> None:
    """Browser copy of the HTML tables: a row a line, tab between cells, an empty cell is
    nothing between two tabs, a row-spanning label only on its first row (the later rows
    start with empty cells), a column-spanning label is one cell. ``short``: a table 三 row
    whose 总计 is empty lost that cell altogether (no tab for it)."""
    p = _prose(d)
    _open(w, p)
    w.put(_HEADINGS[1] + "\n")
    for head, cols, rows in _T2_BLOCKS:
        w.put(head + "\n" + "\t".join(("信息内容",) + cols) + "\n")
        for label, keys in rows:
            w.put(label)
            for k in keys:
                w.put("\t" + _fmt(d.t2[k]), f"t2.{k}")
            w.put("\n")
    w.put(_HEADINGS[2] + "\n")
    w.put(CAPTION + "\t申请人情况\n自然人\t法人或其他组织\t总计\n" + "\t".join(T3_COL_LABELS[1:6]) + "\n")
    seen: set[str] = set()
    for key, g1, g2, label in _t3_paths():
        cells = []
        for g in (g1, g2):
            if g:
                cells.append("" if g in seen else g)
                seen.add(g)
        w.put("\t".join(cells + [label]))
        for c, v in zip(T3_COLS, d.t3[key]):
            if short and c == "C7" and v is None:
                continue
            w.put("\t" + _fmt(v), f"t3.{key}.{c}")
        w.put("\n")
    w.put(_HEADINGS[3] + "\n")
    _t4_header(w, "browser")
    for i, (b, c) in enumerate((b, c) for b in T4_BLOCKS for c in T4_COLS):
        w.put(("\t" if i else "") + _fmt(d.t4[(b, c)]), f"t4.{b}.{c}")
    w.put("\n")
    _close(w, p)


def _pdfminer_layout(w: _Writer, d: ReportData) -> None:
    """pdfminer's column stream: a page's row labels one a line, then that page's numbers
    column by column, one a line, blank lines between; page footers between pages."""
    p = _prose(d)
    _open(w, p)
    w.put(_HEADINGS[1] + "\n\n")
    for head, cols, rows in _T2_BLOCKS:
        w.put(head + "\n\n" + "\n\n".join(("信息内容",) + cols) + "\n\n")
        for label, keys in rows:
            w.put(label + "\n\n")
        width = len(rows[0][1])
        for c in range(width):
            for label, keys in rows:
                w.put(_fmt(d.t2[keys[c]]) + "\n\n", f"t2.{keys[c]}")
    w.put("\f" + _HEADINGS[2] + "\n\n" + CAPTION + "\n\n申请人情况\n\n自然人\n\n法人或其他组织\n\n")
    w.put("商业\n企业\n\n科研\n机构\n\n社会\n公益\n组织\n\n法律\n服务\n机构\n\n其他\n\n总计\n\n")
    paths = _t3_paths()
    pages = (paths[:12], paths[12:])
    printed: set[str] = set()
    for n, page in enumerate(pages):
        if n:
            w.put("- 3 -\n\f")
        for key, g1, g2, label in page:
            for g in (g1, g2):
                if g and g not in printed:
                    printed.add(g)
                    w.put(g + "\n\n")
            w.put(label + "\n\n")
        for c in range(7):
            for key, *_ in page:
                # pdfminer drops an empty cell altogether; a dash is what can be read.
                w.put((_fmt(d.t3[key][c]) or "-") + "\n", f"t3.{key}.{T3_COLS[c]}")
            w.put("\n")
    w.put(_HEADINGS[3] + "\n\n行政复议\n\n行政诉讼\n\n" + "\n".join(T4_COL_LABELS) + "\n\n未经复议直接起诉\n\n复议后起诉\n\n"
          + "\n".join(T4_COL_LABELS * 2) + "\n\n")
    for b in T4_BLOCKS:
        for c in T4_COLS:
            w.put(_fmt(d.t4[(b, c)]) + "\n\n", f"t4.{b}.{c}")
    _close(w, p)


def _nosep_layout(w: _Writer, d: ReportData) -> None:
    """A crawled page flattened into ONE line: headings, prose and table cells run together,
    the digits of neighbouring cells with nothing between them."""
    p = _prose(d)
    w.put(p["title"] + p["preface"] + _HEADINGS[0] + p["S1"])
    for text, key in _html_cells(d):
        # An empty cell leaves no trace in flattened text; a dash cell does.
        w.put(text or ("-" if key else ""), key)
    w.put(_HEADINGS[4] + p["S5"] + _HEADINGS[5] + p["S6"] + p["sign"].replace("\n", "") + "\n")


def _crawled_layout(w: _Writer, d: ReportData, layout: str) -> None:
    """A page as the crawler saved it (平潭 pages, corpus/crawled): nine header lines, then
    the whole body on ONE line: headings, prose, header words and cells run together,
    blanks where the page left them (after some labels, between header words), each row's
    digits run together; "crawled-spaced" adds stray U+00A0 / plain spaces at some cell
    boundaries inside the runs ("20 0 0 0 02"), "2019-crawled" is the 2019 试行 format."""
    p = _prose(d)
    rng = _rng(layout, d)
    spaced = layout == "crawled-spaced"

    def run(cells) -> None:
        for i, (text, key) in enumerate(cells):
            sep = rng.choice((" ", NBSP)) if i and spaced and rng.random() < 0.5 else ""
            w.put(sep + (text or " "), key)

    w.put(f"标题: {p['title']}\n发布时间: {d.year + 1}-01-20 10:00\n文号: \n发布机构: {d.org}\n栏目: 政府信息公开年报\n"
          f"原文链接: https://www.example.gov.cn/zwgk/zfxxgknb/{d.year + 1}01/t{d.year + 1}0120_1.htm\n"
          f"本地目录: zwgk/zfxxgknb/{d.year + 1}01/1_{p['title']}\n页面链接与图片详见 links.tsv(同目录)\n"
          "==================== 正文 ====================\n")
    w.put(p["title"] + " " + p["preface"] + _HEADINGS[0] + p["S1"] + " " + _HEADINGS[1])
    for n, (head, cols, rows) in enumerate(_t2_blocks(d)):
        if n == 0:  # the first block's header words blank-separated, its first label after a blank
            w.put(head + " 信息内容 " + " ".join(cols) + " ")
        else:
            w.put(head + "信息内容" + "".join(cols))
        for label, keys in rows:
            w.put(label)
            run([(_t2_text(d, k), f"t2.{k}") for k in keys])
    w.put(" " + _HEADINGS[2] + " " + CAPTION + " 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 "
          "法律服务机构 其他 ")
    printed: set[str] = set()
    for key, g1, g2, label, values in _t3_items(d):
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                w.put(g + " ")
        w.put(label + ("" if spaced else " "))
        run([(_fmt(v), f"t3.{key}.{c}") for c, v in zip(T3_COLS, values)])
    w.put(" " + _HEADINGS[3] + "行政复议 行政诉讼 " + " ".join(T4_COL_LABELS) + " 未经复议直接起诉 复议后起诉 "
          + " ".join(T4_COL_LABELS * 2) + " ")
    run([(_fmt(d.t4[(b, c)]), f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLS])
    w.put(" " + _HEADINGS[4] + p["S5"] + _HEADINGS[5] + p["S6"] + " " + p["sign"].replace("\n", " ") + "\n")


def render(d: ReportData, layout: str) -> tuple[str, dict[str, int]]:
    """The report text in ``layout`` and, for every cell key ("t3.R01.C1", "t2.fees",
    "t4.review.total"), the 1-based line it is written on."""
    w = _Writer()
    if layout in ("pipe", "tabs", "spaces", "pypdf", "run", "run-spaced", "t4-inline", "tabs-reordered",
                  "pipe-reordered", "spaces-reordered", "tabs-wrapped", "units", "spaces-wrapped", "2019-tabs", "2019-pipe",
                  *T3_ALT_LAYOUTS):
        _row_layout(w, d, layout)
    elif layout in ("crawled", "crawled-spaced", "2019-crawled"):
        _crawled_layout(w, d, layout)
    elif layout == "browser-short":
        _browser_layout(w, d, short=True)
    elif layout in ("cells", "cells-spaced"):
        _cells_layout(w, d, layout == "cells-spaced")
    elif layout == "browser":
        _browser_layout(w, d)
    elif layout == "pdfminer":
        _pdfminer_layout(w, d)
    elif layout == "nosep":
        _nosep_layout(w, d)
    else:
        raise ValueError(layout)
    return w.text(), w.cells


def expected_cells(d: ReportData) -> dict[str, object]:
    """Every cell as ``gplint.dump.report_to_dict`` shows it, keyed "t3.R01.C1" etc."""
    out: dict[str, object] = {}
    for k in (T2_KEYS_2019 if d.fmt == "2019" else T2_KEYS):
        out[f"t2.{k}"] = d.t2[k]
    for r in T3_ROWS:
        for c, v in zip(T3_COLS, d.t3[r]):
            out[f"t3.{r}.{c}"] = v
    if d.g6 is not None:
        for c, v in zip(T3_COLS, d.g6):
            out[f"t3.G6.{c}"] = v
    for b in T4_BLOCKS:
        for c in T4_COLS:
            out[f"t4.{b}.{c}"] = d.t4[(b, c)]
    return out


def read_cells(dump: dict, fmt: str = "2021") -> dict[str, object]:
    """The same keys read from ``report_to_dict(parse(text))`` (``fmt`` "2019": table 二's
    2019 keys and the lone （六）其他处理 row as "t3.G6.C1"...)."""
    out: dict[str, object] = {}
    t2 = dump.get("t2") or {}
    t3 = dump.get("t3") or {}
    t4 = dump.get("t4") or {}
    for k in (T2_KEYS_2019 if fmt == "2019" else T2_KEYS):
        out[f"t2.{k}"] = t2.get(k)
    for r in T3_ROWS:
        for c in T3_COLS:
            out[f"t3.{r}.{c}"] = (t3.get(r) or {}).get(c)
    if fmt == "2019":
        g6 = (dump.get("t3_groups") or {}).get("G6") or {}
        for c in T3_COLS:
            out[f"t3.G6.{c}"] = g6.get(c)
    for b in T4_BLOCKS:
        for c in T4_COLS:
            out[f"t4.{b}.{c}"] = (t4.get(b) or {}).get(c)
    return out
