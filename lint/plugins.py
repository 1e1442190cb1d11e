"""The plugin host: loads rules, formatters, readers and profiles through pluggy.

Built-in bundles register through the ``gplint`` entry-point group exactly as third-party
packages do. A plugin that fails to load stops the run: a silently missing compliance rule
means silently missing findings.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

import pluggy

from . import hookspecs
from .diagnostics import CATEGORIES, SEVERITIES, Rule
from .entry_points import read_entry_points


class PluginError(Exception):
    """A plugin could not be loaded or declares something invalid (exit code 2)."""


BUILTIN_PROFILES: dict[str, dict] = {
    "default": {},
    "strict": {"extends": "default"},
}


@dataclass
class Registry:
    """What the loaded plugins provide: rules by code, formatters, readers and profiles by name."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    formatters: dict[str, Callable] = field(default_factory=dict)
    readers: dict[str, Callable] = field(default_factory=dict)
    profiles: dict[str, dict] = field(default_factory=dict)
    #: Memo of :func:`gplint.engine.select_rules` (a batch asks the same question for every
    #: file); keyed by everything the answer depends on, so changing the registry is safe.
    _selections: dict = field(default_factory=dict, repr=False, compare=False)

    def sorted_rules(self) -> list[type[Rule]]:
        return [self.rules[c] for c in sorted(self.rules)]

    def rule_by_code_or_name(self, ident: str) -> Optional[type[Rule]]:
        ident_u = ident.upper()
        if ident_u in self.rules:
            return self.rules[ident_u]
        for r in self.rules.values():
            if r.name == ident:
                return r
        return None


def _manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("gplint")
    pm.add_hookspecs(hookspecs)
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    eps = read_entry_points("gplint")
    if eps is None:  # a path or finder the quick reading does not cover
        from importlib.metadata import entry_points

        eps = entry_points(group="gplint")
    seen = set()
    for ep in sorted(eps, key=lambda e: (e.name, e.value)):
        if (ep.name, ep.value) in seen:
            continue
        seen.add((ep.name, ep.value))
        try:
            plugin = ep.load()
        except Exception as exc:  # noqa: BLE001 - any import failure names the plugin
            raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}") from None
        if pm.is_registered(plugin):
            continue
        pm.register(plugin, name=f"ep:{ep.name}")


def load_module_from_path(path: str) -> object:
    """Import a local rule module (``plugins = ["./my_rules.py"]`` in the configuration)."""
    if not os.path.exists(path):
        raise PluginError(f"plugin module {path!r} not found")
    name = "gplint_local_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise PluginError(f"plugin module {path!r} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    try:
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001
        sys.modules.pop(name, None)
        raise PluginError(f"plugin module {path!r} failed to load: {type(exc).__name__}: {exc}") from None
    return module


def _validate_rule(cls: type, source: str) -> None:
    import re

    if not (isinstance(cls, type) and issubclass(cls, Rule)):
        raise PluginError(f"{source}: {cls!r} is not a gplint.Rule subclass")
    if not re.fullmatch(r"[A-Z][0-9]{3}", cls.code or ""):
        raise PluginError(f"{source}: rule {cls.__name__} has invalid code {cls.code!r} (a letter and three digits)")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cls.name or ""):
        raise PluginError(f"{source}: rule {cls.code} has invalid name {cls.name!r} (kebab case)")
    if cls.category not in CATEGORIES:
        raise PluginError(f"{source}: rule {cls.code} has unknown category {cls.category!r}")
    if cls.severity not in SEVERITIES:
        raise PluginError(f"{source}: rule {cls.code} has unknown severity {cls.severity!r}")


def build_registry(extra_plugins: Iterable[object] = (), *, entry_points: bool = True) -> Registry:
    """Load every plugin and collect what they provide, sorted so order never matters."""
    pm = _manager()
    if entry_points:
        _load_entry_points(pm)
    for i, plugin in enumerate(extra_plugins):
        if not pm.is_registered(plugin):
            pm.register(plugin, name=f"extra:{i}:{getattr(plugin, '__name__', type(plugin).__name__)}")
    reg = Registry(profiles={k: dict(v) for k, v in BUILTIN_PROFILES.items()})
    for impl in pm.hook.gplint_rules.get_hookimpls():
        source = impl.plugin_name
        try:
            classes = impl.function() or []
        except Exception as exc:  # noqa: BLE001
            raise PluginError(f"plugin {source!r}: gplint_rules() failed: {type(exc).__name__}: {exc}") from None
        for cls in classes:
            _validate_rule(cls, source)
            other = reg.rules.get(cls.code)
            if other is not None and other is not cls:
                raise PluginError(f"rule code {cls.code} is defined twice ({other.__module__} and {cls.__module__})")
            reg.rules[cls.code] = cls
    for hook, target in (("gplint_formatters", reg.formatters), ("gplint_readers", reg.readers),
                         ("gplint_profiles", reg.profiles)):
        for impl in getattr(pm.hook, hook).get_hookimpls():
            try:
                provided = impl.function() or {}
            except Exception as exc:  # noqa: BLE001
                raise PluginError(f"plugin {impl.plugin_name!r}: {hook}() failed: {type(exc).__name__}: {exc}") from None
            target.update(provided)
    return reg


#: Registries built by :func:`shared_registry`, by plugin set (bounded: a process uses a few).
_SHARED: dict[tuple[str, ...], Registry] = {}


def shared_registry(plugin_paths: Sequence[str] = ()) -> Registry:
    """The registry of the installed plugins plus these local plugin modules, built once per
    process and plugin set (building one loads every rule module: ≈ 6 ms, three times the
    lint of a report).

    Callers share it: read it, do not change it. Entry points are read when a plugin set is
    first asked for; a process that installs a plugin package afterwards calls
    :func:`clear_shared_registries`."""
    key = tuple(os.path.abspath(p) for p in plugin_paths)
    registry = _SHARED.get(key)
    if registry is None:
        registry = build_registry([load_module_from_path(p) for p in key])
        if len(_SHARED) >= 8:
            _SHARED.clear()
        _SHARED[key] = registry
    return registry


def clear_shared_registries() -> None:
    """Forget the registries :func:`shared_registry` built (the next call builds anew)."""
    _SHARED.clear()
