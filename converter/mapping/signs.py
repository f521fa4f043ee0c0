"""Decide the sign of every stored value and the balance of every extension concept.

Statements print deductions in parentheses; XBRL stores most of them as positive numbers and
lets the concept's balance type say which way they count. A row's *flip* (+1 or -1) turns its
displayed values into stored values:

- a row in a calculation takes its flip from the arithmetic: if `total = sum(w * shown)` and the
  XBRL weight is `wx` (+1 when child and total have the same balance), then
  `flip(child) = w * wx * flip(total)`;
- any other row is flipped when its concept's balance is opposite to the natural balance of where
  it sits and the row shows deductions: always in the body of a cash-flow statement (every row
  there shows its effect on cash: an increase in receivables, a credit, shows as a negative), for
  a concept of other comprehensive income always too (each component shows its effect on OCI: the
  pension adjustment, a debit, stores a gain negative), elsewhere when all its values are shown
  negative (treasury stock in equity, "Interest expense (1)"), except the income a cash-flow
  statement starts from, stored as printed (a net loss stays negative);
- an extension concept (whose meaning no taxonomy states) of a line pairing income with expense
  or a gain with a loss, or of an operating cash-flow adjustment named for a gain or income alone,
  is stored income-positive, with a credit balance unless it adds into a total with the opposite
  weight (a loss reclassified out of other comprehensive income adds to it: a debit stored
  negative, subtracted); any other is stored as shown, with the natural balance of where it sits,
  unless its label reads as a deduction and it is always shown negative (stored positive, opposite
  balance), or it is an asset's change among a cash-flow statement's changes in operating assets
  and liabilities (stored as the asset's increase); a cash-flow extension shown with both signs is
  a net amount and gets no balance;
- a standard concept whose label says how its printed sign reads ("Other (income) expense") is
  stored by what the label says against what the concept counts positive.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..extract.model import LabelFact, StatementKind, StatementRow, TaxDirection
from .calc import CalcGroup
from .model import ConceptInfo

OPPOSITE = {"debit": "credit", "credit": "debit"}


@dataclass
class SignPlan:
    """Mutable working state for one statement; the results are read back by the caller."""

    balances: dict[int, str | None]  # row -> balance of its concept (None: no balance / undecided)
    extension_rows: set[int]
    natural: dict[int, str]  # row -> natural balance of where it sits
    display: dict[int, str]  # row -> "negative" | "positive" | "mixed" (signs of its shown values)
    cash_effect: set[int]  # rows showing their effect on cash (cash-flow statement body)
    oci_effect: set[int] = field(default_factory=set)  # rows of OCI concepts: shown as their effect on OCI
    deductions: set[int] = field(default_factory=set)  # extension rows whose label reads as a deduction
    asset_changes: set[int] = field(default_factory=set)  # extension rows that are an asset's change
    as_shown: set[int] = field(default_factory=set)  # rows stored as printed (the income a cash flow starts from)
    stated: dict[int, int] = field(default_factory=dict)  # rows whose label says how their sign reads
    flips: dict[int, int] = field(default_factory=dict)
    weights: dict[tuple[int, int], int] = field(default_factory=dict)  # (total, child) -> XBRL weight


def natural_balance(kind: StatementKind, side: int, sections: frozenset[str]) -> str:
    """The balance a row's position implies: assets debit, liabilities and equity credit, income
    credit, expenses debit, cash inflows debit."""
    if kind is StatementKind.BALANCE_SHEET:
        return "debit" if side == 0 else "credit"
    if kind is StatementKind.CASH_FLOWS:
        return "debit"
    return "debit" if "operating_expenses" in sections else "credit"


def display_signs(row: StatementRow) -> str:
    shown = [v.negative for v in row.values if v is not None and not v.is_dash and v.magnitude]
    if shown and all(shown):
        return "negative"
    return "mixed" if any(shown) else "positive"


def _stored_as_deduction(plan: SignPlan, row: int) -> bool:
    return row in plan.asset_changes or (plan.display[row] == "negative" and row in plan.deductions)


def _decide_extension(plan: SignPlan, row: int) -> None:
    if _stored_as_deduction(plan, row):
        plan.balances[row] = OPPOSITE[plan.natural[row]]
    elif plan.display[row] == "mixed" and row in plan.cash_effect:
        plan.balances[row] = None
    else:
        plan.balances[row] = plan.natural[row]


def _rule_flip(plan: SignPlan, row: int) -> int:
    if row in plan.stated:
        return plan.stated[row]
    if row in plan.as_shown:
        return 1
    if row in plan.extension_rows and row not in plan.flips and plan.balances.get(row) is None:
        _decide_extension(plan, row)
    balance = plan.balances.get(row)
    shows_deduction = row in plan.cash_effect or row in plan.oci_effect or plan.display[row] == "negative"
    return -1 if balance and balance != plan.natural[row] and shows_deduction else 1


def _child_flip(plan: SignPlan, total: int, child: int, weight: int) -> None:
    tb, cb = plan.balances.get(total), plan.balances.get(child)
    if child in plan.stated:  # the label says how it reads: the arithmetic gives the weight
        flip = plan.stated[child]
        xbrl_weight = weight * flip * plan.flips[total]
        if child in plan.extension_rows and tb:  # and an extension's balance, so the two agree
            plan.balances[child] = tb if xbrl_weight == 1 else OPPOSITE[tb]
    elif child in plan.extension_rows and cb is None:
        flip = -1 if _stored_as_deduction(plan, child) else 1
        xbrl_weight = weight * flip * plan.flips[total]
        plan.balances[child] = (tb if xbrl_weight == 1 else OPPOSITE[tb]) if tb else None
    elif tb and cb:
        xbrl_weight = 1 if tb == cb else -1
        flip = weight * xbrl_weight * plan.flips[total]
    else:
        flip = _rule_flip(plan, child)
        xbrl_weight = weight * flip * plan.flips[total]
    plan.flips[child] = flip
    plan.weights[(total, child)] = xbrl_weight


def predicted_weight(plan: SignPlan, total: int, child: int) -> int:
    """The display weight the balance types predict, to break ties in calculation inference."""
    tb, cb = plan.balances.get(total), plan.balances.get(child)
    deducts = child in plan.cash_effect or child in plan.oci_effect or plan.display[child] == "negative"
    sign = -1 if deducts and cb and cb != plan.natural[child] else 1
    return sign * (1 if not tb or not cb or tb == cb else -1)


def _balances_from_parts(plan: SignPlan, groups: list[CalcGroup]) -> None:
    """An extension total (outside a cash-flow statement's body) takes the balance of the parts
    that add into it as it shows: added, shown with the total's own sign. "Total operating cost and
    expenses" over cost of sales, R&D and SG&A is a debit, whatever an income statement's natural
    credit; "Interest, net" over debt interest (debit) and interest income shown negative, too."""
    for group in groups:  # a group's parts come before it, so nested totals are settled first
        total = group.total
        shown = plan.display.get(total)
        if total not in plan.extension_rows or total in plan.cash_effect or shown == "mixed":
            continue
        alike = {
            plan.balances[child]
            for child, weight in zip(group.children, group.weights, strict=True)
            if weight == 1 and plan.display.get(child) == shown and plan.balances.get(child)
        }
        if len(alike) == 1:
            plan.balances[total] = alike.pop()


def resolve(plan: SignPlan, groups: list[CalcGroup]) -> SignPlan:
    """Fill `plan.flips`, `plan.weights` and extension balances, from the top totals down.

    Extension totals at the top of a cash-flow calculation are net amounts: no balance, shown sign.
    """
    _balances_from_parts(plan, groups)
    children_of = {g.total: g for g in groups}
    is_child = {c for g in groups for c in g.children}
    pending = [g.total for g in groups if g.total not in is_child]
    for total in pending:
        if total in plan.cash_effect and total in plan.extension_rows:
            plan.flips[total] = 1
        else:
            plan.flips[total] = _rule_flip(plan, total)
    while pending:
        total = pending.pop(0)
        group = children_of.get(total)
        if group is None:
            continue
        for child, weight in zip(group.children, group.weights, strict=True):
            _child_flip(plan, total, child, weight)
            pending.append(child)
    for row in plan.natural:
        if row not in plan.flips:
            plan.flips[row] = _rule_flip(plan, row)
    return plan


# Words that say which way an amount counts: income (positive) against loss (negative).
_POSITIVE = {"income", "incomes", "earnings", "gain", "gains", "profit", "profits", "benefit", "benefits", "increase"}
_NEGATIVE = {
    "loss", "losses", "expense", "expenses", "deduction", "deductions", "charge", "charges", "provision",
    "cost", "costs", "decrease",
}  # fmt: skip
_PARENTHESIZED = re.compile(r"(?:([a-z]+)\s*/?\s*)?\(\s*([a-z]+)\s*\)(?:\s*(?:/|and|or)?\s*([a-z]+))?")
_OTHER_LINES = re.compile(r"\b(?:before|after|net of|excluding)\b")
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")


def _polarity(word: str) -> int | None:
    return 1 if word in _POSITIVE else -1 if word in _NEGATIVE else None


def label_polarity(label: str) -> int | None:
    """What a positive printed amount means, when the label pairs a word with its opposite in
    parentheses: "Net income (loss)" income (+1), "(Income) loss" loss (-1), "Other expense/(income)"
    expense (-1); None when it pairs none."""
    for m in _PARENTHESIZED.finditer(label.lower()):
        before, inside, after = m.groups()
        hidden = _polarity(inside)
        for shown in (before, after):
            if hidden is not None and shown and _polarity(shown) == -hidden:
                return -hidden
    return None


def income_or_loss_polarity(label: str) -> int | None:
    """label_polarity of a line pairing income with expense or a gain with a loss ("Other (gains)
    and losses", "Foreign currency loss (gain) on debt"), not an increase with a decrease: an
    extension for it is stored income-positive with a credit balance, as the taxonomy's own
    concepts for such lines are (GainLoss..., NonoperatingIncomeExpense). What follows "before",
    "after", "net of" or "excluding" is another line's ("Income before provision/(benefit) for taxes")."""
    head = _OTHER_LINES.split(label.lower(), maxsplit=1)[0]
    if re.search(r"\b(increase|decrease)\b", head):
        return None
    return label_polarity(head)


_INCOME_NAMED = re.compile(r"\b(?:gains?|earnings|income(?! tax))\b")
# ...but not one naming a loss or cost too, a change or a balance ("Accrued income", "Earnings in
# excess of billings"), cash received ("Cash distributions of income from joint ventures"), a
# deferral ("Deferred lease income"), a noncontrolling interest's share, the adjustments to net
# income or a total before taxes, or the net income a statement starts from.
_NOT_INCOME_ONLY = re.compile(
    r"\b(?:loss(?:es)?|expenses?|charges?|costs?|impairments?|write-?(?:downs?|offs?)|increase|decrease|changes?|"
    r"proceeds|receivables?|accrued|billings|deferred|unearned|non-?controlling|minority|adjustments?|reconcile|"
    r"before|(?:income|earnings|interest) received)\b|^(?:cash|distributions?|dividends?)\b"
    r"|^(?:consolidated )?net (?:income|earnings)\b(?! from discontinued)"
)


def cash_flow_income_polarity(label: str) -> int | None:
    """-1 for an adjustment of operating cash flows named for income alone ("Net gain on sale of
    businesses", "Earnings of affiliates less than dividends received"): printed as its effect on
    cash (a gain subtracted), a positive amount reads as a loss. An extension for it is stored
    income-positive with a credit balance, as the taxonomy's gain and income concepts are."""
    text = label.lower()
    return -1 if _INCOME_NAMED.search(text) and not _NOT_INCOME_ONLY.search(text) else None


def concept_polarity(name: str) -> int | None:
    """What a positive stored value of a standard concept means, from the first word of its name
    that says it ("NetIncomeLossAttributable..." income; "IncomeTaxExpenseBenefit" expense: income
    tax is a noun there)."""
    words = [w.lower() for w in _CAMEL.findall(name)]
    for i, word in enumerate(words):
        if word == "income" and i + 1 < len(words) and words[i + 1] in ("tax", "taxes"):
            continue
        polarity = _polarity(word)
        if polarity is not None:
            return polarity
    return None


# Concepts of amounts reclassified out of accumulated other comprehensive income (not the
# "...AfterReclassification" totals of a component, nor the "...BeforeReclassification" parts)...
_RECLASSIFICATION = re.compile(
    r"ReclassificationAdjustments?From|ReclassificationFromA(?:oci|ccumulated)|GainLossReclassification(?:After|Before)Tax"
)
# ...but not their taxes (a component "...AndTax" is no tax).
_TAX_PART = re.compile(
    r"(?<!NetOf)(?<!After)(?<!Before)(?<!And)Tax(?:Parent|NoncontrollingInterest|AttributableTo\w+)?$"
)


def is_oci_concept(concept_name: str) -> bool:
    """A concept of other comprehensive income (a component, its tax, a reclassification), not the
    noncontrolling interests' share (a debit subtracted from the total, that filers store as the
    share of income it is, as they store the share of net income)."""
    return concept_name.startswith("OtherComprehensiveIncome") and "NoncontrollingInterest" not in concept_name


def oci_polarity(concept_name: str, balance: str | None) -> int | None:
    """What a positive stored value of an other-comprehensive-income concept says of its line's
    item; its name's "Income" is the OCI's. A component's or a tax's balance says it: a credit
    counts a gain or a tax benefit positive, a debit a loss or a tax expense (the pension and
    postretirement adjustment). A reclassification out of accumulated OCI names the item moved into
    net income: a credit one adds to OCI (a loss or cost reclassified: -1), a debit one takes from
    it (a gain: 1). None for another concept."""
    if balance is None or not is_oci_concept(concept_name):
        return None
    if _RECLASSIFICATION.search(concept_name) and not _TAX_PART.search(concept_name):
        return -1 if balance == "credit" else 1
    return 1 if balance == "credit" else -1


def stated_flip(label: str, concept: ConceptInfo) -> int | None:
    """-1 when the label's printed sign reads against the concept's (an "(income) loss" line of an
    income concept), 1 when with it, None when the label does not say."""
    shown = label_polarity(label)
    stored = oci_polarity(concept.name, concept.balance) or concept_polarity(concept.name)
    return None if shown is None or stored is None else shown * stored


def label_fact_value(fact: LabelFact, concept: ConceptInfo) -> Decimal:
    """A number in a label as stored: scaled, and a tax signed by its concept's balance (a debit
    tax concept counts expense positive, a credit one benefit) from what the words say a positive
    printed amount is; a tax whose words say neither is stored as printed."""
    value = fact.value.scaleb(fact.exponent)
    if fact.tax_direction in (None, TaxDirection.UNSTATED):
        return value
    expense = value if fact.tax_direction is TaxDirection.EXPENSE else -value
    return expense if concept.balance == "debit" else -expense
