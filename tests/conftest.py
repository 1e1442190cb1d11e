"""Session-wide test settings."""
from __future__ import annotations

import os

# gplint's result cache is off for the tests (a test that patches a rule in process must
# see it run); tests/test_cache.py turns it on in a temporary folder of its own.
os.environ.setdefault("GPLINT_NO_CACHE", "1")


def _examples_independent_of_imports() -> None:
    """Hypothesis (since 6.13x) also draws integers and strings from the constants it finds
    in the source of every local module imported so far. Which modules those are depends on
    what the process ran before (the whole suite, one directory, a lazily imported module),
    so the fixed (derandomized) examples of a property test changed with the selection and
    order of the tests: a failure seen in the whole suite could not be replayed alone. The
    suite's examples come from the strategies and the test's seed only.

    This uses a private name of Hypothesis: when it is gone, nothing is changed (and the
    examples may again depend on imports)."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:
        return
    constants = getattr(providers, "Constants", None)
    if constants is not None and hasattr(providers, "_get_local_constants"):
        none_local = constants()
        providers._get_local_constants = lambda: none_local


_examples_independent_of_imports()
