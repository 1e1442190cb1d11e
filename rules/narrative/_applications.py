"""What each count in the prose about disclosure applications says: received, carried
over, handled, an outcome, an applicant kind. Shared by N101, N104 and N107.

Not a rule module. A sentence speaks of applications when it names 申请, or when it follows
such a sentence in the same section and names no other matter (``共收到申请27件。从办理结果
看，予以公开13件…``: the second sentence does not repeat 申请). A count's topic is read from
the keyword nearest to it (see :func:`._counts.nearest`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from gplint.analyses import per_report
from gplint.model import Report

from ._counts import COMPARISON, Count, blank_asides, counts, nearest
from ._prose import Sentence, sentences
from gplint.lazy_re import lazy_compile

#: Nouns a verb of the kinds below makes a compound with (答复期限, 办理时限, 答复方式): then
#: the verb names no count (对需要延长答复期限的 2 件申请 are not 2 answered).
_NOUN_AFTER_VERB = "期限|时限|时间|期内|率|方式|形式|格式|文书|书|意见书|程序|流程|规范|质量"
#: Count kinds of table 三's totals, by the words that name them (see N101). Negated forms
#: (未办结) belong to the carry-over, never to the handled count.
_KIND_SOURCE = "|".join(f"(?P<{k}>{p})" for k, p in (
    ("carried_out", r"(?:结转|转入|转|顺延|延续|延期|留待)(?:到|至|入)?\s*(?:下一?个?年度?|次年|\d{4}\s*年)(?:继续)?(?:办理)?"
                    r"|下一?年度?(?:继续)?办理|正在办理|办理中|尚在办理|仍在办理|在办(?!理)|在办理(?:期限|期|时限)内|未办结|尚未办结|未答复|尚未答复|待答复"),
    ("carried_in", r"上一?年度?(?:结转|转结|转入|遗留|跨年|未办结|未答复|尚未办结)|上年度?结转|跨年度?结转"
                   # carried into the report's year (转入本年度办理)
                   r"|(?:结转|转入)(?:到|至|入)?本年度?"),
    # the carry-over out of a year named by its number (2023年度结转的 2 件, 2023年度未办结的: into
    # the report year when that is 2024, out of it when it is 2023; N101 tells which)
    ("carried_year", r"[0-9０-９]{4}\s*年度?(?:结转|转结|遗留|尚未办结|未办结|尚未答复|未答复)(?!到|至|入|下)"),
    ("new", r"新收|收到|接收|接到|新增|新受理|收悉"),
    # 登记 takes applications in only where its clause names them (登记政府信息公开申请 25
    # 件), not as the agency's other registrations (户籍登记 500 件, 登记备案)
    ("accepted", r"受理|(?<![备案])登记(?![备案])(?=[^，,；;。]*?申请)|申请量|申请数量|申请总量|申请总数|申请数|共有|总量为|总数为"
                 # the request's own name as a quantity (依申请公开数量为 27 件)
                 r"|申请公开的?(?:数量|总量|总数|件数)"),
    ("handled", rf"(?<![未没])(?:办结|答复|办理完成|办理完毕|处理完毕|处理完成)(?!{_NOUN_AFTER_VERB})"),
    ("processed", rf"(?<![未没正在])(?:办理|处理)(?!中|{_NOUN_AFTER_VERB})"),
))
KIND_WORDS = lazy_compile(_KIND_SOURCE)

#: Outcomes of table 三: result groups and, for the commonest named reasons, single rows.
OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:予以公开|同意公开)(?:及|和|与|、)部分公开", ("G1", "G2")),
    (r"(?<![不未])(?:予以公开|同意公开|全部公开|准予公开|公开全部)", ("G1",)),
    # bare 公开 opening an item of the outcome list, right before its count (其中公开 12 件，
    # 部分公开 2 件); not 公开…信息共 62 条
    (r"(?:^|(?<=[，,；;：:、\s])|(?<=其中))公开(?:的有|的|为|共)?\s*$", ("G1",)),
    (r"部分公开|区分处理", ("G2",)),
    (r"不予(?:以)?公开", ("G3",)),
    (r"无法提供", ("G4",)),
    (r"不予处理", ("G5",)),
    (r"其他处理", ("G6",)),
    (r"本机关不掌握|信息不存在|不掌握相关", ("R13",)),
    (r"没有现成信息|需要另行制作|需另行制作", ("R14",)),
    (r"补正后申请内容仍不明确", ("R15",)),
    (r"信访举报投诉", ("R16",)),
    (r"重复申请", ("R17",)),
    (r"要求提供公开出版物", ("R18",)),
    (r"无正当理由大量反复申请", ("R19",)),
    (r"要求行政机关确认或重新出具", ("R20",)),
    (r"逾期不补正|逾期未补正", ("R21",)),
    (r"逾期未按收费通知|逾期未缴纳费用|逾期未缴费", ("R22",)),
)
OUTCOME_WORDS = lazy_compile("|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(OUTCOMES)))

#: Applicant kinds: table 三's columns, named right before the count (自然人申请18件).
APPLICANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # (个人 only where it applies: not 第三方个人, 涉及个人的)
    (r"自然人|公民(?:个人)?|(?<!第三方)个人(?=提出|提交|申请)", ("C1",)),
    (r"法人(?:或者?|和|及|与|、)其他组织|法人或其它组织|企业(?:或|和|及|与|、)其他组织|法人", ("C2", "C3", "C4", "C5", "C6")),
    (r"商业企业|企业", ("C2",)),
    (r"科研机构", ("C3",)),
    (r"社会公益组织", ("C4",)),
    (r"法律服务机构", ("C5",)),
)
_APPLICANT_AT_END = lazy_compile("(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(APPLICANTS)) + ")"
                               r"(?:提出|提交|的)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:为|有|共)?\s*$")
_ANOTHER_APPLICANT = lazy_compile(r"(?:自然人|公民|法人|企业|组织|机构|单位)\s*[、和及与或]\s*$")

_MONTH_DIGITS = "[0-9０-９]"
_RANGE_MARK = r"\s*(?:至|到|—|－|~|～|-)\s*"
#: A range's first month (1月, 1月1日, or its number alone: 1-6月) and what leads to its last.
_FROM = rf"(?:月(?:{_MONTH_DIGITS}{{1,2}}日)?)?{_RANGE_MARK}(?:{_MONTH_DIGITS}{{4}}年)?"
#: A range of months that is not the whole year (1月至6月, 7月1日至12月31日, 1-6月; not 1月至
#: 12月): it opens on a month after January, or opens on January and closes before December.
_PART_OF_YEAR = lazy_compile(
    rf"(?<!{_MONTH_DIGITS})(?:(?:[0０]?[2-9２-９]|[1１][0-2０-２]){_FROM}(?:[0０]?[1-9１-９]|[1１][0-2０-２])月"
    rf"|[0０]?[1１]{_FROM}(?:[0０]?[1-9１-９]|[1１][01０１])月)")

#: Units an application count is given in.
APPLICATION_UNITS = frozenset(("件", "件次", "份", "个", "宗", "条"))
#: Matters other than the agency's own applications of the year: a clause (or a sentence
#: carried over by context) that names one is not read as an application count.
# (The source kept apart: _CONTEXT_BREAK builds on it without compiling it at import.)
_OTHER_MATTERS_SOURCE = (r"咨询|复议|诉讼|起诉|案件|建议|提案|来信|来电|留言|平均|累计|近[三两五]年|近年来|历年|以来|"
                         r"主动公开|发布|培训|会议|解读|回应|(?:发出|发放|送达|出具|寄送|制发|下发)(?:了)?收费通知|"
                         # applications of the agency's other business (不动产登记申请, 行政许可申请),
                         # the hotline's other requests (12345热线转办群众诉求), petitions and
                         # complaints (信访事项, 投诉举报, 工单); not where the clause goes on to
                         # name the request for information (通过政务服务网收到政府信息公开申请,
                         # 12345热线转来的政府信息公开申请), nor the outcome of a request of that
                         # class (信访举报投诉类申请, 以信访投诉类申请为由不予处理)
                         r"(?:不动产|许可|审批|办件|政务服务|备案|热线)(?![^，,；;。]*?(?:信息公开|公开申请))|"
                         r"(?:信访|举报|投诉|诉求|工单)(?![^，,；;。]{0,6}?类)(?![^，,；;。]*?(?:信息公开|公开申请))|"
                         # a part of the year (第一季度, 上半年, 12月份; 1月至6月: other_matter), not
                         # the year's count
                         r"季度|半年|月份|每月|当月|本月|"
                         # a plan (计划办理 30 件, not 按计划 / 工作计划) or a plan's years (“十四五”期间)
                         r"(?<!按)(?<!工作)计划|预计|力争|十[一二三四五六]五”?(?:期间|以来|时期)")
OTHER_MATTERS = lazy_compile(_OTHER_MATTERS_SOURCE)


def other_matter(text: str) -> bool:
    """``text`` names a matter other than the agency's own applications of the year
    (:data:`OTHER_MATTERS`), or a range of months that is not the whole year (1月至6月; the
    pattern only for a text with 月)."""
    return OTHER_MATTERS.search(text) is not None or ("月" in text and _PART_OF_YEAR.search(text) is not None)


#: The agency's subordinate units as the subject (局属 8 个二级单位, 下属学校, 所属医院).
_SUB_UNITS = lazy_compile(r"(?:下属|所属|直属|局属|委属|厅属|区属|市属|县属)[^，,；;。]{0,8}?(?:单位|机构|学校|医院|部门)|二级单位|下级单位|基层单位")
#: The agency itself named with them (本局及下属单位, 局机关和所属单位): the whole.
_ITSELF = lazy_compile(r"本级|本机关|本单位|本部门|本局|本委|本办|本府|机关")


def sub_units_alone(words: str) -> bool:
    """``words`` (a clause up to its count or claim) name the agency's subordinate units and
    not the agency itself: what they say is not of table 三, which is the agency's own."""
    return _SUB_UNITS.search(words) is not None and _ITSELF.search(words) is None


#: In a context-carried sentence (no 申请): other matters, more broadly.
_CONTEXT_BREAK = lazy_compile(_OTHER_MATTERS_SOURCE + r"|政策|文件|网站|平台|专栏|公开信息|政务|新闻|稿件|条信息")


#: A count of time, not of applications (3 个工作日内答复).
_DURATION = lazy_compile(r"\s*(?:个)?(?:工作日|自然日|日内|天|小时|分钟|月)")
#: How far after a count an outcome may name it (12 件予以公开, 6 件因本机关不掌握…).
_AFTER_REACH = 6
_HANDLED_AFTER = lazy_compile(r"\s*(?:已经|已|均|全部|依法|按时|及时)*(?:办结|答复|办理完毕|处理完毕)")


@dataclass(frozen=True)
class ApplicationCount:
    """A count of applications the prose states (received, handled, carried over, …)."""

    sentence: Sentence
    count: Count
    #: "new", "accepted", "carried_in", "handled", "processed", "carried_out" ("carried_year":
    #: a carry-over out of the year its word names); "outcome";
    #: "applicant".
    kind: str
    #: For outcomes, the groups/rows; for applicants, the columns.
    keys: tuple[str, ...]
    #: The keyword's match (in count.before or count.after).
    word: str
    #: The sentence names 申请 (not only carried by context).
    named: bool


@per_report
def application_counts(report: Report) -> tuple[ApplicationCount, ...]:
    out: list[ApplicationCount] = []
    context = False
    section: Optional[str] = None
    for s in sentences(report):
        if s.heading or s.section != section:
            context = False
            section = s.section
            if s.heading:
                continue
        flat = blank_asides(s.text)
        named = "申请" in flat
        if not named and not context:
            continue
        if not named and (_CONTEXT_BREAK.search(flat) or ("月" in flat and _PART_OF_YEAR.search(flat))):
            context = False
            continue
        context = True
        cs = counts(s)
        respective = _respective_kinds(flat, cs) if "分别" in flat or "依次" in flat else {}
        for c in cs:
            if c.unit not in APPLICATION_UNITS or c.approximate:
                continue
            if c.start in respective:
                got = respective[c.start]
                if got is not None:
                    out.append(ApplicationCount(s, c, got[0], got[1], got[2], named))
                continue
            if named and "申请" not in c.clause and _of_other_matter(flat[:c.clause_start]):
                continue  # 全年受理行政复议申请 5 件，办结 4 件: the clauses go on with that matter
            if _another_kind_of_application(c.before):
                continue  # 全年受理低保申请 320 件: an application, not for information
            got = classify(c) or _kind_of_clause_before(flat, c) or _carried_after(flat, c)
            if got is not None:
                kind, keys, word = got
                if not named and kind in ("accepted", "processed"):
                    continue
                if kind in _VERB_KINDS and "申请" not in c.clause and _object_of_verb(c.before, word):
                    continue  # 办理企业登记注册 128 件: the verb's object is another matter
                out.append(ApplicationCount(s, c, kind, keys, word, named))
    return tuple(out)


#: What gives a list of counts in the order of the words before it (收到、办结、结转申请分别为
#: 27 件、25 件、4 件).
_RESPECTIVELY = lazy_compile(r"分别(?:为|是|有|达)?|依次(?:为|是)")
_LIST_JOINS = lazy_compile(r"[、和及与]")


_Kind = tuple[str, tuple[str, ...], str]


def _respective_kinds(flat: str, cs: tuple[Count, ...]) -> dict[int, Optional[_Kind]]:
    """(kind, keys, word) of each count of a "respectively" list (收到、办结、结转…申请分别为 27
    件、25 件、4 件; 予以公开、部分公开分别为 13 件、2 件) by the list of verbs or outcomes before
    it, in order; None for an item whose words name no kind (a bare 结转: carried in or out) or
    for every count when the lists differ in length. Counts by offset; only lists whose items
    name a kind of count (not 自然人和法人…)."""
    out: dict[int, Optional[_Kind]] = {}
    for m in _RESPECTIVELY.finditer(flat):
        listed = [c for c in cs if not c.aside and c.start >= m.end() and c.clause_start <= m.start()]
        if not listed:
            continue
        items = _LIST_JOINS.split(flat[listed[0].clause_start:m.start()])
        kinds = [_item_kind(item) for item in items]
        if len(items) < 2 or not any(kinds):
            continue
        for k, c in enumerate(listed):
            out[c.start] = kinds[k] if len(kinds) == len(listed) else None
    return out


def _item_kind(item: str) -> Optional[_Kind]:
    """(kind, keys, word) of one item of a list of verbs or outcomes, or None (none, or more
    than one)."""
    outcomes = list(OUTCOME_WORDS.finditer(item))
    if outcomes:
        return ("outcome", _outcome_keys(outcomes[0]), outcomes[0].group(0)) if len(outcomes) == 1 else None
    found = [m for m in KIND_WORDS.finditer(item) if m.lastgroup != "accepted" or not _QUANTITY_NOUN.match(m.group(0))]
    if len(found) != 1 or found[0].lastgroup not in _VERB_KINDS | {"carried_out", "carried_in"}:
        return None
    return found[0].lastgroup or "", (), found[0].group(0)


#: Kinds named by a verb of taking in or dealing with applications (not the carry-overs).
_VERB_KINDS = frozenset(("new", "accepted", "handled", "processed"))
#: What may stand between such a verb and its count when the clause names no 申请 (办结 25
#: 件, 答复了 25 件, 办理依申请公开事项 25 件, 办结数：25 件): anything else is the verb's own
#: object, another matter (办理企业登记注册 128 件, 受理群众诉求 860 件).
_NO_OBJECT = lazy_compile(r"(?:政府信息公开|政务信息公开|信息公开|依申请公开|公开)?(?:事项|件|工作)?"
                          r"|数量|总数|[了的有为是达计共合总全部均已其中和及与、数：:\s]")


def _object_of_verb(before: str, word: str) -> bool:
    """The words between the count's verb (``word``, last in ``before``) and the count name
    an object of their own."""
    i = before.rfind(word)
    if i < 0:
        return False
    # (A Chinese character left: tested by comparison, as a pattern's class of 21,000
    # characters costs millions of instructions to compile.)
    return any("\u4e00" <= ch <= "\u9fff" for ch in _NO_OBJECT.sub("", before[i + len(word):]))


#: A count standing for the total of the clause before that names 申请 with its verb and no
#: count of its own (收到政府信息公开申请，较上年有所增加，共 30 件).
_TOTAL_ONLY = lazy_compile(r"\s*(?:共计|合计|总计|共|总数为|总量为|数量为)(?:为|有|达|计)?\s*$")
#: The share of a wider count that is the requests for information (受理各类申请 1500 件，其中
#: 政府信息公开申请 27 件): read with that count's verb.
_SHARE_NAMED = lazy_compile(r"^\s*其中[^，,；;。]{0,12}?(?:信息公开|依申请公开|公开)(?:的)?申请(?:为|有|共|共计)?\s*$")
_NAMES_DISCLOSURE = lazy_compile(r"信息公开|依申请公开|公开申请")
_DIGITS = lazy_compile(r"[0-9０-９]")
#: The first kind word or digit after a clause (the carry-over a count-first clause leads to).
_KIND_OR_DIGIT = lazy_compile(_KIND_SOURCE + r"|(?P<digit>[0-9０-９])")


def _carried_after(flat: str, c: Count) -> Optional[tuple[str, tuple[str, ...], str]]:
    """("carried_out", (), words) for a count before its noun whose carry-over comes clauses
    later (另有 3 件申请因需征求第三方意见，结转至 2025 年度办理): its clause names no kind, and
    the first kind named after it, before any other count, is the carry-over."""
    if not c.after.lstrip().startswith("申请") or KIND_WORDS.search(c.after):
        return None
    end = c.clause_start + len(c.clause)
    m = _KIND_OR_DIGIT.search(flat, end)
    if m is None or m.lastgroup != "carried_out":
        return None
    return "carried_out", (), m.group(0)


def _kind_of_clause_before(flat: str, c: Count) -> Optional[tuple[str, tuple[str, ...], str]]:
    """(kind, (), verb) of a count whose own words name no kind, read from the clause before
    that names 申请: the total it announced (…申请，较上年有所增加，共 30 件) or the disclosure
    share of its wider count (…各类申请 1500 件，其中政府信息公开申请 27 件)."""
    total = _TOTAL_ONLY.match(c.before)
    share = None if total else _SHARE_NAMED.match(c.before)
    if total is None and share is None:
        return None
    clause = naming_clause(flat[:c.clause_start])
    if not clause or (share is not None and _NAMES_DISCLOSURE.search(clause)):
        return None
    if total is not None:
        # The clause ends on its 申请 with no count, and only comparisons stand between
        # (not 收到的申请中，涉及不动产登记的较多，共 8 件: a part of them).
        between = flat[flat.rfind(clause, 0, c.clause_start) + len(clause):c.clause_start]
        if not clause.rstrip().endswith("申请") or _DIGITS.search(clause) \
                or not all(COMPARISON.search(x) for x in _CLAUSES.split(between) if x.strip()):
            return None
    kind = None
    for kind in KIND_WORDS.finditer(clause):
        pass
    if kind is None or kind.lastgroup not in _VERB_KINDS:
        return None
    return kind.lastgroup, (), kind.group(0)


_CLAUSES = lazy_compile(r"[，,；;]")


def naming_clause(before: str) -> str:
    """The nearest clause of ``before`` (a sentence up to a clause) that names 申请, or "":
    the clauses after it that do not name 申请 go on about what it names (its matter, its
    kind, its year)."""
    return next((c for c in reversed(_CLAUSES.split(before)) if "申请" in c), "")


def _of_other_matter(before: str) -> bool:
    """Whether the nearest clause of ``before`` that names 申请 names another matter
    (行政复议申请, 行政许可申请) or another kind of application (低保申请)."""
    clause = naming_clause(before)
    return bool(clause) and (other_matter(clause) or _another_kind_of_application(clause))


#: A verb taking applications in, then what stands between it and 申请 (the kind of
#: application), then 申请 (not 申请人, 申请书, 申请表, nor 依申请公开's).
_APPLICATION_KIND = lazy_compile(r"(?:收到|受理|接收|接到|新收|登记|办理|处理|办结|答复)"
                                 r"([^，,；;。\d]{0,16}?)(?<!依)申请(?![人书表])")
#: What may stand there and keep it a request for information: its name, the channel, the
#: requester, fillers.
_INFORMATION_REQUEST = lazy_compile(
    # the request's name; fillers
    r"政府信息公开|政务信息公开|信息公开|依申请公开|政府信息|公开|各类|各项|相关|有关|的|了|共计|共|依法|"
    r"新|新增|本年度?|年度|全年|累计|总计|合计|各|等|和|及|与|或|并|、|\s|"
    # a count in words (办结的二十五件申请: digits never stand there)
    r"[零〇一二两三四五六七八九十百千]+件|"
    # the channel
    r"网上|网络|在线|当面|书面|信函|传真|邮寄|来信|政府网站|门户网站|网站|平台|窗口|现场|邮箱|信箱|电子邮件|通过|上|"
    # the requester, and the verbs of a request taken in
    r"群众|公众|社会公众|公民|法人|其他组织|企业|个人|申请人|提出|提交|递交|收到|受理|接收|接到|登记|办理|处理")


#: The request named outright: no other kind of application is a 公开 one.
_NAMES_THE_REQUEST = lazy_compile(r"公开|政府信息")


def _another_kind_of_application(text: str) -> bool:
    """Whether the last application ``text`` names before its count is of another kind than
    a request for information (低保申请, 营业执照申请, 户籍迁移申请: the agency's other
    business), as the words between the verb and 申请 say."""
    last = None
    for last in _APPLICATION_KIND.finditer(text):
        pass
    if last is None or not last.group(1):
        return False
    between = last.group(1)
    # 未办结、转入本年度办理的申请: a chain of verbs names no kind (营业执照办理申请 still does)
    between = KIND_WORDS.sub("", between)
    if _NAMES_THE_REQUEST.search(between):
        return False  # 市民/线上/有效/涉及征地拆迁的政府信息公开申请: whatever else it says
    return bool(_INFORMATION_REQUEST.sub("", between))


def classify(c: Count) -> Optional[tuple[str, tuple[str, ...], str]]:
    """(kind, keys, keyword) of an application count, or None when no keyword names it or it
    is a comparison (同比增加 2 件)."""
    if COMPARISON.search(c.before) or _DURATION.match(c.after):
        return None
    if c.before.rstrip().endswith("除"):
        return _exception(c)
    a = _APPLICANT_AT_END.search(c.before)
    if a is not None and not _ANOTHER_APPLICANT.search(c.before, 0, a.start()):
        i = next(int(k[1:]) for k, v in a.groupdict().items() if v)
        return "applicant", APPLICANTS[i][1], a.group(0)
    # (公民、法人和其他组织申请 27 件 names every applicant, not one kind: the count is the
    # whole, read by its verb like any other.)
    kind = _nearest_kind(c)
    outcome, in_before = nearest(OUTCOME_WORDS, c)
    if outcome is not None and not in_before and outcome.start() > _AFTER_REACH:
        outcome = None  # 1 件因申请人撤回…按其他处理: too far from the count to name it
    if outcome is not None:
        if kind is None or kind[0] in ("handled", "processed") or (
                in_before and (not kind[2] or outcome.end() > kind[1].end())):
            keys = _joined_outcomes(c.before, outcome) if in_before else _outcome_keys(outcome)
            if keys is None:
                return None
            return "outcome", keys, outcome.group(0)
    if kind is None:
        return None
    if kind[0] in ("accepted", "handled", "processed") and "其中" in c.before:
        return None  # 其中公开答复 1 件: a part of the count before, not the handled total
    if kind[2] and kind[0] in _VERB_KINDS and _a_part_by_its_words(c, kind[1]):
        return None
    return kind[0], (), kind[1].group(0)


def _outcome_keys(outcome: re.Match[str]) -> tuple[str, ...]:
    """The result groups or rows of table 三 an :data:`OUTCOME_WORDS` match names."""
    return OUTCOMES[next(int(k[1:]) for k, v in outcome.groupdict().items() if v)][1]


#: What joins outcomes named together (不予公开、无法提供及其他处理共 10 件).
_JOINED = lazy_compile(r"\s*(?:、|和|及|与|以及|或)\s*")
#: A count of each of the things named before it (不予公开、不予处理各 1 件).
_EACH = ("各", "均为", "均是", "都是", "都为")


def _joined_outcomes(before: str, last: re.Match[str]) -> Optional[tuple[str, ...]]:
    """The result groups of the outcome nearest before a count and of those joined to it
    (不予公开、无法提供、不予处理及其他处理共 10 件: the four groups' sum), or None when a
    group and a single row of table 三 are joined (one may hold the other) or the count is
    each one's (不予公开、不予处理各 1 件)."""
    keys = list(_outcome_keys(last))
    end = last.start()
    joined = 0
    for m in reversed(list(OUTCOME_WORDS.finditer(before, 0, end))):
        if not _JOINED.fullmatch(before, m.end(), end):
            break
        keys[:0] = [k for k in _outcome_keys(m) if k not in keys]
        end = m.start()
        joined += 1
    if joined and (before.rstrip().endswith(_EACH) or len({k[0] for k in keys}) > 1):
        return None
    return tuple(keys)


def _exception(c: Count) -> Optional[tuple[str, tuple[str, ...], str]]:
    """The kind of a count an exception names (均已办结，除 4 件结转下年度办理外): the words
    between the count and 外, not the verb of the clause it is taken out of."""
    end = c.after.find("外")
    m = KIND_WORDS.search(c.after, 0, end) if end > 0 else None
    if m is None or m.lastgroup not in ("carried_out", "carried_in"):
        return None
    return m.lastgroup, (), m.group(0)


#: How some applications were answered (当场答复 5 件, 延期答复 3 件; under one article of the
#: 条例, 依据第三十六条第（三）项答复 13 件): a part of those handled.
_MANNER = lazy_compile(r"(?:当场|当面|现场|延期|延长期限后?|逾期|超期|口头|电话|邮寄|短信|电子邮件"
                       r"|第[0-9一二三四五六七八九十百]+条(?:第\s*[（(]?[0-9一二三四五六七八九十\s]*[）)]?\s*项)?(?:的?规定)?)\s*$")
#: The applications a count-first clause goes on to give a cause or a need of (共有 2 件申请因涉及
#: 第三方…, 3 件申请需要补正): some of them, not the year's count.
_CAUSE_AFTER = lazy_compile(r"[^，,；;。\d]{0,12}?申请(?:因为|因|由于|需要|需)")


#: The quantity nouns of "accepted" (申请数, 申请量…): after a verb they name its count.
_QUANTITY_NOUN = lazy_compile(r"申请(?:数|量|总量|总数)")
#: What may stand between a verb and the quantity noun of its applications.
_NAME_OF_REQUEST = lazy_compile(r"(?:的|政府信息公开|依申请公开|信息公开)*")


def _a_part_by_its_words(c: Count, verb: re.Match[str]) -> bool:
    """The count's verb (before it) is qualified by a manner of answering, or the count is
    of applications the clause gives a cause of: a part of the year's count."""
    return _MANNER.search(c.before, 0, verb.start()) is not None or _CAUSE_AFTER.match(c.after) is not None


def _nearest_kind(c: Count) -> Optional[tuple[str, re.Match[str], bool]]:
    found = list(KIND_WORDS.finditer(c.before))
    # The nearest word names the count, but a carry-over named before it wins over the verbs
    # that follow it (转下一年度办理答复的有 1 件, 上年结转未办结的 2 件).
    m = next((f for f in found if f.lastgroup in ("carried_in", "carried_year")), None) \
        or next((f for f in found if f.lastgroup == "carried_out"), None) or (found[-1] if found else None)
    if m is not None and len(found) > 1 and m is found[-1] and _QUANTITY_NOUN.match(m.group(0)) \
            and found[-2].lastgroup in _VERB_KINDS and _NAME_OF_REQUEST.fullmatch(c.before, found[-2].end(), m.start()):
        m = found[-2]  # 办结申请数 25 件: the count of the verb's applications
    if m is None:
        # Number before the noun: 3件转入下一年度办理, 27件政府信息公开申请. A carry-over named
        # anywhere after the count wins over the verbs of its clause (因在答复期限内结转至下一年度).
        # Only a carry-over, or a handled count right after the number (25 件已办结), is
        # read there: other verbs after a count belong to other words of the clause.
        m = next((f for f in KIND_WORDS.finditer(c.after) if f.lastgroup == "carried_out"), None)
        if m is None:
            h = _HANDLED_AFTER.match(c.after)
            return ("handled", h, False) if h is not None else None
        return m.lastgroup or "", m, False
    return m.lastgroup or "", m, True
