"""Decide what each statement's amounts of money are in, from all the evidence: the currency (its
headings' words, the marks beside its amounts, what the filing says of itself) and the scale (its
own words; the amounts the filing restates in prose and its other statements print; for share
counts, net income = earnings per share x shares).

Words decide unless the filing's own figures contradict them. A statement without scale words is
in actual units, as reports print when they state no scale, unless the figures say otherwise or
the document states a scale for its other statements (then the words were somewhere we did not
read). A statement whose scale or currency stays open is left out and reported, never guessed.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..ingest.model import SourceDocument
from ..omissions import LeftOut, PartKind
from .currency import USD, codes_of, currencies_in, is_dollar, reporting_currency
from .label_facts import label_facts_of
from .model import Basis, DocumentLayout, Scale, ScaleSource, StatementTable, UnitKind
from .prose_figures import ProseFigure, prose_figures
from .scale import states_scale
from .scale_evidence import (
    DECISIVE_WEIGHT,
    PrintedAmount,
    ScaleEvidence,
    income_minus_shares_exponent,
    weigh_scale,
)

DOMINANT_SHARE = 0.9  # a filing prints its amounts in one currency when this share of them is in it
SHARE_EXPONENTS = (0, 3, 6)
EVIDENCE_CONFIDENCE = 0.9  # no scale printed, the filing's figures decide it
CONVENTION_CONFIDENCE = 0.7  # no scale printed and nothing confirms actual units: listed for a person to check


@dataclass(frozen=True)
class FilingMoney:
    """What a filing says of money as a whole: what a bare "$" means, and the one currency it
    prints its amounts in (None when it prints several)."""

    dollar: str
    currency: str | None
    currencies: tuple[str, ...]  # every currency its amounts are printed in, most used first


def filing_money(
    documents: Sequence[SourceDocument], figures: Sequence[ProseFigure], titles: Sequence[str]
) -> FilingMoney:
    """The filing's dollar and currency, from its own statement ("amounts are expressed in
    Canadian dollars"), else from the currencies of its prose figures and statement titles."""
    reporting = reporting_currency(line for doc in documents for line in doc.lines)
    dollar = reporting if reporting and is_dollar(reporting) else USD
    counts: Counter[str] = Counter(code for title in titles for code in currencies_in(title, dollar))
    for figure in figures:
        codes = codes_of(figure.currency, dollar)
        if len(codes) == 1:
            counts.update(codes)
    ordered = tuple(code for code, _ in counts.most_common())
    total = sum(counts.values())
    dominant = ordered[0] if ordered and counts[ordered[0]] >= DOMINANT_SHARE * total else None
    return FilingMoney(dollar, reporting or dominant, ordered)


def _value_cells_text(table: StatementTable) -> str:
    columns = {c.grid_col for c in table.columns}
    return " ".join(c.text for r in table.grid.rows for i, c in enumerate(r.cells) if i in columns)


def statement_currency(table: StatementTable, filing: FilingMoney) -> tuple[str | None, str]:
    """The statement's currency, or None and why: named in its headings ("Amounts in million
    EUR"), else marked beside its amounts ("$", "€"), else the filing's one currency."""
    named = currencies_in(table.title, filing.dollar)
    if len(named) > 1:
        return None, f"its headings name several currencies ({', '.join(sorted(named))})"
    marked = named or currencies_in(_value_cells_text(table), filing.dollar)
    if len(marked) == 1:
        return next(iter(marked)), ""
    if len(marked) > 1:
        return None, f"its amounts are marked in several currencies ({', '.join(sorted(marked))})"
    if filing.currency:
        return filing.currency, ""
    printed = ", ".join(filing.currencies) or "none"
    return None, f"it names no currency and the filing prints amounts in several ({printed})"


def _amounts(table: StatementTable) -> list[PrintedAmount]:
    return [
        PrintedAmount(v.magnitude, v.decimals_shown, row.resolved_label or row.label)
        for row in table.rows
        if row.unit_kind is UnitKind.MONETARY and row.exponent is None
        for v in row.values
        if v is not None and not v.is_dash
    ]


def _as_figures(table: StatementTable) -> list[ProseFigure]:
    """A statement whose words state its scale, as figures another statement's amounts can be
    checked against (the same balance printed by two statements)."""
    exponent = table.scale.monetary
    return [
        ProseFigure(a.magnitude.scaleb(exponent), exponent - a.decimals, table.currency, a.label.lower(), 0, exponent)
        for a in _amounts(table)
    ]


def _rescaled(table: StatementTable, exponent: int, evidence: ScaleEvidence, how: str) -> StatementTable:
    scale = table.scale
    shares = scale.shares if scale.shares_stated else exponent
    basis = Basis(f"no scale printed; {how} x10^{exponent} ({evidence.describe()})", EVIDENCE_CONFIDENCE)
    new = replace(scale, monetary=exponent, shares=shares, source=ScaleSource.EVIDENCE, basis=basis)
    return replace(table, scale=new)


def _with_share_scale(table: StatementTable) -> StatementTable:
    """Share counts scaled as net income / earnings per share says, when the words do not say."""
    if table.scale.shares_stated:
        return table
    difference = income_minus_shares_exponent(table.rows)
    shares = None if difference is None else table.scale.monetary - difference
    if shares not in SHARE_EXPONENTS:
        return table
    return replace(table, scale=replace(table.scale, shares=shares, shares_stated=True))


def _relabelled(table: StatementTable, before: Scale) -> StatementTable:
    """The numbers in the statement's labels read again when its exponents changed. An equity
    statement read by components took its share counts from a column of its own (equity.py): those
    cannot be read again here, so only its per-share amounts, which no scale touches, are kept."""
    scale = table.scale
    if (scale.monetary, scale.shares, scale.shares_stated) == (before.monetary, before.shares, before.shares_stated):
        return table
    if any(r.period is not None for r in table.rows):
        kept = tuple(f for f in table.label_facts if f.unit_kind is UnitKind.PER_SHARE)
        return replace(table, label_facts=kept)
    return replace(table, label_facts=label_facts_of(table))


def _describe(table: StatementTable) -> str:
    return f"'{table.name or table.kind.value}' ({table.id})"


def decide_scale(
    table: StatementTable, figures: Sequence[ProseFigure], stated: Sequence[StatementTable]
) -> tuple[StatementTable | None, str]:
    """The statement with its scale decided by its words and the figures (prose figures of its
    document, in its currency, that say how large they are), or None and why it stays open. A
    statement without words is checked against the statements with words (`stated`) too."""
    amounts = _amounts(table)
    if table.scale.stated:
        evidence = weigh_scale(amounts, figures)
        if evidence.exponent is not None and evidence.exponent != table.scale.monetary:
            return None, (
                f"its headings say '{table.scale.phrase}' (x10^{table.scale.monetary}) but the amounts the filing "
                f"restates say x10^{evidence.exponent} ({evidence.describe()})"
            )
        return replace(table, scale=replace(table.scale, basis=Basis(f"its headings say '{table.scale.phrase}'"))), ""
    others = [f for t in stated if t.id != table.id and t.currency == table.currency for f in _as_figures(t)]
    evidence = weigh_scale(amounts, (*figures, *others))
    if evidence.exponent is not None:
        return _rescaled(table, evidence.exponent, evidence, "the amounts the filing restates say"), ""
    if any(evidence.weight(e) >= DECISIVE_WEIGHT for e, _ in evidence.weights if e):
        return (
            None,
            f"its headings state no scale and the amounts the filing restates do not settle it ({evidence.describe()})",
        )
    return table, ""


def _telling_figures(figures: Sequence[ProseFigure], table: StatementTable, filing: FilingMoney) -> list[ProseFigure]:
    """The prose figures a statement's scale is weighed against: in its currency, and saying in
    themselves how large they are."""
    return [f for f in figures if f.absolute and codes_of(f.currency, filing.dollar) == {table.currency}]


def _scaled(table: StatementTable) -> bool:
    """A titled statement whose amounts are known not to be in units by mere convention."""
    source = table.scale.source
    evidence = source is ScaleSource.EVIDENCE and table.scale.monetary
    return bool(table.name) and (source is ScaleSource.WORDS or bool(evidence))


def by_convention(table: StatementTable, printed: Sequence[ProseFigure]) -> StatementTable:
    """A statement no words or figures scale, in a document that states no scale anywhere: in
    actual units, as statements that state none are; confirmed when its prose restates its amounts
    as printed ("net loss of $27,368"), else listed as low confidence."""
    evidence = weigh_scale(_amounts(table), printed)
    if evidence.exponent == 0:
        return _rescaled(table, 0, evidence, "its document states no scale and its prose restates it as printed:")
    basis = Basis("no scale printed and none restated: read in actual units by convention", CONVENTION_CONFIDENCE)
    return replace(table, scale=replace(table.scale, basis=basis))


def _currencies(statements, filing: FilingMoney) -> tuple[list[StatementTable], list[LeftOut]]:
    kept, left = [], []
    for table in statements:
        currency, why = statement_currency(table, filing)
        if currency is None:
            left.append(LeftOut(PartKind.STATEMENT, _describe(table), f"the currency of its amounts is unclear: {why}"))
        else:
            kept.append(replace(table, currency=currency))
    return kept, left


def decide_money(
    statements: Sequence[StatementTable], documents: Sequence[SourceDocument], layouts: Sequence[DocumentLayout]
) -> tuple[tuple[StatementTable, ...], tuple[LeftOut, ...]]:
    """Every statement with its currency and scale decided; those left open, left out with why.

    A statement read in units only because it states no scale stays so only while nothing shows
    its document's statements are scaled (words over the others, or figures that scale one)."""
    figures = {layout.doc: prose_figures(documents[layout.doc].lines, layout) for layout in layouts}
    filing = filing_money(documents, [f for fs in figures.values() for f in fs], [t.title for t in statements])
    before = {t.id: t.scale for t in statements}
    kept, left = _currencies(statements, filing)
    stated = tuple(t for t in kept if t.scale.stated)
    decided: list[StatementTable] = []
    for table in kept:
        result, why = decide_scale(table, _telling_figures(figures.get(table.grid.doc, ()), table, filing), stated)
        if result is None:
            left.append(LeftOut(PartKind.STATEMENT, _describe(table), f"its scale is open: {why}"))
        else:
            decided.append(result)
    scaled_documents = {t.grid.doc for t in (*statements, *decided) if _scaled(t)}
    unscaled = {doc: not any(map(states_scale, documents[doc].lines)) for doc in {t.grid.doc for t in decided}}
    out: list[StatementTable] = []
    for table in decided:
        doc = table.grid.doc
        if table.scale.source is ScaleSource.UNSTATED and doc in scaled_documents:
            why = "its headings state none while its document's other statements are scaled, and no amount decides it"
            left.append(LeftOut(PartKind.STATEMENT, _describe(table), f"its scale is open: {why}"))
            continue
        if table.scale.source is ScaleSource.UNSTATED:
            printed = [f for f in figures.get(doc, ()) if not f.absolute] if unscaled[doc] else []
            table = by_convention(table, printed)
        out.append(_relabelled(_with_share_scale(table), before[table.id]))
    return tuple(out), tuple(left)
