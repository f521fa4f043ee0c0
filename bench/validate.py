"""Benchmark: one `xbrlconv validate` call over 20 outputs against 20 Arelle command-line runs.

    python bench/validate.py [--files 20] [--jobs 2]

Converts corpus filings (without validation) until it has `--files` entry points (iXBRL documents
and XBRL instances), breaks half of the instances (a misspelled concept, a fact without a unit,
an amount changed, an amount negated) so that there are errors to agree on, then validates them
all in one `xbrlconv validate --jobs N` call and each in its own Arelle command-line run
(`python -m arelle.CntlrCmdLine` with Calc 1.1 round-to-nearest, inconsistent duplicates and the
offline packages): one at a time with Arelle's default validation of the base
taxonomies, as a plain CI loop runs it, and N at a time without it, Arelle at its fastest. Prints
the times, the ratios (target >= 10x) and whether each file's Arelle error codes are the same.
Taxonomies from $XBRLCONV_TAXONOMY_PACKAGES (default ../shared/taxonomies).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.batch import filings  # noqa: E402
from converter.packages import taxonomy_settings  # noqa: E402

_ARELLE_CODE = re.compile(r"^\[([^\]]+)\]")
_OUR_CODES = ("xbrlconv",)
_LEVEL_WORDS = ("info",)


def _breakage(xml: str, n: int) -> str:
    """One of four deliberate errors in an instance, by its position in the run."""
    kind = n % 4
    numeric = re.search(r'<(us-gaap:\w+) contextRef="[^"]+" unitRef="(\w+)"[^>]*>(\d+)<', xml)
    if numeric is None:
        return xml
    whole, concept = numeric.group(0), numeric.group(1)
    if kind == 0:
        return xml.replace(f"<{concept} ", f"<{concept}Typo ", 1).replace(f"</{concept}>", f"</{concept}Typo>", 1)
    if kind == 1:
        return xml.replace(whole, whole.replace(f' unitRef="{numeric.group(2)}"', ""), 1)
    value = numeric.group(3)
    changed = f"{int(value) + 7000}" if kind == 2 else f"-{value}"
    return xml.replace(whole, f"{whole[: -len(value) - 1]}{changed}<", 1)


def entry_points(work: Path, wanted: int) -> list[Path]:
    """Convert corpus filings until there are `wanted` entry points; break every fourth instance."""
    found: list[Path] = []
    for n, (path, cik) in enumerate(filings(None)):
        if len(found) >= wanted:
            break
        out = work / f"{n:02d}"
        command = [sys.executable, "-m", "converter", "convert", str(path), "-o", str(out), "--no-validate"]
        command += ["--cik", cik] if cik else []
        if subprocess.run(command, cwd=ROOT, capture_output=True, check=False).returncode != 0:
            continue
        found += sorted(out.glob("*.htm")) + sorted(p for p in out.glob("*.xml") if "_" not in p.stem)
    found = found[:wanted]
    for n, instance in enumerate(p for p in found if p.suffix == ".xml"):
        if n % 2 == 0:  # half the instances, a quarter of the files
            instance.write_text(_breakage(instance.read_text(encoding="utf-8"), n // 2), encoding="utf-8")
    return found


def with_xbrlconv(files: list[Path], jobs: int) -> tuple[float, dict[str, set[str]]]:
    command = [sys.executable, "-m", "converter", "validate", *map(str, files), "--format", "json", "--jobs", str(jobs)]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    codes: dict[str, set[str]] = {str(f): set() for f in files}
    for finding in json.loads(done.stdout)["findings"]:
        if not finding["code"].startswith(_OUR_CODES) and finding["file"] in codes:
            codes[finding["file"]].add(finding["code"])
    return seconds, codes


def with_arelle(files: list[Path], jobs: int, base_taxonomies: bool) -> tuple[float, dict[str, set[str]]]:
    """Each file in its own Arelle command-line run, `jobs` at a time; `base_taxonomies`: with
    Arelle's default validation of the base taxonomies (as a plain CI loop runs it), else with
    --baseTaxonomyValidation none."""
    settings = taxonomy_settings()
    base = [sys.executable, "-m", "arelle.CntlrCmdLine", "--validate", "--calc", "c11r"]
    base += ["--validateDuplicateFacts", "inconsistent"]
    base += [] if base_taxonomies else ["--baseTaxonomyValidation", "none"]
    base += ["--internetConnectivity", "offline", "--packages", "|".join(settings.packages)]

    def run(path: Path) -> set[str]:
        done = subprocess.run([*base, "--file", str(path)], capture_output=True, text=True, check=False)
        said = (done.stdout + done.stderr).splitlines()
        return {m[1] for line in said for m in [_ARELLE_CODE.match(line)] if m and m[1] not in _LEVEL_WORDS}

    started = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        found = list(pool.map(run, files))
    return time.monotonic() - started, {str(f): codes for f, codes in zip(files, found, strict=True)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("XBRLCONV_TAXONOMY_PACKAGES", str(ROOT.parent / "shared" / "taxonomies"))
    with tempfile.TemporaryDirectory(prefix="xbrlconv-bench-validate-") as tmp:
        files = entry_points(Path(tmp), args.files)
        print(f"{len(files)} entry points, {args.jobs} jobs, {os.cpu_count()} cores")
        ours, our_codes = with_xbrlconv(files, args.jobs)
        print(f"{f'one xbrlconv validate call, --jobs {args.jobs}':42} {ours:7.1f} s")
        for title, jobs, base_taxonomies in (
            (f"{len(files)} Arelle runs one at a time, defaults", 1, True),
            (f"{len(files)} Arelle runs, {args.jobs} at a time, no base", args.jobs, False),
        ):
            theirs, arelle_codes = with_arelle(files, jobs, base_taxonomies)
            print(f"{title:42} {theirs:7.1f} s: {theirs / ours:5.1f}x the time of one xbrlconv call (target >= 10x)")
            differ = [f for f in our_codes if our_codes[f] != arelle_codes[f]]
            flagged = sum(1 for codes in arelle_codes.values() if codes)
            same = f"{len(files) - len(differ)}/{len(files)} files ({flagged} with errors)"
            print(f"{'  same Arelle error codes':42} {same}")
            for name in differ:
                print(f"    {Path(name).name}: xbrlconv {sorted(our_codes[name])}, Arelle {sorted(arelle_codes[name])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
