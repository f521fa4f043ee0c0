"""Interpret a tidy grid as a financial statement: kind, columns and periods, rows and sections."""

import re
from dataclasses import dataclass

from .label_facts import label_facts_of
from .model import (
    Column,
    Grid,
    GridRow,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from .numbers import is_year, parse_amount
from .periods import period_of
from .units import unit_kind_of

_KIND_BY_TITLE = (
    (StatementKind.CASH_FLOWS, re.compile(r"\bcash\s+flows?\b", re.I)),
    (
        StatementKind.BALANCE_SHEET,
        re.compile(
            r"\bbalance\s+sheets?\b|\bstatements?\s+of\s+(?:consolidated\s+)?financial\s+(?:position|condition)\b"
            r"|\bstatements?\s+of\s+condition\b",
            re.I,
        ),
    ),
    (
        StatementKind.INCOME_STATEMENT,
        re.compile(
            r"\bstatements?\s+of\s+(?:consolidated\s+)?(?:operations|income|earnings|(?:net\s+)?loss)\b"
            r"|\bincome\s+statements?\b|\bstatements?\s+of\s+(?:results\s+of\s+)?operations\b",
            re.I,
        ),
    ),
    (StatementKind.COMPREHENSIVE_INCOME, re.compile(r"\bcomprehensive\s+(?:income|loss)\b", re.I)),
    (
        StatementKind.EQUITY,
        re.compile(
            r"\b(?:stockholders|shareholders|shareowners)['\u2019]?\s+(?:equity|investment|deficit)\b"
            r"|\bstatements?\s+of\s+(?:changes\s+in\s+)?equity\b",
            re.I,
        ),
    ),
)
_KIND_BY_LABELS = (
    (StatementKind.CASH_FLOWS, re.compile(r"^net\s+cash\s+(?:provided|used)", re.I)),
    (StatementKind.BALANCE_SHEET, re.compile(r"^total\s+(?:current\s+)?(?:assets|liabilities)\b", re.I)),
    (StatementKind.INCOME_STATEMENT, re.compile(r"^net\s+(?:income|loss|earnings)\b|^(?:total\s+)?revenues?\b", re.I)),
)
_TOTAL = re.compile(r"^total\b", re.I)
_BARE_TOTAL = re.compile(r"^total\s*:?$", re.I)
_NORMALIZE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Heading:
    text: str
    level: int


def classify(title: str, labels: list[str]) -> tuple[StatementKind, str]:
    """Kind of statement and the title line naming it; else the kind its tell-tale items show."""
    for kind, pattern in _KIND_BY_TITLE:
        for line in title.splitlines():
            if pattern.search(line):
                return kind, line.strip()
    for kind, pattern in _KIND_BY_LABELS:
        if any(pattern.search(label) for label in labels):
            return kind, ""
    return StatementKind.OTHER, ""


def _value_cells(row: GridRow) -> list[str]:
    return [c.text for c in row.cells[1:] if c.text]


def _is_heading_row(row: GridRow) -> bool:
    """Holds column headings: text in value cells, none of it an amount other than a year."""
    values = [c for c in row.cells[1:] if c.text]
    return bool(values) and all(is_year(c.text) or parse_amount(c) is None for c in values)


def header_row_count(grid: Grid) -> int:
    """Rows at the top of the grid that carry column headings (or a title above them).

    A table of text only (an exhibit index) has its first row as heading.
    """
    seen_heading = False
    for i, row in enumerate(grid.rows):
        if _is_heading_row(row):
            seen_heading = True
        elif seen_heading or _value_cells(row):
            return i
    return min(1, len(grid.rows))


def _value_columns(grid: Grid, first_data: int) -> list[int]:
    width = grid.width
    return [c for c in range(1, width) if any(parse_amount(r.cells[c]) is not None for r in grid.rows[first_data:])]


def column_heading(grid: Grid, header_rows: int, col: int) -> str:
    """Heading text over column `col`: each heading row's cell, or the spanning cell to its left."""
    parts = []
    for row in grid.rows[:header_rows]:
        for c in range(col, 0, -1):
            if row.cells[c].text:
                parts.append(row.cells[c].text)
                break
    return " ".join(parts)


def _columns(grid: Grid, header_rows: int, kind: StatementKind, title: str) -> tuple[Column, ...]:
    columns = []
    for c in _value_columns(grid, header_rows):
        heading = column_heading(grid, header_rows, c)
        period = period_of(heading, title, instant=kind is StatementKind.BALANCE_SHEET)
        if period is not None:
            columns.append(Column(c, period, heading))
    return tuple(columns)


def _norm(text: str) -> str:
    return _NORMALIZE.sub(" ", text.lower().replace("\u2019", "'").replace("'", "")).strip()


def _heading_level(text: str) -> int:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 if letters and all(ch.isupper() for ch in letters) else 1


def _close_sections(stack: list[_Heading], label: str) -> None:
    """A total closes the section it totals: 'Total current assets' closes 'Current Assets:'."""
    if _BARE_TOTAL.match(label):
        if stack:
            stack.pop()
        return
    subject = _norm(_TOTAL.sub("", label))
    for i in range(len(stack) - 1, -1, -1):
        if _norm(stack[i].text) == subject:
            del stack[i:]
            return


def _resolved(label: str, stack: list[_Heading]) -> str:
    if _BARE_TOTAL.match(label) and stack:
        return f"Total {stack[-1].text.rstrip(':').strip().lower()}"
    return label


def build_rows(
    grid: Grid, header_rows: int, columns: tuple[Column, ...], statement_kind: StatementKind
) -> tuple[StatementRow, ...]:
    """Line items with their values, headings, and the sections each row sits in."""
    rows = []
    stack: list[_Heading] = []
    for index in range(header_rows, len(grid.rows)):
        row = grid.rows[index]
        label_cell = row.cells[0]
        label = label_cell.text
        values = tuple(parse_amount(row.cells[c.grid_col]) for c in columns)
        if not label and not any(values):
            continue
        if not any(v is not None for v in values):
            level = _heading_level(label)
            while stack and stack[-1].level >= level:
                stack.pop()
            rows.append(
                StatementRow(
                    index,
                    label,
                    RowKind.HEADING,
                    unit_kind_of(label),
                    values,
                    tuple(h.text for h in stack),
                    label,
                    label_cell,
                )
            )
            stack.append(_Heading(label, level))
            continue
        sections = tuple(h.text for h in stack)
        kind = RowKind.TOTAL if _TOTAL.match(label) else RowKind.ITEM
        resolved = _resolved(label, stack)
        if kind is RowKind.TOTAL:
            _close_sections(stack, label)
        unit = unit_kind_of(label, sections) if statement_kind.is_flow else UnitKind.MONETARY
        rows.append(StatementRow(index, label, kind, unit, values, sections, resolved, label_cell))
    return tuple(rows)


def interpret(grid: Grid, title: str, scale: Scale, title_lines: tuple[int, ...]) -> StatementTable | None:
    """The statement a grid shows, or None when it has no columns with periods."""
    header_rows = header_row_count(grid)
    labels = [r.cells[0].text for r in grid.rows[header_rows:] if r.cells]
    kind, name = classify(title, labels)
    if kind is StatementKind.OTHER:
        return None
    columns = _columns(grid, header_rows, kind, title)
    if not columns:
        return None
    rows = build_rows(grid, header_rows, columns, kind)
    if sum(1 for r in rows if r.has_values) < 2:
        return None
    table = StatementTable(grid.id, kind, title, scale, columns, rows, grid, title_lines=title_lines, name=name)
    return StatementTable(**{**table.__dict__, "label_facts": label_facts_of(table)})
