"""The questions a periodic report's cover answers with check marks: Yes/No questions (well-known
seasoned issuer, current reporting status...), the filer category boxes, the report-kind boxes
(annual, quarterly, transition) and single boxes (ICFR attestation, error corrections).

Only a mark answers: a question printed without marks, or with both or neither answer ticked,
gives no value (never a guess). Older covers print no such questions at all.
"""

import re

from .cover_checkboxes import MARK, TICKED, marked_box
from .cover_text import CoverText
from .model import CoverField, CoverName

_QUESTION_START = re.compile(r"\bindicate\s+by\s+check\s*mark\b", re.I)
# Yes/No questions: field, question, and the values a ticked Yes or No stands for.
_YES_NO = (
    (CoverName.WELL_KNOWN_SEASONED_ISSUER, re.compile(r"well-?\s*known\s+seasoned\s+issuer", re.I), ("Yes", "No")),
    (
        CoverName.VOLUNTARY_FILER,
        re.compile(
            r"not\s+required\s+to\s+file\s+reports\s+pursuant\s+to\s+section\s+13\s+or\s+(?:section\s+)?15", re.I
        ),
        ("Yes", "No"),
    ),
    (
        CoverName.CURRENT_REPORTING_STATUS,
        re.compile(r"\(1\)\s+(?:has\s+)?filed\s+all\s+reports\s+required", re.I),
        ("Yes", "No"),
    ),
    (
        CoverName.INTERACTIVE_DATA_CURRENT,
        re.compile(r"submitted\s+electronically\b.{0,60}?\bevery\s+interactive\s+data\s+file", re.I),
        ("Yes", "No"),
    ),
    (CoverName.SHELL_COMPANY, re.compile(r"\bshell\s+company\b", re.I), ("true", "false")),
)
_ANSWER = re.compile(
    rf"\byes\b\s*:?\s*(?P<yes_after>{MARK})\s*\bno\b\s*:?\s*(?P<no_after>{MARK})"
    rf"|(?P<yes_before>{MARK})\s*\byes\b\s*(?P<no_before>{MARK})\s*\bno\b",
    re.I,
)
_ANSWER_LINES = 3  # the answer sits on the question's line or just below it
# Single boxes after a question: ticked is true, an empty box false.
_SINGLE = (
    (CoverName.ICFR_AUDITOR_ATTESTATION, re.compile(r"filed\s+a\s+report\s+on\s+and\s+attestation\s+to", re.I)),
    (CoverName.ERROR_CORRECTION, re.compile(r"reflect\s+the\s+correction\s+of\s+an\s+error", re.I)),
)
_CATEGORIES = (
    ("Large Accelerated Filer", re.compile(r"\blarge\s+accelerated\s+filer\b", re.I)),
    ("Accelerated Filer", re.compile(r"(?<!large )(?<!non-)(?<!non )\baccelerated\s+filer\b", re.I)),
    ("Non-accelerated Filer", re.compile(r"\bnon-?\s*accelerated\s+filer\b", re.I)),
    ("Smaller Reporting Company", re.compile(r"\bsmaller\s+reporting\s+company\b", re.I)),
    ("Emerging Growth Company", re.compile(r"\bemerging\s+growth\s+company\b", re.I)),
)
# Boxes of the category question that are flags of their own, not the filer's category.
_FLAGS = {
    "Smaller Reporting Company": CoverName.SMALL_BUSINESS,
    "Emerging Growth Company": CoverName.EMERGING_GROWTH_COMPANY,
}
_CATEGORY_QUESTION = re.compile(r"large\s+accelerated\s+filer.{0,40}\baccelerated\s+filer", re.I)
_CATEGORY_LINES = 6
_REPORT_KINDS = (
    (CoverName.ANNUAL_REPORT, re.compile(r"\bannual\s+report\s+pursuant\s+to\s+section\s+13", re.I)),
    (CoverName.QUARTERLY_REPORT, re.compile(r"\bquarterly\s+report\s+pursuant\s+to\s+section\s+13", re.I)),
    (CoverName.TRANSITION_REPORT, re.compile(r"\btransition\s+report\s+pursuant\s+to\s+section\s+13", re.I)),
)
_LONE_MARK = re.compile(rf"\s*(?:{MARK})?\s*")
_COVER_LINES = 120


def _answer(cover: CoverText, name: CoverName, line: int, after: int, values: tuple[str, str]) -> CoverField | None:
    """The ticked answer of a Yes/No question found on `line` (from column `after`) or below it."""
    for j in range(line, min(line + _ANSWER_LINES, len(cover.lines))):
        if j > line and _QUESTION_START.search(cover.lines[j]):
            return None  # the next question: this one printed no answer
        text = cover.lines[j]
        start = after if j == line else 0
        m = _ANSWER.search(text, start)
        if not m:
            continue
        yes, no = ("yes_after", "no_after") if m["yes_after"] else ("yes_before", "no_before")
        ticked = [(g, v) for g, v in ((yes, values[0]), (no, values[1])) if TICKED.search(m[g])]
        if len(ticked) != 1:
            return None
        group, value = ticked[0]
        return CoverField(name, value, cover.span(j, m.start(group), m.end(group)), m[group])
    return None


def _yes_no(cover: CoverText, lines: range) -> list[CoverField]:
    fields = []
    for name, question, values in _YES_NO:
        for i in lines:
            m = question.search(cover.lines[i])
            if m and _QUESTION_START.search(cover.lines[i][: m.start()]):
                field = _answer(cover, name, i, m.end(), values)
                if field:
                    fields.append(field)
                break
    return fields


def _single_boxes(cover: CoverText, lines: range) -> list[CoverField]:
    fields = []
    for name, question in _SINGLE:
        for i in lines:
            m = question.search(cover.lines[i])
            if m:
                text = cover.lines[i].rstrip()
                end = re.search(rf"{MARK}$", text)
                if _ANSWER.search(text, m.end()):  # answered as a Yes/No question ("Yes ☒ No ☐")
                    answer = _answer(cover, name, i, m.end(), ("true", "false"))
                    fields += [answer] if answer else []
                elif end:
                    value = "true" if TICKED.search(end.group(0)) else "false"
                    fields.append(CoverField(name, value, cover.span(i, end.start(), end.end()), end.group(0)))
                break
    return fields


def _category_marks(text: str) -> dict[str, str]:
    """Each category phrase on a line with its mark: the one after it when the line's first phrase
    has a mark after it ("Large accelerated filer ☒  Accelerated filer ☐"), else the one before."""
    found = sorted((m.start(), m.end(), value) for value, pattern in _CATEGORIES for m in pattern.finditer(text))
    if not found:
        return {}
    bounds = [0] + [end for _, end, _ in found]
    starts = [start for start, _, _ in found] + [len(text)]
    after = [re.match(rf"\s*({MARK})(?=\s|$)", text[end : starts[k + 1]]) for k, (_, end, _) in enumerate(found)]
    if after[0]:
        return {value: m.group(1) for (_, _, value), m in zip(found, after, strict=True) if m}
    before = [re.search(rf"(?:^|\s)({MARK})\s*$", text[bounds[k] : start]) for k, (start, _, _) in enumerate(found)]
    return {value: m.group(1) for (_, _, value), m in zip(found, before, strict=True) if m}


def _filer_category(cover: CoverText, lines: range) -> list[CoverField]:
    question = next((i for i in lines if _CATEGORY_QUESTION.search(cover.lines[i])), None)
    if question is None:
        return []
    marks: dict[str, tuple[int, str]] = {}
    for i in range(question + 1, min(question + 1 + _CATEGORY_LINES, len(cover.lines))):
        if _QUESTION_START.search(cover.lines[i]):
            break
        for value, mark in _category_marks(cover.lines[i]).items():
            marks.setdefault(value, (i, mark))
    if not marks:
        return _category_grid(cover, question)
    fields = []
    ticked = [v for v, (_, mark) in marks.items() if TICKED.search(mark) and v not in _FLAGS]
    if len(ticked) == 1:
        line, mark = marks[ticked[0]]
        fields.append(CoverField(CoverName.FILER_CATEGORY, ticked[0], _span_of(cover, line, mark), mark))
    for category, name in _FLAGS.items():
        if category in marks:
            line, mark = marks[category]
            value = "true" if TICKED.search(mark) else "false"
            fields.append(CoverField(name, value, _span_of(cover, line, mark), mark))
    return fields


def _category_grid(cover: CoverText, question: int) -> list[CoverField]:
    """A combined filing prints the categories as column headings over a row of marks for each
    registrant (Spire's "Large accelerated filer  Accelerated filer ..." over "Spire Inc.  X" and
    its subsidiaries' rows): the first registrant's row, the one the cover's other answers are
    read from, answers for the filer, when it ticks exactly one category; its empty cells under
    the smaller-reporting and emerging-growth headings are unticked boxes."""
    for h in range(question + 1, min(question + 1 + _CATEGORY_LINES, len(cover.lines))):
        headings = {s.col: value for s in cover.segments(h) if s.col is not None for value in _categories_of(s.text)}
        if len(headings) < 3:
            continue
        row = next((j for j in range(h + 1, min(h + 3, len(cover.lines))) if cover.lines[j].strip()), None)
        if row is None or not any(first <= h and row <= last for first, last in cover.doc.tables):
            return []  # the marks must stand in the headings' table, under them
        marks = [s for s in cover.segments(row) if s.col in headings and re.fullmatch(MARK, s.text)]
        ticked = [s for s in marks if TICKED.search(s.text)]
        categories = [headings[s.col] for s in ticked if headings[s.col] not in _FLAGS]
        if len(categories) != 1:
            return []
        (mark,) = [s for s in ticked if headings[s.col] == categories[0]]
        fields = [CoverField(CoverName.FILER_CATEGORY, categories[0], cover.span(row, mark.start, mark.end), mark.text)]
        for category, name in _FLAGS.items():
            if category in headings.values():
                flag = next((s for s in ticked if headings[s.col] == category), None)
                span = cover.span(row, flag.start, flag.end) if flag else None
                fields.append(CoverField(name, "true" if flag else "false", span, flag.text if flag else None))
        return fields
    return []


def _categories_of(text: str) -> list[str]:
    """The category a column heading names, when it names exactly one."""
    found = [value for value, pattern in _CATEGORIES if pattern.fullmatch(text.strip())]
    return found if len(found) == 1 else []


def _span_of(cover: CoverText, line: int, mark: str):
    start = cover.lines[line].find(mark)
    return cover.span(line, start, start + len(mark)) if start >= 0 else None


def _report_kinds(cover: CoverText, lines: range) -> list[CoverField]:
    fields = []
    for name, pattern in _REPORT_KINDS:
        for i in lines:
            m = pattern.search(cover.lines[i])
            if m and _LONE_MARK.fullmatch(cover.lines[i][: m.start()]):  # a heading, not a sentence
                field = marked_box(cover, name, i, m.start(), m.end())
                if field:
                    fields.append(field)
                break
    return fields


def cover_questions(cover: CoverText) -> list[CoverField]:
    """The check-mark answers of the cover's first lines."""
    lines = range(min(_COVER_LINES, len(cover.lines)))
    return [
        *_report_kinds(cover, lines),
        *_yes_no(cover, lines),
        *_filer_category(cover, lines),
        *_single_boxes(cover, lines),
    ]
