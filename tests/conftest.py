"""Shared test setup: where the fixtures, golden files and taxonomy packages are."""

import csv
import os
import tempfile
from pathlib import Path

import pytest

from converter.packages import ENV_PACKAGES, taxonomy_settings
from converter.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parent.parent
# the taxonomy concepts' disk cache (converter/concept_cache.py) of this test session only
os.environ.setdefault("XBRLCONV_CACHE_DIR", tempfile.mkdtemp(prefix="xbrlconv-test-cache-"))
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "golden"


def fixtures_manifest() -> list[dict[str, str]]:
    """Rows of tests/fixtures/MANIFEST.tsv: file, cik_option, expect (golden: reviewed outputs in golden/;
    valid: converts to valid XBRL; refused: a clear error; cover: an excerpt
    whose cover page a unit test reads), source, what it exercises."""
    with (FIXTURES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def fixture_cik(file: str) -> str | None:
    """The --cik a fixture needs (None when its SEC header has the CIK)."""
    return next(row["cik_option"] or None for row in fixtures_manifest() if row["file"] == file)


# Fixtures with reviewed outputs in golden/, by file stem.
SEEDS = {Path(r["file"]).stem: r["cik_option"] or None for r in fixtures_manifest() if r["expect"] == "golden"}


def pytest_addoption(parser):
    parser.addoption("--bless-golden", action="store_true", help="rewrite golden/ from the current outputs")


def shared_taxonomies() -> Path:
    """../shared/taxonomies beside the repository, unless XBRLCONV_TAXONOMY_PACKAGES points elsewhere."""
    configured = os.environ.get(ENV_PACKAGES)
    return Path(configured) if configured else ROOT.parent / "shared" / "taxonomies"


def package_args() -> list[str]:
    """--taxonomy-package options for every package in shared_taxonomies(), for command-line tests."""
    return [a for p in sorted(shared_taxonomies().glob("*.zip")) for a in ("--taxonomy-package", str(p))]


@pytest.fixture(scope="session")
def settings():
    packages = sorted(str(p) for p in shared_taxonomies().glob("*.zip"))
    if not packages:
        pytest.fail(f"no taxonomy packages in {shared_taxonomies()}; set {ENV_PACKAGES}")
    return taxonomy_settings(tuple(packages), offline=True)


@pytest.fixture(scope="session")
def taxonomy(settings):
    from converter.arelle_adapter import load_concepts
    from converter.mapping.rules import load_rules

    rules = load_rules()
    return load_concepts(rules.taxonomies, settings)


@pytest.fixture(scope="session")
def seed_outputs(settings, tmp_path_factory):
    """Each seed converted once (with Arelle validation) for the whole session."""
    results = {}
    for name, cik in SEEDS.items():
        outdir = tmp_path_factory.mktemp(name)
        results[name] = (convert(FIXTURES / f"{name}.txt", outdir, ConvertOptions(settings=settings, cik=cik)), outdir)
    return results


# Corpus filings of formats the seeds do not have, for the review page: (file under ../shared, CIK).
REVIEW_CORPUS = {
    "tab_separated": ("corpus/filings/apple_10-K_1996-09-27.txt", "320193"),
    "html": ("corpus/filings/alcoa-corp_10-Q_2018-06-30.htm", "1675149"),
    "html_pre": ("corpus/filings/southwest-iowa-renewable-energy_10-K_2008-09-30.htm", "1424844"),
}


@pytest.fixture(scope="session")
def review_pages(settings, seed_outputs, tmp_path_factory):
    """name -> (conversion result, output folder, review page file): the seeds and REVIEW_CORPUS."""
    from converter.pipeline import review_page

    cases = {name: result_and_outdir for name, result_and_outdir in seed_outputs.items()}
    for name, (file, cik) in REVIEW_CORPUS.items():
        outdir = tmp_path_factory.mktemp(name)
        options = ConvertOptions(settings=settings, cik=cik)
        cases[name] = (convert(ROOT.parent / "shared" / file, outdir, options), outdir)
    pages = {}
    for name, (result, outdir) in cases.items():
        page = tmp_path_factory.mktemp(f"{name}-review") / "review.html"
        page.write_bytes(review_page(result))
        pages[name] = (result, outdir, page)
    return pages
