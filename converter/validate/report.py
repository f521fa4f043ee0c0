"""Validation results for people (one line per finding) and for CI (JSON, JUnit XML)."""

import json
from xml.sax.saxutils import escape, quoteattr

from ..arelle_adapter import Finding
from . import ValidationReport


def as_text(report: ValidationReport) -> list[str]:
    return [f"{f.level}: [{f.code}] {f.message}" + (f" ({f.location})" if f.location else "") for f in report.findings]


def findings_json(findings: tuple[Finding, ...]) -> list[dict[str, str]]:
    return [{"level": f.level, "code": f.code, "message": f.message, "location": f.location} for f in findings]


def as_json(report: ValidationReport) -> str:
    data = {
        "files": list(report.files),
        "facts": report.fact_count,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "findings": findings_json(report.findings),
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def as_junit(report: ValidationReport, suite: str = "xbrlconv") -> str:
    """One test case per validated file; each error is a failure, warnings go to system-out."""
    cases = []
    for name in report.files:
        errors = [f for f in report.errors if f.location.startswith(name) or not f.location]
        warnings = [f for f in report.warnings if f.location.startswith(name)]
        body = "".join(
            f"<failure type={quoteattr(f.code)} message={quoteattr(f.message[:500])}>{escape(f.message)}</failure>"
            for f in errors
        )
        if warnings:
            body += "<system-out>" + escape("\n".join(f"[{f.code}] {f.message}" for f in warnings)) + "</system-out>"
        cases.append(f'<testcase classname="{escape(suite)}" name={quoteattr(name)}>{body}</testcase>')
    failures = sum(1 for c in cases if "<failure" in c)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="{escape(suite)}" tests="{len(cases)}" failures="{failures}" errors="0">'
        + "".join(cases)
        + "</testsuite>\n"
    )
