"""Common ways reports word their application counts: agreeing ones raise nothing,
disagreeing ones are found. The table is example_report()'s: 新收 4, 上年结转 1, (七)总计 4,
结转下年度 1, 行政复议 1."""
from __future__ import annotations

import pytest

from gplint import lint_text
from gplint.testing import example_report

SLOT = "（二）依申请公开。本机关依法办理政府信息公开申请，均在法定期限内答复。"


def narrative(sentence: str) -> list:
    text = example_report(replace={SLOT: sentence})
    assert sentence in text
    return [d for d in lint_text(text) if d.category in ("narrative", "dates") and d.severity != "info"]


@pytest.mark.parametrize("sentence", [
    "（二）依申请公开。2024年共收到政府信息公开申请4件，其中自然人申请3件，法人或其他组织申请1件；上年结转1件。",
    "（二）依申请公开。全年受理政府信息公开申请5件（含上年结转1件），已办结4件，结转下年度1件。",
    "（二）依申请公开。2024年新收申请4件，上年结转1件，共办理5件，其中予以公开2件、部分公开1件、无法提供1件，1件结转至2025年继续办理。",
    "（二）依申请公开。本年度收到申请4件，按时答复率100%。",
    "（二）依申请公开。2024年本机关共收到依申请公开4件，同比增长33.3%，较2023年的3件增加1件。",
    "（二）依申请公开。近三年累计收到申请12件，2024年收到4件。",
    "（二）依申请公开。2024年度共受理政府信息公开申请4件，全部在法定期限内予以答复。",
    "（二）依申请公开。2024年，本机关收到政府信息公开申请4件，比上年减少2件。行政复议1件，无行政诉讼。",
    "（二）依申请公开。2023年收到申请6件，2024年收到申请4件。",
    "（二）依申请公开。全年共处理政府信息公开申请5件，其中本年新收4件、上年结转1件。",
    "（二）依申请公开。全年予以公开2件，部分公开1件，无法提供1件，占比分别为50%、25%、25%。",
    "（二）依申请公开。全年因政府信息公开被申请行政复议1件，结果维持1件；未发生行政诉讼。",
    "（二）依申请公开。全年办结4件，另有1件因在答复期限内结转至下一年度办理。",
    "（二）依申请公开。全年共收到申请4件，均已办结或在法定期限内答复。",
    # a region's total in a department's report: another scope than its table
    "（二）依申请公开。全区各级行政机关共收到政府信息公开申请400件。",
    "（二）依申请公开。全年全区共受理政府信息公开申请120件，本机关收到4件。",
    # the sentence sets the open application apart: the claim covers the others only
    "（二）依申请公开。2024年共收到政府信息公开申请4件，除1件尚在办理期限内外，其余均已答复。",
    "（二）依申请公开。2024年共收到政府信息公开申请4件，均已按时答复，另有1件正在办理中。",
    "（二）依申请公开。本年度发布信息120条，其中政策文件20条（含规范性文件5条），工作动态80条，通知公告20条。",
    "（二）依申请公开。全年收到申请4件，其中予以公开2件、部分公开1件、无法提供1件，另有上年结转的1件已答复。",
])
def test_agreeing_wordings_raise_nothing(sentence):
    assert narrative(sentence) == []


@pytest.mark.parametrize("sentence, code, severity", [
    ("（二）依申请公开。2024年共收到政府信息公开申请6件。", "N101", "error"),
    ("（二）依申请公开。全年办结政府信息公开申请7件。", "N101", "error"),
    ("（二）依申请公开。全年共办理政府信息公开申请9件。", "N101", "warning"),
    ("（二）依申请公开。全年受理政府信息公开申请9件。", "N101", "warning"),
    ("（二）依申请公开。上年结转政府信息公开申请3件。", "N101", "error"),
    ("（二）依申请公开。全年收到申请4件，均已办结。", "N102", "warning"),
    ("（二）依申请公开。全年因政府信息公开被申请行政复议3件。", "N103", "error"),
])
def test_disagreeing_wordings_are_found(sentence, code, severity):
    found = narrative(sentence)
    assert [(d.code, d.severity) for d in found] == [(code, severity)]


def test_region_total_is_compared_in_a_peoples_government_report():
    """A people's government's table 三 may be the region's total: 全市 is compared there,
    unless the sentence gives the government's own count beside it."""
    sentence = "（二）依申请公开。全市共收到政府信息公开申请400件。"
    text = example_report(agency="示例市人民政府", replace={SLOT: sentence})
    assert [d.code for d in lint_text(text) if d.category == "narrative"] == ["N101"]
    own = example_report(agency="示例市人民政府",
                         replace={SLOT: "（二）依申请公开。全市共收到政府信息公开申请400件，其中市本级4件。"})
    assert [d.code for d in lint_text(own) if d.category == "narrative"] == []


# ------------------------------------------------------------------ the phrasing families
# Every case of phrasing_cases.py (the phrasing bench's): the contradicting version yields
# its code at the bad value's line:column, the agreeing version yields nothing.

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("phrasing_cases", Path(__file__).with_name("phrasing_cases.py"))
pc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pc)


@pytest.mark.parametrize("family, code, sentence", pc.CASES, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(pc.CASES)])
def test_phrasing_family(family, code, sentence):
    bad, good, offset = pc.versions(sentence)
    bad_text = pc.phrasing_report(bad)
    line, column = pc.position(bad_text, bad, offset)
    found = pc.findings(bad_text)
    assert any(d.code == code and pc.covers(d, line, column) for d in found), \
        (f"{line}:{column} {code}", [(d.span.line, d.span.column, d.code, d.message) for d in found])
    assert pc.findings(pc.phrasing_report(good)) == []


def test_an_area_body_reports_on_its_own_area():
    """全区 in the report of a 管委会 or 实验区 is the agency's own area: compared; in a
    department's report it is a wider scope: left alone."""
    sentence = "（二）依申请公开。全区共收到政府信息公开申请6件。"
    own = example_report(agency="示例经济开发区管理委员会", replace={SLOT: sentence})
    assert [d.code for d in lint_text(own) if d.category == "narrative"] == ["N101"]
    department = example_report(replace={SLOT: sentence})
    assert [d.code for d in lint_text(department) if d.category == "narrative"] == []


def _blank_zeros(text: str) -> str:
    """Table 三 with every 0 cell left blank (row totals too), as many reports print it."""
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    table, tail = rest.split("四、政府信息公开行政复议、行政诉讼情况", 1)
    lines = ["\t".join("" if cell == "0" else cell for cell in line.split("\t")) for line in table.split("\n")]
    return head + "三、收到和处理政府信息公开申请情况" + "\n".join(lines) + "四、政府信息公开行政复议、行政诉讼情况" + tail


@pytest.mark.parametrize("sentence, code", [
    ("（二）依申请公开。全年收到政府信息公开申请4件，不予公开{1|0}件，无法提供1件。", "N104"),
    ("（二）依申请公开。全年收到政府信息公开申请4件，其中法人或其他组织申请{2|1}件。", "N107"),
])
def test_blank_cells_read_as_zero_when_the_identities_hold(sentence, code):
    """A table 三 that leaves zero cells blank, its identities holding with blanks as 0: the
    text is compared with 0 for a blank, and the finding says the blanks were read so."""
    bad, good, _ = pc.versions(sentence)
    bad_text = _blank_zeros(example_report(replace={SLOT: bad}))
    t3 = bad_text.split("三、收到和处理政府信息公开申请情况")[1].split("四、政府信息公开行政复议")[0]
    assert "\t0" not in t3
    found = [d for d in lint_text(bad_text) if d.category == "narrative"]
    assert [d.code for d in found] == [code] and "空白格按 0 计" in found[0].message
    assert [d for d in lint_text(_blank_zeros(example_report(replace={SLOT: good}))) if d.category == "narrative"] == []


def test_blank_cells_are_not_zero_when_the_identities_fail():
    text = _blank_zeros(example_report(replace={SLOT: "（二）依申请公开。全年收到政府信息公开申请4件，不予公开1件。"}))
    text = text.replace("四、结转下年度继续办理\t1\t\t\t\t\t\t1", "四、结转下年度继续办理\t2\t\t\t\t\t\t2")
    assert "四、结转下年度继续办理\t2" in text
    assert [d.code for d in lint_text(text) if d.category == "narrative"] == []


_ALL_QUIET = pc.QUIET + pc.QUIET_2 + pc.QUIET_3 + pc.QUIET_4 + pc.QUIET_5


@pytest.mark.parametrize("sentence", _ALL_QUIET, ids=[f"quiet-{i}" for i in range(len(_ALL_QUIET))])
def test_quiet_sentences_raise_nothing(sentence):
    """Agreeing sentences and sentences about other matters (a region, the review body, a
    quarter, durations, comparisons): a guess would cry wolf here."""
    assert pc.findings(pc.phrasing_report(sentence)) == []


@pytest.mark.parametrize("family, code, sentence", pc.HELD_OUT + pc.HELD_OUT_2 + pc.HELD_OUT_3 + pc.HELD_OUT_4 + pc.HELD_OUT_5 + pc.HELD_OUT_6,
                         ids=[f"{f}-held-{i}" for i, (f, _, _) in enumerate(
                             pc.HELD_OUT + pc.HELD_OUT_2 + pc.HELD_OUT_3 + pc.HELD_OUT_4 + pc.HELD_OUT_5 + pc.HELD_OUT_6)])
def test_held_out_phrasing(family, code, sentence):
    test_phrasing_family(family, code, sentence)


#: Cases of the seventh held-out set not recognised, left as they are: a guess would cry
#: wolf elsewhere (以公民为主 is a share, not a count). (Read since the eighth set: 复议机关
#: 维持…, the review body deciding the case; a carry-over a clause after its count; a
#: carry-over named by its year.)
HELD_OUT_7_MISSES = {
    "（二）依申请公开。申请人以公民为主，共{20|18}件。": "以…为主 between the applicant and the count",
}


@pytest.mark.parametrize("family, code, sentence", [
    pytest.param(f, c, x, marks=[pytest.mark.xfail(strict=True, reason=HELD_OUT_7_MISSES[x])] if x in HELD_OUT_7_MISSES else [])
    for f, c, x in pc.HELD_OUT_7], ids=[f"{f}-held7-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_7)])
def test_held_out_7_phrasing(family, code, sentence):
    test_phrasing_family(family, code, sentence)


@pytest.mark.parametrize("claim", ["均未被纠错", "无败诉", "没有被纠正"])
def test_claims_that_nothing_was_corrected(claim):
    """未被纠错 / 无败诉 need 结果纠正 at 0: a table with one corrected suit contradicts them."""
    sentence = f"（二）依申请公开。全年被提起行政诉讼1件，{claim}。"
    t4 = {"direct.corrected": "1", "direct.total": "1"}
    found = [d for d in lint_text(example_report(t4=t4, replace={SLOT: sentence})) if d.category == "narrative"]
    assert [d.code for d in found] == ["N108"]
    line = example_report(t4=t4, replace={SLOT: sentence}).split("\n").index(sentence) + 1
    assert (found[0].span.line, found[0].span.column) == (line, sentence.index(claim) + 1 + (claim[0] == "均"))
    assert [d for d in lint_text(example_report(replace={SLOT: sentence.replace("1件", "0件").replace(claim, "无败诉")}))
            if d.category == "narrative"] == []


@pytest.mark.parametrize("sentence", [
    "（二）依申请公开。全年共收到政府信息公开申请2 7件。",
    "（二）依申请公开。全年共收到政府信息公开申请２　７件。",
    "（二）依申请公开。全年共收到政府信息公开申请27件，办结2 5件。",
    "（二）依申请公开。全年共收到政府信息公开申请l7件。",
    "（二）依申请公开。全年共收到政府信息公开申请27件，其中予以公开1 3件。",
])
def test_a_count_cut_by_a_stray_blank_or_an_ocr_slip_is_not_read(sentence):
    """「2 7件」 (a page's stray space inside 27) and 「l7件」 (OCR's l for 1): the count's
    digits are not all there, so no count is read from the part after the cut (7 against
    the table's 27 was a false N101)."""
    assert pc.findings(pc.phrasing_report(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "全年通过网上申请平台收到政府信息公开申请30件。", "本机关全年收到群众提出的信息公开申请30件。",
    "全年收到各类政府信息公开申请30件。", "全年收到申请人提出的政府信息公开申请30件。",
    # every kind of applicant named: the whole count, not one kind's
    "全年共收到自然人、法人或其他组织政府信息公开申请30件。",
    "全年收到公民、法人和其他组织提出的政府信息公开申请30件。",
    "全年共收到并受理政府信息公开申请30件。",
    # the request named outright, whatever else stands before it (its subject, its channel)
    "全年共收到市民政府信息公开申请30件。", "全年共收到线上政府信息公开申请30件。",
    "全年共收到涉及征地拆迁的政府信息公开申请30件。", "全年通过政务服务网收到政府信息公开申请30件。",
    "全年共收到涉及行政审批事项的政府信息公开申请30件。"])
def test_a_request_for_information_named_with_its_requester_or_channel_is_still_one(sentence):
    """Words between the verb and 申请 that name the requester, the channel or the request
    itself keep it a request for information (N101 against table 三's 27 new ones); only
    another kind of application (低保申请, 营业执照申请: the quiet sentences) is not one."""
    text = pc.phrasing_report("（二）依申请公开。" + sentence)
    assert [d.code for d in pc.findings(text)] == ["N101"]


@pytest.mark.parametrize("sentence", [
    "本年度共收到政府信息公开申请30件较上年增加3件。", "申请数量较去年有所上升，共收到30件。",
    "本年度共收到政府信息公开申请30件比去年多3件。", "本年度共收到政府信息公开申请30件较之上年增加3件。"])
def test_a_count_compared_with_the_year_before_is_this_years(sentence):
    """The year before that a count is compared with (较上年, 比去年) does not make it that
    year's count, as 上年度收到申请 30 件 does: N101 against table 三's 27 new ones."""
    text = pc.phrasing_report("（二）依申请公开。" + sentence)
    assert [d.code for d in pc.findings(text)] == ["N101"]


@pytest.mark.parametrize("sentence", [
    "对不属于政府信息公开范围的申请，我局均依法告知，全年因政府信息公开被申请行政复议3件。",
    "全年因政府信息公开被申请行政复议3件，另有15件行政复议案件不涉及政府信息公开。",
    "对不属于政府信息公开范围的申请依法告知，全年被申请行政复议3件。"])
def test_cases_named_as_of_disclosure_beside_others_that_are_not_are_checked(sentence):
    """A sentence that says some cases are not about disclosure (不涉及政府信息公开) still
    reports the clause whose cases are (因政府信息公开被申请行政复议 3 件 against table 四's
    2), once: the other cases draw nothing."""
    findings = pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))
    assert [d.code for d in findings] == ["N103"] and findings[0].evidence["text"] == 3


@pytest.mark.parametrize("sentence", [
    "全年共收到政府信息公开申请27件，完成户籍登记500件。",
    "全年共收到政府信息公开申请27件，完成出生登记320件、死亡登记110件。"])
def test_registrations_of_other_business_are_no_application_count(sentence):
    """登记 takes applications in only where its clause names them: the agency's other
    registrations (户籍登记 500 件) are no count of requests against table 三."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("family, code, sentence", pc.HELD_OUT_8,
                         ids=[f"{f}-held8-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_8)])
def test_held_out_8_phrasing(family, code, sentence):
    test_phrasing_family(family, code, sentence)


@pytest.mark.parametrize("sentence", [
    "2024年1月至6月收到申请12件，7月至12月收到申请15件。",
    "2024年7月1日至12月31日共收到政府信息公开申请15件。",
    "2024年1月至11月共收到政府信息公开申请25件。",
    "1-6月收到政府信息公开申请12件，7-12月收到15件。",
    "局机关收到申请20件，下属单位收到申请7件。",
    "机关本级受理政府信息公开申请15件，所属单位受理12件。"])
def test_a_count_of_part_of_the_year_or_of_the_agency_is_no_count_of_the_year(sentence):
    """A range of months that is not the whole year (1月至6月), or counts that split the
    year's figure between units and add up to it: none of them is table 三's figure."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("sentence", [
    "截至2024年底，累计清理规范性文件45件，其中废止8件、宣布失效3件。",
    "全年清理行政规范性文件30件，其中继续有效25件、废止2件。"])
def test_what_a_review_of_documents_found_is_no_count_of_table_two(sentence):
    """The documents a 清理 looked over and what it repealed (其中废止 8 件) are neither table
    二's repealed documents (N110) nor a breakdown short of its total (N106)."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("sentence", [
    "全年未发生因收费引起的行政复议。", "全年无代理诉讼案件。", "全年未发生因征地补偿引起的行政诉讼。"])
def test_a_claim_of_no_cases_of_one_cause_or_handled_for_others_is_no_claim_of_none(sentence):
    """未发生因收费引起的行政复议 speaks of some cases only (因政府信息公开引发的 speaks of all),
    无代理诉讼案件 of cases the agency handled for others: table 四's 2 reviews and 1 suit
    do not contradict them."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("sentence, quiet", [
    ("全年共受理各类申请1500件，其中政府信息公开申请27件。", True),
    ("全年共受理各类申请1500件，其中政府信息公开申请31件。", False),
    ("全年收到政府信息公开申请，较上年有所增加，共30件。", False),
    ("全年受理政府信息公开申请，同比下降10%，共计31件。", False),
    ("全年收到政府信息公开申请27件，办理企业登记注册128件。", True),
    ("全年收到政府信息公开申请27件，受理群众诉求860件。", True)])
def test_a_count_is_read_by_the_words_it_belongs_to(sentence, quiet):
    """The share of all applications that is the requests for information (其中政府信息公开
    申请 27 件) is the count, not the whole (1500); a total given after a comparison (…申请，
    较上年有所增加，共 30 件) is the count of the clause that named the applications; a verb's
    own object (办理企业登记注册 128 件) is another matter."""
    found = pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))
    if quiet:
        assert found == []
    else:
        assert [d.code for d in found] == ["N101"] and found[0].evidence["text"] in (30, 31)


@pytest.mark.parametrize("sentence", [
    "全年行政复议2件，复议机关维持原答复2件。",
    "全年被提起行政诉讼1件，法院判决撤销本机关答复。",
    "全年被提起行政诉讼1件，经审理，判决确认违法。"])
def test_an_outcome_the_review_body_or_the_court_decided(sentence):
    """复议机关维持 is the review body deciding the agency's case (not the agency as the review
    body), 判决撤销 a correction in the active voice: both against table 四 (维持 1, 纠正 0)."""
    assert [d.code for d in pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))] == ["N108"]


@pytest.mark.parametrize("sentence, code", [
    ("2023年1月1日至12月31日，本机关共收到政府信息公开申请27件，办结25件。", "D104"),
    ("2023年1-12月，本机关共收到政府信息公开申请27件，办结25件。", "D104"),
    ("按申请主体划分，个人申请16件，企业申请6件，其他组织申请3件。", "N107"),
    ("全年个人提出申请16件。", "N107"),
    ("本年度无行政事业性收费。", "N112"),
    ("全年办结25件，公开率达70%。", "N104")])
def test_other_words_of_the_same_claims(sentence, code):
    """1月至12月 is the whole year (a stale year is still one), 个人 applying is 自然人, 无
    行政事业性收费 claims none, and a rate in a sentence about applications by context."""
    assert [d.code for d in pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))] == [code]


@pytest.mark.parametrize("sentence, quiet", [
    ("另有3件申请因需征求第三方意见，结转至2025年度办理。", False),
    ("有3件申请因涉及第三方权益需征求意见，转入下一年度办理。", False),
    ("2023年度结转的1件申请已全部办结。", False),
    ("2024年度结转的3件申请将于2025年办理。", False),
    ("2022年度结转的1件申请已于2023年办结。", True),
    ("对需要延长答复期限的2件申请，均书面告知申请人。", True)])
def test_a_carry_over_named_after_its_count_or_by_its_year(sentence, quiet):
    """A count before its noun whose carry-over comes a clause later (3 件申请因…，结转至
    2025 年度办理), and a carry-over named by the year it left (2023年度结转: into a 2024
    report's year; 2024年度结转: out of it), against table 三's 2 carried in and 4 carried
    out; the carry-over of another year is left alone."""
    found = pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))
    if quiet:
        assert found == []
    else:
        assert [d.code for d in found] == ["N101"]


@pytest.mark.parametrize("sentence", [
    "全年共办理政府信息公开申请27件。",
    "全年共计办理依申请公开件27件，较去年同期减少3件。",
    "在办理的29件申请中，予以公开13件，部分公开2件。",
    "全年办结的25件申请中，当场答复5件，延期答复3件，其余均在20个工作日内答复。",
    "全年共有2件申请因涉及第三方，征求第三方意见后答复。",
    "全年制发规范性文件3件，其中以局名义印发2件，联合印发1件。"])
def test_verbs_of_handling_as_reports_use_them(sentence):
    """办理 N 件 is, as 受理, also the year's new applications (27 of table 三's 27 new); 在办理
    的 29 件申请中 is the applications dealt with, not 在办 (still open: carried over); 当场答复
    5 件 and 2 件申请因… are some of them; a 其中 list of documents runs over its commas."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("sentence", [
    "全年共减免行政事业性收费2.1万元。",
    "全年为企业退还行政事业性收费3000元。",
    "全年收取行政事业性收费12.53万元，其中行政事业性收费中的不动产登记费10万元。"])
def test_fees_waived_refunded_or_in_part_are_no_amount_of_table_two(sentence):
    """行政事业性收费 waived (减免) or refunded (退还), or a part of it after 其中, is not the
    amount collected that table 二 gives (12.53 万元)."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


@pytest.mark.parametrize("sentence", [
    "全年共办理行政复议案件15件，行政诉讼案件20件。",
    "全年应诉行政诉讼案件20件，行政复议3件。",
    "全年主动公开政府信息1200条，其中规范性文件3件，政策解读12篇。"])
def test_the_agencys_other_legal_work_and_a_few_named_items(sentence):
    """Cases of every subject the agency handled (办理行政复议案件 15 件，行政诉讼案件 20 件: the
    list goes on under the verb) are not table 四's (N103); a list naming less than half of
    its total names a few items, not a breakdown with one left out (N106)."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence)) == []


def test_a_year_in_an_aside_is_no_stale_year():
    """全年收到申请 27 件（2023年为 20 件）: the year before, in parentheses, gives its own figure
    beside this year's; D104 reads the years outside asides (2023年共收到申请 27 件 is one)."""
    assert pc.findings(pc.phrasing_report("（二）依申请公开。全年收到申请27件（2023年为20件）。")) == []
    stale = pc.findings(pc.phrasing_report("（二）依申请公开。2023年共收到申请27件（同比增长8%）。"))
    assert [d.code for d in stale] == ["D104"]


@pytest.mark.parametrize("sentence, code", [
    ("全年共收到政府信息公开申请：26件。", "N101"),
    ("收到申请数：27件；办结数：24件；结转下年度：4件。", "N101"),
    ("行政复议：3件；行政诉讼：1件。", "N103"),
    ("全年共收到政府信息公开申请廿六件。", None),
    ("全年共收到政府信息公开申请廿七件。", None)])
def test_a_label_and_its_value_and_counts_written_with_nian(sentence, code):
    """A count right after its label's colon (收到申请数：26 件, the 2019 format's form) is named
    by the label; 廿七件 (27) is not read as 7 (no count is read from part of a number)."""
    found = pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))
    assert [d.code for d in found] == ([code] if code else [])


@pytest.mark.parametrize("sentence, code", [
    ("全年共收到12345热线转来的政府信息公开申请30件。", "N101"),
    ("全年通过12345热线转办群众诉求150件。", None)])
def test_the_hotline_is_another_matter_unless_the_clause_names_the_request(sentence, code):
    """Requests for information forwarded by the 12345 hotline are applications received
    (N101 against table 三's 27); the hotline's other requests (群众诉求) are not."""
    found = pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))
    assert [d.code for d in found] == ([code] if code else [])


#: Cases of the ninth held-out set not recognised, left as they are.
HELD_OUT_9_MISSES = {
    "（二）依申请公开。截至{2023|2024}年12月31日，本机关现行有效规范性文件12件。":
        "截至 names another year rightly (the state at the end of the year before): D104 passes periods over by design",
}


@pytest.mark.parametrize("family, code, sentence", [
    pytest.param(f, c, x, marks=[pytest.mark.xfail(strict=True, reason=HELD_OUT_9_MISSES[x])] if x in HELD_OUT_9_MISSES else [])
    for f, c, x in pc.HELD_OUT_9], ids=[f"{f}-held9-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_9)])
def test_held_out_9_phrasing(family, code, sentence):
    test_phrasing_family(family, code, sentence)


@pytest.mark.parametrize("family, code, sentence", pc.HELD_OUT_9_NONE,
                         ids=[f"{f}-held9-none-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_9_NONE)])
def test_held_out_9_phrasing_in_a_report_with_no_applications(family, code, sentence):
    recognised, found, agreeing = pc.run_case(sentence, code, none=True)
    assert recognised, [(d.span.line, d.span.column, d.code, d.message) for d in found]
    assert agreeing == []


@pytest.mark.parametrize("sentence", pc.QUIET_6, ids=[f"quiet6-{i}" for i in range(len(pc.QUIET_6))])
def test_quiet_6_sentences_raise_nothing(sentence):
    assert pc.findings(pc.phrasing_report(sentence)) == []


@pytest.mark.parametrize("sentence", pc.QUIET_6_NONE, ids=[f"quiet6-none-{i}" for i in range(len(pc.QUIET_6_NONE))])
def test_quiet_6_sentences_raise_nothing_in_a_report_with_no_applications(sentence):
    assert pc.findings(pc.phrasing_report(sentence, none=True)) == []


def _codes(sentence: str) -> list[str]:
    return [d.code for d in pc.findings(pc.phrasing_report("（二）依申请公开。" + sentence))]


@pytest.mark.parametrize("sentence, codes", [
    ("全年受理信访事项35件，办结35件。", []),
    ("全年受理群众投诉举报120件，办结118件。", []),
    ("全年处理群众诉求300件，办结300件。", []),
    # the outcome of a request of that class is still an outcome
    ("全年办结申请25件，以信访投诉类申请为由不予处理2件。", ["N104"]),
    ("全年通过信访渠道收到政府信息公开申请30件。", ["N101"]),
])
def test_petitions_and_complaints_are_another_matter(sentence, codes):
    """信访事项, 投诉举报, 诉求 are the agency's other business: a bare 办结 after them is
    theirs (35 against table 三's 25 handled was a false N101), unless the clause names the
    request for information or the class of a request (信访投诉类申请)."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("局属8个二级单位全年共收到政府信息公开申请5件。", []),
    ("下属学校全年共受理政府信息公开申请3件。", []),
    ("所属医院共收到政府信息公开申请6件。", []),
    ("直属单位全年收到政府信息公开申请2件，已全部办结。", []),
    ("区属学校全年共收到政府信息公开申请8件。", []),
    # the agency with its units: the whole count
    ("本局及下属单位共收到政府信息公开申请30件。", ["N101"]),
])
def test_a_count_of_subordinate_units_alone_is_not_the_agencys(sentence, codes):
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年收到依申请公开27件，其中涉及教育招生类10件、学籍管理类5件。", []),
    ("全年收到申请27件，其中内容涉及住房保障8件、社会保障6件。", []),
    # a breakdown that is not of subjects is still one
    ("全年主动公开信息30条，其中政务动态10条、通知公告8条。", ["N106"]),
])
def test_a_list_of_the_subjects_of_requests_is_no_breakdown(sentence, codes):
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年办结25件，其中予以公开和部分公开共15件，不予公开、无法提供、不予处理及其他处理共10件。", []),
    ("全年办结25件，不予公开、无法提供、不予处理及其他处理共11件。", ["N104"]),
    ("全年办结25件，无法提供和不予处理共8件。", []),
    ("全年办结25件，无法提供及不予处理的共9件。", ["N104"]),
    # each one's count, not their sum
    ("全年不予公开、不予处理各1件。", []),
])
def test_outcomes_named_together_are_counted_together(sentence, codes):
    """A count after outcomes joined by 、 和 及 is their groups' sum (1 + 7 + 1 + 1 = 10), not
    the last one's (10 against 其他处理 1 was a false N104)."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年共收到、办结、结转政府信息公开申请分别为27件、25件、4件。", []),
    ("全年共收到、办结、结转政府信息公开申请分别为27件、24件、4件。", ["N101"]),
    ("全年收到和办结政府信息公开申请分别为27件、25件。", []),
    ("全年新收和上年结转政府信息公开申请分别为27件、3件。", ["N101"]),
    ("全年收到和办结政府信息公开申请分别为28件、25件。", ["N101"]),
    ("全年收到的27件申请中，予以公开、部分公开、不予公开分别为13件、2件、1件。", []),
    ("全年收到的27件申请中，予以公开、部分公开、不予公开分别为13件、3件、1件。", ["N104"]),
])
def test_a_respectively_list_gives_each_verb_its_count(sentence, codes):
    """收到、办结、结转…分别为 a、b、c: each count is the verb's in the same place (27 as
    办结 was a false N101); a bare 结转 (in or out) names no row."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("本年度收到申请数27件，办结申请数25件。", []),
    ("本年度收到申请数27件，办结申请数24件。", ["N101"]),
    ("本年度受理的依申请公开事项除4件结转下年度办理外均已按期办结。", []),
    ("本年度受理的依申请公开事项除3件结转下年度办理外均已按期办结。", ["N101"]),
])
def test_the_verb_names_its_quantity_noun_and_an_exception_its_own_count(sentence, codes):
    """办结申请数 25 件 is the handled count (not 申请数 as accepted: 25 against 27 and 29 was
    a false N101); 除 4 件结转下年度办理外 is the carry-over, not the 受理 of the clause."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("本年度依申请公开数量为20件。", ["N101"]),
    ("本年度依申请公开数量为27件。", []),
    ("办结的二十五件申请中，予以公开十一件。", ["N104"]),
    ("全年共收到政府信息公开申请1，027件。", ["N101"]),
    ("全年门户网站访问量12，345人次，收到政府信息公开申请27件。", []),
])
def test_counts_named_by_the_requests_quantity_in_words_or_with_a_chinese_comma(sentence, codes):
    """依申请公开数量为 N 件 is the year's count; 办结的二十五件申请中 no other kind of
    application (a count in words between the verb and 申请); 1，027 is one number, not 27."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年行政事业性收费125,300元。", []),
    ("全年行政事业性收费125，300元。", []),
    ("全年行政事业性收费135,300元。", ["N112"]),
    ("全年办结25件，公开率（含部分公开）为58%。", ["N104"]),
    ("全年办结25件，公开率（含部分公开）为60%。", []),
])
def test_amounts_with_separators_and_a_rate_with_an_aside_after_it(sentence, codes):
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年行政诉讼1件，法院判决确认本机关答复违法。", ["N108"]),
    ("全年行政诉讼1件，原告已撤诉。", ["N108"]),
    ("全年行政复议2件，其中申请人撤回复议申请1件，尚未审结1件。", ["N108"]),
    ("全年行政诉讼1件，法院判决驳回原告诉讼请求。", []),
    ("全年行政诉讼1件，未出现原告撤诉情况。", []),
])
def test_a_judgment_of_illegality_and_a_withdrawal_are_outcomes(sentence, codes):
    """判决确认…违法 is 结果纠正 (words between 确认 and 违法); 撤诉 and 撤回复议申请 are
    其他结果: table 四 gives 维持 1 for the suit and 0 of both."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年计划办理政府信息公开申请30件。", []),
    ("“十四五”期间共收到政府信息公开申请120件。", []),
    ("十四五以来累计收到政府信息公开申请120件。", []),
    # a plan followed is no plan
    ("按照工作计划，全年共收到政府信息公开申请30件。", ["N101"]),
])
def test_a_plan_and_a_plans_years_are_no_count_of_the_year(sentence, codes):
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年收到申请27件，依据《条例》第三十六条答复13件。", []),
    ("全年收到申请27件，依据《条例》第三十六条第（三）项答复2件。", []),
    # 依法 and 按规定 qualify every answer: the handled count
    ("全年收到申请27件，依法答复24件。", ["N101"]),
])
def test_applications_answered_under_one_article_are_a_part(sentence, codes):
    """答复 N 件 under one article of the 条例 (第三十六条, one kind of answer) is a part of
    those handled, as 当场答复 is (13 against table 三's 25 was a false N101)."""
    assert _codes(sentence) == codes


#: Cases of the tenth held-out set not recognised, left as they are.
HELD_OUT_10_MISSES: dict[str, str] = {}


@pytest.mark.parametrize("family, code, sentence", [
    pytest.param(f, c, x, marks=[pytest.mark.xfail(strict=True, reason=HELD_OUT_10_MISSES[x])] if x in HELD_OUT_10_MISSES else [])
    for f, c, x in pc.HELD_OUT_10], ids=[f"{f}-held10-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_10)])
def test_held_out_10_phrasing(family, code, sentence):
    test_phrasing_family(family, code, sentence)


@pytest.mark.parametrize("family, code, sentence", pc.HELD_OUT_10_NONE,
                         ids=[f"{f}-held10-none-{i}" for i, (f, _, _) in enumerate(pc.HELD_OUT_10_NONE)])
def test_held_out_10_phrasing_in_a_report_with_no_applications(family, code, sentence):
    recognised, found, agreeing = pc.run_case(sentence, code, none=True)
    assert recognised, [(d.span.line, d.span.column, d.code, d.message) for d in found]
    assert agreeing == []


@pytest.mark.parametrize("sentence", pc.QUIET_7, ids=[f"quiet7-{i}" for i in range(len(pc.QUIET_7))])
def test_quiet_7_sentences_raise_nothing(sentence):
    assert pc.findings(pc.phrasing_report(sentence)) == []


@pytest.mark.parametrize("sentence", pc.QUIET_7_NONE, ids=[f"quiet7-none-{i}" for i in range(len(pc.QUIET_7_NONE))])
def test_quiet_7_sentences_raise_nothing_in_a_report_with_no_applications(sentence):
    assert pc.findings(pc.phrasing_report(sentence, none=True)) == []


@pytest.mark.parametrize("sentence, codes", [
    ("全年主动公开政府信息2,156条，其中机构职能类36条、政策文件类48条。", []),
    ("全年主动公开政府信息2，156条，其中机构职能类1，036条、政策文件类48条。", ["N106"]),
    ("全年主动公开政府信息1,200条，其中政务动态1,100条、通知公告300条。", ["N105"]),
])
def test_a_thousands_separator_ends_no_clause_of_a_list(sentence, codes):
    """The comma of 2,156 parts the number's groups: the list's total is 2,156, not 156 (156
    against 36 + 48 was a false N106), and a part of 1，036 is 1,036."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年发布政策解读15篇，其中图文解读8篇、视频解读2篇。", []),
    ("全年发布政策解读12篇，其中主要负责人解读3篇、专家解读4篇。", []),
    # a list of kinds that are not forms is still a breakdown
    ("全年发布政策解读15篇，其中文字解读8篇、政策问答2篇。", ["N106"]),
])
def test_a_list_of_the_forms_of_pieces_is_no_breakdown(sentence, codes):
    """图文解读, 视频解读, 负责人解读 count the pieces given a form or a voice beside the plain
    ones: not a breakdown of every piece (8 + 2 of 15 was a false N106)."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("2021年至2023年，本局分别收到政府信息公开申请12件、18件、21件。", []),
    ("2023年，本局共收到政府信息公开申请30件，办结30件。", []),
    # the report's own year opening the sentence: its counts are compared
    ("2024年，本局共收到政府信息公开申请30件。", ["N101"]),
    ("2024年1月1日至12月31日，本局共收到政府信息公开申请30件。", ["N101"]),
    # (found afterwards) the nearest time clause: each year its own counts
    ("2023年、2024年，本局分别收到政府信息公开申请20件、27件。", []),
    ("2023年，本局共收到申请20件；2024年，共收到申请27件。", []),
    ("2023年，本局共收到申请20件；2024年，共收到申请30件。", ["N101"]),
])
def test_an_opening_time_clause_is_the_time_of_the_sentence(sentence, codes):
    """A sentence that opens on a clause giving only a time (2021年至2023年，…) speaks of that
    time in every clause that names none of its own (12 against table 三's 27 was a false
    N101)."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年行政复议2件，均被复议机关纠正。", ["N108"]),
    ("行政诉讼1件，被法院判决纠正。", ["N108"]),
    ("行政诉讼1件，被人民法院判决撤销。", ["N108"]),
    ("行政诉讼1件，法院判决纠正本机关答复。", ["N108"]),
    # the agency as the review body: others' cases
    ("本局作为复议机关，全年审结行政复议案件23件，其中撤销3件、确认违法1件。", []),
    ("行政诉讼1件，经法院判决维持。", []),
])
def test_a_correction_by_the_body_named(sentence, codes):
    """被复议机关纠正, 被法院判决纠正 (the body deciding named between 被 and the decision) and
    判决纠正 say the agency's case was corrected: table 四 gives 纠正 0."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年行政事业性收费为零。", ["N112"]),
    ("全年行政事业性收费金额为0。", ["N112"]),
    ("全年行政事业性收费为零，较上年持平。", ["N112"]),
    ("全年行政事业性收费12.53万元。", []),
    ("全年行政事业性收费为零增长。", []),
])
def test_fees_said_to_be_none(sentence, codes):
    """行政事业性收费为零 claims none, as 未收取行政事业性收费 does: table 二 gives 12.53 万元."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年接收政府信息公开申请27件，已全部答复完毕。", ["N102"]),
    ("全年接收政府信息公开申请27件，已全部答复。", ["N102"]),
    # timeliness only: nothing said of those still open
    ("全年接收政府信息公开申请27件，均在法定期限内答复。", []),
    # (found afterwards) the carried-in ones the sentence's subject: they are done, not all
    ("上年结转的2件申请，已于本年度全部办结。", []),
    ("上年结转的2件申请，均已办结。", []),
    ("全年收到申请27件，上年结转2件，均已办结。", ["N102"]),
])
def test_already_all_answered_is_a_completion_claim(sentence, codes):
    """已全部答复(完毕) says every application was dealt with (已 before 全部, 完毕 after the
    verb): table 三 carries 4 over."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("2023年度未办结、转入本年度办理的申请1件。", ["N101"]),
    ("2023年度未办结、转入本年度办理的申请2件，已于本年度全部办结。", []),
    ("上年度未办结、转入本年度办理的申请1件。", ["N101"]),
    ("结转至本年度办理的申请3件。", ["N101"]),
    # the report's own year not done: the carry-over out
    ("2024年度未办结的申请3件。", ["N101"]),
    ("2024年度未办结的申请4件。", []),
    # a verb in the name of another kind of application still names it
    ("全年办理营业执照办理申请120件。", []),
])
def test_a_carry_over_into_the_year_in_other_words(sentence, codes):
    """未办结 after a year's number is that year's carry-over (in from 2023, out of 2024), and
    转入本年度 is carried in; the verbs between 办结 and 申请 (未办结、转入本年度办理的申请) name
    no other kind of application."""
    assert _codes(sentence) == codes


@pytest.mark.parametrize("sentence, codes", [
    ("全年办结25件，予以公开及部分公开的占比为62%。", ["N104"]),
    ("全年办结25件，予以公开和部分公开的比例为60%。", []),
    ("全年办结25件，予以公开的比例为64%。", ["N104"]),
    # another outcome's share is no disclosure rate
    ("全年办结申请25件，部分公开的占比为8%。", []),
])
def test_the_rate_of_both_groups_named(sentence, codes):
    """予以公开及部分公开的占比 is a disclosure rate (both groups named, 的 before 占比): 62 %
    is neither 52 % nor 60 %."""
    assert _codes(sentence) == codes
