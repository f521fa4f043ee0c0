"""Keep only the calculation relationships that every fact of the filing satisfies.

XBRL calculations bind in every context where the total has a value, not just in the columns
the relationship was inferred from: a total that another statement also reports (stockholders'
equity at an earlier date, say) may lack some of its parts there. Each relationship group is
checked like Calc 1.1 with rounding (each value stands for an interval of half a unit of its last
decimal) over all facts, and a group any context contradicts is left out.
"""

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from .model import Arc, Fact, Role

FactKey = tuple[str, str, str]  # concept, context, unit


def _interval(fact: Fact) -> tuple[Decimal, Decimal]:
    half = Decimal(5).scaleb(-(fact.decimals or 0) - 1) if fact.decimals is not None else Decimal(0)
    return fact.value - half, fact.value + half


def fact_index(facts: tuple[Fact, ...]) -> dict[FactKey, list[Fact]]:
    index: dict[FactKey, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.unit is not None and isinstance(fact.value, Decimal):
            index[(fact.concept.qname, fact.context.id, fact.unit.id)].append(fact)
    return index


def holds_in(arcs: list[Arc], key: FactKey, index: dict[FactKey, list[Fact]]) -> bool | None:
    """Does the calculation of the total `key` (concept, context, unit) hold there? None when
    none of its parts has a value in that context, so there is nothing to check."""
    low = high = Decimal(0)
    bound = False
    concept, context, unit = key
    for arc in arcs:
        children = index.get((arc.child, context, unit))
        if not children:
            continue
        bound = True
        lo, hi = _interval(children[0])
        low, high = (low + lo, high + hi) if arc.weight > 0 else (low - hi, high - lo)
    if not bound:
        return None
    return all(not (high < t_lo or low > t_hi) for t_lo, t_hi in map(_interval, index.get(key, ())))


def _group_holds(parent: str, arcs: list[Arc], index: dict[FactKey, list[Fact]]) -> bool:
    return all(holds_in(arcs, key, index) is not False for key in index if key[0] == parent)


def consistent_calculations(roles: list[Role], facts: tuple[Fact, ...]) -> list[Role]:
    """The roles with each calculation group kept only if all facts agree with it."""
    index = fact_index(facts)
    kept = []
    for role in roles:
        groups: dict[str, list[Arc]] = defaultdict(list)
        for arc in role.calculation:
            groups[arc.parent].append(arc)
        arcs = tuple(a for a in role.calculation if _group_holds(a.parent, groups[a.parent], index))
        kept.append(replace(role, calculation=arcs))
    return kept
