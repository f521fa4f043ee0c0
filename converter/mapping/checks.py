"""Check the mapping rules against the loaded taxonomy before any conversion uses them."""

from ..errors import MappingRulesError
from ..extract.label_facts import DURATION_KINDS
from ..extract.model import StatementKind
from ..extract.overrides import Overrides, OverridesError
from .memo import per_object
from .model import ConceptInfo
from .rules import MappingRules


@per_object
def check_rules(rules: MappingRules, taxonomy: dict[str, ConceptInfo]) -> None:
    """Raise MappingRulesError listing every rule whose concept is missing or cannot fit its use
    (once per rules and taxonomy: a pair that passed passes again)."""
    problems = [
        f"{where}: {qname} is not in the loaded taxonomy"
        for qname, where in rules.all_concepts()
        if qname not in taxonomy
    ]
    for rule in rules.line_items:
        for qname in rule.concepts:
            concept = taxonomy.get(qname)
            if concept is None:
                continue
            if concept.abstract:
                problems.append(f"{rule.where}: {qname} is abstract and cannot carry values")
            if concept.deprecated:
                problems.append(f"{rule.where}: {qname} is deprecated in the loaded taxonomy")
            wanted = {"instant" if k is StatementKind.BALANCE_SHEET else "duration" for k in rule.statements}
            if wanted and concept.period_type not in wanted:
                problems.append(
                    f"{rule.where}: {qname} has period type {concept.period_type}, "
                    f"but the rule applies to {', '.join(sorted(k.value for k in rule.statements))}"
                )
            if concept.kind not in ("monetary", "shares", "per_share"):
                problems.append(f"{rule.where}: {qname} is {concept.data_type}, not a number type")
    for rule in rules.label_facts:
        concept = taxonomy.get(rule.concept)
        wanted = "duration" if rule.kind in DURATION_KINDS else "instant"
        if concept is not None and concept.period_type != wanted:
            problems.append(f"label_facts[{rule.subject}/{rule.kind}]: {rule.concept} must be a {wanted} concept")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise MappingRulesError(f"taxonomy_map.yaml does not fit the taxonomy: {problems[0]}{more}")


def check_overrides(overrides: Overrides, taxonomy: dict[str, ConceptInfo]) -> None:
    """Every concept an override names is one of the loaded taxonomies' and can carry values."""
    for o in overrides.rows:
        concept = taxonomy.get(o.concept) if o.concept else None
        if o.concept and concept is None:
            raise OverridesError(f"{overrides.where(o.line)}: {o.concept} is not a concept of the taxonomies loaded")
        if concept is not None and concept.abstract:
            raise OverridesError(f"{overrides.where(o.line)}: {o.concept} is abstract: it carries no values")
