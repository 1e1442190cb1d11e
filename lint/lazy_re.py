"""Regular expressions compiled when first used, not when their module is imported.

The reader and the rules hold about 120 patterns at module level, and a cold
``gplint FILE`` (what a pre-commit hook runs on every commit) imports every rule module.
Compiling them all is a large share of that start-up, and linting a typical report uses
about half of them: a fee rule's patterns wait until a report speaks of fees, a crawled
page's until a page is read. So module-level patterns are written::

    from gplint.lazy_re import lazy_compile

    _YEAR = lazy_compile(r"(\\d{4})\\s*年")

and used exactly like the :class:`re.Pattern` ``re.compile`` would give
(``_YEAR.search(text)``, ``_YEAR.pattern``): the first attribute read compiles the
pattern, once, and each attribute read is kept on the object, so later calls cost what a
compiled pattern's calls cost. A syntax error in a pattern shows on its first use, which
the tests reach for every pattern (``tests/test_lazy_re.py``).

The object is not an ``re.Pattern``: hand ``pattern.compiled`` to code that needs the
real one (``re.sub(_X, …)`` with a lazy ``_X`` would fail; write ``_X.sub(…)``).
"""
from __future__ import annotations

import re
from typing import Any, Union

#: Every pattern made by :func:`lazy_compile`, in order (for the test that compiles them all).
MADE: list["LazyPattern"] = []


class LazyPattern:
    """``re.compile(pattern, flags)``, done at the first attribute read."""

    def __init__(self, pattern: Union[str, bytes], flags: int = 0) -> None:
        self._source = (pattern, flags)

    @property
    def compiled(self) -> re.Pattern:
        """The compiled :class:`re.Pattern` (compiled now if it was not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = self.__dict__["_compiled"] = re.compile(*self._source)
        return found

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute the object does not have yet: the first read of
        # ``search``, ``pattern``… Kept, so the next read is a plain attribute.
        if name.startswith("__"):  # copy, pickle and friends probing for hooks
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple:
        return LazyPattern, self._source  # the source, not the compiled state

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: Union[str, bytes], flags: int = 0) -> LazyPattern:
    """A pattern compiled on first use; see the module's documentation."""
    made = LazyPattern(pattern, flags)
    MADE.append(made)
    return made
