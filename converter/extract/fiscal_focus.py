"""Which fiscal year and period a periodic report covers, from the periods its statements print.

A 10-Q's year-to-date columns ("Nine Months Ended July 1, 2023", from September 25, 2022) say
which quarter it reports (Q3) and which fiscal year (the one ending about a year after that start:
fiscal 2023); a 10-K's period end is its fiscal year end. The fiscal year end
(CurrentFiscalYearEndDate) is the one the filing's calendar gives for the current year, else the
SEC header's, else the day before the year-to-date columns start. Nothing here is guessed:
a report without such columns gets no focus, and a year ending in January or February, which
filers name for either calendar year, gets no year focus unless the filing says how it names them.
"""

import re
from datetime import date, timedelta

from .calendar import FiscalCalendar, closing_month, fiscal_year_of
from .cover import is_annual_report
from .model import CoverField, CoverName, CoverPage, StatementTable

_QUARTERLY = re.compile(r"^10-Q", re.I)
_QUARTERS = {3: "Q1", 6: "Q2", 9: "Q3"}
_DAYS_PER_MONTH = 30.44


def _year_to_date(end: date, statements: tuple[StatementTable, ...]) -> tuple[date, int] | None:
    """Start and length in months of the longest column ending on the report's period end."""
    starts = [c.period.start for t in statements for c in t.columns if c.period.end == end and c.period.start]
    if not starts:
        return None
    start = min(starts)
    return start, round(((end - start).days + 1) / _DAYS_PER_MONTH)


def fiscal_focus(
    cover: CoverPage, calendar: FiscalCalendar, statements: tuple[StatementTable, ...]
) -> list[CoverField]:
    """DocumentFiscalYearFocus, DocumentFiscalPeriodFocus and CurrentFiscalYearEndDate fields;
    `calendar` knows the fiscal year end the cover or the SEC header states."""
    form, end = cover.value(CoverName.FORM_TYPE) or "", cover.value(CoverName.PERIOD_END_DATE)
    if end is None or cover.value(CoverName.TRANSITION_REPORT) == "true":
        return []
    day = date.fromisoformat(end)
    if is_annual_report(form):
        year_end = day
        values = {CoverName.FISCAL_YEAR_FOCUS: str(fiscal_year_of(day)), CoverName.FISCAL_PERIOD_FOCUS: "FY"}
        values[CoverName.CURRENT_FISCAL_YEAR_END] = f"--{day:%m-%d}"
    elif _QUARTERLY.match(form):
        found = _year_to_date(day, statements)
        if found is None or found[1] not in _QUARTERS:
            return []
        start, months = found
        year_end = start + timedelta(days=364)  # the day before the year's anniversary, near enough
        values = {
            CoverName.FISCAL_YEAR_FOCUS: str(fiscal_year_of(year_end)),
            CoverName.FISCAL_PERIOD_FOCUS: _QUARTERS[months],
        }
        current = calendar.year_end_near(year_end)
        prior_end = start - timedelta(days=1)
        month, day_of_month = (
            (current.month, current.day) if current else calendar.header_year_end or (prior_end.month, prior_end.day)
        )
        values[CoverName.CURRENT_FISCAL_YEAR_END] = f"--{month:02d}-{day_of_month:02d}"
    else:
        return []
    if _named_either_way(year_end):
        if calendar.name_offset is None:
            del values[CoverName.FISCAL_YEAR_FOCUS]
        else:  # the filing says how it names its years ('January 31, 2025 ("fiscal 2025")')
            values[CoverName.FISCAL_YEAR_FOCUS] = str(closing_month(year_end)[0] + calendar.name_offset)
    return [CoverField(name, value, origin="derived") for name, value in values.items()]


def _named_either_way(year_end: date) -> bool:
    """A year ending in January (past its first week) or February is named for either calendar year
    (Walmart's fiscal 2010 ended January 31, 2010; Target's fiscal 2002 ended February 1, 2003),
    unless the filing says which."""
    return year_end.month == 2 or (year_end.month == 1 and fiscal_year_of(year_end) == year_end.year)
