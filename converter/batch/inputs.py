"""What a batch converts: files, directories (recursively) and list files, expanded to filings."""

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import OptionError

# Files a directory holds that are filings: EDGAR's full submissions (.txt, .nc) and documents.
FILING_SUFFIXES = frozenset({".txt", ".nc", ".htm", ".html", ".xhtml"})


@dataclass(frozen=True)
class BatchInput:
    """One filing to convert, with the CIK a list gave for it (for inputs without an SEC header)."""

    path: Path
    cik: str | None = None


def _list_lines(lines: Iterable[str], base: Path, where: str) -> Iterator[BatchInput]:
    """A list: one input path a line, optionally a tab and the filing's CIK; '#' starts a comment.
    Relative paths are relative to the list file (to the working directory for stdin)."""
    for number, line in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        name, _, cik = text.partition("\t")
        cik = cik.strip()
        if cik and not cik.isdigit():
            raise OptionError(f"{where} line {number}: CIK {cik!r} is not a number")
        path = Path(name.strip())
        yield BatchInput(path if path.is_absolute() else base / path, cik or None)


def _read_list(spec: str, stdin: TextIO) -> Iterator[BatchInput]:
    if spec == "-":
        yield from _list_lines(stdin, Path.cwd(), "stdin")
        return
    path = Path(spec[1:])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionError(f"cannot read input list {path}: {exc}") from exc
    yield from _list_lines(text.splitlines(), path.parent, str(path))


def _in_directory(directory: Path) -> Iterator[BatchInput]:
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if path.is_file() and not hidden and path.suffix.lower() in FILING_SUFFIXES:
            yield BatchInput(path)


def expand_inputs(specs: Iterable[str], stdin: TextIO = sys.stdin) -> tuple[BatchInput, ...]:
    """Every filing the arguments name, in order, each once: a file as given, a directory's
    filings (FILING_SUFFIXES, hidden ones skipped), '@list' and '-' (a list on stdin) line by line.
    A path that does not exist is a usage error, before anything is converted."""
    found: dict[Path, BatchInput] = {}
    for spec in specs:
        if spec == "-" or spec.startswith("@"):
            items = list(_read_list(spec, stdin))
        elif Path(spec).is_dir():
            items = list(_in_directory(Path(spec)))
        else:
            items = [BatchInput(Path(spec))]
        for item in items:
            if not item.path.is_file():
                raise OptionError(f"input {item.path} does not exist or is not a file")
            found.setdefault(item.path.resolve(), item)
    return tuple(found.values())
