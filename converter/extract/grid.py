"""Tidy raw grids, whatever format they came from, into one cell per value and one row per line item.

- `$` alone in a cell joins the value to its right; `)` or `%` alone joins the value to its left.
- A label-only row whose next row's label starts in lower case is a label wrapped over two lines
  (often across a page break): the two rows become one.
- Rows of rule characters (----, ====) are drawn lines, not data.
"""

import re
from dataclasses import replace

from .model import EMPTY_CELL, Cell, Grid, GridRow

_RULE = re.compile(r"^[-=_\s]+$")
_LEADING_SYMBOL = re.compile(r"^\$$")
_TRAILING_SYMBOL = re.compile(r"^(\)|%|\)%)$")


def join_cells(first: Cell, second: Cell) -> Cell:
    """One cell holding both cells' text, separated by a space."""
    if not first.text:
        return second
    if not second.text:
        return first
    return Cell(f"{first.text} {second.text}", first.spans + second.spans)


def _is_rule_row(row: GridRow) -> bool:
    texts = [c.text for c in row.cells if c.text]
    return bool(texts) and all(_RULE.match(t) and len(t.strip()) >= 2 for t in texts)


def _merge_symbol_cells(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    out = list(cells)
    for i, cell in enumerate(out):
        if _LEADING_SYMBOL.match(cell.text):
            j = next((k for k in range(i + 1, len(out)) if out[k].text), None)
            if j is not None:
                out[j] = join_cells(cell, out[j])
                out[i] = EMPTY_CELL
        elif _TRAILING_SYMBOL.match(cell.text):
            j = next((k for k in range(i - 1, 0, -1) if out[k].text), None)
            if j is not None:
                out[j] = join_cells(out[j], cell)
                out[i] = EMPTY_CELL
    return tuple(out)


def _label_only(row: GridRow) -> bool:
    return bool(row.cells and row.cells[0].text) and not any(c.text for c in row.cells[1:])


def _continues(previous: GridRow, row: GridRow) -> bool:
    """`row` carries on the label of `previous` (which had no values)."""
    if not _label_only(previous) or not row.cells or not row.cells[0].text:
        return False
    first = row.cells[0].text[0]
    return first.islower() or previous.cells[0].text.rstrip().endswith((",", ";", " and", " of", "-"))


def _merge_wrapped_labels(rows: list[GridRow]) -> list[GridRow]:
    merged: list[GridRow] = []
    for row in rows:
        if merged and _continues(merged[-1], row):
            prev = merged.pop()
            label = join_cells(prev.cells[0], row.cells[0])
            row = GridRow((label,) + row.cells[1:], prev.line)
        merged.append(row)
    return merged


def tidy(grid: Grid) -> Grid:
    """Apply the tidying rules above and square the grid to a common width."""
    rows = [r for r in grid.rows if not _is_rule_row(r)]
    rows = [replace(r, cells=_merge_symbol_cells(r.cells)) for r in rows]
    rows = _merge_wrapped_labels(rows)
    width = max((len(r.cells) for r in rows), default=0)
    squared = tuple(replace(r, cells=r.cells + (EMPTY_CELL,) * (width - len(r.cells))) for r in rows)
    return replace(grid, rows=squared)
