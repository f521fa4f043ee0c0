"""Views of the extension taxonomy for the schema and linkbase templates."""

from collections import defaultdict
from dataclasses import dataclass

from ..mapping.model import Arc, FactModel, Role

LINKBASES = (("lab", "label"), ("pre", "presentation"), ("cal", "calculation"), ("def", "definition"))
ARCROLES = {
    "presentation": "http://www.xbrl.org/2003/arcrole/parent-child",
    "calculation": "http://www.xbrl.org/2003/arcrole/summation-item",
    "definition": "http://xbrl.org/int/dim/arcrole/domain-member",
}


_ROLE_ARCS = {"presentation": "presentation", "calculation": "calculation", "definition": "definition_arcs"}
XDT_ARCROLES = {
    f"http://xbrl.org/int/dim/arcrole/{name}"
    for name in ("all", "notAll", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member")
}


@dataclass(frozen=True)
class LabelledConcept:
    loc: str
    href: str
    labels: tuple[tuple[str, str], ...]  # (role, text)


@dataclass(frozen=True)
class Link:
    role_uri: str
    role_href: str
    locators: tuple[tuple[str, str], ...]  # (label, href)
    arcs: tuple[Arc, ...]  # parent/child given as locator labels


def _loc(qname: str) -> str:
    return "loc_" + qname.replace(":", "_")


class Hrefs:
    """Where each concept is defined, for locators."""

    def __init__(self, model: FactModel) -> None:
        self.base = model.base_name
        self.prefix = model.prefix
        url_by_ns = dict(model.schema_imports)
        self.url_by_prefix = {p: url_by_ns.get(ns, "") for p, ns in model.namespaces}

    def __call__(self, qname: str) -> str:
        prefix, name = qname.split(":", 1)
        doc = f"{self.base}.xsd" if prefix == self.prefix else self.url_by_prefix[prefix]
        return f"{doc}#{prefix}_{name}"


def label_view(model: FactModel) -> list[LabelledConcept]:
    href = Hrefs(model)
    by_concept: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for qname, role, text in model.labels:
        by_concept[qname].append((role, text))
    return [LabelledConcept(_loc(q), href(q), tuple(sorted(labels))) for q, labels in sorted(by_concept.items())]


def _child_loc(arc: Arc) -> str:
    """A dimension's default is its domain again: a locator of its own keeps the two arcs from
    the axis to the domain (dimension-domain, dimension-default) apart."""
    suffix = "_default" if (arc.arcrole or "").endswith("/dimension-default") else ""
    return _loc(arc.child) + suffix


def _link(model: FactModel, role: Role, arcs: tuple[Arc, ...], href: Hrefs) -> Link:
    ends = dict.fromkeys(end for a in arcs for end in ((_loc(a.parent), a.parent), (_child_loc(a), a.child)))
    locators = tuple((label, href(q)) for label, q in ends)
    renamed = tuple(Arc(_loc(a.parent), _child_loc(a), a.order, a.weight, a.preferred_label, a.arcrole) for a in arcs)
    return Link(role.uri, f"{model.base_name}.xsd#{role.id}", locators, renamed)


def arcroles_used(links: list[Link], default: str) -> list[tuple[str, str]]:
    """(arcrole URI, where it is defined) of the XDT arcroles the links use: XBRL 2.1 wants an
    arcroleRef for each arcrole it does not define itself."""
    uris = sorted({a.arcrole or default for link in links for a in link.arcs} & set(XDT_ARCROLES))
    return [(uri, f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{uri.rsplit('/', 1)[1]}") for uri in uris]


def links_view(model: FactModel, kind: str) -> list[Link]:
    """One extended link per role that has arcs of this kind.

    A linkbase with no arcs of its kind (no dimensions, or no totals to calculate) holds one empty
    link, so that it is still a typed linkbase (EFM 6.3.3 rejects a linkbase without a link).
    """
    href = Hrefs(model)
    links = []
    for role in model.roles:
        arcs = getattr(role, _ROLE_ARCS[kind])
        if arcs:
            links.append(_link(model, role, arcs, href))
    if not links and model.roles:
        first = model.roles[0]
        links.append(Link(first.uri, f"{model.base_name}.xsd#{first.id}", (), ()))
    return links
