"""Read numbers as statements print them: `$ 1,234`, `(556,130)`, `-12`, `--` (nil), `(0.06)`."""

import re
from decimal import Decimal

from .model import Amount, Cell

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_AMOUNT = re.compile(
    r"^(?P<pre>\$?\s*(?P<open>\()?\s*\$?\s*(?P<minus>[-\u2212\u2013])?\s*\$?\s*)"
    rf"(?P<num>{_NUMBER})"
    r"(?P<post>\s*(?P<close>\))?\s*%?\s*(?:\*{1,3}|[\u2020\u2021])?)$"  # a footnote mark may follow: "5.12*"
)
_DASH = re.compile(
    r"^(?P<pre>\$?\s*\(?\s*)(?P<dash>-{1,3}|[\u2012\u2013\u2014\u2015\u2212]{1,2}|_+|-0-|nil)(?:\s*\)?)$", re.I
)
YEAR = re.compile(r"^(?:19|20)\d\d$")


def parse_amount(cell: Cell) -> Amount | None:
    """Read a cell as one number or a dash; None when it holds anything else.

    The amount's span covers only the digits (or the dash), which is what iXBRL tags.
    """
    text = cell.text
    m = _AMOUNT.match(text)
    if m:
        if bool(m["open"]) != bool(m["close"]):
            return None
        span = cell.span_at(m.start("num"), m.end("num"))
        if span is None:
            return None
        digits = m["num"]
        return Amount(
            magnitude=Decimal(digits.replace(",", "")),
            negative=bool(m["open"] or m["minus"]),
            span=span,
            text=digits,
            decimals_shown=len(digits.split(".")[1]) if "." in digits else 0,
        )
    d = _DASH.match(text)
    if d:
        span = cell.span_at(d.start("dash"), d.end("dash"))
        return Amount(None, False, span, d["dash"]) if span else None
    return None


def is_year(text: str) -> bool:
    return bool(YEAR.match(text.strip()))


def parse_count(text: str) -> Decimal:
    """A count written with thousands separators, e.g. '146,067,943'."""
    return Decimal(text.replace(",", ""))
