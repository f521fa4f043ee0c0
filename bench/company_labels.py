"""Learned-label tables that leave the scored company out.

The shipped table (converter/data/learned_labels.tsv) is learned from the SEC Financial Statement
Data Sets and from the inline XBRL filings of the corpora, both of which hold filings of companies
the bench scores (the inline ones are the very filings scored). Scoring a filing with labels its own
company taught would measure the table on its training data, so each filing is converted with the
table re-learned from the same observations, of both sources, without its company (its CIK). Tables
are cached on disk per company, keyed by everything they depend on (FSDS files, corpus filings,
the learning code and the converter code that reads the inline filings, the taxonomies the mapping
rules load and the packages they come from). Needs tools/ importable (the repository root on sys.path).
"""

import hashlib
import pickle
import tempfile
from pathlib import Path

from converter.arelle_adapter import ArelleSettings, load_concepts
from converter.extract.model import StatementKind
from converter.mapping.rules import LearnedLabel, load_rules
from tools.label_learning import filer_key, fits_statement, learn
from tools.label_sources import INLINE_CORPORA, read_sources

LearnedTable = dict[tuple[StatementKind, str], LearnedLabel]
ROOT = Path(__file__).resolve().parent.parent
# What the observations are read and learned with: the tools, and the converter's reading of an
# inline filing (ingest, extract, label keys) and the bench's of its ix facts.
_CODE = (
    "tools/*.py",
    "converter/ingest/*.py",
    "converter/extract/*.py",
    "converter/mapping/rules.py",
    "bench/truth.py",
)
ALL_FILERS = "all"


def _fingerprint(fsds_dir: Path, corpora: tuple[Path, ...], settings: ArelleSettings) -> str:
    digest = hashlib.sha256()
    data = [*sorted(fsds_dir.iterdir())]
    for corpus in corpora:
        data += [corpus / "MANIFEST.tsv", *sorted((corpus / "filings").iterdir())]
    for path in data:
        digest.update(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    digest.update(repr(load_rules().taxonomies).encode())
    for package in settings.packages:
        digest.update(f"{package}:{Path(package).stat().st_size}".encode())
    for pattern in _CODE:
        for code in sorted(ROOT.glob(pattern)):
            digest.update(code.read_bytes())
    return digest.hexdigest()[:16]


class LeaveCompanyOut:
    """table(cik): the learned-label table re-learned without that filer (the full table when
    neither source holds a filing of it, or no CIK is known). The inline XBRL filings of `corpora`
    are read as the learning tool reads them (by default the corpora it learns the shipped table from)."""

    def __init__(
        self,
        fsds_dir: Path,
        settings: ArelleSettings,
        cache_root: Path | None = None,
        corpora: tuple[Path, ...] | None = None,
    ):
        self._fsds_dir = fsds_dir
        self._corpora = tuple(c for c in (INLINE_CORPORA if corpora is None else corpora) if c.is_dir())
        self._settings = settings
        self._cache = (cache_root or Path(tempfile.gettempdir()) / "xbrlconv-bench-labels") / _fingerprint(
            fsds_dir, self._corpora, settings
        )
        self._data = None  # (observations, names, usable), read on first need

    def _load(self):
        if self._data is None:
            sources = read_sources(self._fsds_dir, self._corpora)
            usable = fits_statement(load_concepts(load_rules().taxonomies, self._settings))
            self._data = sources.observations, sources.names, usable
        return self._data

    def _cached(self, name: str, make):
        path = self._cache / f"{name}.pickle"
        if path.is_file():
            return pickle.loads(path.read_bytes())
        value = make()
        self._cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(value))
        return value

    def filers(self) -> frozenset[str]:
        """CIKs of the filers the data sets hold."""
        return self._cached("filers", lambda: frozenset(self._load()[1]))

    def table(self, cik: str | None) -> LearnedTable:
        key = filer_key(cik) if cik else ALL_FILERS
        if key not in self.filers():
            key = ALL_FILERS
        return self._cached(key, lambda: learn(*self._load(), exclude=() if key == ALL_FILERS else (key,)))
