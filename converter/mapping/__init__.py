"""Map stage: tie extracted cover fields and statement rows to taxonomy concepts as facts."""

from collections.abc import Callable
from dataclasses import dataclass

from ..extract.model import CoverName, Extraction, Span, StatementTable
from ..extract.overrides import NO_OVERRIDES, Overrides
from .assemble import StatementAssembler
from .builder import FactModelBuilder
from .calc_check import consistent_calculations
from .cover import map_cover
from .decide import DecideContext
from .model import ConceptInfo, FactModel
from .rules import MappingRules, normalize_label
from .settle import settle

__all__ = ["MapOptions", "map_filing"]


@dataclass(frozen=True)
class MapOptions:
    cik: str
    prefix: str
    authority: str  # host part of the extension namespace and role URIs
    overrides: Overrides = NO_OVERRIDES


def printed_lines(tables: tuple[StatementTable, ...]) -> frozenset[str]:
    """Every statement line the filing prints, normalized: the context some rules read a label in."""
    return frozenset(normalize_label(r.resolved_label or r.label) for t in tables for r in t.rows if r.label)


def map_filing(
    extraction: Extraction,
    rules: MappingRules,
    taxonomy: dict[str, ConceptInfo],
    options: MapOptions,
    where: Callable[[Span], str],
    title: str,
) -> FactModel:
    """The filing's fact model, in two steps: decide (every statement's concepts, signs and sums,
    then the statements settled against each other) and assemble (cover facts first, then each
    statement in document order: names, contexts, ids, labels, roles)."""
    date_stamp = extraction.cover.value(CoverName.PERIOD_END_DATE).replace("-", "")
    namespace = f"http://{options.authority}/{date_stamp}"
    tables = tuple(t for t in extraction.statements if rules.statement(t.kind) is not None)
    plans = settle(tables, DecideContext(rules, taxonomy, printed_lines(tables), options.overrides))
    builder = FactModelBuilder(options.cik, options.prefix, namespace, where, taxonomy)
    map_cover(extraction.cover, options.cik, rules, taxonomy, builder, options.authority, extraction.statements)
    for order, plan in enumerate(plans, 1):
        StatementAssembler(plan, rules, taxonomy, builder).assemble(2 * order, options.authority)
    builder.roles = consistent_calculations(builder.roles, tuple(builder.facts))
    schemas = tuple((t.prefix, t.namespace, t.schema) for t in rules.taxonomies)
    return builder.build(date_stamp, title, schemas)
