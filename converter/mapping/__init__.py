"""Map stage: tie extracted cover fields and statement rows to taxonomy concepts as facts."""

from collections.abc import Callable
from dataclasses import dataclass

from ..extract.model import CoverName, Extraction, Span
from .builder import FactModelBuilder
from .calc_check import consistent_calculations
from .cover import map_cover
from .model import ConceptInfo, FactModel
from .rules import MappingRules
from .statements import StatementMapper

__all__ = ["MapOptions", "map_filing"]


@dataclass(frozen=True)
class MapOptions:
    cik: str
    prefix: str
    authority: str  # host part of the extension namespace and role URIs


def map_filing(
    extraction: Extraction,
    rules: MappingRules,
    taxonomy: dict[str, ConceptInfo],
    options: MapOptions,
    where: Callable[[Span], str],
    title: str,
) -> FactModel:
    """The filing's fact model: cover facts first, then each statement in document order."""
    date_stamp = extraction.cover.value(CoverName.PERIOD_END_DATE).replace("-", "")
    namespace = f"http://{options.authority}/{date_stamp}"
    builder = FactModelBuilder(options.cik, options.prefix, namespace, where, taxonomy)
    map_cover(extraction.cover, options.cik, rules, taxonomy, builder, options.authority, extraction.statements)
    order = 2
    for table in extraction.statements:
        if rules.statement(table.kind) is None:
            continue
        StatementMapper(table, rules, taxonomy, builder).map(order, options.authority)
        order += 2
    builder.roles = consistent_calculations(builder.roles, tuple(builder.facts))
    schemas = tuple((t.prefix, t.namespace, t.schema) for t in rules.taxonomies)
    return builder.build(date_stamp, title, schemas)
