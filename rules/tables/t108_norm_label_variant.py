"""T108: 规范性文件 written for the standard row label 行政规范性文件."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import T2_2021
from gplint.model import Report

from ._common import FORMAT_2021


#: The standard label of the row (2021 format).
_NORM = T2_2021.rows["norm"].label

class NonStandardNormLabel(Rule):
    """What it checks
        In a report that follows the 2021 format, 表二 第二十条第（一）项's second row is
        labelled 行政规范性文件. Reports the shorter 规范性文件 (the 2019 format's label).

    Why
        docs/format.md §4 (row label 行政规范性文件) and §1.2/§10 (规范性文件 is the FMT-2019 label,
        a common slip in 2021+ reports). The row is still read; this is a wording finding,
        hence strict only.

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
        规范性文件	1	0	5
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

    code = "T108"
    name = "non-standard-norm-label"
    explanation = "表二第二十条第（一）项的第二行应为“行政规范性文件”，而不是“规范性文件”。"
    category = "table"
    severity = "warning"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or report.format_version == "2019" or getattr(t2, "format", "2021") == "2019":
            return
        for label in t2.row_labels:
            if label.key == "norm" and label.variant:
                yield self.diag(f"表二行名“{label.text.strip()}”不规范，{FORMAT_2021}为“{_NORM}”",
                                label.span, key="t2.norm.label", snippet=label.text)
