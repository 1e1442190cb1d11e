"""Label normalisation and matching (FORMAT.md §10).

Labels are matched on a normalised copy (width folded, blanks and markdown marks removed,
Traditional characters folded to Simplified, quotes and commas unified); the source text
is never rewritten, so spans stay true. Matching is by the core words of each label, so
PDF line breaks, item numbers and known variants all land on the same canonical key.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

# Traditional -> Simplified for the characters that occur in the format's labels and
# headings (machine-converted reposts). Pairs: traditional, simplified.
_T2S_PAIRS = (
    "處处請请總总計计開开資资與与機机關关結结轉转辦办數数費费複复覆复議议訟讼審审維维糾纠務务"
    "構构組组織织業业會会規规範范許许罰罚強强製制現现項项條条於于屬属國国護护權权類类內内過过"
    "執执詢询無无補补確确訪访舉举報报訴诉獲获據据繳缴納纳決决廢废發发額额單单萬万門门問问題题"
    "進进況况體体動动態态應应經经濟济後后產产當当區区縣县鄉乡鎮镇協协認认為为對对從从專专欄栏"
    "網网級级準准標标錄录導导調调諮咨線线實实質质長长營营環环險险傳传說说價价聯联絡络電电話话"
    "郵邮編编號号學学習习視视頻频圖图書书閱阅讀读釋释讓让斷断續续繼继層层義义責责評评紀纪監监"
    "設设臺台並并將将穩稳這这個个們们時时間间節节點点況况徑径證证預预覽览顯显據据歸归檔档檢检"
)
_T2S = {ord(_T2S_PAIRS[i]): _T2S_PAIRS[i + 1] for i in range(0, len(_T2S_PAIRS) - 1, 2)}
_PUNCT = {
    ord("“"): '"', ord("”"): '"', ord("‘"): "'", ord("’"): "'", ord("，"): ",", ord("、"): ",",
    ord("（"): "(", ord("）"): ")", ord("："): ":", ord("；"): ";", ord("。"): ".", ord("*"): None,
    ord("#"): None, ord("\u200b"): None,
}


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Matching form of a label: NFKC, no blanks, Simplified, unified punctuation."""
    t = unicodedata.normalize("NFKC", text).translate(_T2S).translate(_PUNCT)
    return "".join(t.split())


def strip_numbering(norm: str) -> str:
    """Remove a leading item number ("1." "(一)" "一," "(1)") from a normalised label."""
    i = 0
    n = len(norm)
    while i < n:
        if norm[i] == "(":
            j = norm.find(")", i)
            if 0 < j - i <= 4:
                i = j + 1
                continue
            break
        k = i
        while k < n and (norm[k].isdigit() or norm[k] in "一二三四五六七八九十"):
            k += 1
        if k > i and k < n and norm[k] in ".,":
            i = k + 1
            continue
        break
    return norm[i:]


# --------------------------------------------------------------------------- T3 rows
# Ordered: the first entry whose words occur in the label wins, so specific labels come
# before general ones (R21 "申请人无正当理由…" before R19 "无正当理由大量反复").
_T3_ROW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("R21", ("逾期不补正", "申请人无正当理由", "不补正")),
    ("R22", ("缴纳费用", "收费通知", "逾期未缴费", "申请人逾期未", "未按收费")),
    ("R19", ("大量反复", "无正当理由大量")),
    ("R20", ("确认或重新出具", "重新出具", "要求行政机关确认")),
    ("R15", ("仍不明确", "补正后申请", "申请内容不明确")),
    ("R01", ("本年新收", "新收政府信息公开申请")),
    ("R02", ("上年结转",)),
    ("R25", ("结转下年度", "结转下一年度", "转下年度", "下年度继续办理", "下一年度继续办理")),
    ("R04", ("部分公开",)),
    ("R03", ("予以公开",)),
    ("R05", ("国家秘密",)),
    ("R06", ("禁止公开", "其他法律")),
    ("R07", ("三安全一稳定", "危及")),
    ("R08", ("第三方",)),
    ("R09", ("内部事务",)),
    ("R10", ("过程性",)),
    ("R11", ("执法案卷",)),
    ("R12", ("行政查询",)),
    ("R13", ("不掌握",)),
    ("R14", ("另行制作", "没有现成")),
    ("R16", ("信访", "举报投诉")),
    ("R17", ("重复申请",)),
    ("R18", ("公开出版物",)),
)
_T3_GROUP_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("G3", ("不予公开",)),
    ("G4", ("无法提供",)),
    ("G5", ("不予处理",)),
    ("G6", ("其他处理",)),
    ("G0", ("本年度办理结果", "办理结果")),
)

#: Standard T3 row labels (FORMAT §5.2), normalised, for the "non-standard label" rules.
T3_STANDARD_LABELS: dict[str, str] = {
    "R01": "一、本年新收政府信息公开申请数量",
    "R02": "二、上年结转政府信息公开申请数量",
    "R03": "（一）予以公开",
    "R04": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "R05": "1.属于国家秘密",
    "R06": "2.其他法律行政法规禁止公开",
    "R07": "3.危及“三安全一稳定”",
    "R08": "4.保护第三方合法权益",
    "R09": "5.属于三类内部事务信息",
    "R10": "6.属于四类过程性信息",
    "R11": "7.属于行政执法案卷",
    "R12": "8.属于行政查询事项",
    "R13": "1.本机关不掌握相关政府信息",
    "R14": "2.没有现成信息需要另行制作",
    "R15": "3.补正后申请内容仍不明确",
    "R16": "1.信访举报投诉类申请",
    "R17": "2.重复申请",
    "R18": "3.要求提供公开出版物",
    "R19": "4.无正当理由大量反复申请",
    "R20": "5.要求行政机关确认或重新出具已获取信息",
    "R21": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "R22": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "R23": "3.其他",
    "R24": "（七）总计",
    "R25": "四、结转下年度继续办理",
}


# Pure functions of short label texts that the builder asks about again and again (every
# line of a table region, every label of every report): cached like normalise().
@lru_cache(maxsize=8192)
def match_t3_row(norm: str, *, after_leaves: bool = False, numbered: bool = False) -> Optional[str]:
    """Canonical T3 row (R01…R25) or group (G0, G3…G6) a normalised label names, or None.

    ``after_leaves``: the label comes after the (六) rows, where a bare 其他 is R23 and a
    bare 总计 is R24 (before the data, the same words are column headers).
    """
    if not norm:
        return None
    for key, words in _T3_ROW_WORDS:
        for w in words:
            if w in norm:
                return key
    core = strip_numbering(norm)
    if core in ("总计", "合计"):
        if numbered or after_leaves or norm.startswith("(七)") or norm.startswith("(7)"):
            return "R24"
        return None
    if core == "其他":
        if norm.startswith("(六)"):
            return "G6"
        if numbered or after_leaves:
            return "R23"
        return None
    for key, words in _T3_GROUP_WORDS:
        for w in words:
            if w in norm:
                return key
    return None


# --------------------------------------------------------------------------- T3 columns
_T3_COL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("C1", ("自然人", "公民")),
    ("C2", ("商业企业", "商业", "企业")),
    ("C3", ("科研机构", "科研")),
    ("C4", ("社会公益组织", "公益组织", "社会公益", "社会组织", "公益")),
    ("C5", ("法律服务机构", "法律服务")),
    ("C6", ("其他机构", "其他组织", "其他")),
    ("C7", ("总计", "合计")),
)


@lru_cache(maxsize=4096)
def t3_columns_in(norm_header: str) -> tuple[str, ...]:
    """Which T3 columns a (joined, normalised) header text names, in canonical order."""
    found = []
    text = norm_header.replace("法人或其他组织", "")
    for key, words in _T3_COL_WORDS:
        if any(w in text for w in words):
            found.append(key)
    return tuple(found)


# --------------------------------------------------------------------------- T2
_T2_ROW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("norm", ("行政规范性文件", "规范性文件")),
    ("rules", ("规章",)),
    ("licensing", ("行政许可",)),
    ("penalty", ("行政处罚",)),
    ("coercion", ("行政强制",)),
    ("fees", ("行政事业性收费", "事业性收费")),
)
#: Width (values per row) of each T2 row.
T2_ROW_WIDTH = {"rules": 3, "norm": 3, "licensing": 1, "penalty": 1, "coercion": 1, "fees": 1}
T2_ROW_KEYS = {
    "rules": ("rules.issued", "rules.repealed", "rules.in_force"),
    "norm": ("norm.issued", "norm.repealed", "norm.in_force"),
    "licensing": ("licensing",),
    "penalty": ("penalty",),
    "coercion": ("coercion",),
    "fees": ("fees",),
}


#: The 2019 试行 format's table 二 (FORMAT §1.2): other rows and columns.
_T2_ROW_WORDS_2019: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("other_services", ("其他对外管理服务事项", "对外管理服务事项")),
    ("procurement", ("政府集中采购", "集中采购")),
) + _T2_ROW_WORDS
T2_ROW_WIDTH_2019 = {"rules": 3, "norm": 3, "licensing": 3, "other_services": 3, "penalty": 3, "coercion": 3,
                     "fees": 2, "procurement": 2}
T2_ROW_KEYS_2019 = {
    "rules": ("rules.made", "rules.published", "rules.total"),
    "norm": ("norm.made", "norm.published", "norm.total"),
    "licensing": ("licensing.previous", "licensing.change", "licensing.decisions"),
    "other_services": ("other_services.previous", "other_services.change", "other_services.decisions"),
    "penalty": ("penalty.previous", "penalty.change", "penalty.decisions"),
    "coercion": ("coercion.previous", "coercion.change", "coercion.decisions"),
    "fees": ("fees.previous", "fees.change"),
    "procurement": ("procurement.items", "procurement.amount"),
}
#: Header words only the 2019 format prints (its "signatures", FORMAT §1.2).
OLD_FORMAT_SIGNATURES = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                         "本年增减", "政府集中采购", "采购项目数量", "采购总金额", "其他对外管理服务事项")


@lru_cache(maxsize=8192)
def match_t2_row(norm: str, format: str = "2021") -> Optional[str]:
    core = strip_numbering(norm)
    # A row label is short; a sentence that mentions 行政许可 is not one.
    if len(core) > 16:
        return None
    for key, words in (_T2_ROW_WORDS_2019 if format == "2019" else _T2_ROW_WORDS):
        if any(w in core for w in words):
            return key
    return None


#: Each 2019-format signature with its matching form (normalised once, at import).
OLD_FORMAT_SIGNATURES_NORMALISED = tuple((sig, normalise(sig)) for sig in OLD_FORMAT_SIGNATURES)


def old_format_signatures(norm_texts) -> list[str]:
    """The 2019-format header words found among normalised label texts."""
    found = []
    # One text to search: a normalised signature holds no whitespace, so it is in the
    # joined text exactly when it is in one of the texts (no generator a signature).
    joined = "\n".join(norm_texts)
    for sig, n in OLD_FORMAT_SIGNATURES_NORMALISED:
        if n in joined and sig not in found:
            found.append(sig)
    return found


# --------------------------------------------------------------------------- sections
SECTION_STANDARD_TITLES = {
    "S1": "总体情况",
    "S2": "主动公开政府信息情况",
    "S3": "收到和处理政府信息公开申请情况",
    "S4": "政府信息公开行政复议、行政诉讼情况",
    "S5": "存在的主要问题及改进情况",
    "S6": "其他需要报告的事项",
}
_SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("S6", ("其他需要报告", "其他事项", "其他需报告")),
    ("S4", ("行政复议", "行政诉讼")),
    ("S5", ("主要问题", "存在问题", "存在的问题", "改进情况", "改进措施")),
    ("S3", ("收到和处理", "申请情况", "依申请公开情况", "依申请公开")),
    ("S2", ("主动公开",)),
    ("S1", ("总体情况", "概述", "概况")),
)


def section_slot(norm_title: str) -> Optional[str]:
    """The statutory slot a heading title names by its core words (FORMAT §3.1)."""
    for slot, words in _SECTION_WORDS:
        if any(w in norm_title for w in words):
            return slot
    return None


def is_standard_title(slot: str, norm_title: str) -> bool:
    return norm_title == normalise(SECTION_STANDARD_TITLES[slot])


CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}


def cn_to_int(s: str) -> Optional[int]:
    """Chinese numeral (up to 千) to int: 一 -> 1, 十一 -> 11, 二十 -> 20, 一百零五 -> 105."""
    if not s:
        return None
    total = 0
    current = 0
    units = {"十": 10, "百": 100, "千": 1000}
    for ch in s:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in units:
            total += (current or 1) * units[ch]
            current = 0
        else:
            return None
    return total + current
