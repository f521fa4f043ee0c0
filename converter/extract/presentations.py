"""Tell the registrant's primary statements apart from other presentations of the same statement.

Earnings releases print "Statements of Operations - GAAP" and then the same table "- Pro Forma";
combined filings print each registrant's statements one after the other (the parent's first);
10-Ks add parent-only schedules and guarantors' summarized statements. Tagged in the same contexts
they would give the same concepts other values. So a statement is the primary one only when its
title carries no qualifier of another presentation and it does not repeat the lines of a statement
of its kind already taken for the same periods with other amounts; the others are left out, each
with its reason.
A statement's "(Continued)" part follows the fate of the part it continues.
"""

import re
from decimal import Decimal

from ..omissions import LeftOut, PartKind
from .model import Period, StatementKind, StatementTable
from .statements import continued_title

_OTHER_PRESENTATION = re.compile(
    r"\bpro\s+forma\b|\bsummarized\b|\bnon-?gaap\b|\b(?:as\s+)?adjusted\b|\bguarantors?\b|\bparent\s+company\b"
    r"|\bconsolidating\b|\bcondensed\s+financial\s+information\s+of\s+(?:the\s+)?registrant\b",
    re.I,
)
REPEATED_SHARE = 0.5  # of the smaller statement's lines found in the other: the same statement again
_WORDS = re.compile(r"[a-z]+")


def _lines(table: StatementTable) -> set[str]:
    return {" ".join(_WORDS.findall(r.label.lower())) for r in table.rows if r.has_values and r.label}


def _periods(table: StatementTable) -> set:
    """The periods a statement reports: its durations (an equity statement's by its rows), else its
    instants. Equity statements of the quarter and of the year to date share balances, not flows."""
    periods = {c.period for c in table.columns} | {r.period for r in table.rows if r.period is not None}
    durations = {p for p in periods if not p.is_instant}
    return durations or periods


def _amounts(table: StatementTable) -> dict[tuple[str, Period], Decimal]:
    """Each line's amount by period."""
    return {
        (" ".join(_WORDS.findall(r.label.lower())), r.period_in(column)): amount.signed
        for r in table.rows
        if r.label
        for column, amount in zip(table.columns, r.values, strict=True)
        if amount is not None and not amount.is_dash
    }


def _repeats(table: StatementTable, other: StatementTable) -> bool:
    """Both report a period in common and share most of their line labels, with other amounts: the
    same lines stating the same amounts for the shared period are the statement's comparative
    columns printed again (an interim balance sheet beside the year-end one), not another
    presentation."""
    if not _periods(table) & _periods(other):
        return False
    ours, theirs = _lines(table), _lines(other)
    smaller = min(len(ours), len(theirs))
    if not smaller or len(ours & theirs) / smaller < REPEATED_SHARE:
        return False
    mine, others = _amounts(table), _amounts(other)
    shared = mine.keys() & others.keys()
    return not shared or any(mine[key] != others[key] for key in shared)


def _describe(table: StatementTable) -> str:
    return f"'{table.name or table.kind.value}' ({table.id})"


def primary_presentations(
    statements: tuple[StatementTable, ...],
) -> tuple[tuple[StatementTable, ...], tuple[LeftOut, ...]]:
    """The statements to tag as the registrant's, and the other presentations left out."""
    kept: list[StatementTable] = []
    left: list[LeftOut] = []
    last_of_kind: dict[StatementKind, tuple[StatementTable, bool]] = {}  # the latest part, and whether kept
    for table in statements:
        reason = None
        before = last_of_kind.get(table.kind)
        if continued_title(table.name) and before is not None:
            reason = None if before[1] else f"it continues {_describe(before[0])}, which is left out"
        elif _OTHER_PRESENTATION.search(f"{table.name}\n{table.title}"):
            reason = "its title qualifies it as another presentation (pro forma, non-GAAP, summarized, guarantor...)"
        else:
            repeated = next((k for k in kept if k.kind is table.kind and _repeats(table, k)), None)
            if repeated is not None:
                reason = (
                    f"it repeats the lines of {_describe(repeated)} for the same periods: another registrant's "
                    "or another presentation of that statement"
                )
        last_of_kind[table.kind] = (table, reason is None)
        if reason is None:
            kept.append(table)
        else:
            left.append(LeftOut(PartKind.STATEMENT, _describe(table), reason))
    return tuple(kept), tuple(left)
