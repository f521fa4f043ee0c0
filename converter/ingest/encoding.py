"""Decode filing bytes: EDGAR files are ASCII, Latin-1/cp1252 or UTF-8 (with or without a BOM)."""

from ..errors import InputError

_SNIFF = 65536


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs or many control characters near the start."""
    head = data[:_SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(8, len(head) // 50)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise InputError for empty or binary input."""
    if not data.strip():
        raise InputError("the input file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if looks_binary(data):
        raise InputError("the input is binary data, not a text, SGML or HTML filing")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def normalize_text(text: str) -> str:
    """Unify line endings and undo backslash-escaped dollar signs (a markdown export artifact)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\$", "$")
