"""Cover-page fields from the text of a filing's cover page, falling back on the SEC header.

Cover pages print each value above (or before) a parenthesized caption, in one to three
columns: "Delaware   001-15957   95-4180883" over "(State or other jurisdiction  (Commission
file number)  (I.R.S. Employer ...". Values are found by caption, and by column when captions
share a line, so the same rules read fixed-width, tab-separated and flowing layouts.
"""

import re
from dataclasses import dataclass

from ..ingest.model import SecHeader, SourceDocument
from .dates import find_dates
from .model import CoverField, CoverPage, Span
from .places import STATE_NAME_PATTERN, state_code

COVER_MAX_LINES = 300
_SEGMENT_GAP = re.compile(r"\t+|\s{2,}")
_COVER_END = re.compile(r"^\s*(?:section\s+\d|item\s+\d+(?:\.\d+)?\b|part\s+i\b)", re.I)
_FORM = re.compile(
    r"^\s*FORM\s+(?P<form>(?:8-K|10-K(?:405|SB|T)?|10-Q(?:SB|T)?|20-F|40-F|6-K|11-K)(?:/A)?)\b", re.I | re.M
)
_CAPTIONS = {
    "registrant_name": re.compile(r"\(?\s*exact\s+name\s+of\s+registrant", re.I),
    "incorporation_state": re.compile(r"\(?\s*state\s+(?:or\s+other\s+)?(?:jurisdiction\b|of\s+incorporation)", re.I),
    "file_number": re.compile(r"\(?\s*commission\s*(?:file\s+)?(?:number|no\.?|file)?", re.I),
    "tax_id": re.compile(r"\(?\s*(?:I\.?\s*R\.?\s*S\.?|IRS)\s+employer", re.I),
    "address": re.compile(r"\(?\s*address\s+of\s+principal\s+executive\s+offices?", re.I),
    "zip": re.compile(r"\(\s*zip\s*code\s*\)", re.I),
    "phone": re.compile(r"\(?\s*registrant['\u2019]?s\s+telephone\s+number", re.I),
}
_FILE_NUMBER = re.compile(r"\b\d{1,3}-\d{3,8}(?:-\d{1,3})?\b")
_TAX_ID = re.compile(r"\b\d{2}-\d{7}\b")
_PHONE = re.compile(r"\(?(?P<area>\d{3})\)?[\s.\-]*(?P<local>\d{3}[\s.\-]\d{4})\b")
_DATE_OF_REPORT = re.compile(r"date\s+of\s+(?:report|earliest\s+event)", re.I)
_PERIOD_END = re.compile(r"for\s+the\s+(?:fiscal\s+year|quarterly\s+period|transition\s+period|year)\s+ended", re.I)
_CITY_STATE_ZIP = re.compile(
    rf"(?P<city>[A-Za-z][A-Za-z .'\-]*?),?\s+(?P<state>{STATE_NAME_PATTERN}|[A-Z]{{2}}|[A-Z][a-z]{{1,4}}\.)"
    r"\.?,?\s+(?P<zip>\d{5}(?:-\d{4})?)\s*$",
    re.I,
)
_BOXES = {
    "written_communications": re.compile(r"written\s+communications\s+pursuant", re.I),
    "soliciting_material": re.compile(r"soliciting\s+material\s+pursuant", re.I),
    "pre_commencement_tender_offer": re.compile(r"pre-?\s*commencement\s+communications.{0,80}?14d-?2", re.I | re.S),
    "pre_commencement_issuer_tender_offer": re.compile(
        r"pre-?\s*commencement\s+communications.{0,80}?13e-?4", re.I | re.S
    ),
}
_TICKED = re.compile(r"^[\[\|(]?\s*[xX\u2713\u2714\u2612\u2611\u00fe\u00fd\u25a0]\s*[\]\|)]?$")
_TICKER = re.compile(
    r"\((?P<exchange>NASDAQ(?:\s*(?:GS|GM|CM|Global\s+(?:Select\s+)?Market))?|NYSE(?:\s+(?:American|Arca|MKT|Amex))?"
    r"|AMEX|Nasdaq(?:GS|GM|CM)?)\s*:\s*(?P<symbol>[A-Z][A-Z.\-]{0,5})\)"
)


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    text: str

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2


def segments(line: str) -> list[_Segment]:
    """Pieces of a line separated by tabs or runs of two or more spaces."""
    out, pos = [], 0
    for gap in [*_SEGMENT_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        piece = line[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(_Segment(pos + lead, pos + lead + len(piece.strip()), piece.strip()))
        pos = gap.end() if gap else len(line)
    return out


class _Cover:
    """The cover lines of the main document and helpers to find values by caption."""

    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        lines = doc.lines[:COVER_MAX_LINES]
        end = next((i for i, line in enumerate(lines) if i > 10 and _COVER_END.match(line)), len(lines))
        self.lines = lines[:end]

    def span(self, line: int, start: int, end: int) -> Span:
        return Span(self.doc.index, line, start, end)

    def caption(self, name: str) -> tuple[int, re.Match] | None:
        pattern = _CAPTIONS[name]
        for i, line in enumerate(self.lines):
            m = pattern.search(line)
            if m and ("(" in line[max(0, m.start() - 2) : m.end()] or line.strip().startswith("(")):
                return i, m
        return None

    def value_for(self, name: str) -> tuple[int, _Segment] | None:
        """The value printed for caption `name`: before it in its own cell, or above it in its column."""
        found = self.caption(name)
        if not found:
            return None
        i, m = found
        line = self.lines[i]
        caption_segments = segments(line)
        own = next((s for s in caption_segments if s.start <= m.start() < s.end + 1), None)
        if own is None:
            return None
        paren = line.find("(", own.start, m.end())
        if paren > own.start and line[own.start : paren].strip():
            text = line[own.start : paren].rstrip()
            return i, _Segment(own.start, own.start + len(text), text)
        for j in range(i - 1, max(-1, i - 5), -1):
            candidates = [s for s in segments(self.lines[j]) if not re.fullmatch(r"[-_=\s]+", s.text)]
            if not candidates:
                continue
            if self.lines[j].lstrip().startswith("(") and j < i - 1:
                return None
            mine = [s for s in candidates if min(caption_segments, key=lambda c: abs(c.center - s.center)) is own]
            if mine:
                return j, min(mine, key=lambda s: abs(s.center - own.center))
            return None
        return None


def _form_type(cover: _Cover, header: SecHeader | None) -> CoverField | None:
    for i, line in enumerate(cover.lines):
        m = _FORM.match(line)
        if m:
            form = m["form"].upper()
            return CoverField("form_type", form, cover.span(i, m.start("form"), m.end("form")))
    if header and header.form_type:
        return CoverField("form_type", header.form_type.upper(), origin="header")
    if cover.doc.doc_type:
        return CoverField("form_type", cover.doc.doc_type.upper(), origin="header")
    return None


def _report_date(cover: _Cover) -> CoverField | None:
    for i, line in enumerate(cover.lines):
        if not (_DATE_OF_REPORT.search(line) or _PERIOD_END.search(line)):
            continue
        for j in (i, i + 1, i + 2, i - 1, i - 2):
            if 0 <= j < len(cover.lines):
                text = cover.lines[j]
                skip = _DATE_OF_REPORT.search(text) or _PERIOD_END.search(text)
                dates = [d for d in find_dates(text) if not skip or d[1] >= skip.start()]
                if dates:
                    d, s, e = dates[0]
                    return CoverField("period_end_date", d.isoformat(), cover.span(j, s, e), text[s:e])
    return None


def _plain(cover: _Cover, name: str, pattern: re.Pattern | None = None) -> CoverField | None:
    found = cover.value_for(name)
    if not found:
        return None
    line, seg = found
    if pattern is None:
        return CoverField(name, seg.text, cover.span(line, seg.start, seg.end))
    m = pattern.search(seg.text)
    if not m:
        return None
    return CoverField(name, m.group(0), cover.span(line, seg.start + m.start(), seg.start + m.end()))


def _incorporation_state(cover: _Cover) -> CoverField | None:
    found = cover.value_for("incorporation_state")
    if not found:
        return None
    line, seg = found
    code = state_code(seg.text)
    return CoverField("incorporation_state", code, cover.span(line, seg.start, seg.end), seg.text) if code else None


def _address(cover: _Cover) -> list[CoverField]:
    found = cover.value_for("address")
    if not found:
        return []
    line, seg = found
    text = seg.text
    zip_found = cover.value_for("zip")
    fields = []
    if zip_found and zip_found[0] == line and re.fullmatch(r"\d{5}(?:-\d{4})?", zip_found[1].text):
        z = zip_found[1]
        fields.append(CoverField("address_zip", z.text, cover.span(line, z.start, z.end)))
        text = f"{text} {z.text}"
    m = _CITY_STATE_ZIP.search(text)
    if not m or not state_code(m["state"]):
        return []
    base = seg.start
    street = text[: m.start("city")].rstrip(" ,")
    if street:
        fields.append(CoverField("address_line1", street, cover.span(line, base, base + len(street))))
    elif line > 0 and cover.lines[line - 1].strip():
        above = segments(cover.lines[line - 1])
        nearest = min(above, key=lambda s: abs(s.center - seg.center))
        fields.append(CoverField("address_line1", nearest.text, cover.span(line - 1, nearest.start, nearest.end)))
    fields.append(
        CoverField("address_city", m["city"].strip(), cover.span(line, base + m.start("city"), base + m.end("city")))
    )
    fields.append(
        CoverField(
            "address_state",
            state_code(m["state"]),
            cover.span(line, base + m.start("state"), base + m.end("state")),
            m["state"],
        )
    )
    if not any(f.name == "address_zip" for f in fields):
        fields.append(CoverField("address_zip", m["zip"], cover.span(line, base + m.start("zip"), base + m.end("zip"))))
    return fields


def _phone(cover: _Cover) -> list[CoverField]:
    found = cover.caption("phone")
    candidates = []
    if found:
        i, m = found
        candidates = [(i, m.end()), (i - 1, 0), (i - 2, 0), (i + 1, 0)]
    for line, start in candidates:
        if not 0 <= line < len(cover.lines):
            continue
        p = _PHONE.search(cover.lines[line], start)
        if p:
            return [
                CoverField("city_area_code", p["area"], cover.span(line, p.start("area"), p.end("area"))),
                CoverField(
                    "local_phone_number",
                    re.sub(r"[\s.]", "-", p["local"]),
                    cover.span(line, p.start("local"), p.end("local")),
                    p["local"],
                ),
            ]
    return []


def _box_marker(cover: _Cover, line: int, start: int) -> tuple[str, int, int] | None:
    before = cover.lines[line][:start]
    if before.strip():
        text = before.strip()
        s = before.find(text)
        return text, s, s + len(text)
    if line > 0 and 0 < len(cover.lines[line - 1].strip()) <= 4:
        text = cover.lines[line - 1].strip()
        return None if text.isalnum() and len(text) > 1 else (text, -1, -1)
    return None


def _check_boxes(cover: _Cover) -> list[CoverField]:
    fields = []
    for name, pattern in _BOXES.items():
        for i in range(len(cover.lines)):
            window = " ".join(cover.lines[i : i + 2])
            m = pattern.search(window)
            if not m or m.start() >= len(cover.lines[i]):
                continue
            marker = _box_marker(cover, i, m.start())
            ticked = bool(marker and _TICKED.match(marker[0]))
            span = cover.span(i, marker[1], marker[2]) if marker and marker[1] >= 0 else None
            fields.append(CoverField(name, "true" if ticked else "false", span, marker[0] if marker else None))
            break
    return fields


def _exchange_code(name: str) -> str | None:
    key = " ".join(name.upper().split())
    if key.startswith("NASDAQ"):
        return "NASDAQ"
    if key in ("NYSE AMERICAN", "NYSE MKT", "NYSE AMEX", "AMEX"):
        return "NYSEAMER"
    if key == "NYSE ARCA":
        return "NYSEArca"
    return "NYSE" if key == "NYSE" else None


def _ticker(documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    for doc in documents:
        for i, line in enumerate(doc.lines):
            m = _TICKER.search(line)
            if m:
                code = _exchange_code(m["exchange"])
                symbol = Span(doc.index, i, m.start("symbol"), m.end("symbol"))
                fields = [CoverField("trading_symbol", m["symbol"], symbol)]
                if code:
                    fields.append(
                        CoverField(
                            "exchange", code, Span(doc.index, i, m.start("exchange"), m.end("exchange")), m["exchange"]
                        )
                    )
                return fields
    return []


def _header_fallbacks(header: SecHeader | None, found: set[str]) -> list[CoverField]:
    if header is None:
        return []
    candidates = {
        "registrant_name": header.company_name,
        "incorporation_state": state_code(header.state_of_incorporation or ""),
        "file_number": header.file_number,
        "tax_id": (
            f"{header.irs_number[:2]}-{header.irs_number[2:]}"
            if header.irs_number and re.fullmatch(r"\d{9}", header.irs_number)
            else None
        ),
    }
    if header.period_of_report:
        candidates["period_end_date"] = header.period_of_report.isoformat()
    return [CoverField(k, v, origin="header") for k, v in candidates.items() if v and k not in found]


def extract_cover(documents: tuple[SourceDocument, ...], header: SecHeader | None) -> CoverPage:
    """Cover fields of the filing's main document (the first), completed from the SEC header."""
    cover = _Cover(documents[0])
    fields: list[CoverField | None] = [
        _form_type(cover, header),
        _report_date(cover),
        _plain(cover, "registrant_name"),
        _incorporation_state(cover),
        _plain(cover, "file_number", _FILE_NUMBER),
        _plain(cover, "tax_id", _TAX_ID),
        *_address(cover),
        *_phone(cover),
        *_check_boxes(cover),
        *_ticker(documents),
    ]
    kept = [f for f in fields if f is not None]
    kept += _header_fallbacks(header, {f.name for f in kept})
    return CoverPage(tuple(kept))
