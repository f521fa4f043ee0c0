"""Validation that does not check the published base taxonomies' concepts again, and the warm
validator that keeps them loaded, report what a plain Arelle run reports, on our outputs and on
deliberately broken copies of them."""

import re
import shutil

import pytest

from converter.arelle_adapter import validate_file, warm_validator
from converter.mapping.rules import load_rules

from . import broken_copies as broken
from .conftest import GOLDEN

OUTPUTS = GOLDEN / "capstone_8-K_2007-11-08"
PUBLISHED = frozenset({"http://fasb.org/us-gaap/2024", "http://xbrl.sec.gov/dei/2024", "http://fasb.org/srt/2024"})


def _said(findings) -> list[tuple[str, str, str]]:
    """Findings as Arelle words them, but for the numbers of its internal objects that some
    messages quote ('ModelSequence[759, ...'), which depend on how many objects it made before."""
    return sorted((f.level, f.code, re.sub(r"(\w)\[\d+,", r"\1[#,", f.message)) for f in findings)


@pytest.mark.parametrize(
    "breaks",
    [
        None,
        broken.misspelled_concept,
        broken.fact_without_unit,
        broken.total_that_no_longer_adds_up,
        broken.duplicate_with_another_value,
        broken.extension_concept_without_period_type,
    ],
)
def test_trusting_published_taxonomies_reports_the_same_findings(settings, tmp_path, breaks):
    copy = tmp_path / "outputs"
    shutil.copytree(OUTPUTS, copy)
    instance, schema = copy / "cpst-20071108.xml", copy / "cpst-20071108.xsd"
    if breaks is not None:
        xml, xsd = breaks(instance.read_text(encoding="utf-8"), schema.read_text(encoding="utf-8"))
        instance.write_text(xml, encoding="utf-8")
        schema.write_text(xsd, encoding="utf-8")
    warm = warm_validator(load_rules().taxonomies, settings)
    assert warm is not None  # Linux, Arelle 2.47: the warm path is taken
    for entry in (instance, copy / "cpst-20071108.htm"):
        plain = validate_file(entry, settings)
        for findings, facts in (validate_file(entry, settings, PUBLISHED), warm.validate(entry)):
            assert _said(findings) == _said(plain[0])
            assert facts == plain[1]
    if breaks is not None:
        assert validate_file(instance, settings, PUBLISHED)[0]  # the broken copy is caught
