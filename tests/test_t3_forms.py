"""Table 三 as sentences (kv) or turned (transposed): read exactly, or one T190 naming the
form, never a missing-table error or row errors (gplint.reader.t3_forms)."""
from __future__ import annotations

from pathlib import Path

import gplint
from gplint.grammar import tokenise
from gplint.reader.flattened import segments

FAMILIES = Path(__file__).parent / "layouts" / "texts" / "families"
KV = (FAMILIES / "t3-kv.txt").read_text(encoding="utf-8")
TURNED = (FAMILIES / "t3-transposed.txt").read_text(encoding="utf-8")
R01_KV = "一、本年新收政府信息公开申请数量：自然人705，商业企业3，科研机构0，社会公益组织0，法律服务机构5，其他0，总计713。"


def _table_findings(text: str) -> list:
    return [d for d in gplint.lint_text(text) if d.category in ("arithmetic", "table") and d.severity != "info"]


def _t190(text: str) -> list:
    return [d for d in gplint.lint_text(text) if d.code == "T190"]


def test_kv_sentences_are_read_on_their_lines():
    report = gplint.parse(KV)
    row = report.t3.rows["R01"]
    assert [c.value for c in row.cells] == [705, 3, 0, 0, 5, 0, 713]
    line = KV.splitlines().index(R01_KV) + 1
    assert all(c.span.line == line for c in row.cells)
    assert report.t3.layout == "kv"
    assert not _table_findings(KV) and not _t190(KV)


def test_kv_column_left_out_is_not_given_not_zero():
    text = KV.replace(R01_KV, "一、本年新收政府信息公开申请数量：自然人705，商业企业3，法律服务机构5，总计713。")
    row = gplint.parse(text).t3.rows["R01"]
    assert [c.value for c in row.cells] == [705, 3, None, None, 5, None, 713]


def test_kv_sentence_with_an_unknown_column_is_one_t190():
    text = KV.replace("商业企业3，", "个体工商户3，", 1)
    notes = _t190(text)
    assert len(notes) == 1 and notes[0].key == "t3" and "逐行书写" in notes[0].message
    assert not _table_findings(text)  # no T101 "missing", no row errors
    assert all(v is None for r in gplint.parse(text).t3.rows.values() for v in (c.value for c in r.cells))


def test_kv_a_few_sentences_in_prose_are_not_a_table():
    """One such sentence is prose: the grid reading stays (here: the table is missing)."""
    lines = [l for l in KV.splitlines() if "：自然人" not in l or l == R01_KV]
    report = gplint.parse("\n".join(lines))
    assert report.t3 is None or report.t3.layout != "kv"


def test_transposed_table_is_read():
    report = gplint.parse(TURNED)
    assert report.t3.layout == "transposed"
    assert [c.value for c in report.t3.rows["R01"].cells] == [705, 3, 0, 0, 5, 0, 713]
    assert [c.value for c in report.t3.rows["R25"].cells] == [31, 0, 0, 0, 0, 0, 31]
    lines = TURNED.splitlines()
    # Each cell on its applicant type's line.
    assert report.t3.rows["R01"].cells[1].span.line == next(k for k, l in enumerate(lines, 1) if l.startswith("商业企业\t"))
    assert not _table_findings(TURNED) and not _t190(TURNED)


def test_transposed_line_with_a_value_missing_is_one_t190():
    lines = TURNED.splitlines()
    k = next(k for k, l in enumerate(lines) if l.startswith("科研机构\t"))
    lines[k] = lines[k].rsplit("\t", 1)[0]
    text = "\n".join(lines) + "\n"
    notes = _t190(text)
    assert len(notes) == 1 and notes[0].key == "t3" and "行列互换" in notes[0].message
    assert not _table_findings(text)


def test_a_long_tab_row_is_not_cut_as_a_flattened_page():
    header = next(l for l in TURNED.splitlines() if l.startswith("申请人情况\t"))
    assert len(header) >= 300
    assert len(segments(tokenise(header)[0])) == 1
