"""What the review page shows, decided here so that its template only lays it out: every fact
where its statement prints it (concept, period, unit, scale, sign, confidence, reason, source),
the numbers no fact tags, whether each total adds up, the cover, and what the conversion doubted
or left out."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..conversion_report import ConversionReport, Doubt
from ..extract.model import (
    LOW_CONFIDENCE,
    Amount,
    Cell,
    Column,
    Extraction,
    RowKind,
    Span,
    StatementRow,
    StatementTable,
)
from ..extract.numbers import is_year, parse_amount
from ..extract.overrides import NO_OVERRIDES, Overrides, OverrideUse, override_uses
from ..extract.statements import header_row_count
from ..mapping.calc_check import FactKey, fact_index, holds_in
from ..mapping.fact_guard import describe_period, describe_value
from ..mapping.model import Arc, DecidedBy, Fact, FactModel
from ..omissions import LeftOut, PartKind
from .body import FactAnchors
from .segments import Segment, weave

_SCALES = {0: "units", 2: "hundreds", 3: "thousands", 6: "millions", 9: "billions", -2: "percent"}


@dataclass(frozen=True)
class Calculation:
    """Whether a total adds up from its parts in its context: True; False when validation left its
    calculation out; None when no calculation of it was kept (none adds up in every column)."""

    holds: bool | None
    text: str


@dataclass(frozen=True)
class FactView:
    id: str
    concept: str
    extension: bool
    value: str
    period: str
    unit: str
    scale: str
    sign: str
    confidence: float
    reason: str
    source: str
    calculation: Calculation | None = None
    override: str = ""  # the overrides of its row or column, cited by file and line

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True)
class Mark:
    """A piece of a printed cell: text, or a fact wrapped around the text that shows it."""

    text: str = ""
    fact: FactView | None = None
    children: tuple["Mark", ...] = ()


@dataclass(frozen=True)
class CellView:
    marks: tuple[Mark, ...]
    colspan: int = 1
    header: bool = False
    numeric: bool = False
    untagged: bool = False  # prints a number no fact tags


@dataclass(frozen=True)
class RowView:
    cells: tuple[CellView, ...]
    facts: tuple[FactView, ...]

    @property
    def low(self) -> bool:
        return any(f.low for f in self.facts)

    @property
    def extension(self) -> bool:
        return any(f.extension for f in self.facts)

    @property
    def untagged(self) -> bool:
        return any(c.untagged for c in self.cells)


@dataclass(frozen=True)
class ColumnView:
    header: str
    period: str
    basis: str
    confidence: float

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True)
class StatementView:
    id: str
    title: str
    kind: str
    scale: str
    currency: str
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]

    @property
    def untagged(self) -> int:
        return sum(c.untagged for r in self.rows for c in r.cells)


@dataclass(frozen=True)
class ReviewView:
    title: str
    facts: tuple[FactView, ...]  # every fact of the output, in document order
    statements: tuple[StatementView, ...]
    cover: tuple[FactView, ...]
    elsewhere: tuple[FactView, ...]  # facts shown in no statement grid (prose, hidden)
    extension_concepts: tuple[str, ...]
    left_out: tuple[LeftOut, ...]
    doubts: tuple[Doubt, ...] = ()  # columns and facts decided with less confidence than LOW_CONFIDENCE
    findings: tuple[str, ...] = ()  # validation findings, one line each
    validated: bool = False
    overrides: tuple[OverrideUse, ...] = ()  # every override of the user's file, with what it matched

    @property
    def low(self) -> tuple[FactView, ...]:
        return tuple(f for f in self.facts if f.low)

    @property
    def calculations(self) -> dict[str, int]:
        marks = [f.calculation.holds for f in self.facts if f.calculation is not None]
        return {"hold": marks.count(True), "fail": marks.count(False), "unchecked": marks.count(None)}


def _unit(fact: Fact) -> str:
    if fact.unit is None:
        return ""
    local = fact.unit.numerator.split(":")[-1]
    return f"{local} per {fact.unit.denominator.split(':')[-1]}" if fact.unit.denominator else local


def _scale(fact: Fact) -> str:
    if fact.unit is None:
        return ""
    scale = fact.display.scale
    return f"{_SCALES.get(scale, f'10^{scale}')} (scale {scale})"


def _sign(fact: Fact, printed: Amount | None) -> str:
    if not isinstance(fact.value, Decimal):
        return ""
    stored = "negative" if fact.value < 0 else "positive" if fact.value > 0 else "zero"
    if printed is None or printed.is_dash or not fact.value:
        return f"stored {stored}"
    reversed_ = (fact.value < 0) != printed.negative
    return f"stored {stored}, " + ("the opposite of the printed sign" if reversed_ else "as printed")


class _Totals:
    """Whether each total's calculation holds in its context, over every role's calculations."""

    def __init__(self, model: FactModel, left_out: tuple[LeftOut, ...]) -> None:
        self.index = fact_index(model.facts)
        self.dropped = {x.concept: x.reason for x in left_out if x.part is PartKind.CALCULATION and x.concept}
        self.groups: dict[str, list[list[Arc]]] = defaultdict(list)
        for role in model.roles:
            by_parent: dict[str, list[Arc]] = defaultdict(list)
            for arc in role.calculation:
                by_parent[arc.parent].append(arc)
            for parent, arcs in by_parent.items():
                self.groups[parent].append(arcs)

    def of(self, fact: Fact, row: StatementRow | None) -> Calculation | None:
        if fact.unit is None or not isinstance(fact.value, Decimal):
            return None
        key: FactKey = (fact.concept.qname, fact.context.id, fact.unit.id)
        for arcs in self.groups.get(fact.concept.qname, ()):
            holds = holds_in(arcs, key, self.index)
            if holds is not None:
                parts = " ".join(f"{'+' if a.weight > 0 else '-'} {a.child}" for a in arcs).lstrip("+ ")
                verdict = "adds up" if holds else "does not add up"
                return Calculation(holds, f"{verdict}: = {parts}")
        if fact.concept.qname in self.dropped:
            return Calculation(False, f"its calculation was left out: {self.dropped[fact.concept.qname]}")
        if row is not None and row.kind is RowKind.TOTAL:
            return Calculation(
                None, "not checked: no calculation of it was kept (no run of lines above adds up to it in every column)"
            )
        return None


@dataclass(frozen=True)
class _Printed:
    """Where a statement prints a fact's amount."""

    table: StatementTable
    row: StatementRow
    column: Column
    amount: Amount

    def override(self, overrides: Overrides) -> str:
        """The overrides that decided the amount's row or column, cited by line."""
        column = next((o for o in overrides.columns if o.line == self.column.override), None)
        found = [overrides.for_row(self.table.kind, self.row), column]
        return "; ".join(f"{overrides.where(o.line)}: {o.describe()}" for o in found if o is not None)


def _printed(extraction: Extraction) -> dict[Span, _Printed]:
    return {
        amount.span: _Printed(t, row, column, amount)
        for t in extraction.statements
        for row in t.rows
        for column, amount in zip(t.columns, row.values, strict=True)
        if amount is not None
    }


def fact_views(
    model: FactModel, extraction: Extraction, left_out: tuple[LeftOut, ...] = (), overrides: Overrides = NO_OVERRIDES
) -> dict[str, FactView]:
    """Every fact of the model as a reviewer reads it, by id."""
    printed = _printed(extraction)
    totals = _Totals(model, left_out)
    views = {}
    for fact in model.facts:
        place = printed.get(fact.display.span) if fact.display.span else None
        row, amount = (place.row, place.amount) if place else (None, None)
        decision = fact.decision
        views[fact.id] = FactView(
            fact.id,
            fact.concept.qname,
            fact.concept.is_extension,
            describe_value(fact.value),
            describe_period(fact.context.period)
            + "".join(f" [{axis} = {member}]" for axis, member in fact.context.dimensions),
            _unit(fact),
            _scale(fact),
            _sign(fact, amount),
            decision.confidence if decision else 1.0,
            decision.reasons() if decision else "",
            fact.provenance,
            totals.of(fact, row),
            place.override(overrides) if place else "",
        )
    return views


def _marks(segments: tuple[Segment, ...], views: dict[str, FactView]) -> tuple[Mark, ...]:
    marks = []
    for s in segments:
        if s.kind == "text":
            marks.append(Mark(s.text))
        else:
            fact_id = s.text if s.kind == "ref" else dict(s.attrs)["id"]
            marks.append(Mark(fact=views[fact_id], children=_marks(s.children, views)))
    return tuple(marks)


def _facts_in(marks: tuple[Mark, ...]) -> list[FactView]:
    return [f for m in marks for f in ([m.fact] if m.fact else []) + _facts_in(m.children)]


def prints_untagged_number(cell: Cell, marks: tuple[Mark, ...], years_only_row: bool) -> bool:
    """A value cell that prints a number (not a dash, not a heading's year) and tags no fact."""
    amount = parse_amount(cell)
    return amount is not None and not amount.is_dash and not years_only_row and not _facts_in(marks)


def _row_of_years(cells: tuple[Cell, ...]) -> bool:
    """A row whose only numbers are years: column headings repeated inside the table."""
    numbers = [c.text for c in cells[1:] if c.text.strip()]
    return bool(numbers) and all(is_year(t) for t in numbers)


def _statement_view(table: StatementTable, anchors: FactAnchors, views: dict[str, FactView]) -> StatementView:
    headers = header_row_count(table.grid)
    value_rows = {r.grid_row for r in table.rows}
    rows = []
    for r, row in enumerate(table.grid.rows):
        years_only = r not in value_rows and _row_of_years(row.cells)
        cells = []
        for c, cell in enumerate(row.cells):
            marks = _marks(weave(cell.text, anchors.for_cell(cell)), views)
            untagged = r >= headers and c > 0 and prints_untagged_number(cell, marks, years_only)
            cells.append(CellView(marks, cell.colspan, r < headers, c > 0, untagged))
        rows.append(RowView(tuple(cells), tuple(f for cell in cells for f in _facts_in(cell.marks))))
    columns = tuple(
        ColumnView(" ".join(c.header.split()), describe_period(c.period), c.basis.text, c.basis.confidence)
        for c in table.columns
    )
    scale = table.scale.phrase or table.scale.basis.text
    return StatementView(
        table.id, table.name or table.title, table.kind.value, scale, table.currency, columns, tuple(rows)
    )


def review_view(
    model: FactModel, extraction: Extraction, conversion: ConversionReport, overrides: Overrides = NO_OVERRIDES
) -> ReviewView:
    """The review page's content for one conversion."""
    views = fact_views(model, extraction, conversion.left_out, overrides)
    anchors = FactAnchors(model.facts)
    statements = tuple(_statement_view(t, anchors, views) for t in extraction.statements)
    in_statements = {f.id for s in statements for r in s.rows for f in r.facts}
    is_cover = {f.id for f in model.facts if f.decision and f.decision.concept.by is DecidedBy.COVER}
    ordered = tuple(views[f.id] for f in model.facts)
    validation = conversion.validation
    return ReviewView(
        title=model.title,
        facts=ordered,
        statements=statements,
        cover=tuple(v for v in ordered if v.id in is_cover and v.id not in in_statements),
        elsewhere=tuple(v for v in ordered if v.id not in is_cover and v.id not in in_statements),
        extension_concepts=tuple(c.qname for c in model.extension_concepts),
        left_out=conversion.left_out,
        doubts=conversion.doubts,
        findings=tuple(f"{f.level} [{f.code}] {f.message}" for f in validation.findings) if validation else (),
        validated=validation is not None,
        overrides=override_uses(overrides, extraction.statements),
    )
