"""The command-line conventions of ``gplint check`` that sit around linting itself: the
flags a ruff/flake8 user reaches for, and the helpers :mod:`gplint.cli` calls for them.

Exit codes (also in the README and ``gplint --help``): **0** no finding at or above
``--fail-on`` (or ``--exit-zero``); **1** findings; **2** usage, configuration or plugin
error, and any internal error — a crash of gplint itself, or a file a rule or the reader
crashed on (E900), said on stderr — so that a broken run is never taken for "findings" or
"clean";
**130** and **143** interrupted by SIGINT (Ctrl-C) or SIGTERM.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from .columns import COLUMN_UNITS, DEFAULT_TAB_WIDTH
from .output import COLOR_CHOICES

#: An internal error shares 2 with usage errors (issue 17: "exit 2 for any internal error,
#: never 1"); stderr says which it was.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 2

EXIT_CODES_HELP = ("exit codes: 0 no finding at or above --fail-on; 1 findings; "
                   "2 usage, configuration or plugin error, or an internal error (E900 or a crash of gplint); "
                   "130/143 interrupted (SIGINT/SIGTERM)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The convention flags, added to ``gplint check``'s parser."""
    from . import __version__

    p.add_argument("--version", action="version", version=f"gplint {__version__}")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("--output-file", "-o", default=None, metavar="FILE",
                   help="write the findings to FILE (UTF-8) instead of stdout")
    p.add_argument("--statistics", action="store_true",
                   help="after the findings, count them by code (to stderr for json/jsonl/sarif)")
    p.add_argument("--show-source", action="store_true",
                   help="print the line of each finding under it, with its cell marked (text format)")
    p.add_argument("--color", "--colour", dest="color", choices=COLOR_CHOICES, default="auto",
                   help="colour the text output: auto (a terminal, unless NO_COLOR is set), always, never")
    p.add_argument("--column-unit", choices=COLUMN_UNITS, default="char",
                   help="what text-output columns count: char (default; VS Code, SARIF), byte (UTF-8 bytes; "
                        "Vim %%c), screen (display cells, Chinese = 2; Vim %%v, Emacs)")
    p.add_argument("--tab-width", type=int, default=DEFAULT_TAB_WIDTH, metavar="N",
                   help="tab stops for --column-unit screen and --show-source (default 8)")
    p.add_argument("--exclude", action="append", default=None, metavar="PATTERNS",
                   help="gitignore-style patterns to leave out (replaces the configuration's exclude)")
    p.add_argument("--extend-exclude", action="append", default=None, metavar="PATTERNS",
                   help="patterns to leave out in addition to exclude")
    p.add_argument("--no-gitignore", dest="gitignore", action="store_false",
                   help="walk folders without respecting .gitignore")
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="lint every file again, neither reading nor writing the result cache "
                        "(also: GPLINT_NO_CACHE=1)")
    p.add_argument("--cache-dir", default=None, metavar="DIR",
                   help="where the result cache lives (default $GPLINT_CACHE_DIR, else ~/.cache/gplint)")


def _csv(values: Optional[Sequence[str]]) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def excluders(args: Any, config: Any) -> list:
    """The run's exclude patterns: ``--exclude`` over the configuration's ``exclude`` over
    the defaults, plus both ``extend-exclude`` lists. Flags are relative to the current
    directory, configuration values to the configuration's."""
    from .walk import DEFAULT_EXCLUDE, Excluder

    out = []
    if args.exclude is not None:
        out.append(Excluder(_csv(args.exclude), os.getcwd()))
    elif config.exclude is not None:
        out.append(Excluder(config.exclude, config.root))
    else:
        out.append(Excluder(DEFAULT_EXCLUDE, os.getcwd()))
    if config.extend_exclude:
        out.append(Excluder(config.extend_exclude, config.root))
    if args.extend_exclude:
        out.append(Excluder(_csv(args.extend_exclude), os.getcwd()))
    return out


def check_arguments(args: Any) -> Optional[str]:
    """A usage error in the convention flags, or None."""
    if not 1 <= args.tab_width <= 32:
        return f"--tab-width must be from 1 to 32, got {args.tab_width}"
    return None


def open_cache(args: Any, registry: Any):
    """The result cache for this run, or None (``--no-cache``, or it cannot be created)."""
    if not args.cache or os.environ.get("GPLINT_NO_CACHE"):
        return None
    if "pytest" in sys.modules:
        # gplint called in process by a test: the code under test may be patched in
        # memory, which a key made from files cannot see. (A gplint subprocess a test
        # starts uses the cache as any run does.)
        return None
    from .cache import ResultCache, default_dir

    directory = args.cache_dir or default_dir()
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None  # a read-only home: lint without a cache
    return ResultCache(directory, registry)


def line_reader(registry: Any, stdin_name: str, stdin_data: Optional[bytes]) -> Callable[[str], Optional[list]]:
    """Lines of a file as gplint read it (for --show-source and editor columns); the last
    file's lines are kept, as its findings come together."""
    from .engine import read_source
    from .sources import InputError, decode, split_lines

    last: dict[str, Optional[list]] = {}

    def lines_of(path: str) -> Optional[list]:
        if path in last:
            return last[path]
        try:
            if stdin_data is not None and path == stdin_name:
                reader = registry.readers.get(os.path.splitext(path)[1].lower())
                text = (reader(stdin_data, path) if reader else decode(stdin_data, path)).text
            else:
                text = read_source(path, registry, 1 << 40).text
            lines: Optional[list] = split_lines(text)
        except (InputError, OSError, ValueError):
            lines = None
        last.clear()
        last[path] = lines
        return lines

    return lines_of


class OutputFileError(Exception):
    """``--output-file`` cannot be written (exit 2)."""


def watch(results: Iterable[Any], args: Any, total: int) -> tuple[Iterator[Any], Any]:
    """``results`` counted by code (``--statistics``, exit 2 on E900) and, on a terminal,
    shown on a progress bar."""
    from .output import Progress, Statistics

    stats = Statistics()
    watched = stats.watch(results)
    if Progress.wanted(sys.stderr, args.quiet, total):
        watched = Progress(total, sys.stderr).watch(watched)
    return watched, stats


def write_findings(args: Any, fmt: str, registry: Any, results: Iterable[Any], stats: Any,
                   emit: Callable, lines_of: Callable[[str], Optional[list]]) -> Any:
    """Format and write ``results`` where ``--output-file`` says (the text format with
    colour, source excerpts and editor columns as asked), then ``--statistics``; the tally."""
    from .output import TextStyle, make_text_formatter, open_output, use_colour

    try:
        write, flush, close, stream = open_output(args.output_file)
    except OSError as exc:
        raise OutputFileError(f"--output-file {args.output_file}: {exc.strerror or exc}") from None
    formatter = registry.formatters[fmt]
    if fmt == "text" and getattr(formatter, "__module__", "") == "gplint.formatters":  # not a plugin's own
        formatter = make_text_formatter(TextStyle(
            colour=use_colour(args.color, stream), show_source=args.show_source,
            column_unit=args.column_unit, tab_width=args.tab_width, lines_of=lines_of))
    try:
        tally = emit(results, formatter, {"registry": registry}, write, flush)
        if args.statistics and fmt == "text":
            write(stats.render())
    finally:
        close()
    if args.statistics and fmt != "text":
        sys.stderr.write(stats.render())  # json, sarif…: their output stays valid
    return tally
