"""Write output files atomically, never overwriting a user's file unless asked to."""

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def refuse_overwrite(names: list[str], outdir: Path, force: bool) -> None:
    """Raise OutputError if any of `names` exists in `outdir` (unless `force`)."""
    existing = [name for name in sorted(names) if (outdir / name).exists()]
    if existing and not force:
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise OutputError(
            f"{outdir} already has {existing[0]}{more}; use --force to replace, or choose another -o directory"
        )


def new_file_mode() -> int:
    """The mode open() gives a new file: 0o666 less the process's umask (mkstemp's own 0o600 would
    hide the outputs from the user's group, a web server, a colleague). Linux states the umask in
    /proc; setting it to read it back is the fallback (not safe beside other threads)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        mask = int(next(line.split()[1] for line in status.splitlines() if line.startswith("Umask:")), 8)
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0)
        os.umask(mask)
    return 0o666 & ~mask


def write_outputs(files: dict[str, bytes], outdir: Path, force: bool = False) -> list[Path]:
    """Write every file into `outdir`: all contents go to temporary files first, then each is
    renamed into place, so a reader never sees a half-written file."""
    refuse_overwrite(list(files), outdir, force)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output directory {outdir}: {exc.strerror}") from exc
    targets = [outdir / name for name in sorted(files)]
    temps: list[tuple[Path, Path]] = []
    mode = new_file_mode()
    try:
        for target in targets:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=outdir)
            temps.append((Path(tmp), target))  # before writing: a failed write removes its file too
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(files[target.name])
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, target in temps:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write outputs to {outdir}: {exc.strerror}") from exc
    return targets
