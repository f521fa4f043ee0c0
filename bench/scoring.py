"""Score one conversion against ground truth, to the standard a user holds the output to.

A period matches only when it is the truth's exact period: an XBRL context that starts a day off is
another context to every consumer. (Truth that knows a period only to the month, see
truth.Precision, is matched to the month, and counted apart.) Durations we state with the truth's
value and end but a start 1-7 days off are reported as a diagnostic, never as a match.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum

from equivalents import accepted_concepts
from truth import Precision, TruthCover, TruthFact, is_month_end

_DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class OurFact:
    concept: str  # local name
    start: date | None
    end: date
    value: Decimal


class MissKind(StrEnum):
    MISSED = "missed"  # the value is nowhere in our output (nor at another scale or sign)
    SCALE = "scale"  # the value is there for the exact period, a power of 1,000 off
    SIGN = "sign"  # the value is there for the exact period with the other sign
    PERIOD = "period"  # the value is there, for another period only
    WITHIN_WEEK = "within a week"  # the value is there for the same end, a start 1-7 days off
    CONCEPT = "concept"  # the value and period are there, under no accepted concept
    WRONG_VALUE = "wrong value"  # the truth's own concept and period are there, with another value
    STATEMENT = "statement"
    COVER = "cover"


@dataclass(frozen=True)
class Miss:
    kind: MissKind
    text: str

    def line(self) -> str:
        return f"{self.kind.value}: {self.text}"


@dataclass
class Score:
    truth: int = 0  # truth statement facts
    recalled: int = 0  # whose value we output for the exact period (any concept)
    concept_ok: int = 0  # ... under an accepted concept
    value_found: int = 0  # whose value we output at all
    within_week: int = 0  # not recalled, but stated with the same end and a start 1-7 days off
    month_precision: int = 0  # truth facts whose period the source knows only to the month
    compared: int = 0  # for which we output the truth's own concept for its period
    wrong: int = 0  # ... but never with its value
    cover_truth: int = 0
    cover_ok: int = 0
    statements_expected: int = 0
    statements_found: int = 0

    def add(self, other: "Score") -> "Score":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def _months(start: date, end: date) -> int:
    return round(((end - start).days + 1) / _DAYS_PER_MONTH)


def _nearest_month_end(day: date) -> date:
    """FSDS's rounding of a date: the month end it is nearest to (before or after)."""
    if is_month_end(day):
        return day
    last_month_end = date(day.year, day.month, 1).toordinal() - 1
    next_month_end = date(day.year + day.month // 12, day.month % 12 + 1, 1).toordinal() - 1
    before, after = day.toordinal() - last_month_end, next_month_end - day.toordinal()
    return date.fromordinal(last_month_end if before < after else next_month_end)


def period_matches(truth: TruthFact, start: date | None, end: date) -> bool:
    """Our period is the truth's: exactly, or to the month where the truth knows no more."""
    if (start is None) != (truth.start is None):
        return False
    if truth.precision is Precision.EXACT:
        return (start, end) == (truth.start, truth.end)
    ends_alike = _nearest_month_end(end) == truth.end if truth.precision is Precision.MONTHS else end == truth.end
    return ends_alike and (start is None or _months(start, end) == _months(truth.start, truth.end))


def within_a_week(truth: TruthFact, start: date | None, end: date) -> bool:
    return (
        start is not None and truth.start is not None and end == truth.end and 0 < abs((start - truth.start).days) <= 7
    )


def accepted(truth: TruthFact) -> set[str]:
    """Concepts that count as right for the truth fact."""
    return set(truth.accepted) if truth.accepted else accepted_concepts(truth.concept)


def own_concepts(truth: TruthFact) -> set[str]:
    """The truth's own concept names, for wrong values: the exact name (manual truth: any it
    lists). EX-27 tags are no us-gaap names, so nothing is compared for them."""
    if truth.accepted:
        return set(truth.accepted)
    return set() if truth.concept.startswith("ex27:") else {truth.concept}


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def _describe(truth: TruthFact) -> str:
    return f"{truth.source}:{truth.concept} {truth.start or ''}..{truth.end} = {_plain(truth.value)}"


def _unfound(truth: TruthFact, by_value: dict[Decimal, list[OurFact]]) -> Miss:
    """Why a value is not in our output: we state it at another scale or sign, or not at all."""
    for kind, factor in ((MissKind.SIGN, -1), *((MissKind.SCALE, Decimal(10) ** k) for k in (-6, -3, 3, 6))):
        near = [f for f in by_value.get(truth.value * factor, []) if period_matches(truth, f.start, f.end)]
        if near:
            return Miss(kind, f"{_describe(truth)}: ours {_plain(near[0].value)} ({near[0].concept})")
    return Miss(MissKind.MISSED, _describe(truth))


def _score_fact(
    truth: TruthFact, by_value: dict[Decimal, list[OurFact]], same_concept: list[OurFact], s: Score
) -> list[Miss]:
    """Score one truth fact, given our facts by value and our facts under its own concepts."""
    misses = []
    same_value = by_value.get(truth.value, [])
    exact = [f for f in same_value if period_matches(truth, f.start, f.end)]
    s.value_found += bool(same_value)
    if exact:
        s.recalled += 1
        if any(f.concept in accepted(truth) for f in exact):
            s.concept_ok += 1
        else:
            misses.append(
                Miss(MissKind.CONCEPT, f"{_describe(truth)}: ours {', '.join(sorted({f.concept for f in exact}))}")
            )
    elif any(within_a_week(truth, f.start, f.end) for f in same_value):
        s.within_week += 1
        starts = ", ".join(sorted({str(f.start) for f in same_value if within_a_week(truth, f.start, f.end)}))
        misses.append(Miss(MissKind.WITHIN_WEEK, f"{_describe(truth)}: ours starts {starts}"))
    elif same_value:
        periods = ", ".join(sorted({f"{f.start or ''}..{f.end}" for f in same_value}))
        misses.append(Miss(MissKind.PERIOD, f"{_describe(truth)}: ours for {periods}"))
    else:
        misses.append(_unfound(truth, by_value))
    stated = {f.value for f in same_concept if period_matches(truth, f.start, f.end)}
    if stated:
        s.compared += 1
        if truth.value not in stated:
            s.wrong += 1
            values = ", ".join(_plain(v) for v in sorted(stated))
            misses.append(Miss(MissKind.WRONG_VALUE, f"{_describe(truth)}: ours {values}"))
    return misses


def score_facts(truth: Iterable[TruthFact], ours: Iterable[OurFact]) -> tuple[Score, list[Miss]]:
    """Counts over distinct truth facts, and what went wrong for each that is not right."""
    s, misses = Score(), []
    by_value: dict[Decimal, list[OurFact]] = {}
    by_concept: dict[str, list[OurFact]] = {}
    for fact in ours:
        by_value.setdefault(fact.value, []).append(fact)
        by_concept.setdefault(fact.concept, []).append(fact)
    seen = set()
    for fact in truth:
        key = (fact.concept, fact.start, fact.end, fact.value)
        if key in seen:
            continue
        seen.add(key)
        s.truth += 1
        s.month_precision += fact.precision is not Precision.EXACT
        same_concept = [f for concept in own_concepts(fact) for f in by_concept.get(concept, [])]
        misses += _score_fact(fact, by_value, same_concept, s)
    return s, misses


def score_cover(truth: Iterable[TruthCover], ours: dict[str, str]) -> tuple[Score, list[Miss]]:
    s, misses = Score(), []
    for field in truth:
        s.cover_truth += 1
        if ours.get(field.concept) in field.values:
            s.cover_ok += 1
        else:
            shown = field.values[0] if len(field.values) == 1 else list(field.values)
            misses.append(Miss(MissKind.COVER, f"{field.concept}: truth {shown!r}, ours {ours.get(field.concept)!r}"))
    return s, misses


def score_statements(expected: Iterable[str], found: Iterable[str]) -> tuple[Score, list[Miss]]:
    s, misses, found = Score(), [], set(found)
    for kind in expected:
        s.statements_expected += 1
        if kind in found:
            s.statements_found += 1
        else:
            misses.append(Miss(MissKind.STATEMENT, f"{kind} (MANIFEST.tsv lists one)"))
    return s, misses
