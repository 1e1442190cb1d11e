"""The review report for a reviewing office: one self-contained HTML page for a batch of
reports (``gplint DIR --format html``), and the same table as CSV (``--format csv``).

The page holds: totals; a chart of findings by rule and by category (inline SVG); the
per-rule overview (findings, reports concerned); a sortable table of every report (agency,
year, errors, warnings, info, the worst finding); and each report's findings by section
with its marked text, one click away. No script, style or font is loaded from anywhere:
the page can be mailed, archived or opened offline.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import datetime, timezone
from html import escape
from importlib import resources
from typing import Any, Optional, Sequence

from .. import __version__
from .render import findings_html, marked_text_html, rules_info
from .view import CATEGORY_NAMES, SEVERITY_NAMES, DocumentView

SEVERITY_COLOURS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
#: Rules drawn in the chart; the rest are in the overview table below it.
CHART_RULES = 25


def asset(name: str) -> str:
    return resources.files("gplint.review").joinpath("assets", name).read_text(encoding="utf-8")


def _bar_chart(rows: Sequence[tuple[str, str, int, str]], title: str) -> str:
    """A horizontal bar chart: (label, tooltip, value, colour) a bar."""
    if not rows:
        return ""
    top = max(v for _, _, v, _ in rows) or 1
    bar_h, label_w, width = 22, 260, 760
    height = bar_h * len(rows) + 10
    out = [f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
           f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, tip, value, colour) in enumerate(rows):
        y = 5 + i * bar_h
        w = max(1, round((width - label_w - 60) * value / top))
        out.append(f'<g><title>{escape(tip)}</title>'
                   f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{escape(label)}</text>'
                   f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{bar_h - 6}" fill="{colour}"></rect>'
                   f'<text x="{label_w + w + 6}" y="{y + 15}" font-size="13">{value}</text></g>')
    out.append("</svg></figure>")
    return "".join(out)


def _rule_rows(views: Sequence[DocumentView], rules: dict[str, dict]) -> list[dict[str, Any]]:
    found: Counter = Counter()
    reports: dict[str, set] = {}
    for i, v in enumerate(views):
        for f in v.findings:
            found[f.diagnostic.code] += 1
            reports.setdefault(f.diagnostic.code, set()).add(i)
    out = []
    for code, n in found.most_common():
        info = rules.get(code, {})
        out.append({"code": code, "name": info.get("name", ""), "severity": info.get("severity") or "error",
                    "category": info.get("category", ""), "findings": n, "reports": len(reports[code])})
    out.sort(key=lambda r: (-r["findings"], r["code"]))
    return out


def _summary(views: Sequence[DocumentView]) -> str:
    totals = Counter()
    for v in views:
        totals.update(v.counts())
    with_errors = sum(1 for v in views if v.counts()["error"])
    unreadable = sum(1 for v in views if v.error)
    clean = sum(1 for v in views if not v.findings)
    cells = [("报告", len(views)), ("有错误的报告", with_errors), ("无任何问题", clean), ("无法检查", unreadable),
             ("错误", totals["error"]), ("警告", totals["warning"]), ("提示", totals["info"])]
    return '<div class="totals">' + "".join(
        f'<div class="tot"><div class="v">{v}</div><div class="k">{k}</div></div>' for k, v in cells) + "</div>"


def _reports_table(views: Sequence[DocumentView]) -> str:
    head = ("<tr><th data-sort=num>序号</th><th>文件</th><th>单位</th><th data-sort=num>年度</th>"
            "<th data-sort=num>错误</th><th data-sort=num>警告</th><th data-sort=num>提示</th>"
            "<th>最主要的问题</th></tr>")
    rows = []
    for i, v in enumerate(views, 1):
        c = v.counts()
        worst = v.worst()
        if worst:
            d = worst.diagnostic
            worst_html = (f'<span class="sev {d.severity}">{SEVERITY_NAMES.get(d.severity, d.severity)}</span> '
                          f'<b>{escape(d.code)}</b> 第 {d.span.line} 行：{escape(_short(d.message))}')
        else:
            worst_html = '<span class="ok">未发现问题</span>'
        cls = "bad" if c["error"] else ("warn" if c["warning"] else "")
        rows.append(
            f'<tr class="{cls}"><td>{i}</td><td><a href="#doc-{i}" class="open">{escape(v.path)}</a></td>'
            f'<td>{escape(v.agency or "—")}</td><td>{v.year or ""}</td>'
            f'<td class="n e">{c["error"]}</td><td class="n w">{c["warning"]}</td><td class="n i">{c["info"]}</td>'
            f"<td>{worst_html}</td></tr>")
    return f'<table class="reports sortable"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _short(message: str, limit: int = 90) -> str:
    return message if len(message) <= limit else message[:limit - 1] + "…"


def _rules_table(rows: Sequence[dict[str, Any]]) -> str:
    if not rows:
        return ""
    body = "".join(
        f'<tr><td><button type="button" class="code" data-rule="{escape(r["code"])}">{escape(r["code"])}</button></td>'
        f'<td>{escape(r["name"])}</td><td>{escape(CATEGORY_NAMES.get(r["category"], r["category"]))}</td>'
        f'<td><span class="sev {r["severity"]}">{SEVERITY_NAMES.get(r["severity"], r["severity"])}</span></td>'
        f'<td class="n">{r["findings"]}</td><td class="n">{r["reports"]}</td></tr>' for r in rows)
    return ('<table class="rules sortable"><thead><tr><th>规则</th><th>名称</th><th>类别</th><th>级别</th>'
            f'<th data-sort=num>问题数</th><th data-sort=num>涉及报告数</th></tr></thead><tbody>{body}</tbody></table>')


def _document(i: int, v: DocumentView) -> str:
    c = v.counts()
    prefix = f"d{i}-"
    heading = escape(v.title or v.path)
    return (f'<details class="doc" id="doc-{i}" data-doc><summary><b>{i}. {heading}</b> '
            f'<span class="path">{escape(v.path)}</span> '
            f'<span class="cnt">错误 {c["error"]} · 警告 {c["warning"]} · 提示 {c["info"]}</span></summary>'
            f'<div class="cols"><div class="list">{findings_html(v, prefix)}</div>'
            f'<div class="text">{marked_text_html(v, prefix)}</div></div></details>')


def _json_script(element_id: str, value: Any) -> str:
    data = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{data}</script>'


def review_page(views: Sequence[DocumentView], registry: Any, generated: Optional[datetime] = None) -> str:
    """The whole review report as one HTML document."""
    codes = {f.diagnostic.code for v in views for f in v.findings}
    rules = rules_info(registry, codes)
    rule_rows = _rule_rows(views, rules)
    by_rule = [(r["code"], f'{r["code"]} {r["name"]}：{r["findings"]} 个问题，涉及 {r["reports"]} 份报告',
                r["findings"], SEVERITY_COLOURS.get(r["severity"], "#555")) for r in rule_rows[:CHART_RULES]]
    by_rule = [(f"{code} {rules.get(code, {}).get('name', '')}"[:34], tip, n, col) for code, tip, n, col in by_rule]
    cats = Counter(f.diagnostic.category for v in views for f in v.findings)
    by_cat = [(CATEGORY_NAMES.get(k, k), f"{CATEGORY_NAMES.get(k, k)}：{n} 个问题", n, "#455a64")
              for k, n in cats.most_common()]
    when = (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    charts = (_bar_chart(by_rule, "按规则统计的问题数") + _bar_chart(by_cat, "按类别统计的问题数")) or "<p>没有发现问题。</p>"
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>政府信息公开工作年度报告审查结果</title>"
        f"<style>{asset('doc.css')}{asset('review.css')}</style></head><body>"
        f'<header><h1>政府信息公开工作年度报告审查结果</h1><p class="meta">共 {len(views)} 份报告 · '
        f"由 gplint {escape(__version__)} 生成于 {when}</p></header><main>"
        f"{_summary(views)}"
        f'<h2 id="charts">问题分布</h2><div class="charts">{charts}</div>'
        f'<h2 id="rules">按规则汇总</h2>{_rules_table(rule_rows) or "<p>没有发现问题。</p>"}'
        f'<h2 id="reports">各报告检查结果</h2><p class="hint">点击表头排序；点击文件名查看该报告的问题和标注后的全文。</p>'
        f"{_reports_table(views)}"
        f'<h2 id="docs">各报告详情</h2>{"".join(_document(i, v) for i, v in enumerate(views, 1))}'
        "</main>"
        '<dialog class="rule" id="rule-dialog"><div class="body"></div>'
        '<form method="dialog"><button class="close" type="submit">关闭</button></form></dialog>'
        f'{_json_script("gplint-rules", rules)}'
        f"<script>{asset('doc.js')}{asset('review.js')}</script></body></html>\n")


CSV_FIELDS = ("序号", "文件", "单位", "标题", "年度", "错误", "警告", "提示", "无法检查的原因",
              "最主要问题代码", "最主要问题行", "最主要问题说明")


def review_csv(views: Sequence[DocumentView]) -> str:
    """One row a report, for a spreadsheet: UTF-8 with a BOM, which Excel and WPS need to
    read Chinese text in a CSV file."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_FIELDS)
    for i, v in enumerate(views, 1):
        c = v.counts()
        worst = v.worst()
        d = worst.diagnostic if worst else None
        w.writerow([i, v.path, v.agency, v.title, v.year or "", c["error"], c["warning"], c["info"], v.error or "",
                    d.code if d else "", d.span.line if d else "", d.message if d else ""])
    return "\ufeff" + buf.getvalue()

