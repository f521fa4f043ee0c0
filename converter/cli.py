"""Command line: parse options, call one library function, turn our errors into one line and an exit code."""

import json
import os
import sys
import traceback
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .batch.inputs import expand_inputs
from .batch.job import BatchOptions, ValidationPolicy
from .batch.ledger import source_of
from .batch.progress import Progress
from .batch.runner import RESULTS, RerunPolicy, run_batch
from .conversion_report import ConversionReport
from .conversion_report import as_json as report_json
from .errors import INTERNAL_ERROR, OptionError, PartsLeftOut, ValidationFailed, XbrlconvError, internal_error, one_line
from .extract.model import LOW_CONFIDENCE
from .extract.overrides import NO_OVERRIDES, load_overrides
from .extract.review import review_lines
from .ingest import DEFAULT_MAX_BYTES
from .outputs import write_outputs
from .packages import ENV_PACKAGES, taxonomy_settings
from .pipeline import (
    FORMATS,
    ConversionResult,
    ConvertOptions,
    convert,
    convert_again,
    extract_review,
    review_page,
    unused_overrides,
)
from .validate.checking import ValidateOptions, validate_entry_points
from .validate.entry_points import find_entry_points
from .validate.report import FORMATS as REPORT_FORMATS
from .validate.report import as_junit, as_text
from .viewer import bundled_viewer_script, refuse_overwriting_viewer, write_viewer


def _run(action, debug: bool, exit_code: int | None = None):
    """Run `action`; report our errors (and any unexpected one) as a single line, never a traceback.
    `exit_code`: the one exit code of every error (a linter's 2), instead of each error's own."""
    try:
        return action()
    except XbrlconvError as exc:
        click.echo(f"xbrlconv: error: {one_line(exc)}", err=True)
        sys.exit(exit_code or exc.exit_code)
    except KeyboardInterrupt:
        click.echo("xbrlconv: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
        if debug:
            traceback.print_exc()
        click.echo(f"xbrlconv: internal error: {internal_error(exc)} (rerun with --debug for details)", err=True)
        sys.exit(exit_code or INTERNAL_ERROR)


def _write_bytes(path: Path, content: bytes) -> None:
    """A report or page the user asked for, written whole or not at all (an earlier one is replaced)."""
    write_outputs({path.name: content}, path.parent, force=True)


def _write_file(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_reports(report: ConversionReport, json_path: Path | None, junit_path: Path | None) -> None:
    if json_path:
        json_path.write_text(report_json(report), encoding="utf-8")
    if junit_path and report.validation is not None:
        junit_path.write_text(as_junit(report.validation), encoding="utf-8")


def _echo_left_out(report: ConversionReport) -> None:
    """One line on stderr per part left out, so that nothing is lost without a word, and how many
    facts or columns were decided with low confidence (each listed in --report)."""
    for part in report.left_out:
        click.echo(f"xbrlconv: {one_line(part.line())}", err=True)
    if report.doubts:
        click.echo(
            f"xbrlconv: {len(report.doubts)} facts or columns decided with low confidence "
            f"(below {LOW_CONFIDENCE}); --report lists them with their reasons",
            err=True,
        )


_package_option = click.option(
    "--taxonomy-package",
    "packages",
    multiple=True,
    type=click.Path(dir_okay=False),
    help=f"Taxonomy package zip (repeatable). Default: ${ENV_PACKAGES} (a directory of zips or a "
    "path-separated list), else Arelle's web cache.",
)


_max_input_option = click.option(
    "--max-input-mb", type=click.IntRange(1), default=DEFAULT_MAX_BYTES // (1024 * 1024), show_default=True
)
_debug_option = click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")


def _output_dir_option(help_text: str):
    return click.option(
        "-o",
        "--output-dir",
        "outdir",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=help_text,
    )


_offline_option = click.option(
    "--offline/--online", default=None, help="Never use the network (default when taxonomy packages are given)."
)


@click.group()
@click.version_option(__version__, prog_name="xbrlconv")
def main() -> None:
    """Convert SEC EDGAR filings into Inline XBRL and XBRL, validated with Arelle."""


def _conversion_options(command):
    """The options every command that converts a filing takes (convert, review)."""
    options = [
        click.option("--cik", help="Filer's CIK, for filings without an SEC header."),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(sorted(FORMATS)),
            default="both",
            show_default=True,
            help="Inline XBRL document, XBRL instance, or both.",
        ),
        _package_option,
        _offline_option,
        click.option("--prefix", help="File-name and namespace prefix (default: ticker, else registrant name)."),
        click.option("--namespace-authority", help="Host for the extension namespace, e.g. www.example.com."),
        click.option(
            "--emerging-growth-company/--not-emerging-growth-company",
            "egc",
            default=None,
            help="State dei:EntityEmergingGrowthCompany when the filing itself does not.",
        ),
        click.option(
            "--date-of-report",
            type=click.DateTime(formats=["%Y-%m-%d"]),
            help="Date of report (YYYY-MM-DD) when the filing does not state it, e.g. a press release dated "
            "without a year.",
        ),
        click.option("--registrant-name", help="Registrant's name, e.g. for a press release converted on its own."),
        click.option("--no-validate", is_flag=True, help="Skip Arelle validation (not recommended)."),
        click.option(
            "--overrides",
            "overrides_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="A YAML file of corrections: a row's concept, extension or sign, a column's period, rows left "
            "untagged (see README).",
        ),
        _max_input_option,
        _debug_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _convert_options(params: dict, **more) -> ConvertOptions:
    """ConvertOptions from the values of _conversion_options (and `more` fields)."""
    date_of_report = params["date_of_report"]
    return ConvertOptions(
        settings=taxonomy_settings(tuple(params["packages"]), params["offline"]),
        cik=params["cik"],
        prefix=params["prefix"],
        namespace_authority=params["namespace_authority"],
        formats=FORMATS[params["fmt"]],
        emerging_growth_company=params["egc"],
        date_of_report=date_of_report.date() if date_of_report else None,
        registrant_name=params["registrant_name"],
        validate=not params["no_validate"],
        max_input_bytes=params["max_input_mb"] * 1024 * 1024,
        overrides=load_overrides(params["overrides_path"]) if params["overrides_path"] else NO_OVERRIDES,
        **more,
    )


def _warn_unused_overrides(result: ConversionResult, options: ConvertOptions) -> None:
    for warning in unused_overrides(result, options.overrides):
        click.echo(f"xbrlconv: warning: {warning}", err=True)


_review_option = click.option(
    "--review",
    "review_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the review page (one self-contained HTML file) here.",
)


@main.command("convert")
@click.argument("input_file", type=click.Path(path_type=Path))
@_output_dir_option("Directory for the outputs (created if missing).")
@_conversion_options
@click.option("--force", is_flag=True, help="Replace existing output files.")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 8, nothing written) when any part of the filing would be left out.",
)
@click.option(
    "--report",
    "json_report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the conversion report as JSON: validation findings, files written, parts left out.",
)
@click.option(
    "--junit",
    "junit_report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write validation findings as JUnit XML.",
)
@_review_option
@click.option(
    "--viewer",
    is_flag=True,
    help="Also write Arelle's interactive iXBRL viewer beside the iXBRL document (NAME-viewer.htm and "
    "ixbrlviewer.js; opens offline). Needs the viewer extra: pip install 'xbrlconv[viewer]'.",
)
def convert_command(
    input_file, outdir, force, strict, json_report, junit_report, review_path, viewer, **params
) -> None:
    """Convert INPUT_FILE (text, SGML submission or HTML filing) into OUTDIR.

    A part of the filing that would make the outputs invalid (a fact, a concept's facts, a
    calculation, a statement) is left out and the rest is written; each part left out is listed
    on stderr ("xbrlconv: left out ...") and in --report.

    \b
    Exit codes: 0 converted (parts may have been left out; see stderr),
    2 bad input or options, 3 unsupported filing, 4 taxonomy missing,
    5 broken mapping rules, 6 validation errors remain, 7 output problem,
    8 parts left out with --strict (nothing written), 70 internal error.
    """

    def action():
        options = _convert_options(params, force=force, strict=strict)
        if viewer:
            _check_viewer_options(options, outdir)
        try:
            result = convert(input_file, outdir, options)
        except (ValidationFailed, PartsLeftOut) as exc:
            if exc.report is not None:
                _write_reports(exc.report, json_report, junit_report)
                _echo_left_out(exc.report)
            _review_refused(exc, review_path, options, (input_file,))
            raise
        _write_reports(result.conversion, json_report, junit_report)
        _warn_unused_overrides(result, options)
        if review_path:
            _write_review(review_path, result, options, (input_file,))
        if viewer:
            (document,) = (p for p in result.conversion.written if p.suffix == ".htm")
            result = replace(result, viewer=write_viewer(document, options.settings))
        return result

    result = _run(action, params["debug"])
    _echo_conversion(result, outdir)
    if review_path:
        click.echo(f"wrote the review page {review_path}")
    if result.viewer:
        click.echo(f"wrote the interactive viewer {result.viewer[-1]} (keep {result.viewer[0].name} beside it)")
    _echo_left_out(result.conversion)


def _write_review(page: Path, result: ConversionResult, options: ConvertOptions, protected: tuple[Path, ...]) -> None:
    """The review page, written whole; never over the filing or an output of the conversion."""
    taken = {p.resolve() for p in (*protected, *result.conversion.written)}
    if page.resolve() in taken:
        raise OptionError(
            f"the review page would replace {page}, the filing or one of its outputs: choose another path"
        )
    _write_bytes(page, review_page(result, options.overrides))


def _review_refused(
    exc: ValidationFailed | PartsLeftOut, page: Path | None, options: ConvertOptions, protected: tuple[Path, ...]
) -> None:
    """The review page of a conversion refused (nothing written): what a reviewer needs most."""
    if exc.result is None:
        return
    _warn_unused_overrides(exc.result, options)
    if page:
        _write_review(page, exc.result, options, protected)
        click.echo(f"xbrlconv: wrote the review page {page} (the outputs were not written)", err=True)


def _check_viewer_options(options: ConvertOptions, outdir: Path) -> None:
    """Before converting: the viewer can be made, and made without replacing the user's files."""
    if "ixbrl" not in options.formats:
        raise OptionError("--viewer shows the iXBRL document: convert with --format ixbrl or both")
    bundled_viewer_script()
    refuse_overwriting_viewer(outdir, options.force)


def _echo_conversion(result: ConversionResult, outdir: Path) -> None:
    """What was written, how many facts, and what validation found."""
    report = result.conversion
    names = ", ".join(p.name for p in report.written)
    click.echo(f"wrote {len(report.written)} files to {outdir}: {names}")
    summary = f"{report.facts} facts"
    if report.validation is not None:
        validation = report.validation
        summary += f"; Arelle validation: {len(validation.errors)} errors, {len(validation.warnings)} warnings"
        for line in as_text(validation):
            click.echo(f"  {line}")
    if report.left_out:
        summary += f"; {len(report.left_out)} parts left out (listed on stderr)"
    click.echo(summary)


@main.command("review")
@click.argument("input_path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "page_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the review page.",
)
@click.option(
    "--source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The filing an output folder was converted from (default: what its batch's results.jsonl says).",
)
@_conversion_options
def review_command(input_path, page_path, source, **params) -> None:
    """Write the review page of a conversion: one self-contained HTML file that shows every fact
    where its statement prints it, what the converter was unsure of and what it left out.

    INPUT_PATH is a filing (converted in memory; only the page is written) or the output folder
    of `convert` or `batch`, converted again from --source with the options given, which must
    give that folder's files byte for byte.

    \b
    Exit codes: 0 written, 2 bad input or options (also: the folder differs from
    what converting --source with these options gives), 3-8 as for convert.
    """

    def action():
        options = _convert_options(params)
        if input_path.is_dir():
            filing = source or source_of(input_path)
            if filing is None:
                raise OptionError(f"{input_path} is a folder: name the filing it was converted from with --source")
            result = convert_again(filing, input_path, options)
        else:
            filing = input_path
            try:
                result = convert_again(input_path, None, options)
            except (ValidationFailed, PartsLeftOut) as exc:
                _review_refused(exc, page_path, options, (filing,))
                raise
        _warn_unused_overrides(result, options)
        _write_review(page_path, result, options, (filing,))
        return result

    result = _run(action, params["debug"])
    click.echo(f"wrote the review page {page_path}: {result.conversion.facts} facts")


@main.command("extract")
@click.argument("input_file", type=click.Path(path_type=Path))
@click.option("--json", "as_json_flag", is_flag=True, help="Print the findings as JSON.")
@_max_input_option
@_debug_option
def extract_command(input_file, as_json_flag, max_input_mb, debug) -> None:
    """Show what INPUT_FILE holds: documents, cover fields, statements with periods, scale and rows.

    Every value comes with its provenance (document, input line, table cell), for review before
    converting. Needs no taxonomy.
    """
    data = _run(lambda: extract_review(input_file, max_input_mb * 1024 * 1024), debug)
    if as_json_flag:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for line in review_lines(data):
            click.echo(line)


VALIDATE_EXIT_CODES = """Exit codes: 0 no errors; 1 errors found (warnings too with --fail-on warning);
2 a usage error, an input that cannot be read, or a file that cannot be loaded whole (a taxonomy
missing offline, a schema missing beside a document)."""


@main.command("validate", epilog=VALIDATE_EXIT_CODES)
@click.argument("inputs", nargs=-1, required=True)
@_package_option
@_offline_option
@click.option(
    "--format",
    "report_format",
    type=click.Choice(sorted(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="text for people; json, junit, sarif (GitHub code scanning) or github (workflow annotations) for CI.",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here, not to stdout.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="Exit 1 on errors only, or on warnings too.",
)
@click.option("--jobs", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="the machine's cores")
@click.option(
    "--plugins",
    help="Arelle plugins to run too, '|'-separated (e.g. the SEC's EDGAR plugin: 'EDGAR/validate'); "
    "files are then validated one fresh Arelle session each.",
)
@click.option(
    "--disclosure-system", default="", help="Arelle's disclosure system for those plugins, e.g. efm-pragmatic."
)
@click.option(
    "--skip-other-files", is_flag=True, help="Pass over named files that are not entry points (for pre-commit)."
)
@click.option("--json", "as_json_flag", is_flag=True, hidden=True, help="Same as --format json.")
@click.option(
    "--junit", "junit_report", type=click.Path(dir_okay=False, path_type=Path), help="Also write JUnit XML here."
)
@_debug_option
def validate_command(
    inputs,
    packages,
    offline,
    report_format,
    output,
    fail_on,
    jobs,
    plugins,
    disclosure_system,
    skip_other_files,
    as_json_flag,
    junit_report,
    debug,
) -> None:
    """Validate inline XBRL documents and XBRL instances: files, folders (their entry points, never
    schemas or linkbases), a filing's zip, glob patterns, or - for a list on stdin. Arelle's checks
    (XBRL 2.1, Dimensions, Inline XBRL 1.1, Calc 1.1, duplicates) and xbrlconv's own, with the
    base taxonomies loaded once for all files."""

    def action():
        settings = taxonomy_settings(tuple(packages), offline)
        settings = replace(
            settings, plugins=tuple(p for p in (plugins or "").split("|") if p), disclosure_system=disclosure_system
        )
        with ExitStack() as stack:
            entries = find_entry_points(tuple(inputs), stack, skip_other_files)
            return validate_entry_points(entries, ValidateOptions(settings, jobs))

    report = _run(action, debug, exit_code=2)
    text = REPORT_FORMATS["json" if as_json_flag else report_format](report)
    if output:
        _write_file(output, text)
    else:
        click.echo(text, nl=False)
    if junit_report:
        _write_file(junit_report, as_junit(report))
    if report.unloaded:
        sys.exit(2)
    failing = report.errors or (fail_on == "warning" and report.warnings)
    sys.exit(1 if failing else 0)


def _validation_policy(ctx, param, value: str) -> ValidationPolicy:
    try:
        return ValidationPolicy.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@_output_dir_option("Directory for every filing's outputs and results.jsonl (created if missing).")
@click.option("--jobs", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="the machine's cores")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=300,
    show_default=True,
    help="Seconds a filing may take before its worker is killed and the filing recorded as failed.",
)
@click.option(
    "--validate",
    "validation",
    default="all",
    show_default=True,
    callback=_validation_policy,
    help="Validate all filings, none, or a share of them: sample:F (the same ones on a rerun).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on the Dask cluster of this scheduler (tcp://HOST:PORT; needs xbrlconv[dask]). Its workers "
    "must see the inputs and OUTDIR at the same paths.",
)
@click.option(
    "--max-memory-mb",
    "max_memory_mb",
    type=click.IntRange(256),
    help="Cap each local worker's address space: a filing that needs more fails (MemoryError) and the batch goes on.",
)
@click.option("--retry-failed", is_flag=True, help="Convert again the filings that failed last time.")
@click.option("--force", is_flag=True, help="Convert every filing again, replacing its outputs.")
@click.option("--cik", help="CIK for inputs without an SEC header and no CIK in their list line.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="both", show_default=True)
@_package_option
@_offline_option
@click.option("--strict", is_flag=True, help="A filing that would leave parts out fails (exit code 8 recorded).")
@click.option("--review", is_flag=True, help="Write each filing's review page (review.html) beside its outputs.")
@_max_input_option
@_debug_option
def batch_command(
    inputs,
    outdir,
    jobs,
    timeout,
    validation,
    scheduler,
    max_memory_mb,
    retry_failed,
    force,
    cik,
    fmt,
    packages,
    offline,
    strict,
    review,
    max_input_mb,
    debug,
) -> None:
    """Convert many filings: INPUTS are files, directories (searched recursively for .txt, .nc,
    .htm, .html and .xhtml files), @LIST files (one path a line, optionally a tab and the CIK;
    relative to the list) or - (a list on stdin).

    Each filing's outputs go to OUTDIR/<cik>/<accession, else input name>/ with its report.json,
    published whole; OUTDIR/results.jsonl gets one line per filing. A rerun skips filings whose
    input, options, xbrlconv version and taxonomy packages are unchanged.

    \b
    Exit codes: 0 every filing converted (or was already), 1 some failed (see results.jsonl),
    2 bad usage or inputs, 4 taxonomy missing, 130 interrupted (finished filings are kept).
    """

    def action():
        options = BatchOptions(
            ConvertOptions(
                settings=taxonomy_settings(tuple(packages), offline),
                cik=cik,
                formats=FORMATS[fmt],
                max_input_bytes=max_input_mb * 1024 * 1024,
                strict=strict,
            ),
            outdir,
            validation,
            max_memory_mb,
            review,
        )
        items = expand_inputs(inputs)
        if not items:
            raise OptionError("no filings found in the inputs given")
        progress = Progress(sys.stderr, sys.stderr.isatty())
        summary = run_batch(items, options, jobs, timeout, RerunPolicy(retry_failed, force), progress, scheduler)
        progress.finish(summary, str(outdir / RESULTS), local_workers=scheduler is None)
        return summary

    sys.exit(_run(action, debug).exit_code)
