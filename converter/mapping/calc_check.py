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

_Key = tuple[str, str, str]  # concept, context, unit


def _interval(fact: Fact) -> tuple[Decimal, Decimal]:
    half = Decimal(5).scaleb(-(fact.decimals or 0) - 1) if fact.decimals is not None else Decimal(0)
    return fact.value - half, fact.value + half


def _index(facts: tuple[Fact, ...]) -> dict[_Key, list[Fact]]:
    index: dict[_Key, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.unit is not None and isinstance(fact.value, Decimal):
            index[(fact.concept.qname, fact.context.id, fact.unit.id)].append(fact)
    return index


def _group_holds(parent: str, arcs: list[Arc], index: dict[_Key, list[Fact]]) -> bool:
    for (concept, context, unit), totals in index.items():
        if concept != parent:
            continue
        low = high = Decimal(0)
        bound = False
        for arc in arcs:
            children = index.get((arc.child, context, unit))
            if not children:
                continue
            bound = True
            lo, hi = _interval(children[0])
            low, high = (low + lo, high + hi) if arc.weight > 0 else (low - hi, high - lo)
        if not bound:
            continue
        for total in totals:
            t_lo, t_hi = _interval(total)
            if high < t_lo or low > t_hi:
                return False
    return True


def consistent_calculations(roles: list[Role], facts: tuple[Fact, ...]) -> list[Role]:
    """The roles with each calculation group kept only if all facts agree with it."""
    index = _index(facts)
    kept = []
    for role in roles:
        groups: dict[str, list[Arc]] = defaultdict(list)
        for arc in role.calculation:
            groups[arc.parent].append(arc)
        arcs = tuple(a for a in role.calculation if _group_holds(a.parent, groups[a.parent], index))
        kept.append(replace(role, calculation=arcs))
    return kept
