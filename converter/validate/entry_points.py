"""Find what to validate: the entry points (inline XBRL documents, XBRL instances) among the files,
folders, zips, glob patterns and lists a user names. Schemas, linkbases and other files are not
entry points: a folder of a filing holds one or two entry points and several supporting files."""

import glob
import mmap
import sys
import tempfile
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath

from lxml import etree

from ..errors import InputError

INLINE_XBRL_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
XHTML_ROOT = "{http://www.w3.org/1999/xhtml}html"
XHTML_SCRIPT = "{http://www.w3.org/1999/xhtml}script"
VIEWER_DATA_TYPE = "application/x.ixbrl-viewer+json"  # the script element of an ixbrl-viewer page holding its data
INSTANCE_ROOT = "{http://www.xbrl.org/2003/instance}xbrl"
MAX_ZIP_BYTES = 2 * 1024**3  # unpacked; a zip bomb is refused, not unpacked
_GLOB_CHARACTERS = set("*?[")


class EntryKind(Enum):
    INLINE = "inline XBRL document"
    INSTANCE = "XBRL instance"


@dataclass(frozen=True)
class EntryPoint:
    path: Path  # where it is on disk (inside a scratch folder for a zip's members)
    shown: str  # how reports name it: as the user named it, "filing.zip!member.htm" in a zip
    kind: EntryKind

    def shown_sibling(self, name: str) -> str:
        """How reports name a file beside this entry point (its schema, a linkbase)."""
        if not name or name == self.path.name:
            return self.shown
        archive, bang, member = self.shown.rpartition("!")
        if bang:
            return f"{archive}!{(PurePosixPath(member).parent / name).as_posix()}"
        return (PurePosixPath(self.shown).parent / name).as_posix()


def entry_kind(path: Path) -> EntryKind | None:
    """What the file is, from its root element alone (read incrementally, never whole): an inline
    XBRL document is XHTML declaring the inline XBRL namespace; an instance's root is xbrli:xbrl."""
    try:
        for _, element in etree.iterparse(str(path), events=("start",), huge_tree=True, resolve_entities=False):
            if element.tag == INSTANCE_ROOT:
                return EntryKind.INSTANCE
            namespaces = set((element.nsmap or {}).values())
            if element.tag == XHTML_ROOT and namespaces.intersection(INLINE_XBRL_NAMESPACES):
                return EntryKind.INLINE
            return None
    except (etree.XMLSyntaxError, OSError, ValueError):
        return None
    return None


def is_viewer_page(path: Path) -> bool:
    """An interactive viewer's page (an iXBRL document with the ixbrl-viewer's data and script added)
    is for people to read, not an entry point of the filing. A filing's own document is told by
    a byte search alone; only a file that names the viewer's data type anywhere is parsed to confirm."""
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data.find(VIEWER_DATA_TYPE.encode()) < 0:
                return False
        for _, script in etree.iterparse(str(path), events=("end",), tag=XHTML_SCRIPT, huge_tree=True):
            if script.get("type") == VIEWER_DATA_TYPE:
                return True
            script.clear()
    except (etree.XMLSyntaxError, OSError, ValueError):
        return False
    return False


def _in_folder(folder: Path, shown: str) -> list[EntryPoint]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        kind = entry_kind(path)
        if kind is EntryKind.INLINE and is_viewer_page(path):
            continue
        if kind is not None:
            relative = path.relative_to(folder).as_posix()
            found.append(EntryPoint(path, f"{shown.rstrip('/')}/{relative}" if shown else relative, kind))
    return found


def _unpacked(archive: Path, stack: ExitStack) -> Path:
    """The zip's members in a scratch folder that lives as long as `stack`; a member that would land
    outside it, or an archive that unpacks beyond MAX_ZIP_BYTES, is refused."""
    try:
        with zipfile.ZipFile(archive) as handle:
            members = handle.infolist()
            if sum(m.file_size for m in members) > MAX_ZIP_BYTES:
                raise InputError(f"{archive}: unpacks to more than {MAX_ZIP_BYTES // 1024**3} GB; not unpacked")
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="xbrlconv-zip-")))
            for member in members:
                target = (folder / member.filename).resolve()
                if not target.is_relative_to(folder.resolve()):
                    raise InputError(f"{archive}: member {member.filename!r} would be written outside the archive")
            handle.extractall(folder)
            return folder
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{archive}: cannot read the zip ({exc})") from exc


def _zip_entry_points(archive: Path, shown: str, stack: ExitStack) -> list[EntryPoint]:
    """An EDGAR submission zip (a filing's files side by side) or an XBRL report package (reports
    under a top folder, META-INF beside them): every entry point inside, named archive!member."""
    folder = _unpacked(archive, stack)
    return [
        EntryPoint(e.path, f"{shown}!{e.path.relative_to(folder).as_posix()}", e.kind)
        for e in _in_folder(folder, "")
        if "META-INF" not in e.path.relative_to(folder).parts
    ]


def _one_input(name: str, stack: ExitStack, named: bool = True) -> list[EntryPoint]:
    """The entry points an input holds. A file named on its own must be one (or a zip of some); a
    file a pattern matches is skipped when it is not, as a folder's schemas are."""
    path = Path(name)
    if not path.exists() and _GLOB_CHARACTERS.intersection(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            raise InputError(f"{name}: no file matches the pattern")
        return [e for match in matches for e in _one_input(match, stack, named=False)]
    if path.is_dir():
        return _in_folder(path, name)
    if not path.is_file():
        raise InputError(f"{name}: no such file or folder")
    if zipfile.is_zipfile(path):
        return _zip_entry_points(path, name, stack)
    kind = entry_kind(path)
    if kind is None and not named:
        return []
    if kind is None:
        raise InputError(
            f"{name}: not an inline XBRL document or XBRL instance (schemas and linkbases are not entry points)"
        )
    return [EntryPoint(path, name, kind)]


def listed_inputs(names: tuple[str, ...]) -> tuple[str, ...]:
    """The inputs with "-" replaced by the paths listed on standard input, one a line."""
    out: list[str] = []
    for name in names:
        if name == "-":
            out += [line.strip() for line in sys.stdin if line.strip()]
        else:
            out.append(name)
    return tuple(out)


def find_entry_points(
    names: tuple[str, ...], stack: ExitStack, skip_other_files: bool = False
) -> tuple[EntryPoint, ...]:
    """Every entry point the inputs hold, each once, in the order named. Zips are unpacked into
    scratch folders that live as long as `stack`. Raises InputError for an input that is missing,
    unreadable or holds no entry point at all; with `skip_other_files` (a pre-commit hook passes
    every changed .xml, linkbases too) a file that is not an entry point is passed over."""
    found: dict[Path, EntryPoint] = {}
    for name in listed_inputs(names):
        entries = _one_input(name, stack, named=not skip_other_files)
        if not entries and skip_other_files:
            continue
        if not entries:
            raise InputError(f"{name}: holds no inline XBRL document or XBRL instance")
        for entry in entries:
            found.setdefault(entry.path.resolve(), entry)
    return tuple(found.values())
