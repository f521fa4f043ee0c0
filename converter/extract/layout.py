"""Find the tables and page breaks of a text document, and the title lines above each table."""

import re

from ..ingest.model import SourceDocument
from .grid import tidy
from .model import DocumentLayout, Grid
from .tabbed import tab_grid, tab_regions

_PAGE = re.compile(r"^\s*(?:<PAGE>|\f)\s*\d*\s*$", re.I)
MAX_TITLE_LINES = 8
MAX_TITLE_WIDTH = 120


def document_layout(doc: SourceDocument, first_grid_number: int) -> DocumentLayout:
    """Tables (as tidy grids) and page breaks of one document."""
    grids = []
    for n, (first, last) in enumerate(tab_regions(doc.lines)):
        grid = tidy(tab_grid(f"t{first_grid_number + n}", doc.index, doc.lines, first, last))
        if len(grid.rows) >= 2:
            grids.append(grid)
    breaks = tuple(i for i, line in enumerate(doc.lines) if _PAGE.match(line))
    return DocumentLayout(doc.index, tuple(grids), breaks)


def title_lines(doc: SourceDocument, grid: Grid, taken: set[int]) -> tuple[int, ...]:
    """Short non-blank lines just above a table (company, statement name, scale, "(Unaudited)")."""
    found: list[int] = []
    i = grid.first_line - 1
    blanks = 0
    while i >= 0 and len(found) < MAX_TITLE_LINES and i not in taken:
        line = doc.lines[i]
        if not line.strip():
            blanks += 1
            if blanks > 1 and found:
                break
            if blanks > 2:
                break
        elif len(line.strip()) > MAX_TITLE_WIDTH or _PAGE.match(line):
            break
        else:
            blanks = 0
            found.append(i)
        i -= 1
    return tuple(reversed(found))
