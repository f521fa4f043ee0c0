"""Our own rules on any filer's XBRL, beside Arelle's: each has a stable code, a one-line summary
(SARIF's rule help and `xbrlconv validate --list-rules`), and reads only the facts Arelle loaded."""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property

from ..arelle_adapter import Finding, LoadedFact
from ..resources import resource_path

DEI_NAMESPACE_PREFIX = "http://xbrl.sec.gov/dei/"
# the standard prefix of each family of published namespaces (one per taxonomy year)
_FAMILIES = (("us-gaap", "http://fasb.org/us-gaap/"), ("dei", DEI_NAMESPACE_PREFIX))
PERIODIC_FORMS = frozenset({"10-K", "10-KT", "10-Q", "10-QT", "20-F", "40-F"})
PERIOD_END_TOLERANCE = timedelta(days=3)  # 52/53-week years end within days of the date a cover prints
STATEMENT_PERIOD_DAYS = 80  # a quarter or longer: the periods statements report, not a dated event


@dataclass(frozen=True)
class FiledFacts:
    """One entry point's facts, as our rules read them; `file` is its name."""

    file: str
    facts: tuple[LoadedFact, ...]

    def dei(self, name: str) -> LoadedFact | None:
        return self._dei_by_name.get(name)

    @cached_property
    def _dei_by_name(self) -> dict[str, LoadedFact]:
        """The first fact of each dei concept, read once for the several rules that ask."""
        found: dict[str, LoadedFact] = {}
        for fact in self.facts:
            if fact.namespace.startswith(DEI_NAMESPACE_PREFIX):
                found.setdefault(fact.local_name, fact)
        return found

    @property
    def form(self) -> str:
        """The document type without its amendment mark ("10-K/A" is a 10-K)."""
        fact = self.dei("DocumentType")
        return fact.key.value.removesuffix("/A").strip() if fact else ""

    def first_line(self) -> int:
        """Where a finding about the whole document points: its document type fact, else line 1."""
        fact = self.dei("DocumentType")
        return fact.line if fact and fact.line else 1


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Callable[[FiledFacts], Iterator[Finding]]


@cache
def _required_dei() -> dict[str, tuple[str, ...]]:
    required: dict[str, list[str]] = {}
    with resource_path("data/dei_required.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            required.setdefault(row["form"], []).append(row["concept"])
    return {form: tuple(concepts) for form, concepts in required.items()}


@cache
def _non_negative() -> frozenset[str]:
    with resource_path("data/non_negative_concepts.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return frozenset(row["concept"] for row in rows)


def required_dei(filed: FiledFacts) -> Iterator[Finding]:
    required = _required_dei()
    for name in required.get("*", ()) + required.get(filed.form, ()):
        if filed.dei(name) is None:
            form = filed.form or "the document"
            message = f"dei:{name} is missing: EDGAR requires it of every {form} (EFM 6.5.20)"
            yield Finding("error", REQUIRED_DEI.code, message, filed.file, line=filed.first_line())


def _end(period: str) -> tuple[date | None, int]:
    """A FactKey period's end date and length in days (0 for an instant)."""
    try:
        if "/" in period:
            start, end = (date.fromisoformat(p) for p in period.split("/"))
            return end, (end - start).days
        return date.fromisoformat(period), 0
    except ValueError:
        return None, 0


def period_end_date(filed: FiledFacts) -> Iterator[Finding]:
    stated = filed.dei("DocumentPeriodEndDate")
    if stated is None:
        return
    try:
        cover = date.fromisoformat(stated.key.value)
    except ValueError:
        return  # Arelle reports a value that is not a date
    ends = [
        end
        for f in filed.facts
        if not f.namespace.startswith(DEI_NAMESPACE_PREFIX) and not f.dimensional
        for end, days in [_end(f.key.period)]
        if end is not None and days >= STATEMENT_PERIOD_DAYS
    ]
    if not ends:
        return
    latest = max(ends)
    too_late = latest > cover + PERIOD_END_TOLERANCE
    too_early = filed.form in PERIODIC_FORMS and latest < cover - PERIOD_END_TOLERANCE
    if too_late or too_early:
        message = f"dei:DocumentPeriodEndDate is {cover} but the latest period the statements report ends {latest}" + (
            " (a periodic report's should end within 3 days of it)" if too_early else ""
        )
        yield Finding("error", PERIOD_END.code, message, filed.file, line=stated.line)


def _standard_name(fact: LoadedFact) -> str:
    """ "us-gaap:Assets" whatever prefix and taxonomy year the filing uses."""
    family = next((name for name, start in _FAMILIES if fact.namespace.startswith(start)), None)
    return f"{family}:{fact.local_name}" if family else ""


def non_negative(filed: FiledFacts) -> Iterator[Finding]:
    listed = _non_negative()
    for fact in filed.facts:
        if fact.dimensional or not fact.numeric or _standard_name(fact) not in listed:
            continue
        try:
            negative = Decimal(fact.key.value) < 0
        except InvalidOperation:
            continue
        if negative:
            message = f"{fact.key.concept} is {fact.key.value} for {fact.key.period}: it cannot be negative"
            yield Finding("error", NON_NEGATIVE.code, message, fact.location or filed.file, line=fact.line)


REQUIRED_DEI = Rule(
    "xbrlconv.dei.required",
    "The dei facts EDGAR requires of the document type are present (EFM 6.5.20: document type, period "
    "end date, registrant name, CIK, amendment flag; fiscal period focus and fiscal year end of periodic reports).",
    required_dei,
)
PERIOD_END = Rule(
    "xbrlconv.dei.periodEndDate",
    "dei:DocumentPeriodEndDate agrees with the facts: no statement period (a quarter or longer, entity-wide) "
    "ends more than 3 days after it, and a periodic report's latest one ends within 3 days of it.",
    period_end_date,
)
NON_NEGATIVE = Rule(
    "xbrlconv.nonNegative",
    "Concepts that cannot be negative by what they measure (share counts, total assets, inventory...) "
    "have no negative entity-wide value.",
    non_negative,
)
RULES = (REQUIRED_DEI, PERIOD_END, NON_NEGATIVE)


def check_facts(filed: FiledFacts) -> list[Finding]:
    """Every rule on one entry point's facts."""
    return [finding for rule in RULES for finding in rule.check(filed)]
