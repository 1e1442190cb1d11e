"""Finding the report files of a run: folder walks with ``exclude`` and ``.gitignore``.

- ``exclude`` patterns (``--exclude`` / the configuration's ``exclude``, which replace
  :data:`DEFAULT_EXCLUDE`) and ``extend-exclude`` (added to them) are ``.gitignore``-style
  patterns relative to the configuration's directory (the current directory for flags).
  They apply to files met on a folder walk and to files named on the command line, so a
  pre-commit hook (which names files) leaves out what the configuration excludes.
- ``.gitignore`` files (and ``.git/info/exclude``) are respected on folder walks inside a
  Git working tree, as Git reads them: a deeper file's patterns win, ``!`` re-includes.
  A file named on the command line is linted even if Git ignores it.
- Hidden files and folders, and a folder's README/LICENSE/… are skipped on walks.

Matching uses ``pathspec``'s implementation of Git's wildmatch rules.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

#: Folders no report repository means to lint (replaced by ``exclude``, extended by
#: ``extend-exclude``).
DEFAULT_EXCLUDE = ("node_modules", "__pycache__", "venv", "site-packages")

#: Files a folder of reports often also holds that are not reports (README.md beside the
#: reports of a review batch). Walking a folder skips them; naming one explicitly lints it.
PROJECT_DOCUMENTS = ("readme", "license", "licence", "changelog", "contributing", "authors", "notice")


def is_project_document(name: str) -> bool:
    return name.lower().split(".", 1)[0] in PROJECT_DOCUMENTS


_SPECIAL = "/*?[]!\\#"


def _spec(lines: Iterable[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(list(lines))


def _rel(path: str, root: str) -> Optional[str]:
    rel = os.path.relpath(os.path.abspath(path), root)
    if rel == "." or rel.startswith(".." + os.sep) or rel == "..":
        return None
    return rel.replace(os.sep, "/")


@dataclass
class Excluder:
    """``exclude`` patterns relative to ``root``."""

    patterns: Sequence[str] = DEFAULT_EXCLUDE
    root: str = field(default_factory=os.getcwd)

    def __post_init__(self) -> None:
        self.root = os.path.abspath(self.root)
        # A bare name ("node_modules") matches a file or folder of that name at any depth,
        # as in .gitignore: checked without loading the pattern matcher (start-up time).
        self._names = frozenset(p for p in self.patterns if p and not any(c in p for c in _SPECIAL))
        rest = [p for p in self.patterns if p not in self._names]
        self._spec = _spec(rest) if rest else None

    def excluded(self, path: str, is_dir: bool = False, base: Optional[str] = None) -> bool:
        """Whether ``path`` is excluded. Inside the root, patterns apply to its path from
        the root; outside it, to its path from ``base`` (the folder being walked), else
        to its name only: folders above are never matched."""
        rel = _rel(path, self.root)
        if rel is None:
            rel = (_rel(path, base) if base else None) or os.path.basename(os.path.abspath(path))
        parts = rel.split("/")
        if self._names and not self._names.isdisjoint(parts):
            return True
        if self._spec is None:
            return False
        candidates = [rel + "/" if is_dir else rel]
        # A file inside an excluded folder is excluded (Git would never look inside).
        candidates += ["/".join(parts[:i]) + "/" for i in range(1, len(parts))]
        return any(self._spec.match_file(c) for c in candidates)


def git_root(directory: str) -> Optional[str]:
    d = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


class GitIgnore:
    """The ``.gitignore`` files of one working tree, read once each."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._specs: dict[str, object] = {}
        info = os.path.join(root, ".git", "info", "exclude")
        self._info = self._read(info)

    @staticmethod
    def _read(path: str):
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                return _spec(fh.read().splitlines())
        except OSError:
            return None

    def _spec_of(self, directory: str):
        if directory not in self._specs:
            self._specs[directory] = self._read(os.path.join(directory, ".gitignore"))
        return self._specs[directory]

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        path = os.path.abspath(path)
        if _rel(path, self.root) is None:
            return False
        # Every folder from the path's own up to the root may hold a .gitignore; the
        # deepest one that says something decides (Git's precedence), then info/exclude.
        d = os.path.dirname(path)
        while True:
            spec = self._spec_of(d)
            verdict = _verdict(spec, path, d, is_dir)
            if verdict is not None:
                return verdict
            if d == self.root:
                break
            d = os.path.dirname(d)
        return bool(_verdict(self._info, path, self.root, is_dir))


def _verdict(spec, path: str, base: str, is_dir: bool) -> Optional[bool]:
    if spec is None:
        return None
    rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
    result = spec.check_file(rel)
    return result.include


def _is_regular(path: str) -> bool:
    """A regular file (through symlinks), or one gone or unreadable meanwhile (linting it
    then says so)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def discover(paths: Iterable[str], extensions: Sequence[str], excluders: Optional[Sequence[Excluder]] = None,
             gitignore: bool = True) -> Iterator[str]:
    """Expand directories into report files (sorted); pass other paths through unless
    excluded. A path that does not exist is passed through so that linting it yields a
    clear E001.

    A walk takes regular files only: a FIFO, socket or device named like a report would
    block or never end (a FIFO named explicitly is read, as ``cat`` would)."""
    exts = tuple(e.lower() for e in extensions)
    rules = list(excluders) if excluders is not None else [Excluder()]

    def excluded(path: str, is_dir: bool = False, base: Optional[str] = None) -> bool:
        return any(e.excluded(path, is_dir, base) for e in rules)

    for path in paths:
        if not os.path.isdir(path):
            if not excluded(path):
                yield path
            continue
        root = git_root(path) if gitignore else None
        ignore = GitIgnore(root) if root else None
        found = []
        for parent, dirs, files in os.walk(path):
            dirs[:] = sorted(
                d for d in dirs
                if not d.startswith(".")
                and not excluded(os.path.join(parent, d), is_dir=True, base=path)
                and not (ignore and ignore.ignored(os.path.join(parent, d), is_dir=True)))
            for name in files:
                full = os.path.join(parent, name)
                if (name.lower().endswith(exts) and not name.startswith(".") and not is_project_document(name)
                        and not excluded(full, base=path)
                        and not (ignore and ignore.ignored(full)) and _is_regular(full)):
                    found.append(full)
        yield from sorted(found)
