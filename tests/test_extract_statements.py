"""Statements in tab-separated text: kinds, periods, scale, rows, sections, wrapped labels, label facts."""

from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract
from converter.extract.model import Period, RowKind, StatementKind, UnitKind
from converter.ingest import read_submission

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def statements():
    extraction = extract(read_submission(FIXTURES / "capstone_8-K_2007-11-08.txt"))
    return {t.kind: t for t in extraction.statements}


def row(table, label_start):
    return next(r for r in table.rows if r.label.startswith(label_start))


def shown(r):
    return [None if v is None else ("--" if v.is_dash else str(v.signed)) for v in r.values]


def test_two_statements_found(statements):
    assert set(statements) == {StatementKind.BALANCE_SHEET, StatementKind.INCOME_STATEMENT}
    assert statements[StatementKind.BALANCE_SHEET].name == "CONDENSED CONSOLIDATED BALANCE SHEETS"


def test_balance_sheet_columns_are_instants(statements):
    bs = statements[StatementKind.BALANCE_SHEET]
    assert [c.period for c in bs.columns] == [Period(date(2007, 9, 30)), Period(date(2007, 3, 31))]
    assert (bs.scale.monetary, bs.scale.shares) == (3, 0)  # "in thousands, except share amounts"


def test_income_statement_columns_are_durations(statements):
    ops = statements[StatementKind.INCOME_STATEMENT]
    assert [c.period for c in ops.columns] == [
        Period(date(2007, 9, 30), date(2007, 7, 1)),
        Period(date(2006, 9, 30), date(2006, 7, 1)),
        Period(date(2007, 9, 30), date(2007, 4, 1)),
        Period(date(2006, 9, 30), date(2006, 4, 1)),
    ]
    assert (ops.scale.monetary, ops.scale.shares, ops.scale.per_share) == (3, 3, 0)


def test_values_signs_and_dashes(statements):
    ops = statements[StatementKind.INCOME_STATEMENT]
    assert shown(row(ops, "Revenue")) == ["7219", "2946", "12834", "9512"]
    assert shown(row(ops, "Interest expense")) == ["--", "-1", "--", "-2"]
    assert shown(row(ops, "Net loss per share")) == ["-0.06", "-0.10", "-0.13", "-0.19"]
    assert row(ops, "Net loss per share").unit_kind is UnitKind.PER_SHARE
    assert row(ops, "Weighted average shares").unit_kind is UnitKind.SHARES


def test_label_wrapped_across_a_page_break_is_one_row(statements):
    bs = statements[StatementKind.BALANCE_SHEET]
    common = row(bs, "Common stock")
    assert common.label.endswith("144,512,997 shares issued and 143,961,789 shares outstanding at March 31, 2007")
    assert shown(common) == ["146", "145"]
    assert len({s.line for s in common.label_cell.spans}) == 2


def test_sections_and_bare_totals(statements):
    bs = statements[StatementKind.BALANCE_SHEET]
    totals = [r.resolved_label for r in bs.rows if r.kind is RowKind.TOTAL]
    assert totals == [
        "Total current assets",
        "Total assets",
        "Total current liabilities",
        "Total stockholders' equity",
        "Total liabilities and stockholders' equity",
    ]
    assert row(bs, "Deferred revenue").sections == ("LIABILITIES AND STOCKHOLDERS' EQUITY", "Current Liabilities:")
    assert row(bs, "Property, plant").sections == ("ASSETS",)


def test_numbers_inside_labels(statements):
    bs = statements[StatementKind.BALANCE_SHEET]
    found = {
        (f.subject, f.kind, f.periods[0].end.isoformat() if len(f.periods) == 1 else "all"): f.value
        for f in bs.label_facts
    }
    assert found == {
        ("receivables", "allowance", "2007-09-30"): Decimal(835),
        ("receivables", "allowance", "2007-03-31"): Decimal(789),
        ("preferred", "par_value", "all"): Decimal("0.001"),
        ("preferred", "shares_authorized", "all"): Decimal(10000000),
        ("preferred", "shares_issued", "all"): Decimal(0),
        ("common", "par_value", "all"): Decimal("0.001"),
        ("common", "shares_authorized", "all"): Decimal(415000000),
        ("common", "shares_issued", "2007-09-30"): Decimal(146067943),
        ("common", "shares_outstanding", "2007-09-30"): Decimal(145474074),
        ("common", "shares_issued", "2007-03-31"): Decimal(144512997),
        ("common", "shares_outstanding", "2007-03-31"): Decimal(143961789),
        ("treasury", "shares", "2007-09-30"): Decimal(593869),
        ("treasury", "shares", "2007-03-31"): Decimal(551208),
    }


def test_no_statements_in_a_cover_only_filing():
    extraction = extract(read_submission(FIXTURES / "capstone_8-K_2006-11-09.txt"))
    assert extraction.statements == ()
