"""Small readers on real strings from filings: numbers, dates, periods, scale, units."""

from datetime import date
from decimal import Decimal

import pytest

from converter.extract.dates import find_dates
from converter.extract.equity import total_column
from converter.extract.fixed_width import fixed_width_grid
from converter.extract.grid import merge_symbol_cells, tidy
from converter.extract.label_facts import dividends_per_share, facts_in_label
from converter.extract.model import (
    Cell,
    Column,
    Grid,
    GridRow,
    Period,
    RowKind,
    Span,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from converter.extract.numbers import parse_amount
from converter.extract.periods import period_of
from converter.extract.scale import find_scale
from converter.extract.statements import classify
from converter.extract.units import unit_kind_of
from converter.mapping.names import camel_name
from converter.mapping.rules import label_key


def cell(text):
    return Cell(text, (Span(0, 0, 10, 10 + len(text)),))


@pytest.mark.parametrize(
    ("text", "magnitude", "negative", "digits"),
    [
        ("$ 46,276", Decimal(46276), False, "46,276"),
        ("(556,130)", Decimal(556130), True, "556,130"),
        ("$ (0.06)", Decimal("0.06"), True, "0.06"),
        ("-12", Decimal(12), True, "12"),
        ("$  5.12*", Decimal("5.12"), False, "5.12"),  # IBM 1997: a footnote mark after the amount
        ("--", None, False, "--"),
        ("\u2014", None, False, "\u2014"),
    ],
)
def test_amounts(text, magnitude, negative, digits):
    amount = parse_amount(cell(text))
    assert (amount.magnitude, amount.negative, amount.text) == (magnitude, negative, digits)
    assert amount.span.end - amount.span.start == len(digits)
    assert text[amount.span.start - 10 : amount.span.end - 10] == digits


@pytest.mark.parametrize("text", ["Revenue", "(556,130", "12 months", "n/a", ""])
def test_not_amounts(text):
    assert parse_amount(cell(text)) is None


def test_dates_in_text():
    found = find_dates("$835 at September 30, 2007 and $789 at March 31, 2007")
    assert [d for d, _, _ in found] == [date(2007, 9, 30), date(2007, 3, 31)]


@pytest.mark.parametrize(
    ("heading", "context", "instant", "expected"),
    [
        ("September 30, 2007", "", True, Period(date(2007, 9, 30))),
        ("Three Months Ended September 30, 2007", "", False, Period(date(2007, 9, 30), date(2007, 7, 1))),
        ("Six Months Ended September 30, 2006", "", False, Period(date(2006, 9, 30), date(2006, 4, 1))),
        ("2008", "For the years ended December 31,", False, Period(date(2008, 12, 31), date(2008, 1, 1))),
        ("13 Weeks Ended September 29, 2007", "", False, Period(date(2007, 9, 29), date(2007, 7, 1))),
        ("Revenue", "", False, None),
    ],
)
def test_periods(heading, context, instant, expected):
    found = period_of(heading, context, instant)
    assert (found.period if found else None) == expected


@pytest.mark.parametrize(
    ("text", "monetary", "shares"),
    [
        ("(In thousands, except share amounts)", 3, 0),
        ("(In thousands, except per share data)", 3, 3),
        ("(in millions, except share and per share amounts)", 6, 0),
        ("(000's omitted)", 3, 3),
        ("(In millions, except per share amounts; shares in thousands)", 6, 3),
        ("CONSOLIDATED BALANCE SHEETS", 0, 0),
    ],
)
def test_scale(text, monetary, shares):
    scale = find_scale(text)
    assert (scale.monetary, scale.shares, scale.per_share) == (monetary, shares, 0)


@pytest.mark.parametrize(
    ("printed", "exponent"),
    [
        ("193,909,714", 0),  # Standard Pacific's weighted average shares under "Dollars in thousands"
        ("145,440", 3),  # Capstone's, under "In thousands, except per share data"
    ],
)
def test_share_counts_too_large_for_the_table_scale_are_actual(printed, exponent):
    scale = find_scale("(Dollars in thousands, except per share amounts)")
    row = StatementRow(1, "Basic", RowKind.ITEM, UnitKind.SHARES, (parse_amount(cell(printed)),))
    table = StatementTable("t1", StatementKind.INCOME_STATEMENT, "", scale, (), (row,), Grid("t1", 0, 0, 0, ()))
    assert table.exponent_of(row) == exponent


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Weighted average shares used to calculate Basic and Diluted net loss per share", UnitKind.SHARES),
        ("Net loss per share of common stock -- Basic and Diluted", UnitKind.PER_SHARE),
        ("Net loss", UnitKind.MONETARY),
        # renewable-energy-acquisition 10-K 2015: "$ (0.01)" was tagged a count of diluted shares
        (
            "Loss per weighted-average share of common stock outstanding, computed on net loss"
            " - basic and fully diluted",
            UnitKind.PER_SHARE,
        ),
    ],
)
def test_unit_kinds(label, kind):
    assert unit_kind_of(label) is kind


def test_unit_kind_from_section_heading():
    assert unit_kind_of("Basic", ("Shares used in computing earnings per share:",)) is UnitKind.SHARES
    assert unit_kind_of("Basic", ("Net income per share:",)) is UnitKind.PER_SHARE


@pytest.mark.parametrize(
    ("label", "name"),
    [
        (
            "Trade receivables, net of allowances for credit losses of $574 and $485 as of August 31, 2024",
            "TradeReceivablesNetOfAllowancesForCreditLosses",
        ),
        ("Net loss for the year ended December 31, 2021", "NetLoss"),
        ("Intangible asset, net and other long-term assets", "IntangibleAssetNetAndOtherLongTermAssets"),
        ("2.5% Notes due 2030", "NotesDue2030"),  # nothing named before the number: all of it
        ("U.S.", "Us"),  # never country:US, an element of the SEC's taxonomies (EFM 6.7.16)
        ("Insurance revenues (Note 13)", "InsuranceRevenues"),  # GE: a note reference names nothing
        ("Cost of sales(a)", "CostOfSales"),  # Pfizer: nor does a footnote mark
        # Apple 1997, typed "(in thousands)" or "(in 000s)": nor does the scale the amounts are printed in
        ("Shares used in computing earnings per share (in thousands)", "SharesUsedInComputingEarningsPerShare"),
        ("Shares used in computing earnings per share (in 000s)", "SharesUsedInComputingEarningsPerShare"),
        ("(In thousands)", "InThousands"),  # unless it is all the label says
    ],
)
def test_extension_names_leave_out_stated_amounts_and_dates(label, name):
    assert camel_name(label) == name


def _equity_row(label: str, sections: tuple[str, ...] = (), period: Period | None = None) -> StatementRow:
    return StatementRow(1, label, RowKind.ITEM, UnitKind.MONETARY, (), sections, label, cell(label), period=period)


YEARS = tuple(
    Column(i, Period(end=date(year, 12, 31), start=date(year, 1, 1)), str(year))
    for i, year in enumerate((2008, 2007, 2006))
)


@pytest.mark.parametrize(
    ("row", "columns", "expected"),
    [
        # Norfolk Southern: "Dividends on Common" over "Stock, $1.22 per share", a row of the 2008 movements
        (_equity_row("Stock, $1.22 per share", ("Dividends on Common",), YEARS[0].period), (), [("1.22", 2008)]),
        (
            _equity_row("Cash dividends declared ($.50, $.46 and $.42 per share)"),
            YEARS,
            [(".50", 2008), (".46", 2007), (".42", 2006)],
        ),
        (_equity_row("Cash dividends declared ($.50 per share)"), YEARS, []),  # which year's? not said
        (_equity_row("Stock options exercised, $12.50 per share", (), YEARS[0].period), (), []),  # no dividend
    ],
)
def test_dividends_per_share_in_equity_labels(row, columns, expected):
    found = dividends_per_share((row,), columns)
    assert [(f.text, f.periods[0].end.year) for f in found] == expected
    assert all(f.subject == "common" and f.unit_kind is UnitKind.PER_SHARE for f in found)


def test_learned_label_keys_leave_out_stated_amounts():
    assert label_key("Cash dividends ($1.22 per share)") == label_key("Cash dividends ($.96 per share)")
    assert label_key("Balance, December 31, 2008") == "balance december"


@pytest.mark.parametrize(
    "label, key",
    [
        ("Basic earnings/(loss)", "basic earnings"),
        ("Provision for/(benefit from) income taxes", "provision for income taxes"),
        ("(Increase) decrease in inventories", "decrease in inventories"),
        ("Net cash provided by (used in) operating activities", "net cash provided by operating activities"),
        ("Other (income) expense, net", "other expense net"),
        ("Interest (income)", "interest income"),  # the line itself, not an alternative reading
    ],
)
def test_learned_label_keys_leave_out_the_opposite_sign_reading(label, key):
    assert label_key(label) == key


FISCAL_2000 = (Period(end=date(2000, 12, 31)), Period(end=date(2000, 1, 2)))  # fiscal 1999 ended January 2, 2000


@pytest.mark.parametrize(
    ("label", "instants", "expected"),
    [
        (  # PerkinElmer
            "Common stock -- $1 par value, authorized 100,000,000 shares; issued 61,454,000 shares in 2000 and "
            "60,102,000 in 1999",
            FISCAL_2000,
            {("shares_issued", "61454000", "2000-12-31"), ("shares_issued", "60102000", "2000-01-02")},
        ),
        (  # Alcoa
            "Receivables from customers, less allowances of $13 in 2015 and $14 in 2014",
            (Period(end=date(2015, 12, 31)), Period(end=date(2014, 12, 31))),
            {("allowance", "13", "2015-12-31"), ("allowance", "14", "2014-12-31")},
        ),
        (  # Ford: a list pairs with the columns in order
            "Common Stock, par value $1.00 per share (464 and 454 million shares issued)",
            FISCAL_2000,
            {("shares_issued", "464", "2000-12-31"), ("shares_issued", "454", "2000-01-02")},
        ),
    ],
)
def test_numbers_in_labels_take_the_year_or_the_position_they_are_printed_in(label, instants, expected):
    found = facts_in_label(1, cell(label), instants, find_scale("(In millions)"))
    dated = {(f.kind, f.text.replace(",", ""), f.periods[0].end.isoformat()) for f in found if len(f.periods) == 1}
    assert expected <= dated
    assert all(len(f.periods) == 1 for f in found if f.kind in ("shares_issued", "allowance"))


def test_a_caption_before_a_colon_names_the_count():
    label = "Preferred stock, par value $.01 per share - shares authorized: 150,000,000 shares issued: 1997 - 2,597,261"
    found = facts_in_label(1, cell(label), FISCAL_2000, find_scale("(Dollars in millions)"))
    assert [(f.kind, f.text) for f in found if f.text == "150,000,000"] == [("shares_authorized", "150,000,000")]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("COMPREHENSIVE INCOME STATEMENTS", StatementKind.COMPREHENSIVE_INCOME),  # Microsoft 2013
        ("CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME", StatementKind.COMPREHENSIVE_INCOME),
        ("CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS", StatementKind.INCOME_STATEMENT),
        ("INCOME STATEMENTS", StatementKind.INCOME_STATEMENT),
        ("Norfolk Southern Corporation\nConsolidated Statements of Cash Flows", StatementKind.CASH_FLOWS),
        # GE 1993: prose above note tables mentions the statements (lines as printed)
        ("have been segregated in the Statement of Financial Position. Summary", StatementKind.OTHER),
        ('      "All other operating activities" in the Statement of Cash Flows', StatementKind.OTHER),
        ("      The Statement of Cash Flows excludes certain noncash transactions", StatementKind.OTHER),
        ("      Certain supplemental information for GECS' cash flows is shown below.", StatementKind.OTHER),
    ],
)
def test_statement_kind_from_its_title(title, kind):
    assert classify(title, "", [])[0] is kind


def test_a_dollar_and_parenthesis_in_a_cell_of_their_own_join_the_number():
    # Electronic Arts: "$ (" and "0.00)" in two cells are one negative zero
    cells = tuple(Cell(t, (Span(0, 0, 10 * i, 10 * i + len(t)),)) for i, t in enumerate(("EPS", "$ (", "0.00)")))
    joined = [c.text for c in merge_symbol_cells(cells) if c.text]
    assert joined == ["EPS", "$ ( 0.00)"]


def test_the_equity_total_is_the_column_its_components_add_up_to():
    # Intel 2002: stacked headings put "Total" over the retained earnings column; the balances
    # show which column is the total (7,316 + 3,791 + 21,428 = 32,535; 6,669 is a share count)
    rows = (
        GridRow(
            tuple(
                cell(t) for t in ("Balance at December 25, 1999", "6,669", "$ 7,316", "$ 3,791", "$ 21,428", "$ 32,535")
            ),
            1,
        ),
        GridRow(tuple(cell(t) for t in ("Net income", "", "", "", "10,535", "10,535")), 2),
        GridRow(
            tuple(
                cell(t) for t in ("Balance at December 30, 2000", "6,721", "$ 8,486", "$ 195", "$ 28,006", "$ 36,687")
            ),
            3,
        ),
    )
    grid = Grid("t24", 0, 1, 3, rows)
    headings = [(1, "Common Stock Number of Shares"), (2, "Amount"), (3, "Total"), (4, "Other Income"), (5, "")]
    assert total_column(grid, headings, [0, 2]) == (5, "")
    assert total_column(grid, headings, []) == (3, "Total")  # nothing to add up: the heading speaks


def test_an_amount_after_its_year_in_parentheses_is_that_years():
    # J&J: "Accounts receivable, trade, less allowances $185 (2024, $167)" under June 29, 2025 and
    # December 29, 2024: $167 is 2024's, $185 the other date's, not both amounts at both dates.
    instants = (Period(end=date(2025, 6, 29)), Period(end=date(2024, 12, 29)))
    label = "Accounts receivable, trade, less allowances $185 (2024, $167)"
    found = facts_in_label(1, cell(label), instants, find_scale("(Dollars in Millions)"))
    assert sorted((f.text, f.periods) for f in found if f.kind == "allowance") == [
        ("167", (instants[1],)),
        ("185", (instants[0],)),
    ]


def test_a_count_followed_by_a_list_of_dates_holds_at_each_of_them():
    # Netflix 2024: "10,000,000 shares authorized at December 31, 2024 and December 31, 2023; no
    # shares issued and outstanding at December 31, 2024 and December 31, 2023": one number, two dates.
    instants = (Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31)))
    label = (
        "Preferred stock, $0.001 par value; 10,000,000 shares authorized at December 31, 2024 and December 31, "
        "2023; no shares issued and outstanding at December 31, 2024 and December 31, 2023"
    )
    found = {(f.kind, f.text, f.periods) for f in facts_in_label(1, cell(label), instants, find_scale(""))}
    at_each = {(kind, text, (instant,)) for instant in instants for kind, text in _NETFLIX_PREFERRED}
    assert found >= at_each
    assert all(len(periods) == 1 for _, _, periods in found if periods != instants)
    # "$87 at December 31, 2024 and $91 at December 31, 2023": each amount takes its own date
    allowances = "Receivables, less allowances of $87 at December 31, 2024 and $91 at December 31, 2023"
    dated = {(f.text, f.periods) for f in facts_in_label(1, cell(allowances), instants, find_scale(""))}
    assert dated == {("87", (instants[0],)), ("91", (instants[1],))}


_NETFLIX_PREFERRED = (("shares_authorized", "10,000,000"), ("shares_issued", "no"), ("shares_outstanding", "no"))


def test_counts_listed_with_a_magnitude_word_pair_with_their_dates_respectively():
    # Spire: "55.0 million, 53.2 million, and 52.5 million shares issued and outstanding at December
    # 31, 2023, September 30, 2023, and December 31, 2022, respectively"
    instants = tuple(Period(end=day) for day in (date(2023, 12, 31), date(2023, 9, 30), date(2022, 12, 31)))
    label = (
        "Common stock (par value $1.00 per share; 70.0 million shares authorized; 55.0 million, 53.2 million, and "
        "52.5 million shares issued and outstanding at December 31, 2023, September 30, 2023, and December 31, "
        "2022, respectively)"
    )
    found = {(f.kind, f.text, f.periods) for f in facts_in_label(1, cell(label), instants, find_scale("(In millions)"))}
    counts = [("55.0", instants[0]), ("53.2", instants[1]), ("52.5", instants[2])]
    assert {(kind, text, (at,)) for text, at in counts for kind in ("shares_issued", "shares_outstanding")} <= found
    assert not [f for f in found if f[0] == "shares_issued" and len(f[2]) > 1]


def test_a_caption_closing_one_count_does_not_name_the_next_and_counts_of_two_classes_are_left_out():
    # Facebook: "5,000 million Class A shares authorized, 2,404 million and 2,385 million shares issued
    # and outstanding, as of March 31, 2019 and December 31, 2018, respectively; 4,141 million Class B
    # shares authorized, 452 million and 469 million ...": "authorized," is the 5,000 million's, and
    # the counts are each class's, which a fact without the class would not say.
    instants = (Period(end=date(2019, 3, 31)), Period(end=date(2018, 12, 31)))
    class_a = (
        "Common stock, $0.000006 par value; 5,000 million Class A shares authorized, 2,404 million and 2,385 "
        "million shares issued and outstanding, as of March 31, 2019 and December 31, 2018, respectively"
    )
    found = {(f.kind, f.text, f.periods) for f in facts_in_label(1, cell(class_a), instants, find_scale("(millions)"))}
    assert ("shares_issued", "2,404", (instants[0],)) in found and ("shares_issued", "2,385", (instants[1],)) in found
    assert not [f for f in found if f[0] == "shares_authorized"]
    class_b = "; 4,141 million Class B shares authorized, 452 million and 469 million shares issued and outstanding"
    both = facts_in_label(1, cell(class_a + class_b), instants, find_scale("(millions)"))
    assert [f.kind for f in both] == ["par_value"]


def test_a_share_count_is_read_actual_or_scaled_as_its_par_value_times_it_gives_the_lines_amount():
    # Standard Pacific 2011 (dollars in thousands): "$0.01 par value; ... 450,829 shares issued and
    # outstanding" on a line of 5: $4,508 at par, so 450,829 shares, not 450,829 thousand.
    instants = (Period(end=date(2011, 12, 31)), Period(end=date(2010, 12, 31)))
    thousand = (Decimal(5000), Decimal(1000))
    label = (
        "Preferred stock, $0.01 par value; 10,000,000 shares authorized; 450,829 shares issued and outstanding at "
        "December 31, 2011 and 2010"
    )
    scale = find_scale("(Dollars in thousands)")
    found = facts_in_label(1, cell(label), instants, scale, amounts=dict.fromkeys(instants, thousand))
    assert {(f.kind, f.exponent) for f in found if f.text == "450,829"} == {
        ("shares_issued", 0),
        ("shares_outstanding", 0),
    }
    # Electronic Arts (in millions): "$0.01 par value. 1,000 shares authorized; 307 and 301 shares
    # issued and outstanding" on a line of 3: 307 million shares at $0.01 is $3 million.
    label = "Common stock, $0.01 par value. 1,000 shares authorized; 307 and 301 shares issued and outstanding"
    million = (Decimal(3000000), Decimal(1000000))
    found = facts_in_label(
        1, cell(label), instants, find_scale("(In millions)"), amounts=dict.fromkeys(instants, million)
    )
    assert {f.exponent for f in found if f.text in ("307", "301")} == {6}
    # where the line is more than stock at par, the amounts decide nothing: the count's own reading
    label = "Preferred stock and capital in excess of $0.01 par value; 450,829 shares issued"
    found = facts_in_label(
        1, cell(label), instants, scale, amounts=dict.fromkeys(instants, (Decimal(90000), thousand[1]))
    )
    assert {f.exponent for f in found if f.text == "450,829"} == {3}


def test_shares_authorized_and_unissued_are_the_shares_authorized():
    # Johnson & Johnson: "Preferred stock — without par value (authorized and unissued 2,000,000 shares)"
    label = "Preferred stock — without par value (authorized and unissued 2,000,000 shares)"
    found = facts_in_label(1, cell(label), FISCAL_2000, find_scale("(Dollars in Millions)"))
    assert [(f.kind, f.value, f.periods) for f in found] == [("shares_authorized", 2000000, FISCAL_2000)]


def test_counts_captioned_with_a_dash_and_dated_by_year_prefixes():
    # Abbott: "Authorized — 2,400,000,000 shares Issued at stated capital amount — Shares: 2023:
    # 1,987,181,491; 2022: 1,986,519,278": the caption before each dash names the count after it.
    instants = (Period(end=date(2023, 6, 30)), Period(end=date(2022, 12, 31)))
    label = (
        "Common shares, without par value Authorized \u2014 2,400,000,000 shares Issued at stated capital "
        "amount \u2014 Shares: 2023: 1,987,181,491; 2022: 1,986,519,278"
    )
    found = {(f.kind, f.text, f.periods) for f in facts_in_label(1, cell(label), instants, find_scale("(millions)"))}
    assert found == {
        ("shares_authorized", "2,400,000,000", instants),
        ("shares_issued", "1,987,181,491", (instants[0],)),
        ("shares_issued", "1,986,519,278", (instants[1],)),
    }
    treasury = "Common shares held in treasury, at cost \u2014 Shares: 2023: 251,823,511; 2022: 248,724,257"
    found = {(f.kind, f.text, f.periods) for f in facts_in_label(1, cell(treasury), instants, find_scale(""))}
    assert found == {("shares", "251,823,511", (instants[0],)), ("shares", "248,724,257", (instants[1],))}


def test_amounts_dated_by_a_year_and_a_dash():
    # Pfizer 10-Q: "less allowance for doubtful accounts: 2023—$471; 2022—$449" under July 2, 2023
    # and December 31, 2022: each amount is its year's, not the first one at both dates.
    instants = (Period(end=date(2023, 7, 2)), Period(end=date(2022, 12, 31)))
    label = "Trade accounts receivable, less allowance for doubtful accounts: 2023\u2014$471; 2022\u2014$449"
    found = facts_in_label(1, cell(label), instants, find_scale("(MILLIONS)"))
    assert sorted((f.text, f.periods) for f in found if f.kind == "allowance") == [
        ("449", (instants[1],)),
        ("471", (instants[0],)),
    ]


def test_an_undated_allowance_under_two_dates_is_not_guessed():
    # One amount printed, two balance-sheet dates: the amount is one year's, which one is not said.
    instants = (Period(end=date(2023, 12, 31)), Period(end=date(2022, 12, 31)))
    found = facts_in_label(1, cell("Receivables, less allowance of $44"), instants, find_scale("(millions)"))
    assert [f for f in found if f.kind == "allowance"] == []
    one_date = facts_in_label(1, cell("Receivables, less allowance of $44"), instants[:1], find_scale("(millions)"))
    assert [(f.text, f.periods) for f in one_date if f.kind == "allowance"] == [("44", instants[:1])]


def test_a_finance_receivables_allowance_is_no_trade_allowance():
    # Ford: "Ford Credit finance receivables, net of allowance for credit losses of $255 and $260"
    # is listed above "Trade and other receivables, less allowances of $105 and $101".
    instants = (Period(end=date(2023, 6, 30)), Period(end=date(2022, 12, 31)))
    finance = "Ford Credit finance receivables, net of allowance for credit losses of $255 and $260 (Note 8)"
    assert facts_in_label(1, cell(finance), instants, find_scale("(millions)")) == []
    trade = "Trade and other receivables, less allowances of $105 and $101"
    assert [f.text for f in facts_in_label(1, cell(trade), instants, find_scale("(millions)"))] == ["105", "101"]


COMCAST_2023 = (Period(end=date(2023, 6, 30)), Period(end=date(2022, 12, 31)))


@pytest.mark.parametrize(
    ("label", "kind", "texts"),
    [
        # Comcast 10-Q 2023 and Dow 10-Q 2023 balance sheets
        (
            "Property and equipment, net of accumulated depreciation of $57,955 and $56,939",
            "accumulated_depreciation",
            ["57955", "56939"],
        ),
        (
            "Other intangible assets, net of accumulated amortization of $28,411 and $25,860",
            "accumulated_amortization",
            ["28411", "25860"],
        ),
        (
            "Other intangible assets (net of accumulated amortization - 2023: $5,201; 2022: $5,022)",
            "accumulated_amortization",
            ["5201", "5022"],
        ),
    ],
)
def test_accumulated_depreciation_and_amortization_deducted_in_a_label_are_dated_amounts(label, kind, texts):
    found = facts_in_label(1, cell(label), COMCAST_2023, find_scale("(in millions)"))
    assert [(f.kind, f.value, f.periods, f.exponent) for f in found] == [
        (kind, Decimal(t), (p,), 6) for t, p in zip(texts, COMCAST_2023, strict=True)
    ]


def test_counts_after_a_caption_and_a_comma_and_a_class_of_treasury_shares():
    # Comcast: "Preferred stock—authorized, 20,000,000 shares; issued, zero"; its treasury line
    preferred = facts_in_label(
        1, cell("Preferred stock—authorized, 20,000,000 shares; issued, zero"), COMCAST_2023, find_scale("")
    )
    assert {(f.kind, f.value) for f in preferred} == {("shares_authorized", 20000000), ("shares_issued", 0)}
    treasury = facts_in_label(
        1, cell("Treasury stock, 872,791,028 Class A common shares"), COMCAST_2023, find_scale("")
    )
    assert [(f.kind, f.value, f.periods) for f in treasury] == [("shares", 872791028, COMCAST_2023)]
    # a number after 'accumulated depreciation' of a line that is no property is no deduction of it
    assert (
        facts_in_label(1, cell("Goodwill, net of accumulated depreciation of $5"), COMCAST_2023[:1], find_scale(""))
        == []
    )


def test_a_magnitude_word_after_a_count_scales_it():
    # ExxonMobil 10-Q 2023: "Common stock held in treasury (4,016 million shares at June 30, 2023 and
    # 3,937 million shares at December 31, 2022)", in a statement of millions of dollars
    label = (
        "Common stock held in treasury (4,016 million shares at June 30, 2023 and "
        "3,937 million shares at December 31, 2022)"
    )
    found = facts_in_label(1, cell(label), COMCAST_2023, find_scale("(millions of dollars)"))
    assert [(f.kind, f.value, f.exponent, f.periods) for f in found] == [
        ("shares", Decimal(4016), 6, (COMCAST_2023[0],)),
        ("shares", Decimal(3937), 6, (COMCAST_2023[1],)),
    ]
    # in a statement in thousands, the word still says millions
    found = facts_in_label(1, cell(label), COMCAST_2023, find_scale("(in thousands)"))
    assert [f.exponent for f in found] == [6, 6]


@pytest.mark.parametrize(
    ("heading", "joined"),
    [
        ("Net loss for the year ended", True),
        ("Reclassification of debt into", True),
        ("Preferred stock, Series A", False),
        ("Operating activities:", False),
    ],
)
def test_a_label_only_line_carries_on_when_it_ends_in_a_word_that_asks_for_more(heading, joined):
    grid = Grid("t1", 0, 0, 1, (GridRow((cell(heading), cell("")), 0), GridRow((cell("Total"), cell("1,250")), 1)))
    labels = [r.cells[0].text for r in tidy(grid).rows]
    assert labels == ([f"{heading} Total"] if joined else [heading, "Total"])


def test_a_hanging_second_line_carries_on_a_label_typed_in_capitals():
    # Turner's 1994 8-K types New Line Cinema's interim statements in capitals: "ISSUANCE OF 175,076
    # SHARES OF COMMON STOCK" / " UPON EXERCISE OF OPTIONS  629,571", the second line indented
    # deeper and the next line back at the first's margin. Case cannot tell it from a heading's
    # first item; the hanging indent does, or a second line opening with "AND". A heading's items
    # go on at their own indentation.
    def rows(*lines: tuple[str, str, int]) -> tuple[GridRow, ...]:
        return tuple(GridRow((cell(label), cell(value)), n, indent) for n, (label, value, indent) in enumerate(lines))

    wrapped = rows(
        ("ISSUANCE OF 175,076 SHARES OF COMMON STOCK", "", 0),
        ("UPON EXERCISE OF OPTIONS", "629,571", 1),
        ("SALE OF 2,875,000 SHARES OF COMMON STOCK", "31,849,829", 0),
    )
    joined = rows(
        ("COMMON STOCK, NO PAR VALUE; 320,000,000 SHARES AUTHORIZED; 162,679,893", "", 3),
        ("AND 160,799,061 SHARES ISSUED AND OUTSTANDING, RESPECTIVELY", "1,419", 3),
    )
    heading = rows(("CURRENT ASSETS", "", 0), ("CASH", "10", 2), ("RECEIVABLES", "20", 2))
    assert len(tidy(Grid("t3", 0, 0, 1, joined)).rows) == 1
    assert [r.cells[0].text for r in tidy(Grid("t1", 0, 0, 2, wrapped)).rows][0] == (
        "ISSUANCE OF 175,076 SHARES OF COMMON STOCK UPON EXERCISE OF OPTIONS"
    )
    assert [r.cells[0].text for r in tidy(Grid("t2", 0, 0, 2, heading)).rows] == [
        "CURRENT ASSETS",
        "CASH",
        "RECEIVABLES",
    ]


def test_a_hanging_second_line_holding_the_amounts_carries_on_a_capitals_label_above_a_deeper_total():
    # Ford's 1993 equity statement typed in capitals: "ISSUED FOR EMPLOYEE BENEFIT" / " PLANS AND
    # OTHER  10" / "  BALANCE AT END OF YEAR  464": the line after the hanging one is a total indented
    # deeper still, not the first label's margin. GE's "REVENUES" / "   GE" / "      AIRCRAFT ENGINES
    # $ 6,580": a sub-heading holds no amounts, and its items stay under it.
    def labels(*lines: tuple[str, str, int]) -> list[str]:
        rows = tuple(GridRow((cell(label), cell(value)), n, indent) for n, (label, value, indent) in enumerate(lines))
        return [r.cells[0].text for r in tidy(Grid("t1", 0, 0, len(rows) - 1, rows)).rows]

    wrapped = labels(
        ("ISSUED FOR EMPLOYEE BENEFIT", "", 0),
        ("PLANS AND OTHER", "10", 1),
        ("BALANCE AT END OF YEAR", "464", 2),
    )
    assert wrapped == ["ISSUED FOR EMPLOYEE BENEFIT PLANS AND OTHER", "BALANCE AT END OF YEAR"]
    nested = labels(("REVENUES", "", 0), ("GE", "", 3), ("AIRCRAFT ENGINES", "6,580", 6), ("APPLIANCES", "5,555", 6))
    assert nested == ["REVENUES", "GE", "AIRCRAFT ENGINES", "APPLIANCES"]


def _typed_labels(text: str) -> list[str]:
    lines = tuple(text.split("\n"))
    grid = fixed_width_grid("t1", 0, lines, 0, len(lines) - 1)
    assert grid is not None
    return [r.cells[0].text for r in tidy(grid).rows]


def test_a_word_the_typist_had_no_room_for_carries_on_a_label_whatever_its_case():
    # Turner's 1994 8-K: "Fully diluted net income per share of Common" / " Stock  $.58": "Stock"
    # would have run past the widest label typed beside amounts, so the line was wrapped, though
    # its capital letter cannot say so. The same lines typed in capitals read the same (GE's 1993
    # "MINORITY INTEREST IN NET EARNINGS OF CONSOLIDATED" / "   AFFILIATES  151").
    text = (
        "Net income                                                            $  6,259,141      $  8,941,792\n"
        "Primary net income per share of Common Stock                               $.58               $.66\n"
        "Fully diluted net income per share of Common\n"
        " Stock                                                                     $.58               $.64\n"
        "Primary weighted average number of shares of\n"
        "outstanding Common Stock                                                10,861,045        13,592,804"
    )
    expected = "Fully diluted net income per share of Common Stock"
    assert _typed_labels(text)[2] == expected
    assert _typed_labels(text.upper())[2] == expected.upper()


def test_a_heading_with_room_for_the_next_word_stays_a_heading():
    # "Cash flows from financing activities" / "Contributed Capital" (24holdings' 10-KSB 2007): the
    # item is set far in, after a blank line; Ford's 1993 "FOREIGN CURRENCY TRANSLATION" /
    # "ADJUSTMENTS AND OTHER (Note 1)" heads items typed at its own margin, more of them following.
    spaced = (
        "NET CASH USED IN OPERATING ACTIVITIES                  (41,032)        (70,365)\n"
        "CASH FLOWS FROM FINANCING ACTIVITIES\n"
        "\n"
        "                         Contributed Capital            40,000             -\n"
        "NET CASH PROVIDED BY FINANCING ACTIVITIES               40,000             -"
    )
    assert _typed_labels(spaced)[1:3] == ["CASH FLOWS FROM FINANCING ACTIVITIES", "Contributed Capital"]
    heading = (
        "Sale of Series B Preferred Stock            0       1,104           -\n"
        "FOREIGN CURRENCY TRANSLATION\n"
        "ADJUSTMENTS AND OTHER (NOTE 1)\n"
        "BALANCE AT BEGINNING OF YEAR              (62)        838         823\n"
        "TRANSLATION ADJUSTMENTS DURING YEAR      (508)       (975)          8"
    )
    assert _typed_labels(heading)[3:5] == ["BALANCE AT BEGINNING OF YEAR", "TRANSLATION ADJUSTMENTS DURING YEAR"]


def test_column_headings_do_not_widen_the_label_column_a_typist_wrapped_at():
    # Apple's 1997 statement of shareholders' equity (here in capitals, as filers typed some): the
    # heading line "PREFERRED STOCK  COMMON STOCK ... TOTAL" reaches column 40, but no label beside
    # amounts passes 33, so "OPTION" had no room after "COMMON STOCK ISSUED UNDER STOCK": one label.
    # (The lines are cut at column 100, past the columns that matter.)
    text = (
        "PREFERRED STOCK             COMMON STOCK                                TOTAL\n"
        "                                      -------------------------  -------------------------  RETAINED\n"
        "                                           SHARES       AMOUNT        SHARES       AMOUNT   EARNINGS\n"
        "                                      ----------------  -------  ----------------  -------  --------\n"
        "                                       (IN THOUSANDS)             (IN THOUSANDS)\n"
        "Balance as of September 30, 1994....            --      $   --         119,543     $  298   $ 2,096\n"
        "  Common stock issued under stock\n"
        "    option and purchase plans,\n"
        "    including related tax\n"
        "    benefits........................            --          --           3,379        100        --\n"
        "  Cash dividends of $0.48 per common\n"
        "    share...........................            --          --              --         --       (58)\n"
        "  Accumulated translation\n"
        "    adjustment......................            --          --              --         --        --\n"
        "  Change in unrealized gains on\n"
    ).upper()
    labels = _typed_labels(text.rstrip("\n"))
    assert "COMMON STOCK ISSUED UNDER STOCK OPTION AND PURCHASE PLANS, INCLUDING RELATED TAX BENEFITS" in labels


def test_a_heading_over_a_wrapped_first_item_stays_a_heading():
    # A heading with no colon, then its first item wrapped over two lines and more items at that
    # item's indentation: the item's lines are one label, the heading heads them all (in any case).
    text = (
        "Net cash provided by operating activities           $  500      $  400\n"
        "Cash flows from investing activities\n"
        "  Purchases of property, plant and\n"
        "    equipment                                        (120)       (80)\n"
        "  Proceeds from sales of property                      10          5"
    )
    expected = [
        "Cash flows from investing activities",
        "Purchases of property, plant and equipment",
        "Proceeds from sales of property",
    ]
    assert _typed_labels(text)[1:] == expected
    assert _typed_labels(text.upper())[1:] == [e.upper() for e in expected]
