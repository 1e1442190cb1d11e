"""The built-in rules, one module a rule, grouped by category.

They register through the ``gplint_rules`` hook of this module, which the distribution
declares under ``[project.entry-points.gplint]`` exactly as a third-party plugin would.
Every module below a category package that defines :class:`gplint.Rule` subclasses with a
``code`` contributes them.
"""
from __future__ import annotations

import importlib
import pkgutil

from gplint.diagnostics import Rule
from gplint.hookspecs import hookimpl

CATEGORY_PACKAGES = ("structure", "tables", "arithmetic", "narrative", "units", "dates", "hygiene", "history", "input")


def builtin_rules() -> list[type[Rule]]:
    found: dict[str, type[Rule]] = {}
    for cat in CATEGORY_PACKAGES:
        pkg = importlib.import_module(f"{__name__}.{cat}")
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for obj in vars(mod).values():
                if (isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule
                        and obj.__module__ == mod.__name__ and obj.code):
                    found[obj.code] = obj
    return [found[c] for c in sorted(found)]


@hookimpl
def gplint_rules():
    return builtin_rules()
