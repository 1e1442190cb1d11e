"""T101: one of the three statutory tables is not in the report."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMAT_2021, TABLES as _TABLES, TableSpec
from gplint.model import Report

from ._common import format_checked, section_span

def _described(table: TableSpec) -> str:
    """"表三（收到和处理政府信息公开申请情况）": the table by its name and its section's
    title; table 二 also by the items of 第二十条 it covers."""
    title = FORMAT_2021.section(table.section).title
    if table.key == "t2":
        title += "，第二十条第" + "".join(b.item for b in FORMAT_2021.t2.blocks) + "项"
    return f"{table.name}（{title}）"


#: (table, the section that carries it, how messages name it).
TABLES = tuple((t.key, t.section, _described(t)) for t in _TABLES)


def _present(report: Report, key: str) -> bool:
    """The table's header or any of its rows was found (read well or not: a table that
    could not be read is T190's, never "missing")."""
    return table_confidence(report, key).found


class TableMissing(Rule):
    """What it checks
        That the report contains the three statutory tables: 表二 主动公开政府信息情况 (under
        二), 表三 收到和处理政府信息公开申请情况 (under 三) and 表四 政府信息公开行政复议、行政诉讼情况
        (under 四). A table counts as present when its header or at least one of its rows
        is found, even when its values could not be read, and when its section shows a
        picture in its place (a page's image, a markdown image, what crawlers and converters
        write for one: a table published as a picture) or short lines of cells and no table a reader finds (a scanned table OCR
        read past recognition: "刘划0", "行政事Vrlt收费 | 0"); T190 reports these. Reported on the section heading where the table
        belongs (or the title).

    Why
        docs/format.md §2 and §4–§6: the format prescribes the three tables; 条例 第五十条 lists
        their contents among what the annual report must cover. A report that describes
        them in prose only cannot be compared or checked.

    Bad::

        …
        ~~表四~~
        ⟦四、政府信息公开行政复议、行政诉讼情况⟧

    Good::

        …
    """

    code = "T101"
    name = "table-missing"
    explanation = "报告缺少三张法定统计表之一：表二主动公开、表三依申请公开、表四行政复议和行政诉讼。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        for key, slot, name in TABLES:
            if _present(report, key):
                continue
            yield self.diag(f"未找到{name}：{format_checked(report)}要求报告载明该表",
                            section_span(report, slot), key=key)
