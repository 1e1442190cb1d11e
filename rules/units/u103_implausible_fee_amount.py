"""U103: the fee amount of table 二 is implausible for 万元."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import FEE, FEE_KEY, FEE_UNIT, fee_unit


class ImplausibleFeeAmount(Rule):
    """What it checks
        The 本年收费金额 of 表二 (in 万元) has at most 4 decimals (4 decimals = 1 元) and is
        not absurdly large (option ``max_wanyuan``, default 10 000 000 万元 = 1 000 亿元).
        Not reported when the header already says 元 (U101).

    Why
        docs/format.md §4 (soft plausibility [I]): a fee amount finer than 1 元 or in the
        hundreds of billions suggests 元 were entered under a 万元 header. No rounding rule
        exists (§11), so only these clear cases are flagged, as warnings.

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
        信息内容	本年收费金额（单位：万元）
        行政事业性收费	12.345678

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
        行政事业性收费	12.3456

        三、收到和处理政府信息公开申请情况

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。

        六、其他需要报告的事项

        本机关2024年未收取信息处理费。

        示例市交通运输局
        2025年1月20日
    """

    code = "U103"
    name = "implausible-fee-amount"
    explanation = "表二收费金额（万元）的小数位过多（超过 1 元的精度）或数额大得不合理，可能单位写错。"
    category = "units"
    severity = "warning"
    profiles = ("default", "strict")
    options = {"max_wanyuan": 10_000_000}

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t2 is None or fee_unit(report) == "元":
            return
        cell = report.t2.cells.get(FEE_KEY)
        if cell is None or cell.value is None or cell.span is None:
            return
        if not table_confidence(report, "t2").readable("fees"):
            return  # misread (T190)
        v = Decimal(cell.value)
        limit = Decimal(str(options.get("max_wanyuan", self.options["max_wanyuan"])))
        exp = v.as_tuple().exponent
        if isinstance(exp, int) and exp < -4:
            yield self.diag(f"表二{FEE.column.name} {cell.raw} {FEE_UNIT}有 {-exp} 位小数，精确到不足 1 元；"
                            "请核对是否把“元”填在了“万元”栏", cell.span, key="t2.fees.magnitude", snippet=cell.raw)
        elif v > limit:
            yield self.diag(f"表二{FEE.column.name} {cell.raw} {FEE_UNIT}（约 {v / 10000:.0f} 亿元）大得不合常理；"
                            "请核对是否把“元”填在了“万元”栏", cell.span, key="t2.fees.magnitude", snippet=cell.raw)
