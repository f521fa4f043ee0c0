"""Load and check taxonomy_map.yaml: the data that ties labels and cover fields to concepts.

The file is validated once at load; every problem names the rule it is in.
"""

import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import MappingRulesError
from ..extract.model import CoverName, LabelKind, LabelSubject, StatementKind
from ..resources import resource_path
from ..text_cache import short_text_cache

_Name = TypeVar("_Name", bound=StrEnum)
_QNAME = re.compile(r"^[a-z][a-z0-9-]*:[A-Za-z_][A-Za-z0-9_]*$")
NOTE_REFERENCE = re.compile(r"\s*\((?:note|notes|see note)s?\b[^)]*\)", re.I)  # "(Note 13)", "(see Notes 4 and 5)"
_UNIT_NOTE = re.compile(r"\s*\((?:in )?(?:(?:u\.?s\.? )?dollars|thousands|millions|billions)(?: per share)?\)", re.I)
_LABEL_NOISE = (
    (re.compile(r"[\u2018\u2019`]"), "'"),
    (re.compile(r"[\u201c\u201d]"), '"'),
    (re.compile(r"[\u2013\u2014]"), "-"),
    (NOTE_REFERENCE, ""),
    (_UNIT_NOTE, ""),
    (re.compile(r"\s+"), " "),
    (re.compile(r"(?:\s*\((?:\d{1,2}|[a-z])\))+$|\s*\*+$|[\s:.,]+$", re.I), ""),
)


@short_text_cache(maxsize=16384)
def normalize_label(text: str) -> str:
    """Lower-case label with typographic quotes and dashes unified, notes and trailing marks gone.
    Cached: every rule asks it of a row's label, and a statement is drafted more than once."""
    t = text.strip()
    for pattern, replacement in _LABEL_NOISE:
        t = pattern.sub(replacement, t)
    return t.strip().lower()


# The opposite-sign reading a label prints beside its own in parentheses: "Net income (loss)",
# "Basic earnings/(loss)", "Provision for/(benefit from) income taxes", "(Increase) decrease in".
# It names the same line whatever the amount's sign, so a learned label does not depend on it. Only
# beside a word of the opposite sense: in "Interest (income)" the parentheses name the line itself.
_SIGN_WORDS = (
    r"income|loss(?:es)?|earnings|gains?|expenses?|benefits?|charges?|credits?|increase|decrease|deficit|profit"
)
_SIGN_ALTERNATE = re.compile(
    rf"\b({_SIGN_WORDS}|for|by|in)\s*/?\s*\((?:{_SIGN_WORDS}|benefit from|provision for|used in|provided by)\)"
    rf"|\((?:{_SIGN_WORDS}|used in|provided by)\)\s*/?\s*(?=(?:{_SIGN_WORDS}|used|provided)\b)"
)


def label_key(text: str) -> str:
    """A label reduced to its words, for looking up learned labels: punctuation does not count,
    nor do the amounts, rates and years a label states ("Cash dividends ($1.22 per share)" and
    "Cash dividends ($.96 per share)" are one line), nor the opposite-sign reading it prints in
    parentheses ("Basic earnings/(loss)" is "Basic earnings")."""
    text = _SIGN_ALTERNATE.sub(lambda m: m.group(1) or "", normalize_label(text))
    words = re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d)[,.](?=\d)", "", text.replace("&", " and ")))
    return " ".join(w for w in words if not any(ch.isdigit() for ch in w))


@dataclass(frozen=True)
class TaxonomyRef:
    prefix: str
    namespace: str
    schema: str
    deprecations: str | None = None  # a linkbase whose "deprecated" roles list retired concepts


@dataclass(frozen=True)
class LineItemRule:
    concepts: tuple[str, ...]
    statements: frozenset[StatementKind]
    sections: frozenset[str]  # row must sit in one of these (empty: anywhere)
    not_sections: frozenset[str]
    patterns: tuple[re.Pattern, ...]
    label: str | None  # the concept's standard label, when the rule gives it
    where: str  # "line_items[12]" for messages
    if_printed: tuple[re.Pattern, ...] = ()  # the filing prints a line like one of these
    unless_printed: tuple[re.Pattern, ...] = ()  # ...and none like these
    innermost: bool = False  # `sections` must name the row's innermost section, not any enclosing one
    within: frozenset[str] = frozenset()  # the row must sit in every one of these (besides `sections`)

    def matches(
        self,
        kind: StatementKind,
        label: str,
        sections: frozenset[str],
        printed: frozenset[str],
        inner: frozenset[str] | None = None,
    ) -> bool:
        """`printed`: the normalized labels of every statement line of the filing, for rules whose
        meaning depends on what else it prints ("Net income" beside "... attributable to
        noncontrolling interests" includes their share). `inner`: the sections of the row's
        innermost heading (a bare "Other" under "Accounts receivable:" inside "Current assets:" is
        another receivable, not another current asset)."""
        if self.statements and kind not in self.statements:
            return False
        within = inner if self.innermost and inner is not None else sections
        if self.sections and not (self.sections & within):
            return False
        if self.not_sections & sections or not self.within <= sections:
            return False
        if not any(p.search(label) for p in self.patterns):
            return False
        if self.if_printed and not any(p.search(line) for p in self.if_printed for line in printed):
            return False
        return not any(p.search(line) for p in self.unless_printed for line in printed)


@dataclass(frozen=True)
class LabelFactRule:
    subject: LabelSubject
    kind: LabelKind
    concept: str


@dataclass(frozen=True)
class CoverRule:
    field: CoverName
    concept: str
    label: str


@dataclass(frozen=True)
class CoverSecuritiesRule:
    """How a cover listing several securities is tagged: each class in its own context of `axis`,
    under a standard member when its title matches one (each used once), else one of the filer's."""

    table: str
    line_items: str
    axis: str
    domain: str
    members: tuple[tuple[str, tuple[re.Pattern, ...]], ...]  # (member qname, title patterns)

    def standard_member(self, title: str, taken: set[str]) -> str | None:
        text = normalize_label(title)
        return next(
            (q for q, patterns in self.members if q not in taken and any(p.search(text) for p in patterns)), None
        )


@dataclass(frozen=True)
class LearnedLabel:
    """A concept learned for a printed label, and how many distinct filers chose it (the evidence
    a mapping decision can cite: "learned label, N filers")."""

    concept: str
    filers: int


@dataclass(frozen=True)
class StatementRule:
    kind: StatementKind
    root: str
    order: int


SECTION_MEMO = 20_000


@dataclass(frozen=True)
class MappingRules:
    taxonomies: tuple[TaxonomyRef, ...]
    statements: tuple[StatementRule, ...]
    sections: tuple[tuple[str, tuple[re.Pattern, ...]], ...]
    cover: tuple[CoverRule, ...]
    cover_root: str
    dash_means_nil: frozenset[str]
    label_facts: tuple[LabelFactRule, ...]
    line_items: tuple[LineItemRule, ...]
    learned: dict[tuple[StatementKind, str], LearnedLabel] = field(default_factory=dict)  # by (kind, label key)
    deduction_labels: tuple[re.Pattern, ...] = ()
    not_deduction_labels: tuple[re.Pattern, ...] = ()
    asset_changes: tuple[re.Pattern, ...] = ()
    cash_flow_as_shown: frozenset[str] = frozenset()
    cover_securities: CoverSecuritiesRule | None = None

    def reads_as_deduction(self, label: str) -> bool:
        text = normalize_label(label)
        return any(p.search(text) for p in self.deduction_labels) and not any(
            p.search(text) for p in self.not_deduction_labels
        )

    def is_asset_change(self, label: str) -> bool:
        text = normalize_label(label)
        return any(p.search(text) for p in self.asset_changes)

    def learned_label(self, kind: StatementKind, label: str) -> LearnedLabel | None:
        return self.learned.get((kind, label_key(label)))

    def learned_concept(self, kind: StatementKind, label: str) -> str | None:
        learned = self.learned_label(kind, label)
        return learned.concept if learned else None

    def cover_rule(self, field_name: CoverName) -> CoverRule | None:
        return next((r for r in self.cover if r.field == field_name), None)

    def statement(self, kind: StatementKind) -> StatementRule | None:
        return next((s for s in self.statements if s.kind is kind), None)

    def line_items_for(self, kind: StatementKind) -> tuple[LineItemRule, ...]:
        """The line-item rules that may apply on a statement of `kind`, in their order."""
        return self._line_items_by_kind[kind]

    @functools.cached_property
    def _line_items_by_kind(self) -> dict[StatementKind, tuple[LineItemRule, ...]]:
        return {k: tuple(r for r in self.line_items if not r.statements or k in r.statements) for k in StatementKind}

    def section_names(self, headings: tuple[str, ...]) -> frozenset[str]:
        names: set[str] = set()
        for heading in headings:
            names.update(self._sections_named(heading))
        return frozenset(names)

    def _sections_named(self, heading: str) -> frozenset[str]:
        """The sections a heading names; remembered (up to SECTION_MEMO headings, for a long batch),
        as statements repeat their headings on every row."""
        found = self._section_memo.get(heading)
        if found is None:
            text = normalize_label(heading)
            found = frozenset(name for name, patterns in self.sections if any(p.search(text) for p in patterns))
            if len(self._section_memo) >= SECTION_MEMO:
                self._section_memo.clear()
            self._section_memo[heading] = found
        return found

    @functools.cached_property
    def _section_memo(self) -> dict[str, frozenset[str]]:
        return {}

    def standard_label(self, qname: str) -> str | None:
        return next((r.label for r in self.line_items if r.label and qname in r.concepts), None)

    def all_concepts(self) -> list[tuple[str, str]]:
        """(qname, where) of every concept the rules name, for checking against the taxonomy."""
        out = [(c, r.where) for r in self.line_items for c in r.concepts]
        out += [(r.concept, f"label_facts[{r.subject}/{r.kind}]") for r in self.label_facts]
        out += [(r.concept, f"cover[{r.field}]") for r in self.cover]
        out += [(s.root, f"statements[{s.kind.value}]") for s in self.statements]
        out += [(self.cover_root, "cover_root")]
        if self.cover_securities:
            c = self.cover_securities
            out += [(q, "cover_securities") for q in (c.table, c.line_items, c.axis, c.domain)]
            out += [(q, "cover_securities.members") for q, _ in c.members]
        out += [(e.concept, f"learned label '{key}'") for (_, key), e in self.learned.items()]
        out += [(q, "signs.cash_flow_as_shown") for q in self.cash_flow_as_shown]
        return out


def _fail(where: str, problem: str) -> MappingRulesError:
    return MappingRulesError(f"taxonomy_map.yaml, {where}: {problem}")


def _qname(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _QNAME.match(value):
        raise _fail(where, f"{value!r} is not a prefixed concept name like us-gaap:Revenues")
    return value


def _patterns(values: Any, where: str) -> tuple[re.Pattern, ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not values:
        raise _fail(where, "needs a non-empty list of label patterns")
    out = []
    for v in values:
        try:
            out.append(re.compile(str(v)))
        except re.error as exc:
            raise _fail(where, f"bad pattern {v!r}: {exc}") from exc
    return tuple(out)


def _named(enum: type[_Name], value: Any, where: str) -> _Name:
    """A name the extractor knows (a cover field, a label fact's subject or kind): a misspelled one
    would silently tag nothing, so it is an error at load."""
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(m.value for m in enum)
        raise _fail(where, f"unknown name {value!r} (known: {known})") from None


def _kinds(values: Any, where: str) -> frozenset[StatementKind]:
    try:
        return frozenset(StatementKind(v) for v in (values or []))
    except ValueError as exc:
        raise _fail(where, f"unknown statement kind ({exc})") from exc


def _line_item(i: int, entry: Any, section_names: set[str]) -> LineItemRule:
    where = f"line_items[{i}]"
    if not isinstance(entry, dict):
        raise _fail(where, "must be a mapping")
    unknown = set(entry) - {
        "concept",
        "in",
        "sections",
        "not_sections",
        "labels",
        "label",
        "if_printed",
        "unless_printed",
        "innermost",
        "within",
    }
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    concepts = entry.get("concept")
    concepts = concepts if isinstance(concepts, list) else [concepts]
    for key in ("sections", "not_sections", "within"):
        bad = set(entry.get(key) or []) - section_names
        if bad:
            raise _fail(where, f"{key} names undefined sections {sorted(bad)}")
    return LineItemRule(
        concepts=tuple(_qname(c, where) for c in concepts),
        statements=_kinds(entry.get("in"), where),
        sections=frozenset(entry.get("sections") or []),
        not_sections=frozenset(entry.get("not_sections") or []),
        patterns=_patterns(entry.get("labels"), where),
        label=entry.get("label"),
        where=where,
        if_printed=_patterns(entry["if_printed"], f"{where}.if_printed") if "if_printed" in entry else (),
        unless_printed=_patterns(entry["unless_printed"], f"{where}.unless_printed")
        if "unless_printed" in entry
        else (),
        innermost=bool(entry.get("innermost", False)),
        within=frozenset(entry.get("within") or []),
    )


def load_learned(path: Path) -> dict[tuple[StatementKind, str], LearnedLabel]:
    """Learned (statement kind, label key) -> concept and filer count (see tools/learn_labels.py)."""
    learned = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for n, line in enumerate(handle, 1):
            if line.startswith(("#", "statement\t")) or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or not parts[3].isdigit():
                raise MappingRulesError(f"{path.name}, line {n}: expected statement, label, concept, filers")
            try:
                kind = StatementKind(parts[0])
            except ValueError as exc:
                raise MappingRulesError(f"{path.name}, line {n}: unknown statement kind {parts[0]!r}") from exc
            learned[(kind, parts[1])] = LearnedLabel(_qname(parts[2], f"{path.name} line {n}"), int(parts[3]))
    return learned


def _cover_securities(entry: Any) -> CoverSecuritiesRule | None:
    if not entry:
        return None
    where = "cover_securities"
    members = tuple(
        (_qname(m["concept"], f"{where}.members[{i}]"), _patterns(m["labels"], f"{where}.members[{i}]"))
        for i, m in enumerate(entry.get("members") or [])
    )
    return CoverSecuritiesRule(
        *(_qname(entry[k], f"{where}.{k}") for k in ("table", "line_items", "axis", "domain")), members
    )


def parse_rules(data: Any) -> MappingRules:
    """Build MappingRules from parsed YAML, raising MappingRulesError on the first problem."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise _fail("top level", "expected a mapping with version: 1")
    taxonomies = tuple(
        TaxonomyRef(t["prefix"], t["namespace"], t["schema"], t.get("deprecations")) for t in data.get("taxonomies", [])
    )
    if not taxonomies:
        raise _fail("taxonomies", "at least one taxonomy is required")
    sections = tuple((name, _patterns(p, f"sections.{name}")) for name, p in (data.get("sections") or {}).items())
    statements = tuple(
        StatementRule(next(iter(_kinds([k], f"statements.{k}"))), _qname(v["root"], f"statements.{k}"), n)
        for n, (k, v) in enumerate((data.get("statements") or {}).items())
    )
    cover = tuple(
        CoverRule(_named(CoverName, field, f"cover.{field}"), _qname(v["concept"], f"cover.{field}"), str(v["label"]))
        for field, v in (data.get("cover") or {}).items()
    )
    label_facts = tuple(
        LabelFactRule(
            _named(LabelSubject, e["subject"], f"label_facts[{i}].subject"),
            _named(LabelKind, e["kind"], f"label_facts[{i}].kind"),
            _qname(e["concept"], f"label_facts[{i}]"),
        )
        for i, e in enumerate(data.get("label_facts") or [])
    )
    names = {n for n, _ in sections}
    learned = load_learned(resource_path(data["learned_labels"])) if data.get("learned_labels") else {}
    signs = data.get("signs") or {}
    return MappingRules(
        taxonomies=taxonomies,
        statements=statements,
        sections=sections,
        cover=cover,
        cover_root=_qname(data.get("cover_root"), "cover_root"),
        dash_means_nil=frozenset(_qname(q, "dash_means_nil") for q in data.get("dash_means_nil") or []),
        label_facts=label_facts,
        line_items=tuple(_line_item(i, e, names) for i, e in enumerate(data.get("line_items") or [])),
        learned=learned,
        deduction_labels=_patterns(signs.get("deduction_labels", []) or ["$^"], "signs.deduction_labels"),
        not_deduction_labels=_patterns(signs.get("not_deduction_labels", []) or ["$^"], "signs.not_deduction_labels"),
        asset_changes=_patterns(signs.get("asset_changes", []) or ["$^"], "signs.asset_changes"),
        cash_flow_as_shown=frozenset(
            _qname(q, "signs.cash_flow_as_shown") for q in signs.get("cash_flow_as_shown", [])
        ),
        cover_securities=_cover_securities(data.get("cover_securities")),
    )


def load_rules(path: Path | None = None) -> MappingRules:
    """Read taxonomy_map.yaml (the shipped one unless `path` is given); read again only when the
    file changed (a batch worker converts many filings with one set of rules)."""
    path = path or resource_path("taxonomy_map.yaml")
    try:
        changed = path.stat().st_mtime_ns
    except OSError as exc:
        raise MappingRulesError(f"cannot read mapping rules {path}: {exc}") from exc
    learned = resource_path("data/learned_labels.tsv")
    return _load_rules(path, changed, learned.stat().st_mtime_ns if learned.exists() else 0)


# libyaml's safe loader where PyYAML was built with it: ten times faster, the same documents
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=4)
def _load_rules(path: Path, changed: int, learned_changed: int) -> MappingRules:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise MappingRulesError(f"cannot read mapping rules {path}: {exc}") from exc
    try:
        return parse_rules(data)
    except (KeyError, TypeError) as exc:
        raise MappingRulesError(f"taxonomy_map.yaml is malformed: missing or wrong entry {exc}") from exc
