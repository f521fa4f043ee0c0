"""Turn column headings ("Three Months Ended / September 30, / 2007") into reporting periods."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import find_dates, find_month_days, find_months, make_date
from .model import Period, PeriodLength

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "twenty-four": 24,
    "twenty-five": 25,
    "twenty-six": 26,
    "twenty-seven": 27,
    "thirty-six": 36,
    "thirty-nine": 39,
    "forty": 40,
    "fifty-two": 52,
    "fifty-three": 53,
}
_COUNTED = re.compile(r"\b(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ](?P<unit>months?|weeks?)\b", re.I)
_YEAR_WORDS = re.compile(r"\b(?:fiscal\s+)?years?\s+end(?:ed|ing)\b|\bfiscal\s+(?:year\s+)?\d{4}\b|\bannual\b", re.I)
_QUARTER_WORDS = re.compile(r"\bquarters?\s+end(?:ed|ing)\b|\b(?:first|second|third|fourth)\s+quarter\b", re.I)
_HALF_YEAR_WORDS = re.compile(r"\bfirst\s+half\b|\bhalf[- ]year\b", re.I)  # a year's first six months
_YEAR_ONLY = re.compile(r"\b(?:19|20)\d\d\b")
_INSTANT_WORDS = re.compile(r"\b(?:as\s+of|at|balance)\b", re.I)


def duration_of(text: str) -> tuple[int, int] | None:
    """(months, weeks) named in `text`: 'Six Months Ended' -> (6, 0), '52 weeks' -> (0, 52)."""
    for m in _COUNTED.finditer(text):
        word = m["n"].lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        if n:
            return (n, 0) if m["unit"].lower().startswith("month") else (0, n)
    if _QUARTER_WORDS.search(text):
        return (3, 0)
    if _HALF_YEAR_WORDS.search(text):
        return (6, 0)
    if _YEAR_WORDS.search(text):
        return (12, 0)
    return None


def start_of(end: date, months: int, weeks: int) -> date:
    """First day of a period of `months` or `weeks` that ends on `end`."""
    if weeks:
        return end - timedelta(days=7 * weeks - 1)
    month_index = end.year * 12 + end.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    if end.day == calendar.monthrange(end.year, end.month)[1]:
        return date(year + (month == 12), month % 12 + 1, 1)  # month-end to month-end periods
    day = min(end.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=1)


@dataclass(frozen=True)
class HeadingPeriod:
    """What a column heading says of its period: a nominal period (calendar arithmetic, set on the
    filing's fiscal calendar later), the length a duration's heading states (None for an instant or
    a duration whose start is printed), the fiscal year it names by its year alone ("2016"), and
    whether its end is not printed for its year but lent ("2008" under "Years Ended December 31,")."""

    period: Period
    length: PeriodLength | None = None
    year_label: int | None = None
    borrowed: bool = False  # the end's month and day were lent by another heading or the title


def end_date_of(text: str, context: str) -> tuple[date, bool] | None:
    """The date a column ends on, and whether its day was borrowed: a full date in its heading,
    unless a bare year follows it; or its year with the date of that year in the context
    ("September 26, 1997 and September 27, 1996" over "1997"), or with the month-day of the heading
    or context ("Year Ended December 31," over "2008"; borrowed). The context is read paragraph by
    paragraph (the table's own headings, then its title)."""
    dates = find_dates(text)
    if dates:
        last, _, last_end = dates[-1]
        after = _YEAR_ONLY.findall(text[last_end:])
        if not after:
            return last, False
        # a year under a spanning title ("December 31, 1993, 1992 and 1991" over "1992"): the
        # lowest heading line is the column's own, the dates above give its month and day
        year = int(after[-1])
        same_year = [d for d, _, _ in dates if d.year == year]
        if same_year:
            return same_year[-1], False
        borrowed = make_date(year, last.month, last.day)
        return (borrowed, True) if borrowed else None
    years = _YEAR_ONLY.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    for part in [p for p in context.split("\n\n") if p.strip()]:
        same_year = [d for d, _, _ in find_dates(part) if d.year == year]
        if len(same_year) == 1:
            return same_year[0], False
    for source in (text, context):
        month_days = find_month_days(source)
        if month_days:
            month, day, _, _ = month_days[-1]
            borrowed = make_date(year, month, day)
            return (borrowed, True) if borrowed else None
    for source in (text, context):
        months = find_months(source)
        if months:  # "12 Months Ended December" over "2004": the month's last day
            return make_date(year, months[-1], calendar.monthrange(year, months[-1])[1]), True
    return None


def length_of(text: str) -> PeriodLength | None:
    found = duration_of(text)
    return PeriodLength(*found) if found else None


def period_of(heading: str, context: str, instant: bool) -> HeadingPeriod | None:
    """The period of a column with heading `heading` in a table titled `context`.

    Balance-sheet columns are instants; other columns take their length from the heading or,
    failing that, from the title ("For the years ended December 31"); a flow column dated but
    given no length ("December 30, 2023") gets a nominal year for the calendar to confirm.
    """
    dates = find_dates(heading)
    if len(dates) >= 2 and not instant and re.search(r"\b(to|through|-)\b", heading[dates[0][2] : dates[1][1]]):
        return HeadingPeriod(Period(end=dates[1][0], start=dates[0][0]))
    found = end_date_of(heading, context)
    if found is None:
        return None
    end, borrowed = found
    if instant:
        return HeadingPeriod(Period(end=end), borrowed=borrowed)
    length = length_of(heading) or length_of(context)
    if length is None:
        if _INSTANT_WORDS.search(heading):
            return HeadingPeriod(Period(end=end), borrowed=borrowed)
        length = PeriodLength()
    nominal = start_of(end, length.months or 12, length.weeks)  # a year when no length is named
    return HeadingPeriod(Period(end=end, start=nominal), length, borrowed=borrowed)


def periods_from_title(context: str, count: int, instant: bool) -> list[HeadingPeriod | None]:
    """Periods for columns with no headings, from the dates of the title in order
    ("BALANCE SHEET / December 31, 2007" over a single column of amounts)."""
    dates = [d for d, _, _ in find_dates(context)]
    if len(dates) != count:
        return [None] * count
    if instant:
        return [HeadingPeriod(Period(end=d)) for d in dates]
    length = length_of(context)
    if length is None:
        return [None] * count
    return [HeadingPeriod(Period(end=d, start=start_of(d, length.months, length.weeks)), length) for d in dates]
