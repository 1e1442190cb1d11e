"""A table 三 with figures in several rows, (六)'s first sub-row among them (so that its
three sub-rows differ; every identity holds), for layout tests that print it their own
way, put it in the example report and read it back."""
from __future__ import annotations

from gplint.testing import example_report, table_read, with_table

SAMPLE_T3 = {"R01": (4, 1, 0, 0, 0, 0, 5), "R02": (1, 0, 0, 0, 0, 0, 1), "R03": (2, 0, 0, 0, 0, 0, 2),
             "R04": (1, 0, 0, 0, 0, 0, 1), "R13": (0, 1, 0, 0, 0, 0, 1), "R21": (1, 0, 0, 0, 0, 0, 1),
             "R24": (4, 1, 0, 0, 0, 0, 5), "R25": (1, 0, 0, 0, 0, 0, 1)}
ZERO_ROW = (0,) * 7


def report_with(table: list[str]) -> str:
    """The example report (with :data:`SAMPLE_T3`'s figures) with table 三 printed as ``table``."""
    return with_table(example_report(t3=SAMPLE_T3), "S3", "\n".join(table))


def t3_read(text: str) -> dict:
    return table_read(text, "t3")


def wanted(key: str) -> dict:
    """Row ``key`` of :data:`SAMPLE_T3` as ``gplint dump`` writes a row."""
    return {f"C{k + 1}": v for k, v in enumerate(SAMPLE_T3.get(key, ZERO_ROW))}
