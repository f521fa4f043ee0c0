"""Who the registrant is, where the cover prints it without the usual captions.

Besides "(Exact name of registrant as specified in its charter)" under the name, covers print the
name and state of incorporation under column headings ("Exact Name of Registrant as Specified in its
Charter, ..." over the row of values), in a phrase ("An Illinois Corporation"), or as a bare line
that the signatures confirm: "the registrant has duly caused this report to be signed on its behalf"
is followed by the registrant's name above "By: /s/ ...".
"""

import re

from ..ingest.model import SourceDocument
from .cover_text import CoverText, Segment
from .model import CoverField, CoverName, Span
from .places import STATE_NAME_PATTERN, incorporation_code, state_code

_REGISTRANT_HEADING = re.compile(r"\b(?:name\s+of\s+)?registrant\b", re.I)
_INCORPORATION_HEADING = re.compile(r"\bstate\s+(?:or\s+other\s+jurisdiction\s+)?of\s+incorporation\b", re.I)
_INCORPORATED_AS = re.compile(rf"^an?\s+(?P<state>{STATE_NAME_PATTERN})\s+corporation$", re.I)
_DULY_SIGNED = re.compile(r"duly\s+caused\s+this\s+(?:report|statement|amendment)", re.I)
_SIGNER = re.compile(r"^\s*(?:by\b|date\b|/s/)", re.I)
_SIGNED_NAME_LINES = 4


def heading_row(cover: CoverText) -> dict[CoverName, CoverField]:
    """Registrant name and state of incorporation printed under column headings: the cell below a
    heading that names the registrant (its first paragraph), and the cell below one for the state
    of incorporation. When the registrant's heading lists the state next ("Registrant; State of
    Incorporation; Address ..."), a state alone on the next line below the row is that state."""
    for i, line in enumerate(cover.lines[:-1]):
        if "(" in line or not _REGISTRANT_HEADING.search(line):
            continue
        headings = cover.segments(i)
        registrant = next((h for h in headings if _REGISTRANT_HEADING.search(h.text)), None)
        row = next((j for j in range(i + 1, min(i + 3, len(cover.lines))) if cover.lines[j].strip()), None)
        if registrant is None or len(headings) < 2 or row is None or len(cover.segments(row)) < 2:
            continue
        found: dict[CoverName, CoverField] = {}
        name = _under(cover, row, registrant, headings)
        if name is not None:
            first = cover.paragraphs(name)[0]
            found[CoverName.REGISTRANT_NAME] = CoverField(
                CoverName.REGISTRANT_NAME, first, cover.span(row, name.start, name.start + len(first))
            )
        state = next((h for h in headings if _INCORPORATION_HEADING.search(h.text)), None)
        value = _under(cover, row, state, headings) if state is not None and state != registrant else None
        if state is registrant or state is None and _INCORPORATION_HEADING.search(registrant.text):
            value = _lone_line_after(cover, row)
        field = _incorporation(cover, value)
        if field:
            found[CoverName.INCORPORATION_STATE] = field
        return found
    return {}


def _under(cover: CoverText, row: int, heading: Segment, headings: list[Segment]) -> Segment | None:
    mine = [s for s in cover.segments(row) if cover.in_column(s, heading, headings)]
    return mine[0] if len(mine) == 1 else None


def _lone_line_after(cover: CoverText, row: int) -> Segment | None:
    for j in range(row + 1, min(row + 3, len(cover.lines))):
        segments = cover.segments(j)
        if segments:
            return segments[0] if len(segments) == 1 else None
    return None


def _incorporation(cover: CoverText, segment: Segment | None) -> CoverField | None:
    code = incorporation_code(segment.text) if segment else None
    if segment is None or code is None:
        return None
    span = cover.span(segment.line, segment.start, segment.end)
    return CoverField(CoverName.INCORPORATION_STATE, code, span, segment.text)


def incorporated_as(cover: CoverText) -> CoverField | None:
    """ "An Illinois Corporation" printed on the cover in a cell of its own."""
    for i in range(len(cover.lines)):
        for segment in cover.segments(i):
            m = _INCORPORATED_AS.match(segment.text)
            if m:
                start = segment.start + m.start("state")
                span = cover.span(i, start, start + len(m["state"]))
                return CoverField(CoverName.INCORPORATION_STATE, state_code(m["state"]) or "", span, m["state"])
    return None


def signed_name(doc: SourceDocument) -> tuple[str, Span] | None:
    """The registrant's name as the signatures print it, above "By: /s/ ..."."""
    for i, line in enumerate(doc.lines):
        if not _DULY_SIGNED.search(line):
            continue
        for j in range(i + 1, min(i + 1 + _SIGNED_NAME_LINES, len(doc.lines))):
            text = doc.lines[j].strip()
            if not text:
                continue
            signer = next((k for k in range(j + 1, min(j + 3, len(doc.lines))) if doc.lines[k].strip()), None)
            if _SIGNER.match(text) or "\t" in text or signer is None or not _SIGNER.match(doc.lines[signer]):
                break
            start = doc.lines[j].find(text)
            return text, Span(doc.index, j, start, start + len(text))
    return None


def confirmed_name(cover: CoverText, doc: SourceDocument) -> CoverField | None:
    """A bare cover line the signatures confirm as the registrant's name (else the signed name)."""
    signed = signed_name(doc)
    if signed is None:
        return None
    name, span = signed
    wanted = " ".join(name.split()).casefold()
    for i in range(len(cover.lines)):
        segments = cover.segments(i)
        if len(segments) == 1 and " ".join(segments[0].text.split()).casefold() == wanted:
            s = segments[0]
            return CoverField(CoverName.REGISTRANT_NAME, s.text, cover.span(i, s.start, s.end))
    return CoverField(CoverName.REGISTRANT_NAME, name, span)
