"""A statement's scale weighed against the amounts the filing restates in prose, and share counts
against net income = earnings per share x shares, on real filings."""

from decimal import Decimal

from converter.extract import extract
from converter.extract.model import ScaleSource, StatementKind, UnitKind
from converter.extract.prose_figures import figures_in, prose_figures
from converter.extract.scale_evidence import PrintedAmount, income_minus_shares_exponent, weigh_scale
from converter.ingest import parse_submission, read_submission

from .conftest import FIXTURES

RELEASE = FIXTURES / "pericom-semiconductor_ex99-1_2005-04-21.txt"  # "(In thousands, ...)" over each statement
STANDARD_PACIFIC = FIXTURES / "excerpts" / "standard-pacific_10-K_2011-12-31_income-statement.htm"
SCALE_LINES = (b"(In thousands, except per share data)", b"(In thousands)")


def _release(replacements: dict[bytes, bytes] | None = None):
    data = RELEASE.read_bytes()
    for old, new in (replacements or {}).items():
        assert old in data
        data = data.replace(old, new)
    return extract(parse_submission(data))


def _gaap_operations(extraction):
    return next(t for t in extraction.statements if t.name.endswith("GAAP"))


def test_prose_figures_keep_their_precision_and_what_they_are():
    text = (
        "Net revenues for the third quarter were $19,433,000, up 1.1% from $19,217,000 in the preceding "
        "quarter. GAAP net income for the quarter was $134,000, or $0.00 per share (diluted). Other income "
        "is expected to be approximately $0.9 million."
    )  # pericom-semiconductor 8-K 2005, EX-99.1
    found = [(f.value, f.exponent, f.absolute, f.context.split()[-2:]) for f in figures_in(text)]
    assert found == [
        (Decimal(19433000), 3, True, ["quarter", "were"]),
        (Decimal(19217000), 3, True, ["1.1%", "from"]),
        (Decimal(134000), 3, False, ["quarter", "was"]),  # a bare "$134,000" may be in a scale stated for prose
        (Decimal(900000), 5, True, ["be", "approximately"]),
    ]  # "$0.00 per share" is no amount of money


def test_a_bare_figure_in_a_report_that_states_its_prose_in_millions_is_not_absolute():
    (figure,) = figures_in("Sales of $22,534 in 2015 were")  # alcoa 10-K 2015 MD&A, "dollars in millions"
    assert not figure.absolute


def test_the_release_restates_its_statement_of_operations_in_thousands():
    extraction = _release()
    table = _gaap_operations(extraction)
    figures = prose_figures(parse_submission(RELEASE.read_bytes()).documents[0].lines, extraction.layouts[0])
    amounts = [
        PrintedAmount(v.magnitude, v.decimals_shown, r.label)
        for r in table.rows
        if r.unit_kind is UnitKind.MONETARY
        for v in r.values
        if v is not None and not v.is_dash
    ]
    evidence = weigh_scale(amounts, [f for f in figures if f.absolute])
    assert evidence.exponent == 3 == table.scale.monetary
    assert evidence.weight(3) >= 8 and not any(evidence.weight(e) for e in (0, 6, 9))
    assert weigh_scale(amounts, []).exponent is None  # no figures: the evidence leaves the scale open


def test_without_its_scale_lines_the_release_is_read_in_thousands_from_its_prose():
    extraction = _release({line: b" " * len(line) for line in SCALE_LINES})
    operations = _gaap_operations(extraction)
    assert (operations.scale.monetary, operations.scale.source) == (3, ScaleSource.EVIDENCE)
    revenue = next(r for r in operations.rows if r.label.startswith("Net revenues"))
    assert revenue.values[0].magnitude.scaleb(operations.exponent_of(revenue)) == Decimal(19433000)
    # no figure restates the balance sheet, and its document's statements are in thousands: open
    assert not [t for t in extraction.statements if t.kind is StatementKind.BALANCE_SHEET]
    (balance,) = [o for o in extraction.left_out if "Balance Sheets" in o.what]
    assert "scale is open" in balance.reason


def test_scale_words_the_filings_figures_contradict_are_left_out():
    extraction = _release({SCALE_LINES[0]: b"(In millions, except per share data) "})
    assert all(t.kind is StatementKind.BALANCE_SHEET for t in extraction.statements)
    (reason,) = [o.reason for o in extraction.left_out if "Operations - GAAP" in o.what]
    assert reason.startswith("its scale is open: its headings say 'In millions, except per share data' (x10^6)")
    assert "restates say x10^3" in reason


def test_earnings_per_share_tell_that_share_counts_are_actual_under_dollars_in_thousands():
    (operations,) = extract(read_submission(STANDARD_PACIFIC)).statements
    assert operations.scale.phrase == "Dollars in thousands, except per share amounts"
    assert income_minus_shares_exponent(operations.rows) == 3  # net loss in thousands, shares in units
    assert (operations.scale.monetary, operations.scale.shares, operations.scale.shares_stated) == (3, 0, True)
    basic = next(r for r in operations.rows if r.unit_kind is UnitKind.SHARES and r.label == "Basic")
    assert basic.values[0].magnitude.scaleb(operations.exponent_of(basic)) == Decimal(193909714)


def test_earnings_per_share_agree_with_share_counts_in_the_tables_scale():
    assert income_minus_shares_exponent(_gaap_operations(_release()).rows) == 0


def test_an_equity_statements_share_counts_survive_the_scale_decision():
    """Deciding the scale reads label numbers again only when the exponents change: an equity
    statement by components takes its shares outstanding from a column of its own, which reading
    its labels again would lose (sandston 10-K 2021: in actual units, confirmed by its prose)."""
    (equity,) = [
        t
        for t in extract(read_submission(FIXTURES / "sandston_10-K_2021-12-31.htm")).statements
        if t.kind is StatementKind.EQUITY
    ]
    assert equity.scale.source is ScaleSource.EVIDENCE and equity.scale.monetary == 0
    outstanding = [f.value for f in equity.label_facts if f.kind.value == "shares_outstanding"]
    assert outstanding[:3] == [Decimal(17195683), Decimal(17707472), Decimal(17987031)]
