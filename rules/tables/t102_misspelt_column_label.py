"""T102: a table 二 column header is misspelt."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.diagnostics import Diagnostic, Rule
from gplint.format import OLD_FORMAT_SIGNATURES, T2_2019, T2_2021
from gplint.labels import normalise
from gplint.model import Report, Span

#: The 2021 format's table 二 column headers, without units (U101/U102 judge the units).
STANDARD_2021 = T2_2021.column_names
#: Header words of the 2019 format: not misspellings (T107 reports them in 2021+ reports).
OTHER_KNOWN = tuple(normalise(w) for w in OLD_FORMAT_SIGNATURES) + (
    normalise(T2_2019.block_of("licensing").columns[-1].label), normalise(T2_2021.label_header))


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (labels are short)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def near_miss(piece: str) -> Optional[str]:
    """The standard header ``piece`` is a misspelling of (one character off), or None."""
    for w in STANDARD_2021:
        if piece != w and abs(len(piece) - len(w)) <= 1 and _distance(piece, w) == 1:
            return w
    return None


def _pieces(norm: str) -> list[str]:
    """What is left of a normalised header after cutting out known words and units."""
    t = norm
    for w in STANDARD_2021 + OTHER_KNOWN:
        t = t.replace(w, "|")
    # Units in parentheses belong to the fee header; U101/U102 judge them.
    out = []
    for p in t.split("|"):
        if "(" in p:
            p = p.split("(")[0]
        if len(p) >= 5:
            out.append(p)
    return out


class MisspeltColumnLabel(Rule):
    """What it checks
        The column headers of 表二: 本年制发件数, 本年废止件数, 现行有效件数, 本年处理决定数量,
        本年收费金额（单位：万元）. A header that is one character away from a standard one
        (本年废制件数) is a misspelling. Headers are compared after the FORMAT §10
        normalisation (width, blanks, Traditional characters), so layout variants pass;
        2019-format headers are T107's business.

    Why
        docs/format.md §4 (the 2021 headers, carried over exactly) and §10 ("misspellings such as
        本年废制件数 are errors, not variants"). A misspelt header in a statutory table is a
        visible defect of the published report.

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
        信息内容	本年制发件数	本年废制件数	现行有效件数
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

    code = "T102"
    name = "misspelt-column-label"
    explanation = "表二的列名有错别字，例如“本年废制件数”应为“本年废止件数”。"
    category = "table"
    severity = "error"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        t2 = report.t2
        if t2 is None:
            return
        seen = set()
        for label in t2.column_labels:
            for piece in _pieces(normalise(label.text)):
                want = near_miss(piece)
                if want is None or (label.span.line, piece) in seen:
                    continue
                seen.add((label.span.line, piece))
                yield self.diag(f"表二列名“{piece}”有误，应为“{want}”", self._span(report, label.span, piece),
                                key=f"t2.header.{want}", snippet=piece)

    @staticmethod
    def _span(report: Report, span: Span, piece: str) -> Span:
        text = report.lines[span.line - 1] if 0 < span.line <= len(report.lines) else ""
        at = text.find(piece, span.column - 1)  # (a page flattened into one line prints it earlier too)
        if at < 0:
            return span
        return Span(span.line, at + 1, span.line, at + 1 + len(piece))
