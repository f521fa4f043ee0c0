"""Recovery after validation: the parts a finding names are left out, the narrowest that holds it."""

from dataclasses import replace
from datetime import date

from converter import pipeline
from converter.arelle_adapter import Finding
from converter.extract.model import Period
from converter.mapping.model import Arc, Role
from converter.omissions import PartKind
from converter.pipeline import ConvertOptions, prepare, validate_recovering
from converter.render import RenderedFiles, render_files
from converter.validate import ValidationReport
from converter.validate.recovery import leave_out_named

from .conftest import FIXTURES, fixture_cik
from .test_fact_guard import CASH, REVENUES, YEAR, YEAR_END, build, builder, money

OTHER = replace(CASH, name="OtherAssets")
ASSETS = replace(CASH, name="Assets")

ROLE = "http://abc.example/role/Statement"
OTHER_ROLE = "http://abc.example/role/Other"
LAST_YEAR_END = Period(end=date(2004, 12, 31))


def small_model():
    """Cash at two dates, other assets and assets (their sum) in one statement, revenues in it
    and in a second statement."""
    b = builder()
    money(b, CASH, YEAR_END, "10")  # f1
    money(b, CASH, LAST_YEAR_END, "8")  # f2
    money(b, REVENUES, YEAR, "10")  # f3
    money(b, OTHER, YEAR_END, "5")  # f4
    money(b, ASSETS, YEAR_END, "15")  # f5
    root = "us-gaap:StatementOfFinancialPositionAbstract"
    arcs = tuple(Arc(root, c.qname, n) for n, c in enumerate((CASH, OTHER, ASSETS, REVENUES), 1))
    sums = (Arc(ASSETS.qname, CASH.qname, 1), Arc(ASSETS.qname, OTHER.qname, 2))
    b.roles.append(Role("Statement", ROLE, "0000002 - Statement - One", arcs, sums))
    b.roles.append(Role("Other", OTHER_ROLE, "0000004 - Statement - Two", (Arc(root, REVENUES.qname, 1),)))
    return build(b)


def finding(code: str, *objects: str) -> Finding:
    return Finding("error", code, f"message of {code}", "", objects)


def test_a_finding_naming_a_fact_leaves_out_that_fact_only():
    model, records = leave_out_named(small_model(), [finding("xbrl.4.7.2:contextPeriodType", "f2", "i20041231")])
    assert [f.id for f in model.facts] == ["f1", "f3", "f4", "f5"]
    assert [c.id for c in model.contexts] == ["d20050101-20051231", "i20051231"]
    assert model.roles == small_model().roles
    (record,) = records
    assert (record.part, record.what) == (PartKind.FACT, "us-gaap:Cash = 8 for 2004-12-31")
    assert record.reason == "[xbrl.4.7.2:contextPeriodType] message of xbrl.4.7.2:contextPeriodType"
    assert model.left_out == records


def test_a_finding_naming_a_concept_leaves_out_its_facts():
    model, records = leave_out_named(small_model(), [finding("some:conceptProblem", "us-gaap_Cash")])
    assert [f.id for f in model.facts] == ["f3", "f4", "f5"]
    assert [(r.part, r.what) for r in records[:1]] == [(PartKind.CONCEPT, "us-gaap:Cash (2 facts)")]


def test_a_finding_naming_a_context_leaves_out_the_facts_in_it():
    model, records = leave_out_named(small_model(), [finding("xbrl.4.7.x:someContextProblem", "i20041231")])
    assert [f.id for f in model.facts] == ["f1", "f3", "f4", "f5"]
    assert [(r.part, r.what) for r in records] == [(PartKind.FACT, "us-gaap:Cash = 8 for 2004-12-31")]


def test_a_calculation_finding_leaves_out_the_total_s_relationships_not_facts():
    found = finding("calc11e:inconsistentCalculationUsingRounding", "f5", "f1", "f4", ROLE)
    model, records = leave_out_named(small_model(), [found])
    assert len(model.facts) == 5
    assert model.roles[0].calculation == ()
    (record,) = records
    assert record.part is PartKind.CALCULATION
    assert record.what == "us-gaap:Assets as the sum of its items in '0000002 - Statement - One'"


def test_calculation_findings_wait_while_another_finding_names_a_fact():
    found = [finding("calc11e:inconsistentCalculationUsingRounding", "f5", "f4", ROLE), finding("x:bad", "f2")]
    model, records = leave_out_named(small_model(), found)
    assert [r.what for r in records] == ["us-gaap:Cash = 8 for 2004-12-31"]
    assert model.roles[0].calculation == small_model().roles[0].calculation


def test_a_calculation_that_no_longer_adds_up_without_a_fact_goes_too():
    model, records = leave_out_named(small_model(), [finding("xbrl.4.7.2:contextPeriodType", "f1")])
    assert model.roles[0].calculation == ()
    assert [r.part for r in records] == [PartKind.FACT, PartKind.CALCULATION]
    assert records[1].reason == "it no longer adds up without the parts left out"


def test_a_finding_naming_only_a_statement_leaves_out_the_statement_and_what_only_it_presents():
    model, records = leave_out_named(small_model(), [finding("some:roleProblem", ROLE)])
    assert [r.uri for r in model.roles] == [OTHER_ROLE]
    assert [f.id for f in model.facts] == ["f3"]  # revenues are presented in the other statement too
    assert [(r.part, r.what) for r in records] == [(PartKind.STATEMENT, "'0000002 - Statement - One'")]


def test_a_finding_naming_nothing_of_ours_changes_nothing():
    model = small_model()
    assert leave_out_named(model, [finding("xbrlconv.factsDiffer"), finding("x:y", "us-gaap_Goodwill")]) == (
        model,
        (),
    )


def test_a_broken_fact_model_is_repaired_by_leaving_out_what_arelle_names(settings):
    """A fact put in a context of the other period type (what the builder prevents) fails
    XBRL 2.1; validation names the fact, recovery leaves it out, and the rest is valid."""
    name = "capstone_8-K_2007-11-08.txt"
    options = ConvertOptions(settings=settings, cik=fixture_cik(name))
    prepared = prepare(FIXTURES / name, options)
    model = prepared.model
    victim = next(f for f in model.facts if f.unit is not None and f.unit.id == "USD" and f.context.period.start)
    instant = next(c for c in model.contexts if c.period.is_instant and not c.dimensions)
    broken = replace(model, facts=tuple(replace(f, context=instant) if f is victim else f for f in model.facts))
    rendered = render_files(broken, prepared.submission, prepared.extraction, options.formats)
    prepared = replace(prepared, model=broken, rendered=rendered)

    repaired, report = validate_recovering(prepared, options)

    assert [f"{f.code}: {f.message}" for f in report.findings] == []
    assert victim.id not in {f.id for f in repaired.model.facts}
    assert len(repaired.model.facts) == len(model.facts) - 1
    codes = [r.reason.split("]")[0] for r in repaired.model.left_out if r.part is PartKind.FACT]
    assert codes == ["[xbrl.4.7.2:contextPeriodType"]


def test_recovery_stops_after_a_bounded_number_of_rounds(monkeypatch, settings):
    """Each validation names another fact; recovery gives up after RECOVERY_ROUNDS more tries."""
    model = small_model()
    calls = []

    def validate(prepared, _options):
        calls.append(len(prepared.model.facts))
        fact = prepared.model.facts[0]
        return ValidationReport(("x.htm",), (finding("x:bad", fact.id),), len(prepared.model.facts))

    monkeypatch.setattr(pipeline, "validate_rendered", validate)
    monkeypatch.setattr(pipeline, "render_files", lambda model, *args: RenderedFiles({}, ()))
    prepared = pipeline.Prepared(None, None, model, RenderedFiles({}, ()))

    repaired, report = validate_recovering(prepared, ConvertOptions(settings=settings))

    assert calls == [5, 4, 3, 2][: pipeline.RECOVERY_ROUNDS + 1]
    assert len([r for r in repaired.model.left_out if r.part is PartKind.FACT]) == pipeline.RECOVERY_ROUNDS
    assert not report.ok


def test_a_calculation_weight_against_the_balances_leaves_out_that_total_s_relationships():
    # GE: an extension total whose balance contradicts its calculation weight (Arelle
    # xbrl.5.1.1.2:balanceCalcWeightIllegalPositive, naming the relationship's role and its
    # 'from' concept) took its whole income statement out; only its sum should go.
    found = finding("xbrl.5.1.1.2:balanceCalcWeightIllegalPositive", "us-gaap_Assets", ROLE)
    model, records = leave_out_named(small_model(), [found])
    assert len(model.facts) == 5 and [r.uri for r in model.roles] == [ROLE, OTHER_ROLE]
    assert model.roles[0].calculation == ()
    assert [(r.part, r.what) for r in records] == [
        (PartKind.CALCULATION, "us-gaap:Assets as the sum of its items in '0000002 - Statement - One'")
    ]
