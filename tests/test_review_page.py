"""The review page: every fact of the iXBRL output shown where its statement prints it, every
untagged number highlighted, totals marked by their calculation, nothing fetched from a network."""

import re

import pytest
from click.testing import CliRunner
from lxml import etree, html

from converter.cli import main
from converter.extract.model import Cell
from converter.extract.numbers import is_year, parse_amount

from .conftest import FIXTURES, REVIEW_CORPUS, ROOT, SEEDS, package_args

SEED = FIXTURES / "capstone_8-K_2007-11-08.txt"

CASES = sorted(SEEDS) + sorted(REVIEW_CORPUS)
IX = "http://www.xbrl.org/2013/inlineXBRL"


def ixbrl_fact_ids(outdir) -> set[str]:
    (document,) = outdir.glob("*.htm")
    tree = etree.parse(str(document))
    return set(tree.xpath("//ix:nonFraction/@id | //ix:nonNumeric/@id", namespaces={"ix": IX}))


def page_tree(review_pages, name):
    return html.parse(str(review_pages[name][2])).getroot()


@pytest.mark.parametrize("name", CASES)
def test_review_page_shows_every_fact_of_the_ixbrl_output(review_pages, name):
    result, outdir, _ = review_pages[name]
    page = page_tree(review_pages, name)
    shown = set(page.xpath("//section[@id != 'all-facts']//a[contains(@class, 'f')]/@data-fact"))
    listed = page.xpath("//section[@id='all-facts']//tr[contains(@class, 'fact')]/@id")
    expected = ixbrl_fact_ids(outdir)
    assert len(expected) == len(result.model.facts)
    assert shown == expected
    assert sorted(listed) == sorted(f"fact-{i}" for i in expected)


def _numbers_untagged(row) -> list[bool]:
    """For each value cell of a statement row that prints a number: is it tagged by no fact?"""
    cells = row.xpath("./td")
    texts = [c.text_content().replace("\u2713", "").replace("\u2717", "").replace("?", "") for c in cells]
    if all(is_year(t) for t in texts[1:] if t.strip()):
        return []
    marks = []
    for cell, text in zip(cells[1:], texts[1:], strict=True):
        amount = parse_amount(Cell(text.strip(), ()))
        if "num" in cell.get("class", "") and amount is None and re.search(r"\d", text):
            amount = True  # parse_amount needs source spans; a bare number still counts
        if amount is not None and (amount is True or not amount.is_dash):
            marks.append(not cell.xpath(".//a[contains(@class, 'f')]"))
    return marks


@pytest.mark.parametrize("name", CASES)
def test_review_page_highlights_every_untagged_number(review_pages, name):
    page = page_tree(review_pages, name)
    for table in page.xpath("//table[@class='statement']"):
        rows = table.xpath("./tr[contains(@class, 'row')]")
        untagged_cells = table.xpath(".//td[contains(@class, 'untagged')]")
        for cell in untagged_cells:
            assert not cell.xpath(".//a[contains(@class, 'f')]"), html.tostring(cell)
            assert re.search(r"\d", cell.text_content())
        body = [r for r in rows if not r.xpath("./td[contains(@class, 'head')]")]
        assert sum(sum(_numbers_untagged(r)) for r in body) == len(untagged_cells)


def test_review_page_highlights_the_numbers_of_a_column_left_out(review_pages):
    """apple's 1996 10-K: its 1994 columns end on no date the fiscal calendar knows, so they are
    left out, and each of their numbers is shown as untagged."""
    page = page_tree(review_pages, "tab_separated")
    result = review_pages["tab_separated"][0]
    assert any(x.part.value == "column" for x in result.conversion.left_out)
    assert len(page.xpath("//td[contains(@class, 'untagged')]")) >= 2 * 20
    assert page.xpath("//section[@id='left-out']//td[text()='column']")


def calculation_parents(outdir) -> set[str]:
    """Concepts (prefix:name) that a calculation arc of the output's _cal linkbase adds up."""
    (calculation,) = outdir.glob("*_cal.xml")
    ns = {"link": "http://www.xbrl.org/2003/linkbase", "xlink": "http://www.w3.org/1999/xlink"}
    cal = etree.parse(str(calculation))
    xlink = f"{{{ns['xlink']}}}"
    href = {loc.get(f"{xlink}label"): loc.get(f"{xlink}href") for loc in cal.xpath("//link:loc", namespaces=ns)}
    arcs = cal.xpath("//link:calculationArc", namespaces=ns)
    return {href[arc.get(f"{xlink}from")].split("#")[1].replace("_", ":", 1) for arc in arcs}


@pytest.mark.parametrize("name", CASES)
def test_review_page_marks_each_total_by_its_calculation(review_pages, name):
    """Every total the calculation linkbase adds up shows a check mark where it is printed, only
    those do, and none shows a cross (the converter keeps only calculations that hold)."""
    _, outdir, _ = review_pages[name]
    page = page_tree(review_pages, name)
    concept_of = {
        row.get("id")[len("fact-") :]: row.xpath("string(./td[2])").split(" ")[0]
        for row in page.xpath("//section[@id='all-facts']//tr[contains(@class, 'fact')]")
    }
    badges = page.xpath("//table[@class='statement']//span[contains(@class, 'calc')]")
    checked = {concept_of[b.getprevious().get("data-fact")] for b in badges if "ok" in b.get("class")}
    assert not [b for b in badges if "bad" in b.get("class")]
    assert checked == calculation_parents(outdir)


@pytest.mark.parametrize("name", CASES)
def test_review_page_fetches_nothing(review_pages, name):
    text = review_pages[name][2].read_text(encoding="utf-8")
    page = html.fromstring(text)
    assert page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0].startswith("default-src 'none'")
    assert not page.xpath("//link | //script[@src] | //img | //iframe | //object | //embed")
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", text)
    assert not re.search(r"url\(|@import", text)


def test_review_page_lists_low_confidence_facts(review_pages):
    result = review_pages["html"][0]
    page = page_tree(review_pages, "html")
    low_facts = [d for d in result.conversion.doubts if not d.what.startswith("column ")]
    assert low_facts
    assert len(page.xpath("//section[@id='all-facts']//tr[contains(@class, 'low')]")) == len(low_facts)
    assert page.xpath("string(//li[@id='sum-low']/b)") == str(len(low_facts))
    listed = page.xpath("//section[@id='low-confidence']//tr[@class='doubt']")
    assert [r.xpath("string(./td[1])") for r in listed] == [d.what for d in result.conversion.doubts]
    assert [float(r.xpath("string(./td[2])")) for r in listed] == [
        round(d.confidence, 2) for d in result.conversion.doubts
    ]


def _review(*args):
    packages = package_args()
    return CliRunner().invoke(main, ["review", "--cik", SEEDS["capstone_8-K_2007-11-08"], *map(str, args), *packages])


def test_review_command_reviews_an_output_folder(review_pages, tmp_path):
    result, outdir, page = review_pages["capstone_8-K_2007-11-08"]
    run = _review(outdir, "--source", SEED, "-o", tmp_path / "r.html")
    assert run.exit_code == 0, run.output
    assert (tmp_path / "r.html").read_bytes() == page.read_bytes()


def test_review_command_refuses_a_folder_other_options_made(review_pages, tmp_path):
    _, outdir, _ = review_pages["capstone_8-K_2007-11-08"]
    run = _review(outdir, "--source", SEED, "--prefix", "xyz", "-o", tmp_path / "r.html")
    assert run.exit_code == 2
    assert "does not give" in run.output and "give the options" in run.output
    assert not (tmp_path / "r.html").exists()


def test_review_command_needs_the_source_of_a_folder(review_pages, tmp_path):
    _, outdir, _ = review_pages["capstone_8-K_2007-11-08"]
    run = _review(outdir, "-o", tmp_path / "r.html")
    assert run.exit_code == 2
    assert "--source" in run.output


def test_a_batch_folder_names_its_source_in_the_batch_results(tmp_path):
    from converter.batch.ledger import RESULTS, Record, Status, source_of

    folder = tmp_path / "0001009759" / "0001009759-07-000071"
    folder.mkdir(parents=True)
    records = [
        Record("other.txt", "0" * 64, "k", Status.CONVERTED, 0, outputs="0000320193/x"),
        Record(str(SEED), "1" * 64, "k", Status.CONVERTED, 0, outputs="0001009759/0001009759-07-000071"),
    ]
    (tmp_path / RESULTS).write_text("".join(r.to_json() + "\n" for r in records), encoding="utf-8")
    assert source_of(folder) == SEED
    assert source_of(tmp_path / "0000320193") is None


def test_a_conversion_refused_still_writes_its_review_page(tmp_path):
    """--strict refuses apple's 1996 10-K (its 1994 columns are left out): nothing is written but
    the review page, which says what was left out and why."""
    filing = ROOT.parent / "shared" / REVIEW_CORPUS["tab_separated"][0]
    packages = package_args()
    args = ["-o", tmp_path / "out", "--cik", "320193", "--strict", "--no-validate", "--review", tmp_path / "r.html"]
    run = CliRunner().invoke(main, ["convert", str(filing), *map(str, args), *packages])
    assert run.exit_code == 8
    assert "wrote the review page" in run.output and "outputs were not written" in run.output
    assert not (tmp_path / "out").exists()
    page = html.parse(str(tmp_path / "r.html")).getroot()
    left_out = page.xpath("//section[@id='left-out']//tr[td]")
    assert len(left_out) == 2 and all("'1994'" in row.xpath("string(./td[2])") for row in left_out)


def test_review_command_on_a_filing_writes_only_the_page(review_pages, tmp_path):
    run = _review(SEED, "-o", tmp_path / "r.html", "--no-validate")
    assert run.exit_code == 0, run.output
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    page = html.parse(str(tmp_path / "r.html")).getroot()
    assert page.xpath("string(//li[@id='sum-facts']/b)") == str(
        len(review_pages["capstone_8-K_2007-11-08"][0].model.facts)
    )
    assert page.xpath("string(//li[@id='sum-validation'])") == "not validated"


def test_review_page_never_replaces_the_filing_or_an_output(tmp_path):
    args = ["--cik", SEEDS["capstone_8-K_2007-11-08"], "--no-validate", *package_args()]
    onto_output = ["-o", tmp_path / "out", "--review", tmp_path / "out" / "cpst-20071108.htm"]
    run = CliRunner().invoke(main, ["convert", str(SEED), *map(str, onto_output), *args])
    assert run.exit_code == 2 and "would replace" in run.output
    assert b"ix:header" in (tmp_path / "out" / "cpst-20071108.htm").read_bytes()
    filing = tmp_path / "filing.txt"
    filing.write_bytes(SEED.read_bytes())
    run = CliRunner().invoke(main, ["review", str(filing), "-o", str(filing), *args])
    assert run.exit_code == 2 and "would replace" in run.output
    assert filing.read_bytes() == SEED.read_bytes()
