"""S107: section 一 lacks one of its five topics, or a government report lacks its
工作考核、社会评议和责任追究 results (strict)."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import FORMAT_2021, GOVERNMENT_RESULTS, Topic
from gplint.model import Report, Span

from ._common import body_words
from gplint.lazy_re import lazy_compile

# FORMAT §3.2: the five topics of 总体情况, found by their words anywhere in the section;
# and the results a people's government must also report there.
_TOPICS = FORMAT_2021.section("S1").topics
_GOV_RESULTS = GOVERNMENT_RESULTS
_S1_TITLE = FORMAT_2021.section("S1").title


class OverviewTopicMissing(Rule):
    """Section 一 does not cover one of its five topics.

    What it checks
        总体情况 should summarise 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and
        监督保障; each topic is looked for by its keywords anywhere in the section (sub-
        headings are not required). For the report of a people's government, the section
        must also give the results of 工作考核、社会评议和责任追究. Keywords wrapped over two
        lines (社会评 / 议) are found. The finding points at where the first missing topic
        should stand — the first sentence of the next topic the section has (the format's
        order), or its last sentence — and the missing results at the 监督保障 topic.

    Why
        docs/format.md §3.2 (the five topics of the 2021 format, and for 各级人民政府 the results
        of 工作考核、社会评议和责任追究, which is how the format meets 条例 第五十条(四)).

    Bad::

        某局2024年政府信息公开工作年度报告
        一、总体情况
        ⟦本年度主动公开政府信息 12 条。⟧
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
    explanation = "“一、总体情况”没有涉及主动公开、依申请公开、政府信息管理、平台建设、监督保障五方面之一；人民政府的报告还应说明考核、社会评议和责任追究结果。"
    category = "structure"
    severity = "info"
    profiles = ("strict",)

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        sec = report.sections.get("S1")
        if sec is None:
            return
        # A keyword wrapped over two lines (社会评 / 议) is found: the lines are joined.
        body = body_words(report, "S1")
        missing = [t for t in _TOPICS if not any(w in body for w in t.words)]
        if missing:
            yield self.diag(
                f"第一部分“{_S1_TITLE}”未涉及：{'、'.join(t.label for t in missing)}（格式要求{_S1_TITLE}涵盖"
                f"{'、'.join(t.label for t in _TOPICS)}五个方面）",
                _where_topic_belongs(report, missing[0]) or sec.heading.span, key="S1.topics",
                snippet="、".join(t.label for t in missing))
        if report.reporter_kind == "government":
            lacking = [t.label for t in _GOV_RESULTS if not any(w in body for w in t.words)]
            if lacking:
                yield self.diag(
                    f"人民政府的年度报告应在{_S1_TITLE}（{_TOPICS[-1].label}）中说明"
                    f"{'、'.join(t.label for t in _GOV_RESULTS[:-1])}和{_GOV_RESULTS[-1].label}结果，"
                    f"未见：{'、'.join(lacking)}",
                    _where_topic_belongs(report, _TOPICS[-1], inside=True) or sec.heading.span,
                    key="S1.gov_results", snippet="、".join(lacking))


def _where_topic_belongs(report: Report, topic: Topic, inside: bool = False) -> Optional[Span]:
    """Where a topic of section 一 should stand: where the next topic the section has
    begins (the topics come in the format's order), or the section's last sentence. With
    ``inside``, where the topic itself begins when it is there (its results belong in it)."""
    own = [s for s in report.sentences if s.section == "S1"]
    if not own:
        return None
    k = _TOPICS.index(topic)
    for t in _TOPICS[k if inside else k + 1:]:
        found = _topic_start(own, t)
        if found is not None:
            return found
        if inside:
            break
    return own[-1].span(0, 1)


def _topic_start(own: list, topic: Topic) -> Optional[Span]:
    """Where a topic begins: its sub-heading (（五）监督保障), or the first sentence naming
    it by its label. (Its looser words, 保障 or 考核, name other things too often.)"""
    for s in own:
        text = s.text.replace(" ", "")
        if (s.heading or _ENUMERATOR.match(text)) and any(w in text[:16] for w in topic.words):
            return s.span(0, 1)
    for s in own:
        if topic.label in s.text.replace(" ", ""):
            return s.span(0, 1)
    return None


_ENUMERATOR = lazy_compile(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．]")
