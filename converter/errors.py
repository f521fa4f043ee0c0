"""The library's exception family: the CLI turns each into a one-line message and an exit code."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .conversion_report import ConversionReport
    from .pipeline import ConversionResult


INTERNAL_ERROR = 70  # exit code of a bug of ours (an exception no stage expected)


def one_line(text: object) -> str:
    """A message on one line (a YAML or XML parser's message spans several)."""
    return " ".join(str(text).split())


def internal_error(exc: BaseException) -> str:
    """An unexpected exception in one line: its type and message."""
    return f"{type(exc).__name__}: {one_line(exc)}"


class XbrlconvError(Exception):
    """Base of every error the converter reports to its user (never a traceback)."""

    exit_code = 1


class InputError(XbrlconvError):
    """The input file cannot be read as a filing (missing, empty, binary, truncated)."""

    exit_code = 2


class UnsupportedInputError(XbrlconvError):
    """The input is a filing, but one this version cannot convert; the message names what is missing."""

    exit_code = 3


class OptionError(XbrlconvError):
    """An option is missing or malformed (e.g. no CIK in the filing and no --cik)."""

    exit_code = 2


class TaxonomyError(XbrlconvError):
    """A taxonomy could not be loaded (offline without a package, corrupt package)."""

    exit_code = 4


class MappingRulesError(XbrlconvError):
    """taxonomy_map.yaml is malformed or names a concept the taxonomy does not have."""

    exit_code = 5


class ValidationFailed(XbrlconvError):
    """Arelle or our own consistency rules found errors in the generated XBRL, even with the parts
    they named left out."""

    exit_code = 6

    def __init__(
        self,
        message: str,
        findings: tuple = (),
        report: "ConversionReport | None" = None,
        result: "ConversionResult | None" = None,
    ) -> None:
        super().__init__(message)
        self.findings = findings
        self.report = report  # what the conversion would have written, for --report
        self.result = result  # the ConversionResult refused (nothing written), for its review page


class PartsLeftOut(XbrlconvError):
    """--strict: the outputs would be valid, but only with parts of the filing left out."""

    exit_code = 8

    def __init__(self, message: str, report: "ConversionReport", result: "ConversionResult | None" = None) -> None:
        super().__init__(message)
        self.report = report
        self.result = result  # the ConversionResult refused (nothing written), for its review page


class OutputError(XbrlconvError):
    """Outputs could not be written, or writing them would overwrite the user's files."""

    exit_code = 7
