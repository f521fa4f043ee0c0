"""A press release converted on its own (an EX-99.1 file without the 8-K's cover or SEC header)."""

from datetime import date

import pytest

from converter.errors import UnsupportedInputError
from converter.extract import extract
from converter.extract.model import CoverName
from converter.identity import require_cover, with_cover_options
from converter.ingest import read_submission

from .conftest import FIXTURES, package_args
from .test_cli import one_line_error, run

RELEASE = "pericom-semiconductor_ex99-1_2005-04-21.txt"
RELEASE_HEAD = "pericom-semiconductor_ex99-1_2007-04-26_head.txt"  # its first lines: no statements


def cover_of(name):
    return extract(read_submission(FIXTURES / name)).cover


def test_a_release_dated_without_a_year_takes_it_from_the_period_its_statements_report():
    cover = cover_of(RELEASE)  # "SAN JOSE, Calif., April 21 /PRNewswire-FirstCall/ --", quarter ended March 31, 2005
    assert cover.standalone_exhibit
    assert cover.value(CoverName.PERIOD_END_DATE) == "2005-04-21"
    assert cover.get(CoverName.PERIOD_END_DATE).shown_as == "April 21"
    assert cover.value(CoverName.FORM_TYPE) == "8-K"  # an exhibit is no submission type: the 8-K's facts
    assert cover.value(CoverName.REGISTRANT_NAME) == "Pericom Semiconductor Corporation"  # "... today announced"
    assert cover.value(CoverName.ADDRESS_CITY) is None  # a release has no cover page to read an address from


def test_a_release_without_statements_to_date_it_needs_the_date_of_report():
    cover = cover_of(RELEASE_HEAD)  # "April 26", and no statements
    assert cover.value(CoverName.PERIOD_END_DATE) is None
    with pytest.raises(UnsupportedInputError, match="--date-of-report"):
        require_cover(cover)


def test_a_release_naming_the_company_in_an_apposition_needs_the_registrant_name():
    cover = with_cover_options(cover_of(RELEASE_HEAD), date(2007, 4, 26), None)
    assert cover.value(CoverName.REGISTRANT_NAME) is None  # "Pericom Semiconductor Corporation (...), a ... supplier"
    with pytest.raises(UnsupportedInputError, match="--registrant-name"):
        require_cover(cover)


def test_cli_converts_a_release_with_the_options_it_needs(tmp_path):
    code, output = run("convert", FIXTURES / RELEASE_HEAD, "-o", tmp_path / "a", "--cik", "1001426", *package_args())
    assert code == 3 and "--date-of-report" in one_line_error(output)
    code, output = run(
        "convert",
        FIXTURES / RELEASE_HEAD,
        "-o",
        tmp_path / "b",
        "--cik",
        "1001426",
        "--date-of-report",
        "2007-04-26",
        "--registrant-name",
        "Pericom Semiconductor Corporation",
        *package_args(),
    )
    assert code == 0, output
    assert "0 errors, 0 warnings" in output
    instance = (tmp_path / "b" / "pericom-20070426.xml").read_text(encoding="utf-8")
    assert ">2007-04-26</dei:DocumentPeriodEndDate>" in instance
    assert ">8-K</dei:DocumentType>" in instance
    assert ">Pericom Semiconductor Corporation</dei:EntityRegistrantName>" in instance


def test_a_date_of_report_that_contradicts_the_filing_is_an_error(tmp_path):
    code, output = run(
        "convert",
        FIXTURES / RELEASE,
        "-o",
        tmp_path,
        "--cik",
        "1001426",
        "--date-of-report",
        "2005-04-22",
        *package_args(),
    )
    assert code == 2 and "differs from the date the filing states" in one_line_error(output)


def test_long_lines_that_open_like_a_dateline_are_read_in_no_time():
    """A statement row in a document's first lines ("Selling, general and administrative expenses",
    standard-pacific 10-K 2011) opens like "SAN JOSE, Calif.,": the words after its comma once made
    the dateline pattern backtrack for minutes."""
    import time

    from converter.extract.cover_press_release import find_dateline

    document = read_submission(FIXTURES / "excerpts" / "standard-pacific_10-K_2011-12-31_income-statement.htm")
    started = time.perf_counter()
    assert find_dateline(document.documents[0]) is None
    assert time.perf_counter() - started < 1
