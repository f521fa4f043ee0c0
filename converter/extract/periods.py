"""Turn column headings ("Three Months Ended / September 30, / 2007") into reporting periods."""

import calendar
import re
from datetime import date, timedelta

from .dates import find_dates, find_month_days, find_months, make_date
from .model import Period

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


def end_date_of(text: str, context: str) -> date | None:
    """The date a column ends on: a full date in its heading, unless a bare year follows it; or its
    year with the date of that year in the context ("September 26, 1997 and September 27, 1996"
    over "1997"), or with the month-day of the heading or context ("Year Ended December 31," over
    "2008"). The context is read paragraph by paragraph (the table's own headings, then its title)."""
    dates = find_dates(text)
    if dates:
        last, _, last_end = dates[-1]
        after = _YEAR_ONLY.findall(text[last_end:])
        if not after:
            return last
        # a year under a spanning title ("December 31, 1993, 1992 and 1991" over "1992"): the
        # lowest heading line is the column's own, the dates above give its month and day
        year = int(after[-1])
        same_year = [d for d, _, _ in dates if d.year == year]
        return same_year[-1] if same_year else make_date(year, last.month, last.day)
    years = _YEAR_ONLY.findall(text)
    if len(years) != 1:
        return None
    year = int(years[0])
    for part in [p for p in context.split("\n\n") if p.strip()]:
        same_year = [d for d, _, _ in find_dates(part) if d.year == year]
        if len(same_year) == 1:
            return same_year[0]
    for source in (text, context):
        month_days = find_month_days(source)
        if month_days:
            month, day, _, _ = month_days[-1]
            return make_date(year, month, day)
    for source in (text, context):
        months = find_months(source)
        if months:  # "12 Months Ended December" over "2004": the month's last day
            return make_date(year, months[-1], calendar.monthrange(year, months[-1])[1])
    return None


def period_of(heading: str, context: str, instant: bool) -> Period | None:
    """The period of a column with heading `heading` in a table titled `context`.

    Balance-sheet columns are instants; other columns take their length from the heading or,
    failing that, from the title ("For the years ended December 31").
    """
    dates = find_dates(heading)
    if len(dates) >= 2 and not instant and re.search(r"\b(to|through|-)\b", heading[dates[0][2] : dates[1][1]]):
        return Period(end=dates[1][0], start=dates[0][0])
    end = end_date_of(heading, context)
    if end is None:
        return None
    if instant:
        return Period(end=end)
    length = duration_of(heading) or duration_of(context)
    if length is None:
        return Period(end=end) if _INSTANT_WORDS.search(heading) else None
    return Period(end=end, start=start_of(end, *length))


def periods_from_title(context: str, count: int, instant: bool) -> list[Period | None]:
    """Periods for columns with no headings, from the dates of the title in order
    ("BALANCE SHEET / December 31, 2007" over a single column of amounts)."""
    dates = [d for d, _, _ in find_dates(context)]
    if len(dates) != count:
        return [None] * count
    if instant:
        return [Period(end=d) for d in dates]
    length = duration_of(context)
    return [Period(end=d, start=start_of(d, *length)) if length else None for d in dates]


_WEEKS_FOR_MONTHS = {3: 13, 6: 26, 9: 39, 12: 52}
SNAP_DAYS = 10
END_SNAP_DAYS = 3


def _snapped_end(period: Period, instants: list) -> date:
    """A duration ending a few days from a balance-sheet date ends on that date: its year was
    printed alone and the month-day borrowed from another year ("Fiscal years ended September 26,
    1997" over "1996", while the balance sheet is at September 27, 1996; "Three years ended
    December 31, 2000" over "1999", with the balance sheet at January 2, 2000)."""
    end = period.end
    if end in instants:
        return end
    near = [i for i in instants if abs((i - end).days) <= END_SNAP_DAYS]
    return min(near, key=lambda i: abs((i - end).days)) if near else end


def fiscal_periods(periods: set[Period]) -> dict[Period, Period]:
    """Durations set on the filing's own period ends.

    A column says how long a period is ("Nine Months Ended July 1, 2023"), not where it starts;
    in 52/53-week fiscal calendars calendar arithmetic misses by days. Where another period of
    the filing ends within ten days of the day before a computed start (the prior fiscal year end
    on the balance sheet, the previous year's column), the period starts the day after it; a
    period ending on no month end and with no such anchor is taken as whole weeks. Ends borrowed
    from another year snap to the balance-sheet date they miss by a day or two.
    """
    instants = sorted({p.end for p in periods if p.is_instant})
    durations = {p: Period(end=_snapped_end(p, instants), start=p.start) for p in periods if p.start is not None}
    ends = sorted({p.end for p in periods if p.is_instant} | {p.end for p in durations.values()})
    refined = {}
    for original, p in durations.items():
        before = p.start - timedelta(days=1)
        near = [e for e in ends if e < p.end and abs((e - before).days) <= SNAP_DAYS]
        if near:
            start = min(near, key=lambda e: abs((e - before).days)) + timedelta(days=1)
        elif p.end.day != calendar.monthrange(p.end.year, p.end.month)[1]:
            months = round((p.end - p.start).days / 30.44)
            weeks = _WEEKS_FOR_MONTHS.get(months)
            start = p.end - timedelta(days=7 * weeks - 1) if weeks else p.start
        else:
            start = p.start
        if (start, p.end) != (original.start, original.end):
            refined[original] = Period(end=p.end, start=start)
    return refined
