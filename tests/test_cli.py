"""The command line: one-line errors with distinct exit codes, formats, and the installed script."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

from .conftest import FIXTURES, GOLDEN, package_args, shared_taxonomies

SEED = FIXTURES / "capstone_8-K_2007-11-08.txt"


def run(*args, env=None):
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    return result.exit_code, result.output


def one_line_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("xbrlconv: error: "), output
    assert "Traceback" not in output
    return lines[0]


def test_missing_cik_is_an_error_not_a_guess(tmp_path):
    code, output = run("convert", SEED, "-o", tmp_path / "out", *package_args())
    assert code == 2
    assert "--cik" in one_line_error(output)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", 2, "empty"),
        (bytes(range(256)) * 64, 2, "binary"),
        (b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nFORM 8-K\n", 2, "truncated"),
        (b"Dear shareholders, thank you.\n", 3, "form type"),
    ],
)
def test_bad_inputs(tmp_path, content, code, words):
    bad = tmp_path / "input.txt"
    bad.write_bytes(content)
    exit_code, output = run("convert", bad, "-o", tmp_path / "out", "--cik", "1", *package_args())
    assert exit_code == code
    assert words in one_line_error(output)


def test_cik_chooses_the_registrant_of_a_combined_filing(tmp_path):
    combined = FIXTURES / "southern-co_8-K_2005-01-25.txt"
    code, output = run("convert", combined, "-o", tmp_path / "a", "--cik", "3153", "--no-validate", *package_args())
    assert code == 0, output
    instance = next((tmp_path / "a").glob("*.xml"))
    text = instance.read_text(encoding="utf-8")
    assert 'scheme="http://www.sec.gov/CIK">0000003153</xbrli:identifier>' in text
    assert "0000092122" not in text
    assert "ALABAMA POWER CO" in text and "SOUTHERN CO<" not in text
    code, output = run("convert", combined, "-o", tmp_path / "b", "--cik", "1", *package_args())
    assert code == 2
    assert "not one of this combined filing's filers" in one_line_error(output)


def test_combined_filing_without_a_header_is_refused(tmp_path):
    code, output = run(
        "convert", FIXTURES / "lge-ku_8-K_2003-03-25.htm", "-o", tmp_path / "out", "--cik", "1", *package_args()
    )
    assert code == 3
    assert "combined filing" in one_line_error(output)
    assert not (tmp_path / "out").exists()


def test_missing_taxonomy_offline_is_a_clear_error(tmp_path):
    code, output = run(
        "convert", SEED, "-o", tmp_path / "out", "--cik", "1009759", "--offline", env={"XBRLCONV_TAXONOMY_PACKAGES": ""}
    )
    assert code == 4
    assert "--taxonomy-package" in one_line_error(output)


def test_existing_outputs_are_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "cpst-20071108.htm").write_text("the user's file")
    code, output = run("convert", SEED, "-o", out, "--cik", "1009759", *package_args())
    assert code == 7
    assert "--force" in one_line_error(output)
    assert (out / "cpst-20071108.htm").read_text() == "the user's file"
    assert sorted(p.name for p in out.iterdir()) == ["cpst-20071108.htm"]


def test_xbrl_only_format_without_validation(tmp_path):
    code, output = run(
        "convert", SEED, "-o", tmp_path, "--cik", "1009759", "--format", "xbrl", "--no-validate", *package_args()
    )
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cpst-20071108.xml",
        "cpst-20071108.xsd",
        "cpst-20071108_cal.xml",
        "cpst-20071108_def.xml",
        "cpst-20071108_lab.xml",
        "cpst-20071108_pre.xml",
    ]
    assert (tmp_path / "cpst-20071108.xml").read_bytes() == (
        GOLDEN / "capstone_8-K_2007-11-08" / "cpst-20071108.xml"
    ).read_bytes()


def test_validate_command_reports_json_and_junit(tmp_path):
    golden = GOLDEN / "capstone_8-K_2006-11-09"
    for path in golden.iterdir():
        shutil.copy(path, tmp_path)
    junit = tmp_path / "results.xml"
    code, output = run("validate", tmp_path / "capstone-20061109.htm", "--json", "--junit", junit, *package_args())
    assert code == 0, output
    report = json.loads(output)
    assert (report["errors"], report["warnings"], report["facts"]) == (0, 0, 18)
    assert 'tests="1" failures="0"' in junit.read_text()


def test_installed_script_runs_from_another_directory(tmp_path):
    """The README's convert command: templates and rules are found wherever the user stands."""
    script = Path(sys.executable).with_name("xbrlconv")
    if not script.exists():
        pytest.skip("the xbrlconv console script is not installed in this environment")
    env = {**os.environ, "XBRLCONV_TAXONOMY_PACKAGES": str(shared_taxonomies())}
    done = subprocess.run(
        [str(script), "convert", str(SEED), "-o", "out", "--cik", "0001009759", "--format", "ixbrl"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "0 errors" in done.stdout
    assert (tmp_path / "out" / "cpst-20071108.htm").read_bytes() == (
        GOLDEN / "capstone_8-K_2007-11-08" / "cpst-20071108.htm"
    ).read_bytes()


def test_extract_json_gives_values_with_their_provenance():
    code, output = run("extract", "--json", SEED)
    assert code == 0
    data = json.loads(output)
    income = next(s for s in data["statements"] if s["kind"] == "income_statement")
    assert income["scale"]["monetary"] == 3 and income["scale"]["per_share"] == 0
    assert income["columns"][0]["period"] == {"start": "2007-07-01", "end": "2007-09-30"}
    revenue = next(r for r in income["rows"] if r["label"] == "Revenue")
    first = revenue["values"][0]
    assert (first["shown"], first["value"], first["column"]) == ("7,219", "7219000", 0)
    source_line = SEED.read_text(encoding="utf-8").splitlines()[first["line"] - 1]
    assert "Revenue" in source_line and "7,219" in source_line
    cover = {f["field"]: f["value"] for f in data["cover"]}
    assert cover["file_number"] == "001-15957"


def test_extract_text_lists_statements_and_rows():
    code, output = run("extract", SEED)
    assert code == 0
    assert "balance_sheet: CONDENSED CONSOLIDATED BALANCE SHEETS" in output
    row = next(line for line in output.splitlines() if "Accumulated deficit" in line)
    assert row.split()[-2:] == ["-556130000", "-537270000"]


def test_extract_of_garbage_is_a_one_line_error(tmp_path):
    bad = tmp_path / "input.bin"
    bad.write_bytes(bytes(range(256)) * 64)
    code, output = run("extract", bad)
    assert code == 2
    assert "binary" in one_line_error(output)


def test_batch_exits_1_when_a_filing_failed_and_2_for_a_bad_input(tmp_path):
    (tmp_path / "garbage.txt").write_bytes(b"\x00 not a filing \xff" * 40)
    listing = tmp_path / "filings.tsv"
    listing.write_text(f"{SEED}\t1009759\ngarbage.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = run("batch", f"@{listing}", "-o", out, "--validate", "none", "--jobs", "1", *package_args())
    assert code == 1
    assert "batch: 1 converted, 1 failed, 0 skipped" in output
    assert len((out / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    code, output = run("batch", tmp_path / "missing.txt", "-o", out, *package_args())
    assert code == 2 and one_line_error(output).startswith("xbrlconv: error: input ")
    code, output = run("batch", SEED, "-o", out, "--validate", "sample:7", *package_args())
    assert code == 2
