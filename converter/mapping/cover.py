"""Map cover-page fields to dei facts, shown where the filing prints them."""

import re
from datetime import date

from ..extract.model import CoverField, CoverName, CoverPage, Period, StatementTable
from .builder import FactModelBuilder
from .cover_amounts import map_amounts
from .cover_securities import map_securities, table_arcs
from .model import STANDARD_LABEL, Arc, ConceptInfo, DecidedBy, Decision, Display, FactDecision, Role
from .rules import MappingRules

_MONTH_DAY_YEAR = re.compile(r"^[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}$")
DATE_FORMAT = "ixt:date-monthname-day-year-en"


def _display(field: CoverField, concept: ConceptInfo) -> Display:
    """Tag in place when the shown text is the value (or a standard transformation of it);
    otherwise hide the fact and point the shown text at it (-sec-ix-hidden)."""
    shown = field.shown_as if field.shown_as is not None else field.value
    if field.span is None:
        return Display(None)
    if concept.kind == "date" and _MONTH_DAY_YEAR.match(shown):
        return Display(field.span, DATE_FORMAT)
    if concept.kind == "boolean":
        return Display(field.span, f"ixt:fixed-{field.value}")
    if shown != field.value:
        return Display(None, shown_text=shown, span_for_reference=field.span)
    return Display(field.span)


_ORIGIN_CONFIDENCE = {"option": 1.0, "text": 0.95, "header": 0.95}
DERIVED_CONFIDENCE = 0.9  # worked out from other fields or the statements (fiscal focus, amendment flag)


def cover_decision(field: CoverField) -> Decision:
    confidence = _ORIGIN_CONFIDENCE.get(field.origin, DERIVED_CONFIDENCE)
    return Decision(DecidedBy.COVER, f"cover field {field.name}, from the {field.origin}", confidence)


def with_derived_fields(cover: CoverPage, cik: str) -> list[CoverField]:
    """The extracted fields plus those that follow from them or from the run's options."""
    fields = list(cover.fields)
    form = cover.value(CoverName.FORM_TYPE)
    if form:
        fields.append(CoverField(CoverName.AMENDMENT, "true" if form.endswith("/A") else "false", origin="derived"))
    fields.append(CoverField(CoverName.CIK, cik, origin="option" if cover.get(CoverName.CIK) is None else "header"))
    return fields


def dei_period(cover: CoverPage, statements: tuple[StatementTable, ...] = ()) -> Period | None:
    """The period of the cover facts: for a periodic report, the longest statement period ending on
    the report's period end (the fiscal year, or the year to date); else the day of the report."""
    end = cover.value(CoverName.PERIOD_END_DATE)
    if end is None:
        return None
    day = date.fromisoformat(end)
    form = (cover.value(CoverName.FORM_TYPE) or "").upper()
    if form.startswith(("10-K", "10-Q", "20-F", "40-F")):
        spans = [c.period for t in statements for c in t.columns if c.period.end == day and c.period.start]
        if spans:
            return min(spans, key=lambda p: p.start)
    return Period(end=day, start=day)


_SECURITY_FIELDS = {CoverName.SECURITY_TITLE, CoverName.TRADING_SYMBOL, CoverName.EXCHANGE, CoverName.NO_TRADING_SYMBOL}


def map_cover(
    cover: CoverPage,
    cik: str,
    rules: MappingRules,
    taxonomy: dict[str, ConceptInfo],
    builder: FactModelBuilder,
    authority: str,
    statements: tuple[StatementTable, ...] = (),
) -> None:
    period = dei_period(cover, statements)
    if period is None:
        return

    def tag(field: CoverField, dimensions: tuple[tuple[str, str], ...] = ()) -> ConceptInfo | None:
        rule = rules.cover_rule(field.name)
        concept = taxonomy.get(rule.concept) if rule else None
        if concept is None:
            return None
        builder.label(concept, STANDARD_LABEL, rule.label)
        builder.add_fact(
            concept,
            period,
            None,
            field.value,
            None,
            _display(field, concept),
            field.span,
            f"cover field {field.name} ({field.origin})",
            dimensions,
            decision=FactDecision(cover_decision(field)),
        )
        return concept

    listed = cover.securities if rules.cover_securities else ()
    fields = {f.name: f for f in with_derived_fields(cover, cik)}
    tagged = [
        concept
        for rule in rules.cover
        if rule.field in fields and not (listed and rule.field in _SECURITY_FIELDS)
        for concept in [tag(fields[rule.field])]
        if concept is not None
    ]
    root = taxonomy[rules.cover_root]
    builder.label(root, STANDARD_LABEL, "Cover [Abstract]")
    concepts, members = map_securities(listed, rules.cover_securities, taxonomy, builder, tag) if listed else ([], [])
    counted, classes = map_amounts(cover.amounts, rules, taxonomy, builder)
    members += [m for m in classes if m not in members]
    order = {r.concept: n for n, r in enumerate(rules.cover)}
    used = sorted(dict.fromkeys(tagged + concepts + counted), key=lambda c: order[c.qname])
    if members:
        presentation, definition = table_arcs(rules.cover_securities, root, used, members, taxonomy, builder)
    else:
        presentation, definition = tuple(Arc(root.qname, c.qname, n) for n, c in enumerate(used, 1)), ()
    role = Role("Cover", f"http://{authority}/role/Cover", "0000001 - Document - Cover", presentation, (), definition)
    builder.roles.insert(0, role)
