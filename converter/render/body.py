"""Lay out the filing's text as blocks for the iXBRL template: paragraphs of lines, tables,
page breaks, with every shown fact woven into the text where the filing prints it."""

from collections import defaultdict
from dataclasses import dataclass

from ..extract.model import Cell, DocumentLayout, Grid, Span
from ..extract.statements import header_row_count
from ..ingest.model import Submission
from ..mapping.model import Fact
from .segments import Anchor, Segment, nestable, weave


@dataclass(frozen=True)
class TableCell:
    segments: tuple[Segment, ...]
    colspan: int = 1
    numeric: bool = False
    header: bool = False


@dataclass(frozen=True)
class Block:
    """kind: 'heading' (document title), 'lines' (paragraph), 'table', 'page'."""

    kind: str
    segments: tuple[Segment, ...] = ()  # a paragraph's lines, "\n" between them
    rows: tuple[tuple[TableCell, ...], ...] = ()
    text: str = ""
    layout: bool = False  # lines laid out with spaces (fixed-width): keep a monospace font


_NEWLINE = Segment("text", text="\n")


class FactAnchors:
    """Facts and hidden-fact references indexed by the line they sit on."""

    def __init__(self, facts: tuple[Fact, ...]) -> None:
        self.by_line: dict[tuple[int, int], list[tuple[Span, Fact, bool]]] = defaultdict(list)
        for fact in facts:
            d = fact.display
            span, ref = (d.span, False) if d.span else (d.span_for_reference, True)
            if span is not None:
                self.by_line[(span.doc, span.line)].append((span, fact, ref))
        self.placed: set[str] = set()
        self.crossing: list[Fact] = []

    def _place(self, anchors: list[Anchor]) -> list[Anchor]:
        if not anchors:  # most lines and cells
            return anchors
        kept, crossing = nestable(anchors)
        self.crossing.extend(a.fact for a in crossing if not a.as_reference)
        self.placed.update(a.fact.id for a in kept if not a.as_reference)
        return kept

    def for_line(self, doc: int, line: int) -> list[Anchor]:
        return self._place([Anchor(s.start, s.end, f, ref) for s, f, ref in self.by_line.get((doc, line), ())])

    def for_cell(self, cell: Cell) -> list[Anchor]:
        anchors: list[Anchor] = []
        for piece in cell.spans:
            for span, fact, ref in self.by_line.get((piece.doc, piece.line), ()):
                if piece.start <= span.start and span.end <= piece.end:
                    offset = cell.offset_of(span)
                    anchors.append(Anchor(offset, offset + span.end - span.start, fact, ref))
        return self._place(anchors)


def _table_rows(grid: Grid, anchors: FactAnchors) -> tuple[tuple[TableCell, ...], ...]:
    headers = header_row_count(grid)
    rows = []
    for r, row in enumerate(grid.rows):
        is_header = r < headers
        cells: list[TableCell] = []
        c = 0
        while c < len(row.cells):
            cell = row.cells[c]
            span = 1
            if is_header and cell.text and c > 0:
                while c + span < len(row.cells) and not row.cells[c + span].text:
                    span += 1
            segments = weave(cell.text, anchors.for_cell(cell))
            cells.append(TableCell(segments, span, numeric=c > 0, header=is_header))
            c += span
        rows.append(tuple(cells))
    return tuple(rows)


def is_fixed_width(lines: tuple[str, ...]) -> bool:
    """Text laid out with spaces in short lines (typed for a fixed-width page), as most pre-2001
    filings are: it keeps its alignment only in a monospace font."""
    texts = [line for line in lines if line.strip()]
    if not texts:
        return False
    short = sum(1 for line in texts if len(line.rstrip()) <= 100)
    spaced = sum(1 for line in texts if "   " in line.strip() or line.startswith("   "))
    return short >= 0.9 * len(texts) and spaced >= 0.1 * len(texts)


def _document_blocks(doc, layout: DocumentLayout, anchors: FactAnchors) -> list[Block]:
    blocks: list[Block] = []
    grid_at = {g.first_line: g for g in layout.grids}
    in_grid = {i for g in layout.grids for i in range(g.first_line, g.last_line + 1)}
    breaks = set(layout.page_breaks)
    fixed = is_fixed_width(doc.lines)
    paragraph: list[int] = []
    for i, line in enumerate([*doc.lines, ""]):
        ends_paragraph = i in grid_at or i in breaks or not line.strip() or i == len(doc.lines)
        if ends_paragraph and paragraph:
            lines = [weave(doc.lines[j], anchors.for_line(doc.index, j)) for j in paragraph]
            segments = tuple(s for n, line in enumerate(lines) for s in (*((_NEWLINE,) if n else ()), *line))
            blocks.append(Block("lines", segments=segments, layout=fixed))
            paragraph = []
        if i in grid_at:
            blocks.append(Block("table", rows=_table_rows(grid_at[i], anchors)))
        elif i in breaks:
            blocks.append(Block("page"))
        elif i not in in_grid and not ends_paragraph:
            paragraph.append(i)
    return blocks


def document_blocks(
    submission: Submission, layouts: tuple[DocumentLayout, ...], facts: tuple[Fact, ...]
) -> tuple[list[Block], list[Fact]]:
    """Blocks of every document, and the shown facts that could not be placed (they go hidden)."""
    anchors = FactAnchors(facts)
    blocks: list[Block] = []
    for layout in layouts:
        doc = submission.documents[layout.doc]
        if len(submission.documents) > 1:
            title = " ".join(x for x in (doc.doc_type, doc.description or doc.filename) if x)
            blocks.append(Block("heading", text=f"Document {doc.index + 1}: {title}".strip()))
        blocks.extend(_document_blocks(doc, layout, anchors))
    shown = [f for f in facts if f.display.span is not None]
    unplaced = [f for f in shown if f.id not in anchors.placed]
    return blocks, unplaced
