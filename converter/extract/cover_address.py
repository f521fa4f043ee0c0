"""The principal executive office's address and telephone number on a cover page.

Covers print the address above its caption ("(Address of principal executive offices)"), with the
zip code perhaps in a column of its own and the telephone number in another; or as a line that
reads like an address (a street number, a city, a state and a zip code), on one line or with the
street on the line above; or, for a foreign registrant, ending in the country's name. The telephone
number stands beside its caption, above it, or on a line of its own.
"""

import re

from .cover_text import CoverText, Segment
from .model import Cell, CoverField, CoverName
from .places import STATE_NAME_PATTERN, country_of, state_code

ADDRESS_CAPTION = re.compile(
    r"\(?\s*address\s+(?:of\s+|and\s+zip\s+code\s+of\s+)?principal\s+executive\s+offices?", re.I
)
_ZIP_CAPTION = re.compile(r"\(\s*zip\s*code\s*\)", re.I)
_PHONE_CAPTION = re.compile(r"(?:(?:registrant|issuer|company)['\u2019]?s\s+)?telephone(?:\s+number)?\b", re.I)
_PHONE_AFTER = re.compile(r"(?:registrant|issuer|company)['\u2019]?s\s+telephone\s+number[^:\n]*:?", re.I)
PHONE = re.compile(r"\(?(?P<area>\d{3})\)?[\s.\-]*(?P<local>\d{3}[\s.\-]\d{4})\b")
_CITY_STATE_ZIP = re.compile(
    rf"^(?P<before>.*?),?\s+(?P<state>{STATE_NAME_PATTERN}|[A-Z]{{2}}|[A-Z][a-z]{{1,4}}\.)\.?,?\s+"
    r"(?P<zip>\d{5}(?:-\d{4})?)\s*$",
    re.I,
)
_STREET_WORDS = (
    r"\b(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|parkway|pkwy|lane|ln|court|ct|place|pl|plaza|loop|"
    r"circle|highway|hwy|way|center|centre|square|sq|terrace|trail|pike|turnpike|broadway|row|walk)\.?"
    r"(?:,?\s+(?:suite|ste\.?|floor|fl\.?|room|unit|building|bldg\.?|#)\s*[\w-]+)?(?=[\s,]|$)"
)
_STREET_END = re.compile(_STREET_WORDS, re.I)
_ENDS_AS_STREET = re.compile(_STREET_WORDS + r"\s*$", re.I)
_SECOND_LINE = re.compile(r"^(?:suite|ste\.?|floor|fl\.?|room|unit|building|bldg\.?|#|p\.?\s*o\.?\s+box)\b", re.I)
_STARTS_AS_STREET = re.compile(r"^(?:\d+[\w/-]*|one|two|three|four|five)\b", re.I)
_COUNTRY_AT_END = re.compile(r"^(?P<before>.+?),\s*(?P<country>[A-Za-z][A-Za-z.' ]+?)\.?\s*$")


def split_street_city(before: str) -> tuple[str, str]:
    """'2101 Vista Parkway, Suite 292 West Palm Beach' -> ('2101 Vista Parkway, Suite 292', 'West Palm Beach');
    '3M Center, St. Paul' -> ('3M Center', 'St. Paul'): a last part after a comma is the city unless
    it ends as a street does."""
    parts = [p.strip() for p in before.split(",")]
    if len(parts) > 1 and not _ENDS_AS_STREET.search(parts[-1]) and not re.search(r"\d", parts[-1]):
        return ", ".join(parts[:-1]), parts[-1]
    ends = list(_STREET_END.finditer(before))
    if ends:
        cut = ends[-1].end()
        return before[:cut].strip(" ,"), before[cut:].strip(" ,")
    return "", before.strip(" ,")


def _captioned_cell(cover: CoverText) -> Cell | None:
    """The lines above the address caption, only what stands under it (and under the zip code's
    caption beside it, moved last): a telephone number in its own column is not the address."""
    found = cover.caption(ADDRESS_CAPTION)
    if not found:
        return None
    i, own = found
    captions = cover.segments(i)
    zip_caption = cover.caption(_ZIP_CAPTION)
    zip_own = zip_caption[1] if zip_caption and zip_caption[0] == i and zip_caption[1] != own else None
    lines = sorted(cover.value_lines_above(i, 3)[:2])
    address: list[Segment] = []
    zips: list[Segment] = []
    for s in (s for j in lines for s in cover.segments(j)):
        if zip_own and (cover.in_column(s, zip_own, captions) or s.col is None and _is_zip(s.text)):
            zips.append(s)
        elif len(captions) == 1 or cover.in_column(s, own, captions):
            address.append(s)
    return cover.cell(address + zips) if address else None


def _is_zip(text: str) -> bool:
    return bool(re.fullmatch(r"\d{5}(?:-\d{4})?", text))


def _is_city_state_zip(text: str) -> bool:
    m = _CITY_STATE_ZIP.search(text)
    return bool(m and state_code(m["state"]))


def _reads_as_address(cell: Cell) -> bool:
    return _is_city_state_zip(cell.text) and bool(_STARTS_AS_STREET.match(cell.text))


def _street_above(cover: CoverText, i: int) -> list[Segment]:
    """The street line (and a suite line) printed above a 'City, State Zip' line, if any."""
    above = cover.value_lines_above(i, 2)
    lines: list[Segment] = []
    for j in above:
        segments = cover.segments(j)
        if len(segments) != 1:
            break
        lines.insert(0, segments[0])
        if _STARTS_AS_STREET.match(segments[0].text):
            return lines
        if not _SECOND_LINE.match(segments[0].text):
            break
    return []


def _stacked_paragraphs(cover: CoverText, segment: Segment) -> list[Segment]:
    """The paragraphs of a cell that stacks several, none for a cell of one."""
    paragraphs = cover.paragraph_segments(segment)
    return paragraphs if len(paragraphs) > 1 else []


def _stacked_address(cover: CoverText, segment: Segment) -> Cell | None:
    """An address stacked in a cell between other paragraphs (a combined filing's registrant cell:
    "Spire Inc." / "700 Market Street" / "St. Louis, MO 63101" / "314-342-0500"): from the first
    paragraph after the first (the registrant's name, which may start as a street does: "ONE Gas,
    Inc.") that starts as a street, to the next that is 'City, State Zip'."""
    paragraphs = cover.paragraph_segments(segment)
    first = next((k for k, p in enumerate(paragraphs) if k and _STARTS_AS_STREET.match(p.text)), None)
    if first is None:
        return None
    last = next((k for k in range(first, len(paragraphs)) if _is_city_state_zip(paragraphs[k].text)), None)
    if last is None:
        return None
    cell = cover.cell(paragraphs[first : last + 1])
    return cell if _reads_as_address(cell) else None


def _uncaptioned_cell(cover: CoverText) -> Cell | None:
    """A piece of the cover that reads like an address: street, city, state and zip in one cell
    (or stacked in one among other paragraphs), or a lone 'City, State Zip' line under a lone
    street line."""
    for i in range(len(cover.lines)):
        segments = cover.segments(i)
        for candidate in [segments, *([s] for s in segments)] if len(segments) > 1 else [segments]:
            cell = cover.cell(candidate)
            if candidate and _reads_as_address(cell):
                return cell
        stacked = next((c for c in (_stacked_address(cover, s) for s in segments) if c is not None), None)
        if stacked is not None:
            return stacked
        if len(segments) == 1:
            m = _CITY_STATE_ZIP.search(segments[0].text)
            street = _street_above(cover, i) if _is_city_state_zip(segments[0].text) else []
            if street and not split_street_city(m["before"])[0]:
                return cover.cell([*street, segments[0]])
    return None


def _pieces(cell: Cell) -> list[str]:
    """The separately printed pieces of a cell (its source spans)."""
    out, offset = [], 0
    for span in cell.spans:
        length = span.end - span.start
        out.append(cell.text[offset : offset + length])
        offset += length + 1
    return out


def _located(name: CoverName, cell: Cell, text: str, at: int, shown: str | None = None) -> CoverField:
    return CoverField(name, text, cell.span_at(at, at + len(shown or text)), shown)


def _street_fields(cell: Cell, street: str, at: int) -> list[CoverField]:
    """Address line one, and line two when a suite was printed apart from the street."""
    pieces = [p.strip(" ,") for p in _pieces(cell)]
    # the suite after a comma, or printed as a piece of its own ("... 37th Floor" / "P.O. Box 805379")
    tail = street.rsplit(", ", 1)[1] if ", " in street else next((p for p in pieces if street.endswith(" " + p)), "")
    if tail and _SECOND_LINE.match(tail) and tail in pieces:
        line1, line2 = street[: len(street) - len(tail)].rstrip(" ,"), tail
        return [
            _located(CoverName.ADDRESS_LINE1, cell, line1, at),
            _located(CoverName.ADDRESS_LINE2, cell, line2, cell.text.find(line2, at)),
        ]
    return [_located(CoverName.ADDRESS_LINE1, cell, street, at)] if street else []


def _us_address(cell: Cell) -> list[CoverField]:
    m = _CITY_STATE_ZIP.search(cell.text)
    if not m or not state_code(m["state"]):
        return []
    street, city = _street_and_city(cell, m["before"])
    fields = _street_fields(cell, street, m.start("before") + m["before"].find(street)) if street else []
    if city:
        fields.append(_located(CoverName.ADDRESS_CITY, cell, city, m.start("before") + m["before"].rfind(city)))
    fields.append(_located(CoverName.ADDRESS_STATE, cell, state_code(m["state"]) or "", m.start("state"), m["state"]))
    fields.append(_located(CoverName.ADDRESS_ZIP, cell, m["zip"], m.start("zip")))
    return fields


def _street_and_city(cell: Cell, before: str) -> tuple[str, str]:
    """Street and city before the state: split where the cell's pieces are when its last piece is
    'City, State Zip' with a city alone ("700 Market Street" / "St. Louis, MO 63101"), else by
    split_street_city ("Suite 200, Boston, MA 02110" holds a second street line)."""
    pieces = _pieces(cell)
    last = _CITY_STATE_ZIP.search(pieces[-1]) if len(pieces) > 1 else None
    city = last["before"].strip(" ,") if last else ""
    if city and not re.search(r"\d", city) and not _SECOND_LINE.match(city) and before.endswith(last["before"]):
        return before[: len(before) - len(last["before"])].strip(" ,"), city
    return split_street_city(before)


def _foreign_address(cell: Cell) -> list[CoverField]:
    """'38/39 Fitzwilliam Square, Dublin 2, Ireland': the country, the street, and the city when
    the part before the country is a name alone (a postal district's number stays unsplit: left out)."""
    m = _COUNTRY_AT_END.match(cell.text)
    country = country_of(m["country"]) if m else None
    if not m or country is None or not _STARTS_AS_STREET.match(cell.text):
        return []
    parts = [p.strip() for p in m["before"].split(",")]
    fields = [_located(CoverName.ADDRESS_COUNTRY, cell, country.iso, m.start("country"), m["country"])]
    if len(parts) > 1:
        street = ", ".join(parts[:-1])
        fields += _street_fields(cell, street, cell.text.find(street))
        if re.fullmatch(r"[A-Za-z][A-Za-z.' -]*", parts[-1]):
            fields.append(
                _located(CoverName.ADDRESS_CITY, cell, parts[-1], cell.text.rfind(parts[-1], 0, m.start("country")))
            )
    return fields


def address_fields(cover: CoverText) -> list[CoverField]:
    """Street, city, state and zip code (or country) of the principal executive offices."""
    captioned = _captioned_cell(cover)
    for cell in (captioned, _uncaptioned_cell(cover)):
        if cell is not None:
            fields = _us_address(cell) or _foreign_address(cell)
            if fields:
                return fields
    return []


def _beside_caption(cover: CoverText) -> Cell | None:
    """A telephone number on the line of its caption, the one nearest to it."""
    for i, line in enumerate(cover.lines):
        caption = _PHONE_CAPTION.search(line)
        if caption:
            found = [m for m in PHONE.finditer(line)]
            if found:
                m = min(found, key=lambda p: min(abs(p.start() - caption.end()), abs(caption.start() - p.end())))
                return Cell(m.group(0), (cover.span(i, m.start(), m.end()),))
    return None


def _phone_line(cover: CoverText) -> Cell | None:
    """A cover line, or a paragraph a cell stacks, that is a phone number and nothing else (covers
    that caption nothing, a combined filing's registrant cell)."""
    for i in range(len(cover.lines)):
        segments = cover.segments(i)
        if len(segments) == 1 and PHONE.fullmatch(segments[0].text):
            return cover.cell(segments)
        stacked = [p for s in segments for p in _stacked_paragraphs(cover, s) if PHONE.fullmatch(p.text)]
        if stacked:
            return cover.cell(stacked[:1])
    return None


def phone_fields(cover: CoverText) -> list[CoverField]:
    """Area code and local number of the registrant's telephone."""
    cell = (
        _beside_caption(cover)
        or cover.value_for(re.compile(r"\(?\s*" + _PHONE_CAPTION.pattern, re.I))
        or cover.value_after(_PHONE_AFTER, PHONE)
        or _phone_line(cover)
    )
    m = PHONE.search(cell.text) if cell else None
    if not m:
        return []
    return [
        CoverField(CoverName.CITY_AREA_CODE, m["area"], cell.span_at(m.start("area"), m.end("area"))),
        CoverField(
            CoverName.LOCAL_PHONE_NUMBER,
            re.sub(r"[\s.]", "-", m["local"]),
            cell.span_at(m.start("local"), m.end("local")),
            m["local"],
        ),
    ]
