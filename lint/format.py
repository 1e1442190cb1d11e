"""The report formats as data: one copy of every fact of ``docs/format.md``.

Two formats are described: the current one (``FORMAT_2021``, 国办公开办函〔2021〕30号,
reports on 2021 and later) and the 2019 试行 one (``FORMAT_2019``, 国办公开办函〔2019〕60号,
reports on 2019 and 2020). Each holds

- its six **sections** (slot, numeral, standard title, the core words that name it, the
  table it carries, and for 总体情况 the topics it must cover);
- **table 二** (T2): blocks of 第二十条, each with its columns and rows; every cell has a key
  (``rules.issued``, ``fees``…), a display name and a kind (count, signed change, amount);
- **table 三** (T3): rows R01…R25 and columns C1…C7 with their keys, standard labels,
  display names, which rows are leaves of the results block, the result groups G0…G6 and
  the words that name each of them;
- **table 四** (T4): blocks review / direct / after_review × columns upheld … total;
- the **identities** between cells, as data: :class:`Identity` values that say
  ``sum(left) = sum(right)``, built by :func:`t3_identities` and :func:`t4_identities` and
  evaluated by :func:`evaluate` over any mapping of cell values.

Everything here is plain immutable data and pure functions: the reader (``gplint.reader``), the
model, ``gplint dump``, the label matcher (``labels.py``) and every rule read the format from
here, so that a label, a display name or an identity is written exactly once. Nothing here
reads a report; the functions that look at a parsed table live with the model and the rules.

Keys follow docs/format.md. A *cell reference* (:data:`CellRef`) is ``(row, column)`` in table
三 (``("R24", "C7")``, or a group row such as ``("G6", "C1")``) and ``(block, column)`` in
table 四 (``("review", "total")``).
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Callable, Mapping, NamedTuple, Optional, Sequence, Union

Number = Union[int, Decimal]
#: ``(row, column)`` in table 三, ``(block, column)`` in table 四.
CellRef = tuple[str, str]

# The records below are NamedTuples, not dataclasses: immutable, compared and hashed by
# value all the same, and about eight times cheaper to define. This module is imported by
# every ``import gplint`` (the model reads its keys from here), and a cold ``gplint FILE``
# from a pre-commit hook pays for every class defined at start-up: 19 frozen dataclasses
# cost more than the rest of the module and as much as the whole model.


# =========================================================================== sections

class Topic(NamedTuple):
    """Something a section must talk about (FORMAT §3.2), and the words that show it does."""

    key: str
    label: str
    words: tuple[str, ...]


class SectionSpec(NamedTuple):
    """One of the six statutory sections (FORMAT §3.1)."""

    slot: str  # "S1" … "S6"
    numeral: str  # "一" … "六"
    #: The standard title without its numeral ("总体情况").
    title: str
    #: Core words that name the section in a heading, standard or not (§3.1 matching advice).
    words: tuple[str, ...]
    #: The table the section carries ("t2", "t3", "t4"), if any.
    table: Optional[str] = None
    #: Topics the section must cover (§3.2; only 总体情况 has them).
    topics: tuple[Topic, ...] = ()

    @property
    def heading(self) -> str:
        """The standard heading as printed: numeral, 、, title ("一、总体情况")."""
        return f"{self.numeral}、{self.title}"

    @property
    def number(self) -> int:
        """1 … 6: the section's place in the report."""
        return int(self.slot[1:])


# The five topics of 总体情况 (FORMAT §3.2) and the words that show a topic is covered. The
# words are looser than the topic names: reports say 门户网站 for 平台建设, 考核 for 监督保障.
_S1_TOPICS = (
    Topic("s1.active", "主动公开", ("主动公开", "主动发布")),
    Topic("s1.on_request", "依申请公开", ("依申请", "公开申请", "申请公开")),
    Topic("s1.info_mgmt", "政府信息管理", ("信息管理", "审核", "审查", "公开属性", "清理", "梳理")),
    Topic("s1.platform", "政府信息公开平台建设", ("平台", "网站", "新媒体", "公众号", "专栏")),
    Topic("s1.oversight", "监督保障", ("监督", "保障", "考核", "培训", "督查", "督导")),
)
#: What a people's government's 监督保障 part must also report (FORMAT §3.2, 第五十条(四)).
GOVERNMENT_RESULTS: tuple[Topic, ...] = (
    Topic("s1.gov.assessment", "工作考核", ("考核",)),
    Topic("s1.gov.review", "社会评议", ("评议", "社会评价", "满意度")),
    Topic("s1.gov.accountability", "责任追究", ("责任追究", "追责", "问责")),
)

SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("S1", "一", "总体情况", ("总体情况", "概述", "概况", "基本情况"), topics=_S1_TOPICS),
    SectionSpec("S2", "二", "主动公开政府信息情况", ("主动公开",), "t2"),
    SectionSpec("S3", "三", "收到和处理政府信息公开申请情况", ("收到和处理", "申请情况", "依申请公开情况", "依申请公开"), "t3"),
    SectionSpec("S4", "四", "政府信息公开行政复议、行政诉讼情况", ("行政复议", "行政诉讼"), "t4"),
    SectionSpec("S5", "五", "存在的主要问题及改进情况", ("主要问题", "存在问题", "存在的问题", "改进情况", "改进措施")),
    SectionSpec("S6", "六", "其他需要报告的事项", ("其他需要报告", "其他事项", "其他需报告")),
)
#: The order in which the sections' words are tried on a heading title: the first slot one
#: of whose words occurs in the title wins, so a title carrying words of two slots goes to
#: the one tried first (the order the reader has always used).
SECTION_MATCH_ORDER: tuple[str, ...] = ("S6", "S4", "S5", "S3", "S2", "S1")


# =========================================================================== tables

class TableSpec(NamedTuple):
    """One of the three statistics tables."""

    key: str  # "t2" | "t3" | "t4"
    name: str  # "表二" …
    section: str  # the slot that carries it


TABLES: tuple[TableSpec, ...] = (TableSpec("t2", "表二", "S2"), TableSpec("t3", "表三", "S3"), TableSpec("t4", "表四", "S4"))


# --------------------------------------------------------------------------- table 二

class T2Column(NamedTuple):
    """A column of a T2 block."""

    key: str  # "issued", "decisions", "amount" …
    #: The header as the format prints it ("本年收费金额（单位：万元）").
    label: str
    #: The header in a cell's display name when it differs from the label: the label
    #: without its unit ("本年收费金额").
    short: str = ""
    #: "count" (integer ≥ 0), "change" (a signed integer: the 2019 本年增/减) or "amount"
    #: (a decimal ≥ 0, money).
    kind: str = "count"
    #: The unit an amount is printed in ("万元"), when the format says.
    unit: Optional[str] = None

    @property
    def name(self) -> str:
        """The header in a cell's display name."""
        return self.short or self.label


class T2Row(NamedTuple):
    """A row of a T2 block: its key, its standard label, and the words that name it."""

    key: str  # "rules", "norm", "licensing" …
    label: str
    words: tuple[str, ...]


class T2Cell(NamedTuple):
    """One data cell of table 二."""

    key: str  # "rules.issued"; a row of a one-column block is its own cell: "licensing"
    row: T2Row
    column: T2Column

    @property
    def name(self) -> str:
        """How messages name the cell: "规章·本年制发件数"."""
        return f"{self.row.label}·{self.column.name}"

    @property
    def kind(self) -> str:
        return self.column.kind


class T2Block(NamedTuple):
    """A block of table 二: one item of 第二十条, its columns and its rows."""

    item: str  # "（一）"
    columns: tuple[T2Column, ...]
    rows: tuple[T2Row, ...]

    @property
    def heading(self) -> str:
        """The block's heading line: "第二十条第（一）项"."""
        return f"第二十条第{self.item}项"

    def cell_key(self, row: T2Row, column: T2Column) -> str:
        # The format's keys (FORMAT §4): a one-column row is its own cell ("licensing").
        return row.key if len(self.columns) == 1 else f"{row.key}.{column.key}"


class T2Spec(NamedTuple):
    """Table 二 of one format."""

    blocks: tuple[T2Block, ...]
    #: The order in which rows' words are tried on a label: specific words first.
    match_order: tuple[str, ...]
    #: The header of the label column.
    label_header: str = "信息内容"
    #: The cell whose header must say 万元 (U101, U102), when the format has one.
    fee_cell: Optional[str] = None

    @property
    def cells(self) -> dict[str, T2Cell]:
        """Cell key -> cell, in table order (rows of a block left to right, blocks in turn)."""
        return _T2_CELLS[self.blocks]

    @property
    def keys(self) -> tuple[str, ...]:
        """Every cell key in table order (rows of a block left to right, blocks in turn)."""
        return tuple(self.cells)

    @property
    def rows(self) -> dict[str, T2Row]:
        """Row key -> row, in table order."""
        return {r.key: r for b in self.blocks for r in b.rows}

    @property
    def row_keys(self) -> dict[str, tuple[str, ...]]:
        """Row key -> its cells' keys, left to right."""
        return {r.key: tuple(b.cell_key(r, c) for c in b.columns) for b in self.blocks for r in b.rows}

    @property
    def row_width(self) -> dict[str, int]:
        """Row key -> how many values the row carries."""
        return {r.key: len(b.columns) for b in self.blocks for r in b.rows}

    def block_of(self, row: str) -> T2Block:
        return next(b for b in self.blocks if any(r.key == row for r in b.rows))

    @property
    def column_names(self) -> tuple[str, ...]:
        """The distinct column names, in table order."""
        return tuple(dict.fromkeys(c.name for b in self.blocks for c in b.columns))


#: Each table 二's cells, by its blocks (computed once a table: see _t2_cells).
_T2_CELLS: dict[tuple[T2Block, ...], dict[str, T2Cell]] = {}


def _t2(blocks: tuple[T2Block, ...], match_order: tuple[str, ...], fee_cell: Optional[str] = None) -> T2Spec:
    """A table 二 spec, its cells computed once."""
    _T2_CELLS[blocks] = {b.cell_key(r, c): T2Cell(b.cell_key(r, c), r, c)
                         for b in blocks for r in b.rows for c in b.columns}
    return T2Spec(blocks, match_order, fee_cell=fee_cell)


_DECISIONS_2021 = T2Column("decisions", "本年处理决定数量")
T2_2021 = _t2(
    blocks=(
        T2Block("（一）", (T2Column("issued", "本年制发件数"), T2Column("repealed", "本年废止件数"),
                          T2Column("in_force", "现行有效件数")),
                (T2Row("rules", "规章", ("规章",)),
                 # 规范性文件 is the 2019 label, still common in 2021+ reports (T108 reports it).
                 T2Row("norm", "行政规范性文件", ("行政规范性文件", "规范性文件")))),
        T2Block("（五）", (_DECISIONS_2021,), (T2Row("licensing", "行政许可", ("行政许可",)),)),
        T2Block("（六）", (_DECISIONS_2021,),
                (T2Row("penalty", "行政处罚", ("行政处罚",)), T2Row("coercion", "行政强制", ("行政强制",)))),
        T2Block("（八）", (T2Column("amount", "本年收费金额（单位：万元）", "本年收费金额", "amount", "万元"),),
                (T2Row("fees", "行政事业性收费", ("行政事业性收费", "事业性收费")),)),
    ),
    # 行政规范性文件 before 规章: neither label contains the other's words, but a merged
    # label cell ("规章 行政规范性文件") is the norm row's (the order the reader always used).
    match_order=("norm", "rules", "licensing", "penalty", "coercion", "fees"),
    fee_cell="fees",
)

# The 2019 试行 format's table 二 (FORMAT §1.2): other columns in (一), three columns in
# (五)(六)(八) counting items (上一年项目数量, the signed 本年增/减, 处理决定数量), the row
# 其他对外管理服务事项 under (五), and a block (九) for 政府集中采购 whose 采购总金额 is an
# amount of money but not a fee: no fee header to check in this table.
_PREVIOUS_2019 = T2Column("previous", "上一年项目数量")
_CHANGE_2019 = T2Column("change", "本年增/减", kind="change")
_DECISIONS_2019 = T2Column("decisions", "处理决定数量")
T2_2019 = _t2(
    blocks=(
        T2Block("（一）", (T2Column("made", "本年新制作数量"), T2Column("published", "本年新公开数量"),
                          T2Column("total", "对外公开总数量")),
                (T2Row("rules", "规章", ("规章",)), T2Row("norm", "规范性文件", ("行政规范性文件", "规范性文件")))),
        T2Block("（五）", (_PREVIOUS_2019, _CHANGE_2019, _DECISIONS_2019),
                (T2Row("licensing", "行政许可", ("行政许可",)),
                 T2Row("other_services", "其他对外管理服务事项", ("其他对外管理服务事项", "对外管理服务事项")))),
        T2Block("（六）", (_PREVIOUS_2019, _CHANGE_2019, _DECISIONS_2019),
                (T2Row("penalty", "行政处罚", ("行政处罚",)), T2Row("coercion", "行政强制", ("行政强制",)))),
        T2Block("（八）", (_PREVIOUS_2019, _CHANGE_2019),
                (T2Row("fees", "行政事业性收费", ("行政事业性收费", "事业性收费")),)),
        T2Block("（九）", (T2Column("items", "采购项目数量"), T2Column("amount", "采购总金额", kind="amount")),
                (T2Row("procurement", "政府集中采购", ("政府集中采购", "集中采购")),)),
    ),
    # The rows only this format has first: 其他对外管理服务事项 must not be read as another row.
    match_order=("other_services", "procurement", "norm", "rules", "licensing", "penalty", "coercion", "fees"),
)

#: Table 二's row labels of both formats, longest first (a pattern built from them tries
#: 行政规范性文件 before 规范性文件, which it holds).
T2_ROW_LABELS: tuple[str, ...] = tuple(sorted(
    dict.fromkeys(r.label for t2 in (T2_2021, T2_2019) for r in t2.rows.values()), key=len, reverse=True))

#: Header words only the 2019 format prints: its "signatures" in a report (FORMAT §1.2).
#: 本年增减 is 本年增/减 as some reports print it; the order is the order findings list them.
OLD_FORMAT_SIGNATURES: tuple[str, ...] = (
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
    "政府集中采购", "采购项目数量", "采购总金额", "其他对外管理服务事项")
#: Header words of table 二 only the 2021 format prints (its column names the 2019 format's
#: table lacks): a table 二 that carries more of these than of the 2019 signatures is read
#: in the 2021 format even where a clerk kept two of the old headers.
NEW_FORMAT_SIGNATURES: tuple[str, ...] = tuple(dict.fromkeys(
    c.name for b in T2_2021.blocks for c in b.columns
    if c.name not in {c19.name for b19 in T2_2019.blocks for c19 in b19.columns}))
#: A signature that is another way of printing one listed before it (found once, not twice).
OLD_FORMAT_VARIANTS: dict[str, str] = {"本年增减": "本年增/减"}

#: Wordings of table 二's 2021 column headers that say the same as the format's (docs/
#: format.md §10): 本年度 for 本年 (the format itself heads table 三's results 本年度办理结果)
#: and 本年新制发件数 (documents issued this year are new ones). Not misspellings (T102):
#: non-standard wording, which the strict profile reports (T109). Variant -> standard.
T2_COLUMN_WORDING: dict[str, str] = {
    **{"本年度" + c.name[2:]: c.name for c in dict.fromkeys(c for b in T2_2021.blocks for c in b.columns)
       if c.name.startswith("本年")},
    "本年新制发件数": "本年制发件数",
    "本年度新制发件数": "本年制发件数",
}


# --------------------------------------------------------------------------- table 三

class T3Column(NamedTuple):
    """A column of table 三 (FORMAT §5.1)."""

    key: str  # "C1" … "C7"
    #: The header as printed ("其他").
    label: str
    #: How messages name the column: the label, made unambiguous ("其他（法人或其他组织）").
    name: str
    #: Words that name the column in a (normalised) header, most specific first.
    words: tuple[str, ...]
    #: The spanning header the column sits under (法人或其他组织), if any.
    group: Optional[str] = None


class T3Row(NamedTuple):
    """A data row of table 三 (FORMAT §5.2)."""

    key: str  # "R01" … "R25"
    #: The standard label, numbering included, without an explanatory note ("（二）部分公开").
    label: str
    #: How messages name the row: group numbering added for a leaf under a group
    #: ("（三）1.属于国家秘密"), long labels shortened ("（六）1.逾期不补正").
    name: str
    #: Words that name the row in a normalised label (see :data:`T3_ROW_MATCH_ORDER`).
    words: tuple[str, ...] = ()
    #: The note the format prints after the label ("（区分处理的，只计这一情形，不计其他情形）").
    note: str = ""
    #: A shorter name than ``name``, where there is one ("四、结转下年度").
    short: str = ""

    @property
    def brief(self) -> str:
        """The shortest name, where the four items of BALANCE are written side by side."""
        return self.short or self.name

    @property
    def standard(self) -> str:
        """The label exactly as the format prints it, note included."""
        return self.label + self.note


class T3Group(NamedTuple):
    """A group of result rows (FORMAT §5.2). G1 and G2 are single rows that are their own
    group (（一）予以公开 is R03); G0 (三、本年度办理结果) and G3…G6 are printed as labels
    only, above their members, and have no cells of their own in the format."""

    key: str  # "G0" … "G6"
    label: str
    members: tuple[str, ...]
    words: tuple[str, ...] = ()

    @property
    def heading(self) -> bool:
        """Printed as a label-only line above its members (G0, G3…G6)."""
        return bool(self.words)


class T3Spec(NamedTuple):
    """Table 三 of one format."""

    rows: tuple[T3Row, ...]
    columns: tuple[T3Column, ...]
    groups: tuple[T3Group, ...]
    #: The result rows whose sum is the total row (SUM-RESULTS), in table order.
    leaves: tuple[str, ...]
    #: The order in which rows' words are tried on a label: the first row one of whose words
    #: occurs in the label wins, so specific labels come before general ones (R21
    #: "申请人无正当理由…" before R19 "无正当理由大量反复").
    match_order: tuple[str, ...]
    #: The same for the groups' words (G0's 办理结果 last: (三)…(六) labels say more).
    group_match_order: tuple[str, ...] = ("G3", "G4", "G5", "G6", "G0")
    #: The caption in the top-left header cell: the BALANCE identity in words (§5.1).
    caption: str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    #: The header spanning the columns.
    header: str = "申请人情况"
    total_row: str = "R24"
    total_column: str = "C7"

    def row(self, key: str) -> T3Row:
        return next(r for r in self.rows if r.key == key)

    def column(self, key: str) -> T3Column:
        return next(c for c in self.columns if c.key == key)

    def group(self, key: str) -> T3Group:
        return next(g for g in self.groups if g.key == key)

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def part_columns(self) -> tuple[str, ...]:
        """The applicant columns whose sum is the total column (ROW-TOTAL)."""
        return tuple(c.key for c in self.columns if c.key != self.total_column)

    def without_total(self, header_columns: Sequence[str]) -> bool:
        """Whether a header naming ``header_columns`` says its rows have no total cell:
        it names every other column and not the total. A header read in part (OCR that
        lost some of its words, words wrapped a character a line) says nothing of it."""
        return self.total_column not in header_columns and set(self.part_columns) <= set(header_columns)

    def paths(self) -> tuple[tuple[str, str, str, str], ...]:
        """Each row in table order as ``(row, level-1 group label, level-2 group label,
        label)``: the label-only group lines a printed table shows to the row's left
        ("" where none), as renderers and examples lay the table out."""
        out = []
        for r in self.rows:
            heads = [g for g in self.groups if g.heading and r.key in g.members]
            top = next((g.label for g in heads if g.key == "G0"), "")
            sub = next((g.label for g in heads if g.key != "G0"), "")
            out.append((r.key, top, sub, r.standard))
        return tuple(out)


_T3_ROWS_2021 = (
    T3Row("R01", "一、本年新收政府信息公开申请数量", "一、本年新收", ("本年新收", "新收政府信息公开申请")),
    T3Row("R02", "二、上年结转政府信息公开申请数量", "二、上年结转", ("上年结转",)),
    T3Row("R03", "（一）予以公开", "（一）予以公开", ("予以公开",)),
    T3Row("R04", "（二）部分公开", "（二）部分公开", ("部分公开",), note="（区分处理的，只计这一情形，不计其他情形）"),
    T3Row("R05", "1.属于国家秘密", "（三）1.属于国家秘密", ("国家秘密",)),
    T3Row("R06", "2.其他法律行政法规禁止公开", "（三）2.其他法律行政法规禁止公开", ("禁止公开", "其他法律")),
    T3Row("R07", "3.危及“三安全一稳定”", "（三）3.危及“三安全一稳定”", ("三安全一稳定", "危及")),
    T3Row("R08", "4.保护第三方合法权益", "（三）4.保护第三方合法权益", ("第三方",)),
    T3Row("R09", "5.属于三类内部事务信息", "（三）5.属于三类内部事务信息", ("内部事务",)),
    T3Row("R10", "6.属于四类过程性信息", "（三）6.属于四类过程性信息", ("过程性",)),
    T3Row("R11", "7.属于行政执法案卷", "（三）7.属于行政执法案卷", ("执法案卷",)),
    T3Row("R12", "8.属于行政查询事项", "（三）8.属于行政查询事项", ("行政查询",)),
    T3Row("R13", "1.本机关不掌握相关政府信息", "（四）1.本机关不掌握相关政府信息", ("不掌握",)),
    T3Row("R14", "2.没有现成信息需要另行制作", "（四）2.没有现成信息需要另行制作", ("另行制作", "没有现成")),
    T3Row("R15", "3.补正后申请内容仍不明确", "（四）3.补正后申请内容仍不明确", ("仍不明确", "补正后申请", "申请内容不明确")),
    T3Row("R16", "1.信访举报投诉类申请", "（五）1.信访举报投诉类申请", ("信访", "举报投诉")),
    T3Row("R17", "2.重复申请", "（五）2.重复申请", ("重复申请",)),
    T3Row("R18", "3.要求提供公开出版物", "（五）3.要求提供公开出版物", ("公开出版物",)),
    T3Row("R19", "4.无正当理由大量反复申请", "（五）4.无正当理由大量反复申请", ("大量反复", "无正当理由大量")),
    T3Row("R20", "5.要求行政机关确认或重新出具已获取信息", "（五）5.要求行政机关确认或重新出具已获取信息",
          ("确认或重新出具", "重新出具", "要求行政机关确认")),
    T3Row("R21", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）1.逾期不补正",
          ("逾期不补正", "申请人无正当理由", "不补正")),
    T3Row("R22", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）2.逾期未缴纳费用",
          ("缴纳费用", "收费通知", "逾期未缴费", "申请人逾期未", "未按收费")),
    T3Row("R23", "3.其他", "（六）3.其他"),  # a bare 其他: matched by place (labels.match_t3_row)
    T3Row("R24", "（七）总计", "（七）总计"),  # a bare 总计 likewise
    T3Row("R25", "四、结转下年度继续办理", "四、结转下年度继续办理",
          ("结转下年度", "结转下一年度", "转下年度", "下年度继续办理", "下一年度继续办理"), short="四、结转下年度"),
)

_T3_COLUMNS = (
    T3Column("C1", "自然人", "自然人", ("自然人", "公民")),
    T3Column("C2", "商业企业", "商业企业", ("商业企业", "商业", "企业"), "法人或其他组织"),
    T3Column("C3", "科研机构", "科研机构", ("科研机构", "科研"), "法人或其他组织"),
    T3Column("C4", "社会公益组织", "社会公益组织", ("社会公益组织", "公益组织", "社会公益", "社会组织", "公益"), "法人或其他组织"),
    T3Column("C5", "法律服务机构", "法律服务机构", ("法律服务机构", "法律服务", "法律"), "法人或其他组织"),
    T3Column("C6", "其他", "其他（法人或其他组织）", ("其他机构", "其他组织", "其他"), "法人或其他组织"),
    T3Column("C7", "总计", "总计", ("总计", "合计")),
)


def _r(a: int, b: int) -> tuple[str, ...]:
    """Row keys Ra … Rb."""
    return tuple(f"R{i:02d}" for i in range(a, b + 1))


_T3_GROUPS_2021 = (
    T3Group("G0", "三、本年度办理结果", _r(3, 24), ("本年度办理结果", "办理结果")),
    T3Group("G1", "（一）予以公开", ("R03",)),
    T3Group("G2", "（二）部分公开", ("R04",)),
    T3Group("G3", "（三）不予公开", _r(5, 12), ("不予公开",)),
    T3Group("G4", "（四）无法提供", _r(13, 15), ("无法提供",)),
    T3Group("G5", "（五）不予处理", _r(16, 20), ("不予处理",)),
    T3Group("G6", "（六）其他处理", _r(21, 23), ("其他处理",)),
)

T3_2021 = T3Spec(
    rows=_T3_ROWS_2021,
    columns=_T3_COLUMNS,
    groups=_T3_GROUPS_2021,
    leaves=_r(3, 23),
    match_order=("R21", "R22", "R19", "R20", "R15", "R01", "R02", "R25", "R04", "R03", *_r(5, 14), "R16", "R17", "R18"),
)
# The 2019 format's table 三 is the same but for （六）其他处理: one row of its own, no sub-rows
# (FORMAT §1.2). It is then a leaf, in the place of R21…R23.
T3_2019 = T3Spec(
    rows=tuple(r for r in _T3_ROWS_2021 if r.key not in ("R21", "R22", "R23")),
    columns=_T3_COLUMNS,
    groups=_T3_GROUPS_2021,
    leaves=_r(3, 20) + ("G6",),
    match_order=T3_2021.match_order,
)


# --------------------------------------------------------------------------- table 四

class T4Block(NamedTuple):
    key: str  # "review" | "direct" | "after_review"
    label: str  # the block's own header
    #: The header spanning it (行政诉讼 over 未经复议直接起诉 and 复议后起诉), if any.
    parent: str = ""

    @property
    def name(self) -> str:
        """How messages name the block: "行政诉讼·复议后起诉"."""
        return f"{self.parent}·{self.label}" if self.parent else self.label


class T4Column(NamedTuple):
    key: str  # "upheld" … "total"
    label: str


class T4Spec(NamedTuple):
    """Table 四 (FORMAT §6): 15 cells in one row, three blocks of five."""

    blocks: tuple[T4Block, ...]
    columns: tuple[T4Column, ...]
    total_column: str = "total"

    @property
    def block_keys(self) -> tuple[str, ...]:
        return tuple(b.key for b in self.blocks)

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def part_columns(self) -> tuple[str, ...]:
        """The columns whose sum is a block's total (T4-BLOCK-TOTAL)."""
        return tuple(c.key for c in self.columns if c.key != self.total_column)

    def block(self, key: str) -> T4Block:
        return next(b for b in self.blocks if b.key == key)

    def column(self, key: str) -> T4Column:
        return next(c for c in self.columns if c.key == key)


T4 = T4Spec(
    blocks=(T4Block("review", "行政复议"), T4Block("direct", "未经复议直接起诉", "行政诉讼"),
            T4Block("after_review", "复议后起诉", "行政诉讼")),
    columns=(T4Column("upheld", "结果维持"), T4Column("corrected", "结果纠正"), T4Column("other", "其他结果"),
             T4Column("pending", "尚未审结"), T4Column("total", "总计")),
)


# =========================================================================== identities

class IdentityKind(NamedTuple):
    """A family of identities (FORMAT §5.4, §6)."""

    key: str  # "SUM-RESULTS" …: how rules select them
    #: The docs/format.md ID ("T3-SUM-RESULTS").
    id: str
    #: What it says, in words, for messages.
    description: str

    @property
    def title(self) -> str:
        """"T3-BALANCE（第一项 + 第二项 = 第三项 + 第四项）": ID and description."""
        return f"{self.id}（{self.description}）"


IDENTITY_KINDS: dict[str, IdentityKind] = {k.key: k for k in (
    IdentityKind("SUM-RESULTS", "T3-SUM-RESULTS", "（七）总计 = 各办理结果之和"),
    IdentityKind("BALANCE", "T3-BALANCE", "第一项 + 第二项 = 第三项 + 第四项"),
    IdentityKind("ROW-TOTAL", "T3-ROW-TOTAL", "总计列 = 各申请人列之和"),
    # Only （六）其他处理 is ever printed with its own numbers (the 2019 layout).
    IdentityKind("GROUP-SUBTOTAL", "T3-GROUP-SUBTOTAL", "（六）其他处理 = 其下三项之和"),
    IdentityKind("T4-BLOCK-TOTAL", "T4-BLOCK-TOTAL", "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
)}


class Identity(NamedTuple):
    """``sum(left) = sum(right)`` over cells: one equation of the format.

    ``kind`` is a key of :data:`IDENTITY_KINDS`; ``scope`` the column ("C1"), row ("R03") or
    block ("review") it applies to; ``anchor`` the cell a finding about the whole identity
    is placed on (the printed total). Identities are values: equal when their cells are.
    """

    kind: str
    scope: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    anchor: CellRef

    @property
    def operands(self) -> tuple[CellRef, ...]:
        """``left + right``: every operand, each once per side."""
        return self.left + self.right

    @property
    def id(self) -> str:
        """The docs/format.md ID of the identity's kind ("T3-BALANCE")."""
        return IDENTITY_KINDS[self.kind].id

    def __str__(self) -> str:
        """"R01.C1 + R02.C1 = R24.C1 + R25.C1"."""
        def side(keys: tuple[CellRef, ...]) -> str:
            return " + ".join(f"{a}.{b}" for a, b in keys)
        return f"{side(self.left)} = {side(self.right)}"


class Sums(NamedTuple):
    """Both sides of an identity summed over a table's values."""

    left: Number
    right: Number

    @property
    def holds(self) -> bool:
        return self.left == self.right

    @property
    def delta(self) -> Number:
        return self.left - self.right


Values = Union[Mapping[CellRef, Optional[Number]], Callable[[CellRef], Optional[Number]]]


def evaluate(identity: Identity, values: Values) -> Optional[Sums]:
    """Both sides of ``identity`` over ``values`` (a mapping or a function from a cell
    reference to its number; None or a missing key for a cell with no number), or None when
    an operand has no number: an identity is never assessed with a missing cell read as 0
    (FORMAT §5.4, cell-value semantics)."""
    get = values if callable(values) else values.get
    nums = [get(k) for k in identity.operands]
    if any(v is None for v in nums):
        return None
    n = len(identity.left)
    return Sums(sum(nums[:n]), sum(nums[n:]))  # type: ignore[arg-type]


@lru_cache(maxsize=256)
def t3_identities(printed: tuple[str, ...] = T3_2021.row_keys, groups: tuple[str, ...] = ()) -> tuple[Identity, ...]:
    """Every identity of table 三 for a table that prints the rows ``printed`` (R01…R25
    keys) and the group rows ``groups`` with numbers of their own ("G6"), in a fixed order:
    SUM-RESULTS and BALANCE per column, ROW-TOTAL per printed row, GROUP-SUBTOTAL per
    column of a group row whose members are all printed.

    A table that prints （六）其他处理 as one row and none of its sub-rows has the 2019
    format's shape: its SUM-RESULTS sums the 2019 leaves (G6 in the place of R21…R23).
    Few shapes occur and identities are immutable: built once per shape.
    """
    spec = T3_2021
    printed_set = set(printed)
    leaves = spec.leaves
    g6 = spec.group("G6").members
    if "G6" in groups and not any(r in printed_set for r in g6):
        leaves = T3_2019.leaves
    total_row, total_col, parts = spec.total_row, spec.total_column, spec.part_columns
    ids: list[Identity] = []
    for c in spec.column_keys:
        ids.append(Identity("SUM-RESULTS", c, ((total_row, c),), tuple((r, c) for r in leaves), (total_row, c)))
    # BALANCE (the caption): 第一项 + 第二项 = 第三项 (the results, by their total) + 第四项.
    for c in spec.column_keys:
        ids.append(Identity("BALANCE", c, (("R01", c), ("R02", c)), ((total_row, c), ("R25", c)), (total_row, c)))
    for r in printed + groups:
        ids.append(Identity("ROW-TOTAL", r, ((r, total_col),), tuple((r, c) for c in parts), (r, total_col)))
    for g in groups:
        members = spec.group(g).members
        if all(r in printed_set for r in members):
            for c in spec.column_keys:
                ids.append(Identity("GROUP-SUBTOTAL", c, ((g, c),), tuple((r, c) for r in members), (g, c)))
    return tuple(ids)


@lru_cache(maxsize=8)
def t4_identities(blocks: tuple[str, ...] = T4.block_keys) -> tuple[Identity, ...]:
    """T4-BLOCK-TOTAL for each of ``blocks`` (those printed with a 总计 column)."""
    total = T4.total_column
    return tuple(Identity("T4-BLOCK-TOTAL", b, ((b, total),), tuple((b, c) for c in T4.part_columns), (b, total))
                 for b in blocks)


# =========================================================================== formats

class Format(NamedTuple):
    """One version of the report format."""

    version: str  # "2021" | "2019"
    name: str
    #: The document that issued it.
    document: str
    sections: tuple[SectionSpec, ...]
    t2: T2Spec
    t3: T3Spec
    t4: T4Spec
    #: The first report year it governs (reports on that year and later, until the next).
    first_year: int

    @property
    def title(self) -> str:
        """"2021 年格式（国办公开办函〔2021〕30号）", for messages."""
        return f"{self.name}（{self.document}）"

    def section(self, slot: str) -> SectionSpec:
        return next(s for s in self.sections if s.slot == slot)

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(s.slot for s in self.sections)


FORMAT_2021 = Format("2021", "2021 年格式", "国办公开办函〔2021〕30号", SECTIONS, T2_2021, T3_2021, T4, 2021)
FORMAT_2019 = Format("2019", "2019 年试行格式", "国办公开办函〔2019〕60号", SECTIONS, T2_2019, T3_2019, T4, 2019)
FORMATS: dict[str, Format] = {"2021": FORMAT_2021, "2019": FORMAT_2019}

#: The version of a report on a year before the first national format (docs/format.md §1.2,
#: FMT-2008: the 2008 条例's list of contents, no fixed sections, tables or identities). Only
#: the checks that hold for any report (dates, hygiene, the prose's own sums) apply to it.
BEFORE_FORMATS = "2008"
#: The versions a report can follow, oldest first; a rule checks reports of
#: ``NATIONAL_FORMATS`` unless it says otherwise (``Rule.formats``).
NATIONAL_FORMATS: tuple[str, ...] = ("2019", "2021")
ALL_FORMATS: tuple[str, ...] = (BEFORE_FORMATS,) + NATIONAL_FORMATS


# =========================================================================== year over year

class YearOverYear(NamedTuple):
    """What one year's report owes the previous year's (FORMAT §5, §6; the history rules).

    - ``carried_in`` of table 三 (二、上年结转) is last year's ``carried_out`` (四、结转下年度继续
      办理), column by column;
    - in table 二 第二十条第（一）项, each of ``in_force_rows``: last year's ``in_force`` +
      this year's ``issued`` − ``repealed`` is this year's ``in_force`` (2021 format only:
      the 2019 format has no 现行有效 column);
    - in table 四, a block's ``pending`` (尚未审结) last year is part of its ``total`` this
      year: the totals count the cases carried over.
    """

    carried_in: str = "R02"
    carried_out: str = "R25"
    in_force_rows: tuple[str, ...] = ("rules", "norm")
    issued: str = "issued"
    repealed: str = "repealed"
    in_force: str = "in_force"
    pending: str = "pending"
    total: str = "total"


YEAR_OVER_YEAR = YearOverYear()


def format_for(version: str) -> Format:
    """The format a report or a table says it follows ("2019"); the 2021 one otherwise
    (also for a report before the formats, which has none: see ``BEFORE_FORMATS``)."""
    return FORMATS.get(version, FORMAT_2021)


def table(key: str) -> TableSpec:
    return next(t for t in TABLES if t.key == key)


__all__ = [
    "ALL_FORMATS", "BEFORE_FORMATS", "NATIONAL_FORMATS", "CellRef", "FORMATS", "FORMAT_2019", "FORMAT_2021", "Format", "GOVERNMENT_RESULTS", "IDENTITY_KINDS",
    "Identity", "IdentityKind", "Number", "OLD_FORMAT_SIGNATURES", "OLD_FORMAT_VARIANTS", "SECTIONS", "SECTION_MATCH_ORDER",
    "T2_COLUMN_WORDING",
    "SectionSpec", "Sums", "T2Block", "T2Cell", "T2Column", "T2Row", "T2Spec", "T2_2019", "T2_2021", "T3Column",
    "T3Group", "T3Row", "T3Spec", "T3_2019", "T3_2021", "T4", "T4Block", "T4Column", "T4Spec", "TABLES",
    "TableSpec", "Topic", "YEAR_OVER_YEAR", "YearOverYear", "evaluate", "format_for", "t3_identities", "t4_identities", "table",
]
