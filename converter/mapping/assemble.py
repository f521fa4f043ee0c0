"""Assemble a decided statement into the fact model: extension concepts named, facts with their
contexts, units and ids, labels, and the statement's presentation and calculation roles.

Nothing is decided here that settle.py has not settled: a concept, a sign and a period come from
the plan; what is made here are names and ids (an extension concept per label, shared by rows
whose values agree), labels and arcs.
"""

from dataclasses import dataclass
from decimal import Decimal

from ..extract.model import Amount, Column, RowKind, UnitKind
from ..extract.statements import continued_title
from .builder import FactModelBuilder
from .decide import RowPlan, StatementPlan
from .model import STANDARD_LABEL, TERSE_LABEL, Arc, ConceptInfo, Display, FactDecision, Role
from .names import camel_name, label_from_name, title_case
from .rules import MappingRules, normalize_label

NUMBER_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"


@dataclass
class StatementAssembler:
    """Turns one StatementPlan into builder entries."""

    plan: StatementPlan
    rules: MappingRules
    taxonomy: dict[str, ConceptInfo]
    builder: FactModelBuilder

    def __post_init__(self) -> None:
        self.table = self.plan.table
        self.concepts: dict[int, tuple[ConceptInfo, ...]] = {}  # grid row -> concepts, extensions named
        self.abstracts: dict[int, ConceptInfo] = {}

    # ------------------------------------------------------------------ concepts
    def _agrees(self, row: RowPlan, concept: ConceptInfo) -> bool:
        """No fact made so far gives this (extension) concept other values for the row's periods (a
        dash is stored as zero, as _add_value makes it for an extension)."""
        return not any(self.builder.conflicts(concept, period, value) for period, value in self.plan.stored(row))

    def _name_extension(self, row: RowPlan) -> None:
        """The row's concepts, its extension named; named row by row after the facts of the rows
        above are made, so that two rows of one label with other values get two concepts."""
        if row.extension is None:
            self.concepts[row.row.grid_row] = row.concepts
            return
        spec = row.extension
        concept = self.builder.extension(
            spec.labels,
            spec.period_type,
            spec.data_type,
            spec.balance,
            usable=lambda c: self._agrees(row, c),
        )
        self.builder.label(concept, STANDARD_LABEL, spec.labels[0])
        self.concepts[row.row.grid_row] = (concept,)

    # ------------------------------------------------------------------ facts
    def _decision(self, row: RowPlan, column: Column) -> FactDecision:
        return FactDecision(row.decision, column.basis, self.table.scale.basis)

    def _add_value(self, row: RowPlan, concept: ConceptInfo, column: Column, amount: Amount) -> None:
        exponent = self.table.exponent_of(row.row)
        note = f"table {self.table.id}, '{row.row.label[:60]}', column '{column.header}'"
        period = row.row.period_in(column)
        if amount.is_dash:
            nil = concept.qname in self.rules.dash_means_nil and concept.nillable
            display = Display(amount.span, None if nil else ZERO_FORMAT, exponent)
            decimals = None if nil else (2 if row.row.unit_kind is UnitKind.PER_SHARE else -exponent)
            value: Decimal | None = None if nil else Decimal(0)
        else:
            value = (amount.signed * row.flip).scaleb(exponent)
            display = Display(amount.span, NUMBER_FORMAT, exponent, sign_negative=value < 0)
            decimals = amount.decimals_shown - exponent
        self.builder.add_fact(
            concept,
            period,
            row.row.unit_kind,
            value,
            decimals,
            display,
            amount.span,
            note,
            decision=self._decision(row, column),
            currency=self.table.currency,
        )

    def _add_row_facts(self, row: RowPlan) -> None:
        for concept in self.concepts[row.row.grid_row]:
            for column, amount in zip(self.table.columns, row.row.values, strict=True):
                if amount is not None:
                    self._add_value(row, concept, column, amount)

    def _add_label_facts(self) -> list[ConceptInfo]:
        concepts = []
        for planned in self.plan.label_facts:
            fact, concept, value = planned.fact, planned.concept, planned.value
            fmt = NUMBER_FORMAT if any(ch.isdigit() for ch in fact.text) else ZERO_FORMAT
            for period in fact.periods:
                self.builder.add_fact(
                    concept,
                    period,
                    fact.unit_kind,
                    value,
                    fact.decimals_shown - fact.exponent,
                    Display(fact.span, fmt, fact.exponent, sign_negative=value < 0),
                    fact.span,
                    f"table {self.table.id}, in the label '{fact.text}'",
                    decision=FactDecision(planned.decision, scale=self.table.scale.basis),
                    currency=self.table.currency,
                )
            if fact.periods and concept not in concepts:
                concepts.append(concept)
                self.builder.label(concept, STANDARD_LABEL, label_from_name(concept.name))
        return concepts

    # ------------------------------------------------------------------ labels and roles
    def _label_concepts(self, row: RowPlan) -> None:
        for concept in self.concepts[row.row.grid_row]:
            standard = self.rules.standard_label(concept.qname) or label_from_name(concept.name)
            self.builder.label(concept, STANDARD_LABEL, standard)
            printed = row.row.label
            if normalize_label(printed) != normalize_label(standard) and not concept.is_extension:
                self.builder.label(concept, TERSE_LABEL, printed)

    def _heading_concept(self, grid_row: int, label: str) -> ConceptInfo:
        """The abstract a heading stands for: the standard one named like it, else an extension."""
        text = label.rstrip(":").strip()
        text = title_case(text) if text.isupper() else text
        concept = self.builder.standard_namesake(text, "Abstract", lambda c: c.abstract) or self.builder.extension(
            [text], "duration", "xbrli:stringItemType", None, abstract=True, suffix="Abstract"
        )
        self.builder.label(concept, STANDARD_LABEL, f"{text} [Abstract]")
        if text != label:
            self.builder.label(concept, TERSE_LABEL, label)
        self.abstracts[grid_row] = concept
        return concept

    def _presentation(self, root: ConceptInfo) -> list[Arc]:
        arcs: list[Arc] = []
        counters: dict[str, int] = {}
        stack: list[tuple[str, ConceptInfo]] = []  # (heading text, abstract)
        attached: set[tuple[str, str]] = set()

        def attach(parent: ConceptInfo, child: ConceptInfo, preferred: str | None = None) -> None:
            if (parent.qname, child.qname) in attached or parent == child:
                return  # a concept shown twice under one heading is presented once
            attached.add((parent.qname, child.qname))
            counters[parent.qname] = counters.get(parent.qname, 0) + 1
            arcs.append(Arc(parent.qname, child.qname, counters[parent.qname], preferred_label=preferred))

        for row in self.table.rows:
            while stack and stack[-1][0] not in row.sections:
                stack.pop()
            parent = stack[-1][1] if stack else root
            if row.kind is RowKind.HEADING:
                abstract = self._heading_concept(row.grid_row, row.label)
                attach(parent, abstract, TERSE_LABEL if self.builder.has_label(abstract, TERSE_LABEL) else None)
                stack.append((row.label, abstract))
            else:
                for concept in self.concepts.get(row.grid_row, ()):
                    preferred = TERSE_LABEL if self.builder.has_label(concept, TERSE_LABEL) else None
                    attach(parent, concept, preferred)
        return arcs

    def _calculation(self) -> list[Arc]:
        arcs = []
        order: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        # a total with an untagged part (an unlabelled row left out) would not add up: no arcs
        partial = {total for total, child, _ in self.plan.weights if not self.concepts[child]}
        for total, child, weight in self.plan.weights:
            if total in partial or not self.concepts[total]:
                continue
            parent, concept = self.concepts[total][0], self.concepts[child][0]
            if parent == concept or (parent.qname, concept.qname) in seen:
                continue
            seen.add((parent.qname, concept.qname))
            order[parent.qname] = order.get(parent.qname, 0) + 1
            arcs.append(Arc(parent.qname, concept.qname, order[parent.qname], weight=weight))
        return arcs

    def _title(self) -> str:
        return title_case(self.table.name or self.table.kind.value.replace("_", " "))

    def assemble(self, order: int, authority: str) -> None:
        self.builder.left_out.extend(self.plan.left_out)
        for row in self.plan.rows:
            self._name_extension(row)
            self._label_concepts(row)
            self._add_row_facts(row)
        statement_rule = self.rules.statement(self.table.kind)
        root = self.taxonomy[statement_rule.root]
        self.builder.label(root, STANDARD_LABEL, label_from_name(root.name.removesuffix("Abstract")) + " [Abstract]")
        title = self._title()
        base = continued_title(title)
        role_id = self.builder.role_id(camel_name(title))
        presentation, calculation = tuple(self._presentation(root)), tuple(self._calculation())
        label_concepts = self._add_label_facts()
        parenthetical = tuple(Arc(root.qname, c.qname, i + 1) for i, c in enumerate(label_concepts))
        continued = base is not None and self.builder.continue_role(
            f"Statement - {base}", root.qname, presentation, calculation
        )
        if continued:
            title = base
        else:
            self.builder.roles.append(
                Role(
                    id=role_id,
                    uri=f"http://{authority}/role/{role_id}",
                    definition=f"{order:07d} - Statement - {title}",
                    presentation=presentation,
                    calculation=calculation,
                )
            )
        if parenthetical and not (
            continued
            and self.builder.continue_role(f"Statement - {title} (Parenthetical)", root.qname, parenthetical, ())
        ):
            self.builder.roles.append(
                Role(
                    id=f"{role_id}Parenthetical",
                    uri=f"http://{authority}/role/{role_id}Parenthetical",
                    definition=f"{order + 1:07d} - Statement - {title} (Parenthetical)",
                    presentation=parenthetical,
                )
            )
