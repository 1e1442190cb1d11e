"""T103: a table row carries more or fewer values than its table has columns."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMAT_2021
from gplint.model import Report, Row, Span

from ._common import trailing_empty_cell

_T3 = FORMAT_2021.t3
#: Rows named by their label when the text shows none. Only these: the other rows keep
#: their key in the message ("R23"), as the golden snapshot pins; naming them too is a
#: change of wording for another commit.
T3_NAMES = {**{k: _T3.row(k).label for k in ("R01", "R02", "R03", "R04", "R24", "R25")}, "G6": _T3.group("G6").label}
T2_NAMES = {k: row.label for k, row in FORMAT_2021.t2.rows.items()}
#: "自然人、商业企业、…、总计": the columns a table 三 row has.
_T3_COLUMNS = "、".join(c.label for c in _T3.columns)
_T3_WIDTH = len(_T3.columns)


def _row_name(row: Row) -> str:
    if row.label is not None and row.label.text.strip():
        return row.label.text.strip().split("\t")[-1][:30]
    return T3_NAMES.get(row.key, row.key)


class RowValueCount(Rule):
    """What it checks
        That every row of tables 二 and 三 carries as many values as its table has
        columns: 表二 (一) rows 3, the other 表二 rows 1; 表三 rows 7 (自然人, five 法人或其他组织
        columns, 总计). A row with too many values is
        reported with the values that do not fit; a row with too few is reported when the
        text shows the row with its values (a separated row that leaves the 总计 cell
        empty, or a row in a layout without separators) and no values of that table were
        left unplaced by the layout (then the short row is extraction damage). When 表三's header itself has no
        总计 column, T104 reports that instead of every row.

        A row gplint misread (its digits ran together, a value of millions, a split it could
        not make), and every row of a table it could not assess, is left to T190, which
        says once that the table could not be checked; a table that leaves its zeros blank
        ("—", "/", empty cells) gets one notice from A108, not one short row each. 表四's
        values that do not fill its 15 cells cannot be put in their blocks: T190 says so.

    Why
        docs/format.md §4–§6 fix the columns of each table; a row with a value missing or extra
        leaves a cell unknown (and its identities unassessable). FORMAT §5.4 also notes that
        an extra value is often a number split in two ("20" → "2" "0").

    Bad::

        示例市交通运输局2024年政府信息公开工作年度报告

        本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2024年1月1日至2024年12月31日。

        一、总体情况

        （一）主动公开。2024年本机关通过门户网站主动公开政府信息。
        （二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。
        （三）政府信息管理。本机关健全政府信息公开审查机制。
        （四）政府信息公开平台建设。本机关持续优化政府网站信息公开专栏。
        （五）监督保障。本机关将政务公开纳入年度考核。

        二、主动公开政府信息情况

        三、收到和处理政府信息公开申请情况

        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）	申请人情况
        	自然人	法人或其他组织					总计
        		商业企业	科研机构	社会公益组织	法律服务机构	其他
        一、本年新收政府信息公开申请数量	3	1	0	0	0	0	4
        二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
        三、本年度办理结果	（一）予以公开	2	0	0	0	0	0	
        	（二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	0	0	0	0	0	1
        	（三）不予公开	1.属于国家秘密	0	0	0	0	0	0	0
        		2.其他法律行政法规禁止公开	0	0	0	0	0	0	0
        		3.危及“三安全一稳定”	0	0	0	0	0	0	0
        		4.保护第三方合法权益	0	0	0	0	0	0	0
        		5.属于三类内部事务信息	0	0	0	0	0	0	0
        		6.属于四类过程性信息	0	0	0	0	0	0	0
        		7.属于行政执法案卷	0	0	0	0	0	0	0
        		8.属于行政查询事项	0	0	0	0	0	0	0
        	（四）无法提供	1.本机关不掌握相关政府信息	0	1	0	0	0	0	1
        		2.没有现成信息需要另行制作	0	0	0	0	0	0	0
        		3.补正后申请内容仍不明确	0	0	0	0	0	0	0
        	（五）不予处理	1.信访举报投诉类申请	0	0	0	0	0	0	0
        		2.重复申请	0	0	0	0	0	0	0
        		3.要求提供公开出版物	0	0	0	0	0	0	0
        		4.无正当理由大量反复申请	0	0	0	0	0	0	0
        		5.要求行政机关确认或重新出具已获取信息	0	0	0	0	0	0	0
        	（六）其他处理	1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
        		2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
        		3.其他	0	0	0	0	0	0	0
        	（七）总计	3	1	0	0	0	0	4
        四、结转下年度继续办理	1	0	0	0	0	0	1

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。

        六、其他需要报告的事项

        本机关2024年未收取信息处理费。

        示例市交通运输局
        2025年1月20日

    Good::

        示例市交通运输局2024年政府信息公开工作年度报告

        本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为2024年1月1日至2024年12月31日。

        一、总体情况

        （一）主动公开。2024年本机关通过门户网站主动公开政府信息。
        （二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。
        （三）政府信息管理。本机关健全政府信息公开审查机制。
        （四）政府信息公开平台建设。本机关持续优化政府网站信息公开专栏。
        （五）监督保障。本机关将政务公开纳入年度考核。

        二、主动公开政府信息情况

        三、收到和处理政府信息公开申请情况

        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）	申请人情况
        	自然人	法人或其他组织					总计
        		商业企业	科研机构	社会公益组织	法律服务机构	其他
        一、本年新收政府信息公开申请数量	3	1	0	0	0	0	4
        二、上年结转政府信息公开申请数量	1	0	0	0	0	0	1
        三、本年度办理结果	（一）予以公开	2	0	0	0	0	0	2
        	（二）部分公开（区分处理的，只计这一情形，不计其他情形）	1	0	0	0	0	0	1
        	（三）不予公开	1.属于国家秘密	0	0	0	0	0	0	0
        		2.其他法律行政法规禁止公开	0	0	0	0	0	0	0
        		3.危及“三安全一稳定”	0	0	0	0	0	0	0
        		4.保护第三方合法权益	0	0	0	0	0	0	0
        		5.属于三类内部事务信息	0	0	0	0	0	0	0
        		6.属于四类过程性信息	0	0	0	0	0	0	0
        		7.属于行政执法案卷	0	0	0	0	0	0	0
        		8.属于行政查询事项	0	0	0	0	0	0	0
        	（四）无法提供	1.本机关不掌握相关政府信息	0	1	0	0	0	0	1
        		2.没有现成信息需要另行制作	0	0	0	0	0	0	0
        		3.补正后申请内容仍不明确	0	0	0	0	0	0	0
        	（五）不予处理	1.信访举报投诉类申请	0	0	0	0	0	0	0
        		2.重复申请	0	0	0	0	0	0	0
        		3.要求提供公开出版物	0	0	0	0	0	0	0
        		4.无正当理由大量反复申请	0	0	0	0	0	0	0
        		5.要求行政机关确认或重新出具已获取信息	0	0	0	0	0	0	0
        	（六）其他处理	1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
        		2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请	0	0	0	0	0	0	0
        		3.其他	0	0	0	0	0	0	0
        	（七）总计	3	1	0	0	0	0	4
        四、结转下年度继续办理	1	0	0	0	0	0	1

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。

        六、其他需要报告的事项

        本机关2024年未收取信息处理费。

        示例市交通运输局
        2025年1月20日
    """

    code = "T103"
    name = "row-value-count-mismatch"
    explanation = "表格某一行的数值个数与列数不符：表三每行应有 7 个数值，表二各行应有 3 个或 1 个。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        yield from self._t2(report)
        yield from self._t3(report)

    def _t2(self, report: Report) -> Iterable[Diagnostic]:
        t2 = report.t2
        conf = table_confidence(report, "t2")
        if t2 is None or not conf.assessable:
            return
        if any(i.kind == "t2-unplaced-values" for i in report.issues):
            return  # values the layout scattered: a short row is extraction, not the report
        for issue in report.issues:
            if not issue.kind.startswith("t2-row-too-") or issue.span is None or not conf.readable(issue.row):
                continue
            # Only rows printed as rows (label and values on one line) can be counted; in
            # column-by-column text the builder's count says more about the layout.
            if not any(lb.key == issue.row and lb.span.line == issue.span.line for lb in t2.row_labels):
                continue
            has = "有" if issue.found > issue.expected else "只有"
            yield self.diag(f"表二“{issue.label or issue.row}”行{has} {issue.found} 个数值，应为 {issue.expected} 个"
                            f"（表二“{T2_NAMES.get(issue.row, issue.row)}”行）",
                            issue.span, key=f"t2.{issue.row}.count")

    def _t3(self, report: Report) -> Iterable[Diagnostic]:
        t3 = report.t3
        conf = table_confidence(report, "t3")
        if t3 is None or not conf.assessable:
            return  # T190: the table could not be read well enough to count its rows
        scattered = any(i.kind == "t3-unplaced-values" for i in report.issues)
        no_total_header = bool(t3.header_columns) and _T3.total_column not in t3.header_columns
        rows = [r for r in t3.rows.values() if r.line > 0] + list(t3.groups.values())
        for row in rows:
            if not conf.readable(row.key):
                continue  # misread (T190), not the report's
            # Cells the text leaves empty ("" between separators) are values the row lacks;
            # placeholders such as "—" or "/" are written values (A108 judges them).
            written = [c for c in row.cells if c.span is not None and c.raw.strip()]
            n = row.count if row.count > 7 else len(written)
            if n > 7:
                extra = " ".join(c.raw for c in row.extra)
                yield self.diag(
                    f"表三“{_row_name(row)}”行有 {n} 个数值，表头只有 {_T3_WIDTH} 列；多出的数值：{extra}"
                    "（可能是一个数字被拆开，或多填了一格）",
                    Span(row.line), key=f"t3.{row.key}.count")
            elif 0 < n < 7:
                if scattered or conf.blank_zeros:
                    # Values elsewhere in the text, or zeros left blank throughout (A108's
                    # one notice): not this row's defect.
                    continue
                if no_total_header and n == 6:
                    continue  # T104: the header has no 总计 column either.
                spans = [c.span for c in written if c.span.line == row.line]
                if spans:
                    last = max(spans, key=lambda s: s.end_column)
                    evidence = trailing_empty_cell(report, row.line, last.end_column)
                    # A separated row whose values run to the row's last cell lost one to a
                    # label standing in a value column (merged cells): extraction, not report.
                    if evidence is False:
                        continue
                yield self.diag(
                    f"表三“{_row_name(row)}”行只有 {n} 个数值，应为 {_T3_WIDTH} 个（{_T3_COLUMNS}）",
                    Span(row.line), key=f"t3.{row.key}.count")
