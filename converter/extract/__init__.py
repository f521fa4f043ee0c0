"""Extract stage: cover fields and financial statements, with provenance, from a Submission."""

from dataclasses import replace

from ..ingest.model import Submission
from .calendar import FiscalCalendar, prose_name_offset, prose_year_ends, year_to_date_months
from .cover import extract_cover
from .cover_press_release import dated_by_statements
from .dates import find_dates
from .fiscal_dating import set_periods
from .fiscal_focus import fiscal_focus
from .label_facts import label_facts_of
from .layout import document_layout, title_lines
from .model import CoverName, Extraction, StatementTable
from .overrides import NO_OVERRIDES, Overrides
from .presentations import primary_presentations
from .statement_money import decide_money
from .statements import GridReading, continuation, continued_title, interpret, is_statement_title, read_grid

__all__ = ["extract"]


def _readings(submission: Submission, layouts) -> list[GridReading]:
    """Every grid read with its title lines, in document order."""
    readings = []
    for layout in layouts:
        doc = submission.documents[layout.doc]
        taken: set[int] = set()
        for grid in layout.grids:
            titles = title_lines(doc, grid, taken)
            taken.update(range(grid.first_line, grid.last_line + 1))
            readings.append(read_grid(grid, "\n".join(doc.lines[i].strip() for i in titles), titles))
    return readings


def _statements_of(readings: list[GridReading], calendar: FiscalCalendar) -> list[StatementTable]:
    statements = []
    previous = None  # the statement of the grid just before, which a headless grid may carry on
    for reading in readings:
        table = interpret(reading, calendar)
        if table is None and previous is not None:  # (never one of another document: see continuation)
            table = continuation(reading.grid, previous, reading.title, reading.title_lines, calendar)
        if table is not None:
            statements.append(table)
        previous = table
    return statements


def _calendar_evidence(statements: list[StatementTable]) -> dict:
    """What a first reading of the statements says of the fiscal calendar: the period ends their
    columns print, the dates their equity balances print (an equity statement read by components
    has one column, dated by its balances), and their year-to-date columns."""
    ends, balances, year_to_date = set(), set(), set()
    for table in statements:
        for column in () if any(r.period is not None for r in table.rows) else table.columns:
            printed = column.year_label is None and not column.borrowed
            if printed and (column.period.is_instant or column.length is not None):
                ends.add(column.period.end)
            months = year_to_date_months(column.length) if column.length else None
            if months and printed:
                year_to_date.add((column.period.end, months))
        for row in table.rows:
            printed = find_dates(row.label) if row.period is not None and row.period.is_instant else []
            balances.update(day for day, _, _ in printed[-1:])
    return {"ends": ends, "balances": balances, "year_to_date": year_to_date}


def extract(submission: Submission, overrides: Overrides = NO_OVERRIDES) -> Extraction:
    """Everything the later stages need, read from the submission's documents.

    Statements are read twice: the first reading (and the text) gives the evidence of the
    filing's fiscal calendar; the second reads them with it (statements headed only by bare
    fiscal years, "2016 2015 2014"; equity balances dated on a year's first day), and every
    column is then dated on that one calendar. What a grid says whatever the calendar (its
    titles, headings, scale words, kind) is read once for both."""
    layouts = []
    grid_count = 0
    for doc in submission.documents:
        layout = document_layout(doc, grid_count + 1)
        grid_count += len(layout.grids)
        layouts.append(layout)
    cover = extract_cover(submission.documents, submission.header)
    base = FiscalCalendar.of_cover(cover, submission.header)
    readings = _readings(submission, layouts)
    first = primary_statements(_statements_of(readings, replace(base, reads_bare_years=False)))
    prose = prose_year_ends(line for doc in submission.documents for line in doc.lines)
    calendar = base.with_evidence(prose=prose, **_calendar_evidence(first))
    if calendar.name_offset is None:  # a year closing in January or February: the text may name it
        offset = prose_name_offset(line for doc in submission.documents for line in doc.lines)
        calendar = calendar.named(offset) if offset is not None else calendar
    second = primary_statements(_statements_of(readings, calendar))
    statements = primary_statements(_with_missing_statements(first, second))
    statements, undated = set_periods(tuple(with_continued_scales(statements)), calendar, cover, overrides)
    statements, others = primary_presentations(statements)
    statements, undecided = decide_money(statements, submission.documents, layouts)
    left_out = undated + others + undecided
    if cover.standalone_exhibit and cover.value(CoverName.PERIOD_END_DATE) is None:
        dated = dated_by_statements(submission.documents[0], statements)
        cover = replace(cover, fields=cover.fields + ((dated,) if dated else ()))
    cover = replace(cover, fields=cover.fields + tuple(fiscal_focus(cover, calendar, statements)))
    return Extraction(cover, tuple(layouts), statements, left_out)


def primary_statements(tables: list[StatementTable]) -> list[StatementTable]:
    """Tables recognized only by their line items ("Net cash provided by...") are statements when
    nothing titled as that statement exists; beside a titled one they are MD&A, segment or
    reconciliation tables that repeat its lines."""
    titled = {t.kind for t in tables if t.name}
    return [t for t in tables if t.name or t.kind not in titled]


def _with_missing_statements(first: list[StatementTable], second: list[StatementTable]) -> list[StatementTable]:
    """The tables of the first reading, as read again with the filing's calendar, plus what the
    second found of a kind the first lacked and titled by name: MD&A, segment and note tables are
    headed by bare years too, and a statement of the kind already found with dated columns shows
    the real one is elsewhere."""
    kinds = {t.kind for t in first}
    chosen = {t.grid.id: t for t in first}
    for table in second:
        if table.grid.id in chosen or (table.kind not in kinds and is_statement_title(table.name)):
            chosen[table.grid.id] = table
    return sorted(chosen.values(), key=lambda t: (t.grid.doc, t.grid.first_line))


def with_continued_scales(statements: list[StatementTable]) -> list[StatementTable]:
    """A statement continued after a page break ("Balance Sheets (Continued)") that states no scale
    of its own keeps the scale of the part it continues."""
    out: list[StatementTable] = []
    for table in statements:
        before = next((t for t in reversed(out) if t.kind is table.kind), None)
        if before and not table.scale.stated and before.scale.stated and continued_title(table.name):
            rescaled = replace(table, scale=before.scale)
            table = replace(rescaled, label_facts=label_facts_of(rescaled))
        out.append(table)
    return out
