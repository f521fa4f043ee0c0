"""xbrlconv batch: inputs, per-filing folders, results.jsonl, reruns, timeouts, dead workers, Ctrl-C."""

import io
import json
import os
import signal
from pathlib import Path

import dask
import distributed
import pytest

from converter.batch import runner
from converter.batch.inputs import expand_inputs
from converter.batch.job import BatchOptions, ValidationPolicy, convert_one
from converter.batch.ledger import Record, Status
from converter.batch.progress import Progress
from converter.batch.runner import RESULTS, BatchSummary, RerunPolicy, run_batch
from converter.errors import OptionError
from converter.pipeline import ConvertOptions

from .conftest import FIXTURES

CAPSTONE = FIXTURES / "capstone_8-K_2007-11-08.txt"  # no SEC header: its CIK comes from the list
APPLE = FIXTURES / "apple_8-K_2000-01-19.txt"


def _list(tmp_path: Path, garbage: bool = True) -> Path:
    """A list file: Capstone with its CIK, Apple, and (optionally) a file that is no filing."""
    lines = [f"{CAPSTONE}\t1009759", str(APPLE)]
    if garbage:
        (tmp_path / "garbage.txt").write_bytes(b"\x00\x01 not a filing \xff" * 50)
        lines.append("garbage.txt")  # relative to the list
    listing = tmp_path / "filings.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def _options(settings, outdir: Path, validation: str = "none") -> BatchOptions:
    return BatchOptions(ConvertOptions(settings=settings), outdir, ValidationPolicy.parse(validation))


def _ledger(outdir: Path) -> list[dict]:
    return [json.loads(line) for line in (outdir / RESULTS).read_text(encoding="utf-8").splitlines()]


def test_inputs_are_files_directories_and_lists_each_once(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "a.htm").write_text("x")
    (tmp_path / "d" / "b.txt").write_text("x")
    (tmp_path / "d" / "notes.pdf").write_text("x")  # no filing suffix
    (tmp_path / "d" / ".hidden.txt").write_text("x")
    listing = tmp_path / "list.tsv"
    listing.write_text("# filings\nd/b.txt\t320193\n\n", encoding="utf-8")
    stdin = io.StringIO(f"{tmp_path / 'd' / 'sub' / 'a.htm'}\n")
    items = expand_inputs([str(tmp_path / "d"), f"@{listing}", "-"], stdin)
    assert [(i.path.name, i.cik) for i in items] == [("b.txt", None), ("a.htm", None)]
    with pytest.raises(OptionError, match="does not exist"):
        expand_inputs([str(tmp_path / "missing.txt")])
    listing.write_text("d/b.txt\tAPPLE\n", encoding="utf-8")
    with pytest.raises(OptionError, match="line 1"):
        expand_inputs([f"@{listing}"])


def test_a_sample_validates_the_same_filings_every_time():
    policy = ValidationPolicy.parse("sample:0.5")
    hashes = [f"{n:08x}" + "0" * 56 for n in range(0, 16**8, 16**8 // 64)]
    chosen = [h for h in hashes if policy.applies(h)]
    assert len(chosen) == 32 and chosen == [h for h in hashes if policy.applies(h)]
    assert ValidationPolicy.parse("all").applies("f" * 64) and not ValidationPolicy.parse("none").applies("0" * 64)
    with pytest.raises(ValueError):
        ValidationPolicy.parse("sample:2")


def test_each_filing_gets_its_folder_and_a_line_and_a_rerun_skips_what_is_done(settings, tmp_path):
    outdir = tmp_path / "out"
    items = expand_inputs([f"@{_list(tmp_path)}"])
    first = run_batch(items, _options(settings, outdir), jobs=2, timeout=120)
    assert sorted(r.status.value for r in first.records) == ["converted", "converted", "failed"]
    assert first.exit_code == 1
    by_input = {Path(r["input"]).name: r for r in _ledger(outdir)}
    assert by_input["capstone_8-K_2007-11-08.txt"]["outputs"] == "0001009759/capstone_8-K_2007-11-08"
    assert by_input["apple_8-K_2000-01-19.txt"]["outputs"].startswith("0000320193/")  # the accession number
    assert by_input["garbage.txt"]["exit_code"] == 2 and by_input["garbage.txt"]["error"]
    for record in first.records:
        if record.status is Status.CONVERTED:
            folder = outdir / record.outputs
            assert (folder / "report.json").exists() and any(folder.glob("*.htm")) and record.facts > 0
    assert not (outdir / ".partial").exists()

    again = run_batch(items, _options(settings, outdir), jobs=2, timeout=120)
    assert [r.status for r in again.records] == [Status.SKIPPED] * 3
    assert again.exit_code == 1  # the garbage still failed

    retried = run_batch(items, _options(settings, outdir), jobs=2, timeout=120, policy=RerunPolicy(retry_failed=True))
    assert sorted(r.status.value for r in retried.records) == ["failed", "skipped", "skipped"]
    forced = run_batch(items, _options(settings, outdir), jobs=2, timeout=120, policy=RerunPolicy(force=True))
    assert sorted(r.status.value for r in forced.records) == ["converted", "converted", "failed"]
    changed = run_batch(items, _options(settings, outdir, "all"), jobs=2, timeout=120)  # other options: all again
    assert sorted(r.status.value for r in changed.records) == ["converted", "converted", "failed"]


def test_a_filing_past_its_timeout_is_recorded_and_the_batch_goes_on(settings, tmp_path):
    outdir = tmp_path / "out"
    items = expand_inputs([f"@{_list(tmp_path, garbage=False)}"])
    summary = run_batch(items, _options(settings, outdir, "all"), jobs=1, timeout=0.05)
    assert [(r.status, r.exit_code) for r in summary.records] == [(Status.FAILED, 124)] * 2
    assert all("timed out after 0.05 s" in r.error for r in summary.records)
    assert not any(outdir.glob("*/*"))  # no output folder, not even half of one


def _dies_on_apple(item, options, sha256, key):
    """A worker that is killed (kill -9) while converting Apple's filing."""
    if item.path.name.startswith("apple"):
        os.kill(os.getpid(), signal.SIGKILL)
    return convert_one(item, options, sha256, key)


def test_a_killed_worker_fails_its_filing_only_and_is_replaced(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "convert_one", _dies_on_apple)
    outdir = tmp_path / "out"
    items = expand_inputs([f"@{_list(tmp_path, garbage=False)}", str(FIXTURES / "capstone_8-K_2006-11-09.txt")])
    items = tuple(i if i.cik or not i.path.name.startswith("capstone") else type(i)(i.path, "1009759") for i in items)
    summary = run_batch(items, _options(settings, outdir), jobs=1, timeout=120)
    by_name = {Path(r.input).name: r for r in summary.records}
    assert by_name["apple_8-K_2000-01-19.txt"].error == "worker died (signal 9)"
    assert by_name["apple_8-K_2000-01-19.txt"].exit_code == 137
    assert by_name["capstone_8-K_2007-11-08.txt"].status is Status.CONVERTED
    assert by_name["capstone_8-K_2006-11-09.txt"].status is Status.CONVERTED  # converted by a new worker


def test_an_interrupted_batch_loses_nothing_and_converts_nothing_twice(settings, tmp_path):
    outdir = tmp_path / "out"
    items = expand_inputs([f"@{_list(tmp_path, garbage=False)}"])

    def interrupt(record, total):
        raise KeyboardInterrupt  # Ctrl-C as the first filing ends

    with pytest.raises(KeyboardInterrupt):
        run_batch(items, _options(settings, outdir), jobs=1, timeout=120, report=interrupt)
    done = [r["input"] for r in _ledger(outdir)]
    assert len(done) == 1
    rerun = run_batch(items, _options(settings, outdir), jobs=1, timeout=120)
    assert sorted(r.status.value for r in rerun.records) == ["converted", "skipped"]
    converted = [r["input"] for r in _ledger(outdir) if r["status"] == "converted"]
    assert sorted(converted) == sorted(str(i.path) for i in items)  # each once
    assert not (outdir / ".partial").exists()
    assert all((outdir / r["outputs"] / "report.json").exists() for r in _ledger(outdir) if r["outputs"])


def _outputs(outdir: Path) -> dict[str, bytes]:
    """Every output file but the reports (they name their own folder), by path under OUTDIR."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.glob("*/*/*")) if p.name != "report.json"}


def test_a_dask_cluster_writes_the_same_bytes_as_local_workers(settings, tmp_path):
    items = expand_inputs([f"@{_list(tmp_path)}"])
    local = run_batch(items, _options(settings, tmp_path / "local"), jobs=2, timeout=120)
    cluster_options = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    # workers that may fork, so that each filing's timeout holds (Dask's workers are daemons by default)
    with dask.config.set({"distributed.worker.daemon": False}), distributed.LocalCluster(**cluster_options) as cluster:
        options = _options(settings, tmp_path / "dask")
        remote = run_batch(items, options, jobs=2, timeout=120, scheduler=cluster.scheduler_address)
    assert sorted(r.status.value for r in remote.records) == sorted(r.status.value for r in local.records)
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local") != {}
    assert all(r.worker for r in remote.records if r.status is Status.CONVERTED)


def _blows_up_on_apple(item, options, sha256, key):
    """A conversion that asks for 2 GB more memory while converting Apple's filing."""
    if item.path.name.startswith("apple"):
        ballast = bytearray(2 * 1024**3)
        del ballast
    return convert_one(item, options, sha256, key)


def test_a_filing_that_blows_its_memory_cap_is_recorded_and_the_batch_goes_on(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "convert_one", _blows_up_on_apple)
    status = Path("/proc/self/status").read_text(encoding="utf-8").splitlines()
    size = next(int(line.split()[1]) for line in status if line.startswith("VmSize:")) // 1024  # MB mapped now
    options = BatchOptions(ConvertOptions(settings=settings), tmp_path / "out", ValidationPolicy(0.0), size + 1024)
    items = expand_inputs([f"@{_list(tmp_path, garbage=False)}"])
    summary = run_batch(items, options, jobs=1, timeout=120)
    by_name = {Path(r.input).name: r for r in summary.records}
    assert by_name["apple_8-K_2000-01-19.txt"].status is Status.FAILED
    assert "MemoryError" in by_name["apple_8-K_2000-01-19.txt"].error
    assert by_name["capstone_8-K_2007-11-08.txt"].status is Status.CONVERTED


def test_progress_is_a_status_line_on_a_terminal_and_plain_lines_in_a_log():
    records = [
        Record("a.txt", "0" * 64, "k", Status.CONVERTED, 0, outputs="1/a"),
        Record("b.txt", "1" * 64, "k", Status.FAILED, 3, error="cannot tell the form type"),
        Record("c.txt", "2" * 64, "k", Status.SKIPPED, 0, outputs="1/c"),
    ]
    log, terminal = io.StringIO(), io.StringIO()
    for stream, tty in ((log, False), (terminal, True)):
        progress = Progress(stream, tty)
        for record in records:
            progress(record, 3)
        progress.finish(BatchSummary(records), "out/results.jsonl")
    assert log.getvalue().splitlines()[:3] == [
        "[1/3] converted a.txt: 1/a",
        "[2/3] failed b.txt: cannot tell the form type",
        "[3/3] skipped c.txt: 1/c",
    ]
    assert "\r[3/3] 1 converted, 1 failed, 1 skipped" in terminal.getvalue()
    for text in (log.getvalue(), terminal.getvalue()):
        assert "batch: 1 converted, 1 failed, 1 skipped in" in text
        assert "  1 x cannot tell the form type" in text


def test_batch_review_pages_are_what_review_gives_for_each_folder(settings, tmp_path):
    """batch --review writes each filing's review page beside its outputs; `xbrlconv review` on
    that folder finds the filing in results.jsonl, converts it again and writes the same page."""
    from click.testing import CliRunner

    from converter.cli import main

    from .conftest import package_args

    outdir = tmp_path / "out"
    listing = tmp_path / "filings.tsv"
    listing.write_text(f"{CAPSTONE}\t1009759\n", encoding="utf-8")
    options = BatchOptions(ConvertOptions(settings=settings), outdir, ValidationPolicy.parse("none"), review=True)
    (record,) = run_batch(expand_inputs([f"@{listing}"]), options, jobs=1, timeout=120).records
    folder = outdir / record.outputs
    assert (folder / "review.html").is_file()
    args = ["review", str(folder), "-o", str(tmp_path / "again.html"), "--cik", "1009759", "--no-validate"]
    run = CliRunner().invoke(main, [*args, *package_args()])
    assert run.exit_code == 0, run.output
    assert (tmp_path / "again.html").read_bytes() == (folder / "review.html").read_bytes()
