"""N110: counts of 规章 / 行政规范性文件 made, repealed or in force in the text differ from table 二."""
from __future__ import annotations

from typing import Any, Iterable, Optional

from gplint.confidence import table_confidence
from gplint.diagnostics import Diagnostic, Related, Rule
from gplint.format import FORMAT_2019, FORMAT_2021
from gplint.model import Number, Report, Span

from ._counts import COMPARISON, Count, counts
from ._prose import fmt, other_scope, scope_before, other_year, sentences
from gplint.lazy_re import lazy_compile

_DOC = lazy_compile(r"(?P<rules>规章)|(?P<norm>规范性文件)")
#: The actions a count names, by format, as table 二's columns of documents: the 2021
#: format's 本年制发 / 本年废止 / 现行有效, the 2019 format's 本年新制作 / 本年新公开 /
#: 对外公开总数量 (公开 alone names no column: 主动公开 is every kind of information's).
_ACTIONS = {
    "2021": lazy_compile(r"(?P<issued>制发|制定|出台|印发|新发布|发布)|(?P<repealed>废止|宣布失效)|(?P<in_force>现行有效)"),
    "2019": lazy_compile(r"(?P<made>新制作|制作|制发|制定|出台|印发)|(?P<published>新公开)|(?P<total>对外公开总数|公开总数)"),
}
#: The action "未制定…" gives 0 for, by format.
_NONE_ACTION = {"2021": "issued", "2019": "made"}
#: Counts of other work on documents (审核, 备案, 清理, 解读), of drafts, or of others' documents.
_OTHER = lazy_compile(r"审核|审查|备案|清理|评估|解读|征求意见|草案|起草|修订|修改|参与|配合|转发|代拟|"
                    r"政策文件|[%％]")
_NONE = lazy_compile(r"(?:未|没有|无)(?:新)?(?:制定|出台|制发|印发|发布)(?:新的|新|任何)?(?:政府|部门)?(?P<doc>规章|(?:行政)?规范性文件)")
_UNITS = frozenset(("件", "个", "份", "部", "项"))


#: How messages name table 二's document columns and rows (from the formats).
_T2_COLUMNS = {c.key: c.label for f in (FORMAT_2021, FORMAT_2019) for c in f.t2.blocks[0].columns}
_DOC_NAMES = {f.version: {k: f.t2.rows[k].label for k in ("rules", "norm")} for f in (FORMAT_2021, FORMAT_2019)}


def _t2_value(report: Report, doc: str, action: str) -> Optional[Number]:
    t2 = report.t2
    if t2 is None or not table_confidence(report, "t2").readable(doc):
        return None
    return t2.value(f"{doc}.{action}")


class DocumentsCountMismatch(Rule):
    """Counts of 规章 or 行政规范性文件 in the text differ from table 二.

    What it checks
        A count named by a document kind (规章, 规范性文件) and an action — 制发/制定/出台/印发
        (本年制发件数), 废止 (本年废止件数), 现行有效 (现行有效件数); in a 2019-format report
        新制作/制定… (本年新制作数量), 新公开 (本年新公开数量), 对外公开总数 (对外公开总数量) —
        is compared with that cell of table 二; the kind may stand earlier in the sentence (出台规范性文件 3 件，
        废止 1 件). "未制定规章" needs 本年制发件数 at 0. Counts of other work on documents
        (审核, 备案, 清理, 解读, 起草) and what it found (清理 45 件，废止 8 件), the parts of a
        其中 list, comparisons, and a region's totals are not read.

    Why
        条例 第二十条(一) and 第五十条(一); FORMAT.md §4 (table 二): the text and table 二
        report the same documents.

    Bad::

        …
        （一）主动公开。全年制发行政规范性文件 ⟦2⟧ 件。
        行政规范性文件 1 0 5

    Good::

        …
        （一）主动公开。全年制发行政规范性文件 1 件。
        行政规范性文件 1 0 5
    """

    code = "N110"
    name = "documents-count-mismatch"
    explanation = "正文中规章或行政规范性文件的制发、废止、现行有效件数与表二不一致。"
    category = "narrative"
    severity = "warning"
    profiles = ("default", "strict")

    def check(self, report: Report, options: dict[str, Any]) -> Iterable[Diagnostic]:
        if report.t2 is None:
            return
        line = report.t2.span.line if report.t2.span else 0
        form = "2019" if report.format_version == "2019" else "2021"
        for s in sentences(report):
            text = s.text
            if s.heading or not ("规章" in text or "规范性文件" in text):
                continue
            for m in _NONE.finditer(text):
                doc = "rules" if m.group("doc") == "规章" else "norm"
                table = _t2_value(report, doc, _NONE_ACTION[form])
                clause = _clause(text, m.start())
                if table and not other_year(text, report.year) and not _OTHER.search(clause) and not other_scope(report, clause):
                    yield self._diag(s, m.start(), m.end(), m.group(0), doc, _NONE_ACTION[form], 0, table, line, form)
            for c in counts(s):
                got = _reading(text, c, _ACTIONS[form])
                if got is None or other_year(c.clause, report.year) or other_scope(report, scope_before(text, c.clause_start, c.clause)):
                    continue
                doc, action = got
                table = _t2_value(report, doc, action)
                if table is None or table == c.value:
                    continue
                yield self._diag(s, c.start, c.end, text[c.start:c.end], doc, action, c.value, table, line, form)

    def _diag(self, s, a: int, b: int, snippet: str, doc: str, action: str, n: Number, table: Number, line: int,
              form: str) -> Diagnostic:
        doc_name = _DOC_NAMES[form][doc]
        name = f"表二“{doc_name}”{_T2_COLUMNS[action]}"
        return self.diag(f"正文称{doc_name} {fmt(n)} 件（{_T2_COLUMNS[action]}），但{name}为 {fmt(table)}",
                         s.span(a, b), key=f"t2.{doc}.{action}",
                         related=[Related(Span(line), name)] if line else [],
                         evidence={"text": n, "table": table}, snippet=snippet)


def _clause(text: str, i: int) -> str:
    a = max(text.rfind(x, 0, i) for x in "，,；;。") + 1
    ends = [k for k in (text.find(x, i) for x in "，,；;。") if k >= 0]
    return text[a: min(ends) if ends else len(text)]


def _in_a_list_of_parts(text: str, i: int) -> bool:
    """A 其中 list runs on to ``i`` (其中以局名义印发 2 件，联合印发 1 件), up to a semicolon."""
    k = text.rfind("其中", 0, i)
    return k >= 0 and not any(stop in text[k:i] for stop in "；;。")


def _reading(text: str, c: Count, actions: Any) -> Optional[tuple[str, str]]:
    """(document kind, action) a count gives, or None when it is not a count of table 二."""
    if c.unit not in _UNITS or c.approximate or c.aside or COMPARISON.search(c.before) or _OTHER.search(c.clause) \
            or _in_a_list_of_parts(text, c.start):
        return None  # (其中废止 8 件、宣布失效 3 件: parts of a count before, whatever it counts)
    action = None
    for action in actions.finditer(c.before):
        pass
    if action is None:
        action = actions.search(c.after)
    if action is None:
        return None
    doc = None
    for doc in _DOC.finditer(text, 0, c.start):
        pass
    if doc is None:
        doc = _DOC.search(c.after)
    if doc is None:
        return None
    # The kind must belong to this clause or a clause of the same list (出台规范性文件 3 件，废止 1 件),
    # and that list must not be of other work on them (清理规范性文件 45 件，废止 8 件: what
    # the review found).
    if "。" in text[doc.end():c.start] or _OTHER.search(_clause(text, doc.start())):
        return None
    return doc.lastgroup or "", action.lastgroup or ""
