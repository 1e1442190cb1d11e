"""Ordinary-looking content never crashes a rule (issue 16, item 6): every rule's own Bad
and Good examples with their numbers made absurdly long (past int()'s 4,300 digits), their
percentages given 30 decimals, or a lone surrogate inserted, give findings or nothing,
never an E900."""
from __future__ import annotations

import re

import pytest

from gplint import lint_text
from gplint.engine import LintOptions
from gplint.plugins import build_registry
from gplint.testing import rule_examples

REGISTRY = build_registry()
EXAMPLES = [(code, kind, text) for code, rule in sorted(REGISTRY.rules.items())
            for kind, text in rule_examples(rule).items() if text]


def _crashes(text: str) -> list[str]:
    found = lint_text(text, config=LintOptions(profile="strict", select=["ALL"]))
    return [d.message for d in found if d.code == "E900"]


@pytest.mark.parametrize("code, kind, text", EXAMPLES, ids=[f"{c}-{k}" for c, k, _ in EXAMPLES])
def test_huge_numbers_long_decimals_and_surrogates_in_examples(code, kind, text):
    """Before: N101, N103, N105 and N106 raised ValueError (int's 4,300-digit limit), N104
    decimal.InvalidOperation on a percentage with many decimals."""
    numbers = list(re.finditer(r"\d+", text))
    for m in numbers:
        for replacement in ("9" * 5000, "1" + "0" * 4400):
            assert _crashes(text[:m.start()] + replacement + text[m.end():]) == [], (code, m.group())
    assert _crashes(re.sub(r"(\d+)\s*件", lambda m: m.group(0) + "（" + "1." + "3" * 30 + "%）", text)) == []
    assert _crashes(re.sub(r"(\d+(?:\.\d+)?)\s*[%％]", "12." + "5" * 40 + "%", text)) == []
    assert _crashes(text.replace("。", "\ud800。", 1)) == []


@pytest.mark.parametrize("first", ["9" * 5000, "²", "１２３４５"])
def test_a_huge_or_odd_number_before_a_row_label_is_no_row_number_and_no_crash(first):
    """Found by bench/fuzz.py: a value before a table 三 row's label was read as a row
    number with int() on its text, which fails past 4,300 digits (E900). Superscripts and
    full-width digits are digits to str.isdigit as well."""
    from gplint.testing import example_report

    lines = example_report().split("\n")
    at = next(k for k, line in enumerate(lines) if "（一）予以公开" in line)
    lines[at] = lines[at].replace("\t（一）予以公开", first + "\t（一）予以公开")
    assert _crashes("\n".join(lines)) == []
