"""One bad part does not sink the filing: it is left out, listed on stderr and in --report, and
the rest is written (valid); --strict makes it an error (exit 8) and writes nothing.

No corpus filing makes an invalid part today, so the bad part is made at the model level: one
duration fact of a real filing put in an instant context (what xbrl.4.7.2 rejects, and what the
builder's guard would prevent), after mapping.
"""

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from converter import outputs, pipeline
from converter.cli import main
from converter.errors import OutputError
from converter.extract.model import Period, StatementKind

from .conftest import FIXTURES, GOLDEN, package_args

SEED = FIXTURES / "capstone_8-K_2007-11-08.txt"
OUTPUTS = sorted(p.name for p in (GOLDEN / "capstone_8-K_2007-11-08").iterdir() if p.name != "facts.txt")


def break_one_fact(model):
    """The model with its first monetary duration fact moved to an instant context."""
    victim = next(f for f in model.facts if f.unit is not None and f.unit.id == "USD" and f.context.period.start)
    instant = next(c for c in model.contexts if c.period.is_instant and not c.dimensions)
    return replace(model, facts=tuple(replace(f, context=instant) if f is victim else f for f in model.facts))


@pytest.fixture
def one_bad_part(monkeypatch):
    build = pipeline.build_model
    monkeypatch.setattr(pipeline, "build_model", lambda *args: break_one_fact(build(*args)))


def convert(tmp_path, *options):
    args = ["convert", SEED, "-o", tmp_path / "out", "--cik", "1009759", "--report", tmp_path / "report.json"]
    result = CliRunner().invoke(main, [str(a) for a in args + list(options) + package_args()])
    report = json.loads((tmp_path / "report.json").read_text()) if (tmp_path / "report.json").exists() else None
    return result, report


def test_a_part_that_would_make_the_outputs_invalid_is_left_out_and_the_rest_written(tmp_path, one_bad_part):
    result, report = convert(tmp_path)

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == OUTPUTS  # no temporary file left behind
    assert (report["errors"], report["warnings"], report["validated"]) == (0, 0, True)
    assert report["written"] == [str(tmp_path / "out" / name) for name in OUTPUTS]
    assert [f["part"] for f in report["left_out"]] == ["fact", "calculation"]  # the sum it was part of goes too
    facts = report["left_out"][:1]
    assert facts[0]["what"].startswith("us-gaap:") and facts[0]["what"].endswith("for 2007-03-31")
    assert facts[0]["reason"].startswith("[xbrl.4.7.2:contextPeriodType] ")
    assert facts[0]["where"].startswith("line ")
    stderr = result.stderr.splitlines()
    assert stderr == [f"xbrlconv: left out {f['part']} {f['what']}: {f['reason']}" + (
        f" ({f['where']})" if f["where"] else "") for f in report["left_out"]]  # fmt: skip
    assert f"{report['facts']} facts; Arelle validation: 0 errors, 0 warnings" in result.stdout
    assert f"{len(report['left_out'])} parts left out (listed on stderr)" in result.stdout

    code = CliRunner().invoke(
        main, ["validate", str(tmp_path / "out" / "cpst-20071108.htm"), *map(str, package_args())]
    )
    assert code.exit_code == 0, code.output


def test_strict_makes_a_part_left_out_an_error_and_writes_nothing(tmp_path, one_bad_part):
    result, report = convert(tmp_path, "--strict")

    assert result.exit_code == 8
    assert not (tmp_path / "out").exists()
    errors = [line for line in result.stderr.splitlines() if line.startswith("xbrlconv: error: ")]
    assert len(errors) == 1 and "(--strict)" in errors[0]
    assert report["written"] == [] and report["errors"] == 0
    assert len(report["left_out"]) >= 1
    left_out_lines = [line for line in result.stderr.splitlines() if line.startswith("xbrlconv: left out ")]
    assert len(left_out_lines) == len(report["left_out"])


def test_strict_conversion_of_a_filing_with_nothing_left_out_succeeds(tmp_path):
    result, report = convert(tmp_path, "--strict", "--format", "xbrl")
    assert result.exit_code == 0, result.output
    assert report["left_out"] == [] and result.stderr == ""


def test_report_without_validation_says_so(tmp_path):
    result, report = convert(tmp_path, "--no-validate")
    assert result.exit_code == 0, result.output
    assert (report["validated"], report["errors"], report["warnings"], report["findings"]) == (False, None, None, [])
    assert report["facts"] > 0 and len(report["written"]) == len(OUTPUTS)


def test_a_write_that_fails_midway_leaves_neither_outputs_nor_temporary_files(tmp_path, monkeypatch):
    synced = []

    def fsync(fd):
        synced.append(fd)
        if len(synced) == 3:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", fsync)
    files = {name: b"<x/>" for name in OUTPUTS}
    with pytest.raises(OutputError, match="No space left on device"):
        outputs.write_outputs(files, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_errors_that_leaving_parts_out_cannot_fix_still_fail_with_the_report(tmp_path, monkeypatch):
    """An extension concept without a label (an internal fault) stays presented after its facts
    are left out: the error remains, the conversion fails (exit 6), nothing is written, and the
    report says what was tried."""
    build = pipeline.build_model

    def unlabelled(*args):
        model = build(*args)
        concept = next(c for c in model.extension_concepts if not c.abstract)
        return replace(model, labels=tuple(x for x in model.labels if x[0] != concept.qname))

    monkeypatch.setattr(pipeline, "build_model", unlabelled)
    result, report = convert(tmp_path)

    assert result.exit_code == 6
    assert not (tmp_path / "out").exists()
    assert report["written"] == [] and report["errors"] >= 1
    assert {f["code"] for f in report["findings"]} == {"xbrlconv.efm.missingLabel"}
    assert [f["part"] for f in report["left_out"]][:1] == ["concept"]
    assert result.stderr.splitlines()[-1].startswith("xbrlconv: error: generated XBRL has ")


def test_help_documents_the_exit_codes_of_parts_left_out():
    text = " ".join(CliRunner().invoke(main, ["convert", "--help"]).output.split())
    assert "0 converted (parts may have been left out; see stderr)" in text
    assert "8 parts left out with --strict (nothing written)" in text


def test_a_flow_column_read_as_an_instant_splits_extensions_and_leaves_standard_facts_out(
    tmp_path, monkeypatch, settings
):
    """How the issue's xbrl.4.7.2 arises: an income-statement column whose heading reads as an
    instant ("As of ...": extract.periods.period_of) makes facts of duration concepts for an instant.
    The builder gives the extension rows a sibling of instant type and leaves the standard concepts'
    values of that column out; the outputs are valid, with nothing for validation to recover."""
    name = "apple_8-K_2024-02-01.txt"
    real_extract = pipeline.extract

    def one_instant_column(submission, overrides):
        extraction = real_extract(submission, overrides)
        income = next(t for t in extraction.statements if t.kind is StatementKind.INCOME_STATEMENT)
        first = income.columns[0]
        columns = (replace(first, period=Period(end=first.period.end)), *income.columns[1:])
        tables = tuple(replace(t, columns=columns) if t is income else t for t in extraction.statements)
        return replace(extraction, statements=tables)

    monkeypatch.setattr(pipeline, "extract", one_instant_column)
    result = pipeline.convert(FIXTURES / name, tmp_path, pipeline.ConvertOptions(settings=settings))

    assert result.report.findings == ()
    model = result.model
    siblings = [c for c in model.extension_concepts if c.period_type == "instant" and c.name.endswith("Instant")]
    assert siblings
    for sibling in siblings:
        original = next(c for c in model.extension_concepts if c.name == sibling.name.removesuffix("Instant"))
        assert original.period_type == "duration"
        assert {f.context.period.is_instant for f in model.facts if f.concept == sibling} == {True}
        assert any(q == sibling.qname and text.endswith(" (Instant)") for q, _, text in model.labels)
    left = [
        r for r in result.conversion.left_out if "is a duration concept, and this value is for an instant" in r.reason
    ]
    assert left and all(r.what.startswith("us-gaap:") for r in left)
    assert not [f for f in model.facts if f.concept.period_type == "duration" and f.context.period.is_instant]
