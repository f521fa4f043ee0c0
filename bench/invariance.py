"""Invariance benchmark: rewrite each corpus filing in ways that must not change a fact and count
what changed.

    python bench/invariance.py [--corpus DIR ...] [--only TEXT] [--rewrite NAME ...] [--jobs N] [--missed]

Filers type the same statements in many ways: with tabs or spaces, with or without SGML table tags,
indented, in capitals; HTML writers spell the same table in many ways. A converter whose rules fit
the layouts of its corpus gives other facts for the same statements typed another way. This bench
needs no truth and no new filings: it converts each filing of ../shared/corpus and ../shared/corpus2
(unless --corpus names others) and each rewrite of it (bench/rewrites.py), without validation, and
compares their numeric facts: by concept (an extension by its name without a clash suffix), period,
dimensions and unit. Per rewrite it prints the filings it applies to, how many state exactly the
facts of the original, and the facts lost, gained and changed (same concept and period, another
value) over all of them; --missed names the filings that differ and a few of their facts.
"""

import argparse
import multiprocessing
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from fidelity import CORPORA, PLACEHOLDER_CIK, manifest, needs_cik  # noqa: E402
from rewrites import REWRITES, Applies, Rewrite  # noqa: E402
from truth import strip_inline_tags  # noqa: E402

from converter.errors import XbrlconvError  # noqa: E402
from converter.packages import taxonomy_settings  # noqa: E402
from converter.pipeline import ConvertOptions, prepare  # noqa: E402

SHOWN = 3

FactKey = tuple[str, str, str, str, str]
Facts = dict[FactKey, tuple[Decimal, ...]]


@dataclass
class Difference:
    rewrite: str
    filing: str
    facts: int = 0
    lost: list[FactKey] = field(default_factory=list)
    gained: list[FactKey] = field(default_factory=list)
    changed: list[FactKey] = field(default_factory=list)
    error: str = ""

    @property
    def same(self) -> bool:
        return not (self.lost or self.gained or self.changed or self.error)


def facts_of(path: Path, cik: str | None) -> Facts:
    """The numeric facts a conversion states, keyed so that the same statement read the same way
    gives the same keys whatever its extension concepts are numbered."""
    prepared = prepare(path, ConvertOptions(settings=taxonomy_settings(), cik=cik))
    found: dict[FactKey, list[Decimal]] = {}
    for fact in prepared.model.facts:
        if not isinstance(fact.value, Decimal):
            continue
        concept = fact.concept
        name = re.sub(r"\d+$", "", concept.name) if concept.is_extension else concept.name
        period, unit = fact.context.period, fact.unit.id if fact.unit else ""
        key = (name, str(period.start), str(period.end), str(fact.context.dimensions), unit)
        found.setdefault(key, []).append(fact.value)
    return {key: tuple(sorted(values)) for key, values in found.items()}


def compare(rewrite: str, filing: str, original: Facts, rewritten: Facts) -> Difference:
    return Difference(
        rewrite,
        filing,
        len(original),
        [k for k in original if k not in rewritten],
        [k for k in rewritten if k not in original],
        [k for k in original if k in rewritten and rewritten[k] != original[k]],
    )


def run_filing(job: tuple[str, dict, tuple[str, ...]]) -> list[Difference]:
    """The filing converted as it is and as each rewrite that applies to it makes it."""
    corpus, row, wanted = job
    path = Path(corpus) / row["local"]
    data = path.read_bytes()
    if "inline" in row.get("format", "").lower():
        data = strip_inline_tags(data)
    text = data.decode("latin-1")
    applies = Applies.TEXT if path.suffix.lower() == ".txt" else Applies.HTML
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        original = Path(tmp) / "original" / path.name
        original.parent.mkdir()
        original.write_bytes(data)
        cik = (row.get("cik") or PLACEHOLDER_CIK) if needs_cik(path) else None
        try:
            base = facts_of(original, cik)
        except XbrlconvError:
            return []  # not a filing the converter takes as it is: nothing to compare
        for rewrite in REWRITES:
            if rewrite.applies is not applies or (wanted and rewrite.name not in wanted):
                continue
            new = rewrite.rewrite(text)
            if new == text:
                continue
            copy = Path(tmp) / re.sub(r"\W", "_", rewrite.name) / path.name
            copy.parent.mkdir()
            copy.write_bytes(new.encode("latin-1"))
            try:
                out.append(compare(rewrite.name, path.name, base, facts_of(copy, cik)))
            except XbrlconvError as exc:
                out.append(Difference(rewrite.name, path.name, len(base), error=str(exc)[:160]))
    return out


def jobs(corpora: list[Path], only: str, wanted: tuple[str, ...]) -> Iterator[tuple[str, dict, tuple[str, ...]]]:
    for corpus in corpora:
        for row in manifest(corpus):
            if only in row["local"]:
                yield str(corpus), row, wanted


def report(rewrite: Rewrite, found: list[Difference], missed: bool) -> None:
    if not found:
        return
    same = sum(1 for d in found if d.same)
    total = sum(d.facts for d in found)
    lost, gained, changed = (sum(len(getattr(d, part)) for d in found) for part in ("lost", "gained", "changed"))
    print(
        f"{rewrite.name:14} {len(found):4} filings {same:4} unchanged   facts of the originals {total:6}:"
        f" lost {lost:4}  gained {gained:4}  changed {changed:4}  errors {sum(1 for d in found if d.error)}"
    )
    if missed:
        for d in (d for d in found if not d.same):
            counts = f"lost {len(d.lost)} gained {len(d.gained)} changed {len(d.changed)}"
            print(f"      {d.filing}: {d.error or counts}")
            for part in ("lost", "gained", "changed"):
                for key in getattr(d, part)[:SHOWN]:
                    print(f"          {part}: {key[0]} {key[1]}..{key[2]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path)
    parser.add_argument("--only", default="", help="filings whose path contains TEXT")
    parser.add_argument("--rewrite", action="append", default=[], help="only this rewrite (repeatable)")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    parser.add_argument("--missed", action="store_true", help="name the filings whose facts changed")
    args = parser.parse_args()
    started = time.perf_counter()
    work = list(jobs(args.corpus or list(CORPORA), args.only, tuple(args.rewrite)))
    with multiprocessing.Pool(args.jobs) as pool:
        found = [d for result in pool.imap(run_filing, work) for d in result]
    for rewrite in REWRITES:
        report(rewrite, [d for d in found if d.rewrite == rewrite.name], args.missed)
    unchanged = sum(1 for d in found if d.same)
    print(f"\nall rewrites   {len(found):4} rewritten filings, {unchanged} state exactly the facts of their original")
    print(f"run time       {time.perf_counter() - started:.0f} s with {args.jobs} jobs, {len(work)} filings")


if __name__ == "__main__":
    main()
