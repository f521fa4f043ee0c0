"""Read inline XBRL filings as label observations: which concept each filer tagged the rows of its
primary statements with. The modern source beside the FSDS of 2009-2010 (tools/fsds.py), which know
no concept introduced since (leases, revenue from contracts with customers).

A row's statement kind and label are the converter's own reading of the filing with its ix tags
stripped (ingest and extract, as the fidelity bench converts it), so what is learned is keyed the way
the converter looks it up. The row's concept is the one tagged on its amounts: an ix:nonFraction in
a non-dimensional context, inside an HTML table row printing the same label, for the period and
value the converter read in the row's columns. Label, period and value must all agree, so a number
that merely equals another line's (total assets and total liabilities and equity) is never taken for
it; a row whose columns name different concepts, or several, says nothing. A filer's own extension
concepts count as "" (it chose no standard concept), as in the FSDS source.
"""

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lxml import etree

from bench.truth import IX, inline_document, ix_value, nondimensional_contexts, strip_inline_tags
from converter.extract import extract
from converter.extract.model import Period, StatementKind, StatementRow, StatementTable
from converter.ingest import parse_submission
from converter.mapping.rules import label_key
from tools.label_learning import Observation, filer_key

STANDARD_PREFIX = "us-gaap"
# (label key of the table row, period, magnitude) -> the concepts tagged there ("" for an extension)
TaggedAmounts = dict[tuple[str, Period, Decimal], frozenset[str]]


@dataclass(frozen=True)
class InlineFiling:
    """What one inline XBRL filing teaches: its filer (a CIK key), the filer's names, and which
    concept it tagged each statement row with."""

    cik: str
    names: tuple[str, ...]
    observations: tuple[Observation, ...]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _row_label(element) -> str:
    """Label key of the HTML table row an element sits in: the row's first cell with a letter."""
    row = next((a for a in element.iterancestors() if _local(a.tag) == "tr"), None)
    cells = [] if row is None else [c for c in row if _local(c.tag) in ("td", "th")]
    return next((label_key(t) for t in map(_text, cells) if re.search("[A-Za-z]", t)), "")


def tagged_amounts(root) -> TaggedAmounts:
    """The numbers of an inline XBRL document tagged in non-dimensional contexts inside table rows,
    by the row's label key, the context's period and the value's magnitude."""
    contexts = nondimensional_contexts(root)
    found: dict[tuple[str, Period, Decimal], set[str]] = defaultdict(set)
    for element in root.iter(f"{IX}nonFraction"):
        start, end = contexts.get(element.get("contextRef"), (None, None))
        value = ix_value(element)
        label = _row_label(element) if end and value else ""
        if label:
            name = element.get("name") or ""
            concept = name if name.partition(":")[0] == STANDARD_PREFIX else ""
            found[(label, Period(end, start), abs(value).normalize())].add(concept)
    return {key: frozenset(concepts) for key, concepts in found.items()}


def row_concept(table: StatementTable, row: StatementRow, tagged: TaggedAmounts) -> str | None:
    """The one concept tagged on the row's amounts as the converter read them (label, period and
    value), "" for the filer's own extension, None when no amount is tagged or they disagree."""
    label = label_key(row.label)
    exponent = table.exponent_of(row)
    named = [
        tagged.get((label, row.period_in(column), amount.magnitude.scaleb(exponent).normalize()))
        for column, amount in zip(table.columns, row.values, strict=True)
        if amount is not None and amount.magnitude
    ]
    agreed = frozenset.intersection(*(n for n in named if n)) if any(named) else frozenset()
    return next(iter(agreed)) if len(agreed) == 1 else None


def _cover(root) -> dict[str, str]:
    """The first dei:EntityCentralIndexKey and dei:EntityRegistrantName the document tags."""
    found: dict[str, str] = {}
    for element in root.iter(f"{IX}nonNumeric"):
        name = (element.get("name") or "").partition(":")
        if name[0] == "dei" and name[2] in ("EntityCentralIndexKey", "EntityRegistrantName"):
            found.setdefault(name[2], _text(element))
    return found


def read_filing(path: Path, cik: str = "", company: str = "") -> InlineFiling | None:
    """Observations of an inline XBRL filing (a document, or an SGML submission holding one) by
    the filer `cik`, else the CIK its cover tags; None when it is no inline XBRL or names no CIK."""
    document = inline_document(path)
    if document is None:
        return None
    root = etree.fromstring(document, etree.XMLParser(recover=True, huge_tree=True))
    cover = _cover(root)
    filer = filer_key(cik or re.sub(r"\D", "", cover.get("EntityCentralIndexKey", "")))
    if filer == "0":
        return None
    tagged = tagged_amounts(root)
    statements = extract(parse_submission(strip_inline_tags(path.read_bytes()), str(path))).statements
    observations = {
        Observation(filer, table.kind, label_key(row.resolved_label or row.label), concept)
        for table in statements
        if table.kind is not StatementKind.OTHER
        for row in table.rows
        if (concept := row_concept(table, row, tagged)) is not None and label_key(row.resolved_label or row.label)
    }
    names = tuple(sorted({n for n in (company, cover.get("EntityRegistrantName", "")) if n}))
    return InlineFiling(filer, names, tuple(sorted(observations)))


def inline_filings(corpus: Path) -> list[dict[str, str]]:
    """MANIFEST.tsv rows of a corpus's inline XBRL filings that are present."""
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        r
        for r in rows
        if r.get("kind") == "filing"
        and "inline xbrl" in r.get("format", "").lower()
        and (corpus / r["local"]).is_file()
    ]


def read_observations(corpora: Iterable[Path]) -> tuple[list[Observation], dict[str, tuple[str, ...]]]:
    """Distinct observations of every inline XBRL filing of the corpora, and each filer's names
    (MANIFEST.tsv's company, the registrant name its cover tags)."""
    observations: set[Observation] = set()
    names: dict[str, set[str]] = defaultdict(set)
    for corpus in corpora:
        for row in inline_filings(corpus):
            filing = read_filing(corpus / row["local"], row.get("cik", "").strip(), row.get("company", "").strip())
            if filing is not None:
                observations.update(filing.observations)
                names[filing.cik].update(filing.names)
    return sorted(observations), {cik: tuple(sorted(n)) for cik, n in names.items()}
