"""Fidelity benchmark: convert every corpus filing and compare the facts with ground truth.

    python bench/fidelity.py [--corpus DIR] [--only TEXT] [--jobs N] [--no-validate] [--json FILE]

Per filing and overall it prints:
- value recall: truth statement facts whose value we output for the same period (any concept);
- concept accuracy: of those, the share we gave the truth's concept or an accepted equivalent;
- period accuracy: of truth facts whose value we output at all, the share with the right period;
- cover accuracy: truth cover fields (dei) whose value we output;
- statements found: of the balance sheets, income and cash-flow statements MANIFEST.tsv says a
  filing has, the share we found;
- whether the outputs are Arelle-valid, crashes (tracebacks) apart from clear errors, and seconds.

Truth statement facts are truth facts shown on a page headed by a primary statement's title: for
inline XBRL, facts tagged on such a page; for other sources, values printed on one (so values the
filing does not show, or shows only in notes, do not count).
Durations match when they end on the same day and start within a week (52/53-week fiscal years).
Inline XBRL filings are converted with their ix tags stripped and compared with their own facts.
Filings without an SEC header get the CIK from MANIFEST.tsv (as a user passes --cik), or a
placeholder when the manifest has none either.
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
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from equivalents import accepted_concepts  # noqa: E402
from truth import (  # noqa: E402
    STATEMENT_TITLE,
    TruthCover,
    TruthFact,
    companyfacts,
    cover_json,
    ex27,
    fsds,
    inline_facts,
    normalize_cover,
    strip_inline_tags,
)

from converter.errors import XbrlconvError  # noqa: E402
from converter.ingest import read_submission  # noqa: E402
from converter.packages import taxonomy_settings  # noqa: E402
from converter.pipeline import ConvertOptions, prepare, validate_rendered  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
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


@dataclass
class Outcome:
    filing: str
    status: str = "ok"  # ok | invalid | error | crash | timeout
    message: str = ""
    seconds: float = 0.0
    errors: int = 0
    facts: list = field(default_factory=list)  # (concept, start, end, value)
    cover: dict = field(default_factory=dict)  # dei local name -> normalized value
    truth: list = field(default_factory=list)  # TruthFact as tuples, statement facts only
    truth_cover: list = field(default_factory=list)
    expected_kinds: list = field(default_factory=list)  # statement kinds MANIFEST.tsv says the filing has
    kinds: list = field(default_factory=list)  # statement kinds we found


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
            if len(line.strip()) <= 150 and STATEMENT_TITLE.search(line):
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


def _needs_cik(path: Path) -> bool:
    try:
        submission = read_submission(path)
    except XbrlconvError:
        return False
    return not (submission.header and submission.header.cik)


def run_one(corpus: str, row: dict, validate: bool) -> Outcome:
    corpus_dir, filing = Path(corpus), Path(row["local"]).name
    path = corpus_dir / row["local"]
    outcome = Outcome(filing)
    truth_facts: list[TruthFact] = [
        *companyfacts(corpus_dir, filing),
        *fsds(corpus_dir, filing),
        *ex27(corpus_dir, filing),
    ]
    truth_cover: list[TruthCover] = list(cover_json(corpus_dir, filing))
    inline = "inline" in row.get("format", "").lower()
    if inline:
        facts, covers = inline_facts(path)
        truth_facts += facts
        truth_cover += covers
    printed = statement_text(path)
    outcome.truth = [
        (t.source, t.concept, t.start, t.end, t.value) for t in truth_facts if is_printed(t.value, printed)
    ]
    outcome.truth_cover = [(t.source, t.concept, t.value) for t in truth_cover if t.concept in SCORED_COVER_FIELDS]
    outcome.expected_kinds = [kind for column, kind in MANIFEST_KINDS.items() if row.get(column) == "yes"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        source = path
        if inline:
            source = Path(tmp) / filing
            source.write_bytes(strip_inline_tags(path.read_bytes()))
        try:
            cik = (row.get("cik") or PLACEHOLDER_CIK) if _needs_cik(path) else None
            options = ConvertOptions(settings=taxonomy_settings(), cik=cik)
            prepared = prepare(source, options)
            outcome.kinds = sorted({KIND_OF.get(t.kind, t.kind) for t in prepared.extraction.statements})
            outcome.facts = [
                (f.concept.name, f.context.period.start, f.context.period.end, f.value)
                for f in prepared.model.facts
                if isinstance(f.value, Decimal)
            ]
            outcome.cover = {
                f.concept.name: normalize_cover(f.concept.name, str(f.value))
                for f in reversed(prepared.model.facts)
                if f.concept.prefix == "dei" and f.value is not None
            }
            if validate:
                report = validate_rendered(prepared, options.settings)
                findings = report.errors + report.warnings  # valid as the seeds are: no error, no warning
                outcome.errors = len(findings)
                outcome.status = "invalid" if findings else "ok"
                outcome.message = f"{findings[0].code}: {findings[0].message}"[:200] if findings else ""
        except XbrlconvError as exc:
            outcome.status, outcome.message = "error", str(exc)[:200]
        except Exception as exc:  # noqa: BLE001 - a crash is what this benchmark counts
            outcome.status = "crash"
            outcome.message = f"{type(exc).__name__}: {exc} @ {traceback.extract_tb(exc.__traceback__)[-1]}"[:300]
    outcome.seconds = time.perf_counter() - started
    return outcome


def _same_period(ours_start, ours_end, start, end) -> bool:
    if ours_end != end or (ours_start is None) != (start is None):
        return False
    return start is None or abs((ours_start - start).days) <= 7


@dataclass
class Score:
    truth: int = 0
    recalled: int = 0
    concept_ok: int = 0
    value_found: int = 0
    period_ok: int = 0
    cover_truth: int = 0
    cover_ok: int = 0
    statements_expected: int = 0
    statements_found: int = 0


def score(outcome: Outcome) -> tuple[Score, list[str]]:
    """Counts for one filing, and what it got wrong (for the report): truth facts missed, or found
    under another concept, statements not found, cover fields that differ."""
    s = Score()
    missed = []
    by_value = defaultdict(list)
    for concept, start, end, value in outcome.facts:
        by_value[value].append((concept, start, end))
    seen = set()
    for source, concept, start, end, value in outcome.truth:
        key = (concept, start, end, value)
        if key in seen:
            continue
        seen.add(key)
        s.truth += 1
        candidates = by_value.get(value, [])
        if candidates:
            s.value_found += 1
        matching = [c for c, st, en in candidates if _same_period(st, en, start, end)]
        if matching:
            s.recalled += 1
            s.period_ok += 1
            if any(c in accepted_concepts(concept) for c in matching):
                s.concept_ok += 1
            else:
                missed.append(f"concept {source}:{concept} {start or ''}..{end} = {value}: ours {', '.join(matching)}")
        else:
            missed.append(f"{source}:{concept} {start or ''}..{end} = {value}")
    for kind in outcome.expected_kinds:
        s.statements_expected += 1
        if kind in outcome.kinds:
            s.statements_found += 1
        else:
            missed.append(f"statement {kind} (MANIFEST.tsv lists one)")
    for _, concept, value in outcome.truth_cover:
        s.cover_truth += 1
        if outcome.cover.get(concept) == value:
            s.cover_ok += 1
        else:
            missed.append(f"cover {concept}: truth {value!r}, ours {outcome.cover.get(concept)!r}")
    return s, missed


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     - "


def manifest(corpus: Path) -> list[dict]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["kind"] == "filing"]
    return [r for r in rows if (corpus / r["local"]).is_file()]


def report(outcomes: list[Outcome], show_missed: bool) -> dict:
    total = Score()
    print(
        f"{'filing':54} {'status':8} {'recall':>8} {'concept':>8} {'period':>8} {'cover':>8} {'truth':>6} {'secs':>6}"
    )
    for o in outcomes:
        s, missed = score(o)
        for name in asdict(total):
            setattr(total, name, getattr(total, name) + getattr(s, name))
        print(
            f"{o.filing[:54]:54} {o.status:8} {_pct(s.recalled, s.truth):>8} {_pct(s.concept_ok, s.recalled):>8} "
            f"{_pct(s.period_ok, s.value_found):>8} {_pct(s.cover_ok, s.cover_truth):>8} {s.truth:6d} {o.seconds:6.1f}"
            + (f"  {o.message[:90]}" if o.status != "ok" else "")
        )
        if show_missed:
            for line in missed[:40]:
                print(f"      missed {line}")
    n = len(outcomes)
    valid = sum(1 for o in outcomes if o.status == "ok")
    crashes = sum(1 for o in outcomes if o.status in ("crash", "timeout"))
    summary = {
        "filings": n,
        "value_recall": total.recalled / total.truth if total.truth else None,
        "concept_accuracy": total.concept_ok / total.recalled if total.recalled else None,
        "period_accuracy": total.period_ok / total.value_found if total.value_found else None,
        "cover_accuracy": total.cover_ok / total.cover_truth if total.cover_truth else None,
        "truth_statement_facts": total.truth,
        "truth_cover_fields": total.cover_truth,
        "statements_found": total.statements_found,
        "statements_expected": total.statements_expected,
        "arelle_valid": valid,
        "clear_errors": sum(1 for o in outcomes if o.status == "error"),
        "crashes": crashes,
        "seconds_per_filing": sum(o.seconds for o in outcomes) / n if n else None,
    }
    print()
    print(f"value recall     {_pct(total.recalled, total.truth)} of {total.truth} truth statement facts")
    print(f"concept accuracy {_pct(total.concept_ok, total.recalled)} of recalled facts")
    print(f"period accuracy  {_pct(total.period_ok, total.value_found)} of truth facts whose value we output")
    print(f"cover accuracy   {_pct(total.cover_ok, total.cover_truth)} of {total.cover_truth} truth cover fields")
    found, expected = total.statements_found, total.statements_expected
    print(f"statements found {_pct(found, expected)} of {expected} the manifest lists (balance, income, cash flow)")
    print(
        f"Arelle-valid     {valid}/{n} filings (no error, no warning); "
        f"clear errors {summary['clear_errors']}; crashes {crashes}"
    )
    print(f"seconds/filing   {summary['seconds_per_filing']:.1f}" if n else "")
    return summary


def _run(args) -> Outcome:
    corpus, row, validate, timeout = args
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        job = pool.apply_async(run_one, (corpus, row, validate))
        try:
            return job.get(timeout=timeout)
        except multiprocessing.TimeoutError:
            return Outcome(Path(row["local"]).name, status="timeout", message=f"over {timeout} s", seconds=timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only", help="only filings whose name contains this text")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--no-validate", action="store_true", help="skip Arelle (faster, no validity column)")
    parser.add_argument(
        "--missed",
        action="store_true",
        help="list what each filing got wrong: missed facts, wrong concepts, statements, cover fields",
    )
    parser.add_argument("--json", type=Path, help="write the summary and per-filing results as JSON")
    args = parser.parse_args()
    rows = [r for r in manifest(args.corpus) if not args.only or args.only in r["local"]]
    jobs = [(str(args.corpus), r, not args.no_validate, args.timeout) for r in rows]
    with multiprocessing.pool.ThreadPool(max(1, args.jobs)) as pool:
        outcomes = pool.map(_run, jobs)
    summary = report(outcomes, args.missed)
    if args.json:
        detail = [
            {
                "filing": o.filing,
                "status": o.status,
                "message": o.message,
                "seconds": round(o.seconds, 2),
                **{k: v for k, v in asdict(score(o)[0]).items()},
            }
            for o in outcomes
        ]
        args.json.write_text(json.dumps({"summary": summary, "filings": detail}, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
