"""Read a table's scale statement: "(In thousands, except per share data)", "(000's omitted)"."""

import re

from .model import Scale

_WORD_EXPONENT = {"thousand": 3, "million": 6, "billion": 9}
_SCALE = re.compile(
    r"(?:in|amounts\s+in|dollars\s+in|\$\s+in|expressed\s+in)\s+(?P<word>thousand|million|billion)s?"
    r"|(?P<omitted>\$?\s*0{3}(?:'?s)?\s+omitted)"
    r"|\(\s*(?P<bare>thousand|million|billion)s?\b",
    re.I,
)
_SHARES_SCALE = re.compile(r"shares?\b[^;)]{0,50}?\bin\s+(?P<word>thousand|million|billion)s?", re.I)
_EXCEPT = re.compile(r"\bexcept\b(?P<rest>[^)\n]*)", re.I)
_SHARE_EXCEPTION = re.compile(r"(?<!per[ -])\bshares?\b(?![ -]?(?:data|amounts?)?\s*per\b)", re.I)


_ROW_SCALE = re.compile(
    r"\(\s*(?:(?:shares|amounts|dollars)\s+)?in\s+(?P<word>thousand|million|billion)s?\s*\)|(?P<omitted>\(\s*0{3}(?:'?s)?\s+omitted\s*\))",
    re.I,
)


def row_exponent(texts: tuple[str, ...]) -> int | None:
    """A scale a row states for itself, in its label or the nearest heading above it that states one
    ("Shares used in computing earnings per share (in thousands)"); None when none does."""
    for text in texts:
        m = _ROW_SCALE.search(text)
        if m:
            return 3 if m["omitted"] else _WORD_EXPONENT[m["word"].lower()]
    return None


def _exponent_of(m: re.Match) -> int:
    if m["omitted"]:
        return 3
    return _WORD_EXPONENT[(m["word"] or m["bare"]).lower()]


def find_scale(text: str) -> Scale:
    """The scale stated in `text` (title and heading lines); actual dollars when none is stated.

    Per-share amounts are never scaled. Share counts follow the dollar scale unless the text
    excepts them ("except share amounts") or gives their own scale ("shares in millions").
    """
    m = _SCALE.search(text)
    if not m:
        return Scale()
    monetary = _exponent_of(m)
    shares, stated = monetary, False
    own = _SHARES_SCALE.search(text)
    if own:
        shares, stated = _WORD_EXPONENT[own["word"].lower()], True
    else:
        exception = _EXCEPT.search(text[m.start() :])
        if exception and _SHARE_EXCEPTION.search(exception["rest"]):
            shares, stated = 0, True
    end = text.find(")", m.end())
    phrase = text[m.start() : end if 0 <= end - m.end() < 80 else m.end()].strip()
    return Scale(monetary=monetary, shares=shares, per_share=0, phrase=phrase, shares_stated=stated)
