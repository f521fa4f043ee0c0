"""The numbers a periodic report's cover states: shares outstanding and the public float.

"As of February 19, 2009, there were 1,171,055,198 common shares of the registrant outstanding."
"The aggregate market value of the voting stock held by non-affiliates ... as of March 29, 2024
... was approximately $2,628,553,000,000." Each is read from one sentence of the cover, with the
date that sentence gives; a sentence without a date, or with a value that cannot be told apart
from another (two aggregate market values, one per class), gives nothing. Counts for several
classes ("Class A ... 2,402,542,856 shares ... Class B ... 451,945,880 shares") are kept per class.
"""

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

from ..ingest.model import DocumentFormat
from .cover_text import CoverText
from .dates import find_dates
from .model import Cell, CoverAmount, CoverName

_SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_SCALE_WORD = r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
_COUNT = re.compile(
    rf"(?<![\d$.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{5,}}|\d+(?:\.\d+)?(?=\s+(?:million|billion)))(?![\d,]*\.\d)(?!\s*%){_SCALE_WORD}",
    re.I,
)
_MONEY = re.compile(
    rf"\$\s*(?:(?P<zero>-0-)|(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)){_SCALE_WORD}", re.I
)
_PRICE_AFTER = re.compile(r"^\s*(?:per|a)\s+(?:common\s+)?share\b", re.I)
_SHARES = re.compile(r"\boutstanding\b", re.I)
_SHARE_WORDS = re.compile(r"\b(?:shares?|stock|units)\b", re.I)
_FLOAT = re.compile(r"\baggregate\s+market\s+value\b", re.I)
_NOT_SHARES = re.compile(r"\baggregate\s+market\s+value\b|\bnon-?\s*affiliates?\b|\bnumber\s+of\s+holders\b", re.I)
_CLASS = re.compile(r"\bclass\s+(?P<letter>[a-c])\b", re.I)
_SERIES = re.compile(r"\bseries\s+[a-z0-9]\b", re.I)  # counts per series: no class of stock to tag them with
# a full stop after a word in lower case or in capitals ("CLASS B STOCK. BASED ON"), not after an
# initial ("U.S. Government")
_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9%)\]])|(?<=[A-Z]{2}))\.\s+(?=[A-Z(])")
_CONTINUES = re.compile(r"^[a-z$(\d]")
_PERIODIC_FORMS = re.compile(r"^(?:10-K|10-Q|20-F|40-F)", re.I)


def _shares_table_row(cover: CoverText, current: list[int], line: str) -> bool:
    """A row of the cover's table of shares ("Common stock, without par value | 4,263,247,021")
    under the heading row that dates the counts ("Class | Outstanding as of June 30, 2025")."""
    head = cover.lines[current[0]]
    return (
        len(current) == 1
        and "\t" in line
        and "\t" in head
        and bool(_COUNT.search(line) and _SHARES.search(head) and find_dates(head))
    )


def _dates_rows_below(line: str) -> bool:
    """A sentence that dates the counts of the table rows after it ("The number of shares
    outstanding of each registrant's common stock as of January 29, 2024, was as follows:")."""
    return line.rstrip().endswith(":") and _speaks_of_shares(line) and bool(find_dates(line))


def _count_cell(cover: CoverText, i: int) -> bool:
    """A table row with a cell that is a count and nothing else (not a file number's digits)."""
    return "\t" in cover.lines[i] and any(_COUNT.fullmatch(s.text) for s in cover.segments(i))


def _paragraphs(cover: CoverText) -> Iterator[Cell]:
    """The cover's paragraphs as cells (text joined across lines, with each line's span): typed
    text wraps freely; an HTML line carries on the one above only when it reads as its continuation.
    Each row of a table of shares is read with the heading row that dates it, one class a row, or
    with the sentence above it that dates it (a paragraph of its own), after the row (whose words,
    "Spire Inc.", may end in a full stop), one class or registrant a row."""
    text = cover.doc.format is DocumentFormat.TEXT
    current: list[int] = []
    dating: int | None = None  # the last paragraph, when it dates the table rows below it
    for i, line in enumerate([*cover.lines, ""]):
        stripped = line.strip()
        if current and not text and _shares_table_row(cover, current, line):
            yield cover.cell([s for j in (current[0], i) for s in cover.segments(j)])
            continue
        if not current and not text and dating is not None and _count_cell(cover, i):
            yield cover.cell([s for j in (i, dating) for s in cover.segments(j)])
            continue
        if stripped and not current:
            dating = None
        joins = (
            current
            and stripped
            and (
                text or (not cover.lines[current[-1]].rstrip().endswith((".", ":", ";")) and _CONTINUES.match(stripped))
            )
        )
        if current and not joins:
            yield cover.cell([s for j in current for s in cover.segments(j)])
            dating = current[0] if len(current) == 1 and _dates_rows_below(cover.lines[current[0]]) else None
            current = []
        if stripped:
            current.append(i)


def _sentences(cell: Cell) -> Iterator[tuple[str, int]]:
    """Sentences of a paragraph, each with its offset in the paragraph's text."""
    start = 0
    for m in _SENTENCE_END.finditer(cell.text):
        yield cell.text[start : m.start() + 1], start
        start = m.end()
    yield cell.text[start:], start


def _nearest_date(sentence: str, position: int) -> date | None:
    dates = find_dates(sentence)
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d[1] - position), abs(d[2] - position)))[0]


def _number(m: re.Match) -> tuple[Decimal, int, int]:
    """Value, printed precision (decimals) and scale of a matched amount ("27.5 billion": 27.5e9, -8, 9)."""
    digits = m["num"] or "0"
    scale = _SCALES[m["scale"].lower()] if m["scale"] else 0
    shown = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(digits.replace(",", "")).scaleb(scale), shown - scale, scale


def _amount(
    name: CoverName, m: re.Match, cell: Cell, offset: int, day: date, class_title: str | None = None
) -> CoverAmount:
    value, decimals, scale = _number(m)
    span = None if m.groupdict().get("zero") else cell.span_at(offset + m.start("num"), offset + m.end("num"))
    return CoverAmount(name, value, day, span, decimals, scale, class_title)


def _speaks_of_shares(text: str) -> bool:
    return bool(_SHARES.search(text) and _SHARE_WORDS.search(text) and not _NOT_SHARES.search(text))


def _share_counts(cell: Cell, sentence: str, offset: int) -> list[CoverAmount]:
    """The count a sentence states (the first, when it goes on to exclusions), or one per class."""
    counts = list(_COUNT.finditer(sentence))
    if not counts or (len(counts) > 1 and _SERIES.search(sentence)):
        return []
    letters = []
    for n, m in enumerate(counts):
        before = counts[n - 1].end() if n else 0
        after = counts[n + 1].start() if n + 1 < len(counts) else len(sentence)
        named = list(_CLASS.finditer(sentence, before, after))
        letters.append(min(named, key=lambda c: abs(c.start() - m.start()))["letter"].upper() if named else None)
    several = len(set(letters)) > 1
    found = []
    for m, letter in list(zip(counts, letters, strict=True))[: None if several else 1]:
        day = _nearest_date(sentence, m.start())
        title = f"Class {letter} Common Stock" if letter else "Common Stock" if several else None
        if day:
            found.append(_amount(CoverName.SHARES_OUTSTANDING, m, cell, offset, day, title))
    return found


def _public_float(cell: Cell, sentence: str, offset: int) -> tuple[CoverAmount | None, str]:
    """The aggregate market value a sentence states (its largest dollar amount, not a share
    price), and what the sentence goes on to say after it (a line run on into the next statement)."""
    if len(_FLOAT.findall(sentence)) != 1:
        return None, ""  # one per class of stock
    amounts = [m for m in _MONEY.finditer(sentence) if not _PRICE_AFTER.match(sentence[m.end() :])]
    if not amounts:
        return None, ""
    m = max(amounts, key=lambda a: _number(a)[0])
    day = _nearest_date(sentence, m.start())
    return (_amount(CoverName.PUBLIC_FLOAT, m, cell, offset, day) if day else None), sentence[m.end() :]


def cover_amounts(cover: CoverText, form: str) -> list[CoverAmount]:
    """Shares outstanding and public float, as the cover of a 10-K or 10-Q states them."""
    if not _PERIODIC_FORMS.match(form):
        return []
    shares: list[CoverAmount] = []
    public_float: list[CoverAmount] = []
    for cell in _paragraphs(cover):
        for sentence, offset in _sentences(cell):
            if _FLOAT.search(sentence):
                found, rest = _public_float(cell, sentence, offset)
                public_float += [found] if found else []
                if _speaks_of_shares(rest):
                    shares += _share_counts(cell, rest, offset + len(sentence) - len(rest))
            elif _speaks_of_shares(sentence):
                shares += _share_counts(cell, sentence, offset)
    by_class: dict[str | None, CoverAmount] = {}
    for amount in shares:
        by_class.setdefault(amount.class_title, amount)  # the first count the cover gives per class
    if None in by_class and len(by_class) > 1:
        by_class = {None: by_class[None]}  # a total beside per-class counts: the total speaks
    counts = list(by_class.values())
    if len(counts) == 1:
        counts = [replace(counts[0], class_title=None)]  # one class: the registrant's count
    return counts + public_float[:1]
