"""Benchmark: converting an archive one `xbrlconv convert` process per filing against `xbrlconv batch`.

    python bench/batch.py [--jobs 2] [--limit N] [--skip-processes]

Over the filings of ../shared/corpus and ../shared/corpus2 (their MANIFEST.tsv gives each one's
CIK), in one run, with and without validation: filings per second and the median and 95th
percentile seconds a filing for (a) one `xbrlconv convert` process per filing, `--jobs` of them at
a time, and (b) one `xbrlconv batch --jobs N`; the validation seconds per output document as a batch
worker validates (base taxonomies loaded once) and as a fresh validation does; the batch's peak
memory per worker; and the ratios. Taxonomies from $XBRLCONV_TAXONOMY_PACKAGES (default ../shared/taxonomies).
"""

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.arelle_adapter import validate_file, warm_validator  # noqa: E402
from converter.mapping.rules import load_rules  # noqa: E402
from converter.packages import taxonomy_settings  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = ("corpus", "corpus2")


def filings(limit: int | None) -> list[tuple[Path, str]]:
    """(path, CIK) of every filing the corpora list, the CIK empty where the manifest has none."""
    found = []
    for corpus in CORPORA:
        with (SHARED / corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row.get("kind") == "filing":
                    cik = row["cik"].strip()
                    found.append((SHARED / corpus / row["local"], str(int(cik)) if cik.isdigit() else ""))
    return found[:limit] if limit else found


def _figures(name: str, seconds: list[float], wall: float, count: int) -> dict:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
    rate = count / wall if wall else 0.0
    print(f"{name:42} {rate:6.2f} filings/s  median {statistics.median(ordered):6.2f} s  p95 {p95:6.2f} s")
    return {"rate": rate, "median": statistics.median(ordered), "p95": p95}


def one_process_each(items, jobs: int, validate: bool) -> dict:
    """`xbrlconv convert` per filing, `jobs` at a time; a filing's seconds include the process start."""

    def run(item):
        path, cik = item
        with tempfile.TemporaryDirectory(prefix="xbrlconv-bench-") as out:
            command = [sys.executable, "-m", "converter", "convert", str(path), "-o", out]
            command += ["--cik", cik] if cik else []
            command += [] if validate else ["--no-validate"]
            started = time.monotonic()
            subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
            return time.monotonic() - started

    started = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        seconds = list(pool.map(run, items))
    mode = "validated" if validate else "not validated"
    return _figures(f"one convert process per filing, {mode}", seconds, time.monotonic() - started, len(items))


def batch(items, jobs: int, validate: bool, outdir: Path) -> dict:
    """One `xbrlconv batch` over a list file; seconds a filing from its results.jsonl."""
    listing = outdir.parent / f"{outdir.name}.tsv"
    listing.write_text("".join(f"{p}\t{cik}\n" if cik else f"{p}\n" for p, cik in items), encoding="utf-8")
    command = [sys.executable, "-m", "converter", "batch", f"@{listing}", "-o", str(outdir), "--jobs", str(jobs)]
    command += ["--validate", "all" if validate else "none"]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    records = [json.loads(line) for line in (outdir / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    mode = "validated" if validate else "not validated"
    figures = _figures(f"xbrlconv batch --jobs {jobs}, {mode}", [r["seconds"] for r in records], wall, len(items))
    memory = [line for line in done.stderr.splitlines() if "peak worker memory" in line]
    figures["memory"] = memory[0].split("peak worker memory")[1].split(";")[0].strip() if memory else "?"
    print(f"{'':42} {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
    return figures


def warm_validation(outdir: Path) -> float:
    """Median seconds to validate one output document as a batch worker does (the base taxonomies
    loaded once, each document in a forked child), beside a fresh validation's (each document on
    its own, the published taxonomies trusted)."""
    settings = taxonomy_settings()
    rules = load_rules()
    published = frozenset(t.namespace for t in rules.taxonomies)
    documents = sorted(outdir.glob("*/*/*.htm")) + sorted(
        p for p in outdir.glob("*/*/*.xml") if not p.stem.endswith(("_cal", "_pre", "_def", "_lab"))
    )
    started = time.monotonic()
    warm = warm_validator(rules.taxonomies, settings)
    print(f"{'loading the base taxonomies, once a worker':42} {time.monotonic() - started:6.2f} s")
    medians = []
    for name, validate in (
        ("warm validation, one output document", warm.validate),
        ("fresh validation, one output document", lambda p: validate_file(p, settings, published)),
    ):
        seconds = []
        for document in documents:
            started = time.monotonic()
            validate(document)
            seconds.append(time.monotonic() - started)
        medians.append(statistics.median(seconds))
        print(f"{name:42} median {medians[-1]:6.2f} s over {len(documents)} documents")
    return medians[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, help="only the first N filings")
    parser.add_argument("--skip-processes", action="store_true", help="skip the slow one-process-per-filing runs")
    args = parser.parse_args()
    os.environ.setdefault("XBRLCONV_TAXONOMY_PACKAGES", str(SHARED / "taxonomies"))
    os.environ.setdefault("XBRLCONV_OFFLINE", "1")
    items = filings(args.limit)
    print(f"{len(items)} filings, {args.jobs} jobs, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="xbrlconv-bench-") as tmp:
        plain = batch(items, args.jobs, False, Path(tmp) / "plain")
        checked = batch(items, args.jobs, True, Path(tmp) / "checked")
        warm = warm_validation(Path(tmp) / "checked")
    print(f"convert-only batch: {plain['rate'] / args.jobs:.2f} filings/s per core (target >= 5)")
    print(f"warm validation: {warm:.2f} s median per output document (target <= 1.0)")
    print(f"peak memory per worker: {checked['memory']} (target <= 600 MB)")
    if not args.skip_processes:
        per_plain = one_process_each(items, args.jobs, False)
        per_checked = one_process_each(items, args.jobs, True)
        print(f"batch / one process per filing, not validated: {plain['rate'] / per_plain['rate']:.1f}x")
        print(f"batch / one process per filing, validated: {checked['rate'] / per_checked['rate']:.1f}x (target >= 8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
