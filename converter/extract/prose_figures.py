"""Amounts of money a filing states in its prose: "Net revenues for the third quarter were
$19,433,000", "total assets of $1.1 billion", "net income of $134 thousand", "EUR 22.4 billion",
"116 million pounds sterling".

Each keeps the precision it is printed to and the words just before it, so that a table's scale
can be checked against what the filing says in words (see scale_evidence). Only figures inside
sentences count: a number after a word, not after dot leaders or another number, as in a table
that was not read as one.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .currency import longest_mark, mark_pattern, mark_starts, name_pattern
from .model import DocumentLayout

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_MAGNITUDE = (
    r"(?:\s?(?P<word>(?i:thousand|million|billion))s?\b|\s?(?P<abbr>(?i:mln|mn|bn))\b|(?P<short>[mMkK])(?![\w$]))?"
)
_WORD_EXPONENTS = {"thousand": 3, "million": 6, "billion": 9, "mln": 6, "mn": 6, "bn": 9, "m": 6, "k": 3}
_BEFORE = re.compile(r"[A-Za-z][\w'\u2019-]*[,:]?\s\(?$")  # a word and one space: prose, not a table row
_PER_UNIT = re.compile(r"^\s*(?:per|a|/)\s*(?:\w+\s+){0,2}(?:share|unit|ADS|ADR)s?\b", re.I)
CONTEXT_CHARS = 80
ABSOLUTE_DIGITS = Decimal(1_000_000)  # "$19,433,000": no report prints millions or thousands so
CENTS = 2


def _figure_patterns() -> tuple[re.Pattern, re.Pattern]:
    # Each pattern opens with a lookahead for the characters its matches start with (see
    # mark_starts; a number's digit or point). A figure's number starts within a mark and a
    # space of it.
    near_number = rf"(?=[{mark_starts()}])(?=[\s\S]{{0,{longest_mark() + 1}}}[\d.])"
    marked = re.compile(rf"{near_number}(?P<mark>{mark_pattern()})\s?(?P<num>{_NUMBER}){_MAGNITUDE}")
    named = re.compile(
        rf"(?=[\d.])(?<![\d,.])(?P<num>{_NUMBER})\s(?P<word>(?i:thousand|million|billion))s?\s(?:of\s)?"
        rf"(?P<name>(?i:{name_pattern()}))"
    )
    return marked, named


_MARKED, _NAMED = _figure_patterns()


@dataclass(frozen=True)
class ProseFigure:
    """An amount stated in a sentence, in units of its currency, printed to 10**exponent."""

    value: Decimal
    exponent: int  # power of ten of its last printed digit: "$1.1 billion" 8, "$19,433,000" 3
    currency: str  # the mark or name as printed: "$", "EUR", "euros"
    context: str  # the words just before it, lower case
    line: int  # document line of the paragraph it stands in
    magnitude: int = 0  # the power of ten its words give: "$1.1 billion" 9, "$19,433,000" 0
    decimals: int = 0  # digits printed after the point

    @property
    def absolute(self) -> bool:
        """Does the figure say in itself how large it is? "$1.1 billion", "$19,433,000" and
        "$1,234.56" do; a bare "$22,534" may be in the scale a report states once for its prose
        ("dollars in millions"), as its tables are."""
        return self.magnitude > 0 or self.value >= ABSOLUTE_DIGITS or self.decimals == CENTS

    @property
    def significant_digits(self) -> int:
        return len(str(int(self.value.scaleb(-self.exponent))))


def _magnitude(m: re.Match) -> int:
    word = m["word"] or (m.groupdict().get("abbr")) or (m.groupdict().get("short"))
    return _WORD_EXPONENTS[word.lower()] if word else 0


def _figure(m: re.Match, paragraph: str, line: int) -> ProseFigure | None:
    before = paragraph[max(0, m.start() - CONTEXT_CHARS) : m.start()]
    if not _BEFORE.search(before) or _PER_UNIT.match(paragraph[m.end() :]):
        return None
    digits = m["num"].replace(",", "")
    magnitude = _magnitude(m)
    if "." in digits:
        exponent = magnitude - len(digits.split(".")[1])
    else:
        exponent = magnitude + len(digits) - len(digits.rstrip("0")) if digits.strip("0") else magnitude
    value = Decimal(digits).scaleb(magnitude)
    if value <= 0:
        return None
    currency = m.groupdict().get("mark") or m.groupdict().get("name") or ""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return ProseFigure(value, exponent, currency, " ".join(before.lower().split()), line, magnitude, decimals)


def figures_in(paragraph: str, line: int = 0) -> list[ProseFigure]:
    """The amounts of money a paragraph of prose states."""
    found = []
    for pattern in (_MARKED, _NAMED):
        for m in pattern.finditer(paragraph):
            figure = _figure(m, paragraph, line)
            if figure is not None:
                found.append(figure)
    return found


def _paragraphs(lines: tuple[str, ...], skipped: set[int]) -> Iterable[tuple[int, str]]:
    """Runs of non-blank lines outside tables, each joined into one string, with its first line."""
    start, parts = 0, []
    for i, line in enumerate(lines):
        text = line.strip()
        if i in skipped or not text:
            if parts:
                yield start, " ".join(parts)
            parts = []
            continue
        if not parts:
            start = i
        parts.append(text)
    if parts:
        yield start, " ".join(parts)


def prose_figures(lines: tuple[str, ...], layout: DocumentLayout) -> tuple[ProseFigure, ...]:
    """Every amount of money the document's prose states (its tables and markup lines apart)."""
    skipped = set(layout.hidden_lines)
    for grid in layout.grids:
        skipped.update(range(grid.first_line, grid.last_line + 1))
    return tuple(f for start, text in _paragraphs(lines, skipped) for f in figures_in(text, start))
