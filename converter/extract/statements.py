"""Interpret a tidy grid as a financial statement: kind, columns and periods, rows and sections."""

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from .calendar import FiscalCalendar, month_end
from .dates import find_dates, find_month_days
from .equity import equity_by_components
from .label_facts import label_facts_of
from .model import (
    Amount,
    Column,
    Grid,
    GridRow,
    Period,
    PeriodLength,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from .numbers import is_year, parse_amount
from .periods import HeadingPeriod, period_of, periods_from_title, start_of
from .scale import find_scale, row_exponent, states_scale
from .units import unit_kind_of

_KIND_BY_TITLE = (
    (
        StatementKind.CASH_FLOWS,
        re.compile(
            r"\bstatements?\s+of\s+(?:consolidated\s+)?cash\s+flows?\b|\bcash\s+flows?\s+statements?\b"
            r"|^\W*(?:(?:consolidated|condensed|combined|interim)\s+)+cash\s+flows?\b",
            re.I,
        ),
    ),
    (
        StatementKind.BALANCE_SHEET,
        re.compile(
            r"\bbalance\s+sheets?\b|\bstatements?\s+of\s+(?:consolidated\s+)?financial\s+(?:position|condition)\b"
            r"|\bstatements?\s+of\s+condition\b",
            re.I,
        ),
    ),
    (  # "COMPREHENSIVE INCOME STATEMENTS" is no income statement; "operations and comprehensive income" is
        StatementKind.COMPREHENSIVE_INCOME,
        re.compile(
            r"\bcomprehensive\s+(?:income|loss|earnings)\s+statements?\b"
            r"|\bstatements?\s+of\s+(?:consolidated\s+)?comprehensive\s+(?:income|loss|earnings)\b",
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
    (  # "Other comprehensive income" and its accumulated balance are parts, not the statement
        StatementKind.COMPREHENSIVE_INCOME,
        re.compile(
            r"(?<!other\s)(?<!other\s\s)\bcomprehensive\s+(?:income|loss)\b(?!\s*/?\s*\(?loss\)?\s+component)", re.I
        ),
    ),
    (
        StatementKind.EQUITY,
        re.compile(
            r"\bstatements?\s+of\s+(?:changes\s+in\s+)?(?:consolidated\s+)?(?:(?:stockholders|shareholders|shareowners"
            r"|members|partners|owners)['\u2019]?\s+)?(?:equity|investment|deficit|capital)\b"
            r"|\b(?:stockholders|shareholders|shareowners|members|partners|owners)['\u2019]?\s+(?:equity|investment"
            r"|deficit)\s+statements?\b|^\W*(?:(?:consolidated|condensed|combined)\s+)+(?:statements?\s+of\s+)?"
            r"(?:changes\s+in\s+)?(?:stockholders|shareholders|shareowners|members|partners|owners)['\u2019]?\s+"
            r"(?:equity|investment|deficit)\b",
            re.I,
        ),
    ),
)
_KIND_BY_LABELS = (
    (StatementKind.CASH_FLOWS, re.compile(r"^net\s+cash\s+(?:provided|used)", re.I)),
    (StatementKind.BALANCE_SHEET, re.compile(r"^total\s+(?:current\s+)?(?:assets|liabilities)\b", re.I)),
    (StatementKind.INCOME_STATEMENT, re.compile(r"^net\s+(?:income|loss|earnings)\b|^(?:total\s+)?revenues?\b", re.I)),
)
_NOT_A_STATEMENT = re.compile(
    r"\bselected\s+(?:consolidated\s+)?financial\s+data\b|\bfive[- ]year\b"
    r"|\bquarterly\s+(?:financial\s+)?(?:data|results|information)\b"
    r"|\bsupplementary\b|\bhighlights\b|\bsegments?\b|\bnotes?\s+to\s+(?:the\s+)?(?:condensed\s+)?"
    r"(?:consolidated\s+)?financial\s+statements\b|\breconciliation\b|\bnon-?gaap\b"
    r"|\bin\s+percent(?:age)?s?\b|\bas\s+a\s+percent(?:age)?\b|(?:\bpercent(?:age)?|%)\s+of\s+(?:total\s+)?(?:net\s+)?"
    r"(?:revenues?|sales)\b|\b(?:statements?|sheets?)\s+(?:information|details?|components|data)\b",
    re.I,
)
# A note's heading ("Note 17. Other Financial Data", "5.Balance Sheet Components", "(8) BALANCE SHEET
# DETAILS") above a table puts it in the notes: no primary statement stands there.
_NOTE_HEADING = re.compile(r"^\s*(?:notes?\s+\d{1,2}\b|\(\d{1,2}\)\s*[A-Z]|\d{1,2}\.\s*[A-Z])", re.I)  # not "Note 2000"
_TOTAL = re.compile(r"^total\b", re.I)
_TOTAL_EQUITY = re.compile(
    r"^total\s+(?:(?:\w+\s+)?(?:stockholders|shareholders|shareowners|members|partners|owners)['\u2019]?\s+)?(?:equity|deficit)\b",
    re.I,
)
_BALANCE_AT = (
    (
        "start",
        re.compile(
            r",?\s*(?:at|as of)?\s*(?:the\s+)?beginning\s+of\s+(?:the\s+)?(?:period|year|quarter|fiscal\s+year)\b"
            r"|\bbeginning\s+balances?\b|\bbalances?,?\s+(?:at\s+)?beginning(?:\s+of\s+(?:the\s+)?(?:period|year))?\b"
            r"|\bopening\s+balances?\b",
            re.I,
        ),
    ),
    (
        "end",
        re.compile(
            r",?\s*(?:at|as of)?\s*(?:the\s+)?end\s+of\s+(?:the\s+)?(?:period|year|quarter|fiscal\s+year)\b"
            r"|\bending\s+balances?\b|\bbalances?,?\s+(?:at\s+)?end(?:ing)?(?:\s+of\s+(?:the\s+)?(?:period|year))?\b"
            r"|\bclosing\s+balances?\b",
            re.I,
        ),
    ),
)
_BARE_TOTAL = re.compile(r"^total\s*:?$", re.I)
_NORMALIZE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Heading:
    text: str
    level: int
    indent: int = 0
    inner: int | None = None  # the indentation of its first line: lines indented less are outside it


def _is_lead_in(line: str) -> bool:
    """A sentence introducing a table ("... are reflected in the Consolidated Balance Sheets as
    follows:", "... for GECS' cash flows is shown below.") names a statement without being its title."""
    return line.rstrip().endswith((":", ".")) and len(line.split()) >= LEAD_IN_WORDS


_MENTION_BEFORE = re.compile(r"\b(?:the|these|our|its|their)\s+(?:[\w-]+(?:['\u2019]s|s['\u2019])\s+)?$", re.I)
_NAME_START = re.compile(r"(?:(?:condensed|consolidated|combined)\s+)*(?:statements?\s+of\s+)?$", re.I)
_SENTENCE_BREAK = re.compile(r"[a-z)]\.\s+[A-Z]")


def _mentions(line: str, match: re.Match) -> bool:
    """Prose that refers to a statement ("... have been segregated in the Statement of Financial
    Position. Summary") rather than titling one: the name follows "the", "our"... (maybe with a
    possessive: "the company's balance sheet at"), or a sentence ends within the line."""
    before = _NAME_START.sub("", line[: match.start()])
    return bool(_MENTION_BEFORE.search(before) or _SENTENCE_BREAK.search(line))


_CONTINUED = re.compile(r"\s*[(\[]?\s*continued\s*[)\]]?\s*$", re.I)


def continued_title(title: str) -> str | None:
    """The title a continuation carries on ("Balance Sheets (Continued)" -> "Balance Sheets"), or None."""
    base = _CONTINUED.sub("", title)
    return base if base != title else None


def is_statement_title(line: str) -> bool:
    """A line that titles a statement ("CONSOLIDATED STATEMENTS OF EARNINGS"), not a sentence of
    prose that mentions one ("... the expected future cash flows discounted at")."""
    text = line.strip()
    words = text.split()
    return bool(text) and text[0].isupper() and not text.endswith((".", ",", ";", ":")) and len(words) <= TITLE_WORDS


def classify(title: str, header: str, labels: list[str]) -> tuple[StatementKind, str]:
    """Kind of statement and the title line naming it; the title lines above the table speak
    before the column headings (where "Accumulated Other Comprehensive Income" heads a column of
    an equity statement). A table titled as something else (selected data, quarterly results, a
    note) is not a primary statement; an untitled one is the kind its tell-tale items show."""
    if any(_NOTE_HEADING.match(line) for line in f"{title}\n{header}".splitlines()):
        return StatementKind.OTHER, ""
    for lines in (title.splitlines(), header.splitlines()):
        for kind, pattern in _KIND_BY_TITLE:
            for line in lines:
                m = pattern.search(line)
                if m and not _NOT_A_STATEMENT.search(line) and not _is_lead_in(line) and not _mentions(line, m):
                    return kind, line.strip()
    if any(_NOT_A_STATEMENT.search(line) for line in f"{title}\n{header}".splitlines()):
        return StatementKind.OTHER, ""
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


def _has_amount(row: GridRow) -> bool:
    return any(not is_year(c.text) and parse_amount(c) is not None for c in row.cells[1:] if c.text)


def _names_a_period(row: GridRow) -> bool:
    return any(is_year(c.text) or find_month_days(c.text) or find_dates(c.text) for c in row.cells[1:] if c.text)


def header_row_count(grid: Grid) -> int:
    """Rows at the top of the grid that carry column headings, with any title rows above them:
    everything down to the last row naming a period ("December 31," / "1993") before the first
    row of amounts, and the heading rows right below it ("($ in millions)").

    A table of text only (an exhibit index) has its first row as heading.
    """
    first_amount = next((i for i, row in enumerate(grid.rows) if _has_amount(row)), None)
    if first_amount is None:
        return min(1, len(grid.rows))
    periods = [i for i in range(first_amount) if _is_heading_row(grid.rows[i]) and _names_a_period(grid.rows[i])]
    start = periods[-1] + 1 if periods else 0
    count = next((i for i in range(start, first_amount) if not _is_heading_row(grid.rows[i])), first_amount)
    while count < first_amount and _states_period_or_scale(grid.rows[count]):
        count += 1
    return count


MAX_STATEMENT_YEARS = 3
MAX_STATEMENT_QUARTERS = 3
LEAD_IN_WORDS = 6
TITLE_WORDS = 12
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERIOD_WORDS = re.compile(r"\b(?:months?|weeks?|years?|quarters?|periods?)\s+end(?:ed|ing)\b", re.I)
_EXCEPT_SHARE = re.compile(r"\bexcept\s+(?:per\s+)?share", re.I)


def _states_period_or_scale(row: GridRow) -> bool:
    """A label-only row under the column headings that belongs to them: "For the years ended
    December 31" or "(in thousands)" printed in the label column."""
    label = row.cells[0].text if row.cells else ""
    if not label or any(c.text for c in row.cells[1:]):
        return False
    return bool(
        find_month_days(label)
        or find_dates(label)
        or _PERIOD_WORDS.search(label)
        or states_scale(label)
        or _EXCEPT_SHARE.search(label)
    )


def header_text(grid: Grid) -> str:
    """All text of the heading rows, for the statement's title, scale and periods."""
    return _header_text(grid, header_row_count(grid))


def _header_text(grid: Grid, header_rows: int) -> str:
    return "\n".join(" ".join(c.text for c in row.cells if c.text) for row in grid.rows[:header_rows])


def _value_columns(grid: Grid, first_data: int) -> list[int]:
    width = grid.width
    return [c for c in range(1, width) if any(parse_amount(r.cells[c]) is not None for r in grid.rows[first_data:])]


def _heading_cell(row: GridRow, col: int) -> str:
    """The heading over `col` in one heading row: the cell whose span covers it; in rows typed
    without spans (tab-separated text), the nearest heading to its left."""
    for c in range(1, len(row.cells)):
        cell = row.cells[c]
        if cell.text and c <= col < c + cell.colspan:
            return cell.text
    if any(cell.colspan > 1 for cell in row.cells):
        return ""
    return next((row.cells[c].text for c in range(col, 0, -1) if row.cells[c].text), "")


def column_heading(grid: Grid, header_rows: int, col: int) -> str:
    """Heading text over column `col`, from every heading row, top to bottom. A heading row with
    one heading per value column pairs them in order, whatever their spans say (a centred year
    spanning its '$' and ')' cells may reach past the column its numbers stand in)."""
    value_columns = _value_columns(grid, header_rows)
    texts = []
    for row in grid.rows[:header_rows]:
        headed = [c for c in range(1, len(row.cells)) if row.cells[c].text]
        if len(headed) == len(value_columns) > 1 and col in value_columns:
            texts.append(row.cells[headed[value_columns.index(col)]].text)
        else:
            texts.append(_heading_cell(row, col))
    return " ".join(t for t in texts if t)


def stub_heading(grid: Grid, header_rows: int) -> str:
    """Text in the label column of the heading rows ("Year Ended June 30,"): it heads every column."""
    return " ".join(row.cells[0].text for row in grid.rows[:header_rows] if row.cells and row.cells[0].text)


def _periods_by_position(headings: list[str], context: str, instant: bool) -> list[HeadingPeriod | None] | None:
    """Fiscal-year labels over columns ("2016", "2015") under a title with one date per column in
    the same order ("At January 1, 2017 and January 3, 2016"): the dates, by position. A 52/53-week
    year is named by the year it mostly falls in, not the year of its last day."""
    years = [_YEAR_ONLY.fullmatch(h.strip()) for h in headings]
    if len(headings) < 2 or not all(years):
        return None
    by_title = periods_from_title(context, len(headings), instant)
    if not all(by_title):
        return None
    numbers = [int(y.group(0)) for y in years]
    ends = [p.period.end for p in by_title]
    same_order = sorted(range(len(ends)), key=ends.__getitem__) == sorted(range(len(numbers)), key=numbers.__getitem__)
    return by_title if same_order and len(set(numbers)) == len(numbers) else None


def _bare_years(years: list[int], instant: bool, calendar: FiscalCalendar) -> list[HeadingPeriod | None]:
    """Columns headed by fiscal years alone ("2016  2015  2014"): each year's end as the calendar
    dates it so far (its closing month's end when it cannot yet), set on the filing's calendar
    with the rest of its columns once every statement is read."""
    if not calendar.reads_bare_years:
        return [None] * len(years)
    periods: list[HeadingPeriod | None] = []
    for year in years:
        end = calendar.year_end_named(year) or month_end(year, calendar.month or 12)
        if instant:
            periods.append(HeadingPeriod(Period(end=end), None, year))
        else:
            periods.append(HeadingPeriod(Period(end=end, start=start_of(end, 12, 0)), PeriodLength(12), year))
    return periods


def _columns(
    grid: Grid, header_rows: int, kind: StatementKind, title: str, calendar: FiscalCalendar
) -> tuple[Column, ...]:
    headings_above = "\n".join(line for line in title.splitlines() if len(line.split()) <= TITLE_WORDS)  # not prose
    context = f"{stub_heading(grid, header_rows)}\n\n{headings_above}"
    instant = kind is StatementKind.BALANCE_SHEET
    value_columns = _value_columns(grid, header_rows)
    headings = [column_heading(grid, header_rows, c) for c in value_columns]
    periods = _periods_by_position(headings, context, instant) or [period_of(h, context, instant) for h in headings]
    if not any(periods):
        periods = periods_from_title(context, len(value_columns), instant)
    years = [_YEAR_ONLY.fullmatch(h.strip()) for h in headings]
    if not any(periods) and years and all(years):
        periods = _bare_years([int(y.group(0)) for y in years], instant, calendar)
    return tuple(
        Column(c, p.period, h, p.length, p.year_label, p.borrowed)
        for c, p, h in zip(value_columns, periods, headings, strict=True)
        if p is not None
    )


def _norm(text: str) -> str:
    return _NORMALIZE.sub(" ", text.lower().replace("\u2019", "'").replace("'", "")).strip()


def _heading_level(text: str, capitals_rank: bool) -> int:
    """0 for a heading in capitals among lines in mixed case (a top-level heading), else 1: where
    every line is in capitals, case ranks nothing."""
    letters = [ch for ch in text if ch.isalpha()]
    return 0 if capitals_rank and letters and all(ch.isupper() for ch in letters) else 1


def _capitals_rank(grid: Grid, header_rows: int) -> bool:
    """Some line of the statement is in lower case: its headings in capitals rank above the others."""
    return any(ch.islower() for row in grid.rows[header_rows:] for ch in row.cells[0].text)


def _close_sections(stack: list[_Heading], label: str) -> None:
    """A total closes the section it totals: 'Total current assets' closes 'Current Assets:', and
    'Total operating expenses' closes 'Expenses:' when no heading names it exactly."""
    if _BARE_TOTAL.match(label):
        if stack:
            stack.pop()
        return
    subject = _norm(_TOTAL.sub("", label))
    named = [_norm(h.text) for h in stack]
    exact = [i for i, text in enumerate(named) if text == subject]
    narrower = [i for i, text in enumerate(named) if text and f" {subject}".endswith(f" {text}")]
    found = exact or narrower
    if found:
        del stack[found[-1] :]


def _resolved(label: str, stack: list[_Heading]) -> str:
    if (_BARE_TOTAL.match(label) or not label) and stack:
        return f"Total {stack[-1].text.rstrip(':').strip().lower()}"
    return label


def balance_at(label: str, stack: list[_Heading]) -> tuple[str | None, str]:
    """Whether a flow-statement row is a balance at the start or end of the period ("Cash and cash
    equivalents, end of period", "Beginning balances"), and what it is a balance of."""
    for where, pattern in _BALANCE_AT:
        if pattern.search(label):
            subject = pattern.sub("", label).strip(" ,:-")
            if not subject and stack:
                subject = stack[-1].text.rstrip(":").strip()
            return where, subject or label
    return None, label


# A number grouped in thousands: a line stating one over no amounts (a count, an amount in words) says
# something about the line above; it heads no section.
_STATED_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+")


def _stated_line(
    index: int, label: str, cell, values, stack: list[_Heading], follows_heading: bool, capitals_rank: bool
) -> StatementRow:
    """A line over no amounts that states a number closes the sections a heading in its place
    would, and opens none."""
    _close_for_heading(label, stack, follows_heading, capitals_rank)
    sections = tuple(h.text for h in stack)
    return StatementRow(index, label, RowKind.ITEM, UnitKind.MONETARY, values, sections, label, cell)


def _close_for_heading(label: str, stack: list[_Heading], follows_heading: bool, capitals_rank: bool) -> int:
    """The level a heading takes (all-capitals headings at the top, others below them; a heading
    indented under another, or right under one, inside it); the sections it closes are popped."""
    level = _heading_level(label, capitals_rank)
    inside = bool(stack) and stack[-1].inner is not None and stack[-1].inner > stack[-1].indent
    if inside or (follows_heading and stack and level > 0 and level <= stack[-1].level):
        level = max(level, stack[-1].level + 1)  # indented under the heading above: a section in it
    while stack and stack[-1].level >= level:
        stack.pop()
    return level


def _heading_row(
    index: int, label: str, cell, values, stack: list[_Heading], follows_heading: bool, capitals_rank: bool, indent: int
) -> StatementRow:
    """A heading opens a section at the level _close_for_heading gives it ("Per share amounts:" /
    "Net income": a section inside the one above)."""
    level = _close_for_heading(label, stack, follows_heading, capitals_rank)
    row = StatementRow(
        index, label, RowKind.HEADING, unit_kind_of(label), values, tuple(h.text for h in stack), label, cell
    )
    stack.append(_Heading(label, level, indent))
    return row


def _place(stack: list[_Heading], indent: int) -> None:
    """A line indented less than the first line under a heading is no longer under it (an HTML
    statement indents each section's lines: "Regulatory assets" after "Inventories:" and its items
    sits in current assets, not in inventories). The first line under a heading sets that depth."""
    while stack and stack[-1].inner is not None and indent < stack[-1].inner:
        stack.pop()
    if stack and stack[-1].inner is None:
        stack[-1] = replace(stack[-1], inner=indent)


def _value_row(index: int, label: str, cell, values, stack: list[_Heading], statement_kind: StatementKind):
    sections = tuple(h.text for h in stack)
    kind = RowKind.TOTAL if _TOTAL.match(label) or not label else RowKind.ITEM
    resolved = _resolved(label, stack)
    at = None
    if statement_kind.is_flow:
        at, resolved = balance_at(resolved, stack)
    if statement_kind is StatementKind.EQUITY and at is None and _TOTAL_EQUITY.match(label):
        at = "end"  # an equity statement's closing total: the balance at the end of the period
    if kind is RowKind.TOTAL:
        _close_sections(stack, label or "Total")
    unit = unit_kind_of(label, sections, _shows_cents(values)) if statement_kind.is_flow else UnitKind.MONETARY
    exponent = row_exponent((label, *reversed(sections)), unit) if unit is not UnitKind.PER_SHARE else None
    return StatementRow(index, label, kind, unit, values, sections, resolved, cell, at, exponent=exponent)


def build_rows(
    grid: Grid, header_rows: int, columns: tuple[Column, ...], statement_kind: StatementKind
) -> tuple[StatementRow, ...]:
    """Line items with their values, headings, and the sections each row sits in.

    A label over empty value cells is a heading; a row with numbers but no label totals the
    section above it (an unlabeled subtotal under a rule).
    """
    rows = []
    stack: list[_Heading] = []
    capitals_rank = _capitals_rank(grid, header_rows)
    for index in range(header_rows, len(grid.rows)):
        row = grid.rows[index]
        label = row.cells[0].text
        values = tuple(parse_amount(row.cells[c.grid_col]) for c in columns)
        has_text = any(row.cells[c.grid_col].text for c in columns)
        if label:
            _place(stack, row.indent)
        if not has_text:
            follows = bool(rows) and rows[-1].kind is RowKind.HEADING
            if label and _STATED_COUNT.search(label):  # 'Shares outstanding - June 30, 2023: 551,992,430'
                rows.append(_stated_line(index, label, row.cells[0], values, stack, follows, capitals_rank))
            elif label:
                rows.append(_heading_row(index, label, row.cells[0], values, stack, follows, capitals_rank, row.indent))
            continue
        value_row = _value_row(index, label, row.cells[0], values, stack, statement_kind)
        dated = _dated_balance(label, stack, columns) if statement_kind.is_flow and not value_row.balance_at else None
        if dated:  # the line's subject without its date, as for 'at end of period'
            subject = _AS_OF.sub("", value_row.resolved_label).strip(" ,:-") or value_row.resolved_label
            value_row = replace(value_row, balance_at=dated, resolved_label=subject)
        rows.append(value_row)
    if statement_kind is StatementKind.CASH_FLOWS:
        rows = _closing_balance_parts(rows)
    return _subtotals_named_later(_per_share_continued(_share_count_addends(rows)))


def _shows_cents(values: tuple[Amount | None, ...]) -> bool:
    """Every amount shown (one at least) is printed with cents."""
    shown = [v for v in values if v is not None and not v.is_dash]
    return bool(shown) and all(v.decimals_shown == 2 for v in shown)


def _per_share_continued(rows: list[StatementRow]) -> list[StatementRow]:
    """An amount in cents right after a per-share line, in a statement whose money shows no cents,
    is per share too (Pfizer's 'Net income attributable to Pfizer Inc. common shareholders' closing
    its 'Earnings per common share--basic:' lines, printed at the heading's indent: $1.77, not
    $1.77 million)."""
    money = [r for r in rows if r.unit_kind is UnitKind.MONETARY and any(v is not None for v in r.values)]
    if sum(_shows_cents(r.values) for r in money) * 2 > len(money):
        return rows
    out = list(rows)
    previous = None
    for i, row in enumerate(rows):
        if row.kind is RowKind.HEADING:
            continue
        if row.unit_kind is UnitKind.MONETARY and previous is UnitKind.PER_SHARE and _shows_cents(row.values):
            out[i] = replace(row, unit_kind=UnitKind.PER_SHARE, exponent=None)
        previous = out[i].unit_kind
    return out


def _share_count_addends(rows: list[StatementRow]) -> list[StatementRow]:
    """A line between two share counts that adds the first up to the second, column by column, is
    a share count too ('Average ... Basic', 'Dilutive Common Stock Options', 'Average ... Plus
    Dilutive Common Stock Options': the options are shares, not dollars)."""
    out = list(rows)
    for i in range(1, len(rows) - 1):
        before, row, after = rows[i - 1], rows[i], rows[i + 1]
        if row.unit_kind is not UnitKind.MONETARY or not before.unit_kind is after.unit_kind is UnitKind.SHARES:
            continue
        sums = [a + b for a, b in zip(_signed(before), _signed(row), strict=True) if a is not None and b is not None]
        totals = [t for t in _signed(after) if t is not None]
        if sums and sums == totals and any(_signed(row)):
            exponent = row_exponent((row.label, *reversed(row.sections)), UnitKind.SHARES)
            out[i] = replace(row, unit_kind=UnitKind.SHARES, exponent=exponent)
    return out


def _closing_balance_parts(rows: list[StatementRow]) -> list[StatementRow]:
    """Lines after the closing cash balance that add up to it again, column by column, split that
    balance into its parts ('Cash and cash equivalents', 'Restricted cash included in other assets',
    then 'Total cash, cash equivalents and restricted cash'): balances at each column's end, not flows.
    Only lines the sums confirm; a line after the closing balance that merely sounds like cash is not."""
    closing = next((i for i, r in enumerate(rows) if r.balance_at == "end"), None)
    if closing is None or all(v is None for v in rows[closing].values):
        return rows
    target = _signed(rows[closing])
    for total in range(closing + 1, len(rows)):
        if rows[total].kind is RowKind.HEADING or _signed(rows[total]) != target:
            continue
        sums = [Decimal(0)] * len(target)
        for first in range(total - 1, closing, -1):
            if rows[first].kind is RowKind.HEADING:
                continue
            sums = [s + (a or 0) for s, a in zip(sums, _signed(rows[first]), strict=True)]
            if total - first >= 2 and sums == [t or 0 for t in target]:
                out = list(rows)
                for i in range(first, total + 1):
                    if rows[i].kind is not RowKind.HEADING:
                        out[i] = replace(rows[i], balance_at="end")
                return out
    return rows


def _signed(row: StatementRow) -> list[Decimal | None]:
    return [v.signed if v is not None else None for v in row.values]


_AS_OF = re.compile(r"\b(?:as of|at)\s+(?P<date>[A-Za-z]+\.?\s+\d{1,2})\s*:?\s*$", re.I)


def _dated_balance(label: str, stack: list[_Heading], columns: tuple[Column, ...]) -> str | None:
    """A flow-statement line dated by a month and day, in its label ('Cash ... at June 30') or a
    heading above it ('Supplemental Accumulated Other Comprehensive Income (Loss) Information, net of
    tax as of December 31:'): a balance at each column's end when that is the day every column ends,
    at its start when it is the day before every column starts; else the date does not decide."""
    for text in (label, *(h.text for h in reversed(stack))):
        found = _AS_OF.search(text)
        days = find_month_days(found["date"]) if found else []
        if not days or not columns:
            continue
        month_day = days[0][:2]
        if all((c.period.end.month, c.period.end.day) == month_day for c in columns):
            return "end"
        before = [c.period.start - timedelta(days=1) for c in columns if c.period.start is not None]
        if len(before) == len(columns) and all((d.month, d.day) == month_day for d in before):
            return "start"
        return None
    return None


def _subtotals_named_later(rows: list[StatementRow]) -> tuple[StatementRow, ...]:
    """A bare "Total" is its section's total unless a later line names that total itself: Deere's
    equity section adds common stock to retained earnings in a "Total", then the accumulated other
    comprehensive income items, then "Total stockholders' equity"; the first is a subtotal."""
    out = list(rows)
    for i, row in enumerate(rows):
        if row.resolved_label == row.label:
            continue
        named = _norm(row.resolved_label)
        if any(_norm(later.label) == named for later in rows[i + 1 :]):
            out[i] = replace(row, resolved_label=row.label)
    return tuple(out)


def is_selected_data(columns: tuple[Column, ...]) -> bool:
    """Four years side by side (five-year selected data), or four quarters or more (quarterly
    results): not a primary statement, which shows at most three years of flows, two or three
    balance-sheet dates, and three quarters (an earnings release's quarter, the one before it and
    the same quarter a year ago)."""
    lengths = [None if c.period.is_instant else (c.period.end - c.period.start).days for c in columns]
    years = sum(1 for n in lengths if n is None or 360 <= n <= 371)
    quarters = sum(1 for n in lengths if n is not None and 84 <= n <= 98)
    return years > MAX_STATEMENT_YEARS or quarters > MAX_STATEMENT_QUARTERS


def is_page_index(rows: tuple[StatementRow, ...]) -> bool:
    """A table of contents: one column of small whole numbers that never go down (page numbers)."""
    numbers = [v for r in rows for v in r.values if v is not None and not v.is_dash]
    if len(numbers) < 3 or any(len(r.values) != 1 for r in rows):
        return False
    pages = [v.magnitude for v in numbers]
    small = all(not v.negative and v.decimals_shown == 0 and "," not in v.text and v.magnitude < 1000 for v in numbers)
    return small and pages == sorted(pages)


@dataclass(frozen=True)
class GridReading:
    """What a grid says whatever the fiscal calendar: the lines titling it and their text, its
    heading rows and their text, the scale their words state, and the statement it is (OTHER: none).
    A filing's statements are dated twice (see extract); each grid is read once."""

    grid: Grid
    title_lines: tuple[int, ...]
    title: str
    header_rows: int
    header: str
    scale: Scale
    kind: StatementKind
    name: str


def read_grid(grid: Grid, title: str, title_lines: tuple[int, ...]) -> GridReading:
    """A grid read under its title (the text of its title lines): the heading rows are counted
    once, for the kind, the scale words and, later, the columns."""
    header_rows = header_row_count(grid)
    header = _header_text(grid, header_rows)
    labels = [r.cells[0].text for r in grid.rows[header_rows:] if r.cells]
    kind, name = classify(title, header, labels)
    scale = find_scale(f"{title}\n{header}")
    return GridReading(grid, title_lines, title, header_rows, header, scale, kind, name)


def interpret(reading: GridReading, calendar: FiscalCalendar) -> StatementTable | None:
    """The statement a grid shows, or None when it has no columns with periods."""
    grid, header_rows, kind, name = reading.grid, reading.header_rows, reading.kind, reading.name
    scale, title_lines = reading.scale, reading.title_lines
    title = f"{reading.title}\n{reading.header}".strip()
    if kind is StatementKind.OTHER:
        return None
    columns = _columns(grid, header_rows, kind, title, calendar)
    if kind is StatementKind.EQUITY and (not columns or len({c.period for c in columns}) < len(columns)):
        headings = [(c, column_heading(grid, header_rows, c)) for c in _value_columns(grid, header_rows)]
        return equity_by_components(grid, header_rows, headings, title, scale, title_lines, name, calendar)
    if not columns:
        return None
    if len({c.period for c in columns}) < len(columns):
        return None  # columns repeat a period: segments or components side by side, not one statement
    if is_selected_data(columns):
        return None
    rows = build_rows(grid, header_rows, columns, kind)
    if sum(1 for r in rows if r.has_values) < 2 or is_page_index(rows):
        return None
    table = StatementTable(grid.id, kind, title, scale, columns, rows, grid, title_lines=title_lines, name=name)
    return StatementTable(**{**table.__dict__, "label_facts": label_facts_of(table)})


CONTINUATION_GAP_LINES = 15


def continuation(
    grid: Grid, previous: StatementTable, title: str, title_lines: tuple[int, ...], calendar: FiscalCalendar
) -> StatementTable | None:
    """A table right after a statement, with no period headings of its own and as many columns of
    amounts: the statement carried on past a page break (a balance sheet's liabilities under its
    assets' dates; last year's part of an equity statement under this year's component headings),
    read with the columns of the part before it."""
    if grid.doc != previous.grid.doc or grid.first_line - previous.grid.last_line > CONTINUATION_GAP_LINES:
        return None
    if not is_statement_title(continued_title(previous.name) or previous.name) or not _carries_on(title, previous):
        return None
    header_rows = header_row_count(grid)
    value_columns = _value_columns(grid, header_rows)
    name = previous.name if continued_title(previous.name) else f"{previous.name} (Continued)"
    text = f"{title}\n{header_text(grid)}".strip()
    if _by_components(previous):
        before = _value_columns(previous.grid, header_row_count(previous.grid))
        if len(value_columns) != len(before):
            return None
        lent = [column_heading(previous.grid, header_row_count(previous.grid), c) for c in before]
        headings = list(zip(value_columns, lent, strict=True))
        return equity_by_components(grid, header_rows, headings, text, previous.scale, title_lines, name, calendar)
    if len(value_columns) != len(previous.columns):
        return None
    columns = tuple(replace(c, grid_col=v) for c, v in zip(previous.columns, value_columns, strict=True))
    rows = build_rows(grid, header_rows, columns, previous.kind)
    if sum(1 for r in rows if r.has_values) < 2:
        return None
    table = StatementTable(grid.id, previous.kind, text, previous.scale, columns, rows, grid, (), title_lines, name)
    return replace(table, label_facts=label_facts_of(table))


def _carries_on(title: str, previous: StatementTable) -> bool:
    """The lines above a headless table name no other table: no other statement's title, no note or
    schedule caption, no period of its own ("Liabilities and Shareholders' Equity" above a balance
    sheet's second page does not stop it carrying on the first)."""
    base = _norm(continued_title(previous.name) or previous.name)
    for line in title.splitlines():
        kind, name = classify(line, "", [])
        if name and _norm(continued_title(name) or name) != base:
            return False
        if _NOT_A_STATEMENT.search(line) or find_dates(line) or _PERIOD_WORDS.search(line) or _YEAR.search(line):
            return False
    return True


def _by_components(table: StatementTable) -> bool:
    return any(r.period is not None for r in table.rows)
