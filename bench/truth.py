"""Ground truth for the fidelity benchmark, read from a corpus laid out like ../shared/corpus.

Sources (each optional, so the same code runs on corpora with more or fewer of them):
- truth/derived/companyfacts_matching_corpus_periods.tsv: SEC companyfacts values matched to filings;
- truth/derived/fsds_facts_matching_corpus_periods.tsv: Financial Statement Data Sets values (BS, IS,
  CF, CI, EQ statements only);
- truth/derived/ex27_financial_data_schedules.tsv: EX-27 financial data schedules (1997-2000);
- truth/cover_pages/<filing>.cover.json: hand-checked cover fields;
- truth/manual/<filing>.json: hand-checked statement facts (each with the concepts it accepts) and
  cover fields (a list: the spellings it accepts);
- the filing itself when it is inline XBRL: its own facts (non-dimensional numbers, dei cover fields).

Periods are exact where the source states them (companyfacts, inline XBRL, manual truth, EX-27 dates,
month-end FSDS dates). Two sources know less, and say so (Precision): FSDS rounds every date of a
52/53-week filer to the nearest month end, and an EX-27 schedule without PERIOD-START gives only
the number of months before a PERIOD-END that is not a month end.
"""

import calendar
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path

from lxml import etree

from converter.extract.dates import find_dates, find_month_days
from converter.extract.places import state_code

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XBRLI = "{http://www.xbrl.org/2003/instance}"


class Precision(Enum):
    """How exactly a truth source knows a fact's period."""

    EXACT = "exact"
    MONTHS = "months"  # end rounded to the nearest month end, length in whole months (FSDS, 52/53 weeks)
    START_MONTHS = "start_months"  # exact end, length known in whole months only (EX-27)


@dataclass(frozen=True)
class TruthFact:
    source: str
    concept: str  # local name (us-gaap) or an EX-27 tag prefixed "ex27:"; manual truth: its first name
    start: date | None
    end: date
    value: Decimal
    on_statement_page: bool | None = None  # known for inline XBRL facts: tagged on a statement's page
    accepted: tuple[str, ...] = ()  # manual truth: every concept it accepts (else bench/equivalents.py says)
    precision: Precision = Precision.EXACT


_STATEMENT_NAME = re.compile(
    r"\b(?:balance\s+sheets?|statements?\s+of\s+(?:consolidated\s+)?(?:financial\s+(?:position|"
    r"condition)|operations|income|earnings|comprehensive\s+(?:income|loss)|cash\s+flows?|results\s+of\s+operations|"
    r"(?:changes\s+in\s+)?(?:stockholders|shareholders|shareowners)['\u2019]?\s+equity)|income\s+statements?|"
    r"cash\s+flows?\s+statements?|statement\s+of\s+results)\b",
    re.I,
)
# Before a statement's name a title prints only the registrant's name ("The Boeing Company and
# Subsidiaries", "Bank of America Corporation") and words like "condensed consolidated"; a note's
# table names a statement in a phrase ("Amounts recognized in the balance sheet", "Summarized
# balance sheets", "Analysis of the statements of income", "From the statement of income").
_TITLE_LOWERCASE_WORDS = {"and", "subsidiaries", "consolidated", "condensed", "combined", "interim", "unaudited"}
_FUNCTION_WORDS = {"in", "on", "from", "to", "of", "the", "by", "at", "into", "with", "our", "its", "for", "and"}
_DERIVED_TABLE_WORDS = {
    "summarized",
    "summary",
    "selected",
    "supplemental",
    "supplementary",
    "analysis",
    "notes",
    "note",
}
# After it, only qualifiers: "(Unaudited)", "-- Continued", "- GAAP", the periods it covers, the
# units, or another statement it is combined with ("Operations and Comprehensive Income").
_TITLE_TAIL = re.compile(
    r"""\W*$ | \s*[(\[]
    | \s*[-\u2013\u2014:.,]{0,2}\s*(?:
        as\s+(?:of|at) | at | for | ended | (?:the\s+)?(?:fiscal\s+)?(?:years?|quarters?|periods?|three|six|nine|twelve)
        | (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d+ | (?:19|20)\d\d
        | unaudited | continued | gaap\W*$ | page | exhibit | (?:dollars|amounts)?\s*in\s+(?:millions|thousands)
        | and\s+(?:other\s+)?(?:comprehensive|retained|changes|stockholders|shareholders|shareowners|cash)
    )\b""",
    re.I | re.X,
)


def _name_words_only(words: list[str]) -> bool:
    """Words before a statement's name that can only be a registrant's name and the statement's
    qualifiers: no derived table's word, no other lower-case word; function words only inside a
    capitalized name ("Bank of America", "Johnson & Johnson and Subsidiaries") or as the leading
    "The" of one ("The Boeing Company", not "The Statement of Earnings ... included")."""
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _DERIVED_TABLE_WORDS:
            return False
        if lower in _FUNCTION_WORDS and lower != "and":
            leading_the = lower == "the" and i == 0 and len(words) > 1
            inner_of = (
                lower == "of" and 0 < i < len(words) - 1 and words[i - 1][0].isupper() and words[i + 1][0].isupper()
            )
            if not leading_the and not (inner_of and not word.isupper()):
                return False
        elif word.islower() and lower not in _TITLE_LOWERCASE_WORDS:
            return False
    return True


def is_statement_title(text: str) -> bool:
    """A short line or block that titles a primary statement, not a note's phrase that names one."""
    text = " ".join(text.split())
    match = _STATEMENT_NAME.search(text) if len(text) <= 150 else None
    if match is None or not _TITLE_TAIL.match(text[match.end() :]):
        return False
    words = re.findall(r"[\w'\u2019&-]+", text[: match.start()])
    return len(words) <= 10 and _name_words_only(words)


_PAGE_BREAK_STYLE = re.compile(r"page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page", re.I)


@dataclass(frozen=True)
class TruthCover:
    source: str
    concept: str  # dei local name
    values: tuple[str, ...]  # normalized; any one is right


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "").strip())
    except (InvalidOperation, AttributeError):
        return None


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def months_before(end: date, months: int) -> date:
    """First day of the `months`-long period ending on `end` (calendar arithmetic): a period ending
    on a month end starts on the first of a month (the year to February 28, 2009 starts March 1, 2008)."""
    index = end.year * 12 + end.month - 1 - months
    year, month = divmod(index, 12)
    if is_month_end(end):
        return date(year, month + 1, calendar.monthrange(year, month + 1)[1]) + timedelta(days=1)
    day = min(end.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day) + timedelta(days=1)


def _tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def companyfacts(corpus: Path, filing: str) -> Iterator[TruthFact]:
    for row in _tsv(corpus / "truth/derived/companyfacts_matching_corpus_periods.tsv"):
        value, end = _decimal(row["val"]), _iso(row["end"])
        if row["local"] == filing and row["taxonomy"] == "us-gaap" and value is not None and end:
            yield TruthFact("companyfacts", row["concept"], _iso(row["start"]) if row["start"] else None, end, value)


def fsds(corpus: Path, filing: str) -> Iterator[TruthFact]:
    """FSDS values; their dates are exact only for a filer whose periods end on month ends (FSDS
    rounds ddate to the nearest month end and qtrs to whole quarters)."""
    for row in _tsv(corpus / "truth/derived/fsds_facts_matching_corpus_periods.tsv"):
        if row["local"] != filing or row["stmt"] not in ("BS", "IS", "CF", "CI", "EQ"):
            continue
        value = _decimal(row["value"])
        end = date(int(row["ddate"][:4]), int(row["ddate"][4:6]), int(row["ddate"][6:8]))
        quarters = int(float(row["qtrs"] or 0))
        corpus_period = _iso(row["corpus_period"])
        precision = Precision.EXACT if corpus_period and is_month_end(corpus_period) else Precision.MONTHS
        if value is not None:
            start = months_before(end, 3 * quarters) if quarters else None
            yield TruthFact("fsds", row["tag"], start, end, value, precision=precision)


_EX27_INSTANTS = {
    "CASH",
    "SECURITIES",
    "RECEIVABLES",
    "ALLOWANCES",
    "INVENTORY",
    "CURRENT-ASSETS",
    "PP&E",
    "DEPRECIATION",
    "TOTAL-ASSETS",
    "CURRENT-LIABILITIES",
    "BONDS",
    "PREFERRED-MANDATORY",
    "PREFERRED",
    "COMMON",
    "OTHER-SE",
    "TOTAL-LIABILITY-AND-EQUITY",
}
_EX27_MONTHS = {"YEAR": 12, "12-MOS": 12, "3-MOS": 3, "6-MOS": 6, "9-MOS": 9}
_EX27_UNSCALED = re.compile(r"^EPS-")


def _ex27_date(text: str) -> date | None:
    found = find_dates(re.sub(r"^([A-Z]{3})-(\d{2})-(\d{4})$", r"\1 \2, \3", text.strip()))
    return found[0][0] if found else None


def ex27(corpus: Path, filing: str) -> Iterator[TruthFact]:
    rows = [r for r in _tsv(corpus / "truth/derived/ex27_financial_data_schedules.tsv") if r["local"] == filing]
    fields = {r["tag"]: r for r in rows}
    end = _ex27_date(fields["PERIOD-END"]["value"]) if "PERIOD-END" in fields else None
    months = _EX27_MONTHS.get(fields.get("PERIOD-TYPE", {}).get("value", "").upper())
    if end is None:
        return
    start = _ex27_date(fields["PERIOD-START"]["value"]) if "PERIOD-START" in fields else None
    for tag, row in fields.items():
        value = _decimal(row["value"])
        if value is None or tag in ("PERIOD-END", "PERIOD-START", "FISCAL-YEAR-END", "PERIOD-TYPE"):
            continue
        if not _EX27_UNSCALED.match(tag):
            value *= _decimal(row["multiplier"]) or 1
        if tag in _EX27_INSTANTS:
            yield TruthFact("ex27", f"ex27:{tag}", None, end, value)
        elif start:
            yield TruthFact("ex27", f"ex27:{tag}", start, end, value)
        elif months:
            precision = Precision.EXACT if is_month_end(end) else Precision.START_MONTHS
            yield TruthFact("ex27", f"ex27:{tag}", months_before(end, months), end, value, precision=precision)


_COVER_JSON = {
    "name": "EntityRegistrantName",
    "address": "EntityAddressAddressLine1",
    "city": "EntityAddressCityOrTown",
    "state": "EntityAddressStateOrProvince",
    "zip": "EntityAddressPostalZipCode",
    "state_of_incorporation": "EntityIncorporationStateCountryCode",
    "date": "DocumentPeriodEndDate",
    "form": "DocumentType",
    "commission_file_number": "EntityFileNumber",
    "irs_employer_id": "EntityTaxIdentificationNumber",
    "trading_symbol": "TradingSymbol",
    "exchange": "SecurityExchangeName",
}


def cover_json(corpus: Path, filing: str) -> Iterator[TruthCover]:
    stem = filing.rsplit(".", 1)[0]
    path = corpus / "truth/cover_pages" / f"{stem}.cover.json"
    if not path.is_file():
        return
    for key, value in json.loads(path.read_text(encoding="utf-8")).items():
        if key in _COVER_JSON and value:
            yield TruthCover("cover_json", _COVER_JSON[key], (normalize_cover(_COVER_JSON[key], str(value)),))


def manual(corpus: Path, filing: str) -> tuple[list[TruthFact], list[TruthCover]]:
    """Hand-checked truth (truth/manual/<filing>.json): statement facts with the concepts each
    accepts, best first, and cover fields whose value may list several accepted spellings."""
    path = corpus / "truth" / "manual" / f"{filing}.json"
    if not path.is_file():
        return [], []
    data = json.loads(path.read_text(encoding="utf-8"))
    facts = []
    for fact in data.get("facts", []):
        end, value, concepts = _iso(fact["end"]), _decimal(str(fact["value"])), tuple(fact["concepts"])
        if end and value is not None and concepts:
            start = _iso(fact["start"]) if fact.get("start") else None
            facts.append(TruthFact("manual", concepts[0], start, end, value, True, accepted=concepts))
    covers = [
        TruthCover(
            "manual",
            name,
            tuple(normalize_cover(name, str(v)) for v in (value if isinstance(value, list) else [value])),
        )
        for name, value in data.get("cover", {}).items()
    ]
    return facts, covers


# ---------------------------------------------------------------------------------------- inline XBRL
_EXCHANGES = (
    ("nasdaq", "NASDAQ"),
    ("new york stock exchange", "NYSE"),
    ("nyse american", "NYSEAMER"),
    ("nyse arca", "NYSEArca"),
    ("nyse", "NYSE"),
)


def exchange_code(text: str) -> str:
    low = text.lower()
    return next((code for name, code in _EXCHANGES if name in low), text.strip())


_SUFFIXES = {"corporation": "corp", "incorporated": "inc", "company": "co", "limited": "ltd"}


def normalize_cover(concept: str, value: str) -> str:
    """Comparable form of a cover value: ISO dates, state codes, digits of phones, folded text."""
    value = " ".join(value.split())
    if concept == "DocumentPeriodEndDate":
        found = find_dates(value)
        return found[0][0].isoformat() if found else value
    if concept in ("EntityAddressStateOrProvince", "EntityIncorporationStateCountryCode"):
        return state_code(value) or value.upper()
    if concept == "SecurityExchangeName":
        return exchange_code(value)
    if concept == "EntityRegistrantName":  # "The Kraft Heinz Company" (cover) is "Kraft Heinz Co" (EDGAR)
        value = re.sub(
            r"\b(corporation|incorporated|company|limited)\b\.?", lambda m: _SUFFIXES[m[1].lower()], value, flags=re.I
        )
        value = re.sub(r"^the\s+", "", value, flags=re.I)
    if concept in ("LocalPhoneNumber", "CityAreaCode", "EntityTaxIdentificationNumber", "EntityCentralIndexKey"):
        return re.sub(r"\D", "", value).lstrip("0") if concept == "EntityCentralIndexKey" else re.sub(r"\D", "", value)
    if concept in ("EntityCommonStockSharesOutstanding", "EntityPublicFloat"):
        number = re.sub(r"[^\d.E+-]", "", value)
        try:
            return format(Decimal(number).normalize(), "f")
        except InvalidOperation:
            return value
    if concept == "CurrentFiscalYearEndDate":  # "--09-28" or "September 28"
        numeric = re.fullmatch(r"-*(\d\d)-(\d\d)", value)
        days = find_month_days(value)
        return f"{numeric[1]}{numeric[2]}" if numeric else f"{days[0][0]:02d}{days[0][1]:02d}" if days else value
    if concept == "EntityFileNumber":
        return "-".join(part.lstrip("0") or "0" for part in value.split("-"))
    return re.sub(r"[^a-z0-9]", "", value.casefold())


def ix_value(element) -> Decimal | None:
    """The value an ix:nonFraction states: its number (zero for a dash or a zero format) times ten
    to its scale, negated by sign="-"."""
    text = "".join(element.itertext()).strip()
    fmt = (element.get("format") or "").split(":")[-1]
    if "zero" in fmt or "dash" in fmt or not re.search(r"\d", text):
        number = Decimal(0)
    else:
        number = _decimal(re.sub(r"[^\d.]", "", text))
        if number is None:
            return None
    number = number.scaleb(int(element.get("scale") or 0))
    return -number if element.get("sign") == "-" else number


def cover_text(element) -> str:
    """What an inline cover fact says, through its format where the displayed text is not the value."""
    if element.tag == f"{IX}nonFraction":
        value = ix_value(element)
        return str(value) if value is not None else ""
    text = " ".join("".join(element.itertext()).split())
    fmt = (element.get("format") or "").split(":")[-1]
    if fmt in ("fixed-true", "fixed-false"):
        return fmt.split("-")[1]
    if fmt == "boolballotbox":
        return "true" if re.search("[\u2612\u2611xX]", text) else "false"
    numbers = re.findall(r"\d+", text)
    if fmt.replace("-", "") in ("datemonthday", "datedaymonth") and len(numbers) == 2:  # "1/31", "31.1"
        month, day = numbers if fmt.replace("-", "") == "datemonthday" else numbers[::-1]
        return f"--{int(month):02d}-{int(day):02d}"
    return text


def inline_document(path: Path) -> bytes | None:
    """The inline XBRL document of a filing (the file itself, or the one inside an SGML submission)."""
    data = path.read_bytes()
    if b"inlineXBRL" not in data[:2_000_000] and b"inlineXBRL" not in data:
        return None
    if path.suffix.lower() == ".txt":
        for m in re.finditer(rb"<TEXT>\s*(.*?)</TEXT>", data, re.S | re.I):
            if b"http://www.xbrl.org/2013/inlineXBRL" in m.group(1):
                return m.group(1)
        return None
    return data


def nondimensional_contexts(root) -> dict[str, tuple[date | None, date]]:
    """Context id -> (start, end) of each context without segment or scenario (start None: an instant)."""
    contexts = {}
    for ctx in root.iter(f"{XBRLI}context"):
        if ctx.find(f".//{XBRLI}segment") is not None or ctx.find(f".//{XBRLI}scenario") is not None:
            continue
        instant = ctx.findtext(f".//{XBRLI}instant")
        if instant:
            contexts[ctx.get("id")] = (None, _iso(instant))
        else:
            contexts[ctx.get("id")] = (
                _iso(ctx.findtext(f".//{XBRLI}startDate") or ""),
                _iso(ctx.findtext(f".//{XBRLI}endDate") or ""),
            )
    return contexts


_TITLE_BLOCKS = {"p", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}


def _is_statement_title(element) -> bool:
    """A short text naming a primary statement; a paragraph or cell is read whole, as titles are
    often split across spans ('CONDENSED CONSOLIDA' + 'TED BALANCE SHEETS')."""
    whole = element.tag.rsplit("}", 1)[-1] in _TITLE_BLOCKS
    text = " ".join(("".join(element.itertext()) if whole else element.text or "").split())
    return is_statement_title(text)


def inline_facts(path: Path) -> tuple[list[TruthFact], list[TruthCover]]:
    """The filer's own facts: numbers in non-dimensional contexts, and the first value of each dei
    cover field (dimensional contexts allowed: securities are listed per class)."""
    data = inline_document(path)
    if data is None:
        return [], []
    root = etree.fromstring(data, etree.XMLParser(recover=True, huge_tree=True))
    contexts = nondimensional_contexts(root)
    facts, covers, seen = [], [], set()
    on_statement = False
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _PAGE_BREAK_STYLE.search(element.get("style", "")):
            on_statement = False
        if _is_statement_title(element):
            on_statement = True
        if element.tag not in (f"{IX}nonFraction", f"{IX}nonNumeric"):
            continue
        name = element.get("name") or ""
        prefix, _, local = name.partition(":")
        if element.tag == f"{IX}nonFraction" and prefix == "us-gaap" and element.get("contextRef") in contexts:
            value = ix_value(element)
            start, end = contexts[element.get("contextRef")]
            if value is not None and end:
                facts.append(TruthFact("inline", local, start, end, value, on_statement))
        elif prefix == "dei" and local not in seen:
            seen.add(local)
            covers.append(TruthCover("inline", local, (normalize_cover(local, cover_text(element)),)))
    return facts, covers


def strip_inline_tags(data: bytes) -> bytes:
    """The plain HTML of an inline XBRL document: ix:header removed, other ix elements unwrapped."""
    data = re.sub(rb"<ix:header\b.*?</ix:header>", b"", data, flags=re.S | re.I)
    return re.sub(rb"</?ix:[A-Za-z]+\b[^>]*>", b"", data)
