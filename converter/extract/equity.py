"""Statements of stockholders' equity laid out by component: one column per component of equity
(common stock, paid-in capital, retained earnings... total), rows of balances and movements.

Only the total column is read (the components would need dimensions): "Balance at December 31,
2007" rows are the total equity at that date, and each movement between two balance rows covers
the period from the day after the first to the second. A total column printed after a column of
noncontrolling interests sums them too: its balances are the equity including them, not the
parent's stockholders' equity.
"""

import re
from datetime import timedelta
from decimal import Decimal

from .calendar import FiscalCalendar
from .dates import find_dates
from .label_facts import dividends_per_share, exponent_of
from .model import (
    Column,
    Grid,
    LabelFact,
    LabelKind,
    LabelSubject,
    Period,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from .numbers import parse_amount
from .scale import row_exponent

_BALANCE = re.compile(r"^\W*balances?\b", re.I)
_TOTAL = re.compile(r"\btotal\b", re.I)
_NONCONTROLLING = re.compile(r"\b(?:non-?\s*controlling|minority)\s+interests?\b", re.I)
_REDEEMABLE = re.compile(r"(?<![\w-])redeemable\b", re.I)  # temporary equity, outside total equity
_SHARES = re.compile(r"^(?:(?:number\s+of\s+)?(?:common\s+)?shares|(?:common\s+)?stock\s+shares)\b(?!.*\bper\b)", re.I)


def _balance_date(label: str, calendar: FiscalCalendar):
    """The instant a balance row stands at: its date, or the day before when the date opens a
    month or the company ("Balance, January 1, 2020" is the balance at December 31, 2019; the
    balance at inception on March 28 stands before the first day's movements), unless the
    filing may end a period on that very day (a 52/53-week quarter ending on Saturday, April 1)."""
    if not _BALANCE.match(label):
        return None
    dates = find_dates(label)
    if not dates:
        return None
    day = dates[-1][0]
    opening = (day.day == 1 and not calendar.may_end_on(day)) or re.search(r"\binception\b", label, re.I)
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
    columns = [col for col, heading in headings if _is_share_count(heading)]
    if len(columns) != 1:
        return ()
    own = row_exponent((dict(headings)[columns[0]],), UnitKind.SHARES)  # "Shares (in thousands)"
    facts = []
    for i, period in sorted(periods.items()):
        amount = parse_amount(grid.rows[i].cells[columns[0]]) if period.is_instant else None
        if amount is None or amount.is_dash or amount.negative:
            continue
        exponent = own if own is not None else exponent_of(LabelKind.SHARES_OUTSTANDING, amount.magnitude, scale)
        facts.append(
            LabelFact(
                i,
                LabelSubject.COMMON,
                LabelKind.SHARES_OUTSTANDING,
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


def _is_share_count(heading: str) -> bool:
    """A column of share counts: "Shares", or stacked headings ending in "Number of Shares"."""
    text = heading.strip()
    return bool(_SHARES.match(text) or re.search(r"\bshares$", text, re.I))


def _adds_up(grid: Grid, col: int, parts: list[int], balance_rows: list[int]) -> bool:
    """At every balance row, `col` holds the sum of the `parts` columns."""
    for i in balance_rows:
        cells = grid.rows[i].cells
        total = parse_amount(cells[col])
        if total is None or total.is_dash:
            return False
        amounts = [parse_amount(cells[c]) for c in parts]
        if sum((a.signed for a in amounts if a is not None and not a.is_dash), Decimal(0)) != total.signed:
            return False
    return bool(balance_rows)


def total_column(grid: Grid, headings: list[tuple[int, str]], balance_rows: list[int]) -> tuple[int, str] | None:
    """The column whose balances are the sum of the other amount columns (share counts apart), else
    the last one headed "Total": stacked headings do not always sit over the columns they name."""
    amounts = [col for col, heading in headings if not _is_share_count(heading)]
    summing = [
        (col, heading)
        for col, heading in headings
        if col in amounts and _adds_up(grid, col, [c for c in amounts if c != col], balance_rows)
    ]
    totals = [(col, heading) for col, heading in headings if _TOTAL.search(heading)]
    return (summing or totals or [None])[-1]


def includes_noncontrolling(headings: list[tuple[int, str]], total: int) -> bool:
    """A (nonredeemable) noncontrolling interests' column is printed before the total column, which
    therefore includes them: components come first, their totals after."""
    return any(
        col < total and _NONCONTROLLING.search(heading) and not _REDEEMABLE.search(heading) for col, heading in headings
    )


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
    periods = _periods(grid, header_rows, calendar)
    if len({p for p in periods.values() if p.is_instant}) < 2:
        return None
    total = total_column(grid, headings, [i for i, p in periods.items() if p.is_instant])
    if total is None:
        return None
    col, heading = total
    balance_label = (
        "Total equity including noncontrolling interests"
        if includes_noncontrolling(headings, col)
        else "Total stockholders' equity"
    )
    rows = []
    caption = ""  # a label printed over rows of its own ("Dividends on common stock:")
    for i, period in sorted(periods.items()):
        row = grid.rows[i]
        amount = parse_amount(row.cells[col])
        label = row.cells[0].text
        if amount is None:
            caption = label or caption
            continue
        is_balance = period.is_instant
        if is_balance:
            caption = ""
        resolved = balance_label if is_balance else label
        rows.append(
            StatementRow(
                i,
                label,
                RowKind.TOTAL if is_balance else RowKind.ITEM,
                UnitKind.MONETARY,
                (amount,),
                (caption,) if caption else (),
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
