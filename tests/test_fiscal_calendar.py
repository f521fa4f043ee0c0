"""One fiscal calendar per filing, decided from its evidence; every column dated on it, or left out."""

from datetime import date

import pytest

from converter.extract.calendar import (
    FiscalCalendar,
    YearEndKind,
    YearEndRule,
    prose_name_offset,
    prose_year_ends,
    rules_fitting,
)
from converter.extract.fiscal_dating import set_periods
from converter.extract.model import (
    Column,
    CoverField,
    CoverPage,
    Grid,
    Period,
    PeriodLength,
    Scale,
    StatementKind,
    StatementTable,
)
from converter.omissions import PartKind

from .test_formats import periods, review, statement

SATURDAY, SUNDAY, FRIDAY = 5, 6, 4


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("year_ends", "month", "expected"),
    [
        # Kraft Heinz: the last Saturday of December (December 25, 2021 is no Saturday nearest the 31st)
        (["2023-12-30", "2022-12-31", "2021-12-25"], 12, {YearEndRule(YearEndKind.LAST_WEEKDAY, 12, SATURDAY)}),
        # Johnson & Johnson: the Sunday nearest December 31 (January 3, 2016 closes December 2015)
        (["2017-01-01", "2016-01-03"], 12, {YearEndRule(YearEndKind.NEAREST_WEEKDAY, 12, SUNDAY)}),
        # month ends that fall on different weekdays: the month's last day
        (["2023-12-31", "2022-12-31"], 12, {YearEndRule(YearEndKind.MONTH_END, 12)}),
        # Apple in the 1990s: two Fridays both rules give; the calendar must not pick one
        (
            ["1996-09-27", "1995-09-29"],
            9,
            {YearEndRule(YearEndKind.LAST_WEEKDAY, 9, FRIDAY), YearEndRule(YearEndKind.NEAREST_WEEKDAY, 9, FRIDAY)},
        ),
    ],
)
def test_year_end_rules_are_fitted_to_every_stated_year_end(year_ends, month, expected):
    assert set(rules_fitting([d(e) for e in year_ends], month)) == expected


def test_rules_the_stated_dates_leave_open_date_no_year():
    # Apple 1996: fiscal 1993 ended on the last Friday of September 1993 (the 24th) or the Friday
    # nearest its end (October 1): the two rules that fit 1995 and 1996 disagree, so no date.
    calendar = FiscalCalendar(month=9).with_evidence({d("1996-09-27"), d("1995-09-29")})
    assert calendar.year_end_near(d("1995-09-30")) == d("1995-09-29")
    assert calendar.year_end_near(d("1993-09-30")) is None


def test_the_text_states_year_ends_in_lists_but_not_in_performance_graphs():
    lines = [
        "net earnings per share for the fiscal years ended December 29, 2024, December 31, 2023 and January 1, 2023:",
        "for periods of five years and ten years ending December 31, 2016, against the cumulative total return",
    ]
    assert prose_year_ends(lines) == {d("2024-12-29"), d("2023-12-31"), d("2023-01-01")}


def _annual_report(period_end: str) -> CoverPage:
    return CoverPage((CoverField("form_type", "10-K"), CoverField("period_end_date", period_end)))


def _table(kind: StatementKind, columns: list[Column]) -> StatementTable:
    return StatementTable("t1", kind, "", Scale(), tuple(columns), (), Grid("t1", 0, 0, 0, ()), name="Statements")


def test_bare_years_of_an_annual_report_are_named_by_its_current_column():
    # A retailer's 10-K headed "2012 2011 2010", its balance sheet dated February 2, 2013 and
    # January 28, 2012: fiscal 2012 is the year that ended February 2, 2013, not a year earlier.
    cover = _annual_report("2013-02-02")
    calendar = FiscalCalendar.of_cover(cover, None).with_evidence({d("2013-02-02"), d("2012-01-28")})
    nominal = Period(end=d("2012-12-31"), start=d("2012-01-01"))
    years = [Column(i, nominal, str(y), PeriodLength(12), year_label=y) for i, y in enumerate((2012, 2011, 2010))]
    (income,), left_out = set_periods((_table(StatementKind.INCOME_STATEMENT, years),), calendar, cover)
    assert left_out == ()
    assert [(c.period.start, c.period.end) for c in income.columns] == [
        (d("2012-01-29"), d("2013-02-02")),
        (d("2011-01-30"), d("2012-01-28")),
        (d("2010-01-31"), d("2011-01-29")),  # the Saturday nearest January 31, 2011
    ]


def test_a_statement_not_dated_on_the_period_of_report_is_left_out_whole():
    cover = _annual_report("2016-12-31")
    calendar = FiscalCalendar.of_cover(cover, None)
    column = Column(0, Period(end=d("2016-03-31")), "As of March 31, 2016")  # a note's fair-value table
    kept, left_out = set_periods((_table(StatementKind.BALANCE_SHEET, [column]),), calendar, cover)
    assert kept == ()
    assert [lo.part for lo in left_out] == [PartKind.STATEMENT]
    assert "period of report 2016-12-31" in left_out[0].reason


def test_weekly_quarters_of_a_calendar_year():
    # Pfizer's quarters end on Sundays, its years on December 31: six months to July 3, 2022 start
    # on January 1, the quarter the day after Sunday, April 3.
    calendar = FiscalCalendar().with_evidence(
        {d("2023-07-02"), d("2022-07-03"), d("2022-12-31")},
        year_to_date={(d("2023-07-02"), 6), (d("2022-07-03"), 6)},
    )
    assert calendar.rules == (YearEndRule(YearEndKind.MONTH_END, 12),)
    assert calendar.start_of(d("2022-07-03"), PeriodLength(6))[0] == d("2022-01-01")
    assert calendar.start_of(d("2022-07-03"), PeriodLength(3))[0] == d("2022-04-04")


PERICOM_2007 = "pericom-semiconductor_8-K_2007-04-26.txt"


def test_a_52_53_week_quarter_starts_the_day_after_the_quarter_before():
    # An earnings release of a 52/53-week filer (years end on the Saturday nearest June 30): the
    # quarter to Saturday, March 31, 2007 runs from December 31, 2006 (13 weeks), the nine months
    # from the day after fiscal 2006 ended on July 1, 2006; last year's from July 3, 2005.
    income = statement(PERICOM_2007, "income_statement")
    assert periods(income) == [
        "2006-12-31..2007-03-31",
        "2006-10-01..2006-12-30",
        "2006-01-01..2006-04-01",
        "2006-07-02..2007-03-31",
        "2005-07-03..2006-04-01",
    ]


KRAFT_HEINZ = "excerpts/kraft-heinz_10-K_2023-12-30_cover-and-statements.htm"


def test_an_annual_reports_dated_columns_without_a_length_are_its_fiscal_years():
    # "December 30, 2023  December 31, 2022  December 25, 2021" over the income statement, and no
    # word of how long: in an annual report they are its fiscal years, each starting the day after
    # the one before ended (December 26, 2020 by the rule the three stated ends fit).
    for kind in ("income_statement", "cash_flows"):
        assert periods(statement(KRAFT_HEINZ, kind)) == [
            "2023-01-01..2023-12-30",
            "2021-12-26..2022-12-31",
            "2020-12-27..2021-12-25",
        ]


APPLE_2024 = "apple_8-K_2024-02-01.txt"


def test_a_quarter_whose_start_the_calendar_leaves_open_is_left_out():
    # Apple's fiscal years end on a Saturday at the end of September; whether fiscal 2022 ended on
    # September 24 or October 1 the release does not say, so last year's December quarter (in fact
    # 14 weeks) is left out rather than dated 13 weeks or three months back.
    data = review(APPLE_2024)
    assert periods(statement(APPLE_2024, "income_statement")) == ["2023-10-01..2023-12-30"]
    left = [lo for lo in data["left_out"] if lo["part"] == "column"]
    assert any("December 31, 2022" in lo["what"] and "not decided" in lo["reason"] for lo in left)


SIRE = "southwest-iowa-renewable-energy_10-K_2008-09-30.htm"


def test_an_inception_to_date_column_keeps_the_start_it_prints():
    income = statement(SIRE, "income_statement")
    assert periods(income)[-1] == "2005-03-28..2008-09-30"  # "March 28, 2005 (Date of Inception) to ..."


KRAFT_HEINZ_Q2 = "excerpts/kraft-heinz_10-Q_2023-07-01_cover-and-statements.htm"


def test_last_years_equity_part_under_this_years_headings_carries_on_and_dates_the_prior_year():
    # The 10-Q's equity statement prints last year's part as a table of its own, headless, right
    # under this year's: read with this year's component headings, its "Balance at December 25,
    # 2021" says fiscal 2021 ended on the last Saturday of December, which dates last year's six
    # months (from December 26, 2021, not January 1, 2022).
    data = review(KRAFT_HEINZ_Q2)
    equity = [s["name"] for s in data["statements"] if s["kind"] == "equity"]
    assert equity == ["Condensed Consolidated Statements of Equity"] * 1 + [
        "Condensed Consolidated Statements of Equity (Continued)"
    ]
    assert periods(statement(KRAFT_HEINZ_Q2, "income_statement"))[3] == "2021-12-26..2022-06-25"
    assert periods(statement(KRAFT_HEINZ_Q2, "cash_flows"))[1] == "2021-12-26..2022-06-25"


@pytest.mark.parametrize(
    ("lines", "offset"),
    [
        # Walmart's 10-K: each year named for the year it closes in
        (['for the fiscal years ended January 31, 2025 ("fiscal 2025"), January 31, 2024 ("fiscal 2024")'], 0),
        # a year named for the year before the January it closes in
        (["the fiscal year ended February 1, 2003 (\u201cfiscal 2002\u201d)"], -1),
        # no definition, or definitions that disagree: not said
        (["in fiscal 2025 we opened stores", "a year ended January 31, 2025"], None),
        (['January 31, 2025 ("fiscal 2025")', 'February 1, 2003 ("fiscal 2002")'], None),
    ],
)
def test_the_text_names_its_fiscal_years_only_by_defining_them(lines, offset):
    # A year closing in January or February is named for either calendar year; the filing's own
    # definition ('January 31, 2025 ("fiscal 2025")') says which, and its fiscal year focus follows.
    assert prose_name_offset(lines) == offset
