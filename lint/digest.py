"""SHA-256 for fingerprints and cache keys, without loading OpenSSL.

The interpreter's own SHA-256 (module ``_sha2`` from Python 3.12, ``_sha256`` before)
gives the same digest as :func:`hashlib.sha256`; importing ``hashlib`` initialises OpenSSL,
which costs a cold ``gplint FILE`` about 2 ms (bench/README.md). Builds without the
built-in hashes fall back to ``hashlib``.
"""
from __future__ import annotations

try:
    from _sha2 import sha256
except ImportError:
    try:
        from _sha256 import sha256  # type: ignore[no-redef]
    except ImportError:  # pragma: no cover - a build without the built-in hashes
        from hashlib import sha256  # type: ignore[no-redef]

__all__ = ["sha256"]
