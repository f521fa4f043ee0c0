"""Our own checks on the rendered filing, for EDGAR rules that Arelle's base validation does not cover.

Each rule is a small function yielding Findings with a stable code; its docstring names the rule.
They read only our own outputs, so they run anywhere (the SEC's EDGAR plugin is not redistributable).
"""

import re
from collections.abc import Iterator

from lxml import etree

from ..arelle_adapter import Finding
from ..mapping.model import STANDARD_LABEL, FactModel
from .recovery import concept_id

XHTML = "{http://www.w3.org/1999/xhtml}"
_FILE_NAME = re.compile(r"^[a-z0-9][a-zA-Z0-9_.\-]*\.(xsd|xml|htm)$")
_ALLOWED_FORMAT_NAMESPACES = {
    "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
    "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16",
    "http://www.sec.gov/inlineXBRL/transformation/2015-08-31",  # ixt-sec, the SEC's own
}
_DISALLOWED_TAGS = {"script", "iframe", "object", "embed", "applet", "form", "input", "frame", "frameset", "base"}
# external references; EDGAR documents may link to the SEC's own site
_EXTERNAL = re.compile(r"^\s*(?!https?://(?:www\.)?sec\.gov/)(https?:|ftp:|file:|//|javascript:)", re.I)


def file_names(names: list[str]) -> Iterator[Finding]:
    """EFM 5.2.1/6.3.2: file names are lower-case-led ASCII with an .htm, .xml or .xsd extension."""
    for name in names:
        if not _FILE_NAME.match(name):
            yield Finding("error", "xbrlconv.efm.fileName", f"file name {name!r} is not allowed by EDGAR")


def html_is_safe(root: etree._Element) -> Iterator[Finding]:
    """EFM 5.2.2: no active content (scripts, frames, forms, event handlers) and no external references."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = element.tag.rsplit("}", 1)[-1]
        if element.tag.startswith(XHTML) and local in _DISALLOWED_TAGS:
            message = f"<{local}> is not allowed in EDGAR HTML"
            yield Finding("error", "xbrlconv.efm.disallowedElement", message, line=element.sourceline or 0)
        for attr, value in element.attrib.items():
            if attr.lower().startswith("on"):
                message = f"attribute {attr} on <{local}> is not allowed"
                yield Finding("error", "xbrlconv.efm.eventHandler", message, line=element.sourceline or 0)
            if attr in ("href", "src") and element.tag.startswith(XHTML) and _EXTERNAL.match(value):
                message = f"<{local} {attr}={value!r}> is external"
                yield Finding("error", "xbrlconv.efm.externalReference", message, line=element.sourceline or 0)


def transformation_formats(root: etree._Element) -> Iterator[Finding]:
    """EFM 5.2.5.12: ix formats come from a transformation registry EDGAR accepts (TR4, TR5, ixt-sec)."""
    for element in root.iter("{http://www.xbrl.org/2013/inlineXBRL}*"):
        fmt = element.get("format")
        if not fmt:
            continue
        prefix = fmt.split(":", 1)[0] if ":" in fmt else None
        namespace = element.nsmap.get(prefix)
        if namespace not in _ALLOWED_FORMAT_NAMESPACES:
            message = f"format {fmt} is not from an accepted registry"
            yield Finding("error", "xbrlconv.efm.transformRegistry", message, line=element.sourceline or 0)


def labels_and_presentation(model: FactModel) -> Iterator[Finding]:
    """EFM 6.10.1 and 6.12.x: every concept used has an English standard label in the filing's own
    label linkbase, and every concept with facts appears in the presentation linkbase."""
    labelled = {q for q, role, _ in model.labels if role == STANDARD_LABEL}
    presented = {q for role in model.roles for arc in role.presentation for q in (arc.parent, arc.child)}
    for qname in sorted({f.concept.qname for f in model.facts} | presented):
        if qname not in labelled:
            message = f"{qname} has no standard label"
            yield Finding("error", "xbrlconv.efm.missingLabel", message, "", (concept_id(qname),))
    for qname in sorted({f.concept.qname for f in model.facts} - presented):
        message = f"{qname} has facts but no presentation relationship"
        yield Finding("error", "xbrlconv.efm.notPresented", message, "", (concept_id(qname),))


def unique_standard_labels(model: FactModel) -> Iterator[Finding]:
    """EFM 6.10.4: no two concepts share an English standard label."""
    seen: dict[str, str] = {}
    for qname, role, text in model.labels:
        if role != STANDARD_LABEL:
            continue
        if text in seen and seen[text] != qname:
            yield Finding("error", "xbrlconv.efm.duplicateLabel", f"{qname} and {seen[text]} share the label {text!r}")
        seen.setdefault(text, qname)


def trimmed_labels(model: FactModel) -> Iterator[Finding]:
    """EFM 6.10.8: a label is not empty and has no leading or trailing white space."""
    for qname, role, text in model.labels:
        if not text.strip() or text != text.strip():
            yield Finding("error", "xbrlconv.efm.labelWhiteSpace", f"{qname} has the label {text!r} ({role})")


def check_document(name: str, content: bytes) -> list[Finding]:
    """The rules above that read one file alone, any filer's: its name and, for HTML, its markup."""
    findings = list(file_names([name]))
    if name.lower().endswith((".htm", ".html", ".xhtml")):
        root = etree.fromstring(content)  # parsed once for both rules
        findings += list(html_is_safe(root)) + list(transformation_formats(root))
    return findings


def check_filing(model: FactModel, files: dict[str, bytes]) -> list[Finding]:
    """All of the rules above on one rendered filing."""
    findings = list(labels_and_presentation(model))
    findings += list(unique_standard_labels(model))
    findings += list(trimmed_labels(model))
    for name, content in sorted(files.items()):
        findings += check_document(name, content)
    return findings
