"""Decide, for one statement, each row's concept, the sign of its stored values and the sums its
printed arithmetic shows.

A pure function of the statement, the rules, the taxonomy, what the whole filing prints, and the
(row, concept) pairs the filing-wide settlement refused (see settle.py): nothing here depends on
the order statements are decided in. Rows no standard concept fits get an extension *spec*; names
and ids come at assembly (assemble.py).
"""

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..extract.model import (
    INCOME_STATEMENTS,
    LabelFact,
    Period,
    RowKind,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from ..extract.overrides import NO_OVERRIDES, Overrides, OverridesError, RowOverride
from ..omissions import LeftOut, PartKind
from .builder import EXTENSION_TYPES
from .calc import CalcRow, infer_calculations
from .concepts import (
    UNIT_OF_KIND,
    Match,
    extension_decision,
    fits,
    label_fact_decision,
    match_rule,
    namesake,
    period_type_of,
)
from .model import ConceptInfo, DecidedBy, Decision
from .rules import MappingRules, normalize_label
from .signs import (
    SignPlan,
    cash_flow_income_polarity,
    display_signs,
    income_or_loss_polarity,
    is_oci_concept,
    label_fact_value,
    natural_balance,
    predicted_weight,
    resolve,
    stated_flip,
)

SUPPLEMENTAL = "supplemental"  # the section name of a cash-flow statement's supplemental disclosures
OCI_NET_OF_TAX = "oci_net_of_tax"  # the section name of comprehensive income's components net of tax
_TAX = re.compile(r"(?:\b|pre|after)tax(?:es|ation)?\b", re.I)
_COMPREHENSIVE_TOTAL = re.compile(r"^(?:total )?comprehensive (?:income|loss|\(loss\) income|income \(loss\))", re.I)
# A classified balance sheet's current totals and the sections of the lines above and after them.
_CURRENT_TOTALS = {
    "AssetsCurrent": ("current_assets", "noncurrent_assets"),
    "LiabilitiesCurrent": ("current_liabilities", "noncurrent_liabilities"),
}
_CURRENT_SECTIONS = {"current_assets", "current_liabilities", "noncurrent_assets", "noncurrent_liabilities"}
# A cash-flow statement's activity totals and the section of the lines above them.
_ACTIVITY_TOTALS = {
    f"{prefix}{activity.title()}Activities{suffix}": f"{activity}_activities"
    for activity in ("operating", "investing", "financing")
    for prefix, suffix in (
        ("NetCashProvidedByUsedIn", ""),
        ("NetCashProvidedByUsedIn", "ContinuingOperations"),
        ("CashProvidedByUsedIn", "DiscontinuedOperations"),
    )
}
_ACTIVITY_SECTIONS = frozenset(_ACTIVITY_TOTALS.values())
_SIDE_TOTALS = ("us-gaap:Assets", "us-gaap:LiabilitiesAndStockholdersEquity")
SIDE_TOTAL_CONFIDENCE = 0.9  # placed and adding up, but named by no label
_LIABILITY_SIDE = {"liabilities", "liabilities_and_equity", "current_liabilities", "noncurrent_liabilities", "equity"}
Refusal = tuple[str, int, str]  # (table id, grid row, concept qname): a pair the settlement refused
CurrentSpans = dict[int, tuple[int, int, str, str]]  # side -> (current total's row, side's end, sections)
ActivitySpans = tuple[tuple[int, int, str], ...]  # (after row, total's row, activity section)


@dataclass(frozen=True)
class DecideContext:
    """What every statement's decisions may look at besides the statement itself."""

    rules: MappingRules
    taxonomy: dict[str, ConceptInfo]
    printed: frozenset[str] = frozenset()  # normalized labels of every statement row of the filing
    overrides: Overrides = NO_OVERRIDES  # the user's corrections: they decide before any rule


@dataclass(frozen=True)
class ExtensionSpec:
    """An extension concept a row needs: the labels to name it after, in order of preference."""

    labels: tuple[str, ...]
    period_type: str
    data_type: str
    balance: str | None


@dataclass(frozen=True)
class RowPlan:
    """A value row decided: its standard concepts (or the extension it needs), how its displayed
    values turn into stored ones (flip), and why."""

    row: StatementRow
    sections: frozenset[str]
    side: int  # balance-sheet side: 0 assets, 1 liabilities and equity
    concepts: tuple[ConceptInfo, ...]
    extension: ExtensionSpec | None
    flip: int
    decision: Decision


@dataclass(frozen=True)
class LabelFactPlan:
    fact: LabelFact
    concept: ConceptInfo
    decision: Decision
    value: Decimal  # as stored: the printed number scaled, signed for the concept (signs.label_fact_value)


@dataclass(frozen=True)
class StatementPlan:
    table: StatementTable
    rows: tuple[RowPlan, ...]
    weights: tuple[tuple[int, int, int], ...]  # (total grid row, child grid row, XBRL weight)
    label_facts: tuple[LabelFactPlan, ...] = ()
    left_out: tuple[LeftOut, ...] = ()  # rows not tagged, with why

    def kind_of(self, row: StatementRow) -> StatementKind:
        return row_kind(self.table, row)

    def stored(self, plan: RowPlan) -> list[tuple[Period, Decimal]]:
        """The values a row stores, by period (dashes as zero)."""
        exponent = self.table.exponent_of(plan.row)
        return [
            (plan.row.period_in(column), (amount.signed * plan.flip).scaleb(exponent))
            for column, amount in zip(self.table.columns, plan.row.values, strict=True)
            if amount is not None
        ]


def row_kind(table: StatementTable, row: StatementRow) -> StatementKind:
    """Balances (at the start or end of a flow statement's periods, or dated rows of an equity
    statement) are balance-sheet items."""
    if row.balance_at or (row.period is not None and row.period.is_instant):
        return StatementKind.BALANCE_SHEET
    return table.kind


@dataclass
class _Draft:
    row: StatementRow
    sections: frozenset[str]
    side: int
    match: Match | None = None
    extension: ExtensionSpec | None = None
    override: RowOverride | None = None
    inner: frozenset[str] = frozenset()  # the sections of the heading right above the row


def _names(draft: _Draft) -> set[str]:
    return {c.name for c in draft.match.concepts} if draft.match else set()


def _ends_side(draft: _Draft) -> bool:
    """The last line of a side's noncurrent items: its total, or the start of equity."""
    return bool(_names(draft) & {"Assets", "Liabilities"}) or "equity" in draft.sections


def _silent_on_taxes(table: StatementTable) -> bool:
    """A whole statement of comprehensive income (down to its comprehensive income: not a page of
    one continued on the next) that prints no tax (no tax line, no 'net of tax', no 'before tax',
    in its lines, headings, title or columns): nothing turns its components from before tax to
    after, so they add up to other comprehensive income net of tax, as if a heading said so."""
    if table.kind is not StatementKind.COMPREHENSIVE_INCOME:
        return False
    if not any(_COMPREHENSIVE_TOTAL.match(row.label.strip()) for row in table.rows):
        return False
    texts = [table.title, table.name, *(c.header for c in table.columns)]
    texts += [text for row in table.rows for text in (row.label, *row.sections)]
    return not any(_TAX.search(text) for text in texts)


def _operating_income_lines(monetary: dict[int, _Draft], extensions: set[int]) -> dict[int, int]:
    """Extension rows among the adjustments of operating cash flows named for a gain or income
    alone, with their polarity; not the income the activities start from, nor a change in an
    operating asset or liability."""
    operating = [k for k, d in monetary.items() if "operating_activities" in d.sections and not d.row.balance_at]
    start = min(operating, default=None)
    return {
        k: p
        for k in extensions.intersection(operating) - {start}
        if not monetary[k].sections & {"operating_changes", SUPPLEMENTAL}
        and (p := cash_flow_income_polarity(monetary[k].row.label)) is not None
    }


def _qualifies(part: StatementRow, whole: StatementRow) -> bool:
    """`part`'s label is `whole`'s (a "Total" aside) with more words after it."""
    words = normalize_label(whole.resolved_label or whole.label).removeprefix("total ").strip()
    label = normalize_label(part.resolved_label or part.label)
    return bool(words) and len(label) > len(words) and label.startswith(words) and not label[len(words)].isalnum()


@dataclass
class _Decider:
    table: StatementTable
    context: DecideContext
    refused: set[Refusal] = field(default_factory=set)
    drafts: dict[int, _Draft] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def rules(self) -> MappingRules:
        return self.context.rules

    def _clash(self, a: StatementRow, b: StatementRow) -> bool:
        """Two rows of this statement would give one concept different values for one period."""
        for column, x, y in zip(self.table.columns, a.values, b.values, strict=True):
            if x is None or y is None or a.period_in(column) != b.period_in(column):
                continue
            if x.signed != y.signed or x.is_dash != y.is_dash:
                return True
        return False

    def _usable(self, row: StatementRow, concepts: tuple[ConceptInfo, ...], ignoring: int | None = None) -> bool:
        """Not refused for this row, and no other row of this statement (but `ignoring`) gives them
        other values."""
        for concept in concepts:
            if (self.table.id, row.grid_row, concept.qname) in self.refused:
                return False
            if any(
                k != ignoring and d.match and concept in d.match.concepts and self._clash(d.row, row)
                for k, d in self.drafts.items()
            ):
                return False
        return True

    def _rule_match(self, draft: _Draft, ignoring: int | None = None) -> Match | None:
        """The concepts a draft's row takes by the rules and learned labels, where it sits."""
        row = draft.row
        return match_rule(
            self.rules,
            self.context.taxonomy,
            row_kind(self.table, row),
            row,
            draft.sections,
            lambda concepts: self._usable(row, concepts, ignoring),
            self.context.printed,
            draft.inner,
        )

    def _draft_rows(self) -> None:
        """Every value row matched to its rule. A balance sheet is drafted twice when the first
        draft finds a current assets' (liabilities') total: on its side the lines above it are
        current and those after it, up to the side's end or equity, noncurrent, with or without
        headings saying so. An assets side whose total is printed without words ends at that last
        line: nothing but noncurrent assets follows the current ones there (a liabilities side
        goes on to equity, so its end must be found)."""
        self._draft({})
        if self.table.kind is StatementKind.CASH_FLOWS:
            activities = self._activity_spans()
            if activities:
                self._draft({}, activities)
            return
        if self.table.kind is not StatementKind.BALANCE_SHEET:
            return
        spans: CurrentSpans = {}
        for key, draft in self.drafts.items():
            for name in _names(draft) & _CURRENT_TOTALS.keys():
                ends = [k for k, d in self.drafts.items() if k > key and d.side == draft.side and _ends_side(d)]
                end = min(ends, default=self._unlabelled_assets_total(draft.side) or key)
                spans.setdefault(draft.side, (key, end, *_CURRENT_TOTALS[name]))
        if spans:
            self._draft(spans)

    def _last_line(self, side: int) -> int | None:
        """The last line of amounts of money on a balance sheet's side (where its total stands)."""
        return max(
            (k for k, d in self.drafts.items() if d.side == side and d.row.unit_kind is UnitKind.MONETARY), default=None
        )

    def _unlabelled_assets_total(self, side: int) -> int | None:
        """The assets side's last line, when it has no words: its total (see _side_total)."""
        last = self._last_line(side)
        if side != 0 or last is None or self.drafts[last].row.label.strip():
            return None
        return last

    def _activity_spans(self) -> ActivitySpans:
        """(after, total, section): the lines between one activity's total and the next (operating,
        investing, financing) are that activity's, with or without a heading saying so (GE prints
        none: 'Dividends paid to shareholders' stands above 'Cash from (used for) financing
        activities' only)."""
        spans = []
        after = -1
        for key, draft in sorted(self.drafts.items()):
            found = [_ACTIVITY_TOTALS[n] for n in _names(draft) if n in _ACTIVITY_TOTALS]
            if found:
                spans.append((after, key, found[0]))
                after = key
        return tuple(spans)

    def _draft(self, spans: CurrentSpans, activities: ActivitySpans = ()) -> None:
        self.drafts = {}  # filled row by row: a row's concepts must not clash with those above
        side = 0
        closed = False  # past a cash-flow statement's closing cash balance
        net_of_tax = {OCI_NET_OF_TAX} if _silent_on_taxes(self.table) else set()
        for row in self.table.rows:
            sections = self.rules.section_names(row.sections + ((row.label,) if row.kind is RowKind.HEADING else ()))
            inner = self.rules.section_names(row.sections[-1:])  # the heading right above the row
            if self.table.kind is StatementKind.BALANCE_SHEET and sections & _LIABILITY_SIDE:
                side = 1
            placed: set[str] = set(net_of_tax)  # sections the row sits in by its place, not by a heading
            if side in spans and not sections & _CURRENT_SECTIONS:
                total, end, current, noncurrent = spans[side]
                if row.grid_row < total:
                    placed.add(current)
                elif total < row.grid_row < end:
                    placed.add(noncurrent)
            if not sections & _ACTIVITY_SECTIONS:
                placed.update(name for after, total, name in activities if after < row.grid_row < total)
            if closed:  # what follows the reconciliation of cash is disclosed beside it, not part of it
                placed.add(SUPPLEMENTAL)
            sections, inner = sections | placed, inner | placed
            closed = closed or (self.table.kind is StatementKind.CASH_FLOWS and row.balance_at == "end")
            if row.kind is RowKind.HEADING or not row.has_values:
                continue
            draft = _Draft(row, sections, side, override=self._overrides.get(row.grid_row), inner=inner)
            if draft.override is not None and draft.override.untagged:
                continue
            if not self._overridden(draft):
                draft.match = self._rule_match(draft)
            self.drafts[row.grid_row] = draft
            if "Assets" in _names(draft):
                side = 1

    def _override_decision(self, override: RowOverride, what: str) -> Decision:
        return Decision(DecidedBy.OVERRIDE, f"{self.context.overrides.where(override.line)}: {what}", 1.0)

    def _override_error(self, override: RowOverride, problem: str) -> OverridesError:
        return OverridesError(f"{self.context.overrides.where(override.line)}: {problem}")

    def _overriding_concept(self, override: RowOverride, row: StatementRow) -> ConceptInfo:
        """The concept an override names, if it can carry the row's values (else an error with its line)."""
        concept = self.context.taxonomy[override.concept]
        period_type = period_type_of(row_kind(self.table, row))
        if concept.period_type != period_type or concept.kind != UNIT_OF_KIND[row.unit_kind]:
            raise self._override_error(
                override,
                f"{concept.qname} takes {concept.period_type} {concept.kind} values, but row "
                f"'{' '.join(row.label.split())}' of '{self.table.name or self.table.kind.value}' prints "
                f"{period_type} {row.unit_kind.value} amounts",
            )
        return concept

    def _overridden(self, draft: _Draft) -> bool:
        """A row whose concept an override names: that concept, or a new extension so labelled."""
        override = draft.override
        if override is None or not (override.concept or override.extension):
            return False
        if override.concept:
            decision = self._override_decision(override, f"concept {override.concept}")
            draft.match = Match((self._overriding_concept(override, draft.row),), decision)
        else:
            kind = row_kind(self.table, draft.row)
            unit = draft.row.unit_kind
            draft.extension = ExtensionSpec((override.extension,), period_type_of(kind), EXTENSION_TYPES[unit], None)
        return True

    # ------------------------------------------------------------------ signs and calculations
    def _as_shown(self, draft: _Draft) -> bool:
        return bool(draft.match) and any(c.qname in self.rules.cash_flow_as_shown for c in draft.match.concepts)

    def _sign_plan(self) -> SignPlan:
        monetary = {k: d for k, d in self.drafts.items() if d.row.unit_kind is UnitKind.MONETARY}
        extensions = {k for k, d in monetary.items() if not d.match}
        cash = self.table.kind is StatementKind.CASH_FLOWS
        polar = {k: p for k in extensions if (p := income_or_loss_polarity(monetary[k].row.label)) is not None}
        if cash:
            polar |= _operating_income_lines(monetary, extensions - polar.keys())
        plan = SignPlan(
            balances={
                k: (d.match.concepts[0].balance if d.match else "credit" if k in polar else None)
                for k, d in monetary.items()
            },
            extension_rows=extensions,
            natural={k: natural_balance(self.table.kind, d.side, d.sections) for k, d in monetary.items()},
            display={k: display_signs(d.row) for k, d in monetary.items()},
            cash_effect={
                k for k, d in monetary.items() if cash and SUPPLEMENTAL not in d.sections and not self._as_shown(d)
            },
            as_shown={k for k, d in monetary.items() if cash and self._as_shown(d)},
            oci_effect={
                k
                for k, d in monetary.items()
                if self.table.kind in INCOME_STATEMENTS  # where OCI lines print their effect on it
                and d.match
                and is_oci_concept(d.match.concepts[0].name)
                and not self.rules.reads_as_deduction(d.row.label)
            },
            stated=polar
            | {
                k: flip
                for k, d in monetary.items()
                if d.match and not cash and (flip := stated_flip(d.row.label, d.match.concepts[0])) is not None
            }
            | self._signs_overridden(monetary),
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
            CalcRow(k, d.row.resolved_label or d.row.label, d.row.values, d.side, d.row.sections)
            for k, d in monetary.items()
            if not d.row.balance_at and d.row.period is None  # rows in other contexts than the columns'
        ]
        groups = infer_calculations(rows, lambda total, child: predicted_weight(plan, total, child))
        return resolve(plan, groups)

    @staticmethod
    def _signs_overridden(drafts: dict[int, _Draft]) -> dict[int, int]:
        return {k: d.override.sign.flip for k, d in drafts.items() if d.override and d.override.sign}

    def _sign_clashes(self, plan: SignPlan) -> set[Refusal]:
        """Rows whose stored values, signs decided, contradict an earlier row of this statement for
        one concept: rows that agree in size but not in sign (a reconciliation showing an item's
        opposite) cannot share a concept."""
        stored: dict[tuple[str, Period], Decimal] = {}
        clashes = set()
        for key, draft in self.drafts.items():
            if not draft.match:
                continue
            exponent = self.table.exponent_of(draft.row)
            flip = plan.flips.get(key, 1)
            for column, amount in zip(self.table.columns, draft.row.values, strict=True):
                if amount is None or amount.is_dash:
                    continue
                value = (amount.signed * flip).scaleb(exponent)
                for concept in draft.match.concepts:
                    if stored.setdefault((concept.qname, draft.row.period_in(column)), value) != value:
                        clashes.add((self.table.id, key, concept.qname))
        return clashes

    def _totals_displaced(self, plan: SignPlan) -> set[Refusal]:
        """Lines that took the concept their total's label names, which the total then could not
        take, where the line's label is the total's with a qualifier after it: the total is the
        whole of what both name (GE's "Earnings from discontinued operations" 753 adds up the
        operations' "Earnings from discontinued operations, net of income taxes" 75 and the gain
        on their transfer 678), so the line gives the concept up. A total naming more ("... available
        to common stockholders") is another thing, whatever rule matches it."""
        displaced = set()
        for total, child in plan.weights:
            whole, part = self.drafts.get(total), self.drafts.get(child)
            if whole is None or part is None or whole.match or not part.match or whole.override:
                continue
            if not _qualifies(part.row, whole.row):  # a total naming more is another thing
                continue
            free = self._rule_match(whole, ignoring=child)
            if free is not None and free.concepts == part.match.concepts:
                displaced.update((self.table.id, child, c.qname) for c in part.match.concepts)
        return displaced

    def _signs_agreeing(self) -> SignPlan:
        """Concepts and signs for every row; a row whose signs clash, or that took its total's
        concept, is drafted again without that concept (at most once per concept, so this ends)."""
        while True:
            self._draft_rows()
            plan = self._sign_plan()
            clashes = (self._sign_clashes(plan) | self._totals_displaced(plan)) - self.refused
            if not clashes:
                return plan
            self.refused |= clashes

    # ------------------------------------------------------------------ rows no rule knows
    def _subtotal_label(self, key: int, plan: SignPlan) -> str | None:
        """An unlabelled row's label: the subtotal of the lines it adds up ("Subtotal of Unrealized
        holding gains on derivatives and Reclassification adjustments"), if they add up to it."""
        parts = [self.drafts[child].row for (total, child) in plan.weights if total == key]
        if not parts:
            return None
        names = [p.resolved_label or p.label for p in parts]
        joined = " and ".join(names) if len(names) == 2 else f"{names[0]} through {names[-1]}"
        return f"Subtotal of {joined}"

    def _side_total(self, key: int, plan: SignPlan) -> Match | None:
        """A balance sheet's unlabelled last line of a side that adds up the lines above it is the
        side's total: total assets, or total liabilities and equity."""
        draft = self.drafts[key]
        if self.table.kind is not StatementKind.BALANCE_SHEET or key != self._last_line(draft.side):
            return None
        if not any(total == key for total, _ in plan.weights):
            return None
        concept = self.context.taxonomy.get(_SIDE_TOTALS[draft.side])
        if concept is None or not self._usable(draft.row, (concept,)):
            return None
        side = ("assets", "liabilities and equity")[draft.side]
        detail = f"the unlabelled last line of the balance sheet's {side} adds up the lines above it"
        return Match((concept,), Decision(DecidedBy.RULE, detail, SIDE_TOTAL_CONFIDENCE))

    def _extensions(self, plan: SignPlan) -> None:
        """Rows no rule mapped: a standard concept named like the label, else an extension. A row
        printed without a label is the subtotal of the lines it adds up, else left out: what its
        amounts are is not printed."""
        for key, draft in self.drafts.items():
            if draft.match:
                continue
            row = draft.row
            if draft.extension is not None:  # an override's: balanced as the signs decided
                balance = plan.balances.get(key) if row.unit_kind is UnitKind.MONETARY else None
                draft.extension = replace(draft.extension, balance=balance)
                continue
            draft.match = None if row.label.strip() else self._side_total(key, plan)
            if draft.match:
                continue
            label = row.resolved_label or row.label
            if not label.strip():
                label = self._subtotal_label(key, plan) or ""
                if not label:
                    self.left_out.append(
                        LeftOut(
                            PartKind.ROW,
                            f"unlabelled row of {len([v for v in row.values if v])} amounts",
                            "no label says what its amounts are and they add up no lines above it",
                            f"table {self.table.id}, row {row.grid_row}",
                        )
                    )
                    continue
            kind = row_kind(self.table, row)
            balance = plan.balances.get(key) if row.unit_kind is UnitKind.MONETARY else None
            draft.match = namesake(
                self.context.taxonomy,
                label,
                lambda c, row=row, kind=kind, balance=balance, sections=draft.sections: (
                    fits(c, kind, row.unit_kind, sections) and c.balance == balance and self._usable(row, (c,))
                ),
                draft.sections,
                kind,
            )
            if draft.match is None:
                labels = (label, *(f"{h.rstrip(':')} {label}" for h in reversed(row.sections[-1:])))
                draft.extension = ExtensionSpec(labels, period_type_of(kind), EXTENSION_TYPES[row.unit_kind], balance)

    def _label_facts(self) -> tuple[LabelFactPlan, ...]:
        plans = []
        for fact in self.table.label_facts:
            rule = next((r for r in self.rules.label_facts if (r.subject, r.kind) == (fact.subject, fact.kind)), None)
            concept = self.context.taxonomy.get(rule.concept) if rule else None
            if concept is None or any((p.start is None) != (concept.period_type == "instant") for p in fact.periods):
                continue
            decision = label_fact_decision(rule, fact.tax_direction)
            plans.append(LabelFactPlan(fact, concept, decision, label_fact_value(fact, concept)))
        return tuple(plans)

    def _extension_decision(self, draft: _Draft) -> Decision:
        if draft.override and draft.override.extension:
            return self._override_decision(draft.override, f"new extension concept '{draft.override.extension}'")
        return extension_decision()

    @functools.cached_property
    def _overrides(self) -> dict[int, RowOverride]:
        """The user's override of each value row that has one, by grid row."""
        found = (
            (row.grid_row, self.context.overrides.for_row(self.table.kind, row))
            for row in self.table.rows
            if row.kind is not RowKind.HEADING and row.has_values
        )
        return {key: override for key, override in found if override is not None}

    def _check_overrides_name_one_row(self) -> None:
        """An override naming a concept applies to one row of a statement: two rows of one concept
        would give it two values (a bare "Total" under assets and under liabilities)."""
        rows: dict[int, list[StatementRow]] = defaultdict(list)
        by_key = {row.grid_row: row for row in self.table.rows}
        for key, override in self._overrides.items():
            if override.concept or override.extension:
                rows[override.line].append(by_key[key])
        for line, matched in rows.items():
            if len(matched) > 1:
                where = ", ".join(f"'{' '.join(r.label.split())}' (row {r.grid_row})" for r in matched)
                raise OverridesError(
                    f"{self.context.overrides.where(line)}: matches {len(matched)} rows of "
                    f"'{self.table.name or self.table.kind.value}' ({where}); one concept takes one row of a "
                    "statement: match it by a longer label or a pattern"
                )

    def plan(self) -> StatementPlan:
        self._check_overrides_name_one_row()
        signs = self._signs_agreeing()
        self._extensions(signs)
        rows = tuple(
            RowPlan(
                d.row,
                d.sections,
                d.side,
                d.match.concepts if d.match else (),
                d.extension,
                signs.flips.get(key, d.override.sign.flip if d.override and d.override.sign else 1),
                d.match.decision if d.match else self._extension_decision(d),
            )
            for key, d in self.drafts.items()
        )
        weights = tuple((total, child, weight) for (total, child), weight in signs.weights.items())
        return StatementPlan(self.table, rows, weights, self._label_facts(), tuple(self.left_out) + self._untagged())

    def _untagged(self) -> tuple[LeftOut, ...]:
        """The rows an override leaves untagged, each reported as left out."""
        where = self.context.overrides.where
        return tuple(
            LeftOut(
                PartKind.ROW,
                f"'{' '.join(row.label.split())}' of '{self.table.name or self.table.kind.value}'",
                f"an override leaves it untagged ({where(self._overrides[row.grid_row].line)})",
                f"table {self.table.id}, row {row.grid_row}",
            )
            for row in self.table.rows
            if row.grid_row in self._overrides and self._overrides[row.grid_row].untagged
        )


def decide_statement(table: StatementTable, context: DecideContext, refused: frozenset[Refusal]) -> StatementPlan:
    """Every value row of `table` decided; `refused` (row, concept) pairs are not used."""
    return _Decider(table, context, set(refused)).plan()
