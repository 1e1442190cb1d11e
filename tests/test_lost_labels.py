"""A row label lost in PDF text (garbled by extraction) does not move any cell: in a
pdfminer column stream the rows are then placed by the format's order."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gplint import parse
from gplint.dump import report_to_dict
from gplint.labels import T3_STANDARD_LABELS

CORPUS = Path(__file__).parent / "corpus"
STREAMS = ["govnianbao_huaian-city-2024_pdfminer.txt", "kiro_hongze-2023_pdfminer.txt", "kiro_hongze-2024_pdfminer.txt",
           "001_98c801d9a8639466.txt", "003_40d59da40b55d807.txt"]


def _cores(text: str):
    for key, label in T3_STANDARD_LABELS.items():
        core = re.sub(r"^[（(]?[一二三四五六七八九十0-9]+[)）、.．]", "", label)[:6]
        if len(core) >= 4 and text.count(core) == 1:
            yield key, core


@pytest.mark.parametrize("name", STREAMS)
def test_one_lost_row_label_moves_no_cell(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    want = report_to_dict(parse(text))["t3"]
    tried = 0
    for key, core in _cores(text):
        garbled = text.replace(core, "□" * len(core))
        got = report_to_dict(parse(garbled))["t3"]
        assert got == want, f"{name}: label of {key} lost"
        tried += 1
    assert tried >= 15
