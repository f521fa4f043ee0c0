"""Extract stage: cover fields and financial statements, with provenance, from a Submission."""

from dataclasses import replace
from datetime import date

from ..ingest.model import Submission
from .calendar import FiscalCalendar
from .cover import extract_cover
from .cover_press_release import dated_by_statements
from .fiscal_focus import fiscal_focus
from .label_facts import label_facts_of
from .layout import document_layout, title_lines
from .model import CoverName, Extraction, StatementTable
from .periods import fiscal_periods
from .scale import find_scale
from .statements import continued_title, header_text, interpret, is_statement_title

__all__ = ["extract"]


def _statements_of(submission: Submission, layouts, calendar: FiscalCalendar) -> list[StatementTable]:
    statements = []
    for layout in layouts:
        doc = submission.documents[layout.doc]
        taken: set[int] = set()
        for grid in layout.grids:
            titles = title_lines(doc, grid, taken)
            taken.update(range(grid.first_line, grid.last_line + 1))
            title = "\n".join(doc.lines[i].strip() for i in titles)
            table = interpret(grid, title, find_scale(f"{title}\n{header_text(grid)}"), titles, calendar)
            if table is not None:
                statements.append(table)
    return statements


def _stated_instants(statements: list[StatementTable]) -> set[date]:
    """The dates the statements stand at: balance-sheet columns and dated equity balances."""
    columns = {c.period.end for t in statements for c in t.columns if c.period.is_instant}
    balances = {r.period.end for t in statements for r in t.rows if r.period is not None and r.period.is_instant}
    return columns | balances


def extract(submission: Submission) -> Extraction:
    """Everything the later stages need, read from the submission's documents.

    Statements headed only by bare fiscal years ("2016 2015 2014") take their dates from the
    filing's calendar: the cover's period end and the dates the first reading of the statements
    found, so those are read a second time."""
    layouts = []
    grid_count = 0
    for doc in submission.documents:
        layout = document_layout(doc, grid_count + 1)
        grid_count += len(layout.grids)
        layouts.append(layout)
    cover = extract_cover(submission.documents, submission.header)
    calendar = FiscalCalendar.of_cover(cover, submission.header)
    statements = primary_statements(_statements_of(submission, layouts, FiscalCalendar(ends=calendar.ends)))
    if calendar.year_end is not None:
        stated = calendar.with_ends(_stated_instants(statements))
        second = primary_statements(_statements_of(submission, layouts, stated))
        statements = primary_statements(_with_missing_statements(statements, second))
    statements = with_fiscal_periods(with_continued_scales(statements))
    if cover.standalone_exhibit and cover.value(CoverName.PERIOD_END_DATE) is None:
        dated = dated_by_statements(submission.documents[0], statements)
        cover = replace(cover, fields=cover.fields + ((dated,) if dated else ()))
    cover = replace(cover, fields=cover.fields + tuple(fiscal_focus(cover, calendar, statements)))
    return Extraction(cover, tuple(layouts), statements)


def primary_statements(tables: list[StatementTable]) -> list[StatementTable]:
    """Tables recognized only by their line items ("Net cash provided by...") are statements when
    nothing titled as that statement exists; beside a titled one they are MD&A, segment or
    reconciliation tables that repeat its lines."""
    titled = {t.kind for t in tables if t.name}
    return [t for t in tables if t.name or t.kind not in titled]


def _with_missing_statements(first: list[StatementTable], second: list[StatementTable]) -> list[StatementTable]:
    """The first reading, plus what the second found of a kind the first lacked and titled by name:
    MD&A, segment and note tables are headed by bare years too, and a statement of the kind
    already found with dated columns shows the real one is elsewhere."""
    kinds = {t.kind for t in first}
    ids = {t.grid.id for t in first}
    added = [t for t in second if t.grid.id not in ids and t.kind not in kinds and is_statement_title(t.name)]
    order = {t.grid.id: i for i, t in enumerate(second)}
    return sorted(first + added, key=lambda t: order.get(t.grid.id, -1))


def with_continued_scales(statements: list[StatementTable]) -> list[StatementTable]:
    """A statement continued after a page break ("Balance Sheets (Continued)") that states no scale
    of its own keeps the scale of the part it continues."""
    out: list[StatementTable] = []
    for table in statements:
        before = next((t for t in reversed(out) if t.kind is table.kind), None)
        if before and not table.scale.phrase and before.scale.phrase and continued_title(table.name):
            rescaled = replace(table, scale=before.scale)
            table = replace(rescaled, label_facts=label_facts_of(rescaled))
        out.append(table)
    return out


def with_fiscal_periods(statements: list[StatementTable]) -> tuple[StatementTable, ...]:
    """The statements with duration columns set on the filing's own period ends (those of its
    columns and of the dated balances of its equity statements)."""
    columns = {c.period for t in statements for c in t.columns}
    balances = {r.period for t in statements for r in t.rows if r.period is not None and r.period.is_instant}
    refined = fiscal_periods(columns | balances)
    return tuple(
        replace(t, columns=tuple(replace(c, period=refined.get(c.period, c.period)) for c in t.columns))
        for t in statements
    )
