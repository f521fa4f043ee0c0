"""Accumulate contexts, units, facts, extension concepts, labels and roles into a FactModel.

The builder gives every object a stable id in creation order, so the same input always yields
the same model (and byte-identical outputs).
"""

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from ..extract.model import Period, Span, UnitKind
from ..omissions import LeftOut, PartKind
from .fact_guard import consistent, describe_period, describe_value, misfit, period_type
from .memo import per_object
from .model import STANDARD_LABEL, Arc, ConceptInfo, Context, Display, Fact, FactDecision, FactModel, Role, Unit
from .names import camel_name, label_from_name, unique_name

SHARES_UNIT = Unit("shares", "xbrli:shares")
EXTENSION_TYPES = {
    UnitKind.MONETARY: "xbrli:monetaryItemType",
    UnitKind.SHARES: "xbrli:sharesItemType",
    UnitKind.PER_SHARE: "dtr-types:perShareItemType",
}


def context_id(period: Period, dimensions: tuple[tuple[str, str], ...] = ()) -> str:
    """'i20071231' (an instant), 'd20070101-20071231' (a duration), '..._CommonStockMember' (with members)."""
    base = f"i{period.end:%Y%m%d}" if period.start is None else f"d{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    return "_".join([base, *(member.split(":", 1)[1] for _, member in dimensions)])


def _unique_standard_labels(labels: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """Labels, with a standard label that another concept already has made distinct (EFM 6.10.4)."""
    seen: set[str] = set()
    out = {}
    for (qname, role), text in sorted(labels.items()):
        if role == STANDARD_LABEL:
            if text in seen:
                text = f"{text} ({qname.split(':', 1)[1]})"
            seen.add(text)
        out[(qname, role)] = text
    return out


@per_object
def _names_and_prefixes(taxonomy: dict[str, ConceptInfo]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The taxonomy's concept names and its prefixes in order."""
    names = frozenset(q.split(":", 1)[1] for q in taxonomy)
    return names, tuple(dict.fromkeys(q.split(":", 1)[0] for q in taxonomy))


class FactModelBuilder:
    def __init__(
        self, cik: str, prefix: str, namespace: str, where: Callable[[Span], str], taxonomy: dict[str, ConceptInfo]
    ) -> None:
        self.cik, self.prefix, self.namespace, self.where = cik, prefix, namespace, where
        self.taxonomy = taxonomy
        self.contexts: dict[tuple[Period, tuple[tuple[str, str], ...]], Context] = {}
        self.units: dict[str, Unit] = {}
        self.facts: list[Fact] = []
        self.extensions: dict[str, ConceptInfo] = {}
        self._extension_keys: dict[tuple, ConceptInfo] = {}
        self._standard_names, self._prefixes = _names_and_prefixes(taxonomy)  # never reuse a standard name
        self._names: set[str] = set()  # the extension names given so far
        self._name_counters: dict[str, int] = {}
        self.labels: dict[tuple[str, str], str] = {}
        self.roles: list[Role] = []
        self._values: dict[tuple[str, Period], Decimal | str | None] = {}  # facts without dimensions
        self._used_concepts: dict[str, ConceptInfo] = {}
        self._splits: dict[tuple[str, str], ConceptInfo] = {}  # (extension, period type) -> its sibling
        self._by_aspects: dict[tuple[str, str, str], Fact] = {}  # (concept, context, unit) -> the fact made
        self._contested: set[tuple[str, str, str]] = set()  # aspects two facts gave different values
        self.left_out: list[LeftOut] = []
        self._made = 0  # facts made, kept or not: each has its own id

    def _unique_name(self, base: str) -> str:
        """A name for a new extension concept: no standard concept's, no other extension's."""
        return unique_name(base, self._names, self._name_counters, self._standard_names)

    def context(self, period: Period, dimensions: tuple[tuple[str, str], ...] = ()) -> Context:
        key = (period, dimensions)
        if key not in self.contexts:
            self.contexts[key] = Context(context_id(period, dimensions), period, self.cik, dimensions)
        return self.contexts[key]

    def unit(self, kind: UnitKind, currency: str = "USD") -> Unit:
        """The unit of a fact of `kind`; money and money per share in `currency` (an ISO 4217 code,
        which needs no schema: iso4217:EUR is as valid as iso4217:USD)."""
        if kind is UnitKind.SHARES:
            unit = SHARES_UNIT
        elif kind is UnitKind.PER_SHARE:
            unit = Unit(f"{currency}PerShare", f"iso4217:{currency}", "xbrli:shares")
        else:
            unit = Unit(currency, f"iso4217:{currency}")
        self.units.setdefault(unit.id, unit)
        return unit

    def standard_namesake(self, label: str, suffix: str, fits: Callable[[ConceptInfo], bool]) -> ConceptInfo | None:
        """A standard concept whose name is the label's ('Goodwill' -> us-gaap:Goodwill), if it fits."""
        name = camel_name(label, suffix)
        for prefix in self._prefixes:
            concept = self.taxonomy.get(f"{prefix}:{name}")
            if concept is not None and fits(concept):
                return concept
        return None

    def extension(
        self,
        labels: Sequence[str],
        period_type: str,
        data_type: str,
        balance: str | None,
        abstract: bool = False,
        suffix: str = "",
        usable: Callable[[ConceptInfo], bool] = lambda concept: True,
    ) -> ConceptInfo:
        """The extension concept named after the first of `labels` whose concept is new or
        `usable`; rows with the same label and type share a concept unless their values clash."""
        for label in labels:
            key = (camel_name(label, suffix), period_type, data_type, balance, abstract)
            existing = self._extension_keys.get(key)
            if existing is None:
                self._extension_keys[key] = self._new_extension(key)
                return self._extension_keys[key]
            if usable(existing):
                return existing
        return self._new_extension((camel_name(labels[-1], suffix), period_type, data_type, balance, abstract))

    def extension_member(self, name: str, reuse: bool = True) -> ConceptInfo:
        """A domain member of the filer's own (a class of stock no standard member names); one per
        name unless `reuse` is off, so that a class's security and its shares share their member."""
        existing = self.extensions.get(name)
        if reuse and existing is not None and existing.data_type == "dtr-types:domainItemType":
            return existing
        concept = ConceptInfo(
            self.prefix,
            self._unique_name(name),
            self.namespace,
            "duration",
            None,
            "dtr-types:domainItemType",
            abstract=True,
            is_extension=True,
        )
        self.extensions[concept.name] = concept
        return concept

    def _new_extension(self, key: tuple) -> ConceptInfo:
        name, period_type, data_type, balance, abstract = key
        concept = ConceptInfo(
            self.prefix,
            self._unique_name(name),
            self.namespace,
            period_type,
            balance,
            data_type,
            nillable=True,
            abstract=abstract,
            is_extension=True,
        )
        self.extensions[concept.name] = concept
        return concept

    def conflicts(self, concept: ConceptInfo, period: Period, value: Decimal | str | None) -> bool:
        """Would a fact of `concept` for `period` with `value` contradict one already made? The
        sign counts: a cash flow statement that prints one label among its operating adjustments
        (-267) and its financing activities (267) states two things, and one concept holding both
        would lose both (see _keeps)."""
        key = (concept.qname, period)
        return key in self._values and self._values[key] != value

    def label(self, concept: ConceptInfo, role: str, text: str) -> None:
        text = " ".join(text.split()).replace("<", "(").replace(">", ")") or label_from_name(concept.name)
        self._used_concepts.setdefault(concept.qname, concept)
        self.labels.setdefault((concept.qname, role), text)

    def role_id(self, base: str) -> str:
        """A role id not used yet in this filing (two statements may share a title)."""
        taken = {r.id for r in self.roles} | {r.id.removesuffix("Parenthetical") for r in self.roles}
        name, n = base, 2
        while name in taken:
            name, n = f"{base}{n}", n + 1
        return name

    def continue_role(
        self, definition_end: str, root: str, presentation: tuple[Arc, ...], calculation: tuple[Arc, ...]
    ) -> bool:
        """Add a statement's arcs to the role it continues ("Balance Sheets (Continued)" carries on
        "Balance Sheets" after a page break): its root's children follow the role's own, arcs the
        role already has are not repeated. False when no role ends with `definition_end`."""
        index = next(
            (i for i in range(len(self.roles) - 1, -1, -1) if self.roles[i].definition.endswith(definition_end)), None
        )
        if index is None:
            return False
        role = self.roles[index]
        known = {(a.parent, a.child) for a in role.presentation}
        offset = max((a.order for a in role.presentation if a.parent == root), default=0)
        added = tuple(
            replace(a, order=a.order + offset) if a.parent == root else a
            for a in presentation
            if (a.parent, a.child) not in known
        )
        sums = {(a.parent, a.child) for a in role.calculation}
        more = tuple(a for a in calculation if (a.parent, a.child) not in sums)
        self.roles[index] = replace(role, presentation=role.presentation + added, calculation=role.calculation + more)
        return True

    def has_label(self, concept: ConceptInfo, role: str) -> bool:
        return (concept.qname, role) in self.labels

    def add_fact(
        self,
        concept: ConceptInfo,
        period: Period,
        unit_kind: UnitKind | None,
        value: Decimal | str | None,
        decimals: int | None,
        display: Display,
        span: Span | None,
        note: str = "",
        dimensions: tuple[tuple[str, str], ...] = (),
        decision: FactDecision | None = None,
        currency: str = "USD",
    ) -> Fact | None:
        """Make a fact, unless XBRL would reject it: an extension concept of the other period type
        hands it to a sibling of the right one; a fact a standard concept cannot carry, or one that
        contradicts another of the same concept, context and unit, is left out and recorded."""
        provenance = (self.where(span) if span else "not shown in the filing") + (f"; {note}" if note else "")
        if concept.is_extension and not concept.abstract and concept.period_type != period_type(period):
            concept = self._split(concept, period_type(period))
        reason = misfit(concept, period, unit_kind, value)
        if reason is not None:
            self._leave_out(concept, period, value, reason, provenance)
            return None
        fact = Fact(
            id=f"f{self._made + 1}",
            concept=concept,
            context=self.context(period, dimensions),
            unit=self.unit(unit_kind, currency) if unit_kind else None,
            value=value,
            decimals=decimals,
            display=display,
            provenance=provenance,
            decision=decision,
        )
        self._made += 1
        if not dimensions:
            self._values.setdefault((concept.qname, period), value)
        if not self._keeps(fact):
            return None
        self._used_concepts.setdefault(concept.qname, concept)
        self.facts.append(fact)
        return fact

    def _keeps(self, fact: Fact) -> bool:
        """False when another fact of the same concept, context and unit gives another value: neither
        can be told right, so both are left out (and any later one of those aspects too)."""
        aspects = (fact.concept.qname, fact.context.id, fact.unit.id if fact.unit else "")
        earlier = self._by_aspects.setdefault(aspects, fact)
        if aspects not in self._contested and consistent(earlier, fact):
            return True
        reason = f"it contradicts another value of {fact.concept.qname} for the same period"
        if aspects not in self._contested:
            self._contested.add(aspects)
            self.facts.remove(earlier)
            self._leave_out(earlier.concept, earlier.context.period, earlier.value, reason, earlier.provenance)
        self._leave_out(fact.concept, fact.context.period, fact.value, reason, fact.provenance)
        return False

    def _leave_out(
        self, concept: ConceptInfo, period: Period, value: Decimal | str | None, reason: str, where: str
    ) -> None:
        what = f"{concept.qname} = {describe_value(value)} for {describe_period(period)}"
        self.left_out.append(LeftOut(PartKind.FACT, what, reason, where))

    def _split(self, concept: ConceptInfo, period_type: str) -> ConceptInfo:
        """The sibling of an extension concept for facts of the other period type (a row that holds
        balances in a flow statement, say): same label and type, named and labelled after the original
        with the period type added, presented beside it."""
        key = (concept.qname, period_type)
        if key not in self._splits:
            name = self._unique_name(concept.name + period_type.title())
            sibling = replace(concept, name=name, period_type=period_type)
            self.extensions[name] = sibling
            self._splits[key] = sibling
        return self._splits[key]

    def _split_labels(self, labels: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
        """Each sibling's labels: its original's, the standard one saying which period type it has."""
        added = {}
        for (original, ptype), sibling in self._splits.items():
            for (qname, role), text in labels.items():
                if qname == original:
                    added[(sibling.qname, role)] = f"{text} ({ptype.title()})" if role == STANDARD_LABEL else text
            added.setdefault((sibling.qname, STANDARD_LABEL), label_from_name(sibling.name))
        return {**labels, **added}

    def _present_splits(self, role: Role) -> Role:
        """A role presenting a split concept presents its sibling right after it."""
        siblings: dict[str, list[str]] = {}
        for (original, _), sibling in self._splits.items():
            siblings.setdefault(original, []).append(sibling.qname)
        if not any(arc.child in siblings for arc in role.presentation):
            return role
        parents = {arc.parent for arc in role.presentation if arc.child in siblings}
        arcs: list[Arc] = []
        for arc in role.presentation:
            arcs.append(arc)
            arcs += [replace(arc, child=qname) for qname in siblings.get(arc.child, ())]
        counters: dict[str, int] = {}
        renumbered = []
        for arc in arcs:
            if arc.parent in parents:
                counters[arc.parent] = counters.get(arc.parent, 0) + 1
                arc = replace(arc, order=counters[arc.parent])
            renumbered.append(arc)
        return replace(role, presentation=tuple(renumbered))

    def build(self, date_stamp: str, title: str, schemas: tuple[tuple[str, str, str], ...]) -> FactModel:
        used_prefixes = {c.prefix for c in self._used_concepts.values()}
        imports = tuple((ns, url) for prefix, ns, url in schemas if prefix in used_prefixes)
        namespaces = tuple(sorted({(c.prefix, c.namespace) for c in self._used_concepts.values()}))
        labels = _unique_standard_labels(self._split_labels(_unique_standard_labels(self.labels)))
        return FactModel(
            cik=self.cik,
            prefix=self.prefix,
            namespace=self.namespace,
            date_stamp=date_stamp,
            title=title,
            contexts=tuple(sorted(self.contexts.values(), key=lambda c: c.id)),
            units=tuple(sorted(self.units.values(), key=lambda u: u.id)),
            facts=tuple(self.facts),
            extension_concepts=tuple(self.extensions.values()),
            labels=tuple(sorted((qname, role, text) for (qname, role), text in labels.items())),
            roles=tuple(self._present_splits(role) for role in self.roles),
            schema_imports=imports,
            namespaces=namespaces,
            left_out=tuple(self.left_out),
        )
