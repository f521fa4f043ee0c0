"""The taxonomy's concepts kept on disk between processes: used when nothing they depend on
changed, loaded again when something did or the cache is unreadable."""

import pytest

from converter.arelle_adapter import ArelleSettings
from converter.concept_cache import ENV_CACHE_DIR, cache_dir, cached_concepts
from converter.mapping.model import ConceptInfo
from converter.mapping.rules import TaxonomyRef

TAXONOMIES = (TaxonomyRef("us-gaap", "http://fasb.org/us-gaap/2024", "https://example.invalid/us-gaap.xsd"),)
ASSETS = ConceptInfo("us-gaap", "Assets", "http://fasb.org/us-gaap/2024", "instant", "debit", "xbrli:monetaryItemType")


class Loader:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, taxonomies, settings) -> dict[str, ConceptInfo]:
        self.calls += 1
        return {ASSETS.qname: ASSETS}


@pytest.fixture
def package(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "cache"))
    path = tmp_path / "us-gaap-2024.zip"
    path.write_bytes(b"a package")
    return path


def test_a_second_process_reads_the_concepts_from_the_cache(package):
    settings, load = ArelleSettings((str(package),), offline=True), Loader()
    first = cached_concepts(TAXONOMIES, settings, load)
    assert cached_concepts(TAXONOMIES, settings, load) == first == {"us-gaap:Assets": ASSETS}
    assert load.calls == 1


def test_a_changed_package_is_loaded_again(package):
    settings, load = ArelleSettings((str(package),), offline=True), Loader()
    cached_concepts(TAXONOMIES, settings, load)
    package.write_bytes(b"another package, another size")
    cached_concepts(TAXONOMIES, settings, load)
    assert load.calls == 2


def test_an_unreadable_cache_is_loaded_again_and_rewritten(package):
    settings, load = ArelleSettings((str(package),), offline=True), Loader()
    cached_concepts(TAXONOMIES, settings, load)
    (cached,) = cache_dir().glob("concepts-*.json")
    cached.write_text("[{not json", encoding="utf-8")
    assert cached_concepts(TAXONOMIES, settings, load) == {"us-gaap:Assets": ASSETS}
    assert load.calls == 2 and cached_concepts(TAXONOMIES, settings, load) and load.calls == 2


def test_a_cache_that_cannot_be_written_is_not_kept(package, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(ENV_CACHE_DIR, str(blocker / "cache"))  # under a file: no folder can be made
    load = Loader()
    settings = ArelleSettings((str(package),), offline=True)
    assert cached_concepts(TAXONOMIES, settings, load) == {"us-gaap:Assets": ASSETS}
    assert cached_concepts(TAXONOMIES, settings, load) and load.calls == 2
