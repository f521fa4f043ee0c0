"""Check boxes of a cover page: the four 8-K provisions and "Emerging growth company".

A box is the mark printed before or after its phrase (or alone on the line above): ticked
(☒, [X], x...) or not (☐, |_|, ¨, o, a dash standing for a box...). A provision listed with no mark
at all is unticked; an emerging-growth line without a mark states nothing, so it gives no value.
"""

import re

from .cover_text import CoverText
from .model import CoverField, CoverName

_PROVISIONS = {
    CoverName.WRITTEN_COMMUNICATIONS: re.compile(r"written\s+communications\s+pursuant", re.I),
    CoverName.SOLICITING_MATERIAL: re.compile(r"soliciting\s+material\s+pursuant", re.I),
    CoverName.PRE_COMMENCEMENT_TENDER_OFFER: re.compile(
        r"pre-?\s*commencement\s+communications.{0,80}?14d-?2", re.I | re.S
    ),
    CoverName.PRE_COMMENCEMENT_ISSUER_TENDER_OFFER: re.compile(
        r"pre-?\s*commencement\s+communications.{0,80}?13e-?4", re.I | re.S
    ),
}
_BOX_GLYPHS = "\u2610\u2612\u2611\u25a1\u25fb\u00a8"
_EMERGING = re.compile(
    rf"(?:^|\t|\s{{2,}}|[{_BOX_GLYPHS}\]\|]\s*)emerging\s+growth\s+company\s*(?=$|\t|\s{{2,}}|[^\w\s,])", re.I
)
MARK = (
    r"(?:\[\s*[xX_ ]?\s*\]|\|[xX_ ]\||\([xX ]\)"
    r"|[\u2610\u2612\u2611\u25a1\u25fb\u25a0\u25a2\u2713\u2714\u00a8\u00fe\u00fdoqxX\-\u2022])"
)
_MARK_BEFORE = re.compile(rf"(?:^|\s){MARK}\s*$")
_MARK_AFTER = re.compile(rf"^\s*{MARK}(?=\s|$)")
TICKED = re.compile(r"[xX\u2612\u2611\u25a0\u2713\u2714\u00fe\u00fd]")


def _field(name: str, cover: CoverText, line: int, start: int, end: int) -> CoverField:
    mark = cover.lines[line][start:end].strip()
    offset = cover.lines[line].find(mark, start)
    value = "true" if TICKED.search(mark) else "false"
    return CoverField(name, value, cover.span(line, offset, offset + len(mark)), mark)


def _box(cover: CoverText, name: CoverName, line: int, start: int, end: int, unmarked: bool) -> CoverField | None:
    text = cover.lines[line]
    before = _MARK_BEFORE.search(text[:start])
    if before:
        return _field(name, cover, line, before.start(), before.end())
    after = _MARK_AFTER.search(text[end:])
    if after:
        return _field(name, cover, line, end + after.start(), end + after.end())
    if line > 0 and re.fullmatch(rf"\s*{MARK}\s*", cover.lines[line - 1]):
        return _field(name, cover, line - 1, 0, len(cover.lines[line - 1]))
    return CoverField(name, "false") if unmarked else None


def marked_box(cover: CoverText, name: CoverName, line: int, start: int, end: int) -> CoverField | None:
    """The box printed beside the phrase at `line`[start:end], or None when it has none."""
    return _box(cover, name, line, start, end, False)


def check_boxes(cover: CoverText) -> list[CoverField]:
    fields = []
    for name, pattern in _PROVISIONS.items():
        for i in range(len(cover.lines)):
            m = pattern.search(" ".join(cover.lines[i : i + 2]))
            if m and m.start() < len(cover.lines[i]):
                fields.append(_box(cover, name, i, m.start(), min(m.end(), len(cover.lines[i])), True))
                break
    for i, line in enumerate(cover.lines):
        m = _EMERGING.search(line)
        if m and len(line.strip()) < 80:
            start = line.lower().find("emerging", m.start())
            field = _box(
                cover, CoverName.EMERGING_GROWTH_COMPANY, i, start, start + len("emerging growth company"), False
            )
            if field:
                fields.append(field)
            break
    return [f for f in fields if f]
