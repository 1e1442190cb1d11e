"""T105: rows of table 三 are missing."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T3_2021 as _T3
from gplint.model import Report, Span

_ROWS = _T3.row_keys
#: The sub-rows of （六）其他处理, which a table printing that group as one row lacks.
_OTHER_HANDLING = _T3.group("G6").members

from ._common import format_checked


class T3RowsMissing(Rule):
    """What it checks
        That 表三 has all 25 data rows of the format (一、本年新收 … 四、结转下年度继续办理).
        Rows that are not found are listed in one finding, placed where the first of them
        should stand. （六）其他处理 printed as one row stands for its three sub-rows here
        (T106 reports that layout at strict level). Not reported on a table gplint could
        not read well enough to check (T190): its rows are then as likely unread as missing;
        nor are rows missing where the table's text runs over a page break (a page OCR
        read nothing of: T190 names them).

    Why
        docs/format.md §5.2 lists the 25 rows; §5.4's identities need every leaf row. A row left
        out is a cell block nobody can check, and usually a template edited by hand.

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
        ⟦⟧	（五）不予处理	1.信访举报投诉类申请	0	0	0	0	0	0	0
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

    code = "T105"
    name = "t3-rows-missing"
    explanation = "表三缺少格式规定的部分数据行（共 25 行，从“一、本年新收”到“四、结转下年度继续办理”）。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t3 = report.t3
        if t3 is None:
            return
        printed = [k for k in _ROWS if t3.rows[k].line > 0]
        if not printed:
            return  # T101: no table at all.
        confidence = table_confidence(report, "t3")
        if not confidence.assessable:
            return  # T190: what was not read is not known to be missing
        if confidence.rows_left_over or any(r.flags & {"gathered", "spilled", "stacked"} for r in confidence.rows.values()):
            return  # values read in no row, or several rows' in one: the rows may be there
        # (A row lost where the table runs over a page break is unread: T190 names it.)
        missing = [k for k in _ROWS if k not in printed and k not in confidence.rows]
        if "G6" in t3.groups:
            missing = [k for k in missing if k not in _OTHER_HANDLING]
        if not missing:
            return
        first = missing[0]
        before = [t3.rows[k].line for k in printed if k < first]
        line = max(before) if before else min(t3.rows[k].line for k in printed)
        names = "、".join(_T3.row(k).label for k in missing)
        yield self.diag(f"表三缺少 {len(missing)} 行（按{format_checked(report)}）：{names}",
                        Span(line), key="t3.rows." + ",".join(missing))
