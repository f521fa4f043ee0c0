"""Read currencies: named in words ("millions of euros", "(in thousands of U.S. dollars)"), marked
beside amounts or in headings ("EUR 22.4 billion", "(EUR millions)", "£116m"), or stated for a
whole filing ("amounts are expressed in Canadian dollars").

A bare "$" or "dollars" is the filing's own dollar: U.S. dollars, unless the filing says it reports
in another dollar. A mark several currencies share ("¥") names none of them.
"""

import csv
import re
from collections.abc import Iterable
from functools import cache

from ..resources import resource_path

USD = "USD"
_GENERIC_DOLLAR = "$"
_DOLLAR_NAME = re.compile(r"\bdollars?\b", re.I)


@cache
def _spellings() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Names (lower case) and marks, each with the codes it may stand for."""
    names: dict[str, set[str]] = {}
    marks: dict[str, set[str]] = {}
    with resource_path("data/currencies.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            table = names if row["kind"] == "name" else marks
            key = row["spelling"].lower() if row["kind"] == "name" else row["spelling"]
            table.setdefault(key, set()).add(row["code"])
    return {k: frozenset(v) for k, v in names.items()}, {k: frozenset(v) for k, v in marks.items()}


def _mark_pattern(mark: str) -> str:
    """A mark as a pattern: letters must stand alone ("EUR", not the "EUR" of "EUROPE")."""
    escaped = re.escape(mark)
    before = r"(?<![A-Za-z])" if mark[0].isalpha() else ""
    after = r"(?![A-Za-z])" if mark[-1].isalpha() else ""
    return before + escaped + after


@cache
def mark_pattern() -> str:
    """Every currency mark, longest first, the bare "$" last: for readers of amounts in prose."""
    _, marks = _spellings()
    ordered = sorted(marks, key=len, reverse=True)
    return "|".join([*(_mark_pattern(m) for m in ordered), re.escape(_GENERIC_DOLLAR)])


def _currency_marks() -> tuple[str, ...]:
    _, marks = _spellings()
    return (*marks, _GENERIC_DOLLAR)


def mark_starts() -> str:
    """The characters currency marks start with, escaped for a character class: a pattern that
    opens with a lookahead for them lets Python's re skip to those characters, instead of trying
    every mark at every character of a text (ten times faster on prose)."""
    return "".join(sorted({re.escape(mark[0]) for mark in _currency_marks()}))


def longest_mark() -> int:
    """The length of the longest currency mark ("U.S.$")."""
    return max(len(m) for m in _currency_marks())


@cache
def name_pattern() -> str:
    """Every currency name (in any case), longest first, bare "dollars" last."""
    names, _ = _spellings()
    ordered = sorted(names, key=len, reverse=True)
    return "|".join([*(r"\b" + r"\s+".join(map(re.escape, n.split())) + r"\b" for n in ordered), r"\bdollars?\b"])


@cache
def _any_currency() -> re.Pattern:
    return re.compile(rf"(?P<mark>{mark_pattern()})|(?i:(?P<name>{name_pattern()}))")


def codes_of(spelling: str, dollar: str | None = USD) -> frozenset[str]:
    """The codes a mark or name may stand for; the filing's dollar for a bare "$" or "dollars"
    (none when `dollar` is None)."""
    names, marks = _spellings()
    if spelling == _GENERIC_DOLLAR or _DOLLAR_NAME.fullmatch(spelling.strip()):
        return frozenset({dollar}) if dollar else frozenset()
    return marks.get(spelling) or names.get(" ".join(spelling.lower().split()), frozenset())


def currencies_in(text: str, dollar: str | None = USD) -> frozenset[str]:
    """The currencies `text` names or marks without doubt (a shared mark such as "¥" names none)."""
    found: set[str] = set()
    for m in _any_currency().finditer(text):
        codes = codes_of(m["mark"] or m["name"], dollar)
        if len(codes) == 1:
            found |= codes
    return frozenset(found)


def is_dollar(code: str) -> bool:
    """Does the currency go by "dollars" (so that a filing reporting in it prints it as "$")?"""
    _, marks = _spellings()
    return code == USD or any(code in codes and "$" in mark for mark, codes in marks.items())


@cache
def _reporting() -> re.Pattern:
    currency = rf"(?P<mark>{mark_pattern()})|(?i:(?P<name>{name_pattern()}))"
    return re.compile(
        r"(?=[esprdESPRD])(?i:\b(?:expressed|stated|presented|reported|denominated)\s+in\s+(?:(?:thousands|millions|billions)\s+of\s+)?"
        rf"|\breporting\s+currency\s+is\s+(?:the\s+)?)(?:{currency})"
    )


def reporting_currency(lines: Iterable[str]) -> str | None:
    """The currency a filing says its amounts are in ("All amounts are expressed in Canadian
    dollars", "The Company's reporting currency is the euro"), when it names one and only one; a
    bare "dollars" says nothing of which."""
    said: set[str] = set()
    for line in lines:
        for m in _reporting().finditer(line):
            codes = codes_of(m["mark"] or m["name"], dollar=None)
            if len(codes) == 1:
                said |= codes
    return next(iter(said)) if len(said) == 1 else None
