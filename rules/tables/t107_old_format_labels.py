"""T107: 2019-format table labels in a report on 2021 or later."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.labels import OLD_FORMAT_SIGNATURES_NORMALISED, normalise, old_format_signatures
from gplint.format import OLD_FORMAT_VARIANTS, T2_2021
from gplint.model import Report, Span

from ._common import FORMAT_2019, FORMAT_2021, is_2021_report


#: The 2021 format's table 二 headers, block by block: "本年制发件数 / 本年废止件数 / 现行有效件数，
#: 本年处理决定数量，本年收费金额（单位：万元）".
_COLUMNS_2021 = "，".join(dict.fromkeys(" / ".join(c.label for c in b.columns) for b in T2_2021.blocks))

class OldFormatLabels(Rule):
    """What it checks
        Table 二 of a report on 2021 or later printed with the headers of the superseded
        2019 试行 format: 本年新制作数量 / 本年新公开数量 / 对外公开总数量, 上一年项目数量 /
        本年增/减, the row 其他对外管理服务事项, the block 政府集中采购 (采购项目数量 / 采购总金额).
        One finding per report, on the first such label, naming all of them.

    Why
        docs/format.md §1.2: reports on 2021 and later follow 国办公开办函〔2021〕30号; these
        labels are signatures of 国办公开办函〔2019〕60号, so the agency filled in an outdated
        template and its table 二 reports different quantities (e.g. 本年新公开数量 instead of
        本年废止件数). FORMAT §10: old-format labels are not variants.

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
        信息内容	本年新制作数量	本年新公开数量	对外公开总数量
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

    code = "T107"
    name = "old-format-labels"
    explanation = "2021 年及以后年度的报告，表二仍使用已废止的 2019 年试行格式的栏目，应改用国办公开办函〔2021〕30号规定的格式。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or t2.span is None or not is_2021_report(report):
            return
        parts = list(report.span_text(t2.span))
        norms = [normalise(text) for _, _, text in parts]
        # Nearly every table 二 has none of them: one search of the joined lines per
        # signature says so, where the loop below tests each signature on each line.
        if not old_format_signatures(norms):
            return
        found: list[str] = []
        first = None
        sigs = OLD_FORMAT_SIGNATURES_NORMALISED
        for (n, column, text), norm in zip(parts, norms):
            for sig, ns in sigs:
                if ns in norm and sig not in found and OLD_FORMAT_VARIANTS.get(sig) not in found:
                    found.append(sig)
                    if first is None:
                        at = text.find(sig)
                        first = Span(n, column + at, n, column + at + len(sig)) if at >= 0 else Span(n, column)
        if first is None:
            return
        yield self.diag(
            f"{report.year} 年度报告的表二使用了{FORMAT_2019}的栏目：{'、'.join(found)}；"
            f"2021 年起应使用{FORMAT_2021}（{_COLUMNS_2021}）",
            first, key="t2.old-format")
