"""S107: section 一 lacks one of its five topics, or a government report lacks its
工作考核、社会评议和责任追究 results (strict)."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.model import Report

from ._common import body_text

# FORMAT §3.2: the five topics, found by keywords anywhere in 总体情况.
_TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("s1.active", "主动公开", ("主动公开", "主动发布")),
    ("s1.on_request", "依申请公开", ("依申请", "公开申请", "申请公开")),
    ("s1.info_mgmt", "政府信息管理", ("信息管理", "审核", "审查", "公开属性", "清理", "梳理")),
    ("s1.platform", "政府信息公开平台建设", ("平台", "网站", "新媒体", "公众号", "专栏")),
    ("s1.oversight", "监督保障", ("监督", "保障", "考核", "培训", "督查", "督导")),
)
_GOV_RESULTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("工作考核", ("考核",)),
    ("社会评议", ("评议", "社会评价", "满意度")),
    ("责任追究", ("责任追究", "追责", "问责")),
)


class OverviewTopicMissing(Rule):
    """Section 一 does not cover one of its five topics.

    What it checks
        总体情况 should summarise 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and
        监督保障; each topic is looked for by its keywords anywhere in the section (sub-
        headings are not required). For the report of a people's government, the section
        must also give the results of 工作考核、社会评议和责任追究.

    Why
        FORMAT.md §3.2 (the five topics of the 2021 format, and for 各级人民政府 the results
        of 工作考核、社会评议和责任追究, which is how the format meets 条例 第五十条(四)).

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度主动公开政府信息 12 条。
        二、主动公开政府信息情况

    Good::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        本年度主动公开政府信息 12 条；依申请公开办理规范；严格信息发布审核；
        加强政府网站平台建设；强化监督保障和考核。
        二、主动公开政府信息情况
    """

    code = "S107"
    name = "overview-topic-missing"
    category = "structure"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        sec = report.sections.get("S1")
        if sec is None:
            return
        body = body_text(report, "S1").replace(" ", "")
        missing = [label for _, label, words in _TOPICS if not any(w in body for w in words)]
        if missing:
            yield self.diag(
                f"第一部分“总体情况”未涉及：{'、'.join(missing)}（格式要求总体情况涵盖主动公开、依申请公开、"
                "政府信息管理、政府信息公开平台建设、监督保障五个方面）",
                sec.heading.span, key="S1.topics", snippet="、".join(missing))
        if report.reporter_kind == "government":
            lacking = [label for label, words in _GOV_RESULTS if not any(w in body for w in words)]
            if lacking:
                yield self.diag(
                    f"人民政府的年度报告应在总体情况（监督保障）中说明工作考核、社会评议和责任追究结果，"
                    f"未见：{'、'.join(lacking)}",
                    sec.heading.span, key="S1.gov_results", snippet="、".join(lacking))
