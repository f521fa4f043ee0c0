"""The interactive iXBRL viewer: Arelle's ixbrl-viewer plugin (the optional `viewer` extra) writes
the iXBRL document again with the viewer's data and a script tag, and the viewer's script beside
it, so that the page opens offline from the output folder.

The plugin runs in-process through Arelle's public API with the same taxonomy packages and network
setting as validation: offline it loads nothing from the web, and a taxonomy it cannot load fails
here instead of yielding a viewer without labels.
"""

import logging
import shutil
import tempfile
from pathlib import Path

from .arelle_adapter import ArelleSettings
from .errors import OptionError, OutputError, TaxonomyError
from .outputs import new_file_mode

VIEWER_SCRIPT = "ixbrlviewer.js"
_LOAD_FAILURES = ("IOerror", "FileNotLoadable", "missingReferences")


def viewer_name(ixbrl: Path) -> str:
    return f"{ixbrl.stem}-viewer.htm"


def bundled_viewer_script() -> Path:
    """The viewer's script as the ixbrl-viewer package ships it (an OptionError without the package)."""
    try:
        from iXBRLViewerPlugin.constants import DEFAULT_VIEWER_PATH
    except ImportError:
        raise OptionError(
            "the interactive viewer needs the ixbrl-viewer package: pip install 'xbrlconv[viewer]'"
        ) from None
    script = Path(DEFAULT_VIEWER_PATH)
    if not script.is_file():
        raise OptionError(f"the ixbrl-viewer package lacks its script {script}: reinstall it")
    return script


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def failures(self) -> list[str]:
        coded = [(str(getattr(r, "messageCode", "")), r) for r in self.records if r.levelno >= logging.ERROR]
        return [f"[{code}] {r.getMessage()}" for code, r in coded if any(k in code for k in _LOAD_FAILURES)]


def _run_plugin(ixbrl: Path, destination: Path, script: Path, settings: ArelleSettings) -> _Messages:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    options = RuntimeOptions(
        entrypointFile=str(ixbrl),
        packages=list(settings.packages) or None,
        internetConnectivity="offline" if settings.offline else "online",
        internetTimeout=settings.timeout_seconds,
        disablePersistentConfig=True,
        plugins="iXBRLViewerPlugin",
        logLevel="INFO",
        pluginOptions={  # every option the plugin reads must be present
            "saveViewerDest": str(destination),
            "viewerURL": str(script),  # a local file: copied beside the page, which loads it relatively
            "viewerNoCopyScript": False,
            "useStubViewer": False,
            "validationMessages": False,
            "zipViewerOutput": False,
            "packageDownloadURL": None,
            "viewerBasenameSuffix": "",
        },
    )
    messages = _Messages()
    with Session() as session:
        session.run(options, logHandler=messages)
    return messages


def refuse_overwriting_viewer(folder: Path, force: bool) -> None:
    """A viewer already in `folder` is the user's until --force says it may be replaced."""
    earlier = [folder / VIEWER_SCRIPT, *folder.glob(viewer_name(Path("*.htm")))] if folder.is_dir() else []
    existing = [p for p in earlier if p.exists()]
    if existing and not force:
        raise OutputError(f"{existing[0]} exists (a viewer written before); use --force to replace it")


def write_viewer(ixbrl: Path, settings: ArelleSettings) -> tuple[Path, ...]:
    """Write the viewer page for `ixbrl` and its script beside it, each replaced whole; return their
    paths (the script first). Callers refuse to replace a user's viewer first (refuse_overwriting_viewer)."""
    script = bundled_viewer_script()
    with tempfile.TemporaryDirectory(prefix=".xbrlconv-viewer-", dir=ixbrl.parent) as scratch:
        staged = Path(scratch) / viewer_name(ixbrl)
        messages = _run_plugin(ixbrl, staged, script, settings)
        failures = messages.failures()
        if failures:
            raise TaxonomyError(f"the viewer could not load the taxonomy of {ixbrl.name}: {failures[0]}")
        if not staged.is_file() or not (staged.parent / VIEWER_SCRIPT).is_file():
            raise OutputError(f"ixbrl-viewer wrote no viewer for {ixbrl.name}")
        written = []
        for name in (VIEWER_SCRIPT, staged.name):
            target = ixbrl.parent / name
            (Path(scratch) / name).chmod(new_file_mode())
            shutil.move(str(Path(scratch) / name), str(target))
            written.append(target)
    return tuple(written)
