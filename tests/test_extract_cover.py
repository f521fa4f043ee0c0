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
