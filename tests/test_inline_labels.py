"""Learned labels from inline XBRL filings: the concept tagged on each statement row, read as the
converter reads the row; learned together with the FSDS observations; left out with its company."""

import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from converter.extract.model import StatementKind
from tools.inline_labels import read_filing
from tools.label_learning import Observation, filer_key, fits_statement, learn, name_terms
from tools.label_sources import read_sources

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from company_labels import LeaveCompanyOut  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
INLINE = "oracle_10-Q_2024-08-31.htm"
BS = StatementKind.BALANCE_SHEET


@pytest.fixture(scope="module")
def filing():
    return read_filing(FIXTURES / INLINE)


def _manifest_cik(file: str) -> str:
    rows = (FIXTURES / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    return next(line.split("\t")[1] for line in rows if line.split("\t")[0] == file)


def test_an_inline_filing_gives_its_rows_concepts_by_its_covers_cik(filing):
    assert filing.cik == filer_key(_manifest_cik(INLINE))
    assert filing.names
    kinds = {o.statement for o in filing.observations}
    assert {BS, StatementKind.INCOME_STATEMENT, StatementKind.CASH_FLOWS} <= kinds
    assert all(o.cik == filing.cik for o in filing.observations)


def test_a_given_cik_is_the_filer(filing):
    assert read_filing(FIXTURES / INLINE, cik="0000012345").cik == "12345"


def test_equal_amounts_on_different_rows_keep_their_own_concepts(filing):
    """Total assets and total liabilities and equity print the same numbers in the same periods:
    each row takes the concept tagged in it, not the other's."""
    balance_sheet = {o.label: o.concept for o in filing.observations if o.statement is BS}
    assert balance_sheet["total assets"] == "us-gaap:Assets"
    assert balance_sheet["total liabilities and stockholders equity"] == "us-gaap:LiabilitiesAndStockholdersEquity"


def test_extension_tags_count_as_no_standard_concept(filing):
    concepts = {o.concept for o in filing.observations}
    assert "" in concepts
    assert all(c == "" or c.startswith("us-gaap:") for c in concepts)


def test_numbers_tagged_only_in_dimensional_contexts_teach_nothing(tmp_path, filing):
    data = (FIXTURES / INLINE).read_bytes()
    member = (
        b'<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementScenarioAxis">'
        b"us-gaap:ScenarioForecastMember</xbrldi:explicitMember></xbrli:segment>"
    )
    every_context_dimensional = re.sub(
        rb"</xbrli:identifier>(?!<xbrli:segment>)", b"</xbrli:identifier>" + member, data
    )
    path = tmp_path / INLINE
    path.write_bytes(every_context_dimensional)
    assert filing.observations
    assert read_filing(path).observations == ()


# ------------------------------------------------------------------ both sources, company left out
OTHER_FILERS = {"9000001": "ALPHA WIDGET MAKERS INC", "9000002": "BRAVO WIDGET MAKERS INC"}
STATEMENT_CODES = {BS: "BS", StatementKind.INCOME_STATEMENT: "IS", StatementKind.CASH_FLOWS: "CF"}


def _a_standard_row(filing) -> Observation:
    """A row of the inline filing tagged with a standard concept, whose label names no filer."""
    own = name_terms(filing.names)
    return next(
        o
        for o in filing.observations
        if o.concept and o.statement in STATEMENT_CODES and not own & set(o.label.split())
    )


def _corpus_with(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "filings").mkdir(parents=True)
    shutil.copy(FIXTURES / INLINE, corpus / "filings" / INLINE)
    header = "kind\tlocal\tcompany\tcik\tformat\n"
    (corpus / "MANIFEST.tsv").write_text(header + f"filing\tfilings/{INLINE}\t\t\thtml (inline XBRL)\n")
    return corpus


def _fsds_with(tmp_path: Path, row: Observation) -> Path:
    """A Financial Statement Data Sets quarter in which two other filers print the row's label with
    the row's concept."""
    fsds = tmp_path / "fsds"
    fsds.mkdir()
    sub = "adsh\tcik\tname\tformer\n" + "".join(f"a{cik}\t{cik}\t{name}\t\n" for cik, name in OTHER_FILERS.items())
    tag = row.concept.split(":")[1]
    pre = "adsh\tstmt\ttag\tversion\tplabel\n" + "".join(
        f"a{cik}\t{STATEMENT_CODES[row.statement]}\t{tag}\tus-gaap/2009\t{row.label}\n" for cik in OTHER_FILERS
    )
    with zipfile.ZipFile(fsds / "2010q1.zip", "w") as archive:
        archive.writestr("sub.txt", sub)
        archive.writestr("pre.txt", pre)
    return fsds


def test_a_label_is_learned_from_both_sources_together(tmp_path, filing, taxonomy):
    row = _a_standard_row(filing)
    sources = read_sources(_fsds_with(tmp_path, row), (_corpus_with(tmp_path),))
    usable = fits_statement(taxonomy)
    key = (row.statement, row.label)
    assert key not in learn(sources.fsds, sources.names, usable)  # two filers only
    assert key not in learn(sources.inline, sources.names, usable)  # one filer only
    together = learn(sources.observations, sources.names, usable)
    assert together[key].concept == row.concept
    assert together[key].filers == 3


def test_leaving_a_company_out_leaves_out_its_inline_filings(tmp_path, filing, settings):
    row = _a_standard_row(filing)
    tables = LeaveCompanyOut(
        _fsds_with(tmp_path, row), settings, cache_root=tmp_path / "cache", corpora=(_corpus_with(tmp_path),)
    )
    key = (row.statement, row.label)
    assert tables.table(None)[key].concept == row.concept
    assert key not in tables.table(filing.cik)
    assert key not in tables.table(next(iter(OTHER_FILERS)))
    assert key in tables.table("9999999")  # a company neither source holds: the full table
