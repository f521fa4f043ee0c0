"""Infer which rows of a statement add up to which totals, from the printed numbers alone.

Walking down the statement, each total-like row is tested against the rows just above it that
no earlier total has taken ("open" rows): the shortest run of them whose displayed values, each
added or subtracted, give the total in every column (within one unit of the last printed digit,
as Calc 1.1 tolerates rounding) becomes the total's calculation. Weights that a balance-type
prediction proposes are preferred when zeros leave the arithmetic undecided. A row not labelled
as a total is one too when a run just above it adds up to it as printed, all added, in at least
two columns with amounts: statements print subtotals without "Total" ("Selling, general and
administrative expenses" under its parts), and such a sum in several columns is no coincidence.
"""

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from ..extract.model import Amount

MAX_CHILDREN = 12
MIN_PLAIN_COLUMNS = 2
_TOTAL_LIKE = re.compile(
    r"^total\b|^net\b|^gross\b|\bbefore\b|\bfrom operations\b|^operating (income|loss|profit)"
    r"|^(income|loss|earnings|\(loss\)|profit)\b|\bsubtotal\b|,\s*net$"
    r"|^cash\b.*\b(provided|generated|used|applied)\b.*\bactivities\b|^\(?(increase|decrease)\b.*\bcash\b",
    re.I,
)


@dataclass(frozen=True)
class CalcRow:
    """A monetary row as calculation inference sees it."""

    key: int  # row index in the statement
    label: str
    values: tuple[Amount | None, ...]
    group: int = 0  # rows only combine within the same group (balance-sheet side)
    sections: tuple[str, ...] = ()

    @property
    def is_blank(self) -> bool:
        """Only dashes or nothing: it adds nothing, so arithmetic cannot place it."""
        return all(v is None or v.is_dash for v in self.values)


@dataclass(frozen=True)
class CalcGroup:
    total: int
    children: tuple[int, ...]
    weights: tuple[int, ...]  # display weights: total = sum(weight * displayed value)


def is_total_like(label: str) -> bool:
    """Labelled like a total, or not labelled at all: amounts printed under a run of lines with no
    words of their own are that run's subtotal."""
    return not label.strip() or bool(_TOTAL_LIKE.search(label.strip()))


def _unit_of(values: Sequence[Amount | None]) -> Decimal:
    places = max((v.decimals_shown for v in values if v is not None and not v.is_dash), default=0)
    return Decimal(1).scaleb(-places)


# total, children (None: not shown), tolerance: whole numbers of the column's smallest printed
# unit, so that the thousand weightings tried add integers, not Decimals
Column = tuple[int, tuple[int | None, ...], int]


def _in_units(values: Sequence[Decimal | None]) -> tuple[int | None, ...]:
    """Exact integers in units of the smallest place any of `values` is printed to."""
    exponent = min(v.as_tuple().exponent for v in values if v is not None)
    return tuple(None if v is None else int(v.scaleb(-exponent)) for v in values)


def _columns(total: CalcRow, children: Sequence[CalcRow]) -> list[Column] | None:
    """The columns a calculation is checked in (those where the total shows an amount), read once
    for all the weights tried: None when the children show nothing in one of them."""
    columns = []
    for col, target in enumerate(total.values):
        if target is None:
            continue
        parts = [c.values[col] for c in children]
        if all(p is None for p in parts):
            return None
        signed = [None if p is None else p.signed for p in parts]
        tolerance, total, *shown = _in_units([_unit_of([target, *parts]), target.signed, *signed])
        columns.append((total, tuple(shown), tolerance))
    return columns


def _adds_up(columns: list[Column], weights: Sequence[int]) -> bool:
    """Within one unit of the last printed digit (as Calc 1.1 tolerates rounding), in every column."""
    for target, parts, tolerance in columns:
        s = sum(w * p for w, p in zip(weights, parts, strict=True) if p is not None)
        if abs(s - target) > tolerance:
            return False
    return bool(columns)


def _solve(total: CalcRow, children: Sequence[CalcRow], predicted: Sequence[int]) -> tuple[int, ...] | None:
    """Weights (+1/-1 per child) under which the children add up to the total, nearest `predicted`."""
    columns = _columns(total, children)
    if not columns:
        return None
    for weights in _candidates(tuple(predicted)):
        if _adds_up(columns, weights):
            return weights
    return None


def _plain_sum(total: CalcRow, children: Sequence[CalcRow]) -> tuple[int, ...] | None:
    """All added, for a row not labelled as a total ("Selling, general and administrative expenses"
    under its parts): only when they add up as printed in at least MIN_PLAIN_COLUMNS columns with
    amounts, where a coincidence is not a calculation. Every row is tried so against every run
    above it: the first column's sum is checked before all columns are read."""
    shown = [(col, v) for col, v in enumerate(total.values) if v is not None]
    if sum(1 for _, v in shown if v.signed) < MIN_PLAIN_COLUMNS or not _adds_up_in(shown[0], children):
        return None
    columns = _columns(total, children)
    weights = (1,) * len(children)
    return weights if columns and _adds_up(columns, weights) else None


def _adds_up_in(column: tuple[int, Amount], children: Sequence[CalcRow]) -> bool:
    """The children, all added, give the total's amount in this column (as _adds_up checks it)."""
    col, target = column
    parts = [c.values[col] for c in children if c.values[col] is not None]
    if not parts:
        return False
    tolerance = _unit_of([target, *parts])
    return abs(sum(p.signed for p in parts) - target.signed) <= tolerance


@functools.lru_cache(maxsize=4096)
def _candidates(predicted: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """The weights to try, in order: the predicted ones, all added, then every other combination
    (up to 10 children) nearest the prediction first; the same for every total so predicted."""
    candidates = [predicted, (1,) * len(predicted)]
    if len(predicted) <= 10:
        candidates += sorted(
            product((1, -1), repeat=len(predicted)),
            key=lambda w: sum(a != b for a, b in zip(w, predicted, strict=True)),
        )
    return tuple(candidates)


def infer_calculations(rows: Sequence[CalcRow], predict: Callable[[int, int], int]) -> list[CalcGroup]:
    """Calculation groups of a statement; `predict(total_key, child_key)` proposes a weight."""
    groups: list[CalcGroup] = []
    open_rows: list[CalcRow] = []
    for row in rows:
        if open_rows and open_rows[-1].group != row.group:
            open_rows = []
        if not row.is_blank:
            labelled_total = is_total_like(row.label)
            for k in range(2, min(len(open_rows), MAX_CHILDREN) + 1):
                children = open_rows[-k:]
                if labelled_total:
                    weights = _solve(row, children, [predict(row.key, c.key) for c in children])
                else:
                    weights = _plain_sum(row, children)
                if weights is not None:
                    k = _absorb_blank_rows(open_rows, k)
                    children = open_rows[-k:]
                    weights = (1,) * (len(children) - len(weights)) + weights
                    groups.append(CalcGroup(row.key, tuple(c.key for c in children), weights))
                    del open_rows[-k:]
                    break
        open_rows.append(row)
    return groups


def _absorb_blank_rows(open_rows: list[CalcRow], k: int) -> int:
    """Widen a found run over blank rows just above it in the same section (e.g. a '--' preferred
    stock row above common stock belongs to the equity total, not to the next total up)."""
    first = open_rows[-k]
    while k < len(open_rows) and open_rows[-k - 1].is_blank and open_rows[-k - 1].sections == first.sections:
        k += 1
    return k
