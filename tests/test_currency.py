"""Currencies: named in statement headings, stated for a whole filing, and the iso4217 unit each
monetary fact gets; a 20-F in euros, typed text wrapped in HTML (aegon 20-F 2000)."""

from decimal import Decimal

import pytest

from converter.extract import extract
from converter.extract.currency import currencies_in, reporting_currency
from converter.extract.model import CoverName, StatementKind
from converter.ingest import DocumentFormat, parse_submission, read_submission
from converter.pipeline import ConvertOptions, prepare

from .conftest import FIXTURES

AEGON = FIXTURES / "excerpts" / "aegon_20-F_2000-12-31_cover-prose-and-statements.htm"
REPORTS_IN_EUROS = b"expressed in euros, "  # the auditors' report: "shareholders equity, expressed in euros, is ..."


@pytest.mark.parametrize(
    ("text", "dollar", "codes"),
    [
        ("Amounts in million EUR", "USD", {"EUR"}),  # aegon 20-F 2000
        ("(in thousands of U.S. dollars)", "CAD", {"USD"}),
        ("(In millions of euros)", "USD", {"EUR"}),
        ("(Millions of dollars)", "USD", {"USD"}),  # caterpillar 8-K 2022: the filing's dollar
        ("(Millions of dollars)", "CAD", {"CAD"}),
        ("(in millions of Canadian dollars)", "USD", {"CAD"}),
        ("Net income from AEGON UK totaled GBP 116 million (EUR 177 million)", "USD", {"GBP", "EUR"}),
        ("(Dutch guilders in millions)", "USD", {"NLG"}),
        ("\u00a5 1,200 million", "USD", set()),  # yen or renminbi: the mark alone names neither
        ("EUROPE AND THE AMERICAS", "USD", set()),
    ],
)
def test_currency_spellings(text, dollar, codes):
    assert currencies_in(text, dollar) == codes


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("of net income and shareholders equity, expressed in euros, is concerned, is", "EUR"),  # aegon 20-F 2000
        ("All amounts are expressed in Canadian dollars unless otherwise indicated.", "CAD"),
        ("The Company's reporting currency is the U.S. dollar.", "USD"),
        ("Amounts are presented in dollars.", None),  # which dollars, it does not say
    ],
)
def test_the_currency_a_filing_says_it_reports_in(line, code):
    assert reporting_currency([line]) == code


def test_typed_text_in_an_html_wrapper_reads_as_text_with_its_cover():
    submission = read_submission(AEGON)  # "<html><body><div>" around preformatted text and <TABLE>/<S>/<C>
    assert submission.documents[0].format is DocumentFormat.TEXT
    cover = extract(submission).cover
    assert cover.value(CoverName.FORM_TYPE) == "20-F"  # "FORM 20-F" on a line of its own
    assert cover.value(CoverName.PERIOD_END_DATE) == "2000-12-31"


def test_statements_amounts_in_million_eur():
    extraction = extract(read_submission(AEGON))
    balance, liabilities = [t for t in extraction.statements if t.kind is StatementKind.BALANCE_SHEET]  # continued
    assert (balance.currency, balance.scale.monetary, balance.scale.phrase) == ("EUR", 6, "Amounts in million EUR")
    assert (liabilities.currency, liabilities.scale.monetary) == ("EUR", 6)
    total = next(r for r in balance.rows if r.label == "Total assets")
    assert total.values[0].magnitude.scaleb(balance.exponent_of(total)) == Decimal(244_216_000_000)


def test_statements_without_scale_words_among_scaled_ones_are_left_out():
    # Transamerica Finance's statements in the notes print no scale, where the filing's own statements
    # say "Amounts in million EUR", and no figure of the filing restates them
    extraction = extract(read_submission(AEGON))
    left = {o.what: o.reason for o in extraction.left_out}
    assert left["'Consolidated balance sheets at December 31' (t4)"].startswith("its scale is open")
    assert left["'Consolidated income statements' (t5)"].startswith("its scale is open")


def test_without_its_reporting_currency_a_statement_that_names_none_is_left_out():
    data = AEGON.read_bytes()
    assert REPORTS_IN_EUROS in data
    extraction = extract(parse_submission(data.replace(REPORTS_IN_EUROS, b"")))
    (reason,) = [o.reason for o in extraction.left_out if o.what.startswith("'Consolidated balance sheets")]
    assert reason.startswith("the currency of its amounts is unclear: it names no currency and the filing prints")
    assert set(reason.split("(")[-1].rstrip(")").split(", ")) == {"EUR", "USD", "GBP"}
    assert [t.currency for t in extraction.statements] == ["EUR"]  # its own statements say EUR


def test_facts_in_euros_get_the_eur_unit(settings):
    model = prepare(AEGON, ConvertOptions(settings=settings, cik="0000769218")).model
    monetary = [f for f in model.facts if f.unit is not None and f.unit.denominator is None and f.unit.id != "shares"]
    assert monetary and {f.unit.numerator for f in monetary} == {"iso4217:EUR"}
    assert {u.id for u in model.units} == {"EUR"}
