"""Phrasings of the narrative checks, each written twice into a clean report: once
contradicting its tables, once agreeing. Shared by the phrasing tests
(tests/rules/test_narrative_phrasing.py) and the phrasing bench (bench/phrasing.py).

A case is ``(family, code, sentence)``. ``{bad|good}`` in the sentence gives the two
versions of the value that matters: the contradicting version must yield ``code`` with a
span that holds the bad value's first character (its line:column in the report); the agreeing
version must yield no narrative or dates finding at all. A sentence may hold ``[[bad||good]]``
instead, a whole phrase swapped (negations, claims).

The report (:func:`phrasing_report`) is :func:`gplint.testing.example_report` with these
tables:

- 表三: 新收 27 (自然人 18, 商业企业 6, 其他 3: 法人或其他组织 9), 上年结转 2, 予以公开 13,
  部分公开 2, 不予公开 1 (保护第三方合法权益), 无法提供 7 (本机关不掌握), 不予处理 1 (重复申请),
  其他处理 1 (逾期未按收费通知缴费), （七）总计 25, 结转下年度 4; handled 25: 公开率 52 %
  (予以公开) or 60 % (予以公开及部分公开).
- 表四: 行政复议 2 (维持 1, 尚未审结 1), 行政诉讼 1 (未经复议直接起诉, 维持 1).
- 表二: 规章 0/0/0, 行政规范性文件 本年制发 3, 废止 1, 现行有效 12.
"""
from __future__ import annotations

import re
from gplint.testing import example_report

SLOT = "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。"
SECTION_SIX = "本机关2024年未收取信息处理费。"

T3 = {
    "R01": (18, 6, 0, 0, 0, 3, 27),
    "R02": (2, 0, 0, 0, 0, 0, 2),
    "R03": (10, 3, 0, 0, 0, 0, 13),
    "R04": (2, 0, 0, 0, 0, 0, 2),
    "R08": (1, 0, 0, 0, 0, 0, 1),
    "R13": (5, 2, 0, 0, 0, 0, 7),
    "R17": (1, 0, 0, 0, 0, 0, 1),
    "R22": (1, 0, 0, 0, 0, 0, 1),
    "R24": (20, 5, 0, 0, 0, 0, 25),
    "R25": (0, 1, 0, 0, 0, 3, 4),
}
T4 = {"review.upheld": "1", "review.pending": "1", "review.total": "2",
      "direct.upheld": "1", "direct.total": "1"}
T2 = {"norm.issued": "3", "norm.repealed": "1", "norm.in_force": "12"}

CASES: list[tuple[str, str, str]] = [
    # two counts in one clause
    ("two-in-one", "N103", "（二）依申请公开。全年因政府信息公开工作被申请行政复议{3|2}件、被提起行政诉讼1件。"),
    ("two-in-one", "N103", "（二）依申请公开。全年因政府信息公开工作被申请行政复议2件、被提起行政诉讼{2|1}件。"),
    ("two-in-one", "N103", "（二）依申请公开。本年度发生政府信息公开行政复议{1|2}起、行政诉讼1起。"),
    ("two-in-one", "N103", "（二）依申请公开。全年政府信息公开行政复议案件{3|2}件，行政诉讼案件1件。"),
    ("two-in-one", "N103", "（二）依申请公开。全年行政复议、行政诉讼案件[[各1件||分别为2件、1件]]。"),
    ("two-in-one", "N103", "（二）依申请公开。全年涉及政府信息公开的行政复议和行政诉讼案件分别为{1|2}件、1件。"),
    # number before the noun, nominal forms
    ("nominal", "N101", "（二）依申请公开。2024年本机关共有{28|27}件政府信息公开申请。"),
    ("nominal", "N101", "（二）依申请公开。2024年本机关政府信息公开申请量为{30|27}件。"),
    ("nominal", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中{12|13}件予以公开。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，办结25件，{3|4}件转入下一年度办理。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，已办结25件，尚有{3|4}件正在办理中。"),
    ("nominal", "N101", "（二）依申请公开。本年度新收政府信息公开申请{26|27}件，上年结转2件。"),
    ("nominal", "N101", "（二）依申请公开。本年度新收政府信息公开申请27件，上年结转{3|2}件。"),
    ("nominal", "N101", "（二）依申请公开。全年共接到群众政府信息公开申请{26|27}件。"),
    ("nominal", "N101", "（二）依申请公开。全年共办结政府信息公开申请{24|25}件。"),
    ("nominal", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，{6|7}件因本机关不掌握相关信息告知无法提供。"),
    ("nominal", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件，结转下一年度办理的{3|4}件。"),
    ("nominal", "N101", "（二）依申请公开。政府信息公开申请办结{24|25}件。"),
    # Chinese numerals
    ("cn-numeral", "N101", "（二）依申请公开。全年共收到政府信息公开申请{二十六|二十七}件。"),
    ("cn-numeral", "N101", "（二）依申请公开。本年度新收政府信息公开申请二十七件，上年结转{三|两}件。"),
    ("cn-numeral", "N104", "（二）依申请公开。全年收到政府信息公开申请二十七件，其中予以公开{十二|十三}件。"),
    ("cn-numeral", "N103", "（二）依申请公开。全年因政府信息公开被申请行政复议{三|两}件。"),
    ("cn-numeral", "N101", "（二）依申请公开。全年办结政府信息公开申请{二十四|二十五}件。"),
    ("cn-numeral", "N101", "（二）依申请公开。全年共收到政府信息公开申请{一百零五|二十七}件。"),
    ("cn-numeral", "N103", "（二）依申请公开。全年发生政府信息公开行政诉讼{两|一}件。"),
    # context carried over from the sentence before
    ("context", "N104", "（二）依申请公开。全年共收到政府信息公开申请27件。从办理结果看，予以公开{12|13}件，部分公开2件。"),
    ("context", "N104", "（二）依申请公开。全年共收到政府信息公开申请27件。办理结果方面，无法提供{6|7}件，不予处理1件。"),
    ("context", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件。全年办结{24|25}件，结转下年度4件。"),
    ("context", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件。办结25件，结转下年度{3|4}件。"),
    ("context", "N104", "（二）依申请公开。全年共收到政府信息公开申请27件。在已办结的25件中，予以公开13件，部分公开{3|2}件。"),
    ("context", "N104", "（二）依申请公开。全年共收到政府信息公开申请27件。办理结果为：予以公开13件，不予公开{2|1}件，无法提供7件。"),
    # synonyms and short forms
    ("synonym", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中信息不存在{6|7}件。"),
    ("synonym", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中本机关不掌握相关政府信息{6|7}件。"),
    ("synonym", "N101", "（二）依申请公开。全年新增政府信息公开申请{26|27}件。"),
    ("synonym", "N101", "（二）依申请公开。全年共收到政府信息公开申请{26|27}份。"),
    ("synonym", "N101", "（二）依申请公开。全年共收到政府信息公开申请{26|27}个。"),
    ("synonym", "N101", "（二）依申请公开。全年共收到政府信息公开申请{26|27}件次。"),
    ("synonym", "N103", "（二）依申请公开。全年因政府信息公开被申请复议{3|2}件。"),
    ("synonym", "N103", "（二）依申请公开。全年因政府信息公开被起诉{2|1}件。"),
    ("synonym", "N103", "（二）依申请公开。全年发生政府信息公开诉讼案件{2|1}宗。"),
    ("synonym", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中重复申请{2|1}件。"),
    ("synonym", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中同意公开{12|13}件。"),
    ("synonym", "N104", "（二）依申请公开。全年收到政府信息公开申请27件，其中不予处理{2|1}件。"),
    # qualifiers that must not blank a clause
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件（同比增长8%）。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件，办结25件，{3|4}件顺延至2025年继续办理。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件，较上年增加5件。"),
    ("qualifier", "N101", "（二）依申请公开。2024年1月至12月共收到政府信息公开申请{28|27}件。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件（其中自然人18件，法人或其他组织9件）。"),
    ("qualifier", "N104", "（二）依申请公开。全年收到申请27件，予以公开{12|13}件（同比增加2件），部分公开2件。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件，比2023年增加5件。"),
    # negation
    ("negation", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件，已办结25件，未办结的申请{3|4}件。"),
    ("negation", "N101", "（二）依申请公开。全年共收到政府信息公开申请27件，办结25件，[[无结转下年度的申请||结转下年度的申请4件]]。"),
    ("negation", "N103", "（二）依申请公开。全年[[没有发生被申请行政复议的情况||被申请行政复议2件]]。"),
    ("negation", "N103", "（二）依申请公开。全年[[未发生行政诉讼||发生行政诉讼1件]]。"),
    ("negation", "N101", "（二）依申请公开。全年[[未收到政府信息公开申请||收到政府信息公开申请27件]]。"),
    ("negation", "N103", "（二）依申请公开。全年因政府信息公开被申请行政复议2件，[[无行政诉讼||行政诉讼1件]]。"),
    # percentages not in parentheses
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，予以公开13件，占{48.00|52.00}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，予以公开13件，占比{40|52}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，部分公开2件，占办结总数的{10|8}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，予以公开13件，占办结总数的{50.0|52.0}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，公开率{85|60}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，予以公开13件（{40%|52%}）。"),
    # the applicant split in the text vs table 三
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，其中自然人申请{17|18}件，法人或其他组织申请9件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，其中自然人申请18件，法人或其他组织申请{8|9}件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，从申请主体看，自然人{19|18}件、法人或其他组织9件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，其中公民申请{19|18}件，企业和其他组织申请9件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，其中商业企业申请{4|6}件。"),
    # claims about 复议 / 诉讼 outcomes vs table 四
    ("case-outcome", "N108", "（二）依申请公开。全年因政府信息公开被申请行政复议2件，[[均获维持||维持1件，尚未审结1件]]。"),
    ("case-outcome", "N108", "（二）依申请公开。全年因政府信息公开被申请行政复议2件，[[均已审结||1件已审结]]。"),
    ("case-outcome", "N108", "（二）依申请公开。全年行政复议2件，其中维持{2|1}件。"),
    ("case-outcome", "N108", "（二）依申请公开。全年行政复议2件，其中尚未审结{2|1}件。"),
    ("case-outcome", "N108", "（二）依申请公开。全年被提起行政诉讼1件，[[已被纠错||结果维持]]。"),
    # fee notices and fees vs table 三
    ("fees", "N109", "（二）依申请公开。全年[[未向申请人发出收费通知||向申请人发出收费通知1件，申请人逾期未缴费]]。"),
    # table 二's 规章 / 行政规范性文件 in the text
    ("t2-docs", "N110", "（二）依申请公开。全年制发行政规范性文件{2|3}件。"),
    ("t2-docs", "N110", "（二）依申请公开。全年废止行政规范性文件{2|1}件。"),
    ("t2-docs", "N110", "（二）依申请公开。目前现行有效的行政规范性文件{10|12}件。"),
    ("t2-docs", "N110", "（二）依申请公开。全年制定规章{1|0}件。"),
    ("t2-docs", "N110", "（二）依申请公开。全年[[未制定行政规范性文件||制定行政规范性文件3件]]。"),
    ("t2-docs", "N110", "（二）依申请公开。本年度共出台规范性文件{4|3}件，废止1件。"),
    # a year not the report year where the sentence states this year's figures
    ("year-slip", "D104", "（二）依申请公开。{2023|2024}年共收到政府信息公开申请27件，办结25件。"),
    ("year-slip", "D104", "（二）依申请公开。{２０２３|２０２４}年共收到政府信息公开申请27件，办结25件。"),
    # enumeration slips in the prose
    ("enumeration", "N111", "（二）依申请公开。一是规范受理流程；二是严格审查程序；{二|三}是及时答复申请人。"),
    ("enumeration", "N111", "（二）依申请公开。第一，规范受理流程；第二，严格审查程序；第{四|三}，及时答复申请人。"),
]

#: Written after the rules were built for CASES, to measure how the work generalises (the
#: bench prints them apart as "held-out"); kept since as cases like the others.
HELD_OUT: list[tuple[str, str, str]] = [
    ("nominal", "N101", "（二）依申请公开。本年度，我局共受理政府信息公开申请{30|27}件。"),
    ("nominal", "N101", "（二）依申请公开。2024年度本单位收到信息公开申请共计{26|27}件。"),
    ("nominal", "N101", "（二）依申请公开。全年共接收依申请公开{26|27}件。"),
    ("nominal", "N101", "（二）依申请公开。依申请公开方面，全年受理{31|29}件（含上年结转2件）。"),
    ("nominal", "N101", "（二）依申请公开。全年新收申请{25|27}件，加上上年结转的2件，共计29件。"),
    ("synonym", "N101", "（二）依申请公开。全年共收到各类政府信息公开申请{26|27}件次。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，截至12月31日，共办结{23|25}件。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，已办结{24|25}件。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，剩余{3|4}件尚在办理期限内，结转至2025年办理。"),
    ("nominal", "N101", "（二）依申请公开。全年收到政府信息公开申请27件，因尚在法定答复期限内转入下年度办理的有{3|4}件。"),
    ("nominal", "N101", "（二）依申请公开。上年度结转申请{1|2}件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，从申请人类型看，自然人提出申请{17|18}件。"),
    ("applicants", "N107", "（二）依申请公开。全年收到政府信息公开申请27件，法人或者其他组织申请{8|9}件。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件。从办理结果来看：予以公开13件，占{40|52}%；部分公开2件。"),
    ("synonym", "N104", "（二）依申请公开。全年办结申请25件，其中，同意公开13件，同意部分公开{3|2}件。"),
    ("qualifier", "N104", "（二）依申请公开。全年办结申请25件，其中不予公开{2|1}件（涉及第三方合法权益）。"),
    ("synonym", "N104", "（二）依申请公开。全年办结申请25件，因本机关不掌握相关政府信息而无法提供的{6|7}件。"),
    ("synonym", "N104", "（二）依申请公开。全年办结申请25件，告知申请人信息不存在{5|7}件。"),
    ("synonym", "N104", "（二）依申请公开。全年办结申请25件，作出不予处理决定{2|1}件。"),
    ("context", "N101", "（二）依申请公开。全年收到政府信息公开申请27件。在法定期限内答复{24|25}件。"),
    ("cn-numeral", "N101", "（二）依申请公开。全年受理政府信息公开申请二十七件，办结{二十三|二十五}件。"),
    ("cn-numeral", "N101", "（二）依申请公开。全年收到政府信息公开申请二十七件，结转下年度{三|四}件。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件，与上年持平。"),
    ("qualifier", "N101", "（二）依申请公开。全年共收到政府信息公开申请{28|27}件，比上年（20件）增加7件。"),
    ("two-in-one", "N103", "（二）依申请公开。全年因政府信息公开引起的行政复议{1|2}件，行政诉讼1件。"),
    ("nominal", "N103", "（二）依申请公开。全年被申请人为我局的政府信息公开行政复议案件{3|2}件。"),
    ("nominal", "N103", "（二）依申请公开。全年我局作为被告的政府信息公开行政诉讼案件{2|1}件。"),
    ("synonym", "N103", "（二）依申请公开。全年发生政府信息公开类行政复议案件{3|2}起。"),
    ("case-outcome", "N108", "（二）依申请公开。全年行政复议2件，其中维持{2|1}件，尚未审结1件。"),
    ("case-outcome", "N108", "（二）依申请公开。全年被提起行政诉讼1件，法院判决维持{0|1}件。"),
    ("negation", "N103", "（二）依申请公开。全年[[无因政府信息公开引起的行政复议案件||因政府信息公开引起的行政复议案件2件]]。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，予以公开率为{50|52}%。"),
    ("percent", "N104", "（二）依申请公开。全年办结申请25件，部分公开2件，占全部办结申请的{10.00|8.00}%。"),
    ("t2-docs", "N110", "（二）依申请公开。本年度我局印发行政规范性文件{2|3}件，截至目前现行有效12件。"),
    ("t2-docs", "N110", "（二）依申请公开。本年度我局印发行政规范性文件3件，截至目前现行有效{10|12}件。"),
    ("t2-docs", "N110", "（二）依申请公开。本年度废止规范性文件{2|1}件。"),
    ("year-slip", "D104", "（二）依申请公开。{2023|2024}年度，本机关共收到政府信息公开申请27件，予以公开13件。"),
    ("enumeration", "N111", "（二）依申请公开。一是加强组织领导。二是完善制度建设。{二|三}是强化监督检查。"),
    ("fees", "N109", "（二）依申请公开。全年[[没有向申请人发出过收费通知||向申请人发出过收费通知]]。"),
    ("two-in-one", "N103", "（二）依申请公开。全年涉及政府信息公开的行政复议{3|2}件和行政诉讼1件。"),
]


_SWAP = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}|\[\[(.*?)\|\|(.*?)\]\]")


def versions(sentence: str) -> tuple[str, str, int]:
    """(contradicting sentence, agreeing sentence, offset of the bad value in the first)."""
    m = _SWAP.search(sentence)
    assert m is not None, sentence
    bad = m.group(1) if m.group(1) is not None else m.group(3)
    good = m.group(2) if m.group(2) is not None else m.group(4)
    return sentence[:m.start()] + bad + sentence[m.end():], sentence[:m.start()] + good + sentence[m.end():], m.start()


def phrasing_report(sentence: str) -> str:
    text = example_report(t3=T3, t4=T4, t2=T2, replace={SLOT: sentence})
    assert sentence in text
    return text


def position(text: str, sentence: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character ``offset`` of ``sentence`` in ``text``."""
    i = text.index(sentence) + offset
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def covers(d, line: int, column: int) -> bool:
    """The finding's span holds (line, column)."""
    s = d.span
    return (s.line, s.column) <= (line, column) < (s.end_line, max(s.end_column, s.column + 1))


def findings(text: str) -> list:
    """The narrative and dates findings (strict profile, infos left out) of a report text, and
    any rule crash (E9xx)."""
    from gplint.engine import LintOptions, lint_text

    return [d for d in lint_text(text, path="phrasing.txt", config=LintOptions(profile="strict"))
            if (d.category in ("narrative", "dates") and d.severity != "info") or d.code.startswith("E9")]


def run_case(sentence: str, code: str) -> tuple[bool, list, list]:
    """(recognised, contradicting version's findings, agreeing version's findings)."""
    bad, good, offset = versions(sentence)
    bad_text = phrasing_report(bad)
    line, column = position(bad_text, bad, offset)
    got_bad = findings(bad_text)
    got_good = findings(phrasing_report(good))
    recognised = any(d.code == code and covers(d, line, column) for d in got_bad)
    return recognised, got_bad, got_good
