"""Shape rules of the code base (issue 14): what a newcomer can rely on."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parent.parent
PRODUCTION = [p for d in ("lint", "rules") for p in (ROOT / d).rglob("*.py") if p.name != "testing.py"]


def test_no_production_module_imports_the_test_helpers():
    offenders = []
    for path in PRODUCTION:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            if any(n.split(".")[-1] == "testing" for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_reader_modules_stay_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (ROOT / "lint" / "reader").glob("*.py")}
    assert sizes and max(sizes.values()) <= 400, sizes


#: A function's lines, ``def`` to its last line with its docstring (as ``ast`` gives them):
#: past this, it is split into named steps.
MAX_FUNCTION_LINES = 80
#: "path:function" -> why it may be longer (meant to be short-lived).
EXEMPT_FUNCTIONS = {
    "lint/reader/sentences.py:sentences_of": "being split into steps on the prose branch (prose8)",
}


def _function_lengths(path: Path) -> list[tuple[str, int, int]]:
    """(name, first line, length) of every function in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.name, n.lineno, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_no_function_is_longer_than_the_budget():
    long = []
    for path in (p for d in ("lint", "rules") for p in sorted((ROOT / d).rglob("*.py"))):
        rel = path.relative_to(ROOT).as_posix()
        long += [f"{rel}:{line} {name}: {n} lines" for name, line, n in _function_lengths(path)
                 if n > MAX_FUNCTION_LINES and f"{rel}:{name}" not in EXEMPT_FUNCTIONS]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split them into named steps):\n" + "\n".join(long)


def test_an_exempt_function_is_still_over_the_budget():
    """An exemption whose function was split (or renamed) goes: the list stays honest."""
    for entry in EXEMPT_FUNCTIONS:
        rel, name = entry.split(":")
        lengths = [n for f, _, n in _function_lengths(ROOT / rel) if f == name]
        assert lengths and max(lengths) > MAX_FUNCTION_LINES, f"{entry} is within budget now: drop its exemption"
