"""What the extract stage found, laid out for a person to check: a JSON-ready dict and text lines.

Values are shown as printed and as read (scaled, with the sign as displayed; decimals as strings so
no float ever touches an amount). Every value carries its provenance: the document, the line of the
input file, and the table cell (grid row and column) it came from.
"""

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from ..ingest.model import SecHeader, Submission
from .model import LOW_CONFIDENCE, Amount, Extraction, LabelFact, Period, Span, StatementRow, StatementTable


def _period(period: Period | None) -> dict | None:
    if period is None:
        return None
    if period.is_instant:
        return {"instant": period.end.isoformat()}
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _decimal(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Where:
    """Turns spans into input-file positions."""

    def __init__(self, submission: Submission):
        self._documents = submission.documents

    def line(self, doc: int, line: int) -> int:
        return self._documents[doc].source_line(line)

    def span(self, span: Span) -> dict:
        return {"document": span.doc + 1, "line": self.line(span.doc, span.line)}


def _amount(amount: Amount, exponent: int, period: Period, cell: list[int], where: _Where) -> dict:
    return {
        "shown": amount.text,
        "value": None if amount.is_dash else _decimal(amount.signed.scaleb(exponent)),
        "nil_or_zero": amount.is_dash,
        "period": _period(period),
        **where.span(amount.span),
        "cell": cell,
    }


def _row(table: StatementTable, row: StatementRow, where: _Where) -> dict:
    exponent = table.exponent_of(row)
    values = [
        {"column": i} | _amount(v, exponent, row.period_in(col), [row.grid_row, col.grid_col], where)
        for i, (col, v) in enumerate(zip(table.columns, row.values, strict=True))
        if v is not None
    ]
    return {
        "label": row.label,
        "resolved_label": row.resolved_label if row.resolved_label != row.label else None,
        "kind": str(row.kind),
        "unit": str(row.unit_kind),
        "sections": list(row.sections),
        "balance_at": row.balance_at,
        "period": _period(row.period),
        "line": where.line(table.grid.doc, table.grid.rows[row.grid_row].line),
        "values": values,
    }


def _label_fact(fact: LabelFact, where: _Where) -> dict:
    return {
        "subject": fact.subject,
        "kind": fact.kind,
        "shown": fact.text,
        "value": _decimal(fact.value.scaleb(fact.exponent)),
        "unit": str(fact.unit_kind),
        "periods": [_period(p) for p in fact.periods],
        **({"positive_is": fact.tax_direction} if fact.tax_direction else {}),
        **where.span(fact.span),
    }


def _statement(table: StatementTable, where: _Where) -> dict:
    grid = table.grid
    scale = table.scale
    return {
        "table": table.id,
        "kind": str(table.kind),
        "name": table.name,
        "title": table.title,
        "document": grid.doc + 1,
        "lines": [where.line(grid.doc, grid.first_line), where.line(grid.doc, grid.last_line)],
        "scale": {
            "phrase": scale.phrase,
            "monetary": scale.monetary,
            "shares": scale.shares,
            "per_share": scale.per_share,
            "source": str(scale.source),
            "basis": scale.basis.text,
            "confidence": scale.basis.confidence,
        },
        "currency": table.currency,
        "columns": [
            {
                "column": c.grid_col,
                "header": c.header,
                "period": _period(c.period),
                "basis": c.basis.text,
                "confidence": c.basis.confidence,
            }
            for c in table.columns
        ],
        "rows": [_row(table, r, where) for r in table.rows],
        "label_facts": [_label_fact(f, where) for f in table.label_facts],
    }


def _present(values: dict) -> dict:
    """The fields that are present, nested records included, dates as ISO strings."""
    out = {}
    for key, value in values.items():
        if isinstance(value, dict):
            value = _present(value)
        elif isinstance(value, (list, tuple)):
            value = [_present(v) for v in value]
        elif isinstance(value, date):
            value = value.isoformat()
        if value:
            out[key] = value
    return out


def _header(header: SecHeader | None) -> dict | None:
    """The SEC header's fields that are present; `filer` is the company the outputs speak for."""
    return None if header is None else _present(asdict(header))


def review(submission: Submission, extraction: Extraction) -> dict:
    """The extraction as plain data (str, int, bool, None, lists, dicts), ready for json.dumps."""
    where = _Where(submission)
    header = submission.header
    return {
        "file": submission.path,
        "encoding": submission.encoding,
        "sec_header": _header(header),
        "documents": [
            {
                "document": d.index + 1,
                "type": d.doc_type,
                "filename": d.filename,
                "format": str(d.format),
                "first_line": d.first_line,
                "lines": len(d.lines),
            }
            for d in submission.documents
        ],
        "skipped_documents": list(submission.skipped),
        "cover": [
            {
                "field": f.name,
                "value": f.value,
                "origin": f.origin,
                **(where.span(f.span) if f.span else {}),
            }
            for f in extraction.cover.fields
        ],
        "statements": [_statement(t, where) for t in extraction.statements],
        "left_out": [
            {"part": lo.part.value, "what": lo.what, "reason": lo.reason, "where": lo.where}
            for lo in extraction.left_out
        ],
    }


def _scale_text(scale: dict) -> str:
    exponents = f"amounts x10^{scale['monetary']}, shares x10^{scale['shares']}, per share x10^{scale['per_share']}"
    return f"{scale['phrase']!r} ({exponents})" if scale["phrase"] else f"none stated ({exponents})"


def _period_of(data: dict | None) -> str:
    if data is None:
        return "-"
    return data.get("instant") or f"{data['start']}..{data['end']}"


def _statement_lines(s: dict) -> Iterator[str]:
    yield ""
    name = s["name"] or next(iter(s["title"].splitlines()), "")
    yield f"[{s['table']}] {s['kind']}: {name}"
    where = f"document {s['document']}, lines {s['lines'][0]}-{s['lines'][1]}"
    yield f"  {where}; scale {_scale_text(s['scale'])}, {s['currency']}"
    if s["scale"]["confidence"] < LOW_CONFIDENCE:
        yield f"    low confidence ({s['scale']['confidence']:.2f}): {s['scale']['basis']}"
    for i, c in enumerate(s["columns"]):
        yield f"  column {i}: {_period_of(c['period'])}  ({' '.join(c['header'].split())})"
        if c["confidence"] < LOW_CONFIDENCE:
            yield f"    low confidence ({c['confidence']:.2f}): {c['basis']}"
    width = len(s["columns"])
    for r in s["rows"]:
        cells = [""] * width
        for v in r["values"]:
            cells[v["column"]] = "--" if v["value"] is None else v["value"]
        own = f"  @{_period_of(r['period'])}" if r["period"] else ""
        mark = {"heading": "#", "total": "=", "item": " "}[r["kind"]]
        yield f"  {r['line']:>6} {mark} {r['label'][:50]:<50}{''.join(f'{c:>16}' for c in cells)}{own}".rstrip()
    for f in s["label_facts"]:
        periods = ", ".join(_period_of(p) for p in f["periods"])
        direction = f" (as printed; a positive amount: {f['positive_is']})" if "positive_is" in f else ""
        yield f"  {f['line']:>6} + {f['subject']} {f['kind']} = {f['value']} {f['unit']} at {periods}{direction}"


def review_lines(data: dict) -> Iterator[str]:
    """The review as text: documents, cover fields, then each statement with its rows."""
    docs = data["documents"]
    yield f"{data['file']}: {len(docs)} document(s), encoding {data['encoding']}"
    for d in docs:
        where = f"{d['lines']} lines from line {d['first_line']}"
        yield f"  document {d['document']}: {d['type'] or '-'} {d['format']}, {where}"
    yield "cover:"
    for f in data["cover"]:
        at = f"line {f['line']}" if "line" in f else f["origin"]
        yield f"  {f['field']:<36} {f['value']:<40} ({at})"
    yield f"statements: {len(data['statements'])}"
    for s in data["statements"]:
        yield from _statement_lines(s)
    if data["left_out"]:
        yield ""
        yield f"left out: {len(data['left_out'])}"
    for lo in data["left_out"]:
        yield f"  {lo['part']} {lo['what']}: {lo['reason']}" + (f" ({lo['where']})" if lo["where"] else "")
