"""Finding report files and linting many of them, in parallel, in a deterministic order."""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Optional, Sequence

from .engine import E_UNREADABLE, FileResult, LintOptions, input_diagnostic, lint_file
from .plugins import Registry, build_registry

#: Extensions a directory walk picks up (readers add theirs).
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")


def discover(paths: Iterable[str], extensions: Sequence[str] = TEXT_EXTENSIONS) -> Iterator[str]:
    """Expand directories into report files (sorted); pass other paths through unchanged.

    A path that does not exist is passed through so that linting it yields a clear E001.
    """
    exts = tuple(e.lower() for e in extensions)
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.lower().endswith(exts) and not name.startswith("."):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield path


_WORKER: dict = {}


def _init_worker(options: LintOptions, plugin_paths: Sequence[str]) -> None:
    from .plugins import load_module_from_path

    extra = [load_module_from_path(p) for p in plugin_paths]
    _WORKER["registry"] = build_registry(extra)
    _WORKER["options"] = options


def _lint_one(path: str) -> FileResult:
    try:
        res = lint_file(path, _WORKER["registry"], _WORKER["options"])
    except Exception as exc:  # noqa: BLE001 - one bad file never stops the others
        res = FileResult(path, [input_diagnostic(E_UNREADABLE, f"内部错误 ({type(exc).__name__}: {exc})", path)], error=str(exc))
    res.report = None  # never ship the model back across processes
    return res


def run(paths: Sequence[str], registry: Registry, options: LintOptions, jobs: int = 1,
        plugin_paths: Sequence[str] = ()) -> Iterator[FileResult]:
    """Lint every path, yielding results in the order of ``paths`` whatever ``jobs`` is."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            try:
                res = lint_file(path, registry, options)
            except Exception as exc:  # noqa: BLE001
                res = FileResult(path, [input_diagnostic(E_UNREADABLE, f"内部错误 ({type(exc).__name__}: {exc})", path)], error=str(exc))
            res.report = None
            yield res
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    chunk = max(1, min(64, len(paths) // (jobs * 8) or 1))
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(options, tuple(plugin_paths))) as pool:
        yield from pool.imap(_lint_one, paths, chunksize=chunk)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
