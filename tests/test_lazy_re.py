"""The module-level patterns compiled on first use (gplint.lazy_re)."""
from __future__ import annotations

import copy
import importlib
import pickle
import pkgutil
import re

import pytest

import gplint
import gplint.rules
from gplint.lazy_re import MADE, LazyPattern, lazy_compile


def _import_everything() -> None:
    for package in (gplint, gplint.rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".serve" in info.name or info.name.endswith("__main__"):
                continue  # the page's optional web stack (its own tests import it); `python -m`
            importlib.import_module(info.name)


def test_every_module_level_pattern_compiles():
    """A typo in a pattern would otherwise show only when a report first reaches it."""
    _import_everything()
    assert len(MADE) > 100  # the reader's and the rules' patterns are lazy
    for pattern in MADE:
        assert isinstance(pattern.compiled, re.Pattern), pattern


def test_used_like_a_compiled_pattern():
    lazy = lazy_compile(r"(?P<y>\d{4})\s*年", re.ASCII)
    real = re.compile(r"(?P<y>\d{4})\s*年", re.ASCII)
    assert "_compiled" not in lazy.__dict__  # nothing compiled until it is used
    text = "2023年和 2024 年"
    assert lazy.search(text).group("y") == real.search(text).group("y")
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("Y", text) == real.sub("Y", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (real.pattern, real.flags, real.groupindex)
    assert lazy.compiled is lazy.compiled  # compiled once


def test_a_bad_pattern_fails_when_used():
    lazy = lazy_compile("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


def test_copies_and_pickles_keep_the_pattern():
    lazy = lazy_compile(r"\d+件")
    lazy.search("3件")  # compiled and with cached methods: still copied by its source
    for other in (pickle.loads(pickle.dumps(lazy)), copy.deepcopy(lazy), copy.copy(lazy)):
        assert isinstance(other, LazyPattern)
        assert other.findall("1件 22件") == ["1件", "22件"]
