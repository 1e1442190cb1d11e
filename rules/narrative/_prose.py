"""Shared helpers for rules that read report prose and compare it with the tables.

Not a rule module (the leading underscore keeps it out of rule discovery). Everything here
is a pure function of the :class:`~gplint.model.Report`.

Prose is read sentence by sentence: the reader cuts the report's prose into sentences once
(:attr:`gplint.model.Report.sentences`, made by :mod:`gplint.reader.sentences`), each
character with its source position so a finding can point at the exact words.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator, Optional

from gplint.confidence import table_confidence
from gplint.format import T2_2021 as _T2
from gplint.format import T3_2021 as _T3
from gplint import format as _format
from gplint.labels import ascii_digits, normalise
from gplint.analyses import per_report
from gplint.model import Number, Report, Sentence
from gplint.lazy_re import lazy_compile

#: Table 三's applicant columns (C1…C6) and its total column (C7), from the format.
_PART_COLS = _T3.part_columns
_TOTAL_COL = _T3.total_column
_TOTAL_INDEX = _T3.column_keys.index(_TOTAL_COL)


@per_report
def application_sentences(report: Report) -> tuple[Sentence, ...]:
    """The sentences (headings not) that mention 申请, in order: the only ones N101, N102
    and N104 read. Found once per report instead of each rule testing every sentence."""
    return tuple([s for s in sentences(report) if "申请" in s.text and not s.heading])


def sentences(report: Report) -> tuple[Sentence, ...]:
    """Every prose sentence of the report, in order (headings are sentences of their own).

    Cut once per report by the reader (:attr:`Report.sentences`)."""
    return report.sentences





@lru_cache(maxsize=16)
def _clause_marks(stops: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("（()）" + stops) + "]")


def clauses(sentence: Sentence, stops: str = "，,；;") -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each comma-level clause of a sentence, parentheses kept whole."""
    depth = 0
    start = 0
    text = sentence.text
    # Only parentheses and stops matter: the regex engine finds them, the loop sees no
    # other character.
    for m in _clause_marks(stops).finditer(text):
        i = m.start()
        ch = m.group()
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in stops and depth == 0:
            yield start, i, text[start:i]
            start = i + 1
    if start < len(text):
        yield start, len(text), text[start:]


_YEAR = lazy_compile(r"(?<!\d)(\d{4})\s*年")


def other_year(text: str, year: Optional[int]) -> bool:
    """True when ``text`` names a year other than the report year (a count about another year)."""
    # _YEAR opens with a look-behind, so the regex engine tries it at every character: a
    # text without 年 (most clauses) is answered by a substring test.
    if year is None or "年" not in text:
        return False
    for m in _YEAR.finditer(ascii_digits(text)):
        y = int(m.group(1))
        if 1990 <= y <= 2100 and y != year:
            return True
    return False


#: The most digits a count in prose may have. A longer string of digits is no count (an
#: ID, a phone number run together, garbage): never compared, and never given to int(),
#: which refuses more than 4,300 digits and costs the square of the length below that.
MAX_COUNT_DIGITS = 15
#: The most decimals a percentage in prose may have (Decimal's quantize needs the result
#: to fit its 28 digits of precision).
MAX_PERCENT_DECIMALS = 6


#: The digits of a count in prose: 1234, １２３４, and with thousands separators 1,234,
#: １，２３４ and 1，234 (groups of three after the first: 第1，2项 is a list, and 027 of
#: 1，027 no count of its own).
COUNT_DIGITS = (r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:，[0-9]{3})+(?![0-9])"
                r"|[０-９]{1,3}(?:[,，][０-９]{3})+|[0-9０-９]+)")


def count(digits: str) -> Optional[int]:
    """The count a prose number's digits give (:data:`COUNT_DIGITS`), or None when it is
    too long to be one."""
    digits = digits.replace(",", "").replace("，", "")
    return int(digits) if len(digits) <= MAX_COUNT_DIGITS else None
# A region's or a system's total (全市各级行政机关共收到申请 400 件) is another scope than an
# agency's own table. A body that governs an area (管委会, 实验区, 开发区, 片区管理局) writes
# 全区 of its own area: that is the agency itself.
_SCOPE = lazy_compile(r"全(?:市|区|县|省|州|盟|旗|镇|乡|系统)|各级|各地|各部门|各单位|各乡镇|各街道|系统内")
_AREA_BODY = lazy_compile(r"管委会|管理委员会|实验区|开发区|高新区|新区|片区|园区|示范区|自贸区|保税区|合作区|试验区")


def other_scope(report: Report, text: str) -> bool:
    """``text`` speaks of a region or a system wider than the reporting agency (全市, 各部门…);
    全区 is the agency's own area when the agency governs one (管委会, 实验区…)."""
    area = None
    for m in _SCOPE.finditer(text):
        if m.group(0) == "全区":
            if area is None:
                area = bool(_AREA_BODY.search(report.title))
            if area:
                continue
        return True
    return False


#: The agency's own count named beside a wider one (…，其中市本级 4 件).
OWN_SCOPE = lazy_compile(r"本级|本机关|本单位|本部门|本局|本委|本办|本府")


def scope_before(text: str, clause_start: int, clause: str) -> str:
    """The words whose scope a clause's count falls under: the sentence up to the clause's
    end (全市各级行政机关共收到申请800件，办结780件: 780 is the city's too), or the clause
    alone when it names the agency's own scope (…，本机关收到4件)."""
    if OWN_SCOPE.search(clause):
        return clause
    return text[:clause_start + len(clause)]


def not_own_count(report: Report, text: str, clause_start: int, clause: str) -> bool:
    """A count of a wider region or system than the agency's table. A people's government's
    table may be its region's total, so there 全市/全县 counts are the table's unless the
    sentence gives the government's own count beside them (本级…)."""
    if not other_scope(report, scope_before(text, clause_start, clause)):
        return False
    return report.reporter_kind != "government" or bool(OWN_SCOPE.search(text))


def fmt(v: Number) -> str:
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return str(v)


# --------------------------------------------------------------------------- table values

# A row the reader misread (or any row of a table that is not assessable, see
# gplint.confidence) gives no value: prose is never compared with a misreading.

def t3_total(report: Report, row: str) -> Optional[Number]:
    """A T3 row's total as the table gives it: C7, or C1..C6 summed when C7 is absent and
    all six are present; None when the table does not give it (or it was misread). In a
    table that leaves its zero cells blank (:func:`t3_blanks_are_zero`), a blank is 0."""
    t3 = report.t3
    if t3 is None or row not in t3.rows or not table_confidence(report, "t3").readable(row):
        return None
    v = t3.value(row, _TOTAL_COL)
    return v if v is not None else t3_columns(report, row, _PART_COLS)


@per_report
def t3_blanks_are_zero(report: Report) -> bool:
    """Table 三 prints every row but leaves some cells blank (row totals too), and its
    identities hold when the blanks are read as 0: the blanks are zeros (a common layout),
    and the narrative checks compare the text with the printed figures summed."""
    t3 = report.t3
    if t3 is None or any(r.key not in t3.rows for r in _T3.rows):
        return False
    conf = table_confidence(report, "t3")
    if not all(conf.readable(r.key) for r in _T3.rows):
        return False
    grid = {r.key: [t3.value(r.key, c) for c in _T3.column_keys] for r in _T3.rows}
    if not any(v is None for row in grid.values() for v in row):
        return False
    zeroed = {k: [v or 0 for v in row] for k, row in grid.items()}
    if not any(v for row in zeroed.values() for v in row):
        return False
    total_index = _TOTAL_INDEX
    leaves = [r.key for r in _T3.rows if r.key not in ("R01", "R02", _T3.total_row, "R25")]
    for row in zeroed.values():
        if row[total_index] != sum(row[:total_index]):
            return False
    for i in range(len(_T3.column_keys)):
        col = {k: row[i] for k, row in zeroed.items()}
        if col["R01"] + col["R02"] != col[_T3.total_row] + col["R25"]:
            return False
        if col[_T3.total_row] != sum(col[k] for k in leaves):
            return False
    return True


def blanks_note(report: Report, *keys: str) -> str:
    """What a message adds when a figure it gives came from table 三's blanks read as 0:
    ``keys`` are the rows (R01…) or result groups (G1…) it was taken from."""
    t3 = report.t3
    if t3 is None or not t3_blanks_are_zero(report):
        return ""
    rows = [m for k in keys for m in (_T3.group(k).members if k.startswith("G") else (k,))]
    if not any(c.value is None for r in rows if r in t3.rows for c in t3.rows[r].cells):
        return ""
    return "（表三空白格按 0 计，各项勾稽关系成立）"


def t3_group_total(report: Report, group: str) -> Optional[Number]:
    """Total (C7) of a result group (G1..G6): its leaves summed, or its own printed row."""
    t3 = report.t3
    if t3 is None:
        return None
    leaves = _T3.group(group).members
    vals = [t3_total(report, r) for r in leaves]
    if all(v is not None for v in vals):
        return sum(vals)  # type: ignore[arg-type]
    g = t3.groups.get(group)
    if g is not None and table_confidence(report, "t3").readable(group):
        v = g.cells[_TOTAL_INDEX].value
        parts = g.cells[:_TOTAL_INDEX]
        if v is None and all(c.value is not None for c in parts):
            v = sum(c.value for c in parts)  # type: ignore[misc]
        return v
    return None


def t3_row_line(report: Report, row: str) -> Optional[int]:
    t3 = report.t3
    if t3 is None or row not in t3.rows:
        return None
    return t3.rows[row].line or None


def t4_total(report: Report, kind: str) -> Optional[Number]:
    """行政诉讼 total ("suit" = direct + after_review), or one block's total ("review":
    行政复议, "direct", "after_review")."""
    t4 = report.t4
    if t4 is None:
        return None
    conf = table_confidence(report, "t4")
    if kind != "suit":
        return t4.value(kind, "total") if conf.readable(kind) else None
    if not (conf.readable("direct") and conf.readable("after_review")):
        return None
    a = t4.value("direct", "total")
    b = t4.value("after_review", "total")
    if a is None or b is None:
        return None
    return a + b


def t4_written_none(report: Report, kind: str) -> Optional[str]:
    """How table 四 writes ``kind``'s cases when it gives no number for them: every cell of
    its block (行政诉讼: both suit blocks) a mark ("—", "无", "/") or left empty, one at
    least a mark — the table shows no case of that kind, in words rather than zeros. The
    total's mark, or "" when the total is left empty; None when a cell holds a number or
    no cell is written."""
    t4 = report.t4
    if t4 is None:
        return None
    cells = [t4.cell(b, col) for b in (("direct", "after_review") if kind == "suit" else (kind,))
             for col in _format.T4.column_keys]
    if any(c.value is not None for c in cells) or not any(c.span is not None and c.raw.strip() for c in cells):
        return None
    total = t4.cell("direct" if kind == "suit" else kind, "total")
    return total.raw.strip()


def t4_includes_carried(report: Report) -> bool:
    """The report notes that its table 四 counts include cases carried over (FORMAT §3.5)."""
    if "含上" not in report.text:  # both phrases start so: most reports are settled at once
        return False
    # In one sentence: a paragraph on one line (a web page) may say 含上年度结转申请 of the
    # applications of table 三 and speak of 复议 in another sentence.
    return any(("含上年" in t or "含上一年" in t) and ("复议" in t or "诉讼" in t)
               for t in (s.text for s in report.sentences if "含上" in s.text))


def t3_columns(report: Report, row: str, columns: tuple[str, ...]) -> Optional[Number]:
    """The sum of some applicant columns (C1…C6) of a T3 row; None when the table does not
    give them all (or the row was misread)."""
    t3 = report.t3
    if t3 is None or row not in t3.rows or not table_confidence(report, "t3").readable(row):
        return None
    vals = [t3.value(row, c) for c in columns]
    if any(v is None for v in vals):
        if not t3_blanks_are_zero(report):
            return None
        vals = [v or 0 for v in vals]
    return sum(vals)  # type: ignore[arg-type]


def t4_column(report: Report, kind: str, column: str) -> Optional[Number]:
    """A column (upheld, corrected, other, pending, total) of 行政复议 ("review") or of
    行政诉讼 ("suit": both suit blocks summed); None when not given or misread."""
    t4 = report.t4
    if t4 is None:
        return None
    blocks = ("review",) if kind == "review" else ("direct", "after_review")
    conf = table_confidence(report, "t4")
    vals = [t4.value(b, column) if conf.readable(b) else None for b in blocks]
    if any(v is None for v in vals):
        return None
    return sum(vals)  # type: ignore[arg-type]


_FEE = _T2.cells[_T2.fee_cell or "fees"]


def t2_fee(report: Report) -> Optional[Decimal]:
    """Table 二's 本年收费金额 in 万元, or None unless its header names 万元 and the cell was
    read with confidence."""
    t2 = report.t2
    if t2 is None or t2.fee_header is None or (_FEE.column.unit or "万元") not in normalise(t2.fee_header.text):
        return None
    if not table_confidence(report, "t2").readable(_FEE.key):
        return None
    v = t2.value(_FEE.key)
    return None if v is None else Decimal(str(v))
