"""Weave facts into text: a line or cell becomes segments of plain text, tagged facts and
references to hidden facts, nested where facts share their text (one number, several facts).
"""

from dataclasses import dataclass, field

from ..mapping.model import Fact

IX_TR4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"


@dataclass(frozen=True)
class Segment:
    """kind: 'text' (text), 'fact' (an ix element), 'ref' (a span pointing at a hidden fact)."""

    kind: str
    text: str = ""
    element: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    nil: bool = False
    children: tuple["Segment", ...] = field(default=())


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    fact: Fact
    as_reference: bool = False  # show a -sec-ix-hidden reference instead of the fact itself


def fact_attrs(fact: Fact) -> tuple[tuple[str, str], ...]:
    """Attributes of a fact's ix element, in a fixed order."""
    attrs = [("name", fact.concept.qname), ("contextRef", fact.context.id)]
    if fact.unit is not None:
        attrs.append(("unitRef", fact.unit.id))
    attrs.append(("id", fact.id))
    d = fact.display
    if fact.value is None:
        attrs.append(("xsi:nil", "true"))
        return tuple(attrs)
    if fact.is_numeric:
        attrs.append(("decimals", str(fact.decimals)))
        if not d.hidden:
            attrs.append(("scale", str(d.scale)))
    if d.format and not d.hidden:
        attrs.append(("format", d.format))
    if fact.is_numeric and fact.value < 0:
        attrs.append(("sign", "-"))
    return tuple(attrs)


def fact_segment(fact: Fact, children: tuple[Segment, ...]) -> Segment:
    element = "nonFraction" if fact.is_numeric else "nonNumeric"
    return Segment("fact", element=element, attrs=fact_attrs(fact), nil=fact.value is None, children=children)


def hidden_content(fact: Fact) -> tuple[Segment, ...]:
    """What a hidden fact holds: its value, unscaled and unsigned as XBRL numbers are written."""
    if fact.value is None:
        return ()
    text = fact.value_text()
    return (Segment("text", text=text.lstrip("-") if fact.is_numeric and text.startswith("-") else text),)


def nestable(anchors: list[Anchor]) -> tuple[list[Anchor], list[Anchor]]:
    """Split anchors into those that nest properly and those that cross another (kept apart)."""
    kept, crossing, open_ends = [], [], []
    for a in sorted(anchors, key=lambda a: (a.start, -a.end, a.fact.id)):
        while open_ends and open_ends[-1] <= a.start:
            open_ends.pop()
        if open_ends and a.end > open_ends[-1]:
            crossing.append(a)
            continue
        kept.append(a)
        open_ends.append(a.end)
    return kept, crossing


def _build(text: str, anchors: list[Anchor], lo: int, hi: int) -> tuple[Segment, ...]:
    out: list[Segment] = []
    pos, i = lo, 0
    while i < len(anchors):
        a = anchors[i]
        j = i + 1
        while j < len(anchors) and anchors[j].start < a.end:
            j += 1
        if pos < a.start:
            out.append(Segment("text", text=text[pos : a.start]))
        inner = _build(text, anchors[i + 1 : j], a.start, a.end)
        if a.as_reference:
            out.append(Segment("ref", text=a.fact.id, children=inner))
        elif a.fact.value is None:
            out.append(fact_segment(a.fact, ()))
            out.extend(inner)
        else:
            out.append(fact_segment(a.fact, inner))
        pos, i = a.end, j
    if pos < hi:
        out.append(Segment("text", text=text[pos:hi]))
    return tuple(out)


def weave(text: str, anchors: list[Anchor]) -> tuple[Segment, ...]:
    """Segments of `text` with every (properly nested) anchor wrapped around its characters."""
    if not anchors:  # most lines and cells
        return (Segment("text", text=text),) if text else ()
    return _build(text, sorted(anchors, key=lambda a: (a.start, -a.end, a.fact.id)), 0, len(text))
