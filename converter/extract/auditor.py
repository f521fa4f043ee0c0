"""The auditor an annual report names: the firm that signs the report of the independent
registered public accounting firm, the city under its signature, and its PCAOB firm ID.

EDGAR requires these dei facts on 10-K covers since December 2021; they are read where the filing
prints them (the audit report may live in an EX-13), never completed from elsewhere.
"""

import re

from ..ingest.model import SourceDocument
from .model import CoverField, CoverName, Span

_REPORT = re.compile(r"report\s+of\s+independent\s+registered\s+public\s+accounting\s+firm", re.I)
_SIGNATURE = re.compile(
    r"^\s*/s/\s*(?P<firm>[A-Z][\w&.,' -]{2,100}?\b(?:LLP|L\.L\.P\.|LLC|PLLC|P\.C\.|PC|CPAs?|Chartered|Co\.|Ltd\.?))\s*$"
)
_LOCATION = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z.' -]+,\s*[A-Z][A-Za-z.' ]+?)\s*$")
_FIRM_ID = re.compile(r"\bPCAOB\s+(?:Firm\s+)?ID(?:\s*(?:No\.?|Number|#))?\s*:?\s*(?P<id>\d{1,6})\b", re.I)
_REPORT_LINES = 400  # from the report's heading to its signature
_PLACE_LINES = 4  # the city follows the signature, perhaps after "We have served as ... since"


def _signature(doc: SourceDocument) -> tuple[int, re.Match] | None:
    for i, line in enumerate(doc.lines):
        if not _REPORT.search(line):
            continue
        for j in range(i + 1, min(i + _REPORT_LINES, len(doc.lines))):
            m = _SIGNATURE.match(doc.lines[j])
            if m:
                return j, m
    return None


def _place(doc: SourceDocument, signature: int) -> CoverField | None:
    for j in range(signature + 1, min(signature + 1 + _PLACE_LINES, len(doc.lines))):
        m = _LOCATION.match(doc.lines[j])
        if m and not re.search(r"\d", m["place"]):
            place = " ".join(m["place"].replace(" ,", ",").split())
            return CoverField(
                CoverName.AUDITOR_LOCATION, place, Span(doc.index, j, m.start("place"), m.end("place")), m["place"]
            )
    return None


def _firm_id(documents: tuple[SourceDocument, ...]) -> CoverField | None:
    for doc in documents:
        for i, line in enumerate(doc.lines):
            m = _FIRM_ID.search(line)
            if m and int(m["id"]):
                span = Span(doc.index, i, m.start("id"), m.end("id"))
                return CoverField(CoverName.AUDITOR_FIRM_ID, str(int(m["id"])), span, m["id"])
    return None


def auditor_fields(documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    """Auditor name, location and PCAOB ID, each only when printed."""
    for doc in documents:
        found = _signature(doc)
        if found is None:
            continue
        line, m = found
        name = CoverField(CoverName.AUDITOR_NAME, m["firm"], Span(doc.index, line, m.start("firm"), m.end("firm")))
        return [f for f in (name, _place(doc, line), _firm_id(documents)) if f]
    firm_id = _firm_id(documents)
    return [firm_id] if firm_id else []
