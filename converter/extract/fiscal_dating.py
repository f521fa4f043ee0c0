"""Date every statement column on the filing's one fiscal calendar, and leave out what it cannot.

Column headings were read table by table; here all of them are set on the same calendar, so
that every statement of the filing agrees. Checks that are applied, not hoped for:
- an annual report's bare fiscal years are named as its own current column says: its latest
  year is the one ending on the period of report ("2012" over a year ended February 2, 2013);
- a duration starts the day after the period before it ends (see FiscalCalendar.start_of);
- each statement of a 10-K or 10-Q has a column ending on the period of report; one that has
  none is dated on another calendar than the filing's and is left out whole.
A column the calendar cannot date is dropped from its statement and reported, never guessed.
"""

from dataclasses import replace
from datetime import date

from ..omissions import LeftOut, PartKind
from .calendar import NAME_OFFSETS, FiscalCalendar, closing_month, is_month_end
from .label_facts import label_facts_of
from .model import Basis, Column, CoverPage, Period, StatementTable
from .overrides import NO_OVERRIDES, ColumnOverride, Overrides, OverridesError

_PERIODIC_FORMS = ("10-K", "10-Q", "20-F", "40-F")
NAMED_YEAR_CONFIDENCE = 0.9  # a bare "2012": the year ending where the calendar says fiscal 2012 ended
LENT_DAY_CONFIDENCE = 0.95  # "December 31," over "2008  2007": the day is printed once for every year


def _by_components(table: StatementTable) -> bool:
    """An equity statement read by its components: its rows carry their own periods."""
    return any(r.period is not None for r in table.rows)


def name_offset(statements: tuple[StatementTable, ...], annual_end: date) -> int | None:
    """How an annual report names its years: its latest bare year names the year ending on the
    period of report. None when no column is headed by a bare year, or the offset is implausible."""
    labels = [c.year_label for t in statements for c in t.columns if c.year_label is not None]
    if not labels:
        return None
    offset = max(labels) - closing_month(annual_end)[0]
    return offset if offset in NAME_OFFSETS else None


def _end_on_calendar(column: Column, calendar: FiscalCalendar) -> date | None:
    """The day a column ends: as printed; for a bare fiscal year, the day the calendar says that
    year ended; for a day lent by a heading over several years ("Years Ended December 31," over
    "2008"), the calendar's year end there, or, in a month-end calendar, the lent month end."""
    end = column.period.end
    if column.year_label is not None:
        return calendar.year_end_named(column.year_label)
    if not column.borrowed:
        return end
    year_end = calendar.year_end_near(end) if calendar.closes_year(end) else None
    if year_end is not None:
        return year_end
    return end if is_month_end(end) and not calendar.weekly else None


def dated(column: Column, calendar: FiscalCalendar, annual_flow: bool) -> Column | None | Basis:
    """The column with its period set on the calendar and what that rests on; or, when the calendar
    cannot date it, the Basis saying why (with no confidence)."""
    end = _end_on_calendar(column, calendar)
    if end is None:
        named = f"fiscal {column.year_label}" if column.year_label is not None else f"the period of {column.period.end}"
        return Basis(f"the calendar does not say when {named} ended", 0.0)
    ended = _end_basis(column, end)
    if column.period.is_instant:
        return replace(column, period=Period(end=end), basis=ended)
    if column.length is None:  # the heading prints its start ("June 3, 1996 (inception) to ...")
        return replace(column, period=Period(end=end, start=column.period.start), basis=ended)
    start, started = calendar.start_of(end, column.length, annual_flow)
    if start is None:
        return started
    basis = Basis(f"{ended.text}; starts {started.text}", min(ended.confidence, started.confidence))
    return replace(column, period=Period(end=end, start=start), basis=basis)


def _end_basis(column: Column, end: date) -> Basis:
    """What a column's end rests on: printed, or the calendar's year end for a bare or lent year."""
    if column.year_label is not None:
        return Basis(f"ends {end}, the calendar's end of fiscal {column.year_label}", NAMED_YEAR_CONFIDENCE)
    if column.borrowed:
        return Basis(f"ends {end}, the day its heading lends to each year", LENT_DAY_CONFIDENCE)
    return Basis(f"ends {end}, as printed")


def _describe(column: Column, table: StatementTable) -> str:
    heading = " ".join(column.header.split()) or f"number {column.grid_col}"
    return f"'{heading[:80]}' of '{table.name or table.kind.value}' ({table.id})"


def _check_period_type(override: ColumnOverride, overrides: Overrides, table: StatementTable, column: Column) -> None:
    """A balance sheet's columns are instants, a flow statement's durations: an override that says
    otherwise is refused with its line (else every fact of the column would be left out)."""
    wanted = "a duration" if table.kind.is_flow else "an instant"
    if override.period.is_instant == table.kind.is_flow:
        raise OverridesError(
            f"{overrides.where(override.line)}: column '{' '.join(column.header.split())}' of "
            f"'{table.name or table.kind.value}' needs {wanted}; restrict the override with 'statement:' "
            "or give its period as one"
        )


def _date_table(
    table: StatementTable, calendar: FiscalCalendar, annual: bool, overrides: Overrides
) -> tuple[StatementTable | None, list[LeftOut]]:
    kept, left = [], []
    for i, column in enumerate(table.columns):
        override = overrides.for_column(table.kind, column)
        if override is not None:
            _check_period_type(override, overrides, table, column)
            basis = Basis(f"override, {overrides.where(override.line)}")
            found = replace(column, period=override.period, basis=basis, override=override.line)
        else:
            found = dated(column, calendar, annual and table.kind.is_flow)
        if isinstance(found, Column) and found.period.is_instant and table.kind.is_flow:  # "As of ..." over flows
            found = Basis("it is dated at an instant, but the statement's amounts are flows over periods", 0.0)
        if isinstance(found, Basis):
            left.append(LeftOut(PartKind.COLUMN, _describe(column, table), found.text))
        else:
            kept.append((i, found))
    if not kept:
        return None, left
    indexes = [i for i, _ in kept]
    rows = tuple(replace(r, values=tuple(r.values[i] for i in indexes)) for r in table.rows)
    table = replace(table, columns=tuple(c for _, c in kept), rows=rows)
    return replace(table, label_facts=label_facts_of(table)), left


def _off_report_period(table: StatementTable, cover: CoverPage) -> str | None:
    """Why a periodic report's statement is not dated on the filing's calendar: none of its
    columns ends on the period of report."""
    form, end = (cover.value("form_type") or "").upper(), cover.value("period_end_date")
    if not end or not form.startswith(_PERIODIC_FORMS):
        return None
    day = date.fromisoformat(end)
    ends = {c.period.end for c in table.columns}
    if day in ends:
        return None
    return f"no column ends on the period of report {day} (latest {max(ends)}): its dates disagree with the filing's"


def set_periods(
    statements: tuple[StatementTable, ...],
    calendar: FiscalCalendar,
    cover: CoverPage,
    overrides: Overrides = NO_OVERRIDES,
) -> tuple[tuple[StatementTable, ...], tuple[LeftOut, ...]]:
    """Every statement with its columns dated on the calendar (or as an override says); what could
    not be dated, left out."""
    if calendar.annual_end is not None:
        offset = name_offset(statements, calendar.annual_end)
        calendar = calendar.named(offset) if offset is not None else calendar
    out: list[StatementTable] = []
    left: list[LeftOut] = []
    annual = calendar.annual_end is not None
    for table in statements:
        if _by_components(table):  # its rows are dated by their own balances, part by part
            out.append(table)
            continue
        dated_table, reasons = _date_table(table, calendar, annual, overrides)
        left += reasons
        problem = "no column could be dated" if dated_table is None else _off_report_period(dated_table, cover)
        if problem:
            left.append(LeftOut(PartKind.STATEMENT, f"'{table.name or table.kind.value}' ({table.id})", problem))
        else:
            out.append(dated_table)
    return tuple(out), tuple(left)
