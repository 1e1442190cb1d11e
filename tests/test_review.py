"""The review report (``--format html``) and its table (``--format csv``), and the views
they are made of: agency and year from the title, findings grouped by section, marks on
the text."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

from gplint.engine import LintOptions, lint_file
from gplint.plugins import build_registry
from gplint.review.render import marked_text_html
from gplint.review.view import agency_of, build_view

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MUDANJIANG = EXAMPLES / "mudanjiang-devzone-2024.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gplint", *args], capture_output=True, timeout=300)


def test_agency_from_the_title() -> None:
    assert agency_of("牡丹江市发展和改革委员会2024年政府信息公开工作年度报告") == "牡丹江市发展和改革委员会"
    assert agency_of("沐阳县人民政府 2025 年 政府信息公开工作年度报告") == "沐阳县人民政府"
    assert agency_of("运城市科学技术局2024 年度政府信息公开工作年度报告") == "运城市科学技术局"
    assert agency_of("《某区教育局2023年度政府信息公开年报》") == "某区教育局"
    assert agency_of("政府信息公开工作年度报告格式模板") == ""
    assert agency_of("国家税务总局某市税务局关于2024年度政府信息公开工作年度报告") == "国家税务总局某市税务局"
    assert agency_of("某县农业农村局政府信息公开工作年度报告（2023年）") == "某县农业农村局"


def test_csv_has_a_row_a_report() -> None:
    proc = run(str(EXAMPLES), "--format", "csv", "-q")
    assert proc.returncode == 1
    text = proc.stdout.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel and WPS need the BOM for Chinese
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    names = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md") and p.stem != "README")
    assert sorted(Path(r["文件"]).name for r in rows) == names
    mudanjiang = next(r for r in rows if r["文件"].endswith(MUDANJIANG.name))
    diags = lint_file(str(MUDANJIANG), build_registry(), LintOptions()).diagnostics
    assert int(mudanjiang["错误"]) == sum(d.severity == "error" for d in diags)
    assert int(mudanjiang["警告"]) == sum(d.severity == "warning" for d in diags)
    assert mudanjiang["单位"] == "牡丹江经济技术开发区管理委员会" and mudanjiang["年度"] == "2024"
    assert mudanjiang["最主要问题代码"] == "T102" and mudanjiang["最主要问题行"] == "32"


def test_html_page_is_self_contained_and_complete(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    proc = run(str(EXAMPLES), str(broken), "--format", "html", "-q")
    page = proc.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from elsewhere
    assert "<script src" not in page and "<link" not in page
    assert page.count('<details class="doc"') == 5
    assert "无法检查" in page and "not a valid DOCX file" in page
    # Per-rule overview and charts name every rule that fired, with its count.
    diags = lint_file(str(MUDANJIANG), build_registry(), LintOptions()).diagnostics
    for d in diags:
        assert f'data-rule="{d.code}"' in page
    assert "按规则统计的问题数" in page and "按类别统计的问题数" in page
    # The explanations the page opens are embedded.
    assert '"A101": {"code": "A101", "name": "t3-cell-breaks-identities"' in page


def test_an_empty_run_is_a_page_too(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text((EXAMPLES / "shuyang-2025-ocr.md").read_text(encoding="utf-8"), encoding="utf-8")
    proc = run(str(clean), "--format", "html", "-q")
    assert proc.returncode == 0
    page = proc.stdout.decode("utf-8")
    assert "没有发现问题" in page and "未发现问题" in page


def test_marks_on_line_and_cell() -> None:
    text = "第一行\n（七）总计\t1\t0\t1\n第三行"
    from gplint.diagnostics import Diagnostic, Related
    from gplint.model import Span

    def diag(code, span, severity="error", related=()):
        return Diagnostic(code, "n", "arithmetic", severity, f"{code} 说明", span, "x.txt", related=tuple(related))

    d1 = diag("A101", Span(2, 7, 2, 8), related=[Related(Span(2, 11, 2, 12))])
    d2 = diag("X1", Span(2, 1, 2, 0), "info")   # a point: its character is marked
    d3 = diag("X2", Span(9, 1))                # past the end: the last line holds it
    view = build_view("x.txt", text, [d3, d1, d2], None)
    html = marked_text_html(view, "p-")
    line2 = re.search(r'id="p-L2".*?</div>', html).group(0)
    assert '<mark class="m sev-info" data-f="1"' in line2 and ">（</mark>" in line2
    assert re.search(r'<mark class="m sev-error" data-f="2"[^>]*>1</mark>', line2)
    assert '<mark class="r" data-r="2">1</mark>' in line2
    assert 'id="p-L3"' in html and "X2 说明" in html.split('id="p-L3"')[1]
    assert [f.group for f in view.findings] == ["front", "front", "front"]


def test_every_rule_explains_itself_in_chinese() -> None:
    import unicodedata

    from gplint.rules import builtin_rules

    for rule in builtin_rules():
        text = rule.explanation
        assert sum(unicodedata.name(ch, "").startswith("CJK UNIFIED") for ch in text) >= 4, rule.code
        assert text.endswith("。"), rule.code
