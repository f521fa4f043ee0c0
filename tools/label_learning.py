"""Learn printed-label -> concept pairs from what many filers chose, counted by filer.

A label earns a concept when at least MIN_FILERS distinct filers (CIKs) printed it on the same kind
of statement with that concept, and they are a clear majority (MIN_SHARE) of all filers who printed
the label there, their own extension tags included: a label most filers had to invent a concept for
is not a standard line. Counting filings instead would let one company's three 10-Qs make a rule.

A label that names its own filer ("Total Walmart shareholders' equity") says nothing about other
filers, so such observations are dropped before counting (see NameTest). Everything here is pure:
the learning tool and the fidelity bench (which re-learns without the scored company) share it.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from converter.extract.model import StatementKind
from converter.mapping.model import ConceptInfo
from converter.mapping.rules import LearnedLabel

MIN_FILERS = 3
# A clear majority: two thirds of the filers who printed the label (at one half, "Balance, end of
# period" on equity statements went to the total including noncontrolling interests).
MIN_SHARE = 2 / 3
# Words that say what kind of entity a filer is, not which one (EDGAR's "/NEW/" suffix too).
CORPORATE_WORDS = frozenset(
    {"inc", "incorporated", "corp", "corporation", "company", "companies", "cos", "group", "holdings", "holding"}
    | {"ltd", "limited", "llc", "llp", "plc", "the", "and", "new"}
)
# Whether any other word of a name is ordinary vocabulary ("energy", "national", "real estate") or a
# name ("walmart") is decided from usage, not from a word list: see _is_name.
COMMON_TERM_FILERS = 3


@dataclass(frozen=True, order=True)
class Observation:
    """One filer printed `label` (a label key) on a `statement` and tagged it `concept` ("" = an
    extension concept of its own)."""

    cik: str
    statement: StatementKind
    label: str
    concept: str


def filer_key(cik: str) -> str:
    """A CIK without leading zeros, so '0000320193' and '320193' are one filer."""
    return cik.strip().lstrip("0") or "0"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("&", " and "))


def _terms_in(words: list[str]) -> set[str]:
    """Single words, adjacent pairs ('pacific gas') and pairs written as one word ('walmart')."""
    core = [w for w in words if w not in CORPORATE_WORDS]
    pairs = list(zip(core, core[1:], strict=False))
    return {*core, *(f"{a} {b}" for a, b in pairs), *(a + b for a, b in pairs)}


@cache
def _label_terms(label: str) -> frozenset[str]:
    """Terms of a label key (cached: the same labels recur across filers and across re-learning)."""
    return frozenset(_terms_in(label.split()))


def name_terms(names: Iterable[str]) -> frozenset[str]:
    """Terms a label could use to name a filer: its name's words (3 letters or more), adjacent
    pairs, pairs run together, and the initials of its name (3 letters or more: 'ibm')."""
    terms: set[str] = set()
    for name in names:
        core = [w for w in _words(name) if w not in CORPORATE_WORDS]
        terms |= {t for t in _terms_in(core) if len(t) >= 3}
        initials = "".join(w[0] for w in core if w.isalpha())
        if len(initials) >= 3:
            terms.add(initials)
    return frozenset(terms)


def _is_name(named_printers: int, other_printers: int) -> bool:
    """A term of filers' names is a name, not ordinary vocabulary, unless at least COMMON_TERM_FILERS
    filers not so named print it in their labels and they outnumber the filers so named who do."""
    return other_printers < COMMON_TERM_FILERS or other_printers <= named_printers


class NameTest:
    """Whether a label names its own filer: it contains a term of the filer's names that is a name
    by the usage test of _is_name."""

    def __init__(self, observations: Collection[Observation], names: Mapping[str, Iterable[str]]):
        self._terms = {cik: name_terms(n) for cik, n in names.items()}
        named: dict[str, set[str]] = defaultdict(set)
        for cik, terms in self._terms.items():
            for term in terms:
                named[term].add(cik)
        printers: dict[str, set[str]] = defaultdict(set)  # term -> filers printing it in a label
        for cik, label in {(o.cik, o.label) for o in observations}:
            for term in _label_terms(label) & named.keys():
                printers[term].add(cik)
        self._distinctive = frozenset(
            t for t in named if _is_name(len(printers[t] & named[t]), len(printers[t] - named[t]))
        )
        self._own = {cik: terms & self._distinctive for cik, terms in self._terms.items()}

    def distinctive_terms(self, cik: str, label: str) -> set[str]:
        """The distinctive terms of filer `cik`'s names that `label` contains."""
        own = self._own.get(cik)
        return own & _label_terms(label) if own else set()

    def names_any_filer(self, label: str) -> set[str]:
        """Distinctive name terms of any filer that `label` contains (for checking a result)."""
        return _label_terms(label) & self._distinctive


def learn(
    observations: Iterable[Observation],
    names: Mapping[str, Iterable[str]],
    usable: Callable[[StatementKind, str], bool],
    exclude: Collection[str] = (),
) -> dict[tuple[StatementKind, str], LearnedLabel]:
    """(statement, label key) -> the concept a clear majority of at least MIN_FILERS distinct filers
    chose, when `usable` accepts it for that statement. Filers in `exclude` (CIKs) do not count, nor
    does any observation whose label names its own filer."""
    excluded = {filer_key(c) for c in exclude}
    kept = [o for o in observations if o.cik not in excluded]
    test = NameTest(kept, {c: n for c, n in names.items() if c not in excluded})
    choices: dict[tuple[StatementKind, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for o in kept:
        if not test.distinctive_terms(o.cik, o.label):
            choices[(o.statement, o.label)][o.concept].add(o.cik)
    learned = {}
    for key, by_concept in choices.items():
        printers = set().union(*by_concept.values())
        concept, filers = max(sorted(by_concept.items()), key=lambda item: len(item[1]))
        if (
            concept
            and len(filers) >= MIN_FILERS
            and len(filers) >= MIN_SHARE * len(printers)
            and usable(key[0], concept)
        ):
            learned[key] = LearnedLabel(concept, len(filers))
    return learned


def fits_statement(taxonomy: Mapping[str, ConceptInfo]) -> Callable[[StatementKind, str], bool]:
    """Whether a concept exists in `taxonomy`, is neither abstract nor deprecated, carries amounts,
    shares or per-share amounts, and has the statement's period type (equity rows have both)."""

    def usable(statement: StatementKind, qname: str) -> bool:
        concept = taxonomy.get(qname)
        if concept is None or concept.abstract or concept.deprecated:
            return False
        if concept.kind not in ("monetary", "shares", "per_share"):
            return False
        instant = statement is StatementKind.BALANCE_SHEET
        return statement is StatementKind.EQUITY or concept.period_type == ("instant" if instant else "duration")

    return usable
