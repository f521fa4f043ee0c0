"""Which tables are the registrant's primary statements: other presentations told apart, parts
carried on past a page break, note tables kept out."""

from dataclasses import replace
from datetime import date, timedelta

from converter.extract import extract
from converter.extract.layout import title_lines
from converter.extract.model import (
    Column,
    Grid,
    LabelKind,
    LabelSubject,
    Period,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from converter.extract.numbers import parse_amount
from converter.extract.presentations import primary_presentations
from converter.extract.review import review as review_extraction
from converter.extract.statements import classify
from converter.ingest import parse_submission
from converter.ingest.model import DocumentFormat, SourceDocument

from .conftest import FIXTURES
from .test_formats import periods, review, row, statement, values
from .test_reading_rules import cell

PERICOM_RELEASE = "pericom-semiconductor_ex99-1_2005-04-21.txt"


def test_an_earnings_releases_gaap_statement_is_tagged_and_its_pro_forma_twin_told_apart():
    # "Consolidated Statements of Operations - GAAP", then the same lines "- Pro Forma"
    data = review(PERICOM_RELEASE)
    income = [s for s in data["statements"] if s["kind"] == "income_statement"]
    assert [s["name"] for s in income] == ["Consolidated Statements of Operations - GAAP"]
    assert values(row(income[0], "Net income"))[0] == "134000"  # GAAP; pro forma net income was $167,000
    (pro_forma,) = [lo for lo in data["left_out"] if lo["part"] == "statement"]
    assert "Pro Forma" in pro_forma["what"] and "another presentation" in pro_forma["reason"]


PERICOM_2003 = FIXTURES / "excerpts" / "pericom-semiconductor_8-K_2003-07-29_gaap-and-pro-forma.txt"


def test_a_line_of_years_under_an_untagged_statement_heads_another_table_not_more_of_it():
    # Pericom 2003, no table tags: the GAAP statement, one blank line, then the "- Pro Forma" title
    # block and its column headings ("2003 2003 2002 2003 2002"): the pro forma table starts there.
    # Read as one table, its lines were tagged again under near-synonyms (a pro forma cost of
    # revenues of 31,409 as CostOfRevenue beside GAAP's 31,468).
    data = review(PERICOM_2003)
    (gaap,) = data["statements"]
    assert gaap["name"] == "Consolidated Statements of Operations - GAAP"
    assert [values(row(gaap, label))[3] for label in ("Net revenues", "Cost of revenues")] == ["44958000", "31468000"]
    assert len([r for r in gaap["rows"] if r["label"] == "Net revenues"]) == 1
    left_out = [lo["what"] for lo in data["left_out"] if lo["part"] == "statement"]
    assert any("Pro Forma" in what for what in left_out)


PERICOM_2007 = "pericom-semiconductor_8-K_2007-04-26.txt"


def test_a_balance_sheets_headless_second_page_carries_on_with_its_dates():
    # The text release types its liabilities two blank lines under the assets, in the same columns:
    # one table. Put on a page of their own, with no dates above them, they carry on the assets'
    # table with its dates.
    whole = [s for s in review(PERICOM_2007)["statements"] if s["kind"] == "balance_sheet"]
    assert [s["name"] for s in whole] == ["Condensed Consolidated Balance Sheets"]
    text = (FIXTURES / PERICOM_2007).read_text(encoding="latin-1")
    paged = text.replace("\n                  Liabilities and\n", "\n<PAGE>\n                  Liabilities and\n", 1)
    assert paged != text
    parts = [s for s in review_of(paged.encode("latin-1"))["statements"] if s["kind"] == "balance_sheet"]
    assert [s["name"] for s in parts] == [
        "Condensed Consolidated Balance Sheets",
        "Condensed Consolidated Balance Sheets (Continued)",
    ]
    assert periods(parts[1]) == periods(parts[0]) == periods(whole[0]) == ["2007-03-31", "2006-07-01"]
    for table in (parts[1], whole[0]):
        assert values(row(table, "Total liabilities and shareholders' equity")) == ["212781000", "213686000"]


def review_of(data: bytes) -> dict:
    submission = parse_submission(data)
    return review_extraction(submission, extract(submission))


def _balance_sheet(table_id: str, labels: list[str], first: int = 100, *ends: date) -> StatementTable:
    """One-page balance sheet dated June 30, 2023 (or `ends`), its lines stating first, first + 1..."""
    columns = tuple(Column(n, Period(end=end), str(end)) for n, end in enumerate(ends or (date(2023, 6, 30),), 1))
    rows = tuple(
        StatementRow(i, label, RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell(str(first + i))),) * len(columns))
        for i, label in enumerate(labels)
    )
    grid = Grid(table_id, 0, 0, 0, ())
    kind = StatementKind.BALANCE_SHEET
    return StatementTable(table_id, kind, "", Scale(), columns, rows, grid, name="Balance Sheets")


def test_a_combined_filings_second_registrant_repeats_the_first_and_is_left_out():
    # Dow Inc. and The Dow Chemical Company file one 10-Q: the second balance sheet repeats the lines
    # of the first for the same date. A balance sheet's second page, with other lines, is kept.
    parent = _balance_sheet("t7", ["Cash and cash equivalents", "Total current assets", "Total Assets"])
    liabilities = _balance_sheet("t8", ["Notes payable", "Total current liabilities", "Total Liabilities"])
    subsidiary = _balance_sheet("t12", ["Cash and cash equivalents", "Total current assets", "Total Assets"], 200)
    kept, left_out = primary_presentations((parent, liabilities, subsidiary))
    assert [t.id for t in kept] == ["t7", "t8"]
    assert [lo.what for lo in left_out] == ["'Balance Sheets' (t12)"]
    assert "repeats the lines of 'Balance Sheets' (t7)" in left_out[0].reason


def test_a_statement_stating_the_same_amounts_for_a_shared_period_is_no_other_presentation():
    # Turner's 1994 8-K prints New Line Cinema's year-end balance sheets (1991, 1992) and then its
    # interim ones (December 1992, September 1993): the same lines, with the same amounts for
    # December 1992. They are the company's statements again with another period, not another
    # registrant's or a pro forma presentation (those state other amounts).
    labels = ["Note payable to bank", "Deferred income", "Total liabilities"]
    annual = _balance_sheet("t3", labels, 100, date(1991, 12, 31), date(1992, 12, 31))
    interim = _balance_sheet("t18", labels, 100, date(1992, 12, 31), date(1993, 9, 30))
    kept, left_out = primary_presentations((annual, interim))
    assert ([t.id for t in kept], left_out) == (["t3", "t18"], ())


def test_tables_in_the_notes_and_parts_of_a_statement_are_not_statements():
    notes = [
        ("Note 17. Other Financial Data\nCondensed Consolidated Statements of Income Information", ""),
        ("5.Balance Sheet Components", ""),  # Netflix
        ("(8) BALANCE SHEET DETAILS", ""),  # Electronic Arts
        ("", "Income Tax (Expense)/Credit For Components of Other Comprehensive Income"),  # ExxonMobil
        ("", "Accumulated Other Comprehensive Income/(Losses) Component"),  # Kraft Heinz
        ("CASH FLOW HEDGES AND NET INVESTMENT HEDGES", ""),  # GE
        ("Cash Flows", ""),  # Netflix MD&A
        (  # Ford 1993: a note's lead-in naming the balance sheet with a possessive
            "The status of these plans, reconciled with the amounts recognized in\nthe company's balance sheet at "
            "December 31, was as follows (in\nmillions):",
            "",
        ),
    ]
    for title, header in notes:
        assert classify(title, header, [])[0] is StatementKind.OTHER, title or header
    assert classify("Statement of Changes in Consolidated Equity", "", [])[0] is StatementKind.EQUITY  # Alcoa
    assert classify("Shareholders' Equity", "", [])[0] is StatementKind.OTHER  # a section heading


SPIRE_BALANCE_ROWS = [  # (indent, label, heading?) as Spire's HTML balance sheet indents them
    (0, "Current Assets:", True),
    (2, "Cash and cash equivalents", False),
    (2, "Accounts receivable:", True),
    (4, "Utility", False),
    (2, "Delayed customer billings", False),
    (2, "Inventories:", True),
    (4, "Natural gas", False),
    (2, "Regulatory assets", False),
    (4, "Total Current Assets", False),
    (0, "Deferred Charges and Other Assets:", True),
    (2, "Regulatory assets", False),
]


def test_a_line_indented_less_than_a_sections_lines_is_out_of_that_section():
    # Regulatory assets printed under the inventories' items, but back at their heading's depth,
    # are a current asset of their own, not an inventory (and the second, a deferred charge).
    from converter.extract.model import Cell, GridRow
    from converter.extract.statements import build_rows

    column = Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023")
    grid_rows = tuple(
        GridRow((cell(label), Cell("") if heading else cell("1.0")), i, indent)
        for i, (indent, label, heading) in enumerate(SPIRE_BALANCE_ROWS)
    )
    rows = build_rows(Grid("t1", 0, 0, 10, grid_rows), 0, (column,), StatementKind.BALANCE_SHEET)
    sections = {(r.grid_row, r.label): r.sections[-1:] for r in rows}
    assert sections[(3, "Utility")] == ("Accounts receivable:",)
    assert sections[(4, "Delayed customer billings")] == ("Current Assets:",)
    assert sections[(7, "Regulatory assets")] == ("Current Assets:",)
    assert sections[(10, "Regulatory assets")] == ("Deferred Charges and Other Assets:",)


DEERE_EQUITY_ROWS = [
    ("STOCKHOLDERS' EQUITY", True),
    ("Common stock, $1 par value", False),
    ("Retained earnings", False),
    ("Total", False),
    ("Minimum pension liability adjustment", False),
    ("Accumulated other comprehensive income (loss)", False),
    ("Total stockholder\u2019s equity", False),
    ("Total liabilities and stockholders' equity", False),
]


def test_a_bare_total_is_no_section_total_when_a_later_line_names_it():
    # Deere 2002: a "Total" of common stock and retained earnings, then the other comprehensive
    # income items, then "Total stockholder's equity": the bare one is a subtotal, not the equity.
    from converter.extract.model import Cell, GridRow
    from converter.extract.statements import build_rows

    column = Column(1, Period(end=date(2002, 10, 31)), "2002")
    grid_rows = tuple(
        GridRow((cell(label), Cell("") if heading else cell("1.0")), i)
        for i, (label, heading) in enumerate(DEERE_EQUITY_ROWS)
    )
    rows = build_rows(Grid("t1", 0, 0, 10, grid_rows), 0, (column,), StatementKind.BALANCE_SHEET)
    resolved = {r.label: r.resolved_label for r in rows}
    assert resolved["Total"] == "Total"
    rows = build_rows(Grid("t1", 0, 0, 10, grid_rows[:4]), 0, (column,), StatementKind.BALANCE_SHEET)
    assert rows[-1].resolved_label == "Total stockholders' equity"  # alone, it totals its section


# C3.ai 10-K 2024: the cash flows' closing balance, then its parts as the balance sheet carries them
C3AI_CASH_ROWS = [
    ("Cash, cash equivalents and restricted cash at end of period", ("179,712", "297,395", "352,519")),
    ("Cash and cash equivalents", ("167,146", "284,829", "339,528")),
    ("Restricted cash included in prepaid expenses and other current assets", ("—", "—", "425")),
    ("Restricted cash included in other assets, non-current", ("12,566", "12,566", "12,566")),
    ("Total cash, cash equivalents and restricted cash", ("179,712", "297,395", "352,519")),
]


C3AI_YEARS = tuple(
    Column(1 + i, Period(start=date(year - 1, 5, 1), end=date(year, 4, 30)), str(year))
    for i, year in enumerate((2024, 2023, 2022))
)


def _built_rows(printed, columns: tuple[Column, ...], kind: StatementKind, indents=()) -> tuple[StatementRow, ...]:
    """The rows build_rows reads from printed (label, amounts) lines, an empty amount an empty cell,
    each line indented as `indents` says (none by default)."""
    from converter.extract.model import Cell, GridRow
    from converter.extract.statements import build_rows

    grid_rows = tuple(
        GridRow((cell(label), *(cell(v) if v else Cell("") for v in amounts)), i, indents[i] if indents else 0)
        for i, (label, amounts) in enumerate(printed)
    )
    return build_rows(Grid("t1", 0, 0, 10, grid_rows), 0, columns, kind)


def _cash_flow_rows(printed: list[tuple[str, tuple[str, ...]]]) -> tuple[StatementRow, ...]:
    return _built_rows(printed, C3AI_YEARS, StatementKind.CASH_FLOWS)


def test_the_parts_of_the_closing_cash_balance_are_balances_not_flows():
    rows = _cash_flow_rows(C3AI_CASH_ROWS)
    assert [r.balance_at for r in rows] == ["end"] * 5
    assert rows[2].period_in(C3AI_YEARS[2]) == Period(end=date(2022, 4, 30))  # the restricted $425 at 2022's end


def test_lines_after_the_closing_cash_balance_that_do_not_add_up_to_it_stay_flows():
    broken = [
        *C3AI_CASH_ROWS[:3],
        ("Restricted cash included in other assets, non-current", ("12,000", "12,566", "12,566")),
        C3AI_CASH_ROWS[4],
    ]
    assert [r.balance_at for r in _cash_flow_rows(broken)] == ["end", None, None, None, None]


# Abbott 10-K 2023: below its comprehensive income, the year-end balances of its components
ABBOTT_AOCI_ROWS = [
    ("Comprehensive Income", ("5,935", "7,256", "7,643")),
    (
        "Supplemental Accumulated Other Comprehensive Income (Loss) Information, net of tax as of December 31:",
        ("", "", ""),
    ),
    ("Cumulative foreign currency translation (loss) adjustments", ("(6,504)", "(6,733)", "(5,839)")),
    ("Accumulated other comprehensive income (loss)", ("(7,839)", "(8,051)", "(8,374)")),
]


def _flow_rows(printed, ends: tuple[date, ...], kind: StatementKind) -> tuple[StatementRow, ...]:
    """The rows of a statement of years ending on `ends`."""
    columns = tuple(
        Column(1 + i, Period(start=date(end.year - 1, end.month, end.day) + timedelta(days=1), end=end), str(end.year))
        for i, end in enumerate(ends)
    )
    return _built_rows(printed, columns, kind)


def test_lines_under_a_heading_dated_as_of_the_columns_end_are_balances():
    ends = (date(2023, 12, 31), date(2022, 12, 31), date(2021, 12, 31))
    rows = _flow_rows(ABBOTT_AOCI_ROWS, ends, StatementKind.COMPREHENSIVE_INCOME)
    assert [r.balance_at for r in rows if r.kind is not RowKind.HEADING] == [None, "end", "end"]
    # a 52/53-week year ends on other days: 'as of December 31' does not date its columns
    weeks = (date(2023, 12, 30), date(2022, 12, 31), date(2022, 1, 1))
    rows = _flow_rows(ABBOTT_AOCI_ROWS, weeks, StatementKind.COMPREHENSIVE_INCOME)
    assert [r.balance_at for r in rows if r.kind is not RowKind.HEADING] == [None, None, None]


# Abbott 10-Q 2023: the share counts under its statement of earnings (in thousands)
ABBOTT_SHARE_ROWS = [
    (
        "Average Number of Common Shares Outstanding Used for Basic Earnings Per Common Share",
        ("1,740,359", "1,753,865"),
    ),
    ("Dilutive Common Stock Options", ("9,889", "11,598")),
    ("Average Number of Common Shares Outstanding Plus Dilutive Common Stock Options", ("1,750,248", "1,765,463")),
    ("Outstanding Common Stock Options Having No Dilutive Effect", ("5,474", "5,419")),
]


def test_a_line_adding_the_basic_share_count_up_to_the_diluted_one_counts_shares():
    ends = (date(2023, 6, 30), date(2022, 6, 30))
    rows = _flow_rows(ABBOTT_SHARE_ROWS, ends, StatementKind.INCOME_STATEMENT)
    assert [r.unit_kind for r in rows] == [UnitKind.SHARES] * 4  # the last: options left out of diluted EPS
    off = [ABBOTT_SHARE_ROWS[0], ("Dilutive Common Stock Options", ("9,889", "11,000")), *ABBOTT_SHARE_ROWS[2:3]]
    assert [r.unit_kind for r in _flow_rows(off, ends, StatementKind.INCOME_STATEMENT)][1] is UnitKind.MONETARY


# GE 10-Q 2023: six months' cash flows close with balances dated by month and day
GE_CASH_ROWS = [
    ("Cash, cash equivalents and restricted cash at beginning of year", ("19,092", "16,859")),
    ("Cash, cash equivalents and restricted cash at June 30", ("14,832", "14,971")),
    ("Less cash, cash equivalents and restricted cash of discontinued operations at June 30", ("1,318", "1,741")),
    ("Cash, cash equivalents and restricted cash at December 31", ("1", "2")),
]


def test_a_flow_line_dated_by_the_day_its_columns_end_or_start_is_a_balance():
    rows = _flow_rows(GE_CASH_ROWS, (date(2023, 6, 30), date(2022, 6, 30)), StatementKind.CASH_FLOWS)
    assert [r.balance_at for r in rows] == ["start", "end", "end", None]  # December 31 neither ends nor starts them
    assert rows[1].resolved_label == "Cash, cash equivalents and restricted cash"
    year = _flow_rows(GE_CASH_ROWS[3:], (date(2023, 12, 31),), StatementKind.CASH_FLOWS)
    assert year[0].balance_at == "end"


# Pfizer 10-Q 2023 (in millions): the per-share block closes on a line at its heading's indent
PFIZER_EPS_ROWS = [
    (0, "Net income attributable to Pfizer Inc. common shareholders", ("2,327", "9,906")),
    (0, "Earnings per common share––basic:", ("", "")),
    (2, "Income from continuing operations attributable to Pfizer Inc. common shareholders", ("0.41", "1.76")),
    (2, "Discontinued operations––net of tax", ("—", "0.01")),
    (0, "Net income attributable to Pfizer Inc. common shareholders", ("0.41", "1.77")),
]


def test_an_amount_in_cents_closing_a_per_share_block_is_per_share():
    columns = (
        Column(1, Period(start=date(2023, 4, 3), end=date(2023, 7, 2)), "2023"),
        Column(2, Period(start=date(2022, 4, 4), end=date(2022, 7, 3)), "2022"),
    )
    printed = [(label, amounts) for _, label, amounts in PFIZER_EPS_ROWS]
    indents = [indent for indent, _, _ in PFIZER_EPS_ROWS]
    rows = _built_rows(printed, columns, StatementKind.INCOME_STATEMENT, indents)
    units = [r.unit_kind for r in rows if r.kind is not RowKind.HEADING]
    assert units == [UnitKind.MONETARY, UnitKind.PER_SHARE, UnitKind.PER_SHARE, UnitKind.PER_SHARE]


# 3M 10-Q 2023: counts on lines of their own under the common stock and treasury stock lines
THREE_M_EQUITY_ROWS = [
    ("3M Company shareholders’ equity:", ("", "")),
    ("Common stock par value, $.01 par value; 944,033,056 shares issued", ("9", "9")),
    ("Shares outstanding - June 30, 2023: 551,992,430", ("", "")),
    ("Shares outstanding - December 31, 2022: 549,245,105", ("", "")),
    ("Additional paid-in capital", ("7,196", "6,691")),
    ("Treasury stock, at cost:", ("", "")),
    ("Shares at June 30, 2023: 392,040,626", ("(29,390)", "(29,404)")),
    ("Shares at December 31, 2022: 394,787,951", ("", "")),
    ("Accumulated other comprehensive income (loss)", ("(7,036)", "(6,673)")),
]


def test_a_line_stating_a_count_over_no_amounts_heads_no_section_and_speaks_of_the_line_above():
    from converter.extract.label_facts import label_facts_of

    columns = (
        Column(1, Period(end=date(2023, 6, 30)), "June 30, 2023"),
        Column(2, Period(end=date(2022, 12, 31)), "December 31, 2022"),
    )
    indents = [0] + [2] * (len(THREE_M_EQUITY_ROWS) - 1)  # the lines indented under their heading
    rows = _built_rows(THREE_M_EQUITY_ROWS, columns, StatementKind.BALANCE_SHEET, indents)
    grid = Grid("t1", 0, 0, 10, ())
    sections = {r.label: r.sections for r in rows}
    assert sections["Additional paid-in capital"] == ("3M Company shareholders’ equity:",)
    table = StatementTable("t1", StatementKind.BALANCE_SHEET, "", Scale(), columns, rows, grid, name="Balance Sheet")
    counts = {(f.subject.value, f.kind.value, f.value, f.periods) for f in label_facts_of(table)}
    assert ("common", "shares_outstanding", 551992430, (columns[0].period,)) in counts
    assert ("common", "shares_outstanding", 549245105, (columns[1].period,)) in counts
    assert ("treasury", "shares", 394787951, (columns[1].period,)) in counts


def test_a_title_typed_a_few_blank_lines_above_its_table_names_it():
    # New Line Cinema's statements (Turner's 1994 8-K) leave three blank lines between the centered
    # title and the table: "CONSOLIDATED STATEMENTS OF CASH FLOWS" still names the table, which is
    # then read as the cash flows, not as an untitled table of lines ("Net income") that look like
    # an income statement's.
    excerpt = FIXTURES / "excerpts" / "turner-broadcasting_8-K_1994-01-24_cash-flows.txt"
    (table,) = extract(parse_submission(excerpt.read_bytes())).statements
    assert (table.kind, table.name) == (StatementKind.CASH_FLOWS, "CONSOLIDATED STATEMENTS OF CASH FLOWS")
    assert [c.period.end for c in table.columns] == [date(1990, 12, 31), date(1991, 12, 31), date(1992, 12, 31)]


def test_no_title_is_taken_from_above_a_page_break():
    # An HTML filing's page ends in a footer ("2023 2Q FORM 10-Q 18") and a form feed; the next
    # page's table carries its title in its first row. The blank lines around the form feed do
    # not make the previous page's last lines the table's title.
    lines = ("*Non-GAAP Financial Measure", "2023 2Q FORM 10-Q 18", "", "\f", "", "STATEMENT OF EARNINGS\t2023\t2022")
    doc = SourceDocument(0, DocumentFormat.HTML, lines)
    grid = Grid("t1", 0, 5, 5, ())
    assert title_lines(doc, grid, set()) == ()
    assert title_lines(replace(doc, lines=lines[:3] + ("",) + lines[4:]), grid, set()) == (0, 1)


def test_a_label_wrapped_over_two_lines_keeps_the_indentation_it_is_typed_at():
    # "  Selling, general and" / "   administrative" under "Operating expenses:" is one line of that
    # section, indented as its first line is; the lines after it ("Restructuring charge", then the
    # section's "Total") stay in the section instead of falling out at a line indented by nothing.
    income = statement(PERICOM_RELEASE, "income_statement")
    for label in ("Selling, general and administrative", "Restructuring charge", "Total"):
        assert row(income, label)["sections"] == ["Operating expenses:"], label


def test_a_long_labels_first_line_running_into_the_value_columns_is_a_label_not_a_heading():
    # Ford's 1993 balance sheet: " Preferred Stock, par value $1.00 per share (aggregate" runs past
    # the start of the first value column, with "  liquidation preference of $3.4 billion)" below.
    # Starting where the labels start, it is the first line of a label, not a column heading:
    # the two lines are one row, whose par value is read.
    excerpt = FIXTURES / "excerpts" / "ford-motor_10-K_1993-12-31_balance-sheet.txt"
    (balance,) = extract(parse_submission(excerpt.read_bytes())).statements
    labels = [r.label for r in balance.rows]
    assert "Preferred Stock, par value $1.00 per share (aggregate liquidation preference of $3.4 billion)" in labels
    par_values = [f for f in balance.label_facts if f.kind is LabelKind.PAR_VALUE]
    assert {f.subject for f in par_values} >= {LabelSubject.PREFERRED}


def test_headings_of_a_statement_typed_all_in_capitals_nest_as_in_mixed_case():
    # Ford's 1993 income statement closes with "AMOUNTS PER SHARE OF COMMON" / "STOCK AND CLASS B
    # STOCK" over its per-share lines. Among lines in mixed case a heading in capitals is a top-level
    # section that closes the one before; typed all in capitals, case ranks nothing, and the second
    # heading line nests under the first: the per-share lines keep both, so they stay per share.
    from converter.extract.model import Cell, GridRow
    from converter.extract.statements import build_rows

    column = Column(1, Period(end=date(1993, 12, 31), start=date(1993, 1, 1)), "1993")

    def sections(*lines: tuple[str, str]) -> dict[str, tuple[str, ...]]:
        grid_rows = tuple(
            GridRow((cell(label), cell(value) if value else Cell("")), i) for i, (label, value) in enumerate(lines)
        )
        rows = build_rows(Grid("t1", 0, 0, len(lines), grid_rows), 0, (column,), StatementKind.INCOME_STATEMENT)
        return {r.label: r.sections for r in rows}

    capitals = sections(
        ("NET INCOME", "2,529"),
        ("AMOUNTS PER SHARE OF COMMON", ""),
        ("STOCK AND CLASS B STOCK", ""),
        ("NET INCOME PER SHARE", "4.55"),
    )
    assert capitals["NET INCOME PER SHARE"] == ("AMOUNTS PER SHARE OF COMMON", "STOCK AND CLASS B STOCK")
    mixed = sections(
        ("Net income", "2,529"), ("AMOUNTS PER SHARE", ""), ("Of common stock", ""), ("Net income", "4.55")
    )
    assert [s for label, s in mixed.items() if label == "Net income"] == [("AMOUNTS PER SHARE", "Of common stock")]
