"""What one conversion did: files written, facts, validation findings, and every part left out.

The same record serves people (the CLI prints each part left out on stderr) and programs
(`convert --report FILE.json`, whose validation keys are those of `validate --json`).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .omissions import LeftOut
from .validate import ValidationReport
from .validate.report import findings_json


@dataclass(frozen=True)
class Doubt:
    """A fact or column decided with less confidence than LOW_CONFIDENCE: what, how sure, on what."""

    what: str  # "us-gaap:Revenues = 123000 for 2023-01-01 to 2023-12-31", "column 'Three Months Ended ...'"
    confidence: float
    reasons: str
    where: str = ""

    def line(self) -> str:
        return f"low confidence ({self.confidence:.2f}) {self.what}: {self.reasons}" + (
            f" ({self.where})" if self.where else ""
        )


@dataclass(frozen=True)
class ConversionReport:
    written: tuple[Path, ...]  # none when the conversion failed (nothing is written then)
    facts: int
    validation: ValidationReport | None  # None when validation was skipped
    left_out: tuple[LeftOut, ...]  # from every stage: extract, map, and recovery after validation
    doubts: tuple[Doubt, ...] = ()  # facts and columns below the confidence threshold


def _left_out_json(report: ConversionReport) -> list[dict[str, str]]:
    return [{"part": x.part.value, "what": x.what, "reason": x.reason, "where": x.where} for x in report.left_out]


def as_json(report: ConversionReport) -> str:
    """The report as JSON: `validate --json`'s keys (files validated, facts, errors, warnings,
    findings; errors and warnings null when validation was skipped) plus `validated`, `written`,
    `left_out` (part, what, reason, where) and `low_confidence` (what, confidence, reasons, where)."""
    validation = report.validation
    findings = validation.findings if validation else ()
    data = {
        "files": list(validation.files) if validation else [],
        "facts": report.facts,
        "validated": validation is not None,
        "errors": len(validation.errors) if validation else None,
        "warnings": len(validation.warnings) if validation else None,
        "findings": findings_json(findings),
        "written": [str(p) for p in report.written],
        "left_out": _left_out_json(report),
        "low_confidence": [
            {"what": d.what, "confidence": d.confidence, "reasons": d.reasons, "where": d.where} for d in report.doubts
        ],
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"
