"""Agency names: one spelling for the many ways a report prints its agency.

A report names its agency in the title (``平潭综合实验区财政金融局2025年度政府信息公开工作年度报告``),
in the preface (``本报告由淮安市洪泽区人民政府办公室……编制``) and under the last section. The
same agency prints it differently from one year to the next: with or without its province
or city (``洪泽区人民政府`` / ``淮安市洪泽区人民政府``), short or long (``市科委`` /
``科学技术委员会``), with spaces, ``关于``/``的`` and OCR slips (``沐阳县`` for ``沭阳县``).

- :func:`normalise_agency` gives the name a report is filed under: noise removed, the
  usual short forms written out, a leading province dropped when a lower unit follows.
- :func:`is_relative` tells a name that needs its context (``市科技局``, ``区财政金融局``:
  which city?) from one that stands alone.
- :func:`agency_key` is what two spellings of one agency share (the last administrative
  unit with the organ, OCR look-alikes folded): the history store finds candidates by it,
  and :func:`same_agency` decides.

Everything here is data and pure functions; nothing guesses between two candidates.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional, Sequence

from .lazy_re import lazy_compile
#: Provinces, autonomous regions and municipalities, as printed at the head of a name.
PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
    "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
    "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)

#: Short forms of organ names written out (the suffix of a name only). Longest first.
SHORT_FORMS = (
    ("发改委", "发展和改革委员会"), ("发改局", "发展和改革局"), ("工信局", "工业和信息化局"),
    ("科委", "科学技术委员会"), ("科技局", "科学技术局"), ("教育局", "教育局"),
    ("人社局", "人力资源和社会保障局"), ("住建局", "住房和城乡建设局"), ("住建委", "住房和城乡建设委员会"),
    ("市监局", "市场监督管理局"), ("市场监管局", "市场监督管理局"), ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"), ("文旅局", "文化和旅游局"), ("农业农村局", "农业农村局"),
    ("生态环境局", "生态环境局"), ("环保局", "环境保护局"), ("自然资源局", "自然资源局"),
    ("交通局", "交通运输局"), ("应急局", "应急管理局"), ("医保局", "医疗保障局"), ("退役军人局", "退役军人事务局"),
    ("统计局", "统计局"), ("审计局", "审计局"), ("民政局", "民政局"), ("司法局", "司法局"), ("财政局", "财政局"),
    ("管委会", "管理委员会"), ("政府办公室", "人民政府办公室"), ("政府办", "人民政府办公室"),
    ("区政府", "区人民政府"), ("县政府", "县人民政府"), ("市政府", "市人民政府"), ("镇政府", "镇人民政府"),
    ("乡政府", "乡人民政府"),
)

#: Characters OCR confuses in names (each group folded to its first member for matching
#: only: the name shown keeps what the report printed).
OCR_LOOKALIKES = ("沭沐", "已己巳", "未末", "士土", "日曰", "人入", "天夭", "治冶", "戍戌戊", "剌刺", "拔拨",
                  "侯候", "汨汩", "茌荏", "亳毫", "郓鄆", "莒筥", "泌沁", "浈湞", "睢雎", "濉睢", "盱眙盱",
                  "〇0OО", "一-—－", "1lI丨")

_FOLD = {ch: group[0] for group in OCR_LOOKALIKES for ch in group[1:]}

#: The administrative unit words a name's units end in (county level and up, and zones).
_UNIT_END = r"(?:自治区|特别行政区|自治州|自治县|自治旗|地区|新区|片区|省|市|州|盟|区|县|旗)"
#: Words that make a piece an organ, not a place (``市场``, ``区域`` are no units either).
_ORGAN_WORDS = lazy_compile(r"局|委|办|厅|院|室|中心|管理|政府|部|所|站|队|公司|市场|区域")
_UNIT = lazy_compile(r"[\u4e00-\u9fff]{2,10}?" + _UNIT_END)

_NOISE = lazy_compile(r"[\s\u200b\u200c\u200d\ufeff·•．.\-—_《》“”\"'（）()【】\[\]#*]+")
_REPORT_WORDS = lazy_compile(r"(?:关于)?(?:\d{4}年?度?)?(?:年度)?(?:的)?(?:政府信息公[开開]|政[务務]公[开開]|信息公[开開]).*$")


def _clean(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = _NOISE.sub("", text)
    text = _REPORT_WORDS.sub("", text)
    if text.startswith("关于"):
        text = text[2:]
    return text.rstrip("的")


def _expand_short_form(name: str) -> str:
    for short, full in SHORT_FORMS:
        if name.endswith(short) and not name.endswith(full):
            return name[: len(name) - len(short)] + full
    return name


def units(name: str) -> tuple[list[str], str]:
    """The leading administrative units of a name and the organ after them:
    ``淮安市洪泽区人民政府`` -> (["淮安市", "洪泽区"], "人民政府")."""
    found: list[str] = []
    rest = name
    while True:
        m = _UNIT.match(rest)
        if m is None or _ORGAN_WORDS.search(m.group(0)):
            break
        # A unit is followed by something (another unit or the organ), never ends the name
        # unless the name is a place alone (a zone's own report: 平潭综合实验区).
        found.append(m.group(0))
        rest = rest[m.end():]
        if not rest:
            break
    return found, rest


@lru_cache(maxsize=4096)
def normalise_agency(name: str) -> str:
    """The name a report is filed under ("" when nothing is left of it)."""
    text = _expand_short_form(_clean(name))
    for prov in PROVINCES:
        if text.startswith(prov):
            rest = text[len(prov):]
            if units(rest)[0]:  # a lower unit follows: the province adds nothing
                text = rest
            break
    return text


def is_relative(name: str) -> bool:
    """True for a name that only its context places: ``市科技局``, ``区财政金融局``, ``本局``."""
    if not name:
        return True
    if name.startswith(("本", "我")):
        return True
    if name[0] in "省市州县区旗镇乡" and not _UNIT.match(name):
        return True
    found, organ = units(name)
    return not found and bool(organ) and name[0] in "省市州县区旗镇乡"


def fold_lookalikes(text: str) -> str:
    return "".join(_FOLD.get(ch, ch) for ch in text)


@lru_cache(maxsize=4096)
def agency_key(name: str) -> str:
    """What every spelling of one agency shares: the last unit with the organ, OCR
    look-alikes folded (``淮安市洪泽区人民政府`` and ``洪泽区人民政府`` -> ``洪泽区人民政府``)."""
    found, organ = units(name)
    tail = (found[-1] if found else "") + organ
    return fold_lookalikes(tail or name)


def _prefix(name: str) -> str:
    found, _organ = units(name)
    return "".join(found[:-1])


def same_agency(a: str, b: str) -> bool:
    """Whether two normalised names are one agency: the same key, and the units printed
    before the last one agree where both print them (``淮安市洪泽区…`` and ``洪泽区…`` agree;
    ``福州市鼓楼区…`` and ``南京市鼓楼区…`` do not)."""
    if a == b:
        return True
    if not a or not b or agency_key(a) != agency_key(b):
        return False
    pa, pb = fold_lookalikes(_prefix(a)), fold_lookalikes(_prefix(b))
    return pa.endswith(pb) or pb.endswith(pa)


def expand_relative(name: str, candidates: Sequence[str]) -> Optional[str]:
    """A relative name (``市科技局``, ``区财政金融局``) written out from the full names the
    report prints elsewhere (its signature, its preface): the one candidate that is the same
    organ in a unit of the same level (``牡丹江市科学技术局``). None when none or several fit."""
    if not name or name[0] not in "省市州县区旗镇乡":
        return None
    level, organ = name[0], _expand_short_form(name[1:])
    fits = set()
    for cand in candidates:
        full = normalise_agency(cand)
        found, rest = units(full)
        if found and found[-1].endswith(level) and rest == organ:
            fits.add(full)
    return fits.pop() if len(fits) == 1 else None


def expand_from_mentions(name: str, text: str) -> Optional[str]:
    """A relative name (``区财政局``) written out from the places the text puts before it
    (``海沧区财政局`` … ``2021年度海沧区财政局`` …): the place most mentioned, when it is
    mentioned at least twice and at least three times as often as any other (a report
    mentions its own agency far more than others); None otherwise."""
    if not name or name[0] not in "省市州县区旗镇乡":
        return None
    level, short = name[0], name[1:]
    organs = {short, _expand_short_form(short)}
    pattern = re.compile(r"([\u4e00-\u9fff]{1,12})" + level + "(?:" + "|".join(map(re.escape, organs)) + ")")
    votes: dict[str, int] = {}
    for m in pattern.finditer(text):
        place = m.group(1)[-2:]
        if not _ORGAN_WORDS.search(place):
            votes[place] = votes.get(place, 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    top, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < 2 or count < 3 * runner_up:
        return None
    # The place's full name: the longest run of characters every mention shares before it.
    prefixes = [m.group(1) for m in pattern.finditer(text) if m.group(1).endswith(top)]
    common = top
    while all(len(p) > len(common) for p in prefixes) and len({p[-len(common) - 1] for p in prefixes}) == 1:
        common = prefixes[0][-len(common) - 1:]
    return normalise_agency(common + level + _expand_short_form(short))
