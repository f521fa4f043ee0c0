"""Names for extension concepts and roles, made from printed labels."""

import re

_WORD = re.compile(r"[A-Za-z0-9]+")
MAX_NAME = 120


def camel_name(text: str, suffix: str = "") -> str:
    """'Intangible asset, net and other long-term assets' -> 'IntangibleAssetNetAndOtherLongTermAssets'."""
    words = _WORD.findall(text.replace("'", ""))
    name = "".join(w[:1].upper() + w[1:].lower() if w.isupper() else w[:1].upper() + w[1:] for w in words)
    name = name.lstrip("0123456789") or "Item"
    return name[: MAX_NAME - len(suffix)] + suffix


def unique_name(base: str, taken: set[str]) -> str:
    """`base`, or `base` with a counter when it is taken; records the result in `taken`."""
    name, n = base, 2
    while name in taken:
        name = f"{base}{n}"
        n += 1
    taken.add(name)
    return name


def title_case(text: str) -> str:
    """'CONDENSED CONSOLIDATED BALANCE SHEETS' -> 'Condensed Consolidated Balance Sheets'."""
    small = {"of", "and", "in", "for", "the", "to", "a", "an", "on", "at", "by"}
    words = " ".join(text.split()).split(" ")
    out = []
    for i, w in enumerate(words):
        lower = w.lower()
        out.append(lower if i and lower in small else lower[:1].upper() + lower[1:] if w.isupper() else w)
    return " ".join(out)


def label_from_name(name: str) -> str:
    """A readable label for a concept with no label of its own: 'AssetsCurrent' -> 'Assets Current'."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
