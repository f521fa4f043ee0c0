"""Render stage: the fact model and the filing's text become iXBRL, XBRL and taxonomy files."""

from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..extract.model import LOW_CONFIDENCE, Extraction
from ..ingest.model import Submission
from ..mapping.model import FactModel
from ..resources import resource_path
from .body import document_blocks
from .review_view import ReviewView
from .segments import fact_segment, hidden_content
from .taxonomy import ARCROLES, LINKBASES, arcroles_used, label_view, links_view

__all__ = ["render_files", "render_review", "RenderedFiles"]


@dataclass(frozen=True)
class RenderedFiles:
    """File name -> content, and which of the files are entry points (iXBRL, XBRL instance)."""

    files: dict[str, bytes]
    entry_points: tuple[str, ...]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _render(template: str, **values) -> bytes:
    """A template's output in ASCII: EDGAR (EFM 5.2.1.1) refuses other bytes, so any other character
    is written as a numeric character reference ("\u2122" as "&#8482;"), the same text to XML."""
    text = _environment().get_template(template).render(**values)
    return (text if text.endswith("\n") else text + "\n").encode("ascii", "xmlcharrefreplace")


def render_ixbrl(model: FactModel, submission: Submission, extraction: Extraction) -> bytes:
    blocks, unplaced = document_blocks(submission, extraction.layouts, model.facts)
    hidden_facts = [f for f in model.facts if f.display.span is None] + unplaced
    hidden = [fact_segment(f, hidden_content(f)) for f in sorted(hidden_facts, key=lambda f: int(f.id[1:]))]
    return _render("ixbrl.xhtml.j2", model=model, blocks=blocks, hidden=hidden)


def render_files(
    model: FactModel, submission: Submission, extraction: Extraction, formats: frozenset[str]
) -> RenderedFiles:
    """The requested formats ('ixbrl', 'xbrl') plus the extension taxonomy files."""
    base = model.base_name
    files: dict[str, bytes] = {}
    entry_points = []
    if "ixbrl" in formats:
        files[f"{base}.htm"] = render_ixbrl(model, submission, extraction)
        entry_points.append(f"{base}.htm")
    if "xbrl" in formats:
        files[f"{base}.xml"] = _render("instance.xml.j2", model=model)
        entry_points.append(f"{base}.xml")
    uses_dtr = any(c.data_type.startswith("dtr-types:") for c in model.extension_concepts)
    files[f"{base}.xsd"] = _render("schema.xsd.j2", model=model, linkbases=LINKBASES, uses_dtr_types=uses_dtr)
    files[f"{base}_lab.xml"] = _render("linkbase_lab.xml.j2", concepts=label_view(model))
    for suffix, kind in LINKBASES[1:]:
        links = links_view(model, kind)
        files[f"{base}_{suffix}.xml"] = _render(
            "linkbase_arcs.xml.j2",
            links=links,
            kind=kind,
            arcrole=ARCROLES[kind],
            arcrole_refs=arcroles_used(links, ARCROLES[kind]),
        )
    return RenderedFiles(files, tuple(entry_points))


def render_review(view: ReviewView) -> bytes:
    """The review page: one self-contained HTML file (see templates/review.html.j2)."""
    return _render("review.html.j2", page=view, threshold=LOW_CONFIDENCE)
