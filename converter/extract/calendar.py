"""The filing's fiscal calendar: the period ends it states, so that columns headed by a bare year
("2016  2015  2014") and balances dated on the first of a month get the dates the filer means.

A 52/53-week year ends on a different day every year (J&J's fiscal 2016 ended January 1, 2017),
so a year alone never gives a date; the calendar only lends one the filing itself prints: the
cover's period end of an annual report, the balance-sheet dates, the dated equity balances.
"""

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..ingest.model import SecHeader
from .cover import is_annual_report
from .model import CoverPage, Period
from .periods import start_of

# A year-end within a week of New Year is named for the year that ends, not the day's year.
_NEW_YEAR_DAYS = 7
_END_DRIFT_DAYS = 7  # how far a 52/53-week year end strays from its usual day


def fiscal_year_of(end: date) -> int:
    """The year a year end is named for: its own, or the year before for a 52/53-week year that
    ends in the first week of January ("fiscal 1999" ended January 2, 2000)."""
    return end.year - 1 if end.month == 1 and end.day <= _NEW_YEAR_DAYS else end.year


@dataclass(frozen=True)
class FiscalCalendar:
    year_end: tuple[int, int] | None = None  # (month, day) the fiscal year usually ends
    ends: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of_cover(cls, cover: CoverPage, header: SecHeader | None) -> "FiscalCalendar":
        """The fiscal year end an annual report's cover states (its period end), else the header's."""
        end = cover.value("period_end_date")
        if end and is_annual_report(cover.value("form_type") or ""):
            day = date.fromisoformat(end)
            return cls((day.month, day.day), frozenset({day}))
        mmdd = header.filer.fiscal_year_end if header else None
        if mmdd and re.fullmatch(r"(0[1-9]|1[0-2])[0-3]\d", mmdd):
            return cls((int(mmdd[:2]), int(mmdd[2:])))
        return cls()

    def with_ends(self, ends: set[date]) -> "FiscalCalendar":
        return FiscalCalendar(self.year_end, self.ends | frozenset(ends))

    def states(self, day: date) -> bool:
        """The filing names this day as one of its period ends."""
        return day in self.ends

    def day_in_month(self, period: Period) -> Period:
        """A period whose heading named only a month ("Year Ended November 2002") ends on the day of
        that month the filing states as a period end (November 29, 2002), when it states one."""
        last = calendar.monthrange(period.end.year, period.end.month)[1]
        stated = {e for e in self.ends if (e.year, e.month) == (period.end.year, period.end.month) and e.day != last}
        if period.end.day != last or len(stated) != 1:
            return period
        return Period(end=stated.pop(), start=period.start)

    def fiscal_year_end(self, year: int) -> date | None:
        """The day fiscal `year` ended, when the filing prints it (within a week of the usual day)."""
        if self.year_end is None:
            return None
        month, day = self.year_end
        new_year = month == 1 and day <= _NEW_YEAR_DAYS
        try:
            usual = date(year + 1 if new_year else year, month, day)
        except ValueError:  # February 29 in a common year
            usual = date(year + 1 if new_year else year, month, day - 1)
        near = [e for e in self.ends if abs((e - usual).days) <= _END_DRIFT_DAYS]
        return min(near, key=lambda e: abs((e - usual).days)) if near else None

    def fiscal_years(self, years: list[int], instant: bool) -> list[Period | None]:
        """Columns headed by fiscal years: their year-end instants, or the years themselves (from the
        day after the previous year end, or a year back for fiscal_periods to refine)."""
        periods: list[Period | None] = []
        for year in years:
            end = self.fiscal_year_end(year)
            if end is None or instant:
                periods.append(Period(end=end) if end else None)
                continue
            before = self.fiscal_year_end(year - 1)
            start = before + timedelta(days=1) if before else start_of(end, 12, 0)
            periods.append(Period(end=end, start=start))
        return periods
