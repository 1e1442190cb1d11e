"""The report's title as printed at its top, the year it reports on, and the kind of
reporter (a government or a department) its title names."""
from __future__ import annotations

from typing import Optional, Sequence

from .. import labels as L
from ..lazy_re import lazy_compile
from ..model import Section, Span
from .cells import LineInfo, to_number
from .line_memo import line_at


_ORG_SUFFIX = tuple("局委办府会心院厅室所处馆站队部署行镇乡区县市司")


#: A web page's breadcrumb ("当前位置：首页 > 政务公开 > 政府信息公开年报"), never the title.
_NAVIGATION = lazy_compile(r"^(?:当前位置|您当前的位置|您现在的位置|您的位置|当前所在位置|所在位置|位置)\s*[：:]"
                         r"|首页\s*[>＞»›/|]|[>＞»›]\s*\S+\s*[>＞»›]|[>＞›»]\s*(?:政府信息公开|信息公开)")


#: The first line of a title wrapped after its year: the agency and the year, and perhaps
#: the start of 政府信息公开 ("某县人民政府2021年度", "某局2020年度政府信息"); no metadata
#: ("发布时间：2022年…": a colon).
_TITLE_HEAD = lazy_compile(r"^[^:：，。,]{0,24}\d{4}\s*年度?(?:政|政府|政府信|政府信息|政府信息公)?$")


#: The first line of a title wrapped after its agency, the year first: "2019年西街街道" /
#: "政府信息公开工作年度报告" (the name ends where an organ's or a place's name ends).
_YEAR_AND_AGENCY = lazy_compile(r"^\d{4}\s*年度?\s*[\u4e00-\u9fff（）()]{2,24}(?:街道|[" + "".join(_ORG_SUFFIX) + r"])$")
#: A web page's column or menu name standing alone above the title ("政府信息公开",
#: "政务公开"): it names no report.
_COLUMN_NAME = lazy_compile(r"^(?:政府)?信息公开(?:专栏|平台|目录)?$|^政务公开(?:专栏)?$")
#: A year typed before the title's own without 年 ("2025湖口县大垅乡2025年度…": a
#: publishing system's prefix), no part of the agency's name.
STRAY_YEAR = lazy_compile(r"^\d{4}(?=[^\d年\s])")


#: A page's metadata label before the title it gives ("标 题 某局…年度报告", "名称：…").
_METADATA_LABEL = lazy_compile(r"^(?:标\s*题|题\s*名|名\s*称)\s*[:：]?\s*(?=\S)")
#: The notice a report was sent out with, as the page's first title: 某局关于印发2025年政府信息
#: 公开工作年度报告的通知 names the agency and the report it sends.
_COVER_NOTICE = lazy_compile(r"^(.*?)关于印发\s*[《“]?(.*?年度报告)[》”]?的通知$")


def title_and_year(infos: Sequence[LineInfo], sections: dict[str, Section]) -> tuple[str, Optional[Span], Optional[int]]:
    """The report's title as printed at its top, and the report year.

    The title is the first short line naming the report (…政府信息公开…/…报告), joined with
    the agency's name when that stands on the line above ("洪泽区人民政府" / "2023 年政府信息
    公开工作年度报告") or below it before the title again (a page's title over the document's
    heading), with the agency and year the title wrapped after ("某局2020年度政府信息" /
    "公开工作年度报告"), and with a short continuation line ("…政府信息公开工作" / "年度报告").
    Page footers, web-page chrome and the preface are never part of it."""
    first_section = min([s.line for s in sections.values()] or [min(len(infos), 30) + 1])
    top = [line_at(infos, n) for n in _first_lines_with_text(infos, first_section - 1, 8)]

    def clean(info: LineInfo) -> str:
        t = _METADATA_LABEL.sub("", info.text.strip().strip("#*").strip(), 1)
        notice = _COVER_NOTICE.match(t)
        return notice.group(1).strip() + notice.group(2).strip() if notice else t

    def sentence_like(t: str) -> bool:
        return len(t) > 60 or t.endswith(("。", "；", ";", "：", ":")) or t.startswith(("本报告", "根据", "依据", "按照", "为"))

    def org_name(t: str) -> bool:
        return len(t) <= 30 and t.endswith(_ORG_SUFFIX) and not sentence_like(t)

    title_lines: list[LineInfo] = []
    for k, info in enumerate(top):
        t = clean(info)
        if ("政府信息公开" in t or "年度报告" in t) and not sentence_like(t) and not _NAVIGATION.search(t) \
                and not _COLUMN_NAME.match(t):
            title_lines = [info]
            if t[:1].isdigit() and k + 2 < len(top) and org_name(clean(top[k + 1])) \
                    and clean(top[k + 2])[:1].isdigit() and "报告" in clean(top[k + 2]):
                # A page's title, then the document's own heading: the agency on a line of
                # its own above the title repeated ("2022年…报告" / "某镇人民政府" / "2022年…报告").
                title_lines = [top[k + 1], top[k + 2]]
            elif k > 0 and t[:1].isdigit():
                above = clean(top[k - 1])
                if org_name(above):
                    title_lines.insert(0, top[k - 1])
            elif k > 0 and not t[:1].isdigit() and _TITLE_HEAD.search(clean(top[k - 1])) \
                    and not _NAVIGATION.search(clean(top[k - 1])):
                # The title wrapped after its year: "某局2020年度政府信息" / "公开工作年度报告".
                title_lines.insert(0, top[k - 1])
            elif k > 0 and t.startswith(("政府信息公开", "信息公开", "政务公开")) \
                    and _YEAR_AND_AGENCY.match(clean(top[k - 1])):
                # The title wrapped after its agency, the year first: "2019年西街街道" / "政府信息…".
                title_lines.insert(0, top[k - 1])
            if "报告" not in t:
                for nxt in top[k + 1:k + 3]:
                    n = clean(nxt)
                    if "报告" in n and len(n) <= 12:
                        title_lines.append(nxt)
                        break
            break
    title = "".join(clean(i) for i in title_lines)
    span = None
    if title_lines:
        span = Span(title_lines[0].number, 1, title_lines[-1].number, len(title_lines[-1].text) + 1)
    year = _year_in_words(title)
    for i in ([] if year else title_lines + top + list(infos[: min(len(infos), 40)])):
        y = _year_in(i)
        if y:
            year = y
            break
    return title, span, year


#: A year written in characters, as some titles print it: 二〇二四年 (〇 also typed as ○, O, 零).
_YEAR_IN_WORDS = lazy_compile(r"([〇○OＯ零一二三四五六七八九]{4})\s*年")
_DIGIT_WORDS = str.maketrans("〇○OＯ零一二三四五六七八九", "00000123456789")


def _year_in_words(title: str) -> Optional[int]:
    m = _YEAR_IN_WORDS.search(title)
    if m is None:
        return None
    year = int(m.group(1).translate(_DIGIT_WORDS))
    return year if 2000 <= year <= 2100 else None


def _first_lines_with_text(infos: Sequence[LineInfo], before: int, count: int) -> list[int]:
    """The numbers of the first ``count`` lines before line ``before + 1`` that are
    neither blank nor a page footer."""
    out: list[int] = []
    for n, info in enumerate(infos[:max(0, before)], 1):
        if not info.blank and not info.footer:
            out.append(n)
            if len(out) == count:
                break
    return out


def _year_in(info: LineInfo) -> Optional[int]:
    a = None  # the token before, blanks passed over (tokens read one at a time: a long line's are packed)
    for b in info.tokens:
        if b.type == "BLANK":
            continue
        if a is not None and a.type == "NUMBER" and b.type == "TEXT" and b.value.startswith("年") and len(a.value) == 4:
            y = to_number(a.value)
            if isinstance(y, int) and 2000 <= y <= 2100:
                return y
        a = b
    return None


#: What the name of a people's government's report may end in when the title leaves out
#: 人民政府 (五常市民意乡2021年…, 2022年度螅镇政府信息公开…, 宿迁市2025年…). (Not 区: a
#: 片区, 园区 or 开发区 is run by a 管理局 or 管委会.)
_PLACE_ENDS = ("街道办事处", "街道", "乡", "镇", "县", "市", "旗")
#: The agency a title names after its year (2022年度螅镇政府信息公开工作年度报告).
_AGENCY_AFTER_YEAR = lazy_compile(r"^\d{4}年度?(.+?)(?:政府信息公开|信息公开|政务公开)")
#: Where a title without a year stops naming its agency.
_BEFORE_REPORT_WORDS = lazy_compile(r"政府信息公开|信息公开|政务公开")


#: The report's own name in a preface that publishes it (现公布某乡人民政府2025年度…报告,
#: 特向社会公布2025年某乡人民政府…报告, 现编制形成了《…》): never a document it follows
#: (根据《…的通知》) or the format (印发…报告格式).
_NAMED_IN_PREFACE = lazy_compile(r"(?:公布|形成了?|发布)\s*[《“]?(?P<name>[^《》“”，。,；;：:\s]{0,40}?\d{4}\s*年度?"
                                 r"[^《》“”，。,；;：:]{0,30}?报告)(?!格式)")
#: How far into the text a preface names the report.
_PREFACE_REACH = 600


def report_named_in_preface(text: str) -> str:
    """The report's name as a preface publishing it gives it, or "": what tells the
    reporter's kind where the page kept no title."""
    m = _NAMED_IN_PREFACE.search(text[:_PREFACE_REACH])
    return m.group("name") if m else ""


def reporter_kind(title: str) -> str:
    """"government" for a 人民政府 (not its 办公厅 or 办公室), a 街道办事处, or a place named
    alone (a township's, a county's, a city's report), else "department"."""
    t = STRAY_YEAR.sub("", L.normalise(title).lstrip(), 1)
    if "人民政府" in t and not any(w in t for w in ("办公厅", "办公室")):
        return "government"
    # The name ends at the year, or without one at the report's words; 某某乡关于2020年度…
    # names the place before its 关于.
    name = _BEFORE_REPORT_WORDS.split(t.split("2")[0], 1)[0].removesuffix("关于")
    if not name:
        after = _AGENCY_AFTER_YEAR.match(t)
        name = after.group(1) if after else ""
    if name.endswith(_PLACE_ENDS):
        return "government"
    return "department"
