"""The filing's fiscal calendar, decided once from all of its evidence, and the periods it gives.

A column heading says how long a period is and when it ends ("Nine Months Ended March 31, 2017",
"2012"), not where it starts; and a 52/53-week year ends on a different day every year (J&J's
fiscal 2016 ended January 1, 2017). So every column's period comes from one calendar per filing:

- the month its fiscal years close, from an annual report's period of report, the SEC header's
  fiscal year end, or what its year-to-date columns imply;
- the rule its year ends follow (the month's last day; the last Saturday of December; the Sunday
  nearest December 31), fitted to every year end the filing states (annual period of report,
  balance-sheet and equity-balance dates near that month's end, "fiscal years ended ..." prose);
- how it names its years ("fiscal 2012" for the year ended February 2, 2013), from an annual
  report's own current column, else by the common convention where there is one.

A duration starts the day after the period before it ends: a year or year-to-date column the day
after the previous fiscal year end, a quarter the day after the previous quarter end. When the
evidence does not decide a date (two year-end rules that fit the stated dates disagree for
another year, a 53-week year's fourth quarter of 13 or 14 weeks), the calendar says so instead
of guessing, and the column is left out.
"""

import calendar as gregorian
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from ..ingest.model import SecHeader
from .cover import is_annual_report
from .dates import find_dates
from .model import Basis, CoverPage, PeriodLength

NEAR_DAYS = 7  # how far a 52/53-week year end strays from its month's last day
_QUARTER_WEEKS = 13
_QUARTER_MONTHS = 3
_YEAR_TO_DATE_MONTHS = (6, 9)
_YEAR_TO_DATE_WEEKS = {26: 6, 39: 9}
_LONG_YEAR_DAYS = 371  # a 53-week fiscal year


def month_end(year: int, month: int) -> date:
    return date(year, month, gregorian.monthrange(year, month)[1])


def is_month_end(day: date) -> bool:
    return day.day == gregorian.monthrange(day.year, day.month)[1]


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier; a month end stays a month end (June 30 -> March 31)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = gregorian.monthrange(year, month + 1)[1]
    return date(year, month + 1, last if is_month_end(day) else min(day.day, last))


def closing_month(end: date) -> tuple[int, int]:
    """(year, month) a year end closes: its own month, or the month before for a 52/53-week year
    that ends in the first days of the next one (fiscal 1999 ended January 2, 2000: December 1999)."""
    if end.day <= NEAR_DAYS:
        before = end - timedelta(days=end.day)
        return before.year, before.month
    return end.year, end.month


def fiscal_year_of(end: date) -> int:
    """The year a year end is named for by the common convention: the year of the month it closes."""
    return closing_month(end)[0]


class YearEndKind(StrEnum):
    MONTH_END = "month_end"  # the month's last day (December 31)
    LAST_WEEKDAY = "last_weekday"  # the month's last given weekday (the last Saturday of December)
    NEAREST_WEEKDAY = "nearest_weekday"  # the given weekday nearest the month's last day


@dataclass(frozen=True)
class YearEndRule:
    """How a filer's fiscal years end: a day fixed by a month (and a weekday for 52/53 weeks)."""

    kind: YearEndKind
    month: int
    weekday: int = 0  # Monday 0 ... Sunday 6

    def closing(self, year: int) -> date:
        """The year end that closes `month` of `year`."""
        last = month_end(year, self.month)
        back = (last.weekday() - self.weekday) % 7
        if self.kind is YearEndKind.MONTH_END:
            return last
        if self.kind is YearEndKind.LAST_WEEKDAY or back <= 3:
            return last - timedelta(days=back)
        return last + timedelta(days=7 - back)

    def nearest(self, day: date) -> date:
        """The rule's year end closest to `day`."""
        return min((self.closing(day.year + k) for k in (-1, 0, 1)), key=lambda e: abs((e - day).days))

    def fits(self, end: date) -> bool:
        return self.nearest(end) == end

    def describe(self) -> str:
        month = gregorian.month_name[self.month]
        if self.kind is YearEndKind.MONTH_END:
            return f"years end on the last day of {month}"
        weekday = gregorian.day_name[self.weekday]
        if self.kind is YearEndKind.LAST_WEEKDAY:
            return f"years end on the last {weekday} of {month}"
        return f"years end on the {weekday} nearest the end of {month}"


def rules_fitting(year_ends: Iterable[date], month: int) -> tuple[YearEndRule, ...]:
    """Every rule closing `month` that gives each of these year ends (all of them when none is given)."""
    ends = sorted(set(year_ends))
    candidates = [YearEndRule(YearEndKind.MONTH_END, month)] + [
        YearEndRule(kind, month, weekday)
        for kind in (YearEndKind.LAST_WEEKDAY, YearEndKind.NEAREST_WEEKDAY)
        for weekday in range(7)
    ]
    return tuple(r for r in candidates if ends and all(r.fits(e) and closing_month(e)[1] == month for e in ends))


_PROSE_YEAR_END = re.compile(
    r"(?=[fy5])\b(?:fiscal\s+)?(?:years?|(?:52|53|fifty-two|fifty-three)[- ]weeks?)\s+(?:then\s+)?ended\s+", re.I
)
_DATE_LIST = re.compile(r"^\s*(?:(?:,|and|or)\s*)*")


def prose_year_ends(lines: Iterable[str]) -> set[date]:
    """Year ends the text states in so many words: "for the fiscal years ended December 29, 2024,
    December 31, 2023 and January 1, 2023" gives all three."""
    found: set[date] = set()
    for line in lines:
        for m in _PROSE_YEAR_END.finditer(line):
            rest, position = line[m.end() :], 0
            for day, start, end in find_dates(rest):
                if _DATE_LIST.sub("", rest[position:start]).strip():
                    break
                found.add(day)
                position = end
    return found


_YEAR_NAME = re.compile(r"\(\s*[\"\u201c]\s*fiscal\s+(?:year\s+)?(?P<year>(?:19|20)\d\d)\s*[\"\u201d]\s*\)", re.I)
NAME_OFFSETS = (0, -1)  # fiscal 2012 ended in 2012, or in January 2013


def prose_name_offset(lines: Iterable[str]) -> int | None:
    """How the text names the fiscal years when it says so in so many words: 'the fiscal year ended
    January 31, 2025 ("fiscal 2025")' names a year for the year it closes in (0); 'February 1, 2003
    ("fiscal 2002")' for the year before (-1). None when the text defines no name, or its names
    disagree."""
    offsets = set()
    for line in lines:
        for m in _YEAR_NAME.finditer(line):
            dates = find_dates(line[: m.start()])
            if dates and not line[dates[-1][2] : m.start()].strip(" ,"):
                offsets.add(int(m["year"]) - closing_month(dates[-1][0])[0])
    return offsets.pop() if len(offsets) == 1 and offsets <= set(NAME_OFFSETS) else None


@dataclass(frozen=True)
class FiscalCalendar:
    """The filing's fiscal calendar (see the module docstring). Every field may be unknown."""

    month: int | None = None  # the month fiscal years close
    rules: tuple[YearEndRule, ...] = ()  # every year-end rule that fits the stated year ends
    year_ends: frozenset[date] = field(default_factory=frozenset)  # year ends the filing states
    ends: frozenset[date] = field(default_factory=frozenset)  # every period end the filing states
    annual_end: date | None = None  # an annual report's period of report
    name_offset: int | None = None  # a year's name minus the year of the month it closes (0, or -1)
    weekday: int | None = None  # the weekday its periods end on, off month ends (52/53 weeks, weekly quarters)
    weekly: bool = False  # periods end on a weekday, not on month ends (52/53-week years or quarters)
    header_year_end: tuple[int, int] | None = None  # the SEC header's fiscal year end (month, day)
    reads_bare_years: bool = True  # columns headed by a year alone are read (not in a first reading)

    # ------------------------------------------------------------------ building from evidence
    @classmethod
    def of_cover(cls, cover: CoverPage, header: SecHeader | None) -> "FiscalCalendar":
        """What the cover and the SEC header say: an annual report's period end is a year end; the
        header's fiscal year end ("1231", "0102") names the month years close."""
        end = cover.value("period_end_date")
        annual = date.fromisoformat(end) if end and is_annual_report(cover.value("form_type") or "") else None
        header_end = _header_year_end(header)
        month = closing_month(annual)[1] if annual else _closing_month_of(header_end)
        calendar = cls(month=month, annual_end=annual, header_year_end=header_end)
        return calendar.with_evidence({annual} if annual else set())

    def with_evidence(
        self,
        ends: Iterable[date],
        balances: Iterable[date] = (),
        prose: Iterable[date] = (),
        year_to_date: Iterable[tuple[date, int]] = (),
    ) -> "FiscalCalendar":
        """The calendar fitted to the period ends the statements print (`ends`), then to the dates
        their equity balances print (`balances`: an opening "January 1" may stand a day after a year
        end) and the year ends the text states (`prose`: the years of a performance graph end on
        calendar days). These choose between the rules the statements allow, by how many of them a
        rule gives, and fit a rule alone only where the statements state no year end. A 52/53-week
        rule ends every period on its weekday: one stated end on another day rules it out. The (end,
        months) of year-to-date columns name the closing month when nothing else does."""
        ends = frozenset(ends) | self.ends
        month = self.month or _month_from_year_to_date(year_to_date)
        weekday = _weekday_of(ends)
        if month is None:
            return replace(self, ends=ends, weekday=weekday, weekly=weekday is not None)
        primary = {e for e in ends | self.year_ends if _closes(e, month)}
        secondary = {d for d in (*balances, *prose) if _closes(d, month)}
        rules = rules_fitting(primary or secondary, month)
        if not primary and not secondary and self.header_year_end and _is_month_end_day(*self.header_year_end):
            rules = (YearEndRule(YearEndKind.MONTH_END, month),)
        rules = tuple(r for r in rules if r.kind is YearEndKind.MONTH_END or {e.weekday() for e in ends} == {r.weekday})
        rules = _best_fitting(rules, secondary)
        year_ends = frozenset(primary | {d for d in secondary if rules and all(r.fits(d) for r in rules)})
        return replace(
            self,
            month=month,
            rules=rules,
            year_ends=year_ends,
            ends=ends | year_ends,
            name_offset=self.name_offset if self.name_offset is not None or month in (1, 2) else 0,
            weekday=weekday,
            weekly=weekday is not None or (bool(rules) and all(r.kind is not YearEndKind.MONTH_END for r in rules)),
        )

    def named(self, offset: int) -> "FiscalCalendar":
        """The calendar knowing how the filing names its years (from an annual report's columns)."""
        return replace(self, name_offset=offset)

    # ------------------------------------------------------------------ year ends
    def states(self, day: date) -> bool:
        """The filing names this day as one of its period ends."""
        return day in self.ends

    def closes_year(self, day: date) -> bool:
        """`day` falls within a week of the end of the month fiscal years close."""
        return self.month is not None and _closes(day, self.month)

    def may_end_on(self, day: date) -> bool:
        """A period of this filing may end on `day`: a stated end, or the weekday its weeks end on."""
        return self.states(day) or day.weekday() == self.weekday

    def _year_end_around(self, day: date) -> tuple[date | None, bool, bool]:
        """The fiscal year end within a week or two of `day`, whether that is decided, and whether
        a rule (not the filing) gives it: a stated one; else the one every fitting rule gives (or
        none of them gives one there); undecided when the rules disagree, or when a weekly calendar
        has no rule there."""
        stated = [e for e in self.year_ends if abs((e - day).days) <= NEAR_DAYS]
        if stated:
            return min(stated, key=lambda e: abs((e - day).days)), True, False
        if not self.rules:  # a month-end calendar needs no rule; a weekly one cannot do without
            return None, not (self.weekly and (self.month is None or _closes(day, self.month))), False
        found = {e for r in self.rules if abs(((e := r.nearest(day)) - day).days) <= 2 * NEAR_DAYS}
        if len(found) == 1 and len({r.nearest(day) for r in self.rules}) == 1:
            return found.pop(), True, True
        return None, not found, False

    def year_end_near(self, day: date) -> date | None:
        """The fiscal year end within a week or two of `day`, when the calendar knows it."""
        return self._year_end_around(day)[0]

    def year_end_named(self, year: int) -> date | None:
        """The day fiscal `year` ended, when the calendar knows its closing month and naming."""
        if self.month is None or self.name_offset is None:
            return None
        return self.year_end_near(month_end(year - self.name_offset, self.month))

    # ------------------------------------------------------------------ durations
    def start_of(self, end: date, length: PeriodLength, annual_flow: bool = False) -> tuple[date | None, Basis]:
        """The first day of a period of `length` ending on `end`, and what it rests on (when there
        is none, the basis says why, with no confidence). `annual_flow`: a flow statement of an
        annual report, whose columns without a stated length are its fiscal years."""
        if length.weeks:
            return end - timedelta(days=7 * length.weeks - 1), Basis(f"{length.weeks} weeks, as printed")
        months = length.months
        if not months:
            if not (annual_flow and self.year_end_near(end) == end):
                return None, _undecided("its heading names no length, and it is no fiscal year of an annual report")
            start, basis = self._after_year_end(end, 12)
            return start, Basis(f"a fiscal year of the annual report; {basis.text}", min(basis.confidence, 0.9))
        if months in (12, *_YEAR_TO_DATE_MONTHS):
            return self._after_year_end(end, months)
        if months == _QUARTER_MONTHS:
            return self._quarter_start(end)
        if is_month_end(end) and not self.weekly:
            return months_before(end, months) + timedelta(days=1), Basis(f"{months} months back to a month end")
        return None, _undecided(f"a {months}-month period ending on {end} has no start the fiscal calendar knows")

    def _after_year_end(self, end: date, months: int) -> tuple[date | None, Basis]:
        """A year or year to date starts the day after the fiscal year end before it."""
        back = months_before(end, months)
        year_end, decided, by_rule = self._year_end_around(back)
        if year_end is not None and year_end < end:
            return year_end + timedelta(days=1), _after(year_end, by_rule, self.rules)
        if decided and is_month_end(end) and is_month_end(back) and not self.weekly:
            return back + timedelta(days=1), Basis(f"{months} months back to a month end", MONTH_END_CONFIDENCE)
        return None, _undecided(f"the fiscal year end near {back} is neither stated nor decided by the year-end rule")

    def _quarter_start(self, end: date) -> tuple[date | None, Basis]:
        """A quarter starts after the previous quarter end: the fiscal year end, when one falls
        where 13 weeks (3 months in a month-end calendar) back lands; else a period end the filing
        states there; else 13 weeks or 3 months back, except for a weekly year's last quarter, which
        runs 14 weeks in a 53-week year: only a stated year end 52 weeks before says it does not (a
        filer may change its rule, as one did between fiscal 2004 and 2005)."""
        weekly = self.weekly or not is_month_end(end)
        back = end - timedelta(weeks=_QUARTER_WEEKS) if weekly else months_before(end, _QUARTER_MONTHS)
        year_end, decided, by_rule = self._year_end_around(back)
        if year_end is not None and year_end < end:
            return year_end + timedelta(days=1), _after(year_end, by_rule, self.rules)
        if not decided:
            return None, _undecided(f"whether the quarter starts after a fiscal year end near {back} is not decided")
        stated = [e for e in self.ends if e < end and abs((e - back).days) <= NEAR_DAYS]
        if stated:
            previous = min(stated, key=lambda e: abs((e - back).days))
            return previous + timedelta(days=1), Basis(f"the day after the period end the filing states, {previous}")
        if weekly and self.year_end_near(end) == end:
            before = [e for e in self.year_ends if (end - e).days == 7 * 52]  # stated: a rule cannot tell
            if not before:
                return None, _undecided("a 53-week year's last quarter runs 13 or 14 weeks; no earlier end is stated")
        if weekly:
            return back + timedelta(days=1), Basis("13 weeks back, as a 52/53-week quarter runs", WEEKS_CONFIDENCE)
        return back + timedelta(days=1), Basis("3 months back to a month end", MONTH_END_CONFIDENCE)


MONTH_END_CONFIDENCE = 0.95  # calendar arithmetic where every period ends on a month end
WEEKS_CONFIDENCE = 0.9  # 13 weeks back in a 52/53-week calendar
RULE_CONFIDENCE = 0.9  # a year end the fitted rule gives, not one the filing states


def _undecided(reason: str) -> Basis:
    return Basis(reason, 0.0)


def _after(year_end: date, by_rule: bool, rules: tuple[YearEndRule, ...]) -> Basis:
    if not by_rule:
        return Basis(f"the day after the fiscal year end the filing states, {year_end}")
    return Basis(f"the day after the fiscal year end {year_end}: {rules[0].describe()}", RULE_CONFIDENCE)


def _best_fitting(rules: tuple[YearEndRule, ...], dates: set[date]) -> tuple[YearEndRule, ...]:
    """The rules that give the most of `dates` (all of `rules` when none gives any)."""
    counts = {r: sum(1 for d in dates if r.fits(d)) for r in rules}
    most = max(counts.values(), default=0)
    return tuple(r for r in rules if counts[r] == most) if most else rules


def _closes(day: date, month: int) -> bool:
    """`day` is within a week of `month`'s last day (a year end of a year closing that month)."""
    year, _ = closing_month(day)
    return any(abs((day - month_end(y, month)).days) <= NEAR_DAYS for y in (year - 1, year, year + 1))


def _header_year_end(header: SecHeader | None) -> tuple[int, int] | None:
    """The SEC header's FISCAL YEAR END ("1231") as (month, day)."""
    mmdd = header.filer.fiscal_year_end if header else None
    if not mmdd or not re.fullmatch(r"(0[1-9]|1[0-2])[0-3]\d", mmdd):
        return None
    return int(mmdd[:2]), int(mmdd[2:])


def _closing_month_of(month_day: tuple[int, int] | None) -> int | None:
    if month_day is None:
        return None
    month, day = month_day
    return (month - 2) % 12 + 1 if day <= NEAR_DAYS else month


def _is_month_end_day(month: int, day: int) -> bool:
    return day == gregorian.monthrange(2001, month)[1]  # February 28 in a common year


def _weekday_of(ends: Iterable[date]) -> int | None:
    """The weekday every stated end off a month's last day falls on (52/53-week calendars and
    weekly quarters), or None when there are none or they disagree."""
    weekdays = {e.weekday() for e in ends if not is_month_end(e)}
    return weekdays.pop() if len(weekdays) == 1 else None


def _month_from_year_to_date(columns: Iterable[tuple[date, int]]) -> int | None:
    """The closing month year-to-date columns imply ("Six Months Ended June 29" closes December),
    when they all agree."""
    months = {closing_month(months_before(end, n))[1] for end, n in columns}
    return months.pop() if len(months) == 1 else None


def year_to_date_months(length: PeriodLength) -> int | None:
    """6 or 9 for a half-year or nine-month column, in months or weeks."""
    if length.months in _YEAR_TO_DATE_MONTHS:
        return length.months
    return _YEAR_TO_DATE_WEEKS.get(length.weeks)
