"""The registered securities a cover states: title, trading symbol and exchange.

Read from the cover's "Title of each class / Trading Symbol(s) / Name of each exchange" table
(its first row), or from a "(NASDAQ: CPST)" mention anywhere in the filing.
"""

import re

from ..ingest.model import SourceDocument
from .cover_text import CoverText, Segment
from .model import CoverField, Span
from .places import exchange_code

_TABLE_HEAD = re.compile(r"trading\s+symbol", re.I)
_SYMBOL = re.compile(r"\b[A-Z][A-Z0-9.\-]{0,6}\b")
_TICKER = re.compile(
    r"\((?P<exchange>NASDAQ(?:\s*(?:GS|GM|CM|Global\s+(?:Select\s+)?Market))?|NYSE(?:\s+(?:American|Arca|MKT|Amex))?"
    r"|AMEX|Nasdaq(?:GS|GM|CM)?)\s*:\s*(?P<symbol>[A-Z][A-Z.\-]{0,5})\)"
)


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
            fields.append(CoverField(name, cell.text, span))
    return fields


def _from_mention(documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    for doc in documents:
        for i, line in enumerate(doc.lines):
            m = _TICKER.search(line)
            if m:
                fields = [
                    CoverField("trading_symbol", m["symbol"], Span(doc.index, i, m.start("symbol"), m.end("symbol")))
                ]
                code = exchange_code(m["exchange"])
                if code:
                    span = Span(doc.index, i, m.start("exchange"), m.end("exchange"))
                    fields.append(CoverField("exchange", code, span, m["exchange"]))
                return fields
    return []


def securities(cover: CoverText, documents: tuple[SourceDocument, ...]) -> list[CoverField]:
    return _from_table(cover) or _from_mention(documents)
