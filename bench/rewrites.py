"""Rewrites of a filing that must not change a single fact: the same statements as other filers,
editors and EDGAR agents type them (tabs for spaces, no SGML table tags, other indentation, capitals,
HTML written another way). bench/invariance.py converts each corpus filing and its rewrites and
counts what changed; the tests use some of them on fixtures.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

TAB_STOP = 8
_DOCUMENT = re.compile(r"(?i)(?=<DOCUMENT>)")
_HTML = re.compile(r"(?i)<html|<table\s")


class Applies(StrEnum):
    TEXT = "plain-text documents"
    HTML = "HTML files"


@dataclass(frozen=True)
class Rewrite:
    name: str
    applies: Applies
    rewrite: Callable[[str], str]


def typed_with_tabs(text: str) -> str:
    """As an editor saving with tabs writes it (`unexpand -a`): every run of two or more blanks
    that reaches a tab stop becomes a tab. Lines with tabs already stay as they are (their tabs
    may separate cells rather than reach stops)."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            out.append(line)
            continue
        stops = [line[i : i + TAB_STOP] for i in range(0, len(line), TAB_STOP)]
        out.append("".join(s.rstrip(" ") + "\t" if len(s) == TAB_STOP and s.endswith("  ") else s for s in stops))
    return "\n".join(out)


def table_tags_blanked(text: str) -> str:
    """As a filer who types no SGML table markup lays it out: each <TABLE>, <CAPTION> and <S>/<C>
    line a blank line, the page otherwise as it was."""
    return re.sub(r"(?im)^[ \t]*(?:(?:</?(?:TABLE|CAPTION)>|<[SC]>)[ \t]*)+$", "", text)


def indented(text: str) -> str:
    """Every line four columns to the right (tabs expanded first, so columns stay aligned), the
    <S>/<C> marks with them; SGML tag lines stay at the margin."""
    text = "\n".join(line.expandtabs(TAB_STOP) for line in text.split("\n"))
    return re.sub(r"(?m)^(?=.)(?![ \t]*<(?![SC]>))", "    ", text)


def in_capitals(text: str) -> str:
    """All words in capitals, as some filers type whole statements; tags and entities kept."""
    return re.sub(r"(<[^>]*>|&#?\w+;)|([^<&]+|&)", lambda m: m.group(1) or m.group(2).upper(), text)


def crlf(text: str) -> str:
    """DOS line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def html_upper_tags(text: str) -> str:
    """Tag names in capitals (<TD>, <TABLE>), as 1990s HTML writers made them."""
    return re.sub(r"</?([a-zA-Z][a-zA-Z0-9]*)", lambda m: m.group(0).upper(), text)


def html_without_font(text: str) -> str:
    """<font> tags gone: they style text, they do not structure it."""
    return re.sub(r"(?i)</?font\b[^>]*>", "", text)


def html_numeric_entities(text: str) -> str:
    """Non-breaking spaces as numeric references."""
    return text.replace("&nbsp;", "&#xa0;").replace("&#160;", "&#xa0;")


def html_header_cells(text: str) -> str:
    """Every cell a <th>, as some filers mark their tables."""
    return re.sub(r"(?i)<(/?)td\b", r"<\1th", text)


def html_wrapped_in_divs(text: str) -> str:
    """The body's content inside two more <div>s."""
    text = re.sub(r"(?i)(<body\b[^>]*>)", r'\1<div><div style="margin:0">', text, count=1)
    return re.sub(r"(?i)(</body>)", r"</div></div>\1", text, count=1)


def _split_cell(match: re.Match) -> str:
    inner = match.group(2)
    if "<" in inner or len(inner.strip()) < 8:
        return match.group(0)
    half = len(inner) // 2
    entity = inner.rfind("&", 0, half)
    if entity >= 0 and ";" not in inner[entity:half]:
        half = entity  # never inside an entity
    return f"{match.group(1)}<span>{inner[:half]}</span><span>{inner[half:]}</span>{match.group(3)}"


def html_split_spans(text: str) -> str:
    """A cell's text in two <span>s split mid-word, as inline XBRL tools write it."""
    return re.sub(r"(?is)(<td\b[^>]*>)([^<]+)(</td>)", _split_cell, text)


def html_minus_signs(text: str) -> str:
    """Negative amounts with a minus sign instead of parentheses: "-1,234" for "(1,234)" (where the
    parentheses stand in one text node; "(1)", a footnote's mark, stays)."""
    return re.sub(r">(\s*(?:\$\s*)?)\((\d[\d,]+(?:\.\d+)?)\)(\s*)<", r">\1-\2\3<", text)


_DASH = r"(?:&#8212;|&#x2014;|&mdash;|\u2014|-{1,2})"


def html_zero_for_dash(text: str) -> str:
    """A zero printed as 0 instead of a dash (a text node holding only the dash)."""
    return re.sub(rf">(\s*(?:\$\s*)?){_DASH}(\s*)<", r">\g<1>0\2<", text)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_CHUNK_END = r"(?=  |\t|\r?\n|$)"  # where a fixed-width chunk ends: two blanks, a tab, the line's end


def _same_width(match: re.Match, replacement: str) -> str:
    """`replacement` padded with blanks where the replaced text ended, so that the columns after
    it stay where they were (a no-op for HTML, where blanks collapse)."""
    return replacement + match.group("rest") + " " * max(0, len(match.group("old")) - len(replacement))


def _abbreviation(name: str) -> str:
    if len(name) <= 4:
        return name  # May, June, July stay whole
    cut = "Sept" if name.lower() == "september" else name[:3]
    return f"{cut.upper() if name.isupper() else cut}."


def months_abbreviated(text: str) -> str:
    """Month names abbreviated ("Dec. 31, 2023", "Sept. 30"), as many tables head their columns;
    the text after them keeps its columns."""
    pattern = rf"(?P<old>\b(?:{'|'.join(_MONTHS)})\b)(?P<rest>[ ]\d[^\n\t]*?){_CHUNK_END}"
    return re.sub(pattern, lambda m: _same_width(m, _abbreviation(m.group("old"))), text, flags=re.I)


_SCALE_SPELLINGS = (
    (r"\((?:dollars\s+|\$\s*)?in\s+millions\)", "(Millions)"),
    (r"\((?:dollars\s+|\$\s*)?in\s+thousands\)", "(In 000s)"),
)


def scale_respelled(text: str) -> str:
    """Scale words spelled another way, no wider: "(Millions)" for "(In millions)", "(In 000s)" for
    "(In thousands)"; the text after them keeps its columns."""
    for pattern, spelling in _SCALE_SPELLINGS:
        text = re.sub(f"(?P<old>{pattern})(?P<rest>)", lambda m, s=spelling: _same_width(m, s), text, flags=re.I)
    return text


def dollar_signs_against_numbers(text: str) -> str:
    """Dollar signs typed against their numbers ("   $1,234" for "$   1,234"), the digits where
    they were."""
    return re.sub(r"\$([ ]+)(?=\(?\d)", lambda m: m.group(1) + "$", text)


def text_minus_signs(text: str) -> str:
    """Negative amounts typed with a minus sign (" -1,234" for "(1,234)"), as wide as before, the
    number's right edge where the parenthesis was; "(12)", maybe a note's number, stays."""
    return re.sub(r"(?<![\w(])\((\$?)(\d{1,3}(?:,\d{3})+|\d{3,})\)(?![\w)])", r" \1-\2", text)


def dotted_leaders(text: str) -> str:
    """Labels led to their first amount by dots ("Net sales ........ $ 1,234"), as wide as before."""
    return re.sub(
        r"(?m)^([ \t]*[A-Za-z](?:[^\n\t ]| (?! ))*?[A-Za-z):])( {5,})(?=\$?[ ]*\(?-?\d)",
        lambda m: m.group(1) + " " + "." * (len(m.group(2)) - 2) + " ",
        text,
    )


def leaders_blanked(text: str) -> str:
    """Dotted leaders typed as blanks, as wide as before."""
    return re.sub(r"(?<=\S)(?:\s?\.){3,}", lambda m: " " * len(m.group(0)), text)


def rules_redrawn(text: str) -> str:
    """Underlines drawn with other characters: '=' for '-', '-' for '='."""
    swap = str.maketrans("-=", "=-")
    return re.sub(r"(?m)^[ \t]*[-=][-= \t]{2,}$", lambda m: m.group(0).translate(swap), text)


def double_spaced(text: str) -> str:
    """Every line ending in an amount set apart far to the right followed by a blank line, as some
    typists space their statements."""
    return re.sub(r"(?m)^(?![ \t]*<)(.{40,}\S {2,}\S*\d\)?%?[ \t\r]*)$", lambda m: m.group(1) + "\n", text)


def plain_documents_only(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """The rewrite applied to a submission's plain-text documents, its SGML header and HTML documents
    left as they are."""

    def apply(text: str) -> str:
        header, *documents = _DOCUMENT.split(text)
        if not documents:  # a document's text alone
            return text if _HTML.search(text) else rewrite(text)
        return header + "".join(part if _HTML.search(part) else rewrite(part) for part in documents)

    return apply


REWRITES = (
    Rewrite("tabs", Applies.TEXT, plain_documents_only(typed_with_tabs)),
    Rewrite("no table tags", Applies.TEXT, plain_documents_only(table_tags_blanked)),
    Rewrite("indented", Applies.TEXT, plain_documents_only(indented)),
    Rewrite("capitals", Applies.TEXT, plain_documents_only(in_capitals)),
    Rewrite("crlf", Applies.TEXT, crlf),
    Rewrite("dollar signs", Applies.TEXT, plain_documents_only(dollar_signs_against_numbers)),
    Rewrite("leaders", Applies.TEXT, plain_documents_only(dotted_leaders)),
    Rewrite("no leaders", Applies.TEXT, plain_documents_only(leaders_blanked)),
    Rewrite("rules", Applies.TEXT, plain_documents_only(rules_redrawn)),
    Rewrite("double spaced", Applies.TEXT, plain_documents_only(double_spaced)),
    Rewrite("minus signs (text)", Applies.TEXT, plain_documents_only(text_minus_signs)),
    Rewrite("months", Applies.TEXT, plain_documents_only(months_abbreviated)),
    Rewrite("scale words", Applies.TEXT, plain_documents_only(scale_respelled)),
    Rewrite("tag case", Applies.HTML, html_upper_tags),
    Rewrite("no font", Applies.HTML, html_without_font),
    Rewrite("entities", Applies.HTML, html_numeric_entities),
    Rewrite("th cells", Applies.HTML, html_header_cells),
    Rewrite("divs", Applies.HTML, html_wrapped_in_divs),
    Rewrite("split spans", Applies.HTML, html_split_spans),
    Rewrite("crlf (html)", Applies.HTML, crlf),
    Rewrite("minus signs", Applies.HTML, html_minus_signs),
    Rewrite("zero for dash", Applies.HTML, html_zero_for_dash),
    Rewrite("months (html)", Applies.HTML, months_abbreviated),
    Rewrite("scale words (html)", Applies.HTML, scale_respelled),
)
