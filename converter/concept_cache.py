"""Keep the taxonomy's concepts on disk between processes: Arelle takes about 2 s to load the
base taxonomies each time a `convert` starts, to read 18,000 concepts that never change for the
same packages. The cache is JSON (data, not code), keyed by everything the concepts depend on,
and only ever a shortcut: a missing, stale or unreadable cache means loading through Arelle."""

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from arelle.Version import __version__ as arelle_version

from . import __version__, arelle_adapter
from .arelle_adapter import ArelleSettings
from .mapping import model
from .mapping.model import ConceptInfo
from .mapping.rules import TaxonomyRef

ENV_CACHE_DIR = "XBRLCONV_CACHE_DIR"


def cache_dir() -> Path:
    """$XBRLCONV_CACHE_DIR, else $XDG_CACHE_HOME/xbrlconv, else ~/.cache/xbrlconv."""
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xbrlconv"


def _package_stamp(path: str) -> list:
    try:
        stat = Path(path).stat()
        return [str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns]
    except OSError:
        return [path, None, None]


def cache_key(taxonomies: tuple[TaxonomyRef, ...], settings: ArelleSettings) -> str:
    """Changes with xbrlconv's and Arelle's versions, the code that reads concepts (between
    versions too), the taxonomies asked for and each package file (path, size, modification time)."""
    stamp = {
        "xbrlconv": __version__,
        "arelle": arelle_version,
        "code": [hashlib.sha256(Path(m.__file__).read_bytes()).hexdigest() for m in (arelle_adapter, model)],
        "taxonomies": [dataclasses.astuple(t) for t in taxonomies],
        "packages": [_package_stamp(p) for p in settings.packages],
    }
    return hashlib.sha256(json.dumps(stamp, sort_keys=True).encode("utf-8")).hexdigest()[:24]


def _read(path: Path) -> dict[str, ConceptInfo] | None:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return {f"{row['prefix']}:{row['name']}": ConceptInfo(**row) for row in rows}
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _write(path: Path, concepts: dict[str, ConceptInfo]) -> None:
    """Atomically; a cache that cannot be written (a read-only home) is simply not kept."""
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([dataclasses.asdict(c) for c in concepts.values()], handle)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def cached_concepts(
    taxonomies: tuple[TaxonomyRef, ...],
    settings: ArelleSettings,
    load: Callable[[tuple[TaxonomyRef, ...], ArelleSettings], dict[str, ConceptInfo]],
) -> dict[str, ConceptInfo]:
    """The concepts from the cache when it holds them for this key, else from `load` (and kept)."""
    path = cache_dir() / f"concepts-{cache_key(taxonomies, settings)}.json"
    concepts = _read(path)
    if concepts is None:
        concepts = load(taxonomies, settings)
        _write(path, concepts)
    return concepts
