"""taxonomy_map.yaml: loading, validation with messages that name the rule, fit with the taxonomy."""

import pytest
import yaml

from converter.errors import MappingRulesError
from converter.extract.model import StatementKind
from converter.mapping.checks import check_rules
from converter.mapping.rules import load_rules, normalize_label, parse_rules
from converter.resources import resource_path


def shipped():
    return yaml.safe_load(resource_path("taxonomy_map.yaml").read_text(encoding="utf-8"))


def test_shipped_rules_fit_the_taxonomy(taxonomy):
    rules = load_rules()
    check_rules(rules, taxonomy)
    assert rules.statement(StatementKind.BALANCE_SHEET).root == "us-gaap:StatementOfFinancialPositionAbstract"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["line_items"][0].update(concept="Revenues"), r"line_items\[0\]: 'Revenues' is not a prefixed"),
        (lambda d: d["line_items"][1].update(labels=["(unclosed"]), r"line_items\[1\]: bad pattern"),
        (lambda d: d["line_items"][2].update(sections=["nowhere"]), r"line_items\[2\]: sections names undefined"),
        (lambda d: d["line_items"][3].update(colour="red"), r"line_items\[3\]: unknown keys \['colour'\]"),
        (lambda d: d["line_items"][4].update({"in": ["ledger"]}), r"line_items\[4\]: unknown statement kind"),
        (lambda d: d.update(version=2), "version: 1"),
    ],
)
def test_malformed_rules_are_reported_by_rule(edit, message):
    data = shipped()
    edit(data)
    with pytest.raises(MappingRulesError, match=message):
        parse_rules(data)


def test_rules_naming_a_missing_concept_fail_the_taxonomy_check(taxonomy):
    data = shipped()
    data["line_items"][0]["concept"] = "us-gaap:CashAndCashEquivalentsAtCarryingValueTypo"
    with pytest.raises(MappingRulesError, match="not in the loaded taxonomy"):
        check_rules(parse_rules(data), taxonomy)


def test_rules_with_a_wrong_period_type_fail_the_taxonomy_check(taxonomy):
    data = shipped()
    data["line_items"].insert(0, {"concept": "us-gaap:Revenues", "in": ["balance_sheet"], "labels": ["^sales$"]})
    with pytest.raises(MappingRulesError, match="period type duration"):
        check_rules(parse_rules(data), taxonomy)


def test_label_normalization():
    assert normalize_label("Stockholders\u2019 Equity (Note 7):") == "stockholders' equity"
    assert normalize_label("Net loss per share of common stock -- Basic and Diluted") == (
        "net loss per share of common stock -- basic and diluted"
    )
