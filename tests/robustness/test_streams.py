"""Inputs that are not regular files (issue 16, items 9 and 10): stdin is never read past
the size limit, and a FIFO met in a walked folder is passed over instead of blocking."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gplint.runner import discover
from gplint.sources import read_stream

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GPLINT = [sys.executable, "-m", "gplint"]


class _Endless:
    """A stream that never ends (``/dev/zero``), counting what is read from it."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "read whole: would never return"
        self.given += n
        return b"\0" * n


def test_a_stream_is_read_only_up_to_one_byte_past_the_limit():
    endless = _Endless()
    data = read_stream(endless, 5 * 1024 * 1024)
    assert len(data) == 5 * 1024 * 1024 + 1 == endless.given


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_on_stdin_is_refused_as_too_large(tmp_path):
    """Before: read whole before the size check, MemoryError traceback (300 MB: 326 MB RSS)."""
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(GPLINT + ["--format", "json", "--max-size", "2", "-"], stdin=zero,
                              capture_output=True, timeout=120)
    found = json.loads(proc.stdout)
    assert [d["code"] for d in found] == ["E001"] and "too large" in found[0]["message"], proc.stderr
    assert b"Traceback" not in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_walked_folder_is_passed_over(tmp_path):
    """Before: opening it blocked until --timeout (60 s), for ever with --timeout 0."""
    (tmp_path / "a.txt").write_bytes((CORPUS / "001_98c801d9a8639466.txt").read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    assert list(discover([str(tmp_path)])) == [str(tmp_path / "a.txt")]
    proc = subprocess.run(GPLINT + ["--format", "json", "--timeout", "0", str(tmp_path)],
                          capture_output=True, timeout=120)
    assert proc.returncode in (0, 1) and "pipe.txt" not in proc.stdout.decode(), proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_explicitly_is_read(tmp_path):
    """As ``gplint <(cat report.txt)`` does: the user asked for it, it is read like stdin."""
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(GPLINT + ["--format", "json", str(fifo)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    with open(fifo, "wb") as fh:
        fh.write((CORPUS / "001_98c801d9a8639466.txt").read_bytes())
    out, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 1) and all(d["code"][0] != "E" for d in json.loads(out)), err
