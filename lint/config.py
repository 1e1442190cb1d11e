"""Resolving settings: command-line flags over configuration files over defaults.

A configuration is ``[tool.gplint]`` in ``pyproject.toml``, or the top level of
``gplint.toml`` / ``.gplint.toml``. Without ``--config`` it is looked up upwards from each
checked file (from the ``--stdin-filename``'s directory, or the current directory, for
stdin); in one directory ``gplint.toml`` wins over ``.gplint.toml`` over a
``pyproject.toml`` that has a ``[tool.gplint]`` table.

Per-file keys (``select``, ``ignore``, ``rules``, ``per-file-ignores``, ``year``, ``timeout``) come from
the configuration nearest to each file. Run-wide keys (``format``, ``fail-on``, ``jobs``,
``plugins``) come from ``--config``, else from the configuration found from the current
directory, else from the one found for the first PATH. Command-line flags always win.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Sequence

from .diagnostics import Diagnostic
from .engine import MAX_TIMEOUT, FileResult, LintOptions
from .lazy_re import lazy_compile
from .runner import TEXT_EXTENSIONS

CONFIG_NAMES = ("gplint.toml", ".gplint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration file cannot be read or has an unknown key or a bad value (exit 2)."""


@dataclass(frozen=True)
class Config:
    """One configuration file, validated. ``path`` is None for "no configuration found"."""

    path: Optional[str] = None
    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: Optional[str] = None
    fail_on: Optional[str] = None
    format: Optional[str] = None
    plugins: tuple[str, ...] = ()
    jobs: Optional[int] = None
    year: Optional[int] = None
    #: Seconds a file may take (0: no limit); None: the command line's default.
    timeout: Optional[float] = None
    #: ``.gitignore``-style patterns (relative to this file) left out of the run;
    #: ``exclude`` replaces the default list, ``extend-exclude`` adds to it (gplint.walk).
    exclude: Optional[tuple[str, ...]] = None
    extend_exclude: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        """The directory globs and plugin paths are relative to."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()


# ----------------------------------------------------------------------- reading files
def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    out: list[str] = []
    for v in value:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _validate(table: dict, path: str) -> Config:
    def where(key: str) -> str:
        return f"{path}: key {key!r}"

    kw: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("select", "ignore"):
            kw[key] = _str_list(value, where(key))
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where(key)}: expected a table of glob = [codes], got {value!r}")
            kw["per_file_ignores"] = tuple(
                (glob, _str_list(codes, f"{path}: key 'per-file-ignores.{glob}'")) for glob, codes in value.items()
            )
        elif key in ("rules", "format"):
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where(key)}: expected a name (string), got {value!r}")
            kw[key] = value
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where(key)}: expected one of {', '.join(FAIL_ON)}, got {value!r}")
            kw["fail_on"] = value
        elif key == "plugins":
            rel = _str_list(value, where(key))
            base = os.path.dirname(os.path.abspath(path))
            kw["plugins"] = tuple(os.path.normpath(os.path.join(base, p)) for p in rel)
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where(key)}: expected a positive integer, got {value!r}")
            kw["jobs"] = value
        elif key == "year":
            if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2999:
                raise ConfigError(f"{where(key)}: expected a year such as 2024, got {value!r}")
            kw["year"] = value
        elif key == "timeout":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_TIMEOUT:
                raise ConfigError(f"{where(key)}: expected seconds from 0 (no limit) to {MAX_TIMEOUT:g}, got {value!r}")
            kw["timeout"] = float(value)
        elif key in ("exclude", "extend-exclude"):
            kw[key.replace("-", "_")] = _str_list(value, where(key))
        else:
            known = ("select, ignore, per-file-ignores, rules, fail-on, format, plugins, jobs, year, timeout, "
                     "exclude, extend-exclude")
            import difflib

            near = difflib.get_close_matches(key, known.split(", "), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ConfigError(f"{path}: unknown key {key!r}{hint} (known: {known})")
    return Config(path=path, **kw)


#: A line that may open or set ``tool.gplint`` in TOML: a ``[tool.gplint…]`` or bare
#: ``[tool]`` header, a ``tool.gplint…`` dotted key or a ``tool = {…}`` inline table (keys
#: bare or quoted). Generous on purpose: a line it misses would lose a configuration.
_TOOL_GPLINT_LINE = lazy_compile(
    rb"""(?m)^[ \t]*(?:\[[ \t]*["']?tool["']?[ \t]*(?:\]|\.[ \t]*["']?gplint)"""
    rb"""|["']?tool["']?[ \t]*(?:\.[ \t]*["']?gplint|=))""")


def _may_hold_gplint_table(raw: bytes) -> bool:
    """Whether a ``pyproject.toml`` may have a ``[tool.gplint]`` table. Most projects'
    have none, and the upward search finds one in nearly every Python repository: this
    saves loading the TOML parser (a pre-commit hook's every run) for those."""
    return _TOOL_GPLINT_LINE.search(raw) is not None


def load_config(path: str, *, explicit: bool = True) -> Optional[Config]:
    """Read and validate one file. A ``pyproject.toml`` without ``[tool.gplint]`` gives None
    when found by the upward search, and an error when named with ``--config``."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    if not explicit and os.path.basename(path) == "pyproject.toml" and not _may_hold_gplint_table(raw):
        return None  # someone else's pyproject: neither parsed nor judged
    # Imported here, not at the top: most runs find no configuration file, and the TOML
    # parser (with its regular expressions) costs about 3 % of the start-up.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:  # TOML is UTF-8 (tomllib decodes before parsing)
        line = exc.object[:exc.start].count(b"\n") + 1 if isinstance(exc.object, bytes) else 1
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte {exc.start}, line {line})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deep") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("gplint") if isinstance(tool, dict) else None
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: no [tool.gplint] table")
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.gplint] must be a table")
        return _validate(table, path)
    return _validate(data, path)


class ConfigFinder:
    """Upward search for the nearest configuration, cached per directory."""

    def __init__(self) -> None:
        self._cache: dict[str, Config] = {}

    def for_dir(self, directory: str) -> Config:
        directory = os.path.abspath(directory)
        seen: list[str] = []
        found = Config()
        d = directory
        while True:
            if d in self._cache:
                found = self._cache[d]
                break
            seen.append(d)
            hit = None
            for name in CONFIG_NAMES:
                candidate = os.path.join(d, name)
                if os.path.isfile(candidate):
                    hit = load_config(candidate, explicit=False)
                    if hit is not None:
                        break
            if hit is not None:
                found = hit
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        for s in seen:
            self._cache[s] = found
        return found

    def for_path(self, path: str) -> Config:
        target = os.path.abspath(path)
        return self.for_dir(target if os.path.isdir(target) else os.path.dirname(target))


# ----------------------------------------------------------------------- settings
def _matches_code(d: Diagnostic, pattern: str) -> bool:
    p = pattern.strip()
    if not p:
        return False
    if p.upper() == "ALL":
        return True
    return p == d.name or p == d.category or d.code.startswith(p.upper())


@dataclass
class Settings:
    """Everything ``gplint check`` needs to know, resolved once for the run."""

    options: LintOptions
    fmt: str = "text"
    fail_on: str = "error"
    plugins: list[str] = field(default_factory=list)
    jobs: Optional[int] = None
    #: The run-wide configuration (``--config`` or the one found from cwd / first path).
    config: Config = field(default_factory=Config)
    explicit: bool = False
    cli: dict[str, Any] = field(default_factory=dict)
    finder: ConfigFinder = field(default_factory=ConfigFinder)
    #: A file's absolute directory -> (its configuration, the options made from it).
    #: A batch asks three times a file (profile check, linting, per-file-ignores); every
    #: file of a directory has the same answer. Bounded by the number of directories.
    _by_directory: dict[str, tuple[Config, LintOptions]] = field(default_factory=dict, init=False, repr=False)

    def extensions(self, registry: Any) -> tuple[str, ...]:
        return tuple(TEXT_EXTENSIONS) + tuple(sorted(registry.readers))

    def _for_file(self, path: str) -> tuple[Config, LintOptions]:
        if path == "-":
            return self.config, _merge(self.config, self.cli)
        # ``path`` names a file (runner.discover expands directories), or nothing yet: its
        # configuration is its directory's.
        directory = os.path.dirname(os.path.abspath(path))
        known = self._by_directory.get(directory)
        if known is None:
            cfg = self.config if self.explicit else self.finder.for_dir(directory)
            known = self._by_directory[directory] = (cfg, _merge(cfg, self.cli))
        return known

    def config_for(self, path: str) -> Config:
        """The configuration that governs the file ``path`` (``-``: the run's own)."""
        if self.explicit or path == "-":
            return self.config
        return self._for_file(path)[0]

    def options_for(self, path: str) -> LintOptions:
        """The LintOptions for one file: its configuration, overridden by the flags.

        Files of one directory share one LintOptions object: nothing changes it."""
        return self._for_file(path)[1]

    def postprocess(self, result: FileResult) -> FileResult:
        """Apply ``per-file-ignores`` of the configuration that governs this file."""
        cfg = self.config_for(result.path)
        if not cfg.per_file_ignores or not result.diagnostics:
            return result
        rel = os.path.relpath(os.path.abspath(result.path), cfg.root).replace(os.sep, "/")
        codes: list[str] = []
        for glob, ignored in cfg.per_file_ignores:
            if _glob_match(rel, glob):
                codes.extend(ignored)
        if not codes:
            return result
        kept = [d for d in result.diagnostics if not any(_matches_code(d, c) for c in codes)]
        return replace(result, diagnostics=kept)


def _glob_match(rel: str, glob: str) -> bool:
    """Match a path relative to the config's directory; a glob without ``/`` matches the
    file name anywhere (as in ``.gitignore``), ``**`` spans directories."""
    glob = glob.replace(os.sep, "/")
    if glob.startswith("./"):
        glob = glob[2:]
    if "/" not in glob:
        return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], glob) or fnmatch.fnmatchcase(rel, glob)
    if fnmatch.fnmatchcase(rel, glob):
        return True
    # "dir/**/x.txt" should also match "dir/x.txt".
    return "/**/" in glob and fnmatch.fnmatchcase(rel, glob.replace("/**/", "/"))


def _merge(cfg: Config, cli: dict[str, Any]) -> LintOptions:
    return LintOptions(
        profile=cli.get("profile") or cfg.rules or "default",
        select=list(cli["select"]) if cli.get("select") else list(cfg.select or ()),
        ignore=list(cli["ignore"]) if cli.get("ignore") else list(cfg.ignore or ()),
        year=cli.get("year") if cli.get("year") is not None else cfg.year,
        **({"max_bytes": int(cli["max_size"] * 1048576)} if cli.get("max_size") else {}),
        timeout=_timeout(cli.get("timeout"), cfg.timeout),
    )


#: Seconds a file may take on the command line before it is given up (E901).
DEFAULT_TIMEOUT = 60.0


def _timeout(cli: Optional[float], cfg: Optional[float]) -> Optional[float]:
    given = cli if cli is not None else cfg
    if given is None:
        return DEFAULT_TIMEOUT
    return given or None  # 0: no limit


def _csv(values: Optional[Sequence[str]]) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def resolve_options(args: Any) -> Settings:
    """Build the run's Settings from parsed ``gplint check`` arguments. Raises ConfigError."""
    cli = {
        "profile": args.profile,
        "select": _csv(args.select),
        "ignore": _csv(args.ignore),
        "year": args.year,
        "max_size": getattr(args, "max_size", None),
        "timeout": getattr(args, "timeout", None),
    }
    finder = ConfigFinder()
    explicit = bool(getattr(args, "config", None))
    if explicit:
        if not os.path.isfile(args.config):
            raise ConfigError(f"{args.config}: configuration file not found")
        cfg = load_config(args.config, explicit=True)
        assert cfg is not None
    else:
        stdin_name = getattr(args, "stdin_filename", None)
        paths = [p for p in getattr(args, "paths", []) if p != "-"]
        if "-" in getattr(args, "paths", []) and stdin_name:
            cfg = finder.for_path(stdin_name)
        else:
            cfg = finder.for_dir(os.getcwd())
        if cfg.path is None and paths:
            cfg = finder.for_path(paths[0])
    settings = Settings(
        options=_merge(cfg, cli),
        fmt=args.fmt or cfg.format or "text",
        fail_on=args.fail_on or cfg.fail_on or "error",
        plugins=list(cfg.plugins),
        jobs=args.jobs if args.jobs is not None else cfg.jobs,
        config=cfg,
        explicit=explicit,
        cli=cli,
        finder=finder,
    )
    return settings
