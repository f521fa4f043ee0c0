"""Find the tables and page breaks of a document, and the title lines above each table."""

import re
from dataclasses import replace

from ..ingest.model import SourceDocument
from .fixed_width import fixed_width_grid, tagged_tables, untagged_regions
from .grid import tidy
from .model import DocumentLayout, Grid
from .scale import states_scale
from .tabbed import tab_grid, tab_regions, tabs_align_columns

_PAGE = re.compile(r"^\s*(?:<PAGE>|\f)\s*\d*\s*$", re.I)
MAX_TITLE_LINES = 8
MAX_TITLE_WIDTH = 120


def _raw_grids(doc: SourceDocument) -> tuple[list[Grid], list[int]]:
    """Grids before tidying, from every kind of table the document has, and SGML tag lines."""
    grids: list[Grid] = []
    hidden: list[int] = []
    taken: set[int] = set()
    colspans = dict(doc.colspans)
    for first, last in doc.tables:
        grids.append(tab_grid("", doc.index, doc.lines, first, last, colspans))
        taken.update(range(first, last + 1))
    for table in tagged_tables(doc.lines):
        hidden.extend(table.tag_lines)
        grid = fixed_width_grid(
            "", doc.index, doc.lines, table.first, table.last, table.marks, frozenset(table.tag_lines)
        )
        if grid is not None:
            grids.append(grid)
        taken.update(range(table.first - 1, max(table.tag_lines) + 1))
    if not doc.tables:
        for first, last in tab_regions(doc.lines):
            if not taken.intersection(range(first, last + 1)) and not tabs_align_columns(doc.lines[first : last + 1]):
                grids.append(tab_grid("", doc.index, doc.lines, first, last))
                taken.update(range(first, last + 1))
    for first, last in untagged_regions(doc.lines, taken):
        grid = fixed_width_grid("", doc.index, doc.lines, first, last)
        if grid is not None:
            grids.append(grid)
    return grids, hidden


def document_layout(doc: SourceDocument, first_grid_number: int) -> DocumentLayout:
    """Tables (as tidy grids, numbered in reading order) and page breaks of one document."""
    raw, hidden = _raw_grids(doc)
    tidied = [tidy(g) for g in sorted(raw, key=lambda g: g.first_line)]
    grids = tuple(
        replace(g, id=f"t{first_grid_number + n}") for n, g in enumerate(g for g in tidied if len(g.rows) >= 2)
    )
    breaks = tuple(i for i, line in enumerate(doc.lines) if _PAGE.match(line))
    return DocumentLayout(doc.index, grids, breaks, tuple(sorted(set(hidden))))


MAX_BLANKS_UNDER_TITLE = 6  # typed pages leave a few blank lines between a centered title and its table


def _scale_only(line: str) -> bool:
    """A line stating the scale or "(Unaudited)" and nothing else: typed right above the columns,
    with blank lines (or blanked table tags) between it and the statement's name above."""
    text = line.strip()
    return bool(re.fullmatch(r"\(\s*unaudited\s*\)", text, re.I)) or (
        text.startswith("(") and text.endswith(")") and states_scale(text)
    )


def title_lines(doc: SourceDocument, grid: Grid, taken: set[int]) -> tuple[int, ...]:
    """Short non-blank lines just above a table (company, statement name, scale, "(Unaudited)")."""
    found: list[int] = []
    i = grid.first_line - 1
    blanks = 0
    while i >= 0 and len(found) < MAX_TITLE_LINES and i not in taken:
        line = doc.lines[i]
        if re.match(r"^\s*</?(TABLE|CAPTION)>\s*$", line, re.I):
            pass  # markup between the title and the table
        elif _PAGE.match(line):
            break  # a page break (a form feed is blank to strip()): the title is below
        elif not line.strip():
            blanks += 1
            if blanks > 1 and found and not all(_scale_only(doc.lines[k]) for k in found):
                break
            if blanks > MAX_BLANKS_UNDER_TITLE:
                break
        elif len(line.strip()) > MAX_TITLE_WIDTH or line.strip().isdigit():
            break  # prose or a page number: the title is below
        else:
            blanks = 0
            found.append(i)
        i -= 1
    return tuple(reversed(found))
