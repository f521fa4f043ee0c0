"""What a row counts: money, shares, or money per share, read from its label or its section."""

import re

from .model import UnitKind

_SHARES = re.compile(
    r"\bweighted[- ]average\b.*\bshares?\b|\bshares?\b.*\b(?:outstanding|used\s+in|used\s+to|used\s+for)\b"
    r"|\bnumber\s+of\s+(?:common\s+|ordinary\s+)?shares\b|\bshares\s+used\b"
    r"|\bweighted[- ]average\s+(?:number\s+of\s+)?(?:common\s+)?(?:shares|units)\b"
    r"|\banti-?dilutive\b|\bno\s+dilutive\s+effect\b",  # securities left out of diluted EPS: counts
    re.I,
)
_PER_SHARE = re.compile(
    r"\bper\s+(?:(?:common|ordinary|basic|diluted|weighted|average|weighted-average|and|equivalent|limited|partnership"
    r"|class\s+[a-z])"
    r"\s+){0,5}(?:share|unit)\b"
    r"|\bper[- ]share\b|\bEPS\b",
    re.I,
)


_EARNINGS_BASIC_DILUTED = re.compile(
    r"^(?=.*\b(?:basic|diluted)\b)(?=.*\b(?:earnings|income|loss|profit)\b)", re.I | re.S
)


def unit_kind_of(label: str, sections: tuple[str, ...] = (), cents_shown: bool = False) -> UnitKind:
    """Unit of a row from its label, else from the nearest heading that names one; "Basic net
    earnings attributable to..." printed with cents (0.09) is earnings per share, unnamed. A text
    naming both counts what it names first: "Loss per weighted-average share" is per share,
    "Weighted average shares used in per share amounts" a count of shares."""
    for text in (label, *reversed(sections)):
        shares, per_share = _SHARES.search(text), _PER_SHARE.search(text)
        if shares and not (per_share and per_share.start() < shares.start()):
            return UnitKind.SHARES
        if per_share:
            return UnitKind.PER_SHARE
    if cents_shown and _EARNINGS_BASIC_DILUTED.search(label):
        return UnitKind.PER_SHARE
    return UnitKind.MONETARY
