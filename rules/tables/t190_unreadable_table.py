"""T190: a table is there but it, or some of its rows, cannot be read well enough to check."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import RowConfidence, TableConfidence, assess
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import FORMAT_2019, FORMAT_2021, IDENTITY_KINDS, TABLES
from gplint.model import Issue, Report, Span

_TABLE = {t.key: t.name for t in TABLES}
#: The checks a table's cells feed, named for the reader of a finding.
CHECKS = {
    "t2": "各单元格数值的核对（非负整数、现行有效件数不少于本年制发件数、收费金额的单位和量级）和各行数值个数",
    "t3": "行合计（T3-ROW-TOTAL）、办理结果合计（T3-SUM-RESULTS）、“第一项加第二项等于第三项加第四项”"
          "（T3-BALANCE）、正文所述申请件数与表三的对照、各行数值个数",
    "t4": f"各栏“{IDENTITY_KINDS['T4-BLOCK-TOTAL'].description}”（T4-BLOCK-TOTAL）、正文所述复议和诉讼件数"
          "与表四的对照、数值个数",
}
#: The checks a row's values left over in table 三 leave unmade (the sums of its results).
RESULT_SUM_CHECKS = "办理结果合计（T3-SUM-RESULTS）、（六）其他处理的小计（T3-GROUP-SUBTOTAL）"
_T4_BLOCKS = {b.key: b.label for b in FORMAT_2021.t4.blocks}
_T2_ROWS = {**{k: r.label for k, r in FORMAT_2019.t2.rows.items()}, **{k: r.label for k, r in FORMAT_2021.t2.rows.items()}}


#: What each flag says, most telling first: a row is counted under its first flag only.
_SAYS = (
    ("digit-run", "的各格数字连成了一个数{ex}"),
    ("ambiguous-split", "的连写数字无法唯一拆分为各单元格{ex}"),
    ("implausible", "有上百万的件数{ex}"),
    ("fused-digits", "有以 0 开头的多位数{ex}，是几格数字连在了一起"),
    ("unplaced", "的数值不全且表中不写 0，无法确定各数值所在的列"),
    ("gathered", "读到的数值是列数的两倍以上，是几行的数值读到了一起{ex}"),
    ("spilled", "的数值与相邻行的数值交错（逐行书写的数值一行多、一行少），无法确定各数值属于哪一行"),
    ("misplaced", "的数值来自逐格读出的数值流，按此读法表内勾稽关系不成立，是相邻行的数值，无法确定各数值属于哪一行"),
    ("stacked", "的一格中有几个数值，是几行的单元格并成了一行{ex}"),
    ("interleaved", "的数值与表头文字交错排列（PDF 的阅读顺序），按此顺序各栏合计对不上，无法确定各数值属于哪一栏"),
    ("scan-unsure", "的数值读自扫描件，合计对不上或数值不全（可能把表格线读成了数字“1”），未采用"),
    ("page-lost", "在表格跨页处没有读到（该页可能未能识别或缺失）"),
    ("gaps-unknown", "的数值少于列数且未留出空格（如扫描识别漏掉的 0），无法确定各数值所在的列"),
    ("no-values", "没有读到数值"),
    ("too-few", "的数值少于列数"),
    ("too-many", "的数值多于列数"),
)


#: Table 三's other forms (the reader's ``t3-other-form`` issue), as the finding names them.
FORM_NAMES = {
    "kv": "表三按“行名：自然人N，商业企业N，…”逐行书写",
    "transposed": "表三行列互换（每种申请人一行，各行名排在表头）",
    "column-parts": "表三分成上下几段、每段只列出部分列",
}


def other_form(issue: Issue) -> str:
    """Why table 三 in another form could not be read (the reader's issue, in words)."""
    why = {
        "extra-text": f"“{issue.label}”一行除列名和数值外还有其他文字或重复、未知的列名",
        "repeated-row": f"“{issue.label}”一行重复出现",
        "no-header": "未找到各行名所在的表头",
        "unknown-header": f"表头“{issue.label}”不是可识别的行名或重复出现",
        "row-count": f"“{issue.label}”一行的数值个数与表头的 {issue.expected} 个行名不符 或该行重复",
        "missing-columns": "缺少" + "、".join(FORMAT_2021.t3.column(c).label for c in issue.values) + "一行",
        "parts-columns": "各段表头合起来的列（" + "、".join(FORMAT_2021.t3.column(c).label for c in issue.values)
                         + "）有重复或缺少",
        "parts-rows": "各段的行对不上（行数不同或行名不一致）",
    }[issue.reason]
    return f"{FORM_NAMES[issue.row]}，{why}，无法读取各单元格"


def _reasons(conf: TableConfidence, rows: list[RowConfidence]) -> str:
    """What went wrong, by kind, with an example value: "25 行的各格数字连成了一个数（如“2000002”）"."""
    unit = "栏" if conf.table == "t4" else "行"
    by_flag: dict[str, list[RowConfidence]] = {}
    for r in rows:
        first = next((flag for flag, _ in _SAYS if flag in r.flags), None)
        if first is not None:
            by_flag.setdefault(first, []).append(r)
    out = [other_form(conf.form)] if conf.form else []
    if conf.scanned is not None:
        lines, piece = conf.scanned
        out.append(f"{lines} 行留有扫描识别（OCR）把表格线和数字读成的字符（如“{piece}”）")
    if conf.sparse is not None:
        lines, read = conf.sparse
        out.append(f"表格所在的 {lines} 行文字中只读出了 {read} 行")
    for flag, says in _SAYS:
        hit = by_flag.get(flag)
        if not hit:
            continue
        if flag == "no-values" and len(hit) == len(conf.rows):
            out.append("找到了表头，但没有读到数值")
        elif flag == "unplaced" and conf.table == "t4":
            out.append(f"读到 {hit[0].found - hit[0].expected + 15} 个数值，表四应有 15 个，无法确定各数值属于哪一栏")
        else:
            raw = next((r.raw for r in hit if r.raw), "")
            out.append(f"{len(hit)} {unit}" + says.format(ex=f"（如“{raw}”）" if raw else ""))
    if conf.unplaced:
        out.append(f"{conf.unplaced} 个数值无法对应到任何一行")
    return "；".join(out) or "读取结果不可靠"


_T3 = FORMAT_2021.t3
_ROW_NAMES = {r.key: r.standard for r in _T3.rows}
_GROUP_NAMES = {g.key: g.label for g in _T3.groups}


def _row_name(table: str, key: str) -> str:
    if table == "t4":
        return _T4_BLOCKS.get(key, key)
    if table == "t2":
        return _T2_ROWS.get(key, key)
    return _ROW_NAMES.get(key) or _GROUP_NAMES.get(key, key)


class TableNotAssessable(Rule):
    """What it checks
        Reports, at info level and once a table, a table gplint found but could not read
        well enough to check, and names the checks it therefore did not make. Each table's
        reading carries a confidence (``gplint.confidence``): rows whose values were all
        placed, rows whose digits ran together ("数量801000081", "2000002" read as one
        cell, "00" or "023" read as one value), counts of millions, digit runs that split
        more than one way, rows with too few or too many values, values left over, a header
        with no values, a long region that gave few rows (an OCR's table: its labels broken,
        its zeros lost). When most of a table is in doubt, the table is *not assessable*:
        one finding here instead of an error on every row, and none of its cells feeds an
        identity, a comparison with the prose or a row-length check. When only some rows
        were misread, one finding names them; the rest of the table is checked as usual.
        When a line of table 三's values could be placed in no row (a label wrapped out of
        recognition), the sums of its results (T3-SUM-RESULTS, T3-GROUP-SUBTOTAL) are not
        checked, and one finding says so at those values.

        gplint splits digit runs using the row total, the column identities and the T4
        block totals, and when more than one split satisfies them (or none does) it says
        so here instead of guessing. A table's section that shows a picture and no table
        text (what a page's or a document's reader, a crawler or a converter writes for an
        image: ［图片］, [image], a markdown image, an <img> tag, lynx's and w3m's file
        names; see gplint.pictures) is a table published as a picture:
        reported here, at the picture, rather than as missing (T101). 表三 printed in a
        form gplint recognises but cannot read cleanly — row by row as sentences, turned,
        or as stacked column groups whose parts do not match (a column named twice, rows
        that differ from part to part) — is reported here once, never guessed at. So is a
        table read from a scan whose rules and zeros OCR turned into characters ("|o lo
        le" on three lines of its region or more), a section holding short lines of cells
        OCR broke past recognition and no table a reader finds ("刘划0", "Ki 0"), and rows
        of table 三 missing where its text runs over a page break (a page OCR read nothing
        of): unread, not missing (T101, T105) nor wrong (A101-A106, T103).

    Why
        docs/format.md §5.4 and §6: the identities are only as good as the cells they read. A
        misreading must not turn into findings (25 "row has only 1 value" errors, an
        arithmetic error quoting numbers the report never printed): a linter that cries
        wolf is switched off. A reviewer needs to know which checks were not made and why,
        so the table can be checked by hand against the original.

    Bad::

        示例市交通运输局2024年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容本年制发件数本年废止件数现行有效件数
        规章000
        行政规范性文件⟦6132⟧

    Good::

        示例市交通运输局2024年政府信息公开工作年度报告
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	6	1	32
    """

    code = "T190"
    name = "table-not-assessable"
    explanation = "找到了这张表，但没能可靠地读出其中的数值，因此没有对它做勾稽关系等检查；提示中列出了未做的检查。请检查表格的排版或转换质量。"
    category = "table"
    severity = "info"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        for table, conf in assess(report).items():
            if not conf.found:
                continue  # T101: the table is missing
            name = _TABLE[table]
            if conf.image is not None:
                yield self.diag(f"{name}所在部分只有图片、没有表格文字，{name}可能以图片形式发布，无法读取。"
                                f"未做的检查：{CHECKS[table]}；请对照原件人工核对"
                                " (the table seems to be a picture: not checked)",
                                conf.image, key=table, evidence={"table": table, "image": True})
                continue
            if not conf.assessable:
                rows = list(conf.rows.values())
                message = (f"{name}读取不可靠，无法核对：{_reasons(conf, rows)}。"
                           f"未做的检查：{CHECKS[table]}；请对照原件人工核对"
                           " (table could not be read well enough to check)")
                yield self.diag(message, conf.span or Span(1), key=table,
                                evidence={"table": table, "score": round(conf.score, 2),
                                          "rows": sorted(conf.unread & set(conf.rows))})
                continue
            misread = [conf.rows[k] for k in conf.misread_rows]
            if not misread:
                if conf.rows_left_over and table == "t3":
                    first, *more = conf.rows_left_over
                    yield self.diag(
                        f"{name}有 {conf.unplaced} 个数值无法对应到任何一行，各办理结果之和无法核对。"
                        f"未做的检查：{RESULT_SUM_CHECKS}；请对照原件人工核对"
                        " (values left over: the sums of the results were not checked)",
                        first, key="t3.unplaced", related=[Related(s, "无法对应到任何一行的数值") for s in more],
                        evidence={"table": table, "unplaced": conf.unplaced})
                continue
            unit = "栏" if table == "t4" else "行"
            names = "、".join(f"“{_row_name(table, r.key)}”" for r in misread[:6])
            more = f"等 {len(misread)} {unit}" if len(misread) > 6 else ""
            spans = [r.span for r in misread if r.span is not None]
            message = (f"{name}{names}{more}未能可靠读取：{_reasons(conf, misread)}。这些{unit}不参与"
                       f"{CHECKS[table]}；请对照原件人工核对 (rows could not be read with certainty)")
            yield self.diag(message, spans[0] if spans else (conf.span or Span(1)),
                            key=f"{table}." + "+".join(r.key for r in misread),
                            related=[Related(s, "未能可靠读取") for s in spans[1:]],
                            evidence={"table": table, "score": round(conf.score, 2),
                                      "rows": [r.key for r in misread]})
