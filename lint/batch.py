"""``gplint.batch``: lint many reports anywhere -- a loop, Dask, Spark, Ray -- as plain data.

Every result is a JSON-able dict, the same findings the command line prints::

    {"path": "a.txt", "diagnostics": [Diagnostic.to_dict(), ...], "error": None}

``error`` is None, or why the file could not be linted (the reason is also an E-code
diagnostic). With the option ``{"record": True}`` a result also carries ``"record"``: the
report as the history store keeps it; gather the results and write them from the driver
with :func:`gplint.history.command.record_results` (one writer for the whole collection). Nothing here reads configuration files: pass the options you want (a
:class:`~gplint.engine.LintOptions` or a dict of its fields, e.g. ``{"profile": "strict",
"select": ["A"]}``), so a cluster job gives the same answer on every worker.

    from gplint.batch import lint_paths, lint_texts
    for result in lint_texts([("a.txt", text_a), ("b.txt", text_b)]):
        ...

For distributed engines, :func:`lint_partition` maps a partition (a list of paths or of
``(name, text)`` pairs) to a list of results and builds the rule registry once per call;
``examples/dask_batch.py`` runs it on ``dask.bag``.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from .engine import FileResult, LintOptions, lint_bytes, lint_source
from .plugins import Registry
from .sources import Source, normalise_newlines

OptionsLike = Union[LintOptions, Mapping[str, Any], None]
TextItem = tuple[str, Union[str, bytes]]


def to_options(options: OptionsLike) -> LintOptions:
    """A :class:`LintOptions` from itself, a dict of its fields, or None (the defaults)."""
    if options is None:
        return LintOptions()
    if isinstance(options, LintOptions):
        return options
    known = set(LintOptions.__dataclass_fields__)
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"unknown option(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})")
    return LintOptions(**dict(options))


def result_to_dict(result: FileResult) -> dict[str, Any]:
    """A :class:`FileResult` as plain data (no model, nothing that needs gplint to read)."""
    out = {"path": result.path, "diagnostics": [d.to_dict() for d in result.diagnostics], "error": result.error}
    if result.record is not None:  # linted with {"record": True}: gplint.history.record_results writes it
        out["record"] = result.record
    return out


def _registry(registry: Optional[Registry], plugin_paths: Sequence[str]) -> Registry:
    if registry is not None:
        return registry
    from .plugins import shared_registry

    return shared_registry(plugin_paths)


def _lint_item(name: str, content: Union[str, bytes], registry: Registry, options: LintOptions) -> FileResult:
    if isinstance(content, (bytes, bytearray)):
        reader = registry.readers.get(os.path.splitext(name)[1].lower())
        if reader is not None:
            from .engine import E_UNDECODABLE, input_diagnostic
            from .sources import InputError

            try:
                source = reader(bytes(content), name)
            except InputError as exc:
                return FileResult(name, [input_diagnostic(E_UNDECODABLE, f"无法读取 ({exc})", name)], error=str(exc))
            return lint_source(source, registry, options)
        return lint_bytes(bytes(content), name, registry, options)
    # Text given directly: fold line ends as the reader does, so lines match the CLI's.
    return lint_source(Source(name, normalise_newlines(content)), registry, options)


def lint_texts(items: Iterable[TextItem], options: OptionsLike = None, *,
               registry: Optional[Registry] = None, plugin_paths: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    """Lint ``(name, text)`` pairs (text as ``str``, or raw ``bytes`` to decode as files are).

    Yields one result dict a pair, in order, lazily. A report that breaks the linter gives
    an E900 result for that name (E901 past ``timeout``); the others go on.
    """
    from .runner import guarded

    registry = _registry(registry, plugin_paths)
    opts = to_options(options)
    for name, content in items:
        res = guarded(name, opts, lambda: _lint_item(name, content, registry, opts))
        res.report = None
        yield result_to_dict(res)


def lint_paths(paths: Iterable[str], options: OptionsLike = None, *, registry: Optional[Registry] = None,
               plugin_paths: Sequence[str] = (), jobs: int = 1) -> Iterator[dict[str, Any]]:
    """Lint files (directories are expanded as the CLI does); result dicts in order.

    ``jobs`` > 1 uses the same process pool as ``gplint --jobs``. Like
    :func:`gplint.runner.run`, the generator turns automatic garbage collection off until
    it is exhausted or closed (a full collection every 1,000 results instead).
    """
    from .runner import run

    registry = _registry(registry, plugin_paths)
    files = discover_files(paths, registry)
    for res in run(files, registry, to_options(options), jobs, plugin_paths):
        yield result_to_dict(res)


def discover_files(paths: Iterable[str], registry: Optional[Registry] = None) -> list[str]:
    """The files ``gplint PATH...`` lints, in its order: folders walked for report texts
    and every document a reader handles (DOCX, PDF, HTML; .doc/.wps/.ofd for their E005),
    with the default excludes and ``.gitignore`` (no configuration file is read)."""
    from .runner import TEXT_EXTENSIONS
    from .walk import discover

    registry = registry if registry is not None else _registry(None, ())
    return list(discover(paths, tuple(TEXT_EXTENSIONS) + tuple(sorted(registry.readers))))


def lint_partition(partition: Iterable[Union[str, TextItem]], options: OptionsLike = None,
                   plugin_paths: Sequence[str] = ()) -> list[dict[str, Any]]:
    """One partition of a distributed collection -> its results (a list, as engines expect).

    Items are file paths or ``(name, text)`` pairs, mixed freely. Files are read by the
    worker that lints them, so paths must be visible there (a shared disk, or pass texts).
    """
    from .runner import lint_one

    registry = _registry(None, plugin_paths)
    opts = to_options(options)
    out = []
    for item in partition:
        if isinstance(item, str):
            out.append(result_to_dict(lint_one(item, registry, opts)))
        else:
            name, content = item
            out.extend(lint_texts([(name, content)], opts, registry=registry))
    return out


def findings(results: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every diagnostic of ``results``, in order: what ``gplint --format json`` prints."""
    return [d for r in results for d in r["diagnostics"]]
