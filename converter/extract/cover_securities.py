"""The registered securities a cover states: title, trading symbol and exchange.

Read from the cover's "Title of each class / Trading Symbol(s) / Name of each exchange" table,
every row of it (a cell may stack one security per paragraph, and a typed title may wrap onto
the next line), or from the first mention anywhere in the filing: "(NASDAQ: CPST)", or "listed
on the New York Stock Exchange under the symbol JNJ" (the exchange only when the sentence names
one EDGAR knows: an over-the-counter quotation is no exchange).
"""

import re
from dataclasses import replace

from ..ingest.model import SourceDocument
from .cover_text import CoverText, Segment
from .model import CoverField, CoverName, Security, Span
from .places import EXCHANGE_NAME, exchange_code

_TABLE_HEAD = re.compile(r"trading\s+symbol", re.I)
_SYMBOL = re.compile(r"\b[A-Z][A-Z0-9./\-]{0,6}\b")
_NO_SYMBOL = re.compile(r"^(?:[-\u2010-\u2015\u2212*]+|n/?a|none)$", re.I)
_NOT_A_SECURITY = re.compile(
    r"^(?:securities\s+registered|indicate\b|check\b|none\b|not\s+applicable\b)|:$|^.{150}", re.I | re.S
)  # the table has ended: a caption, a check-box question or prose
_TICKER = re.compile(
    r"\((?P<exchange>NASDAQ(?:\s*(?:GS|GM|CM|Global\s+(?:Select\s+)?Market))?|NYSE(?:\s+(?:American|Arca|MKT|Amex))?"
    r"|AMEX|Nasdaq(?:GS|GM|CM)?)\s*:\s*(?P<symbol>[A-Z][A-Z.\-]{0,5})\)"
)

_UNDER_SYMBOL = re.compile(
    r"\bunder\s+the\s+(?:trading\s+|ticker\s+|stock\s+)?symbol\s+(?:of\s+)?[\"'\u201c\u2018]?"
    r"(?P<symbol>[A-Z][A-Z\-]{0,5}(?:\.[A-Z])?)(?![\w\-])"
)
_EXCHANGE_CONTEXT = 150  # characters before "under the symbol" where the sentence names the exchange
MAX_SECURITIES = 40


def _heading_of(segment: Segment, heads: dict[str, Segment]) -> str:
    """Which column heading a segment of a row stands under: by table column, else by position."""
    if segment.col is not None and all(h.col is not None for h in heads.values()):
        return min(heads, key=lambda k: (abs(heads[k].col - segment.col), heads[k].col))
    return min(heads, key=lambda k: abs(heads[k].center - segment.center))


def _paragraphs(cover: CoverText, segment: Segment | None) -> list[tuple[str, Span]]:
    """The paragraphs of a row's cell, each with where it is printed."""
    if segment is None:
        return []
    out, offset = [], segment.start
    for text in cover.paragraphs(segment):
        out.append((text, cover.span(segment.line, offset, offset + len(text))))
        offset += len(text) + 1
    return out


def _security(title: tuple[str, Span], symbol: tuple[str, Span] | None, exchange: tuple[str, Span] | None) -> Security:
    symbol_field = no_symbol = exchange_field = None
    if symbol is not None:
        text, span = symbol
        m = _SYMBOL.search(text)
        if _NO_SYMBOL.match(text.strip()):
            no_symbol = CoverField(CoverName.NO_TRADING_SYMBOL, "true", span, text)
        elif m:
            symbol_field = CoverField(
                CoverName.TRADING_SYMBOL,
                m.group(0),
                Span(span.doc, span.line, span.start + m.start(), span.start + m.end()),
            )
    if exchange is not None:
        code = exchange_code(exchange[0])
        if code:
            exchange_field = CoverField(CoverName.EXCHANGE, code, exchange[1], exchange[0])
    return Security(CoverField(CoverName.SECURITY_TITLE, title[0], title[1]), symbol_field, exchange_field, no_symbol)


def _row_lines(cover: CoverText, head_line: int) -> list[int]:
    """The table's rows: the non-blank lines after its headings, up to the first blank one."""
    first = next(
        (j for j in range(head_line + 1, min(head_line + 4, len(cover.lines))) if cover.lines[j].strip()), None
    )
    if first is None:
        return []
    rows = []
    for j in range(first, min(first + MAX_SECURITIES, len(cover.lines))):
        if not cover.lines[j].strip():
            break
        rows.append(j)
    return rows


def listed_securities(cover: CoverText) -> list[Security]:
    """Every security of the cover's 12(b) table, in the order printed."""
    found = cover.find(_TABLE_HEAD)
    if not found:
        return []
    head_line, _ = found
    segments = cover.segments(head_line)
    heads = {
        name: next((h for h in segments if re.search(pattern, h.text, re.I)), None)
        for name, pattern in (
            ("title", r"title"),
            ("symbol", _TABLE_HEAD.pattern),
            ("exchange", r"exchange"),
        )
    }
    heads = {k: v for k, v in heads.items() if v is not None}
    if "title" not in heads:
        return []
    # the table's other columns ("Registrant" of a combined filing) keep their cells to themselves
    named = {id(h) for h in heads.values()}
    heads |= {f"other {n}": h for n, h in enumerate(segments) if id(h) not in named and h.text.strip()}
    listed: list[Security] = []
    for line in _row_lines(cover, head_line):
        cells: dict[str, Segment] = {}
        for segment in cover.segments(line):
            cells.setdefault(_heading_of(segment, heads), segment)
        titles = _paragraphs(cover, cells.get("title"))
        if any(_NOT_A_SECURITY.search(text) for text, _ in titles):
            break
        symbols, exchanges = _paragraphs(cover, cells.get("symbol")), _paragraphs(cover, cells.get("exchange"))
        if titles and not symbols and not exchanges and listed and cells["title"].col is None:
            last = listed[-1].title  # a typed title wrapped onto the next line
            joined = CoverField(CoverName.SECURITY_TITLE, f"{last.value} {titles[0][0]}", last.span)
            listed[-1] = replace(listed[-1], title=joined)
            continue
        for n, title in enumerate(titles):
            symbol = symbols[n] if n < len(symbols) else None
            exchange = exchanges[n] if n < len(exchanges) else None
            listed.append(_security(title, symbol, exchange))
    return listed


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
            fields = [
                CoverField(
                    CoverName.TRADING_SYMBOL, m["symbol"], Span(doc.index, i, m.start("symbol"), m.end("symbol"))
                )
            ]
            code = exchange_code(exchange[2]) if exchange else None
            if code:
                fields.append(
                    CoverField(CoverName.EXCHANGE, code, Span(doc.index, i, exchange[0], exchange[1]), exchange[2])
                )
            return fields
    return []


def securities(cover: CoverText, documents: tuple[SourceDocument, ...]) -> tuple[list[CoverField], list[Security]]:
    """The first security's fields (a lone one, or the first of a table), and every security the
    table lists when it lists several."""
    listed = listed_securities(cover)
    if listed:
        return list(listed[0].fields), (listed if len(listed) > 1 else [])
    return _from_mention(documents), []
