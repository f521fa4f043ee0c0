"""Statements of stockholders' equity laid out by component: one column per component of equity
(common stock, paid-in capital, retained earnings... total), rows of balances and movements.

Only the total column is read (the components would need dimensions): "Balance at December 31,
2007" rows are the total equity at that date, and each movement between two balance rows covers
the period from the day after the first to the second.
"""

import re
from datetime import timedelta

from .calendar import FiscalCalendar
from .dates import find_dates
from .label_facts import dividends_per_share, exponent_of
from .model import (
    Column,
    Grid,
    LabelFact,
    Period,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from .numbers import parse_amount

_BALANCE = re.compile(r"^\W*balances?\b", re.I)
_TOTAL = re.compile(r"\btotal\b", re.I)
_SHARES = re.compile(r"^(?:(?:number\s+of\s+)?(?:common\s+)?shares|(?:common\s+)?stock\s+shares)\b(?!.*\bper\b)", re.I)


def _balance_date(label: str, calendar: FiscalCalendar):
    """The instant a balance row stands at: its date, or the day before when the date opens a
    month or the company ("Balance, January 1, 2020" is the balance at December 31, 2019; the
    balance at inception on March 28 stands before the first day's movements), unless the
    filing ends a period on that very day (a 52/53-week year ending January 1)."""
    if not _BALANCE.match(label):
        return None
    dates = find_dates(label)
    if not dates:
        return None
    day = dates[-1][0]
    opening = (day.day == 1 and not calendar.states(day)) or re.search(r"\binception\b", label, re.I)
    return day - timedelta(days=1) if opening else day


def _periods(grid: Grid, header_rows: int, calendar: FiscalCalendar) -> dict[int, Period]:
    """Each row's period: balance rows their date, movements the span between balances."""
    balances = [
        (i, d) for i in range(header_rows, len(grid.rows)) if (d := _balance_date(grid.rows[i].cells[0].text, calendar))
    ]
    periods = {i: Period(end=d) for i, d in balances}
    for (first, start), (last, end) in zip(balances, balances[1:], strict=False):
        for i in range(first + 1, last):
            periods[i] = Period(end=end, start=start + timedelta(days=1))
    return periods


def _shares_outstanding(
    grid: Grid, periods: dict[int, Period], headings: list[tuple[int, str]], scale: Scale
) -> tuple[LabelFact, ...]:
    """Common shares outstanding at each balance row, from a "Shares" column beside the amounts."""
    columns = [col for col, heading in headings if _SHARES.match(heading.strip())]
    if len(columns) != 1:
        return ()
    facts = []
    for i, period in sorted(periods.items()):
        amount = parse_amount(grid.rows[i].cells[columns[0]]) if period.is_instant else None
        if amount is None or amount.is_dash or amount.negative:
            continue
        exponent = exponent_of("shares_outstanding", amount.magnitude, scale)
        facts.append(
            LabelFact(
                i,
                "common",
                "shares_outstanding",
                amount.magnitude,
                UnitKind.SHARES,
                exponent,
                (period,),
                amount.span,
                amount.text,
                amount.decimals_shown,
            )
        )
    return tuple(facts)


def equity_by_components(
    grid: Grid,
    header_rows: int,
    headings: list[tuple[int, str]],
    title: str,
    scale: Scale,
    title_lines: tuple[int, ...],
    name: str,
    calendar: FiscalCalendar,
) -> StatementTable | None:
    """The total column of a component-layout equity statement, or None when it has none."""
    totals = [(col, heading) for col, heading in headings if _TOTAL.search(heading)]
    if not totals:
        return None
    col, heading = totals[-1]
    periods = _periods(grid, header_rows, calendar)
    if len({p for p in periods.values() if p.is_instant}) < 2:
        return None
    rows = []
    heading = ""  # a label printed over rows of its own ("Dividends on common stock:")
    for i, period in sorted(periods.items()):
        row = grid.rows[i]
        amount = parse_amount(row.cells[col])
        label = row.cells[0].text
        if amount is None:
            heading = label or heading
            continue
        is_balance = period.is_instant
        if is_balance:
            heading = ""
        resolved = "Total stockholders' equity" if is_balance else label
        rows.append(
            StatementRow(
                i,
                label,
                RowKind.TOTAL if is_balance else RowKind.ITEM,
                UnitKind.MONETARY,
                (amount,),
                (heading,) if heading else (),
                resolved,
                row.cells[0],
                None,
                period,
            )
        )
    if len(rows) < 2:
        return None
    last = max(p.end for p in periods.values())
    return StatementTable(
        grid.id,
        StatementKind.EQUITY,
        title,
        scale,
        (Column(col, Period(end=last), heading),),
        tuple(rows),
        grid,
        label_facts=_shares_outstanding(grid, periods, headings, scale) + dividends_per_share(tuple(rows), ()),
        title_lines=title_lines,
        name=name,
    )
