"""Tables written as tab-separated lines: each tab starts a new cell."""

import re

from .model import EMPTY_CELL, Cell, Grid, GridRow, Span

MAX_BLANK_LINES_INSIDE = 2


def _cells_of_line(doc: int, index: int, line: str, colspans: tuple[int, ...] = ()) -> tuple[Cell, ...]:
    """Cells at their grid columns: a cell spanning n columns is followed by n-1 empty places."""
    cells: list[Cell] = []
    start = 0
    for n, piece in enumerate(line.split("\t")):
        colspan = colspans[n] if n < len(colspans) else 1
        if not piece and colspan == 1:  # most cells of HTML tables (spacer columns)
            cells.append(EMPTY_CELL)
            start += 1
            continue
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        span = Span(doc, index, start + lead, start + lead + len(stripped))
        cells.append(Cell(stripped, (span,) if stripped else (), colspan))
        cells.extend([EMPTY_CELL] * (colspan - 1))
        start += len(piece) + 1
    return tuple(cells)


_ALIGNING_TAB = re.compile(r" \t|\t +\S|\t\t+[^\t\s]")
ALIGNING_SHARE = 0.3


def tabs_align_columns(lines: tuple[str, ...]) -> bool:
    """Tabs typed to line numbers up at tab stops (mixed with spaces, several in a row before a
    number) rather than one tab between cells: such a table is read by its columns, as fixed width."""
    tabbed = [line.rstrip() for line in lines if "\t" in line]
    aligning = sum(1 for line in tabbed if _ALIGNING_TAB.search(line))
    return bool(tabbed) and aligning / len(tabbed) >= ALIGNING_SHARE


def tab_regions(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Runs of tab-separated lines, allowing a few blank lines inside (page breaks in tables)."""
    regions = []
    i, n = 0, len(lines)
    while i < n:
        if "\t" not in lines[i] or not lines[i].strip():
            i += 1
            continue
        start = last = i
        blanks = 0
        j = i + 1
        while j < n:
            if not lines[j].strip():
                blanks += 1
                if blanks > MAX_BLANK_LINES_INSIDE:
                    break
            elif "\t" in lines[j]:
                last, blanks = j, 0
            else:
                break
            j += 1
        regions.append((start, last))
        i = last + 1
    return regions


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def tab_grid(
    grid_id: str,
    doc: int,
    lines: tuple[str, ...],
    first: int,
    last: int,
    colspans: dict[int, tuple[int, ...]] | None = None,
) -> Grid:
    """The raw grid of lines [first, last]; blank lines are left out."""
    spans = colspans or {}
    rows = tuple(
        GridRow(_cells_of_line(doc, i, lines[i].rstrip(), spans.get(i, ())), i, _indent(lines[i]))
        for i in range(first, last + 1)
        if lines[i].strip()
    )
    return Grid(grid_id, doc, first, last, rows)
