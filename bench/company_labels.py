"""Learned-label tables that leave the scored company out.

The shipped table (converter/data/learned_labels.tsv) is learned from the SEC Financial Statement
Data Sets, which hold filings of companies the bench scores. Scoring a filing with labels its own
company taught would measure the table on its training data, so each filing is converted with the
table re-learned from the same data without its company (its CIK). Tables are cached on disk per
company, keyed by everything they depend on (FSDS files, learning code, the taxonomies the mapping
rules load and the packages they come from). Needs tools/ importable (the repository root on sys.path).
"""

import hashlib
import pickle
import tempfile
from pathlib import Path

from converter.arelle_adapter import ArelleSettings, load_concepts
from converter.extract.model import StatementKind
from converter.mapping.rules import LearnedLabel, load_rules
from tools.fsds import read_observations
from tools.label_learning import filer_key, fits_statement, learn

LearnedTable = dict[tuple[StatementKind, str], LearnedLabel]
ROOT = Path(__file__).resolve().parent.parent
_CODE = ("tools/label_learning.py", "tools/fsds.py")
ALL_FILERS = "all"


def _fingerprint(fsds_dir: Path, settings: ArelleSettings) -> str:
    digest = hashlib.sha256()
    for path in sorted(fsds_dir.iterdir()):
        digest.update(f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    digest.update(repr(load_rules().taxonomies).encode())
    for package in settings.packages:
        digest.update(f"{package}:{Path(package).stat().st_size}".encode())
    for code in _CODE:
        digest.update((ROOT / code).read_bytes())
    return digest.hexdigest()[:16]


class LeaveCompanyOut:
    """table(cik): the learned-label table re-learned without that filer (the full table when the
    data sets hold no filing of it, or no CIK is known)."""

    def __init__(self, fsds_dir: Path, settings: ArelleSettings, cache_root: Path | None = None):
        self._fsds_dir = fsds_dir
        self._settings = settings
        self._cache = (cache_root or Path(tempfile.gettempdir()) / "xbrlconv-bench-labels") / _fingerprint(
            fsds_dir, settings
        )
        self._data = None  # (observations, names, usable), read on first need

    def _load(self):
        if self._data is None:
            observations, names = read_observations(self._fsds_dir)
            usable = fits_statement(load_concepts(load_rules().taxonomies, self._settings))
            self._data = observations, names, usable
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
