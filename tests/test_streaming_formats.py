"""``--format json`` and ``sarif`` are written as results arrive, byte for byte what the
formatter gives for the whole list."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from gplint.diagnostics import Diagnostic
from gplint.engine import E_EMPTY, FileResult, input_diagnostic
from gplint.formatters.sarif import format_sarif
from gplint.model import Span
from gplint.plugins import build_registry
from gplint.runner import emit

SCHEMA = json.loads((Path(__file__).parent / "integration" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry():
    return build_registry()


def _results():
    for name in ("a.txt", "b.txt"):
        yield FileResult(name, [input_diagnostic(E_EMPTY, "文件为空 (empty file)", name)])


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_each_file_is_written_before_the_next_is_made(registry, fmt):
    seen: list[str] = []

    def produce():
        for res in _results():
            seen.append("made " + res.path)
            yield res

    def write(text):
        seen.append("wrote " + ",".join(n for n in ("a.txt", "b.txt") if n in text))

    emit(produce(), registry.formatters[fmt], {"registry": registry}, write)
    assert seen[:4] == ["wrote ", "made a.txt", "wrote a.txt", "made b.txt"]


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_no_findings_is_a_valid_document(registry, fmt):
    out = registry.formatters[fmt]([FileResult("clean.txt", [])], {"registry": registry})
    doc = json.loads(out)
    if fmt == "json":
        assert out == "[]\n"
    else:
        jsonschema.validate(doc, SCHEMA)
        assert doc["runs"][0]["results"] == []


def test_sarif_describes_a_code_no_rule_of_the_registry_has(registry):
    """A finding whose code the registry does not know (a plugin's helper, say) gets a
    descriptor after the known ones, and its ruleIndex points at it."""
    odd = Diagnostic(code="Q777", name="odd-one", category="hygiene", severity="warning", message="odd",
                     span=Span(2, 1), path="a.txt")
    results = [FileResult("a.txt", [odd]), next(_results())]
    log = json.loads(format_sarif(results, {"registry": registry}))
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == ["Q777", "E003"]
    assert rules[-1]["id"] == "Q777" and [r["id"] for r in rules[:-1]] == sorted(r["id"] for r in rules[:-1])
    assert {"E001", "E003", "E900", "E901"} <= {r["id"] for r in rules}
