"""Our EDGAR checks (converter/validate/filing_rules.py) catch what they name, on a real seed's model."""

from dataclasses import replace

from lxml import etree

from converter.mapping.model import STANDARD_LABEL
from converter.validate.filing_rules import check_filing, file_names, html_is_safe, trimmed_labels

SEED = "capstone_8-K_2007-11-08"


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def test_the_seed_passes_every_rule(seed_outputs):
    result, outdir = seed_outputs[SEED]
    files = {p.name: p.read_bytes() for p in result.files}
    assert check_filing(result.model, files) == []


def test_labels_with_white_space_or_none_are_refused(seed_outputs):
    model = seed_outputs[SEED][0].model
    qname = model.labels[0][0]
    for text in (" (Item4)", "", "Revenue "):
        bad = replace(model, labels=(*model.labels, (qname, STANDARD_LABEL + "x", text)))
        assert codes(trimmed_labels(bad)) == {"xbrlconv.efm.labelWhiteSpace"}
    assert not list(trimmed_labels(model))


def test_active_content_and_bad_file_names_are_refused():
    page = b'<html xmlns="http://www.w3.org/1999/xhtml"><body><script>x()</script><a href="http://x.test">x</a></body></html>'
    assert codes(html_is_safe(etree.fromstring(page))) == {
        "xbrlconv.efm.disallowedElement",
        "xbrlconv.efm.externalReference",
    }
    assert codes(file_names(["Cpst-20071108.htm", "cpst 2007.xml"])) == {"xbrlconv.efm.fileName"}
