"""Map one extracted statement to facts, extension concepts, calculations and presentation."""

from dataclasses import dataclass
from decimal import Decimal

from ..extract.model import Amount, Period, RowKind, StatementKind, StatementRow, StatementTable, UnitKind
from ..extract.statements import continued_title
from .builder import EXTENSION_TYPES, FactModelBuilder
from .calc import CalcRow, infer_calculations
from .concepts import fits, match_rule, period_type_of
from .model import STANDARD_LABEL, TERSE_LABEL, Arc, ConceptInfo, Display, Role
from .names import camel_name, label_from_name, title_case
from .rules import MappingRules, normalize_label
from .signs import SignPlan, display_signs, natural_balance, predicted_weight, resolve

_LIABILITY_SIDE = {"liabilities", "liabilities_and_equity", "current_liabilities", "noncurrent_liabilities", "equity"}
NUMBER_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"


@dataclass
class _RowPlan:
    row: StatementRow
    sections: frozenset[str]
    side: int
    concepts: tuple[ConceptInfo, ...] = ()


class StatementMapper:
    """Turns a StatementTable into builder entries; one instance per statement."""

    def __init__(
        self, table: StatementTable, rules: MappingRules, taxonomy: dict[str, ConceptInfo], builder: FactModelBuilder
    ) -> None:
        self.table, self.rules, self.taxonomy, self.builder = table, rules, taxonomy, builder
        self.plans: dict[int, _RowPlan] = {}
        self.abstracts: dict[int, ConceptInfo] = {}
        self.refused: set[tuple[int, str]] = set()  # (row, concept) pairs whose stored signs would clash

    # ------------------------------------------------------------------ concepts
    def _kind_of(self, row: StatementRow) -> StatementKind:
        """Balances (at the start or end of a flow statement's periods, or dated rows of an equity
        statement) are balance-sheet items."""
        if row.balance_at or (row.period is not None and row.period.is_instant):
            return StatementKind.BALANCE_SHEET
        return self.table.kind

    def _value_of(self, row: StatementRow, amount: Amount) -> Decimal | None:
        if amount.is_dash:
            return None
        exponent = self.table.exponent_of(row)
        return amount.magnitude.scaleb(exponent)

    def _clash(self, a: StatementRow, b: StatementRow) -> bool:
        """Two rows of this statement would give one concept different values for one period."""
        for column, x, y in zip(self.table.columns, a.values, b.values, strict=True):
            if x is None or y is None or a.period_in(column) != b.period_in(column):
                continue
            if x.signed != y.signed or x.is_dash != y.is_dash:
                return True
        return False

    def _is_usable(self, row: StatementRow, concepts: tuple[ConceptInfo, ...]) -> bool:
        """No other row of this statement, and no fact already made, gives these concepts other values."""
        for concept in concepts:
            if (row.grid_row, concept.qname) in self.refused:
                return False
            if any(concept in p.concepts and self._clash(p.row, row) for p in self.plans.values()):
                return False
            for column, amount in zip(self.table.columns, row.values, strict=True):
                value = None if amount is None else self._value_of(row, amount)
                if amount is not None and self.builder.conflicts(concept, row.period_in(column), value):
                    return False
        return True

    def _plan_rows(self) -> None:
        self.plans = {}
        side = 0
        for row in self.table.rows:
            sections = self.rules.section_names(row.sections + ((row.label,) if row.kind is RowKind.HEADING else ()))
            if self.table.kind is StatementKind.BALANCE_SHEET and sections & _LIABILITY_SIDE:
                side = 1
            if row.kind is RowKind.HEADING or not row.has_values:
                continue
            plan = _RowPlan(row, sections, side)
            plan.concepts = (
                match_rule(
                    self.rules,
                    self.taxonomy,
                    self._kind_of(row),
                    row,
                    sections,
                    lambda concepts, row=row: self._is_usable(row, concepts),
                )
                or ()
            )
            self.plans[row.grid_row] = plan
            if any(c.name == "Assets" and not c.is_extension for c in plan.concepts):
                side = 1

    # ------------------------------------------------------------------ signs and calculations
    def _sign_plan(self) -> tuple[SignPlan, list]:
        monetary = {k: p for k, p in self.plans.items() if p.row.unit_kind is UnitKind.MONETARY}
        extensions = {k for k, p in monetary.items() if not p.concepts}
        cash = self.table.kind is StatementKind.CASH_FLOWS
        plan = SignPlan(
            balances={k: (p.concepts[0].balance if p.concepts else None) for k, p in monetary.items()},
            extension_rows=extensions,
            natural={k: natural_balance(self.table.kind, p.side, p.sections) for k, p in monetary.items()},
            display={k: display_signs(p.row) for k, p in monetary.items()},
            cash_effect={
                k for k, p in monetary.items() if cash and "supplemental" not in p.sections and not self._as_shown(p)
            },
            as_shown={k for k, p in monetary.items() if cash and self._as_shown(p)},
            deductions={k for k in extensions if self.rules.reads_as_deduction(monetary[k].row.label)},
            asset_changes={
                k
                for k in extensions
                if cash
                and "operating_changes" in monetary[k].sections
                and self.rules.is_asset_change(monetary[k].row.label)
            },
        )
        rows = [
            CalcRow(k, p.row.resolved_label or p.row.label, p.row.values, p.side, p.row.sections)
            for k, p in monetary.items()
            if not p.row.balance_at and p.row.period is None  # rows in other contexts than the columns'
        ]
        groups = infer_calculations(rows, lambda total, child: predicted_weight(plan, total, child))
        return resolve(plan, groups), groups

    def _as_shown(self, plan: _RowPlan) -> bool:
        return any(c.qname in self.rules.cash_flow_as_shown for c in plan.concepts)

    def _finish_extensions(self, plan: SignPlan) -> None:
        """Rows no rule mapped: a standard concept named like the label, else an extension."""
        for key, p in self.plans.items():
            if p.concepts:
                continue
            label = p.row.resolved_label or p.row.label
            ptype = period_type_of(self._kind_of(p.row))
            balance = plan.balances.get(key) if p.row.unit_kind is UnitKind.MONETARY else None
            namesake = self.builder.standard_namesake(
                label,
                "",
                lambda c, row=p.row, balance=balance: (
                    fits(c, self._kind_of(row), row.unit_kind) and c.balance == balance and self._is_usable(row, (c,))
                ),
            )
            labels = [label] + [f"{h.rstrip(':')} {label}" for h in reversed(p.row.sections[-1:])]
            extension = namesake or self.builder.extension(
                labels,
                ptype,
                EXTENSION_TYPES[p.row.unit_kind],
                balance,
                usable=lambda c, row=p.row: self._is_usable(row, (c,)),
            )
            p.concepts = (extension,)
            if not p.concepts[0].is_extension:
                continue
            self.builder.label(p.concepts[0], STANDARD_LABEL, label)

    # ------------------------------------------------------------------ facts
    def _add_row_facts(self, p: _RowPlan, flip: int) -> None:
        row = p.row
        exponent = self.table.exponent_of(row)
        for concept in p.concepts:
            for column, amount in zip(self.table.columns, row.values, strict=True):
                if amount is None:
                    continue
                note = f"table {self.table.id}, '{row.label[:60]}', column '{column.header}'"
                if amount.is_dash:
                    nil = concept.qname in self.rules.dash_means_nil and concept.nillable
                    display = Display(amount.span, None if nil else ZERO_FORMAT, exponent)
                    decimals = None if nil else (2 if row.unit_kind is UnitKind.PER_SHARE else -exponent)
                    self.builder.add_fact(
                        concept,
                        row.period_in(column),
                        row.unit_kind,
                        None if nil else Decimal(0),
                        decimals,
                        display,
                        amount.span,
                        note,
                        currency=self.table.currency,
                    )
                    continue
                value = (amount.signed * flip).scaleb(exponent)
                display = Display(amount.span, NUMBER_FORMAT, exponent, sign_negative=value < 0)
                self.builder.add_fact(
                    concept,
                    row.period_in(column),
                    row.unit_kind,
                    value,
                    amount.decimals_shown - exponent,
                    display,
                    amount.span,
                    note,
                    currency=self.table.currency,
                )

    def _add_label_facts(self) -> list[ConceptInfo]:
        concepts = []
        for fact in self.table.label_facts:
            rule = next((r for r in self.rules.label_facts if (r.subject, r.kind) == (fact.subject, fact.kind)), None)
            concept = self.taxonomy.get(rule.concept) if rule else None
            if concept is None or any((p.start is None) != (concept.period_type == "instant") for p in fact.periods):
                continue
            exponent = fact.exponent
            value = fact.value.scaleb(exponent)
            fmt = NUMBER_FORMAT if any(ch.isdigit() for ch in fact.text) else ZERO_FORMAT
            for period in fact.periods:
                if self.builder.conflicts(concept, period, value):
                    continue
                self.builder.add_fact(
                    concept,
                    period,
                    fact.unit_kind,
                    value,
                    fact.decimals_shown - exponent,
                    Display(fact.span, fmt, exponent),
                    fact.span,
                    f"table {self.table.id}, in the label '{fact.text}'",
                    currency=self.table.currency,
                )
            if concept not in concepts:
                concepts.append(concept)
                self.builder.label(concept, STANDARD_LABEL, label_from_name(concept.name))
        return concepts

    # ------------------------------------------------------------------ labels and roles
    def _label_concepts(self, p: _RowPlan) -> None:
        for concept in p.concepts:
            standard = self.rules.standard_label(concept.qname) or label_from_name(concept.name)
            self.builder.label(concept, STANDARD_LABEL, standard)
            printed = p.row.label
            if normalize_label(printed) != normalize_label(standard) and not concept.is_extension:
                self.builder.label(concept, TERSE_LABEL, printed)

    def _heading_concept(self, row: StatementRow) -> ConceptInfo:
        """The abstract a heading stands for: the standard one named like it, else an extension."""
        text = row.label.rstrip(":").strip()
        text = title_case(text) if text.isupper() else text
        concept = self.builder.standard_namesake(text, "Abstract", lambda c: c.abstract) or self.builder.extension(
            [text], "duration", "xbrli:stringItemType", None, abstract=True, suffix="Abstract"
        )
        self.builder.label(concept, STANDARD_LABEL, f"{text} [Abstract]")
        if text != row.label:
            self.builder.label(concept, TERSE_LABEL, row.label)
        self.abstracts[row.grid_row] = concept
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
                abstract = self._heading_concept(row)
                attach(parent, abstract, TERSE_LABEL if self.builder.has_label(abstract, TERSE_LABEL) else None)
                stack.append((row.label, abstract))
            elif row.grid_row in self.plans:
                for concept in self.plans[row.grid_row].concepts:
                    preferred = TERSE_LABEL if self.builder.has_label(concept, TERSE_LABEL) else None
                    attach(parent, concept, preferred)
        return arcs

    def _calculation(self, plan: SignPlan) -> list[Arc]:
        arcs = []
        order: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        for (total, child), weight in plan.weights.items():
            parent = self.plans[total].concepts[0]
            concept = self.plans[child].concepts[0]
            if parent == concept or (parent.qname, concept.qname) in seen:
                continue
            seen.add((parent.qname, concept.qname))
            order[parent.qname] = order.get(parent.qname, 0) + 1
            arcs.append(Arc(parent.qname, concept.qname, order[parent.qname], weight=weight))
        return arcs

    def _title(self) -> str:
        return title_case(self.table.name or self.table.kind.value.replace("_", " "))

    def _stored_values(self, p: _RowPlan, flip: int) -> list[tuple[Period, Decimal]]:
        exponent = self.table.exponent_of(p.row)
        return [
            (p.row.period_in(column), (amount.signed * flip).scaleb(exponent))
            for column, amount in zip(self.table.columns, p.row.values, strict=True)
            if amount is not None and not amount.is_dash
        ]

    def _sign_clashes(self, plan: SignPlan) -> set[tuple[int, str]]:
        """Rows whose stored values, signs decided, contradict a fact already made or an earlier
        row of this statement: rows that agree in size but not in sign (a reconciliation that
        shows an item's opposite) cannot share a concept."""
        stored: dict[tuple[str, Period], Decimal] = {}
        clashes = set()
        for key, p in self.plans.items():
            for concept in p.concepts:
                for period, value in self._stored_values(p, plan.flips.get(key, 1)):
                    known = stored.setdefault((concept.qname, period), value)
                    if known != value or self.builder.contradicts(concept, period, value):
                        clashes.add((key, concept.qname))
        return clashes

    def _plan_until_signs_agree(self) -> SignPlan:
        """Concepts and signs for every row; a row whose signs clash is planned again without the
        concept it clashed on (at most once per concept, so this ends)."""
        while True:
            self._plan_rows()
            plan, _ = self._sign_plan()
            clashes = self._sign_clashes(plan) - self.refused
            if not clashes:
                return plan
            self.refused |= clashes

    def map(self, order: int, authority: str) -> None:
        plan = self._plan_until_signs_agree()
        self._finish_extensions(plan)
        for key, p in self.plans.items():
            self._label_concepts(p)
            self._add_row_facts(p, plan.flips.get(key, 1))
        statement_rule = self.rules.statement(self.table.kind)
        root = self.taxonomy[statement_rule.root]
        self.builder.label(root, STANDARD_LABEL, label_from_name(root.name.removesuffix("Abstract")) + " [Abstract]")
        title = self._title()
        base = continued_title(title)
        role_id = self.builder.role_id(camel_name(title))
        presentation, calculation = tuple(self._presentation(root)), tuple(self._calculation(plan))
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
