"""The code stays readable by a newcomer (issue 14): no function in lint/ or rules/ over
MAX_FUNCTION_LINES lines, no reader module (lint/reader/) over MAX_READER_MODULE_LINES.

A function's lines are counted from its ``def`` to its last line, docstring included (as
``ast`` gives them). A long function is split into named steps, a long module by
responsibility; an exemption needs a reason (below) and is meant to be short-lived.
"""
from __future__ import annotations

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_FUNCTION_LINES = 80
MAX_READER_MODULE_LINES = 450

#: "path:function" -> why it may be longer.
EXEMPT_FUNCTIONS = {
    "lint/reader/sentences.py:sentences_of": "being split into steps on the prose branch (prose8)",
}
#: path -> why it may be longer.
EXEMPT_MODULES: dict[str, str] = {}


def _sources(*folders: str) -> list[pathlib.Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def _long_functions(path: pathlib.Path) -> list[str]:
    rel = path.relative_to(ROOT).as_posix()
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES and f"{rel}:{node.name}" not in EXEMPT_FUNCTIONS:
                out.append(f"{rel}:{node.lineno} {node.name}: {lines} lines")
    return out


def test_no_function_is_longer_than_the_budget():
    long = [f for path in _sources("lint", "rules") for f in _long_functions(path)]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split them into named steps):\n" + "\n".join(long)


def test_no_reader_module_is_longer_than_the_budget():
    long = []
    for path in _sources("lint/reader"):
        rel = path.relative_to(ROOT).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_READER_MODULE_LINES and rel not in EXEMPT_MODULES:
            long.append(f"{rel}: {lines} lines")
    assert not long, f"reader modules over {MAX_READER_MODULE_LINES} lines (split by responsibility):\n" + "\n".join(long)


@pytest.mark.parametrize("entry", sorted(EXEMPT_FUNCTIONS))
def test_an_exempt_function_still_exists_and_is_still_long(entry):
    """An exemption whose function was split (or renamed) goes: the list stays honest."""
    rel, name = entry.split(":")
    tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
    lengths = [n.end_lineno - n.lineno + 1 for n in ast.walk(tree)
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name]
    assert lengths and max(lengths) > MAX_FUNCTION_LINES, f"{entry} is no longer over budget: drop its exemption"
