"""docs/rules.md is generated from the rules' docstrings and must be current."""
from __future__ import annotations

from pathlib import Path

from gplint.cli import main
from gplint.docs import builtin_docs, rule_text
from gplint.rules import builtin_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rules_md_is_current():
    assert DOCS.read_text(encoding="utf-8") == builtin_docs(), \
        "docs/rules.md is out of date: run `python -m gplint.docs` (or tools/gen_rule_docs.py)"


def test_every_rule_is_in_the_docs():
    text = builtin_docs()
    for r in builtin_rules():
        assert f"## {r.code} `{r.name}`" in text


def test_rule_command_prints_the_docstring(capsys):
    assert main(["rule", "T102"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("T102 misspelt-column-label")
    assert "What it checks" in out and "Bad::" in out and "本年废制件数" in out
    assert out == rule_text(next(r for r in builtin_rules() if r.code == "T102"))


def test_rule_command_by_name_and_unknown(capsys):
    assert main(["rule", "table-missing"]) == 0
    assert capsys.readouterr().out.startswith("T101 table-missing")
    assert main(["rule", "Z999"]) == 2


def test_rules_command_lists_codes(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code in ("A101", "T101", "U101", "E001"):
        assert code in out
