"""Label normalisation and matching (docs/format.md §10).

Labels are matched on a normalised copy (width folded, blanks and markdown marks removed,
Traditional characters folded to Simplified, quotes and commas unified); the source text
is never rewritten, so spans stay true. Matching is by the core words of each label, so
PDF line breaks, item numbers and known variants all land on the same canonical key.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Optional

from . import format as _format
from .lazy_re import lazy_compile

_T2 = _format.T2_2021
_T2_2019 = _format.T2_2019
_T3 = _format.T3_2021

# Traditional -> Simplified for the characters that occur in the format's labels and
# headings (machine-converted reposts). Pairs: traditional, simplified.
_T2S_PAIRS = (
    "處处請请總总計计開开資资與与機机關关結结轉转辦办數数費费複复復复覆复議议訟讼審审維维糾纠務务"
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


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text: str) -> str:
    """``text`` with full-width digits (２０２４年) as ASCII ones: same length, so offsets hold."""
    return text.translate(_FULL_WIDTH_DIGITS)


def simplified(text: str) -> str:
    """``text`` in Simplified characters, character for character (same length)."""
    return text.translate(_T2S)


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


def opens_with_numbering(text: str) -> bool:
    """Does the label open with an item number (二、, （二）, 2.) followed by words?"""
    norm = normalise(text)
    core = strip_numbering(norm)
    return bool(core) and core != norm


# --------------------------------------------------------------------------- T3 rows
# The words and labels are the format's (gplint.format); this module only matches them.
# Ordered: the first entry whose words occur in the label wins, so specific labels come
# before general ones (R21 "申请人无正当理由…" before R19 "无正当理由大量反复").
_T3_ROW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple((k, _T3.row(k).words) for k in _T3.match_order)
_T3_GROUP_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (k, _T3.group(k).words) for k in _T3.group_match_order)

#: Standard T3 row labels (FORMAT §5.2), for the "non-standard label" rules. Kept for the
#: reader (gplint.reader) until it reads gplint.format everywhere.
T3_STANDARD_LABELS: dict[str, str] = {r.key: r.standard for r in _T3.rows}
#: The total row (R24) and the last leaf (R23) have no words of their own: a bare 总计 or
#: 其他 names them only by its place (see match_t3_row); the same words head columns.
_TOTAL_WORDS = _T3.column(_T3.total_column).words  # 总计, 合计
_OTHER_WORD = strip_numbering(normalise(_T3.row("R23").label))  # 其他
_TOTAL_NUMBERS = (normalise(_T3.row(_T3.total_row).label)[:3], "(7)")  # (七), (7)
_OTHER_GROUP_NUMBER = normalise(_T3.group("G6").label)[:3]  # (六)
_OTHER_NUMBER = normalise(_T3.row("R23").label).split(".")[0]  # 3
_ARABIC_NUMBERING = lazy_compile(r"\(?(\d+)[).,]")


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
    if core in _TOTAL_WORDS:
        if numbered or after_leaves or norm.startswith(_TOTAL_NUMBERS):
            return _T3.total_row
        return None
    if core == _OTHER_WORD:
        if norm.startswith(_OTHER_GROUP_NUMBER):
            return "G6"
        numbering = _ARABIC_NUMBERING.match(norm)
        if numbering and not numbering.group(1).endswith(_OTHER_NUMBER):
            # 2.其他: the start of a longer label cut by a narrow column (2.其他法律…). (A
            # crawled row's last value may run into the label: 03.其他.)
            return None
        if numbered or after_leaves:
            return "R23"
        return None
    for key, words in _T3_GROUP_WORDS:
        for w in words:
            if w in norm:
                return key
    return None


def match_t3_leaf_after_groups(norm: str) -> Optional[str]:
    """The T3 row named after the groups a label prints first (三、本年度办理结果（六）其他处理
    3.其他: a table whose merged group cells were repeated on every row, its cells run
    together by blanks), or None when nothing but group names, or no row, follows them.
    After its groups, a bare 其他 or 总计 is the leaf, not a column word."""
    end = 0
    for _key, words in _T3_GROUP_WORDS:
        for w in words:
            at = norm.rfind(w)
            if at >= 0:
                end = max(end, at + len(w))
    rest = norm[end:]
    if not end or not rest:
        return None
    key = match_t3_row(rest, after_leaves=True, numbered=rest[:1].isdigit())
    return key if key and key.startswith("R") else None


# --------------------------------------------------------------------------- T3 columns
_T3_COL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple((c.key, c.words) for c in _T3.columns)
#: The header spanning C2…C6 (法人或其他组织): its 其他 must not be read as column C6.
_T3_COL_GROUP = normalise(_T3.column("C2").group or "")
T3_COLUMN_GROUP = _T3_COL_GROUP


@lru_cache(maxsize=4096)
def t3_columns_in(norm_header: str) -> tuple[str, ...]:
    """Which T3 columns a (joined, normalised) header text names, in canonical order."""
    found = []
    text = norm_header.replace(_T3_COL_GROUP, "")
    for key, words in _T3_COL_WORDS:
        if any(w in text for w in words):
            found.append(key)
    return tuple(found)


def t3_column_order(norm_header: str, columns: Optional[tuple[str, ...]] = None) -> Optional[tuple[str, ...]]:
    """The T3 columns (all seven, or ``columns``) in the order a header text prints them,
    when it names each of them, and no other, once in distinct places (else None)."""
    text = norm_header.replace(_T3_COL_GROUP, "")
    wanted = columns or tuple(k for k, _ in _T3_COL_WORDS)
    if columns and any(w in text for k, words in _T3_COL_WORDS if k not in columns for w in words):
        return None
    at: dict[str, int] = {}
    for key, words in _T3_COL_WORDS:
        if key not in wanted:
            continue
        hits = [text.find(w) for w in words if w in text]
        if not hits:
            return None
        at[key] = min(hits)
    if len(set(at.values())) != len(at):
        return None
    return tuple(sorted(at, key=at.__getitem__))


# --------------------------------------------------------------------------- T2
# Each format's rows, the words that name them, in the order they are tried.
_T2_ROW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple((k, _T2.rows[k].words) for k in _T2.match_order)
_T2_ROW_WORDS_2019: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (k, _T2_2019.rows[k].words) for k in _T2_2019.match_order)

# Kept for the reader (gplint.reader) until it reads gplint.format everywhere:
#: Width (values per row) of each T2 row, and each row's cell keys, 2021 and 2019 formats.
T2_ROW_WIDTH = _T2.row_width
T2_ROW_KEYS = _T2.row_keys
T2_ROW_WIDTH_2019 = _T2_2019.row_width
T2_ROW_KEYS_2019 = _T2_2019.row_keys
#: Header words only the 2019 format prints (its "signatures", FORMAT §1.2).
OLD_FORMAT_SIGNATURES = _format.OLD_FORMAT_SIGNATURES


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
#: The same for the header words only the 2021 format's table 二 prints.
NEW_FORMAT_SIGNATURES_NORMALISED = tuple((sig, normalise(sig)) for sig in _format.NEW_FORMAT_SIGNATURES)


def old_format_signatures(norm_texts) -> list[str]:
    """The 2019-format header words found among normalised label texts."""
    return _signatures(norm_texts, OLD_FORMAT_SIGNATURES_NORMALISED)


def new_format_signatures(norm_texts) -> list[str]:
    """The header words only the 2021 format's table 二 prints, found among normalised label
    texts."""
    return _signatures(norm_texts, NEW_FORMAT_SIGNATURES_NORMALISED)


def _signatures(norm_texts, signatures: tuple[tuple[str, str], ...]) -> list[str]:
    found = []
    # One text to search: a normalised signature holds no whitespace, so it is in the
    # joined text exactly when it is in one of the texts (no generator a signature).
    joined = "\n".join(norm_texts)
    for sig, n in signatures:
        if n in joined and sig not in found:
            found.append(sig)
    return found


# --------------------------------------------------------------------------- sections
#: Standard section titles without their numerals. Kept for the reader (gplint.reader) until it
#: reads gplint.format itself.
SECTION_STANDARD_TITLES = {sec.slot: sec.title for sec in _format.SECTIONS}
_SECTION_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (slot, _format.FORMAT_2021.section(slot).words) for slot in _format.SECTION_MATCH_ORDER)


def section_slot(norm_title: str, number: Optional[int] = None) -> Optional[str]:
    """The statutory slot a heading title names by its core words (FORMAT §3.1). A title
    naming two slots (二、主动公开、依申请公开工作情况: an old report's parts merged) is the
    one its ``number`` gives when that is one of them, else the one tried first."""
    first = None
    for slot, words in _SECTION_WORDS:
        if any(w in norm_title for w in words):
            if number is None or slot == f"S{number}":
                return slot
            first = first or slot
    return first


def is_standard_title(slot: str, norm_title: str) -> bool:
    return norm_title == normalise(SECTION_STANDARD_TITLES[slot])


def starts_t3_label(piece: str, key: str) -> bool:
    """Is ``piece`` the start of table 三 row ``key``'s standard label, as a narrow column
    cuts it (「2.申」, 「四、结转下年度继续办」: two characters or more)?"""
    label = T3_STANDARD_LABELS.get(key)
    start = normalise(piece)
    return label is not None and len(start) >= 2 and normalise(label).startswith(start)


#: Characters OCR reads the section numerals as (their shapes in a scan).
NUMERAL_LOOKALIKES = {"一": "-—_", "二": "=", "三": "兰彡", "四": "叫囚匹吗", "五": "去丑", "六": "入大"}


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
