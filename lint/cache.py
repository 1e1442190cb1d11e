"""A result cache: re-linting a file that has not changed costs a hash and a small read.

An entry is one file's findings, stored as JSON under a key made of

- the file's content (SHA-256 of its bytes) and its absolute path (a plugin may read it);
- gplint's version and the size and modification time of every module of gplint and of
  every module that gave the registry a rule, reader or formatter (an edited or upgraded
  plugin, or a development checkout edited in place, invalidates the cache);
- the options that choose and drive the rules (profile, select, ignore, year, per-rule
  options, size limit). ``per-file-ignores`` and baselines act on the results afterwards,
  so they need no key of their own.

Findings of a file that crashed (E900) or timed out (E901) are never stored. Entries are
written atomically (a temporary file renamed into place), so parallel runs and ``--jobs``
(only the parent process writes) never see half an entry; a damaged or unreadable entry
is a miss. The cache lives in ``$GPLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/gplint``,
else ``~/.cache/gplint``; ``--cache-dir`` chooses another, ``--no-cache`` skips it.
Entries not used for :data:`MAX_AGE_DAYS` days are deleted (checked once a day).
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import fields
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from .diagnostics import Diagnostic, Related, _jsonable
from .engine import E_INTERNAL, E_TIMEOUT, FileResult, LintOptions
from .model import Span

#: Bumped when the entry layout changes.
LAYOUT = "1"
#: Entries are read whole; no report's findings come near this.
MAX_ENTRY_BYTES = 8 * 1024 * 1024
MAX_AGE_DAYS = 30
_NEVER_STORED = {E_INTERNAL[0], E_TIMEOUT[0]}


def default_dir() -> str:
    env = os.environ.get("GPLINT_CACHE_DIR")
    if env:
        return env
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None) or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gplint")


def _sha256():
    from .digest import sha256

    return sha256()


def code_fingerprint(registry: Any) -> str:
    """gplint's version and the state of every module the results depend on."""
    import gplint

    modules = {gplint.__name__}
    for obj in list(registry.rules.values()) + list(registry.readers.values()) + list(registry.formatters.values()):
        modules.add(getattr(obj, "__module__", "") or "")
    files: set[str] = set()
    for name in modules:
        mod = sys.modules.get(name)
        path = getattr(mod, "__file__", None)
        if path:
            files.add(os.path.abspath(path))
    # The whole installed package (rules, reader, grammar), wherever it lives.
    for pkg in ("gplint", "gplint.rules", "gplint.grammar_files"):
        mod = sys.modules.get(pkg)
        for base in getattr(mod, "__path__", []) or []:
            for parent, _dirs, names in os.walk(base):
                files.update(os.path.join(parent, n) for n in names if n.endswith((".py", ".lark")))
    h = _sha256()
    h.update(f"{LAYOUT}\0{gplint.__version__}\0{sys.version_info[:2]}\0".encode())
    for path in sorted(files):
        try:
            st = os.stat(path)
        except OSError:
            continue
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def options_key(options: LintOptions) -> str:
    # (timeout is left out: a run that finishes gives the same findings whatever the limit.)
    chosen = {f.name: getattr(options, f.name) for f in fields(options) if f.name != "timeout"}
    chosen["select"] = list(chosen["select"])
    chosen["ignore"] = list(chosen["ignore"])
    return json.dumps(chosen, sort_keys=True, default=repr, ensure_ascii=False)


# ------------------------------------------------------------------ entries
def _span_dict(s: Span) -> list:
    return [s.line, s.column, s.end_line, s.end_column, s.page]


def _span(v: list) -> Span:
    return Span(v[0], v[1], v[2], v[3], v[4])


def encode(result: FileResult) -> dict:
    return {"error": result.error, "diagnostics": [
        {"code": d.code, "name": d.name, "category": d.category, "severity": d.severity, "message": d.message,
         "span": _span_dict(d.span), "related": [[_span_dict(r.span), r.message] for r in d.related],
         "evidence": {k: _jsonable(v) for k, v in d.evidence.items()}, "key": d.key,
         "fingerprint": d.fingerprint} for d in result.diagnostics]}


def decode(entry: dict, path: str) -> FileResult:
    diags = [Diagnostic(code=d["code"], name=d["name"], category=d["category"], severity=d["severity"],
                        message=d["message"], span=_span(d["span"]), path=path,
                        related=tuple(Related(_span(s), m) for s, m in d["related"]),
                        evidence=d["evidence"], key=d["key"], fingerprint=d["fingerprint"])
             for d in entry["diagnostics"]]
    return FileResult(path, diags, error=entry["error"])


class ResultCache:
    """Entries under ``directory``, keyed for one run's code and plugins."""

    def __init__(self, directory: str, registry: Any) -> None:
        self.directory = os.path.join(directory, "v" + LAYOUT)
        self.code = code_fingerprint(registry)
        self.hits = 0
        self.stored = 0
        #: id(options) -> (options, its key). The entry holds the options object so that its
        #: id cannot be reused by another one while the entry is there.
        self._options: dict[int, tuple[LintOptions, str]] = {}

    def key(self, path: str, options: LintOptions, max_bytes: int) -> Optional[str]:
        """The entry key for ``path`` as it is now, or None if it cannot be read (it is
        then linted, and the linter says what is wrong with it)."""
        try:
            with open(path, "rb") as fh:
                if not os.path.isfile(path) or os.fstat(fh.fileno()).st_size > max_bytes * 4:
                    return None
                data = fh.read()
        except OSError:
            return None
        known = self._options.get(id(options))
        if known is not None and known[0] is options:
            opts = known[1]
        else:
            opts = options_key(options)
            self._options[id(options)] = (options, opts)
        h = _sha256()
        h.update(data)
        h.update(f"\0{os.path.abspath(path)}\0{self.code}\0{opts}".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key + ".json")

    def get(self, key: str, path: str) -> Optional[FileResult]:
        try:
            with open(self._file(key), "rb") as fh:
                raw = fh.read(MAX_ENTRY_BYTES + 1)
            if len(raw) > MAX_ENTRY_BYTES:
                return None
            result = decode(json.loads(raw), path)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: FileResult) -> None:
        if any(d.code in _NEVER_STORED for d in result.diagnostics):
            return
        target = self._file(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            # A name no other process uses (only the parent process writes entries).
            tmp = f"{target}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(encode(result), fh, ensure_ascii=False)
                os.replace(tmp, target)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, TypeError, ValueError):
            return  # a cache that cannot be written only costs time
        self.stored += 1

    def prune(self, now: Optional[float] = None) -> None:
        """Delete entries unused for MAX_AGE_DAYS; at most once a day."""
        now = time.time() if now is None else now
        stamp = os.path.join(self.directory, "last-pruned")
        try:
            if now - os.stat(stamp).st_mtime < 86400:
                return
        except OSError:
            pass
        try:
            os.makedirs(self.directory, exist_ok=True)
            with open(stamp, "w"):
                pass
            for sub in os.scandir(self.directory):
                if sub.is_dir():
                    for entry in os.scandir(sub.path):
                        if now - entry.stat().st_atime > MAX_AGE_DAYS * 86400 and \
                                now - entry.stat().st_mtime > MAX_AGE_DAYS * 86400:
                            os.unlink(entry.path)
        except OSError:
            return


def run_cached(files: Sequence[str], cache: ResultCache, options_for: Callable[[str], LintOptions],
               lint_many: Callable[[Sequence[str]], Iterable[FileResult]]) -> Iterator[FileResult]:
    """Results for ``files`` in order: from the cache where it has them, the others from
    ``lint_many`` (called once, with the files to lint, in order) and stored."""
    keys: list[Optional[str]] = []
    found: dict[int, FileResult] = {}
    for i, path in enumerate(files):
        options = options_for(path)
        key = cache.key(path, options, options.max_bytes)
        keys.append(key)
        hit = cache.get(key, path) if key else None
        if hit is not None:
            found[i] = hit
    fresh = iter(lint_many([p for i, p in enumerate(files) if i not in found]))
    try:
        for i, path in enumerate(files):
            if i in found:
                yield found[i]
                continue
            result = next(fresh)
            if keys[i] is not None:
                cache.put(keys[i], result)
            yield result
    finally:
        close = getattr(fresh, "close", None)
        if close is not None:
            close()  # the runner's pool and garbage-collector settings end with the run
