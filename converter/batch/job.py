"""Convert one filing of a batch: its outputs land in their own folder, whole or not at all."""

import hashlib
import os
import re
import shutil
import socket
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from ..conversion_report import as_json as report_json
from ..errors import INTERNAL_ERROR, XbrlconvError, internal_error, one_line
from ..pipeline import ConvertOptions, finish, prepare, review_page
from .inputs import BatchInput
from .ledger import Record, Status

PARTIAL = ".partial"  # where a filing's outputs are staged before they are published whole
REPORT = "report.json"  # the conversion report, beside each filing's outputs
REVIEW = "review.html"  # the review page (batch --review), beside them too


@dataclass(frozen=True)
class ValidationPolicy:
    """Which filings are validated: all (1.0), none (0.0) or a share of them, picked by the input's
    hash so that a rerun validates the same ones."""

    share: float = 1.0

    @classmethod
    def parse(cls, text: str) -> "ValidationPolicy":
        """'all', 'none' or 'sample:F' with 0 < F <= 1."""
        if text in ("all", "none"):
            return cls(1.0 if text == "all" else 0.0)
        name, _, share = text.partition(":")
        try:
            value = float(share)
        except ValueError:
            value = -1.0
        if name != "sample" or not 0 < value <= 1:
            raise ValueError(f"--validate takes all, none or sample:F with 0 < F <= 1, not {text!r}")
        return cls(value)

    def applies(self, sha256: str) -> bool:
        return int(sha256[:8], 16) < self.share * 16**8


@dataclass(frozen=True)
class BatchOptions:
    """How every filing of a batch is converted, and where its outputs go."""

    convert: ConvertOptions
    outdir: Path
    validation: ValidationPolicy = ValidationPolicy()
    max_memory_mb: int | None = None  # each local worker's address space, when capped
    review: bool = False  # write each filing's review page beside its outputs


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _folder_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "filing"


def publish(staging: Path, target: Path) -> None:
    """Move a finished folder into place in one rename; a folder already there (a --force rerun)
    is moved aside first and removed after, so the target is never half old, half new."""
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = None
    if target.exists():
        aside = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(target, aside)
    os.replace(staging, target)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def _failed(staging: Path, base: dict, exit_code: int, error: str, started: float) -> Record:
    shutil.rmtree(staging, ignore_errors=True)
    seconds = round(time.monotonic() - started, 3)
    return Record(**base, status=Status.FAILED, exit_code=exit_code, error=error, seconds=seconds)


def convert_one(item: BatchInput, options: BatchOptions, sha256: str, key: str) -> Record:
    """Convert `item` into OUTDIR/<cik>/<accession, else input name>/ with its conversion report,
    and say how it went; a conversion error is a failed record, never an exception."""
    started = time.monotonic()
    convert = replace(
        options.convert,
        cik=item.cik or options.convert.cik,
        validate=options.validation.applies(sha256),
        force=True,  # the staging folder is new; the published one replaces a rerun's whole
        warm_validation=True,  # a worker validates many filings: it keeps the base taxonomies loaded
    )
    staging = options.outdir / PARTIAL / f"{sha256[:16]}-{uuid.uuid4().hex[:8]}"
    base = {"input": str(item.path), "sha256": sha256, "key": key, "worker": worker_name()}
    try:
        prepared = prepare(item.path, convert)
        header = prepared.submission.header
        accession = header.accession_number if header else None
        folder = Path(_folder_name(prepared.model.cik)) / _folder_name(accession or item.path.stem)
        result = finish(prepared, staging, convert)
        target = options.outdir / folder
        report = replace(result.conversion, written=tuple(target / p.name for p in result.conversion.written))
        (staging / REPORT).write_text(report_json(report), encoding="utf-8")
        if options.review:
            (staging / REVIEW).write_bytes(review_page(result))
        publish(staging, target)
    except XbrlconvError as exc:
        return _failed(staging, base, exc.exit_code, one_line(exc), started)
    except Exception as exc:  # noqa: BLE001 - one filing's bug must not stop the batch
        return _failed(staging, base, INTERNAL_ERROR, f"internal error: {internal_error(exc)}", started)
    return Record(
        **base,
        status=Status.CONVERTED,
        exit_code=0,
        facts=report.facts,
        left_out=tuple(one_line(part.line()) for part in report.left_out),
        seconds=round(time.monotonic() - started, 3),
        outputs=folder.as_posix(),
    )
