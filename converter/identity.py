"""Who the filer is for the outputs: CIK (header or --cik, never guessed) and the file-name prefix."""

import re
from dataclasses import replace
from datetime import date

from .errors import OptionError, UnsupportedInputError
from .extract.model import CoverField, CoverName, CoverPage
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


def with_cover_options(cover: CoverPage, date_of_report: date | None, registrant_name: str | None) -> CoverPage:
    """--date-of-report fills in a date the filing does not state (and must agree with one it
    does); --registrant-name gives the registrant's name (for an exhibit that does not state it)."""
    fields = list(cover.fields)
    if date_of_report is not None:
        stated = cover.value(CoverName.PERIOD_END_DATE)
        if stated and stated != date_of_report.isoformat():
            raise OptionError(f"--date-of-report {date_of_report} differs from the date the filing states ({stated})")
        if not stated:
            fields.append(CoverField(CoverName.PERIOD_END_DATE, date_of_report.isoformat(), origin="option"))
    if registrant_name and registrant_name.strip():
        fields = [f for f in fields if f.name != CoverName.REGISTRANT_NAME]
        fields.append(CoverField(CoverName.REGISTRANT_NAME, " ".join(registrant_name.split()), origin="option"))
    return replace(cover, fields=tuple(fields))


def _require_exhibit_fields(cover: CoverPage) -> None:
    if not cover.value(CoverName.PERIOD_END_DATE):
        raise UnsupportedInputError(
            "cannot tell the date of report: the press release's dateline states no year that its statements "
            "decide; pass --date-of-report YYYY-MM-DD"
        )
    if not cover.value(CoverName.REGISTRANT_NAME):
        raise UnsupportedInputError(
            "cannot tell the registrant from the press release (no company 'today announced' with its legal name); "
            "pass --registrant-name"
        )


def require_cover(cover: CoverPage) -> None:
    """A filing must say what form it is and the date it reports on; without them it is not one.
    A press release on its own must also say (or be told) who the registrant is."""
    if cover.standalone_exhibit:
        _require_exhibit_fields(cover)
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
