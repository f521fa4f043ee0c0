"""The map stage's two steps: decisions with their reasons and confidence, one settlement across
statements, and rules that read a label in the light of what else the filing prints."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract
from converter.extract.equity import includes_noncontrolling
from converter.extract.model import (
    Column,
    Grid,
    Period,
    PeriodLength,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from converter.extract.numbers import parse_amount
from converter.ingest import parse_submission
from converter.mapping import printed_lines
from converter.mapping.decide import DecideContext
from converter.mapping.model import ConceptInfo, DecidedBy
from converter.mapping.rules import load_rules
from converter.mapping.settle import settle
from converter.mapping.signs import cash_flow_income_polarity, stated_flip
from converter.pipeline import ConvertOptions, prepare

from .conftest import FIXTURES, ROOT
from .test_reading_rules import cell

CAPSTONE = FIXTURES / "capstone_8-K_2007-11-08.txt"
APPLE_1997 = FIXTURES / "apple_10-K_1997-09-26.txt"


def _facts(model, qname: str) -> list:
    return [f for f in model.facts if f.concept.qname == qname]


def _value(model, qname: str, period: Period) -> Decimal:
    return next(f.value for f in _facts(model, qname) if f.context.period == period)


def _plan(taxonomy, kind: StatementKind, column: Column, rows: tuple[StatementRow, ...]):
    """The decided plan of a one-column statement made of `rows`."""
    table = StatementTable("t1", kind, "", Scale(), (column,), rows, Grid("t1", 0, 0, 0, ()), name="Statement")
    (plan,) = settle((table,), DecideContext(load_rules(), taxonomy, printed_lines((table,))))
    return plan


def test_every_statement_fact_says_how_it_was_decided(settings):
    model = prepare(CAPSTONE, ConvertOptions(settings=settings, cik="0001009759")).model
    decided = [f for f in model.facts if f.decision is not None]
    assert len(decided) == len(model.facts)  # cover facts included
    (revenue, *_) = _facts(model, "us-gaap:Revenues")
    assert revenue.decision.concept.by is DecidedBy.RULE
    assert revenue.decision.concept.detail.startswith("taxonomy_map.yaml line_items[")
    assert "as printed" in revenue.decision.period.text and revenue.decision.confidence >= 0.9
    extensions = [f for f in model.facts if f.concept.is_extension]
    assert extensions and all(f.decision.concept.by is DecidedBy.EXTENSION for f in extensions)


def test_a_learned_label_cites_how_many_filers_chose_its_concept(settings):
    model = prepare(APPLE_1997, ConvertOptions(settings=settings)).model
    learned = [f for f in model.facts if f.decision.concept.by is DecidedBy.LEARNED]
    assert learned
    for fact in learned:
        filers = int(fact.decision.concept.detail.rsplit("(", 1)[1].split()[0])
        assert filers >= 3 and fact.decision.concept.confidence == filers / (filers + 2)


def _row(index: int, label: str, value: str, balance_at: str | None = None) -> StatementRow:
    return StatementRow(
        index, label, RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell(value)),), balance_at=balance_at
    )


def _plans_of(path, taxonomy) -> tuple:
    """The decided plans of every statement of a filing (or excerpt) with no cover to convert."""
    tables = extract(parse_submission(path.read_bytes())).statements
    return settle(tables, DecideContext(load_rules(), taxonomy, printed_lines(tables)))


def _rows(labels: tuple[str, ...], values: tuple[str, ...]) -> tuple[StatementRow, ...]:
    """One-column value rows, numbered from 1."""
    return tuple(_row(i, label, value) for i, (label, value) in enumerate(zip(labels, values, strict=True), start=1))


def test_a_concept_claimed_by_two_statements_goes_to_its_home_statement_not_the_first(taxonomy):
    # A cash-flow statement printed before the balance sheet states a different "cash at end of
    # year" (restricted cash included, say) than the balance sheet's cash. The balance sheet is
    # where an instant belongs: it keeps the concept, whichever statement comes first.
    year = Period(end=date(2023, 12, 31), start=date(2023, 1, 1))
    cash_flows = StatementTable(
        "t1",
        StatementKind.CASH_FLOWS,
        "",
        Scale(),
        (Column(1, year, "2023", PeriodLength(12)),),
        (_row(1, "Net increase in cash", "20"), _row(2, "Cash and cash equivalents", "150", balance_at="end")),
        Grid("t1", 0, 0, 0, ()),
        name="Statements of Cash Flows",
    )
    balance_sheet = StatementTable(
        "t2",
        StatementKind.BALANCE_SHEET,
        "",
        Scale(),
        (Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023"),),
        (_row(1, "Cash and cash equivalents", "120"), _row(2, "Total assets", "900")),
        Grid("t2", 0, 0, 0, ()),
        name="Balance Sheets",
    )
    rules = load_rules()
    tables = (cash_flows, balance_sheet)
    plans = settle(tables, DecideContext(rules, taxonomy, printed_lines(tables)))
    cash = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    holders = {p.table.id: [r.row.label for r in p.rows if any(c.qname == cash for c in r.concepts)] for p in plans}
    assert holders == {"t1": [], "t2": ["Cash and cash equivalents"]}


EXXON_INCOME = FIXTURES / "excerpts" / "exxon-mobil_10-Q_2025-06-30_income-statement.htm"


def test_net_income_beside_a_noncontrolling_share_includes_it(settings):
    # "Net income (loss) including noncontrolling interests" 7,354; "... attributable to
    # noncontrolling interests" 272; "... attributable to ExxonMobil" 7,082: filers tag them
    # ProfitLoss, NetIncomeLossAttributableToNoncontrollingInterest and NetIncomeLoss.
    model = prepare(EXXON_INCOME, ConvertOptions(settings=settings, cik="0000034088")).model
    quarter = Period(end=date(2025, 6, 30), start=date(2025, 4, 1))

    def value(qname: str) -> Decimal:
        return _value(model, qname, quarter)

    assert value("us-gaap:ProfitLoss") == Decimal(7354000000)
    assert value("us-gaap:NetIncomeLossAttributableToNoncontrollingInterest") == Decimal(272000000)
    assert value("us-gaap:NetIncomeLoss") == Decimal(7082000000)


ORACLE = FIXTURES / "oracle_10-Q_2024-08-31.htm"


def test_net_income_alone_stays_the_parents_even_with_noncontrolling_equity(settings):
    # Oracle's balance sheet shows noncontrolling interests, its income statement only "Net income":
    # no share of income is attributed, so the line is NetIncomeLoss.
    model = prepare(ORACLE, ConvertOptions(settings=settings, cik="0001341439")).model
    assert _facts(model, "us-gaap:NetIncomeLoss")
    assert not _facts(model, "us-gaap:ProfitLoss")


@pytest.mark.parametrize(
    ("label", "concept", "flip"),
    [
        # the printed sign reads against the concept's: store the opposite of what is printed
        ("Consolidated net (income) loss attributable to noncontrolling interest",  # Walmart
         "NetIncomeLossAttributableToNoncontrollingInterest", -1),
        ("Other expense/(income)", "OtherNonoperatingIncomeExpense", -1),  # Kraft Heinz
        ("Other (income)/deductions--net", "OtherNonoperatingIncomeExpense", -1),  # Pfizer
        ("Interest (income) expense, net", "InterestIncomeExpenseNonoperatingNet", -1),
        # ...or with it
        ("Net income (loss)", "NetIncomeLoss", 1),
        ("Provision/(benefit) for taxes on income", "IncomeTaxExpenseBenefit", 1),  # "income tax" is a noun
        ("(Loss) income from operations", "OperatingIncomeLoss", 1),
        # ...or says nothing
        ("Interest (income)", "InvestmentIncomeInterest", None),
        ("Net sales", "Revenues", None),
    ],
)  # fmt: skip
def test_a_label_that_pairs_opposites_says_how_its_sign_reads(label, concept, flip):
    assert stated_flip(label, _concept(concept, "credit")) == flip


@pytest.mark.parametrize(
    ("label", "concept", "balance", "flip"),
    [
        # a loss reclassified into net income adds to other comprehensive income: a credit
        # reclassification counts losses positive, whatever the "Income" of its name (Kraft Heinz)
        ("Net postemployment benefit losses/(gains) reclassified to net income/(loss)",
         "OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansNetOfTax",
         "credit", 1),
        # a debit one counts gains positive
        ("Net deferred (gains)/losses on cash flow hedges reclassified to net income",
         "OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax", "debit", -1),
        # a component's balance says which way it counts: the pension adjustment is a debit
        ("Net actuarial gains (losses)",
         "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax", "debit", -1),
        # a component "...AndTax" is no tax: its debit counts a loss positive
        ("Net actuarial gains (losses)",
         "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentBeforeReclassificationAdjustmentsAndTax",
         "debit", -1),
        # a tax's balance says it too: a debit tax counts an expense positive
        ("Income tax benefit (expense)", "OtherComprehensiveIncomeLossTax", "debit", -1),
        # "before reclassification" names no reclassification: its income reads as income
        ("Net unrealized gains (losses) arising during the period",
         "OtherComprehensiveIncomeLossBeforeReclassificationsNetOfTax", "credit", 1),
    ],
)  # fmt: skip
def test_an_other_comprehensive_income_concept_reads_by_its_balance(label, concept, balance, flip):
    assert stated_flip(label, _concept(concept, balance)) == flip


def _concept(name: str, balance: str) -> ConceptInfo:
    return ConceptInfo("us-gaap", name, "", "duration", balance, "xbrli:monetaryItemType")


JNJ_2017 = FIXTURES / "johnson-johnson_10-K_2017-01-01.htm"


def test_an_income_and_expense_line_printed_expense_first_is_stored_as_income(settings):
    # J&J 2016: "Other (income) expense, net  484": an expense of 484, so OtherNonoperatingIncomeExpense
    # (income positive) is -484, and the 2015 "(2,064)" an income of 2,064.
    model = prepare(JNJ_2017, ConvertOptions(settings=settings, cik="0000200406")).model
    values = {f.context.period.end.year: f.value for f in _facts(model, "us-gaap:OtherNonoperatingIncomeExpense")}
    assert values[2017] == Decimal(-484000000)  # fiscal 2016 ended January 1, 2017
    assert values[2016] == Decimal(2064000000)


PFIZER_COMPREHENSIVE = FIXTURES / "excerpts" / "pfizer_10-Q_2023-07-02_comprehensive-income.htm"


def test_unlabelled_subtotals_are_each_the_sum_of_their_own_lines(settings):
    # Pfizer prints the derivatives, securities and benefit-plan lines of other comprehensive
    # income each followed by an amount with no label: (54) = 109 + (163), 42 = 26 + 16, (37) =
    # (30) + (7). Each is its own subtotal, named after its lines, not one concept for all three.
    model = prepare(PFIZER_COMPREHENSIVE, ConvertOptions(settings=settings, cik="0000078003")).model
    quarter = Period(end=date(2023, 7, 2), start=date(2023, 4, 3))
    subtotals = {
        f.concept.name: f.value
        for f in model.facts
        if f.concept.name.startswith("Subtotal") and f.context.period == quarter
    }
    assert sorted(subtotals.values()) == [Decimal(-54000000), Decimal(-37000000), Decimal(42000000)]
    assert not [f for f in model.facts if f.concept.name.startswith("Item")]
    calc = {(a.parent, a.child) for role in model.roles for a in role.calculation}
    for name in subtotals:
        assert sum(1 for parent, _ in calc if parent.endswith(":" + name)) == 2


KRAFT_HEINZ_10K = FIXTURES / "excerpts" / "kraft-heinz_10-K_2023-12-30_cover-and-statements.htm"


def test_lines_after_the_closing_cash_balance_are_supplemental_disclosures(settings):
    # Kraft Heinz prints "CASH PAID DURING THE PERIOD FOR: Interest 896, Income taxes, net of
    # refunds 932" under the cash reconciliation: amounts paid, stored positive, not cash effects;
    # its "Net increase/(decrease)" under "Cash, cash equivalents, and restricted cash" is the cash's.
    model = prepare(KRAFT_HEINZ_10K, ConvertOptions(settings=settings, cik="0001637459")).model
    fiscal_2023 = Period(end=date(2023, 12, 30), start=date(2023, 1, 1))

    def value(qname: str) -> Decimal:
        return _value(model, qname, fiscal_2023)

    assert value("us-gaap:InterestPaidNet") == Decimal(896000000)
    assert value("us-gaap:IncomeTaxesPaidNet") == Decimal(932000000)
    change = (
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
        "PeriodIncreaseDecreaseIncludingExchangeRateEffect"
    )
    assert value(change) == Decimal(363000000)


def test_a_subtotal_printed_without_total_adds_up_its_lines_and_gives_them_its_balance(settings):
    # Kraft Heinz prints "Selling, general and administrative expenses, excluding impairment losses
    # 3,692", "Goodwill impairment losses 510", "Intangible asset impairment losses 152" and then
    # "Selling, general and administrative expenses 4,354" with no "Total": their sum in every
    # column. The lines are expenses (debit) like their subtotal, so the goodwill line is the
    # standard GoodwillImpairmentLoss, not an extension with an income statement's credit.
    model = prepare(KRAFT_HEINZ_10K, ConvertOptions(settings=settings, cik="0001637459")).model
    fiscal_2023 = Period(end=date(2023, 12, 30), start=date(2023, 1, 1))
    assert _value(model, "us-gaap:GoodwillImpairmentLoss", fiscal_2023) == Decimal(510000000)
    sga = "us-gaap:SellingGeneralAndAdministrativeExpense"
    parts = {a.child: a.weight for role in model.roles for a in role.calculation if a.parent == sga}
    assert len(parts) == 3 and set(parts.values()) == {1}
    assert "us-gaap:GoodwillImpairmentLoss" in parts
    extensions = {f.concept.qname: f.concept for f in model.facts if f.concept.is_extension}
    assert all(extensions[q].balance == "debit" for q in parts if q in extensions)


def test_equity_balances_in_a_total_column_after_noncontrolling_interests_include_them(settings):
    # Kraft Heinz's statement of equity prints its components, then "Noncontrolling Interest", then
    # "Total Equity": the balances read from that total include the noncontrolling interests at every
    # date, the opening ones (December 2020 and 2021, on no balance sheet) as much as the later ones.
    model = prepare(KRAFT_HEINZ_10K, ConvertOptions(settings=settings, cik="0001637459")).model
    including = "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"
    parent = "us-gaap:StockholdersEquity"
    opening = Period(end=date(2020, 12, 26))
    assert _value(model, including, opening) == Decimal(50243000000)
    assert not [f for f in model.facts if f.concept.qname == parent and f.context.period == opening]
    parent_ends = {f.context.period.end for f in model.facts if f.concept.qname == parent}
    assert parent_ends == {date(2023, 12, 30), date(2022, 12, 31)}  # the balance sheet's own line


@pytest.mark.parametrize(
    ("headings", "included"),
    [
        (["Common Stock", "Retained Earnings", "Noncontrolling Interest", "Total Equity"], True),
        (["Common Stock", "Total Company Shareholders' Equity", "Non- controlling interests"], False),
        (["Common Stock", "Retained Earnings", "Redeemable Noncontrolling Interest", "Total"], False),
        (["Common Stock", "Non-redeemable Noncontrolling Interest", "Total"], True),
    ],
)
def test_a_total_column_includes_the_noncontrolling_interests_printed_before_it(headings, included):
    # Components come first, their totals after; redeemable interests are temporary equity, no part
    # of total equity.
    columns = list(enumerate(headings, start=1))
    total = max(col for col, heading in columns if "Total" in heading)
    assert includes_noncontrolling(columns, total) is included


def test_lines_after_the_current_assets_total_are_noncurrent(taxonomy):
    # A classified balance sheet lists "Investments" after "Total current assets" with no heading
    # of its own: they are long-term investments; listed among the current assets, they are not.
    instant = Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023")

    def concepts(*labels: str) -> dict[str, list[str]]:
        rows = tuple(_row(i, label, "10") for i, label in enumerate(labels, start=1))
        plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, rows)
        return {r.row.label: [c.name for c in r.concepts] for r in plan.rows}

    after = concepts("Cash and cash equivalents", "Total current assets", "Investments", "Total assets")
    assert after["Investments"] == ["LongTermInvestments"]
    before = concepts("Cash and cash equivalents", "Investments", "Total current assets", "Total assets")
    assert before["Investments"] != ["LongTermInvestments"]


def test_a_line_named_like_a_concept_takes_its_current_or_noncurrent_part_where_it_sits(taxonomy):
    # Spire lists "Regulatory assets" among current assets, Tegna "Deferred income" among current
    # liabilities: the taxonomy names their current parts (RegulatoryAssetsCurrent,
    # DeferredIncomeCurrent) beside the whole; after the current total, the noncurrent parts.
    instant = Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023")
    labels = ("Regulatory assets", "Total current assets", "Regulatory assets", "Total assets")
    plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, _rows(labels, ("1", "1", "2", "3")))
    assert [[c.name for c in r.concepts] for r in plan.rows] == [
        ["RegulatoryAssetsCurrent"],
        ["AssetsCurrent"],
        ["RegulatoryAssetsNoncurrent"],
        ["Assets"],
    ]
    deferred = _rows(("Accounts payable", "Deferred income", "Total current liabilities"), ("1", "2", "3"))
    heading = StatementRow(0, "Liabilities", RowKind.HEADING, UnitKind.MONETARY, ())
    rows = (heading, *(replace(r, sections=("Liabilities",)) for r in deferred))
    plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, rows)
    concepts = {r.row.label: [c.name for c in r.concepts] for r in plan.rows}
    assert concepts["Deferred income"] == ["DeferredIncomeCurrent"]


def test_other_assets_above_and_below_the_current_total_are_current_and_noncurrent(taxonomy):
    # Ford prints "Other assets" twice with no headings: above "Total current assets" (3,877) and
    # after it (11,118). The first is OtherAssetsCurrent, the second OtherAssetsNoncurrent.
    instant = Column(1, Period(end=date(2022, 12, 31)), "December 31, 2022")
    labels = ("Cash and cash equivalents", "Other assets", "Total current assets", "Other assets", "Total assets")
    rows = tuple(_row(i, label, str(10 * i)) for i, label in enumerate(labels, start=1))
    plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, rows)
    assert [[c.name for c in r.concepts] for r in plan.rows if r.row.label == "Other assets"] == [
        ["OtherAssetsCurrent"],
        ["OtherAssetsNoncurrent"],
    ]


def test_a_bare_other_is_the_other_item_of_the_heading_right_above_it(taxonomy):
    # Spire: "Current Assets:" / "Accounts receivable:" / "Utility", "Other" / ... / "Other": the
    # first "Other" is another receivable (no standard concept says so), the second another current asset.
    instant = Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023")
    current, receivable = ("Current Assets:",), ("Current Assets:", "Accounts receivable:")
    rows = (
        StatementRow(1, "Utility", RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell("428.8")),), receivable),
        StatementRow(2, "Other", RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell("150.6")),), receivable),
        StatementRow(3, "Other", RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell("72.8")),), current),
    )
    plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, rows)
    assert {r.row.grid_row: [c.name for c in r.concepts] for r in plan.rows} == {
        1: [],
        2: [],
        3: ["OtherAssetsCurrent"],
    }


def test_lines_above_an_activity_total_are_that_activitys_without_headings(taxonomy):
    # GE's cash flows print no activity headings, only totals: 'Cash from (used for) financing
    # activities - continuing operations' (and '- discontinued operations') close the lines above.
    year = Column(1, Period(start=date(2023, 1, 1), end=date(2023, 6, 30)), "2023")
    labels = (
        "Net earnings (loss)",
        "Cash from (used for) operating activities – continuing operations",
        "Cash from (used for) operating activities – discontinued operations",
        "Cash from (used for) operating activities",
        "All other investing activities",
        "Cash from (used for) investing activities",
        "Dividends paid to shareholders",
        "All other financing activities",
        "Cash from (used for) financing activities",
    )
    rows = tuple(_row(i, label, str(10 * i)) for i, label in enumerate(labels, start=1))
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, year, rows)
    concepts = {r.row.label: [c.name for c in r.concepts] for r in plan.rows}
    assert concepts[labels[1]] == ["NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"]
    assert concepts[labels[2]] == ["CashProvidedByUsedInOperatingActivitiesDiscontinuedOperations"]
    assert concepts["All other investing activities"] == ["PaymentsForProceedsFromOtherInvestingActivities"]
    assert concepts["Dividends paid to shareholders"][0].startswith("PaymentsOfDividends")
    assert concepts["All other financing activities"] == ["ProceedsFromPaymentsForOtherFinancingActivities"]


def test_a_cash_flow_line_naming_a_change_is_read_as_the_change_in_what_it_names(taxonomy):
    # GE: 'Decrease (increase) in current receivables'; Oracle: 'Increase in deferred revenues'
    # under its changes in operating assets and liabilities. Neither wording is a rule or a
    # learned label; what changes is.
    year = Column(1, Period(start=date(2023, 1, 1), end=date(2023, 6, 30)), "2023")
    heading = StatementRow(0, "Changes in operating assets and liabilities:", RowKind.HEADING, UnitKind.MONETARY, ())
    section = ("Changes in operating assets and liabilities:",)
    labels = ("Decrease (increase) in current receivables", "Increase in deferred revenues")
    rows = (heading, *(replace(_row(i, label, "10"), sections=section) for i, label in enumerate(labels, start=1)))
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, year, rows)
    concepts = {r.row.label: [c.name for c in r.concepts] for r in plan.rows}
    assert concepts[labels[0]] == ["IncreaseDecreaseInAccountsReceivable"]
    assert concepts[labels[1]] == ["IncreaseDecreaseInContractWithCustomerLiability"]


def test_net_income_for_common_shareholders_is_the_parents_unless_preferred_dividends_come_first(settings, taxonomy):
    # Kraft Heinz prints "Net income/(loss) attributable to common shareholders" 2,855 and no
    # preferred stock: the parent's net income. After preferred dividends, the same words name
    # what is left for the common stock.
    model = prepare(KRAFT_HEINZ_10K, ConvertOptions(settings=settings, cik="0001637459")).model
    fiscal_2023 = Period(end=date(2023, 12, 30), start=date(2023, 1, 1))
    assert _value(model, "us-gaap:NetIncomeLoss", fiscal_2023) == Decimal(2855000000)
    year = Column(1, Period(start=date(2023, 1, 1), end=date(2023, 12, 31)), "2023")
    labels = ("Net income", "Preferred stock dividends", "Net income attributable to common shareholders")
    rows = _rows(labels, ("100", "10", "90"))
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, year, rows)
    assert [c.name for c in plan.rows[2].concepts] == ["NetIncomeLossAvailableToCommonStockholdersBasic"]


def test_per_share_lines_named_basic_and_diluted_earnings_are_earnings_per_share(settings):
    # Kraft Heinz: "Per share data applicable to common shareholders:" / "Basic earnings/(loss)" 2.33 /
    # "Diluted earnings/(loss)" 2.31.
    model = prepare(KRAFT_HEINZ_10K, ConvertOptions(settings=settings, cik="0001637459")).model
    fiscal_2023 = Period(end=date(2023, 12, 30), start=date(2023, 1, 1))
    assert _value(model, "us-gaap:EarningsPerShareBasic", fiscal_2023) == Decimal("2.33")
    assert _value(model, "us-gaap:EarningsPerShareDiluted", fiscal_2023) == Decimal("2.31")


ABBOTT_BALANCE_SHEET = FIXTURES / "excerpts" / "abbott-laboratories_10-Q_2023-06-30_balance-sheet.htm"


def test_an_unlabelled_last_line_adding_up_a_side_is_that_sides_total(taxonomy):
    # Abbott closes both sides of its balance sheet with an amount and no label ($73,354): the first
    # adds up current assets through "Deferred income taxes and other assets", the second current
    # liabilities through total shareholders' investment.
    (plan,) = _plans_of(ABBOTT_BALANCE_SHEET, taxonomy)
    unlabelled = [(r.row.values[0].text, [c.name for c in r.concepts]) for r in plan.rows if not r.row.label]
    assert unlabelled == [("73,354", ["Assets"]), ("73,354", ["LiabilitiesAndStockholdersEquity"])]


def test_lines_between_current_assets_and_an_unlabelled_assets_total_are_noncurrent(taxonomy):
    # Abbott prints no "Total assets" label: after "Total current assets" come Investments, property,
    # intangibles, goodwill and "Deferred income taxes and other assets", then the bare total. Those
    # lines are noncurrent: LongTermInvestments, DeferredIncomeTaxesAndOtherAssetsNoncurrent.
    (plan,) = _plans_of(ABBOTT_BALANCE_SHEET, taxonomy)
    concepts = {r.row.label: [c.name for c in r.concepts] for r in plan.rows}
    assert concepts["Investments"] == ["LongTermInvestments"]
    assert concepts["Deferred income taxes and other assets"] == ["DeferredIncomeTaxesAndOtherAssetsNoncurrent"]
    assert concepts["Total Current Assets"] == ["AssetsCurrent"]


def test_a_balance_sheet_line_ending_and_other_names_its_sides_other_items(taxonomy):
    # Walmart: "Deferred income taxes and other" among its noncurrent liabilities.
    instant = Column(1, Period(end=date(2025, 1, 31)), "January 31, 2025")
    labels = ("Accounts payable", "Total current liabilities", "Deferred income taxes and other", "Total liabilities")
    rows = _rows(labels, ("5", "5", "3", "8"))
    heading = StatementRow(0, "Liabilities", RowKind.HEADING, UnitKind.MONETARY, ())
    rows = (heading, *(replace(r, sections=("Liabilities",)) for r in rows))
    plan = _plan(taxonomy, StatementKind.BALANCE_SHEET, instant, rows)
    concepts = {r.row.label: [c.name for c in r.concepts] for r in plan.rows}
    assert concepts["Deferred income taxes and other"] == ["DeferredIncomeTaxesAndOtherLiabilitiesNoncurrent"]


def test_an_extension_pairing_gains_with_losses_is_stored_gain_positive(taxonomy):
    # Walmart prints "Other (gains) and losses" 1,538 between operating income and income before
    # taxes: a net loss. Filers store such a line gain-positive (-1,538) in a credit concept, as the
    # taxonomy's gain-and-loss concepts are; an extension for it is stored the same way.
    year = Column(1, Period(start=date(2024, 2, 1), end=date(2025, 1, 31)), "2025")
    labels = ("Operating income", "Other (gains) and losses", "Income before income taxes")
    rows = _rows(labels, ("100", "20", "80"))
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, year, rows)
    other = plan.rows[1]
    assert other.extension is not None and other.extension.balance == "credit"
    assert other.flip == -1
    assert (3, 2, 1) in plan.weights  # a credit part of a credit total


def test_a_loss_reclassified_out_of_other_comprehensive_income_adds_to_it(taxonomy):
    # Kraft Heinz: "Net postemployment benefit losses/(gains) reclassified to net income/(loss)" 115
    # adds to other comprehensive income: the taxonomy's credit reclassification concept, stored 115
    # as the filer does, added. "Net deferred losses/(gains) on cash flow hedges reclassified to net
    # income/(loss)" has no concept of its own: an extension stored income-positive (a loss: -50),
    # subtracted, a debit as the taxonomy's hedge reclassification concepts are.
    (plan,) = [p for p in _plans_of(KRAFT_HEINZ_10K, taxonomy) if p.table.kind is StatementKind.COMPREHENSIVE_INCOME]
    total = next(r for r in plan.rows if r.concepts and r.concepts[0].name == "OtherComprehensiveIncomeLossNetOfTax")
    (benefits,) = [r for r in plan.rows if r.row.label.startswith("Net postemployment benefit losses/(gains) reclass")]
    assert [c.balance for c in benefits.concepts] == ["credit"] and benefits.flip == 1
    assert (total.row.grid_row, benefits.row.grid_row, 1) in plan.weights
    (hedges,) = [r for r in plan.rows if r.row.label.startswith("Net deferred losses/(gains) on cash flow hedges")]
    assert hedges.flip == -1 and hedges.extension.balance == "debit"
    assert (total.row.grid_row, hedges.row.grid_row, -1) in plan.weights


@pytest.mark.parametrize(
    "label",
    ["Reductions in short-term debt", "Common stock acquired", "Capital contributions to equity method investments"],
)
def test_a_cash_flow_line_named_for_an_outflow_is_stored_as_the_amount_paid(taxonomy, label):
    # ExxonMobil prints "Reductions in short-term debt" and "Common stock acquired" always negative:
    # amounts paid, stored positive (as filers' payment concepts are).
    year = Column(1, Period(start=date(2023, 1, 1), end=date(2023, 6, 30)), "2023")
    heading = StatementRow(0, "Cash flows from financing activities", RowKind.HEADING, UnitKind.MONETARY, ())
    rows = (heading, replace(_row(1, label, "(120)"), sections=("Cash flows from financing activities",)))
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, year, rows)
    (row,) = [r for r in plan.rows if r.row.label == label]
    assert row.extension is not None and row.flip == -1


def test_total_assets_named_by_an_override_ends_the_assets_side(taxonomy):
    """A balance sheet with no headings: its total assets line ends the assets side, whether a rule
    or the user's override names it, so the lines after it are liabilities and equity."""
    from converter.extract.overrides import Overrides, RowOverride, TextMatch

    instant = Column(1, Period(end=date(2023, 12, 31)), "December 31, 2023")
    labels = ("Cash", "Inventories", "Everything we own", "Accounts payable", "Common stock", "Total")
    values = ("10", "5", "15", "7", "8", "15")
    rows = _rows(labels, values)
    table = StatementTable("t1", StatementKind.BALANCE_SHEET, "", Scale(), (instant,), rows, Grid("t1", 0, 0, 0, ()))
    override = RowOverride(3, TextMatch(exact="everything we own"), concept="us-gaap:Assets")
    context = DecideContext(load_rules(), taxonomy, printed_lines((table,)), Overrides("fixes.yaml", (override,)))
    (plan,) = settle((table,), context)
    sides = {r.row.label: r.side for r in plan.rows}
    assert [sides[label] for label in labels] == [0, 0, 0, 1, 1, 1]
    assert [c.name for r in plan.rows if r.row.label == "Everything we own" for c in r.concepts] == ["Assets"]


def _comprehensive_concepts(taxonomy, heading: str, lines: tuple[tuple[str, tuple[str, ...]], ...]) -> dict:
    """The concepts of other-comprehensive-income lines printed under `heading` (and their own headings)."""
    year = Column(1, Period(end=date(2023, 12, 31), start=date(2023, 1, 1)), "2023", PeriodLength(12))
    rows = (
        StatementRow(0, heading, RowKind.HEADING, UnitKind.MONETARY, (None,)),
        *(
            StatementRow(i, label, RowKind.ITEM, UnitKind.MONETARY, (parse_amount(cell(str(i))),), (heading, *under))
            for i, (label, under) in enumerate(lines, start=1)
        ),
    )
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, year, rows)
    return {(r.row.label, r.row.sections[1:]): [c.name for c in r.concepts] for r in plan.rows if r.row.grid_row}


def test_components_a_heading_says_are_net_of_tax_take_the_net_of_tax_concepts(taxonomy):
    # Walmart "Cash flow hedges", Ford "Derivative instruments" and "Marketable securities" under
    # "Other comprehensive income (loss), net of income taxes"; Johnson & Johnson's "Net change" under
    # "Derivatives & hedges:" and Comcast's "Deferred gains (losses)" under "Cash flow hedges:".
    hedges = "OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"
    expected = {
        ("Cash flow hedges", ()): hedges,
        ("Derivative instruments", ()): hedges,
        ("Marketable securities", ()): "OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax",
        ("Net change", ("Derivatives & hedges:",)): hedges,
        ("Deferred gains (losses)", ("Cash flow hedges:",)): (
            "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAfterTax"
        ),
        ("Net change", ("Employee benefit plans:",)): (
            "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"
        ),
    }
    heading = "Other comprehensive income (loss), net of income taxes"
    for line, concept in expected.items():
        assert _comprehensive_concepts(taxonomy, heading, (line,)) == {line: [concept]}


def test_components_a_heading_says_are_before_tax_take_no_net_of_tax_concept(taxonomy):
    # Spire: "Other Comprehensive Loss, Before Tax:" over its components, then the tax on them:
    # their amounts are before tax, so no concept "net of tax" may hold them.
    lines = (
        ("Foreign currency translation adjustments", ()),
        ("Cash flow hedges", ()),
        ("Net change", ("Securities:",)),
    )
    for line in lines:
        (names,) = _comprehensive_concepts(taxonomy, "Other Comprehensive Loss, Before Tax:", (line,)).values()
        assert not [name for name in names if name.endswith(("NetOfTax", "AndTax"))]
    # and with no heading saying either, beside a tax line, a cash flow hedges line is not read as
    # net of tax: the tax may come after it
    tax = "Income tax related to items of other comprehensive income"
    unsaid = _comprehensive_concepts(
        taxonomy, "Other comprehensive income (loss):", (("Cash flow hedges", ()), (tax, ()))
    )
    assert unsaid[("Cash flow hedges", ())] == []


def test_components_of_a_statement_printing_no_tax_are_net_of_tax(taxonomy):
    # GE prints "Currency translation adjustments", "Benefit plans", ... and "Other comprehensive
    # income (loss) attributable to the Company" with no tax line and no "net of tax": nothing
    # turns them from before tax to after, so they are net of tax (GE tags them so). Each line shows
    # its effect on other comprehensive income, so the benefit plans' gain of 9,044 is stored
    # -9,044 in the taxonomy's debit concept, whether or not a total shows how the lines add up.
    labels = ("Net earnings (loss)", "Currency translation adjustments", "Benefit plans", "Comprehensive income (loss)")
    rows = _rows(labels, ("(6,408)", "(172)", "9,044", "2,464"))
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows)
    _, translation, benefits, _ = plan.rows
    assert [c.name for c in benefits.concepts] == [
        "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"
    ]
    assert benefits.flip == -1 and translation.flip == 1
    # not a page of one whose comprehensive income (and perhaps its tax line) comes on the next
    first_page = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows[:3])
    assert not first_page.rows[2].concepts


def _under(heading: str, rows: tuple[StatementRow, ...], *outer: str) -> tuple[StatementRow, ...]:
    """A heading row (numbered 0) and `rows` in its section (inside `outer` headings)."""
    return (
        StatementRow(0, heading, RowKind.HEADING, UnitKind.MONETARY, (), sections=outer),
        *(replace(r, sections=(*outer, heading)) for r in rows),
    )


QUARTER = Column(1, Period(start=date(2023, 4, 1), end=date(2023, 6, 30)), "2023")


def test_a_benefit_plans_line_of_comprehensive_income_net_of_tax_is_the_taxonomys_debit_concept(taxonomy):
    # 3M: "Defined benefit pension and postretirement plans adjustment" 50 under "Other comprehensive
    # income (loss), net of tax:". The taxonomy's concept for it is a debit: the gain is stored -50,
    # as 3M, Dow and GE store theirs, subtracted from the credit total; an extension stored it 50.
    labels = ("Cumulative translation adjustment", "Defined benefit pension and postretirement plans adjustment")
    rows = _under("Other comprehensive income (loss), net of tax:", _rows(labels, ("25", "50")))
    total = _row(3, "Total other comprehensive income (loss), net of tax", "75")
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, (*rows, total))
    translation, benefits, _ = (r for r in plan.rows if r.row.values)
    assert [c.name for c in translation.concepts] == [
        "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"
    ]
    assert [c.name for c in benefits.concepts] == [
        "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"
    ]
    assert benefits.flip == -1


def test_reclassifications_to_earnings_under_a_hedges_heading_are_the_hedges_reclassification(taxonomy):
    # Johnson & Johnson: "Derivatives & hedges:" then "Reclassifications to earnings" (862).
    rows = _under(
        "Derivatives & hedges:",
        _rows(("Unrealized gain (loss) arising during period", "Reclassifications to earnings"), ("(511)", "(862)")),
        "Other comprehensive income (loss), net of tax",
    )
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows)
    (reclassified,) = [r for r in plan.rows if r.row.label == "Reclassifications to earnings"]
    (concept,) = reclassified.concepts
    assert concept.name == "OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax"
    assert reclassified.flip == -1  # a debit: the gain moved out of OCI is stored 862


def test_dividends_declared_to_noncontrolling_interest_in_equity_are_distributions_to_its_holders(taxonomy):
    # Walmart's statement of shareholders' equity: "Cash dividend declared to noncontrolling interest" (776).
    rows = _rows(("Cash dividend declared to noncontrolling interest",), ("(776)",))
    plan = _plan(taxonomy, StatementKind.EQUITY, QUARTER, rows)
    (dividend,) = plan.rows
    (concept,) = dividend.concepts
    assert concept.name == "MinorityInterestDecreaseFromDistributionsToNoncontrollingInterestHolders"
    assert dividend.flip == -1  # a debit, stored 776


@pytest.mark.parametrize(
    ("heading", "label", "concept"),
    [
        # Walmart, among the adjustments to reconcile net income: income or expense with no cash
        ("Adjustments to reconcile consolidated net income to net cash provided by operating activities:",
         "Other operating activities", "OtherNoncashIncomeExpense"),
        # among the changes in operating assets and liabilities: the other operating capital's change
        ("Changes in operating assets and liabilities:", "Other, net", "IncreaseDecreaseInOtherOperatingCapitalNet"),
    ],
)  # fmt: skip
def test_an_other_line_of_operating_activities_is_named_by_the_part_it_closes(taxonomy, heading, label, concept):
    rows = _under(heading, _rows((label,), ("2,889",)), "Cash flows from operating activities:")
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, QUARTER, rows)
    (other,) = [r for r in plan.rows if r.row.values]
    assert [c.name for c in other.concepts] == [concept]
    assert other.flip == -1  # both credits: a line adding to cash is stored negative


@pytest.mark.parametrize(
    ("label", "polarity"),
    [
        ("Net gain on sale of assets/businesses", -1),  # Johnson & Johnson: a gain subtracted
        ("Earnings of nonconsolidated affiliates less than dividends received", -1),  # Dow
        ("Pension income", -1),  # Boeing
        ("Cash distributions of income from unconsolidated joint ventures", None),  # cash received
        ("Deferred lease income", None),  # a deferral: the change in a liability
        ("Adjustments to reconcile net income to net cash used for operating activities", None),
        ("Deferred income taxes", None),
        ("Interest income received", None),
        ("Minority interest in income of subsidiaries", None),
        ("Loss (gain) on sale of businesses", None),  # names a loss: read as a pair elsewhere
    ],
)
def test_a_cash_flow_adjustment_named_for_income_alone_reads_as_income(label, polarity):
    assert cash_flow_income_polarity(label) == polarity


def test_a_cash_flow_extension_for_a_gain_is_stored_gain_positive_as_a_credit(taxonomy):
    # Johnson & Johnson prints "Net gain on sale of assets/businesses" (226) among its adjustments:
    # a gain of 226 subtracted. Stored 226 in a credit extension, as the taxonomy's gains are.
    # The income the statement starts from (here a partnership's, an extension) stays as printed.
    start = _under("Cash flows from operating activities", (_row(1, "Earnings of the partnership", "14,066"),))
    rows = _under(
        "Adjustments to reconcile earnings to cash flows from operating activities:",
        (_row(2, "Net gain on sale of assets/businesses", "(226)"),),
        "Cash flows from operating activities",
    )
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, QUARTER, (*start, *rows))
    earnings, gain = (r for r in plan.rows if r.row.values)
    assert gain.extension is not None and gain.extension.balance == "credit" and gain.flip == -1
    assert earnings.extension is not None and earnings.flip == 1


@pytest.mark.parametrize(
    "label",
    [
        "Accretion of discounts on marketable securities",  # C3.ai
        "Amortization (accretion) of premiums (discounts) on marketable securities, net",
        "Amortization of premiums and accretion of discounts on investments",
    ],
)
def test_accretion_of_discounts_on_securities_is_the_investments_accretion(taxonomy, label):
    # Income with no cash, subtracted: printed (17,214), stored 17,214 in the credit concept.
    rows = _under(
        "Adjustments to reconcile net loss to net cash used in operating activities:",
        (_row(1, label, "(17,214)"),),
        "Cash flows from operating activities:",
    )
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, QUARTER, rows)
    (accretion,) = [r for r in plan.rows if r.row.values]
    assert [c.name for c in accretion.concepts] == ["AccretionAmortizationOfDiscountsAndPremiumsInvestments"]
    assert accretion.flip == -1


def test_a_class_of_stock_under_a_dividends_heading_is_that_class_dividends(taxonomy):
    # Spire's statement of shareholders' equity: "Dividends declared:" over "Common stock ($0.755
    # per share)" (40.2) and "Preferred stock ($0.36875 per depositary share)" (3.7): both debits,
    # stored positive.
    labels = ("Common stock ($0.755 per share)", "Preferred stock ($0.36875 per depositary share)")
    rows = _under(
        "Dividends declared:", _rows((*labels, "Common stock dividends reinvested"), ("(40.2)", "(3.7)", "2"))
    )
    plan = _plan(taxonomy, StatementKind.EQUITY, QUARTER, rows)
    common, preferred, reinvested = (r for r in plan.rows if r.row.values)
    assert [c.name for c in common.concepts] == ["DividendsCommonStock"] and common.flip == -1
    assert [c.name for c in preferred.concepts] == ["DividendsPreferredStock"] and preferred.flip == -1
    assert "DividendsCommonStock" not in [c.name for c in reinvested.concepts]  # the line names more than a class


@pytest.mark.parametrize(
    "label",
    ["Changes in operational working capital, excluding cash and debt", "Net change in operating working capital"],
)
def test_a_change_in_working_capital_on_one_line_is_the_change_in_operating_capital(taxonomy, label):
    # ExxonMobil: (3,885) of cash used by working capital is an increase of 3,885 in it (a credit).
    rows = _under("Cash flows from operating activities", (_row(1, label, "(3,885)"),))
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, QUARTER, rows)
    (change,) = [r for r in plan.rows if r.row.values]
    assert [c.name for c in change.concepts] == ["IncreaseDecreaseInOperatingCapital"] and change.flip == -1


@pytest.mark.parametrize(
    ("heading", "label", "concept", "flip"),
    [
        # Johnson & Johnson: what the other line includes, in parentheses, is still the other line;
        # a payment (174) is stored positive in the credit concept
        ("Cash flows from investing activities", "Other (including capitalized licenses and milestones)",
         "PaymentsForProceedsFromOtherInvestingActivities", -1),
        # 3M: a payment shown (174) stays negative in the debit financing concept
        ("Cash flows from financing activities", "Other — net (including debt issuance costs)",
         "ProceedsFromPaymentsForOtherFinancingActivities", 1),
    ],
)  # fmt: skip
def test_an_other_line_of_investing_or_financing_is_the_activities_other(taxonomy, heading, label, concept, flip):
    plan = _plan(taxonomy, StatementKind.CASH_FLOWS, QUARTER, _under(heading, (_row(1, label, "(174)"),)))
    (other,) = [r for r in plan.rows if r.row.values]
    assert [c.name for c in other.concepts] == [concept] and other.flip == flip


def test_a_less_line_of_other_comprehensive_income_is_printed_as_its_size_not_its_effect(taxonomy):
    # "Less: reclassification adjustment for gains included in net income" 30 is a gain of 30
    # moved out of OCI (printed positive, subtracted): stored 30 in the debit reclassification
    # concept, even where no total shows the arithmetic.
    label = "Less: reclassification adjustment for gains included in net income"
    rows = _under("Unrealized gains on securities:", (_row(1, label, "30"),), "Other comprehensive income, net of tax:")
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows)
    (reclassified,) = [r for r in plan.rows if r.row.values]
    assert [c.balance for c in reclassified.concepts] == ["debit"] and reclassified.flip == 1


VULCAN_10K = ROOT.parent / "shared" / "corpus" / "filings" / "vulcan-materials_10-K_2012-12-31.htm"


def test_one_label_printed_with_opposite_signs_in_two_activities_is_two_concepts(settings):
    # Vulcan's 2012 cash flow statement prints "Excess tax benefits from share-based compensation"
    # among the operating adjustments, (267), and among the financing activities, 267 (the us-gaap
    # concepts for them are deprecated since ASU 2016-09). One extension concept holding both would
    # contradict itself and lose both; the financing line takes a concept named after its heading.
    model = prepare(VULCAN_10K, ConvertOptions(settings=settings, cik="0001396009")).model
    year = Period(end=date(2012, 12, 31), start=date(2012, 1, 1))
    found = {
        f.concept.name: f.value
        for f in model.facts
        if f.context.period == year and "ExcessTaxBenefits" in f.concept.name and not f.context.dimensions
    }
    assert sorted(found.values())[:2] == [Decimal(-267000), Decimal(267000)]
    assert not [p for p in model.left_out if "contradicts" in p.reason and "ExcessTax" in p.what]


@pytest.mark.parametrize(
    ("label", "amount", "stored"),
    [
        ("Foreign currency translation gain (loss) adjustments", "(980)", Decimal(-980)),  # Abbott 2023
        ("Net foreign currency translation gains (losses)", "220", Decimal(220)),  # Oracle 2024
        ("Foreign currency translation adjustments, net", "(1,631)", Decimal(-1631)),  # Pfizer 2023
        # Netflix 2024, its tax amounts in the label; Comcast 2023, "net of deferred taxes of $(29)"
        ("Foreign currency translation adjustments, net of income tax (expense) benefit of $(7) million", "113", 113),
        ("Currency translation adjustments, net of deferred taxes of $(29), $310 and $76", "1,478", 1478),
    ],
)
def test_a_translation_line_of_comprehensive_income_is_the_translation_concept_whatever_its_wording(
    taxonomy, label, amount, stored
):
    rows = _under("Other comprehensive income (loss):", _rows((label,), (amount,)))
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows)
    (line,) = [r for r in plan.rows if r.row.values]
    assert [c.name for c in line.concepts] == [
        "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"
    ]
    assert line.row.values[0].signed * line.flip == stored


def test_a_translation_loss_alone_does_not_say_how_its_sign_reads(taxonomy):
    rows = _under("Other comprehensive income (loss):", _rows(("Foreign currency translation loss",), ("(12)",)))
    plan = _plan(taxonomy, StatementKind.COMPREHENSIVE_INCOME, QUARTER, rows)
    (line,) = [r for r in plan.rows if r.row.values]
    assert not any("Translation" in c.name for c in line.concepts)


def test_an_income_statements_translation_gain_is_not_other_comprehensive_income(taxonomy):
    # among other income and expense, a translation gain (loss) is earnings, not OCI
    rows = _rows(("Interest expense", "Foreign currency translation gain (loss)"), ("(40)", "12"))
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, QUARTER, rows)
    assert not any("ComprehensiveIncome" in c.name for r in plan.rows for c in r.concepts)


def test_a_total_named_like_its_first_line_takes_the_concept_both_labels_name(taxonomy):
    # GE's 1993 statement of earnings: "Earnings from discontinued operations, net of income taxes"
    # 75 and "Gain on transfer of discontinued operations, net of income taxes" 678 add up to
    # "Earnings from discontinued operations" 753: the total is the whole of what both labels name.
    # A total naming more than its first line ("Net income attributable to Class A and Class B
    # common stockholders" under "Net income") keeps its own reading.
    labels = (
        "Earnings from discontinued operations, net of income taxes",
        "Gain on transfer of discontinued operations, net of income taxes",
        "Earnings from discontinued operations",
    )
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, QUARTER, _rows(labels, ("75", "678", "753")))
    part, _, whole = plan.rows
    assert [c.name for c in whole.concepts] == ["IncomeLossFromDiscontinuedOperationsNetOfTax"]
    assert "IncomeLossFromDiscontinuedOperationsNetOfTax" not in [c.name for c in part.concepts]
    labels = (
        "Net income",
        "Less: Net income attributable to participating securities",
        "Net income attributable to Class A and Class B common stockholders",
    )  # Facebook's 2019 10-Q
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, QUARTER, _rows(labels, ("4,988", "(1)", "4,987")))
    assert [c.name for c in plan.rows[0].concepts] == ["NetIncomeLoss"]


@pytest.mark.parametrize(
    ("label", "tagged"),
    [
        ("Gain on transfer of discontinued operations, net of income taxes of $752", True),  # GE 1993
        ("Gain on disposition of discontinued operations, net of income taxes", True),  # PerkinElmer 2000
        ("Gain (loss) on sale of discontinued operations", True),
        ("Loss on sale of discontinued operations", False),  # a loss alone does not say how its sign reads
    ],
)
def test_a_gain_on_disposing_of_discontinued_operations_is_the_disposal_concept(taxonomy, label, tagged):
    labels = ("Earnings from discontinued operations, net of income taxes", label, "Net earnings")
    plan = _plan(taxonomy, StatementKind.INCOME_STATEMENT, QUARTER, _rows(labels, ("75", "678", "753")))
    names = [c.name for c in plan.rows[1].concepts]
    assert (names == ["DiscontinuedOperationGainLossOnDisposalOfDiscontinuedOperationNetOfTax"]) is tagged


INTEL_10K = ROOT.parent / "shared" / "corpus" / "filings" / "intel_10-K_2002-12-28.htm"


def test_a_line_printed_alike_in_two_statements_dashes_included_shares_one_concept(settings):
    # Intel's 2002 10-K prints "Amortization of goodwill" 1,310, 1,710 and a dash for 2002 in the
    # income statement and again among the cash flow adjustments: one line item, one extension
    # concept. The dash is stored as zero in both; read as "no value" it made them disagree.
    model = prepare(INTEL_10K, ConvertOptions(settings=settings, cik="0000050863")).model
    concepts = {f.concept.name for f in model.facts if "AmortizationOfGoodwill" in f.concept.name}
    assert concepts == {"AmortizationOfGoodwill"}
