"""Names for extension concepts and roles, made from printed labels."""

import re

from ..extract.dates import MONTH_NAME
from ..extract.scale import states_scale
from .rules import NOTE_REFERENCE

_WORD = re.compile(r"[A-Za-z0-9]+")
MAX_NAME = 120
# Words that only lead into what a label goes on to state (an amount, a date).
_TRAILING_WORDS = {
    "of", "and", "or", "as", "at", "for", "the", "in", "on", "with", "to", "by", "from", "including", "less",
    "ended", "ending", "year", "years", "month", "months", "week", "weeks", "period", "periods", "quarter",
    "through", "respectively", "per", "about", "approximately",
}  # fmt: skip
_MONTH = re.compile(MONTH_NAME, re.I)
# A footnote mark ending a label ("Cost of sales(a)"): like a note reference, it names nothing.
_FOOTNOTE_MARK = re.compile(r"\(\s*[a-z]\s*\)\s*$", re.I)
_PARENTHESIS = re.compile(r"\([^()]*\)")


def _named_words(words: list[str]) -> list[str]:
    """The words before the first number, if any: a concept is the line, not the
    amounts and dates its label states ("Trade receivables, net of allowances of $574 and $485 as of
    August 31, 2024" names TradeReceivablesNetOfAllowances)."""
    first_number = next((i for i, w in enumerate(words) if any(c.isdigit() for c in w)), len(words))
    named = words[:first_number]
    while named and (named[-1].lower() in _TRAILING_WORDS or _MONTH.fullmatch(named[-1])):
        named.pop()
    return named or words


def _without_scale_notes(text: str) -> str:
    """The label without the scale it states in parentheses ("Shares used ... (in thousands)"):
    a concept names the line, not how its amounts are printed."""
    stripped = _PARENTHESIS.sub(lambda m: " " if states_scale(m.group(0)) else m.group(0), text)
    return stripped if _WORD.search(stripped) else text


def camel_name(text: str, suffix: str = "") -> str:
    """'Intangible asset, net and other long-term assets' -> 'IntangibleAssetNetAndOtherLongTermAssets'."""
    unreferenced = _FOOTNOTE_MARK.sub(" ", NOTE_REFERENCE.sub(" ", _without_scale_notes(text)))
    words = _named_words(_WORD.findall(unreferenced.replace("'", "")))
    name = "".join(w[:1].upper() + w[1:].lower() if w.isupper() else w[:1].upper() + w[1:] for w in words)
    name = name.lstrip("0123456789") or "Item"
    if name.isupper():  # "U.S." -> Us: SEC taxonomies name countries, currencies, states in capitals (US, USD)
        name = name[0] + name[1:].lower()
    return name[: MAX_NAME - len(suffix)] + suffix


def lc3_name(label: str, suffix: str = "") -> str:
    """Every word of a label, capitalized and run together, as EFM 6.8.5 composes names ('0.875%
    Notes due 2025' -> 'A0875NotesDue2025'); a name may not start with a digit, so 'A' leads."""
    words = [w for w in _WORD.findall(label.replace("'", "")) if w.lower() not in ("the", "a", "an")]
    name = "".join(w[:1].upper() + w[1:].lower() for w in words) or "Item"
    if name[0].isdigit():
        name = "A" + name
    return name[: MAX_NAME - len(suffix)] + suffix


def unique_name(
    base: str, taken: set[str], counters: dict[str, int] | None = None, reserved: frozenset[str] = frozenset()
) -> str:
    """`base`, or `base` with a counter when it is taken or reserved; records the result in `taken`.
    `counters` remembers the next counter per base, so that thousands of rows of one label do not
    each count up from 2 again."""
    counters = {} if counters is None else counters
    name, n = base, counters.get(base, 2)
    while name in taken or name in reserved:
        name = f"{base}{n}"
        n += 1
    counters[base] = n
    taken.add(name)
    return name


def title_case(text: str) -> str:
    """'CONDENSED CONSOLIDATED BALANCE SHEETS' -> 'Condensed Consolidated Balance Sheets'."""
    small = {"of", "and", "in", "for", "the", "to", "a", "an", "on", "at", "by"}
    words = " ".join(text.split()).split(" ")
    out = []
    for i, w in enumerate(words):
        lower = w.lower()
        out.append(lower if i and lower in small else lower[:1].upper() + lower[1:] if w.isupper() else w)
    return " ".join(out)


def label_from_name(name: str) -> str:
    """A readable label for a concept with no label of its own: 'AssetsCurrent' -> 'Assets Current'."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
