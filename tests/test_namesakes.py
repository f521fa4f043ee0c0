"""A row no rule or learned label knows takes a standard concept named like its label: by its exact
camel-cased words, else by the one concept named like it with words singular or plural, '&' as
'and', a trailing 'net' or none, and the current or noncurrent part its section says."""

import pytest

from converter.extract.model import StatementKind, UnitKind
from converter.mapping.concepts import fits, namesake

BS = StatementKind.BALANCE_SHEET
IS = StatementKind.INCOME_STATEMENT
CF = StatementKind.CASH_FLOWS
CURRENT = frozenset({"current_liabilities"})
NONCURRENT = frozenset({"noncurrent_liabilities"})


def _named(taxonomy, label: str, kind: StatementKind = BS, sections: frozenset[str] = frozenset()) -> str | None:
    match = namesake(taxonomy, label, lambda c: fits(c, kind, UnitKind.MONETARY, sections), sections, kind)
    return match.concepts[0].qname if match else None


@pytest.mark.parametrize(
    ("label", "kind", "sections", "concept"),
    [
        ("Goodwill", BS, frozenset(), "us-gaap:Goodwill"),
        ("Inventories, net", BS, frozenset(), "us-gaap:InventoryNet"),
        ("Operating lease right-of-use assets", BS, frozenset(), "us-gaap:OperatingLeaseRightOfUseAsset"),
        ("Finance lease right-of-use assets, net", BS, frozenset(), "us-gaap:FinanceLeaseRightOfUseAsset"),
        ("Property, plant & equipment, net", BS, frozenset(), "us-gaap:PropertyPlantAndEquipmentNet"),
        ("Operating lease liabilities", BS, CURRENT, "us-gaap:OperatingLeaseLiabilityCurrent"),
        ("Operating lease liabilities", BS, NONCURRENT, "us-gaap:OperatingLeaseLiabilityNoncurrent"),
        ("Repayments of commercial paper, net", CF, frozenset(), "us-gaap:RepaymentsOfCommercialPaper"),
    ],
)
def test_a_label_takes_the_concept_named_like_it(taxonomy, label, kind, sections, concept):
    assert _named(taxonomy, label, kind, sections) == concept


def test_a_row_outside_current_and_noncurrent_sections_takes_no_concept_with_a_current_part(taxonomy):
    assert _named(taxonomy, "Operating lease liabilities") is None


def test_on_a_statement_of_income_a_net_line_is_not_one_of_its_sides(taxonomy):
    """'Interest expense, net' nets interest expense and income: not InterestExpense there, though
    a cash-flow line 'X, net' is X net of its opposite flows."""
    assert _named(taxonomy, "Interest expense, net", IS) != "us-gaap:InterestExpense"
    assert _named(taxonomy, "Interest expense", IS) == "us-gaap:InterestExpense"


def test_two_concepts_named_like_a_label_leave_it_unnamed(taxonomy):
    # DeferredIncomeTaxLiabilities and DeferredIncomeTaxLiabilitiesNet are both named like it
    assert _named(taxonomy, "Deferred income tax liability") is None


def test_a_concept_named_exactly_like_the_label_comes_first(taxonomy):
    # InterestPaid is the label's exact name; InterestPaidNet is only named like it
    assert _named(taxonomy, "Interest paid", CF) == "us-gaap:InterestPaid"
