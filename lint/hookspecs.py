"""The hooks a gplint plugin implements (pluggy project name ``gplint``).

A plugin is a module (or object) with functions marked ``@gplint.hookimpl``, registered
through the ``gplint`` entry-point group of its distribution::

    [project.entry-points.gplint]
    my_rules = "my_package.gplint_plugin"

The built-in rules and formatters register in exactly this way.
"""
from __future__ import annotations

from typing import Callable

import pluggy

hookspec = pluggy.HookspecMarker("gplint")
hookimpl = pluggy.HookimplMarker("gplint")


@hookspec
def gplint_rules() -> list[type]:
    """Return the rule classes this plugin provides.

    Each class derives from :class:`gplint.Rule`, with a unique ``code`` (a letter and
    three digits), a kebab-case ``name``, a ``category``, a default ``severity``, the
    ``profiles`` that enable it and a docstring with *What it checks*, *Why*, *Bad*, *Good*.
    Codes must not collide with another plugin's: a collision stops the run (exit 2).
    """


@hookspec
def gplint_formatters() -> dict[str, Callable]:
    """Return output formatters as ``{name: format_function}``.

    ``format_function(results, options) -> str`` receives the sorted list of
    :class:`gplint.lint.FileResult` and returns the text to print on stdout.
    """


@hookspec
def gplint_readers() -> dict[str, Callable]:
    """Return document readers as ``{".ext": read_function}``.

    ``read_function(data: bytes, path: str) -> gplint.sources.Source`` turns the bytes of
    a file with that extension into text with a line map. Raise
    :class:`gplint.sources.InputError` with a clear message when the file cannot be read.
    """


@hookspec
def gplint_profiles() -> dict[str, dict]:
    """Return named rule profiles as ``{name: {"extends": "default", "select": [...],
    "ignore": [...]}}``. ``default`` and ``strict`` are built in."""
