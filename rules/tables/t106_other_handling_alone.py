"""T106: （六）其他处理 printed as one row, without its three sub-rows."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T3_2021 as _T3
from gplint.model import Report, Span

from ._common import FORMAT_2021


#: （六）其他处理 and its three sub-rows (R21…R23) in the 2021 format.
_GROUP = _T3.group("G6")

class OtherHandlingWithoutSubrows(Rule):
    """What it checks
        In a report that follows the 2021 format, 表三's （六）其他处理 is split into three
        rows: 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请, 2.申请人逾期未按收费
        通知要求缴纳费用、行政机关不再处理其政府信息公开申请, 3.其他. Reports （六）其他处理
        printed as a single row with its own numbers. Not reported for reports on 2019 and
        2020 (the 2019 format had one row).

    Why
        docs/format.md §5.2–§5.3 (rows R21–R23) and §1.2 (a lone （六）其他处理 is a signature of
        the superseded 2019 format). The split matters: R22 counts applications dropped
        because the 信息处理费 was not paid (§8).

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
        ⟦⟧	（六）其他处理	0	0	0	0	0	0	0
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

    code = "T106"
    name = "other-handling-without-subrows"
    explanation = "表三“（六）其他处理”应按 2021 年格式分为三行填写，而不是合并为一行。"
    category = "table"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t3 = report.t3
        if t3 is None or "G6" not in t3.groups or report.format_version == "2019":
            return
        if any(t3.rows[k].line > 0 for k in _GROUP.members):
            return
        if table_confidence(report, "t3").rows_left_over:
            return  # a row's values the reader placed in no row may be the sub-items' own
        row = t3.groups["G6"]
        yield self.diag(
            f"表三“{_GROUP.label}”只有一行，缺少{FORMAT_2021}规定的三个子项："
            + "；".join(_T3.row(k).standard for k in _GROUP.members),
            Span(row.line), key="t3.G6")
