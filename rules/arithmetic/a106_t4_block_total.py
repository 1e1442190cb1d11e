"""A106: table 四 block total differs from the sum of its four result columns."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.model import Report

from ._identities import T4_BLOCK_NAMES, T4_COL_NAMES, describe, evaluate, evidence, fmt_num, span_of, t4_identities


class T4BlockTotal(Rule):
    """What it checks
        Table 四 (docs/format.md §6), for each of its three blocks (行政复议, 行政诉讼·未经复议直接起诉,
        行政诉讼·复议后起诉): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Reported once per
        block on the printed 总计 cell, with the expected total.

    Why
        docs/format.md §6 T4-BLOCK-TOTAL: every case is in exactly one of the four result columns,
        so the block total is exact. 条例 第五十条(三) makes the reconsideration and lawsuit
        counts part of the report.

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

        四、政府信息公开行政复议、行政诉讼情况

        行政复议					行政诉讼
        					未经复议直接起诉					复议后起诉
        结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        1	0	0	0	3	0	0	0	0	0	0	0	0	0	0

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

        四、政府信息公开行政复议、行政诉讼情况

        行政复议					行政诉讼
        					未经复议直接起诉					复议后起诉
        结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计	结果维持	结果纠正	其他结果	尚未审结	总计
        1	0	0	0	1	0	0	0	0	0	0	0	0	0	0

        五、存在的主要问题及改进情况

        一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。

        六、其他需要报告的事项

        本机关2024年未收取信息处理费。

        示例市交通运输局
        2025年1月20日
    """

    code = "A106"
    name = "t4-block-total-mismatch"
    explanation = "表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。"
    category = "arithmetic"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t4 = report.t4
        if t4 is None:
            return
        for ident in t4_identities(report):
            ev = evaluate(ident, lambda k: t4.cell(*k))
            if ev.status != "broken":
                continue
            total = t4.cell(*ident.anchor)
            block = ident.scope
            related = [Related(span_of(t4.cell(*k), t4.line), f"{T4_BLOCK_NAMES[block]}{T4_COL_NAMES[k[1]]} {t4.cell(*k).value}")
                       for k in ident.right if t4.cell(*k).span is not None]
            yield self.diag(
                describe(ev, lambda k: t4.cell(*k)) + f"（应为 {fmt_num(ev.right)}）",
                span_of(total, t4.line),
                key=f"t4.{block}.total",
                related=related,
                evidence=evidence(ev),
            )
