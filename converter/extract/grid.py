"""Tidy raw grids, whatever format they came from, into one cell per value and one row per line item.

- `$` alone in a cell joins the value to its right; `)` or `%` alone joins the value to its left.
- A label-only row whose next row's label starts in lower case (or with a lone "- ", or with a
  number in parentheses) is a label wrapped over two lines (often across a page break): the two
  rows become one. So is one whose next line starts with a word the typist had no room for on a
  page typed in fixed-width columns.
- Rows of rule characters (----, ====) are drawn lines, not data.
- A number spanning several columns moves to the last of them (numbers are right-aligned); a
  year is a heading, centred over its columns, and keeps its span.
- Columns with no text in any row (spacers) are dropped.
- Labels indented by empty leading cells move to the label column.
"""

import re
from dataclasses import dataclass, replace

from .model import EMPTY_CELL, Cell, Grid, GridRow
from .numbers import is_year, parse_amount

_RULE = re.compile(r"^[-=_\s]+$")
_LEADING_SYMBOL = re.compile(r"^(\$|\(|\$\s*\(|\(\s*\$)$")
_TRAILING_SYMBOL = re.compile(r"^(\)|%|\)%|\)\*)$")
_NUMBER_ASIDE = re.compile(r"^\(\s*\$?\d")
# A label's second line may open with a word that joins it to the first ("and 160,799,061 shares").
_JOINING_START = re.compile(r"(?:and|or|of|for|to|in|from|by|with|at|on|net of|including|excluding)(?![-\w])", re.I)
# A label cannot end in a comma or a word that asks for more ("Net loss for the year ended" /
# "December 31, 2006"; "Reclassification of debt into" / "preferred stock"). Articles are left
# out: "Preferred stock, Series A" ends in a name.
_OPEN_ENDING = re.compile(
    r"(?:[,;-]|\s(?:and|or|of|to|for|from|into|in|on|by|with|at|the|ended|ending|per|before|after|"
    r"including|excluding))$",
    re.I,
)


def join_cells(first: Cell, second: Cell, colspan: int | None = None) -> Cell:
    """One cell holding both cells' text, separated by a space."""
    span = colspan if colspan is not None else max(first.colspan, second.colspan)
    if not first.text:
        return replace(second, colspan=span)
    if not second.text:
        return replace(first, colspan=span)
    return Cell(f"{first.text} {second.text}", first.spans + second.spans, span)


def _is_rule_row(row: GridRow) -> bool:
    texts = [c.text for c in row.cells if c.text]
    return bool(texts) and all(_RULE.match(t) and len(t.strip()) >= 2 for t in texts)


def merge_symbol_cells(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Join '$' and '(' cells to the value on their right (the joined cell covers both columns, so
    values line up with those typed whole), ')' and '%' cells to the value on their left."""
    out = list(cells)
    for i, cell in enumerate(out):
        if _LEADING_SYMBOL.match(cell.text):
            j = next((k for k in range(i + 1, len(out)) if out[k].text), None)
            if j is not None:
                out[i] = join_cells(cell, out[j], j - i + out[j].colspan)
                out[j] = EMPTY_CELL
        elif _TRAILING_SYMBOL.match(cell.text):
            j = next((k for k in range(i - 1, 0, -1) if out[k].text), None)
            if j is not None:
                out[j] = join_cells(out[j], cell, out[j].colspan)  # the digits stay where they were
                out[i] = EMPTY_CELL
    return tuple(out)


def _label_only(row: GridRow) -> bool:
    return bool(row.cells and row.cells[0].text) and not any(c.text for c in row.cells[1:])


def _dash_led(row: GridRow | None) -> bool:
    return bool(row and row.cells and re.match(r"^[-\u2013\u2014]\s", row.cells[0].text))


def _continues(previous: GridRow, row: GridRow, following: GridRow | None) -> bool:
    """`row` carries on the label of `previous` (which had no values): it starts in lower case or
    with a parenthesis around a number ("(122,921,601 shares in 1995)"), `previous` ends
    mid-phrase (a comma, a preposition, "ended"), it carries `previous` on in a table typed in
    capitals, or it is a lone "- basic and diluted" (a run of dash-led rows are items under a
    heading instead)."""
    if not _label_only(previous) or not row.cells or not row.cells[0].text:
        return False
    text = row.cells[0].text
    if text[0].islower() or _NUMBER_ASIDE.match(text):
        return True
    if _OPEN_ENDING.search(previous.cells[0].text.rstrip()):
        return True
    if _carries_on_in_capitals(previous, row, following):
        return True
    return _dash_led(row) and not _dash_led(following)


def _carries_on_in_capitals(previous: GridRow, row: GridRow, following: GridRow | None) -> bool:
    """Typed in capitals, where case cannot tell a label's second line from the first item under a
    heading: the second line opens with a word that joins it to the first ("AND 160,799,061 SHARES
    ISSUED"), or it hangs, indented deeper than the first, and the line after it is back at the
    first line's indentation, or the second holds the amounts and a line of amounts deeper follows
    (a total: Ford's "ISSUED FOR EMPLOYEE BENEFIT" / " PLANS AND OTHER  10" / "  BALANCE AT END OF
    YEAR  464"); a heading's items go on at theirs.
    A heading ending in a colon is never carried on."""
    first, second = previous.cells[0].text, row.cells[0].text
    if not (_in_capitals(first) and _in_capitals(second)) or first.rstrip().endswith(":"):
        return False
    if _JOINING_START.match(second):
        return True
    if row.indent <= previous.indent:
        return False
    total_below = following is not None and following.indent > row.indent and _amounts(row) and _amounts(following)
    return following is None or following.indent <= previous.indent or total_below


def _amounts(row: GridRow) -> bool:
    return any(ch.isdigit() for c in row.cells[1:] for ch in c.text)


def _in_capitals(text: str) -> bool:
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text)


MAX_HANGING_INDENT = 8  # a wrapped label's next line starts under it, at most a tab stop deeper
RAGGED_MARGIN = 3  # a typed label column's right margin is ragged: a line may end a little past the widest
FULL_LINE = 0.75  # a line wrapped for want of room ran most of the way across the label column


@dataclass(frozen=True)
class _LabelColumn:
    """On a page typed in fixed-width columns: how far right a label reaches on a line that also
    holds amounts (not column headings or years), the width a typist wrapped labels at, and
    where the first column of values starts."""

    width: int
    values_start: int


def _label_column(rows: list[GridRow], values_start: int) -> _LabelColumn:
    return _LabelColumn(max((row.label_end for row in rows if _amount_beside(row)), default=0), values_start)


def _amount_beside(row: GridRow) -> bool:
    return any(c.text and not is_year(c.text) and parse_amount(c) is not None for c in row.cells[1:])


def _no_room(previous: GridRow, row: GridRow, column: _LabelColumn) -> bool:
    """The typist had no room for `row`'s first word on `previous`'s last line: that line ran most
    of the way across the label column and ends left of the values, the word would have run past
    the column's width, and `row` is the very next line, under it or hanging a little deeper."""
    if not _label_only(previous) or not row.cells or not row.cells[0].text:
        return False
    first, second = previous.cells[0].text, row.cells[0].text
    if first.rstrip().endswith(":") or _in_capitals(first) != _in_capitals(second):
        return False  # a heading, or a heading in capitals over items that are not
    end = previous.label_end
    if end >= column.values_start or not FULL_LINE * column.width <= end <= column.width + RAGGED_MARGIN:
        return False
    if end + 1 + len(second.split()[0]) <= column.width:
        return False
    last_line = previous.cells[0].spans[-1].line if previous.cells[0].spans else previous.line
    return row.line == last_line + 1 and previous.indent <= row.indent <= previous.indent + MAX_HANGING_INDENT


def _wrapped_for_room(previous: GridRow, rows: list[GridRow], i: int, column: _LabelColumn | None) -> int | None:
    """On a page typed in fixed-width columns, whatever the case of its first letter: the last of
    the lines from `rows[i]` on that carry on `previous`'s label because the typist had no room
    ("Fully diluted net income per share of Common" / " Stock  $.58"; "Cash flows from operating
    activities" / "Net income" had room: a heading). The label ends on the first of them holding
    amounts, and the line after it is not at the indentation of `rows[i]`: a heading is followed
    by more items at its first item's indentation. None when they do not carry it on."""
    if column is None or not _no_room(previous, rows[i], column):
        return None
    k = i
    while not any(c.text for c in rows[k].cells[1:]):
        if k + 1 >= len(rows):
            return None
        after = rows[k + 2] if k + 2 < len(rows) else None
        if not (_continues(rows[k], rows[k + 1], after) or _no_room(rows[k], rows[k + 1], column)):
            return None
        k += 1
    following = rows[k + 1] if k + 1 < len(rows) else None
    return k if following is None or following.indent != rows[i].indent else None


def _merge_wrapped_labels(rows: list[GridRow], column: _LabelColumn | None) -> list[GridRow]:
    merged: list[GridRow] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        following = rows[i + 1] if i + 1 < len(rows) else None
        last = i if merged and _continues(merged[-1], row, following) else None
        if merged and last is None:
            last = _wrapped_for_room(merged[-1], rows, i, column)
        if last is not None:
            prev = merged.pop()
            label = prev.cells[0]
            for part in rows[i : last + 1]:
                label = join_cells(label, part.cells[0])
            row = GridRow((label,) + rows[last].cells[1:], prev.line, prev.indent, rows[last].label_end)
            i = last
        merged.append(row)
        i += 1
    return merged


def _right_align_numbers(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A number spanning several columns moves to the last of them: numbers are right-aligned, so
    '$ 3,579' typed over two cells and '2,632' in the second of them belong to one column."""
    out = list(cells)
    for i in range(len(out) - 1, 0, -1):
        cell = out[i]
        if cell.colspan > 1 and cell.text and not is_year(cell.text) and parse_amount(cell) is not None:
            last = min(i + cell.colspan, len(out)) - 1
            if all(not out[k].text for k in range(i + 1, last + 1)):
                out[i], out[last] = EMPTY_CELL, replace(cell, colspan=1)
    return tuple(out)


def _drop_empty_columns(rows: list[GridRow]) -> list[GridRow]:
    """Columns no row has text in (HTML spacer columns, emptied '$' columns) go; spans shrink."""
    width = max((len(r.cells) for r in rows), default=0)
    squared = [r.cells + (EMPTY_CELL,) * (width - len(r.cells)) for r in rows]
    keep = [c for c in range(width) if any(cells[c].text for cells in squared)]
    if len(keep) == width and all(len(r.cells) == width for r in rows):
        return rows  # square already, nothing to drop (most grids, after the first pass)
    kept = set(keep)
    out = []
    for row, cells in zip(rows, squared, strict=True):
        new = tuple(cells[c] if cells[c].colspan == 1 else _shrunk(cells[c], c, kept) for c in keep)
        out.append(replace(row, cells=new))
    return out


def _shrunk(cell: Cell, column: int, kept: set[int]) -> Cell:
    """The cell at `column` spanning only the columns it spans that are kept (at least one)."""
    span = max(1, sum(1 for k in range(column, column + cell.colspan) if k in kept))
    return cell if span == cell.colspan else replace(cell, colspan=span)


def _is_amount(cell: Cell) -> bool:
    return bool(cell.text) and not is_year(cell.text) and parse_amount(cell) is not None


def _gather_labels(rows: list[GridRow]) -> list[GridRow]:
    """Labels indented by empty leading cells (text in the columns left of every amount, none in
    the first, and no year: that is a column heading) move to the label cell, their indentation
    kept as the row's level."""
    width = max((len(r.cells) for r in rows), default=0)
    first_amount = next(
        (c for c in range(1, width) if any(c < len(r.cells) and _is_amount(r.cells[c]) for r in rows)), 0
    )
    out = []
    for row in rows:
        cells = list(row.cells)
        texts = [c for c in range(min(first_amount, len(cells))) if cells[c].text]
        if (
            texts
            and not cells[0].text
            and all(c + cells[c].colspan <= first_amount and not is_year(cells[c].text) for c in texts)
        ):
            label = cells[texts[0]]
            for c in texts[1:]:
                label = join_cells(label, cells[c])
            for c in texts:
                cells[c] = EMPTY_CELL
            cells[0] = replace(label, colspan=1)
            row = replace(row, cells=tuple(cells), indent=row.indent + 2 * texts[0])
        out.append(row)
    return out


def _heading_starts(rows: list[GridRow]) -> set[int]:
    """Columns where a heading cell begins, in the rows above the first amount."""
    starts: set[int] = set()
    for row in rows:
        if any(_is_amount(c) for c in row.cells[1:]):
            break
        starts.update(c for c in range(1, len(row.cells)) if row.cells[c].text)
    return starts


def _merge_split_columns(rows: list[GridRow]) -> list[GridRow]:
    """Two neighbouring columns of amounts that never both hold text in a row, with no heading
    beginning over the second, are one column typed in cells of different spans (a '$23,743' cell
    three columns wide above '7,628' in two): the second's cells move into the first."""
    width = max((len(r.cells) for r in rows), default=0)
    starts = _heading_starts(rows)
    for c in range(width - 2, 0, -1):
        pairs = [(r.cells[c], r.cells[c + 1]) for r in rows if c + 1 < len(r.cells)]
        if c + 1 in starts or not any(_is_amount(b) for _, b in pairs) or not any(_is_amount(a) for a, _ in pairs):
            continue
        if any(a.text and b.text for a, b in pairs):
            continue
        rows = [_moved_left(r, c) for r in rows]
    return rows


def _moved_left(row: GridRow, c: int) -> GridRow:
    cells = list(row.cells)
    if c + 1 < len(cells) and cells[c + 1].text:
        cells[c], cells[c + 1] = replace(cells[c + 1], colspan=1), EMPTY_CELL
    return replace(row, cells=tuple(cells))


def _with_symbols_joined(row: GridRow) -> GridRow:
    cells = _right_align_numbers(merge_symbol_cells(row.cells))
    return row if cells == row.cells else replace(row, cells=cells)


def tidy(grid: Grid) -> Grid:
    """Apply the tidying rules above and square the grid to a common width."""
    rows = [r for r in grid.rows if not _is_rule_row(r)]
    rows = [_with_symbols_joined(r) for r in rows]
    rows = _drop_empty_columns(_gather_labels(_drop_empty_columns(rows)))
    rows = _drop_empty_columns(_merge_split_columns(rows))
    column = None if grid.values_start is None else _label_column(rows, grid.values_start)
    rows = _merge_wrapped_labels(rows, column)
    return replace(grid, rows=tuple(rows))
