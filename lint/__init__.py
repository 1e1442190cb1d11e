"""gplint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

Library use::

    import gplint
    report = gplint.parse(text)            # the typed Report model
    diagnostics = gplint.lint_text(text)   # list[Diagnostic]
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .diagnostics import Diagnostic, Related, Rule  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .model import Cell, Report, Span  # noqa: E402

__all__ = ["Cell", "Diagnostic", "Related", "Report", "Rule", "Span", "hookimpl", "lint_text", "parse", "__version__"]


def parse(text: str, path: str | None = None, year: int | None = None) -> "Report":
    """Parse report text into a :class:`Report` (lazy import keeps ``import gplint`` cheap)."""
    from .reader import parse as _parse

    return _parse(text, path=path, year=year)


def lint_text(text: str, path: str | None = None, config: Any = None) -> list[Diagnostic]:
    """Lint report text with the installed rules; ``config`` is a :class:`gplint.engine.LintOptions`."""
    from .engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)
