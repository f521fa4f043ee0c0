"""Where Arelle finds taxonomies: packages from options or XBRLCONV_TAXONOMY_PACKAGES, else its web cache."""

import os
import zipfile
from pathlib import Path

from .arelle_adapter import ArelleSettings
from .errors import TaxonomyError

ENV_PACKAGES = "XBRLCONV_TAXONOMY_PACKAGES"
ENV_OFFLINE = "XBRLCONV_OFFLINE"


def _from_environment() -> list[str]:
    value = os.environ.get(ENV_PACKAGES, "").strip()
    if not value:
        return []
    if Path(value).is_dir():
        found = sorted(str(p) for p in Path(value).glob("*.zip"))
        if not found:
            raise TaxonomyError(f"${ENV_PACKAGES} names the directory {value}, which holds no .zip packages")
        return found
    paths = [p for p in value.split(os.pathsep) if p]
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        raise TaxonomyError(
            f"${ENV_PACKAGES}: {missing[0]} is neither a directory of taxonomy packages nor a package zip"
        )
    return paths


def taxonomy_settings(packages: tuple[str, ...] = (), offline: bool | None = None) -> ArelleSettings:
    """Packages given as options win over the environment; with packages, Arelle works offline
    unless `offline` is False; without, it uses its web cache (offline if XBRLCONV_OFFLINE=1)."""
    chosen = list(packages) or _from_environment()
    for path in chosen:
        if not Path(path).is_file():
            raise TaxonomyError(f"taxonomy package not found: {path}")
        if not zipfile.is_zipfile(path):
            raise TaxonomyError(f"taxonomy package is not a zip file: {path}")
    if offline is None:
        offline = bool(chosen) or os.environ.get(ENV_OFFLINE, "") not in ("", "0", "false")
    return ArelleSettings(packages=tuple(str(Path(p).resolve()) for p in chosen), offline=offline)
