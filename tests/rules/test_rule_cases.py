"""Per-rule cases of the prose checks: a fragment (embedded in the example report by
gplint.fragments: 新收 4, 上年结转 1, 办结 4, 结转 1, 予以公开 2, 复议 1, 规范性文件 1/0/5) and the
``line:col CODE`` it must yield, or None when it must pass."""
from __future__ import annotations

from typing import Optional

import pytest

from gplint.fragments import embed
from gplint.testing import lint_with

CASES: list[tuple[str, str, Optional[str]]] = [
    ("N101", "（二）依申请公开。全年共收到政府信息公开申请6件。", '8:23 N101'),
    ("N101", "（二）依申请公开。全年共收到政府信息公开申请4件。", None),
    ("N101", "（二）依申请公开。本年度受理政府信息公开申请七件。", '8:23 N101'),
    ("N101", "（二）依申请公开。本年度受理政府信息公开申请五件。", None),
    ("N101", "（二）依申请公开。全年办结政府信息公开申请4件，结转下年度2件。", '8:30 N101'),
    ("N101", "（二）依申请公开。全年办结政府信息公开申请4件，结转下年度1件。", None),
    ("N102", "（二）依申请公开。全年共收到申请4件，均已办结。", '8:20 N102'),
    ("N102", "（二）依申请公开。全年共收到申请4件，均在法定期限内答复。", None),
    ("N103", "（二）依申请公开。全年行政复议、行政诉讼案件各1件。", '8:23 N103'),
    ("N103", "（二）依申请公开。全年行政复议1件，无行政诉讼。", None),
    ("N104", "（二）依申请公开。全年收到申请4件，其中1件予以公开。", '8:21 N104'),
    ("N104", "（二）依申请公开。全年收到申请4件，其中2件予以公开。", None),
    ("N104", "（二）依申请公开。全年办结4件，予以公开2件，占25%。", '8:21 N104'),
    ("N104", "（二）依申请公开。全年办结4件，予以公开2件，占50%。", None),
    ("N107", "（二）依申请公开。全年收到申请4件，其中法人或其他组织申请2件。", '8:30 N107'),
    ("N107", "（二）依申请公开。全年收到申请4件，其中法人或其他组织申请1件。", None),
    ("N108", "（二）依申请公开。全年行政复议1件，已被纠错。", '8:19 N108'),
    ("N108", "（二）依申请公开。全年行政复议1件，结果维持。", None),
    ("N110", "（二）依申请公开。现行有效的行政规范性文件6件。", '8:22 N110'),
    ("N110", "（二）依申请公开。现行有效的行政规范性文件5件。", None),
    ("N111", "（二）依申请公开。第一，规范受理；第二，严格审查；第四，及时答复。", '8:26 N111'),
    ("N111", "（二）依申请公开。第一，规范受理；第二，严格审查；第三，及时答复。", None),
    ("D104", "（二）依申请公开。2023年共收到政府信息公开申请4件，办结4件。", '8:10 D104'),
    ("D104", "（二）依申请公开。2024年共收到政府信息公开申请4件，办结4件。", None),
]


@pytest.mark.parametrize("code, fragment, expected", CASES)
def test_rule_case(code: str, fragment: str, expected: Optional[str]) -> None:
    text, _ = embed("…\n" + fragment)
    got = [f"{d.span.line}:{d.span.column} {d.code}" for d in lint_with(text, [code])]
    assert got == ([expected] if expected else [])
