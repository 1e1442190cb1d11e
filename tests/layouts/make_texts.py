"""Write the pinned layout texts in tests/layouts/texts/ (run once; the files are committed).

Figures come from two corpus reports' hand readings (corpus/cells.json): 沭阳县 2025 (large
counts) and 上海市政府办公厅 2025, with R24/R01/C7 re-derived so every identity holds. Each
text is one layout of ``strategies.render``; ``cells.json`` holds what every cell must read
as, written from the figures, never from gplint's output.

    .venv/bin/python tests/layouts/make_texts.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from dataclasses import replace  # noqa: E402

from strategies import (BASE_LAYOUTS, FAMILY_LAYOUTS, LAYOUTS_2019, LEAVES, T3_ALT_LAYOUTS,  # noqa: E402
                        ReportData, expected_cells, make_data, render)

CORPUS = HERE.parent / "corpus"
OUT = HERE / "texts"
#: The issue-14 family texts live one folder down, so that the corpus-wide tests that glob
#: texts/*.txt (golden snapshot, line memo, model construction) are not changed by them.
FAMILIES = OUT / "families"

# Simplified -> Traditional for the label characters (machine-converted reposts).
_S2T = str.maketrans({"处": "處", "请": "請", "总": "總", "计": "計", "开": "開", "与": "與", "机": "機", "关": "關",
                      "结": "結", "转": "轉", "办": "辦", "数": "數", "费": "費", "复": "復", "议": "議", "讼": "訟",
                      "维": "維", "纠": "糾", "务": "務", "织": "織", "业": "業", "会": "會", "规": "規", "范": "範",
                      "许": "許", "罚": "罰", "强": "強", "制": "製", "现": "現", "项": "項", "条": "條", "无": "無"})
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def data_from(name: str, org: str, year: int, blanks=()) -> ReportData:
    c = json.loads((CORPUS / "cells.json").read_text(encoding="utf-8"))[name]
    t3 = c["t3"]
    cols = [f"C{i}" for i in range(1, 7)]
    d = make_data({r: tuple(t3[r][k] for k in cols) for r in LEAVES}, [t3["R02"][k] for k in cols],
                  [t3["R25"][k] for k in cols],
                  {b: tuple(c["t4"][b][x] for x in ("upheld", "corrected", "other", "pending"))
                   for b in ("review", "direct", "after_review")},
                  {k: int(v) if v is not None else 0 for k, v in c["t2"].items()}, year=year, org=org)
    for row, col in blanks:
        d = d.with_t3(row, col, None)
    return d


def variants():
    shuyang = data_from("kiro_shuyang-county-2025_ocr-markdown.txt", "沭阳县人民政府", 2025)
    office = data_from("kiro_shanghai-gov-office-2025_pdf-markdown.txt", "上海市人民政府办公厅", 2025,
                       blanks=[("R05", 0), ("R10", 6), ("R18", 3)])
    for layout in BASE_LAYOUTS:
        yield f"{layout}.txt", shuyang, layout, None
    for layout in ("pipe", "tabs", "cells", "cells-spaced", "spaces", "pypdf", "browser", "pdfminer"):
        yield f"{layout}-blanks.txt", office, layout, None
    yield "tabs-fullwidth-digits.txt", shuyang, "tabs", "fullwidth"
    yield "pipe-traditional.txt", shuyang, "pipe", "traditional"
    yield "browser-spaced-labels.txt", shuyang, "browser", "spaced-labels"


def family_variants():
    """The issue-14 families: one text each (texts/families/, cells in its cells.json)."""
    shuyang = data_from("kiro_shuyang-county-2025_ocr-markdown.txt", "沭阳县人民政府", 2025)
    office = data_from("kiro_shanghai-gov-office-2025_pdf-markdown.txt", "上海市人民政府办公厅", 2025)
    for layout in FAMILY_LAYOUTS + T3_ALT_LAYOUTS:
        yield f"{layout}.txt", shuyang, layout, None
    # A run one digit short: one cell left blank (jinjing-pq-2022: "0 00000").
    yield "run-blanks.txt", office.with_t3("R25", 1, None).with_t3("R13", 3, None), "run", None
    yield "crawled-blanks.txt", office.with_t3("R25", 1, None), "crawled", None
    # Most cells of an HTML table left empty, one cell a line.
    sparse = office
    for i, row in enumerate(sorted(office.t3)):
        for c in range(7):
            if (i + c) % 4 and office.t3[row][c] == 0:
                sparse = sparse.with_t3(row, c, None)
    for key in office.t4:
        if office.t4[key] == 0:
            sparse = sparse.with_t4(key, None)
    yield "cells-sparse.txt", sparse, "cells", None
    # Rows after a merged label that lost their 总计 cell.
    yield "browser-short-totals.txt", shuyang.with_t3("R06", 6, None).with_t3("R24", 6, None), "browser-short", None
    # Decimal 万元 amount with its unit; and an amount in 元 under a （单位：元） header.
    t2 = dict(shuyang.t2, fees=12.5)
    yield "units-decimal.txt", replace(shuyang, t2=t2), "units", None
    t2 = dict(shuyang.t2, fees=120000)
    yield "units-yuan.txt", replace(shuyang, t2=t2), "units", "yuan"
    # The 2019 试行 format (report on 2019), figures of the 2021 report moved into it.
    t3 = dict(shuyang.t3)
    g6 = tuple(sum(shuyang.t3[r][c] for r in ("R21", "R22", "R23")) for c in range(7))
    for r in ("R21", "R22", "R23"):
        t3[r] = (None,) * 7
    t2 = {"rules.made": 0, "rules.published": 0, "rules.total": 0, "norm.made": 89, "norm.published": 89,
          "norm.total": 89, "licensing.previous": 396, "licensing.change": 0, "licensing.decisions": 181,
          "other_services.previous": 10, "other_services.change": 0, "other_services.decisions": 153,
          "penalty.previous": 264, "penalty.change": -8, "penalty.decisions": 430,
          "coercion.previous": 12, "coercion.change": 6, "coercion.decisions": 25,
          "fees.previous": 3, "fees.change": 5, "procurement.items": 135, "procurement.amount": 75394.52}
    d2019 = replace(shuyang, year=2019, org="平潭综合实验区管委会", t2=t2, t3=t3, fmt="2019", g6=g6)
    for layout in LAYOUTS_2019:
        yield f"{layout}.txt", d2019, layout, None


def transform(text: str, how) -> str:
    if how == "yuan":
        return text.replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）").replace("120000万元", "120000元")
    if how == "fullwidth":
        return text.translate(_FULL)
    if how == "traditional":
        return text.translate(_S2T)
    if how == "spaced-labels":
        # A blank inside every row label, as PDF text justifies them.
        out = []
        for line in text.split("\n"):
            cells = line.split("\t")
            cells = [c[:2] + " " + c[2:] if len(c) > 4 and not c[:1].isdigit() else c for c in cells]
            out.append("\t".join(cells))
        return "\n".join(out)
    return text


def main() -> None:
    OUT.mkdir(exist_ok=True)
    expected = {}
    for name, data, layout, how in variants():
        text, lines = render(data, layout)
        text = transform(text, how)
        (OUT / name).write_text(text, encoding="utf-8", newline="")
        expected[name] = {"layout": layout, "cells": expected_cells(data), "lines": lines}
    # The same report in other encodings and line ends (bytes files).
    base, _ = render(variants().__next__()[1], "tabs")
    for name, data in (("tabs-gb18030.txt", base.encode("gb18030")),
                       ("tabs-utf16le-bom.txt", "\ufeff".encode("utf-16-le") + base.encode("utf-16-le")),
                       ("tabs-utf16be-bom.txt", "\ufeff".encode("utf-16-be") + base.encode("utf-16-be")),
                       ("tabs-utf8-bom-crlf.txt", b"\xef\xbb\xbf" + base.replace("\n", "\r\n").encode()),
                       ("tabs-cr.txt", base.replace("\n", "\r").encode())):
        (OUT / name).write_bytes(data)
        expected[name] = dict(expected["tabs.txt"])
    (OUT / "cells.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                    encoding="utf-8")
    FAMILIES.mkdir(exist_ok=True)
    expected = {}
    for name, data, layout, how in family_variants():
        text, lines = render(data, layout)
        text = transform(text, how)
        (FAMILIES / name).write_text(text, encoding="utf-8", newline="")
        expected[name] = {"layout": layout, "format": data.fmt, "cells": expected_cells(data), "lines": lines}
    (FAMILIES / "cells.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                         encoding="utf-8")


if __name__ == "__main__":
    main()
