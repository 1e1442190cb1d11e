"""Consistent reports rendered in every layout gplint reads.

``ReportData`` holds the figures of one report (T2, T3, T4) with every identity of
FORMAT.md §5.4/§6 true; ``render(data, layout)`` writes the whole report (title, the six
sections, prose that agrees with the tables, the three tables) in one of ``LAYOUTS`` and
returns the text plus the line each table cell stands on, so a test can check both the
value gplint reads and the line a diagnostic points at.

The hypothesis strategy ``report_data()`` draws random counts (mostly small, sometimes
large, many zeros, as real tables are) and derives the totals so the identities hold.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence

from hypothesis import strategies as st

from gplint.format import FORMAT_2021 as _FMT

# The format's facts, from its one copy (gplint.format).
T2_KEYS = _FMT.t2.keys
T3_ROWS = _FMT.t3.row_keys
T3_COLS = _FMT.t3.column_keys
T4_BLOCKS = _FMT.t4.block_keys
T4_COLS = _FMT.t4.column_keys
LEAVES = _FMT.t3.leaves

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

CAPTION = _FMT.t3.caption
T3_COL_LABELS = tuple(c.label for c in _FMT.t3.columns)
T4_COL_LABELS = tuple(c.label for c in _FMT.t4.columns)
#: 三、本年度办理结果: the level-1 group label, printed vertically by pypdf.
_G_RESULT = _FMT.t3.group("G0").label
_APPLICANT = _FMT.t3.header  # 申请人情况
_ORG = _FMT.t3.column("C2").group or ""  # 法人或其他组织, over C2…C6
_REVIEW, _DIRECT, _AFTER = _FMT.t4.blocks


@dataclass(frozen=True)
class ReportData:
    year: int
    org: str
    t2: dict  # T2 key -> int (fees may be a str decimal such as "1.5")
    t3: dict  # R01..R25 -> tuple of 7 Optional[int]
    t4: dict  # (block, col) -> Optional[int]

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
def report_data(draw, blanks: bool = False) -> ReportData:
    """A random consistent report. ``blanks``: some T3/T4 cells left empty (not given)."""
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
    return data


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
    return "" if v is None else str(v)


def _prose(d: ReportData) -> dict[str, str]:
    r01, r02, r24, r25 = (d.t3[r][6] for r in ("R01", "R02", "R24", "R25"))
    review = d.t4[("review", "total")]
    suits = d.t4[("direct", "total")] + d.t4[("after_review", "total")]
    return {
        "title": f"{d.org}{d.year}年政府信息公开工作年度报告",
        "preface": (f"本报告依据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限为"
                    f"{d.year}年1月1日至{d.year}年12月31日。"),
        "S1": (f"{d.year}年，本机关坚持以公开为常态，共收到政府信息公开申请{_fmt(r01)}件，"
               f"上年结转{_fmt(r02)}件，办结{_fmt(r24)}件，结转下年度继续办理{_fmt(r25)}件。"
               f"发生政府信息公开行政复议{review}件，行政诉讼{suits}件。"),
        "S5": "存在的主要问题是信息更新不够及时。下一步将加强培训，提升公开质量。",
        "S6": f"本机关{d.year}年度未收取信息处理费。",
        "sign": f"{d.org}\n{d.year + 1}年1月20日",
    }


_HEADINGS = tuple(sec.heading for sec in _FMT.sections)

# T2 blocks: (heading, column labels, rows: (label, keys))
_T2_BLOCKS = tuple((b.heading, tuple(c.label for c in b.columns),
                    tuple((r.label, _FMT.t2.row_keys[r.key]) for r in b.rows)) for b in _FMT.t2.blocks)
_LABEL_HEADER = _FMT.t2.label_header  # 信息内容


def _t3_paths() -> list[tuple[str, str, str, str]]:
    """(row key, level-1 group, level-2 group, label) in table order; group labels are
    printed once, before their first row."""
    return list(_FMT.t3.paths())


# --------------------------------------------------------------------------- layouts
def _row_layout(w: _Writer, d: ReportData, layout: str) -> None:
    """pipe / tabs / spaces / pypdf: one table row a line."""
    def row(label: str, cells: Sequence[tuple[str, Optional[str]]]) -> None:
        if layout == "pipe":
            w.put("| " + label + " |")
            for text, key in cells:
                w.put(" " + text + " |", key)
            w.put("\n")
        elif layout == "tabs":
            w.put(label)
            for text, key in cells:
                w.put("\t" + text, key)
            w.put("\n")
        else:  # spaces / pypdf: a blank cell is printed as a dash, numbers blank-separated
            w.put(label)
            for text, key in cells:
                w.put(" " + (text or "—"), key)
            w.put("\n")

    def header(words: Sequence[str]) -> None:
        if layout == "pipe":
            w.put("| " + " | ".join(words) + " |\n")
            w.put("|" + "---|" * len(words) + "\n")
        elif layout == "tabs":
            w.put("\t".join(words) + "\n")
        elif layout == "pypdf":
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
    for head, cols, rows in _T2_BLOCKS:
        w.put(head + "\n")
        header((_LABEL_HEADER,) + cols)
        for label, keys in rows:
            row(label, [(_fmt(d.t2[k]), f"t2.{k}") for k in keys])
    w.put(_HEADINGS[2] + "\n")
    if layout == "pypdf":
        w.put(CAPTION + "\n" + "\n".join(_APPLICANT) + f"\n{T3_COL_LABELS[0]}\n{_ORG}\n")
        header(T3_COL_LABELS[1:6])
        w.put("总计\n")
    else:
        header((CAPTION,) + T3_COL_LABELS)
    printed: set[str] = set()
    for key, g1, g2, label in _t3_paths():
        for g in (g1, g2):
            if g and g not in printed:
                printed.add(g)
                if layout == "pipe":
                    w.put("| " + g + " |" + " |" * 7 + "\n")
                elif layout == "pypdf" and g == _G_RESULT:
                    w.put("\n".join(g) + "\n")  # a vertical label, one character a line
                else:
                    w.put(g + "\n")
        if layout == "pypdf" and key == "R13":
            w.put("- 3 -\n")  # page footer inside the table
        row(label, [(_fmt(v), f"t3.{key}.{c}") for c, v in zip(T3_COLS, d.t3[key])])
    w.put(_HEADINGS[3] + "\n")
    _t4_header(w, layout)
    cells = [(_fmt(d.t4[(b, c)]), f"t4.{b}.{c}") for b in T4_BLOCKS for c in T4_COLS]
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
    _close(w, p)


def _t4_header(w: _Writer, layout: str) -> None:
    if layout == "pipe":
        w.put(f"| {_REVIEW.label} | | | | | {_DIRECT.parent} | | | | | | | | | |\n|" + "---|" * 15 + "\n")
        w.put(f"| | | | | | {_DIRECT.label} | | | | | {_AFTER.label} | | | | |\n")
        w.put("| " + " | ".join(T4_COL_LABELS * 3) + " |\n")
    elif layout in ("tabs", "browser"):
        w.put(f"{_REVIEW.label}\t\t\t\t\t{_DIRECT.parent}\n\t\t\t\t\t{_DIRECT.label}\t\t\t\t\t{_AFTER.label}\n")
        w.put("\t".join(T4_COL_LABELS * 3) + "\n")
    elif layout == "pypdf":
        w.put("\n".join(_REVIEW.label) + f"\n{_DIRECT.parent}\n{_DIRECT.label}\n{_AFTER.label}\n")
        w.put(" ".join(T4_COL_LABELS * 3) + "\n")
    else:
        w.put(f"{_REVIEW.label} {_DIRECT.parent}\n{_DIRECT.label} {_AFTER.label}\n" + " ".join(T4_COL_LABELS * 3) + "\n")


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
        out.extend((c, None) for c in (_LABEL_HEADER,) + cols)
        for label, keys in rows:
            out.append((label, None))
            out.extend((_fmt(d.t2[k]), f"t2.{k}") for k in keys)
    out.append((_HEADINGS[2], None))
    out.extend((c, None) for c in (CAPTION, _APPLICANT, T3_COL_LABELS[0], _ORG, T3_COL_LABELS[-1])
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
    out.extend((c, None) for c in (_REVIEW.label, _DIRECT.parent) + T4_COL_LABELS + (_DIRECT.label, _AFTER.label)
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


def _browser_layout(w: _Writer, d: ReportData) -> None:
    """Browser copy of the HTML tables: a row a line, tab between cells, an empty cell is
    nothing between two tabs, a row-spanning label only on its first row (the later rows
    start with empty cells), a column-spanning label is one cell."""
    p = _prose(d)
    _open(w, p)
    w.put(_HEADINGS[1] + "\n")
    for head, cols, rows in _T2_BLOCKS:
        w.put(head + "\n" + "\t".join((_LABEL_HEADER,) + cols) + "\n")
        for label, keys in rows:
            w.put(label)
            for k in keys:
                w.put("\t" + _fmt(d.t2[k]), f"t2.{k}")
            w.put("\n")
    w.put(_HEADINGS[2] + "\n")
    w.put(f"{CAPTION}\t{_APPLICANT}\n{T3_COL_LABELS[0]}\t{_ORG}\t{T3_COL_LABELS[-1]}\n" + "\t".join(T3_COL_LABELS[1:6]) + "\n")
    seen: set[str] = set()
    for key, g1, g2, label in _t3_paths():
        cells = []
        for g in (g1, g2):
            if g:
                cells.append("" if g in seen else g)
                seen.add(g)
        w.put("\t".join(cells + [label]))
        for c, v in zip(T3_COLS, d.t3[key]):
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
        w.put(head + "\n\n" + "\n\n".join((_LABEL_HEADER,) + cols) + "\n\n")
        for label, keys in rows:
            w.put(label + "\n\n")
        width = len(rows[0][1])
        for c in range(width):
            for label, keys in rows:
                w.put(_fmt(d.t2[keys[c]]) + "\n\n", f"t2.{keys[c]}")
    w.put("\f" + _HEADINGS[2] + "\n\n" + CAPTION + f"\n\n{_APPLICANT}\n\n{T3_COL_LABELS[0]}\n\n{_ORG}\n\n")
    # The other column labels wrapped two characters a line, as in a narrow PDF column.
    w.put("".join("\n".join(lb[i:i + 2] for i in range(0, len(lb), 2)) + "\n\n" for lb in T3_COL_LABELS[1:]))
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
    w.put(_HEADINGS[3] + f"\n\n{_REVIEW.label}\n\n{_DIRECT.parent}\n\n" + "\n".join(T4_COL_LABELS) + f"\n\n{_DIRECT.label}\n\n{_AFTER.label}\n\n"
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


def render(d: ReportData, layout: str) -> tuple[str, dict[str, int]]:
    """The report text in ``layout`` and, for every cell key ("t3.R01.C1", "t2.fees",
    "t4.review.total"), the 1-based line it is written on."""
    w = _Writer()
    if layout in ("pipe", "tabs", "spaces", "pypdf"):
        _row_layout(w, d, layout)
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
    for k in T2_KEYS:
        out[f"t2.{k}"] = d.t2[k]
    for r in T3_ROWS:
        for c, v in zip(T3_COLS, d.t3[r]):
            out[f"t3.{r}.{c}"] = v
    for b in T4_BLOCKS:
        for c in T4_COLS:
            out[f"t4.{b}.{c}"] = d.t4[(b, c)]
    return out


def read_cells(dump: dict) -> dict[str, object]:
    """The same keys read from ``report_to_dict(parse(text))``."""
    out: dict[str, object] = {}
    t2 = dump.get("t2") or {}
    t3 = dump.get("t3") or {}
    t4 = dump.get("t4") or {}
    for k in T2_KEYS:
        out[f"t2.{k}"] = t2.get(k)
    for r in T3_ROWS:
        for c in T3_COLS:
            out[f"t3.{r}.{c}"] = (t3.get(r) or {}).get(c)
    for b in T4_BLOCKS:
        for c in T4_COLS:
            out[f"t4.{b}.{c}"] = (t4.get(b) or {}).get(c)
    return out
