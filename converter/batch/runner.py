"""Run a batch: decide what needs converting, convert it on worker processes, record every filing.

Local workers are a pebble process pool: a filing that runs past its timeout has its worker
killed and replaced, and a worker that dies (a crash, the kernel's out-of-memory killer, kill -9)
fails that filing only. Workers are forked after the parent has loaded the mapping rules and the
taxonomy, so each starts warm and shares those pages with the others. On a Dask cluster each
worker loads them once and converts each filing in a forked child under the same timeout; the
results come back to this process, which alone writes results.jsonl.
"""

import hashlib
import multiprocessing
import resource
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from pebble import ProcessExpired, ProcessPool
from pebble.concurrent import process

from .. import __version__
from ..arelle_adapter import warm_validator
from ..errors import INTERNAL_ERROR, OptionError, internal_error
from ..mapping.rules import load_rules
from ..pipeline import taxonomy_concepts
from ..warm import freeze_loaded
from .inputs import BatchInput
from .job import PARTIAL, BatchOptions, convert_one, file_sha256
from .ledger import RESULTS, Ledger, Record, Status, read_ledger

TIMED_OUT = 124  # as timeout(1) says it
SIGNAL_EXIT = 128  # a worker killed by signal N: 128 + N, as shells say it


@dataclass(frozen=True)
class RerunPolicy:
    """Which filings a rerun converts again besides new or changed ones."""

    retry_failed: bool = False
    force: bool = False


@dataclass
class BatchSummary:
    records: list[Record] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.records if r.status is status)

    def errors(self) -> Counter:
        return Counter(r.error for r in self.records if r.status is Status.FAILED)

    @property
    def exit_code(self) -> int:
        """0 when every filing converted (now or before), 1 when some failed (now or before)."""
        return 1 if any(r.exit_code for r in self.records) else 0


def run_key(sha256: str, item: BatchInput, options: BatchOptions) -> str:
    """What a conversion's result depends on: the input's bytes, its options, the xbrlconv version
    and the taxonomy packages (name, size and time: a replaced package is another)."""
    settings = options.convert.settings
    packages = [f"{p}:{Path(p).stat().st_size}:{Path(p).stat().st_mtime_ns}" for p in settings.packages]
    convert = options.convert
    parts = (
        sha256,
        item.cik or convert.cik or "",
        convert.prefix or "",
        convert.namespace_authority or "",
        ",".join(sorted(convert.formats)),
        str(convert.emerging_growth_company),
        str(convert.date_of_report),
        convert.registrant_name or "",
        str(convert.strict),
        str(options.validation.applies(sha256)),
        str(options.review),
        str(settings.offline),
        __version__,
        *packages,
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _is_done(previous: Record | None, key: str, outdir: Path, policy: RerunPolicy) -> bool:
    if policy.force or previous is None or previous.key != key:
        return False
    if previous.status is Status.FAILED:
        return not policy.retry_failed
    return (outdir / previous.outputs).is_dir()


def _lost(item: BatchInput, sha256: str, key: str, exit_code: int, error: str, seconds: float) -> Record:
    """A filing whose worker did not come back with a record."""
    return Record(str(item.path), sha256, key, Status.FAILED, exit_code, error=error, seconds=round(seconds, 3))


def _death(exitcode: int | None) -> tuple[int, str]:
    """Exit code and message for a worker that died: killed by a signal (exit code -N), or exited."""
    if exitcode is None:  # Dask's KilledWorker says no more
        return 1, "worker died"
    if exitcode < 0:
        return SIGNAL_EXIT - exitcode, f"worker died (signal {-exitcode})"
    return exitcode or 1, f"worker died (exit code {exitcode})"


def _limit_memory(megabytes: int | None) -> None:
    """In a worker: cap its address space, so that a filing that blows up fails with MemoryError
    (recorded) instead of dragging the machine into swap."""
    if megabytes:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _warm_up(options: BatchOptions) -> None:
    """Load what every conversion needs before the workers fork: they inherit it. A missing
    taxonomy is reported here, once, before any filing is tried. (Each worker loads its own warm
    validator on its first validation: one made here would share its open taxonomy packages with
    every worker.)"""
    rules = load_rules()
    taxonomy_concepts(tuple(rules.taxonomies), options.convert.settings)
    freeze_loaded()


def run_batch(
    inputs: Sequence[BatchInput],
    options: BatchOptions,
    jobs: int,
    timeout: float | None,
    policy: RerunPolicy = RerunPolicy(),
    report: Callable[[Record, int], None] = lambda record, total: None,
    scheduler: str | None = None,
) -> BatchSummary:
    """Convert `inputs` into options.outdir, on local workers or on the Dask cluster at `scheduler`,
    appending a record per filing to its results.jsonl (skipped ones included) and calling
    `report` as each ends."""
    outdir = options.outdir
    outdir.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(outdir / PARTIAL, ignore_errors=True)  # staging left by an interrupted batch
    previous = read_ledger(outdir / RESULTS)
    summary = BatchSummary()
    ledger = Ledger(outdir / RESULTS)
    try:
        todo = []
        for item in inputs:
            sha256 = file_sha256(item.path)
            key = run_key(sha256, item, options)
            if _is_done(previous.get(str(item.path)), key, outdir, policy):
                done = previous[str(item.path)]
                skipped = Record(str(item.path), sha256, key, Status.SKIPPED, done.exit_code, outputs=done.outputs)
                ledger.append(skipped)
                summary.records.append(skipped)
                report(skipped, len(inputs))
            else:
                todo.append((item, sha256, key))
        if todo:

            def done(record: Record) -> None:
                ledger.append(record)
                summary.records.append(record)
                report(record, len(inputs))

            if scheduler:
                _convert_on_dask(todo, options, scheduler, timeout, done)
            else:
                _warm_up(options)
                _convert_locally(todo, options, jobs, timeout, done)
    finally:
        ledger.close()
        shutil.rmtree(outdir / PARTIAL, ignore_errors=True)
    return summary


Task = tuple[BatchInput, str, str]  # a filing to convert, its sha256 and its run key


def _outcome(result: Callable[[], Record], task: Task, timeout: float | None) -> Record:
    """The record a worker sent back, or the failure that took its place: a timeout, a worker
    that died (pebble's ProcessExpired, Dask's KilledWorker), anything else that went wrong."""
    item, sha256, key = task
    try:
        return result()
    except FutureTimeout:
        return _lost(item, sha256, key, TIMED_OUT, f"timed out after {timeout:g} s", timeout or 0.0)
    except ProcessExpired as exc:
        return _lost(item, sha256, key, *_death(exc.exitcode), 0.0)
    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
        if type(exc).__name__ == "KilledWorker":
            return _lost(item, sha256, key, *_death(None), 0.0)
        return _lost(item, sha256, key, INTERNAL_ERROR, f"internal error: {internal_error(exc)}", 0.0)


def _convert_locally(todo: list[Task], options: BatchOptions, jobs: int, timeout: float | None, done) -> None:
    """On a pebble pool of `jobs` forked workers, each filing under its timeout."""
    pool = ProcessPool(
        max_workers=max(1, min(jobs, len(todo))),
        context=multiprocessing.get_context("fork"),
        initializer=_limit_memory,
        initargs=(options.max_memory_mb,),
    )
    try:
        futures = {
            pool.schedule(convert_one, args=(item, options, sha256, key), timeout=timeout): (item, sha256, key)
            for item, sha256, key in todo
        }
        for future in as_completed(futures):
            done(_outcome(future.result, futures[future], timeout))
        pool.close()
    except BaseException:
        pool.stop()  # Ctrl-C: workers killed; their filings are not recorded and convert next time
        raise
    finally:
        pool.join()


def convert_isolated(item: BatchInput, options: BatchOptions, sha256: str, key: str, timeout: float | None) -> Record:
    """One filing on a Dask worker: the worker loads the rules and taxonomy once, then converts in a
    forked child its timeout kills. A daemonic worker may not fork (Dask's default): it converts in
    its own process, and the timeout is the cluster's business."""
    _warm_up(options)
    if options.validation.share:  # loaded here, so that each filing's child inherits it
        warm_validator(load_rules().taxonomies, options.convert.settings)
    if multiprocessing.current_process().daemon:
        return convert_one(item, options, sha256, key)
    isolated = process(timeout=timeout, context=multiprocessing.get_context("fork"))(convert_one)
    return _outcome(isolated(item, options, sha256, key).result, (item, sha256, key), timeout)


def _convert_on_dask(todo: list[Task], options: BatchOptions, scheduler: str, timeout: float | None, done) -> None:
    """On the Dask cluster whose scheduler is at `scheduler` (its workers must see the inputs and
    the output directory at the same paths)."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as exc:
        raise OptionError("--scheduler needs Dask: pip install 'xbrlconv[dask]'") from exc
    with Client(scheduler) as client:
        futures = {}
        for item, sha256, key in todo:
            name = f"xbrlconv-{sha256[:16]}-{key[:8]}"  # Dask would take equal arguments for one task
            future = client.submit(convert_isolated, item, options, sha256, key, timeout, key=name)
            futures[future] = (item, sha256, key)
        try:
            for future in dask_completed(futures):
                done(_outcome(future.result, futures[future], timeout))
        except BaseException:
            client.cancel(list(futures))
            raise
