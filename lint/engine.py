"""Linting one text or one file: parse, run the selected rules, collect diagnostics.

Nothing here prints or exits; the command line and the batch API sit on top.
"""
from __future__ import annotations

from operator import attrgetter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

from .diagnostics import Diagnostic, Rule, fingerprint, placed
from .embedded_html import tables_as_rows
from .invisible import InvisibleMap, without_invisible
from .trailing_tabs import without_tool_tabs
from .model import Report, Span
from .plugins import Registry
from .workers import is_crash
from .sources import MAX_BYTES, InputError, Source, decode, format_size, normalise_newlines, read_path

# Input diagnostics (category "input"): the file could not be linted as a report.
E_UNREADABLE = ("E001", "unreadable-file")
E_UNDECODABLE = ("E002", "undecodable-file")
E_EMPTY = ("E003", "empty-file")
E_NOT_A_REPORT = ("E004", "not-a-report")
E_INTERNAL = ("E900", "internal-error")
E_TIMEOUT = ("E901", "timed-out")
#: The longest per-file time limit taken (≈ 11 days; the timer overflows far above).
MAX_TIMEOUT = 1e6
#: More lines than this is no report (the longest read, a PDF's text one cell a line, has
#: a few thousand). The reader keeps ≈ 200-300 bytes a line whatever the line holds, so a
#: file of 16 MB of line ends would take gigabytes; this bounds that to ≈ 60 MB.
MAX_LINES = 200_000


@dataclass
class LintOptions:
    profile: str = "default"
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    #: Report year to assume when the text does not say (``--year``).
    year: Optional[int] = None
    #: Per-rule options: {"A101": {...}}.
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Largest input file read, in bytes (``--max-size``).
    max_bytes: int = MAX_BYTES
    #: Seconds one file may take before it is given up with E901 (``--timeout``); None:
    #: no limit (the default here; the command line gives 60). Applied by
    #: :func:`gplint.runner.guarded` in a process's main thread on POSIX, with a SIGALRM
    #: timer: a caller that runs its own ITIMER_REAL timer should leave this None.
    timeout: Optional[float] = None
    #: The history store the cross-report rules (category ``history``) read: a path (opened
    #: read-only once a process) or a :class:`gplint.history.HistoryView`; None: those
    #: rules stay silent (``--history FILE``).
    history: Any = None
    #: Attach to each result the :class:`gplint.history.ReportRecord` (as a dict) that
    #: ``--record`` writes to the store (``FileResult.record``).
    record: bool = False


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic]
    #: Set when the file could not be read at all (also present as an E diagnostic).
    error: Optional[str] = None
    report: Optional[Report] = None
    #: The report as the history store keeps it (a dict), when ``LintOptions.record``.
    record: Optional[dict[str, Any]] = None


def input_diagnostic(code_name: tuple[str, str], message: str, path: Optional[str], line: int = 1) -> Diagnostic:
    code, name = code_name
    return Diagnostic(
        code=code, name=name, category="input", severity="error", message=message,
        span=Span(line, 1), path=path, key="file", fingerprint=fingerprint(code, "file", message),
    )


def _matches(rule: type[Rule], pattern: str) -> bool:
    p = pattern.strip()
    if not p:
        return False
    if p.upper() == "ALL":
        return True
    if p == rule.name or p == rule.category:
        return True
    return rule.code.startswith(p.upper())


def select_rules(registry: Registry, options: LintOptions) -> list[type[Rule]]:
    """The rules to run, sorted by code: the profile's, or ``select``'s, minus ``ignore``."""
    select, ignore = tuple(options.select), tuple(options.ignore)  # once: they may be iterators
    # Everything the choice depends on: the options, each rule with the attributes matched
    # against them, and the profiles. A batch asks the same question for every file.
    key = (options.profile, select, ignore, repr(registry.profiles), tuple(registry.rules.items()),
           tuple(map(_RULE_SIGNATURE, registry.rules.values())))
    try:
        chosen = registry._selections.get(key)
    except TypeError:  # something unhashable (a rule's profiles given as a list): no memo
        return _select_rules(registry, options.profile, select, ignore)
    if chosen is None:
        if len(registry._selections) > 64:
            registry._selections.clear()
        chosen = registry._selections[key] = _select_rules(registry, options.profile, select, ignore)
    return list(chosen)


_RULE_SIGNATURE = attrgetter("code", "name", "category", "profiles")


def _select_rules(registry: Registry, profile_name: str, select: tuple, ignore: tuple) -> list[type[Rule]]:
    profile = registry.profiles.get(profile_name)
    if profile is None:
        raise ValueError(f"unknown profile {profile_name!r} (known: {', '.join(sorted(registry.profiles))})")
    rules = registry.sorted_rules()
    if select:
        chosen = [r for r in rules if any(_matches(r, p) for p in select)]
    else:
        names = {profile_name}
        ext = profile.get("extends")
        while ext and ext not in names:
            names.add(ext)
            ext = registry.profiles.get(ext, {}).get("extends")
        chosen = [r for r in rules if names & set(r.profiles)]
        extra = profile.get("select") or []
        chosen += [r for r in rules if r not in chosen and any(_matches(r, p) for p in extra)]
        ignore_extra = profile.get("ignore") or []
        chosen = [r for r in chosen if not any(_matches(r, p) for p in ignore_extra)]
    chosen = [r for r in chosen if not any(_matches(r, p) for p in ignore)]
    return sorted(chosen, key=lambda r: r.code)


def run_rules(report: Report, rules: Iterable[type[Rule]], options: LintOptions, path: Optional[str]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule_options = options.rule_options
    history = None
    if options.history is not None:
        from .history.store import open_view

        history = open_view(options.history)
    for cls in rules:
        if report.format_version not in cls.formats:
            continue
        rule = cls()
        opts = dict(cls.options)
        mine = rule_options.get(cls.code)
        if mine:
            opts.update(mine)
        opts.setdefault("profile", options.profile)
        if history is not None:
            opts["history"] = history
        try:
            # (Appended as found: what a rule reported before it crashed is kept.)
            for d in rule.check(report, opts):
                out.append(d.with_path(path))
        except BaseException as exc:  # noqa: BLE001 - a broken rule must not stop the run
            if not is_crash(exc):  # Ctrl-C, SIGTERM, the per-file timer: not the rule's fault
                raise
            import traceback  # here: only a crash needs it, and it is not cheap to import

            tb = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(input_diagnostic(
                E_INTERNAL,
                f"规则 {cls.code} 内部错误，未能完成检查 (rule {cls.code} crashed: {type(exc).__name__}: {exc} at {tb.filename.rsplit('/', 1)[-1]}:{tb.lineno})",
                path,
            ))
    out.sort(key=Diagnostic.sort_key)
    return out


#: How :func:`lint_source` chooses the rules for a file's options (see ``select``).
RuleSelector = Callable[[Registry, LintOptions], Sequence[type[Rule]]]


def text_as_read(text: str) -> tuple[str, Optional[Callable[[Span], Span]]]:
    """The text the reader reads — line ends folded, the characters that take no place on
    screen left out (:mod:`gplint.invisible`; a tool's tab ending every line,
    :mod:`gplint.trailing_tabs`), a text's HTML tables written a row a line
    (:mod:`gplint.embedded_html`), as :func:`gplint.reader.parse` does — and how to place a
    span of it in ``text`` (None: every span is where it is). Parse it with
    :func:`gplint.reader.parse_read`, which does not make it again."""
    text = normalise_newlines(text)
    invisible = InvisibleMap.of(text)
    # (A tool's tab at the end of every line goes too: only line ends move, no map needed.)
    read, tables = tables_as_rows(without_tool_tabs(without_invisible(text) if invisible else text))
    if invisible is None and tables is None:
        return read, None

    def place(span: Span) -> Span:
        if tables is not None:
            span = tables.span(span)
        return invisible.span(span) if invisible is not None else span

    return read, place


def lint_source(source: Source, registry: Registry, options: LintOptions,
                select: RuleSelector = select_rules) -> FileResult:
    """Parse and lint one decoded text. ``select`` chooses the rules (default
    :func:`select_rules`; a batch passes one that remembers its answer, see
    :class:`gplint.runner.RuleChoice`)."""
    from .reader import parse_read

    path = source.path or "-"
    if not source.text or source.text.isspace():
        return FileResult(path, [input_diagnostic(E_EMPTY, "文件为空 (empty file)", path)], error="empty file")
    lines = source.text.count("\n") + 1
    if lines > MAX_LINES:
        msg = f"too many lines to be a report: {lines:,}, over {MAX_LINES:,}"
        return FileResult(path, [input_diagnostic(E_UNREADABLE, f"无法读取 ({msg})", path)], error=msg)
    read, place = text_as_read(source.text)
    try:
        report = parse_read(read, path=path, year=options.year)
    except Exception as exc:  # noqa: BLE001
        return FileResult(path, [input_diagnostic(E_INTERNAL, f"无法解析 (parser failed: {type(exc).__name__}: {exc})", path)],
                          error="parser failed")
    if not report.sections and report.t2 is None and report.t3 is None and report.t4 is None:
        from .not_a_report import why_not_a_report

        return FileResult(path, [input_diagnostic(E_NOT_A_REPORT, why_not_a_report(read, report), path)],
                          error="not a report", report=report)
    rules = select(registry, options)
    diagnostics = run_rules(report, rules, options, path)
    if place is not None:
        diagnostics = placed(diagnostics, place)
    if "\f" in source.text:  # a PDF's pages (pdfminer ends each with a form feed)
        from .pages import with_pages

        diagnostics = with_pages(diagnostics, normalise_newlines(source.text))
    result = FileResult(path, diagnostics, report=report)
    if options.record:
        from .history.record import record_of

        result.record = record_of(report, result.diagnostics).to_dict()
    return result


def lint_file(path: str, registry: Registry, options: LintOptions,
              select: RuleSelector = select_rules) -> FileResult:
    """Lint one file; never raises for a bad input: the problem becomes an E diagnostic."""
    try:
        source = read_source(path, registry, options.max_bytes)
    except InputError as exc:
        return _unreadable(path, exc)
    return lint_source(source, registry, options, select)


def _unreadable(path: str, exc: InputError) -> FileResult:
    code = getattr(exc, "code", None)  # a reader's own code (E005 unsupported-document)
    if code is not None:
        return FileResult(path, [input_diagnostic(code, str(exc), path)], error=str(exc))
    code = E_UNDECODABLE if ("decode" in str(exc) or "binary" in str(exc) or "UTF" in str(exc)) else E_UNREADABLE
    return FileResult(path, [input_diagnostic(code, f"无法读取 ({exc})", path)], error=str(exc))


def input_limit(path: Optional[str], registry: Registry, max_bytes: int) -> int:
    """The most bytes read for ``path``: documents get four times ``--max-size`` (they carry
    markup and images beside their text)."""
    import os

    return max_bytes * (4 if registry.readers.get(os.path.splitext(path or "")[1].lower()) is not None else 1)


def read_source(path: str, registry: Registry, max_bytes: int = MAX_BYTES) -> Source:
    import os

    ext = os.path.splitext(path)[1].lower()
    reader = registry.readers.get(ext)
    if reader is None:
        return read_path(path, max_bytes)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if size > input_limit(path, registry, max_bytes):
        raise InputError(f"file too large ({size / 1048576:.1f} MB; raise the limit with --max-size)")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return reader(data, path)


def lint_text(text: str, path: Optional[str] = None, config: Optional[LintOptions] = None,
              registry: Optional[Registry] = None) -> list[Diagnostic]:
    """Lint report text and return the diagnostics (library entry point).

    Without ``registry``, the installed plugins' registry is built on the first call and
    reused (:func:`gplint.plugins.shared_registry`)."""
    from .plugins import shared_registry

    registry = registry or shared_registry()
    options = config or LintOptions()
    return lint_source(Source(path, text), registry, options).diagnostics


def _sniffed_extension(data: bytes) -> Optional[str]:
    """The document type bytes with no telling name announce themselves as: a PDF's
    ``%PDF-``, a DOCX's zip holding ``word/document.xml``, a page's ``<html``/doctype."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return ".docx"
    low = head[:256].lower()
    if low.startswith((b"<!doctype html", b"<html")) or (low.startswith(b"<") and b"<html" in head.lower()):
        return ".html"
    return None


def source_from_bytes(data: bytes, path: Optional[str], registry: Registry) -> Source:
    """Decode a file's bytes read from elsewhere than a path (stdin, an upload) exactly as
    :func:`read_source` reads that file: the reader for ``path``'s extension, else the one
    the bytes announce themselves as (:func:`_sniffed_extension`), else text."""
    import os

    ext = os.path.splitext(path or "")[1].lower()
    reader = registry.readers.get(ext)
    if reader is None and ext not in _TEXT_EXTENSIONS:
        sniffed = _sniffed_extension(data)
        reader = registry.readers.get(sniffed) if sniffed else None
    if reader is None:
        return decode(data, path)
    return reader(data, path)


#: Extensions always read as text, whatever their bytes look like.
_TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text")


def lint_bytes(data: bytes, path: Optional[str], registry: Registry, options: LintOptions) -> FileResult:
    """Lint a file's bytes (stdin, ``--stdin-filename`` naming it, an upload): documents are
    read by their reader as if they were read from ``path`` (see :func:`source_from_bytes`)."""
    limit = input_limit(path, registry, options.max_bytes)
    if len(data) > limit:
        # (Read from a stream, ``data`` stops one byte past the limit: its size is unknown.)
        msg = f"file too large to be a report (over {format_size(limit)}, raise the limit with --max-size)"
        return FileResult(path or "-", [input_diagnostic(E_UNREADABLE, f"无法读取 ({msg})", path or "-")], error=msg)
    try:
        source = source_from_bytes(data, path, registry)
    except InputError as exc:
        return _unreadable(path or "-", exc)
    return lint_source(source, registry, options)
