"""A reviewer's corrections, kept in a YAML file and applied on every conversion of a filing.

    rows:
      - label: Revenue                  # the printed label (case and spacing aside), or
        pattern: '^net (loss|income)'   # a regular expression searched in it (case aside)
        statement: income_statement     # optional: only on statements of this kind
        concept: us-gaap:Revenues       # a standard concept, or
        extension: Grant revenue        # a new extension concept with this label
        sign: reversed                  # store the opposite of the printed sign (or: printed)
      - label: Other
        untagged: true                  # leave the row untagged
    columns:
      - header: Six Months Ended September 30, 2006   # or pattern:, and optionally statement:
        period: {start: 2006-04-01, end: 2006-09-30}  # or an instant: period: 2006-09-30

The file is checked whole when it is loaded; each error names its line. An override decides
with full confidence, and the review page lists every override with what it matched.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import yaml

from ..errors import OptionError
from .model import Column, Period, StatementKind, StatementRow, StatementTable

_STATEMENTS = ", ".join(k.value for k in StatementKind if k is not StatementKind.OTHER)
_QNAME = re.compile(r"^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$")


class OverridesError(OptionError):
    """The overrides file cannot be read, or says something it cannot mean; the message names the line."""


class Sign(StrEnum):
    PRINTED = "printed"  # the stored value has the sign the filing prints
    REVERSED = "reversed"  # the stored value is the opposite of what the filing prints

    @property
    def flip(self) -> int:
        return 1 if self is Sign.PRINTED else -1


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip(":").casefold()


@dataclass(frozen=True)
class TextMatch:
    """Which printed labels (or column headings) an override is for."""

    exact: str | None = None  # compared without case and extra spaces
    pattern: re.Pattern | None = None
    statement: StatementKind | None = None
    written: str = ""  # the label or pattern as the file writes it

    def matches(self, kind: StatementKind, *texts: str) -> bool:
        if self.statement is not None and kind is not self.statement:
            return False
        plain = [_plain(t) for t in texts if t]
        if self.pattern is not None:
            return any(self.pattern.search(t) for t in plain)
        return self.exact in plain

    def describe(self) -> str:
        what = f"'{self.written}'" if self.exact is not None else f"matching /{self.written}/"
        return what + (f" on the {self.statement.value.replace('_', ' ')}" if self.statement else "")


@dataclass(frozen=True)
class RowOverride:
    line: int
    match: TextMatch
    concept: str | None = None  # a standard concept's qname
    extension: str | None = None  # the label of a new extension concept
    sign: Sign | None = None
    untagged: bool = False

    def describe(self) -> str:
        actions = [
            f"concept {self.concept}" if self.concept else "",
            f"new extension concept '{self.extension}'" if self.extension else "",
            f"sign {self.sign.value}" if self.sign else "",
            "left untagged" if self.untagged else "",
        ]
        return f"rows {self.match.describe()}: " + ", ".join(a for a in actions if a)


@dataclass(frozen=True)
class ColumnOverride:
    line: int
    match: TextMatch
    period: Period

    def describe(self) -> str:
        period = f"{self.period.end}" if self.period.is_instant else f"{self.period.start} to {self.period.end}"
        return f"columns {self.match.describe()}: period {period}"


@dataclass(frozen=True)
class Overrides:
    name: str = ""  # the file's name, as the reasons of what it decides cite it
    rows: tuple[RowOverride, ...] = ()
    columns: tuple[ColumnOverride, ...] = ()

    def where(self, line: int) -> str:
        return f"{self.name} line {line}"

    def for_row(self, kind: StatementKind, row: StatementRow) -> RowOverride | None:
        """The first override for this printed row, if any."""
        return next((o for o in self.rows if o.match.matches(kind, row.label, row.resolved_label)), None)

    def for_column(self, kind: StatementKind, column: Column) -> ColumnOverride | None:
        return next((o for o in self.columns if o.match.matches(kind, column.header)), None)


NO_OVERRIDES = Overrides()


@dataclass(frozen=True)
class OverrideUse:
    """One override of the file, and the rows or columns of the filing it applied to."""

    line: int
    text: str
    applied: tuple[str, ...]


def override_uses(overrides: Overrides, statements: tuple[StatementTable, ...]) -> tuple[OverrideUse, ...]:
    """What each override matched among the statements (none: it is a warning)."""
    uses = []
    for o in overrides.rows:
        applied = tuple(
            f"row '{' '.join(r.label.split())}' of {t.name or t.kind.value} ({t.id})"
            for t in statements
            for r in t.rows
            if r.has_values and overrides.for_row(t.kind, r) is o
        )
        uses.append(OverrideUse(o.line, o.describe(), applied))
    for c in overrides.columns:
        applied = tuple(
            f"column '{' '.join(col.header.split())}' of {t.name or t.kind.value} ({t.id})"
            for t in statements
            for col in t.columns
            if col.override == c.line
        )
        uses.append(OverrideUse(c.line, c.describe(), applied))
    return tuple(sorted(uses, key=lambda u: u.line))


# ---------------------------------------------------------------------------------------- loading
class _Reader:
    """Turns the YAML node tree into overrides, every error naming the file and line."""

    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, node: yaml.Node, problem: str) -> OverridesError:
        return OverridesError(f"{self.name} line {node.start_mark.line + 1}: {problem}")

    def mapping(self, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping (key: value lines)")
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            if name not in allowed:
                raise self.error(key, f"unknown key '{name}' in {what} (expected one of: {', '.join(allowed)})")
            if name in out:
                raise self.error(key, f"'{name}' is given twice")
            out[name] = value
        return out

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.error(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def day(self, node: yaml.Node, what: str) -> date:
        try:
            return date.fromisoformat(self.text(node, what))
        except ValueError:
            raise self.error(node, f"{what} must be a date written YYYY-MM-DD, not '{node.value}'") from None

    def match(self, node: yaml.Node, fields: dict[str, yaml.Node], exact_key: str) -> TextMatch:
        if (exact_key in fields) == ("pattern" in fields):
            raise self.error(node, f"give either '{exact_key}' or 'pattern'")
        statement = None
        if "statement" in fields:
            value = self.text(fields["statement"], "statement")
            try:
                statement = StatementKind(value)
            except ValueError:
                raise self.error(fields["statement"], f"unknown statement '{value}' (one of: {_STATEMENTS})") from None
            if statement is StatementKind.OTHER:
                raise self.error(fields["statement"], f"unknown statement '{value}' (one of: {_STATEMENTS})")
        if exact_key in fields:
            written = self.text(fields[exact_key], exact_key)
            return TextMatch(exact=_plain(written), statement=statement, written=written)
        source = self.text(fields["pattern"], "pattern")
        try:
            return TextMatch(pattern=re.compile(source, re.IGNORECASE), statement=statement, written=source)
        except re.error as exc:
            raise self.error(fields["pattern"], f"pattern is not a regular expression: {exc}") from None

    def row(self, node: yaml.Node) -> RowOverride:
        keys = ("label", "pattern", "statement", "concept", "extension", "sign", "untagged")
        fields = self.mapping(node, keys, "a row override")
        match = self.match(node, fields, "label")
        concept = self.text(fields["concept"], "concept") if "concept" in fields else None
        if concept is not None and not _QNAME.match(concept):
            raise self.error(fields["concept"], f"concept must be prefix:Name, like us-gaap:Revenues, not '{concept}'")
        extension = self.text(fields["extension"], "extension") if "extension" in fields else None
        if concept and extension:
            raise self.error(node, "give either 'concept' or 'extension', not both")
        sign = None
        if "sign" in fields:
            value = self.text(fields["sign"], "sign")
            if value not in {s.value for s in Sign}:
                raise self.error(fields["sign"], f"sign must be 'printed' or 'reversed', not '{value}'")
            sign = Sign(value)
        untagged = False
        if "untagged" in fields:
            if fields["untagged"].tag != "tag:yaml.org,2002:bool":
                raise self.error(fields["untagged"], "untagged must be true or false")
            untagged = fields["untagged"].value.lower() in ("true", "yes", "on")
        if untagged and (concept or extension or sign):
            raise self.error(node, "a row left untagged takes no concept, extension or sign")
        if not (concept or extension or sign or untagged):
            raise self.error(node, "the override changes nothing: give concept, extension, sign or untagged")
        return RowOverride(node.start_mark.line + 1, match, concept, extension, sign, untagged)

    def period(self, node: yaml.Node) -> Period:
        if isinstance(node, yaml.ScalarNode):
            return Period(end=self.day(node, "period"))
        fields = self.mapping(node, ("start", "end"), "a period")
        if set(fields) != {"start", "end"}:
            raise self.error(node, "a period is a date (an instant) or both start and end")
        start, end = self.day(fields["start"], "start"), self.day(fields["end"], "end")
        if start > end:
            raise self.error(node, f"the period starts ({start}) after it ends ({end})")
        return Period(end=end, start=start)

    def column(self, node: yaml.Node) -> ColumnOverride:
        fields = self.mapping(node, ("header", "pattern", "statement", "period"), "a column override")
        match = self.match(node, fields, "header")
        if "period" not in fields:
            raise self.error(node, "a column override needs a period")
        return ColumnOverride(node.start_mark.line + 1, match, self.period(fields["period"]))

    def entries(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"'{what}' must be a list ('- ' entries)")
        return node.value


def load_overrides(path: Path) -> Overrides:
    """Read and check an overrides file; OverridesError names the line of the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverridesError(f"cannot read the overrides file {path}: {exc}") from None
    reader = _Reader(path.name)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise OverridesError(f"{path.name}{where}: not YAML: {getattr(exc, 'problem', exc)}") from None
    if root is None:
        raise OverridesError(f"{path.name}: the file is empty: give 'rows:' or 'columns:' overrides")
    fields = reader.mapping(root, ("rows", "columns"), "the file")
    rows = tuple(reader.row(n) for n in reader.entries(fields["rows"], "rows")) if "rows" in fields else ()
    columns = (
        tuple(reader.column(n) for n in reader.entries(fields["columns"], "columns")) if "columns" in fields else ()
    )
    return Overrides(path.name, rows, columns)
