"""EDGAR SGML submissions: the `<SEC-HEADER>` key/value block and the `<DOCUMENT>` wrappers."""

import re
from dataclasses import dataclass
from datetime import date

from .model import Address, HeaderCompany, SecHeader

_HEADER_BLOCK = re.compile(r"<(SEC|IMS)-HEADER>(.*?)</\1-HEADER>", re.S | re.I)
_KEY_VALUE = re.compile(r"^\s*([A-Z][A-Z0-9 ./&-]*?):[ \t]*(.*?)\s*$")
_DOCUMENT = (re.compile(r"<DOCUMENT>", re.I), re.compile(r"</DOCUMENT>", re.I))
_TAG_LINE = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*?)\s*$", re.M | re.I)
_TEXT = (re.compile(r"<TEXT>\n?", re.I), re.compile(r"</TEXT>", re.I))
# Plain header lines survive in submissions whose SGML tags were stripped upstream.
_BARE_HEADER_MARK = re.compile(r"^\s*(ACCESSION NUMBER|CONFORMED SUBMISSION TYPE):", re.M)

_ADDRESS_SECTIONS = {"BUSINESS ADDRESS": "business", "MAIL ADDRESS": "mail"}
_COMPANY_SECTIONS = ("FILER", "SUBJECT COMPANY", "FILED BY", "ISSUER", "REPORTING-OWNER")


@dataclass(frozen=True)
class RawDocument:
    """A `<DOCUMENT>` body with its tags and the offset (in characters) of its text in the file."""

    doc_type: str | None
    sequence: str | None
    filename: str | None
    description: str | None
    text: str
    text_offset: int


def _parse_yyyymmdd(value: str) -> date | None:
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def header_text(text: str) -> str | None:
    """The header block of a submission, tagged or (when tags were stripped) its leading lines."""
    m = _HEADER_BLOCK.search(text[:200000])
    if m:
        return m.group(2)
    bare = _BARE_HEADER_MARK.search(text[:20000])
    if bare:
        end = text.find("\n\n\n", bare.start())
        return text[bare.start() : end if end > 0 else bare.start() + 6000]
    return None


def _header_sections(block: str) -> tuple[dict[str, str], list[tuple[str, dict[str, str]]]]:
    """The filing's own `KEY` values, and each company block as (section, `address/KEY` values)."""
    filing: dict[str, str] = {}
    companies: list[tuple[str, dict[str, str]]] = []
    address = ""
    for line in block.splitlines():
        m = _KEY_VALUE.match(line)
        if not m:
            continue
        key, value = m.group(1).strip().upper(), m.group(2).strip()
        if key in _COMPANY_SECTIONS:
            companies.append((key, {}))
            address = ""
            continue
        if key in _ADDRESS_SECTIONS:
            address = _ADDRESS_SECTIONS[key]
            continue
        if key in ("COMPANY DATA", "FILING VALUES", "FORMER COMPANY"):
            address = "" if key != "FORMER COMPANY" else "former"
            continue
        values = companies[-1][1] if companies else filing
        name = f"{address}/{key}" if address else key
        if value and name not in values:
            values[name] = value
    return filing, companies


def _company(v: dict[str, str]) -> HeaderCompany:
    cik = v.get("CENTRAL INDEX KEY")
    return HeaderCompany(
        cik=cik.zfill(10) if cik and cik.isdigit() else None,
        company_name=v.get("COMPANY CONFORMED NAME"),
        state_of_incorporation=v.get("STATE OF INCORPORATION"),
        irs_number=v.get("IRS NUMBER"),
        fiscal_year_end=v.get("FISCAL YEAR END"),
        file_number=v.get("SEC FILE NUMBER"),
        business_address=Address(
            street1=v.get("business/STREET 1"),
            street2=v.get("business/STREET 2"),
            city=v.get("business/CITY"),
            state=v.get("business/STATE"),
            zip=(v.get("business/ZIP") or "").rstrip("-") or None,
            phone=v.get("business/BUSINESS PHONE"),
        ),
    )


def parse_header(text: str) -> SecHeader | None:
    """Parse the SEC header of a submission, or None when the file has none."""
    block = header_text(text)
    if block is None:
        return None
    v, sections = _header_sections(block)
    if not v and not sections:
        return None
    accession = v.get("ACCESSION NUMBER")
    filers = tuple(_company(values) for section, values in sections if section == "FILER")
    submitter = accession.split("-")[0].zfill(10) if accession else None
    filer = next((c for c in filers if c.cik == submitter), None)
    return SecHeader(
        accession_number=accession,
        form_type=v.get("CONFORMED SUBMISSION TYPE") or v.get("FORM TYPE"),
        period_of_report=_parse_yyyymmdd(v.get("CONFORMED PERIOD OF REPORT", "")),
        filed=_parse_yyyymmdd(v.get("FILED AS OF DATE", "")),
        filer=filer or (_company(sections[0][1]) if sections else HeaderCompany()),
        filers=filers,
    )


def _enclosed(tags: tuple[re.Pattern, re.Pattern], text: str, start: int = 0) -> tuple[int, int, int] | None:
    """Where the first element `tags` open and close at or after `start` holds its content:
    (content start, content end, where the element ends); an unclosed one runs to the end.
    Two searches for the tags, not one lazy pattern: that tries the closing tag at every
    character of a document of megabytes."""
    opening = tags[0].search(text, start)
    if opening is None:
        return None
    closing = tags[1].search(text, opening.end())
    if closing is None:
        return opening.end(), len(text), len(text)
    return opening.end(), closing.start(), closing.end()


def split_documents(text: str) -> list[RawDocument]:
    """Split a submission into its `<DOCUMENT>`s; an untagged file is one document."""
    documents = []
    position = 0
    while (document := _enclosed(_DOCUMENT, text, position)) is not None:
        body_start, body_end, position = document
        body = text[body_start:body_end]
        tags = {t.group(1).upper(): t.group(2) for t in _TAG_LINE.finditer(body[:4000])}
        inner = _enclosed(_TEXT, body)
        start, end = (inner[0], inner[1]) if inner else (0, len(body))
        documents.append(
            RawDocument(
                doc_type=tags.get("TYPE") or None,
                sequence=tags.get("SEQUENCE") or None,
                filename=tags.get("FILENAME") or None,
                description=tags.get("DESCRIPTION") or None,
                text=body[start:end],
                text_offset=body_start + start,
            )
        )
    return documents
