"""Shared test setup: where the fixtures, golden files and taxonomy packages are."""

import os
from pathlib import Path

import pytest

from converter.packages import ENV_PACKAGES, taxonomy_settings
from converter.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "golden"
SEEDS = {"capstone_8-K_2006-11-09": "0001009759", "capstone_8-K_2007-11-08": "0001009759"}


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
