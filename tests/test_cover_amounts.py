"""Periodic reports' covers: shares outstanding, public float, fiscal year and period focus."""

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from converter.extract import extract
from converter.ingest import parse_submission, read_submission
from converter.pipeline import ConvertOptions, prepare

from .conftest import FIXTURES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from rewrites import in_capitals  # noqa: E402 - a rewrite the invariance bench uses too


def extracted(name):
    return extract(read_submission(FIXTURES / name)).cover


def amounts(cover):
    return {(a.name, a.class_title): (a.value, a.day, a.decimals) for a in cover.amounts}


def derived(cover):
    return {f.name: f.value for f in cover.fields if f.origin == "derived"}


def test_an_inline_10q_cover_states_what_the_filer_tagged():
    # Oracle tagged 2,770,968,000 shares at September 6, 2024; Q1 of fiscal 2025 (year ends May 31)
    cover = extracted("oracle_10-Q_2024-08-31.htm")
    assert amounts(cover) == {("shares_outstanding", None): (Decimal(2770968000), date(2024, 9, 6), 0)}
    assert derived(cover) == {
        "fiscal_year_focus": "2025",
        "fiscal_period_focus": "Q1",
        "current_fiscal_year_end": "--05-31",
    }


def test_public_float_with_its_date_and_shares_in_a_wrapped_text_line():
    cover = extracted("sandston_10-K_2021-12-31.htm")
    assert amounts(cover) == {
        ("shares_outstanding", None): (Decimal(17987031), date(2022, 3, 25), 0),
        ("public_float", None): (Decimal(594000), date(2021, 6, 30), 0),
    }
    # "162,743,706 shares of Common Stock Issued and Outstanding as of May 5, 2000", typed text
    cover = extracted("apple_10-Q_2000-04-01.txt")
    assert amounts(cover) == {("shares_outstanding", None): (Decimal(162743706), date(2000, 5, 5), 0)}
    assert derived(cover)["fiscal_period_focus"] == "Q2"


def test_a_public_float_without_a_date_is_left_out():
    # J&J: "... as of the last business day of the registrant's most recently completed second
    # fiscal quarter was approximately $332 billion": no date is printed, so no fact
    cover = extracted("johnson-johnson_10-K_2017-01-01.htm")
    assert amounts(cover) == {("shares_outstanding", None): (Decimal(2713346602), date(2017, 2, 23), 0)}
    # a 52/53-week year ending January 1, 2017 is fiscal 2016
    assert derived(cover) == {
        "fiscal_year_focus": "2016",
        "fiscal_period_focus": "FY",
        "current_fiscal_year_end": "--01-01",
    }


def test_current_reports_state_no_such_numbers():
    cover = extracted("apple_8-K_2024-02-01.txt")
    assert cover.amounts == () and derived(cover) == {}


def test_cover_amounts_are_tagged_where_printed(settings):
    model = prepare(
        FIXTURES / "sandston_10-K_2021-12-31.htm", ConvertOptions(settings=settings, cik="0000892832")
    ).model
    facts = {f.concept.qname: f for f in model.facts}
    public_float = facts["dei:EntityPublicFloat"]
    assert (public_float.value, public_float.unit.id, public_float.context.period.end) == (
        Decimal(594000),
        "USD",
        date(2021, 6, 30),
    )
    assert public_float.display.span is not None and public_float.context.period.is_instant
    assert facts["dei:EntityCommonStockSharesOutstanding"].unit.id == "shares"
    assert facts["dei:DocumentFiscalYearFocus"].value == "2021"


def test_a_cover_typed_in_capitals_states_the_same_amounts():
    # Ford's 2001 cover: "... 70,852,076 shares of Class B Stock. Based on the New York Stock
    # Exchange ... the aggregate market value ..." In capitals ("CLASS B STOCK. BASED ON") the full
    # stop still ends the sentence, so the share counts are not read as part of the market value's.
    original = (FIXTURES / "excerpts" / "ford-motor_10-K_2001-12-31_cover.txt").read_bytes()
    capitals = in_capitals(original.decode("latin-1")).encode("latin-1")
    assert amounts(extract(parse_submission(capitals)).cover) == amounts(extract(parse_submission(original)).cover)
    assert amounts(extract(parse_submission(original)).cover)[("shares_outstanding", "Class B Common Stock")][0] == (
        Decimal(70852076)
    )


def test_shares_outstanding_in_a_table_dated_by_its_heading_row():
    # 3M's 10-Q cover: "Class | Outstanding at June 30, 2023" over "Common Stock, $0.01 par value per
    # share | 551,992,430 shares": the row's count, at the heading's date.
    assert amounts(extracted("3m_10-Q_2023-06-30_cover.htm")) == {
        ("shares_outstanding", None): (Decimal(551992430), date(2023, 6, 30), 0)
    }


def test_each_row_of_a_shares_table_is_its_own_class():
    # Two rows under one dated heading are two classes, each with its own count: never one of
    # them read as the registrant's whole count.
    cover = b"""<html><body><p>FORM 10-Q</p><p>For the quarterly period ended June 30, 2023</p>
    <table><tr><td>Class</td><td>Outstanding as of July 28, 2023</td></tr>
    <tr><td>Class A common stock, $0.01 par value</td><td>2,402,542,856</td></tr>
    <tr><td>Class B common stock, $0.01 par value</td><td>451,945,880</td></tr></table></body></html>"""
    assert amounts(extract(parse_submission(cover)).cover) == {
        ("shares_outstanding", "Class A Common Stock"): (Decimal(2402542856), date(2023, 7, 28), 0),
        ("shares_outstanding", "Class B Common Stock"): (Decimal(451945880), date(2023, 7, 28), 0),
    }
