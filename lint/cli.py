"""The ``gplint`` command line (DESIGN.md §5).

Exit codes: 0 no finding at or above ``--fail-on`` (or ``--exit-zero``); 1 findings; 2 usage,
configuration or plugin error, and any internal error (a file gplint failed on, E900, or
gplint itself); 130 and 143 interrupted by SIGINT (Ctrl-C) or SIGTERM (see :mod:`gplint.conventions`).
"""
from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import sys
from typing import NoReturn, Optional, Sequence

from .conventions import EXIT_CODES_HELP, EXIT_INTERNAL, add_arguments
from .plugins import PluginError, Registry, build_registry, load_module_from_path
from .workers import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, handle_termination, restore_termination

SUBCOMMANDS = ("check", "rule", "rules", "extract", "dump", "serve", "cluster", "history")


class UsageError(Exception):
    pass


def _csv(values: Optional[Sequence[str]]) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, given the terminal's width. Left to itself argparse asks
    ``shutil`` for it whenever an argument is added, and importing shutil (with the bz2
    and lzma modules it brings) cost every cold ``gplint FILE`` ≈ 2 ms for help that is
    seldom printed."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)  # argparse's own margin


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: $COLUMNS, else the
    width of the terminal on stdout, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _check_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gplint",
        formatter_class=_HelpFormatter,
        description="Lint 政府信息公开工作年度报告 (government information disclosure annual reports).",
        epilog="Other commands: gplint rules | gplint rule CODE | gplint dump FILE | gplint extract FILE | "
               "gplint serve | gplint cluster | gplint history. " + EXIT_CODES_HELP,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="report files or directories; '-' reads stdin")
    p.add_argument("--rules", dest="profile", default=None, help="rule profile: default or strict")
    p.add_argument("--select", action="append", help="only these codes, prefixes, names or categories")
    p.add_argument("--ignore", action="append", help="leave out these codes, prefixes, names or categories")
    p.add_argument("--format", dest="fmt", default=None,
                   help="text (default), json, jsonl, github, sarif, ... (see formatters)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--config", default=None,
                   help="configuration file (pyproject.toml with [tool.gplint], gplint.toml or .gplint.toml); "
                        "default: the nearest one upwards from each file")
    p.add_argument("--jobs", "-j", type=int, default=None, help="parallel workers (default: number of cores)")
    p.add_argument("--year", type=int, default=None, help="report year to assume when the text does not say")
    p.add_argument("--max-size", type=float, default=None, metavar="MB",
                   help="largest input file to read, in MB (default 16)")
    p.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                   help="give up a file that takes longer, with E901 (default 60; 0: no limit)")
    p.add_argument("--stdin-filename", default=None,
                   help="name to report (and to find the configuration from) for text read from stdin")
    p.add_argument("--baseline", default=None, metavar="FILE",
                   help="suppress the findings recorded in FILE; report fixed ones as stale on stderr")
    p.add_argument("--write-baseline", default=None, metavar="FILE",
                   help="record every current finding in FILE and exit 0")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary line or progress bar on stderr")
    p.add_argument("--history", default=None, metavar="FILE",
                   help="check each report against the reports recorded in FILE (cross-report rules, X-codes)")
    p.add_argument("--record", nargs="?", const=True, default=None, metavar="FILE",
                   help="record every report read in the history store FILE (default: the --history FILE, else "
                        "$GPLINT_HISTORY, else ~/.local/share/gplint/history.sqlite)")
    add_arguments(p)
    return p


def _load_registry(plugin_paths: Sequence[str]) -> Registry:
    extra = [load_module_from_path(p) for p in plugin_paths]
    return build_registry(extra)


def _run_grouped(files: Sequence[str], registry: Registry, settings, jobs: int, cache=None, options_for=None):
    """Lint ``files`` with the options of each file's configuration (``options_for``, by
    default the settings'), in the given order; with a cache, only the files it has no
    answer for.

    A generator: results stream out as files finish (one worker pool for all files)."""
    from .runner import default_jobs, run

    # isolate: each file in a worker process even with one job (one that is killed costs
    # only its own file); never more workers than cores (the work is CPU-bound).
    jobs = max(1, min(jobs, default_jobs()))

    options_for = options_for or settings.options_for

    def lint_many(paths: Sequence[str]):
        return run(paths, registry, options_for, jobs, settings.plugins, isolate=True)

    if cache is not None:
        from .cache import run_cached

        raw = run_cached(files, cache, options_for, lint_many)
    else:
        raw = lint_many(files)
    return (settings.postprocess(r) for r in raw)


def cmd_check(argv: Sequence[str]) -> int:
    from .baseline import BaselineError
    from .config import ConfigError, resolve_options
    from .runner import default_jobs, emit, lint_data_isolated
    from .sources import read_stream
    from .engine import input_limit
    from . import conventions

    args = _check_parser().parse_args(argv)
    _check_arguments(args)
    try:
        settings = resolve_options(args)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    registry = _load_registry(settings.plugins)
    files, stdin_name = _files_to_check(args, settings, registry)
    history = _history_run(args)
    options_for = history.options_for(settings.options_for) if history else settings.options_for
    jobs = settings.jobs if settings.jobs is not None else default_jobs()
    if history:
        history.first_pass(files, registry, options_for, jobs, settings.plugins)
    results = []
    data = None
    if "-" in args.paths:
        stdin_options = options_for(stdin_name)
        # (Never more than its limit + 1 byte: see lint_bytes.)
        data = read_stream(sys.stdin.buffer, input_limit(stdin_name, registry, stdin_options.max_bytes))
        results.append(settings.postprocess(lint_data_isolated(stdin_name, data, registry, stdin_options,
                                                               settings.plugins)))
    # Results read against (or written to) a history store depend on more than the file:
    # no cache then.
    cache = None if history else conventions.open_cache(args, registry)
    results = itertools.chain(results, _run_grouped(files, registry, settings, jobs, cache, options_for))
    if history:
        results = history.recording(results)
    results, stats = conventions.watch(results, args, len(files) + (1 if data is not None else 0))
    try:
        if args.write_baseline:
            _write_baseline(args, results)
            return 0
        results, stale = _against_baseline(args, results)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    try:
        # Line-oriented formats are written file by file as results arrive (runner.emit).
        tally = conventions.write_findings(args, settings.fmt, registry, results, stats, emit,
                                           conventions.line_reader(registry, stdin_name, data))
    except conventions.OutputFileError as exc:
        raise UsageError(str(exc)) from None
    if cache is not None:
        cache.prune()
    _report_stale(args, stale)
    if not args.quiet:
        _write_summary(tally, cache, history)
    if history and history.failed:
        return 2
    if tally.internal or stats.has("E900"):
        sys.stderr.write(f"gplint: internal error on some file(s) (E900 above); exit {EXIT_INTERNAL}\n")
        return EXIT_INTERNAL
    return 1 if tally.at_or_above(settings.fail_on) and not args.exit_zero else 0


def _check_arguments(args) -> None:
    """Refuse (UsageError, exit 2) what ``check``'s arguments cannot mean."""
    from .engine import MAX_TIMEOUT
    from . import conventions

    if not args.paths:
        raise UsageError("no PATH given (use '-' to read stdin)")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    # A negative or NaN limit would refuse (or admit) every file with a nonsensical message.
    if args.max_size is not None and not (args.max_size > 0 and args.max_size != float("inf")):
        raise UsageError(f"--max-size must be a positive number of MB, got {args.max_size:g}")
    if args.timeout is not None and not 0 <= args.timeout <= MAX_TIMEOUT:
        raise UsageError(f"--timeout must be a number of seconds up to {MAX_TIMEOUT:g}, 0 for no limit, "
                         f"got {args.timeout:g}")
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise UsageError(f"--year must be a four-digit year, got {args.year}")
    problem = conventions.check_arguments(args)
    if problem:
        raise UsageError(problem)


def _files_to_check(args, settings, registry: Registry) -> tuple[list[str], str]:
    """The files the paths name (folders walked) and the name stdin is linted as, once the
    format, the rule selection and every profile a configuration names are known to exist
    (UsageError otherwise: a mistyped name would run nothing and pass everything)."""
    from .config import ConfigError
    from .selection import SelectionError, check_run
    from .walk import discover
    from . import conventions

    where = f" (from {settings.config.path})" if settings.config.path else ""
    if settings.fmt not in registry.formatters:
        raise UsageError(f"unknown format {settings.fmt!r}{where if not args.fmt else ''} "
                         f"(known: {', '.join(sorted(registry.formatters))})")
    file_paths = [p for p in args.paths if p != "-"]
    try:
        files = list(discover(file_paths, settings.extensions(registry),
                              conventions.excluders(args, settings.config), args.gitignore))
        stdin_name = args.stdin_filename or "-"
        # A mistyped code would run no rule and pass everything: refuse it (exit 2).
        check_run(settings, registry, files + ([stdin_name] if "-" in args.paths else []))
        # Every profile named by a configuration must exist before anything runs.
        for path in files + ([stdin_name] if "-" in args.paths else []):
            profile = settings.options_for(path).profile
            if profile not in registry.profiles:
                cfg = settings.config_for(path).path
                src = f" (from {cfg})" if cfg and not args.profile else ""
                raise UsageError(f"unknown rule profile {profile!r}{src} (known: {', '.join(sorted(registry.profiles))})")
    except (ConfigError, SelectionError) as exc:
        raise UsageError(str(exc)) from None
    return files, stdin_name


def _write_baseline(args, results) -> None:
    """``--write-baseline``: every finding of the run written to the baseline file."""
    from .baseline import write_baseline

    n = write_baseline(list(results), args.write_baseline)
    if not args.quiet:
        sys.stderr.write(f"gplint: wrote {n} finding(s) to baseline {args.write_baseline}\n")


def _against_baseline(args, results):
    """``--baseline``: the results without the findings the baseline holds, and the
    baseline's entries no longer found; the results as they are without one."""
    from .baseline import apply_baseline, read_baseline

    if not args.baseline:
        return results, []
    return apply_baseline(list(results), read_baseline(args.baseline), args.baseline)


def _report_stale(args, stale: Sequence) -> None:
    if stale:
        # Stale entries never fail the run: the defect is gone, only the baseline is old.
        sys.stderr.write(f"gplint: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} no longer found "
                         f"(fixed? rerun with --write-baseline {args.baseline}):\n")
        for e in stale:
            sys.stderr.write(f"gplint: stale: {e.path}: {e.code} {e.message}\n")


def _write_summary(tally, cache, history) -> None:
    """The run's one-line summary on stderr (files, findings by severity, cache hits)."""
    counts = tally.counts
    cached = f"; {cache.hits} unchanged file(s) taken from the cache" if cache is not None and cache.hits else ""
    sys.stderr.write(
        f"gplint: {tally.files} file(s), {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info{cached}\n"
    )
    if history:
        sys.stderr.write(history.summary())


def _history_run(args):
    """The history side of a run (``--history``, ``--record``; gplint.history.command)."""
    if not (args.history or args.record):
        return None
    from .history.command import HistoryRun
    from .history.store import HistoryError

    try:
        return HistoryRun(args.history, args.record)
    except HistoryError as exc:
        raise UsageError(str(exc)) from None


def _config_plugins(config_path: Optional[str]) -> list[str]:
    """Local plugin modules named by ``--config`` or by the configuration found from the
    current directory, so ``gplint rules`` lists what ``gplint check`` would run."""
    import os

    from .config import ConfigError, ConfigFinder, load_config

    try:
        cfg = load_config(config_path) if config_path else ConfigFinder().for_dir(os.getcwd())
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    return list(cfg.plugins) if cfg is not None else []


def cmd_rules(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="gplint rules", description="List every rule.")
    p.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    p.add_argument("--config", default=None, help="configuration whose local plugins to include")
    args = p.parse_args(argv)
    registry = _load_registry(_config_plugins(args.config))
    rules = registry.sorted_rules()
    if args.fmt == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
                           "profiles": list(r.profiles)} for r in rules], ensure_ascii=False, indent=2))
        return 0
    for r in rules:
        print(f"{r.code}  {r.name:<40} {r.category:<11} {r.severity:<8} {','.join(r.profiles)}")
    return 0


def cmd_rule(argv: Sequence[str]) -> int:
    from .docs import rule_text

    p = argparse.ArgumentParser(prog="gplint rule", description="Print one rule's documentation.")
    p.add_argument("code", help="rule code (T101) or name (table-missing)")
    p.add_argument("--config", default=None, help="configuration whose local plugins to include")
    args = p.parse_args(argv)
    registry = _load_registry(_config_plugins(args.config))
    rule = registry.rule_by_code_or_name(args.code)
    if rule is None:
        from .selection import suggestions

        near = suggestions(args.code, list(registry.rules.values()))
        hint = f"; did you mean {' or '.join(repr(w) for w in near)}?" if near else ""
        raise UsageError(f"no rule {args.code!r}{hint} (see 'gplint rules')")
    sys.stdout.write(rule_text(rule))
    return 0


def _read_for_dump(path: str):
    from .engine import read_source
    from .sources import InputError

    registry = _load_registry(())
    try:
        return read_source(path, registry)
    except InputError as exc:
        raise UsageError(f"{path}: {exc}") from None


def cmd_extract(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="gplint extract", description="Print the text that line numbers refer to.")
    p.add_argument("path", nargs="+", help="a file; with --to, files or folders")
    p.add_argument("--to", default=None, metavar="DIR",
                   help="keep each document's text as DIR/PATH.txt (skipped when already current)")
    args = p.parse_args(argv)
    if args.to is not None:
        from .extract import extract_to
        from .sources import MAX_BYTES

        written, current, failed = extract_to(args.path, args.to, _load_registry(()), MAX_BYTES)
        sys.stderr.write(f"gplint: {written} text(s) written to {args.to}, {current} already current, "
                         f"{failed} unreadable\n")
        return 1 if failed else 0
    if len(args.path) > 1:
        raise UsageError("extract prints one file's text (give --to DIR to keep several)")
    src = _read_for_dump(args.path[0])
    sys.stdout.write(src.text if src.text.endswith("\n") else src.text + "\n")
    return 0


def cmd_dump(argv: Sequence[str]) -> int:
    from .reader import parse_read
    from .dump import report_to_dict

    p = argparse.ArgumentParser(prog="gplint dump", description="Print the parsed Report as JSON.")
    p.add_argument("path")
    p.add_argument("--format", dest="fmt", choices=("json",), default="json")
    p.add_argument("--year", type=int, default=None)
    args = p.parse_args(argv)
    src = _read_for_dump(args.path)
    from .engine import text_as_read
    from .safe_text import json_safe

    read, place = text_as_read(src.text)
    report = parse_read(read, path=args.path, year=args.year)
    data = report_to_dict(report, place) if place else report_to_dict(report)
    print(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))
    return 0


def cmd_serve(argv: Sequence[str]) -> int:
    from .serve import main as serve_main  # the page for the clerk (optional extra: flask)

    return serve_main(argv)


def cmd_cluster(argv: Sequence[str]) -> int:
    from .cluster_cli import main as cluster_main

    return cluster_main(argv)


def _cmd_history(argv: Sequence[str]) -> int:
    from .history.command import cmd_history

    return cmd_history(argv)


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    cmd = "check"
    if argv and argv[0] in SUBCOMMANDS:
        cmd = argv.pop(0)
    handler = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "extract": cmd_extract, "dump": cmd_dump,
               "serve": cmd_serve, "cluster": cmd_cluster, "history": _cmd_history}[cmd]
    previous = handle_termination()
    try:
        return handler(argv)
    except UsageError as exc:
        sys.stderr.write(f"gplint: error: {exc}\n")
        return 2
    except PluginError as exc:
        sys.stderr.write(f"gplint: plugin error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("gplint: interrupted\n")
        return EXIT_INTERRUPTED
    except Terminated:
        sys.stderr.write("gplint: terminated\n")
        return EXIT_TERMINATED
    except SystemExit as exc:  # argparse: usage errors exit 2 already
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    except Exception as exc:  # noqa: BLE001 - a bug of gplint's: say so, never exit 1 ("findings")
        return _internal_failure(exc)
    finally:
        restore_termination(previous)  # (main() called in-process, by a test or a wrapper)


def _internal_failure(exc: Exception) -> int:
    import os
    import traceback

    if os.environ.get("GPLINT_DEBUG"):
        traceback.print_exc()
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    sys.stderr.write(f"gplint: internal error: {type(exc).__name__}: {str(exc)[:500]}{at} "
                     "(a bug: please report it; GPLINT_DEBUG=1 prints the traceback)\n")
    return EXIT_INTERNAL


def run() -> NoReturn:
    """The ``gplint`` command as a process (the console script and ``python -m gplint``).

    Everything alive when :func:`main` returns (every imported module, the registry) is
    frozen out of the collector's way before the interpreter ends: its last full collection
    would otherwise walk every object of ≈ 200 modules for garbage that is not there, ≈ 7 %
    of a cold ``gplint FILE`` (bench/README.md). Exit handlers still run; only the
    collections that find nothing are skipped. (Not in :func:`main`, which tests and
    wrappers call in a process that goes on.)"""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
