"""What XBRL 2.1 rejects in a fact, checked before the fact joins the model.

A concept fixes its period type, its data type and whether it may be nil; two facts of one concept,
context and unit must agree (inconsistent duplicates). A fact that breaks one of these would make
the whole filing invalid, so the builder asks here first and leaves such a fact out, with the
reason, instead of writing an output Arelle refuses.
"""

import re
from decimal import Decimal

from ..extract.model import Period, UnitKind
from .model import ConceptInfo, Fact, format_decimal

NUMERIC_KINDS = frozenset(kind.value for kind in UnitKind)  # ConceptInfo.kind of the concepts that take a unit
_A = {"instant": "an instant", "duration": "a duration"}
_LEXICAL = {"boolean": re.compile(r"true|false"), "date": re.compile(r"\d{4}-\d{2}-\d{2}")}  # XML Schema forms


def period_type(period: Period) -> str:
    return "instant" if period.is_instant else "duration"


def describe_period(period: Period) -> str:
    return f"{period.end}" if period.is_instant else f"{period.start} to {period.end}"


def describe_value(value: Decimal | str | None) -> str:
    if value is None:
        return "nil"
    if isinstance(value, Decimal):
        return format_decimal(value)
    text = " ".join(value.split())
    return repr(text if len(text) <= 40 else text[:37] + "...")


def misfit(concept: ConceptInfo, period: Period, unit: UnitKind | None, value: Decimal | str | None) -> str | None:
    """Why `concept` cannot carry this fact (XBRL 2.1 4.7.2, 4.8.2, 4.6.1, 4.9; nil per its
    schema; a boolean or date written as XML Schema writes them), or None when it can."""
    if concept.abstract:
        return f"{concept.qname} is abstract and carries no facts"
    if concept.period_type != period_type(period):
        return f"{concept.qname} is a {concept.period_type} concept, and this value is for {_A[period_type(period)]}"
    if unit is not None and concept.kind != unit.value:
        return f"{concept.qname} is of type {concept.data_type}, and this value is in {unit.value} units"
    if unit is None and concept.kind in NUMERIC_KINDS:
        return f"{concept.qname} is of type {concept.data_type}, and this value has no unit"
    if value is None and not concept.nillable:
        return f"{concept.qname} may not be nil, and the filing shows no value"
    lexical = _LEXICAL.get(concept.kind)
    if lexical is not None and isinstance(value, str) and not lexical.fullmatch(value):
        return f"{concept.qname} is of type {concept.data_type}, and {describe_value(value)} is not one"
    return None


def _interval(fact: Fact) -> tuple[Decimal, Decimal]:
    """The values a numeric fact stands for: half a unit of its last decimal either side."""
    half = Decimal(5).scaleb(-fact.decimals - 1) if fact.decimals is not None else Decimal(0)
    return fact.value - half, fact.value + half


def consistent(a: Fact, b: Fact) -> bool:
    """Two facts of one concept, context and unit do not contradict each other (XBRL Duplicate
    Facts 1.0): equal values, or numbers of different precision whose rounding intervals overlap."""
    if a.value == b.value and (a.decimals == b.decimals or not isinstance(a.value, Decimal)):
        return True
    if not (isinstance(a.value, Decimal) and isinstance(b.value, Decimal)) or a.decimals == b.decimals:
        return False
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    return a_low <= b_high and b_low <= a_high
