"""What a filing's own text says of a table's scale: the amounts it restates in prose.

Press releases and annual reports restate key figures in sentences ("Net revenues for the third
quarter were $19,433,000", "total assets of $1.1 billion"). A table printing 19,433 is then in
thousands: each figure is matched to the table's amounts at every scale (units, thousands,
millions, billions) within the precision both are printed to. A match counts for more when many
digits agree and when the sentence names what the row's label names ("total assets" / "Total
assets"): short figures ("$1.1 billion") agree with many numbers by chance.

The evidence decides a scale only when one clearly outweighs the others; otherwise it leaves the
scale open, for the caller to report rather than guess.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .model import StatementRow, UnitKind
from .prose_figures import ProseFigure

EXPONENTS = (0, 3, 6, 9)
DECISIVE_WEIGHT = 2  # one labelled agreement of three digits, or an unlabelled one of five
DOMINANCE = 3  # the decided scale outweighs all others together this many times
LABEL_CONTEXT = 40  # characters before a figure where the sentence names what it is
_WORD = re.compile(r"[a-z]{4,}")
_NOT_TELLING = frozenset(
    {"total", "other", "from", "with", "that", "this", "were", "have", "than", "into", "over", "during", "year"}
    | {"years", "quarter", "months", "ended", "ending", "period", "compared", "increase", "decrease", "million"}
    | {"billion", "thousand", "approximately", "about", "which", "their", "these", "those", "amount", "amounts"}
)


@dataclass(frozen=True)
class PrintedAmount:
    """A number a table prints for money, as printed, with the label of its row."""

    magnitude: Decimal
    decimals: int
    label: str


@dataclass(frozen=True)
class ScaleEvidence:
    """Weight of the matches found at each exponent, and the exponent they decide (None: open)."""

    weights: tuple[tuple[int, int], ...]
    exponent: int | None

    def weight(self, exponent: int) -> int:
        return dict(self.weights).get(exponent, 0)

    def describe(self) -> str:
        return ", ".join(f"x10^{e}: {w}" for e, w in self.weights if w) or "no amount restated"


def _telling_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _NOT_TELLING}


def _agrees(amount: PrintedAmount, exponent: int, figure: ProseFigure) -> bool:
    """The figure is the amount read at `exponent`, within the coarser of their two precisions."""
    value = amount.magnitude.scaleb(exponent)
    precision = max(figure.exponent, exponent - amount.decimals)
    return abs(value - figure.value) * 2 <= Decimal(1).scaleb(precision)


def _weight(amount: PrintedAmount, exponent: int, figure: ProseFigure) -> int:
    """How much one agreement tells, from the digits both print in common: when the sentence names
    what the row is ("total assets of" / "Total assets"), two digits 1, three 2, four or more 4;
    otherwise, where chance agreements are many in a long report, four digits 1, five or more 2."""
    coarser = max(0, figure.exponent - exponent)  # table digits below the figure's precision do not count
    table_digits = len(str(int(amount.magnitude.scaleb(amount.decimals - coarser))))
    digits = min(figure.significant_digits, table_digits)
    if _telling_words(amount.label) & _telling_words(figure.context[-LABEL_CONTEXT:]):
        return 4 if digits >= 4 else 2 if digits == 3 else 1 if digits == 2 else 0
    return 2 if digits >= 5 else 1 if digits == 4 else 0


def _agreements(amounts: list[PrintedAmount], figures: list[ProseFigure]):
    """Every amount, exponent and figure (with its number) that agree; the amounts near each figure
    found by bisection."""
    ordered = sorted(amounts, key=lambda a: a.magnitude)
    magnitudes = [a.magnitude for a in ordered]
    coarsest = max((-a.decimals for a in ordered), default=0)
    for exponent in EXPONENTS:
        for number, figure in enumerate(figures):
            half = Decimal(1).scaleb(max(figure.exponent, exponent + coarsest)) / 2
            low, high = (figure.value - half).scaleb(-exponent), (figure.value + half).scaleb(-exponent)
            for amount in ordered[bisect_left(magnitudes, low) : bisect_right(magnitudes, high)]:
                if _agrees(amount, exponent, figure):
                    yield amount, exponent, number, figure


def weigh_scale(amounts: Iterable[PrintedAmount], figures: Iterable[ProseFigure]) -> ScaleEvidence:
    """The scale the figures a filing states in prose say a table's amounts are in.

    At each scale, every amount and every figure counts once, with its best agreement (one round
    figure near several amounts, or one amount restated many times, is one agreement). A scale is
    decided when its weight is at least DECISIVE_WEIGHT with one agreement alone weighing that
    much, or twice that in agreements of two digits, and it outweighs all others together
    DOMINANCE times."""
    readable = list({a for a in amounts if a.magnitude >= 10})
    telling = [f for f in figures if f.significant_digits >= 2]
    by_amount: dict[tuple[int, Decimal, int], int] = {}
    by_figure: dict[tuple[int, int], int] = {}
    for amount, exponent, number, figure in _agreements(readable, telling):
        weight = _weight(amount, exponent, figure)
        key = (exponent, amount.magnitude, amount.decimals)
        by_amount[key] = max(by_amount.get(key, 0), weight)
        by_figure[(exponent, number)] = max(by_figure.get((exponent, number), 0), weight)
    weights = {
        e: min(
            sum(w for (x, *_), w in by_amount.items() if x == e), sum(w for (x, _), w in by_figure.items() if x == e)
        )
        for e in EXPONENTS
    }
    top = max(EXPONENTS, key=lambda e: weights[e])
    rest = sum(w for e, w in weights.items() if e != top)
    strongest = max((w for (x, *_), w in by_amount.items() if x == top), default=0)
    decisive = weights[top] >= (DECISIVE_WEIGHT if strongest >= DECISIVE_WEIGHT else 2 * DECISIVE_WEIGHT)
    return ScaleEvidence(tuple(sorted(weights.items())), top if decisive and weights[top] >= DOMINANCE * rest else None)


_NET_INCOME = re.compile(
    r"^net\s+(?:\(?(?:income|earnings|loss)\)?\s*){1,3}(?:attributable\s+to\s+(?!non)|$|[(:,])", re.I
)
_BASIC = re.compile(r"\bbasic\b|\bprimary\b", re.I)
_DILUTED = re.compile(r"\bdiluted\b|\bfully\s+diluted\b|\bassuming\s+dilution\b", re.I)
MIN_EPS = Decimal("0.02")  # smaller per-share amounts are rounded too coarsely to tell a ratio
RATIO_STRAY = Decimal(2)


def _earnings_part(row: StatementRow) -> tuple[str, str] | None:
    """What the per-share check reads a row as: (net income | per share | shares, basic | diluted
    | neither), or None when it plays no part."""
    text = " ".join((*row.sections[-1:], row.label))
    basis = "diluted" if _DILUTED.search(text) else "basic" if _BASIC.search(text) else ""
    if row.unit_kind is UnitKind.MONETARY and _NET_INCOME.match(row.label):
        return "income", ""
    if row.unit_kind is not UnitKind.MONETARY:
        return row.unit_kind.value, basis
    return None


def _printed(row: StatementRow) -> tuple[Decimal | None, ...]:
    return tuple(None if v is None or v.is_dash else v.signed for v in row.values)


def _ratio_exponent(income: Decimal, per_share: Decimal, shares: Decimal) -> int | None:
    """k when per_share * shares / income is 10**k, k a multiple of 3: scales are a thousand times
    apart, so the ratio may stray by a factor of two (rounded cents, income before preferred
    dividends) and still tell k."""
    if income == 0 or shares == 0 or abs(per_share) < MIN_EPS:
        return None
    ratio = abs(per_share) * shares / abs(income)
    k = 3 * round(ratio.log10() / 3)
    return k if abs(ratio.log10() - k) <= RATIO_STRAY.log10() else None


def income_minus_shares_exponent(rows: Iterable[StatementRow]) -> int | None:
    """How many powers of ten more a table's money is scaled than its share counts, from net income
    = earnings per share x weighted shares, column by column (basic with basic, diluted with
    diluted); None unless every column that can tell agrees."""
    parts: dict[tuple[str, str], StatementRow] = {}
    for row in rows:
        part = _earnings_part(row)
        if part is not None and row.exponent is None and row.has_values:
            parts.setdefault(part, row)
    income = parts.get(("income", ""))
    if income is None:
        return None
    found: set[int] = set()
    for basis in ("basic", "diluted", ""):
        per_share, shares = parts.get(("per_share", basis)), parts.get(("shares", basis))
        if per_share is None or shares is None:
            continue
        for n, e, s in zip(_printed(income), _printed(per_share), _printed(shares), strict=True):
            k = _ratio_exponent(n, e, s) if n is not None and e is not None and s is not None else None
            if k is not None:
                found.add(k)
    return found.pop() if len(found) == 1 else None
