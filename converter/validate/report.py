"""Validation results for people (one line per finding) and for CI: JSON, JUnit XML, SARIF 2.1.0
(GitHub code scanning) and GitHub Actions workflow commands (annotations on file and line)."""

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from .. import __version__
from ..arelle_adapter import Finding
from . import ValidationReport
from .xbrl_rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# What Arelle checks under a code's prefix, for the help text of codes that are not ours.
_ARELLE_SPECS = (
    ("xbrl.", "XBRL 2.1"),
    ("xbrl21", "XBRL 2.1"),
    ("xmlSchema", "XML Schema validity of the XBRL document"),
    ("ix", "Inline XBRL 1.1"),
    ("xbrldte", "XBRL Dimensions 1.0 (taxonomy)"),
    ("xbrldie", "XBRL Dimensions 1.0 (instance)"),
    ("calc11e", "Calculation 1.1 (round-to-nearest)"),
    ("xbrlcalc", "Calculation 1.1"),
    ("oime", "Open Information Model"),
    ("enum2", "Extensible Enumerations 2.0"),
    ("arelle:", "Arelle's own consistency checks"),
    ("xbrlconv.efm.", "xbrlconv's EDGAR Filer Manual checks"),
    ("xbrlconv", "xbrlconv's own checks"),
)


def _where(f: Finding) -> str:
    return f"{f.location}:{f.line}" if f.line else f.location


def as_text(report: ValidationReport) -> list[str]:
    """One line per finding, led by its file and line."""
    return [(f"{_where(f)}: " if f.location else "") + f"{f.level}: [{f.code}] {f.message}" for f in report.findings]


def summary_line(report: ValidationReport) -> str:
    unloaded = f", {len(report.unloaded)} not loaded whole" if report.unloaded else ""
    return f"{len(report.errors)} errors, {len(report.warnings)} warnings in {len(report.files)} file(s){unloaded}"


def findings_json(findings: tuple[Finding, ...]) -> list[dict]:
    return [
        {
            "level": f.level,
            "code": f.code,
            "message": f.message,
            "file": f.location,
            "line": f.line,
            "location": _where(f),
        }
        for f in findings
    ]


def as_json(report: ValidationReport) -> str:
    data = {
        "files": list(report.files),
        "facts": report.fact_count,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "unloaded": list(report.unloaded),
        "findings": findings_json(report.findings),
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def as_junit(report: ValidationReport, suite: str = "xbrlconv") -> str:
    """One test case per file (the entry points, and any other file a finding is in); each error
    is a failure naming its line, warnings go to system-out."""
    names = list(dict.fromkeys([*report.files, *(f.location for f in report.findings if f.location)]))
    cases = []
    for name in names:
        errors = [f for f in report.errors if f.location == name]
        warnings = [f for f in report.warnings if f.location == name]
        body = "".join(
            f"<failure type={quoteattr(f.code)} message={quoteattr(f.message[:500])}>"
            f"{escape(f'{_where(f)}: {f.message}')}</failure>"
            for f in errors
        )
        if warnings:
            body += (
                "<system-out>"
                + escape("\n".join(f"{_where(f)}: [{f.code}] {f.message}" for f in warnings))
                + "</system-out>"
            )
        cases.append(f'<testcase classname="{escape(suite)}" name={quoteattr(name)}>{body}</testcase>')
    failures = sum(1 for c in cases if "<failure" in c)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="{escape(suite)}" tests="{len(cases)}" failures="{failures}" errors="0">'
        + "".join(cases)
        + "</testsuite>\n"
    )


def rule_help(code: str) -> str:
    """The one-line doc of a finding's code: our rule's summary, else what Arelle checks under it."""
    ours = next((r.summary for r in RULES if r.code == code), None)
    if ours:
        return ours
    spec = next((name for prefix, name in _ARELLE_SPECS if code.startswith(prefix)), "Arelle's validation")
    return f"{spec}: {code} (see the specification section the code names)"


def as_sarif(report: ValidationReport) -> str:
    """SARIF 2.1.0 with what GitHub code scanning reads: one rule per code (its id is the code,
    stable across runs) with help text, and results on file and line."""
    codes = sorted({f.code for f in report.findings} | {r.code for r in RULES})
    rules = [
        {
            "id": code,
            "name": code.replace(":", ".").split(".")[-1] or code,
            "shortDescription": {"text": rule_help(code)[:1000]},
            "fullDescription": {"text": rule_help(code)},
            "help": {"text": rule_help(code)},
        }
        for code in codes
    ]
    index = {code: n for n, code in enumerate(codes)}
    results = []
    for f in report.findings:
        result: dict = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": "error" if f.level == "error" else "warning",
            "message": {"text": f.message},
        }
        if f.location:
            physical: dict = {"artifactLocation": {"uri": f.location}}
            if f.line:
                physical["region"] = {"startLine": f.line}
            result["locations"] = [{"physicalLocation": physical}]
        results.append(result)
    run = {
        "tool": {"driver": {"name": "xbrlconv", "version": __version__, "rules": rules}},
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(report: ValidationReport) -> str:
    """GitHub Actions workflow commands: each finding an annotation on its file and line."""
    lines = []
    for f in report.findings:
        properties = [f"file={_escape_property(f.location)}"] if f.location else []
        if f.line:
            properties.append(f"line={f.line}")
        properties.append(f"title={_escape_property(f.code)}")
        command = "error" if f.level == "error" else "warning"
        lines.append(f"::{command} {','.join(properties)}::{_escape_data(f.message)}")
    return "\n".join([*lines, summary_line(report)]) + "\n"


FORMATS: dict[str, Callable[[ValidationReport], str]] = {
    "text": lambda report: "\n".join([*as_text(report), summary_line(report)]) + "\n",
    "json": as_json,
    "junit": as_junit,
    "sarif": as_sarif,
    "github": as_github,
}
