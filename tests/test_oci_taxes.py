"""Taxes other-comprehensive-income lines say they are net of ("net of deferred taxes of $(29),
$310 and $76"): facts of the statement's columns, signed by the concept's balance from what the
words say a positive amount is, and left to a person where the words do not say."""

from datetime import date
from decimal import Decimal

from converter.extract import extract
from converter.extract.model import (
    LOW_CONFIDENCE,
    Column,
    Grid,
    LabelKind,
    LabelSubject,
    Period,
    PeriodLength,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    TaxDirection,
    UnitKind,
)
from converter.extract.oci_taxes import oci_taxes
from converter.ingest import read_submission
from converter.mapping.signs import label_fact_value
from converter.pipeline import ConvertOptions, prepare

from .conftest import FIXTURES
from .test_reading_rules import cell

COMCAST = FIXTURES / "excerpts" / "comcast_10-K_2023-12-31_comprehensive-income.htm"
ABBOTT = FIXTURES / "excerpts" / "abbott-laboratories_10-K_2023-12-31_comprehensive-income.htm"
YEARS = {year: Period(end=date(year, 12, 31), start=date(year, 1, 1)) for year in (2021, 2022, 2023)}


def _taxes(path):
    (table,) = extract(read_submission(path)).statements
    return {
        (f.subject, f.kind, f.periods[0].end.year): (f.value.scaleb(f.exponent), f.tax_direction)
        for f in table.label_facts
    }


def _stored(path, cik: str, settings) -> dict[tuple[str, int], object]:
    model = prepare(path, ConvertOptions(settings=settings, cik=cik)).model
    return {(f.concept.name, f.context.period.end.year): f for f in model.facts if f.concept.name.endswith("Tax")}


def test_taxes_a_comprehensive_income_line_is_net_of_are_facts_of_its_columns():
    # Comcast 2023: "Currency translation adjustments, net of deferred taxes of $(29), $310 and $76"
    # over three years; under "Cash flow hedges:" a "Deferred gains (losses)" line (before
    # reclassification) and a "Realized (gains) losses reclassified to net income" line.
    taxes = _taxes(COMCAST)
    expense_first = TaxDirection.BENEFIT  # "net of tax (expense) benefit": a positive amount is a benefit
    assert taxes[(LabelSubject.TRANSLATION, LabelKind.TAX, 2023)] == (Decimal(-29000000), expense_first)
    assert taxes[(LabelSubject.TRANSLATION, LabelKind.TAX, 2021)] == (Decimal(76000000), expense_first)
    hedges = LabelSubject.CASH_FLOW_HEDGES
    assert taxes[(hedges, LabelKind.BEFORE_RECLASSIFICATION_TAX, 2022)][0] == Decimal(-18000000)
    assert taxes[(hedges, LabelKind.RECLASSIFICATION_TAX, 2023)][0] == Decimal(38000000)
    assert taxes[(LabelSubject.BENEFIT_PLANS, LabelKind.TAX, 2023)][0] == Decimal(-2000000)
    assert len(taxes) == 12


def test_a_tax_is_signed_by_its_concepts_balance_from_what_the_words_say(taxonomy):
    # "(expense) benefit": Comcast's "$(29)" is an expense of 29. The translation adjustment's tax
    # concept is a debit (expense positive): 29; the benefit plans' is a credit (benefit positive):
    # the "$(2)" expense is -2.
    (table,) = extract(read_submission(COMCAST)).statements
    facts = {(f.subject, f.periods[0].end.year): f for f in table.label_facts if f.kind is LabelKind.TAX}
    translation = taxonomy["us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentTax"]
    benefit_plans = taxonomy["us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansTax"]
    assert label_fact_value(facts[(LabelSubject.TRANSLATION, 2023)], translation) == Decimal(29000000)
    assert label_fact_value(facts[(LabelSubject.TRANSLATION, 2022)], translation) == Decimal(-310000000)
    assert label_fact_value(facts[(LabelSubject.BENEFIT_PLANS, 2023)], benefit_plans) == Decimal(-2000000)


def test_a_tax_whose_words_say_neither_expense_nor_benefit_is_stored_as_printed_for_review(settings):
    # Abbott 2023: "..., net of taxes of $(66) in 2023, $11 in 2022 and $63 in 2021": each amount
    # dated by its year; whether they are expenses or benefits the label does not say.
    stored = _stored(ABBOTT, "0000001800", settings)
    hedges = {
        year: stored[("OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationTax", year)]
        for year in YEARS
    }
    assert [hedges[year].value for year in (2023, 2022, 2021)] == [-66000000, 11000000, 63000000]
    assert all(f.decision.confidence < LOW_CONFIDENCE for f in hedges.values())
    assert "does not say" in hedges[2023].decision.concept.detail
    assert stored[("OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansTax", 2022)].value == 330000000


def _table(*labels: tuple[str, tuple[str, ...]]) -> StatementTable:
    columns = tuple(
        Column(i + 1, YEARS[year], str(year), PeriodLength(12)) for i, year in enumerate((2023, 2022, 2021))
    )
    rows = tuple(
        StatementRow(i, label, RowKind.ITEM, UnitKind.MONETARY, (None, None, None), sections, label_cell=cell(label))
        for i, (label, sections) in enumerate(labels)
    )
    grid = Grid("t1", 0, 0, 0, ())
    return StatementTable("t1", StatementKind.COMPREHENSIVE_INCOME, "", Scale(), columns, rows, grid)


def test_tax_amounts_that_do_not_pair_with_the_columns_are_not_guessed():
    table = _table(
        ("Foreign currency translation, net of tax of $5 and $6", ()),  # two amounts, three columns
        ("Unrealized gains, net of tax of $1, $2 and $3", ()),  # no subject, no heading naming one
        ("Net investment hedges, net of tax of $1, $2 and $3", ("Foreign currency translation:",)),
        ("Pension adjustments, net of tax of $4 in 2019, $5 in 2022 and $6 in 2021", ()),  # no 2019 column
    )
    assert oci_taxes(table) == ()


def test_a_line_under_a_subjects_heading_takes_its_subject_and_a_total_line_the_whole_change():
    table = _table(
        ("Net change, net of income tax expense (benefit) of $(246) million, $36 million, and $0", ("Securities:",)),
    )
    facts = oci_taxes(table)
    assert [(f.subject, f.kind, f.value, f.exponent, f.tax_direction) for f in facts][:2] == [
        (LabelSubject.SECURITIES, LabelKind.TAX, Decimal(-246), 6, TaxDirection.EXPENSE),
        (LabelSubject.SECURITIES, LabelKind.TAX, Decimal(36), 6, TaxDirection.EXPENSE),
    ]
    assert facts[2].value == 0 and facts[2].exponent == Scale().monetary
