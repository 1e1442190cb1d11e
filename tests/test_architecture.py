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
