"""S103: a statutory section carries the numeral of another slot."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import NUMERALS, SLOTS, STANDARD


class SectionMisnumbered(Rule):
    """A statutory section is numbered as another one.

    What it checks
        Each section heading's numeral must match its place: 主动公开政府信息情况 is 二、,
        其他需要报告的事项 is 六、, and so on. Reports that leave 总体情况 unnumbered, or number
        its topics 一、二、… as if they were top-level, shift the statutory block (一、主动公开…
        二、收到和处理…) or number it twice; every heading whose numeral names another slot
        is reported. Where all six sections stand numbered 一 … 六 down the text but
        two of them changed places, the numbers follow the text: S102 reports the order.

    Why
        docs/format.md §3.1: "A title that matches a different slot than its numeral says is a
        numbering error, not a variant"; the six sections are numbered 一 … 六 in order.

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度工作平稳有序。
        ⟦一⟧、主动公开政府信息情况
        二、收到和处理政府信息公开申请情况
        三、政府信息公开行政复议、行政诉讼情况
        四、存在的主要问题及改进情况
        公开深度有待加强。
        五、其他需要报告的事项
        本年度未收取信息处理费。

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度工作平稳有序。
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        公开深度有待加强。
        六、其他需要报告的事项
        本年度未收取信息处理费。
    """

    code = "S103"
    name = "section-misnumbered"
    explanation = "法定章节的序号与其位置不符，例如“主动公开政府信息情况”应为“二、”。常见于把总体情况的小标题也编成一、二、三。"
    category = "structure"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if _numbered_in_order_but_moved(report):
            return  # S102: the sections are in the wrong order; their numbers run 一 … 六
        for slot in SLOTS:
            sec = report.sections.get(slot)
            if sec is None or sec.numeral_slot == slot:
                continue
            yield self.diag(
                f"“{sec.title}”是第{SLOTS.index(slot) + 1}部分（{STANDARD[slot]}），"
                f"编号却为“{sec.heading.numeral}”，应为“{NUMERALS[slot]}”",
                sec.heading.span, key=slot, evidence={"numeral": sec.heading.numeral},
                snippet=sec.title)


def _numbered_in_order_but_moved(report: Report) -> bool:
    """Whether all six sections are present, numbered 一 … 六 in the order they stand, and
    not in the format's order (two sections swapped with their titles)."""
    if any(slot not in report.sections for slot in SLOTS):
        return False
    in_text = sorted((report.sections[slot] for slot in SLOTS), key=lambda sec: sec.line)
    numbered = [sec.heading.numeral for sec in in_text] == [NUMERALS[slot] for slot in SLOTS]
    return numbered and [sec.slot for sec in in_text] != list(SLOTS)
