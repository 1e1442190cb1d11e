"""X104: a report whose sentences are, for the most part, another report's, word for word."""
from __future__ import annotations

from typing import Any, Iterable

from gplint.agency import same_agency
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Span

from ._shared import describe, history_of, this_record


class CopiedText(Rule):
    """What it checks
        The share of this report's prose sentences (outside the tables, of 15 characters or
        more) found word for word in the same agency's report for the year before, or in
        another agency's report for the same year (both from the history store,
        ``--history FILE``). A share at or above ``threshold`` (default 0.6) is reported with
        the share and the source report. Sentences that the reports of ``boilerplate_agencies``
        (default 3) or more agencies contain are template text and count for nothing; a
        report with fewer than ``min_sentences`` (default 8) sentences of its own is not judged.

    Why
        Evaluating offices mark down a report copied wholesale from last year's or from a
        neighbouring agency's: the year's work is not reported. Information only: a stable
        agency may legitimately describe the same arrangements in the same words.

    Previous::

        …
        本机关坚持以公开为常态、不公开为例外的原则，全面推进决策、执行、管理、服务、结果公开。
        全年通过门户网站主动公开政府信息一千余条，涵盖机构职能、政策文件和财政资金等内容。
        进一步规范依申请公开办理流程，做到登记、审核、答复各环节留痕可查。
        加强政策解读工作，对涉及群众切身利益的文件同步发布图文解读。
        五、存在的主要问题及改进情况
        主动公开的政府信息与公众需求相比仍有差距，政策解读的形式还不够丰富。
        下一步将拓宽公开渠道，丰富解读形式，加强与公众的互动交流。

    Bad::

        …
        ⟦示例市交通运输局2024年政府信息公开工作年度报告⟧
        本机关坚持以公开为常态、不公开为例外的原则，全面推进决策、执行、管理、服务、结果公开。
        全年通过门户网站主动公开政府信息一千余条，涵盖机构职能、政策文件和财政资金等内容。
        进一步规范依申请公开办理流程，做到登记、审核、答复各环节留痕可查。
        加强政策解读工作，对涉及群众切身利益的文件同步发布图文解读。
        五、存在的主要问题及改进情况
        主动公开的政府信息与公众需求相比仍有差距，政策解读的形式还不够丰富。
        下一步将拓宽公开渠道，丰富解读形式，加强与公众的互动交流。

    Good::

        …
        本年度以交通运输领域重点工作为主线，围绕综合交通建设推进信息发布。
        在门户网站新设农村公路建设专栏，逐月公开项目进度和资金拨付情况。
        针对道路运输许可事项，编制办事指南并在政务服务平台同步公开。
        就出租汽车运价调整召开听证会，会前公开方案，会后公开采纳情况。
        五、存在的主要问题及改进情况
        存在的主要问题是部分项目信息公开不够及时，解读材料针对性不强。
        今后将建立项目信息发布台账，按月督促更新，提高解读质量。
    """

    code = "X104"
    name = "copied-text"
    explanation = "本报告的大部分语句与本机关上一年度报告或其他机关同年度报告逐字相同（不计各机关通用的模板语句）。请核实本年度工作情况是否如实撰写。"
    category = "history"
    severity = "info"
    formats = ALL_FORMATS
    options = {"threshold": 0.6, "min_sentences": 8, "boilerplate_agencies": 3}

    def check(self, report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        history = history_of(options)
        if history is None:
            return
        mine = this_record(report)
        if mine.agency is None or mine.year is None:
            return
        common = history.common_sentences(mine.sentences, int(options.get("boilerplate_agencies", 3)))
        own = [fp for fp in mine.sentences if fp not in common]
        if len(own) < int(options.get("min_sentences", 8)):
            return
        threshold = float(options.get("threshold", 0.6))
        best: dict[str, tuple[float, Any]] = {}
        for other, shared in history.reports_sharing(own, other_than=mine.content_hash):
            if other.agency is None or other.year is None:
                continue
            if other.year == mine.year - 1 and same_agency(other.agency, mine.agency):
                kind = "previous"
            elif other.year == mine.year and not same_agency(other.agency, mine.agency):
                kind = "other agency"
            else:
                continue
            share = shared / len(own)
            if share >= threshold and share > best.get(kind, (0.0, None))[0]:
                best[kind] = (share, other)
        for kind, (share, other) in sorted(best.items()):
            where = "本机关上一年度报告" if kind == "previous" else "其他机关同年度报告"
            yield self.diag(
                f"本报告 {round(share * 100)}% 的语句（{len(own)} 句中的 {round(share * len(own))} 句）与{where}逐字相同："
                f"{describe(other)}；请核实本年度工作情况是否如实撰写",
                report.title_span or _first_line(report), key=f"copied.{kind}",
                related=[_related(other)],
                evidence={"share": round(share, 3), "sentences": len(own), "source_path": other.path,
                          "source_agency": other.agency, "source_year": other.year},
                snippet=kind,
            )


def _first_line(report) -> Span:
    return Span(report.prose[0].line if report.prose else 1)


def _related(other) -> Related:
    return Related(Span(1), f"{describe(other)}：语句来源", path=other.path)
