"""Resolving settings: command-line flags over configuration files over defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .engine import FileResult, LintOptions
from .runner import TEXT_EXTENSIONS


@dataclass
class Settings:
    options: LintOptions
    fmt: str = "text"
    fail_on: str = "error"
    plugins: list[str] = field(default_factory=list)

    def extensions(self, registry: Any) -> tuple[str, ...]:
        return tuple(TEXT_EXTENSIONS) + tuple(sorted(registry.readers))

    def options_for(self, path: str) -> LintOptions:
        return self.options

    def postprocess(self, result: FileResult) -> FileResult:
        return result


def resolve_options(args: Any) -> Settings:
    from .cli import _csv

    options = LintOptions(
        profile=args.profile or "default",
        select=_csv(args.select),
        ignore=_csv(args.ignore),
        year=args.year,
    )
    return Settings(options=options, fmt=args.fmt or "text", fail_on=args.fail_on or "error")
