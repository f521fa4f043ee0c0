"""Scale words as filings print them, in every spelling, and prose figures that state no scale."""

import pytest

from converter.extract.model import ScaleSource, UnitKind
from converter.extract.scale import find_scale, row_exponent, states_scale


@pytest.mark.parametrize(
    ("text", "monetary", "shares", "shares_stated"),
    [
        ("(Millions of dollars)", 6, 6, False),  # caterpillar 8-K 2022
        ("(MILLIONS, EXCEPT PER SHARE DATA)", 6, 6, False),  # pfizer 10-Q 2023
        ("(Millions, except per share amounts)", 6, 6, False),  # 3m 10-Q 2023
        ("(millions of dollars, unless noted)", 6, 6, False),  # exxon-mobil 10-Q 2023
        ("(In Millions of Dollars)", 6, 6, False),  # southern-co 8-K 2005
        ("In Millions\u2014Except Per Share Amounts", 6, 6, False),  # intel 10-K 2002
        ("$ in millions, except earnings per share", 6, 6, False),  # norfolk-southern 10-K 2008
        ("In thousands of dollars, except share amounts", 3, 0, True),  # tegna 10-K 2015
        ("(Amounts in thousands, except share data)", 3, 0, True),  # gainsco 10-K 2009
        ("(In thousands except share data)", 3, 0, True),  # national-american-university 10-Q 2014
        ("Amounts in million EUR", 6, 6, False),  # aegon 20-F 2000
        ("(EUR in millions)", 6, 6, False),  # aegon 20-F 2000
        ("(in million EUR, except per share amounts and ratios)", 6, 6, False),  # aegon 20-F 2000
        ("In millions; per-share amounts in dollars", 6, 6, False),  # general-electric 10-K 2023
        ("(Dollars in millions, shares in thousands,", 6, 3, True),  # general-electric 10-K 1993
        ("(Dollars and Shares in Millions Except Per Share Amounts)", 6, 6, True),  # johnson-johnson 10-K 2017
        ("(dollars in millions except per share data; shares in thousands)", 6, 3, True),  # abbott 10-Q 2023
        (  # apple 10-K 2024
            "In millions, except number of shares, which are reflected in thousands, and per-share amounts",
            6,
            3,
            True,
        ),
        # spellings reported from filings outside the corpora (issue 9)
        ("(in 000s, except share data)", 3, 0, True),
        ("Millions, Except Per Share Amounts, for the Years Ended December 31,", 6, 6, False),
        ("(000's omitted)", 3, 3, False),
        ("($000)", 3, 3, False),
        ("(Dollars in 000's)", 3, 3, False),
        ("(In millions of euros)", 6, 6, False),
        ("(EUR millions)", 6, 6, False),
        ("(in thousands of U.S. dollars)", 3, 3, False),
        ("(\u00a3m)", 6, 6, False),
    ],
)
def test_scale_spellings(text, monetary, shares, shares_stated):
    scale = find_scale(text)
    assert (scale.monetary, scale.shares, scale.per_share) == (monetary, shares, 0)
    assert scale.shares_stated is shares_stated
    assert scale.source is ScaleSource.WORDS


@pytest.mark.parametrize(
    "text",
    [
        "passing approximately an additional 3.1 million premises with FTTP",  # verizon 10-K 2008
        "Congress has approved tens of billions of dollars in new funding for broadband",  # comcast 10-K 2023
        "curred a net loss of approximately $1.4 million for the fiscal year",  # forward-industries 10-K 2016
        "(thousands of metric tons)",  # exxon-mobil 10-Q 2023: a scale, but not of money
        "total assets of $1.1 billion",
        "a $5 million charge",
        "CONSOLIDATED BALANCE SHEETS",
    ],
)
def test_prose_figures_and_other_quantities_state_no_scale_of_money(text):
    scale = find_scale(text)
    assert (scale.monetary, scale.source) == (0, ScaleSource.UNSTATED)


def test_in_us_dollars_states_actual_units():
    scale = find_scale("(In U.S. dollars, except share data)")
    assert (scale.monetary, scale.source) == (0, ScaleSource.WORDS)


def test_a_share_scale_alone_leaves_money_unstated():
    scale = find_scale("(Shares in thousands)")  # boeing 10-K 2003
    assert (scale.monetary, scale.shares, scale.shares_stated, scale.source) == (0, 3, True, ScaleSource.UNSTATED)


@pytest.mark.parametrize(
    ("texts", "kind", "exponent"),
    [
        (("Shares used in computing earnings per share (in thousands)",), UnitKind.SHARES, 3),
        (("Weighted average shares outstanding (000)",), UnitKind.SHARES, 3),
        (("Basic", "Weighted average shares (shares in millions)"), UnitKind.SHARES, 6),
        (("Revenues", "Weighted average shares (shares in millions)"), UnitKind.MONETARY, None),
        (("Notes payable, $5 million due 2005",), UnitKind.MONETARY, None),
    ],
)
def test_a_row_states_its_own_scale_for_its_kind(texts, kind, exponent):
    assert row_exponent(texts, kind) == exponent


def test_a_heading_row_that_states_the_scale_belongs_to_the_headings():
    assert states_scale("Millions of Dollars")
    assert states_scale("($000)")
    assert not states_scale("Net revenues")
