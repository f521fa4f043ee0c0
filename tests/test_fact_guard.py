"""The fact model never holds a fact XBRL rejects: the builder splits or leaves it out, and says so."""

from datetime import date
from decimal import Decimal

from converter.extract.model import Period, UnitKind
from converter.mapping.builder import FactModelBuilder
from converter.mapping.model import STANDARD_LABEL, Arc, ConceptInfo, Display, Role
from converter.omissions import PartKind

YEAR = Period(end=date(2005, 12, 31), start=date(2005, 1, 1))
YEAR_END = Period(end=date(2005, 12, 31))
GAAP = "http://fasb.org/us-gaap/2024"
MONETARY = "xbrli:monetaryItemType"
CASH = ConceptInfo("us-gaap", "Cash", GAAP, "instant", "debit", MONETARY)
REVENUES = ConceptInfo("us-gaap", "Revenues", GAAP, "duration", "credit", MONETARY)
SHARES = ConceptInfo("dei", "EntityCommonStockSharesOutstanding", "http://dei", "instant", None, "xbrli:sharesItemType")
REQUIRED = ConceptInfo("us-gaap", "Goodwill", GAAP, "instant", "debit", MONETARY, nillable=False)
TAXONOMY = {c.qname: c for c in (CASH, REVENUES, SHARES, REQUIRED)}
SHOWN = Display(None)


def builder() -> FactModelBuilder:
    return FactModelBuilder("0000000001", "abc", "http://abc.example/20051231", lambda span: "", TAXONOMY)


def money(b: FactModelBuilder, concept: ConceptInfo, period: Period, value: str, decimals: int = 0):
    return b.add_fact(concept, period, UnitKind.MONETARY, Decimal(value), decimals, SHOWN, None, "row")


def build(b: FactModelBuilder):
    return b.build("20051231", "test", ())


def test_an_extension_asked_for_the_other_period_type_is_split_into_a_sibling():
    b = builder()
    other = b.extension(["Other reserves"], "instant", "xbrli:monetaryItemType", "credit")
    b.label(other, STANDARD_LABEL, "Other reserves")
    money(b, other, YEAR_END, "10")
    flow = money(b, other, YEAR, "3")
    root = "us-gaap:StatementOfFinancialPositionAbstract"
    b.roles.append(Role("BS", "http://abc.example/role/BS", "0000002 - Statement - BS", (Arc(root, other.qname, 1),)))
    model = build(b)

    assert flow.concept.qname == "abc:OtherReservesDuration"
    assert (flow.concept.period_type, other.period_type) == ("duration", "instant")
    assert [f.concept.name for f in model.facts] == ["OtherReserves", "OtherReservesDuration"]
    assert {c.name for c in model.extension_concepts} == {"OtherReserves", "OtherReservesDuration"}
    assert ("abc:OtherReservesDuration", STANDARD_LABEL, "Other reserves (Duration)") in model.labels
    arcs = [(a.child, a.order) for a in model.roles[0].presentation]
    assert arcs == [("abc:OtherReserves", 1), ("abc:OtherReservesDuration", 2)]
    assert model.left_out == ()


def test_a_standard_concept_of_the_other_period_type_gets_no_fact_and_a_record():
    b = builder()
    assert money(b, CASH, YEAR, "5") is None
    assert money(b, REVENUES, YEAR, "7") is not None
    model = build(b)
    assert [f.concept.qname for f in model.facts] == ["us-gaap:Revenues"]
    assert [c.id for c in model.contexts] == ["d20050101-20051231"]
    (record,) = model.left_out
    assert record.part is PartKind.FACT
    assert record.what == "us-gaap:Cash = 5 for 2005-01-01 to 2005-12-31"
    assert "instant concept" in record.reason and "duration" in record.reason


def test_a_value_in_the_wrong_unit_or_without_one_is_left_out():
    b = builder()
    assert b.add_fact(SHARES, YEAR_END, UnitKind.MONETARY, Decimal(5), 0, SHOWN, None) is None
    assert b.add_fact(SHARES, YEAR_END, None, "5", None, SHOWN, None) is None
    assert b.add_fact(SHARES, YEAR_END, UnitKind.SHARES, Decimal(5), 0, SHOWN, None) is not None
    model = build(b)
    assert len(model.facts) == 1
    assert ["in monetary units" in r.reason for r in model.left_out] == [True, False]
    assert "has no unit" in model.left_out[1].reason


def test_nil_for_a_concept_that_may_not_be_nil_is_left_out():
    b = builder()
    assert b.add_fact(REQUIRED, YEAR_END, UnitKind.MONETARY, None, None, SHOWN, None) is None
    assert b.add_fact(CASH, YEAR_END, UnitKind.MONETARY, None, None, SHOWN, None) is not None
    assert "may not be nil" in build(b).left_out[0].reason


def test_a_boolean_or_date_not_written_as_one_is_left_out():
    flag = ConceptInfo("dei", "AmendmentFlag", "http://dei", "duration", None, "xbrli:booleanItemType")
    day = ConceptInfo("dei", "DocumentPeriodEndDate", "http://dei", "duration", None, "xbrli:dateItemType")
    b = builder()
    for concept, value in ((flag, "yes"), (flag, "false"), (day, "December 31, 2005"), (day, "2005-12-31")):
        b.add_fact(concept, YEAR, None, value, None, SHOWN, None)
    model = build(b)
    assert [f.value for f in model.facts] == ["false", "2005-12-31"]
    assert [r.what for r in model.left_out] == [
        "dei:AmendmentFlag = 'yes' for 2005-01-01 to 2005-12-31",
        "dei:DocumentPeriodEndDate = 'December 31, 2005' for 2005-01-01 to 2005-12-31",
    ]


def test_two_different_values_for_one_concept_and_period_are_both_left_out():
    b = builder()
    money(b, CASH, YEAR_END, "100")
    money(b, REVENUES, YEAR, "1")
    money(b, CASH, YEAR_END, "120")
    money(b, CASH, YEAR_END, "100")  # agrees with the first, but which of the two is right is not known
    model = build(b)
    assert [f.concept.qname for f in model.facts] == ["us-gaap:Revenues"]
    assert [r.what for r in model.left_out] == [
        "us-gaap:Cash = 100 for 2005-12-31",
        "us-gaap:Cash = 120 for 2005-12-31",
        "us-gaap:Cash = 100 for 2005-12-31",
    ]
    assert len({f.id for f in model.facts}) == len(model.facts)


def test_duplicates_that_differ_only_in_precision_are_both_kept():
    b = builder()
    money(b, CASH, YEAR_END, "1200000", -5)  # "1.2 million"
    money(b, CASH, YEAR_END, "1234000", -3)  # "1,234 thousand": within the rounding of the first
    money(b, REVENUES, YEAR, "1200000", -5)
    money(b, REVENUES, YEAR, "1300000", -3)  # outside it
    model = build(b)
    assert [f.concept.name for f in model.facts] == ["Cash", "Cash"]
    assert [r.what for r in model.left_out] == [
        "us-gaap:Revenues = 1200000 for 2005-01-01 to 2005-12-31",
        "us-gaap:Revenues = 1300000 for 2005-01-01 to 2005-12-31",
    ]
