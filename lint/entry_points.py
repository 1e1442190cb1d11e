"""The entry points of one group, read from the metadata directories on ``sys.path``
without importing :mod:`importlib.metadata`.

Importing ``importlib.metadata`` (it brings ``email``, ``zipfile``, ``csv``, ``inspect`` …)
and letting it scan every distribution cost about a seventh of a ``gplint`` process's
start-up, all to learn the name and value of the few entry points in the ``gplint`` group.
:func:`read_entry_points` repeats what ``importlib.metadata.entry_points(group=...)`` does
(Python 3.11 to 3.13 agree on every step below; on 3.10, whose distribution names
are not normalised the same way, it always defers) for the common case: plain directories on
the path, searched by the standard :class:`importlib.machinery.PathFinder`, with
``*.dist-info`` and ``*.egg-info`` directories whose names give the distribution's name.
For anything else it answers None and the caller asks ``importlib.metadata`` itself, so a
plugin is found (or its error raised) exactly as before.
"""
from __future__ import annotations

import os
import re
import sys
from importlib import import_module
from importlib.machinery import PathFinder
from typing import NamedTuple, Optional, Sequence

from .lazy_re import lazy_compile
# importlib.metadata.EntryPoint.pattern: what ``load`` accepts as ``module:attr [extras]``.
_VALUE_PATTERN = r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$"
# importlib.metadata.Prepared.normalize: PEP 503 with dashes as underscores.
_NAME_SEPARATORS = lazy_compile(r"[-_.]+")
# The errors PathDistribution.read_text takes for "this distribution has no such file".
_NO_FILE = (FileNotFoundError, IsADirectoryError, KeyError, NotADirectoryError, PermissionError)


class EntryPoint(NamedTuple):
    """One entry point of the group asked for: what ``gplint`` reads of
    ``importlib.metadata.EntryPoint``."""

    name: str
    value: str

    def load(self) -> object:
        """The object named by the value, as ``importlib.metadata.EntryPoint.load`` finds
        it (and failing as it fails, for a value it cannot read)."""
        match = re.match(_VALUE_PATTERN, self.value)
        obj = import_module(match.group("module"))  # type: ignore[union-attr]
        for attr in (match.group("attr") or "").split("."):  # type: ignore[union-attr]
            if attr:
                obj = getattr(obj, attr)
        return obj


def _normalise(name: str) -> str:
    return _NAME_SEPARATORS.sub("-", name).lower().replace("-", "_")


def read_entry_points(group: str, path: Optional[Sequence[str]] = None) -> Optional[list[EntryPoint]]:
    """The entry points in ``group`` of every distribution on ``path`` (default
    ``sys.path``), as ``importlib.metadata.entry_points(group=group)`` lists them; None
    when that answer might differ from this reading (then ask ``importlib.metadata``).
    """
    if sys.version_info < (3, 11):
        return None  # 3.10 keys distributions by their raw stems: let importlib.metadata answer
    # Any other finder that lists distributions adds ones this reading cannot see (the
    # importlib_metadata backport, once imported, even takes over from PathFinder).
    if getattr(PathFinder, "find_distributions", None) is None or PathFinder not in sys.meta_path:
        return None
    for finder in sys.meta_path:
        if finder is not PathFinder and getattr(finder, "find_distributions", None) is not None:
            return None
    seen: set[str] = set()  # normalised names: the first distribution of a name hides the rest
    found: list[EntryPoint] = []
    for root in sys.path if path is None else path:
        if not isinstance(root, str):
            return None
        try:
            children = os.listdir(root or ".")
        except Exception:  # noqa: BLE001 - importlib.metadata suppresses them all too
            # importlib.metadata then reads the entry as a zip file; a missing entry is skipped.
            if os.path.isfile(root):
                return None
            continue
        if os.path.basename(root).lower().endswith(".egg") and any(c.lower() == "egg-info" for c in children):
            return None  # an unpacked egg: its name comes from PKG-INFO
        # importlib.metadata's Lookup: metadata directories grouped by the normalised name
        # in the lower-cased directory name, groups in order of first appearance.
        by_name: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                by_name.setdefault(_normalise(low.rpartition(".")[0].partition("-")[0]), []).append(child)
        for child in (c for same in by_name.values() for c in same):
            # PathDistribution._normalized_name: from the directory's own name when that
            # ends exactly so, else from the METADATA file (which this reading does not parse).
            stem, ext = os.path.splitext(child)
            if ext not in (".dist-info", ".egg-info"):
                return None
            name = _normalise(stem.partition("-")[0])
            if not name:
                return None
            if name in seen:
                continue
            seen.add(name)
            try:
                with open(os.path.join(root, child, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except _NO_FILE:
                continue
            except Exception:  # noqa: BLE001 - e.g. undecodable: importlib.metadata raises it
                return None
            entries = _group_entries(text, group)
            if entries is None:
                return None
            found.extend(entries)
    return found


def _group_entries(text: str, group: str) -> Optional[list[EntryPoint]]:
    """The entries of ``[group]`` in an ``entry_points.txt``, read as importlib.metadata's
    ``Sectioned.section_pairs`` reads it; None for a line it would fail on (an entry
    without ``=``, in any section), whatever the group."""
    section = None
    out: list[EntryPoint] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue  # before any section: importlib.metadata never parses it
        name, equals, value = line.partition("=")
        if not equals:
            return None
        if section == group:
            out.append(EntryPoint(name.strip(), value.strip()))
    return out
