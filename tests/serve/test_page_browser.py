"""``gplint serve`` end to end in a real headless browser (Debian's chromium, Selenium):
a clerk chooses or drops files or pastes text, reads the findings by section beside the
marked text, opens a rule's explanation, switches to the strict rules, downloads the result.
"""
from __future__ import annotations

import html
import json
import time
from pathlib import Path

import pytest

from .conftest import DOCUMENTS, EXAMPLES

pytestmark = pytest.mark.browser

MUDANJIANG = EXAMPLES / "mudanjiang-devzone-2024.txt"


def as_html_page(text: str) -> str:
    """A report as a government CMS page lays it out: paragraphs, table rows as <tr>."""
    out, in_table = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>报告</title></head><body>"], False
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 1:
            if not in_table:
                out.append("<table border='1'>")
                in_table = True
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        out.append(f"<p>{html.escape(line)}</p>")
    out.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(out)


def wait_for(driver, condition, timeout: float = 30.0, what: str = "the page"):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message=f"waiting for {what}")


def open_page(driver, live_app) -> None:
    driver.get(live_app.url)
    wait_for(driver, lambda d: d.find_element("id", "file"), what="the file input")


def status_text(driver) -> str:
    return driver.find_element("id", "status").text


def wait_checked(driver, n_docs: int) -> str:
    wait_for(driver, lambda d: status_text(d).startswith(("已检查", "检查失败")), what="the check to finish")
    text = status_text(driver)
    assert text.startswith(f"已检查 {n_docs} 份"), text
    return text


def choose_files(driver, paths) -> None:
    driver.find_element("id", "file").send_keys("\n".join(str(p) for p in paths))


def test_chosen_files_of_every_type_are_checked_and_marked(browser, live_app, tmp_path: Path) -> None:
    page = tmp_path / "mudanjiang.html"
    page.write_text(as_html_page(MUDANJIANG.read_text(encoding="utf-8")), encoding="utf-8")
    files = [MUDANJIANG, page, DOCUMENTS / "template-2021-blank.docx", DOCUMENTS / "huaian-city-2024.pdf",
             EXAMPLES / "yuncheng-sti-2024.md"]
    open_page(browser, live_app)
    choose_files(browser, files)
    wait_checked(browser, len(files))
    tabs = browser.find_elements("css selector", "#docs button")
    assert [t.text.split("\n")[0].split("错误")[0].strip() for t in tabs] == [p.name for p in files]

    # The first report: its title, its findings under its sections, each marked on the text.
    head = browser.find_element("id", "doc-head").text
    assert "牡丹江经济技术开发区管理委员会2024" in head and "单位：牡丹江经济技术开发区管理委员会" in head
    groups = [g.text.split("\n")[0] for g in browser.find_elements("css selector", "#findings .grp h4")]
    assert any(g.startswith("三、收到和处理政府信息公开申请情况") for g in groups), groups
    items = browser.find_elements("css selector", "#findings li.f")
    codes = [i.find_element("css selector", "button.code").text for i in items]
    assert "A101" in codes and "T102" in codes
    marked = {m.get_attribute("data-f") for m in browser.find_elements("css selector", "#marked mark.m")}
    marked_ids = {i for m in marked for i in m.split()}
    assert {i.get_attribute("data-f") for i in items} <= marked_ids  # every finding is marked on the text

    # The cell A101 names (line 74, column 10: the 自然人 cell of （七）总计) is the mark.
    a101 = items[codes.index("A101")]
    assert "第 74 行第 10 列" in a101.text
    fid = a101.get_attribute("data-f")
    a101.click()
    line = browser.find_element("css selector", '#marked .ln[data-line="74"]')
    cell = line.find_element("css selector", "mark.m.on")
    assert fid in cell.get_attribute("data-f").split() and cell.text.strip() == "1"
    assert "flash" in line.get_attribute("class")

    # The same report as a web page: the same findings.
    tabs[1].click()
    wait_for(browser, lambda d: "mudanjiang.html" in d.find_element("id", "doc-head").text, what="the HTML tab")
    html_codes = sorted(b.text for b in browser.find_elements("css selector", "#findings li.f button.code"))
    assert html_codes == sorted(codes)

    # The PDF and the DOCX were read (text shown, no reading error).
    for i in (2, 3):
        tabs[i].click()
        wait_for(browser, lambda d: files[i].name in d.find_element("id", "doc-head").text, what=files[i].name)
        assert "未能检查此文件" not in browser.find_element("id", "doc-head").text
        assert len(browser.find_elements("css selector", "#marked .ln")) > 50


def test_rule_explanation_is_one_click_away(browser, live_app) -> None:
    open_page(browser, live_app)
    choose_files(browser, [MUDANJIANG])
    wait_checked(browser, 1)
    browser.find_element("css selector", '#findings button.code[data-rule="A101"]').click()
    dialog = wait_for(browser, lambda d: d.find_element("css selector", "dialog#rule-dialog[open]"),
                      what="the rule dialog")
    text = dialog.text
    assert "A101" in text and "t3-cell-breaks-identities" in text and "勾稽关系" in text
    assert "按勾稽关系应填的数值" in text  # its explanation in Chinese
    assert "Why" in text  # and the rule's documentation itself, not only its name
    assert "规则集：默认、严格" in text
    dialog.find_element("css selector", "button.close").click()
    wait_for(browser, lambda d: not d.find_elements("css selector", "dialog#rule-dialog[open]"), what="closing")


def test_pasted_text_and_the_strict_rules(browser, live_app) -> None:
    open_page(browser, live_app)
    text = (EXAMPLES / "shuyang-2025-ocr.md").read_text(encoding="utf-8")
    area = browser.find_element("id", "text")
    # Typing 10 KB key by key is slow: set the value as a paste would.
    browser.execute_script("arguments[0].value = arguments[1];", area, text)
    browser.find_element("id", "check-text").click()
    default = wait_checked(browser, 1)
    assert "默认规则集" in default
    n_default = len(browser.find_elements("css selector", "#findings li.f"))
    browser.find_element("css selector", 'input[name="profile"][value="strict"]').click()
    wait_for(browser, lambda d: "严格规则集" in status_text(d), what="the strict check")
    n_strict = len(browser.find_elements("css selector", "#findings li.f"))
    assert n_strict > n_default  # strict adds rules that fire on this OCR'd report
    assert "粘贴的文本" in browser.find_element("id", "doc-head").text


def test_dropped_files_are_checked(browser, live_app) -> None:
    open_page(browser, live_app)
    content = MUDANJIANG.read_text(encoding="utf-8")
    # A drop as the browser delivers it: a DataTransfer holding a File, on the drop zone.
    browser.execute_script("""
        const dt = new DataTransfer();
        dt.items.add(new File([arguments[0]], arguments[1], {type: "text/plain"}));
        const zone = document.getElementById("drop");
        for (const type of ["dragenter", "dragover", "drop"]) {
          zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""", content, "拖入的报告.txt")
    wait_checked(browser, 1)
    assert "拖入的报告.txt" in browser.find_element("id", "doc-head").text
    assert browser.find_elements("css selector", '#findings button.code[data-rule="A101"]')


def test_results_download(browser, live_app, tmp_path: Path) -> None:
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    open_page(browser, live_app)
    choose_files(browser, [MUDANJIANG, EXAMPLES / "yuncheng-sti-2024.md"])
    wait_checked(browser, 2)
    for fmt, name in (("csv", "gplint-review.csv"), ("json", "gplint-findings.json"), ("html", "gplint-review.html")):
        browser.find_element("css selector", f'button[data-download="{fmt}"]').click()
        target = tmp_path / name
        wait_for(browser, lambda d: target.exists() and target.stat().st_size > 0, what=f"{name} to download")
        time.sleep(0.2)
    rows = (tmp_path / "gplint-review.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and rows[1].split(",")[1] == MUDANJIANG.name
    findings = json.loads((tmp_path / "gplint-findings.json").read_text(encoding="utf-8"))
    assert {"A101", "T102"} <= {f["code"] for f in findings if f["path"] == MUDANJIANG.name}
    assert "政府信息公开工作年度报告审查结果" in (tmp_path / "gplint-review.html").read_text(encoding="utf-8")


def test_too_large_files_are_refused_in_chinese(browser, small_app, tmp_path: Path) -> None:
    """One file over the limit is a finding on that file, the others are checked; a request
    over the total limit is refused whole, with a message saying the limits."""
    big = tmp_path / "big.txt"
    big.write_text(MUDANJIANG.read_text(encoding="utf-8") * 40, encoding="utf-8")  # ≈ 250 KB
    open_page(browser, small_app)
    choose_files(browser, [big, MUDANJIANG])
    wait_checked(browser, 2)
    head = browser.find_element("id", "doc-head").text
    assert "未能检查此文件：文件过大" in head
    assert browser.find_elements("css selector", '#findings button.code[data-rule="E001"]')
    many = []
    for i in range(6):  # 6 × 250 KB: over the 64 KB × 4 + 1 MB a request may carry
        many.append(tmp_path / f"big{i}.txt")
        many[-1].write_bytes(big.read_bytes())
    choose_files(browser, many)
    wait_for(browser, lambda d: status_text(d).startswith("检查失败"), what="the refusal")
    assert "上传的内容过大" in status_text(browser) and "每个文件不超过" in status_text(browser)
    assert "error" in browser.find_element("id", "status").get_attribute("class")


def test_the_page_loads_nothing_from_elsewhere(browser, live_app) -> None:
    open_page(browser, live_app)
    choose_files(browser, [MUDANJIANG])
    wait_checked(browser, 1)
    browser.find_element("css selector", '#findings button.code[data-rule="T102"]').click()
    wait_for(browser, lambda d: d.find_element("css selector", "dialog#rule-dialog[open]"), what="the dialog")
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(live_app.url) for u in urls), urls


def test_review_report_screenshot(browser, tmp_path: Path) -> None:
    """The review report in the browser: totals, charts, sortable table, a report one click
    away. The screenshot is kept (GPLINT_SCREENSHOTS=DIR) for a person to look at."""
    import os
    import subprocess
    import sys

    out = tmp_path / "review.html"
    proc = subprocess.run([sys.executable, "-m", "gplint", str(EXAMPLES), "--format", "html", "-q"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the examples have findings
    out.write_bytes(proc.stdout)
    browser.get(out.as_uri())
    wait_for(browser, lambda d: d.find_elements("css selector", "table.reports tbody tr"), what="the table")
    rows = browser.find_elements("css selector", "table.reports tbody tr")
    assert len(rows) == 4
    assert len(browser.find_elements("css selector", "figure.chart svg rect")) >= 5
    # Sorting by errors, most first (two clicks: ascending, then descending).
    header = [th for th in browser.find_elements("css selector", "table.reports th") if th.text.startswith("错误")][0]
    header.click()
    header.click()
    errors = [int(r.find_elements("tag name", "td")[4].text) for r in
              browser.find_elements("css selector", "table.reports tbody tr")]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    shots = Path(os.environ.get("GPLINT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(shots / "review-report.png"))
    # A report one click away: its details open, its findings and marked text shown.
    link = browser.find_element("css selector", "table.reports tbody tr a.open")
    target = link.get_attribute("href").split("#")[1]
    link.click()
    details = wait_for(browser, lambda d: d.find_element("css selector", f"details#{target}[open]"), what="details")
    assert details.find_elements("css selector", "li.f") and details.find_elements("css selector", "mark.m")
    details.find_element("css selector", "li.f button.code").click()
    wait_for(browser, lambda d: d.find_element("css selector", "dialog#rule-dialog[open]"), what="the rule dialog")
    browser.save_screenshot(str(shots / "review-report-detail.png"))
    assert (shots / "review-report.png").stat().st_size > 10_000
