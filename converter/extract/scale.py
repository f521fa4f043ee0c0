"""Read the scale a table, a row or a column states in words, in any common spelling: "(In
thousands, except per share data)", "(in 000s)", "(000's omitted)", "($000)", "(Dollars in 000's)",
"$ in millions", "Millions of Dollars", "(Millions, Except Per Share Amounts)", "(EUR millions)",
"Amounts in million EUR", "(£m)", "(in thousands of U.S. dollars)", "(in U.S. dollars)".

A magnitude word states a scale only where it says what the table's numbers are in: after "in",
inside a parenthesis of words, after a currency mark, before "omitted", or as a capitalized
heading ("Millions of Dollars"). Where a number comes before it ("$1.1 billion", "a $5 million
charge", "tens of billions") it counts something and states no scale; "thousands of metric tons"
scales something else.
"""

import re
from dataclasses import dataclass

from .currency import longest_mark, mark_pattern, mark_starts, name_pattern
from .model import Scale, ScaleSource, UnitKind

_EXPONENTS = (("thousand", 3), ("000", 3), ("million", 6), ("billion", 9), ("mln", 6), ("mn", 6), ("mm", 6))
_EXPONENTS += (("bn", 9), ("m", 6))
_ABBREVIATIONS = ("mln", "mn", "mm", "bn", "m")  # scale only right after a currency mark: "$MM", "£m", "EUR mn"
MONEY_AND_SHARES = frozenset({UnitKind.MONETARY, UnitKind.SHARES})
_SHARES_ONLY = frozenset({UnitKind.SHARES})
PARENTHESIS_WORDS = 40  # "(Dollars and shares in millions": the words between "(" and the magnitude


_MAGNITUDE_WORD = (
    r"(?<![A-Za-z])(?i:thousands?|millions?|billions?)(?![A-Za-z])"
    r"|(?<![\w,.'])'?000(?:'?s)?(?![\w'])"
    r"|(?<![A-Za-z])(?i:mln|mn|mm|bn|m)(?![A-Za-z])"
)
_ANY_MAGNITUDE = re.compile(_MAGNITUDE_WORD)  # every mention has one: text without one has none


def _mention_pattern() -> re.Pattern:
    # A mention starts with a mark or a magnitude (t, m, b, ' or 0 first; see mark_starts), and
    # its magnitude within a mark, a space and a quote of its start.
    near_magnitude = rf"(?=[{mark_starts()}tmbTMB'0])(?=[\s\S]{{0,{longest_mark() + 2}}}[tmbTMB'0])"
    return re.compile(rf"{near_magnitude}(?:(?P<mark>{mark_pattern()})\s?'?)?(?P<magnitude>{_MAGNITUDE_WORD})")


_MENTION = _mention_pattern()
_COUNTED = re.compile(
    r"(?:\d[\d,.]*\)?|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|several|few"
    r"|many|tens|hundreds|thousands|millions|billions)(?:\s+of)?)\s*[$€£¥]?\s*$",
    re.I,
)
_IN_BEFORE = re.compile(rf"\bin\s+(?:(?:{mark_pattern()})\s?'?)?$", re.I)
_OF_AFTER = re.compile(rf"^\s+of\s+(?:(?P<money>(?i:{name_pattern()})|{mark_pattern()})|(?P<shares>(?i:shares)\b))?")
_OMITTED_AFTER = re.compile(r"^\s*omitted\b", re.I)
_HEADING_AFTER = re.compile(r"^\s*(?:$|[,;:)(]|(?i:of|except|and|for|unless)\b|\d|[A-Z])")
_UNITS_STATED = re.compile(
    rf"(?=[iI])\b(?i:in)\s+(?:(?i:{name_pattern()})|{mark_pattern()})(?!\s*'?(?:(?i:thousands?|millions?|billions?)\b|000|mm\b|m\b))"
)
_PER_SHARE = re.compile(r"\bper[- ]share\b\s*(?:data|amounts?|information|figures)?", re.I)
_SHARES_WORD = re.compile(r"\bshares?\b|\bshare\s+(?:data|amounts?|counts?)\b", re.I)
_MONEY_WORD = re.compile(rf"\b(?:dollars?|amounts?)\b|{mark_pattern()}|(?i:{name_pattern()})", re.I)
_EXCEPT = re.compile(r"\bexcept\b(?P<rest>[^)\n]*)", re.I)
_SHARE_EXCEPTION = re.compile(r"(?<!per[ -])\bshares?\b(?![ -]?(?:data|amounts?)?\s*per\b)", re.I)


@dataclass(frozen=True)
class ScaleMention:
    """A scale stated in words: its power of ten, the kinds of numbers it speaks for, whether it
    names share counts itself ("shares in thousands"), and where it stands in the text."""

    exponent: int
    kinds: frozenset[UnitKind]
    names_shares: bool
    start: int
    end: int


def magnitude_exponent(magnitude: str) -> int:
    """The power of ten a magnitude word stands for ("thousands" 3, "million" 6, "bn" 9)."""
    word = magnitude.lower().lstrip("'")
    return next(e for stem, e in _EXPONENTS if word.startswith(stem))


def _in_parenthesis(left: str) -> bool:
    """Inside "( ..." with only words between: "(Millions", "(EUR millions", "(000's"."""
    opening = left.rfind("(")
    inside = left[opening:]
    return opening >= 0 and ")" not in inside and not re.search(r"\d", inside) and len(inside) < PARENTHESIS_WORDS


def _states(m: re.Match, left: str, right: str) -> bool:
    """Does the magnitude at `m` say what the numbers are in (rather than count something)?"""
    magnitude = m["magnitude"]
    word = magnitude.lower()
    if word in _ABBREVIATIONS:
        return m["mark"] is not None
    if m["mark"] is not None or _IN_BEFORE.search(left) or _in_parenthesis(left) or _OMITTED_AFTER.match(right):
        return True
    leading = not left.strip(" \t\u2014\u2013-:")
    capitalized = magnitude[0].isupper() and not magnitude[0].isdigit()
    return word[0].isalpha() and (leading or capitalized) and bool(_HEADING_AFTER.match(right))


def _kinds(clause: str, of_shares: bool) -> tuple[frozenset[UnitKind], bool] | None:
    """What a mention scales, from the words before it since the last mention ("shares in
    thousands", "Dollars and Shares in Millions", "per-share amounts in dollars")."""
    words = _PER_SHARE.sub(" ", clause)
    if of_shares or _SHARES_WORD.search(words):
        return (MONEY_AND_SHARES if _MONEY_WORD.search(words) else _SHARES_ONLY), True
    if _PER_SHARE.search(clause) and not _MONEY_WORD.search(words):
        return None
    return MONEY_AND_SHARES, False


def _clause_start(text: str, start: int, previous: int) -> int:
    line_start = text.rfind("\n", 0, start) + 1
    return max(line_start, previous)


def scale_mentions(text: str) -> list[ScaleMention]:
    """Every scale `text` states, in order: magnitudes that say what numbers are in, and "in U.S.
    dollars" (actual units)."""
    found: list[ScaleMention] = []
    previous = 0
    mentions = _MENTION.finditer(text) if _ANY_MAGNITUDE.search(text) else ()
    events = sorted(
        [(m.start(), m.end(), m, None) for m in mentions]
        + [(m.start(), m.end(), None, m) for m in _UNITS_STATED.finditer(text)],
        key=lambda e: e[0],
    )
    for start, end, m, units in events:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        left, right = text[line_start:start], text[end : line_end if line_end >= 0 else len(text)]
        clause = text[_clause_start(text, start, previous) : start]
        if units is not None:
            kinds = _kinds(clause, False)
            if kinds is not None and not any(f.start <= start < f.end for f in found):
                found.append(ScaleMention(0, kinds[0], kinds[1], start, end))
                previous = end
            continue
        if _COUNTED.search(left) or not _states(m, left, right):
            continue
        of = _OF_AFTER.match(right)
        if of and not (of["money"] or of["shares"]):
            continue  # "thousands of metric tons", "millions of barrels": not an amount of money
        kinds = _kinds(clause, bool(of and of["shares"]))
        if kinds is not None:
            found.append(ScaleMention(magnitude_exponent(m["magnitude"]), kinds[0], kinds[1], start, end))
            previous = end
    return found


def states_scale(text: str) -> bool:
    """Does `text` state a scale ("(in thousands)", "Millions of Dollars", "($000)")?"""
    return bool(scale_mentions(text))


def row_exponent(texts: tuple[str, ...], kind: UnitKind = UnitKind.MONETARY) -> int | None:
    """A scale a row states for itself, in its label or the nearest heading above it that states one
    for numbers of its kind ("Shares used in computing earnings per share (in thousands)"); None
    when none does."""
    for text in texts:
        for mention in scale_mentions(text):
            if kind in mention.kinds:
                return mention.exponent
    return None


def _phrase(text: str, mention: ScaleMention) -> str:
    """The words that state the scale: the parenthesis holding them, else their line."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    opening = text.rfind("(", line_start, mention.start)
    start = opening + 1 if opening >= 0 else line_start
    closing = text.find(")", mention.end)
    line_end = text.find("\n", mention.end)
    line_end = line_end if line_end >= 0 else len(text)
    end = closing if 0 <= closing < line_end and closing - mention.end < 80 else min(line_end, mention.end + 80)
    return text[start:end].strip()


def find_scale(text: str) -> Scale:
    """The scale stated in `text` (title and heading lines); unstated (read as actual units until
    other evidence decides) when none is.

    Per-share amounts are never scaled. Share counts follow the money's scale unless the text
    excepts them ("except share amounts") or gives their own ("shares in millions").
    """
    mentions = scale_mentions(text)
    money = next((m for m in mentions if UnitKind.MONETARY in m.kinds), None)
    own = next((m for m in mentions if m.names_shares and UnitKind.SHARES in m.kinds), None)
    if money is None and own is None:
        return Scale()
    monetary = money.exponent if money else 0
    shares, stated = monetary, False
    if own is not None:
        shares, stated = own.exponent, True
    elif money is not None:
        exception = _EXCEPT.search(text[money.start :])
        if exception and _SHARE_EXCEPTION.search(exception["rest"]):
            shares, stated = 0, True
    source = ScaleSource.WORDS if money else ScaleSource.UNSTATED
    return Scale(monetary, shares, 0, _phrase(text, money or own), stated, source)
