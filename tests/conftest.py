"""Shared test setup: where the fixtures, golden files and taxonomy packages are."""

import csv
import os
from pathlib import Path

import pytest

from converter.packages import ENV_PACKAGES, taxonomy_settings
from converter.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "golden"


def fixture_ciks() -> dict[str, str | None]:
    """Fixture file stem -> the --cik it needs (None when its SEC header has the CIK)."""
    with (FIXTURES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return {
            row["file"].removesuffix(".txt"): row["cik_option"] or None
            for row in csv.DictReader(handle, delimiter="\t")
        }


SEEDS = {name: cik for name, cik in fixture_ciks().items() if name.startswith("capstone_")}


def pytest_addoption(parser):
    parser.addoption("--bless-golden", action="store_true", help="rewrite golden/ from the current outputs")


def shared_taxonomies() -> Path:
    """../shared/taxonomies beside the repository, unless XBRLCONV_TAXONOMY_PACKAGES points elsewhere."""
    configured = os.environ.get(ENV_PACKAGES)
    return Path(configured) if configured else ROOT.parent / "shared" / "taxonomies"


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
    return load_concepts(((t.prefix, t.namespace, t.schema) for t in rules.taxonomies), settings)


@pytest.fixture(scope="session")
def seed_outputs(settings, tmp_path_factory):
    """Each seed converted once (with Arelle validation) for the whole session."""
    results = {}
    for name, cik in SEEDS.items():
        outdir = tmp_path_factory.mktemp(name)
        results[name] = (convert(FIXTURES / f"{name}.txt", outdir, ConvertOptions(settings=settings, cik=cik)), outdir)
    return results
