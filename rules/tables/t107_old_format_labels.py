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

        …
        信息内容 ⟦本年新制作数量⟧ 本年新公开数量 对外公开总数量

    Good::

        …
        信息内容 本年制发件数 本年废止件数 现行有效件数
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
