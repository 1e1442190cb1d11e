"""The ``gplint`` console script (and ``python -m gplint``).

A Ctrl-C while the program is still being imported (its first ≈ 100 ms) ends it as one
during the run does: one line, exit 130, no traceback. This module imports nothing of
gplint's before it can catch that; :func:`gplint.cli.run` takes over once it is imported.
"""
from __future__ import annotations

import sys
from typing import NoReturn

#: gplint.workers.EXIT_INTERRUPTED, not imported from there: importing is what is guarded.
_EXIT_INTERRUPTED = 130


def run() -> NoReturn:
    try:
        from .cli import run as run_cli
    except KeyboardInterrupt:
        sys.stderr.write("gplint: interrupted\n")
        sys.exit(_EXIT_INTERRUPTED)
    run_cli()
