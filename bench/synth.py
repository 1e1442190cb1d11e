"""Seeded generator of consistent synthetic annual reports in mixed table layouts.

Every report is internally consistent: all T3 identities (row totals, SUM-RESULTS,
BALANCE) and T4 block totals hold, and the narrative repeats T3/T4 figures correctly, so a
correct gplint finds no arithmetic error in them. Tables are written in one of four
flattenings seen in real reports (FORMAT.md; DESIGN.md §1):

- ``pipe``:  markdown pipe tables;
- ``tab``:   tab-separated rows (Word/WPS copy-paste);
- ``cell``:  one cell per line (many PDF extractions);
- ``label``: a row label followed by space-separated numbers.

The prose is our own generic wording (no real report text is copied), padded to about
``target_bytes`` of UTF-8. Used by bench/ and by the tests (small N).

    python bench/synth.py OUTDIR N [--seed S] [--bytes 8000]
"""
from __future__ import annotations

import argparse
import os
import random
from typing import Any, Optional, Sequence

from gplint.format import FORMAT_2021

LAYOUTS = ("pipe", "tab", "cell", "label")

# The format's facts, from its one copy (gplint.format).
_FMT = FORMAT_2021
CAPTION = _FMT.t3.caption
COLS = _FMT.t3.column_keys
COL_LABELS = tuple(c.label for c in _FMT.t3.columns)
_PARTS = _FMT.t3.part_columns  # C1…C6: the columns whose sum is 总计


def _t3_table_rows() -> tuple[tuple[Optional[str], str], ...]:
    """(key, label) in table order; a None key is a group row (label only), printed before
    the first row of its group."""
    out: list[tuple[Optional[str], str]] = []
    seen: set[str] = set()
    for key, top, sub, label in _FMT.t3.paths():
        for group in (top, sub):
            if group and group not in seen:
                seen.add(group)
                out.append((None, group))
        out.append((key, label))
    return tuple(out)


T3_ROWS: tuple[tuple[Optional[str], str], ...] = _t3_table_rows()
LEAVES = _FMT.t3.leaves

T4_BLOCKS = _FMT.t4.block_keys
T4_COLS = _FMT.t4.column_keys
T4_COL_LABELS = tuple(c.label for c in _FMT.t4.columns)

#: (heading, column labels, rows: (label, cell keys)) for each block of table 二.
T2_BLOCKS = tuple((b.heading, tuple(c.label for c in b.columns),
                   tuple((r.label, _FMT.t2.row_keys[r.key]) for r in b.rows)) for b in _FMT.t2.blocks)
#: The six standard headings ("一、总体情况" …), by slot.
HEADINGS = {sec.slot: sec.heading for sec in _FMT.sections}

CITIES = ("临江", "青山", "东湖", "白石", "云岭", "北川", "南湾", "西岭", "长溪", "平原")
DEPTS = ("交通运输局", "自然资源和规划局", "市场监督管理局", "人力资源和社会保障局", "生态环境局",
         "住房和城乡建设局", "教育局", "卫生健康委员会", "农业农村局", "人民政府", "应急管理局")

FILLER = (
    "坚持以公开为常态、不公开为例外，围绕中心工作及时发布政策文件和工作动态。",
    "进一步完善信息发布审核机制，严格执行先审后发和分级审核制度。",
    "持续做好政策解读工作，采用图文、视频等多种形式解读重要政策。",
    "加强政府网站和政务新媒体日常监测，及时更新栏目内容，确保信息准确。",
    "认真办理人大代表建议和政协委员提案，按要求公开办理结果。",
    "组织开展政务公开业务培训，提升工作人员依法公开的意识和能力。",
    "规范依申请公开办理流程，做到登记、审核、答复各环节留痕可查。",
    "定期梳理更新政府信息公开指南和公开目录，方便公众查阅。",
    "将政务公开工作纳入年度绩效考核，明确责任分工，强化督促检查。",
    "围绕群众关切的热点问题，及时回应社会关注，增强政策透明度。",
    "推进基层政务公开标准化规范化建设，完善公开事项清单。",
    "做好政府开放日和政民互动工作，广泛听取社会公众意见建议。",
)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` non-negative integers (mostly zeros, as in real reports)."""
    out = [0] * parts
    for _ in range(total):
        # Real tables put most applications in a few rows: weight the first few heavily.
        out[min(parts - 1, int(rng.expovariate(0.6)))] += 1
    rng.shuffle(out)
    return out


def make_truth(rng: random.Random) -> dict[str, Any]:
    """Consistent table values in the shape of ``gplint dump`` (t2, t3, t4)."""
    t3: dict[str, dict[str, int]] = {r: {} for r, _ in T3_ROWS if r}
    scale = rng.choice((0, 1, 3, 10, 40, 200))
    for col in _PARTS:
        weight = 1.0 if col == "C1" else rng.random() * 0.3
        new = int(rng.random() * scale * weight)
        carried_in = rng.randint(0, max(0, new // 10))
        available = new + carried_in
        carried_out = rng.randint(0, available // 5) if available else 0
        handled = available - carried_out
        leaves = _split(rng, handled, len(LEAVES))
        t3["R01"][col], t3["R02"][col] = new, carried_in
        for key, v in zip(LEAVES, leaves):
            t3[key][col] = v
        t3["R24"][col], t3["R25"][col] = handled, carried_out
    for row in t3.values():
        row[_FMT.t3.total_column] = sum(row[c] for c in _PARTS)
    t4: dict[str, dict[str, int]] = {}
    for block in T4_BLOCKS:
        vals = [rng.choice((0, 0, 0, 1, 2, 5)) for _ in range(4)]
        t4[block] = dict(zip(T4_COLS, vals + [sum(vals)]))
    t2: dict[str, Any] = {}
    issued, repealed = rng.randint(0, 3), rng.randint(0, 2)
    t2.update({"rules.issued": 0, "rules.repealed": 0, "rules.in_force": 0,
               "norm.issued": issued, "norm.repealed": repealed,
               "norm.in_force": issued + rng.randint(repealed, 40),
               "licensing": rng.randint(0, 3000), "penalty": rng.randint(0, 500),
               "coercion": rng.randint(0, 50), "fees": rng.choice((0, 0, 12.5, 3.2))})
    return {"t2": t2, "t3": t3, "t4": t4}


def _num(v: Any) -> str:
    return str(v) if not isinstance(v, float) else f"{v:g}"


def _rows(cells_rows: Sequence[Sequence[str]], layout: str) -> list[str]:
    """Render rows of cells in one flattening."""
    out: list[str] = []
    for row in cells_rows:
        if layout == "pipe":
            out.append("| " + " | ".join(row) + " |")
        elif layout == "tab":
            out.append("\t".join(row))
        elif layout == "cell":
            out.extend(c for c in row if c)
        else:  # label: label, then the numbers separated by blanks
            out.append(" ".join(c for c in row if c))
    if layout == "pipe" and cells_rows:
        width = len(cells_rows[0])
        out.insert(1, "|" + "---|" * width)
    return out


def render_t2(truth: dict, layout: str) -> list[str]:
    lines: list[str] = []
    for heading, cols, rows in T2_BLOCKS:
        block = [[heading] + [""] * len(cols), ["信息内容", *cols]]
        for label, keys in rows:
            block.append([label, *(_num(truth["t2"][k]) for k in keys)])
        if layout == "pipe":
            block = [r + [""] * (4 - len(r)) for r in block]
        lines += _rows(block, layout) + [""]
    return lines


def render_t3(truth: dict, layout: str) -> list[str]:
    t3 = truth["t3"]
    width = 8
    # Caption, 申请人情况; 自然人, 法人或其他组织 (over C2…C6), 总计; the five columns under it.
    group = _FMT.t3.column("C2").group or ""
    rows = [[CAPTION, _FMT.t3.header] + [""] * 6,
            ["", COL_LABELS[0], group, "", "", "", "", COL_LABELS[-1]],
            ["", "", *COL_LABELS[1:6], ""]]
    for key, label in T3_ROWS:
        if key is None:
            rows.append([label] + [""] * (width - 1))
        else:
            rows.append([label, *(str(t3[key][c]) for c in COLS)])
    return _rows(rows, layout)


def render_t4(truth: dict, layout: str) -> list[str]:
    t4 = truth["t4"]
    review, direct, after = _FMT.t4.blocks
    rows = [[review.label, "", "", "", "", direct.parent] + [""] * 9,
            ["", "", "", "", "", direct.label, "", "", "", "", after.label, "", "", "", ""],
            [*T4_COL_LABELS, *T4_COL_LABELS, *T4_COL_LABELS],
            [str(t4[b][c]) for b in T4_BLOCKS for c in T4_COLS]]
    return _rows(rows, layout)


def make_report(seed: int, layout: Optional[str] = None, target_bytes: int = 8000) -> tuple[str, dict]:
    """One consistent report: (text, truth). ``layout`` None picks one from the seed."""
    rng = random.Random(seed)
    layout = layout or LAYOUTS[seed % len(LAYOUTS)]
    truth = make_truth(rng)
    year = rng.randint(2021, 2024)
    org = rng.choice(CITIES) + "市" + rng.choice(DEPTS)
    t3, t4 = truth["t3"], truth["t4"]
    suits = t4["direct"]["total"] + t4["after_review"]["total"]
    topics = (("（一）主动公开", f"全年主动公开政府信息{rng.randint(50, 3000)}条，其中政策文件{rng.randint(1, 60)}件。"),
              ("（二）依申请公开", f"全年共收到政府信息公开申请{t3['R01']['C7']}件，上年结转{t3['R02']['C7']}件，"
                              f"办结{t3['R24']['C7']}件，结转下年度继续办理{t3['R25']['C7']}件。"),
              ("（三）政府信息管理", ""),
              ("（四）政府信息公开平台建设", ""),
              ("（五）监督保障", ""))
    head = [f"{org}{year}年政府信息公开工作年度报告", "",
            f"本报告根据《中华人民共和国政府信息公开条例》编制，统计期限为{year}年1月1日至{year}年12月31日。", "",
            HEADINGS["S1"], ""]
    body: list[str] = []
    for sub, fact in topics:
        body += [sub, fact + rng.choice(FILLER), ""]
    tables = ([HEADINGS["S2"], ""] + render_t2(truth, layout)
              + [HEADINGS["S3"], ""] + render_t3(truth, layout) + [""]
              + [HEADINGS["S4"], ""] + render_t4(truth, layout) + [""])
    tail = [HEADINGS["S5"], "", "一是" + rng.choice(FILLER) + "二是" + rng.choice(FILLER), "",
            HEADINGS["S6"], "",
            f"本机关{year}年度未收取信息处理费。" if rng.random() < 0.7 else
            f"本机关{year}年度发出收费通知{rng.randint(1, 3)}件，收取信息处理费{rng.randint(1, 9) * 100}元。", "",
            org, f"{year + 1}年1月{rng.randint(5, 28)}日", ""]
    text = "\n".join(head + body + tables + tail)
    # Pad 总体情况 with generic sentences until the report reaches the target size.
    size = len(text.encode("utf-8"))
    pad: list[str] = []
    while size < target_bytes:
        s = rng.choice(FILLER)
        pad.append(s)
        size += len(s.encode("utf-8"))
    if pad:
        cut = len(head) + 3  # after the first sub-topic's paragraph
        body_lines = head + body
        para = ["".join(pad[i:i + 4]) for i in range(0, len(pad), 4)]
        text = "\n".join(body_lines[:cut] + [p for x in para for p in (x, "")] + body_lines[cut:] + tables + tail)
    truth["year"] = year
    truth["layout"] = layout
    return text, truth


def write_corpus(directory: str, n: int, seed: int = 0, target_bytes: int = 8000,
                 layouts: Sequence[str] = LAYOUTS) -> list[str]:
    """Write ``n`` reports (``rNNNNNN.txt``) and return their paths, in order."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for i in range(n):
        text, _ = make_report(seed * 1_000_003 + i, layouts[i % len(layouts)], target_bytes)
        path = os.path.join(directory, f"r{i:06d}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        paths.append(path)
    return paths


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("outdir")
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--bytes", type=int, default=8000)
    args = p.parse_args(argv)
    paths = write_corpus(args.outdir, args.n, args.seed, args.bytes)
    print(f"wrote {len(paths)} reports to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
