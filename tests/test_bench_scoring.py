"""The fidelity bench's scoring: exact periods, concept accuracy over all truth facts, wrong values,
and hand-checked truth as truth/manual/*.json states it."""

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from scoring import MissKind, OurFact, score_cover, score_facts  # noqa: E402
from truth import (  # noqa: E402
    Precision,
    TruthCover,
    TruthFact,
    cover_text,
    inline_facts,
    is_statement_title,
    manual,
    months_before,
    normalize_cover,
)

YEAR = (date(2023, 1, 1), date(2023, 12, 31))


def _truth(concept="NetIncomeLoss", value="100", period=YEAR, **kw) -> TruthFact:
    return TruthFact("inline", concept, period[0], period[1], Decimal(value), **kw)


def _ours(concept="NetIncomeLoss", value="100", period=YEAR) -> OurFact:
    return OurFact(concept, period[0], period[1], Decimal(value))


def test_a_period_matches_only_exactly():
    day_late = (date(2023, 1, 2), date(2023, 12, 31))
    s, misses = score_facts([_truth()], [_ours(period=day_late)])
    assert (s.truth, s.recalled, s.within_week) == (1, 0, 1)
    assert [m.kind for m in misses] == [MissKind.WITHIN_WEEK]
    s, _ = score_facts([_truth()], [_ours(period=(date(2023, 1, 9), date(2023, 12, 31)))])  # 8 days off
    assert (s.recalled, s.within_week) == (0, 0)
    s, misses = score_facts([_truth()], [_ours()])
    assert (s.recalled, s.concept_ok, misses) == (1, 1, [])


def test_truth_known_to_the_month_matches_to_the_month():
    # FSDS rounds a 52/53-week filer's year ended December 27, 2008 to December 31, twelve months
    truth = _truth(period=(date(2008, 1, 1), date(2008, 12, 31)), precision=Precision.MONTHS)
    s, _ = score_facts([truth], [_ours(period=(date(2007, 12, 30), date(2008, 12, 27)))])
    assert (s.recalled, s.month_precision) == (1, 1)
    s, _ = score_facts([truth], [_ours(period=(date(2008, 3, 30), date(2008, 12, 27)))])  # nine months
    assert s.recalled == 0


def test_concept_accuracy_counts_every_truth_fact():
    truth = [_truth(), _truth("Revenues", "500"), _truth("Assets", "900", (None, date(2023, 12, 31)))]
    ours = [_ours(), _ours("OtherIncome", "500")]  # right; right value under a wrong concept; missing
    s, misses = score_facts(truth, ours)
    assert (s.truth, s.recalled, s.concept_ok) == (3, 2, 1)
    assert sorted(m.kind for m in misses) == sorted([MissKind.CONCEPT, MissKind.MISSED])


@pytest.mark.parametrize(
    ("truth", "ours", "compared", "wrong"),
    [
        (_truth(), [_ours(value="90")], 1, 1),  # own concept, exact period, other value
        (_truth(), [_ours(value="90"), _ours()], 1, 0),  # the truth's value is among ours
        (_truth(), [_ours(value="90", period=(date(2022, 1, 1), date(2022, 12, 31)))], 0, 0),  # other period
        (_truth(), [_ours("ProfitLoss", "90")], 0, 0),  # an equivalent concept is not the truth's own
        (_truth(accepted=("NetIncomeLoss", "ProfitLoss")), [_ours("ProfitLoss", "90")], 1, 1),  # manual lists it
        (_truth("ex27:NET-INCOME"), [_ours(value="90")], 0, 0),  # EX-27 tags name no concept of ours
    ],
)
def test_wrong_values(truth, ours, compared, wrong):
    s, misses = score_facts([truth], ours)
    assert (s.compared, s.wrong) == (compared, wrong)
    assert sum(m.kind is MissKind.WRONG_VALUE for m in misses) == wrong


def test_a_cover_field_may_accept_several_spellings():
    truth = [TruthCover("manual", "EntityFileNumber", ("0-27026", "000-27026")), TruthCover("manual", "X", ("a",))]
    s, misses = score_cover(truth, {"EntityFileNumber": "000-27026", "X": "b"})
    assert (s.cover_truth, s.cover_ok) == (2, 1)
    assert [m.kind for m in misses] == [MissKind.COVER]


def test_manual_truth_is_read_with_its_accepted_concepts_and_spellings(tmp_path: Path):
    (tmp_path / "truth" / "manual").mkdir(parents=True)
    data = {
        "filing": "filings/x_8-K_2005-04-21.txt",
        "facts": [
            {"concepts": ["NetIncomeLoss", "ProfitLoss"], "start": "2005-01-01", "end": "2005-03-31", "value": "-96"},
            {"concepts": ["Assets"], "start": "", "end": "2005-03-31", "value": "1200000", "unit": "USD"},
        ],
        "cover": {"EntityFileNumber": ["0-27026", "000-27026"], "DocumentPeriodEndDate": "April 21, 2005"},
    }
    (tmp_path / "truth" / "manual" / "x_8-K_2005-04-21.txt.json").write_text(json.dumps(data), encoding="utf-8")
    facts, covers = manual(tmp_path, "x_8-K_2005-04-21.txt")
    assert facts[0].accepted == ("NetIncomeLoss", "ProfitLoss") and facts[0].value == Decimal(-96)
    assert (facts[0].start, facts[0].end) == (date(2005, 1, 1), date(2005, 3, 31))
    assert (facts[1].start, facts[1].concept) == (None, "Assets")
    by_name = {c.concept: c.values for c in covers}
    assert by_name["EntityFileNumber"] == ("0-27026", "0-27026")  # normalized: leading zeros of parts dropped
    assert by_name["DocumentPeriodEndDate"] == ("2005-04-21",)
    assert manual(tmp_path, "other.txt") == ([], [])


@pytest.mark.parametrize(
    ("end", "months", "start"),
    [
        (date(2009, 2, 28), 12, date(2008, 3, 1)),  # month-end calendar: the first of a month
        (date(2009, 6, 30), 3, date(2009, 4, 1)),
        (date(2000, 4, 1), 3, date(2000, 1, 2)),  # not a month end: calendar arithmetic on the day
    ],
)
def test_months_before(end, months, start):
    assert months_before(end, months) == start


@pytest.mark.parametrize(
    ("ours", "kind"),
    [
        (_ours(value="100000"), MissKind.SCALE),  # stated a thousand times too large
        (_ours(value="-100"), MissKind.SIGN),
        (_ours(value="-100", period=(date(2022, 1, 1), date(2022, 12, 31))), MissKind.MISSED),  # not its period
    ],
)
def test_a_value_not_found_says_whether_scale_or_sign_is_off(ours, kind):
    s, misses = score_facts([_truth()], [ours])
    assert s.recalled == 0
    assert [m.kind for m in misses if m.kind is not MissKind.WRONG_VALUE] == [kind]


@pytest.mark.parametrize(
    ("fmt", "shown"), [("ixt:date-month-day", "12/28"), ("ixt:date-day-month", "28/12"), ("", "--12-28")]
)
def test_an_inline_fiscal_year_end_is_read_through_its_format(fmt, shown):
    element = etree.fromstring(f'<x format="{fmt}">{shown}</x>')
    assert normalize_cover("CurrentFiscalYearEndDate", cover_text(element)) == "1228"


INLINE = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:xbrli="http://www.xbrl.org/2003/instance"><body>
<ix:header><ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="x">1</xbrli:identifier>
</xbrli:entity><xbrli:period><xbrli:instant>2024-08-31</xbrli:instant></xbrli:period></xbrli:context>
</ix:resources></ix:header>
<p><span>CONDENSED CONSOLIDA</span><span>TED BALANCE SHEETS</span></p>
<p>Total assets <ix:nonFraction name="us-gaap:Assets" contextRef="c" unitRef="u" scale="6">1,234</ix:nonFraction></p>
<div style="page-break-after:always"></div>
<p>Note 3. Leases
<ix:nonFraction name="us-gaap:OperatingLeaseCost" contextRef="c" unitRef="u" scale="6">55</ix:nonFraction></p>
</body></html>"""


def test_inline_truth_knows_which_facts_are_tagged_on_a_statement_page(tmp_path: Path):
    path = tmp_path / "x.htm"
    path.write_text(INLINE, encoding="utf-8")
    facts, _ = inline_facts(path)
    assert {(f.concept, f.value, f.on_statement_page) for f in facts} == {
        ("Assets", Decimal(1234000000), True),  # the title is split across spans
        ("OperatingLeaseCost", Decimal(55000000), False),  # after the page break: a note
    }


@pytest.mark.parametrize(
    "text",
    [
        "CONDENSED CONSOLIDATED BALANCE SHEETS (Unaudited)",
        "Johnson & Johnson and subsidiaries consolidated statements of earnings",
        "Consolidated balance sheets \u2014 June 29, 2025 and December 29, 2024",
        "Consolidated Statements of Cash Flows for the years ended September 28, 2024",
        "CONSOLIDATED STATEMENTS OF OPERATIONS - GAAP",
        "   STATEMENTS OF INCOME            1997      1996",
        "CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE INCOME (LOSS)",  # combined statements
        "CONSOLIDATED STATEMENTS OF CASH FLOWS -- UNAUDITED",
        "The Boeing Company and Subsidiaries Consolidated Statements of Operations",
        "Bank of America Corporation and Subsidiaries Consolidated Balance Sheet",
        "eBay Inc. Condensed Consolidated Balance Sheet",
    ],
)
def test_a_statement_title_is_its_name_with_qualifiers(text):
    assert is_statement_title(text)


@pytest.mark.parametrize(
    "text",
    [
        "Balance Sheet Components",  # a note's table, named after the statement it details
        "The detail of various balance sheet components is as follows:",
        "Net derivatives in statement of financial position",
        "Supplemental balance sheet information related to our leases was (in millions):",
        "Consolidated Statements of Income Information",
        "ANALYSIS OF THE CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS",
        "Notes to Statements of Cash Flows",
        "Summarized Balance Sheets",
        "Total on-balance sheet\t\t$\t75,199",
        "Balance sheet amounts related to leases",
        "Income statement GAAP to non-GAAP reconciliation",
        "From ExxonMobil's Consolidated Statement of Income",
        "The Statement of Earnings (Loss) for the six months ended June 30, 2023 included gross premiums of $",
    ],
)
def test_a_note_phrase_naming_a_statement_is_no_title(text):
    assert not is_statement_title(text)
