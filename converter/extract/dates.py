"""Find calendar dates written the way US filings write them ("September 30, 2007", "Sept. 30 2007")."""

import re
from datetime import date

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?P<month>{MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_MONTH_DAY = re.compile(  # not "December 12 Months Ended": a number of months or weeks is no day
    rf"\b(?P<month>{MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\s-]*(?:months?|weeks?|mos)\b)", re.I
)
_MONTH_ALONE = re.compile(  # "Ended December" / "December 2004": a month with no day
    rf"\b(?:end(?:ed|ing)?\s+(?P<after_end>{MONTH_NAME})\b(?!\.?\s*\d{{1,2}}\b)"
    rf"|(?P<before_year>{MONTH_NAME})\.?,?\s+(?:19|20)\d\d\b)",
    re.I,
)
_NUMERIC_DATE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)\b")


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every full date in `text` as (date, start, end)."""
    found = []
    for m in _DATE.finditer(text):
        d = make_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
        if d:
            found.append((d, m.start(), m.end()))
    for m in _NUMERIC_DATE.finditer(text):
        year = int(m["year"])
        year = year + (1900 if year >= 50 else 2000) if year < 100 else year
        d = make_date(year, int(m["month"]), int(m["day"]))
        if d:
            found.append((d, m.start(), m.end()))
    return sorted(found, key=lambda t: t[1])


def find_month_days(text: str) -> list[tuple[int, int, int, int]]:
    """Month-day pairs without a year, as (month, day, start, end)."""
    return [(month_number(m["month"]), int(m["day"]), m.start(), m.end()) for m in _MONTH_DAY.finditer(text)]


def find_months(text: str) -> list[int]:
    """Months named without a day, after "ended" or before a year, in order."""
    return [month_number(m["after_end"] or m["before_year"]) for m in _MONTH_ALONE.finditer(text)]
