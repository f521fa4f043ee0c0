"""Overrides: a reviewer's corrections (a row's concept, sign or extension, a column's period, a row
left untagged) applied on conversion, checked at load with errors that name the line, and shown on
the review page."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from converter.cli import main
from converter.extract.model import Period
from converter.extract.overrides import OverridesError, Sign, load_overrides
from converter.mapping.model import DecidedBy
from converter.pipeline import ConvertOptions, convert, prepare, review_page

from .conftest import FIXTURES, ROOT, SEEDS, package_args

SEED = "capstone_8-K_2007-11-08"
OVERRIDES = FIXTURES / "overrides" / f"{SEED}.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "overrides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_file_reads_every_kind_of_override():
    overrides = load_overrides(OVERRIDES)
    assert [o.line for o in overrides.rows] == [4, 7, 9, 11]
    assert overrides.rows[0].concept == "us-gaap:OtherAssetsNoncurrent"
    assert overrides.rows[1].sign is Sign.REVERSED
    assert overrides.rows[2].untagged and overrides.rows[2].match.pattern is not None
    assert overrides.rows[3].extension == "Never used"
    (column,) = overrides.columns
    assert column.period == Period(end=date(2006, 9, 30), start=date(2006, 7, 2)) and column.line == 14


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("rows:\n  - label: Revenue\n    concep: us-gaap:Revenues\n", 3, "unknown key 'concep'"),
        ("rows:\n  - label: Revenue\n    statement: incomes\n    sign: printed\n", 3, "unknown statement 'incomes'"),
        ("rows:\n  - pattern: '(revenue'\n    sign: printed\n", 2, "not a regular expression"),
        ("rows:\n  - label: Revenue\n    pattern: rev\n    sign: printed\n", 2, "either 'label' or 'pattern'"),
        ("rows:\n  - label: Revenue\n    concept: Revenues\n", 3, "prefix:Name"),
        ("rows:\n  - label: A\n    concept: us-gaap:Revenues\n    extension: B\n", 2, "not both"),
        ("rows:\n  - label: A\n    untagged: true\n    sign: printed\n", 2, "takes no concept"),
        ("rows:\n  - label: A\n    untagged: 'yes please'\n", 3, "true or false"),
        ("rows:\n  - label: A\n", 2, "changes nothing"),
        ("rows:\n  - label: A\n    sign: negative\n", 3, "'printed' or 'reversed'"),
        ("columns:\n  - header: 2006\n    period: 2006-13-01\n", 3, "YYYY-MM-DD"),
        ("columns:\n  - header: 2006\n    period: {start: 2006-09-30, end: 2006-01-01}\n", 3, "after it ends"),
        ("columns:\n  - header: 2006\n    period: {end: 2006-01-01}\n", 3, "both start and end"),
        ("columns:\n  - header: 2006\n", 2, "needs a period"),
        ("rows:\n  label: A\n", 2, "must be a list"),
        ("rows: [\n", 2, "not YAML"),
        ("overrides:\n  - label: A\n", 1, "unknown key 'overrides'"),
    ],
)
def test_overrides_file_errors_name_their_line(tmp_path, text, line, message):
    with pytest.raises(OverridesError) as caught:
        load_overrides(write(tmp_path, text))
    assert f"overrides.yaml line {line}: " in str(caught.value)
    assert message in str(caught.value)


def test_empty_overrides_file_is_an_error(tmp_path):
    with pytest.raises(OverridesError, match="empty"):
        load_overrides(write(tmp_path, "# nothing\n"))


def _convert(*args):
    packages = package_args()
    return CliRunner().invoke(main, ["convert", *map(str, args), "--cik", SEEDS[SEED], *packages])


def test_override_naming_a_concept_the_taxonomy_lacks_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "rows:\n  - label: Revenue\n    concept: us-gaap:RevenuesFromUnicorns\n")
    run = _convert(FIXTURES / f"{SEED}.txt", "-o", tmp_path / "out", "--overrides", path, "--no-validate")
    assert run.exit_code == 2
    assert "overrides.yaml line 2: us-gaap:RevenuesFromUnicorns is not a concept" in run.output
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def overridden(settings, tmp_path_factory):
    """Seed 004 converted (and validated) with the overrides fixture."""
    outdir = tmp_path_factory.mktemp("overridden")
    options = ConvertOptions(settings=settings, cik=SEEDS[SEED], overrides=load_overrides(OVERRIDES))
    result = convert(FIXTURES / f"{SEED}.txt", outdir, options)
    page = outdir.parent / "overridden-review.html"
    page.write_bytes(review_page(result, options.overrides))
    return result, page


def _facts(result, concept):
    return [f for f in result.model.facts if f.concept.qname == concept]


def test_overrides_change_a_concept_a_sign_and_a_period_and_the_output_stays_valid(overridden, seed_outputs):
    result, _ = overridden
    before = seed_outputs[SEED][0]
    assert result.report.ok and not result.report.errors
    # the concept: a standard concept instead of the extension the converter chose
    assert not any(f.concept.is_extension and "Intangible" in f.concept.name for f in result.model.facts)
    moved = _facts(result, "us-gaap:OtherAssetsNoncurrent")
    assert sorted(f.value for f in moved) == [Decimal(911000), Decimal(1009000)]
    assert all(f.decision.concept.by is DecidedBy.OVERRIDE and f.decision.confidence == 1.0 for f in moved)
    # the sign: "Other income" of the six months of 2006 printed 1, stored as its opposite
    other = {str(f.context.period.start): f.value for f in _facts(result, "us-gaap:OtherNonoperatingIncomeExpense")}
    was = {str(f.context.period.start): f.value for f in _facts(before, "us-gaap:OtherNonoperatingIncomeExpense")}
    assert was["2006-04-01"] == Decimal(1000) and other["2006-04-01"] == Decimal(-1000)
    # the period: the three months of 2006 start where the override says
    revenue = {f.context.period: f.value for f in _facts(result, "us-gaap:Revenues")}
    assert revenue[Period(end=date(2006, 9, 30), start=date(2006, 7, 2))] == Decimal(2946000)
    assert Period(end=date(2006, 9, 30), start=date(2006, 7, 1)) not in revenue
    # the row left untagged is reported as left out
    assert any("an override leaves it untagged" in x.reason for x in result.conversion.left_out)
    assert len(result.model.facts) < len(before.model.facts)


def test_review_page_shows_which_overrides_applied(overridden):
    result, page_path = overridden
    page = html.parse(str(page_path)).getroot()
    rows = page.xpath("//section[@id='overrides']//tr[contains(@class, 'override')]")
    assert [r.xpath("string(./td[1])") for r in rows] == ["4", "7", "9", "11", "14"]
    unused = page.xpath("//section[@id='overrides']//tr[contains(@class, 'unused')]")
    assert [r.xpath("string(./td[1])") for r in unused] == ["11"]
    assert page.xpath("string(//li[@id='sum-overrides'])").split() == ["4", "of", "5", "overrides", "applied"]
    marked = page.xpath("//table[@class='statement']//a[contains(@class, 'ovr')]")
    touched = [
        f
        for f in result.model.facts
        if f.decision.concept.by is DecidedBy.OVERRIDE
        or f.concept.name == "OtherNonoperatingIncomeExpense"  # the row whose sign is overridden
        or f.decision.period.text.startswith("override")  # the column whose period is
    ]
    assert len(touched) > 2 + 4
    assert sorted(a.get("data-fact") for a in marked) == sorted(f.id for f in touched)
    assert all("line 4" in a.get("title") for a in marked if a.get("data-fact") in {f.id for f in touched[:2]})


def test_convert_warns_of_an_override_that_matches_nothing(tmp_path):
    run = _convert(FIXTURES / f"{SEED}.txt", "-o", tmp_path / "out", "--overrides", OVERRIDES, "--no-validate")
    assert run.exit_code == 0, run.output
    assert "warning: capstone_8-K_2007-11-08.yaml line 11 applies to nothing" in run.output
    assert "line 4 applies to nothing" not in run.output


def test_column_override_dates_a_column_the_fiscal_calendar_could_not(settings, tmp_path):
    """Apple's 10-K for fiscal 1996 heads its columns by bare years; its 1994 column ends on no date
    the filing's calendar knows, so the converter leaves it out. A reviewer's column override dates
    it, and its numbers are tagged for that period."""
    filing = ROOT.parent / "shared" / "corpus" / "filings" / "apple_10-K_1996-09-27.txt"
    fiscal_1994 = Period(end=date(1994, 9, 30), start=date(1993, 9, 25))
    path = write(tmp_path, "columns:\n  - header: '1994'\n    period: {start: 1993-09-25, end: 1994-09-30}\n")
    plain = prepare(filing, ConvertOptions(settings=settings, cik="320193"))
    dated = prepare(filing, ConvertOptions(settings=settings, cik="320193", overrides=load_overrides(path)))
    assert any(x.part.value == "column" and "'1994'" in x.what for x in plain.extraction.left_out)
    assert not any(x.part.value == "column" and "'1994'" in x.what for x in dated.extraction.left_out)
    assert not any(f.context.period == fiscal_1994 for f in plain.model.facts)
    net_sales = [f for f in dated.model.facts if f.context.period == fiscal_1994 and f.value == Decimal(9_189_000_000)]
    assert net_sales and all(f.decision.period.text.startswith("override, overrides.yaml line 2") for f in net_sales)


def _refused(tmp_path, text: str) -> str:
    """The one-line error of a conversion of seed 004 with these overrides (which must be refused)."""
    run = _convert(
        FIXTURES / f"{SEED}.txt", "-o", tmp_path / "out", "--overrides", write(tmp_path, text), "--no-validate"
    )
    assert run.exit_code == 2, run.output
    assert not (tmp_path / "out").exists()
    return run.output


def test_concept_override_matching_two_rows_of_a_statement_is_refused(tmp_path):
    output = _refused(tmp_path, "rows:\n  - label: Total\n    concept: us-gaap:Assets\n")
    assert "overrides.yaml line 2: matches 2 rows of 'CONDENSED CONSOLIDATED BALANCE SHEETS'" in output


def test_concept_override_that_cannot_carry_the_row_is_refused(tmp_path):
    output = _refused(tmp_path, "rows:\n  - label: Inventories\n    concept: us-gaap:Revenues\n")
    assert "overrides.yaml line 2: us-gaap:Revenues takes duration monetary values" in output
    assert "prints instant monetary amounts" in output


def test_column_override_of_the_wrong_period_type_is_refused(tmp_path):
    text = "columns:\n  - header: September 30, 2007\n    period: {start: 2007-04-01, end: 2007-09-30}\n"
    output = _refused(tmp_path, text)
    assert "overrides.yaml line 2: column 'September 30, 2007' of 'CONDENSED CONSOLIDATED BALANCE SHEETS'" in output
    assert "needs an instant" in output


@pytest.mark.parametrize(("statement", "applies"), [("income_statement", True), ("balance_sheet", False)])
def test_override_applies_only_on_the_statement_it_names(settings, tmp_path, statement, applies):
    path = write(tmp_path, f"rows:\n  - label: Revenue\n    statement: {statement}\n    concept: us-gaap:Revenues\n")
    options = ConvertOptions(settings=settings, cik=SEEDS[SEED], overrides=load_overrides(path))
    revenue = [f for f in prepare(FIXTURES / f"{SEED}.txt", options).model.facts if f.concept.name == "Revenues"]
    assert len(revenue) == 4
    assert all((f.decision.concept.by is DecidedBy.OVERRIDE) == applies for f in revenue)


def test_review_page_marks_a_total_whose_calculation_an_override_broke(overridden):
    """Reversing 'Other income' makes the loss before income taxes a sum with an illegal weight:
    validation leaves that calculation out, and the page crosses the total instead of checking it."""
    result, page_path = overridden
    page = html.parse(str(page_path)).getroot()
    total = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert any(x.part.value == "calculation" and x.concept == total for x in result.conversion.left_out)
    crossed = page.xpath("//table[@class='statement']//span[contains(@class, 'calc') and contains(@class, 'bad')]")
    ids = {b.getprevious().get("data-fact") for b in crossed}
    assert ids and ids == {f.id for f in result.model.facts if f.concept.qname == total and f.display.span}
    assert all("its calculation was left out" in b.get("title") for b in crossed)


def test_override_behind_an_earlier_one_is_a_warning(tmp_path):
    text = "rows:\n  - label: Other income\n    sign: reversed\n  - pattern: '^other income$'\n    untagged: true\n"
    run = _convert(
        FIXTURES / f"{SEED}.txt", "-o", tmp_path / "out", "--overrides", write(tmp_path, text), "--no-validate"
    )
    assert run.exit_code == 0, run.output
    assert "overrides.yaml line 4 applies to nothing" in run.output and "line 2 applies" not in run.output
