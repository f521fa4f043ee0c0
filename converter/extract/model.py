"""Typed output of the extract stage: cover fields, table grids and statement tables.

Every value points back to the source text with `Span`s (document, line, columns), which serve
both as provenance for people and as anchors where the renderer tags facts in place.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from ..omissions import LeftOut


@dataclass(frozen=True, order=True)
class Span:
    """Columns [start, end) of line `line` (0-based, within the document) of document `doc`."""

    doc: int
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class Cell:
    """A table cell; `text` is its source pieces joined by single spaces."""

    text: str
    spans: tuple[Span, ...] = ()
    colspan: int = 1  # columns of the grid the cell covers, from where it stands

    def span_at(self, start: int, end: int) -> "Span | None":
        """Source span of text[start:end], when that text lies within one source piece."""
        offset = 0
        for piece in self.spans:
            length = piece.end - piece.start
            if offset <= start and end <= offset + length:
                return Span(piece.doc, piece.line, piece.start + start - offset, piece.start + end - offset)
            offset += length + 1
        return None

    def offset_of(self, span: Span) -> int | None:
        """Character offset in `text` where `span` begins, or None when the span is elsewhere."""
        offset = 0
        for piece in self.spans:
            if piece.doc == span.doc and piece.line == span.line and piece.start <= span.start < piece.end:
                return offset + span.start - piece.start
            offset += piece.end - piece.start + 1
        return None


EMPTY_CELL = Cell("")


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...]
    line: int  # first source line of the row (0-based, in the document)
    indent: int = 0  # leading spaces of the label: its level in the statement's outline
    label_end: int = 0  # on a page typed in fixed-width columns: the column its label ends at (tabs expanded)


@dataclass(frozen=True)
class Grid:
    """A table as rows of cells, before any interpretation; lines [first_line, last_line] of `doc`."""

    id: str
    doc: int
    first_line: int
    last_line: int
    rows: tuple[GridRow, ...]
    values_start: int | None = None  # typed in fixed-width columns: the column the first value column starts at

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


class StatementKind(StrEnum):
    BALANCE_SHEET = "balance_sheet"
    INCOME_STATEMENT = "income_statement"
    COMPREHENSIVE_INCOME = "comprehensive_income"
    CASH_FLOWS = "cash_flows"
    EQUITY = "equity"
    OTHER = "other"  # numeric table that is not a primary statement

    @property
    def is_flow(self) -> bool:
        return self is not StatementKind.BALANCE_SHEET


# Statements that print income and other comprehensive income (the latter alone or after net income).
INCOME_STATEMENTS = frozenset({StatementKind.INCOME_STATEMENT, StatementKind.COMPREHENSIVE_INCOME})


class UnitKind(StrEnum):
    MONETARY = "monetary"
    SHARES = "shares"
    PER_SHARE = "per_share"


class RowKind(StrEnum):
    HEADING = "heading"
    ITEM = "item"
    TOTAL = "total"


@dataclass(frozen=True, order=True)
class Period:
    """An instant (start is None) or a duration [start, end], both dates inclusive."""

    end: date
    start: date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None


# More shares than any registrant has had outstanding (the largest counts are near 20 billion).
MAX_SHARE_COUNT = Decimal(30_000_000_000)


class ScaleSource(StrEnum):
    """What decided a table's scale for money."""

    WORDS = "words"  # its title or headings state it ("(In thousands)")
    EVIDENCE = "evidence"  # amounts the filing restates elsewhere ("total assets of $1.1 billion")
    UNSTATED = "unstated"  # nothing: read as actual units until evidence decides


@dataclass(frozen=True)
class Basis:
    """What a decided value (a column's period, a table's scale) rests on, in words, and how sure
    that makes it: 1.0 when the filing prints it, less when a rule of the filing's calendar or the
    convention of its kind supplies what the filing leaves unsaid."""

    text: str
    confidence: float = 1.0


PRINTED = Basis("as printed")
LOW_CONFIDENCE = 0.8  # below this, a decided value is listed for a person to check


@dataclass(frozen=True)
class Scale:
    """Powers of ten that turn displayed numbers into values, per unit kind."""

    monetary: int = 0
    shares: int = 0
    per_share: int = 0
    phrase: str = ""
    shares_stated: bool = False  # share counts' scale is decided ("shares in thousands", "except shares", EPS)
    source: ScaleSource = ScaleSource.UNSTATED
    basis: Basis = PRINTED  # what the scale rests on, in words, and how sure that makes it

    @property
    def stated(self) -> bool:
        """Do the table's own words state its scale for money?"""
        return self.source is ScaleSource.WORDS

    def exponent(self, kind: UnitKind) -> int:
        return {UnitKind.MONETARY: self.monetary, UnitKind.SHARES: self.shares}.get(kind, self.per_share)


@dataclass(frozen=True)
class Amount:
    """A displayed number: unsigned magnitude, whether shown negative, or a dash meaning nil/zero."""

    magnitude: Decimal | None
    negative: bool
    span: Span
    text: str  # the digits (or dash) as shown, e.g. "46,276"
    decimals_shown: int = 0

    @property
    def is_dash(self) -> bool:
        return self.magnitude is None

    @property
    def signed(self) -> Decimal:
        """Displayed value with its displayed sign; a dash counts as zero."""
        m = self.magnitude or Decimal(0)
        return -m if self.negative else m


@dataclass(frozen=True)
class PeriodLength:
    """How long a column's heading says its period is, in months or weeks; neither when it names
    no length ("December 30, 2023" over an annual report's income statement)."""

    months: int = 0
    weeks: int = 0

    @property
    def stated(self) -> bool:
        return bool(self.months or self.weeks)


@dataclass(frozen=True)
class Column:
    """A column of amounts and its period. The period is set on the filing's fiscal calendar from
    what the heading states: `length` for a duration (None for an instant, or for a duration whose
    start the heading prints), `year_label` when the heading names a fiscal year by its year alone,
    `borrowed` when its end's month and day are lent by a heading over several years."""

    grid_col: int
    period: Period
    header: str
    length: PeriodLength | None = None
    year_label: int | None = None
    borrowed: bool = False
    basis: Basis = PRINTED  # how the period was set on the filing's calendar
    override: int | None = None  # the line of the user's override that set the period, if one did


@dataclass(frozen=True)
class StatementRow:
    grid_row: int
    label: str
    kind: RowKind
    unit_kind: UnitKind
    values: tuple[Amount | None, ...]  # aligned with StatementTable.columns
    sections: tuple[str, ...] = ()  # texts of the enclosing headings, outermost first
    resolved_label: str = ""  # a bare "Total" completed with its section, else the label
    label_cell: Cell = EMPTY_CELL
    balance_at: str | None = None  # "start"/"end": a balance at the start/end of each column's period
    period: Period | None = None  # the row's own period (equity statements laid out by component)
    exponent: int | None = None  # a scale the row's label or section states, over the table's

    @property
    def has_values(self) -> bool:
        return any(v is not None for v in self.values)

    def period_in(self, column: "Column") -> Period:
        """The period the row's value in `column` covers: the column's, the row's own, or the
        instant a balance row is taken at (the day before the column's period starts, or its end)."""
        if self.period is not None:
            return self.period
        if self.balance_at == "end":
            return Period(end=column.period.end)
        if self.balance_at == "start" and column.period.start is not None:
            return Period(end=column.period.start - timedelta(days=1))
        return column.period


class LabelSubject(StrEnum):
    """What a number inside a row label is about."""

    COMMON = "common"
    PREFERRED = "preferred"
    TREASURY = "treasury"
    RECEIVABLES = "receivables"
    PROPERTY = "property"
    INTANGIBLES = "intangibles"
    TRANSLATION = "translation"  # other comprehensive income: foreign currency translation
    BENEFIT_PLANS = "benefit_plans"  # ... pension and other postretirement benefit plans
    CASH_FLOW_HEDGES = "cash_flow_hedges"
    SECURITIES = "securities"  # ... available-for-sale securities


class LabelKind(StrEnum):
    """What a number inside a row label counts."""

    PAR_VALUE = "par_value"
    SHARES_AUTHORIZED = "shares_authorized"
    SHARES_ISSUED = "shares_issued"
    SHARES_OUTSTANDING = "shares_outstanding"
    SHARES = "shares"
    ALLOWANCE = "allowance"
    ACCUMULATED_DEPRECIATION = "accumulated_depreciation"
    ACCUMULATED_AMORTIZATION = "accumulated_amortization"
    DIVIDENDS_PER_SHARE = "dividends_per_share"
    TAX = "tax"  # the tax an other-comprehensive-income change is net of
    RECLASSIFICATION_TAX = "reclassification_tax"  # ... its reclassification out of AOCI
    BEFORE_RECLASSIFICATION_TAX = "before_reclassification_tax"  # ... its change before reclassification


class TaxDirection(StrEnum):
    """What a positive amount printed as a tax is, by the words around it ("tax (expense) benefit")."""

    EXPENSE = "expense"
    BENEFIT = "benefit"
    UNSTATED = "unstated"


@dataclass(frozen=True)
class LabelFact:
    """A number written inside a row label: par value, share counts, an allowance... `value` is
    signed as printed; a tax says what its positive amounts are (`tax_direction`)."""

    grid_row: int
    subject: LabelSubject
    kind: LabelKind
    value: Decimal
    unit_kind: UnitKind
    exponent: int  # power of ten the printed number is in (the table's scale, or 0 for actual counts)
    periods: tuple[Period, ...]
    span: Span
    text: str
    decimals_shown: int = 0
    tax_direction: TaxDirection | None = None


@dataclass(frozen=True)
class StatementTable:
    id: str
    kind: StatementKind
    title: str
    scale: Scale
    columns: tuple[Column, ...]
    rows: tuple[StatementRow, ...]
    grid: Grid
    label_facts: tuple[LabelFact, ...] = ()
    title_lines: tuple[int, ...] = ()  # document lines holding the title, scale and notes
    name: str = ""  # the title line that names the statement, e.g. "CONSOLIDATED BALANCE SHEETS"
    currency: str = "USD"  # ISO 4217 code of its amounts of money

    def exponent_of(self, row: StatementRow) -> int:
        """Power of ten that turns the row's printed numbers into values.

        Share counts follow the table's scale unless its phrase says otherwise, but a count that
        scale would make larger than any registrant's share count is printed in actual shares
        ("(Dollars in thousands, except per share amounts)" over "193,909,714")."""
        if row.exponent is not None:
            return row.exponent
        exponent = self.scale.exponent(row.unit_kind)
        if row.unit_kind is UnitKind.SHARES and exponent and not self.scale.shares_stated:
            largest = max((v.magnitude for v in row.values if v is not None and not v.is_dash), default=Decimal(0))
            if largest.scaleb(exponent) > MAX_SHARE_COUNT:
                return 0
        return exponent


class CoverName(StrEnum):
    """The cover-page fields the extractor reads and the mapping rules tag, named once."""

    FORM_TYPE = "form_type"
    AMENDMENT = "amendment"
    PERIOD_END_DATE = "period_end_date"
    REGISTRANT_NAME = "registrant_name"
    CIK = "cik"
    INCORPORATION_STATE = "incorporation_state"
    FILE_NUMBER = "file_number"
    TAX_ID = "tax_id"
    ADDRESS_LINE1 = "address_line1"
    ADDRESS_LINE2 = "address_line2"
    ADDRESS_CITY = "address_city"
    ADDRESS_STATE = "address_state"
    ADDRESS_ZIP = "address_zip"
    ADDRESS_COUNTRY = "address_country"
    CITY_AREA_CODE = "city_area_code"
    LOCAL_PHONE_NUMBER = "local_phone_number"
    WRITTEN_COMMUNICATIONS = "written_communications"
    SOLICITING_MATERIAL = "soliciting_material"
    PRE_COMMENCEMENT_TENDER_OFFER = "pre_commencement_tender_offer"
    PRE_COMMENCEMENT_ISSUER_TENDER_OFFER = "pre_commencement_issuer_tender_offer"
    SECURITY_TITLE = "security_title"
    TRADING_SYMBOL = "trading_symbol"
    EXCHANGE = "exchange"
    NO_TRADING_SYMBOL = "no_trading_symbol"
    EMERGING_GROWTH_COMPANY = "emerging_growth_company"
    ANNUAL_REPORT = "annual_report"
    QUARTERLY_REPORT = "quarterly_report"
    TRANSITION_REPORT = "transition_report"
    WELL_KNOWN_SEASONED_ISSUER = "well_known_seasoned_issuer"
    VOLUNTARY_FILER = "voluntary_filer"
    CURRENT_REPORTING_STATUS = "current_reporting_status"
    INTERACTIVE_DATA_CURRENT = "interactive_data_current"
    SHELL_COMPANY = "shell_company"
    FILER_CATEGORY = "filer_category"
    SMALL_BUSINESS = "small_business"
    ICFR_AUDITOR_ATTESTATION = "icfr_auditor_attestation"
    AUDITOR_NAME = "auditor_name"
    AUDITOR_LOCATION = "auditor_location"
    AUDITOR_FIRM_ID = "auditor_firm_id"
    ERROR_CORRECTION = "error_correction"
    FISCAL_YEAR_FOCUS = "fiscal_year_focus"
    FISCAL_PERIOD_FOCUS = "fiscal_period_focus"
    CURRENT_FISCAL_YEAR_END = "current_fiscal_year_end"
    SHARES_OUTSTANDING = "shares_outstanding"
    PUBLIC_FLOAT = "public_float"


@dataclass(frozen=True)
class CoverField:
    """A cover-page field: normalized value, where it is shown (if anywhere), and its origin."""

    name: CoverName
    value: str
    span: Span | None = None
    shown_as: str | None = None
    origin: str = "text"  # text | header | option


@dataclass(frozen=True)
class Security:
    """One class of securities a cover lists as registered under Section 12(b): its title, and
    the trading symbol and exchange printed beside it (`no_symbol` where a dash stands for none)."""

    title: CoverField
    symbol: CoverField | None = None
    exchange: CoverField | None = None
    no_symbol: CoverField | None = None

    @property
    def fields(self) -> tuple[CoverField, ...]:
        return tuple(f for f in (self.title, self.symbol, self.no_symbol, self.exchange) if f is not None)


@dataclass(frozen=True)
class CoverAmount:
    """A number a periodic report's cover states, at the date it gives: the shares outstanding
    (of one class, when the cover counts several) or the public float. `scale` is the power of ten
    the printed digits stand for ("$27.5 billion": 9); `decimals` is the precision printed."""

    name: CoverName  # SHARES_OUTSTANDING | PUBLIC_FLOAT
    value: Decimal
    day: date
    span: Span | None
    decimals: int
    scale: int = 0
    class_title: str | None = None


@dataclass(frozen=True)
class CoverPage:
    """Cover fields, and every registered security when the cover lists several (each then speaks
    for its own class of stock; `fields` holds the first of them, as it holds a lone one)."""

    fields: tuple[CoverField, ...] = ()
    combined_filing: bool = False  # several registrants file this one document
    securities: tuple[Security, ...] = ()
    amounts: tuple[CoverAmount, ...] = ()
    # an exhibit converted on its own, without the cover page of the form it was furnished with
    # (a press release): its fields come from the exhibit's text and the user's options
    standalone_exhibit: bool = False

    def get(self, name: CoverName) -> CoverField | None:
        return next((f for f in self.fields if f.name == name), None)

    def value(self, name: CoverName) -> str | None:
        f = self.get(name)
        return f.value if f else None


@dataclass(frozen=True)
class DocumentLayout:
    """Which lines of a document are tables (rendered as HTML tables) and which are page breaks."""

    doc: int
    grids: tuple[Grid, ...] = ()
    page_breaks: tuple[int, ...] = ()
    hidden_lines: tuple[int, ...] = field(default=())  # SGML markup lines with no reader value


@dataclass(frozen=True)
class Extraction:
    cover: CoverPage
    layouts: tuple[DocumentLayout, ...]
    statements: tuple[StatementTable, ...]
    left_out: tuple[LeftOut, ...] = ()  # columns, rows or statements the extractor could not read surely
