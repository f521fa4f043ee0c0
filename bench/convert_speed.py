"""Benchmark: seconds and peak memory to convert each test fixture, by stage.

Run: python bench/convert_speed.py [--repeat N]   (taxonomies from $XBRLCONV_TAXONOMY_PACKAGES,
default ../shared/taxonomies). Prints one line per filing and stage; targets live here, not in tests.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from converter.arelle_adapter import load_concepts
from converter.extract import extract
from converter.ingest import read_submission
from converter.mapping.rules import load_rules
from converter.packages import taxonomy_settings
from converter.pipeline import ConvertOptions, build_model, convert
from converter.render import render_files

ROOT = Path(__file__).resolve().parent.parent


def fixture_ciks() -> dict[str, str | None]:
    """File name -> --cik of the fixtures that convert (tests/fixtures/MANIFEST.tsv), None when the
    SEC header gives it."""
    with (ROOT / "tests" / "fixtures" / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["file"]: row["cik_option"] or None for row in rows if row["expect"] != "refused"}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, fn):
    start = time.perf_counter()
    value = fn()
    print(f"  {label:<22} {time.perf_counter() - start:7.3f} s   peak RSS {peak_mb():7.1f} MB")
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("XBRLCONV_TAXONOMY_PACKAGES", str(ROOT.parent / "shared" / "taxonomies"))
    settings = taxonomy_settings()
    rules = load_rules()
    timed("taxonomy load", lambda: load_concepts(rules.taxonomies, settings))
    for name, cik in fixture_ciks().items():
        path = ROOT / "tests" / "fixtures" / name
        print(f"{path.name} ({path.stat().st_size} bytes)")
        for _ in range(args.repeat):
            bench_one(path, ConvertOptions(settings=settings, cik=cik), rules)
    return 0


def bench_one(path: Path, options: ConvertOptions, rules) -> None:
    submission = timed("ingest", lambda: read_submission(path))
    extraction = timed("extract", lambda: extract(submission))
    model = timed("map (incl. taxonomy)", lambda: build_model(submission, extraction, options, rules))
    timed("render", lambda: render_files(model, submission, extraction, options.formats))
    with tempfile.TemporaryDirectory() as tmp:
        timed("convert + validate", lambda: convert(path, Path(tmp), options))


if __name__ == "__main__":
    sys.exit(main())
