"""Every registered rule (built-in, from any helper) is complete and its examples work.

The docstring format is defined in ``gplint.testing``: sections What it checks / Why /
Bad:: / Good::, with the Bad and Good report texts indented by 4 spaces. The Bad example
must make the rule fire and the Good example must not.
"""
from __future__ import annotations

import re

import pytest

from gplint.diagnostics import CATEGORIES, SEVERITIES
from gplint.format import ALL_FORMATS
from gplint.plugins import build_registry
from gplint.testing import lint_with, missing_doc_sections, rule_example_marks, rule_examples

REGISTRY = build_registry()
RULES = REGISTRY.sorted_rules()
PREFIX = {"structure": "S", "table": "T", "arithmetic": "A", "narrative": "N", "units": "U",
          "dates": "D", "hygiene": "H", "history": "X", "input": "E"}


def test_registry_has_the_rule_categories():
    cats = {r.category for r in RULES}
    assert {"table", "arithmetic", "units", "input"} <= cats


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_attributes(rule):
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code), rule.code
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert rule.category in CATEGORIES
    assert rule.code[0] == PREFIX[rule.category], f"{rule.code} is in category {rule.category}"
    assert rule.severity in SEVERITIES
    assert rule.profiles and set(rule.profiles) <= {"default", "strict"}
    assert rule.formats and set(rule.formats) <= set(ALL_FORMATS), rule.formats
    assert not missing_doc_sections(rule), f"{rule.code} docstring lacks {missing_doc_sections(rule)}"


def test_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


WITH_EXAMPLES = [r for r in RULES if rule_examples(r)["bad"] or rule_examples(r)["good"]]


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda r: r.code)
def test_bad_example_fires(rule):
    bad = rule_examples(rule)["bad"]
    assert bad, f"{rule.code}: a Good example without a Bad one"
    previous = [rule_examples(rule)["previous"]] if rule_examples(rule)["previous"] else []
    found = lint_with(bad, [rule.code], previous=previous)
    codes = [d.code for d in found]
    assert rule.code in codes, f"{rule.code} did not fire on its Bad example (got {codes})"
    # Each value marked ⟦…⟧ is where a finding of the rule stands (line and column).
    for line, column in rule_example_marks(rule)["bad"]:
        spans = [(d.span.line, d.span.column, d.span.end_line, d.span.end_column) for d in found if d.code == rule.code]
        assert any((a, b) <= (line, column) < (c, max(e, b + 1)) for a, b, c, e in spans), \
            f"{rule.code}: no finding at the marked {line}:{column} (got {spans})"


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda r: r.code)
def test_bad_example_marks_where_the_finding_stands(rule):
    assert rule_example_marks(rule)["bad"], f"{rule.code}: mark the offending value of the Bad example with ⟦…⟧"


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=lambda r: r.code)
def test_good_example_is_clean(rule):
    good = rule_examples(rule)["good"]
    assert good, f"{rule.code}: a Bad example without a Good one"
    previous = [rule_examples(rule)["previous"]] if rule_examples(rule)["previous"] else []
    found = [d for d in lint_with(good, [rule.code], previous=previous) if d.code == rule.code]
    assert not found, f"{rule.code} fired on its Good example: {[d.message for d in found]}"


def test_every_non_input_rule_has_examples():
    lacking = [r.code for r in RULES if r.category != "input" and r not in WITH_EXAMPLES]
    assert not lacking, f"rules without Bad/Good examples: {lacking}"


def test_history_rules_compare_with_a_previous_report_and_are_silent_without_a_store():
    history = [r for r in RULES if r.category == "history"]
    assert history
    for rule in history:
        examples = rule_examples(rule)
        assert examples["previous"], f"{rule.code}: a history rule's examples need a Previous:: report"
        assert [d for d in lint_with(examples["bad"], [rule.code]) if d.code == rule.code] == []


def test_input_rules_only_document_engine_codes():
    from gplint.reader import parse
    from gplint.testing import example_report

    report = parse(example_report())
    for rule in (r for r in RULES if r.category == "input"):
        assert list(rule().check(report, {})) == []


def test_a_rule_runs_only_on_the_formats_it_names():
    """``Rule.formats``: a rule of the formats' tables is not run on a report before them;
    a rule that says ``ALL_FORMATS`` is, and both run on a report in a national format."""
    from gplint import parse
    from gplint.diagnostics import Rule
    from gplint.engine import LintOptions, run_rules
    from gplint.model import Span

    class FormatRule(Rule):
        code, name, category = "X901", "format-rule", "hygiene"

        def check(self, report, options):
            yield self.diag("format", Span(1))

    class AnyReportRule(FormatRule):
        code, name, formats = "X902", "any-report-rule", ALL_FORMATS

    before = "示例局2016年政府信息公开工作年度报告\n\n一、概述\n本年度工作平稳。\n"
    assert parse(before).format_version == "2008"
    ran = run_rules(parse(before), [FormatRule, AnyReportRule], LintOptions(), "r.txt")
    assert [d.code for d in ran] == ["X902"]
    ran = run_rules(parse(before.replace("2016", "2022")), [FormatRule, AnyReportRule], LintOptions(), "r.txt")
    assert [d.code for d in ran] == ["X901", "X902"]
