"""Our own rules on any filer's facts (converter/validate/xbrl_rules.py), as pure functions."""

from converter.arelle_adapter import FactKey, LoadedFact
from converter.validate.xbrl_rules import FiledFacts, check_facts, non_negative, period_end_date, required_dei

DEI = "http://xbrl.sec.gov/dei/2023"
GAAP = "http://fasb.org/us-gaap/2023"


def _fact(namespace: str, name: str, value: str, period: str, numeric: bool = False, dimensional: bool = False):
    prefix = "dei" if namespace == DEI else "us-gaap"
    key = FactKey(f"{prefix}:{name}", "http://www.sec.gov/CIK|0000000001", period, "", value, "")
    return LoadedFact(key, namespace, name, numeric, dimensional, "x.htm", 7)


def _cover(form: str, period_end: str, *more: str) -> list[LoadedFact]:
    names = {"DocumentType": form, "DocumentPeriodEndDate": period_end, "EntityRegistrantName": "A Co"}
    names |= {"EntityCentralIndexKey": "0000000001", "AmendmentFlag": "false"}
    names |= {name: "x" for name in more}
    return [_fact(DEI, name, value, f"{period_end}/{period_end}") for name, value in names.items()]


def test_a_10k_without_its_fiscal_year_end_date_misses_a_required_dei_fact():
    filed = FiledFacts("x.htm", tuple(_cover("10-K/A", "2023-12-31", "DocumentFiscalPeriodFocus")))
    assert [f.message.split(" ")[0] for f in required_dei(filed)] == ["dei:CurrentFiscalYearEndDate"]
    complete = FiledFacts(
        "x.htm", tuple(_cover("10-K", "2023-12-31", "DocumentFiscalPeriodFocus", "CurrentFiscalYearEndDate"))
    )
    assert list(required_dei(complete)) == []


def test_an_8k_may_report_statements_ending_before_its_date_but_not_after():
    quarter = _fact(GAAP, "Revenues", "5", "2023-07-01/2023-09-30", numeric=True)
    assert list(period_end_date(FiledFacts("x.htm", (*_cover("8-K", "2023-11-08"), quarter)))) == []
    (finding,) = period_end_date(FiledFacts("x.htm", (*_cover("8-K", "2023-06-30"), quarter)))
    assert finding.code == "xbrlconv.dei.periodEndDate" and "2023-09-30" in finding.message and finding.line == 7


def test_a_periodic_reports_statements_end_within_3_days_of_its_period_end():
    year = _fact(GAAP, "Revenues", "5", "2023-01-01/2023-12-30", numeric=True)  # a 52/53-week year
    assert list(period_end_date(FiledFacts("x.htm", (*_cover("10-K", "2023-12-31"), year)))) == []
    old_year = _fact(GAAP, "Revenues", "5", "2022-01-01/2022-12-31", numeric=True)
    assert len(list(period_end_date(FiledFacts("x.htm", (*_cover("10-K", "2023-12-31"), old_year))))) == 1
    event = _fact(GAAP, "DividendsPayable", "5", "2024-02-01", numeric=True)  # an instant after the year: not a period
    assert list(period_end_date(FiledFacts("x.htm", (*_cover("10-K", "2023-12-31"), year, event)))) == []


def test_negative_values_of_non_negative_concepts_count_only_entity_wide():
    negative = _fact(GAAP, "Assets", "-5", "2023-12-31", numeric=True)
    of_a_member = _fact(GAAP, "Assets", "-5", "2023-12-31", numeric=True, dimensional=True)  # eliminations
    income = _fact(GAAP, "NetIncomeLoss", "-5", "2023-01-01/2023-12-31", numeric=True)
    filed = FiledFacts("x.htm", (negative, of_a_member, income))
    assert [f.code for f in non_negative(filed)] == ["xbrlconv.nonNegative"]
    assert {f.code for f in check_facts(filed)} >= {"xbrlconv.nonNegative", "xbrlconv.dei.required"}
