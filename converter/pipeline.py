"""Run the stages in order: ingest -> extract -> map -> render -> validate -> write."""

import functools
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .arelle_adapter import ArelleSettings, load_concepts, warm_validator
from .concept_cache import cached_concepts
from .conversion_report import ConversionReport, Doubt
from .errors import OptionError, PartsLeftOut, ValidationFailed
from .extract import extract
from .extract.model import LOW_CONFIDENCE, CoverField, CoverName, Extraction, Span
from .extract.overrides import NO_OVERRIDES, Overrides, override_uses
from .extract.review import review
from .identity import decide_cik, decide_prefix, require_cover, speaking_filer, with_cover_options
from .ingest import DEFAULT_MAX_BYTES, read_submission
from .ingest.model import Submission
from .mapping import MapOptions, map_filing
from .mapping.checks import check_overrides, check_rules
from .mapping.fact_guard import describe_period, describe_value
from .mapping.model import ConceptInfo, FactModel
from .mapping.rules import MappingRules, TaxonomyRef, load_rules
from .omissions import LeftOut
from .outputs import refuse_overwrite, write_outputs
from .render import RenderedFiles, render_files, render_review
from .render.review_view import review_view
from .validate import ValidationReport, validate_outputs
from .validate.filing_rules import check_filing
from .validate.recovery import leave_out_named

FORMATS = {"ixbrl": frozenset({"ixbrl"}), "xbrl": frozenset({"xbrl"}), "both": frozenset({"ixbrl", "xbrl"})}
RECOVERY_ROUNDS = 3  # validations after the first, each with the parts the last one named left out


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
    date_of_report: date | None = None
    registrant_name: str | None = None
    strict: bool = False  # a part left out fails the conversion (PartsLeftOut) instead of being reported
    warm_validation: bool = False  # keep the base taxonomies loaded for validation (many filings a process)
    overrides: Overrides = NO_OVERRIDES  # the user's corrections (--overrides FILE.yaml)


@dataclass(frozen=True)
class ConversionResult:
    model: FactModel
    conversion: ConversionReport
    extraction: Extraction
    viewer: tuple[Path, ...] = ()  # the interactive viewer's files, when asked for (see viewer.py)

    @property
    def files(self) -> tuple[Path, ...]:
        return self.conversion.written

    @property
    def report(self) -> ValidationReport | None:
        return self.conversion.validation


def _provenance(submission: Submission):
    def where(span: Span) -> str:
        doc = submission.documents[span.doc]
        name = f"document {doc.index + 1} ({doc.doc_type})" if len(submission.documents) > 1 else "line"
        line = doc.source_line(span.line)
        return f"{name} line {line}" if name != "line" else f"line {line}"

    return where


def _with_options(extraction: Extraction, options: ConvertOptions) -> Extraction:
    cover = with_cover_options(extraction.cover, options.date_of_report, options.registrant_name)
    extraction = replace(extraction, cover=cover)
    if options.emerging_growth_company is None:
        return extraction
    field = CoverField(
        CoverName.EMERGING_GROWTH_COMPANY, "true" if options.emerging_growth_company else "false", origin="option"
    )
    return replace(extraction, cover=replace(extraction.cover, fields=extraction.cover.fields + (field,)))


@functools.lru_cache(maxsize=4)
def taxonomy_concepts(taxonomies: tuple[TaxonomyRef, ...], settings: ArelleSettings) -> dict[str, ConceptInfo]:
    """The taxonomies' concepts, loaded once per process and kept on disk between processes (see
    concept_cache; Arelle takes about 2 s to load them). Callers must not change the dict."""
    return cached_concepts(taxonomies, settings, load_concepts)


def build_model(
    submission: Submission, extraction: Extraction, options: ConvertOptions, rules: MappingRules
) -> FactModel:
    """Map an extraction to a fact model, with the taxonomy loaded and the rules checked."""
    require_cover(extraction.cover)
    cik = decide_cik(submission.header, options.cik)
    prefix = decide_prefix(extraction.cover, options.prefix)
    taxonomy = taxonomy_concepts(tuple(rules.taxonomies), options.settings)
    check_rules(rules, taxonomy)
    check_overrides(options.overrides, taxonomy)
    cover = extraction.cover
    title = " ".join(
        x
        for x in (
            cover.value(CoverName.REGISTRANT_NAME),
            cover.value(CoverName.FORM_TYPE),
            cover.value(CoverName.PERIOD_END_DATE),
        )
        if x
    )
    authority = options.namespace_authority or f"{prefix}.xbrlconv.invalid"
    map_options = MapOptions(cik, prefix, authority, options.overrides)
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
    extraction = _with_options(extract(submission, options.overrides), options)
    model = build_model(submission, extraction, options, rules or load_rules())
    return Prepared(submission, extraction, model, render_files(model, submission, extraction, options.formats))


def extract_review(input_path: Path, max_input_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Ingest and extract only, as plain data for a person (or a script) to review."""
    submission = read_submission(input_path, max_input_bytes)
    return review(submission, extract(submission))


def validate_rendered(prepared: Prepared, options: ConvertOptions) -> ValidationReport:
    """Arelle on the entry points (written to a scratch directory) plus our own filing rules; on the
    process's warm validator when the options ask for one (a batch worker) and it can work."""
    rendered = prepared.rendered
    warm = warm_validator(load_rules().taxonomies, options.settings) if options.warm_validation else None
    with tempfile.TemporaryDirectory(prefix="xbrlconv-") as tmp:
        write_outputs(rendered.files, Path(tmp))
        published = frozenset(namespace for namespace, _ in prepared.model.schema_imports)
        entry_points = [Path(tmp) / name for name in rendered.entry_points]
        report = validate_outputs(entry_points, options.settings, published, warm)
    return report.adding(check_filing(prepared.model, rendered.files))


def validate_recovering(prepared: Prepared, options: ConvertOptions) -> tuple[Prepared, ValidationReport]:
    """Validate; while the findings name parts of the filing (a fact, a concept, a calculation, a
    statement), leave those out, render again and validate again, at most RECOVERY_ROUNDS times.
    What was left out is in the returned model's left_out, with the findings as the reasons."""
    report = validate_rendered(prepared, options)
    for _ in range(RECOVERY_ROUNDS):
        if not report.findings:
            break
        model, records = leave_out_named(prepared.model, report.findings)
        if not records:
            break
        rendered = render_files(model, prepared.submission, prepared.extraction, options.formats)
        prepared = replace(prepared, model=model, rendered=rendered)
        report = validate_rendered(prepared, options)
    return prepared, report


def doubts(prepared: Prepared) -> tuple[Doubt, ...]:
    """Columns and facts decided with less confidence than LOW_CONFIDENCE, columns first."""
    columns = [
        Doubt(f"column '{' '.join(c.header.split())[:80]}' of {t.id}", c.basis.confidence, c.basis.text)
        for t in prepared.extraction.statements
        for c in t.columns
        if c.basis.confidence < LOW_CONFIDENCE
    ]
    facts = [
        Doubt(
            f"{f.concept.qname} = {describe_value(f.value)} for {describe_period(f.context.period)}",
            f.decision.confidence,
            f.decision.reasons(),
            f.provenance,
        )
        for f in prepared.model.facts
        if f.decision is not None and f.decision.confidence < LOW_CONFIDENCE
    ]
    return tuple(columns + facts)


def parts_left_out(prepared: Prepared) -> tuple[LeftOut, ...]:
    """Every part the stages left out, each once, in stage order."""
    return tuple(dict.fromkeys(prepared.extraction.left_out + prepared.model.left_out))


def convert(input_path: Path, outdir: Path, options: ConvertOptions) -> ConversionResult:
    """Convert one filing. Outputs are written only when they pass validation (or it is skipped);
    parts that would make them invalid are left out and listed in the result's report, or, with
    `strict`, fail the conversion."""
    return finish(prepare(input_path, options), outdir, options)


def settle_outputs(prepared: Prepared, options: ConvertOptions) -> tuple[Prepared, ConversionReport]:
    """Validate a prepared conversion (leaving out what would make it invalid) and decide whether
    its outputs may be written: ValidationFailed or, with `strict`, PartsLeftOut when not."""
    report = None
    if options.validate:
        prepared, report = validate_recovering(prepared, options)
    summary = ConversionReport((), len(prepared.model.facts), report, parts_left_out(prepared), doubts(prepared))
    refused = ConversionResult(prepared.model, summary, prepared.extraction)
    if report is not None and not report.ok:
        first = report.errors[0]
        raise ValidationFailed(
            f"generated XBRL has {len(report.errors)} validation error(s); first: [{first.code}] {first.message}",
            report.findings,
            summary,
            refused,
        )
    if options.strict and summary.left_out:
        raise PartsLeftOut(
            f"{len(summary.left_out)} part(s) of the filing would be left out (--strict); "
            f"first: {summary.left_out[0].line()}",
            summary,
            refused,
        )
    return prepared, summary


def finish(prepared: Prepared, outdir: Path, options: ConvertOptions) -> ConversionResult:
    """Validate a prepared conversion (leaving out what would make it invalid) and write it."""
    refuse_overwrite(list(prepared.rendered.files), outdir, options.force)
    prepared, summary = settle_outputs(prepared, options)
    written = write_outputs(prepared.rendered.files, outdir, options.force)
    return ConversionResult(prepared.model, replace(summary, written=tuple(written)), prepared.extraction)


def convert_again(input_path: Path, outdir: Path | None, options: ConvertOptions) -> ConversionResult:
    """Convert a filing in memory (nothing is written). With `outdir`, the conversion must give
    its files byte for byte, so that what is reviewed is what that folder holds."""
    prepared, summary = settle_outputs(prepare(input_path, options), options)
    if outdir is not None:
        differing = [
            name
            for name, content in sorted(prepared.rendered.files.items())
            if not (outdir / name).is_file() or (outdir / name).read_bytes() != content
        ]
        if differing:
            raise OptionError(
                f"converting {input_path} does not give {outdir / differing[0]} ({len(differing)} file(s) differ): "
                "give the options and overrides it was converted with"
            )
    written = tuple(outdir / name for name in prepared.rendered.files) if outdir is not None else ()
    return ConversionResult(prepared.model, replace(summary, written=written), prepared.extraction)


def review_page(result: ConversionResult, overrides: Overrides = NO_OVERRIDES) -> bytes:
    """The conversion's review page: every fact where its statement prints it, with what it rests on,
    and what each of the user's overrides changed."""
    return render_review(review_view(result.model, result.extraction, result.conversion, overrides))


def unused_overrides(result: ConversionResult, overrides: Overrides) -> tuple[str, ...]:
    """A warning for each override that matched no row or column of the filing."""
    return tuple(
        f"{overrides.where(use.line)} applies to nothing (it matches no row or column, or only ones an earlier "
        f"override takes): {use.text}"
        for use in override_uses(overrides, result.extraction.statements)
        if not use.applied
    )
