"""Fixtures for the integration tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from ._util import CLEAN_SEED


@pytest.fixture
def draft_report(tmp_path: Path) -> Path:
    """A real report (seed 001) with one drafting marker that X901 reports on line 5."""
    lines = CLEAN_SEED.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4] + "待补充"
    p = tmp_path / "年报 目录" / "报告: 2024.txt"
    p.parent.mkdir()
    p.write_text("\n".join(lines), encoding="utf-8")
    return p
