"""Cover-page fields from the text of a filing's cover page, completed from the SEC header.

Values are found by their printed captions (see cover_text.py), so the same rules read
fixed-width, tab-separated, flowing and HTML-table layouts. Only what the filing states is
returned: a field it does not print (and the header does not give) is left out.
"""

import re

from ..ingest.model import Address, SecHeader, SourceDocument
from .auditor import auditor_fields
from .cover_address import address_fields, phone_fields
from .cover_amounts import cover_amounts
from .cover_checkboxes import check_boxes
from .cover_press_release import is_press_release, press_release_fields
from .cover_questions import cover_questions
from .cover_registrant import confirmed_name, heading_row, incorporated_as
from .cover_securities import securities
from .cover_text import CoverText
from .dates import find_dates
from .model import Cell, CoverField, CoverName, CoverPage
from .places import incorporation_code, state_code

_FORM = re.compile(
    r"^\s*FORM\s+(?P<form>(?:8-K|10-K(?:405|SB|T)?|10-Q(?:SB|T)?|20-F|40-F|6-K|11-K)(?:/A)?)\b", re.I | re.M
)
_ANNUAL_FORMS = re.compile(r"^(?:10-K|20-F|40-F)", re.I)
_CAPTIONS = {
    CoverName.REGISTRANT_NAME: re.compile(
        r"\(?\s*(?:exact\s+)?name\s+of\s+(?:the\s+)?(?:small\s+business\s+)?(?:registrant|issuer|company)", re.I
    ),
    CoverName.INCORPORATION_STATE: re.compile(
        r"\(?\s*state\s+(?:or\s+other\s+)?(?:jurisdiction\b|of\s+incorporation)", re.I
    ),
    CoverName.FILE_NUMBER: re.compile(r"\(\s*commission\b(?:\s*file)?(?:\s*(?:number|no\.?))?", re.I),
    CoverName.TAX_ID: re.compile(r"\(?\s*(?:I\.?\s*R\.?\s*S\.?|IRS)\s+(?:employer|id\b)", re.I),
}
_INLINE = {
    CoverName.FILE_NUMBER: re.compile(r"commission\s+file\s+(?:number|no\.?)\s*:?", re.I),
    CoverName.TAX_ID: re.compile(r"(?:I\.?R\.?S\.?|IRS)\s+employer\s+identification\s+(?:number|no\.?)\s*:?", re.I),
}
_NAME_LIKE = re.compile(
    r"\b(?:corporation|corp\.?|incorporated|inc\.?|company|co\.|ltd\.?|limited|llc|l\.p\.|lp|plc|holdings?|group|"
    r"trust|bancorp|n\.v\.|s\.a\.)$",
    re.I,
)
FILE_NUMBER = re.compile(r"\b\d{1,3}-\d{3,8}(?:-\d{1,3})?\b")
TAX_ID = re.compile(r"\b\d{2}-\d{7}\b")
_DATE_OF_REPORT = re.compile(r"date\s+of\s+(?:report|earliest\s+event)", re.I)
_PERIOD_END = re.compile(r"for\s+the\s+(?:fiscal\s+year|quarterly\s+period|transition\s+period|year)\s+ended", re.I)


def is_annual_report(form: str) -> bool:
    """10-K (and its variants), 20-F, 40-F: the forms that report a fiscal year."""
    return bool(_ANNUAL_FORMS.match(form))


def _form_type(cover: CoverText, header: SecHeader | None) -> CoverField | None:
    for i, line in enumerate(cover.lines):
        m = _FORM.match(line)
        if m:
            return CoverField(CoverName.FORM_TYPE, m["form"].upper(), cover.span(i, m.start("form"), m.end("form")))
    if header and header.form_type:
        return CoverField(CoverName.FORM_TYPE, header.form_type.upper(), origin="header")
    if cover.doc.doc_type:
        return CoverField(CoverName.FORM_TYPE, cover.doc.doc_type.upper(), origin="header")
    return None


def _report_date(cover: CoverText) -> CoverField | None:
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
                    return CoverField(CoverName.PERIOD_END_DATE, d.isoformat(), cover.span(j, s, e), text[s:e])
    return None


def _field(name: CoverName, cell: Cell | None, pattern: re.Pattern | None = None) -> CoverField | None:
    """A field from the first match of `pattern` in a found value (or the whole value)."""
    if cell is None:
        return None
    if pattern is None:
        return CoverField(name, cell.text, cell.spans[0] if len(cell.spans) == 1 else None)
    m = pattern.search(cell.text)
    if not m:
        return None
    return CoverField(name, m.group(0), cell.span_at(m.start(), m.end()))


def _by_caption(cover: CoverText, name: CoverName, pattern: re.Pattern) -> CoverField | None:
    inline = _INLINE.get(name)
    found = _field(name, cover.value_after(inline, pattern)) if inline else None
    return found or _field(name, cover.value_for(_CAPTIONS[name]), pattern)


def _registrant_name(cover: CoverText, row: dict[CoverName, CoverField]) -> CoverField | None:
    """Under its caption, under a column heading, as a line after the file number that reads as a
    company's name, or as the line the signatures confirm."""
    found = _field(CoverName.REGISTRANT_NAME, cover.value_for(_CAPTIONS[CoverName.REGISTRANT_NAME]))
    if found or CoverName.REGISTRANT_NAME in row:
        return found or row[CoverName.REGISTRANT_NAME]
    after = cover.find(_INLINE[CoverName.FILE_NUMBER])
    start = after[0] + 1 if after else 0
    for i in range(start, min(start + 8, len(cover.lines))):
        segments = cover.segments(i)
        if len(segments) == 1 and _NAME_LIKE.search(segments[0].text) and len(segments[0].text) < 90:
            return _field(CoverName.REGISTRANT_NAME, cover.cell(segments))
    return confirmed_name(cover, cover.doc)


def _incorporation_state(cover: CoverText, row: dict[CoverName, CoverField]) -> CoverField | None:
    cell = cover.value_for(_CAPTIONS[CoverName.INCORPORATION_STATE])
    code = incorporation_code(cell.text) if cell else None
    if not code:
        return row.get(CoverName.INCORPORATION_STATE) or incorporated_as(cover)
    return CoverField(CoverName.INCORPORATION_STATE, code, cell.spans[0] if len(cell.spans) == 1 else None, cell.text)


# What a combined filing states once per registrant: read from the text it is ambiguous.
_PER_REGISTRANT = {
    CoverName.REGISTRANT_NAME,
    CoverName.INCORPORATION_STATE,
    CoverName.FILE_NUMBER,
    CoverName.TAX_ID,
    CoverName.ADDRESS_LINE1,
    CoverName.ADDRESS_LINE2,
    CoverName.ADDRESS_CITY,
    CoverName.ADDRESS_STATE,
    CoverName.ADDRESS_ZIP,
    CoverName.CITY_AREA_CODE,
    CoverName.LOCAL_PHONE_NUMBER,
    CoverName.SECURITY_TITLE,
    CoverName.TRADING_SYMBOL,
    CoverName.EXCHANGE,
    CoverName.NO_TRADING_SYMBOL,
}
_COMBINED = re.compile(
    r"\bcombined\s+(?:form\s+\S+|report|filing)\s+is\s+(?:being\s+)?(?:separately\s+)?(?:filed|furnished)\b", re.I
)
_COVER_LINES = 80
_HEADER_PHONE = re.compile(r"\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})")


def _header_address(address: Address) -> dict[str, str | None]:
    phone = _HEADER_PHONE.fullmatch(address.phone or "")
    return {
        CoverName.ADDRESS_LINE1: address.street1,
        CoverName.ADDRESS_LINE2: address.street2,
        CoverName.ADDRESS_CITY: address.city,
        CoverName.ADDRESS_STATE: state_code(address.state or ""),
        CoverName.ADDRESS_ZIP: address.zip,
        CoverName.CITY_AREA_CODE: phone[1] if phone else None,
        CoverName.LOCAL_PHONE_NUMBER: f"{phone[2]}-{phone[3]}" if phone else None,
    }


def _is_combined(cover: CoverText, header: SecHeader | None) -> bool:
    """Several registrants file this document: the header lists them, or the cover says so."""
    if header and len(header.filers) > 1:
        return True
    return any(_COMBINED.search(line) for line in cover.lines[:_COVER_LINES])


def _header_fallbacks(header: SecHeader | None, found: set[str], combined: bool) -> list[CoverField]:
    if header is None:
        return []
    filer = header.filer
    candidates = {
        CoverName.REGISTRANT_NAME: filer.company_name,
        CoverName.INCORPORATION_STATE: state_code(filer.state_of_incorporation or ""),
        CoverName.FILE_NUMBER: filer.file_number,
        CoverName.TAX_ID: (
            f"{filer.irs_number[:2]}-{filer.irs_number[2:]}"
            if filer.irs_number and re.fullmatch(r"\d{9}", filer.irs_number)
            else None
        ),
    }
    if header.period_of_report:
        candidates[CoverName.PERIOD_END_DATE] = header.period_of_report.isoformat()
    if combined:
        candidates |= _header_address(filer.business_address)
    return [CoverField(k, v, origin="header") for k, v in candidates.items() if v and k not in found]


def _first_of_each(fields: list[CoverField | None]) -> list[CoverField]:
    """The first field found of each name (a box may be read both as a check box and as one of
    the filer-category marks)."""
    kept: dict[CoverName, CoverField] = {}
    for f in fields:
        if f is not None:
            kept.setdefault(f.name, f)
    return list(kept.values())


def extract_cover(documents: tuple[SourceDocument, ...], header: SecHeader | None) -> CoverPage:
    """Cover fields of the filing's main document (the first), completed from the SEC header.

    A combined filing's cover prints every registrant, so their names, numbers and addresses come
    from the header's filer (the one that speaks) instead."""
    cover = CoverText(documents[0])
    form_type = _form_type(cover, header)
    if form_type is None and header is None and is_press_release(cover):
        return CoverPage(tuple(press_release_fields(cover.doc)), standalone_exhibit=True)
    security_fields, listed = securities(cover, documents)
    row = heading_row(cover)
    fields: list[CoverField | None] = [
        form_type,
        _report_date(cover),
        _registrant_name(cover, row),
        _incorporation_state(cover, row),
        _by_caption(cover, CoverName.FILE_NUMBER, FILE_NUMBER),
        _by_caption(cover, CoverName.TAX_ID, TAX_ID),
        *address_fields(cover),
        *phone_fields(cover),
        *check_boxes(cover),
        *cover_questions(cover),
        *security_fields,
    ]
    kept = _first_of_each(fields)
    form = next((f.value for f in kept if f.name == CoverName.FORM_TYPE), "")
    if is_annual_report(form):
        kept += auditor_fields(documents)
    combined = _is_combined(cover, header)
    if combined:
        kept = [f for f in kept if f.name not in _PER_REGISTRANT]
        listed = []
    kept += _header_fallbacks(header, {f.name for f in kept}, combined)
    amounts = [] if combined else cover_amounts(cover, form)
    return CoverPage(tuple(kept), combined_filing=combined, securities=tuple(listed), amounts=tuple(amounts))
