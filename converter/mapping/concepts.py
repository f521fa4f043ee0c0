"""Choose the taxonomy concept(s) for each statement row through the mapping rules."""

from collections.abc import Callable

from ..extract.model import StatementKind, StatementRow, UnitKind
from .model import ConceptInfo
from .rules import LineItemRule, MappingRules, normalize_label

_UNIT_OF_KIND = {UnitKind.MONETARY: "monetary", UnitKind.SHARES: "shares", UnitKind.PER_SHARE: "per_share"}


def period_type_of(kind: StatementKind) -> str:
    return "instant" if kind is StatementKind.BALANCE_SHEET else "duration"


def fits(concept: ConceptInfo, kind: StatementKind, unit: UnitKind) -> bool:
    """The concept can carry this row: right period type, unit, neither abstract nor deprecated."""
    return (
        not concept.abstract
        and not concept.deprecated
        and concept.period_type == period_type_of(kind)
        and concept.kind == _UNIT_OF_KIND[unit]
    )


def match_rule(
    rules: MappingRules,
    taxonomy: dict[str, ConceptInfo],
    kind: StatementKind,
    row: StatementRow,
    sections: frozenset[str],
    usable: Callable[[tuple[ConceptInfo, ...]], bool],
) -> tuple[ConceptInfo, ...] | None:
    """Concepts of the first rule that matches the row and whose concepts fit and are `usable`.
    A label that leads with its section ("Cash flows from financing activities - sale of common
    stock") is read as the item it names, in that section."""
    label = normalize_label(row.resolved_label or row.label)
    head, dash, tail = label.partition(" - ")
    if dash and tail and rules.section_names((head,)):
        label, sections = tail, sections | rules.section_names((head,))
    for rule in rules.line_items:
        if not rule.matches(kind, label, sections):
            continue
        concepts = _concepts_of(rule, taxonomy)
        if concepts and all(fits(c, kind, row.unit_kind) for c in concepts) and usable(concepts):
            return concepts
    learned = taxonomy.get(rules.learned_concept(kind, label) or "")
    if learned is not None and fits(learned, kind, row.unit_kind) and usable((learned,)):
        return (learned,)
    return None


def _concepts_of(rule: LineItemRule, taxonomy: dict[str, ConceptInfo]) -> tuple[ConceptInfo, ...] | None:
    found = tuple(taxonomy.get(q) for q in rule.concepts)
    return None if any(c is None for c in found) else found  # type: ignore[return-value]
