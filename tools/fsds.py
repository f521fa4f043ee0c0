"""Read the SEC Financial Statement Data Sets (FSDS) as label observations for learning.

The FSDS come as quarterly zips of tab-separated files (sub.txt, pre.txt, ...) or as parquet copies
of single files (2010q1_pre.txt.parquet). From `pre` (adsh, stmt, tag, version, plabel) and `sub`
(adsh -> cik, name, former name) we keep, per filer, which concept it tagged each printed
statement label with. The parquet copies need pyarrow (the `dev` extra); it is imported only here.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from converter.extract.model import StatementKind
from converter.mapping.rules import label_key
from tools.label_learning import Observation, filer_key

STATEMENTS = {
    "BS": StatementKind.BALANCE_SHEET,
    "IS": StatementKind.INCOME_STATEMENT,
    "CF": StatementKind.CASH_FLOWS,
    "CI": StatementKind.COMPREHENSIVE_INCOME,
    "EQ": StatementKind.EQUITY,
}
_QUARTER = re.compile(r"^(\d{4}q[1-4])")


def _zip_rows(path: Path, member: str) -> Iterator[dict]:
    with zipfile.ZipFile(path) as archive, archive.open(member) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        yield from csv.DictReader(text, delimiter="\t", quoting=csv.QUOTE_NONE)


def _parquet_rows(path: Path) -> Iterator[dict]:
    import pyarrow.parquet as pq  # the dev extra: only the learning tool and the bench read FSDS

    yield from pq.read_table(path).to_pylist()


def _quarters(fsds_dir: Path) -> dict[str, dict[str, Path | tuple[Path, str]]]:
    """Quarter -> {"pre": source, "sub": source}, from zips or parquet files, whichever is there."""
    found: dict[str, dict] = {}
    for path in sorted(fsds_dir.iterdir()):
        quarter = _QUARTER.match(path.name)
        if not quarter:
            continue
        if path.suffix == ".zip":
            for kind in ("pre", "sub"):
                found.setdefault(quarter[1], {}).setdefault(kind, (path, f"{kind}.txt"))
        elif path.name.endswith(".parquet"):
            for kind in ("pre", "sub"):
                if path.name.startswith(f"{quarter[1]}_{kind}."):
                    found.setdefault(quarter[1], {})[kind] = path
    return {q: s for q, s in found.items() if "pre" in s and "sub" in s}


def _rows(source: Path | tuple[Path, str]) -> Iterator[dict]:
    return _zip_rows(*source) if isinstance(source, tuple) else _parquet_rows(source)


def read_observations(fsds_dir: Path) -> tuple[list[Observation], dict[str, tuple[str, ...]]]:
    """Distinct (filer, statement, label key, concept) observations of every quarter in `fsds_dir`,
    and each filer's names (current and former). A tag of the filer's own extension is kept as
    concept "" (the filer printed the label but chose no standard concept)."""
    observations: set[Observation] = set()
    names: dict[str, set[str]] = {}
    for sources in _quarters(fsds_dir).values():
        filer_of = {}
        for row in _rows(sources["sub"]):
            cik = filer_key(str(row["cik"]))
            filer_of[row["adsh"]] = cik
            names.setdefault(cik, set()).update(n for n in (row.get("name"), row.get("former")) if n)
        for row in _rows(sources["pre"]):
            statement = STATEMENTS.get(row["stmt"])
            cik = filer_of.get(row["adsh"])
            key = label_key(row["plabel"] or "")
            if statement is None or cik is None or not key:
                continue
            standard = str(row["version"]).startswith("us-gaap/")
            observations.add(Observation(cik, statement, key, f"us-gaap:{row['tag']}" if standard else ""))
    return sorted(observations), {cik: tuple(sorted(n)) for cik, n in names.items()}
