"""Find values on a cover page by their captions, whatever the layout.

Cover pages print a value above a parenthesized caption ("Delaware" over "(State or other
jurisdiction of incorporation)"), before it in the same cell, or after a caption ending in a
colon ("Commission File Number: 001-36743"). Several captions often share a line, in columns:
typed with spaces (matched by position) or as table cells (matched by column).
"""

import re
from dataclasses import dataclass

from ..ingest.model import SourceDocument
from .model import Cell, Span

COVER_MAX_LINES = 300
_GAP = re.compile(r"\t+|\s{2,}")
_COVER_END = re.compile(r"^\s*(?:section\s+\d|item\s+\d+(?:\.\d+)?\b|part\s+i\b)", re.I)
_RULE = re.compile(r"^[-_=\s]+$")


@dataclass(frozen=True)
class Segment:
    """A piece of a line between tabs or runs of spaces; `col` is its table column for tab lines."""

    line: int
    start: int
    end: int
    text: str
    col: int | None

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2


class CoverText:
    """The cover lines of a document (up to the first Item heading) and caption look-ups."""

    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        lines = doc.lines[:COVER_MAX_LINES]
        end = next((i for i, line in enumerate(lines) if i > 10 and _COVER_END.match(line)), len(lines))
        self.lines = lines[:end]
        self.colspans = dict(doc.colspans)
        self._blocks: dict[int, list[tuple[str, ...]]] = {}
        for line, _, blocks in doc.cell_blocks:
            self._blocks.setdefault(line, []).append(blocks)

    def span(self, line: int, start: int, end: int) -> Span:
        return Span(self.doc.index, line, start, end)

    def cell(self, segments: list[Segment]) -> Cell:
        """Segments as one cell (text joined by spaces) so that regexes can run across them."""
        return Cell(" ".join(s.text for s in segments), tuple(self.span(s.line, s.start, s.end) for s in segments))

    def segments(self, i: int) -> list[Segment]:
        line = self.lines[i]
        spans = self.colspans.get(i, ())
        out, pos, cell_index, col = [], 0, 0, 0
        for gap in [*_GAP.finditer(line), None]:
            end = gap.start() if gap else len(line)
            piece = line[pos:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                text = piece.strip()
                out.append(Segment(i, pos + lead, pos + lead + len(text), text, col if "\t" in line else None))
            if gap is not None and "\t" in gap.group(0):
                for _ in gap.group(0):
                    col += spans[cell_index] if cell_index < len(spans) else 1
                    cell_index += 1
            pos = gap.end() if gap else len(line)
        return out

    def paragraphs(self, segment: Segment) -> tuple[str, ...]:
        """The paragraphs of the table cell a segment is (several when the cell stacks them)."""
        return next((b for b in self._blocks.get(segment.line, ()) if " ".join(b) == segment.text), (segment.text,))

    def paragraph_segments(self, segment: Segment) -> list[Segment]:
        """The paragraphs of the table cell a segment is, each as a segment of its own line."""
        out, start = [], segment.start
        for paragraph in self.paragraphs(segment):
            out.append(Segment(segment.line, start, start + len(paragraph), paragraph, segment.col))
            start += len(paragraph) + 1
        return out

    def find(self, pattern: re.Pattern, after: int = 0) -> tuple[int, re.Match] | None:
        for i in range(after, len(self.lines)):
            m = pattern.search(self.lines[i])
            if m:
                return i, m
        return None

    def value_after(self, caption: re.Pattern, value: re.Pattern) -> Cell | None:
        """A value following its caption ("Commission File Number: 001-36743") on the same line,
        or on the next non-blank line; parenthesized captions label the value above instead."""
        found = next(
            (
                (i, m)
                for i, line in enumerate(self.lines)
                for m in caption.finditer(line)
                if not line[: m.start()].rstrip().endswith("(")
            ),
            None,
        )
        if not found:
            return None
        i, m = found
        for j, start in ((i, m.end()), (i + 1, 0), (i + 2, 0)):
            if j >= len(self.lines):
                break
            v = value.search(self.lines[j], start)
            if v:
                return Cell(v.group(0), (self.span(j, v.start(), v.end()),))
            if j > i and self.lines[j].strip():
                break
        return None

    def caption(self, pattern: re.Pattern) -> tuple[int, Segment] | None:
        """The line and segment of a parenthesized caption."""
        for i, line in enumerate(self.lines):
            m = pattern.search(line)
            if m and ("(" in line[max(0, m.start() - 2) : m.end()] or line.strip().startswith("(")):
                own = next((s for s in self.segments(i) if s.start <= m.start() < s.end + 1), None)
                if own is not None:
                    return i, own
        return None

    def in_column(self, candidate: Segment, own: Segment, captions: list[Segment]) -> bool:
        """The candidate sits under `own` rather than under another of the line's captions."""
        if candidate.col is not None and own.col is not None:
            nearest = min(captions, key=lambda c: abs((c.col or 0) - candidate.col))
        else:
            nearest = min(captions, key=lambda c: abs(c.center - candidate.center))
        return nearest == own

    def value_lines_above(self, i: int, limit: int = 4) -> list[int]:
        """Non-blank, non-rule lines just above line `i` (nearest first), stopping at a caption."""
        found = []
        for j in range(i - 1, max(-1, i - limit - 1), -1):
            text = self.lines[j].strip()
            if not text or _RULE.match(text):
                if found:
                    break
                continue
            if text.startswith("(") and text.endswith(")"):
                break
            found.append(j)
        return found

    def value_for(self, pattern: re.Pattern) -> Cell | None:
        """The value printed for a parenthesized caption: before it in its own cell, or above it
        in its column."""
        found = self.caption(pattern)
        if not found:
            return None
        i, own = found
        line = self.lines[i]
        paren = line.find("(", own.start, own.end)
        if paren > own.start and line[own.start : paren].strip():
            text = line[own.start : paren].rstrip()
            return Cell(text, (self.span(i, own.start, own.start + len(text)),))
        captions = self.segments(i)
        for j in self.value_lines_above(i, 2)[:1]:
            mine = [s for s in self.segments(j) if self.in_column(s, own, captions)]
            if mine:
                return self.cell([min(mine, key=lambda s: abs(s.center - own.center))])
        return None
