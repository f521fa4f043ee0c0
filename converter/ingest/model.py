"""Typed output of the ingest stage: a submission split into documents, with its SEC header."""

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum


class DocumentFormat(StrEnum):
    TEXT = "text"
    HTML = "html"


@dataclass(frozen=True)
class Address:
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class HeaderCompany:
    """One company block of a header (a FILER, SUBJECT COMPANY...): who it is and where."""

    cik: str | None = None
    company_name: str | None = None
    state_of_incorporation: str | None = None
    irs_number: str | None = None
    fiscal_year_end: str | None = None
    file_number: str | None = None
    business_address: Address = field(default_factory=Address)


@dataclass(frozen=True)
class SecHeader:
    """Fields of an EDGAR `<SEC-HEADER>`; every one may be absent in older or trimmed submissions.

    `filer` is the company the outputs speak for. A combined filing (several registrants file one
    document) lists each in `filers`: the one whose CIK opens the accession number (it submitted the
    filing) speaks by default, and `speaking_for` picks another by CIK.
    """

    accession_number: str | None = None
    form_type: str | None = None
    period_of_report: date | None = None
    filed: date | None = None
    filer: HeaderCompany = field(default_factory=HeaderCompany)
    filers: tuple[HeaderCompany, ...] = ()

    @property
    def cik(self) -> str | None:
        return self.filer.cik

    def speaking_for(self, cik: str) -> "SecHeader | None":
        """The same header with the filer of this CIK speaking, or None when it lists no such filer."""
        company = next((c for c in self.filers if c.cik == cik), None)
        return replace(self, filer=company) if company else None


@dataclass(frozen=True)
class SourceDocument:
    """One document of a submission, as normalized text lines.

    `first_line` is the 1-based line of the input file where `lines[0]` sits, so that
    (document, line) provenance points back into the file the user has.
    """

    index: int
    format: DocumentFormat
    lines: tuple[str, ...]
    first_line: int = 1
    doc_type: str | None = None
    filename: str | None = None
    description: str | None = None
    # For HTML: the markup's line each text line came from (1-based, within the document), the
    # line ranges that were <table>s, each table row's cell column spans, and the paragraphs of the
    # cells that hold several (line, cell index, paragraphs).
    origin_lines: tuple[int, ...] = ()
    tables: tuple[tuple[int, int], ...] = ()
    colspans: tuple[tuple[int, tuple[int, ...]], ...] = ()
    cell_blocks: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    def source_line(self, line_index: int) -> int:
        """Line number in the input file of `lines[line_index]`."""
        if self.origin_lines:
            return self.first_line + max(self.origin_lines[line_index], 1) - 1
        return self.first_line + line_index


@dataclass(frozen=True)
class Submission:
    path: str
    encoding: str
    header: SecHeader | None
    documents: tuple[SourceDocument, ...]
    skipped: tuple[str, ...] = ()  # documents left out (graphics, binaries, XBRL exhibits), by type
