"""Deliberately broken copies of an XBRL instance we wrote: each edit breaks one rule that
validation must catch. Each takes and returns (instance text, schema text)."""

import re


def first_match(pattern: str, text: str) -> re.Match:
    match = re.search(pattern, text)
    assert match, pattern
    return match


def misspelled_concept(xml: str, xsd: str) -> tuple[str, str]:
    return xml.replace("<us-gaap:Revenues ", "<us-gaap:Revenuez ", 1).replace(
        "</us-gaap:Revenues>", "</us-gaap:Revenuez>", 1
    ), xsd


def fact_without_unit(xml: str, xsd: str) -> tuple[str, str]:
    return xml.replace(' unitRef="USD"', "", 1), xsd


def total_that_no_longer_adds_up(xml: str, xsd: str) -> tuple[str, str]:
    fact = first_match(r'<us-gaap:Revenues contextRef="[^"]+" unitRef="USD" decimals="-3" id="[^"]+">(\d+)<', xml)
    return xml.replace(fact.group(0), fact.group(0).replace(fact.group(1), str(int(fact.group(1)) + 5000)), 1), xsd


def duplicate_with_another_value(xml: str, xsd: str) -> tuple[str, str]:
    fact = first_match(
        r'(<us-gaap:Revenues contextRef="[^"]+" unitRef="USD" decimals="-3") id="[^"]+">(\d+)(</us-gaap:Revenues>)', xml
    )
    copy = f"{fact.group(1)}>{int(fact.group(2)) + 1000}{fact.group(3)}"
    return xml.replace(fact.group(0), fact.group(0) + "\n" + copy, 1), xsd


def extension_concept_without_period_type(xml: str, xsd: str) -> tuple[str, str]:
    return xml, xsd.replace(' xbrli:periodType="instant"', "", 1)


def missing_required_dei(xml: str, xsd: str) -> tuple[str, str]:
    fact = first_match(r"<dei:EntityCentralIndexKey [^>]*>[^<]*</dei:EntityCentralIndexKey>\n?", xml)
    return xml.replace(fact.group(0), "", 1), xsd


def negative_non_negative(xml: str, xsd: str) -> tuple[str, str]:
    fact = first_match(r'(<us-gaap:Assets contextRef="[^"]+" unitRef="USD" decimals="-3" id="[^"]+">)(\d+)<', xml)
    return xml.replace(fact.group(0), f"{fact.group(1)}-{fact.group(2)}<", 1), xsd
