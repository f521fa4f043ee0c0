"""Settle the filing's statements against each other, in one explicit pass.

Statements are decided one by one, each without looking at the others; but a concept stands for
one value per period across the whole filing. Where rows of different statements (or label facts)
give one concept and period different stored values, one claim is kept: the surer decision, then
the statement where the concept is at home (the balance sheet for an instant, the income statement
before the others for a flow), then the earlier statement. The rows that lose are decided again
without that concept, until no two claims disagree. The outcome does not depend on which statement
comes first in the document, except as the last tie-breaker.
"""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from ..extract.model import Period, StatementKind, StatementTable
from .decide import DecideContext, Refusal, StatementPlan, decide_statement

_HOME = {
    StatementKind.BALANCE_SHEET: 0,
    StatementKind.INCOME_STATEMENT: 1,
    StatementKind.COMPREHENSIVE_INCOME: 2,
    StatementKind.CASH_FLOWS: 3,
    StatementKind.EQUITY: 4,
}


@dataclass(frozen=True)
class _Claim:
    value: Decimal
    confidence: float
    home: int
    statement: int  # index of the statement in the filing
    row: int | None  # grid row; None for a label fact
    label_fact: int | None = None  # index among the statement's label facts


def _claims(plans: list[StatementPlan]) -> dict[tuple[str, Period], list[_Claim]]:
    claims: dict[tuple[str, Period], list[_Claim]] = defaultdict(list)
    for index, plan in enumerate(plans):
        home = _HOME[plan.table.kind]  # a cash-flow statement's balance rows are not at home
        for row in plan.rows:
            for concept in row.concepts:
                for period, value in plan.stored(row):
                    claims[(concept.qname, period)].append(
                        _Claim(value, row.decision.confidence, home, index, row.row.grid_row)
                    )
        for n, fact in enumerate(plan.label_facts):
            value = fact.fact.value.scaleb(fact.fact.exponent)
            for period in fact.fact.periods:
                claims[(fact.concept.qname, period)].append(
                    _Claim(value, fact.decision.confidence, _HOME[plan.table.kind], index, None, n)
                )
    return claims


def _losers(claims: dict[tuple[str, Period], list[_Claim]]) -> list[tuple[str, Period, _Claim]]:
    """Every claim that disagrees with the kept claim of its concept and period."""
    out = []
    for (qname, period), found in claims.items():
        if len({c.value for c in found}) < 2:
            continue
        kept = min(found, key=lambda c: (-c.confidence, c.home, c.statement, c.row is None, c.row or 0))
        out += [(qname, period, c) for c in found if c.value != kept.value]
    return out


def settle(tables: tuple[StatementTable, ...], context: DecideContext) -> tuple[StatementPlan, ...]:
    """Each statement decided, the filing's conflicting claims settled."""
    refused: list[set[Refusal]] = [set() for _ in tables]
    dropped: list[set[tuple[int, Period]]] = [set() for _ in tables]  # label facts' periods left out
    plans = [decide_statement(t, context, frozenset()) for t in tables]
    while True:
        losers = _losers(_claims(plans))
        if not losers:
            return tuple(plans)
        redo = set()
        for qname, period, claim in losers:
            if claim.row is None:
                new = (claim.label_fact, period) not in dropped[claim.statement]
                dropped[claim.statement].add((claim.label_fact, period))
            else:
                new = (tables[claim.statement].id, claim.row, qname) not in refused[claim.statement]
                refused[claim.statement].add((tables[claim.statement].id, claim.row, qname))
            if new:
                redo.add(claim.statement)
        if not redo:  # every loser already refused: nothing left to settle by deciding again
            return tuple(plans)
        for index in redo:
            plan = decide_statement(tables[index], context, frozenset(refused[index]))
            plans[index] = _without_periods(plan, dropped[index])


def _without_periods(plan: StatementPlan, dropped: set[tuple[int, Period]]) -> StatementPlan:
    """The plan with the label facts' periods that lost a settlement left out (a fact with no
    period left stays in its place, so that the others keep their positions)."""
    if not dropped:
        return plan
    facts = tuple(
        replace(fact, fact=replace(fact.fact, periods=tuple(p for p in fact.fact.periods if (n, p) not in dropped)))
        for n, fact in enumerate(plan.label_facts)
    )
    return replace(plan, label_facts=facts)
