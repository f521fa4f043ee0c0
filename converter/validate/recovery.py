"""Leave out the parts of a filing that validation names, so that the rest can still be written.

A finding points at what it is about (Finding.objects: ids of facts, concepts, contexts, units,
roles, as our outputs write them). The narrowest part that holds it is left out: a calculation
finding drops its calculation relationships; otherwise a fact, else a concept's facts (or a
context's, a unit's), and a whole statement only when the finding names nothing smaller. Each
part becomes a LeftOut whose reason is the finding's code and message. A finding that names no
part we have is not recoverable here: it stays, and the conversion fails as it would have.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..arelle_adapter import Finding
from ..mapping.calc_check import consistent_calculations
from ..mapping.fact_guard import describe_period, describe_value
from ..mapping.model import Fact, FactModel, Role
from ..omissions import LeftOut, PartKind

# Calculations 1.1 and XBRL 2.1 summation-item findings, and a calculation weight that contradicts
# the balances of its concepts (xbrl.5.1.1.2): the total's relationships go, not its statement.
CALCULATION_CODES = ("calc11", "xbrl.5.2.5.2", "xbrl.5.1.1.2")
MAX_REASON = 300


def concept_id(qname: str) -> str:
    """The id a concept's declaration has in its schema ('us-gaap:Assets' -> 'us-gaap_Assets')."""
    return qname.replace(":", "_", 1)


def _reason(finding: Finding) -> str:
    text = f"[{finding.code}] " + " ".join(finding.message.split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 3] + "..."


def _fact_what(fact: Fact) -> str:
    return f"{fact.concept.qname} = {describe_value(fact.value)} for {describe_period(fact.context.period)}"


@dataclass
class _Plan:
    """What one round leaves out: facts by id, calculation groups by (role URI, total), roles by URI."""

    facts: dict[str, LeftOut] = field(default_factory=dict)
    calculations: dict[tuple[str, str], LeftOut] = field(default_factory=dict)
    roles: dict[str, LeftOut] = field(default_factory=dict)
    records: list[LeftOut] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.facts or self.calculations or self.roles)


class _Parts:
    """The model's parts by the ids the outputs give them."""

    def __init__(self, model: FactModel) -> None:
        self.model = model
        self.facts = {f.id: f for f in model.facts}
        self.roles = {key: r for r in model.roles for key in (r.uri, r.id)}

    def in_aspects(self, objects: tuple[str, ...]) -> list[Fact]:
        """Facts in a context or with a unit the objects name."""
        ids = set(objects)
        return [f for f in self.model.facts if f.context.id in ids or (f.unit is not None and f.unit.id in ids)]

    def concepts(self, objects: tuple[str, ...]) -> list[str]:
        ids = set(objects)
        return list(dict.fromkeys(f.concept.qname for f in self.model.facts if concept_id(f.concept.qname) in ids))


def _plan_calculation(finding: Finding, parts: _Parts, plan: _Plan) -> None:
    """The calculation relationships summing into the total the finding names (its first fact's
    concept), in the role it names (else every role); all of a named role's when no total is named."""
    facts = [parts.facts[o] for o in finding.objects if o in parts.facts]
    totals = [facts[0].concept.qname] if facts else parts.concepts(finding.objects)
    named = [parts.roles[o] for o in finding.objects if o in parts.roles]
    for role in named or parts.model.roles:
        for arc in role.calculation:
            if (arc.parent in totals or not totals) and (role.uri, arc.parent) not in plan.calculations:
                what = f"{arc.parent} as the sum of its items in '{role.definition}'"
                plan.calculations[(role.uri, arc.parent)] = LeftOut(
                    PartKind.CALCULATION, what, _reason(finding), concept=arc.parent
                )


def _plan_facts(finding: Finding, parts: _Parts, plan: _Plan) -> bool:
    """The facts the finding names; else the facts of the concepts, contexts or units it names."""
    objects = finding.objects
    facts = [parts.facts[o] for o in objects if o in parts.facts]
    for fact in facts:
        plan.facts.setdefault(fact.id, LeftOut(PartKind.FACT, _fact_what(fact), _reason(finding), fact.provenance))
    if facts:
        return True
    concepts = parts.concepts(objects)
    for qname in concepts:
        of_concept = [f for f in parts.model.facts if f.concept.qname == qname and f.id not in plan.facts]
        if of_concept:
            record = LeftOut(PartKind.CONCEPT, f"{qname} ({len(of_concept)} facts)", _reason(finding))
            plan.records.append(record)
            plan.facts.update({f.id: record for f in of_concept})
    in_aspects = parts.in_aspects(objects)
    for fact in in_aspects:
        plan.facts.setdefault(fact.id, LeftOut(PartKind.FACT, _fact_what(fact), _reason(finding), fact.provenance))
    return bool(concepts or in_aspects)


def _plan_roles(finding: Finding, parts: _Parts, plan: _Plan) -> None:
    for role in dict.fromkeys(parts.roles[o] for o in finding.objects if o in parts.roles):
        plan.roles.setdefault(role.uri, LeftOut(PartKind.STATEMENT, f"'{role.definition}'", _reason(finding)))


def _plan(findings: Iterable[Finding], model: FactModel) -> _Plan:
    """Parts to leave out. Calculation findings wait while others name parts: a fact left out can
    be what broke a sum, and the sums it no longer lets hold go with it anyway."""
    parts = _Parts(model)
    plan = _Plan()
    findings = list(findings)
    for finding in findings:
        if not finding.code.startswith(CALCULATION_CODES) and not _plan_facts(finding, parts, plan):
            _plan_roles(finding, parts, plan)
    for finding in [f for f in findings if f.code.startswith(CALCULATION_CODES)] if not plan else ():
        _plan_calculation(finding, parts, plan)
    return plan


def _without_roles(model: FactModel, uris: set[str]) -> tuple[tuple[Role, ...], set[str]]:
    """The roles left, and the concepts only the left-out roles presented (their facts go too)."""
    kept = tuple(r for r in model.roles if r.uri not in uris)
    presented = {q for r in kept for arc in r.presentation for q in (arc.parent, arc.child)}
    gone = {q for r in model.roles if r.uri in uris for arc in r.presentation for q in (arc.parent, arc.child)}
    return kept, gone - presented


def _calculation_records(before: tuple[Role, ...], after: tuple[Role, ...], reason: str) -> list[LeftOut]:
    """A record for each calculation group the facts left out no longer let hold."""
    records = []
    kept = {(r.uri, a.parent, a.child) for r in after for a in r.calculation}
    for role in before:
        totals = dict.fromkeys(a.parent for a in role.calculation if (role.uri, a.parent, a.child) not in kept)
        what = "{} as the sum of its items in '{}'"
        records += [
            LeftOut(PartKind.CALCULATION, what.format(total, role.definition), reason, concept=total)
            for total in totals
        ]
    return records


def _apply(model: FactModel, plan: _Plan) -> tuple[FactModel, list[LeftOut]]:
    records = list(dict.fromkeys([*plan.roles.values(), *plan.records, *plan.calculations.values()]))
    records += [r for r in plan.facts.values() if r.part is PartKind.FACT]
    roles, unpresented = _without_roles(model, set(plan.roles))
    roles = tuple(
        replace(r, calculation=tuple(a for a in r.calculation if (r.uri, a.parent) not in plan.calculations))
        for r in roles
    )
    facts = tuple(f for f in model.facts if f.id not in plan.facts and f.concept.qname not in unpresented)
    checked = tuple(consistent_calculations(list(roles), facts))
    records += _calculation_records(roles, checked, "it no longer adds up without the parts left out")
    contexts = {f.context.id for f in facts}
    units = {f.unit.id for f in facts if f.unit}
    return (
        replace(
            model,
            facts=facts,
            roles=checked,
            contexts=tuple(c for c in model.contexts if c.id in contexts),
            units=tuple(u for u in model.units if u.id in units),
            left_out=model.left_out + tuple(records),
        ),
        records,
    )


def leave_out_named(model: FactModel, findings: Iterable[Finding]) -> tuple[FactModel, tuple[LeftOut, ...]]:
    """The model without the parts the findings name, and what was left out; the same model and ()
    when no finding names a part of it."""
    plan = _plan(findings, model)
    if not plan:
        return model, ()
    changed, records = _apply(model, plan)
    return changed, tuple(records)
