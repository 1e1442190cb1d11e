"""The built-in example report: a minimal valid report (all six sections, the three tables,
consistent numbers) that tests, rule examples and the runner's warm-up start from."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence


T3_ROW_LABELS: tuple[tuple[str, str], ...] = (
    ("R01", "一、本年新收政府信息公开申请数量"),
    ("R02", "二、上年结转政府信息公开申请数量"),
    ("R03", "三、本年度办理结果\t（一）予以公开"),
    ("R04", "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("R05", "\t（三）不予公开\t1.属于国家秘密"),
    ("R06", "\t\t2.其他法律行政法规禁止公开"),
    ("R07", "\t\t3.危及“三安全一稳定”"),
    ("R08", "\t\t4.保护第三方合法权益"),
    ("R09", "\t\t5.属于三类内部事务信息"),
    ("R10", "\t\t6.属于四类过程性信息"),
    ("R11", "\t\t7.属于行政执法案卷"),
    ("R12", "\t\t8.属于行政查询事项"),
    ("R13", "\t（四）无法提供\t1.本机关不掌握相关政府信息"),
    ("R14", "\t\t2.没有现成信息需要另行制作"),
    ("R15", "\t\t3.补正后申请内容仍不明确"),
    ("R16", "\t（五）不予处理\t1.信访举报投诉类申请"),
    ("R17", "\t\t2.重复申请"),
    ("R18", "\t\t3.要求提供公开出版物"),
    ("R19", "\t\t4.无正当理由大量反复申请"),
    ("R20", "\t\t5.要求行政机关确认或重新出具已获取信息"),
    ("R21", "\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("R22", "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("R23", "\t\t3.其他"),
    ("R24", "\t（七）总计"),
    ("R25", "四、结转下年度继续办理"),
)

#: The consistent T3 numbers of the example report (C1…C7); every identity holds.
EXAMPLE_T3: dict[str, tuple[int, ...]] = {
    "R01": (3, 1, 0, 0, 0, 0, 4),
    "R02": (1, 0, 0, 0, 0, 0, 1),
    "R03": (2, 0, 0, 0, 0, 0, 2),
    "R04": (1, 0, 0, 0, 0, 0, 1),
    "R13": (0, 1, 0, 0, 0, 0, 1),
    "R24": (3, 1, 0, 0, 0, 0, 4),
    "R25": (1, 0, 0, 0, 0, 0, 1),
}
EXAMPLE_T2: dict[str, str] = {
    "rules.issued": "0", "rules.repealed": "0", "rules.in_force": "0",
    "norm.issued": "1", "norm.repealed": "0", "norm.in_force": "5",
    "licensing": "3", "penalty": "2", "coercion": "0", "fees": "0",
}
T4_ORDER = tuple(f"{b}.{c}" for b in ("review", "direct", "after_review")
                 for c in ("upheld", "corrected", "other", "pending", "total"))
EXAMPLE_T4: dict[str, str] = {k: "0" for k in T4_ORDER} | {"review.upheld": "1", "review.total": "1"}


def example_report(
    *,
    year: int = 2024,
    agency: str = "示例市交通运输局",
    t2: Optional[Mapping[str, str]] = None,
    t3: Optional[Mapping[str, Any]] = None,
    t4: Optional[Mapping[str, str]] = None,
    t2_headers: Sequence[str] = ("本年制发件数", "本年废止件数", "现行有效件数"),
    norm_label: str = "行政规范性文件",
    fee_header: str = "本年收费金额（单位：万元）",
    t3_total_column: bool = True,
    t3_rows: Optional[Mapping[str, str]] = None,
    drop_t3_rows: Iterable[str] = (),
    other_handling_alone: bool = False,
    tables: Iterable[str] = ("t2", "t3", "t4"),
    replace: Optional[Mapping[str, str]] = None,
) -> str:
    """A minimal valid report text (tab-separated tables), with overrides.

    - ``t2``: cell key ("fees", "norm.issued"…) -> text to print; ``t4``: "review.total"… -> text.
    - ``t3``: "R24.C1" -> value to print in that cell (str or int), or "R03" -> a whole row
      (sequence of values; fewer or more than 7 prints that many).
    - ``t3_rows``: row key -> full line text, printed as is instead of the generated row.
    - ``t3_total_column=False`` leaves 总计 out of the T3 header (rows keep their values).
    - ``other_handling_alone=True`` prints （六）其他处理 as one row (the 2019 layout) with
      the sum of R21…R23 instead of the three sub-rows.
    - ``tables``: which of t2/t3/t4 to print.
    - ``replace``: plain text replacements applied last (old -> new).
    """
    tables = set(tables)
    cells2 = dict(EXAMPLE_T2)
    cells2.update(t2 or {})
    cells4 = dict(EXAMPLE_T4)
    cells4.update(t4 or {})
    grid: dict[str, list[str]] = {r: [str(v) for v in EXAMPLE_T3.get(r, (0,) * 7)] for r, _ in T3_ROW_LABELS}
    for k, v in (t3 or {}).items():
        if "." in k:
            r, c = k.split(".")
            grid[r][int(c[1:]) - 1] = str(v)
        else:
            grid[k] = [str(x) for x in v]
    drop = set(drop_t3_rows)
    h = "\t".join(t2_headers)
    out: list[str] = [
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        f"本报告依据《中华人民共和国政府信息公开条例》编制，统计期限为{year}年1月1日至{year}年12月31日。",
        "",
        "一、总体情况",
        "",
        f"（一）主动公开。{year}年本机关通过门户网站主动公开政府信息。",
        "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。",
        "（三）政府信息管理。本机关健全政府信息公开审查机制。",
        "（四）政府信息公开平台建设。本机关持续优化政府网站信息公开专栏。",
        "（五）监督保障。本机关将政务公开纳入年度考核。",
        "",
        "二、主动公开政府信息情况",
        "",
    ]
    if "t2" in tables:
        out += [
            "第二十条第（一）项",
            f"信息内容\t{h}",
            f"规章\t{cells2['rules.issued']}\t{cells2['rules.repealed']}\t{cells2['rules.in_force']}",
            f"{norm_label}\t{cells2['norm.issued']}\t{cells2['norm.repealed']}\t{cells2['norm.in_force']}",
            "第二十条第（五）项",
            "信息内容\t本年处理决定数量",
            f"行政许可\t{cells2['licensing']}",
            "第二十条第（六）项",
            "信息内容\t本年处理决定数量",
            f"行政处罚\t{cells2['penalty']}",
            f"行政强制\t{cells2['coercion']}",
            "第二十条第（八）项",
            f"信息内容\t{fee_header}",
            f"行政事业性收费\t{cells2['fees']}",
            "",
        ]
    out += ["三、收到和处理政府信息公开申请情况", ""]
    if "t3" in tables:
        out += [
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
            "\t自然人\t法人或其他组织\t\t\t\t\t" + ("总计" if t3_total_column else ""),
            "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        ]
        for key, label in T3_ROW_LABELS:
            if key in drop:
                continue
            if other_handling_alone and key in ("R21", "R22", "R23"):
                if key == "R21":
                    sums = [sum(int(grid[r][i]) for r in ("R21", "R22", "R23")) for i in range(7)]
                    out.append("\t（六）其他处理\t" + "\t".join(str(s) for s in sums))
                continue
            if t3_rows and key in t3_rows:
                out.append(t3_rows[key])
                continue
            out.append(label + "\t" + "\t".join(grid[key]))
        out.append("")
    out += ["四、政府信息公开行政复议、行政诉讼情况", ""]
    if "t4" in tables:
        cols = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
        out += [
            "行政复议\t\t\t\t\t行政诉讼",
            "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
            f"{cols}\t{cols}\t{cols}",
            "\t".join(cells4[k] for k in T4_ORDER),
            "",
        ]
    out += [
        "五、存在的主要问题及改进情况",
        "",
        "一是信息发布的及时性有待提高；二是政策解读形式较单一。下一步将加强审核、丰富解读形式。",
        "",
        "六、其他需要报告的事项",
        "",
        f"本机关{year}年未收取信息处理费。",
        "",
        agency,
        f"{year + 1}年1月20日",
    ]
    text = "\n".join(out) + "\n"
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    return text
