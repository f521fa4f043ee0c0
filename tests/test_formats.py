"""Each input format, read from a real corpus filing: what extraction finds and what conversion makes.

The expected values are the ones printed in the filings (or, for the inline XBRL filing, the filer's
own tagged facts); see tests/fixtures/MANIFEST.tsv for what each fixture exercises.
"""

import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from converter.extract import extract
from converter.ingest import parse_submission
from converter.pipeline import ConvertOptions, extract_review, prepare, validate_rendered

from .conftest import FIXTURES, fixture_cik, fixtures_manifest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from rewrites import double_spaced, table_tags_blanked, text_minus_signs, typed_with_tabs  # noqa: E402 - rewrites the invariance bench uses too

IX = {"ix": "http://www.xbrl.org/2013/inlineXBRL", "xbrli": "http://www.xbrl.org/2003/instance"}


@cache
def review(file: str) -> dict:
    return extract_review(FIXTURES / file)


def statement(file: str, kind: str, index: int = 0) -> dict:
    return [s for s in review(file)["statements"] if s["kind"] == kind][index]


def row(table: dict, label_start: str) -> dict:
    return next(r for r in table["rows"] if r["label"].startswith(label_start))


def values(found: dict) -> list[str | None]:
    """The row's values by statement column, None for a dash (nil or zero) or an empty cell."""
    by_column = {v["column"]: v["value"] for v in found["values"]}
    return [by_column.get(i) for i in range(max(by_column) + 1)]


def periods(table: dict) -> list[str]:
    return [c["period"].get("instant") or f"{c['period']['start']}..{c['period']['end']}" for c in table["columns"]]


def source_line(file: str, line: int) -> str:
    return (FIXTURES / file).read_text(encoding="utf-8").splitlines()[line - 1]


# --------------------------------------------------------------------------- SGML, <TABLE> fixed width

APPLE_2000 = "apple_10-Q_2000-04-01.txt"


def test_sgml_tagged_fixed_width_statements():
    income = statement(APPLE_2000, "income_statement")
    assert periods(income) == [
        "2000-01-02..2000-04-01",
        "1998-12-27..1999-03-27",
        "1999-09-26..2000-04-01",
        "1998-09-27..1999-03-27",
    ]
    assert values(row(income, "Net sales")) == ["1945000000", "1530000000", "4288000000", "3240000000"]
    diluted_eps, diluted_shares = [r for r in income["rows"] if r["label"] == "Diluted"]
    assert (diluted_eps["unit"], values(diluted_eps)[2]) == ("per_share", "2.32")
    # "(in thousands)" in the section heading overrides the table's "except share amounts"
    assert (diluted_shares["unit"], values(diluted_shares)[0]) == ("shares", "181993000")
    balance = statement(APPLE_2000, "balance_sheet")
    assert periods(balance) == ["2000-04-01", "1999-09-25"]
    assert values(row(balance, "Total assets")) == ["7007000000", "5161000000"]
    issued = [f for f in balance["label_facts"] if (f["subject"], f["kind"]) == ("common", "shares_issued")]
    assert [(f["value"], f["periods"]) for f in issued] == [
        ("162679893", [{"instant": "2000-04-01"}]),
        ("160799061", [{"instant": "1999-09-25"}]),
    ]
    # "150,000 shares authorized, issued and outstanding": all three counts
    preferred = {f["kind"]: f["value"] for f in balance["label_facts"] if f["subject"] == "preferred"}
    assert preferred == {"shares_authorized": "150000", "shares_issued": "150000", "shares_outstanding": "150000"}


def test_tables_known_only_by_their_lines_yield_to_titled_statements():
    # The comprehensive-income note (untitled, "Net income" first) would repeat the titled
    # statement of operations' net income without its scale: it is not a statement.
    found = [(s["kind"], s["name"]) for s in review(APPLE_2000)["statements"]]
    assert found == [
        ("income_statement", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)"),
        ("balance_sheet", "CONDENSED CONSOLIDATED BALANCE SHEETS (Unaudited)"),
        ("cash_flows", "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (Unaudited)"),
    ]


def test_provenance_points_at_the_input_line():
    income = statement(APPLE_2000, "income_statement")
    net_sales = row(income, "Net sales")["values"][0]
    assert net_sales["document"] == 1 and net_sales["shown"] == "1,945"
    line = source_line(APPLE_2000, net_sales["line"])
    assert line.lstrip().startswith("Net sales") and "1,945" in line


def test_sgml_header_fields():
    data = review(APPLE_2000)
    assert data["sec_header"]["filer"]["cik"] == "0000320193"
    assert data["sec_header"]["filer"]["company_name"] == "APPLE COMPUTER INC"
    assert data["sec_header"]["period_of_report"] == "2000-04-01"
    assert [d["type"] for d in data["documents"]][0] == "10-Q"


# --------------------------------------------------------------------------- untagged fixed width

HOLDINGS = "24holdings_10-KSB_2007-12-31.txt"


def test_untagged_fixed_width_statements_in_dollars():
    balance = statement(HOLDINGS, "balance_sheet")
    assert balance["scale"]["monetary"] == 0 and periods(balance) == ["2007-12-31"]
    assert values(row(balance, "Accumulated deficit")) == ["-10678148"]
    # the closing totals sit two blank lines below the last underline
    assert values(row(balance, "TOTAL SHAREHOLDERS' EQUITY")) == ["10455"]
    assert values(row(balance, "TOTAL LIABILITIES AND SHAREHOLDERS' EQUITY")) == ["28604"]
    income = statement(HOLDINGS, "income_statement")
    assert values(row(income, "Net Loss")) == ["-44562", "-75593"]
    # "Total operating expenses" closes the "Expenses" heading: the net loss is not an expense
    assert row(income, "General and administrative")["sections"] == ["Expenses"]
    assert row(income, "Net Loss")["sections"] == []
    assert values(row(income, "Net loss per share")) == ["-0.04", "-0.09"]
    # "- basic and diluted" was dash-stuffed to "- - basic..." by the PEM wrapper, and continues the label
    shares = row(income, "Weighted average number of common shares - basic and diluted")
    assert (shares["unit"], values(shares)) == ("shares", ["1244902", "842407"])
    cash = statement(HOLDINGS, "cash_flows")
    assert values(row(cash, "NET CASH USED IN OPERATING ACTIVITIES")) == ["-41032", "-70365"]


def test_a_label_ending_in_a_word_that_asks_for_more_carries_on_to_the_next_line():
    # "Net loss for year ended" / "December 31, 2006" and "Reclassification of Debt into" /
    # "Preferred Stock" are one label each, typed over two lines, not a caption over a line
    # labelled with a date (which would name an extension concept "December 31, 2006").
    equity = statement(HOLDINGS, "equity")
    labels = [r["label"] for r in equity["rows"]]
    assert "Net loss for year ended December 31, 2006" in labels
    assert "Reclassification of Debt into Preferred Stock" in labels
    assert not [label for label in labels if label.startswith("December")]
    assert values(row(equity, "Net loss for year ended December 31, 2007")) == ["-44562"]


# --------------------------------------------------------------------------- dotted leaders

APPLE_1997 = "apple_10-K_1997-09-26.txt"


def test_fixed_width_statements_with_dotted_leaders():
    balance = statement(APPLE_1997, "balance_sheet")
    assert balance["scale"]["monetary"] == 6 and periods(balance) == ["1997-09-26", "1996-09-27"]
    assert values(row(balance, "Cash and cash equivalents")) == ["1230000000", "1552000000"]
    assert values(row(balance, "Total current assets")) == ["3424000000", "4515000000"]
    income = statement(APPLE_1997, "income_statement")
    assert periods(income)[0] == "1996-09-28..1997-09-26"
    # "$  (1,045) $    (816) $     424": each dollar sign belongs to the number after it
    assert values(row(income, "Net income (loss)")) == ["-1045000000", "-816000000", "424000000"]
    eps = row(income, "Earnings (loss) per common and common equivalent share")
    assert (eps["unit"], values(eps)) == ("per_share", ["-8.29", "-6.59", "3.45"])
    shares = row(income, "Common and common equivalent shares used")  # "(in thousands)" in its own label
    assert (shares["unit"], values(shares)) == ("shares", ["126062000", "123734000", "123047000"])
    # "127,949,220 shares issued and outstanding in 1997 (124,496,972 shares in 1996)"
    issued = [(f["value"], f["periods"]) for f in balance["label_facts"] if f["kind"] == "shares_issued"]
    assert ("127949220", [{"instant": "1997-09-26"}]) in issued
    assert ("124496972", [{"instant": "1996-09-27"}]) in issued
    # "150,000 shares authorized, issued and outstanding" beside "150" and "--": none issued in 1996
    assert ("150000", [{"instant": "1997-09-26"}]) in issued


# --------------------------------------------------------------------------- HTML tables

NAU = "national-american-university_10-Q_2014-08-31.htm"


def test_html_statements():
    balance = statement(NAU, "balance_sheet")
    assert balance["scale"]["monetary"] == 3 and periods(balance) == ["2014-08-31", "2014-05-31"]
    assert values(row(balance, "Cash and cash equivalents")) == ["10434000", "4154000"]
    assert values(row(balance, "Treasury stock")) == ["-19430000", "-19423000"]
    income = statement(NAU, "income_statement")
    assert periods(income) == ["2014-06-01..2014-08-31", "2013-06-01..2013-08-31"]
    assert values(row(income, "Total revenue")) == ["29304000", "30929000"]
    eps = row(income, "Basic net earnings (loss) attributable to")  # no "per share" in the label
    assert (eps["unit"], values(eps)) == ("per_share", ["0.09", "-0.01"])
    shares = row(income, "Basic weighted average shares outstanding")  # "except share data": actual counts
    assert values(shares) == ["25122423", "25056382"]


def test_percentage_tables_are_not_statements():
    titles = [s["title"] for s in review(NAU)["statements"]]
    assert titles and not any("percent" in t.lower() for t in titles)


# --------------------------------------------------------------------------- <PRE> inside HTML

IOWA = "southwest-iowa-renewable-energy_10-K_2008-09-30.htm"


def test_preformatted_statements_inside_html():
    cash = statement(IOWA, "cash_flows")
    assert periods(cash) == ["2007-10-01..2008-09-30", "2006-10-01..2007-09-30", "2005-03-28..2008-09-30"]
    investing = row(cash, "Net cash (used in) investing activities")
    assert values(investing) == ["-88922249", "-68094996", "-162641675"]
    net_loss = row(cash, "Net income (loss)")["values"][0]
    assert "(3,717,600)" in source_line(IOWA, net_loss["line"])


def test_members_equity_by_component():
    equity = statement(IOWA, "equity")
    balances = [(r["period"]["instant"], values(r)[0]) for r in equity["rows"] if r["kind"] == "total"]
    assert balances[0] == ("2005-03-27", None)  # the balance at inception, before its first day
    assert balances[-1] == ("2008-09-30", "73057361")
    movements = [r for r in equity["rows"] if r["kind"] == "item"]
    assert movements[0]["period"] == {"start": "2005-03-28", "end": "2005-09-30"}


# --------------------------------------------------------------------------- 52/53-week fiscal years

JNJ = "johnson-johnson_10-K_2017-01-01.htm"


def test_bare_fiscal_years_take_the_dates_the_filing_prints():
    # The earnings and cash-flow statements are headed "2016 2015 2014" and nothing else; the cover
    # (fiscal year ended January 1, 2017), the balance sheet and the equity balances date them.
    kinds = [s["kind"] for s in review(JNJ)["statements"]]  # MD&A and note tables headed by years stay out
    # the cash flows' supplemental schedules carry on, headless, on the next page
    assert kinds == ["balance_sheet", "income_statement", "comprehensive_income", "equity", "cash_flows", "cash_flows"]
    income = statement(JNJ, "income_statement")
    assert periods(income) == ["2016-01-04..2017-01-01", "2014-12-29..2016-01-03", "2013-12-30..2014-12-28"]
    assert values(row(income, "Sales to customers")) == ["71890000000", "70074000000", "74331000000"]
    cash = statement(JNJ, "cash_flows")
    assert periods(cash) == periods(income)
    assert values(row(cash, "Net cash flows from operating activities"))[0] == "18767000000"
    equity = statement(JNJ, "equity")
    balances = [r["period"]["instant"] for r in equity["rows"] if r["kind"] == "total"]
    assert balances == ["2013-12-29", "2014-12-28", "2016-01-03", "2017-01-01"]  # January 1: a year end here


# --------------------------------------------------------------------------- SGML of HTML documents

APPLE_2024 = "apple_8-K_2024-02-01.txt"


def test_statements_in_a_press_release_exhibit():
    data = review(APPLE_2024)
    assert [d["type"] for d in data["documents"]] == ["8-K", "EX-99.1"]
    income = statement(APPLE_2024, "income_statement")
    assert income["document"] == 2
    assert periods(income) == ["2023-10-01..2023-12-30"]  # last year's quarter: see test_fiscal_calendar
    assert values(row(income, "Total net sales")) == ["119575000000"]
    balance = statement(APPLE_2024, "balance_sheet")
    assert values(row(balance, "Total assets")) == ["353514000000", "352583000000"]
    cover = {f["field"]: f["value"] for f in data["cover"]}
    assert (cover["trading_symbol"], cover["file_number"]) == ("AAPL", "001-36743")


# --------------------------------------------------------------------------- inline XBRL read as HTML

SANDSTON = "sandston_10-K_2021-12-31.htm"


def filer_facts(file: str) -> set[tuple[str, Decimal]]:
    """(period, value) of the filer's own numeric facts without dimensions, from its ix tags."""
    tree = etree.parse(str(FIXTURES / file))
    periods_by_id = {}
    for context in tree.iterfind(".//xbrli:context", IX):
        if context.find(".//xbrli:segment", IX) is not None:
            continue
        instant = context.findtext(".//xbrli:instant", namespaces=IX)
        start = context.findtext(".//xbrli:startDate", namespaces=IX)
        end = context.findtext(".//xbrli:endDate", namespaces=IX)
        periods_by_id[context.get("id")] = instant or f"{start}..{end}"
    facts = set()
    for fact in tree.iterfind(".//ix:nonFraction", IX):
        period = periods_by_id.get(fact.get("contextRef"))
        text = "".join(fact.itertext()).replace(",", "").strip()
        if period is None or not text.replace(".", "").isdigit():
            continue
        value = Decimal(text).scaleb(int(fact.get("scale") or 0))
        facts.add((period, -value if fact.get("sign") == "-" else value))
    return facts


def test_inline_xbrl_values_match_the_filers_own_facts():
    tagged = filer_facts(SANDSTON)
    ours = []
    for table in review(SANDSTON)["statements"]:
        for r in table["rows"]:
            for v in r["values"]:
                if v["value"] is None:
                    continue
                key = v["period"].get("instant") or f"{v['period']['start']}..{v['period']['end']}"
                ours.append((key, Decimal(v["value"])))
    assert len(ours) >= 40
    matched = [f for f in ours if f in tagged or (f[0], -f[1]) in tagged]  # filers tag magnitudes
    assert len(matched) / len(ours) >= 0.95, sorted(set(ours) - set(matched))
    assert ("2021-12-31", Decimal("-34047065")) in ours
    assert ("2021-01-01..2021-12-31", Decimal("-27368")) in ours


# --------------------------------------------------------------------------- encodings and line endings


def _statements_of(data: bytes) -> list[tuple]:
    submission = parse_submission(data)
    return [
        (
            t.kind,
            t.scale.monetary,
            t.columns,
            [(r.label, r.sections, [v and v.signed for v in r.values]) for r in t.rows],
        )
        for t in extract(submission).statements
    ]


def test_bom_and_crlf_read_like_the_original():
    original = (FIXTURES / HOLDINGS).read_bytes()
    variant = b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
    assert _statements_of(variant) == _statements_of(original)


@pytest.mark.parametrize(
    "file", ["apple_10-Q_2000-04-01.txt", "southern-co_8-K_2005-01-25.txt", "capstone_8-K_2007-11-08.txt"]
)
def test_columns_aligned_with_tabs_read_like_spaces(file):
    # Typed with tabs, the <S>/<C> marks and the labels' indentation stand where the tab stops put
    # them: the columns, the outline (sections) and the values read as from the spaces.
    original = (FIXTURES / file).read_bytes()
    variant = typed_with_tabs(original.decode("latin-1")).encode("latin-1")
    assert variant.count(b"\t") > 100
    assert _statements_of(variant) == _statements_of(original)


@pytest.mark.parametrize("file", ["southern-co_8-K_2005-01-25.txt", "apple_10-Q_2000-04-01.txt"])
def test_statements_typed_without_table_tags_read_like_the_tagged_ones(file):
    # Southern Company's "Analysis of Consolidated Earnings" / "(In Millions of Dollars)" stands five
    # blank lines above its columns once the tag lines are blank: still its title and its scale.
    original = (FIXTURES / file).read_bytes()
    variant = table_tags_blanked(original.decode("latin-1")).encode("latin-1")
    assert b"<TABLE>" in original and b"<TABLE>" not in variant
    assert _statements_of(variant) == _statements_of(original)


def test_amounts_with_no_leading_zero_are_values_in_untagged_columns():
    # PerkinElmer prints per-share amounts as ".62" and ".09": typed without table tags, the lines
    # holding them are still lines of the table, not prose that ends it.
    original = (FIXTURES / "excerpts" / "perkinelmer_10-K405_2000-12-31_income-statement.txt").read_bytes()
    variant = table_tags_blanked(original.decode("latin-1")).encode("latin-1")
    assert _statements_of(variant) == _statements_of(original)
    (_, _, _, rows) = _statements_of(variant)[0]
    assert (
        "Discontinued Operations",
        ("DILUTED EARNINGS PER SHARE:",),
        [Decimal(".09"), Decimal("2.70"), Decimal(".50")],
    ) in rows


def test_a_line_whose_value_columns_hold_only_marks_is_a_line_of_an_untagged_table():
    # Ford's 1993 balance sheet prints "liquidation preference of $3.4 billion)    *    *" ("*less
    # than $1 million"): typed without table tags, the line is still one of the table, whose
    # stockholders' equity lines go on below it, not prose that ends it.
    original = (FIXTURES / "excerpts" / "ford-motor_10-K_1993-12-31_balance-sheet.txt").read_bytes()
    variant = table_tags_blanked(original.decode("latin-1")).encode("latin-1")
    assert b"<TABLE>" in original and b"<TABLE>" not in variant
    (balance,) = [s for s in _statements_of(variant) if s[0] == "balance_sheet"]
    labels = [label for label, _, _ in balance[3]]
    assert "Total stockholders' equity" in labels and "Total assets" in labels
    assert "Common Stock, par value $1.00 per share (464 and 454 million shares issued)" in labels


def test_a_notes_column_and_a_title_above_the_scale_line_are_read_without_table_tags():
    # IBM 1997: "consolidated statement of earnings", a rule, then "(Dollars in millions except per
    # share amounts)" and the columns "Notes  1997  1996  1995" with letters under "Notes"
    # ("Hardware sales ... J ..."). Without the tags, blank lines stand where they were: the title is
    # still above the scale line, and the letters are still references, not words of the labels.
    original = (FIXTURES / "excerpts" / "ibm_10-K405_1997-12-31_income-statement.txt").read_bytes()
    variant = table_tags_blanked(original.decode("latin-1")).encode("latin-1")
    assert b"<TABLE>" in original and b"<TABLE>" not in variant
    assert _statements_of(variant) == _statements_of(original)
    assert extract(parse_submission(variant)).statements[0].name == "consolidated statement of earnings"


def test_negative_amounts_typed_with_a_minus_sign_read_like_parenthesized_ones():
    # Apple's 1997 10-K prints "$  (1,045)     $    (816)"; typed "$   -1,045     $     -816" the
    # minus-signed number and the next column's dollar sign, one blank apart, are two cells still.
    original = (FIXTURES / APPLE_1997).read_bytes()
    variant = text_minus_signs(original.decode("latin-1")).encode("latin-1")
    assert b"$   -1,045" in variant
    assert _statements_of(variant) == _statements_of(original)


@pytest.mark.parametrize("file", ["pericom-semiconductor_8-K_2007-04-26.txt", HOLDINGS, APPLE_1997])
def test_statements_typed_double_spaced_read_like_the_originals(file):
    # Pericom's 2007 release already leaves a blank line between its statement lines; typed with a
    # second one, two blank lines stand between "Net revenues" and "Cost of revenues", and between
    # a heading ("Operating expenses:") and its lines. A table goes on past them while its next line
    # of amounts stands in its columns, also under a label whose first line is long (Apple 1997's
    # "Series A non-voting convertible preferred stock, no par value; 150,000 shares authorized,").
    original = (FIXTURES / file).read_bytes()
    variant = double_spaced(original.decode("latin-1")).encode("latin-1")
    assert variant.count(b"\n") >= original.count(b"\n") + 40  # a blank line under each line of amounts
    assert _statements_of(variant) == _statements_of(original)


@pytest.mark.parametrize(("encoding", "bom"), [("cp1252", b""), ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_characters_in_any_encoding_read_like_their_entities(encoding, bom):
    """The filing writes its dashes and quotes as Windows-1252 references (&#151;); the same text with
    the characters themselves, in a legacy or a Unicode encoding, must read the same."""
    original = (FIXTURES / NAU).read_bytes()
    assert b"&#151;" in original and b"&#146;" in original
    variant = original
    for code in (146, 147, 148, 150, 151):
        variant = variant.replace(f"&#{code};".encode(), bytes([code]).decode("cp1252").encode(encoding))
    assert variant != original
    assert _statements_of(bom + variant) == _statements_of(original)


# --------------------------------------------------------------------------- every fixture converts


@pytest.mark.parametrize("file", [r["file"] for r in fixtures_manifest() if r["expect"] == "valid"])
def test_fixture_converts_to_valid_xbrl(file, settings):
    options = ConvertOptions(settings=settings, cik=fixture_cik(file))
    prepared = prepare(FIXTURES / file, options)
    report = validate_rendered(prepared, options)
    assert not report.errors and not report.warnings, [f"{f.code}: {f.message}" for f in report.findings][:5]
    assert prepared.model.facts
    for name, content in prepared.rendered.files.items():  # EDGAR takes ASCII only (EFM 5.2.1.1)
        assert content.isascii(), f"{name}: {sorted({c for c in content.decode() if ord(c) > 127})}"
