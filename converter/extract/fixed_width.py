"""Tables typed in fixed-width text, with or without SGML <TABLE>/<CAPTION>/<S>/<C> tags.

A line is cut into chunks at runs of two or more spaces (dotted leaders count as spaces). Numbers
are right-aligned, so the right edges of numeric chunks, clustered over the table's lines, give
the value columns (or the <C> markers do, when the filer typed them). Each chunk then goes to the
column it overlaps most; a heading centered over several columns spans them.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import EMPTY_CELL, Cell, Grid, GridRow, Span

# Patterns that open with a lookbehind or a word boundary get a lookahead for the characters
# their matches start with: Python's re then skips to those instead of trying every character.
_LEADER = re.compile(r"(?=[\s.])(?:(?<=\S)(?:\s?\.){3,}\s*|(?<=\s)(?:\.\s?){3,})")
_GAP = re.compile(r" {2,}|\t+")
_NUMERIC = re.compile(
    r"^\$?\s*\(?\s*\$?\s*-?\s*(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*\)?\s*%?\s*(?:\*{1,3}|[\u2020\u2021])?$"
    r"|^\$?\s*\(?(?:-{1,3}|\u2014|\u2013)\)?$"
)
_NUMBER_TOKEN = re.compile(r"(?:\$ ?)?\(?\$?-?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\)?%?\*{0,3}|\$")
_GLUED_NUMBER = re.compile(r"^(?P<label>.*\S\))(?P<number>\$?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?)$")
_RULE = re.compile(r"^[\s\-=_]*[-=_]{3,}[\s\-=_]*$")
_TAG = re.compile(r"^\s*</?(TABLE|CAPTION|S|C|FN)>", re.I)
_COLUMN_MARK = re.compile(r"<(S|C)>", re.I)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_AMOUNT_MARK = re.compile(r"\*{1,3}|n/?a|n\.?m\.?", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PAGE = re.compile(r"^\s*(?:<PAGE>|\f)\s*\d*\s*$", re.I)
MIN_VALUE_RIGHT_EDGE = 30
MIN_GAP_BEFORE_VALUE = 3
TOLERANCE = 3
MAX_HEADER_LINES = 8
MAX_LABEL_LINE = 70
MAX_BLANKS_AFTER_RULE = 4
MAX_SECTION_LINES_UNDER_HEADINGS = 2


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    text: str

    @property
    def numeric(self) -> bool:
        return bool(_NUMERIC.match(self.text))


@dataclass(frozen=True)
class TaggedTable:
    """An SGML <TABLE>: its lines, where the data starts, and the <S>/<C> column marks if typed."""

    first: int  # first line after <TABLE>
    last: int  # last line before </TABLE> or <FN>
    marks: tuple[int, ...]  # column start positions from the <S>/<C> line
    tag_lines: tuple[int, ...]


def without_leaders(line: str) -> str:
    """The line with dotted leaders replaced by spaces, keeping every column where it was."""
    return _LEADER.sub(lambda m: " " * len(m.group(0)), line.expandtabs(8) if "\t" in line else line)


def chunks(line: str) -> list[Chunk]:
    text = without_leaders(line)
    out, pos = [], 0
    for gap in [*_GAP.finditer(text), None]:
        end = gap.start() if gap else len(text)
        piece = text[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Chunk(pos + lead, pos + lead + len(piece.strip()), piece.strip()))
        pos = gap.end() if gap else len(text)
    if len(out) > 1 and out[-1].text == "$":
        out.pop()  # a dollar sign with no number after it is a typing stray
    return _join_dollar_signs([piece for chunk in out for piece in _split_numbers(chunk)])


def _split_numbers(chunk: Chunk) -> list[Chunk]:
    """Numbers typed one space apart ("$ 9,833 $11,062 $ 9,189", or "(1,045) $" with the next
    column's dollar sign) are one value each; a grouped number pressed against a label's closing
    parenthesis ("of $91 ($87 in 1995)1,496") is apart."""
    glued = _GLUED_NUMBER.match(chunk.text)
    if glued:
        cut = chunk.start + glued.start("number")
        return [Chunk(chunk.start, cut, glued["label"]), Chunk(cut, chunk.end, glued["number"])]
    tokens = list(_NUMBER_TOKEN.finditer(chunk.text))
    if len(tokens) < 2 or " ".join(t.group(0) for t in tokens) != chunk.text:
        return [chunk]
    return [Chunk(chunk.start + t.start(), chunk.start + t.end(), t.group(0)) for t in tokens]


def _join_dollar_signs(found: list[Chunk]) -> list[Chunk]:
    """'$' typed apart from its number is part of the number's cell."""
    out: list[Chunk] = []
    for chunk in found:
        if out and out[-1].text in ("$", "($", "$(") and chunk.numeric:
            prev = out.pop()
            chunk = Chunk(prev.start, chunk.end, f"{prev.text} {chunk.text}")
        out.append(chunk)
    return out


_VALUE_ENDINGS = frozenset("0123456789)%*\u2020\u2021-\u2014\u2013")  # the last characters _NUMERIC allows


def _may_end_in_value(line: str) -> bool:
    """Could the line's last chunk be a value in a column? A cheap test before chunks(): most
    lines of prose end in a letter or a single full stop. A line may also end in dot leaders or
    a stray "$", which chunks() sets aside."""
    text = line.rstrip()
    if "\t" not in text and len(text) < MIN_VALUE_RIGHT_EDGE:
        return False
    return text[-1:] in _VALUE_ENDINGS or text.endswith(("$", "..", ". ."))


def is_data_line(line: str) -> bool:
    """A line ending in a number set apart from what precedes it, far enough right to be a column."""
    if not _may_end_in_value(line):
        return False
    found = chunks(line)
    if not found or not found[-1].numeric or found[-1].end < MIN_VALUE_RIGHT_EDGE:
        return False
    if len(found) == 1:
        return True
    gap = found[-1].start - found[-2].end
    return gap >= MIN_GAP_BEFORE_VALUE or found[-2].numeric or "..." in line


def _is_rule(line: str) -> bool:
    return bool(_RULE.match(line.replace("- -", "--")))


def tagged_tables(lines: tuple[str, ...]) -> list[TaggedTable]:
    """SGML <TABLE> ... </TABLE> blocks."""
    tables, i = [], 0
    while i < len(lines):
        if not re.match(r"^\s*<TABLE>", lines[i], re.I):
            i += 1
            continue
        start, tags, marks, last = i, [i], (), None
        j = i + 1
        while j < len(lines) and not re.match(r"^\s*</TABLE>", lines[j], re.I):
            if _TAG.match(lines[j]) or _COLUMN_MARK.search(lines[j]) and not lines[j].strip("<>SCsc \t"):
                tags.append(j)
                if _COLUMN_MARK.search(lines[j]):
                    marks = tuple(m.start() for m in _COLUMN_MARK.finditer(lines[j].expandtabs(8)))
                if re.match(r"^\s*<FN>", lines[j], re.I) and last is None:
                    last = j - 1
            j += 1
        tags.append(j)
        tables.append(TaggedTable(start + 1, last if last is not None else j - 1, marks, tuple(tags)))
        i = j + 1
    return tables


def _next_nonblank(lines: tuple[str, ...], j: int) -> int | None:
    return next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)


def is_page_number(lines: tuple[str, ...], j: int) -> bool:
    """A line holding only a short number with no table row after it: a page number, not data."""
    if not _PAGE_NUMBER.match(lines[j]):
        return False
    k = _next_nonblank(lines, j)
    return k is None or not is_data_line(lines[k])


def _wrapped_label(lines: tuple[str, ...], j: int, value_start: int) -> bool:
    """A long label line inside a table: it ends left of the value columns and the next line
    carries it on (a line of data, or one indented deeper)."""
    if len(without_leaders(lines[j]).rstrip()) > value_start - MIN_GAP_BEFORE_VALUE:
        return False
    if j + 1 >= len(lines) or not lines[j + 1].strip():
        return False
    following = lines[j + 1]
    return is_data_line(following) or _indent(following) > _indent(lines[j])


def _indent(line: str) -> int:
    """Leading blanks, tabs at their tab stops: the label's place in the outline."""
    text = line.expandtabs(8) if "\t" in line else line
    return len(text) - len(text.lstrip())


def _distinct(edges: set[int]) -> list[int]:
    """Right edges within TOLERANCE of each other counted once."""
    out: list[int] = []
    for edge in sorted(edges):
        if not out or edge - out[-1] > TOLERANCE:
            out.append(edge)
    return out


def _is_years_line(line: str) -> bool:
    """A line whose numbers are all years, two at least: the column headings of a table."""
    if not _YEAR.search(line):
        return False  # most lines of amounts: no need to cut them into chunks again
    found = [c for c in chunks(line) if c.numeric]
    return len(found) >= 2 and all(_YEAR.fullmatch(c.text) for c in found)


@dataclass
class _Columns:
    """What a table's lines of amounts so far say of its layout: where its amounts start and end,
    and where its labels start."""

    edges: set[int] = field(default_factory=set)
    start: int = 10**6  # the leftmost start of an amount
    margin: int = 0

    def add(self, line: str) -> None:
        numbers = [c for c in chunks(line) if c.numeric]
        self.edges |= {c.end for c in numbers}
        self.start = min([self.start, *(c.start for c in numbers)])
        self.margin = max(self.margin, _indent(line))

    def holds(self, line: str) -> bool:
        """A line of amounts (not of years: those head another table) standing in these columns, as
        many as the table has, two at least when it has two (a sentence may end in a number)."""
        found = [c for c in chunks(line) if c.numeric]
        if not is_data_line(line) or _is_years_line(line):
            return False
        if len(found) < min(2, len(_distinct(self.edges))):
            return False
        return all(any(abs(c.end - e) <= TOLERANCE for e in self.edges) for c in found)

    def marks_only(self, line: str) -> bool:
        """A line whose value columns hold only marks standing for an amount ("*": less than half a
        unit, "n/a"): a line of the table, not prose."""
        found = chunks(line)[1:]
        return bool(found) and all(
            _AMOUNT_MARK.fullmatch(c.text) and any(abs(c.end - e) <= TOLERANCE for e in self.edges) for c in found
        )


MAX_LABEL_LINES_PAST_BLANKS = 3
_SENTENCE = re.compile(r"\.(?:\s|$)")  # prose, not a label: a full stop ends a sentence


def _carried_on_past_blanks(lines: tuple[str, ...], j: int, columns: _Columns, excluded: set[int]) -> bool:
    """Two blank lines end a table, unless, a few blank lines on, it goes on: a line of amounts in
    its columns, maybe under a label of a few lines at its labels' margin (a heading, a wrapped
    label, however long its first line): a statement typed with blank lines between its lines."""
    blanks, labels = 0, 0
    for k in range(j + 1, len(lines)):
        line = lines[k]
        if k in excluded or _PAGE.match(line):
            return False
        if not line.strip():
            blanks += 1
            if blanks > MAX_BLANKS_AFTER_RULE:
                return False
        elif is_data_line(line):
            return columns.holds(line)
        else:
            labels += 1
            text = line.strip()
            short = len(text) < MAX_LABEL_LINE or _wrapped_label(lines, k, columns.start)
            label = short and _indent(line) <= columns.margin + TOLERANCE
            if labels > MAX_LABEL_LINES_PAST_BLANKS or not label or _is_rule(line) or _SENTENCE.search(text):
                return False
    return False


def _region_from(lines: tuple[str, ...], first: int, excluded: set[int]) -> tuple[int, int]:
    """(last data line, number of data lines) of the table whose first data line is `first`."""
    last, data, blanks = first, 1, 0
    after_rule = False  # an underline promises a total below it, even past a few blank lines
    columns = _Columns()
    columns.add(lines[first])
    bridged = False  # the blank lines under way lead on to more of the table
    for j in range(first + 1, len(lines)):
        line = lines[j]
        if j in excluded or _PAGE.match(line) or is_page_number(lines, j):
            break
        if not line.strip():
            blanks += 1
            if blanks == 2 and not after_rule:
                bridged = _carried_on_past_blanks(lines, j, columns, excluded)
            if blanks > (MAX_BLANKS_AFTER_RULE if after_rule or bridged else 1):
                break
        elif is_data_line(line):
            if _is_years_line(line):
                break  # column headings: another table starts here (Pericom's "- Pro Forma" under its "- GAAP")
            last, data, blanks, after_rule, bridged = j, data + 1, 0, False, False
            columns.add(line)
        elif (
            _is_rule(line)
            or len(line.strip()) < MAX_LABEL_LINE
            or _wrapped_label(lines, j, columns.start)
            or columns.marks_only(line)
        ):
            blanks, after_rule, bridged = 0, _is_rule(line), False  # a rule, a heading or a wrapped label
        else:
            break  # prose
    return last, data


def untagged_regions(lines: tuple[str, ...], excluded: set[int]) -> list[tuple[int, int]]:
    """Blocks of at least two data lines (with the rule, heading and wrapped-label lines among them)
    and the column-heading lines just above."""
    regions, i, n = [], 0, len(lines)
    while i < n:
        if i in excluded or not is_data_line(lines[i]) or is_page_number(lines, i):
            i += 1
            continue
        last, data = _region_from(lines, i, excluded)
        if data >= 2:
            regions.append((_header_start(lines, i, excluded, regions), last))
        i = last + 1
    return regions


def _header_start(lines, first: int, excluded: set[int], regions: list[tuple[int, int]]) -> int:
    """Extend a table upward over its column headings: lines with text right of the labels. A
    section heading or two ("CASH FLOWS FROM OPERATING ACTIVITIES") may stand between the column
    headings and the first number, when the headings name a year."""
    floor = regions[-1][1] + 1 if regions else 0
    value_start = min((c.start for c in chunks(lines[first]) if c.numeric), default=40)
    start, labels_between = first, []
    for j in range(first - 1, max(floor, first - MAX_HEADER_LINES - MAX_SECTION_LINES_UNDER_HEADINGS) - 1, -1):
        if j in excluded or _PAGE.match(lines[j]):
            break
        line = lines[j]
        if not line.strip() or _is_rule(line):
            continue
        if any(c.end > value_start for c in chunks(line)) and len(line.strip()) < 150:
            start = j
        elif start == first and len(labels_between) < MAX_SECTION_LINES_UNDER_HEADINGS:
            labels_between.append(j)
        else:
            break
    if labels_between and start < first:
        headings = lines[start : min(labels_between)]
        if not any(_YEAR.search(h) for h in headings):
            return first
    return start


def _cluster(edges: list[int]) -> list[int]:
    """Right edges of value columns: clusters of chunk right edges, each kept at its largest."""
    clusters: list[list[int]] = []
    for edge in sorted(edges):
        if clusters and edge - clusters[-1][-1] <= TOLERANCE:
            clusters[-1].append(edge)
        else:
            clusters.append([edge])
    support = max(2, len(edges) // 20)
    return [max(c) for c in clusters if len(c) >= support]


def _column_ranges(rows: list[list[Chunk]], marks: tuple[int, ...]) -> list[tuple[int, int]]:
    """[start, end) of each value column."""
    if len(marks) >= 2:
        bounds = list(marks[1:]) + [10**6]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    edges = [c.end for row in rows for c in row[1:] if c.numeric] + [
        row[0].end for row in rows if row and row[0].numeric and row[0].start > MIN_VALUE_RIGHT_EDGE // 2
    ]
    rights = _cluster(edges)
    if not rights:
        return []
    starts = [
        min(
            (c.start for row in rows for c in row if c.numeric and abs(c.end - rights[0]) <= TOLERANCE),
            default=rights[0] - 8,
        )
    ]
    starts += [rights[i] + 1 for i in range(len(rights) - 1)]
    return [(s, r + 1) for s, r in zip(starts, rights, strict=True)]


_NOTES_HEADING = re.compile(r"notes?|note\s+references?", re.I)
MAX_NOTE_REFERENCE = 7  # "g & j", "12, 14"


def _with_notes_column(
    ranges: list[tuple[int, int]], headings: list[list[Chunk]], rows: Callable[[], list[list[Chunk]]]
) -> list[tuple[int, int]]:
    """The value columns, and before them the column of note references a heading "Notes" stands
    over (IBM: "Hardware sales   j   $36,229"): its letters are no part of the label. An SGML table's
    <C> marks give that column; typed without them, its heading, when what stands under it is
    references only (not an exhibit index's descriptions). `rows` cuts the lines below the
    headings into chunks, only for a table that has such a heading."""
    value_start = ranges[0][0]
    notes = [
        c
        for row in headings
        for c in row
        if _NOTES_HEADING.fullmatch(c.text) and c.end <= value_start - MIN_GAP_BEFORE_VALUE
    ]
    if len(notes) != 1:
        return ranges
    start = notes[0].start - TOLERANCE
    under = [c for row in rows() for c in row[1:] if c.start >= start and c.end <= value_start]
    if any(len(c.text) > MAX_NOTE_REFERENCE for c in under):
        return ranges
    return [(start, value_start), *ranges]


def _numeric_column(chunk: Chunk, ranges: list[tuple[int, int]]) -> int | None:
    """The column of a number: the one its right edge falls in (numbers are right-aligned)."""
    for i, (s, e) in enumerate(ranges):
        if s <= chunk.end - 1 < e or abs(chunk.end - e + 1) <= TOLERANCE:
            return i
    return None


def value_extents(data: list[list[Chunk]], ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each column's numbers actually stand: from their leftmost start to rightmost end."""
    extents = [list(r) for r in ranges]
    seen = [False] * len(ranges)
    for row in data:
        for chunk in row:
            col = _numeric_column(chunk, ranges) if chunk.numeric else None
            if col is not None:
                if not seen[col]:
                    extents[col], seen[col] = [chunk.start, chunk.end], True
                else:
                    extents[col] = [min(extents[col][0], chunk.start), max(extents[col][1], chunk.end)]
    return [(a, b) for a, b in extents]


def _place(chunk: Chunk, ranges: list[tuple[int, int]], extents: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(first column, span) a chunk belongs to: a number by its right edge; a heading by the
    columns whose numbers it stands over (centered headings drift from the <C> marks)."""
    if chunk.numeric:
        col = _numeric_column(chunk, ranges)
        return None if col is None else (col, 1)
    centers = [(a + b) / 2 for a, b in extents]
    covered = [i for i, c in enumerate(centers) if chunk.start - 1 <= c <= chunk.end + 1]
    if covered:
        return covered[0], covered[-1] - covered[0] + 1
    if chunk.end < extents[0][0] - TOLERANCE:
        return None
    nearest = min(range(len(centers)), key=lambda i: abs(centers[i] - (chunk.start + chunk.end) / 2))
    return nearest, 1


def _span(doc: int, index: int, line: str, chunk: Chunk) -> Span:
    """The chunk's place in the line as written: chunks are measured on the line with its tabs
    expanded (columns line up that way), spans count characters of the line itself."""
    if "\t" not in line:
        return Span(doc, index, chunk.start, chunk.end)
    raw_of, column = {}, 0
    for offset, char in enumerate(line):
        raw_of[column] = offset
        column = (column // 8 + 1) * 8 if char == "\t" else column + 1
    return Span(doc, index, raw_of[chunk.start], raw_of[chunk.end - 1] + 1)


def _row(
    doc: int, index: int, line: str, ranges: list[tuple[int, int]], extents: list[tuple[int, int]], margin: int
) -> GridRow:
    """One line's cells. Its first words are its label, even when a long label runs into the first
    column: on a line of values, and on a line of words alone that starts where the labels of the
    lines of values start (the first line of a wrapped label), unlike a heading centred over the
    columns. `margin` is the rightmost start of those labels, -1 above the first line of values."""
    width = len(ranges) + 1
    cells: list[Cell] = [EMPTY_CELL] * width
    label_parts: list[Chunk] = []
    value_start = ranges[0][0] if ranges else 10**6
    found = chunks(line)
    for n, chunk in enumerate(found):
        label = chunk.end <= value_start or (
            n == 0 and chunk.start < value_start and (found[-1].numeric or (len(found) == 1 and chunk.start <= margin))
        )
        placed = None if (label and not chunk.numeric) else _place(chunk, ranges, extents)
        if placed is None:
            if chunk.start < value_start:
                label_parts.append(chunk)
            continue
        col, span = placed
        cell = Cell(chunk.text, (_span(doc, index, line, chunk),), colspan=span)
        cells[col + 1] = (
            cell
            if not cells[col + 1].text
            else Cell(f"{cells[col + 1].text} {chunk.text}", cells[col + 1].spans + cell.spans, cells[col + 1].colspan)
        )
    if label_parts:
        spans = tuple(_span(doc, index, line, c) for c in label_parts)
        cells[0] = Cell(" ".join(c.text for c in label_parts), spans)
    return GridRow(tuple(cells), index, _indent(line), max((c.end for c in label_parts), default=0))


def fixed_width_grid(
    grid_id: str,
    doc: int,
    lines: tuple[str, ...],
    first: int,
    last: int,
    marks: tuple[int, ...] = (),
    skip: frozenset[int] = frozenset(),
) -> Grid | None:
    """The grid of lines [first, last]; None when no value columns can be found."""
    body = [i for i in range(first, last + 1) if i not in skip and lines[i].strip() and not _PAGE.match(lines[i])]
    data_lines = [i for i in body if is_data_line(lines[i])]
    data = [chunks(lines[i]) for i in data_lines]
    ranges = _column_ranges(data, marks)
    if not ranges:
        return None
    first_data = data_lines[0] if data_lines else last
    if not marks:
        amounts = next((i for i in data_lines if not _is_years_line(lines[i])), last)
        headings = [chunks(lines[i]) for i in body if i < amounts]
        ranges = _with_notes_column(ranges, headings, lambda: [chunks(lines[i]) for i in body if i >= amounts])
    extents = value_extents(data, ranges)
    margin = max((row[0].start for row in data if not row[0].numeric), default=-1)
    rows = tuple(
        _row(doc, i, lines[i], ranges, extents, margin if i > first_data else -1)
        for i in body
        if not _is_rule(lines[i])
    )
    return Grid(grid_id, doc, first, last, rows, values_start=ranges[0][0])
