"""The perturbation bench: real reports changed in ways that change nothing a reader sees.

    .venv/bin/python bench/perturb.py [-v] [NAME ...]

Each report of the corpus (seeds, crawled pages, PDF streams, OCR markdown) is linted as it
is and again after one perturbation that a real copy of it may carry — zero-width
characters sprinkled in, blanks at the ends of lines, indented lines, other widths of
digits and punctuation, page footers inside its tables, a web page's navigation around its
body, its pipe tables re-written as aligned columns, tabs, HTML or rows cut by full-width
commas, a line break after every 。, a tab ending every line, bare page numbers after
form feeds, the whole page joined into one line with its table cells kept as tabs. None of these changes
what the report says, so the findings must not change either: a finding that appears is a
false positive the layout caused, one that disappears a miss. "Could not assess" notices
(T190, A108) may appear: saying so is the honest answer to a layout that hides a table.

Prints, per perturbation, the reports whose findings changed and the codes that appeared or
vanished (``-v``: each one's first findings). Default profile.
"""
from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

#: Notices that may appear: the reader saying it could not read a table.
NOTICES = frozenset({"T190", "A108"})

Perturbation = Callable[[str, random.Random], str]


def _pipe_cells(line: str):
    s = line.strip()
    if not (s.startswith("|") and s.endswith("|")):
        return None
    return [c.strip() for c in s[1:-1].split("|")]


def _is_rule(cells) -> bool:
    return all(set(c) <= set("-: ") for c in cells)


def zero_width(text: str, rng: random.Random) -> str:
    """U+200B, U+200D, U+FEFF or a soft hyphen after 2 % of the characters."""
    return "".join(ch + (rng.choice("\u200b\u200d\ufeff\u00ad") if ch != "\n" and rng.random() < 0.02 else "")
                   for ch in text)


def wide_blanks(text: str, rng: random.Random) -> str:
    """Each blank a no-break or an ideographic space."""
    return "".join((rng.choice("\u00a0\u3000") if ch == " " else ch) for ch in text)


def half_width_marks(text: str, rng: random.Random) -> str:
    return text.translate(str.maketrans("（），：；", "(),:;"))


def full_width_marks(text: str, rng: random.Random) -> str:
    return text.translate(str.maketrans("(),:;", "（），：；"))


def full_width_digits(text: str, rng: random.Random) -> str:
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def trailing_blanks(text: str, rng: random.Random) -> str:
    return "\n".join(line + " " * rng.randint(0, 3) for line in text.split("\n"))


def indented(text: str, rng: random.Random) -> str:
    """Prose indented as a word processor exports it (two ideographic spaces, or four)."""
    return "\n".join((rng.choice(["\u3000\u3000", "    "]) + line)
                     if line and not line.lstrip().startswith("|") else line for line in text.split("\n"))


def bom(text: str, rng: random.Random) -> str:
    return "\ufeff" + text


def blank_lines_added(text: str, rng: random.Random) -> str:
    return "\n".join(line + ("\n" if rng.random() < 0.3 else "") for line in text.split("\n"))


def blank_lines_removed(text: str, rng: random.Random) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def page_footers(text: str, rng: random.Random) -> str:
    """A page footer after 4 % of the lines (tables included): — 7 —, 第 7 页 共 9 页, 7/9."""
    out, page = [], 1
    for line in text.split("\n"):
        out.append(line)
        if rng.random() < 0.04:
            page += 1
            out.append(rng.choice([f"— {page} —", f"第 {page} 页 共 9 页", f"- {page} -", f"{page}/9"]))
    return "\n".join(out)


_HEAD = "首页 > 政务公开 > 政府信息公开年报 字体：大 中 小 打印本页 分享到： "
_TAIL = (" 【打印本页】【关闭窗口】 相关链接： 上一篇：2023年度政府信息公开工作年度报告 下一篇：关于公布2025年第1批行政执法"
         "案件的通告 网站地图 | 联系我们 | 网站声明 主办单位：某某区人民政府办公室 网站标识码：3501280001 闽ICP备05001111号-1 "
         "技术支持：0591-12345678")


def page_chrome(text: str, rng: random.Random) -> str:
    """A web page's navigation before and after the longest line (a crawled page's body)."""
    lines = text.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[k] = _HEAD + lines[k] + _TAIL
    return "\n".join(lines)


def page_chrome_lines(text: str, rng: random.Random) -> str:
    return _HEAD.replace(" ", "\n") + "\n" + text + "\n" + _TAIL.replace(" ", "\n")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _rewrite_pipe_rows(text: str, row: Callable[[list], str]) -> str:
    """``text`` with each pipe-table row written by ``row(cells)`` and its rule rows dropped."""
    out = []
    for line in text.split("\n"):
        cells = _pipe_cells(line)
        if cells is None:
            out.append(line)
        elif not _is_rule(cells):
            out.append(row(cells))
    return "\n".join(out)


def pipes_aligned(text: str, rng: random.Random) -> str:
    """Pipe tables as columns aligned with blanks (pdftotext -layout)."""
    return _rewrite_pipe_rows(text, lambda cells: "".join(
        c + " " * max(2, 24 - _width(c)) if k == 0 else c.rjust(6) for k, c in enumerate(cells)).rstrip())


def pipes_as_tabs(text: str, rng: random.Random) -> str:
    return _rewrite_pipe_rows(text, "\t".join)


def pipes_as_html(text: str, rng: random.Random) -> str:
    """Pipe tables as HTML tables on one line (markdown from MinerU and its kin)."""
    out, rows = [], []

    def flush() -> None:
        if rows:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
                       + "</table>")
            rows.clear()

    for line in text.split("\n"):
        cells = _pipe_cells(line)
        if cells is None:
            flush()
            out.append(line)
        elif not _is_rule(cells):
            rows.append(cells)
    flush()
    return "\n".join(out)


def pipes_as_full_width_commas(text: str, rng: random.Random) -> str:
    """Pipe tables as a word processor's "table to text" with commas writes them in Chinese
    text: 「规章，0，0，0」, empty cells as empty fields."""
    return _rewrite_pipe_rows(text, "，".join)


def one_line_tab_cells(text: str, rng: random.Random) -> str:
    """A saved page whose cells kept their tabs (pipe tables as tab rows) while its lines
    were joined into one by blanks, after a crawler's header line."""
    lines = [line for line in pipes_as_tabs(text, rng).split("\n") if line.strip()]
    return "\n".join(lines[:1] + [" ".join(lines[1:]), ""])


def sentences_a_line(text: str, rng: random.Random) -> str:
    """A line break after every 。 (a one-line crawled page copied sentence by sentence, or
    a page whose paragraphs are cut at each full stop): a heading may then stand mid-line,
    after a colon (「…现将有关情况报告如下：二、主动公开政府信息情况」)."""
    return text.replace("。", "。\n")


def trailing_tabs(text: str, rng: random.Random) -> str:
    """A tab, or blanks and a tab, at the end of every line (pdfminer's text of a table whose
    cells it wrote as tab-separated columns)."""
    return "\n".join(line + rng.choice(["\t", " \t", "  \t"]) if line else line for line in text.split("\n"))


def page_numbers_after_form_feeds(text: str, rng: random.Random) -> str:
    """A page break (a form feed) after 4 % of the lines, each new page beginning with its
    bare number on a line of its own (pdfminer's text of a page whose number is printed at
    its top, or at the foot of the page before)."""
    out, page = [], 1
    for line in text.split("\n"):
        page += line.count("\f")  # (the text's own page breaks count too)
        out.append(line)
        if rng.random() < 0.04:
            page += 1
            out.append(f"\f{page}")
    return "\n".join(out)


PERTURBATIONS: dict[str, Perturbation] = {
    "zero-width": zero_width, "wide-blanks": wide_blanks, "half-width-marks": half_width_marks,
    "full-width-marks": full_width_marks, "full-width-digits": full_width_digits, "crlf": crlf,
    "trailing-blanks": trailing_blanks, "indented": indented, "bom": bom, "blank-lines-added": blank_lines_added,
    "blank-lines-removed": blank_lines_removed, "page-footers": page_footers, "page-chrome": page_chrome,
    "page-chrome-lines": page_chrome_lines, "pipes-aligned": pipes_aligned, "pipes-as-tabs": pipes_as_tabs,
    "pipes-as-html": pipes_as_html, "sentences-a-line": sentences_a_line, "trailing-tabs": trailing_tabs,
    "page-numbers-after-form-feeds": page_numbers_after_form_feeds,
    "pipes-as-full-width-commas": pipes_as_full_width_commas, "one-line-tab-cells": one_line_tab_cells,
}


def corpus_files() -> list[Path]:
    return sorted([*CORPUS.glob("seeds/*.txt"), *CORPUS.glob("crawled/*.txt"), *CORPUS.glob("peer-fixtures/*.txt"),
                   *CORPUS.glob("peer-fixtures/*.md")])


def main(argv: list[str]) -> int:
    from gplint import lint_text

    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or list(PERTURBATIONS)
    files = corpus_files()
    base = {}
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        base[f] = (text, Counter(d.code for d in lint_text(text, path=f.name)))
    print(f"{len(files)} corpus reports; default profile; T190/A108 may appear\n")
    print(f"{'perturbation':22} {'reports changed':>16}  codes appeared / vanished")
    for name in names:
        changed, appeared, vanished = 0, Counter(), Counter()
        for f, (text, codes) in base.items():
            rng = random.Random(f"{name}:{f.name}")
            found = lint_text(PERTURBATIONS[name](text, rng), path=f.name)
            now = Counter(d.code for d in found)
            more = {c: n - codes[c] for c, n in now.items() if n > codes[c] and c not in NOTICES}
            less = {c: n - now[c] for c, n in codes.items() if now[c] < n}
            if more or less:
                changed += 1
                appeared.update(more)
                vanished.update(less)
                if verbose:
                    print(f"    {f.name}: +{more} -{less}",
                          [f"{d.code} {d.span.line}:{d.span.column} {d.message[:60]}" for d in found if d.code in more][:3])
        print(f"{name:22} {changed:>7} of {len(files):<6}  +{dict(appeared)} -{dict(vanished)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
