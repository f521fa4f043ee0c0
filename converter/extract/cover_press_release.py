"""A press release converted on its own: an EX-99 exhibit without the 8-K cover page it was
furnished with, and without an SEC header.

Such a document has no cover, so the cover facts come from what a press release states:

- dei:DocumentType is 8-K. An exhibit is not a submission type of its own (EDGAR's and dei's
  document types are the forms: 8-K, 10-Q...), and a registrant's press release is furnished as
  Exhibit 99 of a current report on Form 8-K (Item 2.02 or 7.01; Item 12 or 9 before 2004), so
  its facts are the 8-K's.
- The date of report (dei:DocumentPeriodEndDate of an 8-K, the date of the earliest event
  reported) is the day the release was issued: its dateline ("SAN JOSE, Calif., April 21
  /PRNewswire/ --"). A dateline without a year takes one only when the statements decide it
  (see `dated_by_statements`); otherwise the user gives the date (--date-of-report).
- The registrant is the company that "today announced" or "reported", when the text names it
  with a company's legal form (Inc., Corporation...); otherwise the user gives it.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.model import SourceDocument
from .cover_text import CoverText
from .dates import MONTH_NAME, make_date, month_number
from .model import CoverField, CoverName, Span, StatementTable

FORM_OF_EXHIBIT = "8-K"
_DATELINE_LINES = 60
# "SAN JOSE, Calif., April 21 /PRNewswire-FirstCall/ --", "San Jose, Calif. - Aug. 16, 2006 -",
# "CUPERTINO, Calif.--(BUSINESS WIRE)--Jan. 19, 2000--": a place, the date, a dash.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'\- ]{0,40},\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,3},?)\s*"
    r"(?:[-\u2013\u2014]+\s*(?:\([A-Z][A-Za-z ]+\)\s*[-\u2013\u2014]+\s*)?)?"
    rf"(?P<date>(?P<month>{MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>(?:19|20)\d\d))?)"
    r"\s*(?:/[^/\n]{2,40}/\s*)?(?:--|[-\u2013\u2014])",
    re.I,
)
_COMPANY = (
    r"(?P<name>[A-Z][\w&.,'\- ]*?\b(?:Corporation|Corp\.|Incorporated|Inc\.|Company|Co\.|Ltd\.|Limited|"
    r"LLC|L\.P\.|plc|N\.V\.|S\.A\.)(?:,? Inc\.)?)"
)
_ANNOUNCES = re.compile(
    rf"^\s*{_COMPANY}\s*(?:\([^)]*\)\s*)?,?\s*(?:today\s+)?(?:announced|reported|reports|announces)\b"
)
# An earnings release comes out within a few months after the period it reports on.
_RELEASE_AFTER_PERIOD = timedelta(days=120)


@dataclass(frozen=True)
class Dateline:
    month: int
    day: int
    year: int | None
    span: Span
    text: str  # the date as printed: "April 21", "Aug. 16, 2006"
    end: tuple[int, int]  # (line, column) where the release's first sentence starts


def find_dateline(doc: SourceDocument) -> Dateline | None:
    """The release's dateline, in its first lines."""
    for i, line in enumerate(doc.lines[:_DATELINE_LINES]):
        m = _DATELINE.search(line)
        if m:
            month = month_number(m["month"])
            year = int(m["year"]) if m["year"] else None
            span = Span(doc.index, i, m.start("date"), m.end("date"))
            return Dateline(month, int(m["day"]), year, span, m["date"], (i, m.end()))
    return None


def announcer(doc: SourceDocument, dateline: Dateline) -> CoverField | None:
    """The company that "today announced" whatever the release is about, named with its legal
    form in the sentence after the dateline (which may wrap onto the next line)."""
    line, column = dateline.end
    text = doc.lines[line][column:]
    following = doc.lines[line + 1].strip() if line + 1 < len(doc.lines) else ""
    m = _ANNOUNCES.match(f"{text} {following}")
    if not m:
        return None
    name = " ".join(m["name"].split())
    lead = len(text) - len(text.lstrip())
    on_line = text[lead:].startswith(name)
    span = Span(doc.index, line, column + lead, column + lead + len(name)) if on_line else None
    return CoverField(CoverName.REGISTRANT_NAME, name, span)


def is_press_release(cover: CoverText) -> bool:
    """A document that opens as a press release does: a dateline in its first lines."""
    return find_dateline(cover.doc) is not None


def press_release_fields(doc: SourceDocument) -> list[CoverField]:
    """Document type, registrant and (when the dateline gives its year) the date of report."""
    dateline = find_dateline(doc)
    if dateline is None:
        return []
    fields = [CoverField(CoverName.FORM_TYPE, FORM_OF_EXHIBIT, origin="derived"), announcer(doc, dateline)]
    if dateline.year is not None:
        day = make_date(dateline.year, dateline.month, dateline.day)
        if day is not None:
            fields.append(CoverField(CoverName.PERIOD_END_DATE, day.isoformat(), dateline.span, dateline.text))
    return [f for f in fields if f is not None]


def dated_by_statements(doc: SourceDocument, statements: tuple[StatementTable, ...]) -> CoverField | None:
    """The date of a dateline without a year ("April 21"), when the statements decide the year:
    the first such day after the latest period end they report, if it comes within a few months
    of it, as an earnings release does. Otherwise None: the user must give the date."""
    dateline = find_dateline(doc)
    ends = [c.period.end for t in statements for c in t.columns]
    if dateline is None or dateline.year is not None or not ends:
        return None
    latest = max(ends)
    for year in (latest.year, latest.year + 1):
        day = make_date(year, dateline.month, dateline.day)
        if day is not None and latest < day <= latest + _RELEASE_AFTER_PERIOD:
            return CoverField(CoverName.PERIOD_END_DATE, day.isoformat(), dateline.span, dateline.text)
    return None


def release_date(value: date) -> CoverField:
    """The date of report a user gave for a release whose dateline does not decide it."""
    return CoverField(CoverName.PERIOD_END_DATE, value.isoformat(), origin="option")
