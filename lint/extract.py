"""``gplint extract --to DIR``: keep the texts of documents (PDF, DOCX, HTML) so that a
second pass lints them without extracting again.

Each input file ``P`` is written to ``DIR/P.txt`` (``reports/a.pdf`` ->
``DIR/reports/a.pdf.txt``; an absolute path keeps its folders under ``DIR``): exactly the
text that ``gplint`` lints for ``P``, so line numbers found in the kept text are those of
the document. A kept text newer than its document is not extracted again (an interrupted
extraction resumes); a file that cannot be read is reported on stderr and the others go on.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence


def kept_path(path: str, directory: str) -> str:
    """Where the text of ``path`` is kept under ``directory``."""
    relative = os.path.normpath(path).lstrip(os.sep)
    parts = [p for p in relative.split(os.sep) if p not in ("", ".", "..")]
    return os.path.join(directory, *parts[:-1], parts[-1] + ".txt")


def extract_to(paths: Sequence[str], directory: str, registry, max_bytes: int) -> tuple[int, int, int]:
    """Keep the text of every file of ``paths`` (folders walked); (written, up to date, failed)."""
    from .engine import read_source
    from .runner import discover
    from .sources import InputError

    documents = tuple(sorted(registry.readers))
    written = current = failed = 0
    for path in discover(paths, documents):
        target = kept_path(path, directory)
        try:
            if os.path.getmtime(target) >= os.path.getmtime(path):
                current += 1
                continue
        except OSError:
            pass
        try:
            source = read_source(path, registry, max_bytes)
        except InputError as exc:
            sys.stderr.write(f"gplint: {path}: {exc}\n")
            failed += 1
            continue
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(source.text)
        os.replace(temporary, target)  # never a half-written text that looks current
        written += 1
    return written, current, failed
