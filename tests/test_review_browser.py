"""The review page and the interactive viewer in a real browser (headless Chromium): the page works
with JavaScript and without it, its filters act, and nothing is fetched from a network. Each page
is also photographed; the photograph is checked by its structure (the text of chosen elements, the
number of highlighted cells), never by its pixels."""

import os

import pytest
from click.testing import CliRunner
from lxml import html

from converter.cli import main

from .browser import CHROMIUM, Browser
from .conftest import FIXTURES, REVIEW_CORPUS, SEEDS, package_args
from .test_review_page import _numbers_untagged

if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser tests: install chromium (.ci/run does)", pytrace=False)
    pytestmark = pytest.mark.skip(reason="no chromium on PATH")

CASES = sorted(SEEDS) + sorted(REVIEW_CORPUS)
VISIBLE = "(e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length))"


@pytest.fixture(scope="module")
def browser():
    with Browser() as chromium:
        yield chromium


def count(page, selector: str, visible_only: bool = True) -> int:
    test = f".filter({VISIBLE})" if visible_only else ""
    return page.evaluate(f"Array.from(document.querySelectorAll({selector!r})){test}.length")


def expected(review_pages, name) -> dict:
    """What the page must show, from the conversion and from the page's HTML read without a browser."""
    result, _, path = review_pages[name]
    tree = html.parse(str(path)).getroot()
    rows = tree.xpath("//table[@class='statement']/tr[contains(@class, 'row')]")
    body = [r for r in rows if not r.xpath("./td[contains(@class, 'head')]")]
    return {
        "title": f"Review: {result.model.title}",
        "facts": len(result.model.facts),
        "statements": len(result.extraction.statements),
        "untagged": sum(sum(_numbers_untagged(r)) for r in body),
        "rows": {cls: len([r for r in rows if cls in r.get("class").split()]) for cls in ("low", "ext", "untagged")},
        "all_rows": len(rows),
    }


def snapshot(page) -> dict:
    """The page's structure as shown: what a screenshot is compared by."""
    return {
        "title": page.evaluate("document.querySelector('h1').textContent"),
        "facts": page.evaluate(
            "new Set(Array.from(document.querySelectorAll('main section:not(#all-facts) a.f'),"
            " a => a.dataset.fact)).size"
        ),
        "statements": count(page, "section.statement-section"),
        "untagged": count(page, "td.untagged"),
        "highlighted": page.evaluate(
            "Array.from(document.querySelectorAll('td.untagged')).filter(td => getComputedStyle(td).backgroundColor"
            " !== 'rgba(0, 0, 0, 0)').length"
        ),
    }


def shown_as(want: dict) -> dict:
    """The snapshot a page must give: every untagged number is also visibly highlighted."""
    return {**{k: want[k] for k in ("title", "facts", "statements", "untagged")}, "highlighted": want["untagged"]}


def check_filters(page, want: dict) -> None:
    """Each filter shows only the statement rows it names (and, for untagged, no fact lists)."""
    for filter_id, cls in (("show-low", "low"), ("show-ext", "ext"), ("show-untagged", "untagged")):
        page.click(f"label[for={filter_id}]")
        assert page.evaluate(f"document.getElementById('{filter_id}').checked")
        shown = f"Array.from(document.querySelectorAll('tr.row')).filter({VISIBLE})"
        assert page.evaluate(f"{shown}.every(r => r.classList.contains('{cls}'))")
        assert page.evaluate(f"{shown}.length") == want["rows"][cls]
    assert count(page, "section.facts-list") == 0
    page.click("label[for=show-all]")
    assert count(page, "tr.row") == want["all_rows"]


@pytest.mark.parametrize("name", CASES)
def test_review_page_works_in_chromium_with_javascript(browser, review_pages, name, tmp_path):
    want = expected(review_pages, name)
    page = browser.open(review_pages[name][2])
    photo = page.screenshot(tmp_path / f"{name}.png")
    assert photo.stat().st_size > 10_000
    assert snapshot(page) == shown_as(want)
    check_filters(page, want)
    if want["statements"]:
        page.click("table.statement a.f")
        assert page.evaluate("document.getElementById('detail').classList.contains('open')")
        selected = page.evaluate("document.querySelector('a.f.selected').dataset.fact")
        concept = page.evaluate(f"document.getElementById('fact-{selected}').cells[1].textContent")
        assert concept and concept in page.evaluate("document.getElementById('detail').textContent")
    assert page.requests() == []


@pytest.mark.parametrize("name", CASES)
def test_review_page_is_readable_without_javascript(browser, review_pages, name):
    want = expected(review_pages, name)
    page = browser.open(review_pages[name][2], javascript=False)
    assert not page.evaluate("document.documentElement.classList.contains('js')")
    assert snapshot(page) == shown_as(want)
    # details on hover (the title tooltip) and in the table of facts, which a fact links to
    first = page.evaluate("document.querySelector('main section:not(#all-facts) a.f').dataset.fact")
    title = page.evaluate(f"document.querySelector('a.f[data-fact=\"{first}\"]').title")
    assert title.split("\n")[0] == page.evaluate(f"document.getElementById('fact-{first}').cells[1].textContent")
    page.click(f'main section:not(#all-facts) a.f[data-fact="{first}"]')
    page.wait_for(f"location.hash === '#fact-{first}'")
    check_filters(page, want)  # the filters are CSS: they act without scripts
    assert page.requests() == []


def test_viewer_opens_offline_and_lists_the_facts(browser, review_pages, tmp_path):
    name = "capstone_8-K_2007-11-08"
    result = review_pages[name][0]
    packages = package_args()
    args = ["-o", str(tmp_path), "--cik", SEEDS[name], "--viewer", "--no-validate", *packages]
    run = CliRunner().invoke(main, ["convert", str(FIXTURES / f"{name}.txt"), *args])
    assert run.exit_code == 0, run.output
    (viewer,) = tmp_path.glob("*-viewer.htm")
    assert (tmp_path / "ixbrlviewer.js").is_file()
    page = browser.open(viewer)
    page.wait_for("!!document.querySelector('#ixv') && !document.querySelector('#ixv .loader')", timeout=60)
    assert not page.evaluate("!!document.querySelector('#inspector.failed-to-load')")
    total = page.evaluate("document.querySelector('#inspector .total-facts-value').textContent.trim()")
    assert total == str(len(result.model.facts))
    page.click("#inspector .total-facts-value")  # opens the search pane, which lists the facts
    page.wait_for("document.querySelectorAll('#inspector .search-results .results .fact-list-item').length > 0")
    assert page.requests() == []
