"""Benchmark: seconds, peak memory and outcome of converting hostile and oversized inputs.

Run: python bench/hostile_inputs.py [--rows N] [--line-kb N]   (taxonomies as for convert_speed.py).
Each input is made from a real fixture or from a pattern, in a scratch directory, and converted in
a child process with a time limit, so that a hang shows as a figure instead of stopping the run.
The target: every input ends, with outputs or a one-line error, well inside its limit.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LIMIT_SECONDS = 300


def long_statement(rows: int) -> bytes:
    """A fixed-width 10-K whose statement of operations runs to `rows` rows of one label."""
    head = (
        "FORM 10-K\n\nANNUAL REPORT for the fiscal year ended December 31, 2020\n\nEXAMPLE WIDGETS INC.\n\n"
        "            CONSOLIDATED STATEMENTS OF OPERATIONS\n                 (in thousands)\n"
        "                                          2020        2019\n"
    )
    row = "Revenue {dots} {a:>7},{b:03d} {c:>7},{d:03d}\n"
    body = "".join(row.format(dots="." * 30, a=n % 997 + 1, b=n % 1000, c=n % 991 + 1, d=n % 983) for n in range(rows))
    return (head + body).encode()


def inputs(rows: int, line_kb: int) -> dict[str, bytes]:
    """Name -> bytes of each hostile input."""
    html = (FIXTURES / "national-american-university_10-Q_2014-08-31.htm").read_bytes()
    prose = b"The company reported results for the quarter and discussed them at length. "
    one_line = prose * (line_kb * 1024 // len(prose))
    deep = 200_000
    return {
        f"table_{rows}_rows.txt": long_statement(rows),
        f"one_line_{line_kb}kb.htm": b"<html><body><p>" + one_line + b"</p></body></html>",
        "nested_300_divs.htm": html.replace(b'<BODY BGCOLOR="WHITE">', b"<BODY>" + b"<div>" * 300, 1),
        f"nested_{deep}_divs.htm": b"<html><body>" + b"<div>" * deep + b"x" + b"</div>" * deep + b"</body></html>",
        "unclosed_tables.htm": html.replace(b"</table>", b"").replace(b"</TABLE>", b""),
        "random_bytes.txt": os.urandom(2 * 1024 * 1024),
        "truncated_half.htm": html[: len(html) // 2],
    }


# The command line in a child that reports its own peak memory when it exits.
_CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print('peak-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
    "from converter.cli import main\n"
    "sys.argv[0] = 'xbrlconv'\n"
    "main()\n"
)


def run(path: Path, outdir: Path) -> tuple[float, float, int, str]:
    """Seconds, peak RSS (MB), exit code and the last line it printed, of one conversion."""
    command = [sys.executable, "-c", _CHILD, "convert", str(path), "-o", str(outdir), "--cik", "0000000001"]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, float("nan"), -1, f"did not end within {LIMIT_SECONDS} s"
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = next((int(line.split()[1]) / 1024 for line in lines if line.startswith("peak-kb ")), float("nan"))
    said = [line for line in lines if not line.startswith("peak-kb ")] or done.stdout.strip().splitlines() or [""]
    return seconds, peak, done.returncode, said[-1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the long fixed-width table")
    parser.add_argument("--line-kb", type=int, default=1024, help="size of the single-line HTML document")
    args = parser.parse_args()
    os.environ.setdefault("XBRLCONV_TAXONOMY_PACKAGES", str(ROOT.parent / "shared" / "taxonomies"))
    os.environ.setdefault("XBRLCONV_OFFLINE", "1")
    with tempfile.TemporaryDirectory(prefix="xbrlconv-hostile-") as tmp:
        print(f"{'input':<28} {'secs':>7} {'peak MB':>8} {'exit':>5}  outcome")
        for name, data in inputs(args.rows, args.line_kb).items():
            path = Path(tmp) / name
            path.write_bytes(data)
            seconds, peak, code, err = run(path, Path(tmp) / f"out-{name}")
            print(f"{name:<28} {seconds:7.1f} {peak:8.0f} {code:5d}  {err[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
