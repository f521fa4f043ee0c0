"""Ingest stage: read a filing from disk into a `Submission` of normalized text documents."""

import html
import re
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .encoding import decode_bytes, normalize_text
from .html_text import html_to_text
from .model import DocumentFormat, SecHeader, SourceDocument, Submission
from .sgml import RawDocument, parse_header, split_documents

__all__ = ["read_submission", "parse_submission", "Submission", "SourceDocument", "SecHeader"]

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_HTML_MARK = re.compile(r"<(html|body|div|tr|td|p|br|font)\b[^>]*>", re.I)
_BINARY_TYPES = re.compile(r"^(GRAPHIC|ZIP|EXCEL|PDF|XML|JSON|EX-101\.|ZIP)", re.I)
_PEM = re.compile(r"\s*-----BEGIN PRIVACY-ENHANCED MESSAGE-----")
_UUENCODED = re.compile(r"^begin [0-7]{3} \S+", re.M)
_TAG = re.compile(r"</?([A-Za-z][\w:-]*)\b[^>]*>")
_WRAPPER_TAGS = {"html", "head", "title", "body", "div", "pre"}
_SGML_TABLE_TAGS = {"table", "caption", "s", "c", "fn", "page"}


def read_submission(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Submission:
    """Read and split a filing; raise InputError with a one-line reason when it cannot be read."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no such file: {p}")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{p.name} is {size // (1024 * 1024)} MB, over the {max_bytes // (1024 * 1024)} MB input limit "
            "(raise it with --max-input-mb)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror}") from exc
    return parse_submission(data, str(p))


def detect_format(text: str) -> DocumentFormat:
    """HTML when the text carries HTML block or table tags; SGML `<TABLE>/<S>/<C>` text stays TEXT."""
    return DocumentFormat.HTML if len(_HTML_MARK.findall(text[:200000])) >= 2 else DocumentFormat.TEXT


def unwrapped_text(text: str) -> str | None:
    """Plain text that HTML only wraps: a typed document whose sole HTML elements are a few
    html/body/div/pre wrappers around lines laid out in fixed width (SGML `<TABLE>/<S>/<C>` marks
    included). Its layout is its structure, so it is read as text, not reflowed as HTML; None when
    the markup does more than wrap."""
    wrappers = 0
    for m in _TAG.finditer(text):  # stops at the first tag that does more than wrap
        name = m[1].lower()
        if name in _WRAPPER_TAGS:
            wrappers += 1
        elif name not in _SGML_TABLE_TAGS:
            return None
        if wrappers > 2 * len(_WRAPPER_TAGS):
            return None
    if not wrappers:
        return None
    stripped = _TAG.sub(lambda m: "" if m[1].lower() in _WRAPPER_TAGS else m[0], text)
    return html.unescape(stripped) if stripped.count("\n") >= WRAPPED_TEXT_LINES else None


WRAPPED_TEXT_LINES = 20


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _to_document(index: int, raw: RawDocument, whole: str) -> SourceDocument:
    fmt = detect_format(raw.text)
    unwrapped = unwrapped_text(raw.text) if fmt is DocumentFormat.HTML else None
    if unwrapped is not None:
        raw, fmt = replace(raw, text=unwrapped), DocumentFormat.TEXT
    common = dict(
        index=index,
        format=fmt,
        first_line=_line_of(whole, raw.text_offset),
        doc_type=raw.doc_type,
        filename=raw.filename,
        description=raw.description,
    )
    if fmt is DocumentFormat.TEXT:
        return SourceDocument(lines=tuple(raw.text.split("\n")), **common)
    converted = html_to_text(raw.text)
    return SourceDocument(
        lines=tuple(converted.lines),
        origin_lines=tuple(converted.source_lines),
        tables=tuple(converted.tables),
        colspans=tuple(sorted(converted.colspans.items())),
        cell_blocks=tuple((line, cell, blocks) for (line, cell), blocks in sorted(converted.cell_blocks.items())),
        **common,
    )


def _is_binary_document(raw: RawDocument) -> bool:
    return bool(_BINARY_TYPES.match(raw.doc_type or "")) or bool(_UUENCODED.search(raw.text[:2000]))


def check_complete(text: str, name: str) -> None:
    """An SGML submission whose wrappers do not close was cut short (a partial download)."""
    for tag in ("SEC-DOCUMENT", "DOCUMENT", "TEXT"):
        # the tags found anywhere, then those opening a line counted: "^" in multiline mode
        # would make the search try every character of the file
        starts = (m.start() for m in re.finditer(rf"<{tag}>", text, re.I))
        opened = sum(1 for start in starts if start == 0 or text[start - 1] == "\n")
        closed = len(re.findall(rf"</{tag}>", text, re.I))
        if opened > closed:
            raise InputError(f"{Path(name).name} is truncated: <{tag}> opened {opened} time(s), closed {closed}")


def unstuff_dashes(text: str) -> str:
    """Undo RFC 934 dash-stuffing in PEM-wrapped submissions: the wrapper prefixed "- " to every line
    that began with "-", so "- - basic and diluted" was "- basic and diluted", 2 columns further left."""
    if not _PEM.match(text):
        return text
    return re.sub(r"^- (?=-)", "", text, flags=re.M)


def parse_submission(data: bytes, name: str = "<bytes>") -> Submission:
    """Decode bytes and split them into documents (one document when there are no SGML wrappers)."""
    text, encoding = decode_bytes(data)
    text = unstuff_dashes(normalize_text(text))
    check_complete(text, name)
    header = parse_header(text)
    raws = split_documents(text)
    skipped = tuple(r.doc_type or "?" for r in raws if _is_binary_document(r))
    kept = [r for r in raws if not _is_binary_document(r)]
    if raws and not kept:
        raise InputError(f"{Path(name).name} holds only binary documents ({', '.join(skipped)})")
    if not raws:
        kept = [RawDocument(header.form_type if header else None, None, None, None, text, 0)]
    documents = tuple(_to_document(i, r, text) for i, r in enumerate(kept))
    if not any(line.strip() for doc in documents for line in doc.lines):
        raise InputError(f"{Path(name).name} has no text in its documents")
    return Submission(path=name, encoding=encoding, header=header, documents=documents, skipped=skipped)
