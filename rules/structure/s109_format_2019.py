"""S109: the report follows the 2019 试行 format (a notice, not an error)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report, Span


class Format2019Report(Rule):
    """What it checks
        A report on 2019 or 2020 (or of no stated year) whose table 二 prints the 2019
        试行 format (本年新制作数量 / 本年新公开数量 / 对外公开总数量, 上一年项目数量 / 本年增/减,
        其他对外管理服务事项, 政府集中采购). One notice a report, on table 二, saying which
        format gplint checked the report against.

    Why
        docs/format.md §1.2: reports on 2019 and 2020 follow 国办公开办函〔2019〕60号, whose
        tables differ from the 2021 format (another table 二, （六）其他处理 without sub-rows).
        That is correct for those years, so it is no error; but a reader must know that the
        2021 table rules were not applied, and why. (The same labels in a report on 2021 or
        later are an error: T107.) "Bad" below is a report that draws the notice, "Good" one
        in the 2021 format, which does not.

    Bad::

        示例区人民政府2019年政府信息公开工作年度报告

        一、总体情况

        本年度工作平稳有序。

        二、主动公开政府信息情况

        第二十条第（一）项
        信息内容	⟦本年新制作数量⟧	本年新公开数量	对外公开总数量
        规章	0	0	0
        规范性文件	1	1	5
        第二十条第（五）项
        信息内容	上一年项目数量	本年增/减	处理决定数量
        行政许可	3	0	18

        三、收到和处理政府信息公开申请情况

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        政策解读形式较单一，下一步将丰富解读形式。

        六、其他需要报告的事项

        无。

    Good::

        示例区人民政府2021年政府信息公开工作年度报告

        一、总体情况

        本年度工作平稳有序。

        二、主动公开政府信息情况

        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        规章	0	0	0
        行政规范性文件	1	0	5

        三、收到和处理政府信息公开申请情况

        四、政府信息公开行政复议、行政诉讼情况

        五、存在的主要问题及改进情况

        政策解读形式较单一，下一步将丰富解读形式。

        六、其他需要报告的事项

        无。
    """

    code = "S109"
    name = "format-2019-report"
    explanation = "这是 2019 或 2020 年度的报告，表二采用 2019 年试行格式，gplint 按该格式检查。"
    category = "structure"
    severity = "info"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None or t2.format != "2019" or (report.year is not None and report.year >= 2021):
            return
        span = t2.span or report.title_span or Span(1)
        labels = [lab for lab in t2.column_labels + t2.row_labels if lab.span is not None]
        if labels:
            span = min((lab.span for lab in labels), key=lambda s: (s.line, s.column))
        year = f"{report.year} 年度" if report.year else "年度不明"
        yield self.diag(
            f"本报告（{year}）按 2019 年试行格式（国办公开办函〔2019〕60号）编制，表二为该格式的栏目；"
            "已按该格式核对，2021 年格式（国办公开办函〔2021〕30号）的表格规则未适用",
            span, key="format.2019")
