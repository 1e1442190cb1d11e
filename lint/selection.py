"""Checking ``select`` / ``ignore`` values before anything runs.

A pattern that matches no rule (``--select Q999``, ``select = ["A10l"]``) would make a
compliance gate that silently runs nothing and passes: it is a usage error (exit 2) naming
the value, where it came from, and the nearest known values.

A pattern is matched as :func:`gplint.engine.select_rules` matches it: ``ALL``, a rule's
name or category (exact), or a prefix of a rule's code (any case).
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence


_LOOKALIKES = str.maketrans({"L": "1", "I": "1", "O": "0"})


class SelectionError(Exception):
    """A ``select``/``ignore`` value that matches no rule (exit 2)."""


def _vocabulary(rules: Iterable[Any]) -> tuple[set[str], set[str], set[str]]:
    codes, names, categories = set(), set(), set()
    for r in rules:
        codes.add(r.code.upper())
        names.add(r.name)
        categories.add(r.category)
    return codes, names, categories


def matches_some_rule(pattern: str, rules: Iterable[Any]) -> bool:
    p = pattern.strip()
    if p.upper() == "ALL":
        return True
    codes, names, categories = _vocabulary(rules)
    return p in names or p in categories or any(c.startswith(p.upper()) for c in codes)


def suggestions(pattern: str, rules: Iterable[Any], n: int = 3) -> list[str]:
    """The known codes, names or categories closest to ``pattern`` (best first)."""
    import difflib  # only when something is mistyped

    codes, names, categories = _vocabulary(rules)
    p = pattern.strip()
    # Letters typed for the digits they look like (A10l, T1O2) first.
    fixed = p.upper()[:1] + p.upper()[1:].translate(_LOOKALIKES)
    close = [c for c in sorted(codes) if c == fixed] if fixed != p.upper() else []
    close += difflib.get_close_matches(p.upper(), sorted(codes), n=n, cutoff=0.5)
    close += difflib.get_close_matches(p, sorted(names | categories), n=n, cutoff=0.6)
    # A lower-cased name or category: the case is the only mistake.
    close += [w for w in sorted(names | categories) if w.lower() == p.lower() and w != p]
    seen: list[str] = []
    for w in close:
        if w not in seen:
            seen.append(w)
    return seen[:n]


def check_patterns(patterns: Optional[Sequence[str]], rules: Sequence[Any], source: str) -> None:
    """Raise :class:`SelectionError` for the first pattern that matches no rule.

    ``source`` says where the values come from (``--select``, ``gplint.toml: key 'ignore'``)."""
    for pattern in patterns or ():
        if not pattern.strip() or matches_some_rule(pattern, rules):
            continue
        near = suggestions(pattern, rules)
        hint = f" (did you mean {' or '.join(repr(w) for w in near)}?)" if near else ""
        raise SelectionError(f"{source}: unknown rule code, prefix, name or category {pattern!r}{hint}; "
                             "see 'gplint rules'")


def check_config(cfg: Any, rules: Sequence[Any]) -> None:
    """Every ``select``, ``ignore`` and ``per-file-ignores`` value of one configuration."""
    if cfg is None or cfg.path is None:
        return
    check_patterns(cfg.select, rules, f"{cfg.path}: key 'select'")
    check_patterns(cfg.ignore, rules, f"{cfg.path}: key 'ignore'")
    for glob, codes in cfg.per_file_ignores:
        check_patterns(codes, rules, f"{cfg.path}: key 'per-file-ignores.{glob}'")


def check_run(settings: Any, registry: Any, paths: Iterable[str]) -> None:
    """The command line's values, then those of every configuration governing a file of
    the run (each configuration once)."""
    rules = list(registry.rules.values())
    check_patterns(settings.cli.get("select"), rules, "--select")
    check_patterns(settings.cli.get("ignore"), rules, "--ignore")
    seen: set = set()
    for cfg in [settings.config] + [settings.config_for(p) for p in paths]:
        if cfg.path not in seen:
            seen.add(cfg.path)
            check_config(cfg, rules)
