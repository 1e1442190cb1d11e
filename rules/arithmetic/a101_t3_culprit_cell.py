"""A101: one table 三 cell breaks several identities at once (the likely culprit)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._base import KIND_IDS, KIND_NAMES, cell_name, t3_cell_key
from ._identities import analyse_t3, describe, expression, fmt_num, span_of, t3_cell


class T3CellBreaksIdentities(Rule):
    """What it checks
        Table 三's identities (docs/format.md §5.4): T3-SUM-RESULTS, T3-BALANCE, T3-ROW-TOTAL
        and, when （六）其他处理 is printed with its sub-rows, its subtotal. When two or more
        broken identities share one cell and all of them would hold with the same
        corrected value of that cell, that cell is reported once, as the culprit, with the
        value the identities call for; the identities are listed as related places.

    Why
        docs/format.md §5.3–§5.4: every handled application sits in exactly one leaf row, so the
        identities are exact. One wrong cell typically breaks a row and one or two column
        identities; reporting the shared cell once tells the clerk which number to fix
        instead of three separate errors. 条例 第五十条 makes these counts part of the report.

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
        三、本年度办理结果	（一）予以公开	5	0	0	0	0	0	2
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

    code = "A101"
    name = "t3-cell-breaks-identities"
    explanation = "表三中某一个单元格的数值同时破坏了两个以上勾稽关系，而把它改成同一个值就能使这些关系全部成立。请核对该单元格（提示中给出了按勾稽关系应填的数值）。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t3 is None:
            return
        analysis = analyse_t3(report)

        def cell_of(k):
            return t3_cell(report, k)

        for cul in analysis.culprits:
            cell = cell_of(cul.cell)
            row = report.t3.rows.get(cul.cell[0]) or report.t3.groups.get(cul.cell[0])
            reasons = "；".join(describe(e, cell_of) for e in cul.identities)
            kinds = "、".join(dict.fromkeys(KIND_IDS[e.identity.kind] for e in cul.identities))
            msg = (f"{cell_name(cul.cell)}为 {fmt_num(cell.value)}，按表内勾稽关系应为 {fmt_num(cul.expected)}"
                   f"（同时破坏 {kinds}）：{reasons}")
            related = []
            for e in cul.identities:
                # Point at the identity's printed total, or (when the culprit is that total)
                # at its first other operand: where the clerk should look next.
                others = [k for k in (e.identity.anchor,) + e.identity.left + e.identity.right
                          if k != cul.cell and cell_of(k).span is not None]
                if others:
                    related.append(Related(cell_of(others[0]).span,
                                           f"{KIND_NAMES[e.identity.kind]} {e.identity.scope}"))
            yield self.diag(
                msg,
                span_of(cell, row.line if row else 1),
                key=t3_cell_key(cul.cell),
                related=related,
                evidence={
                    "cell": f"{cul.cell[0]}.{cul.cell[1]}",
                    "value": cell.value,
                    "expected": cul.expected,
                    "expression": "; ".join(expression(e.identity) for e in cul.identities),
                    "left": [e.left for e in cul.identities],
                    "right": [e.right for e in cul.identities],
                    "delta": cell.value - cul.expected,
                },
            )
