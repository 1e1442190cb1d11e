"""A109: more documents issued this year than are in force (table 二 第二十条第（一）项)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import T2_2021
from gplint.model import Report

#: Table 二 第二十条第（一）项 of the 2021 format: its rows (规章, 行政规范性文件) and the two
#: columns compared.
_BLOCK = T2_2021.block_of("rules")
_ISSUED = next(c for c in _BLOCK.columns if c.key == "issued")
_IN_FORCE = next(c for c in _BLOCK.columns if c.key == "in_force")


class InForceBelowIssued(Rule):
    """What it checks
        In 表二 第二十条第（一）项, for 规章 and for 行政规范性文件: 现行有效件数 is not smaller than
        本年制发件数. Documents made this year and still in force are part of 现行有效件数, so
        fewer in force than issued means documents made this year already lapsed or were
        repealed (possible, but worth a sentence), or that two columns were swapped.

    Why
        docs/format.md §4, soft plausibility [I]: "in_force < issued is unusual … unless the text
        explains revisions/expiry". Info level, strict profile only.

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
        行政规范性文件	6	0	5
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

    code = "A109"
    name = "in-force-below-issued"
    explanation = "表二中规章或行政规范性文件的“现行有效件数”少于“本年制发件数”。本年制发且仍有效的文件应计入现行有效件数，请核对是否填反或需要说明。"
    category = "arithmetic"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or getattr(t2, "format", "2021") != "2021":
            return
        conf = table_confidence(report, "t2")
        for r in _BLOCK.rows:
            if not conf.readable(r.key):
                continue  # misread (T190)
            name, issued_key, in_force_key = r.label, _BLOCK.cell_key(r, _ISSUED), _BLOCK.cell_key(r, _IN_FORCE)
            issued = t2.cells.get(issued_key)
            in_force = t2.cells.get(in_force_key)
            if issued is None or in_force is None or issued.value is None or in_force.value is None:
                continue
            if in_force.span is None or in_force.value >= issued.value:
                continue
            yield self.diag(
                f"表二“{name}”{_IN_FORCE.label} {in_force.raw} 少于{_ISSUED.label} {issued.raw}：本年制发的文件也计入{_IN_FORCE.label}，"
                "请核对两列是否填反，或在正文说明本年制发后又失效、废止的情况",
                in_force.span, key=f"t2.{in_force_key}",
                related=[Related(issued.span, _ISSUED.label)] if issued.span else (),
                evidence={"expression": f"{in_force_key} >= {issued_key}", "left": in_force.value,
                          "right": issued.value, "delta": in_force.value - issued.value},
            )
