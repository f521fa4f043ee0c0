"""Taxes an other-comprehensive-income line says it is net of: "Currency translation adjustments,
net of deferred taxes of $(29), $310 and $76"; "..., net of taxes of $31 in 2023, $330 in 2022 and
$340 in 2021"; "..., net of income tax (expense) benefit of $(7) million, $0, and $0, respectively".

The amounts belong to the statement's columns: one per column in the columns' order, or each dated
by its fiscal year when every year names one column; any other count is not paired by guess. What
the line is (translation, benefit plans, cash flow hedges, securities) is read from the label, else
from the heading it sits under, and must be one of them. Amounts keep their printed sign with what
the words say a positive one is: the unparenthesized word of "(expense) benefit" or "expense
(benefit)", in the label or else in a heading; the mapping stage signs them by the concept's balance.
"""

import re
from dataclasses import replace
from decimal import Decimal

from .calendar import fiscal_year_of
from .model import (
    INCOME_STATEMENTS,
    Cell,
    Column,
    LabelFact,
    LabelKind,
    LabelSubject,
    Period,
    StatementTable,
    TaxDirection,
    UnitKind,
)
from .scale import magnitude_exponent

_SUBJECTS = (
    (LabelSubject.TRANSLATION, re.compile(r"\btranslation\b", re.I)),
    (
        LabelSubject.BENEFIT_PLANS,
        re.compile(
            r"\b(?:pensions?|post-?retirement|retirement|benefit\s+(?:plans?|obligations?)|actuarial|prior\s+service)\b",
            re.I,
        ),
    ),
    (LabelSubject.CASH_FLOW_HEDGES, re.compile(r"\bcash[\s-]+flow\s+hedg", re.I)),
    (LabelSubject.SECURITIES, re.compile(r"\bavailable[\s-]+for[\s-]+sale\b|\bsecurities\b", re.I)),
)
_OTHER_HEDGES = re.compile(r"\b(?:net\s+investment|fair\s+value)\s+hedg", re.I)
_RECLASSIFICATION = re.compile(
    r"\breclassif|\b(?:realized|included|recognized)\b.*\b(?:in(?:to)?|to)\s+net\s+(?:income|earnings|loss)", re.I
)
_WHOLE_CHANGE = re.compile(r"^\s*(?:net\s+change|total|change)\b", re.I)
_TAX_PHRASE = r"\bnet\s+of\s+(?:[a-z]+\s+){0,2}tax(?:es)?\b"
# in a label: "net of deferred taxes of", "net of income tax (expense) benefit of", "net of tax benefit of"
_NET_OF_TAX = re.compile(_TAX_PHRASE + r"(?P<words>[^$\d;]{0,40}?)\bof\s+", re.I)
# in a heading: "Other comprehensive income (loss), net of tax (expense) benefit:"
_TAX_WORDS = re.compile(_TAX_PHRASE + r"(?P<words>[^$\d:;]{0,40})", re.I)
_AMOUNT = re.compile(
    r"(?P<open>\()?\s*\$\s?(?P<paren>\()?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*\))?"
    r"(?:\s+(?P<word>thousand|million|billion))?(?:\s+(?:in|for)\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*", re.I)


def _subjects(text: str) -> set[LabelSubject | None]:
    """The subjects a text names; None among them for a hedge that is none of ours (net investment,
    fair value)."""
    found: set[LabelSubject | None] = {subject for subject, pattern in _SUBJECTS if pattern.search(text)}
    return found | {None} if _OTHER_HEDGES.search(text) else found


def _subject(text: str) -> LabelSubject | None:
    found = _subjects(text)
    return found.pop() if len(found) == 1 else None


def _kind(label: str, subject_in_label: bool) -> LabelKind:
    """The line's whole change, its reclassification out of AOCI, or (a line under the subject's
    heading that is neither: "Deferred gains (losses)") its change before reclassification."""
    if _RECLASSIFICATION.search(label):
        return LabelKind.RECLASSIFICATION_TAX
    if subject_in_label or _WHOLE_CHANGE.match(label):
        return LabelKind.TAX
    return LabelKind.BEFORE_RECLASSIFICATION_TAX


def _direction(words: str) -> TaxDirection:
    """What a positive printed amount is, by the unparenthesized word of "(expense) benefit"."""
    plain = re.sub(r"\([^)]*\)", " ", words).lower()
    named = re.findall(r"\b(benefits?|expenses?|provisions?)\b", plain)
    if not named:
        return TaxDirection.UNSTATED
    return TaxDirection.BENEFIT if named[0].startswith("benefit") else TaxDirection.EXPENSE


def _amounts(text: str, start: int) -> list[re.Match]:
    """The amounts listed from `start` ("$(29), $310 and $76"), each joined to the next by a comma or "and"."""
    found: list[re.Match] = []
    at = start
    while (m := _AMOUNT.match(text, at)) is not None:
        found.append(m)
        join = _JOIN.match(text, m.end())
        if join is None:
            break
        at = join.end()
    return found


def _periods(amounts: list[re.Match], columns: tuple[Column, ...]) -> list[Period] | None:
    periods = list(dict.fromkeys(c.period for c in columns))
    if any(p.is_instant for p in periods):
        return None
    if all(m["year"] for m in amounts):
        by_year = [[p for p in periods if fiscal_year_of(p.end) == int(m["year"])] for m in amounts]
        return [found[0] for found in by_year] if all(len(found) == 1 for found in by_year) else None
    if any(m["year"] for m in amounts) or len(amounts) != len(periods):
        return None
    return periods


def _facts(grid_row: int, cell: Cell, sections: tuple[str, ...], table: StatementTable) -> list[LabelFact]:
    text = cell.text
    phrase = _NET_OF_TAX.search(text)
    if phrase is None:
        return []
    label = text[: phrase.start()]
    named = _subjects(label)
    heading = "" if named else next((s for s in reversed(sections) if _subjects(s)), "")
    subject = _subject(label) if named else _subject(heading)
    amounts = _amounts(text, phrase.end())
    periods = _periods(amounts, table.columns) if amounts and subject else None
    if periods is None:
        return []
    direction = _direction(phrase["words"])
    if direction is TaxDirection.UNSTATED:
        direction = _direction(next((m["words"] for s in reversed(sections) if (m := _TAX_WORDS.search(s))), ""))
    kind = _kind(label, not heading)
    facts = []
    for m, period in zip(amounts, periods, strict=True):
        span = cell.span_at(m.start("num"), m.end("num"))
        if span is None:
            return []
        printed = Decimal(m["num"].replace(",", ""))
        signed = -printed if (m["open"] or m["paren"]) else printed
        exponent = magnitude_exponent(m["word"]) if m["word"] else table.scale.monetary
        decimals = len(m["num"].split(".")[1]) if "." in m["num"] else 0
        money = UnitKind.MONETARY
        fact = LabelFact(grid_row, subject, kind, signed, money, exponent, (period,), span, m["num"], decimals)
        facts.append(replace(fact, tax_direction=direction))
    return facts


def oci_taxes(table: StatementTable) -> tuple[LabelFact, ...]:
    """The taxes the other-comprehensive-income lines of a statement of (comprehensive) income
    state they are net of, one fact per amount and column."""
    if table.kind not in INCOME_STATEMENTS:
        return ()
    facts: list[LabelFact] = []
    for row in table.rows:
        if "tax" in row.label_cell.text.lower():
            facts.extend(_facts(row.grid_row, row.label_cell, row.sections, table))
    return tuple(facts)
