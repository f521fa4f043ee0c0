"""Fidelity benchmark: convert every corpus filing and compare the facts with ground truth.

    python bench/fidelity.py [--corpus DIR ...] [--only TEXT] [--jobs N] [--no-validate] [--missed]
                             [--in-sample-labels] [--json FILE]

Runs on ../shared/corpus and ../shared/corpus2 unless --corpus names others. Per filing, then for
each corpus, for all together, and for the legacy 8-K earnings releases (form 8-K, not inline XBRL)
alone, it prints:
- value recall: truth statement facts whose value we output for the exact period (any concept);
- concept accuracy: of ALL truth facts, those we output with value, exact period and an accepted
  concept (and, as a diagnostic, the same share of the recalled facts);
- wrong values: truth facts for which we output the truth's own concept for its exact period, but
  not with its value, of those "compared" (we output that concept and period at all);
- within a week (diagnostic, never a match): truth facts not recalled whose value we output with
  the same end and a start 1-7 days off; period accuracy: of truth facts whose value we output at
  all, the share with the exact period;
- cover accuracy: truth cover fields (dei) whose value we output;
- statements found: of the balance sheets, income and cash-flow statements MANIFEST.tsv says a
  filing has, the share we found;
- whether the outputs are Arelle-valid (converted as `xbrlconv convert` does: parts a validation
  finding names are left out and the rest validated again), parts left out, clear errors, crashes
  (tracebacks), and seconds.

Truth statement facts are truth facts shown on a page headed by a primary statement's title: values
printed on one (so values the filing does not show, or shows only in notes, do not count) and, for
inline XBRL, tagged on one too; hand-checked facts (truth/manual) are all statement facts. Periods
must be exact (bench/scoring.py).
Inline XBRL filings are converted with their ix tags stripped and compared with their own facts.
Filings without an SEC header get the CIK from MANIFEST.tsv (as a user passes --cik), or a
placeholder when the manifest has none either.

Learned labels are leave-company-out: each filing is converted with the learned-label table
re-learned without its company (MANIFEST.tsv's CIK, else the SEC header's), see
bench/company_labels.py; --in-sample-labels uses the shipped table instead, for comparison.
"""

import argparse
import csv
import json
import multiprocessing
import multiprocessing.pool
import re
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # tools/, for re-learning labels

from company_labels import LearnedTable, LeaveCompanyOut  # noqa: E402
from scoring import Miss, OurFact, Score, score_cover, score_facts, score_statements  # noqa: E402
from truth import (  # noqa: E402
    TruthCover,
    TruthFact,
    companyfacts,
    cover_json,
    ex27,
    fsds,
    inline_facts,
    is_statement_title,
    manual,
    normalize_cover,
    strip_inline_tags,
)

from converter.errors import XbrlconvError  # noqa: E402
from converter.ingest import read_submission  # noqa: E402
from converter.mapping.rules import load_rules  # noqa: E402
from converter.packages import taxonomy_settings  # noqa: E402
from converter.pipeline import ConvertOptions, parts_left_out, prepare, validate_recovering  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus2")
SCORED_COVER_FIELDS = {
    "DocumentType",
    "DocumentPeriodEndDate",
    "AmendmentFlag",
    "EntityRegistrantName",
    "EntityCentralIndexKey",
    "EntityIncorporationStateCountryCode",
    "EntityFileNumber",
    "EntityTaxIdentificationNumber",
    "EntityAddressAddressLine1",
    "EntityAddressCityOrTown",
    "EntityAddressStateOrProvince",
    "EntityAddressPostalZipCode",
    "CityAreaCode",
    "LocalPhoneNumber",
    "WrittenCommunications",
    "SolicitingMaterial",
    "PreCommencementTenderOffer",
    "PreCommencementIssuerTenderOffer",
    "TradingSymbol",
    "SecurityExchangeName",
    "EntityEmergingGrowthCompany",
    # periodic reports' cover questions and auditor
    "DocumentAnnualReport",
    "DocumentQuarterlyReport",
    "DocumentTransitionReport",
    "EntityWellKnownSeasonedIssuer",
    "EntityVoluntaryFilers",
    "EntityCurrentReportingStatus",
    "EntityInteractiveDataCurrent",
    "EntityFilerCategory",
    "EntitySmallBusiness",
    "EntityShellCompany",
    "IcfrAuditorAttestationFlag",
    "Security12bTitle",
    "AuditorName",
    "AuditorLocation",
    "AuditorFirmId",
    # periodic reports' fiscal focus and the numbers the cover states
    "DocumentFiscalYearFocus",
    "DocumentFiscalPeriodFocus",
    "CurrentFiscalYearEndDate",
    "EntityCommonStockSharesOutstanding",
    "EntityPublicFloat",
    "NoTradingSymbolFlag",
}
_PAGE = re.compile(r"^\s*(?:<PAGE>|\f)\s*\d*\s*$", re.I)
REGION_LINES = 160
MANIFEST_KINDS = {"balance_sheet": "balance_sheet", "income_statement": "income_statement", "cash_flow": "cash_flows"}
KIND_OF = {"comprehensive_income": "income_statement"}  # a statement of operations and comprehensive income
PLACEHOLDER_CIK = "0000000000"  # for the few corpus filings with no CIK anywhere: the bench plays the user
LEGACY_8K = "legacy 8-K earnings releases"
TOGETHER = "together"


@dataclass
class Outcome:
    filing: str
    corpus: str = ""
    legacy_8k: bool = False  # form 8-K, not inline XBRL
    status: str = "ok"  # ok | invalid | error | crash | timeout
    validated: bool = False  # Arelle ran on the outputs (not with --no-validate)
    message: str = ""
    seconds: float = 0.0
    errors: int = 0
    facts: list[OurFact] = field(default_factory=list)
    cover: dict = field(default_factory=dict)  # dei local name -> normalized value
    truth: list[TruthFact] = field(default_factory=list)  # statement facts only
    truth_cover: list[TruthCover] = field(default_factory=list)
    expected_kinds: list = field(default_factory=list)  # statement kinds MANIFEST.tsv says the filing has
    kinds: list = field(default_factory=list)  # statement kinds we found
    left_out: list = field(default_factory=list)  # what the conversion declined to tag, and why (LeftOut lines)


def statement_text(path: Path) -> str:
    """Text of the pages headed by a primary statement's title, where statement values are printed."""
    try:
        submission = read_submission(path)
    except XbrlconvError:
        return ""
    parts = []
    for doc in submission.documents:
        lines = doc.lines
        for i, line in enumerate(lines):
            if is_statement_title(line):
                end = min(len(lines), i + REGION_LINES)
                stop = next((j for j in range(i + 1, end) if _PAGE.match(lines[j])), end)
                parts.append("\n".join(lines[i:stop]))
    return "\n".join(parts)


def _printed_forms(value: Decimal) -> list[str]:
    forms = []
    for exponent in (0, 3, 6, 9):
        shown = abs(value).scaleb(-exponent)
        if shown != shown.to_integral_value() and shown.as_tuple().exponent < -2:
            continue
        text = f"{shown.normalize():,f}" if shown == shown.to_integral_value() else f"{shown:,f}"
        forms.append(text.rstrip("0").rstrip(".") if "." in text else text)
    return forms


def is_printed(value: Decimal, text: str) -> bool:
    """The value appears as printed at some scale; short numbers ("10") are too common to tell."""
    if value == 0:
        return False
    forms = [f for f in _printed_forms(value) if "." in f or len(re.sub(r"\D", "", f)) >= 3]
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|,\d|\.\d)", text) for form in forms)


def needs_cik(path: Path) -> bool:
    """No SEC header names the filer: the user passes --cik."""
    try:
        submission = read_submission(path)
    except XbrlconvError:
        return False
    return not (submission.header and submission.header.cik)


def company_cik(corpus: Path, row: dict) -> str | None:
    """The filing's company: MANIFEST.tsv's CIK, else its SEC header's."""
    if row.get("cik", "").strip():
        return row["cik"].strip()
    try:
        header = read_submission(corpus / row["local"]).header
    except XbrlconvError:
        return None
    return header.cik if header and header.cik else None


def is_legacy_8k(row: dict) -> bool:
    return row.get("form", "").upper().startswith("8-K") and "inline" not in row.get("format", "").lower()


def _truth(corpus_dir: Path, path: Path, filing: str, inline: bool) -> tuple[list[TruthFact], list[TruthCover]]:
    """Truth statement facts and cover fields. A fact counts when its value is printed on a statement page
    and, for inline XBRL, it is tagged on one (a note's value that happens to be printed on a statement
    is no statement fact); hand-checked facts all count."""
    facts = [*companyfacts(corpus_dir, filing), *fsds(corpus_dir, filing), *ex27(corpus_dir, filing)]
    covers = list(cover_json(corpus_dir, filing))
    if inline:
        inline_truth, inline_covers = inline_facts(path)
        facts += inline_truth
        covers += inline_covers
    printed = statement_text(path) if facts else ""
    facts = [t for t in facts if is_printed(t.value, printed) and t.on_statement_page is not False]
    manual_facts, manual_covers = manual(corpus_dir, filing)
    return facts + manual_facts, [c for c in covers + manual_covers if c.concept in SCORED_COVER_FIELDS]


def _convert(source: Path, path: Path, row: dict, learned: LearnedTable | None, validate: bool, outcome: Outcome):
    """Convert as `xbrlconv convert` does (validating, parts a finding names left out and the rest
    validated again) and keep what the output states."""
    cik = (row.get("cik") or PLACEHOLDER_CIK) if needs_cik(path) else None
    options = ConvertOptions(settings=taxonomy_settings(), cik=cik)
    rules = load_rules()
    prepared = prepare(source, options, rules=replace(rules, learned=learned) if learned is not None else rules)
    if validate:
        prepared, report = validate_recovering(prepared, options)
        findings = report.errors + report.warnings  # valid as the seeds are: no error, no warning
        outcome.errors = len(findings)
        outcome.validated = True
        outcome.status = "invalid" if findings else "ok"
        outcome.message = f"{findings[0].code}: {findings[0].message}"[:200] if findings else ""
    outcome.kinds = sorted({KIND_OF.get(t.kind, t.kind) for t in prepared.extraction.statements})
    outcome.left_out = [part.line() for part in parts_left_out(prepared)]
    outcome.facts = [
        OurFact(f.concept.name, f.context.period.start, f.context.period.end, f.value)
        for f in prepared.model.facts
        if isinstance(f.value, Decimal) and f.concept.prefix != "dei" and not f.context.dimensions
    ]
    outcome.cover = {
        f.concept.name: normalize_cover(f.concept.name, str(f.value))
        for f in reversed(prepared.model.facts)
        if f.concept.prefix == "dei" and f.value is not None
    }


def run_one(corpus: str, row: dict, validate: bool, learned: LearnedTable | None = None) -> Outcome:
    """Convert one filing (with `learned` as its learned-label table, or the shipped one) and
    gather what scoring needs."""
    corpus_dir, filing = Path(corpus), Path(row["local"]).name
    path = corpus_dir / row["local"]
    outcome = Outcome(filing, corpus_dir.name, is_legacy_8k(row))
    inline = "inline" in row.get("format", "").lower()
    outcome.truth, outcome.truth_cover = _truth(corpus_dir, path, filing, inline)
    outcome.expected_kinds = [kind for column, kind in MANIFEST_KINDS.items() if row.get(column) == "yes"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        source = path
        if inline:
            source = Path(tmp) / filing
            source.write_bytes(strip_inline_tags(path.read_bytes()))
        try:
            _convert(source, path, row, learned, validate, outcome)
        except XbrlconvError as exc:
            outcome.status, outcome.message = "error", str(exc)[:200]
        except Exception as exc:  # noqa: BLE001 - a crash is what this benchmark counts
            outcome.status = "crash"
            outcome.message = f"{type(exc).__name__}: {exc} @ {traceback.extract_tb(exc.__traceback__)[-1]}"[:300]
    outcome.seconds = time.perf_counter() - started
    return outcome


def score(outcome: Outcome) -> tuple[Score, list[Miss]]:
    """Counts for one filing, and what it got wrong: truth facts missed, stated for another period
    or under another concept, wrong values, statements not found, cover fields that differ."""
    facts, missed_facts = score_facts(outcome.truth, outcome.facts)
    cover, missed_cover = score_cover(outcome.truth_cover, outcome.cover)
    statements, missed_statements = score_statements(outcome.expected_kinds, outcome.kinds)
    return facts.add(cover).add(statements), missed_facts + missed_statements + missed_cover


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     - "


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def manifest(corpus: Path) -> list[dict]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["kind"] == "filing"]
    return [r for r in rows if (corpus / r["local"]).is_file()]


def print_filing(o: Outcome, s: Score, misses: list[Miss], show_missed: bool) -> None:
    print(
        f"{o.filing[:54]:54} {o.status:8} {_pct(s.recalled, s.truth):>8} {_pct(s.concept_ok, s.truth):>8} "
        f"{s.wrong:>3}/{s.compared:<4} {_pct(s.cover_ok, s.cover_truth):>8} {s.truth:6d} {o.seconds:6.1f}"
        + (f"  {o.message[:90]}" if o.status != "ok" else "")
    )
    if show_missed:
        for miss in misses:
            print(f"      {miss.line()}")
        for line in o.left_out:
            print(f"      {line}")


def summarize(name: str, outcomes: list[Outcome], scores: list[Score]) -> dict:
    """Print and return the measures over a group of filings."""
    t = Score()
    for s in scores:
        t.add(s)
    n = len(outcomes)
    converted = sum(1 for o in outcomes if o.status in ("ok", "invalid"))
    valid = sum(1 for o in outcomes if o.status == "ok" and o.validated)
    validated = n > 0 and all(o.validated for o in outcomes if o.status in ("ok", "invalid"))
    crashes = sum(1 for o in outcomes if o.status in ("crash", "timeout"))
    errors = sum(1 for o in outcomes if o.status == "error")
    seconds = sum(o.seconds for o in outcomes) / n if n else 0.0
    print(f"\n== {name}: {n} filings ==")
    month = f"; {t.month_precision} with periods known only to the month" if t.month_precision else ""
    print(f"value recall     {_pct(t.recalled, t.truth)} of {t.truth} truth statement facts (exact periods{month})")
    print(
        f"concept accuracy {_pct(t.concept_ok, t.truth)} of all truth facts "
        f"({_pct(t.concept_ok, t.recalled).strip()} of recalled facts)"
    )
    print(f"wrong values     {_pct(t.wrong, t.compared)} of compared facts: {t.wrong} of {t.compared}")
    print(f"within a week    {t.within_week} truth facts stated with their end and a start 1-7 days off (no match)")
    print(f"period accuracy  {_pct(t.recalled, t.value_found)} of truth facts whose value we output")
    print(f"cover accuracy   {_pct(t.cover_ok, t.cover_truth)} of {t.cover_truth} truth cover fields")
    found, expected = t.statements_found, t.statements_expected
    print(f"statements found {_pct(found, expected)} of {expected} the manifest lists (balance, income, cash flow)")
    arelle = f"{valid}/{n} filings (no error, no warning)" if validated else "not run (--no-validate)"
    print(f"Arelle-valid     {arelle}; converted {converted}/{n}; clear errors {errors}; crashes {crashes}")
    left_out, declining = sum(len(o.left_out) for o in outcomes), sum(bool(o.left_out) for o in outcomes)
    print(f"left out         {left_out} parts the conversions declined, in {declining} filings")
    print(f"seconds/filing   {seconds:.1f}")
    return {
        "filings": n,
        "value_recall": _share(t.recalled, t.truth),
        "concept_accuracy": _share(t.concept_ok, t.truth),
        "concept_accuracy_of_recalled": _share(t.concept_ok, t.recalled),
        "wrong_values": t.wrong,
        "compared_facts": t.compared,
        "wrong_value_rate": _share(t.wrong, t.compared),
        "within_a_week": t.within_week,
        "period_accuracy": _share(t.recalled, t.value_found),
        "cover_accuracy": _share(t.cover_ok, t.cover_truth),
        "truth_statement_facts": t.truth,
        "truth_month_precision": t.month_precision,
        "truth_cover_fields": t.cover_truth,
        "statements_found": found,
        "statements_expected": expected,
        "converted": converted,
        "arelle_valid": valid if validated else None,
        "clear_errors": errors,
        "crashes": crashes,
        "parts_left_out": left_out,
        "seconds_per_filing": seconds,
    }


def report(outcomes: list[Outcome], show_missed: bool) -> tuple[dict, list[dict]]:
    """Per-filing lines, then summaries per corpus, together and for the legacy 8-K releases."""
    scored = [(o, *score(o)) for o in outcomes]
    print(f"{'filing':54} {'status':8} {'recall':>8} {'concept':>8} {'wrong':>8} {'cover':>8} {'truth':>6} {'secs':>6}")
    groups: dict[str, list] = {}
    for o, s, misses in scored:
        if o.corpus not in groups:
            print(f"-- {o.corpus}")
        groups.setdefault(o.corpus, []).append((o, s))
        print_filing(o, s, misses, show_missed)
    if len(groups) > 1:
        groups[TOGETHER] = [(o, s) for o, s, _ in scored]
    if any(o.legacy_8k for o in outcomes):
        groups[LEGACY_8K] = [(o, s) for o, s, _ in scored if o.legacy_8k]
    summaries = {name: summarize(name, [o for o, _ in g], [s for _, s in g]) for name, g in groups.items()}
    detail = [
        {
            "filing": o.filing,
            "corpus": o.corpus,
            "status": o.status,
            "message": o.message,
            "seconds": round(o.seconds, 2),
            **asdict(s),
            "misses": [{"kind": m.kind.value, "text": m.text} for m in misses],
            "left_out": o.left_out,
        }
        for o, s, misses in scored
    ]
    return summaries, detail


def _run(args) -> Outcome:
    corpus, row, validate, timeout, learned = args
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        job = pool.apply_async(run_one, (corpus, row, validate, learned))
        try:
            return job.get(timeout=timeout)
        except multiprocessing.TimeoutError:
            name = Path(row["local"]).name
            return Outcome(name, Path(corpus).name, is_legacy_8k(row), "timeout", f"over {timeout} s", timeout)


def _learned_tables(rows: list[tuple[Path, dict]], in_sample: bool) -> list[LearnedTable | None]:
    """Per filing, its learned-label table: re-learned without its company, or None (the shipped one)."""
    if in_sample:
        print("learned labels: in-sample (the shipped table, learned with the scored companies' filings)")
        return [None] * len(rows)
    tables = LeaveCompanyOut(CORPORA[0] / "truth" / "fsds", taxonomy_settings())
    ciks = [company_cik(corpus, row) for corpus, row in rows]
    unknown = sorted(Path(row["local"]).name for (_, row), cik in zip(rows, ciks, strict=True) if not cik)
    print(
        "learned labels: leave-company-out (re-learned without each filing's company)"
        + (f"; no CIK known for {', '.join(unknown)}" if unknown else "")
    )
    shipped = load_rules().learned
    if tables.table(None) != shipped:
        print("warning: converter/data/learned_labels.tsv is not what tools/learn_labels.py makes now")
    return [tables.table(cik) for cik in ciks]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", help="a corpus directory (repeatable)")
    parser.add_argument("--only", help="only filings whose name contains this text")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--no-validate", action="store_true", help="skip Arelle (faster, no validity column)")
    parser.add_argument(
        "--missed",
        action="store_true",
        help="list what each filing got wrong: missed facts, periods, concepts, wrong values, statements, cover",
    )
    parser.add_argument(
        "--in-sample-labels", action="store_true", help="use the shipped learned labels (not leave-company-out)"
    )
    parser.add_argument("--json", type=Path, help="write the summaries and per-filing results as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    rows = [
        (corpus, r)
        for corpus in (args.corpus or [c for c in CORPORA if c.is_dir()])
        for r in manifest(corpus)
        if not args.only or args.only in r["local"]
    ]
    tables = _learned_tables(rows, args.in_sample_labels)
    jobs = [
        (str(corpus), r, not args.no_validate, args.timeout, table)
        for (corpus, r), table in zip(rows, tables, strict=True)
    ]
    with multiprocessing.pool.ThreadPool(max(1, args.jobs)) as pool:
        outcomes = pool.map(_run, jobs)
    summaries, detail = report(outcomes, args.missed)
    elapsed = time.perf_counter() - started
    print(f"\nrun time         {elapsed:.0f} s with {args.jobs} jobs")
    if args.json:
        mode = "in-sample" if args.in_sample_labels else "leave-company-out"
        result = {"learned_labels": mode, "run_seconds": round(elapsed, 1), "summaries": summaries, "filings": detail}
        args.json.write_text(json.dumps(result, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
