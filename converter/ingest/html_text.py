"""Turn an HTML document (including inline XBRL, whose tags are ignored) into text lines.

Tables become one line per row with cells separated by tabs (column spans kept beside the lines,
and the paragraphs of cells that stack several, such as one security per paragraph on a cover),
block elements start new lines, <pre> keeps its layout, CSS page breaks become form feeds. The
same extraction rules then read HTML and plain-text filings alike.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError
from ..text_cache import short_text_cache

_BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "center",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "address",
    "section",
    "article",
    "header",
    "footer",
    "form",
    "body",
    "html",
    "caption",
    "title",
}
_SKIP = {"script", "style", "head", "noscript", "ix:header", "template", "object", "embed", "iframe"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_BREAK_BEFORE = re.compile(r"page-break-before\s*:\s*always|break-before\s*:\s*page", re.I)
_BREAK_AFTER = re.compile(r"page-break-after\s*:\s*always|break-after\s*:\s*page", re.I)
_LENGTH = re.compile(r"^(-?[\d.]+)\s*(em|pt|px|in)$", re.I)
_LEFT_SIDE = {"margin-left", "padding-left", "text-indent"}
_SHORTHANDS = {"margin", "padding"}  # 1-4 lengths (top right bottom left): the left is the 4th, else 2nd, else 1st
_UNIT_SPACES = {"em": 2.0, "pt": 0.2, "px": 0.15, "in": 14.0}
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b]+")
PAGE_BREAK = "\f"
# Without huge_tree, libxml2 silently drops text nodes over 10 MB and everything nested deeper
# than 255 elements: a filing wrapped in many <div>s would lose its statements without a word.
# lxml's plain HTML parser: lxml.html's adds a Python class lookup to every element made.
_PARSER = etree.HTMLParser(huge_tree=True)


@dataclass
class HtmlText:
    """Lines of text from HTML, which lines hold tables, their cells' column spans, and the line
    of the HTML file each text line came from."""

    lines: list[str] = field(default_factory=list)
    source_lines: list[int] = field(default_factory=list)
    tables: list[tuple[int, int]] = field(default_factory=list)
    colspans: dict[int, tuple[int, ...]] = field(default_factory=dict)
    cell_blocks: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)  # (line, cell) -> paragraphs


class _Writer:
    def __init__(self) -> None:
        self.out = HtmlText()
        self.buffer: list[str] = []
        self.buffer_line = 0

    def text(self, text: str | None, sourceline: int | None) -> None:
        if text:
            if not self.buffer:
                self.buffer_line = sourceline or 0
            self.buffer.append(_SPACES.sub(" ", text))

    def line(self, text: str, sourceline: int) -> None:
        self.out.lines.append(text)
        self.out.source_lines.append(sourceline)

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        self.buffer = []
        if text:
            self.line(text, self.buffer_line)

    def blank(self) -> None:
        self.flush()
        if self.out.lines and self.out.lines[-1]:
            self.line("", self.out.source_lines[-1])

    def page_break(self, sourceline: int) -> None:
        self.blank()
        self.line(PAGE_BREAK, sourceline)
        self.line("", sourceline)


def _tag(element) -> str:
    """An element's tag name ('' for comments and processing instructions): lxml's HTML parser
    gives names in lower case."""
    tag = element.tag
    return tag if type(tag) is str else ""


def _indent_width(element) -> float:
    """A cell's CSS indentation in spaces (so hierarchy survives as in text), before rounding."""
    total = 0.0
    for node in element.iter():
        if isinstance(node.tag, str):
            for length in _left_lengths(node.get("style", "")):
                found = _LENGTH.match(length)
                if found:
                    total += float(found[1]) * _UNIT_SPACES[found[2].lower()]
    return max(0.0, total)


_SAME_LEVEL = 0.3  # spaces (1.5pt): indentations closer than this in one table are one level


def _indent_levels(widths: Iterable[float]) -> dict[float, int]:
    """Leading spaces for each indentation of a table's labels. Widths that differ by less than
    a point or so are one level typeset unevenly (12.25pt under 13pt): rounded on their own they
    could fall on either side of a space and read as two levels, so each takes the narrowest's."""
    levels: dict[float, int] = {}
    narrowest = None
    for width in sorted(set(widths)):
        if narrowest is None or width - narrowest >= _SAME_LEVEL:
            narrowest = width
        levels[width] = round(narrowest)
    return levels


def _left_lengths(style: str) -> list[str]:
    """The lengths a style sets on an element's left side, shorthands included ('padding:2px 1pt 2px 25.75pt')."""
    lengths = []
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name, values = name.strip().lower(), value.split()
        if name in _LEFT_SIDE and values:
            lengths.append(values[0])
        elif name in _SHORTHANDS and 1 <= len(values) <= 4:
            lengths.append(values[(0, 1, 1, 3)[len(values) - 1]])
    return lengths


@short_text_cache(maxsize=4096)
def _hiding(style: str) -> bool:
    """Does a style hide its element? Cached: generated filings repeat a few styles on every element."""
    return _HIDDEN.search(style) is not None


def _hidden(element) -> bool:
    style = element.get("style")
    return bool(style) and _hiding(style)


def _cell_text(text: str) -> str:
    return _SPACES.sub(" ", text).replace("\t", " ").strip()


def _cell_blocks(cell) -> tuple[str, ...]:
    """A cell's text in reading order (a child's text before its tail), one string per block element
    or <br>-separated piece, with comments, hidden and non-content elements left out (the cell
    itself is shown: rows place only shown cells). Walked with a stack, not recursion: hostile
    markup may nest thousands deep."""
    if len(cell) == 0:  # most cells: text alone, or nothing
        text = _cell_text(cell.text or "")
        return (text,) if text else ()
    if len(cell) == 1 and len(cell[0]) == 0:  # most others: text in one element (a <span>, a <p>)
        return _blocks_around(cell.text or "", cell[0])
    blocks: list[str] = []
    pieces: list[str] = [cell.text or ""]

    def end_block() -> None:
        text = _cell_text("".join(pieces))
        pieces.clear()
        if text:
            blocks.append(text)

    stack = [(child, False) for child in reversed(cell)]
    while stack:
        node, closing = stack.pop()
        tag = _tag(node)
        if not closing and _left_out(node, tag):
            pieces.append(node.tail or "")
            continue
        if _breaks(tag):
            end_block()
        if closing:
            pieces.append(node.tail or "")
            continue
        pieces.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    end_block()
    return tuple(blocks)


def _left_out(node, tag: str) -> bool:
    """A comment, a non-content element (script, style...) or a hidden one: only its tail is read."""
    return not tag or tag in _SKIP or _hidden(node)


def _breaks(tag: str) -> bool:
    """An element that ends the text before it and starts its own (a block, a line break)."""
    return tag == "br" or tag in _BLOCK


def _blocks_around(text: str, child) -> tuple[str, ...]:
    """_cell_blocks of a cell holding `text` and one element with no children, without the walk."""
    tag, tail = _tag(child), child.tail or ""
    if _left_out(child, tag):
        pieces = (text + tail,)
    elif _breaks(tag):
        pieces = (text, child.text or "", tail)
    else:
        pieces = (text + (child.text or "") + tail,)
    return tuple(t for t in map(_cell_text, pieces) if t)


def _rows_of(child):
    """The rows a child of a table holds: itself, or those of a row group."""
    tag = _tag(child)
    if tag == "tr":
        yield child
    elif tag in ("thead", "tbody", "tfoot"):
        yield from (r for r in child if _tag(r) == "tr")


def _rows(table):
    for child in table:
        yield from _rows_of(child)


def _span(cell, attribute: str) -> int:
    value = cell.get(attribute)
    if value is None:  # most cells
        return 1
    digits = value if value.isascii() and value.isdigit() else re.sub(r"\D", "", value) or "1"
    return max(1, min(int(digits), 100))


def _placed_cells(cells: list, above: dict[int, tuple[int, int]]) -> list:
    """The row's cells in grid order, with None standing in (for as many columns) where a cell of
    a row above reaches down (rowspan): in HTML's table model a cell spanning rows pushes the cells
    of the rows below it to the right. `above` maps a grid column to (columns, rows left) and is
    updated for the rows to come."""
    placed: list = []
    column = 0
    pending = list(cells)
    while pending or any(c >= column for c in above):
        if column in above:
            width, rows_left = above.pop(column)
            placed.append((None, width))
            if rows_left > 1:
                above[column] = (width, rows_left - 1)
            column += width
            continue
        if not pending:
            column = min(c for c in above if c >= column)
            continue
        cell = pending.pop(0)
        width, height = _span(cell, "colspan"), _span(cell, "rowspan")
        placed.append((cell, width))
        if height > 1:
            above[column] = (width, height - 1)
        column += width
    return placed


def _write_table(writer: _Writer, rows) -> None:
    writer.blank()
    first = len(writer.out.lines)
    above: dict[int, tuple[int, int]] = {}
    kept = []  # (row, its placed cells, their blocks and texts, the label's indentation)
    for row in rows:
        if _hidden(row):
            continue
        # a cell not displayed takes no place in the table, as in a browser: the spans around it
        # (a heading of colspan 6 over two years of colspan 3 each) count only displayed columns
        shown = [c for c in row if _tag(c) in ("td", "th") and not _hidden(c)]
        placed = _placed_cells(shown, above)
        blocks = [_cell_blocks(c) if c is not None else () for c, _ in placed]
        texts = [" ".join(b) for b in blocks]
        if any(texts):
            indent = _indent_width(placed[0][0]) if texts[0] and placed[0][0] is not None else None
            kept.append((row, placed, blocks, texts, indent))
    levels = _indent_levels(indent for *_, indent in kept if indent is not None)
    for row, placed, blocks, texts, indent in kept:
        line = len(writer.out.lines)
        writer.out.cell_blocks.update({(line, n): b for n, b in enumerate(blocks) if len(b) > 1})
        if indent is not None:
            texts[0] = " " * levels[indent] + texts[0]
        writer.out.colspans[line] = tuple(width for _, width in placed)
        writer.line("\t".join(texts), row.sourceline or 0)
    if len(writer.out.lines) > first:
        writer.out.tables.append((first, len(writer.out.lines) - 1))
    writer.blank()


def _write_table_around_tables(writer: _Writer, table) -> None:
    """A table that holds tables: its rows without one are still a table, the others are walked
    for theirs. Layout tables wrap whole statements; an unclosed <table> swallows what follows."""
    writer.flush()
    writer.text(table.text, table.sourceline)
    pending: list = []
    for child in table:
        for part in list(_rows_of(child)) or [child]:
            if _tag(part) == "tr" and part.find(".//table") is None:
                pending.append(part)
                continue
            if pending:
                _write_table(writer, pending)
                pending = []
            _walk(writer, part)
        writer.text(child.tail, child.sourceline)
    if pending:
        _write_table(writer, pending)
    writer.flush()


def _walk_children(writer: _Writer, element, block: bool) -> None:
    if block:
        writer.flush()
    writer.text(element.text, element.sourceline)
    for child in element:
        _walk(writer, child)
        writer.text(child.tail, child.sourceline)
    if block:
        writer.flush()


def _walk(writer: _Writer, element) -> None:
    tag = _tag(element)
    if not tag or tag in _SKIP:
        return
    style = element.get("style") or ""
    if style and _hiding(style):
        return
    if style and _BREAK_BEFORE.search(style):
        writer.page_break(element.sourceline or 0)
    if tag == "table" and element.find(".//table") is None:
        _write_table(writer, _rows(element))
    elif tag == "table":
        _write_table_around_tables(writer, element)
    elif tag == "pre":
        writer.flush()
        for offset, text in enumerate("".join(element.itertext()).split("\n")):
            writer.line(text.rstrip().replace("\u00a0", " "), (element.sourceline or 0) + offset)
        writer.blank()
    elif tag == "br":
        writer.flush()
    elif tag == "hr":
        writer.blank()
    else:
        _walk_children(writer, element, tag in _BLOCK or tag in ("tr", "td", "th"))
    if style and _BREAK_AFTER.search(style):
        writer.page_break(element.sourceline or 0)


def html_to_text(markup: str) -> HtmlText:
    """Text lines of an HTML document; raise InputError for markup lxml cannot make sense of."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        root = etree.fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from exc
    if root is None:
        raise InputError("cannot parse the HTML: Document is empty")
    writer = _Writer()
    try:
        _walk(writer, root)
    except RecursionError as exc:
        raise InputError("the HTML is nested too deeply to read") from exc
    writer.flush()
    return writer.out
