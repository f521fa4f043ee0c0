"""`xbrlconv validate`: every entry point through Arelle (the base taxonomies loaded once, files
validated side by side with --jobs) and our own rules, with findings named by file and line."""

import multiprocessing
import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ..arelle_adapter import ArelleSettings, Finding, LoadedFact, Validated, validate_file, warm_validator
from ..mapping.rules import load_rules
from ..packages import ENV_PACKAGES
from . import ValidationReport, compare_facts
from .entry_points import EntryKind, EntryPoint
from .filing_rules import check_document
from .xbrl_rules import FiledFacts, check_facts

NOT_LOADED = "xbrlconv.notLoaded"
_LOAD_PROBLEM_CODES = re.compile(r"IOerror|FileNotLoadable|notLoaded", re.I)
_REFERENCED_FILE = re.compile(r"(?:https?://|/)\S+?\.(?:xsd|xml)\b|\b[\w.-]+\.(?:xsd|xml)\b")


@dataclass(frozen=True)
class ValidateOptions:
    settings: ArelleSettings
    jobs: int = 1


def _published_namespaces() -> frozenset[str]:
    """Namespaces of the base taxonomies xbrlconv knows: their concepts need no second check."""
    return frozenset(t.namespace for t in load_rules().taxonomies)


def _validate_one(path: Path, settings: ArelleSettings) -> Validated:
    """On this process's warm validator (forked from the parent after the base taxonomies were
    loaded), or fresh where there is none or the user's plugins must run."""
    if not settings.plugins:
        warm = warm_validator(load_rules().taxonomies, settings)
        if warm is not None:
            return warm.validate(path)
    return validate_file(path, settings, _published_namespaces())


def _validated(entries: tuple[EntryPoint, ...], options: ValidateOptions) -> list[Validated]:
    paths = [e.path for e in entries]
    if options.jobs <= 1 or len(paths) <= 1:
        return [_validate_one(p, options.settings) for p in paths]
    if not options.settings.plugins:
        warm_validator(load_rules().taxonomies, options.settings)  # loaded once, inherited by the workers
    with multiprocessing.get_context("fork").Pool(min(options.jobs, len(paths))) as pool:
        return pool.starmap(_validate_one, [(p, options.settings) for p in paths])


def _not_loaded(entry: EntryPoint, problems: list[Finding]) -> Finding:
    """One finding for a file whose taxonomy or schema could not be loaded, naming what is missing
    and where it would come from; its other findings are consequences and are dropped."""
    missing = sorted({m[0] for p in problems for m in [_REFERENCED_FILE.search(p.message)] if m})
    urls = [m for m in missing if m.startswith("http")]
    local = [PurePosixPath(m).name for m in missing if not m.startswith("http")]
    advice = []
    if urls:
        advice.append(
            f"taxonomy {', '.join(urls)} is not in the taxonomy packages given "
            f"(--taxonomy-package or ${ENV_PACKAGES}) and cannot be downloaded offline"
        )
    if local:
        advice.append(f"{', '.join(local)}, which it references, is missing: validate the filing's folder or zip")
    message = "; ".join(advice) or problems[0].message
    return Finding("error", NOT_LOADED, f"cannot load all of it: {message}", entry.shown, line=problems[0].line or 1)


def _named(entry: EntryPoint, findings: tuple[Finding, ...]) -> list[Finding]:
    """The findings with their files named as reports name them (the entry point's own when none)."""
    return [replace(f, location=entry.shown_sibling(f.location)) for f in findings]


def _pairs(entries: tuple[EntryPoint, ...], facts: list[tuple[LoadedFact, ...]]) -> list[Finding]:
    """An iXBRL document and an XBRL instance side by side with the same name are one filing in two
    forms (as xbrlconv writes them): they must carry the same facts."""
    by_name: dict[tuple[Path, str], dict[EntryKind, tuple[EntryPoint, tuple[LoadedFact, ...]]]] = {}
    for entry, loaded in zip(entries, facts, strict=True):
        by_name.setdefault((entry.path.parent, entry.path.stem), {})[entry.kind] = (entry, loaded)
    findings = []
    for pair in by_name.values():
        if len(pair) == 2:
            (inline, inline_facts), (_, instance_facts) = pair[EntryKind.INLINE], pair[EntryKind.INSTANCE]
            differ = compare_facts(tuple(f.key for f in inline_facts), tuple(f.key for f in instance_facts))
            findings += [replace(f, location=inline.shown, line=1) for f in differ]
    return findings


def validate_entry_points(entries: tuple[EntryPoint, ...], options: ValidateOptions) -> ValidationReport:
    """Arelle's checks and ours on every entry point; `unloaded` names those that could not be
    loaded whole (a taxonomy or a schema missing), whose findings are reduced to that."""
    findings: list[Finding] = []
    unloaded: list[str] = []
    all_facts: list[tuple[LoadedFact, ...]] = []
    for entry, (file_findings, facts) in zip(entries, _validated(entries, options), strict=True):
        problems = [f for f in file_findings if _LOAD_PROBLEM_CODES.search(f.code)]
        if problems:
            findings.append(_not_loaded(entry, problems))
            unloaded.append(entry.shown)
            all_facts.append(())
            continue
        ours = check_document(entry.path.name, entry.path.read_bytes())
        ours += check_facts(FiledFacts(entry.path.name, facts))
        findings += _named(entry, (*file_findings, *ours))
        all_facts.append(facts)
    findings += _pairs(entries, all_facts)
    count = sum(len(f) for f in all_facts)
    return ValidationReport(tuple(e.shown for e in entries), tuple(findings), count, tuple(unloaded))
