"""Locate the data files that ship with the package (templates, mapping rules).

In an installed wheel they live inside the package (see pyproject's force-include); in a source
checkout or an editable install they stay at the top of the repository, as the design card wants.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """Return the path of a shipped resource, looking in the package first, then the repository."""
    for base in (_PACKAGE_DIR, _PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"xbrlconv resource {name!r} is missing from the installation")
