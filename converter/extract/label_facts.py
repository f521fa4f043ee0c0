"""Numbers written inside balance-sheet labels: par values, shares authorized/issued/outstanding,
treasury shares, allowances ("net of allowance of $835 at September 30, 2007 and $789 at ...").

Each number takes the first date that follows it in its clause (clauses end at ';'); with
"respectively" numbers and dates pair up in order; an undated count holds for every column, an
undated amount (an allowance) only when the table has one balance-sheet date: amounts change from
year to year, so which year one printed amount belongs to is not guessed.
"""

import re
from decimal import Decimal

from .calendar import fiscal_year_of
from .dates import find_dates, make_date
from .model import (
    MAX_SHARE_COUNT,
    Cell,
    Column,
    LabelFact,
    LabelKind,
    LabelSubject,
    Period,
    RowKind,
    Scale,
    StatementKind,
    StatementRow,
    StatementTable,
    UnitKind,
)
from .oci_taxes import oci_taxes
from .scale import magnitude_exponent

_NUMBER = re.compile(
    r"(?P<dollar>\$\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)|\b(?P<none>none|no|zero)\b", re.I
)
_SUBJECTS = (
    (LabelSubject.TREASURY, re.compile(r"\btreasury\b", re.I)),
    (LabelSubject.PREFERRED, re.compile(r"\bpreferred\b|\bpreference\b", re.I)),
    (LabelSubject.COMMON, re.compile(r"\bcommon\b|\bordinary\s+shares\b|\bcapital\s+stock\b", re.I)),
    # Trade receivables: a finance, loan or lease receivable's allowance is another concept.
    (
        LabelSubject.RECEIVABLES,
        re.compile(
            r"^(?!.*\b(?:finance|financing|loans?|leases?|long-term|non-?current)\s+receivables?\b)"
            r".*\breceivables?\b",
            re.I,
        ),
    ),
    (LabelSubject.PROPERTY, re.compile(r"\bproperty\b|\bplant\b|\bequipment\b", re.I)),
    (LabelSubject.INTANGIBLES, re.compile(r"\bintangibles?\b", re.I)),
)
# Captions that name several counts at once, and the counts they stand for.
_ALL_THREE = "shares_authorized_issued_and_outstanding"
_ISSUED_AND_OUTSTANDING = "shares_issued_and_outstanding"
_COMBINED = {
    _ALL_THREE: (LabelKind.SHARES_AUTHORIZED, LabelKind.SHARES_ISSUED, LabelKind.SHARES_OUTSTANDING),
    _ISSUED_AND_OUTSTANDING: (LabelKind.SHARES_ISSUED, LabelKind.SHARES_OUTSTANDING),
}
_AFTER = (
    (
        _ALL_THREE,
        re.compile(r"^\s*(?:\w+\s+)?shares\s+authorized,?\s+issued,?\s+and\s+outstanding\b", re.I),
    ),
    (
        _ISSUED_AND_OUTSTANDING,
        re.compile(r"^\s*(?:(?:thousand|million|billion)\s+)?(?:shares\s+)?issued\s+and\s+outstanding\b", re.I),
    ),
    (LabelKind.PAR_VALUE, re.compile(r"^\s*(?:per\s+share\s+)?(?:par|stated)\s+value\b", re.I)),
    (LabelKind.SHARES_AUTHORIZED, re.compile(r"^\s*(?:\w+\s+)?shares\s+authorized\b|^\s*authorized\b", re.I)),
    (LabelKind.SHARES_ISSUED, re.compile(r"^\s*(?:\w+\s+)?shares\s+issued\b|^\s*issued\b", re.I)),
    (LabelKind.SHARES_OUTSTANDING, re.compile(r"^\s*(?:\w+\s+)?shares\s+outstanding\b|^\s*outstanding\b", re.I)),
    (
        LabelKind.SHARES,
        re.compile(r"^\s*(?:(?:thousand|million|billion)\s+)?(?:class\s+[a-z]\s+)?(?:common\s+)?shares\b", re.I),
    ),
)
_SHARES_LINE = re.compile(r"^\s*shares\b", re.I)  # a line that only counts shares ('Shares at June 30, 2023: ...')
_SHARES_CAPTION = re.compile(r"\bshares\s*:|^\s*shares\b[^:$]*:\s*$", re.I)
# "4,016 million shares": a magnitude word after the number scales it, whatever the table's scale
_MAGNITUDE_AFTER = re.compile(r"\s*(?P<word>thousand|million|billion)\b", re.I)
_PAR_BEFORE = re.compile(r"(?:par|stated)\s+value(?:\s+of)?\s*$", re.I)
# Amounts a label deducts from its line, by what the line is and the words before the amount
# ("less allowances $185", "net of accumulated depreciation of $57,955 and $56,939").
_DEDUCTIONS = {
    LabelSubject.RECEIVABLES: (LabelKind.ALLOWANCE, re.compile(r"\ballowances?\b", re.I)),
    LabelSubject.PROPERTY: (LabelKind.ACCUMULATED_DEPRECIATION, re.compile(r"\baccumulated\s+depreciation\b", re.I)),
    LabelSubject.INTANGIBLES: (LabelKind.ACCUMULATED_AMORTIZATION, re.compile(r"\baccumulated\s+amortization\b", re.I)),
}
_IN_YEAR = re.compile(r"\b(?:in|at|for)\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
# "(124,496,972 shares in 1996)", "and 60,102,000 in 1999": another year's number of the kind just stated
_OTHER_YEAR = re.compile(r"^\s*(?:shares\s+)?(?:in|at|for)\s+(?:fiscal\s+)?(?:19|20)\d\d\b", re.I)
_MORE_YEARS = re.compile(r"\s*(?:,|and|,\s*and)\s*(?P<year>(?:19|20)\d\d)\b")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_AMOUNT_KINDS = frozenset(kind for kind, _ in _DEDUCTIONS.values())
_UNIT = {LabelKind.PAR_VALUE: UnitKind.PER_SHARE} | {kind: UnitKind.MONETARY for kind in _AMOUNT_KINDS}
_HELD_KINDS = frozenset({LabelKind.SHARES_ISSUED, LabelKind.SHARES_OUTSTANDING})
# label facts for a period, not at an instant
DURATION_KINDS = frozenset(
    {
        LabelKind.DIVIDENDS_PER_SHARE,
        LabelKind.TAX,
        LabelKind.RECLASSIFICATION_TAX,
        LabelKind.BEFORE_RECLASSIFICATION_TAX,
    }
)
_DIVIDEND = re.compile(r"\bdividends?\b", re.I)
# "$1.22 per share", "$.50 a share", "$0.96 per common share"; a list "$.50, $.46 and $.42 per share" too
_PER_SHARE_AMOUNT = re.compile(
    r"\$\s?(?P<num>\d*\.\d+|\d+)(?=(?:\s*(?:,|and|,\s*and)\s*\$\s?(?:\d*\.\d+|\d+))*\s*(?:per|a)\s+"
    r"(?:common\s+|preferred\s+)?share\b)",
    re.I,
)
ACTUAL_COUNT_FLOOR = 1_000_000


def subject_of(label: str) -> LabelSubject | None:
    first_clause = re.split(r"[,;(]", label, maxsplit=1)[0]
    for text in (first_clause, label):
        for name, pattern in _SUBJECTS:
            if pattern.search(text):
                return name
    return None


_BEFORE = (
    (_ISSUED_AND_OUTSTANDING, re.compile(r"\bissued\s+and\s+outstanding\s*[:\-\u2014]?\s*$", re.I)),
    (LabelKind.SHARES_AUTHORIZED, re.compile(r"\bauthorized(?:\s+(?:and|but)\s+unissued)?\s*[:,\-\u2014]?\s*$", re.I)),
    (LabelKind.SHARES_ISSUED, re.compile(r"\bissued\s*[:,\-\u2014]?\s*$", re.I)),
    (LabelKind.SHARES_OUTSTANDING, re.compile(r"\boutstanding\s*[:,\-\u2014]?\s*$", re.I)),
)
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_OWN_CAPTION = re.compile(r"\d\s+(?:[\w-]+\s+){0,3}shares\s+(?:authorized|issued|outstanding)\s*[:,]?\s*$", re.I)
# "Class A ... ; Class B ...": counts of several classes in one label are each class's, which a
# fact without the class does not say; they are left out (the par value is the label's)
_SHARE_CLASS = re.compile(r"\bclass\s+([a-z])\b", re.I)
_COUNT_KINDS = frozenset(
    {LabelKind.SHARES_AUTHORIZED, LabelKind.SHARES_ISSUED, LabelKind.SHARES_OUTSTANDING, LabelKind.SHARES}
)
# A year leading the number it dates: "2023: 1,987,181,491", "2023—$471", "2024, $167".
_YEAR_MARK = r"\s*[:—–-]"
_LIST_JOIN = r"\s*(?:thousand|million|billion)?\s*(?:shares)?\s*(?:,|and|,\s*and)\s*\$?\s*"
_DATE_JOIN = r"\s*(?:,|and|,\s*and)\s*(?:(?:at|as\s+of|on)\s+)?"


def _kind_named_before(before: str, m: re.Match, subject: LabelSubject) -> str | None:
    """The count a caption before a share number names ("authorized: 11,000 shares"), unless the
    caption closes another count ("5,000 million Class A shares authorized, 2,404 million and ...":
    "authorized" is the 5,000 million's)."""
    if m["dollar"] or subject not in (LabelSubject.COMMON, LabelSubject.PREFERRED) or _OWN_CAPTION.search(before):
        return None
    return next((k for k, p in _BEFORE if p.search(before)), None)


def _kind_named_after(after: str, m: re.Match, subject: LabelSubject) -> str | None:
    for kind, pattern in _AFTER:
        if pattern.search(after):
            if kind == LabelKind.PAR_VALUE and not (m["dollar"] or "." in (m["num"] or "")):
                return None
            if m["none"] and kind not in (
                LabelKind.SHARES_ISSUED,
                LabelKind.SHARES_OUTSTANDING,
                _ISSUED_AND_OUTSTANDING,
            ):
                return None
            return None if kind == LabelKind.SHARES and subject != LabelSubject.TREASURY else kind
    return None


# What may stand between a caption and its count: "Authorized — 2,400,000,000", "Issued at stated
# capital amount — Shares: 2023: 1,987,181,491; 2022: 1,986,519,278".
_CAPTION_TAIL = re.compile(r"(?:\s*(?:[:—–]|\s-|\bshares\s*:|;|\b(?:19|20)\d\d\s*:))+\s*$", re.I)
_CAPTION = re.compile(
    r"\b(?:issued\s+and\s+outstanding|authorized|issued|outstanding)\b(?!.*\b(?:authorized|issued|outstanding)\b)", re.I
)


def _captioned(before: str, m: re.Match, subject: LabelSubject) -> str | None:
    """The count a caption ending in a colon or a dash names, speaking before the words after the
    number ("shares authorized: 150,000,000 shares issued: ..."; "Authorized — 2,400,000,000 shares
    Issued at stated capital amount — Shares: 2023: 1,987,181,491")."""
    tail = _CAPTION_TAIL.search(before)
    if tail is None:
        return None
    if subject is LabelSubject.TREASURY and _SHARES_CAPTION.search(before) and not m["dollar"]:
        return LabelKind.SHARES  # "held in treasury, at cost — Shares: 2023: 251,823,511"
    found = _CAPTION.search(before[: tail.start()])
    return _kind_named_before(found.group(0), m, subject) if found else None


def _kind_of(clause: str, m: re.Match, subject: LabelSubject) -> str | None:
    """What a number in a label counts: read from the words after it ("415,000,000 shares
    authorized"), or before it ("authorized: 11,000 shares", "outstanding: none"); a caption
    ending in a colon speaks first ("shares authorized: 150,000,000 shares issued: ...")."""
    after = clause[m.end() :]
    before = clause[: m.start()]
    if m["dollar"] and _PAR_BEFORE.search(before):
        return LabelKind.PAR_VALUE
    if m["num"] and _BARE_YEAR.match(m["num"]) and not re.match(r"^\s*shares\b", after, re.I):
        return None  # "at December 31, 2021 and 2020"
    captioned = _captioned(before, m, subject)
    kind = captioned or _kind_named_after(after, m, subject) or _kind_named_before(before, m, subject)
    if kind or m["none"]:
        return kind
    deduction = _DEDUCTIONS.get(subject)
    if m["dollar"] and deduction and deduction[1].search(before):
        return deduction[0]
    return None


def _expand(kind: str) -> tuple[LabelKind, ...]:
    """The counts a caption names: one, or several at once ("issued and outstanding")."""
    return _COMBINED.get(kind) or (LabelKind(kind),)


def _clauses(label: str) -> list[tuple[int, str]]:
    """The label's clauses, split at semicolons, but a clause that only dates another number of the
    one before ("2023: 1,987,181,491; 2022: 1,986,519,278", "2023—$471; 2022—$449") stays with it."""
    out: list[tuple[int, str]] = []
    start = 0
    for part in label.split(";"):
        if out and re.match(r"^\s*(?:19|20)\d\d" + _YEAR_MARK, part):
            first, text = out[-1]
            out[-1] = (first, f"{text};{part}")
        else:
            out.append((start, part))
        start += len(part) + 1
    return out


def _classified(clause: str, subject: LabelSubject, dates) -> list[tuple[re.Match, str]]:
    """Numbers of a clause with their kinds; in a list ("307 and 301 shares issued", "outstanding
    366,233,106 and 379,297,891 shares") the numbers share the kind one of them names."""
    masked = [(s, e) for _, s, e in dates]
    numbers = [m for m in _NUMBER.finditer(clause) if not any(s <= m.start() < e for s, e in masked)]
    kinds = [_kind_of(clause, m, subject) for m in numbers]
    years = {i for i, m in enumerate(numbers) if m["num"] and not m["dollar"] and _BARE_YEAR.match(m["num"])}
    if len(numbers) > 1:
        joined = [
            bool(re.fullmatch(_LIST_JOIN, clause[numbers[i].end() : numbers[i + 1].start()], re.I))
            and not {i, i + 1} & years  # "$13 in 2015 and $14 in 2014": the years are no amounts
            for i in range(len(numbers) - 1)
        ]
        for i in [*range(len(numbers) - 2, -1, -1), *range(len(numbers) - 1)]:
            if joined[i] and (kinds[i] is None) != (kinds[i + 1] is None):
                kinds[i] = kinds[i + 1] = kinds[i] or kinds[i + 1]
        counts = [i for i in range(len(numbers)) if i not in years]
        for before, i in zip(counts, counts[1:], strict=False):
            between = clause[numbers[before].end() : numbers[i].start()]
            leads_on = re.search(r"(?:\(|\band|,)\s*\$?\s*$", between)
            if kinds[i] is None and kinds[before] and leads_on and _OTHER_YEAR.match(clause[numbers[i].end() :]):
                kinds[i] = kinds[before]
    return [(m, k) for m, k in zip(numbers, kinds, strict=True) if k]


def _clause_dates(clause: str) -> list[tuple]:
    """Full dates of a clause, and the years listed after one ("December 31, 2021 and 2020" is
    two dates), as (date, start, end)."""
    dates = []
    for day, start, end in find_dates(clause):
        dates.append((day, start, end))
        for m in _MORE_YEARS.finditer(clause, end):
            if m.start() != end:
                break
            dates.append((make_date(int(m["year"]), day.month, day.day), m.start("year"), m.end("year")))
            end = m.end()
    return [d for d in dates if d[0] is not None]


def _is_list(clause: str, found: list[tuple[re.Match, str]]) -> bool:
    """Numbers of one kind written as a list ("17,987,031 and 17,707,472 shares issued")."""
    return len({k for _, k in found}) == 1 and all(
        re.fullmatch(_LIST_JOIN, clause[a.end() : b.start()], re.I)
        for (a, _), (b, _) in zip(found, found[1:], strict=False)
    )


def _dated_numbers(
    clause: str, subject: LabelSubject, instants: tuple[Period, ...]
) -> list[tuple[re.Match, str, Period | None]]:
    """(number match, kind, instant) for each classified number in one clause; numbers listed
    "respectively", or as one list before as many dates, pair with the dates in order."""
    dates = _clause_dates(clause)
    found = _classified(clause, subject, dates)
    paired: dict[int, Period] = {}  # numbers of one kind listed "respectively" or as a list, by position
    for kind in dict.fromkeys(k for _, k in found):
        of_kind = [(m, k) for m, k in found if k == kind]
        if len(of_kind) > 1 and (_RESPECTIVELY.search(clause) or _is_list(clause, of_kind)):
            periods = [Period(end=d[0]) for d in dates] if dates else list(instants)
            if len(periods) == len(of_kind):
                paired.update({m.start(): p for (m, _), p in zip(of_kind, periods, strict=True)})
    result = []
    starts = [m.start() for m, _ in found] + [len(clause)]
    for (m, kind), end in zip(found, starts[1:], strict=True):
        if m.start() in paired:
            result.append((m, kind, paired[m.start()]))
            continue
        following = _dates_listed_after(clause, m.end(), end, dates)
        alone = sum(1 for _, k in found if k == kind) == 1 and not _ends_a_list(clause[: m.start()])
        if len(following) > 1 and alone:  # "10,000,000 shares authorized at December 31, 2024 and December 31, 2023"
            result.extend((m, kind, Period(end=day)) for day in following)
            continue
        dated = Period(end=following[0]) if following else _year_instant(clause[m.end() : end], instants)
        result.append((m, kind, dated or _year_before(clause[: m.start()], instants)))
    return _the_other_instant(result, instants)


def _ends_a_list(before: str) -> bool:
    """Whether a number closes a list of numbers ("55.0 million, 53.2 million, and 52.5 million")."""
    return re.search(r"\d(?:" + _LIST_JOIN + r")$", before, re.I) is not None


def _dates_listed_after(clause: str, start: int, end: int, dates: list[tuple]) -> list:
    """The first date after a number, with the dates listed right after it ("at December 31, 2024
    and December 31, 2023"), before the next number (`end`): a number dated so holds at each."""
    after = [(day, s, e) for day, s, e in dates if s >= start]
    if not after:
        return []
    listed = [after[0]]
    for day, s, e in after[1:]:
        if s >= end or not re.fullmatch(_DATE_JOIN, clause[listed[-1][2] : s], re.I):
            break
        listed.append((day, s, e))
    return [day for day, _, _ in listed]


def _year_instant(after: str, instants: tuple[Period, ...]) -> Period | None:
    """The column a number dated by its year alone stands for ("$87 in 1995", "127,949,220 shares
    issued and outstanding in 1997"): a year named after it, before the next number, unless more
    years follow ("in 1997 and 1996" holds for both)."""
    m = _IN_YEAR.search(after)
    if m is None or _MORE_YEARS.match(after, m.end()):
        return None
    matching = [p for p in instants if fiscal_year_of(p.end) == int(m["year"])]
    return matching[0] if len(matching) == 1 else None


_YEAR_BEFORE = re.compile(r"(?:^|[\s(;,])(?P<year>(?:19|20)\d\d)(?:\s*,|" + _YEAR_MARK + r")\s*\$?\s*$")


def _year_before(before: str, instants: tuple[Period, ...]) -> Period | None:
    """The column a number dated by the year just before it stands for ("less allowances $185
    (2024, $167)": $167 is 2024's; "Shares: 2023: 1,987,181,491"; "2022—$449")."""
    m = _YEAR_BEFORE.search(before)
    if m is None:
        return None
    matching = [p for p in instants if fiscal_year_of(p.end) == int(m["year"])]
    return matching[0] if len(matching) == 1 else None


def _the_other_instant(result: list, instants: tuple[Period, ...]) -> list:
    """ "$91 ($87 in 1995)": when the other numbers of a kind are dated, the one undated number of
    that kind stands for the one column left."""
    out = list(result)
    for kind in {k for _, k, _ in result}:
        undated = [i for i, (_, k, p) in enumerate(result) if k == kind and p is None]
        left = set(instants) - {p for _, k, p in result if k == kind and p is not None}
        if len(undated) == 1 and len(left) == 1 and len(undated) < sum(1 for _, k, _ in result if k == kind):
            m, k, _ = out[undated[0]]
            out[undated[0]] = (m, k, left.pop())
    return out


def _value(m: re.Match) -> tuple[Decimal, int]:
    if m["none"]:
        return Decimal(0), 0
    digits = m["num"].replace(",", "")
    return Decimal(digits), len(digits.split(".")[1]) if "." in digits else 0


def _stated_exponent(clause: str, m: re.Match) -> int | None:
    word = _MAGNITUDE_AFTER.match(clause, m.end()) if m["num"] else None
    return magnitude_exponent(word["word"]) if word else None


def exponent_of(kind: LabelKind, value: Decimal, scale: Scale) -> int:
    """The power of ten a number in a label is printed in. Amounts follow the table; par values are
    actual; share counts follow a scale that speaks of shares, else are actual unless small enough
    to be in the table's unit (a listed company has more than a million shares)."""
    if kind in _AMOUNT_KINDS:
        return scale.monetary
    if kind is LabelKind.PAR_VALUE or value == 0:
        return 0
    if scale.shares_stated or value >= ACTUAL_COUNT_FLOOR:
        return scale.shares if scale.shares_stated else 0
    return scale.shares if value.scaleb(scale.shares) <= MAX_SHARE_COUNT else 0


def facts_in_label(
    row_index: int,
    cell: Cell,
    instants: tuple[Period, ...],
    scale: Scale,
    held: tuple[Period, ...] | None = None,
    subject: LabelSubject | None = None,
    amounts: dict[Period, tuple[Decimal, Decimal]] | None = None,
) -> list[LabelFact]:
    """The label facts of one balance-sheet row, about `subject` (by default what the label names).
    An undated count of shares issued or outstanding (other than none) holds only where the row
    shows an amount (`held`): a dash says none were issued yet. `amounts`: the row's amounts by
    period, with the unit they are printed to, to check counts against the par value."""
    held = instants if held is None else held
    subject = subject or subject_of(cell.text)
    if subject is None:
        return []
    facts = []
    classes = {c.lower() for c in _SHARE_CLASS.findall(cell.text)}
    numbers = [
        (offset, clause, *found)
        for offset, clause in _clauses(cell.text)
        for found in _dated_numbers(clause, subject, instants)
    ]
    par = next((_value(m)[0] for _, _, m, kind, _ in numbers if kind == LabelKind.PAR_VALUE), None)
    for offset, clause, m, kind, period in numbers:
        if len(classes) > 1 and set(_expand(kind)) & _COUNT_KINDS:
            continue
        start = offset + m.start("none" if m["none"] else "num")
        end = offset + m.end("none" if m["none"] else "num")
        span = cell.span_at(start, end)
        if span is None:
            continue
        value, decimals = _value(m)
        stated = _stated_exponent(clause, m)
        for k in _expand(kind):
            periods = (period,) if period else (held if k in _HELD_KINDS and value else instants)
            if not periods or (period is None and k in _AMOUNT_KINDS and len(periods) > 1):
                continue
            exponent = stated if stated is not None else exponent_of(k, value, scale)
            if stated is None and par and k in _HELD_KINDS and amounts:
                exponent = _exponent_by_par(value, exponent, par, periods, amounts)
            facts.append(
                LabelFact(
                    row_index,
                    subject,
                    k,
                    value,
                    _UNIT.get(k, UnitKind.SHARES),
                    exponent,
                    periods,
                    span,
                    cell.text[start:end],
                    decimals,
                )
            )
    return facts


def _exponent_by_par(
    count: Decimal, exponent: int, par: Decimal, periods: tuple[Period, ...], amounts: dict[Period, tuple]
) -> int:
    """The power of ten a share count is printed in, checked against the line's amount: shares
    issued times their par value is the amount of stock at par ("$0.01 par value; 450,829 shares
    issued" on a line of 5 thousand dollars: 450,829 shares, not thousands). Where the count read
    actual or in the table's unit fits the amounts of its periods and the other does not, that one;
    else (no par amount printed: "common stock and capital in excess of par") the count's reading."""
    printed = [amounts[p] for p in periods if p in amounts]
    if not printed or not exponent:
        return exponent
    fitting = [e for e in (0, exponent) if all(abs(par * count.scaleb(e) - value) <= unit for value, unit in printed)]
    return fitting[0] if len(fitting) == 1 else exponent


def dividends_per_share(rows: tuple[StatementRow, ...], columns: tuple[Column, ...]) -> tuple[LabelFact, ...]:
    """Dividends per share an equity statement prints in a row's label ("Cash dividends ($1.22
    per share)", or "Stock, $0.68 per share" under "Dividends on Common"), for the row's own
    period, or with one amount per column ("$.50, $.46 and $.42 per share") for the columns'."""
    facts = []
    for row in rows:
        context = " ".join((*row.sections[-1:], row.label))
        amounts = list(_PER_SHARE_AMOUNT.finditer(row.label_cell.text))
        if not amounts or not _DIVIDEND.search(context):
            continue
        periods = [row.period] if row.period is not None else [c.period for c in columns]
        if len(amounts) == 1 and len(periods) > 1 and not row.period:
            continue  # one amount for several columns: which one it is, the label does not say
        if len(amounts) != len(periods) or any(p.is_instant for p in periods):
            continue
        preferred = re.search(r"\bpreferred\b|\bpreference\b", context, re.I)
        subject = LabelSubject.PREFERRED if preferred else LabelSubject.COMMON
        for m, period in zip(amounts, periods, strict=True):
            span = row.label_cell.span_at(m.start("num"), m.end("num"))
            if span is None:
                continue
            value, decimals = Decimal(m["num"]), len(m["num"].split(".")[1]) if "." in m["num"] else 0
            facts.append(
                LabelFact(
                    row.grid_row,
                    subject,
                    LabelKind.DIVIDENDS_PER_SHARE,
                    value,
                    UnitKind.PER_SHARE,
                    0,
                    (period,),
                    span,
                    m["num"],
                    decimals,
                )
            )
    return tuple(facts)


def label_facts_of(table: StatementTable) -> tuple[LabelFact, ...]:
    """Label facts of a balance sheet, dividends per share in an equity statement's labels and the
    taxes other comprehensive income is net of in a statement of (comprehensive) income."""
    if table.kind is StatementKind.EQUITY:
        return dividends_per_share(table.rows, table.columns)
    if table.kind is not StatementKind.BALANCE_SHEET:
        return oci_taxes(table)
    instants = tuple(dict.fromkeys(c.period for c in table.columns))
    facts: list[LabelFact] = []
    # what the lines above speak of, for a line that only counts shares (3M: 'Shares outstanding -
    # June 30, 2023: 551,992,430' under its common stock line)
    context: LabelSubject | None = None
    for row in table.rows:
        own = subject_of(row.label_cell.text)
        context = own or (context if row.kind is not RowKind.HEADING and _SHARES_LINE.search(row.label) else None)
        if row.kind is RowKind.HEADING:
            continue
        if any(ch.isdigit() for ch in row.label) or re.search(r"\bnone\b", row.label, re.I):
            held = tuple(
                dict.fromkeys(
                    c.period
                    for c, v in zip(table.columns, row.values, strict=True)
                    if v is None or (not v.is_dash and v.magnitude)
                )
            )
            exponent = table.exponent_of(row)
            amounts = {
                c.period: (v.magnitude.scaleb(exponent), Decimal(1).scaleb(exponent - v.decimals_shown))
                for c, v in zip(table.columns, row.values, strict=True)
                if v is not None and not v.is_dash and v.magnitude
            }
            facts.extend(facts_in_label(row.grid_row, row.label_cell, instants, table.scale, held, context, amounts))
    return tuple(facts)
