"""Tag the numbers a periodic report's cover states: shares outstanding and public float.

Each is dated as the cover dates it (an instant), shown where it is printed with its scale
("$27.5 billion"); the count of one class among several goes in that class's context, under the
member its securities have.
"""

from ..extract.model import CoverAmount, Period, UnitKind
from .assemble import NUMBER_FORMAT
from .builder import FactModelBuilder
from .cover_securities import class_member
from .model import STANDARD_LABEL, ConceptInfo, DecidedBy, Decision, Display, FactDecision
from .rules import MappingRules


def map_amounts(
    amounts: tuple[CoverAmount, ...], rules: MappingRules, taxonomy: dict[str, ConceptInfo], builder: FactModelBuilder
) -> tuple[list[ConceptInfo], list[ConceptInfo]]:
    """Facts for the cover's amounts; the concepts tagged and the class members used, in order."""
    concepts: dict[str, ConceptInfo] = {}
    members: dict[str, ConceptInfo] = {}
    for amount in amounts:
        rule = rules.cover_rule(amount.name)
        concept = taxonomy.get(rule.concept) if rule else None
        if concept is None or concept.kind not in ("shares", "monetary"):
            continue
        dimensions = ()
        if amount.class_title and rules.cover_securities:
            member = class_member(amount.class_title, rules.cover_securities, taxonomy, builder, set())
            members.setdefault(member.qname, member)
            dimensions = ((rules.cover_securities.axis, member.qname),)
        elif amount.class_title:
            continue  # a class's count with no axis to tag it on would read as the registrant's
        builder.label(concept, STANDARD_LABEL, rule.label)
        unit = UnitKind.SHARES if concept.kind == "shares" else UnitKind.MONETARY
        display = Display(amount.span, NUMBER_FORMAT, amount.scale) if amount.span else Display(None)
        note = f"cover {amount.name}" + (f" of {amount.class_title}" if amount.class_title else "")
        period = Period(end=amount.day)
        decision = FactDecision(Decision(DecidedBy.COVER, f"the cover's {amount.name}, at the date it gives", 0.95))
        builder.add_fact(
            concept, period, unit, amount.value, amount.decimals, display, amount.span, note, dimensions, decision
        )
        concepts.setdefault(concept.qname, concept)
    return list(concepts.values()), list(members.values())
