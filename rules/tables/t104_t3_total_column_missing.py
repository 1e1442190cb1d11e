"""T104: table 三's header has no 总计 column."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T3_2021 as _T3
from gplint.model import Report, Span

_TOTAL = _T3.column(_T3.total_column).label  # 总计
_COLUMNS = "、".join(c.label for c in _T3.columns)


class T3TotalColumnMissing(Rule):
    """What it checks
        That the header of 表三 has the 总计 column after 自然人 and the five 法人或其他组织
        columns. The finding names the rows that carry only 6 values as a result.

    Why
        docs/format.md §5.1: the header is 自然人 | 法人或其他组织 (商业企业, 科研机构, 社会公益组织,
        法律服务机构, 其他) | 总计. Without the 总计 column the per-row totals are missing and
        T3-ROW-TOTAL cannot be checked (§5.4).

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
        	自然人	法人或其他组织					
        		⟦商业企业⟧	科研机构	社会公益组织	法律服务机构	其他
        一、本年新收政府信息公开申请数量	3	1	0	0	0	0
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

    code = "T104"
    name = "t3-total-column-missing"
    explanation = "表三表头缺少“总计”列，各行因此少一个数值，无法核对每行合计。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t3 = report.t3
        if t3 is None or not t3.header_columns or _T3.total_column in t3.header_columns:
            return
        if not any(r.line > 0 for r in t3.rows.values()):
            return
        printed = [r for r in list(t3.rows.values()) + list(t3.groups.values()) if r.line > 0]
        short = sorted(r.line for r in printed if r.count == len(_T3.part_columns))
        if not set(_T3.part_columns) <= set(t3.header_columns) and len(short) * 2 < len(printed):
            # Not every other column's words were read either (words wrapped a character a
            # line in narrow columns, a header cut by a page, a column named in words of its
            # own) and the rows do not show the total missing: the header was not read
            # whole, and says nothing about its 总计.
            return
        labels = [lb for lb in t3.column_labels if lb.key is not None]
        if labels:
            span = max(labels, key=lambda lb: lb.span.line).span
        elif t3.caption is not None:
            span = t3.caption.span
        else:
            span = Span(min(r.line for r in t3.rows.values() if r.line > 0))
        tail = ""
        if short:
            tail = f"；第 {'、'.join(str(n) for n in short)} 行只有 {len(_T3.part_columns)} 个数值（缺少{_TOTAL}）"
        yield self.diag(
            f"表三表头没有“{_TOTAL}”列（应为：{_COLUMNS}）" + tail,
            span, key="t3.header.C7",
            related=[Related(Span(n), f"该行缺少{_TOTAL}") for n in short],
        )
