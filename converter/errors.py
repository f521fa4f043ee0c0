"""The library's exception family: the CLI turns each into a one-line message and an exit code."""


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
    """Arelle or our own consistency rules found errors in the generated XBRL."""

    exit_code = 6

    def __init__(self, message: str, findings: tuple = ()) -> None:
        super().__init__(message)
        self.findings = findings


class OutputError(XbrlconvError):
    """Outputs could not be written, or writing them would overwrite the user's files."""

    exit_code = 7
