"""Where a report belongs: its agency and its year (:class:`~gplint.model.Placement`).

The title names the agency in most reports, before the year (``淮安市洪泽区人民政府2024年…``)
or after it (``2025年上海市人民政府办公厅政府信息公开…``). Where the title gives only a
relative name (``市科技局2024年度…``) or none, the signature under the last section
(``平潭综合实验区财政金融局 2026年1月14日``) and the preface (``本报告由济宁市兖州区科学技术局
按照…``) are read. A name that needs context nobody gives stays unplaced, with the reason:
a wrong agency would compare a report with another agency's last year.

The year is the report's (:attr:`Report.year`: title or top lines); where the text gives
none, the statistics period (``统计期限自2024年1月1日…``), then the signing date (a report
signed in January 2025 is the report on 2024).

Computed on demand (``Report.placement``), never by a plain lint run.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ..agency import expand_from_mentions, expand_relative, is_relative, normalise_agency, same_agency
from ..model import Placement
from ..lazy_re import lazy_compile
from .title import STRAY_YEAR, report_named_in_preface

if TYPE_CHECKING:
    from ..model import Report

_YEAR = r"(?P<year>\d{4})\s*年\s*度?"
_CRAWLER_TITLE = lazy_compile(r"^\s*(?:标题|题目|title)\s*[:：]\s*", re.I)
_NAME_BEFORE_YEAR = lazy_compile(r"^(?P<name>.*?)\s*(?:关于)?\s*" + _YEAR + r"\s*(?:的)?\s*(?:政府信息公[开開]|政[务務]公[开開]|信息公[开開]|年度[报報]告)")
_NAME_AFTER_YEAR = lazy_compile(r"^\s*" + _YEAR + r"\s*(?P<name>.*?)\s*(?:的)?\s*(?:政府信息公[开開]|政[务務]公[开開]|信息公[开開])")
_NAME_NO_YEAR = lazy_compile(r"^(?P<name>.*?)\s*(?:关于)?\s*(?:的)?\s*(?:政府信息公[开開]|信息公[开開]|政[务務]公[开開])")
_DATE_AT_END = lazy_compile(r"(?P<name>[\u4e00-\u9fff（）()]{4,40})\s*[（(]?\s*(?P<y>\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?\s*$")
_PREFACES = (
    lazy_compile(r"(?:本(?:年度)?报告|年报)由\s*(?P<name>[\u4e00-\u9fff]{3,30}?)\s*(?:根据|按照|依据|依照|编制|制作|结合)"),
    lazy_compile(r"现由\s*(?P<name>[\u4e00-\u9fff]{3,30}?)\s*(?:编制|制作|发布)"),
    lazy_compile(r"结合\s*(?P<name>[\u4e00-\u9fff]{3,30}?)\s*(?:政府信息公开|政务公开)工作实际"),
)
_OFFICE = lazy_compile(r"(?:办公室|办公厅)$")
_PERIOD = lazy_compile(r"统计(?:期限|时限|时间|区间)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
_ORGAN_END = tuple("局委办府会心院厅室所处馆站队部署行镇乡区县市司组")


def title_name(title: str) -> tuple[str, Optional[int]]:
    """The agency as the title writes it, and the title's year (either may be missing)."""
    t = STRAY_YEAR.sub("", _CRAWLER_TITLE.sub("", title).strip(), 1)
    year = None
    for pattern in (_NAME_BEFORE_YEAR, _NAME_AFTER_YEAR):
        m = pattern.match(t)
        if m:
            year = int(m.group("year"))
            if m.group("name").strip():
                return m.group("name").strip(), year
    if year is not None:
        return "", year
    m = _NAME_NO_YEAR.match(t)
    if m:
        return m.group("name").strip(), None
    return "", None


def signature(text: str) -> tuple[str, Optional[int]]:
    """The name and date signed under the report (last lines), or ("", None)."""
    tail = text.rstrip()[-200:]
    tail = re.sub(r"\s+", " ", tail)
    m = _DATE_AT_END.search(tail)
    if not m:
        return "", None
    name = re.split(r"[。；;：:，,！!？?、]", m.group("name"))[-1].strip()
    if not name.endswith(_ORGAN_END) or len(name) < 4:
        return "", int(m.group("y"))
    return name, int(m.group("y"))


def preface(text: str) -> str:
    """The agency the preface says wrote the report (``本报告由X编制``, ``现由X编制``,
    ``结合X政府信息公开工作实际``), or ""."""
    head = text[:4000]
    for pattern in _PREFACES:
        m = pattern.search(head)
        if m:
            return m.group("name")
    return ""


def _signature_note(name: str, written: str, signed: str, problems: list[str]) -> None:
    if signed and not is_relative(normalise_agency(signed)):
        # (A government's report is often signed by its 办公室: the same agency.)
        other = _OFFICE.sub("", normalise_agency(signed))
        if not same_agency(name, other) and not same_agency(_OFFICE.sub("", name), other):
            problems.append(f"落款为“{signed}”，与标题“{written}”不一致")


def _agency(report: "Report", problems: list[str]) -> tuple[Optional[str], str, str]:
    written, _year = title_name(report.title)
    signed, _signed_year = signature(report.text)
    prefaced = preface(report.text)
    if not prefaced and not report.title:
        # A page that kept no title: the report's name as the preface publishing it gives it.
        prefaced = title_name(report_named_in_preface(report.text))[0]
    name = normalise_agency(written) if written else ""
    if name and not is_relative(name):
        _signature_note(name, written, signed, problems)
        return name, written, "title"
    others = [(source, n) for source, n in (("signature", signed), ("preface", prefaced)) if n]
    full = [(source, n) for source, n in others if not is_relative(normalise_agency(n))]
    if name:  # a relative name: which city's 科技局?
        expanded = expand_relative(name, [n for _, n in full])
        if expanded:
            source = next(s for s, n in full if normalise_agency(n) == expanded) if any(
                normalise_agency(n) == expanded for _, n in full) else "preface"
            return expanded, written, "title+" + source
        expanded = expand_from_mentions(name, report.text)
        if expanded:
            return expanded, written, "title+text"
        problems.append(f"标题中的机关名称“{written}”不完整，正文未写明全称，无法确定是哪一机关")
        return None, written, ""
    if full:
        source, n = full[0]
        return normalise_agency(n), n, source
    for source, n in others:  # a relative name in the signature or preface
        expanded = expand_from_mentions(normalise_agency(n), report.text)
        if expanded:
            return expanded, n, source + "+text"
    what = f"“{others[0][1]}”不完整" if others else "标题、落款和前言均未写明机关名称"
    problems.append(f"{what}，无法确定是哪一机关")
    return None, others[0][1] if others else "", ""


def _year(report: "Report", problems: list[str]) -> tuple[Optional[int], str]:
    _name, title_year = title_name(report.title)
    if report.year is not None:
        return report.year, "title" if title_year == report.year else "text"
    m = _PERIOD.search(report.text)
    if m:
        return int(m.group(1)), "statistics period"
    _signed, signed_year = signature(report.text)
    if signed_year:
        return signed_year - 1, "signing date"
    problems.append("正文未写明报告年度，无法确定是哪一年的报告")
    return None, ""


def place(report: "Report") -> Placement:
    """The report's agency and year, each with where it was read, or why not."""
    problems: list[str] = []
    agency, written, agency_source = _agency(report, problems)
    year, year_source = _year(report, problems)
    return Placement(agency, written, agency_source, year, year_source, tuple(problems))
