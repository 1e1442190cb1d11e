"""Helpers for testing rules: example report texts and the docstring examples of rules.

The docstring format every rule follows
=======================================

A rule's docstring has four sections, each introduced by a line holding only its title:
``What it checks``, ``Why``, ``Bad``, ``Good`` (and, for a rule of category ``history``,
``Previous``: the earlier report the examples are compared with, recorded in a history
store before Bad and Good are linted). The Bad and Good examples are report texts —
most of them fragments embedded in the example report, see below — that the registry test
(``tests/test_rule_registry.py``) lints:

- the line ``Bad::`` is followed by the Bad report text, every line indented by 4 spaces
  (blank lines may stay empty); the rule must report at least one finding on it;
- the line ``Good::`` is followed by the Good report text in the same way; the rule must
  report nothing on it.

A block ends at the first non-blank line indented by fewer than 4 spaces (or at the end of
the docstring). A block whose first line is ``…`` is a *fragment* — the sentences or table
rows that matter — which the tests embed in the example report (see
:mod:`gplint.fragments`; a ``Previous::`` fragment in the example report on 2023); a value
marked ``⟦…⟧`` in a Bad example is where the rule's finding must be (the registry test
checks its line and column, and that every Bad example marks one). A rule whose condition
is the shape of the whole report (a section missing or out of order, a table missing, a
text that is no report) gives the whole report instead, its offending place marked the
same way. The 4-space indentation is removed, trailing blank lines are dropped and a
final newline is added. Tabs inside the block are kept (tab-separated tables are a real
layout). Example::

    What it checks
        One sentence.

    Why
        docs/format.md §6; 条例 第五十条.

    Bad::

        2024年政府信息公开工作年度报告
        四、政府信息公开行政复议、行政诉讼情况
        ...

    Good::

        2024年政府信息公开工作年度报告
        ...

Rules of category ``input`` (E-codes, produced by the engine, not by a rule's ``check``)
may leave both blocks out when the condition cannot be written as text (an unreadable
file, an undecodable byte stream, an internal error); when they give them, the registry
test lints them like any other example.

``example_report(**overrides)`` builds a minimal valid report (all six sections, the three
tables, consistent numbers) to start tests and examples from.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .diagnostics import Diagnostic, Rule
from .docs import clean_doc
from .example import EXAMPLE_T2, EXAMPLE_T3, EXAMPLE_T4, T3_ROW_LABELS, T4_ORDER, example_report

__all__ = ["EXAMPLE_T2", "EXAMPLE_T3", "EXAMPLE_T4", "T3_ROW_LABELS", "T4_ORDER", "clean_doc", "docstring_block",
           "example_report", "history_with", "indent_block", "lint_with", "missing_doc_sections", "rule_example_marks",
           "rule_examples", "t4_values", "table_read", "with_table"]

# --------------------------------------------------------------------------- docstrings


def docstring_block(doc: Optional[str], marker: str) -> Optional[str]:
    """The indented text block that follows the line ``marker`` ("Bad::" / "Good::")."""
    if not doc:
        return None
    lines = clean_doc(doc).splitlines()
    try:
        start = next(i for i, ln in enumerate(lines) if ln.strip() == marker)
    except StopIteration:
        return None
    block: list[str] = []
    for ln in lines[start + 1:]:
        if ln.strip() and not ln.startswith("    "):
            break
        block.append(ln[4:] if ln.startswith("    ") else "")
    while block and not block[0].strip():
        block.pop(0)
    while block and not block[-1].strip():
        block.pop()
    if not block:
        return None
    return "\n".join(block) + "\n"


def rule_examples(rule: type[Rule]) -> dict[str, Optional[str]]:
    """{"bad": text or None, "good": text or None} from a rule's docstring: the report texts
    to lint (a fragment embedded in the example report, its ⟦⟧ marks taken out)."""
    return {k: (v[0] if v else None) for k, v in _examples(rule).items()}


def rule_example_marks(rule: type[Rule]) -> dict[str, list[tuple[int, int]]]:
    """{"bad": [(line, column), …], "good": […]}: where each value marked ⟦…⟧ in an example
    begins, in the text :func:`rule_examples` gives."""
    return {k: (v[1] if v else []) for k, v in _examples(rule).items()}


def _examples(rule: type[Rule]) -> dict[str, Optional[tuple[str, list[tuple[int, int]]]]]:
    from .fragments import _take_marks, embed, is_fragment

    doc = rule.__doc__ or ""
    out: dict[str, Optional[tuple[str, list[tuple[int, int]]]]] = {}
    for key, marker in (("bad", "Bad::"), ("good", "Good::")):
        block = docstring_block(doc, marker)
        if block is None:
            out[key] = None
        elif is_fragment(block):
            out[key] = embed(block)
        else:
            out[key] = _take_marks(block)
    previous = docstring_block(doc, "Previous::")
    if previous is not None and is_fragment(previous):
        out["previous"] = embed(previous, year=PREVIOUS_YEAR)
    else:
        out["previous"] = (previous, []) if previous is not None else None
    return out


#: The year of the example report a ``Previous::`` fragment is embedded in (the Bad and Good
#: fragments are embedded in the example report on 2024).
PREVIOUS_YEAR = 2023

DOC_SECTIONS = ("What it checks", "Why", "Bad::", "Good::")


def missing_doc_sections(rule: type[Rule]) -> list[str]:
    """Docstring section titles the rule lacks (empty when the docstring is complete)."""
    lines = [ln.strip() for ln in clean_doc(rule.__doc__).splitlines()]
    wanted = DOC_SECTIONS if rule.category != "input" else DOC_SECTIONS[:2]
    return [s for s in wanted if s not in lines]


def lint_with(text: str, codes: Iterable[str], profile: str = "strict", year: Optional[int] = None,
              previous: Iterable[str] = ()) -> list[Diagnostic]:
    """Lint ``text`` with only the rules ``codes`` selected (engine E-codes still apply).

    ``previous``: report texts recorded first in a fresh in-memory history store that the
    run reads (the history rules' examples: a ``Previous::`` block)."""
    from .engine import LintOptions, lint_text

    history = history_with(previous) if previous else None
    return lint_text(text, path="example.txt",
                     config=LintOptions(profile=profile, select=list(codes), year=year, history=history))


def history_with(texts: Iterable[str], paths: Optional[Iterable[str]] = None):
    """A fresh in-memory :class:`~gplint.history.HistoryStore` holding these report texts."""
    from .history import HistoryStore, record_of
    from .reader import parse

    texts = list(texts)
    names = list(paths) if paths is not None else [f"previous-{i}.txt" for i in range(len(texts))]
    store = HistoryStore(":memory:")
    store.add_many(record_of(parse(t, path=n)) for t, n in zip(texts, names))
    return store


def indent_block(text: str) -> str:
    """``text`` indented by 4 spaces, ready to paste after ``Bad::`` / ``Good::``."""
    return "\n".join(("    " + ln) if ln.strip() else "" for ln in text.rstrip("\n").splitlines())


#: A 2019-format table 二 (its first two blocks): 规章 0/0/0, 规范性文件 2/2/9, 行政许可 3/0/18.
T2_2019_BLOCKS = """第二十条第（一）项
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t2\t2\t9
第二十条第（五）项
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t3\t0\t18
"""


def with_2019_table_two(text: str) -> str:
    """An example report's table 二 replaced by :data:`T2_2019_BLOCKS`."""
    start = text.index("第二十条第（一）项")
    end = text.index("三、收到和处理政府信息公开申请情况")
    return text[:start] + T2_2019_BLOCKS + text[end:]


def with_table(text: str, section: str, table: str) -> str:
    """``text`` (an :func:`example_report`) with the body of ``section`` ("S3" or "S4",
    the section of table 三 or 四) replaced by ``table``: a layout test writes its own
    printing of the table in place of the example's tab rows."""
    from .format import FORMAT_2021

    slots = FORMAT_2021.slots
    heading = FORMAT_2021.section(section).heading
    following = FORMAT_2021.section(slots[slots.index(section) + 1]).heading
    start = text.index(heading) + len(heading)
    return text[:start] + "\n\n" + table + "\n\n" + text[text.index(following, start):]


def table_read(text: str, table: str) -> dict:
    """What gplint reads of ``table`` ("t2", "t3", "t4") in ``text``, as ``gplint dump``
    writes it."""
    from .dump import report_to_dict
    from .reader import parse

    return report_to_dict(parse(text))[table]


def t4_values(text: str) -> list:
    """Table 四's fifteen cells as gplint reads them in ``text``, in :data:`T4_ORDER`."""
    t4 = table_read(text, "t4")
    return [t4[b][c] for b, c in (k.split(".") for k in T4_ORDER)]
