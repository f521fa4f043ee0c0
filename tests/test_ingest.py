"""Ingest: encodings, binary and truncated input, SGML headers and documents."""

from datetime import date

import pytest

from converter.errors import InputError
from converter.ingest import parse_submission, read_submission
from converter.ingest.model import DocumentFormat

from .conftest import FIXTURES


def test_plain_text_filing_is_one_text_document():
    submission = read_submission(FIXTURES / "capstone_8-K_2007-11-08.txt")
    assert submission.header is None
    assert len(submission.documents) == 1
    assert submission.documents[0].format is DocumentFormat.TEXT
    assert submission.encoding == "utf-8"


def test_escaped_dollar_signs_are_unescaped():
    submission = read_submission(FIXTURES / "capstone_8-K_2007-11-08.txt")
    text = "\n".join(submission.documents[0].lines)
    assert "\\$" not in text
    assert "Cash and cash equivalents\t$ 46,276\t$ 60,322" in text


def test_sgml_header_fields():
    submission = read_submission(FIXTURES / "apple_8-K_2000-01-19.txt")
    header = submission.header
    assert header.cik == "0000320193"
    assert header.filer.company_name == "APPLE COMPUTER INC"
    assert header.form_type == "8-K"
    assert header.period_of_report.isoformat() == "2000-01-19"
    assert header.filed.isoformat() == "2000-01-24"
    assert header.filer.state_of_incorporation == "CA"
    assert header.filer.irs_number == "942404110"
    assert header.filer.file_number == "000-10030"
    assert header.filer.business_address.city == "CUPERTINO"
    assert header.filer.business_address.zip == "95014"


def test_sgml_documents_keep_their_type_and_file_line():
    submission = read_submission(FIXTURES / "apple_8-K_2000-01-19.txt")
    assert [d.doc_type for d in submission.documents] == ["8-K", "EX-99.1"]
    first = submission.documents[0]
    raw_lines = (FIXTURES / "apple_8-K_2000-01-19.txt").read_text(encoding="latin-1").split("\n")
    for i, line in enumerate(first.lines[:40]):
        assert raw_lines[first.source_line(i) - 1] == line


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Net sales \u2014 caf\u00e9".encode("cp1252"), "cp1252", "Net sales \u2014 caf\u00e9"),
        ("Net sales \u2014 caf\u00e9".encode("utf-8"), "utf-8", "Net sales \u2014 caf\u00e9"),
        (b"\xef\xbb\xbfFORM 8-K", "utf-8-sig", "FORM 8-K"),
    ],
)
def test_encodings(data, encoding, expected):
    submission = parse_submission(data + b"\r\nline two\r\n")
    assert submission.encoding == encoding
    assert submission.documents[0].lines[:2] == (expected, "line two")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nFORM 8-K\nDate of Report", "truncated"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        parse_submission(data)


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_submission(tmp_path / "absent.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match="input limit"):
        read_submission(big, max_bytes=1024)


def test_combined_filing_lists_every_filer_and_the_submitter_speaks():
    header = read_submission(FIXTURES / "southern-co_8-K_2005-01-25.txt").header
    assert len(header.filers) == 7
    assert header.filers[0].company_name == "ALABAMA POWER CO"  # listed first, but did not submit it
    assert header.accession_number.startswith("0000092122-")
    assert (header.cik, header.filer.company_name) == ("0000092122", "SOUTHERN CO")
    alabama = header.speaking_for("0000003153")
    assert (alabama.filer.company_name, alabama.filer.irs_number) == ("ALABAMA POWER CO", "630004250")
    assert header.speaking_for("0000000001") is None


NAU = "national-american-university_10-Q_2014-08-31.htm"


def _statement_rows(data: bytes) -> list[tuple]:
    from converter.extract import extract

    return [
        (t.kind, t.columns, [(r.label, [v and v.signed for v in r.values]) for r in t.rows])
        for t in extract(parse_submission(data)).statements
    ]


def test_html_nested_past_libxml2s_default_depth_keeps_its_statements():
    # Without huge_tree, libxml2 drops whatever sits deeper than 255 elements, and says nothing.
    original = (FIXTURES / NAU).read_bytes()
    wrapped = original.replace(b'<BODY BGCOLOR="WHITE">', b"<BODY>" + b"<div>" * 300, 1)
    assert wrapped != original
    statements = _statement_rows(original)
    assert len(statements) >= 3
    assert _statement_rows(wrapped) == statements


def test_unclosed_tables_still_read_as_tables():
    # Each table left open swallows the rest of the document: its own rows are still a table.
    original = (FIXTURES / NAU).read_bytes()
    unclosed = original.replace(b"</table>", b"").replace(b"</TABLE>", b"")
    assert unclosed != original
    assert _statement_rows(unclosed) == _statement_rows(original)


def test_a_heading_cell_spanning_two_rows_pushes_the_years_under_their_columns():
    # HTML's table model: a cell with rowspan="2" (ExxonMobil's "(millions of dollars...)" stub)
    # occupies the first columns of the row below too, so that row's years start one cell right.
    # Read naively, "2025" landed in the label column and every column took its neighbour's year.
    data = (FIXTURES / "excerpts" / "exxon-mobil_10-Q_2025-06-30_income-statement-head.htm").read_bytes()
    (kind, columns, rows), *_ = _statement_rows(data)
    assert [(c.period.start, c.period.end) for c in columns] == [
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2024, 1, 1), date(2024, 6, 30)),
    ]
    assert ("Sales and other operating revenue", [79477, 89986, 160535, 170397]) in rows


def test_cells_not_displayed_take_no_place_in_the_table():
    # ExxonMobil 2023's comprehensive income: "Three Months Ended June 30," spans six columns over
    # "2023" (three), a hidden cell (three, display:none) and "2022" (three). Counted as a browser
    # counts them, without the hidden cell, the heading covers both years; counting it pushed 2022
    # out from under its heading and last year's columns were lost.
    data = (FIXTURES / "excerpts" / "exxon-mobil_10-Q_2023-06-30_comprehensive-income-head.htm").read_bytes()
    (kind, columns, rows), *_ = _statement_rows(data)
    assert [(c.period.start, c.period.end) for c in columns] == [
        (date(2023, 4, 1), date(2023, 6, 30)),
        (date(2022, 4, 1), date(2022, 6, 30)),
        (date(2023, 1, 1), date(2023, 6, 30)),
        (date(2022, 1, 1), date(2022, 6, 30)),
    ]
    assert ("Foreign exchange translation adjustment", [514, -2537, 687, -1796]) in rows


def test_a_cells_indent_set_by_the_padding_shorthand_keeps_a_line_in_its_list():
    # Dow 2023: 'Trade' is indented by a div's padding-left:24pt, the 'Other' below it by its cell's
    # 'padding:2px 1pt 2px 25.75pt'. Read without the shorthand, 'Other' stood outside 'Accounts and
    # notes receivable:' and was taken for the other current assets, printed two lines below.
    from converter.extract import extract

    data = (FIXTURES / "excerpts" / "dow_10-Q_2023-06-30_current-assets.htm").read_bytes()
    (balance_sheet,) = extract(parse_submission(data)).statements
    sections = {r.label: r.sections[-1] for r in balance_sheet.rows if r.sections}
    assert sections["Other"] == sections["Trade (net of allowance for doubtful receivables - 2023: $105; 2022: $110)"]
    assert sections["Other"] == "Accounts and notes receivable:"
    assert sections["Other current assets"] == "Current Assets"


def test_amounts_typed_in_cells_of_different_spans_stay_in_one_column():
    # J&J's quarter: "$23,743" in a cell three columns wide, "7,628" below it in two plus an empty
    # one. Right-aligned, they landed in neighbouring columns under one date: a period repeated, so
    # the whole statement was refused.
    from converter.extract.layout import document_layout

    data = (FIXTURES / "excerpts" / "johnson-and-johnson_10-Q_2025-06-29_quarter-earnings-head.htm").read_bytes()
    (grid,) = document_layout(parse_submission(data).documents[0], 1).grids
    columns = {
        row.cells[0].text: [i for i, c in enumerate(row.cells) if c.text.strip("$").replace(",", "").isdigit()]
        for row in grid.rows
    }
    assert columns["Sales to customers (Note 9)"] == columns["Cost of products sold"] == columns["Gross profit"]
    assert len(columns["Cost of products sold"]) == 2  # this year's and last year's, percentages apart


@pytest.mark.parametrize(
    ("cell", "blocks"),
    [
        ("Net <span>sales</span> (1)", ["Net sales (1)"]),  # inline: one piece
        ("Total<p>assets</p>net", ["Total", "assets", "net"]),  # a block breaks the text
        ("Cash and<br/>equivalents", ["Cash and", "equivalents"]),
        ("Revenue<span style='display:none'>hidden</span> net", ["Revenue net"]),
        ("Revenue<p style='display:none'>hidden</p> net", ["Revenue net"]),  # hidden before a block
        ("Revenue<!-- a comment --> net", ["Revenue net"]),
        ("Revenue<script>x()</script> net", ["Revenue net"]),
    ],
)
def test_a_cells_text_is_read_in_blocks_around_its_one_element(cell, blocks):
    # The same blocks whether the cell holds just that element or more (an empty comment after it
    # makes the reader walk the cell instead of reading the one element directly).
    for content in (cell, cell + "<!---->"):
        html = f"<html><body><table><tr><td>{content}</td><td>1,234</td></tr></table></body></html>"
        (doc,) = parse_submission(html.encode(), "x.htm").documents
        line = next(i for i, text in enumerate(doc.lines) if "1,234" in text)
        stored = {c: b for (at, c, b) in doc.cell_blocks if at == line}  # kept for cells of several blocks
        assert stored.get(0, (doc.lines[line].split("\t")[0].strip(),)) == tuple(blocks)


def test_label_indents_a_point_apart_are_one_level():
    # Dow 2023's comprehensive income: under "Other comprehensive income (loss), net of tax"
    # (padding 1pt), "Unrealized gains (losses) on investments" is indented 13pt and the lines
    # after it 12.25pt. Rounded on their own, 13pt and 12.25pt fell on either side of a space
    # and the later lines read as out of the heading's section.
    cell = '<td style="padding:2px 1pt 2px {}">{}</td><td>{}</td>'
    rows = [
        ("1pt", "Other comprehensive income (loss), net of tax", ""),
        ("13pt", "Unrealized gains (losses) on investments", "61"),
        ("12.25pt", "Cumulative translation adjustments", "(103)"),
        ("12.25pt", "Pension and other postretirement benefit plans", "(4)"),
    ]
    body = "".join(f"<tr>{cell.format(*row)}</tr>" for row in rows)
    (doc,) = parse_submission(f"<html><body><table>{body}</table></body></html>".encode(), "x.htm").documents
    indents = {line.split("\t")[0].strip(): len(line) - len(line.lstrip(" ")) for line in doc.lines if line.strip()}
    heading, *items = (indents[label] for _, label, _ in rows)
    assert len(set(items)) == 1 and items[0] > heading
