"""U101: table 二's fee header gives the amount in 元, not 万元."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import FEE_HEADER, fee_unit


class FeeUnitNotWanyuan(Rule):
    """What it checks
        The header of 表二 第二十条第（八）项 reads 本年收费金额（单位：万元）. A header whose unit
        is 元 (“（单位：元）”, “（元）”) is reported.

    Why
        docs/format.md §4 and §10: the unit of t2.a8.fees.amount is 万元; "(单位：元) is an error".
        An amount in 元 under the statutory table is 10 000 times off when compared with
        other reports or aggregated.

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

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	1	0	5
        第二十条第（五）项
        信息内容	本年处理决定数量
        行政许可	3
        第二十条第（六）项
        信息内容	本年处理决定数量
        行政处罚	2
        行政强制	0
        第二十条第（八）项
        信息内容	本年收费金额（单位：元）
        行政事业性收费	0

        三、收到和处理政府信息公开申请情况

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

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	1	0	5
        第二十条第（五）项
        信息内容	本年处理决定数量
        行政许可	3
        第二十条第（六）项
        信息内容	本年处理决定数量
        行政处罚	2
        行政强制	0
        第二十条第（八）项
        信息内容	本年收费金额（单位：万元）
        行政事业性收费	0

        三、收到和处理政府信息公开申请情况

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。

        六、其他需要报告的事项

        本机关2024年未收取信息处理费。

        示例市交通运输局
        2025年1月20日
    """

    code = "U101"
    name = "fee-unit-not-wanyuan"
    explanation = "表二收费金额的单位应为“万元”，表头写的是“元”，金额相差一万倍。"
    category = "units"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if fee_unit(report) != "元":
            return
        header = report.t2.fee_header
        yield self.diag(f"表二收费金额表头“{header.text.strip()}”的单位是“元”，应为“{FEE_HEADER}”",
                        header.span, key="t2.fees.unit", snippet=header.text)
