"""H103: web-page furniture copied into the report (strict)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import ALL_FORMATS
from gplint.model import Report, Span

# Lines (or line starts) that belong to a web page around the report, not to the report.
# The pattern's source: compiled when the rule first runs (re's cache keeps it), since the
# rule is in the strict profile only and a default run never needs it.
_CHROME = (
    r"^\s*(?:责任编辑\s*[:：]|来源\s*[:：].{0,30}(?:日期|时间|字号)|字号\s*[:：]|【?\s*字体\s*[:：]?\s*大\s*中\s*小|"
    r"分享到\s*[:：]?|打印本页|【\s*打印\s*】|关闭窗口|【\s*关闭\s*】|浏览次数\s*[:：]|访问量\s*[:：]|"
    r"扫一扫在手机(?:上)?(?:打开|查看)|当前位置\s*[:：]|您现在的位置\s*[:：]|发布(?:时间|日期)\s*[:：].{0,30}(?:来源|浏览|字号))")


class WebPageChrome(Rule):
    """Web-page furniture (来源/字号/分享到, 责任编辑, 打印本页…) left in the report.

    What it checks
        Lines that come from the web page the report was copied from rather than from the
        report: "来源：… 日期：… 字号：", "分享到", "责任编辑：", "打印本页", "关闭窗口",
        "浏览次数：", "当前位置：", "扫一扫在手机打开".

    Why
        The text linted should be the report itself (条例 第四十九条: the report is what is
        made public); page furniture also breaks the title and the first section apart.

    Bad::

        …
        ⟦来源：某局 日期：2025-01-20 字号： 分享到：⟧

    Good::

        …
        （二）依申请公开。本机关依法办理政府信息公开申请。
    """

    code = "H103"
    name = "web-page-chrome"
    explanation = "报告中混入了网页上的元素，如“来源：… 字号：”“分享到”“打印本页”“关闭窗口”，应删除。"
    category = "hygiene"
    severity = "info"
    profiles = ("strict",)
    formats = ALL_FORMATS

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        chrome = re.compile(_CHROME)
        for n, line in enumerate(report.lines, start=1):
            if report.in_table(n):
                continue
            m = chrome.search(line)
            if m:
                yield self.diag(
                    f"网页元素“{line.strip()[:30]}”混入报告正文，应删除",
                    Span(n, 1, n, len(line) + 1), key="chrome", snippet=line.strip()[:40])
