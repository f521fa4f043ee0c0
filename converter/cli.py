"""Command line: parse options, call one library function, turn our errors into one line and an exit code."""

import json
import sys
import traceback
from pathlib import Path

import click

from . import __version__
from .errors import ValidationFailed, XbrlconvError
from .extract.review import review_lines
from .ingest import DEFAULT_MAX_BYTES
from .packages import ENV_PACKAGES, taxonomy_settings
from .pipeline import FORMATS, ConvertOptions, convert, extract_review
from .validate import ValidationReport, validate_outputs
from .validate.report import as_json, as_junit, as_text

INTERNAL_ERROR = 70


def _one_line(exc: BaseException) -> str:
    """An error's message on one line (a YAML or XML parser's message spans several)."""
    return " ".join(str(exc).split())


def _run(action, debug: bool):
    """Run `action`; report our errors (and any unexpected one) as a single line, never a traceback."""
    try:
        return action()
    except XbrlconvError as exc:
        click.echo(f"xbrlconv: error: {_one_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("xbrlconv: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for the user
        if debug:
            traceback.print_exc()
        message = f"{type(exc).__name__}: {_one_line(exc)}"
        click.echo(f"xbrlconv: internal error: {message} (rerun with --debug for details)", err=True)
        sys.exit(INTERNAL_ERROR)


def _write_reports(report, json_path: Path | None, junit_path: Path | None) -> None:
    if report is None:
        return
    if json_path:
        json_path.write_text(as_json(report), encoding="utf-8")
    if junit_path:
        junit_path.write_text(as_junit(report), encoding="utf-8")


_package_option = click.option(
    "--taxonomy-package",
    "packages",
    multiple=True,
    type=click.Path(dir_okay=False),
    help=f"Taxonomy package zip (repeatable). Default: ${ENV_PACKAGES} (a directory of zips or a "
    "path-separated list), else Arelle's web cache.",
)
_offline_option = click.option(
    "--offline/--online", default=None, help="Never use the network (default when taxonomy packages are given)."
)


@click.group()
@click.version_option(__version__, prog_name="xbrlconv")
def main() -> None:
    """Convert SEC EDGAR filings into Inline XBRL and XBRL, validated with Arelle."""


@main.command("convert")
@click.argument("input_file", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the outputs (created if missing).",
)
@click.option("--cik", help="Filer's CIK, for filings without an SEC header.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="both",
    show_default=True,
    help="Inline XBRL document, XBRL instance, or both.",
)
@_package_option
@_offline_option
@click.option("--prefix", help="File-name and namespace prefix (default: ticker, else registrant name).")
@click.option("--namespace-authority", help="Host for the extension namespace, e.g. www.example.com.")
@click.option(
    "--emerging-growth-company/--not-emerging-growth-company",
    "egc",
    default=None,
    help="State dei:EntityEmergingGrowthCompany when the filing itself does not.",
)
@click.option(
    "--date-of-report",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of report (YYYY-MM-DD) when the filing does not state it, e.g. a press release dated without a year.",
)
@click.option("--registrant-name", help="Registrant's name, e.g. for a press release converted on its own.")
@click.option("--force", is_flag=True, help="Replace existing output files.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle validation (not recommended).")
@click.option(
    "--report",
    "json_report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write validation findings as JSON.",
)
@click.option(
    "--junit",
    "junit_report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write validation findings as JUnit XML.",
)
@click.option("--max-input-mb", type=click.IntRange(1), default=DEFAULT_MAX_BYTES // (1024 * 1024), show_default=True)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def convert_command(
    input_file,
    outdir,
    cik,
    fmt,
    packages,
    offline,
    prefix,
    namespace_authority,
    egc,
    date_of_report,
    registrant_name,
    force,
    no_validate,
    json_report,
    junit_report,
    max_input_mb,
    debug,
) -> None:
    """Convert INPUT_FILE (text, SGML submission or HTML filing) into OUTDIR."""

    def action():
        options = ConvertOptions(
            settings=taxonomy_settings(tuple(packages), offline),
            cik=cik,
            prefix=prefix,
            namespace_authority=namespace_authority,
            formats=FORMATS[fmt],
            emerging_growth_company=egc,
            date_of_report=date_of_report.date() if date_of_report else None,
            registrant_name=registrant_name,
            validate=not no_validate,
            force=force,
            max_input_bytes=max_input_mb * 1024 * 1024,
        )
        try:
            result = convert(input_file, outdir, options)
        except ValidationFailed as exc:
            _write_reports(ValidationReport((), exc.findings, 0), json_report, junit_report)
            raise
        _write_reports(result.report, json_report, junit_report)
        return result

    result = _run(action, debug)
    names = ", ".join(p.name for p in result.files)
    click.echo(f"wrote {len(result.files)} files to {outdir}: {names}")
    summary = f"{len(result.model.facts)} facts"
    if result.report is not None:
        summary += f"; Arelle validation: {len(result.report.errors)} errors, {len(result.report.warnings)} warnings"
        for line in as_text(result.report):
            click.echo(f"  {line}")
    click.echo(summary)


@main.command("extract")
@click.argument("input_file", type=click.Path(path_type=Path))
@click.option("--json", "as_json_flag", is_flag=True, help="Print the findings as JSON.")
@click.option("--max-input-mb", type=click.IntRange(1), default=DEFAULT_MAX_BYTES // (1024 * 1024), show_default=True)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
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


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_package_option
@_offline_option
@click.option("--json", "as_json_flag", is_flag=True, help="Print findings as JSON.")
@click.option(
    "--junit", "junit_report", type=click.Path(dir_okay=False, path_type=Path), help="Write findings as JUnit XML."
)
@click.option("--debug", is_flag=True)
def validate_command(files, packages, offline, as_json_flag, junit_report, debug) -> None:
    """Validate iXBRL documents or XBRL instances (exit 6 when there are errors)."""
    report = _run(lambda: validate_outputs(list(files), taxonomy_settings(tuple(packages), offline)), debug)
    if junit_report:
        junit_report.write_text(as_junit(report), encoding="utf-8")
    if as_json_flag:
        click.echo(as_json(report), nl=False)
    else:
        for line in as_text(report):
            click.echo(line)
        click.echo(f"{len(report.errors)} errors, {len(report.warnings)} warnings in {len(report.files)} file(s)")
    sys.exit(0 if report.ok else ValidationFailed.exit_code)
