"""Learned labels: counted by distinct filers, clear majorities only, no label naming its filer,
a company can be left out; and the shipped table's loader."""

from dataclasses import replace
from pathlib import Path

import pytest

from converter.errors import MappingRulesError
from converter.extract.model import StatementKind
from converter.mapping.model import ConceptInfo
from converter.mapping.rules import LearnedLabel, load_learned, load_rules
from converter.resources import resource_path
from tools.label_learning import MIN_FILERS, Observation, fits_statement, learn, name_terms

BS = StatementKind.BALANCE_SHEET
CASH = "us-gaap:CashAndCashEquivalentsAtCarryingValue"
ANYTHING = lambda statement, concept: True  # noqa: E731 - every concept usable


def _names(n: int, start: int = 1) -> dict[str, tuple[str, ...]]:
    """Made-up filers with nothing in common in their names."""
    words = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA", "JULIET"]
    return {str(i): (f"{words[i - 1]} WIDGET MAKERS INC",) for i in range(start, start + n)}


def _printed(label: str, concept: str, ciks, statement=BS) -> list[Observation]:
    return [Observation(cik, statement, label, concept) for cik in ciks]


def test_a_label_needs_distinct_filers_not_filings():
    names = _names(3)
    one_filer_three_times = _printed("cash and cash equivalents", CASH, ["1", "1", "1"])
    assert learn(one_filer_three_times, names, ANYTHING) == {}
    three_filers = _printed("cash and cash equivalents", CASH, ["1", "2", "3"])
    assert learn(three_filers, names, ANYTHING) == {(BS, "cash and cash equivalents"): LearnedLabel(CASH, 3)}


@pytest.mark.parametrize(
    ("agree", "others", "learned"),
    [
        (MIN_FILERS - 1, 0, False),  # too few filers
        (3, 2, False),  # 3 of 5: no clear majority
        (4, 2, True),  # 4 of 6: two thirds
    ],
)
def test_a_label_needs_a_clear_majority_of_its_filers(agree, others, learned):
    names = _names(agree + others)
    observations = _printed("cash", CASH, [str(i) for i in range(1, agree + 1)])
    observations += _printed("cash", "", [str(i) for i in range(agree + 1, agree + others + 1)])  # own extensions
    assert bool(learn(observations, names, ANYTHING)) is learned


@pytest.mark.parametrize("maker", ["ZYQUORA", "VELMONTIX"])
def test_a_label_naming_its_own_filer_is_dropped(maker):
    names = {"1": (f"{maker} INC",), "2": (f"{maker} FINANCE CORP",), "3": (f"{maker} CAPITAL TRUST I",)}
    names.update(_names(3, start=4))
    total = "us-gaap:StockholdersEquity"
    observations = _printed(f"total {maker.lower()} shareholders equity", total, ["1", "2", "3"])
    observations += _printed("total shareholders equity", total, ["1", "2", "3"])
    learned = learn(observations, names, ANYTHING)
    assert set(learned) == {(BS, "total shareholders equity")}


def test_a_common_word_of_a_filers_name_is_not_a_name():
    names = {"1": ("NORTHERN ENERGY CORP",), **_names(4, start=2)}
    revenue = "us-gaap:Revenues"
    observations = _printed("energy revenues", revenue, ["1", "2", "3", "4"], StatementKind.INCOME_STATEMENT)
    learned = learn(observations, names, ANYTHING)
    assert learned == {(StatementKind.INCOME_STATEMENT, "energy revenues"): LearnedLabel(revenue, 4)}


def test_name_terms_join_split_names_and_skip_corporate_words():
    terms = name_terms(["QUUX MART STORES INC /DE/"])
    assert {"quux", "quuxmart", "quux mart"} <= terms
    assert not {"inc", "de"} & terms


def test_leaving_a_company_out_removes_its_votes():
    names = _names(3)
    observations = _printed("cash and cash equivalents", CASH, ["1", "2", "3"])
    assert learn(observations, names, ANYTHING)
    assert learn(observations, names, ANYTHING, exclude=["0000000002"]) == {}  # CIKs with leading zeros too


def test_a_concept_must_fit_the_statement():
    def concept(name: str, period_type: str, **kw) -> ConceptInfo:
        return ConceptInfo("us-gaap", name, "ns", period_type, None, "xbrli:monetaryItemType", **kw)

    taxonomy = {
        "us-gaap:Cash": concept("Cash", "instant"),
        "us-gaap:Revenues": concept("Revenues", "duration"),
        "us-gaap:Retired": concept("Retired", "instant", deprecated=True),
    }
    usable = fits_statement(taxonomy)
    assert usable(BS, "us-gaap:Cash") and not usable(BS, "us-gaap:Revenues")
    assert usable(StatementKind.EQUITY, "us-gaap:Cash") and usable(StatementKind.EQUITY, "us-gaap:Revenues")
    assert not usable(BS, "us-gaap:Retired") and not usable(BS, "us-gaap:Unknown")
    assert learn(_printed("cash", "us-gaap:Revenues", ["1", "2", "3"]), _names(3), usable) == {}


def test_loader_reads_concept_and_filer_count(tmp_path: Path):
    path = tmp_path / "learned.tsv"
    path.write_text(
        "# comment\nstatement\tlabel\tconcept\tfilers\ncash_flows\tcash dividends\tus-gaap:PaymentsOfDividends\t12\n",
        encoding="utf-8",
    )
    learned = load_learned(path)
    assert learned == {(StatementKind.CASH_FLOWS, "cash dividends"): LearnedLabel("us-gaap:PaymentsOfDividends", 12)}
    rules = replace(load_rules(), learned=learned)
    assert rules.learned_label(StatementKind.CASH_FLOWS, "Cash dividends (Note 7)").filers == 12
    assert rules.learned_concept(StatementKind.CASH_FLOWS, "Cash dividends") == "us-gaap:PaymentsOfDividends"
    assert rules.learned_concept(StatementKind.BALANCE_SHEET, "Cash dividends") is None


@pytest.mark.parametrize(
    "row",
    [
        "cash_flows\tcash dividends\tus-gaap:PaymentsOfDividends\n",  # no filer count
        "cash_flows\tcash dividends\tus-gaap:PaymentsOfDividends\tmany\n",
        "cash_flow\tcash dividends\tus-gaap:PaymentsOfDividends\t3\n",  # no such statement kind
    ],
)
def test_loader_refuses_malformed_rows(tmp_path: Path, row: str):
    path = tmp_path / "learned.tsv"
    path.write_text(row, encoding="utf-8")
    with pytest.raises(MappingRulesError, match="line 1"):
        load_learned(path)


def test_shipped_table_rests_on_enough_filers():
    learned = load_learned(resource_path("data/learned_labels.tsv"))
    assert learned and min(entry.filers for entry in learned.values()) >= MIN_FILERS
