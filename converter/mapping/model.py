"""Typed output of the map stage: the fact model that both renderers (iXBRL and XBRL) draw from."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ..extract.model import PRINTED, Basis, Period, Span
from ..omissions import LeftOut

STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
TERSE_LABEL = "http://www.xbrl.org/2003/role/terseLabel"
TOTAL_LABEL = "http://www.xbrl.org/2003/role/totalLabel"


@dataclass(frozen=True)
class ConceptInfo:
    """What the taxonomy says about a concept (or what we declare for an extension concept)."""

    prefix: str
    name: str
    namespace: str
    period_type: str  # instant | duration
    balance: str | None  # debit | credit | None
    data_type: str  # prefixed type name, e.g. xbrli:monetaryItemType
    nillable: bool = True
    abstract: bool = False
    is_extension: bool = False
    deprecated: bool = False  # retired by the taxonomy: EDGAR warns on every use

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.name}"

    @property
    def kind(self) -> str:
        """monetary, shares, per_share, boolean, date, text... as our rules use them."""
        local = self.data_type.split(":")[-1]
        return {
            "monetaryItemType": "monetary",
            "sharesItemType": "shares",
            "perShareItemType": "per_share",
            "booleanItemType": "boolean",
            "trueItemType": "boolean",  # a flag that can only be true (dei:NoTradingSymbolFlag)
            "dateItemType": "date",
        }.get(local, "text")


@dataclass(frozen=True, order=True)
class Context:
    id: str
    period: Period
    cik: str
    dimensions: tuple[tuple[str, str], ...] = ()  # (axis qname, member qname), e.g. one class of stock


@dataclass(frozen=True, order=True)
class Unit:
    id: str
    numerator: str  # e.g. iso4217:USD
    denominator: str | None = None  # e.g. xbrli:shares


@dataclass(frozen=True)
class Display:
    """How a fact is shown in the iXBRL document; `span` None means it goes in ix:hidden."""

    span: Span | None
    format: str | None = None
    scale: int = 0
    sign_negative: bool = False  # iXBRL sign="-": the value is the negative of what is shown
    shown_text: str | None = None  # the text a hidden fact stands for (-sec-ix-hidden)
    span_for_reference: Span | None = None  # where that text is, for a hidden fact

    @property
    def hidden(self) -> bool:
        return self.span is None


class DecidedBy(StrEnum):
    """How a fact's concept was chosen."""

    RULE = "rule"  # a hand-written rule of taxonomy_map.yaml
    LEARNED = "learned_label"  # a printed label most filers tagged with one concept (FSDS)
    NAMESAKE = "namesake"  # a standard concept named like the printed label
    EXTENSION = "extension"  # no standard concept known: one of the filer's own, named after the label
    LABEL_FACT = "label_fact"  # a number written in a label (par value, shares issued)
    COVER = "cover"  # a cover-page field, by the cover rules
    OVERRIDE = "override"  # the user's overrides file


@dataclass(frozen=True)
class Decision:
    """Why a row or field got its concept, in words a reviewer can check, and how sure it is."""

    by: DecidedBy
    detail: str
    confidence: float


@dataclass(frozen=True)
class FactDecision:
    """Everything a fact's value rests on: its concept, its period and its scale."""

    concept: Decision
    period: Basis = PRINTED
    scale: Basis = PRINTED

    @property
    def confidence(self) -> float:
        return min(self.concept.confidence, self.period.confidence, self.scale.confidence)

    def reasons(self) -> str:
        return f"{self.concept.by.value}: {self.concept.detail}; period {self.period.text}; scale {self.scale.text}"


@dataclass(frozen=True)
class Fact:
    id: str
    concept: ConceptInfo
    context: Context
    unit: Unit | None
    value: Decimal | str | None  # None means xsi:nil
    decimals: int | None
    display: Display
    provenance: str  # human-readable "document 1, line 123, table t4 row 5 column 2"
    decision: FactDecision | None = None  # how the concept, period and scale were decided

    @property
    def is_numeric(self) -> bool:
        return self.unit is not None

    def value_text(self) -> str:
        """Lexical value for the XBRL instance."""
        if self.value is None:
            return ""
        if isinstance(self.value, Decimal):
            return format_decimal(self.value)
        return self.value


def format_decimal(value: Decimal) -> str:
    """Canonical plain-notation text of a Decimal, without exponent or trailing zeros."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Arc:
    parent: str  # concept qname
    child: str
    order: int
    weight: int = 1  # calculation arcs
    preferred_label: str | None = None  # presentation arcs
    arcrole: str | None = None  # definition arcs: which dimensional relationship (XDT arcrole)


@dataclass(frozen=True)
class Role:
    """An extended link role: one statement (or the cover), with its presentation and calculations."""

    id: str
    uri: str
    definition: str
    presentation: tuple[Arc, ...]
    calculation: tuple[Arc, ...] = ()
    definition_arcs: tuple[Arc, ...] = ()  # dimensional relationships (definition linkbase)


@dataclass(frozen=True)
class FactModel:
    cik: str
    prefix: str
    namespace: str
    date_stamp: str  # yyyymmdd used in file names
    title: str
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    extension_concepts: tuple[ConceptInfo, ...]
    labels: tuple[tuple[str, str, str], ...]  # (concept qname, label role, text)
    roles: tuple[Role, ...]
    schema_imports: tuple[tuple[str, str], ...]  # (namespace, schema URL)
    namespaces: tuple[tuple[str, str], ...]  # (prefix, namespace) of every concept used
    left_out: tuple[LeftOut, ...] = ()  # parts of the filing not tagged, from every stage, with reasons

    @property
    def base_name(self) -> str:
        return f"{self.prefix}-{self.date_stamp}"

    @property
    def has_dimensions(self) -> bool:
        return any(c.dimensions for c in self.contexts)
