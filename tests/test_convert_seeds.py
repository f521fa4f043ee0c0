"""The seeds end to end: Arelle-valid iXBRL and XBRL carrying the right facts."""

from decimal import Decimal

import pytest
from lxml import etree

NS = {
    "xbrli": "http://www.xbrl.org/2003/instance",
    "us-gaap": "http://fasb.org/us-gaap/2024",
    "dei": "http://xbrl.sec.gov/dei/2024",
    "ix": "http://www.xbrl.org/2013/inlineXBRL",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
}


def clark(prefix: str, local: str) -> str:
    return f"{{{NS[prefix]}}}{local}"


def instance(seed_outputs, name):
    result, outdir = seed_outputs[name]
    xml = next(p for p in result.files if p.suffix == ".xml" and "_" not in p.name)
    return etree.parse(str(xml)).getroot()


def context_periods(root):
    periods = {}
    for ctx in root.findall("xbrli:context", NS):
        instant = ctx.findtext(".//xbrli:instant", namespaces=NS)
        start = ctx.findtext(".//xbrli:startDate", namespaces=NS)
        end = ctx.findtext(".//xbrli:endDate", namespaces=NS)
        periods[ctx.get("id")] = instant or f"{start}/{end}"
    return periods


def fact(root, qname, period):
    periods = context_periods(root)
    found = [e for e in root.findall(qname, NS) if periods[e.get("contextRef")] == period]
    assert len(found) == 1, f"{qname} {period}: {len(found)} facts"
    return found[0]


@pytest.mark.parametrize("name", ["capstone_8-K_2006-11-09", "capstone_8-K_2007-11-08"])
def test_outputs_are_valid_with_no_warnings(seed_outputs, name):
    result, _ = seed_outputs[name]
    assert result.report.files == tuple(
        p.name for p in result.files if p.suffix in (".htm", ".xml") and "_" not in p.name
    )
    assert [f"{f.code}: {f.message}" for f in result.report.findings] == []


@pytest.mark.parametrize(
    ("name", "files"),
    [
        (
            "capstone_8-K_2006-11-09",
            [
                "capstone-20061109.htm",
                "capstone-20061109.xml",
                "capstone-20061109.xsd",
                "capstone-20061109_cal.xml",
                "capstone-20061109_def.xml",
                "capstone-20061109_lab.xml",
                "capstone-20061109_pre.xml",
            ],
        ),
        (
            "capstone_8-K_2007-11-08",
            [
                "cpst-20071108.htm",
                "cpst-20071108.xml",
                "cpst-20071108.xsd",
                "cpst-20071108_cal.xml",
                "cpst-20071108_def.xml",
                "cpst-20071108_lab.xml",
                "cpst-20071108_pre.xml",
            ],
        ),
    ],
)
def test_edgar_style_file_names(seed_outputs, name, files):
    result, _ = seed_outputs[name]
    assert sorted(p.name for p in result.files) == files


@pytest.mark.parametrize(
    ("qname", "period", "value"),
    [
        ("us-gaap:Revenues", "2007-07-01/2007-09-30", "7219000"),
        ("us-gaap:Revenues", "2006-04-01/2006-09-30", "9512000"),
        ("us-gaap:EarningsPerShareBasic", "2007-07-01/2007-09-30", "-0.06"),
        ("us-gaap:EarningsPerShareDiluted", "2007-07-01/2007-09-30", "-0.06"),
        ("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2007-07-01/2007-09-30", "145440000"),
        ("us-gaap:RetainedEarningsAccumulatedDeficit", "2007-09-30", "-556130000"),
        ("us-gaap:TreasuryStockValue", "2007-09-30", "559000"),
        ("us-gaap:InterestExpense", "2006-07-01/2006-09-30", "1000"),
        ("us-gaap:GrossProfit", "2007-07-01/2007-09-30", "-756000"),
        ("us-gaap:NetIncomeLoss", "2007-04-01/2007-09-30", "-18860000"),
        ("us-gaap:OtherLiabilitiesCurrent", "2007-03-31", "0"),
        ("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "2007-09-30", "835000"),
        ("us-gaap:CommonStockSharesIssued", "2007-03-31", "144512997"),
        ("us-gaap:CommonStockSharesOutstanding", "2007-09-30", "145474074"),
        ("us-gaap:CommonStockParOrStatedValuePerShare", "2007-09-30", "0.001"),
        ("us-gaap:TreasuryStockCommonShares", "2007-03-31", "551208"),
        ("us-gaap:PreferredStockSharesIssued", "2007-09-30", "0"),
        ("dei:EntityFileNumber", "2007-11-08/2007-11-08", "001-15957"),
        ("dei:DocumentPeriodEndDate", "2007-11-08/2007-11-08", "2007-11-08"),
        ("dei:TradingSymbol", "2007-11-08/2007-11-08", "CPST"),
        ("dei:EntityIncorporationStateCountryCode", "2007-11-08/2007-11-08", "DE"),
    ],
)
def test_seed_2007_facts(seed_outputs, qname, period, value):
    assert fact(instance(seed_outputs, "capstone_8-K_2007-11-08"), qname, period).text == value


def test_seed_2007_units_and_decimals(seed_outputs):
    root = instance(seed_outputs, "capstone_8-K_2007-11-08")
    revenue = fact(root, "us-gaap:Revenues", "2007-07-01/2007-09-30")
    eps = fact(root, "us-gaap:EarningsPerShareBasic", "2007-07-01/2007-09-30")
    shares = fact(root, "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "2007-07-01/2007-09-30")
    assert (revenue.get("unitRef"), revenue.get("decimals")) == ("USD", "-3")
    assert (eps.get("unitRef"), eps.get("decimals")) == ("USDPerShare", "2")
    assert (shares.get("unitRef"), shares.get("decimals")) == ("shares", "-3")
    nil = fact(root, "us-gaap:CommitmentsAndContingencies", "2007-09-30")
    assert nil.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"


def test_seed_2006_cover(seed_outputs):
    root = instance(seed_outputs, "capstone_8-K_2006-11-09")
    day = "2006-11-09/2006-11-09"
    assert fact(root, "dei:DocumentPeriodEndDate", day).text == "2006-11-09"
    assert fact(root, "dei:DocumentType", day).text == "8-K"
    assert fact(root, "dei:EntityCentralIndexKey", day).text == "0001009759"
    assert fact(root, "dei:WrittenCommunications", day).text == "false"
    assert fact(root, "dei:EntityAddressCityOrTown", day).text == "Chatsworth"
    assert root.findall("us-gaap:*", NS) == []


def test_signs_in_the_inline_document(seed_outputs):
    result, _ = seed_outputs["capstone_8-K_2007-11-08"]
    htm = etree.parse(str(next(p for p in result.files if p.suffix == ".htm"))).getroot()
    by_name = {}
    for element in htm.iter(clark("ix", "nonFraction")):
        by_name.setdefault(element.get("name"), element)
    deficit = by_name["us-gaap:RetainedEarningsAccumulatedDeficit"]
    treasury = by_name["us-gaap:TreasuryStockValue"]
    assert (deficit.text, deficit.get("sign"), deficit.get("scale")) == ("556,130", "-", "3")
    assert (treasury.text, treasury.get("sign")) == ("559", None)
    assert by_name["us-gaap:InterestExpense"].get("format") == "ixt:fixed-zero"
    boxes = [e for e in htm.iter(clark("ix", "nonNumeric")) if e.get("name") == "dei:WrittenCommunications"]
    assert boxes[0].get("format") == "ixt:fixed-false"


def test_calculations_tie_out_the_statement_totals(seed_outputs):
    result, _ = seed_outputs["capstone_8-K_2007-11-08"]
    cal = etree.parse(str(next(p for p in result.files if p.name.endswith("_cal.xml")))).getroot()
    arcs = {
        (
            a.get(clark("xlink", "from")).removeprefix("loc_"),
            a.get(clark("xlink", "to")).removeprefix("loc_"),
            Decimal(a.get("weight")),
        )
        for a in cal.iter(clark("link", "calculationArc"))
    }
    expected = {
        ("us-gaap_AssetsCurrent", "us-gaap_CashAndCashEquivalentsAtCarryingValue", 1),
        ("us-gaap_Assets", "us-gaap_AssetsCurrent", 1),
        ("us-gaap_LiabilitiesAndStockholdersEquity", "us-gaap_StockholdersEquity", 1),
        ("us-gaap_StockholdersEquity", "us-gaap_TreasuryStockValue", -1),
        ("us-gaap_GrossProfit", "us-gaap_CostOfGoodsAndServicesSold", -1),
        ("us-gaap_OperatingIncomeLoss", "us-gaap_OperatingExpenses", -1),
        ("us-gaap_NetIncomeLoss", "us-gaap_IncomeTaxExpenseBenefit", -1),
    }
    assert expected <= arcs


def test_every_element_has_a_label_and_a_place_in_the_presentation(seed_outputs):
    for result, _ in seed_outputs.values():
        model = result.model
        labelled = {q for q, role, _ in model.labels if role.endswith("/role/label")}
        presented = {q for r in model.roles for a in r.presentation for q in (a.parent, a.child)}
        used = {f.concept.qname for f in model.facts}
        assert used <= labelled
        assert used <= presented
