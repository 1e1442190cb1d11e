"""T110: rows of table 二 are missing."""
from __future__ import annotations

import unicodedata
from typing import Any, Iterable, Optional

from gplint.confidence import TableConfidence, table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMATS
from gplint.lazy_re import lazy_compile
from gplint.model import Report, Span

from ._common import format_checked


class T2RowsMissing(Rule):
    """What it checks
        That 表二 prints every row of its format: 规章 and 行政规范性文件 under 第二十条第（一）项,
        行政许可 under （五）, 行政处罚 and 行政强制 under （六）, 行政事业性收费 under （八）
        (the 2019 format's table 二 also 其他对外管理服务事项 and 政府集中采购). The rows not
        printed are listed in one finding, placed where the first of them should stand.
        Nothing is said when gplint could not read the table well enough (T190), when values
        stand in no row where a missing row would stand (a row the agency added, 地方性法规
        above 规章, holds its own values, and does not stop the check), when the text starts or ends inside table 二 (a PDF's later pages,
        a page cut short), or when a missing row's label is written among the table's lines
        outside a sentence (printed, if not read as a row: ``|行|政许可|``).

    Why
        docs/format.md §4 fixes table 二's rows. An agency that issued no licence still
        prints 行政许可 with 0: a row deleted from the template is a block of the national
        statistics nobody can tell from "none", and usually a template edited by hand.

    Bad::

        二、主动公开政府信息情况

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        ⟦⟧行政规范性文件	1	0	5
        第二十条第（六）项
        信息内容	本年处理决定数量
        行政处罚	12
        行政强制	0
        第二十条第（八）项
        信息内容	本年收费金额（单位：万元）
        行政事业性收费	0

        三、收到和处理政府信息公开申请情况

    Good::

        二、主动公开政府信息情况

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	1	0	5
        第二十条第（五）项
        信息内容	本年处理决定数量
        行政许可	0
        第二十条第（六）项
        信息内容	本年处理决定数量
        行政处罚	12
        行政强制	0
        第二十条第（八）项
        信息内容	本年收费金额（单位：万元）
        行政事业性收费	0

        三、收到和处理政府信息公开申请情况
    """

    code = "T110"
    name = "t2-rows-missing"
    explanation = "表二缺少格式规定的行（规章、行政规范性文件、行政许可、行政处罚、行政强制、行政事业性收费）。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None:
            return
        confidence = table_confidence(report, "t2")
        spec = FORMATS[t2.format].t2
        unread = [key for key in spec.rows if key not in confidence.rows]
        if not unread or not confidence.rows or not confidence.assessable:
            return  # (T101 / T190: what was not read is not known to be missing)
        if confidence.rows_left_over or any(
                r.flags & {"gathered", "spilled", "stacked"} for r in confidence.rows.values()):
            return  # several rows' values in one: the rows may be there
        words = _table_two_words(report, confidence)
        if words is None:
            return  # the text starts or stops inside table 二
        missing = [key for key in unread if not any(word in words for word in spec.rows[key].words)]
        if not missing:
            return
        order = list(spec.rows)
        in_no_row = _values_in_no_row(report, confidence)
        if any(_could_be(report, confidence, spec, order, key, in_no_row) for key in missing):
            # Values read in no row where a missing row stands (a row whose label a scan
            # garbled, 「行政许 |0」, or lost): the row may be there.
            return
        before = [conf.line for key, conf in confidence.rows.items() if order.index(key) < order.index(missing[0])]
        line = max(before) if before else min(conf.line for conf in confidence.rows.values())
        names = "、".join(spec.rows[key].label for key in missing)
        yield self.diag(f"表二缺少 {len(missing)} 行（按{format_checked(report)}）：{names}",
                        Span(line), key="t2.rows." + ",".join(missing))


def _could_be(report: Report, confidence: TableConfidence, spec, order: list[str], key: str,
              in_no_row: list[tuple[int, int]]) -> bool:
    """Whether values read in no row (the reader's left-over values, and ``in_no_row``'s
    lines of a row's shape) could be row ``key``'s: as many as its cells, or one (its
    cells may have run together), between the lines of the rows read before and after it.
    A row the agency added (地方性法规 39 17 28 above 规章, 其他行政管理事项 31 below 行政强制,
    其他规范性文件 10 7 26 where a row of one value is missing) stands elsewhere or holds
    another count of values."""
    at = order.index(key)
    before = [c.line for k, c in confidence.rows.items() if k in order and order.index(k) < at]
    after = [c.line for k, c in confidence.rows.items() if k in order and order.index(k) > at]
    low, high = max(before, default=0), min(after, default=len(report.lines) + 1)
    width = len(spec.row_keys[key])
    places = list(in_no_row)
    for issue in report.issues:
        if issue.kind != "t2-unplaced-values":
            continue
        if issue.span is None:
            return True  # where they stand is unknown
        places.append((issue.span.line, len(issue.values)))
    return any(n in (0, 1, width) and low <= line <= high for line, n in places)


#: A sentence of prose (a comma or an enumeration comma, and 。 or ； within a sentence's
#: length: a page on one line has no line break to stop at): section 二's prose may name
#: a row the table lacks (公开行政许可决定0件、行政处罚决定0件。).
_PROSE_SENTENCE = lazy_compile(r"[^。；;\n]{0,80}[，,、][^。；;\n]{0,80}[。；;]")
#: What stands between a label's characters when a tool cuts it into cells or lines: cell
#: borders, markup (``<br>``), blanks, punctuation, the values of cells run in.
_NOT_LABEL_TEXT = lazy_compile(r"<[^<>\n]{0,40}>|[\W\d_]+")


#: A row's line: at most a label's length of text (a row label, as OCR may garble it),
#: then counts apart by blanks or rules (「行政许 |0」, 「行政预苑性文件| 4  2」, 「0 0 0」); not
#: a line of prose that wraps after a number.
_A_ROWS_LINE = lazy_compile(r"^[\s|]*[^\s|]{0,12}(?:[\s|]+\d+(?:\.\d+)?)+[\s|]*$|^[\s|]*\d+(?:\.\d+)?(?:[\s|]+\d+(?:\.\d+)?)*[\s|]*$")
#: The counts of such a line.
_NUMBERS = lazy_compile(r"(?<![\d.])\d+(?:\.\d+)?")


def _values_in_no_row(report: Report, confidence: TableConfidence) -> list[tuple[int, int]]:
    """The lines of table 二 (from section 二's heading, or its first row read, to section
    三 or table 三) that have a row's shape and are no row read, with how many numbers
    each holds: a row whose label OCR garbled past reading (「行政处有 |0」, 「Ki可 0」) or
    lost (「0 0 0」), or a row the agency added (地方性法规 39 17 28)."""
    rows = {conf.line for conf in confidence.rows.values()}
    two = report.sections.get("S2")
    first = two.line + 1 if two is not None and two.line < min(rows) else min(rows)
    ends = [x.line for x in (report.sections.get("S3"), report.t3.span if report.t3 is not None else None)
            if x is not None and x.line > max(rows)]
    last = min(ends) if ends else max(rows)
    return [(n, len(_NUMBERS.findall(report.lines[n - 1]))) for n in range(first, last)
            if n not in rows and "第二十条" not in report.lines[n - 1] and _A_ROWS_LINE.match(report.lines[n - 1])]


def _table_two_words(report: Report, confidence: TableConfidence) -> Optional[str]:
    """The words of table 二's lines, of section 二's before them and of the line where
    what follows begins (prose sentences and :data:`_NOT_LABEL_TEXT` taken out, width
    folded), when the whole table is in the text: something of the report before it
    (section 二's heading, or the title) and table 三 or section 三's heading after it.
    Otherwise None (a page's beginning, or a PDF's later pages)."""
    t2 = report.t2
    if t2 is None or t2.span is None:
        return None
    rows = [conf.line for conf in confidence.rows.values()]
    two, three = report.sections.get("S2"), report.sections.get("S3")
    t3 = report.t3.span if report.t3 is not None else None
    if not ((three is not None and three.line >= max(rows)) or (t3 is not None and t3.line >= max(rows))):
        return None
    if two is not None and two.line <= min(rows):
        first = two.line
    elif report.title_span is not None and report.title_span.line < min(rows):
        first = t2.span.line
    else:
        return None
    lines = list(report.lines[min(first, t2.span.line) - 1: t2.span.end_line])
    # (On a page flattened into one line, the table is a stretch of that line.)
    lines[-1] = lines[-1][: t2.span.end_column - 1]
    if first >= t2.span.line:
        lines[0] = lines[0][t2.span.column - 1:]
    # The line where what follows begins, whole: a tool may put the table's last row and
    # section 三's heading in one line (|行政事业性收费<br>0<br>三、收到和处理…|).
    after = min(x for x in (three.line if three is not None else None, t3.line if t3 is not None else None)
                if x is not None)
    if after > t2.span.end_line:
        lines.append(report.lines[after - 1])
    text = _PROSE_SENTENCE.sub("", "\n".join(lines))
    return _NOT_LABEL_TEXT.sub("", unicodedata.normalize("NFKC", text))
