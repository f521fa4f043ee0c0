"""The registered securities a cover states: title, trading symbol and exchange.

Read from the cover's "Title of each class / Trading Symbol(s) / Name of each exchange" table
(its first row, or a cell's first paragraph where a cell stacks one security per paragraph),
or from the first mention anywhere in the filing: "(NASDAQ: CPST)", or "listed
on the New York Stock Exchange under the symbol JNJ" (the exchange only when the sentence names
one EDGAR knows: an over-the-counter quotation is no exchange).
"""

import re

from ..ingest.model import SourceDocument
from .cover_text import CoverText, Segment
from .model import CoverField, Span
from .places import EXCHANGE_NAME, exchange_code

_TABLE_HEAD = re.compile(r"trading\s+symbol", re.I)
_SYMBOL = re.compile(r"\b[A-Z][A-Z0-9.\-]{0,6}\b")
_TICKER = re.compile(
    r"\((?P<exchange>NASDAQ(?:\s*(?:GS|GM|CM|Global\s+(?:Select\s+)?Market))?|NYSE(?:\s+(?:American|Arca|MKT|Amex))?"
    r"|AMEX|Nasdaq(?:GS|GM|CM)?)\s*:\s*(?P<symbol>[A-Z][A-Z.\-]{0,5})\)"
)

_UNDER_SYMBOL = re.compile(
    r"\bunder\s+the\s+(?:trading\s+|ticker\s+|stock\s+)?symbol\s+(?:of\s+)?[\"'\u201c\u2018]?"
    r"(?P<symbol>[A-Z][A-Z\-]{0,5}(?:\.[A-Z])?)(?![\w\-])"
)
_EXCHANGE_CONTEXT = 150  # characters before "under the symbol" where the sentence names the exchange


def _column_of(segments: list[Segment], heading: Segment) -> Segment | None:
    if heading.col is not None:
        return next((s for s in segments if s.col == heading.col), None)
    return min(segments, key=lambda s: abs(s.center - heading.center), default=None)


def _from_table(cover: CoverText) -> list[CoverField]:
    found = cover.find(_TABLE_HEAD)
    if not found:
        return []
    head_line, _ = found
    heads = cover.segments(head_line)
    title = next((h for h in heads if re.search(r"title", h.text, re.I)), None)
    symbol = next((h for h in heads if _TABLE_HEAD.search(h.text)), None)
    exchange = next((h for h in heads if re.search(r"exchange", h.text, re.I)), None)
    row_line = next(
        (j for j in range(head_line + 1, min(head_line + 4, len(cover.lines))) if cover.lines[j].strip()), None
    )
    if row_line is None:
        return []
    row = cover.segments(row_line)
    fields = []
    for name, head in (("security_title", title), ("trading_symbol", symbol), ("exchange", exchange)):
        cell = _column_of(row, head) if head else None
        if cell is None:
            continue
        span = Span(cover.doc.index, row_line, cell.start, cell.end)
        if name == "trading_symbol":
            m = _SYMBOL.search(cell.text)
            if m:
                fields.append(
                    CoverField(
                        name, m.group(0), Span(cover.doc.index, row_line, cell.start + m.start(), cell.start + m.end())
                    )
                )
        elif name == "exchange":
            code = exchange_code(cell.text)
            if code:
                fields.append(CoverField(name, code, span, cell.text))
        else:
            title = cover.paragraphs(cell)[0]
            fields.append(CoverField(name, title, Span(cover.doc.index, row_line, cell.start, cell.start + len(title))))
    return fields


def _mention(line: str) -> tuple[re.Match, tuple[int, int, str] | None] | None:
    """The first symbol a line mentions, with where its exchange is named (start, end, text)."""
    ticker, phrase = _TICKER.search(line), _UNDER_SYMBOL.search(line)
    if ticker and (phrase is None or ticker.start() < phrase.start()):
        return ticker, (ticker.start("exchange"), ticker.end("exchange"), ticker["exchange"])
    if phrase is None:
        return None
    start = max(0, phrase.start() - _EXCHANGE_CONTEXT)
    named = [
        (m.start() + start, m.end() + start, m.group(0)) for m in EXCHANGE_NAME.finditer(line[start : phrase.start()])
    ]
    return phrase, (named[-1] if named else None)


def _from_mention(documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    for doc in documents:
        for i, line in enumerate(doc.lines):
            found = _mention(line)
            if found is None:
                continue
            m, exchange = found
            fields = [CoverField("trading_symbol", m["symbol"], Span(doc.index, i, m.start("symbol"), m.end("symbol")))]
            code = exchange_code(exchange[2]) if exchange else None
            if code:
                fields.append(CoverField("exchange", code, Span(doc.index, i, exchange[0], exchange[1]), exchange[2]))
            return fields
    return []


def securities(cover: CoverText, documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    return _from_table(cover) or _from_mention(documents)
