"""The observations learned labels are learned from, read from both sources: the SEC Financial
Statement Data Sets of 2009-2010 (tools/fsds.py: what filers of the first XBRL years chose) and the
inline XBRL filings of the shared corpora (tools/inline_labels.py: what filers choose now). They
are one list to the one learning function; each filer counts once whichever source shows it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools import fsds, inline_labels
from tools.label_learning import Observation

ROOT = Path(__file__).resolve().parent.parent
FSDS_DIR = ROOT.parent / "shared" / "corpus" / "truth" / "fsds"
INLINE_CORPORA = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus2")


@dataclass(frozen=True)
class LabelSources:
    fsds: tuple[Observation, ...]
    inline: tuple[Observation, ...]
    names: dict[str, tuple[str, ...]]  # filer (CIK key) -> its names in either source

    @property
    def observations(self) -> tuple[Observation, ...]:
        return self.fsds + self.inline


def read_sources(fsds_dir: Path = FSDS_DIR, corpora: Sequence[Path] = INLINE_CORPORA) -> LabelSources:
    """Both sources' observations (the FSDS parquet quarters need pyarrow, the dev extra)."""
    fsds_observations, fsds_names = fsds.read_observations(fsds_dir)
    inline_observations, inline_names = inline_labels.read_observations(corpora)
    names = {
        cik: tuple(sorted({*fsds_names.get(cik, ()), *inline_names.get(cik, ())}))
        for cik in fsds_names.keys() | inline_names.keys()
    }
    return LabelSources(tuple(fsds_observations), tuple(inline_observations), names)
