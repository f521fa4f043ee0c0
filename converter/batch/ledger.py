"""results.jsonl: one JSON line per filing a batch handled, appended as each one ends.

The ledger is the batch's memory: a rerun reads it to skip filings already converted (or failed)
with the same input, options, xbrlconv version and taxonomy packages. Lines are appended and synced
one at a time by the one process that runs the batch, so an interrupted batch loses no finished
filing and a torn last line (a killed process) is ignored.
"""

import json
import os
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

RESULTS = "results.jsonl"


class Status(StrEnum):
    CONVERTED = "converted"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Record:
    """What became of one filing."""

    input: str
    sha256: str
    key: str  # input, options, version and packages: a rerun with the same key need not convert again
    status: Status
    exit_code: int
    error: str = ""
    facts: int = 0
    left_out: tuple[str, ...] = ()  # each part left out, as the conversion report words it
    seconds: float = 0.0
    worker: str = ""
    outputs: str = ""  # the filing's output folder, relative to the batch's output directory

    def to_json(self) -> str:
        data = asdict(self)
        data["status"] = self.status.value
        data["left_out"] = list(self.left_out)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> "Record":
        data = json.loads(line)
        return cls(**{**data, "status": Status(data["status"]), "left_out": tuple(data.get("left_out", ()))})


def read_ledger(path: Path) -> dict[str, Record]:
    """The last converted or failed record of each input (skips say nothing new)."""
    latest: dict[str, Record] = {}
    if not path.exists():
        return latest
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            record = Record.from_json(line)
        except (ValueError, TypeError, KeyError):
            continue  # a line torn by a killed process
        if record.status is not Status.SKIPPED:
            latest[record.input] = record
    return latest


class Ledger:
    """Appends records to results.jsonl, each synced before the next."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = path.open("a", encoding="utf-8")

    def append(self, record: Record) -> None:
        self._handle.write(record.to_json() + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


def source_of(folder: Path) -> Path | None:
    """The filing a batch converted into `folder`, as the results.jsonl of the batch above it says."""
    folder = folder.resolve()
    for root in folder.parents:
        if (root / RESULTS).is_file():
            relative = folder.relative_to(root).as_posix()
            sources = [Path(r.input) for r in read_ledger(root / RESULTS).values() if r.outputs == relative]
            return sources[-1] if sources else None
    return None
