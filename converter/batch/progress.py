"""What a batch shows while it runs and when it ends: a progress line on a terminal, plain lines
otherwise (a log, a CI job), and a summary by status and by error."""

import resource
import time
from typing import TextIO

from .ledger import Record, Status
from .runner import BatchSummary

TOP_ERRORS = 10


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class Progress:
    """Called with each record as its filing ends."""

    def __init__(self, stream: TextIO, tty: bool) -> None:
        self.stream, self.tty = stream, tty
        self.started = time.monotonic()
        self.counts = {status: 0 for status in Status}

    def __call__(self, record: Record, total: int) -> None:
        self.counts[record.status] += 1
        done = sum(self.counts.values())
        if not self.tty:
            detail = record.error if record.status is Status.FAILED else record.outputs
            self.stream.write(f"[{done}/{total}] {record.status.value} {record.input}: {detail}\n")
            self.stream.flush()
            return
        elapsed = time.monotonic() - self.started
        worked = done - self.counts[Status.SKIPPED]
        rate = worked / elapsed if elapsed > 0 else 0.0
        eta = f", ETA {_duration((total - done) / rate)}" if rate > 0 and done < total else ""
        line = (
            f"[{done}/{total}] {self.counts[Status.CONVERTED]} converted, {self.counts[Status.FAILED]} failed, "
            f"{self.counts[Status.SKIPPED]} skipped, {rate:.2f}/s{eta}"
        )
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def finish(self, summary: BatchSummary, results: str, local_workers: bool = True) -> None:
        """The summary: counts by status, time and rate, the peak memory of a local worker, then
        the most frequent errors."""
        if self.tty:
            self.stream.write("\n")
        elapsed = time.monotonic() - self.started
        worked = len(summary.records) - summary.count(Status.SKIPPED)
        rate = f" ({worked / elapsed:.2f} filings/s)" if elapsed > 0 and worked else ""
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # KiB on Linux: the largest worker
        memory = f"peak worker memory {peak} MB; " if local_workers else ""
        self.stream.write(
            f"batch: {summary.count(Status.CONVERTED)} converted, {summary.count(Status.FAILED)} failed, "
            f"{summary.count(Status.SKIPPED)} skipped in {_duration(elapsed)}{rate}; {memory}results in {results}\n"
        )
        for error, count in summary.errors().most_common(TOP_ERRORS):
            self.stream.write(f"  {count} x {error}\n")
        self.stream.flush()
