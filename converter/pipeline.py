"""Run the stages in order: ingest -> extract -> map -> render -> validate -> write."""

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from .arelle_adapter import ArelleSettings, load_concepts
from .errors import ValidationFailed
from .extract import extract
from .extract.model import CoverField, Extraction, Span
from .extract.review import review
from .identity import decide_cik, decide_prefix, require_cover, speaking_filer
from .ingest import DEFAULT_MAX_BYTES, read_submission
from .ingest.model import Submission
from .mapping import MapOptions, map_filing
from .mapping.checks import check_rules
from .mapping.model import FactModel
from .mapping.rules import MappingRules, load_rules
from .outputs import refuse_overwrite, write_outputs
from .render import RenderedFiles, render_files
from .validate import ValidationReport, validate_outputs
from .validate.filing_rules import check_filing

FORMATS = {"ixbrl": frozenset({"ixbrl"}), "xbrl": frozenset({"xbrl"}), "both": frozenset({"ixbrl", "xbrl"})}


@dataclass(frozen=True)
class ConvertOptions:
    settings: ArelleSettings
    cik: str | None = None
    prefix: str | None = None
    namespace_authority: str | None = None
    formats: frozenset[str] = FORMATS["both"]
    emerging_growth_company: bool | None = None
    validate: bool = True
    force: bool = False
    max_input_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class ConversionResult:
    files: tuple[Path, ...]
    model: FactModel
    report: ValidationReport | None


def _provenance(submission: Submission):
    def where(span: Span) -> str:
        doc = submission.documents[span.doc]
        name = f"document {doc.index + 1} ({doc.doc_type})" if len(submission.documents) > 1 else "line"
        line = doc.source_line(span.line)
        return f"{name} line {line}" if name != "line" else f"line {line}"

    return where


def _with_options(extraction: Extraction, options: ConvertOptions) -> Extraction:
    if options.emerging_growth_company is None:
        return extraction
    field = CoverField(
        "emerging_growth_company", "true" if options.emerging_growth_company else "false", origin="option"
    )
    return replace(extraction, cover=replace(extraction.cover, fields=extraction.cover.fields + (field,)))


def build_model(
    submission: Submission, extraction: Extraction, options: ConvertOptions, rules: MappingRules
) -> FactModel:
    """Map an extraction to a fact model, with the taxonomy loaded and the rules checked."""
    require_cover(extraction.cover)
    cik = decide_cik(submission.header, options.cik)
    prefix = decide_prefix(extraction.cover, options.prefix)
    taxonomy = load_concepts(rules.taxonomies, options.settings)
    check_rules(rules, taxonomy)
    cover = extraction.cover
    title = " ".join(
        x for x in (cover.value("registrant_name"), cover.value("form_type"), cover.value("period_end_date")) if x
    )
    map_options = MapOptions(cik, prefix, options.namespace_authority or f"{prefix}.xbrlconv.invalid")
    return map_filing(extraction, rules, taxonomy, map_options, _provenance(submission), title)


@dataclass(frozen=True)
class Prepared:
    """Everything a conversion makes before validation, stage by stage."""

    submission: Submission
    extraction: Extraction
    model: FactModel
    rendered: RenderedFiles


def prepare(input_path: Path, options: ConvertOptions, rules: MappingRules | None = None) -> Prepared:
    """Ingest, extract, map and render one filing (nothing is written), with the shipped mapping
    rules unless `rules` is given (the fidelity bench passes re-learned labels)."""
    submission = speaking_filer(read_submission(input_path, options.max_input_bytes), options.cik)
    extraction = _with_options(extract(submission), options)
    model = build_model(submission, extraction, options, rules or load_rules())
    return Prepared(submission, extraction, model, render_files(model, submission, extraction, options.formats))


def extract_review(input_path: Path, max_input_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Ingest and extract only, as plain data for a person (or a script) to review."""
    submission = read_submission(input_path, max_input_bytes)
    return review(submission, extract(submission))


def validate_rendered(prepared: Prepared, settings: ArelleSettings) -> ValidationReport:
    """Arelle on the entry points (written to a scratch directory) plus our own filing rules."""
    rendered = prepared.rendered
    with tempfile.TemporaryDirectory(prefix="xbrlconv-") as tmp:
        write_outputs(rendered.files, Path(tmp))
        report = validate_outputs([Path(tmp) / name for name in rendered.entry_points], settings)
    return report.adding(check_filing(prepared.model, rendered.files))


def convert(input_path: Path, outdir: Path, options: ConvertOptions) -> ConversionResult:
    """Convert one filing; outputs are written only when they pass validation (or it is skipped)."""
    prepared = prepare(input_path, options)
    refuse_overwrite(list(prepared.rendered.files), outdir, options.force)
    report = None
    if options.validate:
        report = validate_rendered(prepared, options.settings)
        if not report.ok:
            first = report.errors[0]
            raise ValidationFailed(
                f"generated XBRL has {len(report.errors)} validation error(s); first: [{first.code}] {first.message}",
                report.findings,
            )
    written = write_outputs(prepared.rendered.files, outdir, options.force)
    return ConversionResult(tuple(written), prepared.model, report)
