"""``--format github`` and ``--format sarif`` on real reports, end to end."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from ._util import BROKEN_SEED, CORPUS, gplint, write_plugin_config

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# A local rule whose finding has related locations and a message with every character the
# GitHub escaping must handle.
TRICKY_RULE = '''
import gplint
from gplint import Related, Rule, Span


class Tricky(Rule):
    """A finding with related spans and a message with %, newline, colon and comma.

    What it checks:
        Nothing real: it exists to exercise the output formats.
    """

    code = "X950"
    name = "tricky-output"
    category = "arithmetic"
    severity = "warning"

    def check(self, report, options):
        yield self.diag("100% wrong:\\r\\nsecond line, with a comma", Span(3, 2, 3, 6), key="t3.R24.C1",
                        related=[Related(Span(5, 1, 5, 4), "operand: 1"), Related(Span(7, 2), "total")])


@gplint.hookimpl
def gplint_rules():
    return [Tricky]
'''


@pytest.fixture
def tricky_dir(tmp_path: Path) -> Path:
    (tmp_path / "tricky_rule.py").write_text(TRICKY_RULE, encoding="utf-8")
    (tmp_path / "gplint.toml").write_text('plugins = ["tricky_rule.py"]\nselect = ["X950"]\n', encoding="utf-8")
    report = tmp_path / "a,b:c 报告.txt"
    report.write_bytes(BROKEN_SEED.read_bytes())
    return tmp_path


def test_github_workflow_commands_escape_data_and_properties(tricky_dir: Path):
    proc = gplint("--format", "github", "a,b:c 报告.txt", cwd=tricky_dir)
    assert proc.returncode == 0, proc.err  # a warning does not fail under --fail-on error
    lines = proc.out.splitlines()
    assert lines == [
        "::warning file=a%2Cb%3Ac 报告.txt,line=3,col=2,endLine=3,endColumn=6,title=X950 tricky-output"
        "::100%25 wrong:%0D%0Asecond line, with a comma"
    ]


def test_github_levels_and_exit_code(draft_report: Path):
    write_plugin_config(draft_report.parent, 'select = ["X901"]\n')
    proc = gplint("--format", "github", str(draft_report))
    assert proc.returncode == 1
    [line] = proc.out.splitlines()
    assert line.startswith("::error file=")
    assert ",line=5," in line and ",title=X901 draft-marker::" in line


def test_sarif_valid_with_related_locations_and_fingerprints(tricky_dir: Path):
    proc = gplint("--format", "sarif", "a,b:c 报告.txt", cwd=tricky_dir)
    assert proc.returncode == 0, proc.err
    log = json.loads(proc.out)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "gplint" and driver["version"] and driver["informationUri"].startswith("https://")
    rule = next(r for r in driver["rules"] if r["id"] == "X950")
    assert rule["name"] == "tricky-output"
    assert rule["shortDescription"]["text"].startswith("A finding with related spans")
    assert "What it checks" in rule["fullDescription"]["text"] and "What it checks" in rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    [res] = run["results"]
    assert res["ruleId"] == "X950" and res["level"] == "warning"
    assert driver["rules"][res["ruleIndex"]]["id"] == "X950"
    assert res["message"]["text"] == "100% wrong:\r\nsecond line, with a comma"
    loc = res["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    # RFC 3986: no space or non-ASCII, and no ":" in a relative reference's first segment.
    assert uri.isascii() and " " not in uri and ":" not in uri
    assert unquote(uri) == "a,b:c 报告.txt"
    assert loc["region"] == {"startLine": 3, "startColumn": 2, "endLine": 3, "endColumn": 6}
    related = res["relatedLocations"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [5, 7]
    assert related[0]["message"]["text"] == "operand: 1"
    assert len({r["id"] for r in related}) == 2
    assert len(res["partialFingerprints"]["gplint/v1"]) == 16


def test_sarif_of_every_seed_is_schema_valid():
    """Whatever the built-in rules report on the real seeds, the log validates."""
    seeds = sorted(str(p) for p in CORPUS.glob("00*.txt"))
    proc = gplint("--format", "sarif", "--rules", "strict", *seeds)
    assert proc.returncode in (0, 1), proc.err
    log = json.loads(proc.out)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(rule_ids)
    listed = json.loads(gplint("rules", "--format", "json").out)
    assert {r["code"] for r in listed} <= set(rule_ids)
    for res in run["results"]:
        assert res["ruleId"] in rule_ids
        assert res["level"] in ("error", "warning", "note")
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file://")


def test_sarif_input_errors_have_rule_descriptors(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    log = json.loads(gplint("--format", "sarif", str(empty)).out)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    [res] = run["results"]
    assert res["ruleId"] == "E003"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["name"] == "empty-file"


def test_sarif_rule_summary_and_whole_line_region():
    """A docstring opening with its "What it checks" section is summarised by that section's
    text, not its title; a bare line reference is a whole-line region, not an empty one."""
    from gplint.formatters.sarif import _location, _rule_descriptor
    from gplint.model import Span
    from gplint.plugins import build_registry

    registry = build_registry()
    for code in registry.rules:
        short = _rule_descriptor(code, registry)["shortDescription"]["text"]
        assert short and not short.startswith(("What it checks", "Why")), (code, short)
    assert _location("a.txt", Span(7))["physicalLocation"]["region"] == {"startLine": 7, "endLine": 7}
    assert _location("a.txt", Span(7, 3, 7, 5))["physicalLocation"]["region"] == {
        "startLine": 7, "startColumn": 3, "endLine": 7, "endColumn": 5}
