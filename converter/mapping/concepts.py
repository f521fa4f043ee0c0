"""Choose the taxonomy concept(s) for each statement row through the mapping rules."""

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..extract.model import INCOME_STATEMENTS, StatementKind, StatementRow, TaxDirection, UnitKind
from .model import ConceptInfo, DecidedBy, Decision
from .names import camel_name
from .rules import LabelFactRule, LineItemRule, MappingRules, normalize_label

UNIT_OF_KIND = {UnitKind.MONETARY: "monetary", UnitKind.SHARES: "shares", UnitKind.PER_SHARE: "per_share"}


def period_type_of(kind: StatementKind) -> str:
    return "instant" if kind is StatementKind.BALANCE_SHEET else "duration"


_CURRENT_SECTIONS = frozenset({"current_assets", "current_liabilities"})
_NONCURRENT_SECTIONS = frozenset({"noncurrent_assets", "noncurrent_liabilities"})


def fits(concept: ConceptInfo, kind: StatementKind, unit: UnitKind, sections: frozenset[str] = frozenset()) -> bool:
    """The concept can carry this row: right period type, unit, neither abstract nor deprecated,
    and a concept named current or noncurrent only where the row sits among such items."""
    if concept.abstract or concept.deprecated or concept.period_type != period_type_of(kind):
        return False
    if concept.kind != UNIT_OF_KIND[unit]:
        return False
    if concept.name.endswith("Noncurrent"):
        return not sections & _CURRENT_SECTIONS
    return not (concept.name.endswith("Current") and sections & _NONCURRENT_SECTIONS)


RULE_CONFIDENCE = 0.95  # a hand-written rule, checked on real filings
NAMESAKE_CONFIDENCE = 0.85  # a standard concept named exactly like the printed label
EXTENSION_CONFIDENCE = 0.8  # the filer's own concept: right by construction, but a reviewer may know one
LABEL_FACT_CONFIDENCE = 0.9
UNSIGNED_TAX_CONFIDENCE = 0.7  # a tax amount whose words say neither expense nor benefit


@dataclass(frozen=True)
class Match:
    concepts: tuple[ConceptInfo, ...]
    decision: Decision


def learned_confidence(filers: int) -> float:
    """The more filers chose a concept for a label, the surer: 3 filers 0.6, 10 filers 0.83, 50 0.96."""
    return filers / (filers + 2)


def match_rule(
    rules: MappingRules,
    taxonomy: dict[str, ConceptInfo],
    kind: StatementKind,
    row: StatementRow,
    sections: frozenset[str],
    usable: Callable[[tuple[ConceptInfo, ...]], bool],
    printed: frozenset[str] = frozenset(),
    inner: frozenset[str] | None = None,
) -> Match | None:
    """Concepts of the first rule that matches the row and whose concepts fit and are `usable`,
    else a learned label's. The whole label is read first; one that leads with its section ("Cash
    flows from financing activities - sale of common stock") is then read as the item it names, in
    that section; a cash-flow line naming a change ("Decrease (increase) in current receivables")
    as the change in what it names."""
    label = normalize_label(row.resolved_label or row.label)
    readings = [(label, sections, inner)]
    head, dash, tail = label.partition(" - ")
    if dash and tail and rules.section_names((head,)):
        readings = [*readings, (tail, sections | rules.section_names((head,)), rules.section_names((head,)))]
    learnable = readings[-1:]
    changed = _CHANGE_IN.match(label) if kind is StatementKind.CASH_FLOWS else None
    if changed:
        readings.append((label[changed.end() :], sections, inner))
        learnable.append(readings[-1])
    for rule in rules.line_items_for(kind):
        for text, where, heading in readings:
            if not rule.matches(kind, text, where, printed, heading):
                continue
            concepts = _concepts_of(rule, taxonomy)
            if concepts and all(fits(c, kind, row.unit_kind, where) for c in concepts) and usable(concepts):
                return Match(concepts, Decision(DecidedBy.RULE, f"taxonomy_map.yaml {rule.where}", RULE_CONFIDENCE))
    for text, where, _ in learnable:
        learned = rules.learned_label(kind, text)
        concept = taxonomy.get(learned.concept) if learned else None
        if concept is not None and fits(concept, kind, row.unit_kind, where) and usable((concept,)):
            detail = f"learned label '{text}' ({learned.filers} filers)"
            return Match((concept,), Decision(DecidedBy.LEARNED, detail, learned_confidence(learned.filers)))
    return None


# "(Increase) decrease in", "Decrease (increase) in", "Increase in", "Change in" (not the net change
# in cash, which its own rules read whole)
_CHANGE_IN = re.compile(
    r"^(?:net )?(?:\(?(?:increase|decrease)\)?(?:\s*/?\s*\(?(?:increase|decrease)\)?)?|changes?)\s+in\s+(?!cash\b)"
)


_SECTION_SUFFIXES = ((_CURRENT_SECTIONS, "Current"), (_NONCURRENT_SECTIONS, "Noncurrent"))
_NAME_WORD = re.compile(r"[A-Z][^A-Z]*|[^A-Z]+")
MAX_NAMESAKE_WORDS = 8  # 2**8 spellings at most; longer labels are seldom a concept's name


def _singular(word: str) -> str:
    """'Liabilities' -> 'Liability', 'Taxes' -> 'Tax', 'Assets' -> 'Asset'; 'Loss', 'Gross' stay."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _plural(singular: str) -> str:
    lower = singular.lower()
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u"):
        return singular[:-1] + "ies"
    return singular + ("es" if lower.endswith(("s", "x", "ch", "sh")) else "s")


def namesake_names(label: str, sections: frozenset[str], kind: StatementKind | None = None) -> set[str]:
    """Names a concept may have and still be named like the label, besides its exact camel-cased
    words: each word singular or plural, '&' read as 'and', with or without a trailing 'net', and
    'Current' or 'Noncurrent' after it when the row's section says which. A net amount is net of
    its contra account on a balance sheet and of the opposite flows in a cash-flow statement, but on
    a statement of income 'Interest expense, net' nets expense and income: a concept named without
    'net' is only one of them there. On a balance sheet, a line ending "and other" ("Deferred income
    taxes and other") names its side's other items: its concept may end in Assets or Liabilities
    (the caller's balance test tells which)."""
    words = _NAME_WORD.findall(camel_name(label.replace("&", " and ")))
    nets = ("", "Net")
    if words[-1:] == ["Net"]:
        words.pop()
        nets = ("Net",) if kind in INCOME_STATEMENTS else nets
    if not words or len(words) > MAX_NAMESAKE_WORDS:
        return set()
    others = ("", "Assets", "Liabilities") if words[-1] == "Other" and kind is StatementKind.BALANCE_SHEET else ("",)
    suffixes = ["", *(suffix for group, suffix in _SECTION_SUFFIXES if sections & group)]
    spellings = ("".join(s) for s in itertools.product(*({_singular(w), _plural(_singular(w))} for w in words)))
    return {
        f"{base}{other}{net}{suffix}" for base in spellings for other in others for net in nets for suffix in suffixes
    }


_PREFIXES: dict[int, tuple[dict[str, ConceptInfo], tuple[str, ...]]] = {}  # id(taxonomy) -> (it, its prefixes)


def taxonomy_prefixes(taxonomy: dict[str, ConceptInfo]) -> tuple[str, ...]:
    """The prefixes of a taxonomy's concepts in order ('us-gaap', 'dei', 'srt'), read once per
    taxonomy: namesake asks for every row no rule maps, and a taxonomy has 18,000 concepts."""
    cached = _PREFIXES.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy or len(_PREFIXES) > 8:
        if len(_PREFIXES) > 8:
            _PREFIXES.clear()
        cached = (taxonomy, tuple(dict.fromkeys(q.split(":", 1)[0] for q in taxonomy)))
        _PREFIXES[id(taxonomy)] = cached
    return cached[1]


def namesake(
    taxonomy: dict[str, ConceptInfo],
    label: str,
    usable: Callable[[ConceptInfo], bool],
    sections: frozenset[str] = frozenset(),
    kind: StatementKind | None = None,
) -> Match | None:
    """A standard concept whose name is the label's ('Goodwill' -> us-gaap:Goodwill), its current
    or noncurrent part where the row's section says which ('Regulatory assets' among current
    assets -> RegulatoryAssetsCurrent), if usable;
    else the one usable concept named like it by namesake_names ('Inventories, net' -> InventoryNet,
    'Operating lease liabilities' among current liabilities -> OperatingLeaseLiabilityCurrent), but
    not a concept with a current part (OperatingLeaseLiability): a row outside a current or
    noncurrent section may be either part. Names only, never a similarity: when two concepts are
    named like the label, neither is taken."""
    exact = camel_name(label)
    prefixes = taxonomy_prefixes(taxonomy)
    suffixes = [suffix for group, suffix in _SECTION_SUFFIXES if sections & group]
    for prefix in prefixes:
        named = [taxonomy.get(f"{prefix}:{exact}{suffix}") for suffix in suffixes]
        concept = next((c for c in named if c is not None and usable(c)), None) or taxonomy.get(f"{prefix}:{exact}")
        if concept is not None and usable(concept):
            decision = Decision(DecidedBy.NAMESAKE, f"{concept.qname} is named like the label", NAMESAKE_CONFIDENCE)
            return Match((concept,), decision)
    found = {
        concept
        for name in namesake_names(label, sections, kind) - {exact}
        for prefix in prefixes
        if (concept := taxonomy.get(f"{prefix}:{name}")) is not None
        and f"{concept.qname}Current" not in taxonomy
        and usable(concept)
    }
    if len(found) != 1:
        return None
    concept = found.pop()
    detail = f"{concept.qname} is named like the label (singular or plural, net, section)"
    return Match((concept,), Decision(DecidedBy.NAMESAKE, detail, NAMESAKE_CONFIDENCE))


def extension_decision() -> Decision:
    return Decision(DecidedBy.EXTENSION, "no rule, learned label or standard namesake fits", EXTENSION_CONFIDENCE)


def label_fact_decision(rule: LabelFactRule, direction: TaxDirection | None = None) -> Decision:
    """A label fact's concept by its rule; a tax whose words do not say whether its amounts are
    expenses or benefits is stored as printed, and listed for a person to check."""
    detail = f"taxonomy_map.yaml label_facts[{rule.subject}/{rule.kind}]"
    if direction is TaxDirection.UNSTATED:
        detail += "; the label does not say whether its amounts are expenses or benefits: stored as printed"
        return Decision(DecidedBy.LABEL_FACT, detail, UNSIGNED_TAX_CONFIDENCE)
    return Decision(DecidedBy.LABEL_FACT, detail, LABEL_FACT_CONFIDENCE)


def _concepts_of(rule: LineItemRule, taxonomy: dict[str, ConceptInfo]) -> tuple[ConceptInfo, ...] | None:
    found = tuple(taxonomy.get(q) for q in rule.concepts)
    return None if any(c is None for c in found) else found  # type: ignore[return-value]
