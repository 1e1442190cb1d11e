"""Session-wide test settings."""
from __future__ import annotations

import os

# gplint's result cache is off for the tests (a test that patches a rule in process must
# see it run); tests/test_cache.py turns it on in a temporary folder of its own.
os.environ.setdefault("GPLINT_NO_CACHE", "1")
