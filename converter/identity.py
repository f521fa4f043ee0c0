"""Who the filer is for the outputs: CIK (header or --cik, never guessed) and the file-name prefix."""

import re
from dataclasses import replace

from .errors import OptionError, UnsupportedInputError
from .extract.model import CoverName, CoverPage
from .ingest.model import SecHeader, Submission

_CORPORATE_WORDS = {"the", "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group", "holdings"}


def normalize_cik(value: str) -> str:
    digits = value.strip()
    if not re.fullmatch(r"\d{1,10}", digits):
        raise OptionError(f"--cik must be up to 10 digits, got {value!r}")
    return digits.zfill(10)


def speaking_filer(submission: Submission, option: str | None) -> Submission:
    """In a combined filing, --cik chooses which of the header's filers the outputs speak for."""
    header = submission.header
    chosen = header.speaking_for(normalize_cik(option)) if header and option else None
    return replace(submission, header=chosen) if chosen else submission


def decide_cik(header: SecHeader | None, option: str | None) -> str:
    """The header's CIK, else --cik; both given must agree; neither is an error."""
    from_header = header.cik if header else None
    from_option = normalize_cik(option) if option else None
    if from_header and from_option and from_header != from_option:
        if header and len(header.filers) > 1:
            listed = ", ".join(f.cik for f in header.filers if f.cik)
            raise OptionError(f"--cik {from_option} is not one of this combined filing's filers ({listed})")
        raise OptionError(f"--cik {from_option} differs from the CIK {from_header} in the filing's SEC header")
    cik = from_header or from_option
    if not cik:
        raise OptionError("the filing has no SEC header with a CIK; pass the filer's CIK with --cik")
    return cik


def decide_prefix(cover: CoverPage, option: str | None) -> str:
    """--prefix, else the trading symbol, else from the registrant name: the initials of three or more
    distinctive words ("International Business Machines" -> "ibm"), or the first of fewer."""
    if option:
        prefix = option.strip().lower()
    elif cover.value(CoverName.TRADING_SYMBOL):
        prefix = re.sub(r"[^a-z0-9]", "", cover.value(CoverName.TRADING_SYMBOL).lower())
    else:
        name = (cover.value(CoverName.REGISTRANT_NAME) or "").lower()
        words = [w.lstrip("0123456789") for w in re.findall(r"[a-z0-9]+", name)]
        words = [w for w in words if w and w not in _CORPORATE_WORDS] or [w for w in words if w]
        prefix = "".join(w[0] for w in words) if len(words) >= 3 else (words[0][:12] if words else "")
    if not re.fullmatch(r"[a-z][a-z0-9]{0,19}", prefix):
        raise OptionError(
            f"cannot make a file-name prefix from {prefix!r}; pass --prefix (lower-case letters and digits)"
        )
    return prefix


def require_cover(cover: CoverPage) -> None:
    """A filing must say what form it is and the date it reports on; without them it is not one."""
    if not cover.value(CoverName.FORM_TYPE):
        raise UnsupportedInputError(
            "cannot tell the form type: the text has no 'FORM ...' cover heading and no SEC header"
        )
    if cover.combined_filing and not cover.value(CoverName.REGISTRANT_NAME):
        raise UnsupportedInputError(
            "a combined filing of several registrants without an SEC header to say which one files is not "
            "supported; convert the full submission (.txt with its <SEC-HEADER>)"
        )
    if not cover.value(CoverName.PERIOD_END_DATE):
        raise UnsupportedInputError(
            "cannot find the date of report or period end on the cover page (nor a period in an SEC header)"
        )
