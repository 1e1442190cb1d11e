"""gplint: a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

Library use::

    import gplint
    report = gplint.parse(text)            # the typed Report model
    diagnostics = gplint.lint_text(text)   # list[Diagnostic]
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .diagnostics import Diagnostic, Related, Rule
    from .hookspecs import hookimpl
    from .model import Cell, Report, Span

__all__ = ["Cell", "Diagnostic", "Related", "Report", "Rule", "Span", "hookimpl", "lint_text", "parse", "__version__"]

# The names a plugin or a script takes from ``gplint``, imported when first asked for: so
# that ``import gplint.launcher`` (the console script) imports nothing before it can catch
# a Ctrl-C, and ``import gplint`` alone stays cheap (PEP 562).
_LAZY = {"Diagnostic": "diagnostics", "Related": "diagnostics", "Rule": "diagnostics",
         "hookimpl": "hookspecs", "Cell": "model", "Report": "model", "Span": "model"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gplint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def parse(text: str, path: str | None = None, year: int | None = None) -> "Report":
    """Parse report text into a :class:`Report` (lazy import keeps ``import gplint`` cheap)."""
    from .reader import parse as _parse

    return _parse(text, path=path, year=year)


def lint_text(text: str, path: str | None = None, config: Any = None) -> list[Diagnostic]:
    """Lint report text with the installed rules; ``config`` is a :class:`gplint.engine.LintOptions`."""
    from .engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)
