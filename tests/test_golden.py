"""Outputs are deterministic and match the reviewed files in golden/.

A failure first shows which facts changed (one sorted line per fact), then which files differ.
After reviewing a change, re-bless with: pytest tests/test_golden.py --bless-golden
"""

import shutil

import pytest

from .conftest import GOLDEN, SEEDS


def fact_lines(model) -> list[str]:
    """concept|period|unit|value lines, sorted, for diffs that read as a list of facts."""
    lines = []
    for f in model.facts:
        p = f.context.period
        period = p.end.isoformat() if p.start is None else f"{p.start.isoformat()}/{p.end.isoformat()}"
        value = "(nil)" if f.value is None else f.value_text()
        lines.append(f"{f.concept.qname}|{period}|{f.unit.id if f.unit else ''}|{value}|{f.decimals}")
    return sorted(lines)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_outputs_match_golden(seed_outputs, name, request):
    result, outdir = seed_outputs[name]
    golden = GOLDEN / name
    facts = "\n".join(fact_lines(result.model)) + "\n"
    if request.config.getoption("--bless-golden"):
        shutil.rmtree(golden, ignore_errors=True)
        golden.mkdir(parents=True)
        for path in result.files:
            shutil.copyfile(path, golden / path.name)
        (golden / "facts.txt").write_text(facts, encoding="utf-8")
    assert (golden / "facts.txt").read_text(encoding="utf-8").splitlines() == facts.splitlines()
    expected = sorted(p.name for p in golden.iterdir() if p.name != "facts.txt")
    assert sorted(p.name for p in result.files) == expected
    for path in result.files:
        assert path.read_bytes() == (golden / path.name).read_bytes(), f"{path.name} differs from golden"


def test_conversion_is_deterministic(seed_outputs, settings, tmp_path):
    from converter.pipeline import ConvertOptions, convert

    from .conftest import FIXTURES

    name = "capstone_8-K_2007-11-08"
    again = convert(
        FIXTURES / f"{name}.txt", tmp_path, ConvertOptions(settings=settings, cik=SEEDS[name], validate=False)
    )
    first, _ = seed_outputs[name]
    assert {p.name: p.read_bytes() for p in again.files} == {p.name: p.read_bytes() for p in first.files}
