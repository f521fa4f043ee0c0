"""Cover pages: fixed-width columns, tab-separated captions, check boxes, tickers, SGML header fallbacks."""

from converter.extract.cover import extract_cover
from converter.ingest import read_submission

from .conftest import FIXTURES


def cover_of(name):
    submission = read_submission(FIXTURES / name)
    return submission, extract_cover(submission.documents, submission.header)


def values(cover):
    return {f.name: f.value for f in cover.fields}


def test_fixed_width_cover_fields():
    _, cover = cover_of("capstone_8-K_2006-11-09.txt")
    assert values(cover) == {
        "form_type": "8-K",
        "period_end_date": "2006-11-09",
        "registrant_name": "CAPSTONE TURBINE CORPORATION",
        "incorporation_state": "DE",
        "file_number": "001-15957",
        "tax_id": "95-4180883",
        "address_line1": "21211 Nordhoff Street",
        "address_city": "Chatsworth",
        "address_state": "CA",
        "address_zip": "91311",
        "city_area_code": "818",
        "local_phone_number": "734-5300",
        "written_communications": "false",
        "soliciting_material": "false",
        "pre_commencement_tender_offer": "false",
        "pre_commencement_issuer_tender_offer": "false",
    }


def test_tab_separated_cover_and_ticker_in_press_release():
    _, cover = cover_of("capstone_8-K_2007-11-08.txt")
    v = values(cover)
    assert v["period_end_date"] == "2007-11-08"
    assert (v["incorporation_state"], v["file_number"], v["tax_id"]) == ("DE", "001-15957", "95-4180883")
    assert (v["trading_symbol"], v["exchange"]) == ("CPST", "NASDAQ")
    assert v["written_communications"] == "false"


def test_cover_spans_point_at_the_printed_text():
    submission, cover = cover_of("capstone_8-K_2006-11-09.txt")
    lines = submission.documents[0].lines
    for field in cover.fields:
        span = field.span
        shown = lines[span.line][span.start : span.end]
        assert shown == (field.shown_as or field.value), field.name


def test_sgml_header_fills_gaps_but_the_printed_cover_wins():
    _, cover = cover_of("apple_8-K_2000-01-19.txt")
    v = values(cover)
    assert v["registrant_name"] == "Apple Computer, Inc."  # printed, not the header's conformed name
    assert v["file_number"] == "0-10030"
    assert v["incorporation_state"] == "CA"
    assert cover.get("registrant_name").origin == "text"


def test_combined_filing_cover_speaks_for_one_registrant_only():
    _, cover = cover_of("southern-co_8-K_2005-01-25.txt")
    v = values(cover)
    assert cover.combined_filing
    assert (v["registrant_name"], v["file_number"], v["tax_id"]) == ("SOUTHERN CO", "001-03526", "58-0690070")
    assert (v["address_city"], v["address_state"], v["city_area_code"], v["local_phone_number"]) == (
        "ATLANTA",
        "GA",
        "404",
        "506-5000",
    )
    assert "trading_symbol" not in v  # the press release's ticker could be any of the seven registrants'
    assert all(cover.get(name).origin == "header" for name in ("registrant_name", "tax_id", "address_zip"))


def test_combined_filing_without_a_header_names_no_registrant():
    _, cover = cover_of("lge-ku_8-K_2003-03-25.htm")
    assert cover.combined_filing
    assert cover.value("registrant_name") is None and cover.value("tax_id") is None


def test_annual_report_check_marks_answer_the_cover_questions():
    # Sandston's cover: "◻ Yes ☒ No" answers, a filer-category grid, "☒ Yes ☐No" for shell company;
    # the values are those the filer tagged itself in this inline XBRL filing.
    _, cover = cover_of("sandston_10-K_2021-12-31.htm")
    v = values(cover)
    assert (v["annual_report"], v["transition_report"]) == ("true", "false")
    assert (v["well_known_seasoned_issuer"], v["voluntary_filer"]) == ("No", "No")
    assert (v["current_reporting_status"], v["interactive_data_current"]) == ("Yes", "Yes")
    assert (v["shell_company"], v["filer_category"], v["small_business"]) == ("true", "Non-accelerated Filer", "true")
    assert (v["auditor_name"], v["auditor_location"], v["auditor_firm_id"]) == (
        "Plante & Moran, PLLC",
        "Southfield, Michigan",
        "166",
    )
    # "listed on the OTC Bulletin Board ... under the symbol SDON": a symbol, but no exchange
    assert v["trading_symbol"] == "SDON" and "exchange" not in v


def test_wingdings_marks_on_one_line_of_categories():
    # J&J prints "Yes þ No o" and "Large accelerated filer þ Accelerated filer o Non-accelerated filer o ..."
    _, cover = cover_of("johnson-johnson_10-K_2017-01-01.htm")
    v = values(cover)
    assert (v["well_known_seasoned_issuer"], v["shell_company"]) == ("Yes", "false")
    assert (v["filer_category"], v["small_business"]) == ("Large Accelerated Filer", "false")
    assert "annual_report" not in v  # its "ANNUAL REPORT PURSUANT TO SECTION 13" heading has no box
    assert "auditor_firm_id" not in v  # a 2017 report names no PCAOB ID
    # "listed on the New York Stock Exchange under the symbol JNJ"
    assert (v["trading_symbol"], v["exchange"]) == ("JNJ", "NYSE")


def test_current_reports_ask_no_annual_questions():
    _, cover = cover_of("capstone_8-K_2007-11-08.txt")
    assert not {"filer_category", "auditor_name", "well_known_seasoned_issuer"} & set(values(cover))


def test_a_cover_cell_stacking_one_security_per_paragraph_gives_the_first():
    # Oracle's 12(b) table has one row whose cells hold a paragraph per security: "Common Stock,
    # par value $0.01 per share" over "3.125% senior notes due July 2025", "ORCL" over "—".
    submission, cover = cover_of("oracle_10-Q_2024-08-31.htm")
    v = values(cover)
    assert (v["security_title"], v["trading_symbol"], v["exchange"]) == (
        "Common Stock, par value $0.01 per share",
        "ORCL",
        "NYSE",
    )
    span = cover.get("security_title").span
    assert submission.documents[span.doc].lines[span.line][span.start : span.end] == v["security_title"]
