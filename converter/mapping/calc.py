"""Infer which rows of a statement add up to which totals, from the printed numbers alone.

Walking down the statement, each total-like row is tested against the rows just above it that
no earlier total has taken ("open" rows): the shortest run of them whose displayed values, each
added or subtracted, give the total in every column (within one unit of the last printed digit,
as Calc 1.1 tolerates rounding) becomes the total's calculation. Weights that a balance-type
prediction proposes are preferred when zeros leave the arithmetic undecided.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from ..extract.model import Amount

MAX_CHILDREN = 12
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


def _adds_up(total: CalcRow, children: Sequence[CalcRow], weights: Sequence[int]) -> bool:
    compared = 0
    for col, target in enumerate(total.values):
        if target is None:
            continue
        parts = [c.values[col] for c in children]
        if all(p is None for p in parts):
            return False
        s = sum((w * p.signed for w, p in zip(weights, parts, strict=True) if p is not None), Decimal(0))
        if abs(s - target.signed) > _unit_of([target, *parts]):
            return False
        compared += 1
    return compared > 0


def _solve(total: CalcRow, children: Sequence[CalcRow], predicted: Sequence[int]) -> tuple[int, ...] | None:
    """Weights (+1/-1 per child) under which the children add up to the total, nearest `predicted`."""
    candidates = [tuple(predicted), (1,) * len(children)]
    if len(children) <= 10:
        candidates += sorted(
            product((1, -1), repeat=len(children)),
            key=lambda w: sum(a != b for a, b in zip(w, predicted, strict=True)),
        )
    for weights in candidates:
        if _adds_up(total, children, weights):
            return weights
    return None


def infer_calculations(rows: Sequence[CalcRow], predict: Callable[[int, int], int]) -> list[CalcGroup]:
    """Calculation groups of a statement; `predict(total_key, child_key)` proposes a weight."""
    groups: list[CalcGroup] = []
    open_rows: list[CalcRow] = []
    for row in rows:
        if open_rows and open_rows[-1].group != row.group:
            open_rows = []
        if is_total_like(row.label) and not row.is_blank:
            for k in range(2, min(len(open_rows), MAX_CHILDREN) + 1):
                children = open_rows[-k:]
                weights = _solve(row, children, [predict(row.key, c.key) for c in children])
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
