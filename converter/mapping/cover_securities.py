"""Tag each of several registered securities in a context of its own class of stock.

A cover that lists one security states its title, symbol and exchange for the registrant; one that
lists several states them per class, so EDGAR's cover tagging puts each class's facts in a context
of the class-of-stock axis (us-gaap:StatementClassOfStockAxis), with the table, axis, domain and
members in the presentation and definition linkbases.
"""

from collections.abc import Callable

from ..extract.model import CoverField, Security
from .builder import FactModelBuilder
from .model import STANDARD_LABEL, Arc, ConceptInfo
from .names import label_from_name, lc3_name
from .rules import CoverSecuritiesRule

XDT = "http://xbrl.org/int/dim/arcrole/"
ALL, HYPERCUBE_DIMENSION, DIMENSION_DOMAIN, DIMENSION_DEFAULT, DOMAIN_MEMBER = (
    XDT + name for name in ("all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member")
)

Tagger = Callable[[CoverField, tuple[tuple[str, str], ...]], ConceptInfo | None]


def _bracketed(concept: ConceptInfo, kind: str) -> str:
    """'us-gaap:ClassOfStockDomain' -> 'Class of Stock [Domain]', as taxonomies label their structure."""
    words = label_from_name(concept.name.removesuffix(kind)).replace(" Of ", " of ")
    return f"{words} [{kind.replace('LineItems', 'Line Items')}]"


def class_member(
    title: str,
    rule: CoverSecuritiesRule,
    taxonomy: dict[str, ConceptInfo],
    builder: FactModelBuilder,
    taken: set[str],
    reuse: bool = True,
) -> ConceptInfo:
    """The member for a class of stock titled so: the first standard one it matches that `taken`
    does not hold, else the filer's own (the same for the same title, when `reuse`)."""
    standard = rule.standard_member(title, taken)
    if standard:
        taken.add(standard)
        member = taxonomy[standard]
        builder.label(member, STANDARD_LABEL, _bracketed(member, "Member"))
        return member
    member = builder.extension_member(lc3_name(title, "Member"), reuse)
    builder.label(member, STANDARD_LABEL, f"{title} [Member]")
    return member


def _members(securities: tuple[Security, ...], rule: CoverSecuritiesRule, taxonomy, builder) -> list[ConceptInfo]:
    """One member per security listed, never shared: two rows are two securities."""
    taken: set[str] = set()
    return [class_member(s.title.value, rule, taxonomy, builder, taken, reuse=False) for s in securities]


def map_securities(
    securities: tuple[Security, ...],
    rule: CoverSecuritiesRule,
    taxonomy: dict[str, ConceptInfo],
    builder: FactModelBuilder,
    tag: Tagger,
) -> tuple[list[ConceptInfo], list[ConceptInfo]]:
    """Each security's facts in its member's context; the concepts tagged and the members, in order."""
    axis = taxonomy[rule.axis]
    members = _members(securities, rule, taxonomy, builder)
    tagged: dict[str, ConceptInfo] = {}
    for security, member in zip(securities, members, strict=True):
        for field in security.fields:
            concept = tag(field, ((axis.qname, member.qname),))
            if concept is not None:
                tagged.setdefault(concept.qname, concept)
    return list(tagged.values()), members


def table_arcs(
    rule: CoverSecuritiesRule,
    root: ConceptInfo,
    concepts: list[ConceptInfo],
    members: list[ConceptInfo],
    taxonomy: dict[str, ConceptInfo],
    builder: FactModelBuilder,
) -> tuple[tuple[Arc, ...], tuple[Arc, ...]]:
    """Presentation and definition arcs of the cover's table: root > table > axis > domain >
    members, table > line items > every cover concept; the axis defaults to its domain."""
    table, line_items, axis, domain = (taxonomy[q] for q in (rule.table, rule.line_items, rule.axis, rule.domain))
    for concept, kind in ((table, "Table"), (line_items, "LineItems"), (axis, "Axis"), (domain, "Domain")):
        builder.label(concept, STANDARD_LABEL, _bracketed(concept, kind))
    structure = [
        Arc(root.qname, table.qname, 1),
        Arc(table.qname, axis.qname, 1),
        Arc(axis.qname, domain.qname, 1),
        *(Arc(domain.qname, m.qname, n) for n, m in enumerate(members, 1)),
        Arc(table.qname, line_items.qname, 2),
        *(Arc(line_items.qname, c.qname, n) for n, c in enumerate(concepts, 1)),
    ]
    definition = [
        Arc(line_items.qname, table.qname, 1, arcrole=ALL),
        Arc(table.qname, axis.qname, 1, arcrole=HYPERCUBE_DIMENSION),
        Arc(axis.qname, domain.qname, 1, arcrole=DIMENSION_DOMAIN),
        Arc(axis.qname, domain.qname, 2, arcrole=DIMENSION_DEFAULT),
        *(Arc(domain.qname, m.qname, n, arcrole=DOMAIN_MEMBER) for n, m in enumerate(members, 1)),
        *(Arc(line_items.qname, c.qname, n, arcrole=DOMAIN_MEMBER) for n, c in enumerate(concepts, 1)),
    ]
    return tuple(structure), tuple(definition)
