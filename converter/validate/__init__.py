"""Validate stage: Arelle's checks on each output plus our own consistency rules."""

from dataclasses import dataclass, replace
from pathlib import Path

from ..arelle_adapter import ArelleSettings, FactKey, Finding, WarmValidator, validate_file

MAX_LISTED_DIFFERENCES = 5


@dataclass(frozen=True)
class ValidationReport:
    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    fact_count: int
    unloaded: tuple[str, ...] = ()  # files that could not be loaded whole (a taxonomy or schema missing)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors

    def adding(self, findings: list[Finding]) -> "ValidationReport":
        return replace(self, findings=self.findings + tuple(findings))


def _describe(key: FactKey) -> str:
    return f"{key.concept} {key.period} = {key.value}"


def compare_facts(ixbrl: tuple[FactKey, ...], xbrl: tuple[FactKey, ...]) -> list[Finding]:
    """xbrlconv.factsDiffer: the iXBRL document and the XBRL instance must carry the same facts."""
    only_ix = sorted(set(ixbrl) - set(xbrl))
    only_xml = sorted(set(xbrl) - set(ixbrl))
    if not only_ix and not only_xml and len(ixbrl) == len(xbrl):
        return []
    listed = [f"only in iXBRL: {_describe(k)}" for k in only_ix] + [f"only in XBRL: {_describe(k)}" for k in only_xml]
    message = (
        f"the iXBRL ({len(ixbrl)} facts) and XBRL ({len(xbrl)} facts) outputs differ: "
        + "; ".join(listed[:MAX_LISTED_DIFFERENCES])
        + (" ..." if len(listed) > MAX_LISTED_DIFFERENCES else "")
    )
    return [Finding("error", "xbrlconv.factsDiffer", message)]


def validate_outputs(
    entry_points: list[Path],
    settings: ArelleSettings,
    trusted: frozenset[str] = frozenset(),
    warm: WarmValidator | None = None,
) -> ValidationReport:
    """Validate each iXBRL document or XBRL instance (on `warm`, when given); when there are
    exactly one of each, check that they carry the same facts. `trusted`: namespaces of published
    base taxonomies whose concept definitions need no second check (see arelle_adapter)."""
    findings: list[Finding] = []
    facts: list[tuple[Path, tuple[FactKey, ...]]] = []
    for path in entry_points:
        file_findings, file_facts = warm.validate(path) if warm else validate_file(path, settings, trusted)
        findings.extend(replace(f, location=f.location or path.name) for f in file_findings)
        facts.append((path, tuple(f.key for f in file_facts)))
    inline = [f for p, f in facts if p.suffix.lower() in (".htm", ".html", ".xhtml")]
    instance = [f for p, f in facts if p.suffix.lower() == ".xml"]
    if len(inline) == 1 and len(instance) == 1:
        findings.extend(compare_facts(inline[0], instance[0]))
    count = max((len(f) for _, f in facts), default=0)
    return ValidationReport(tuple(p.name for p in entry_points), tuple(findings), count)
