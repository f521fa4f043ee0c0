"""Cover layouts that once lost fields, each on an excerpt of the real filing that prints it."""

import csv
import re
import zipfile

import pytest

from converter.extract import extract
from converter.extract.model import CoverName
from converter.extract.places import countries, country_of, incorporation_code
from converter.ingest import parse_submission

from .conftest import ROOT, shared_taxonomies
from .test_extract_cover import cover_of, values

ADDRESS = (
    CoverName.ADDRESS_LINE1,
    CoverName.ADDRESS_CITY,
    CoverName.ADDRESS_STATE,
    CoverName.ADDRESS_ZIP,
    CoverName.CITY_AREA_CODE,
    CoverName.LOCAL_PHONE_NUMBER,
)


def picked(name, keys):
    found = values(cover_of(name)[1])
    return tuple(found.get(k) for k in keys)


def test_uncaptioned_cover_with_name_confirmed_by_the_signatures_and_state_in_a_phrase():
    # "Abbott Laboratories" alone on a line (the signatures print ABBOTT LABORATORIES above "By /s/"),
    # "An Illinois Corporation", the address and "(224) 667-6100 (telephone number)" in table cells
    name = "abbott-laboratories_10-K_2023-12-31_cover.htm"
    assert picked(name, (CoverName.REGISTRANT_NAME, CoverName.INCORPORATION_STATE, CoverName.TAX_ID)) == (
        "Abbott Laboratories",
        "IL",
        "36-0698440",
    )
    assert picked(name, ADDRESS) == ("100 Abbott Park Road", "Abbott Park", "IL", "60064-6400", "224", "667-6100")


def test_registrant_and_state_under_column_headings_address_on_lines_below():
    # "Registrant; State of Incorporation; Address and Telephone Number" over "COMCAST CORPORATION",
    # then "Pennsylvania", "One Comcast Center", "Philadelphia, PA 19103-2838", "(215) 286-1700"
    name = "comcast_10-K_2023-12-31_cover.htm"
    assert picked(name, (CoverName.REGISTRANT_NAME, CoverName.INCORPORATION_STATE)) == ("COMCAST CORPORATION", "PA")
    assert picked(name, ADDRESS) == ("One Comcast Center", "Philadelphia", "PA", "19103-2838", "215", "286-1700")


def test_city_named_saint_and_telephone_after_its_caption_on_one_line():
    # "3M Center, St. Paul, Minnesota | 55144-1000", "(Registrant's Telephone Number, Including Area Code) (651) ..."
    assert picked("3m_10-Q_2023-06-30_cover.htm", ADDRESS) == (
        "3M Center",
        "St. Paul",
        "MN",
        "55144-1000",
        "651",
        "733-1110",
    )


def test_telephone_in_its_own_captioned_column_beside_the_address():
    # "One John Deere Place, Moline, Illinois | 61265 | (309) 765-8000" over
    # "(Address of principal executive offices) | (Zip Code) | (Telephone Number)"
    assert picked("deere_10-K_2002-10-31_cover.htm", ADDRESS) == (
        "One John Deere Place",
        "Moline",
        "IL",
        "61265",
        "309",
        "765-8000",
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [("abbott-laboratories_10-K_2023-12-31_cover.htm", "false"), ("comcast_10-K_2023-12-31_cover.htm", "false")],
)
def test_emerging_growth_box_among_the_filer_categories(name, value):
    # "... Smaller reporting company o Emerging growth company o" on the category line
    assert values(cover_of(name)[1])[CoverName.EMERGING_GROWTH_COMPANY] == value


def _enumeration(schema: bytes, type_name: str) -> set[str]:
    text = schema.decode("utf-8")
    start = text.index(f'<xs:complexType name="{type_name}"')
    block = text[start : text.index("</xs:complexType>", start)]
    return set(re.findall(r'<xs:enumeration value="([^"]+)"/>', block))


def test_country_codes_are_the_dei_taxonomy_codes():
    """Every ISO code is one dei:EntityAddressCountry takes, every EDGAR code one
    dei:EntityIncorporationStateCountryCode takes (the codes are not made up)."""
    package = next(shared_taxonomies().glob("sec-*.zip"), None)
    if package is None:
        pytest.skip("no SEC taxonomy package")
    with zipfile.ZipFile(package) as z:
        schema = z.read(next(n for n in z.namelist() if n.endswith("/dei-2024.xsd")))
    iso, edgar = _enumeration(schema, "countryCodeItemType"), _enumeration(schema, "edgarStateCountryItemType")
    assert {c.iso for c in countries().values()} <= iso
    assert {c.edgar for c in countries().values()} <= edgar
    assert incorporation_code("Ireland") == "L2" and country_of("Ireland").iso == "IE"
    assert incorporation_code("Delaware") == "DE"


def test_country_table_has_one_code_pair_per_country():
    with (ROOT / "converter/data/countries.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    by_iso: dict[str, set[str]] = {}
    for row in rows:
        by_iso.setdefault(row["iso"], set()).add(row["edgar"])
    assert all(len(codes) == 1 for codes in by_iso.values())


def test_filer_category_of_a_combined_filing_from_the_first_registrants_row_of_marks():
    # Spire's combined 10-Q heads columns "Large accelerated filer | Accelerated filer | Non-
    # accelerated filer | Smaller reporting company | Emerging growth company" over "Spire Inc. | X"
    # and rows for Spire Missouri and Spire Alabama (X under Non-accelerated filer): the first
    # registrant, whose name, file number and answers the cover gives, is a large accelerated filer.
    found = values(cover_of("spire_10-Q_2023-12-31_cover.htm")[1])
    assert found[CoverName.REGISTRANT_NAME] == "Spire Inc."
    assert found[CoverName.FILER_CATEGORY] == "Large Accelerated Filer"
    assert found[CoverName.SMALL_BUSINESS] == "false"
    assert found[CoverName.EMERGING_GROWTH_COMPANY] == "false"


def test_shares_outstanding_of_a_combined_filing_from_the_first_registrants_row():
    # "The number of shares outstanding of each registrant's common stock as of January 29, 2024,
    # was as follows:" over rows "Spire Inc. | Common Stock, par value $1.00 per share | 54,983,397"
    # and the subsidiaries' (all owned by Spire Inc.): the sentence dates each row's count.
    _, cover = cover_of("spire_10-Q_2023-12-31_cover.htm")
    assert [(a.name, a.value, a.day.isoformat(), a.class_title) for a in cover.amounts] == [
        (CoverName.SHARES_OUTSTANDING, 54983397, "2024-01-29", None)
    ]


def test_address_and_telephone_stacked_in_a_combined_filings_registrant_cell():
    # "Spire Inc." / "700 Market Street" / "St. Louis, MO 63101" / "314-342-0500" stacked in one cell
    # under "Name of Registrant, Address of Principal Executive Offices and Telephone Number": the
    # street and city split where they are printed apart, not after the street-like "St."
    assert picked("spire_10-Q_2023-12-31_cover.htm", ADDRESS) == (
        "700 Market Street",
        "St. Louis",
        "MO",
        "63101",
        "314",
        "342-0500",
    )


def _html_cover(body: str) -> dict:
    head = "<p>FORM 10-K</p><p>For the fiscal year ended December 31, 2023</p><p>ACME CORP</p>"
    document = f"<html><body>{head}{body}</body></html>".encode()
    return values(extract(parse_submission(document)).cover)


def test_a_stacked_cell_reads_from_the_street_after_the_name_up_to_the_city():
    # a second street line printed with the city stays the street's; a registrant named like a
    # street ("ONE Gas, Inc.") is not part of the address stacked under it
    caption = "<p>(Address of principal executive offices)</p>"
    suite = _html_cover(f"<p>100 Main Street</p><p>Suite 200, Boston, MA 02110</p>{caption}")
    assert (suite[CoverName.ADDRESS_LINE1], suite[CoverName.ADDRESS_CITY]) == ("100 Main Street Suite 200", "Boston")
    cell = "<p>ONE Gas, Inc.</p><p>15 East Fifth Street</p><p>Tulsa, OK 74103</p><p>(918) 947-7000</p>"
    stacked = _html_cover(f"<table><tr><td>1-36108</td><td>{cell}</td><td>Oklahoma</td></tr></table>")
    assert [stacked.get(k) for k in ADDRESS] == ["15 East Fifth Street", "Tulsa", "OK", "74103", "918", "947-7000"]
    # Exelon's 2005 8-K: a post office box printed apart under the street is its second line
    lines = ("EXELON CORPORATION", "10 South Dearborn Street", "P.O. Box 805379", "Chicago, Illinois 60680-5379")
    cell = "".join(f"<p>{line}</p>" for line in lines)
    boxed = _html_cover(f"<table><tr><td>1-16169</td><td>{cell}</td><td>23-2990190</td></tr></table>")
    assert [boxed.get(k) for k in (CoverName.ADDRESS_LINE1, CoverName.ADDRESS_LINE2, CoverName.ADDRESS_CITY)] == [
        "10 South Dearborn Street",
        "P.O. Box 805379",
        "Chicago",
    ]
